"""The province's view of who reported, and its consolidated report, as plain data.

Built by app/services/province (status, compile) from the database; app/printing and ui/
only read it. It lives outside app.services so that printing never imports a service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.calendar import Period

if TYPE_CHECKING:
    from app.report_data import ReportData


class CellState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"


CELL_WORDS = {
    CellState.ON_TIME: "đúng hạn",
    CellState.LATE: "trễ hạn",
    CellState.MISSING: "chưa báo cáo",
    CellState.NOT_YET_DUE: "chưa đến hạn",
}


@dataclass(frozen=True)
class StatusCell:
    """One unit's report for one period: its state, and the packages behind it."""

    period: str
    due: dt.date
    state: CellState
    revision: int | None = None  # the current revision
    sequence: int | None = None
    submitted: dt.date | None = None  # when the first revision was made (the unit's clock)
    received: dt.datetime | None = None  # when the current revision arrived (local time)
    superseded: tuple[int, ...] = ()  # older revisions, kept as history

    @property
    def has_report(self) -> bool:
        return self.revision is not None

    def text(self) -> str:
        """ "đúng hạn, lần 2 (thay lần 1)" — what a cell of the matrix says."""
        words = CELL_WORDS[self.state]
        if self.revision is None:
            return words
        words += f", lần {self.revision}"
        if self.superseded:
            words += f" (thay lần {', '.join(str(r) for r in self.superseded)})"
        return words


@dataclass(frozen=True)
class UnitStatus:
    unit_id: str
    unit_name: str
    short_name: str
    enrolled: bool  # has an active key
    cells: tuple[StatusCell, ...]
    gaps: tuple[int, ...]  # sequence numbers below the highest received that never arrived
    last_sequence: int | None
    group: str = ""  # the unit's kind ("department", "commune"…): the matrix groups by it
    # the finer group it is listed under (app.plan_units.unit_group: "commune-phuong" …)
    section: str = ""

    def cell(self, period: str) -> StatusCell:
        for c in self.cells:
            if c.period == period:
                return c
        raise KeyError(period)


@dataclass(frozen=True)
class StatusMatrix:
    """Units × periods of one plan, as seen on ``today``."""

    plan_id: str
    periods: tuple[Period, ...]
    due: tuple[dt.date, ...]
    today: dt.date
    units: tuple[UnitStatus, ...]

    def counts(self, period: str) -> dict[CellState, int]:
        out = dict.fromkeys(CellState, 0)
        for unit in self.units:
            out[unit.cell(period).state] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: periods with due dates, units with cells and gaps, counts."""

        def cell(c: StatusCell) -> dict[str, Any]:
            return {
                "state": c.state.value,
                "revision": c.revision,
                "sequence": c.sequence,
                "submitted": c.submitted.isoformat() if c.submitted else None,
                "received": c.received.isoformat() if c.received else None,
                "superseded": list(c.superseded),
            }

        return {
            "plan": self.plan_id,
            "today": self.today.isoformat(),
            "periods": [
                {"code": p.code, "label": p.label_vi, "due": d.isoformat()}
                for p, d in zip(self.periods, self.due, strict=True)
            ],
            "units": [
                {
                    "id": u.unit_id,
                    "name": u.unit_name,
                    "group": u.group,
                    "section": u.section,
                    "enrolled": u.enrolled,
                    "cells": {c.period: cell(c) for c in u.cells},
                    "gaps": list(u.gaps),
                    "last_sequence": u.last_sequence,
                }
                for u in self.units
            ],
            "counts": {
                p.code: {k.value: v for k, v in self.counts(p.code).items()} for p in self.periods
            },
        }


@dataclass(frozen=True)
class IndicatorColumn:
    """One indicator of the plan, as a column of the consolidated tables."""

    task_code: str
    code: str
    name: str
    unit: str  # unit of measure
    kind: str  # "count" | "money"
    in_plan: bool = False  # set by the plan document (else a measure added to follow it)


@dataclass(frozen=True)
class UnitReport:
    """One unit's current report for the period."""

    unit_id: str
    unit_name: str
    short_name: str
    state: CellState  # on time or late
    revision: int
    sequence: int
    submitted: dt.date
    received: dt.datetime
    report: ReportData

    def value(self, task_code: str, indicator_code: str) -> int | None:
        for entry in self.report.entries:
            if entry.code == task_code:
                for ind in entry.indicators:
                    if ind.code == indicator_code:
                        return ind.value
        return None

    def entry_status(self, task_code: str) -> tuple[str, int | None, int] | None:
        """(status, percent, activity count) of a task, or None when the report lacks it."""
        for entry in self.report.entries:
            if entry.code == task_code:
                return entry.status, entry.percent, entry.activity_count
        return None


@dataclass(frozen=True)
class TaskInfo:
    code: str
    title: str
    indicators: tuple[IndicatorColumn, ...]


@dataclass(frozen=True)
class ProvincialReport:
    """What the consolidated PDF and workbook show for one period. Built by
    app.services.province.compile.compile_report; printing code only reads it."""

    period: Period
    due: dt.date
    today: dt.date
    plan_id: str
    plan_number: str
    plan_date: dt.date
    plan_issuer: str
    plan_title: str
    # the monitoring body's header, signature block and recipients (directory and settings)
    header_parent: str
    header_issuer: str
    issuer_name: str  # the monitoring body's full name, from the directory
    place: str
    number: str  # "  /" and the report number prefix
    signer_lines: tuple[str, ...]
    signer_name: str
    recipients: tuple[str, ...]
    tasks: tuple[TaskInfo, ...]
    reports: tuple[UnitReport, ...]  # the units that reported, directory order
    status: StatusMatrix  # this period only: every expected unit
    # The parts the clerk may rewrite, by key ("overall", "task:II.1", "difficulties",
    # "next_direction", "proposals"): the clerk's text where there is one, else the draft.
    texts: dict[str, str] = field(default_factory=dict)
    plan_subject: str = ""

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    @property
    def indicators(self) -> tuple[IndicatorColumn, ...]:
        return tuple(i for t in self.tasks for i in t.indicators)

    @property
    def missing(self) -> tuple[UnitStatus, ...]:
        """Expected units with no report for the period."""
        return tuple(u for u in self.status.units if not u.cells[0].has_report)

    def total(self, column: IndicatorColumn) -> int:
        """The indicator summed over every unit's current report."""
        return sum(r.value(column.task_code, column.code) or 0 for r in self.reports)

    def reporting_units(self, column: IndicatorColumn) -> int:
        """How many units report a value above zero."""
        return sum(1 for r in self.reports if (r.value(column.task_code, column.code) or 0) > 0)

    def activity_total(self, task_code: str) -> int:
        return sum((r.entry_status(task_code) or ("", None, 0))[2] for r in self.reports)

    @property
    def late(self) -> tuple[UnitReport, ...]:
        """Units whose current report arrived after the due date."""
        return tuple(r for r in self.reports if r.state == CellState.LATE)

    @property
    def budgets(self) -> tuple[UnitReport, ...]:
        """Units that gave a budget estimate: each belongs to that unit's own budget."""
        return tuple(r for r in self.reports if r.report.budget_estimate is not None)
