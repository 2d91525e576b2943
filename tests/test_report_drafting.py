"""The report the app drafts reads as a report: counts and totals in sentences, a few
notable activities, a place named once, and the officer's own words never replaced
without asking."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.demo import run_demo
from app.drafting import Facts, Measure, place_phrase, quantity, task_narrative
from app.printing.report_pdf import build_report_pdf, report_pdf_bytes
from app.recipients import default_recipients
from app.services import activities, reports
from app.services.activities import ActivityInput
from app.services.setup import default_settings
from app.services.workspace import Workspace

ATTENDEES = Measure(1, "Số lượt người tham dự quán triệt, tuyên truyền", "lượt người", "count")
MEETINGS = Measure(2, "Số hội nghị, buổi quán triệt, tuyên truyền", "cuộc", "count")
ARTICLES = Measure(3, "Số tin, bài đăng trên cổng/trang thông tin điện tử", "tin, bài", "count")
TRAINED = Measure(4, "Số lượt cán bộ được đào tạo, bồi dưỡng", "lượt người", "count")
MONEY = Measure(5, "Kinh phí thực hiện", "đồng", "money")


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pages))


def add(ws: Workspace, day: str, title: str, location: str = "", **values: int) -> int:
    return activities.add_activity(
        ws,
        ActivityInput(
            task_code="II.1",
            date=dt.date.fromisoformat(day),
            title=title,
            location=location,
            values=values,
        ),
    )


@pytest.mark.parametrize(
    ("measure", "value", "words"),
    [
        (ATTENDEES, 1517, "1.517 lượt người tham dự quán triệt, tuyên truyền"),
        (MEETINGS, 16, "16 cuộc hội nghị, buổi quán triệt, tuyên truyền"),
        (ARTICLES, 130, "130 tin, bài đăng trên cổng/trang thông tin điện tử"),
        (TRAINED, 364, "364 lượt cán bộ được đào tạo, bồi dưỡng"),
        (MONEY, 13_300_000, "kinh phí thực hiện 13.300.000 đồng"),
    ],
)
def test_a_total_is_named_by_its_indicator(measure: Measure, value: int, words: str) -> None:
    assert quantity(measure, value) == words


@pytest.mark.parametrize(
    ("title", "location", "phrase"),
    [
        ("Hội nghị quán triệt Kết luận 57", "Hội trường UBND huyện", " tại Hội trường UBND huyện"),
        ("Hội nghị tuyên truyền tại xã Ia Pal", "xã Ia Pal", ""),
        ("Hội nghị tuyên truyền tại xã Ia Pal", "nhà văn hóa làng Ring", ""),
        ("Tuyên truyền cho đoàn viên thanh niên xã Ia Blang", "xã Ia Blang", ""),
        ("Đăng tin trên Cổng thông tin điện tử", "", ""),
    ],
)
def test_a_place_is_named_once(title: str, location: str, phrase: str) -> None:
    assert place_phrase(title, location) == phrase


def test_a_task_is_drafted_as_counts_then_a_few_notable_activities() -> None:
    facts = [
        Facts(dt.date(2024, 3, d), f"Hội nghị số {d} tại xã Ia Pal", "xã Ia Pal", {1: 40 + d, 2: 1})
        for d in range(1, 9)
    ]
    facts.append(
        Facts(dt.date(2024, 5, 2), "Hội nghị quán triệt cấp huyện", "Hội trường", {1: 300, 2: 1})
    )
    text = task_narrative("năm 2024", facts, [MEETINGS, ATTENDEES])
    first, *rest = text.splitlines()
    assert first == (
        "Trong năm 2024, đơn vị đã thực hiện 9 hoạt động; kết quả: 9 cuộc hội nghị, buổi "
        "quán triệt, tuyên truyền; 656 lượt người tham dự quán triệt, tuyên truyền."
    )
    assert rest[0] == "Một số hoạt động tiêu biểu:"
    notable = rest[1:]
    assert len(notable) == 3  # a few, not nine
    assert (
        "- Ngày 2/5/2024, hội nghị quán triệt cấp huyện tại Hội trường (300 lượt người)." in notable
    )
    assert not any(" tại " in line.split(" tại ", 1)[1] for line in notable if " tại " in line)


def test_the_demo_year_report_reads_as_a_report(workspace: Workspace) -> None:
    run_demo(workspace)
    summary = reports.latest(workspace, "2024")
    assert summary is not None
    data = reports.report_data(workspace, summary.id)
    pdf = report_pdf_bytes(data)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert 3 <= pages <= 6
    text = text_of(pdf)
    assert (
        "Kết quả thực hiện công tác thông tin đối ngoại năm 2024 theo Kế hoạch số 157/KH-UBND"
        in text
    )
    assert "số liệu từ ngày 15/12/2023 đến ngày 14/12/2024" in text
    assert "Một số hoạt động tiêu biểu" in text
    assert not re.search(r"\btại [^.;()]*\btại\b", text), "a place named twice"
    assert "làng huyện Chư Sê" not in text  # the place of a commune activity is the commune
    assert "(đạt 100%)" not in text
    # the plan's own instruction on budgets is guidance, not the unit's text
    assert workspace.plan.budget.text[:40] not in text
    assert data.budget_note == ""
    for entry in data.entries:
        if entry.activity_count:
            assert f"đã thực hiện {entry.activity_count} hoạt động" in entry.narrative
    # the indicators are the app's addition to plan 157, and the print says so
    assert "Kế hoạch số 157/KH-UBND không quy định chỉ tiêu" in text


def test_the_appendix_lists_every_activity(workspace: Workspace, tmp_path: Path) -> None:
    run_demo(workspace, count=30)
    summary = reports.latest(workspace, "2024")
    assert summary is not None
    lines = reports.appendix(workspace, summary.id)
    assert len(lines) == 30
    out = tmp_path / "r.pdf"
    build_report_pdf(reports.report_data(workspace, summary.id), out, appendix=lines)
    text = text_of(out.read_bytes())
    assert "PHỤ LỤC" in text and "Danh sách hoạt động năm 2024 (30 hoạt động)" in text
    assert lines[0].title[:30] in text


def test_drafting_again_keeps_what_the_officer_wrote_unless_asked(workspace: Workspace) -> None:
    add(workspace, "2024-03-01", "Hội nghị quán triệt", "Hội trường UBND huyện", hoi_nghi=1)
    rid = reports.create_draft(workspace, "2024")
    drafted = reports.report_data(workspace, rid).entries[0].narrative
    assert "đã thực hiện 1 hoạt động" in drafted
    assert reports.edited_texts(workspace, rid) == []
    # untouched: drafted again with the new activity, no question asked
    add(workspace, "2024-04-01", "Hội nghị tuyên truyền tại xã Ia Pal", "xã Ia Pal", hoi_nghi=1)
    assert reports.refresh_draft(workspace, rid) == []
    assert "đã thực hiện 2 hoạt động" in reports.report_data(workspace, rid).entries[0].narrative
    # edited: kept, and named as kept
    reports.update_entry(workspace, rid, "II.1", "narrative", "Lời của cán bộ.")
    reports.update_report(workspace, rid, "overall", "Chỉ đạo của cán bộ.")
    add(workspace, "2024-05-01", "Hội nghị thứ ba", hoi_nghi=1)
    assert set(reports.edited_texts(workspace, rid)) == {"II.1", "overall"}
    assert reports.refresh_draft(workspace, rid) == ["II.1"]
    data = reports.report_data(workspace, rid)
    assert data.entries[0].narrative == "Lời của cán bộ."
    assert data.overall == "Chỉ đạo của cán bộ."
    assert data.entries[0].activity_count == 3  # the numbers are recounted all the same
    # replaced only when the officer agrees
    reports.refresh_draft(workspace, rid, replace_edited=True)
    data = reports.report_data(workspace, rid)
    assert "đã thực hiện 3 hoạt động" in data.entries[0].narrative
    assert reports.edited_texts(workspace, rid) == []


def test_a_revision_remembers_what_was_drafted(workspace: Workspace) -> None:
    run_demo(workspace, count=14)
    first = reports.latest(workspace, "2024-H1")
    assert first is not None and first.state == "finalized"
    before = reports.edited_texts(workspace, first.id)
    rid = reports.revise(workspace, first.id)
    assert reports.edited_texts(workspace, rid) == before


def test_finalize_needs_a_signer_and_recipients(workspace: Workspace) -> None:
    add(workspace, "2024-03-01", "Hội nghị quán triệt", hoi_nghi=1)
    rid = reports.create_draft(workspace, "2024-Q1")
    for name in ("difficulties", "proposals", "next_direction"):
        reports.update_report(workspace, rid, name, "Không có.")
    reports.update_entry(workspace, rid, "II.1", "percent", 30)
    assert reports.validate(workspace, rid) == []
    workspace.settings = dataclasses.replace(workspace.settings, leader_name=" ", recipients="")
    fields = {p.field for p in reports.problems(workspace, rid)}
    assert fields == {"leader_name", "recipients"}
    with pytest.raises(reports.ReportError, match="họ tên người ký"):
        reports.finalize(workspace, rid)


@pytest.mark.parametrize(
    ("unit_id", "party", "not_there"),
    [
        ("gl.pleiku", "Thường trực Thành ủy (b/c);", "Huyện ủy"),
        ("gl.ankhe", "Thường trực Thị ủy (b/c);", "Huyện ủy"),
        ("gl.chuse", "Thường trực Huyện ủy (b/c);", "Thành ủy"),
    ],
)
def test_recipients_follow_the_kind_of_unit(
    workspace: Workspace, unit_id: str, party: str, not_there: str
) -> None:
    lines = default_settings(workspace, "district", unit_id).recipients.splitlines()
    assert lines[0] == "Sở Thông tin và Truyền thông tỉnh Gia Lai (b/c);"
    assert party in lines
    assert not any(not_there in line for line in lines)
    assert lines[-1].startswith("Lưu: VT")


def test_recipients_of_a_ward_a_commune_and_a_department() -> None:
    monitor = "Sở Văn hóa, Thể thao và Du lịch"
    ward = default_recipients("commune", "Ủy ban nhân dân phường Hoa Lư", monitor)
    assert "Thường trực Đảng ủy phường (b/c);" in ward and "Chủ tịch, các PCT UBND phường;" in ward
    commune = default_recipients("commune", "Ủy ban nhân dân xã Ia Glai", monitor)
    assert "Thường trực Đảng ủy xã (b/c);" in commune
    department = default_recipients("department", "Sở Nội vụ", monitor)
    assert department[0] == f"{monitor} (b/c);"
    assert not any("ủy (b/c)" in line for line in department)
    itself = default_recipients("department", monitor, monitor)
    assert itself[0] == "Ủy ban nhân dân tỉnh (b/c);"
