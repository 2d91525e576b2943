"""The plans and unit directories an installation keeps, as stored in its database.

Each directory's and each plan's TOML text is kept (tables ``unit_directories`` and
``plan_sources``), so a plan or directory added at run time survives restarts and
backups. The files shipped with the app (resources/plans, resources/units) are installed
the first time a database opens and refreshed when the app's copy changes, unless the
installation replaced them with a file of its own. A plan is checked against one unit
directory, which it keeps.

This module works on the database alone (no open workspace): app.services.workspace
loads what it returns at open, and app.services.plans adds files on the user's request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConfigError
from app.kept import KeptDirectory, KeptPlan, kept_directories, kept_plans
from app.plan import Plan
from app.plan_format import builtin_plans, load_plan
from app.toml_source import PlanFormatError
from app.units import UnitDirectory, builtin_unit_directories, load_units
from db import models as m
from db.session import Database

BUILTIN = "builtin"  # shipped with the app; refreshed when the app's file changes
ADDED = "added"  # added by the installation (plan add, directory add); never overwritten


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path, what: str) -> tuple[str, str]:
    """A data file's text (UTF-8, byte-order mark dropped) and the SHA-256 of its bytes.

    Raises ConfigError when it cannot be read; the loaders report bad UTF-8 with the file.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"Không đọc được tệp {what} {path}: {exc.strerror or exc}.") from None
    return data.decode("utf-8-sig", errors="replace"), sha256_hex(data)


# --- installing --------------------------------------------------------------------------


def store_directory(s: Session, directory: UnitDirectory, text: str, sha: str, origin: str) -> None:
    """Insert or replace a directory's stored file and bring the unit rows up to date."""
    row = s.get(m.UnitDirectory, directory.id)
    if row is None:
        row = m.UnitDirectory(id=directory.id)
        s.add(row)
    row.name, row.source, row.source_sha256, row.origin = directory.name, text, sha, origin
    row.installed_at = m.utcnow()
    sync_units(s, directory)


def store_plan(s: Session, plan: Plan, directory_id: str, text: str, sha: str, origin: str) -> None:
    """Insert or replace a plan's stored file and bring its task rows up to date."""
    sync_plan_rows(s, plan, sha)
    row = s.get(m.PlanSource, plan.id)
    if row is None:
        row = m.PlanSource(plan_id=plan.id)
        s.add(row)
    row.directory_id, row.source, row.source_sha256, row.origin = directory_id, text, sha, origin
    row.installed_at = m.utcnow()


def install_builtins(db: Database) -> None:
    """Install the app's own directories and plans that this database lacks, and refresh
    those still marked built-in whose shipped file changed; an installation's own file
    of the same id is left alone.

    Raises PlanFormatError if a shipped file is damaged.
    """
    with db.transaction() as s:
        kept_dirs = {row.id: row for row in s.scalars(select(m.UnitDirectory))}
        for path in builtin_unit_directories():
            text, sha = read_file(path, "danh mục đơn vị")
            row = kept_dirs.get(path.stem)
            if row is None or (row.origin == BUILTIN and row.source_sha256 != sha):
                store_directory(s, load_units(path), text, sha, BUILTIN)
        directories: dict[str, UnitDirectory] | None = None  # read only when needed
        kept_plans = {row.plan_id: row for row in s.scalars(select(m.PlanSource))}
        for path in builtin_plans():
            text, sha = read_file(path, "kế hoạch")
            source = kept_plans.get(path.stem)
            if source is not None and (source.origin != BUILTIN or source.source_sha256 == sha):
                continue
            if directories is None:
                s.flush()
                directories = _directories(s)
            preferred = [source.directory_id] if source is not None else []
            plan, directory_id = check_plan(path, directories, preferred=preferred)
            store_plan(s, plan, directory_id, text, sha, BUILTIN)


def check_plan(
    source: Path | str,
    directories: Mapping[str, UnitDirectory],
    *,
    directory_id: str | None = None,
    preferred: Sequence[str] = (),
) -> tuple[Plan, str]:
    """The plan in ``source`` (a file, or TOML text) checked against a unit directory,
    and that directory's id.

    With ``directory_id`` only that directory is tried; otherwise the ``preferred`` ones
    first, then every other, and the first the plan is valid against wins. Raises
    ConfigError for an unknown directory id or when there is none, and PlanFormatError
    (file:line, the field, which unit is missing) when the plan is valid against none:
    the problems reported are those of the directory that came closest.
    """
    if directory_id is not None:
        if directory_id not in directories:
            raise ConfigError(
                f"Không có danh mục đơn vị «{directory_id}».",
                hint=f"Các danh mục đã cài: {', '.join(directories) or '(chưa có)'}.",
            )
        return load_plan(source, units=directories[directory_id]), directory_id
    order = [d for d in preferred if d in directories]
    order += [d for d in directories if d not in order]
    if not order:
        raise ConfigError(
            "Chưa có danh mục đơn vị nào để kiểm tra kế hoạch.",
            hint="Thêm danh mục trước: tiendo directory add TỆP.toml",
        )
    failures: list[PlanFormatError] = []
    for candidate in order:
        try:
            return load_plan(source, units=directories[candidate]), candidate
        except PlanFormatError as exc:
            failures.append(exc)
    raise min(failures, key=lambda exc: len(exc.problems))


def sync_units(s: Session, directory: UnitDirectory) -> None:
    """Make the ``units`` rows of this directory's units match it (insert or update; rows
    are never deleted: activities, reports and keys refer to them)."""
    existing = {u.id: u for u in s.scalars(select(m.Unit))}
    for unit in directory.tree_order():
        row = existing.get(unit.id)
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


def sync_plan_rows(s: Session, plan: Plan, source_sha: str) -> None:
    """Make the plan's row, task rows and indicator rows match the plan.

    Existing task and indicator rows keep their ids (activities refer to them); nothing is
    deleted, so a plan file that drops a task never orphans recorded work. Does nothing
    when the rows were made from this very file (``source_sha``).
    """
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


# --- reading -----------------------------------------------------------------------------


def _directories(s: Session) -> dict[str, UnitDirectory]:
    return {k.id: k.directory for k in _kept_directories(s)}


def _kept_directories(s: Session) -> list[KeptDirectory]:
    return kept_directories(
        s.scalars(select(m.UnitDirectory).order_by(m.UnitDirectory.installed_at))
    )


def load_directories(db: Database) -> list[KeptDirectory]:
    """Every directory the installation keeps, oldest first.

    Raises PlanFormatError only if a stored text no longer reads (a file written by
    hand into the database): stored files were checked when they were added.
    """
    with db.session() as s:
        return _kept_directories(s)


def load_plans(db: Database, directories: Mapping[str, UnitDirectory]) -> list[KeptPlan]:
    """Every plan the installation keeps, in the order they were installed, each checked
    against its directory, with since when the unit follows it.

    A stored plan whose directory is gone or that no longer reads is logged and left out,
    so one bad row never keeps the installation from opening.
    """
    with db.session() as s:
        followed = {row.plan_id: row.followed_since for row in s.scalars(select(m.UnitPlan))}
        rows = list(s.scalars(select(m.PlanSource).order_by(m.PlanSource.installed_at)))
    return kept_plans(rows, directories, followed)


def plan_source(db: Database, plan_id: str) -> str:
    """The stored text of a kept plan's file (what the plan editor opens). Raises
    ConfigError for a plan the installation does not keep."""
    with db.session() as s:
        row = s.get(m.PlanSource, plan_id)
        if row is None:
            raise ConfigError(f"Bản cài đặt này không có kế hoạch «{plan_id}».")
        return row.source


def builtin_catalog() -> tuple[list[KeptDirectory], list[KeptPlan]]:
    """The shipped directories and plans, read from the app's files: what a damaged
    database opened read-only shows when its own tables cannot be read."""
    now = m.utcnow()
    directories = [
        KeptDirectory(load_units(p), sha256_hex(p.read_bytes()), BUILTIN, now)
        for p in builtin_unit_directories()
    ]
    by_id = {k.id: k.directory for k in directories}
    plans = []
    for path in builtin_plans():
        plan, directory_id = check_plan(path, by_id)
        plans.append(
            KeptPlan(plan, directory_id, sha256_hex(path.read_bytes()), BUILTIN, now, None)
        )
    return directories, plans


@dataclass(frozen=True)
class DirectoryVersion:
    """One saved version of a kept directory, oldest is 1."""

    number: int
    saved_at: dt.datetime  # UTC, naive (as stored)
    saved_by: str
    sha256: str


def versions(db: Database, directory_id: str) -> list[DirectoryVersion]:
    """The directory's saved versions, oldest first (each text the installation kept for
    it, as the audit trail recorded it). At least one for a kept directory."""
    with db.session() as s:
        rows = list(
            s.scalars(
                select(m.AuditEntry)
                .where(
                    m.AuditEntry.table_name == m.UnitDirectory.__tablename__,
                    m.AuditEntry.record_id == directory_id,
                )
                .order_by(m.AuditEntry.id)
            )
        )
        current = s.get(m.UnitDirectory, directory_id)
    out: list[DirectoryVersion] = []
    for row in rows:
        sha: str | None = None
        if row.action == "insert" and row.new:
            sha = json.loads(row.new).get("source_sha256")
        elif row.action == "update" and row.field == "source_sha256":
            sha = row.new
        if sha:
            out.append(DirectoryVersion(len(out) + 1, row.at, row.actor, sha))
    if not out and current is not None:  # kept before the audit trail saw it
        out.append(DirectoryVersion(1, current.installed_at, "", current.source_sha256))
    return out


# --- following ---------------------------------------------------------------------------


def follow(db: Database, plan_id: str, since: dt.date) -> None:
    """Record that the unit follows ``plan_id`` from ``since`` (an earlier day than the one
    recorded wins: following again never hides reports already asked for)."""
    with db.transaction() as s:
        row = s.get(m.UnitPlan, plan_id)
        if row is None:
            s.add(m.UnitPlan(plan_id=plan_id, followed_since=since))
        elif since < row.followed_since:
            row.followed_since = since


def unfollow(db: Database, plan_ids: Iterable[str]) -> None:
    """Stop following these plans; their activities and reports stay."""
    with db.transaction() as s:
        for plan_id in plan_ids:
            row = s.get(m.UnitPlan, plan_id)
            if row is not None:
                s.delete(row)
