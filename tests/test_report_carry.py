"""A year report may start from what the officer wrote in the same year's 6-month
reports (app.services.report_carry): the H2 report's edited texts, else H1's, never the
app's own drafts, and never over the year's edited text without a yes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import report_carry, reports
from app.services.activities import ActivityInput, add_activity
from app.services.reports import ReportLocked
from app.services.workspace import Workspace
from db import models as m

H2_RESULT = "Trong năm, đơn vị tổ chức 2 hội nghị tuyên truyền; kết quả tốt (viết tay)."
H1_DIFFICULTIES = "Kinh phí còn hạn chế (báo cáo 6 tháng đầu năm)."


def _add(ws: Workspace, day: str) -> None:
    add_activity(
        ws,
        ActivityInput("II.1", dt.date.fromisoformat(day), "Hội nghị", values={"hoi_nghi": 1}),
        [],
    )


@pytest.fixture
def halves(workspace: Workspace) -> Workspace:
    """2024: an H1 report whose difficulties the officer wrote, an H2 report whose task
    II.1 result the officer rewrote, and their other texts as the app drafted them."""
    _add(workspace, "2024-03-10")
    _add(workspace, "2024-09-10")
    h1 = reports.create_draft(workspace, "2024-H1")
    reports.update_report(workspace, h1, "difficulties", H1_DIFFICULTIES)
    h2 = reports.create_draft(workspace, "2024-H2")
    reports.update_entry(workspace, h2, "II.1", "narrative", H2_RESULT)
    reports.update_report(workspace, h2, "difficulties", "")
    return workspace


def test_the_year_report_is_offered_what_the_officer_wrote_in_the_half_years(
    halves: Workspace,
) -> None:
    year = reports.create_draft(halves, "2024")
    earlier = {e.key: e for e in report_carry.earlier_texts(halves, year)}
    assert set(earlier) == {"II.1", "difficulties"}  # never the app's own drafts
    assert earlier["II.1"].text == H2_RESULT and earlier["II.1"].source == "2024-H2"
    assert earlier["difficulties"].source == "2024-H1"  # H2 has none: H1 where useful
    assert not any(e.replaces_edited for e in earlier.values())

    assert sorted(report_carry.use_earlier_texts(halves, year, replace_edited=False)) == [
        "II.1",
        "difficulties",
    ]
    assert reports.report_fields(halves, year)["difficulties"] == H1_DIFFICULTIES
    data = reports.report_data(halves, year)
    (entry,) = [t for t in data.entries if t.code == "II.1"]
    assert entry.narrative == H2_RESULT
    # the carried texts are the officer's: drafting again asks before replacing them
    assert {"II.1"} <= set(reports.edited_texts(halves, year))
    reports.refresh_draft(halves, year)
    assert reports.report_fields(halves, year)["difficulties"] == H1_DIFFICULTIES
    assert report_carry.earlier_texts(halves, year) == []  # nothing left to offer


def test_text_edited_in_the_year_report_is_kept_unless_the_officer_agrees(
    halves: Workspace,
) -> None:
    year = reports.create_draft(halves, "2024")
    reports.update_report(halves, year, "difficulties", "Viết riêng cho báo cáo năm.")
    (offer,) = [e for e in report_carry.earlier_texts(halves, year) if e.key == "difficulties"]
    assert offer.replaces_edited
    report_carry.use_earlier_texts(halves, year, replace_edited=False)
    assert reports.report_fields(halves, year)["difficulties"] == "Viết riêng cho báo cáo năm."
    report_carry.use_earlier_texts(halves, year, replace_edited=True)
    assert reports.report_fields(halves, year)["difficulties"] == H1_DIFFICULTIES


def test_only_a_year_draft_takes_earlier_texts(halves: Workspace) -> None:
    h2 = reports.latest(halves, "2024-H2")
    assert h2 is not None
    assert report_carry.earlier_texts(halves, h2.id) == []  # not a year report
    year = reports.create_draft(halves, "2024")
    with halves.db.transaction() as s:  # finalized (what finalize() checks is not the point)
        s.get(m.Report, year).state = "finalized"
    with pytest.raises(ReportLocked):
        report_carry.use_earlier_texts(halves, year, replace_edited=False)
