"""A full disk and a read-only data folder (SECURITY.md 26): every command says what is
wrong with the disk, in plain words, and never calls the database damaged or advises a
restore that would lose the work since the last backup. Real file systems: a 6 MiB tmpfs
filled to a few free bytes, a read-only bind mount (root only; skipped elsewhere)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo import run_demo
from app.services import packages, reports
from app.services.workspace import open_workspace
from tests.mounts import fill, read_only_view, tmpfs, unfill
from tests.test_cli import tiendo
from tests.test_province import (
    enroll_key,
    make_package,
    new_province,
    unit_key,
)

# free bytes left on the disk: none at all, a few pages, and enough for some writes
LEVELS = (0, 8 * 1024, 64 * 1024)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "o-dia", "6m") as path:
        yield path


def district(data: Path) -> None:
    ws = open_workspace(data)
    try:
        run_demo(ws, unit_id="gl.chuse", count=6)
        packages.ensure_key(ws)
        summary = reports.latest(ws, "2024")
        assert summary is not None
        reports.refresh_draft(ws, summary.id)
        reports.finalize(ws, summary.id)
    finally:
        ws.close()


def count(data: Path, table: str) -> int:
    con = sqlite3.connect(data / "tiendo.sqlite")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def said_plainly(proc: object, *, disk_words: tuple[str, ...] = ("đầy",)) -> bool:
    """True when the command succeeded; asserts the failure words otherwise."""
    out = proc.stdout + proc.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in out, out
    assert "khôi phục" not in out.lower(), out
    assert "hỏng" not in out, out
    if proc.returncode == 0:  # type: ignore[attr-defined]
        return True
    assert proc.returncode == 1, out  # type: ignore[attr-defined]
    assert any(w in proc.stderr for w in disk_words), out  # type: ignore[attr-defined]
    return False


def test_unit_commands_on_a_full_disk_say_the_disk_is_full(disk: Path, tmp_path: Path) -> None:
    data = disk / "du-lieu"
    district(data)
    activities = count(data, "activities")
    outbox = count(data, "outbox")
    usb = tmp_path / "usb"
    usb.mkdir()
    failures = 0
    for leave in LEVELS:
        fill(disk, leave)
        add = tiendo(
            "activity", "add", "--task", "II.1", "--date", "2024-03-01",
            "--title", f"Hội nghị khi còn {leave} byte", data_dir=data, check=False,
        )  # fmt: skip
        activities += said_plainly(add)
        export = tiendo("export", "--period", "2024", "--out", str(usb), data_dir=data, check=False)
        outbox += said_plainly(export)
        failures += (add.returncode != 0) + (export.returncode != 0)
        unfill(disk)
    assert failures >= 2  # the empty disk refused both, at least
    # nothing was lost or half-written: what succeeded is there, the file is whole
    assert count(data, "activities") == activities
    # as the next start sees it: every package written is in the outbox and only those
    # (an export whose last write failed on the full disk is settled now)
    open_workspace(data).close()
    assert count(data, "outbox") == len(list(usb.glob("*.tdpkg"))) >= outbox


def test_province_import_on_a_full_disk_says_the_disk_is_full(
    disk: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    prov = new_province(tmp_path_factory.getbasetemp(), disk / "so")
    key = unit_key("gl.chuse")
    enroll_key(prov, key)
    prov.close()
    pkg = make_package(tmp_path / "goi", key)
    imported = 0
    for leave in LEVELS:
        fill(disk, leave)
        proc = tiendo(
            "province", "import", str(pkg), "--receipts", str(tmp_path / "bn"),
            data_dir=disk / "so", check=False,
        )  # fmt: skip
        imported += said_plainly(proc)
        unfill(disk)
    assert count(disk / "so", "received_packages") == min(imported, 1)


def test_the_window_says_the_disk_is_full_not_that_the_data_is_damaged(disk: Path) -> None:
    from tests.test_startup import run_gui

    data = disk / "du-lieu"
    district(data)
    fill(disk, 0)
    code, _out, err = run_gui(data)
    assert code == 1, err
    assert "đầy" in err and "hỏng" not in err and "Traceback" not in err, err


def test_a_read_only_data_folder_says_so(tmp_path: Path) -> None:
    data = tmp_path / "du-lieu"
    district(data)
    with read_only_view(data, tmp_path / "chi-doc") as ro:
        proc = tiendo(
            "activity", "add", "--task", "II.1", "--date", "2024-03-01", "--title", "Họp",
            data_dir=ro, check=False,
        )  # fmt: skip
        assert not said_plainly(proc, disk_words=("chỉ đọc", "quyền ghi"))


def test_a_read_only_data_folder_can_still_be_backed_up(tmp_path: Path) -> None:
    """Issue #16 item 10: the rescue copy of a write-protected stick, with the last
    edits still in the -wal (the app that made them has not closed)."""
    import datetime as dt

    from app.paths import DataLayout
    from app.services import activities
    from app.services.activities import ActivityInput
    from app.services.backup import restore_backup

    data = tmp_path / "du-lieu"
    district(data)
    ws = open_workspace(data)
    try:
        photo = tmp_path / "anh.jpg"
        photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 40)
        activities.add_activity(
            ws,
            ActivityInput("II.1", dt.date(2024, 5, 2), "Hội nghị cuối cùng", values={}),
            [photo],
        )
        assert (data / "tiendo.sqlite-wal").stat().st_size > 0  # not checkpointed yet
        out = tmp_path / "usb"
        out.mkdir()
        with read_only_view(data, tmp_path / "chi-doc") as ro:
            proc = tiendo("backup", "--out", str(out), data_dir=ro, check=False)
        assert proc.returncode == 0, proc.stderr
        assert "chỉ đọc" in proc.stdout and "Đã sao lưu" in proc.stdout
    finally:
        ws.close()
    [made] = out.glob("*.zip")
    fresh = DataLayout(tmp_path / "may-moi")
    result = restore_backup(fresh, made)
    assert result.missing_evidence == ()
    restored = open_workspace(fresh.root)
    try:
        titles = {r.title for r in activities.list_rows(restored)}
    finally:
        restored.close()
    assert "Hội nghị cuối cùng" in titles
