"""Reads in plain SQL that the unit's overview needs, for either connection: SQLite's own,
read-only (db.peek; the start-up shows the overview before SQLAlchemy has loaded), or the
open database's (Database.reader; the overview once the workspace is open). One text of
each query serves both, so the first look and the open workspace count alike.

The values come back as SQLite stores them (SQLAlchemy writes a date as 'YYYY-MM-DD' and
a datetime as 'YYYY-MM-DD HH:MM:SS[.ffffff]'); they are turned into Python types here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from db.schema import HEAD

# A query: SQL text with '?' placeholders and its parameters → rows as sequences. For
# sqlite3 this is Connection.execute; Database.reader gives one over its connection.
Query = Callable[[str, Sequence[object]], Iterable[Sequence[Any]]]


@dataclass(frozen=True)
class DirectoryRow:
    id: str
    source: str
    source_sha256: str
    origin: str
    installed_at: dt.datetime


@dataclass(frozen=True)
class PlanRow:
    plan_id: str
    directory_id: str
    source: str
    source_sha256: str
    origin: str
    installed_at: dt.datetime


@dataclass(frozen=True)
class TaskCount:
    """One task's activities of a unit: how many (not deleted), the newest date, and how
    many fall inside a window."""

    count: int
    last_date: dt.date | None
    in_window: int


def schema_is_current(query: Query) -> bool:
    """Whether the database is at this app's schema (db.schema.HEAD): one from an older
    version is upgraded when the workspace opens, one from a newer version refused."""
    rows = list(query("SELECT version_num FROM alembic_version", ()))
    return [str(row[0]) for row in rows] == [HEAD]


def directories(query: Query) -> list[DirectoryRow]:
    """The kept unit directories, oldest first."""
    rows = query(
        "SELECT id, source, source_sha256, origin, installed_at"
        " FROM unit_directories ORDER BY installed_at",
        (),
    )
    return [DirectoryRow(str(i), str(s), str(h), str(o), _datetime(t)) for i, s, h, o, t in rows]


def plans(query: Query) -> list[PlanRow]:
    """The kept plans' stored files, in the order they were installed."""
    rows = query(
        "SELECT plan_id, directory_id, source, source_sha256, origin, installed_at"
        " FROM plan_sources ORDER BY installed_at",
        (),
    )
    return [
        PlanRow(str(p), str(d), str(s), str(h), str(o), _datetime(t)) for p, d, s, h, o, t in rows
    ]


def followed(query: Query) -> dict[str, dt.date]:
    """The plans the unit follows, each with the day it began."""
    rows = query("SELECT plan_id, followed_since FROM unit_plans", ())
    return {str(plan_id): _date(since) for plan_id, since in rows}


def task_counts(
    query: Query, plan_id: str, unit_id: str, start: dt.date, end: dt.date
) -> dict[str, TaskCount]:
    """Per task code of the plan that has any: the unit's activities not deleted, the
    newest one's date, and how many are dated from ``start`` to ``end``."""
    rows = query(
        "SELECT t.code, COUNT(a.id), MAX(a.date),"
        " SUM(CASE WHEN a.date >= ? AND a.date <= ? THEN 1 ELSE 0 END)"
        " FROM tasks AS t JOIN activities AS a ON a.task_id = t.id"
        " WHERE t.plan_id = ? AND a.unit_id = ? AND a.deleted_at IS NULL"
        " GROUP BY t.code",
        (start.isoformat(), end.isoformat(), plan_id, unit_id),
    )
    return {
        str(code): TaskCount(int(n), _date(last) if last else None, int(window or 0))
        for code, n, last, window in rows
    }


def newest_entries(query: Query, plan_id: str, unit_id: str) -> dict[str, tuple[str, int | None]]:
    """Per task code: the status and percent of its entry in the unit's newest report of
    the plan that has one (reports in the order they were made)."""
    rows = query(
        "SELECT t.code, e.status, e.percent"
        " FROM report_entries AS e"
        " JOIN tasks AS t ON t.id = e.task_id"
        " JOIN reports AS r ON r.id = e.report_id"
        " WHERE r.unit_id = ? AND r.plan_id = ?"
        " ORDER BY r.created_at, r.id",
        (unit_id, plan_id),
    )
    out: dict[str, tuple[str, int | None]] = {}
    for code, status, percent in rows:
        out[str(code)] = (str(status), None if percent is None else int(percent))  # newest wins
    return out


def report_states(query: Query, plan_id: str, unit_id: str) -> list[tuple[str, str]]:
    """(period code, state) of every report of the unit for the plan, every revision."""
    rows = query(
        "SELECT period, state FROM reports WHERE unit_id = ? AND plan_id = ?", (unit_id, plan_id)
    )
    return [(str(period), str(state)) for period, state in rows]


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _datetime(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
