"""The plans and unit directories an installation keeps, as read from their stored rows,
and which plan it works on. Neither SQLAlchemy nor an open workspace: the start-up reads
the same rows with SQLite alone (db.reads) to put the unit's overview on screen while
the workspace opens, and app.services.catalog reads them through the ORM.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from app.plan import Plan
from app.plan_format import load_plan
from app.toml_source import PlanFormatError
from app.units import UnitDirectory, load_units

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptPlan:
    """A plan the installation keeps: the plan, the directory it is checked against, the
    stored file's hash and origin, and since when the unit follows it (None: not followed)."""

    plan: Plan
    directory_id: str
    source_sha256: str
    origin: str
    installed_at: dt.datetime
    followed_since: dt.date | None

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True)
class KeptDirectory:
    """A unit directory the installation keeps."""

    directory: UnitDirectory
    source_sha256: str
    origin: str
    installed_at: dt.datetime

    @property
    def id(self) -> str:
        return self.directory.id


class StoredDirectory(Protocol):
    """A ``unit_directories`` row, as the ORM or db.reads gives it."""

    @property
    def source(self) -> str: ...
    @property
    def source_sha256(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def installed_at(self) -> dt.datetime: ...


class StoredPlan(StoredDirectory, Protocol):
    """A ``plan_sources`` row, as the ORM or db.reads gives it."""

    @property
    def plan_id(self) -> str: ...
    @property
    def directory_id(self) -> str: ...


def kept_directories(rows: Iterable[StoredDirectory]) -> list[KeptDirectory]:
    """The directories of these rows, in their order.

    Raises PlanFormatError if a stored text no longer reads (a file written by hand into
    the database): stored files were checked when they were added.
    """
    return [
        KeptDirectory(load_units(row.source), row.source_sha256, row.origin, row.installed_at)
        for row in rows
    ]


def kept_plans(
    rows: Iterable[StoredPlan],
    directories: Mapping[str, UnitDirectory],
    followed: Mapping[str, dt.date],
) -> list[KeptPlan]:
    """The plans of these rows, in their order, each checked against its directory, with
    since when the unit follows it (``followed``: plan id → day).

    A stored plan whose directory is gone or that no longer reads is logged and left out,
    so one bad row never keeps the installation from opening.
    """
    out = []
    for row in rows:
        units = directories.get(row.directory_id)
        if units is None:
            log.warning("plan %s: directory %s is not kept", row.plan_id, row.directory_id)
            continue
        try:
            plan = load_plan(row.source, units=units)
        except PlanFormatError:
            log.exception("plan %s: stored file no longer reads", row.plan_id)
            continue
        out.append(
            KeptPlan(
                plan=plan,
                directory_id=row.directory_id,
                source_sha256=row.source_sha256,
                origin=row.origin,
                installed_at=row.installed_at,
                followed_since=followed.get(row.plan_id),
            )
        )
    return out


def plans_worked_with(role: str, kept: Iterable[KeptPlan]) -> tuple[KeptPlan, ...]:
    """The plans an installation works with, in the order they were installed: at a unit,
    those it follows; at the province (or before setup), every plan it keeps."""
    if role == "unit":
        return tuple(k for k in kept if k.followed_since is not None)
    return tuple(kept)


def current_plan_id(
    remembered: str,
    plans: Iterable[KeptPlan],
    kept: Iterable[KeptPlan],
    keep: str | None = None,
) -> str:
    """The plan to work on: ``keep`` (the one in use), else the ``remembered`` one (the
    settings' plan_id), when the installation works with it; else the first it works
    with, else the first kept."""
    ids = [k.id for k in plans] or [k.id for k in kept]
    for wanted in (keep, remembered):
        if wanted and wanted in ids:
            return wanted
    return ids[0]
