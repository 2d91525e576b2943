"""The data layer: pragmas, audit trail, migrations, damaged and too-new databases."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.errors import DatabaseDamaged, DatabaseTooNew
from db import models as m
from db.schema import HEAD, REVISIONS
from db.session import backup_file, open_database, quick_check

FIXTURES = Path(__file__).parent / "fixtures" / "db"


def test_new_database_has_wal_foreign_keys_and_head_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    db.dispose()


def test_province_database_runs_synchronous_full(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.sqlite", synchronous="FULL")
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.dispose()


def test_every_change_is_audited_with_who_old_and_new(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite", actor="Trần Thị Bích")
    with db.transaction() as s:
        s.add(m.Setting(key="place", value="Chư Sê"))
    with db.transaction() as s:
        s.get(m.Setting, "place").value = "Pleiku"  # type: ignore[union-attr]
    with db.transaction() as s:
        s.delete(s.get(m.Setting, "place"))
    with db.session() as s:
        rows = list(s.scalars(select(m.AuditEntry).where(m.AuditEntry.table_name == "settings")))
    assert [r.action for r in rows] == ["insert", "update", "delete"]
    assert all(r.actor == "Trần Thị Bích" for r in rows)
    update = rows[1]
    assert (update.field, update.old, update.new) == ("value", "Chư Sê", "Pleiku")
    assert update.record_id == "place"
    assert "Pleiku" in (rows[2].old or "")
    db.dispose()


def test_a_failed_transaction_leaves_no_row_and_no_audit(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(m.Setting(key="x", value="1"))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.get(m.Setting, "x") is None
        assert s.scalar(select(m.AuditEntry).where(m.AuditEntry.record_id == "x")) is None
    db.dispose()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as s:
        s.add(m.Unit(id="x", name="x", short_name="x", kind="district", parent_id="missing"))
    db.dispose()


def test_schema_list_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(m.__file__).parent / "migrations"))
    scripts = ScriptDirectory.from_config(cfg)
    chain = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == REVISIONS
    assert scripts.get_current_head() == HEAD


def test_migrations_create_exactly_the_models(tmp_path: Path) -> None:
    """No model change without a migration: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_database(tmp_path / "t.sqlite")
    with db.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), m.Base.metadata)
    assert diff == []
    db.dispose()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite")), ids=lambda p: p.stem)
def test_released_schema_upgrades_and_keeps_its_rows(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / "tiendo.sqlite"
    shutil.copy(fixture, path)
    con = sqlite3.connect(path)
    before = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("activities", "reports", "report_entries", "evidence", "audit_log")
    }
    old_rev = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    db = open_database(path, backups_dir=tmp_path / "backups")
    with db.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        for table, count in before.items():
            now = c.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            assert now is not None and now >= count, table
        assert c.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    db.dispose()
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    if old_rev != HEAD:
        assert len(backups) == 1 and quick_check(backups[0]) == "ok"
    else:
        assert backups == []


def test_database_newer_than_the_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNew, match="mới hơn"):
        open_database(path)


def test_damaged_database_is_refused_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    db = open_database(path)
    with db.transaction() as s:
        for i in range(300):
            s.add(m.Setting(key=f"k{i}", value="x" * 200))
    db.dispose()
    data = bytearray(path.read_bytes())
    # overwrite a page in the middle: the b-tree pages of the data become garbage
    start = len(data) // 2
    data[start : start + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        open_database(path)
    ro = open_database(path, allow_damaged=True)
    assert ro.read_only
    with pytest.raises(Exception, match="chỉ đọc"), ro.transaction():
        pass
    ro.dispose()


def test_not_a_database_at_all_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(DatabaseDamaged):
        open_database(path)


def test_backup_uses_the_online_api_and_restores_identical_rows(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.transaction() as s:
        s.add(m.Setting(key="a", value="Đắk Đoa"))
    dest = backup_file(db.path, tmp_path / "b" / "copy.sqlite")
    assert quick_check(dest) == "ok"
    con = sqlite3.connect(dest)
    assert con.execute("SELECT value FROM settings WHERE key='a'").fetchone() == ("Đắk Đoa",)
    con.close()
    db.dispose()


def test_an_insert_is_audited_under_its_new_id(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.transaction() as s:
        s.add(m.Unit(id="gl", name="UBND tỉnh", short_name="", kind="province"))
        s.add(
            m.Plan(
                id="p",
                number="1",
                title="t",
                issuer="i",
                date=dt.date(2024, 1, 1),
                format_version=1,
                source_sha256="x",
            )
        )
        s.flush()
        task = m.Task(plan_id="p", code="II.1", title="t", position=0, timeframe_kind="recurring")
        s.add(task)
        s.flush()
        act = m.Activity(unit_id="gl", task_id=task.id, date=dt.date(2024, 3, 1), title="Hội nghị")
        s.add(act)
    with db.session() as s:
        row = s.scalar(
            select(m.AuditEntry).where(
                m.AuditEntry.table_name == "activities", m.AuditEntry.action == "insert"
            )
        )
        assert row is not None
        assert row.record_id == str(act.id) and row.owner == f"activities/{act.id}"
    db.dispose()


@pytest.mark.parametrize("folder", ["Phòng #2", "Báo cáo 100%", "hỏi?đáp"])
def test_folder_names_with_uri_characters_reach_the_right_file(tmp_path: Path, folder: str) -> None:
    """'#', '%' and '?' are legal in folder names; the checks on open must read this file,
    not one named after the part before the '#' or '?'."""
    from db.session import current_revision

    path = tmp_path / folder / "tiendo.sqlite"
    open_database(path).dispose()
    assert current_revision(path) == HEAD
    # nothing was made beside it under a cut-off name
    assert {p.parent for p in tmp_path.rglob("*") if p.is_file()} == {path.parent}
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page is garbage now
    path.write_bytes(bytes(data))
    assert quick_check(path) != "ok"
    with pytest.raises(DatabaseDamaged):
        open_database(path)
