"""What the charts show, as plain data (ui/widgets/charts.py draws it).

The unit's overview: activities per task in each quarter of a reporting year, and each
indicator's running total through those quarters. The province's status: how many
reports came on time, late or not at all, per period and per kind of unit. Quarters are
Decree 09/2019's (an activity counts in the quarter whose data window holds its date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import case, func, select

from app.calendar import Period, PeriodKind, period_of
from app.province_data import CellState, StatusMatrix
from app.services.activities import of_plan
from app.services.workspace import Workspace
from db import models as m

QUARTERS = 4


@dataclass(frozen=True)
class TaskActivity:
    """One task's activities in each quarter of the year."""

    code: str
    title: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class IndicatorProgress:
    """One indicator's running total at the end of each quarter of the year."""

    task_code: str
    code: str
    name: str
    unit: str
    totals: tuple[int, ...]


@dataclass(frozen=True)
class UnitProgress:
    """A unit's year on the plan, quarter by quarter; `upto` is how many quarters have
    begun by `today` (later ones are drawn empty, not as zero)."""

    year: int
    quarters: tuple[Period, ...]
    upto: int
    tasks: tuple[TaskActivity, ...]
    indicators: tuple[IndicatorProgress, ...]

    @property
    def empty(self) -> bool:
        return not any(sum(t.counts) for t in self.tasks)


def unit_progress(ws: Workspace, year: int, today: dt.date) -> UnitProgress:
    """The unit's activities and indicator totals per quarter of reporting year `year`
    (its window: 15/12 of the year before to 14/12), deleted activities left out."""
    quarters = tuple(Period(PeriodKind.QUARTER, year, q) for q in range(1, QUARTERS + 1))
    start, end = quarters[0].window.start, quarters[-1].window.end
    upto = sum(1 for q in quarters if q.window.start <= today)
    # One SQL pass per figure, summed per quarter by the database (100,000 activities
    # stay quick): a column per quarter window.
    windows = [q.window for q in quarters]
    per_quarter = [(m.Activity.date >= w.start) & (m.Activity.date <= w.end) for w in windows]
    where = (
        m.Task.plan_id == ws.plan.id,
        m.Activity.unit_id == ws.settings.unit_id,
        m.Activity.deleted_at.is_(None),
        m.Activity.date >= start,
        m.Activity.date <= end,
    )
    with ws.db.session() as s:
        counts = {
            code: tuple(int(n or 0) for n in row)
            for code, *row in s.execute(
                select(m.Task.code, *(func.sum(case((c, 1), else_=0)) for c in per_quarter))
                .select_from(m.Activity)
                .join(m.Task, m.Task.id == m.Activity.task_id)
                .where(*where)
                .group_by(m.Task.code)
            )
        }
        sums = {
            (code, indicator): tuple(int(n or 0) for n in row)
            for code, indicator, *row in s.execute(
                select(
                    m.Task.code,
                    m.Indicator.code,
                    *(func.sum(case((c, m.ActivityValue.value), else_=0)) for c in per_quarter),
                )
                .select_from(m.Activity)
                .join(m.Task, m.Task.id == m.Activity.task_id)
                .join(m.ActivityValue, m.ActivityValue.activity_id == m.Activity.id)
                .join(m.Indicator, m.Indicator.id == m.ActivityValue.indicator_id)
                .where(*where)
                .group_by(m.Task.code, m.Indicator.code)
            )
        }
    none = (0,) * QUARTERS
    tasks = tuple(
        TaskActivity(t.code, t.short_title or t.title, counts.get(t.code, none))
        for t in ws.plan.tasks
    )
    indicators = tuple(
        IndicatorProgress(t.code, i.code, i.name, i.unit, _running(sums[(t.code, i.code)]))
        for t in ws.plan.tasks
        for i in t.indicators
        if (t.code, i.code) in sums
    )
    return UnitProgress(year, quarters, upto, tasks, indicators)


def default_year(ws: Workspace, today: dt.date) -> int:
    """The reporting year a chart opens on: today's, or when the unit recorded nothing in
    it yet, that of its newest activity (before the first activity: today's)."""
    year = period_of(today, PeriodKind.YEAR).year
    with ws.db.session() as s:
        newest = s.scalar(
            select(func.max(m.Activity.date)).where(
                m.Activity.unit_id == ws.settings.unit_id,
                of_plan(ws),
                m.Activity.deleted_at.is_(None),
                m.Activity.date <= today,
            )
        )
    if newest is None:
        return year
    start = Period(PeriodKind.YEAR, year, 1).window.start
    return year if newest >= start else period_of(newest, PeriodKind.YEAR).year


def _running(values: tuple[int, ...]) -> tuple[int, ...]:
    out, total = [], 0
    for v in values:
        total += v
        out.append(total)
    return tuple(out)


@dataclass(frozen=True)
class Completeness:
    """Reports counted by state: per period (in the matrix's order) and per kind of unit
    (over all the matrix's periods)."""

    periods: tuple[Period, ...]
    by_period: tuple[dict[CellState, int], ...]
    kinds: tuple[str, ...]
    by_kind: tuple[dict[CellState, int], ...]

    @property
    def empty(self) -> bool:
        return not any(sum(c.values()) for c in self.by_period)


def completeness(matrix: StatusMatrix, kind_of: Callable[[str], str]) -> Completeness:
    """Count the matrix's cells by state, per period and per kind of unit (`kind_of`
    gives a unit id's kind, e.g. "commune"); kinds in order of first appearance."""
    by_period = tuple(matrix.counts(p.code) for p in matrix.periods)
    by_kind: dict[str, dict[CellState, int]] = {}
    for unit in matrix.units:
        counts = by_kind.setdefault(kind_of(unit.unit_id), dict.fromkeys(CellState, 0))
        for cell in unit.cells:
            counts[cell.state] += 1
    return Completeness(matrix.periods, by_period, tuple(by_kind), tuple(by_kind.values()))
