"""Backups and restore (SECURITY.md 18-19): the online backup API, self-contained and
rolling backups, a restore that never mixes two states, and a damaged database at start."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest

from app.errors import DatabaseDamaged, DatabaseError
from app.paths import DataLayout
from app.services import activities, backup
from app.services.activities import ActivityInput
from app.services.backup import BackupCancelled, BackupError
from app.services.workspace import Workspace, open_workspace
from tests.samples import temp_files
from tests.test_cli import tiendo

ICT = dt.timezone(dt.timedelta(hours=7))


# -- helpers shared with the crash and start-up tests ------------------------------------------


def add(ws: Workspace, title: str, *evidence: Path, day: str = "2024-05-10") -> int:
    return activities.add_activity(
        ws,
        ActivityInput("II.1", dt.date.fromisoformat(day), title, values={"hoi_nghi": 2}),
        list(evidence),
    )


def photo(folder: Path, name: str, size: int = 50_000, seed: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(hashlib.sha256(f"{name}{seed}".encode()).digest() * (size // 32))
    return path


def fill(ws: Workspace, folder: Path, n: int = 3) -> list[int]:
    """n activities, each with its own photo, plus one photo shared by two of them."""
    shared = photo(folder, "chung.jpg", seed=99)
    ids = [
        add(ws, f"Hội nghị tuyên truyền số {i}", photo(folder, f"anh-{i}.jpg")) for i in range(n)
    ]
    activities.attach_evidence(ws, ids[0], [shared])
    activities.attach_evidence(ws, ids[-1], [shared])
    return ids


def rows(db_file: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for "restores to identical rows"."""
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def integrity(db_file: Path) -> str:
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return "; ".join(str(r[0]) for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def damage(db_file: Path) -> None:
    """What a power cut on a cheap disk does: garbage over a run of pages amid the records
    (the audit trail's, the biggest table). Chosen by what they hold rather than by where
    they sit in the file, so that a schema with more tables does not move the damage onto
    the few pages that say which unit this is, which a read-only open still reads."""
    con = sqlite3.connect(db_file)
    try:
        pages = [n for (n,) in con.execute("SELECT pageno FROM dbstat WHERE name = 'audit_log'")]
    finally:
        con.close()
    data = bytearray(db_file.read_bytes())
    page = 4096
    middle = sorted(pages)[len(pages) // 2 : len(pages) // 2 + 3]
    for number in middle:
        data[(number - 1) * page : number * page] = b"\xde\xad\xbe\xef" * (page // 4)
    db_file.write_bytes(bytes(data))


def stored_evidence(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "evidence").glob("*/*") if p.is_file()}


def titles(ws: Workspace) -> set[str]:
    return {r.title for r in activities.list_rows(ws)}


# -- self-contained backups --------------------------------------------------------------------


def test_manual_backup_is_a_self_contained_zip_that_restores_identical_rows(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill(workspace, tmp_path / "src")
    usb = tmp_path / "usb"
    usb.mkdir()
    before_rows = rows(workspace.db.path)
    before_files = stored_evidence(workspace.layout.root)
    info = backup.create_backup(workspace, usb)

    assert info.path.parent == usb and info.path.name.startswith("TienDo-saoluu-gl.chuse-")
    assert [p.name for p in usb.iterdir()] == [info.path.name]  # no temp file left
    with zipfile.ZipFile(info.path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        assert names == {"manifest.json", "tiendo.sqlite"} | {
            f"evidence/{sha}" for sha in before_files
        }
        for e in manifest["evidence"]:
            assert hashlib.sha256(zf.read(e["member"])).hexdigest() == e["sha256"]
        db_bytes = zf.read("tiendo.sqlite")
    assert hashlib.sha256(db_bytes).hexdigest() == manifest["database"]["sha256"]
    assert manifest["format"] == "tiendo-backup" and manifest["version"] == 1
    assert manifest["unit_id"] == "gl.chuse" and manifest["schema_revision"]
    assert manifest["counts"]["activities"] == 3 and manifest["counts"]["evidence"] == 4
    assert info.self_contained and len(info.evidence) == 4
    assert "Chư Sê" in info.summary_vi() and "3 hoạt động" in info.summary_vi()

    # a new PC: an empty data folder, restore from the USB stick alone
    fresh = DataLayout(tmp_path / "may-moi")
    result = backup.restore_backup(fresh, info.path)
    assert result.kept_as is None and result.evidence_added == 4 and not result.missing_evidence
    assert integrity(fresh.database) == "ok"
    assert rows(fresh.database) == before_rows
    assert stored_evidence(fresh.root) == before_files
    ws = open_workspace(fresh.root)
    try:
        assert titles(ws) == {f"Hội nghị tuyên truyền số {i}" for i in range(3)}
    finally:
        ws.close()


def test_backup_taken_while_writing_passes_integrity_check_and_restores_identically(
    workspace: Workspace, tmp_path: Path
) -> None:
    aid = add(workspace, "Đang sửa")
    stop = threading.Event()
    errors: list[BaseException] = []

    def edit() -> None:
        i = 0
        while not stop.is_set():
            try:
                activities.update_field(workspace, aid, "description", f"lần sửa {i}")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
                return
            i += 1

    writer = threading.Thread(target=edit)
    writer.start()
    try:
        infos = [backup.create_backup(workspace, tmp_path / f"b{i}.zip") for i in range(3)]
    finally:
        stop.set()
        writer.join()
    assert not errors
    for n, info in enumerate(infos):
        with zipfile.ZipFile(info.path) as zf:
            out = tmp_path / f"db{n}.sqlite"
            out.write_bytes(zf.read("tiendo.sqlite"))
        assert integrity(out) == "ok"
        fresh = DataLayout(tmp_path / f"restored{n}")
        backup.restore_backup(fresh, info.path)
        assert rows(fresh.database) == rows(out)


def test_backup_refuses_a_damaged_database_rather_than_copying_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    add(workspace, "Hoạt động")
    workspace.close()
    damage(workspace.layout.database)
    ws = open_workspace(workspace.layout.root, allow_damaged=True)
    try:
        assert ws.db.read_only
        with pytest.raises(BackupError, match="hỏng"):
            backup.create_backup(ws, tmp_path)
        assert backup.auto_backup(ws) is None  # good backups are never rotated out
    finally:
        ws.close()
    assert not list(tmp_path.glob("*.zip"))


# -- automatic rolling backups -------------------------------------------------------------------


def test_automatic_backups_share_one_evidence_pool_and_keep_one_per_day(
    workspace: Workspace, tmp_path: Path
) -> None:
    layout = workspace.layout
    fill(workspace, tmp_path / "src")
    day = dt.datetime(2024, 6, 1, 17, 0, tzinfo=ICT)
    first = backup.auto_backup(workspace, now=day)
    assert first is not None and not first.self_contained
    pool = backup.pool_folder(layout)
    assert {p.name for p in pool.glob("*/*")} == set(stored_evidence(layout.root))
    with zipfile.ZipFile(first.path) as zf:
        assert set(zf.namelist()) == {"manifest.json", "tiendo.sqlite"}

    assert backup.auto_backup(workspace, now=day + dt.timedelta(hours=1)) is None  # unchanged

    # nine more days, each with a new photo: seven backups stay, one photo each in the pool
    for i in range(1, 10):
        add(workspace, f"Ngày {i}", photo(tmp_path / "src", f"ngay-{i}.jpg"))
        assert backup.auto_backup(workspace, now=day + dt.timedelta(days=i)) is not None
    # a second backup on the last day replaces that day's first one
    add(workspace, "Buổi chiều")
    last = backup.auto_backup(workspace, now=day + dt.timedelta(days=9, hours=2))
    assert last is not None
    found = backup.list_backups(layout)
    assert len(found) == 7 and found[0].path == last.path
    assert [b.created.date() for b in found] == [
        (day + dt.timedelta(days=i)).date() for i in range(9, 2, -1)
    ]
    referenced = {e.sha256 for b in found for e in b.evidence}
    # every photo once, though seven backups refer to most of them
    assert {p.name for p in pool.glob("*/*")} == referenced == set(stored_evidence(layout.root))
    assert len(referenced) == 4 + 9
    # a pool file no backup refers to (left by a backup killed before its ZIP was renamed
    # into place) goes at the next pruning
    orphan = pool / "00" / ("00" * 32)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"orphan")
    backup.prune_auto_backups(layout, 7)
    assert not orphan.exists() and len(list(pool.glob("*/*"))) == 13

    # the pool is shared, yet each backup restores everything it references
    fresh = DataLayout(tmp_path / "fresh")
    fresh.root.mkdir()
    (fresh.root / "backups").symlink_to(layout.backups)
    result = backup.restore_backup(fresh, found[-1].path)
    assert not result.missing_evidence and result.evidence_added == len(found[-1].evidence)


def test_keep_setting_and_start_up_backup_when_due(workspace: Workspace) -> None:
    workspace.settings.extra[backup.KEEP_SETTING] = "2"
    workspace.save_settings()
    assert backup.keep_setting(workspace) == 2
    day = dt.datetime(2024, 6, 1, 8, 0, tzinfo=ICT)
    for i in range(4):
        add(workspace, f"Việc {i}")
        assert backup.backup_if_due(workspace, now=day + dt.timedelta(days=i)) is not None
        add(workspace, f"Việc thêm {i}")
        assert backup.backup_if_due(workspace, now=day + dt.timedelta(days=i, hours=3)) is None
    assert len(backup.list_backups(workspace.layout)) == 2
    assert backup.backup_at_close(workspace) is not None  # the close hook: changes since


def test_close_hook_logs_rather_than_raises(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise BackupError("Ổ đĩa đầy.")

    monkeypatch.setattr(backup, "auto_backup", broken)
    assert backup.backup_at_close(workspace) is None


# -- restore: verify first, stage, swap ------------------------------------------------------------


def test_restore_keeps_the_replaced_database_and_leaves_no_wal(
    workspace: Workspace, tmp_path: Path
) -> None:
    layout = workspace.layout
    fill(workspace, tmp_path / "src")
    info = backup.create_backup(workspace, tmp_path)
    expected = rows(workspace.db.path)
    later = add(workspace, "Ghi sau khi sao lưu")
    (layout.evidence / next(iter(stored_evidence(layout.root)))[:2]).rename(tmp_path / "lost")
    seen: list[tuple[int, int]] = []
    result = backup.restore_backup(
        layout, info.path, close_current=workspace.close, progress=lambda d, t: seen.append((d, t))
    )
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert result.kept_as is not None and result.kept_as.parent == layout.backups
    assert result.kept_as.name.startswith("truoc-khoi-phuc-")
    assert result.evidence_added >= 1
    assert rows(layout.database) == expected
    assert not (layout.root / "tiendo.sqlite-wal").exists()
    assert not (layout.root / "tiendo.sqlite-shm").exists()
    assert not list(layout.root.glob("*.khoi-phuc*"))
    # the replaced database is whole: the activity recorded after the backup is in it
    kept = rows(result.kept_as)
    assert any(r[0] == later for r in kept["activities"])
    ws = open_workspace(layout.root)
    try:
        assert "Ghi sau khi sao lưu" not in titles(ws)
        for link in activities.get_activity(ws, 1).evidence:
            assert link.path.is_file()
    finally:
        ws.close()


def test_a_damaged_backup_is_refused_before_anything_changes(
    workspace: Workspace, tmp_path: Path
) -> None:
    layout = workspace.layout
    add(workspace, "Hoạt động")
    info = backup.create_backup(workspace, tmp_path)
    workspace.close()
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tiendo.sqlite":
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.writestr(item, data)
    before = layout.database.read_bytes()
    with pytest.raises(BackupError, match=r"bị hỏng \(tiendo.sqlite\)"):
        backup.restore_backup(layout, bad)
    (tmp_path / "not-a-zip.zip").write_bytes(b"PK\x03\x04 rubbish")
    with pytest.raises(BackupError, match="không phải bản sao lưu"):
        backup.restore_backup(layout, tmp_path / "not-a-zip.zip")
    with pytest.raises(BackupError, match="Không tìm thấy"):
        backup.restore_backup(layout, tmp_path / "none.zip")
    with pytest.raises(BackupCancelled):
        backup.restore_backup(layout, info.path, cancelled=lambda: True)
    assert layout.database.read_bytes() == before
    assert not list(layout.root.glob("*.khoi-phuc*"))
    assert not temp_files(layout.evidence)
    assert not list(layout.backups.glob("truoc-khoi-phuc-*"))


def _rewrite_manifest(src: Path, dst: Path, **changes: object) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest.update(changes)
                data = json.dumps(manifest).encode()
            zout.writestr(item, data)


def test_backups_from_a_newer_app_are_refused(workspace: Workspace, tmp_path: Path) -> None:
    info = backup.create_backup(workspace, tmp_path)
    _rewrite_manifest(info.path, tmp_path / "v2.zip", version=2)
    with pytest.raises(BackupError, match="phiên bản 2"):
        backup.restore_backup(workspace.layout, tmp_path / "v2.zip")
    _rewrite_manifest(info.path, tmp_path / "new-schema.zip", schema_revision="9999")
    with pytest.raises(DatabaseError, match="mới hơn"):
        backup.restore_backup(workspace.layout, tmp_path / "new-schema.zip")
    _rewrite_manifest(info.path, tmp_path / "other.zip", format="something-else")
    with pytest.raises(BackupError, match="sai định dạng"):
        backup.read_backup_info(tmp_path / "other.zip")


def test_damaged_evidence_in_a_backup_is_reported_not_half_restored(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill(workspace, tmp_path / "src", n=1)
    info = backup.create_backup(workspace, tmp_path)
    victim = info.evidence[0]
    bad = tmp_path / "bad-photo.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == victim.member:
                data = b"x" + data[1:]
            dst.writestr(item, data)
    fresh = DataLayout(tmp_path / "fresh")
    result = backup.restore_backup(fresh, bad)
    assert result.missing_evidence == (victim.sha256,)
    files = stored_evidence(fresh.root)
    assert victim.sha256 not in files and len(files) == len(info.evidence) - 1
    assert not temp_files(fresh.root / "evidence")


@pytest.mark.parametrize("step", ["staged", "wal-moved", "db-moved"])
def test_a_restore_killed_after_staging_is_finished_on_next_start(
    workspace: Workspace, tmp_path: Path, step: str
) -> None:
    layout = workspace.layout
    add(workspace, "Trong bản sao lưu")
    info = backup.create_backup(workspace, tmp_path)
    add(workspace, "Sau bản sao lưu")
    workspace.close()
    # Reproduce each state a kill can leave between the stage and the final rename.
    staged = layout.root / "tiendo.sqlite.khoi-phuc"
    with zipfile.ZipFile(info.path) as zf:
        staged.write_bytes(zf.read("tiendo.sqlite"))
    (layout.root / "tiendo.sqlite.khoi-phuc.part").write_bytes(b"half")
    if step in ("wal-moved", "db-moved"):
        (layout.root / "tiendo.sqlite-shm").unlink(missing_ok=True)
        (layout.root / "tiendo.sqlite-wal").unlink(missing_ok=True)
    if step == "db-moved":
        layout.backups.mkdir(exist_ok=True)
        layout.database.rename(layout.backups / "truoc-khoi-phuc-19700101-000000.sqlite")
    ws = open_workspace(layout.root)
    try:
        assert titles(ws) == {"Trong bản sao lưu"}
    finally:
        ws.close()
    assert not staged.exists() and not (layout.root / "tiendo.sqlite.khoi-phuc.part").exists()
    kept = list(layout.backups.glob("truoc-khoi-phuc-*.sqlite"))
    assert len(kept) == 1
    assert any("Sau bản sao lưu" in r for r in rows(kept[0])["activities"])


# -- a damaged database at start-up ------------------------------------------------------------------


def test_damaged_database_offers_the_newest_good_backup(
    workspace: Workspace, tmp_path: Path
) -> None:
    layout = workspace.layout
    fill(workspace, tmp_path / "src")
    older = backup.auto_backup(workspace, now=dt.datetime(2024, 6, 1, 17, tzinfo=ICT))
    add(workspace, "Ngày hôm sau")
    newest = backup.auto_backup(workspace, now=dt.datetime(2024, 6, 2, 17, tzinfo=ICT))
    assert older is not None and newest is not None
    assert backup.newest_good_backup(layout) == newest
    # the newest backup file is damaged too: the one before is offered
    data = bytearray(newest.path.read_bytes())
    data[100] ^= 0xFF
    newest.path.write_bytes(bytes(data))
    assert backup.newest_good_backup(layout) == older
    add(workspace, "Chưa sao lưu")
    workspace.close()
    damage(layout.database)

    with pytest.raises(DatabaseDamaged):
        open_workspace(layout.root)
    ro = open_workspace(layout.root, allow_damaged=True)
    assert ro.db.read_only and ro.settings.unit_id == "gl.chuse"
    with pytest.raises(DatabaseError, match="chỉ đọc"):
        add(ro, "Không được ghi")
    chosen = backup.newest_good_backup(layout)
    assert chosen == older
    backup.restore_backup(layout, chosen.path, close_current=ro.close)
    ws = open_workspace(layout.root)
    try:
        assert titles(ws) == {f"Hội nghị tuyên truyền số {i}" for i in range(3)}
    finally:
        ws.close()


def test_no_backup_at_all(tmp_path: Path) -> None:
    assert backup.newest_good_backup(DataLayout(tmp_path)) is None
    assert backup.list_backups(DataLayout(tmp_path)) == []


# -- command line ------------------------------------------------------------------------------------


def test_cli_backup_then_restore(workspace: Workspace, tmp_path: Path) -> None:
    data = workspace.layout.root
    add(workspace, "Hội nghị", photo(tmp_path, "ảnh.jpg"))
    workspace.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    out = tiendo("backup", "--out", str(usb), data_dir=data).stdout
    assert "Đã sao lưu" in out and "1 hoạt động" in out
    (zip_file,) = usb.glob("*.zip")
    proc = tiendo("backup", "--out", str(tmp_path / "khong-co"), data_dir=data, check=False)
    assert (
        proc.returncode == 1 and "không tồn tại" in proc.stderr and "Traceback" not in proc.stderr
    )

    ws = open_workspace(data)
    add(ws, "Sau")
    ws.close()
    out = tiendo("restore", str(zip_file), data_dir=data).stdout
    assert "Đã khôi phục" in out and "truoc-khoi-phuc-" in out
    proc = tiendo("restore", str(tmp_path / "none.zip"), data_dir=data, check=False)
    assert proc.returncode == 1 and "Không tìm thấy" in proc.stderr
    ws = open_workspace(data)
    try:
        assert titles(ws) == {"Hội nghị"}
    finally:
        ws.close()


def test_a_damaged_evidence_file_in_the_store_does_not_stop_a_backup(
    workspace: Workspace, tmp_path: Path
) -> None:
    fill(workspace, tmp_path / "src", n=2)
    victim = next(iter(sorted(stored_evidence(workspace.layout.root))))
    path = workspace.evidence.path_for(victim)
    path.write_bytes(b"\0" + path.read_bytes()[1:])  # bit rot
    manual = backup.create_backup(workspace, tmp_path)
    auto = backup.auto_backup(workspace)
    assert auto is not None
    for info in (manual, auto):
        assert info.missing_evidence == (victim,)
        assert info.damaged_evidence == (victim,)  # named as damaged, not as missing
        assert victim not in {e.sha256 for e in info.evidence} and len(info.evidence) == 2
    fresh = DataLayout(tmp_path / "fresh")
    result = backup.restore_backup(fresh, manual.path)
    assert result.missing_evidence == (victim,) and result.evidence_added == 2


def test_restore_replaces_evidence_damaged_in_place_whatever_its_size(
    workspace: Workspace, tmp_path: Path
) -> None:
    """SECURITY.md 27: a file of the right size but the wrong bytes is checked by its
    hash and replaced from the backup, not kept because its size looks right."""
    fill(workspace, tmp_path / "src", n=2)
    before = stored_evidence(workspace.layout.root)
    for kind in ("manual", "auto"):
        made = (
            backup.create_backup(workspace, tmp_path)
            if kind == "manual"
            else backup.auto_backup(workspace, force=True)
        )
        assert made is not None
        victim = sorted(before)[0]
        path = workspace.evidence.path_for(victim)
        path.write_bytes(b"\0" + before[victim][1:])  # same size, one byte rotted
        result = backup.restore_backup(workspace.layout, made.path, close_current=workspace.close)
        assert result.evidence_replaced == 1 and result.missing_evidence == ()
        assert stored_evidence(workspace.layout.root) == before
        workspace = open_workspace(workspace.layout.root)
    workspace.close()
