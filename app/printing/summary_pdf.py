"""The local summary: where every task stands and every activity of a range, on A4 landscape.

A working document for the unit's leader, not a report to the province: it carries the
header block but no number and no signature, only the name of who prepared it. The
activity list runs to hundreds of rows, so its header row repeats on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from app.printing import document as doc
from app.printing.document import Column, HeaderInfo, HouseStyles, IsCancelled, Output, Progress
from app.printing.report_pdf import status_text

TITLE = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH"
# A landscape table holds more text per row; 12 pt keeps it legible on paper.
TABLE_SIZE = 12
# Room a section heading needs below it to start its table on the same page: the heading,
# the table's header row and a few rows.
KEEP_WITH_TABLE = 50 * mm


@dataclass(frozen=True)
class TaskStatusRow:
    """One task of the plan and where it stands."""

    code: str
    title: str
    timeframe_text: str  # "Hoàn thành trong năm 2024", "Thường xuyên"
    status: str  # as TaskEntry.status: "not_started" | "in_progress" | "done" | "not_applicable"
    percent: int | None
    activity_count: int
    last_activity: dt.date | None


@dataclass(frozen=True)
class ActivityRow:
    """One activity in the list."""

    date: dt.date
    task_code: str
    title: str
    location: str
    indicators_text: str  # "3 cuộc; 250 lượt người"
    evidence_count: int


@dataclass(frozen=True)
class LocalSummary:
    """What the local summary prints; built by app.services from the database."""

    unit_name: str
    header_parent: str
    header_issuer: str  # lines separated by "\n"
    place: str
    date: dt.date  # date on the document
    plan_number: str  # "157/KH-UBND"
    range_title: str  # "từ ngày 01/01/2024 đến ngày 30/06/2024" or a period label
    task_rows: Sequence[TaskStatusRow]
    activities: Sequence[ActivityRow]
    plan_date: dt.date | None = None
    plan_issuer: str = ""
    prepared_by: str = ""


def build_summary_pdf(
    summary: LocalSummary,
    out: Output,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Write the local summary as an A4 landscape PDF to ``out`` (a path or a binary stream).

    Same progress, cancellation and atomic-write contract as report_pdf.build_report_pdf:
    raises Cancelled, PdfWriteError or FontError and never leaves a half-written file.
    """
    st = doc.styles()
    page = doc.LANDSCAPE
    doc.render(
        summary_story(summary, st, page.width),
        out,
        page=page,
        info=doc.DocumentInfo(
            title=f"Tổng hợp tình hình thực hiện Kế hoạch số {summary.plan_number} "
            f"{summary.range_title}".strip(),
            author=summary.unit_name,
            subject=f"{plan_phrase(summary)} {summary.range_title}".strip(),
            keywords=(summary.plan_number,),
        ),
        progress=progress,
        cancelled=cancelled,
    )


def plan_phrase(summary: LocalSummary) -> str:
    """ "Kế hoạch số 157/KH-UBND ngày 22/01/2024 của …", with what the summary knows."""
    text = f"Kế hoạch số {summary.plan_number}"
    if summary.plan_date is not None:
        text += f" ngày {doc.short_date(summary.plan_date)}"
    if summary.plan_issuer.strip():
        text += f" của {summary.plan_issuer.strip()}"
    return text


def summary_story(summary: LocalSummary, st: HouseStyles, width: float) -> list[Flowable]:
    """The summary's flowables: header, title, task status table, activity table, preparer."""
    story: list[Flowable] = [
        doc.header_block(
            HeaderInfo(
                parent=summary.header_parent,
                issuer=summary.header_issuer,
                number=None,
                place=summary.place,
                date=summary.date,
            ),
            st,
            width,
        ),
        *doc.title_block(TITLE, f"{plan_phrase(summary)} {summary.range_title}", st, width),
        CondPageBreak(KEEP_WITH_TABLE),
        doc.para("I. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ", st.heading),
        Spacer(1, 4),
    ]
    story.append(_task_table(summary.task_rows, st, width) if summary.task_rows else _none(st))
    story += [
        # A heading alone at the foot of a page, its table overleaf, reads as a mistake.
        CondPageBreak(KEEP_WITH_TABLE),
        doc.para(f"II. CÁC HOẠT ĐỘNG ĐÃ THỰC HIỆN ({len(summary.activities)})", st.heading),
        Spacer(1, 4),
    ]
    story.append(
        _activity_table(summary.activities, st, width) if summary.activities else _none(st)
    )
    if summary.prepared_by.strip():
        story += [
            Spacer(1, 12),
            doc.signature_block(
                doc.SignatureInfo(("NGƯỜI LẬP",), summary.prepared_by.strip()),
                None,
                st,
                width,
                room=20 * mm,
            ),
        ]
    return story


def _none(st: HouseStyles) -> Flowable:
    return doc.para("Không có.", st.body)


def _task_table(rows: Sequence[TaskStatusRow], st: HouseStyles, width: float) -> Flowable:
    columns = (
        Column("STT", 12 * mm, "CENTER", wrap=False),
        Column("Mã", 18 * mm, "CENTER", wrap=False),
        Column("Nhiệm vụ", None),
        Column("Thời gian thực hiện", 45 * mm),
        Column("Tình trạng", 40 * mm),
        Column("Số hoạt động", 22 * mm, "RIGHT", wrap=False),
        Column("Hoạt động gần nhất", 28 * mm, "CENTER", wrap=False),
    )
    data = [
        (
            str(n),
            row.code,
            row.title,
            row.timeframe_text,
            status_text(row.status, row.percent),
            doc.format_number(row.activity_count),
            doc.short_date(row.last_activity) if row.last_activity else "—",
        )
        for n, row in enumerate(rows, 1)
    ]
    return doc.data_table(columns, data, st, width, font_size=TABLE_SIZE)


def _activity_table(rows: Sequence[ActivityRow], st: HouseStyles, width: float) -> Flowable:
    columns = (
        Column("STT", 12 * mm, "CENTER", wrap=False),
        Column("Ngày", 23 * mm, "CENTER", wrap=False),
        Column("Nhiệm vụ", 22 * mm, "CENTER", wrap=False),
        Column("Hoạt động", None),
        Column("Địa điểm", 42 * mm),
        Column("Chỉ tiêu", 42 * mm),
        Column("Minh chứng", 24 * mm, "RIGHT", wrap=False),
    )
    data = [
        (
            str(n),
            doc.short_date(row.date),
            row.task_code,
            row.title,
            row.location,
            row.indicators_text,
            str(row.evidence_count),
        )
        for n, row in enumerate(rows, 1)
    ]
    return doc.data_table(columns, data, st, width, font_size=TABLE_SIZE)
