"""What the Tổng quan screen shows: progress per task and what reports are due or late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.calendar import Period, PeriodKind, ReportDue, next_due, reports_due
from app.plan import Task, TimeframeKind
from app.report_state import SUBMITTED
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


def submitted_periods(ws: Workspace) -> set[Period]:
    """Periods whose newest report has left the office (exported or received)."""
    with ws.db.session() as s:
        rows = s.execute(
            select(m.Report.period, m.Report.state).where(
                m.Report.unit_id == ws.settings.unit_id, m.Report.plan_id == ws.plan.id
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


def due_reports(ws: Workspace, today: dt.date) -> list[ReportDue]:
    """Reports open, due or late on this day (the plan's reporting kinds)."""
    rep = ws.plan.reporting
    kinds = [PeriodKind(k) for k in rep.kinds]
    return reports_due(today, kinds, rep.due_days_after_cutoff, submitted_periods(ws))


def next_report(ws: Workspace, today: dt.date) -> ReportDue | None:
    rep = ws.plan.reporting
    kinds = [PeriodKind(k) for k in rep.kinds]
    return next_due(today, kinds, rep.due_days_after_cutoff, submitted_periods(ws))
