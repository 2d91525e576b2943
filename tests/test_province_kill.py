"""An import killed at any moment leaves the province database with integrity_check ok and
the package either fully there or absent, the rest unchanged (SECURITY.md 9).

Each case forks a child that imports revision 2 over a province holding revision 1 and
dies: at each named step of the import (``intake.checkpoint``), at each SQL statement
it sends, and by SIGKILL from the parent after a random delay (6 times here; the slow
test does 200, or TIENDO_KILL_RUNS, with TIENDO_KILL_SEED to vary the delays). The
parent then opens the database and checks.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.services.province import intake
from app.services.province.intake import Outcome, import_packages
from app.services.province.staging import clean_staging
from app.services.workspace import open_workspace
from db import models as m
from tests.test_province import enroll_key, make_package, new_province, unit_key

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

STEPS = ("verified", "staged", "stored", "rows", "committed")
RANDOM_KILLS = 6


@dataclass(frozen=True)
class Setup:
    base: Path  # a province holding revision 1
    small: Path  # revision 2, small
    large: Path  # revision 2, 24 MB of evidence
    evidence_small: int
    evidence_large: int


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("kill")
    key = unit_key("gl.chuse")
    ws = new_province(tmp_path_factory.getbasetemp(), root / "base")
    try:
        enroll_key(ws, key)
        r1 = make_package(root / "pk", key, revision=1, sequence=1)
        assert import_packages(ws, [r1], receipts=False)[0].ok
    finally:
        ws.close()
    small = make_package(
        root / "pk",
        key,
        revision=2,
        sequence=2,
        evidence=[("a.txt", b"a" * 100), ("b.jpg", b"b" * 3000), ("c.pdf", b"c" * 7)],
    )
    rnd = random.Random(9)
    large = make_package(
        root / "pk",
        key,
        revision=2,
        sequence=3,
        evidence=[(f"anh-{i}.jpg", rnd.randbytes(4 << 20)) for i in range(6)],
    )
    return Setup(root / "base", small, large, 3, 6)


def _child(
    data: Path,
    package: Path,
    *,
    step: str | None = None,
    statement: int = 0,
    count_to: Path | None = None,
) -> None:
    """In the forked child: import and die where asked. Never returns."""
    code = 0
    try:
        if step is not None:
            intake.checkpoint = lambda s: os._exit(9) if s == step else None
        ws = open_workspace(data)
        if statement or count_to is not None:
            from sqlalchemy import event

            seen = [0]

            def on_sql(*_: object) -> None:
                seen[0] += 1
                if seen[0] == statement:
                    os._exit(9)

            event.listen(ws.db.engine, "before_cursor_execute", on_sql)
        [result] = import_packages(ws, [package], receipts=False)
        code = 0 if result.outcome is Outcome.IMPORTED else 3
        if count_to is not None:
            count_to.write_text(str(seen[0]))
    except BaseException:
        import traceback

        (data.parent / f"{data.name}.child-error.txt").write_text(traceback.format_exc())
        code = 4
    os._exit(code)


def _run(data: Path, package: Path, *, kill_after: float | None = None, **kw: object) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        _child(data, package, **kw)  # type: ignore[arg-type]
    if kill_after is not None:
        time.sleep(kill_after)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the importing child hung")
        time.sleep(0.005)


def _fresh(setup: Setup, tmp_path: Path, name: str) -> Path:
    data = tmp_path / name
    shutil.copytree(setup.base, data)
    return data


def _check(data: Path, evidence: int) -> bool:
    """integrity ok, and revision 2 entirely there or entirely absent; True if there."""
    con = sqlite3.connect(data / "tiendo.sqlite")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    ws = open_workspace(data)
    try:
        with ws.db.session() as s:
            rows = {r.revision: r for r in s.query(m.ReceivedPackage)}
            linked = {r.revision: [(e.sha256, e.name) for e in r.evidence] for r in rows.values()}
        assert 1 in rows and len(linked[1]) == 1
        if 2 not in rows:
            assert rows[1].state == "current" and len(rows) == 1
            return False
        assert rows[1].state == "superseded" and rows[2].state == "current"
        assert len(linked[2]) == evidence
        for sha, _ in linked[2]:
            assert ws.evidence.path_for(sha).is_file()
        return True
    finally:
        ws.close()


def _finish(data: Path, package: Path, evidence: int) -> None:
    """After the kill the same import can be done again, and ends complete."""
    ws = open_workspace(data)
    try:
        [result] = import_packages(ws, [package], receipts=False)
        assert result.ok, result.message
        clean_staging(ws)
        leftovers = list(ws.layout.staging.iterdir()) if ws.layout.staging.exists() else []
        assert leftovers == []
    finally:
        ws.close()
    assert _check(data, evidence)


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step(setup: Setup, tmp_path: Path, step: str) -> None:
    data = _fresh(setup, tmp_path, step)
    assert _run(data, setup.small, step=step) == 9
    there = _check(data, setup.evidence_small)
    assert there == (step == "committed")
    _finish(data, setup.small, setup.evidence_small)


def test_killed_at_each_sql_statement(setup: Setup, tmp_path: Path) -> None:
    counted = tmp_path / "statements.txt"
    data = _fresh(setup, tmp_path, "count")
    assert _run(data, setup.small, count_to=counted) == 0
    statements = int(counted.read_text())
    assert statements >= 5
    outcomes = []
    for k in range(1, statements + 1):
        data = _fresh(setup, tmp_path, f"sql-{k}")
        assert _run(data, setup.small, statement=k) == 9
        outcomes.append(_check(data, setup.evidence_small))
        shutil.rmtree(data)
    # the last statement is before COMMIT: nothing is ever half there
    assert not any(outcomes)


def test_killed_at_random_moments(setup: Setup, tmp_path: Path) -> None:
    _random_kills(setup, tmp_path, RANDOM_KILLS)


@pytest.mark.slow
def test_killed_at_many_random_moments(setup: Setup, tmp_path: Path) -> None:
    _random_kills(setup, tmp_path, int(os.environ.get("TIENDO_KILL_RUNS", "200")))


def _random_kills(setup: Setup, tmp_path: Path, kills: int) -> None:
    """SIGKILL after a delay drawn over the import's own duration; check after each."""
    data = _fresh(setup, tmp_path, "timing")
    started = time.monotonic()
    assert _run(data, setup.large) == 0
    took = time.monotonic() - started
    rnd = random.Random(int(os.environ.get("TIENDO_KILL_SEED", "157")))
    seen = {True: 0, False: 0}
    for n in range(kills):
        data = _fresh(setup, tmp_path, f"random-{n}")
        _run(data, setup.large, kill_after=rnd.uniform(0.0, took * 1.1))
        seen[_check(data, setup.evidence_large)] += 1
        if n == 0:
            _finish(data, setup.large, setup.evidence_large)
        shutil.rmtree(data)
    assert sum(seen.values()) == kills


def test_the_next_start_removes_a_killed_imports_staging_folder(
    setup: Setup, tmp_path: Path
) -> None:
    """Issue #16 item 12: at start-up, not only at the next import."""
    data = _fresh(setup, tmp_path, "staging")
    assert _run(data, setup.small, step="staged") == 9
    left = list((data / "staging").glob("import-*"))
    assert left, "the kill left its staging folder (else this test proves nothing)"
    open_workspace(data).close()
    assert list((data / "staging").glob("import-*")) == []
