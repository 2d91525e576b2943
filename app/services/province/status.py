"""Who has reported: the periods units report for, the units the province waits for,
and the status matrix (on time, late, missing, not yet due) with each unit's revisions
and sequence gaps."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.calendar import Period, PeriodKind, due_date, period_of, periods_of_year
from app.errors import ConfigError, KnownError
from app.services.province.common import local
from app.services.workspace import Workspace
from db import models as m

if TYPE_CHECKING:
    from app.units import Unit

# Units that report with packages (they run the app in the district role).
REPORTING_KINDS = frozenset({"district", "commune"})


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


def reporting_periods(ws: Workspace, year: int) -> list[Period]:
    """The periods of ``year`` the plan asks units to report (plan.reporting.kinds).

    Nghị định 09/2019 (art. 12) knows one six-month report, the first half (15/12 to
    14/06); when the plan also asks for the year's report, that one covers the second
    half, so 6 tháng cuối năm is not waited for separately.
    """
    kinds = [PeriodKind(k) for k in ws.plan.reporting.kinds]
    periods = periods_of_year(year, kinds)
    if PeriodKind.YEAR in kinds:
        periods = [p for p in periods if not (p.kind is PeriodKind.HALF and p.index == 2)]
    return periods


def expected_units(ws: Workspace) -> list[Unit]:
    """The units whose reports the province waits for, in directory order: the plan's
    implementing units that report with packages (districts, communes), every unit with
    an enrolled key and every unit with a package here; never the province itself."""
    wanted: set[str] = set()
    for task in ws.plan.tasks:
        for selector in task.implementers:
            with contextlib.suppress(ConfigError):
                wanted.update(u.id for u in ws.units.select(selector) if u.kind in REPORTING_KINDS)
    with ws.db.session() as s:
        wanted.update(s.scalars(select(m.UnitKey.unit_id).distinct()))
        wanted.update(
            s.scalars(
                select(m.ReceivedPackage.unit_id)
                .where(m.ReceivedPackage.plan_id == ws.plan.id)
                .distinct()
            )
        )
    wanted.discard(ws.settings.unit_id)
    return [u for u in ws.units.tree_order() if u.id in wanted]


def status_matrix(
    ws: Workspace, periods: Sequence[Period], *, today: dt.date | None = None
) -> StatusMatrix:
    """Who has reported for each period: on time, late, missing, not yet due; with the
    revisions each current report superseded, and each unit's sequence gaps.

    On time means the first revision's package was made (its signed creation time, in
    this machine's time zone) on or before the due date; the due date is the plan's
    (``due_date(period, plan.reporting.due_days_after_cutoff)``).
    """
    today = today or dt.date.today()
    days = ws.plan.reporting.due_days_after_cutoff
    codes = [p.code for p in periods]
    dues = [due_date(p, days) for p in periods]
    units = expected_units(ws)
    with ws.db.session() as s:
        rows = list(
            s.scalars(
                select(m.ReceivedPackage).where(
                    m.ReceivedPackage.plan_id == ws.plan.id,
                    m.ReceivedPackage.period.in_(codes),
                )
            )
        )
        sequences: dict[str, set[int]] = {}
        for unit_id, sequence in s.execute(
            select(m.ReceivedPackage.unit_id, m.ReceivedPackage.sequence)
        ):
            sequences.setdefault(unit_id, set()).add(sequence)
        active = set(
            s.scalars(
                select(m.UnitKey.unit_id).where(
                    m.UnitKey.revoked_at.is_(None), m.UnitKey.replaced_by.is_(None)
                )
            )
        )
    by_cell: dict[tuple[str, str], list[m.ReceivedPackage]] = {}
    for row in rows:
        by_cell.setdefault((row.unit_id, row.period), []).append(row)
    out = []
    for unit in units:
        cells = []
        for code, due in zip(codes, dues, strict=True):
            packages = sorted(by_cell.get((unit.id, code), []), key=lambda r: r.revision)
            cells.append(_cell(code, due, today, packages))
        seen = sequences.get(unit.id, set())
        top = max(seen) if seen else None
        gaps = tuple(n for n in range(1, top + 1) if n not in seen) if top else ()
        out.append(
            UnitStatus(
                unit.id, unit.name, unit.short_name, unit.id in active, tuple(cells), gaps, top
            )
        )
    return StatusMatrix(ws.plan.id, tuple(periods), tuple(dues), today, tuple(out))


def _cell(code: str, due: dt.date, today: dt.date, packages: list[m.ReceivedPackage]) -> StatusCell:
    if not packages:
        return StatusCell(code, due, CellState.NOT_YET_DUE if today <= due else CellState.MISSING)
    current = next((p for p in packages if p.state == "current"), packages[-1])
    first = min(local(p.created).date() for p in packages)
    return StatusCell(
        period=code,
        due=due,
        state=CellState.ON_TIME if first <= due else CellState.LATE,
        revision=current.revision,
        sequence=current.sequence,
        submitted=first,
        received=local(current.received_at),
        superseded=tuple(p.revision for p in packages if p.revision < current.revision),
    )


def default_year(ws: Workspace, today: dt.date) -> int:
    """The year a province screen opens on: that of the newest report received, else the
    reporting year of today."""
    with ws.db.session() as s:
        newest = s.scalar(
            select(m.ReceivedPackage.period).order_by(m.ReceivedPackage.id.desc()).limit(1)
        )
    if newest is not None:
        with contextlib.suppress(KnownError):
            return Period.parse(newest).year
    return period_of(today, PeriodKind.YEAR).year
