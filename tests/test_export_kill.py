"""An export killed at any moment never leaves a signed package the outbox does not
record, never replaces a recorded package, and never gives one sequence number to two
packages (SECURITY.md 25).

A forked child exports the 2024 report into a USB folder that already holds the recorded
package with sequence 1 of the same revision, and dies: at each named step of the export
(``packages.checkpoint``), inside the file placement (the temp file complete but not
named; named but the temp name not yet removed), at each SQL statement, and by SIGKILL
after a random delay. The parent then opens the workspace as the next start would and
checks the folder against the outbox; then exports again.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app import fsio
from app.demo import run_demo
from app.package import verify_package
from app.services import packages, reports
from app.services.reservations import PENDING
from app.services.workspace import open_workspace
from app.signing.keystore import KeyStore
from db import models as m
from tests.test_backup import add

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

STEPS = ("reserved", "placed", "recorded")
RANDOM_KILLS = 6


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district whose 2024 report was exported once into usb/ (sequence 1)."""
    root = tmp_path_factory.mktemp("export-kill")
    ws = open_workspace(root / "data")
    try:
        run_demo(ws, unit_id="gl.chuse", count=10)
        packages.ensure_key(ws)
        evidence = root / "anh.jpg"
        evidence.write_bytes(random.Random(5).randbytes(3 << 20))
        add(ws, "Hội nghị có ảnh", evidence, day="2024-06-20")
        summary = reports.latest(ws, "2024")
        assert summary is not None
        reports.refresh_draft(ws, summary.id)
        reports.finalize(ws, summary.id)
        (root / "usb").mkdir()
        assert packages.export_package(ws, "2024", root / "usb").sequence == 1
    finally:
        ws.close()
    return root


def _fresh(base: Path, tmp_path: Path, name: str) -> Path:
    """A copy of the district (data and usb); the outbox path is rewritten to the copy."""
    root = tmp_path / name
    shutil.copytree(base / "data", root / "data")
    shutil.copytree(base / "usb", root / "usb")
    con = sqlite3.connect(root / "data" / "tiendo.sqlite")
    with con:
        con.execute("UPDATE outbox SET path = replace(path, ?, ?)", (str(base), str(root)))
    con.close()
    return root


def _child(root: Path, die: Callable[[], None]) -> None:
    """In the forked child: arm the kill, export, exit 0. Never returns."""
    code = 0
    try:
        ws = open_workspace(root / "data")
        die()  # armed after the open, so the start-up's own writes are not counted
        packages.export_package(ws, "2024", root / "usb")
    except BaseException:
        import traceback

        (root / "child-error.txt").write_text(traceback.format_exc())
        code = 4
    os._exit(code)


def _run(root: Path, arm: Callable[[], None], *, kill_after: float | None = None) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        _child(root, arm)
    if kill_after is not None:
        time.sleep(kill_after)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _check(root: Path, first: bytes) -> set[int]:
    """What the next start sees; returns the sequence numbers on disk."""
    ws = open_workspace(root / "data")  # settles what the kill left
    try:
        key = KeyStore(root / "data").public_key("gl.chuse")
        with ws.db.session() as s:
            rows = {r.sequence: r for r in s.query(m.OutboxPackage)}
        on_disk: dict[int, Path] = {}
        for path in sorted((root / "usb").iterdir()):
            assert not path.name.startswith(".tiendo-"), f"temp file left: {path.name}"
            v = verify_package(path, {"gl.chuse": [key]})
            assert v.sequence not in on_disk, f"two packages with sequence {v.sequence}"
            on_disk[v.sequence] = path
            row = rows.get(v.sequence)
            assert row is not None, f"{path.name} is not in the outbox"
            assert row.sha256 == v.tagmanifest_sha256 and Path(row.path) == path
        assert all(r.sha256 != PENDING for r in rows.values())
        assert set(rows) == set(on_disk)  # and nothing recorded is missing
        assert on_disk[1].read_bytes() == first  # the recorded package is untouched
        return set(on_disk)
    finally:
        ws.close()


def _again(root: Path, before: set[int], first: bytes) -> None:
    """The next export after the kill takes a number no package on disk has."""
    ws = open_workspace(root / "data")
    try:
        result = packages.export_package(ws, "2024", root / "usb")
    finally:
        ws.close()
    assert result.sequence not in before
    assert _check(root, first) == before | {result.sequence}


def _first(base: Path) -> bytes:
    [path] = (base / "usb").iterdir()
    return path.read_bytes()


def at_step(step: str) -> Callable[[], None]:
    def arm() -> None:
        packages.checkpoint = lambda s: os._exit(9) if s == step else None

    return arm


def before_the_name() -> None:
    fsio.place_new = lambda *a, **k: os._exit(9)  # type: ignore[assignment]


def between_link_and_unlink() -> None:
    real_link = os.link

    def link(src: object, dst: object) -> None:
        real_link(src, dst)  # type: ignore[arg-type]
        os._exit(9)

    os.link = link  # type: ignore[assignment]


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step(base: Path, tmp_path: Path, step: str) -> None:
    root = _fresh(base, tmp_path, step)
    assert _run(root, at_step(step)) == 9
    on_disk = _check(root, _first(base))
    assert on_disk == ({1} if step == "reserved" else {1, 2})
    _again(root, on_disk, _first(base))


@pytest.mark.parametrize("arm", [before_the_name, between_link_and_unlink])
def test_killed_while_the_file_gets_its_name(
    base: Path, tmp_path: Path, arm: Callable[[], None]
) -> None:
    root = _fresh(base, tmp_path, arm.__name__)
    assert _run(root, arm) == 9
    leftovers = [p.name for p in (root / "usb").iterdir() if p.name.startswith(".tiendo-")]
    assert leftovers  # the signed temp file is there until the next start
    on_disk = _check(root, _first(base))
    assert on_disk == ({1} if arm is before_the_name else {1, 2})
    _again(root, on_disk, _first(base))


WRITES = ("BEGIN", "INSERT", "UPDATE", "DELETE", "COMMIT")


def test_killed_at_each_sql_statement(base: Path, tmp_path: Path) -> None:
    """Killed before each statement that writes, or begins or ends a transaction."""

    def at_statement(k: int) -> Callable[[], None]:
        def arm() -> None:
            from sqlalchemy import Engine, event

            seen = [0]

            def on_sql(_conn: object, _cur: object, statement: str, *_: object) -> None:
                if statement.lstrip().upper().startswith(WRITES):
                    seen[0] += 1
                    if seen[0] == k:
                        os._exit(9)

            event.listen(Engine, "before_cursor_execute", on_sql)

        return arm

    outcomes = set()
    for k in range(1, 60):
        root = _fresh(base, tmp_path, f"sql-{k}")
        code = _run(root, at_statement(k))
        if code == 0:
            break  # k is past the export's last statement
        assert code == 9
        outcomes.add(frozenset(_check(root, _first(base))))
        shutil.rmtree(root)
    else:
        raise AssertionError("the export never finished")
    assert outcomes == {frozenset({1}), frozenset({1, 2})}


def test_killed_at_random_moments(base: Path, tmp_path: Path) -> None:
    rnd = random.Random(int(os.environ.get("TIENDO_KILL_SEED", "25")))
    runs = int(os.environ.get("TIENDO_KILL_RUNS", RANDOM_KILLS))
    for i in range(runs):
        root = _fresh(base, tmp_path, f"random-{i}")
        _run(root, lambda: None, kill_after=rnd.uniform(0.05, 1.5))
        _again(root, _check(root, _first(base)), _first(base))
        shutil.rmtree(root)


def test_exporting_twice_to_a_folder_keeps_both(base: Path, tmp_path: Path) -> None:
    root = _fresh(base, tmp_path, "twice")
    assert _run(root, lambda: None) == 0
    assert _check(root, _first(base)) == {1, 2}
    assert len(list((root / "usb").iterdir())) == 2
