"""A unit's period report as the PDF the leader signs (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Sections I–VI follow what the plan asks a unit to report: the overall assessment, the
results task by task with their indicators, difficulties, proposals, next steps and the
budget estimate. An empty section prints "Không có." so that the reader sees it was not
forgotten.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.errors import KnownError
from app.printing import document as doc
from app.printing.document import (
    Column,
    HeaderInfo,
    HouseStyles,
    IsCancelled,
    Output,
    Progress,
    SignatureInfo,
)
from app.report_data import IndicatorValue, ReportData, TaskEntry

STATUS_WORDS = {
    "not_started": "Chưa triển khai",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "not_applicable": "Không áp dụng",
}

# Indicator tables up to this many rows move to the next page whole rather than split.
SMALL_TABLE_ROWS = 8

SECTIONS = (
    "I. ĐÁNH GIÁ CHUNG",
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
    "III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN",
    "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    "V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "VI. DỰ TOÁN KINH PHÍ",
)


def build_report_pdf(
    report: ReportData,
    out: Output,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Write the report as an A4 PDF to ``out`` (a path or a binary stream).

    ``progress(done, total)`` is called as pages are laid out; ``cancelled()`` is polled as
    often and, once true, stops the work with Cancelled. A path is replaced atomically.
    Raises Cancelled, PdfWriteError or FontError; never leaves a half-written file.
    """
    _render(report, out, None, progress, cancelled)


def report_pdf_for_signing(
    report: ReportData, room_height: float
) -> tuple[bytes, tuple[int, float, float, float, float]]:
    """The report's PDF with a blank of ``room_height`` points between the signer's title
    and name, for official signatures, and where that blank is: (page index, x0, y0, x1,
    y1). Raises FontError."""
    room = doc.SignatureRoom(room_height)
    buffer = io.BytesIO()
    _render(report, buffer, room, None, None)
    assert room.placed is not None, "the signature block is always drawn"
    return buffer.getvalue(), room.placed


def _render(
    report: ReportData,
    out: Output,
    room: doc.SignatureRoom | None,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> None:
    st = doc.styles()
    page = doc.PORTRAIT
    summary = summary_line(report)
    doc.render(
        report_story(report, st, page.width, room=room),
        out,
        page=page,
        info=doc.DocumentInfo(
            title=f"Báo cáo {summary[0].lower()}{summary[1:]}",
            author=report.unit_name,
            subject=(
                f"Báo cáo số {report.number.strip()} của {report.unit_name}, "
                f"kỳ {report.period_label} (số liệu từ {doc.short_date(report.window_start)} "
                f"đến {doc.short_date(report.window_end)}), bản lần {report.revision}"
            ),
            keywords=(report.plan_number, report.period, report.unit_id),
        ),
        progress=progress,
        cancelled=cancelled,
    )


def report_pdf_bytes(report: ReportData) -> bytes:
    """The report's PDF as bytes (for a package); raises FontError only."""
    buffer = io.BytesIO()
    build_report_pdf(report, buffer)
    return buffer.getvalue()


def summary_line(report: ReportData) -> str:
    """The summary line under "BÁO CÁO": which plan, whose, and for which period."""
    return (
        f"Kết quả thực hiện Kế hoạch số {report.plan_number} ngày "
        f"{doc.short_date(report.plan_date)} của {report.plan_issuer} {report.period_label}"
    ).strip()


def status_text(status: str, percent: int | None) -> str:
    """A task's status in words, "(đạt N%)" added when a percentage is known."""
    words = STATUS_WORDS.get(status, status)
    return f"{words} (đạt {percent}%)" if percent is not None else words


def report_story(
    report: ReportData, st: HouseStyles, width: float, *, room: doc.SignatureRoom | None = None
) -> list[Flowable]:
    """The report's flowables, from the header block to the signature (its blank is
    ``room`` when given, else the usual 30 mm for a handwritten signature)."""
    note = f"(Bản sửa đổi lần {report.revision - 1})" if report.revision > 1 else ""
    if report.extra.get("state") == "draft":
        # a printed draft must never pass for the signed report
        note = f"DỰ THẢO {note}".strip()
    story: list[Flowable] = [
        doc.header_block(
            HeaderInfo(
                parent=report.header_parent,
                issuer=report.header_issuer,
                number=report.number,
                place=report.place,
                date=report.date,
            ),
            st,
            width,
        ),
        *doc.title_block("BÁO CÁO", summary_line(report), st, width, note=note),
    ]
    i, ii, iii, iv, v, vi = SECTIONS
    story += [doc.para(i, st.heading), *doc.paragraphs(report.overall, st.body)]
    story.append(doc.para(ii, st.heading))
    if not report.entries:
        story.append(doc.para("Không có.", st.body))
    for number, entry in enumerate(report.entries, 1):
        story += _task(number, entry, st, width)
    story += [doc.para(iii, st.heading), *doc.paragraphs(report.difficulties, st.body)]
    story += [doc.para(iv, st.heading), *doc.paragraphs(report.proposals, st.body)]
    story += [doc.para(v, st.heading), *doc.paragraphs(report.next_direction, st.body)]
    if _is_year_report(report) or report.budget_estimate is not None:
        # plan section III: next year's estimate belongs to the year report
        story += [doc.para(vi, st.heading), *_budget(report, st)]
    last = doc.para(
        f"Trên đây là báo cáo {summary_line(report)[0].lower()}{summary_line(report)[1:]} "
        f"của {report.unit_name}./.",
        st.body,
    )
    signer = report.signer
    block = doc.signature_block(
        SignatureInfo((signer.on_behalf, signer.authority, signer.title), signer.name),
        [r.strip().lstrip("-–").strip() for r in report.recipients],
        st,
        width,
        room=room if room is not None else 30 * mm,
    )
    story.append(doc.closing(last, block))
    return story


def _task(number: int, entry: TaskEntry, st: HouseStyles, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        doc.para(f"{number}. Nhiệm vụ {entry.code}: {entry.title}", st.subheading),
        Paragraph(
            "<i>Tình trạng:</i> " + doc.markup(status_text(entry.status, entry.percent)) + ".",
            st.body,
        ),
        *doc.paragraphs(entry.narrative, st.body),
    ]
    if entry.indicators:
        out.append(_indicator_table(entry.indicators, st, width))
    out.append(doc.para(f"Số hoạt động đã thực hiện: {entry.activity_count}.", st.body))
    return out


def _indicator_table(
    indicators: Sequence[IndicatorValue], st: HouseStyles, width: float
) -> Flowable:
    columns = (
        Column("STT", 12 * mm, "CENTER", wrap=False),
        Column("Chỉ tiêu", None),
        Column("Đơn vị tính", 32 * mm, "CENTER"),
        Column("Kết quả", 36 * mm, "RIGHT", wrap=False),
    )
    rows = [
        (str(n), ind.name, ind.unit, doc.format_number(ind.value))
        for n, ind in enumerate(indicators, 1)
    ]
    table = doc.data_table(columns, rows, st, width)
    # Air between the table and the paragraphs around it, as the body's paragraph spacing.
    table.spaceBefore = doc.PARAGRAPH_SPACING
    table.spaceAfter = 0
    if len(rows) <= SMALL_TABLE_ROWS:
        # A handful of indicators split over two pages, one row alone overleaf, looks broken.
        return KeepTogether([table])
    return table


def _is_year_report(report: ReportData) -> bool:
    from app.calendar import Period, PeriodKind

    try:
        return Period.parse(report.period).kind == PeriodKind.YEAR
    except KnownError:
        return False


def _budget(report: ReportData, st: HouseStyles) -> list[Flowable]:
    if report.budget_estimate is None:
        out = [doc.para("Chưa có dự toán.", st.body)]
    else:
        amount = doc.format_number(report.budget_estimate)
        out = [doc.para(f"Tổng dự toán kinh phí: {amount} đồng.", st.body)]
    if report.budget_note.strip():
        out += doc.paragraphs(report.budget_note, st.body)
    return out
