"""Benchmark: `tiendo export` and `tiendo verify` of a package with 1 GiB of evidence,
against floors measured in the same rounds.

A unit is set up from the command line (`tiendo setup`, `tiendo demo` to draft its 2024
reports from a few activities, then one more activity carrying the evidence files with
`tiendo activity add`); one untimed export finalizes the year's report. Then, in each round, side by side:

- `tiendo export --period 2024 --out DIR` (the PDF, the key unlocked from its
  passphrase-encrypted file, the package written, fsynced and renamed, the outbox row),
  against a **durable copy** of the same evidence files (read, SHA-256, write, fsync, as
  a process) — target ≤ 1.5×;
- `tiendo verify PKG --pubkey FILE` against **one SHA-256 pass** over the package (as a
  process, so both pay a process start) — target ≤ 1.3×.

Peak memory is each command's own (``os.wait4``); target under 200 MB whatever the size.
The evidence is random bytes named .jpg (stored uncompressed, like photos) and is in the
page cache.

    .venv/bin/python benchmarks/bench_package.py                 # 4 × 256 MiB, 5 rounds
    .venv/bin/python benchmarks/bench_package.py --files 64 --size-mb 1024
    .venv/bin/python benchmarks/bench_package.py --small         # CI: 2 × 4 MiB, 1 round
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clibench import (
    HEADER,
    Pair,
    check_memory,
    durable_copy,
    machine,
    random_file,
    row,
    run,
    sha_pass,
    tiendo,
    timed,
)

MIB = 1 << 20
EXPORT_TARGET = 1.5
VERIFY_TARGET = 1.3


def prepare(work: Path, files: int, size_mb: int) -> tuple[Path, list[Path], Path, Path]:
    """(data folder, the evidence files as stored, out folder, public key file)."""
    data = work / "unit"
    run(
        tiendo(
            "--data-dir", str(data), "setup", "--role", "unit", "--unit", "gl.chuse",
            "--leader-name", "Nguyễn Văn An",
        )
    )  # fmt: skip
    run(tiendo("--data-dir", str(data), "demo", "--unit", "gl.chuse", "--activities", "12"))
    source = work / "source"
    source.mkdir()
    per_file = size_mb * MIB // files
    paths = []
    for i in range(files):
        paths.append(source / f"anh-hoi-nghi-{i:03d}.jpg")
        random_file(paths[-1], per_file)
    evidence_args = [arg for p in paths for arg in ("--evidence", str(p))]
    run(
        tiendo(
            "--data-dir", str(data), "activity", "add", "--task", "II.1",
            "--date", "2024-05-05", "--title", "Hội nghị quán triệt công tác thông tin đối ngoại",
            *evidence_args,
        )
    )  # fmt: skip
    for p in paths:
        p.unlink()
    out = work / "out"
    out.mkdir()
    run(
        tiendo(
            "--data-dir", str(data), "export", "--period", "2024", "--out", str(out), "--finalize"
        )
    )
    pub = work / "unit.pub"
    run(tiendo("--data-dir", str(data), "key", "export-public", str(pub)))
    stored = sorted(p for p in (data / "evidence").rglob("*") if p.stat().st_size == per_file)
    return data, stored, out, pub


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--size-mb", type=int, default=1024, help="MiB of evidence in all")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--small", action="store_true", help="2 × 4 MiB, one round (CI)")
    args = parser.parse_args()
    if args.small:
        args.files, args.size_mb, args.rounds = 2, 8, 1

    with tempfile.TemporaryDirectory(prefix="tiendo-bench-package-") as tmp:
        work = Path(tmp)
        data, stored, out, pub = prepare(work, args.files, args.size_mb)
        [package] = list(out.glob("*.tdpkg"))
        exports, verifies = [], []
        for n in range(args.rounds):
            floor = durable_copy(stored, work / "copy")
            # each export a new file (an export never replaces one): a folder per round,
            # removed after it, so the disk holds one package more at most
            into = work / f"round-{n}"
            into.mkdir()
            export = tiendo(
                "--data-dir", str(data), "export", "--period", "2024", "--out", str(into)
            )
            exports.append(Pair(timed(export), floor))
            shutil.rmtree(into)
            floor = sha_pass([package])
            verifies.append(
                # in the officer's own installation (the unit's name is read from it)
                Pair(
                    timed(
                        tiendo(
                            "--data-dir", str(data), "verify", str(package), "--pubkey", str(pub)
                        )
                    ),
                    floor,
                )
            )
        size = package.stat().st_size

    print(
        f"{machine()}; evidence {args.size_mb} MiB in {args.files} files, package "
        f"{size / MIB:.0f} MiB; {args.rounds} rounds"
    )
    print(HEADER)
    print(row("tiendo export", exports, "durable copy", EXPORT_TARGET, not args.small))
    print(row("tiendo verify", verifies, "SHA-256 pass", VERIFY_TARGET, not args.small))
    check_memory("tiendo export", [p.command for p in exports], unlocks_key=True)
    check_memory("tiendo verify", [p.command for p in verifies], unlocks_key=False)


if __name__ == "__main__":
    main()
