"""Who has reported: the periods units report for, the units the province waits for,
and the status matrix (on time, late, missing, not yet due) with each unit's revisions
and sequence gaps."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.calendar import Period, PeriodKind, due_date, period_of, required_periods
from app.errors import KnownError
from app.plan_units import group_rank, implementing_units, unit_group
from app.province_data import CellState, StatusCell, StatusMatrix, UnitStatus
from app.services.province.common import local
from app.services.workspace import Workspace
from db import models as m

if TYPE_CHECKING:
    from app.units import Unit


def reporting_periods(ws: Workspace, year: int) -> list[Period]:
    """The periods of ``year`` the current plan requires (app.calendar.required_periods:
    the same rule that decides what a unit is asked to report)."""
    return required_periods(year, [PeriodKind(k) for k in ws.plan.reporting.kinds])


def expected_units(ws: Workspace) -> list[Unit]:
    """The units whose reports the province waits for: exactly those the current plan
    names as implementers (app.plan_units.implementing_units), grouped by kind."""
    return list(implementing_units(ws.plan, ws.units))


def units_of_all_plans(ws: Workspace) -> list[Unit]:
    """Every unit some plan the province keeps names as an implementer (each plan read
    against its own directory), once, grouped (app.plan_units.grouped's order): the
    units whose keys the province needs, whichever plan they report on."""
    found: dict[str, Unit] = {}
    for kept in ws.kept:
        units = ws.directories.get(kept.directory_id)
        if units is None:
            continue
        for unit in implementing_units(kept.plan, units):
            found.setdefault(unit.id, unit)
    found.pop(ws.settings.unit_id, None)
    order = {unit_id: i for i, unit_id in enumerate(found)}
    return sorted(found.values(), key=lambda u: (group_rank(unit_group(u)), order[u.id]))


def status_matrix(
    ws: Workspace, periods: Sequence[Period], *, today: dt.date | None = None
) -> StatusMatrix:
    """Who has reported for each period: on time, late, missing, not yet due; with the
    revisions each current report superseded, and each unit's sequence gaps. Units come
    grouped by kind (``UnitStatus.group``), in the order of app.units.UnitKind.

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
                unit.id,
                unit.name,
                unit.short_name,
                unit.id in active,
                tuple(cells),
                gaps,
                top,
                group=unit.kind.value,
                section=unit_group(unit),
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
    """The year a province screen opens on: that of the newest report received for the
    current plan, else the reporting year of today."""
    with ws.db.session() as s:
        newest = s.scalar(
            select(m.ReceivedPackage.period)
            .where(m.ReceivedPackage.plan_id == ws.plan.id)
            .order_by(m.ReceivedPackage.id.desc())
            .limit(1)
        )
    if newest is not None:
        with contextlib.suppress(KnownError):
            return Period.parse(newest).year
    return period_of(today, PeriodKind.YEAR).year
