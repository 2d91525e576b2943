"""The local summary a district prints: service, command line and the journal's button."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.calendar import Period
from app.demo import run_demo
from app.errors import ConfigError
from app.services import activities
from app.services.summary import local_summary
from app.services.workspace import Workspace
from tests.test_cli import tiendo


def test_summary_holds_the_range_and_every_task(workspace: Workspace) -> None:
    run_demo(workspace, count=40)
    window = Period.parse("2024-H1").window
    summary = local_summary(workspace, window.start, window.end)
    inside = [r for r in activities.list_rows(workspace) if window.contains(r.date)]
    assert len(summary.activities) == len(inside) > 0
    assert all(window.start <= a.date <= window.end for a in summary.activities)
    assert [t.code for t in summary.task_rows] == [t.code for t in workspace.plan.tasks]
    assert sum(t.activity_count for t in summary.task_rows) == len(inside)
    assert summary.range_title == "từ ngày 15/12/2023 đến ngày 14/06/2024"
    with pytest.raises(ConfigError, match="trước ngày bắt đầu"):
        local_summary(workspace, dt.date(2024, 6, 1), dt.date(2024, 1, 1))


def test_cli_summary_prints_a_landscape_pdf(tmp_path: Path) -> None:
    data = tmp_path / "data"
    tiendo(
        "setup",
        "--role",
        "district",
        "--unit",
        "gl.chuse",
        "--leader-name",
        "Nguyễn Văn Ánh",
        data_dir=data,
    )
    tiendo("demo", "--activities", "20", data_dir=data)
    out = tmp_path / "tong-hop.pdf"
    said = tiendo("summary", "--period", "2024", "--out", str(out), data_dir=data).stdout
    assert "20 hoạt động" in said
    reader = PdfReader(out)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = "".join(p.extract_text() for p in reader.pages)
    assert "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH" in text and "II.4.2" in text
    bad = tiendo("summary", "--out", str(out), data_dir=data, check=False)
    assert bad.returncode == 1 and "--period" in bad.stderr


def test_the_journal_prints_the_summary_of_the_chosen_period(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from ui.context import AppContext
    from ui.screens.activities import ActivitiesScreen

    run_demo(workspace, count=20)
    screen = ActivitiesScreen(AppContext(workspace))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded)
    screen.period_combo.setCurrentIndex(screen.period_combo.findData("2024-H1"))
    screen.print_button.click()
    qtbot.waitUntil(lambda: getattr(screen, "summary_dialog", None) is not None, timeout=20000)
    assert screen.summary_dialog.document.pageCount() >= 1
    assert screen.print_button.isEnabled()
    screen.summary_dialog.close()
