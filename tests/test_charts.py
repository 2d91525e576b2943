"""The charts: the unit's activities and indicator totals per quarter, the province's
reports by state per period and per kind of unit; drawn after the window is up, saved
as PNG."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.calendar import Period, PeriodKind
from app.province_data import CellState, StatusCell, StatusMatrix, UnitStatus
from app.services import activities
from app.services.activities import ActivityInput
from app.services.charts import completeness, default_year, unit_progress
from app.services.workspace import Workspace
from ui.context import AppContext


def add(ws: Workspace, day: dt.date, values: dict[str, int] | None = None, task: int = 0) -> int:
    code = ws.plan.tasks[task].code
    return activities.add_activity(ws, ActivityInput(code, day, "Hoạt động", values=values or {}))


def test_activities_and_indicators_by_quarter_window(workspace: Workspace) -> None:
    first = workspace.plan.tasks[0]
    indicator = first.indicators[0].code
    add(workspace, dt.date(2023, 12, 15), {indicator: 2})  # the 2024 year starts 15/12/2023
    add(workspace, dt.date(2024, 3, 14), {indicator: 3})  # last day of quarter I's window
    add(workspace, dt.date(2024, 3, 15), {indicator: 5})  # first day of quarter II's
    gone = add(workspace, dt.date(2024, 3, 20), {indicator: 100})
    activities.delete_activity(workspace, gone)
    add(workspace, dt.date(2024, 12, 15))  # already the 2025 reporting year
    add(workspace, dt.date(2024, 5, 1), task=1)

    progress = unit_progress(workspace, 2024, dt.date(2024, 6, 1))
    assert progress.upto == 2  # quarter III's window starts 15/06
    assert progress.tasks[0].counts == (2, 1, 0, 0)
    assert progress.tasks[1].counts == (0, 1, 0, 0)
    (totals,) = [i for i in progress.indicators if i.code == indicator]
    assert totals.totals == (5, 10, 10, 10)  # a running total, deleted activity left out
    assert default_year(workspace, dt.date(2024, 12, 20)) == 2025
    assert default_year(workspace, dt.date(2026, 1, 10)) == 2025  # nothing in 2026: the newest


def test_reports_counted_by_period_and_kind() -> None:
    periods = (Period(PeriodKind.HALF, 2024, 1), Period(PeriodKind.YEAR, 2024, 1))
    due = (dt.date(2024, 6, 19), dt.date(2024, 12, 19))

    def unit(unit_id: str, *states: CellState) -> UnitStatus:
        cells = tuple(
            StatusCell(p.code, d, s) for p, d, s in zip(periods, due, states, strict=True)
        )
        return UnitStatus(unit_id, unit_id, unit_id, True, cells, (), None)

    matrix = StatusMatrix(
        "p",
        periods,
        due,
        dt.date(2024, 12, 25),
        (
            unit("a", CellState.ON_TIME, CellState.LATE),
            unit("b", CellState.MISSING, CellState.ON_TIME),
            unit("x", CellState.ON_TIME, CellState.MISSING),
        ),
    )
    data = completeness(matrix, lambda u: "commune" if u == "x" else "district")
    assert data.by_period[0][CellState.ON_TIME] == 2 and data.by_period[0][CellState.MISSING] == 1
    assert data.kinds == ("district", "commune")
    assert data.by_kind[0] == {
        CellState.ON_TIME: 2,
        CellState.LATE: 1,
        CellState.MISSING: 1,
        CellState.NOT_YET_DUE: 0,
    }


@pytest.mark.gui
def test_overview_draws_its_charts_after_showing_and_saves_a_png(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from ui.screens.overview import OverviewScreen

    add(workspace, dt.date(2024, 5, 1))
    screen = OverviewScreen(AppContext(workspace))
    screen.today = lambda: dt.date(2024, 10, 1)
    qtbot.addWidget(screen)
    assert screen.charts is None  # nothing drawn before the screen is shown
    screen.show()
    qtbot.waitUntil(lambda: screen.charts is not None)
    charts = screen.charts
    assert charts is not None and charts.year.value() == 2024
    bars = charts.charts.activities.chart.series()[0]
    assert [s.label() for s in bars.barSets()] == [t.code for t in workspace.plan.tasks]
    out = tmp_path / "bieu-do"
    assert charts.charts.activities.save(out)
    assert (tmp_path / "bieu-do.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
