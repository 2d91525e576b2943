"""An open installation: its data folder, database, active plan and unit directory."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import ConfigError, NotSetUp
from app.evidence import EvidenceStore
from app.fsio import TEMP_GLOB, write_atomic
from app.paths import DataLayout
from app.plan import Plan
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

    # Imported here, not at the top: the backup package works on a Workspace and imports
    # this module; only its swap (which needs no Workspace) is wanted at open.
    from app.services.backup.swap import clean_after_crash, finish_interrupted_restore
    from app.units import load_builtin_units

    layout = DataLayout(data_dir)
    _ensure_folder(layout.root)
    # A restore killed after its backup was staged is finished before anything opens the
    # database; temp files of a killed backup are removed (SECURITY.md 16, 18).
    finish_interrupted_restore(layout)
    remove_stale_temp_files(layout.backups)
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


RECENT_EXPORT_FOLDERS = 5
RECENT_WRITE_FOLDERS = "thu-muc-ghi-gan-day.txt"  # in the data folder, one path a line


def remember_write_folder(layout: DataLayout, folder: Path) -> None:
    """Note a folder outside the data folder that an export or backup is about to write
    to (a USB stick), so the next start removes a temp file a kill left there. Kept
    outside the database (writing there would change the user's data) and best effort:
    failing to note it never stops the work."""
    value = str(Path(folder).absolute())
    current = [str(p) for p in recent_write_folders(layout)]
    if current[:1] == [value]:
        return
    lines = [value, *(p for p in current if p != value)][:RECENT_EXPORT_FOLDERS]
    with contextlib.suppress(OSError):
        write_atomic(layout.root / RECENT_WRITE_FOLDERS, ("\n".join(lines) + "\n").encode())


def recent_write_folders(layout: DataLayout) -> list[Path]:
    try:
        text = (layout.root / RECENT_WRITE_FOLDERS).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [Path(line) for line in text.splitlines() if line.strip()]


def clean_export_folders(db: Database, also: list[Path] | None = None) -> int:
    """Remove temp files a killed export or backup left in the folders of the latest
    exports and in `also` (SECURITY.md 16); returns how many. A folder that is not there
    (USB stick out) is skipped."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with db.session() as s:
            paths = s.scalars(
                select(m.OutboxPackage.path).order_by(m.OutboxPackage.id.desc()).limit(50)
            ).all()
    except SQLAlchemyError:
        return 0
    folders: list[Path] = []
    for p in paths:
        folder = Path(p).parent
        if folder not in folders:
            folders.append(folder)
    folders = folders[:RECENT_EXPORT_FOLDERS]
    for extra in also or []:
        if extra not in folders:
            folders.append(extra)
    return sum(remove_stale_temp_files(f) for f in folders)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files a killed export or backup left in `folder`; returns how many.
    Only regular files named like app.fsio's temp files (".tiendo-*.part") are touched
    (SECURITY.md 16)."""
    removed = 0
    try:
        candidates = list(Path(folder).glob(TEMP_GLOB))
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


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
