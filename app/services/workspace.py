"""An open installation: its data folder, database, the plans and unit directories it
keeps, and the current plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import ConfigError, NotSetUp
from app.evidence import EvidenceStore
from app.kept import KeptDirectory, KeptPlan, current_plan_id, plans_worked_with
from app.paths import DataLayout
from app.plan import Plan
from app.services.catalog import (
    builtin_catalog,
    install_builtins,
    load_directories,
    load_plans,
)
from app.services.leftovers import (
    clean_export_folders,
    clean_import_staging,
    recent_write_folders,
)
from app.settings import ROLE_ALIASES, ROLES, InstallSettings, glance
from app.units import Unit, UnitDirectory
from db import models as m
from db.session import Database, open_database


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
    """One open installation. Create with :func:`open_workspace`.

    ``plan`` is the *current* plan, the one every service works on, and ``units`` its
    unit directory; switch with :meth:`use_plan`. ``plans`` are the plans the
    installation works with (a unit: those it follows; the province, or an installation
    not set up yet: every plan it keeps); ``kept`` are every plan it keeps, and
    ``directories`` every unit directory.
    """

    layout: DataLayout
    db: Database
    settings: InstallSettings
    directories: dict[str, UnitDirectory]
    kept: tuple[KeptPlan, ...]
    plan: Plan
    units: UnitDirectory

    @property
    def evidence(self) -> EvidenceStore:
        return EvidenceStore(self.layout.evidence)

    @property
    def plans(self) -> tuple[KeptPlan, ...]:
        """The plans this installation works with, in the order they were installed: at a
        unit, those it follows; at the province (or before setup), every plan it keeps."""
        return plans_worked_with(self.settings.role, self.kept)

    @property
    def current(self) -> KeptPlan:
        """The current plan as kept: its directory, file hash and since when it is followed."""
        return self.kept_plan(self.plan.id)

    def kept_plan(self, plan_id: str) -> KeptPlan:
        """The kept plan with this id; ConfigError naming the kept ids when there is none."""
        for kept in self.kept:
            if kept.id == plan_id:
                return kept
        raise ConfigError(
            f"Bản cài đặt này không có kế hoạch «{plan_id}».",
            hint=f"Các kế hoạch đã cài: {', '.join(k.id for k in self.kept) or '(chưa có)'}.",
        )

    def use_plan(self, plan_id: str, *, remember: bool = False) -> Plan:
        """Make ``plan_id`` the current plan (``plan`` and ``units`` change); with
        ``remember``, it is also the plan the next start opens on.

        Raises ConfigError for a plan the installation does not keep.
        """
        kept = self.kept_plan(plan_id)
        self.plan = kept.plan
        self.units = self.directories[kept.directory_id]
        if remember and self.settings.plan_id != plan_id:
            self.settings.plan_id = plan_id
            if not self.db.read_only:
                self.save_settings()
        return self.plan

    def reload_plans(self) -> None:
        """Read the kept directories and plans again (after one was added), keeping the
        current plan when it is still there."""
        directories, kept = _read_catalog(self.db)
        self.directories = {d.id: d.directory for d in directories}
        self.kept = tuple(kept)
        self.use_plan(current_plan_id(self.settings.plan_id, self.plans, self.kept, self.plan.id))

    def find_unit(self, unit_id: str) -> Unit:
        """The unit with this id: from the current plan's directory, else from any kept
        directory. ConfigError (from the current directory, with close matches) if none
        has it."""
        if unit_id in self.units:
            return self.units.get(unit_id)
        for directory in self.directories.values():
            if unit_id in directory:
                return directory.get(unit_id)
        return self.units.get(unit_id)

    def knows_unit(self, unit_id: str) -> bool:
        """Whether any kept directory has this unit."""
        return any(unit_id in d for d in self.directories.values())

    def own_unit(self) -> Unit:
        """The unit this installation belongs to (see :meth:`find_unit`)."""
        return self.find_unit(self.settings.unit_id)

    def require_setup(self) -> None:
        if not self.settings.is_set_up:
            raise NotSetUp(
                "Chưa thiết lập đơn vị cho bản cài đặt này.",
                "Chạy `tiendo setup --role unit --unit MÃ_ĐƠN_VỊ` hoặc mở ứng dụng để thiết lập.",
            )

    def reload_settings(self) -> None:
        self.settings = read_settings(self.db)

    def save_settings(self) -> None:
        write_settings(self.db, self.settings)

    def close(self) -> None:
        self.db.dispose()


def open_workspace(data_dir: Path, *, allow_damaged: bool = False) -> Workspace:
    """Open (creating if needed) the installation in data_dir: install the app's built-in
    directories and plans it lacks, read the ones it keeps, choose the current plan.

    Raises DataFolderError/DatabaseError subclasses (KnownError) for folder or database
    problems, PlanFormatError for a damaged built-in file.
    """
    from app.services.backup.swap import clean_after_crash, finish_interrupted_restore

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
    if not db.read_only:
        install_builtins(db)
    directories, kept = _read_catalog(db)
    by_id = {d.id: d.directory for d in directories}
    if not db.read_only:
        EvidenceStore(layout.evidence).clean_temp()
        clean_import_staging(layout.staging)  # a killed import's, at start-up (issue #16)
        _settle_exports(db, layout, settings)
        clean_export_folders(db, recent_write_folders(layout))
    first = kept[0]
    ws = Workspace(
        layout=layout,
        db=db,
        settings=settings,
        directories=by_id,
        kept=tuple(kept),
        plan=first.plan,
        units=by_id[first.directory_id],
    )
    ws.use_plan(current_plan_id(settings.plan_id, ws.plans, ws.kept))
    return ws


def _read_catalog(db: Database) -> tuple[list[KeptDirectory], list[KeptPlan]]:
    """The kept directories and plans; the app's own files when a database opened
    read-only cannot give them."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        directories = load_directories(db)
        kept = load_plans(db, {d.id: d.directory for d in directories})
    except SQLAlchemyError:
        if not db.read_only:
            raise
        directories, kept = [], []
    if not kept:
        return builtin_catalog()
    return directories, kept


def _settle_exports(db: Database, layout: DataLayout, settings: InstallSettings) -> None:
    """Exports a kill interrupted: their reserved sequence numbers are settled before
    anything else can export (SECURITY.md 25; app.services.reservations)."""
    if settings.role == "province" or not settings.unit_id:
        return
    from app.services import reservations

    if reservations.pending(db, settings.unit_id):
        reservations.reconcile(db, layout.root, settings.unit_id)


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


def check_role(role: str) -> str:
    """The role as stored: "unit" or "province"; "district" (the old name) means "unit".

    Raises ConfigError for anything else.
    """
    role = ROLE_ALIASES.get(role, role)
    if role not in ROLES:
        raise ConfigError(
            f"Vai trò không hợp lệ: {role!r}.",
            "Chọn 'unit' (đơn vị thực hiện kế hoạch) hoặc 'province' (cơ quan theo dõi).",
        )
    return role
