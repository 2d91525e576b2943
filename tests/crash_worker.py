"""A process for tests/test_crash.py to kill -9 at a random moment.

    python tests/crash_worker.py MODE DATA_DIR [DEST_DIR] [SEED]

Runs the app's own operations in a loop until killed, and after each one that committed
prints one line, flushed, so the test knows what must survive:

    edit:    "add <id>" / "upd <id> <n>" (description set to "lần sửa <n>") / "ev <id> <sha256>"
    export:  "export <sequence> <sha256 of the file>"
    backup:  "auto <file name>" / "manual <file name>"

It prints "ready" once set up, before the loop.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("TIENDO_KEY_PASSPHRASE", "mật khẩu thử nghiệm")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def edit(ws: Workspace, rng: random.Random, scratch: Path) -> None:
    from app.services import activities
    from app.services.activities import ActivityInput

    ids: list[int] = []
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if not ids or roll < 0.3:
            aid = activities.add_activity(
                ws,
                ActivityInput(
                    "II.1",
                    dt.date(2024, 5, 1 + n % 28),
                    f"Hoạt động {n}",
                    values={"hoi_nghi": n},
                ),
            )
            ids.append(aid)
            say(f"add {aid}")
        elif roll < 0.4:
            aid = rng.choice(ids)
            f = scratch / f"anh-{n}.jpg"
            f.write_bytes(rng.randbytes(rng.randrange(1000, 200_000)))
            activities.attach_evidence(ws, aid, [f])
            say(f"ev {aid} {hashlib.sha256(f.read_bytes()).hexdigest()}")
        else:
            aid = rng.choice(ids)
            activities.update_field(ws, aid, "description", f"lần sửa {n}")
            say(f"upd {aid} {n}")


def export(ws: Workspace, dest: Path) -> None:
    from app.services.packages import export_package

    while True:
        result = export_package(ws, "2024", dest)
        digest = hashlib.sha256(result.path.read_bytes()).hexdigest()
        say(f"export {result.sequence} {digest}")


def backups(ws: Workspace, dest: Path, rng: random.Random) -> None:
    from app.services import backup

    while True:
        if rng.random() < 0.5:
            info = backup.auto_backup(ws, force=True)
            assert info is not None
            say(f"auto {info.path.name}")
        else:
            info = backup.create_backup(ws, dest)
            say(f"manual {info.path.name}")


def main() -> None:
    mode, data = sys.argv[1], Path(sys.argv[2])
    dest = Path(sys.argv[3]) if len(sys.argv) > 3 else data.parent / "dest"
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    from app.services.workspace import open_workspace

    ws = open_workspace(data)
    rng = random.Random(seed)
    scratch = data.parent / f"scratch-{os.getpid()}"
    scratch.mkdir(exist_ok=True)
    say("ready")
    if mode == "edit":
        edit(ws, rng, scratch)
    elif mode == "export":
        export(ws, dest)
    elif mode == "backup":
        backups(ws, dest, rng)
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
