"""What the Tổng quan screen shows: progress per task and what reports are due or late,
for the current plan and for each plan the unit follows.

No SQLAlchemy here: the counts are db.reads' plain SQL, run through the open database
(``ws.db.reader()``) or, at start-up, through SQLite alone on the database file
(:func:`first_look`), so the overview is on screen before the ORM has loaded.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.calendar import DueState, Period, PeriodKind, ReportDue, next_due, reports_due
from app.errors import KnownError
from app.kept import KeptPlan, current_plan_id, kept_directories, kept_plans, plans_worked_with
from app.plan import Plan, Task, TimeframeKind
from app.report_state import SUBMITTED
from db import reads
from db.peek import read_file

if TYPE_CHECKING:
    from app.services.workspace import Workspace
    from app.settings import InstallSettings

log = logging.getLogger(__name__)

AT_RISK_DAYS = 60  # a deadline task with no activity this close to its deadline is at risk


@dataclass(frozen=True)
class TaskProgress:
    task: Task
    activity_count: int  # this unit, all time (not deleted)
    year_count: int  # inside the current reporting year's window
    last_date: dt.date | None
    reported_status: str | None  # from the newest report that has this task
    reported_percent: int | None
    verdict: str  # done | on_track | at_risk | overdue | recurring_active | recurring_idle


@dataclass(frozen=True)
class DueReport:
    """A report a plan asks of the unit, as a list shows it: which plan, which period (the
    code the Báo cáo screen opens, after ``ws.use_plan(plan_id)``), its window, due date
    and state."""

    plan_id: str
    plan_number: str
    status: ReportDue

    @property
    def period_code(self) -> str:
        return self.status.period.code

    @property
    def late(self) -> bool:
        return self.status.state == DueState.LATE


@dataclass(frozen=True)
class PlanReports:
    """One followed plan's reports on a day: the next one to send, and every report that
    asks for action (open, due, due soon, late; late ones first)."""

    plan: KeptPlan
    next: DueReport | None
    waiting: tuple[DueReport, ...]


@dataclass(frozen=True)
class Overview:
    """Everything the Tổng quan screen shows on a day: the current plan's progress per
    task, and each followed plan's next report and the reports that ask for action."""

    today: dt.date
    current: KeptPlan
    progress: list[TaskProgress]
    reports: list[PlanReports]


def overview(ws: Workspace, today: dt.date) -> Overview:
    """The overview of the open workspace on this day."""
    with ws.db.reader() as query:
        return _overview(query, ws.settings.unit_id, ws.current, ws.plans, today)


def first_look(database: Path, settings: InstallSettings, today: dt.date) -> Overview | None:
    """The unit's overview read from its database file with SQLite alone, read-only, before
    the workspace opens (the start-up shows it while SQLAlchemy loads). The plan is the
    one the workspace will open on, chosen by the same rules.

    None, never an exception, when there is nothing to show that way: not a unit's
    installation, no plan kept, or a file SQLite cannot read as this version's database
    (damaged, locked, from an older version not yet upgraded). Only a first look: the
    open workspace checks the file (and may upgrade or replace it) and reads it again.
    """
    if settings.role != "unit" or not settings.unit_id:
        return None

    def read(con: sqlite3.Connection) -> Overview | None:
        query = con.execute
        if not reads.schema_is_current(query):
            return None
        directories = {d.id: d.directory for d in kept_directories(reads.directories(query))}
        kept = kept_plans(reads.plans(query), directories, reads.followed(query))
        if not kept:
            return None
        plans = plans_worked_with(settings.role, kept)
        plan_id = current_plan_id(settings.plan_id, plans, kept)
        current = next(k for k in kept if k.id == plan_id)
        return _overview(query, settings.unit_id, current, plans, today)

    try:
        return read_file(database, read, timeout=0.5)
    except (ValueError, KnownError) as exc:  # a stored text that no longer reads
        log.info("no first look at %s: %s", database, exc)
        return None


def _overview(
    query: reads.Query,
    unit_id: str,
    current: KeptPlan,
    plans: Iterable[KeptPlan],
    today: dt.date,
) -> Overview:
    return Overview(
        today=today,
        current=current,
        progress=_task_progress(query, unit_id, current.plan, today),
        reports=[_plan_reports(query, unit_id, kept, today) for kept in plans],
    )


def submitted_periods(ws: Workspace, plan_id: str | None = None) -> set[Period]:
    """Periods of a plan (the current one by default) whose newest report has left the
    office (exported or received)."""
    with ws.db.reader() as query:
        return _submitted(query, ws.settings.unit_id, plan_id or ws.plan.id)


def _submitted(query: reads.Query, unit_id: str, plan_id: str) -> set[Period]:
    return {
        Period.parse(period)
        for period, state in reads.report_states(query, plan_id, unit_id)
        if state in SUBMITTED
    }


def task_progress(ws: Workspace, today: dt.date) -> list[TaskProgress]:
    """One line per task of the current plan, with a verdict for deadline tasks."""
    with ws.db.reader() as query:
        return _task_progress(query, ws.settings.unit_id, ws.plan, today)


def _task_progress(
    query: reads.Query, unit_id: str, plan: Plan, today: dt.date
) -> list[TaskProgress]:
    year_window = Period(PeriodKind.YEAR, _reporting_year(today), 1).window
    counts = reads.task_counts(query, plan.id, unit_id, year_window.start, year_window.end)
    reported = reads.newest_entries(query, plan.id, unit_id)
    out = []
    for task in plan.tasks:
        count = counts.get(task.code, reads.TaskCount(0, None, 0))
        status, percent = reported.get(task.code) or (None, None)
        out.append(
            TaskProgress(
                task=task,
                activity_count=count.count,
                year_count=count.in_window,
                last_date=count.last_date,
                reported_status=status,
                reported_percent=percent,
                verdict=_verdict(task, today, count.count, status, percent),
            )
        )
    return out


def _verdict(task: Task, today: dt.date, n: int, status: str | None, percent: int | None) -> str:
    if task.timeframe.kind == TimeframeKind.RECURRING:
        return "recurring_active" if n else "recurring_idle"
    if status == "done" or percent == 100:
        return "done"
    deadline = task.timeframe.deadline
    if deadline is not None and today > deadline:
        return "overdue"
    if deadline is not None and n == 0 and (deadline - today).days <= AT_RISK_DAYS:
        return "at_risk"
    return "on_track"


def _reporting_year(today: dt.date) -> int:
    # the year report's window runs 15/12 of the previous year to 14/12
    return today.year + 1 if (today.month, today.day) >= (12, 15) else today.year


def due_reports(ws: Workspace, today: dt.date, plan: KeptPlan | None = None) -> list[ReportDue]:
    """Reports of a plan (the current one by default) open, due or late on this day: the
    periods the plan requires (app.calendar.required_periods, the rule the province waits
    by), none that fell due before the unit began following the plan."""
    kept = plan or ws.current
    with ws.db.reader() as query:
        return _due_reports(kept, today, _submitted(query, ws.settings.unit_id, kept.id))


def _due_reports(kept: KeptPlan, today: dt.date, submitted: set[Period]) -> list[ReportDue]:
    rep = kept.plan.reporting
    kinds = [PeriodKind(k) for k in rep.kinds]
    return reports_due(
        today, kinds, rep.due_days_after_cutoff, submitted, since=kept.followed_since
    )


def next_report(ws: Workspace, today: dt.date, plan: KeptPlan | None = None) -> ReportDue | None:
    """The next report of a plan (the current one by default) not yet sent and not yet
    late, or None."""
    kept = plan or ws.current
    with ws.db.reader() as query:
        return _next_report(kept, today, _submitted(query, ws.settings.unit_id, kept.id))


def _next_report(kept: KeptPlan, today: dt.date, submitted: set[Period]) -> ReportDue | None:
    rep = kept.plan.reporting
    kinds = [PeriodKind(k) for k in rep.kinds]
    return next_due(today, kinds, rep.due_days_after_cutoff, submitted)


def reports_by_plan(ws: Workspace, today: dt.date) -> list[PlanReports]:
    """For each plan the installation works with (``ws.plans``), its next report and the
    reports that ask for action, each carrying the plan id and period code to open."""
    with ws.db.reader() as query:
        return [_plan_reports(query, ws.settings.unit_id, kept, today) for kept in ws.plans]


def _plan_reports(query: reads.Query, unit_id: str, kept: KeptPlan, today: dt.date) -> PlanReports:
    submitted = _submitted(query, unit_id, kept.id)
    nxt = _next_report(kept, today, submitted)
    return PlanReports(
        plan=kept,
        next=_due(kept, nxt) if nxt is not None else None,
        waiting=tuple(_due(kept, d) for d in _due_reports(kept, today, submitted)),
    )


def _due(kept: KeptPlan, status: ReportDue) -> DueReport:
    return DueReport(kept.id, kept.plan.number, status)
