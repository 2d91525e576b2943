"""What the Tổng quan screen shows: progress per task and what reports are due or late,
for the current plan and for each plan the unit follows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.calendar import DueState, Period, PeriodKind, ReportDue, next_due, reports_due
from app.plan import Task, TimeframeKind
from app.report_state import SUBMITTED
from app.services.catalog import KeptPlan
from app.services.workspace import Workspace
from db import models as m

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


def submitted_periods(ws: Workspace, plan_id: str | None = None) -> set[Period]:
    """Periods of a plan (the current one by default) whose newest report has left the
    office (exported or received)."""
    with ws.db.session() as s:
        rows = s.execute(
            select(m.Report.period, m.Report.state).where(
                m.Report.unit_id == ws.settings.unit_id,
                m.Report.plan_id == (plan_id or ws.plan.id),
            )
        )
        return {Period.parse(p) for p, state in rows if state in SUBMITTED}


def task_progress(ws: Workspace, today: dt.date) -> list[TaskProgress]:
    """One line per task of the plan, with a verdict for deadline tasks."""
    year_window = Period(PeriodKind.YEAR, _reporting_year(today), 1).window
    with ws.db.session() as s:
        base = (
            select(
                m.Task.code,
                func.count(m.Activity.id),
                func.max(m.Activity.date),
                func.sum(
                    (m.Activity.date >= year_window.start) & (m.Activity.date <= year_window.end)
                ),
            )
            .join(m.Activity, m.Activity.task_id == m.Task.id)
            .where(
                m.Task.plan_id == ws.plan.id,
                m.Activity.unit_id == ws.settings.unit_id,
                m.Activity.deleted_at.is_(None),
            )
            .group_by(m.Task.code)
        )
        counts = {code: (n, last, int(y or 0)) for code, n, last, y in s.execute(base)}
        reported: dict[str, tuple[str | None, int | None]] = {}
        rows = s.execute(
            select(m.Task.code, m.ReportEntry.status, m.ReportEntry.percent)
            .join(m.ReportEntry, m.ReportEntry.task_id == m.Task.id)
            .join(m.Report, m.Report.id == m.ReportEntry.report_id)
            .where(m.Report.unit_id == ws.settings.unit_id, m.Report.plan_id == ws.plan.id)
            .order_by(m.Report.created_at, m.Report.id)
        )
        for code, entry_status, entry_percent in rows:
            reported[code] = (entry_status, entry_percent)  # later rows win: newest report
    out = []
    for task in ws.plan.tasks:
        n, last, year_n = counts.get(task.code, (0, None, 0))
        status, percent = reported.get(task.code) or (None, None)
        out.append(
            TaskProgress(
                task=task,
                activity_count=n,
                year_count=year_n,
                last_date=last,
                reported_status=status,
                reported_percent=percent,
                verdict=_verdict(task, today, n, status, percent),
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
    rep = kept.plan.reporting
    kinds = [PeriodKind(k) for k in rep.kinds]
    return reports_due(
        today,
        kinds,
        rep.due_days_after_cutoff,
        submitted_periods(ws, kept.id),
        since=kept.followed_since,
    )


def next_report(ws: Workspace, today: dt.date, plan: KeptPlan | None = None) -> ReportDue | None:
    """The next report of a plan (the current one by default) not yet sent and not yet
    late, or None."""
    kept = plan or ws.current
    rep = kept.plan.reporting
    kinds = [PeriodKind(k) for k in rep.kinds]
    return next_due(today, kinds, rep.due_days_after_cutoff, submitted_periods(ws, kept.id))


def reports_by_plan(ws: Workspace, today: dt.date) -> list[PlanReports]:
    """For each plan the installation works with (``ws.plans``), its next report and the
    reports that ask for action, each carrying the plan id and period code to open."""
    out = []
    for kept in ws.plans:
        nxt = next_report(ws, today, kept)
        out.append(
            PlanReports(
                plan=kept,
                next=_due(kept, nxt) if nxt is not None else None,
                waiting=tuple(_due(kept, d) for d in due_reports(ws, today, kept)),
            )
        )
    return out


def _due(kept: KeptPlan, status: ReportDue) -> DueReport:
    return DueReport(kept.id, kept.plan.number, status)
