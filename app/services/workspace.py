"""An open installation: its data folder, database, active plan and unit directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import ConfigError, NotSetUp
from app.evidence import EvidenceStore
from app.paths import DataLayout
from app.plan import Plan
from app.services.leftovers import clean_export_folders, recent_write_folders
from app.settings import InstallSettings, glance
from app.units import UnitDirectory
from db import models as m
from db.session import Database, open_database

ROLES = ("district", "province")


def read_settings(db: Database) -> InstallSettings:
    with db.session() as s:
        rows = {row.key: row.value for row in s.scalars(select(m.Setting))}
    return InstallSettings.from_rows(rows)


def write_settings(db: Database, settings: InstallSettings) -> None:
    """Store every changed field (each change lands in the audit trail)."""
    with db.transaction() as s:
        current = {row.key: row for row in s.scalars(select(m.Setting))}
        for key, value in settings.as_rows().items():
            row = current.get(key)
            if row is None:
                s.add(m.Setting(key=key, value=value))
            elif row.value != value:
                row.value = value


@dataclass
class Workspace:
    """One open installation. Create with :func:`open_workspace`."""

    layout: DataLayout
    db: Database
    settings: InstallSettings
    units: UnitDirectory
    plan: Plan
    plan_db_id: str

    @property
    def evidence(self) -> EvidenceStore:
        return EvidenceStore(self.layout.evidence)

    def require_setup(self) -> None:
        if not self.settings.is_set_up:
            raise NotSetUp(
                "Chưa thiết lập đơn vị cho bản cài đặt này.",
                "Chạy `tiendo setup --role district --unit MÃ_ĐƠN_VỊ` hoặc mở ứng dụng để thiết lập.",
            )

    def reload_settings(self) -> None:
        self.settings = read_settings(self.db)

    def save_settings(self) -> None:
        write_settings(self.db, self.settings)

    def close(self) -> None:
        self.db.dispose()


def open_workspace(data_dir: Path, *, allow_damaged: bool = False) -> Workspace:
    """Open (creating if needed) the installation in data_dir and sync the plan into it.

    Raises DataFolderError/DatabaseError subclasses (KnownError) for folder or database
    problems, PlanFormatError for a broken plan file.
    """
    from app.plan_format import load_builtin_plan, plan_source_sha256
    from app.services.backup.swap import clean_after_crash, finish_interrupted_restore
    from app.units import load_builtin_units

    layout = DataLayout(data_dir)
    _ensure_folder(layout.root)
    # A restore killed after its backup was staged is finished before anything opens the
    # database; temp files of a killed backup are removed (SECURITY.md 16, 18).
    finish_interrupted_restore(layout)
    clean_after_crash(layout)
    synchronous = _synchronous_for(layout.database)
    db = open_database(
        layout.database,
        synchronous=synchronous,
        backups_dir=layout.backups,
        allow_damaged=allow_damaged,
    )
    settings = read_settings(db) if not db.read_only else _settings_if_readable(db)
    if settings.officer:
        db.actor = settings.officer
    units = load_builtin_units(settings.units_directory)
    plan = load_builtin_plan(settings.plan_id, units=units)
    if not db.read_only:
        sync_reference_data(db, units, plan, plan_source_sha256(settings.plan_id))
        EvidenceStore(layout.evidence).clean_temp()
        clean_export_folders(db, recent_write_folders(layout))
    return Workspace(
        layout=layout, db=db, settings=settings, units=units, plan=plan, plan_db_id=plan.id
    )


def _settings_if_readable(db: Database) -> InstallSettings:
    """A damaged database opened read-only: its settings if SQLite can still read them,
    so the app shows the unit's data rather than the first-run wizard."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return read_settings(db)
    except SQLAlchemyError:
        return InstallSettings()


def _synchronous_for(path: Path) -> str:
    # The province database is where packages from every unit end up: SECURITY.md 17.
    known = glance(path)
    return "FULL" if known is not None and known.settings.role == "province" else "NORMAL"


def _ensure_folder(root: Path) -> None:
    from app.errors import DataFolderError

    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(
            f"Không ghi được vào thư mục dữ liệu {root}: {exc.strerror or exc}",
            "Chọn thư mục khác bằng --data-dir hoặc kiểm tra quyền ghi.",
        ) from exc


def sync_reference_data(db: Database, units: UnitDirectory, plan: Plan, source_sha: str) -> None:
    """Make the units and the plan's tasks/indicators in the database match the data files.

    Existing task and indicator rows keep their ids (activities refer to them); nothing is
    deleted, so a plan file that drops a task never orphans recorded work.
    """
    with db.transaction() as s:
        existing_units = {u.id: u for u in s.scalars(select(m.Unit))}
        for unit in units.tree_order():
            row = existing_units.get(unit.id)
            if row is None:
                s.add(
                    m.Unit(
                        id=unit.id,
                        name=unit.name,
                        short_name=unit.short_name,
                        kind=unit.kind,
                        parent_id=unit.parent,
                    )
                )
                s.flush()
            else:
                row.name, row.short_name, row.kind = unit.name, unit.short_name, unit.kind
                row.parent_id = unit.parent
        plan_row = s.get(m.Plan, plan.id)
        if plan_row is not None and plan_row.source_sha256 == source_sha:
            return
        if plan_row is None:
            plan_row = m.Plan(id=plan.id)
            s.add(plan_row)
        plan_row.number = plan.number
        plan_row.title = plan.title
        plan_row.issuer = plan.issuer_name
        plan_row.date = plan.date
        plan_row.format_version = plan.format_version
        plan_row.source_sha256 = source_sha
        s.flush()
        tasks = {t.code: t for t in s.scalars(select(m.Task).where(m.Task.plan_id == plan.id))}
        for pos, task in enumerate(plan.tasks):
            row_t = tasks.get(task.code)
            if row_t is None:
                row_t = m.Task(plan_id=plan.id, code=task.code)
                s.add(row_t)
            row_t.title = task.title
            row_t.position = pos
            row_t.timeframe_kind = task.timeframe.kind.value
            row_t.deadline = task.timeframe.deadline
            s.flush()
            indicators = {i.code: i for i in row_t.indicators}
            for ipos, ind in enumerate(task.indicators):
                row_i = indicators.get(ind.code)
                if row_i is None:
                    row_i = m.Indicator(task_id=row_t.id, code=ind.code)
                    s.add(row_i)
                    row_t.indicators.append(row_i)
                row_i.name, row_i.unit, row_i.kind = ind.name, ind.unit, ind.kind.value
                row_i.position = ipos


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ConfigError(
            f"Vai trò không hợp lệ: {role!r}.", "Chọn 'district' (huyện) hoặc 'province' (tỉnh)."
        )
    return role
