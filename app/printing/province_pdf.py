"""The provincial report: what the Sở compiles from every unit's report for a period, in
the house style of Nghị định 30/2020 (A4 portrait, header of the Sở, signature block).

Sections: I. who has reported (and who has not); II. results task by task, each with a
table of the units' status, activities and indicators and its total; III. the plan's
indicators summed over the province; IV. difficulties and V. proposals, unit by unit;
VI. the units' budget estimates when they gave any. A task with more indicators than a
portrait page holds has its table split into several, each repeating the unit column.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from app.printing import document as doc
from app.printing.document import Column, HeaderInfo, HouseStyles, IsCancelled, Output, Progress
from app.printing.report_pdf import STATUS_WORDS

if TYPE_CHECKING:
    from app.province_data import (
        IndicatorColumn,
        ProvincialReport,
        TaskInfo,
        UnitReport,
    )

TABLE_SIZE = 11
CELL_PADDING = 8  # data_table's left + right padding, pt
KEEP_WITH_TABLE = 75 * mm
# Widths of the fixed columns of a task table.
NUMBER_WIDTH = 12 * mm
STATUS_WIDTH = 27 * mm
ACTIVITIES_WIDTH = 16 * mm
UNIT_MIN_WIDTH = 30 * mm
UNIT_MAX_WIDTH = 45 * mm
INDICATOR_MIN_WIDTH = 16 * mm

SECTIONS = (
    "I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
    "III. TỔNG HỢP CÁC CHỈ TIÊU",
    "IV. KHÓ KHĂN, VƯỚNG MẮC",
    "V. ĐỀ XUẤT, KIẾN NGHỊ",
    "VI. DỰ TOÁN KINH PHÍ",
)

STATE_WORDS = {
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "missing": "Chưa báo cáo",
    "not_yet_due": "Chưa đến hạn",
}


def build_province_pdf(
    data: ProvincialReport,
    out: Output,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Write the provincial report as an A4 PDF to ``out`` (a path or a binary stream).

    Same contract as report_pdf.build_report_pdf: raises Cancelled, PdfWriteError or
    FontError; a path is replaced atomically, never left half-written.
    """
    st = doc.styles()
    page = doc.PORTRAIT
    doc.render(
        province_story(data, st, page.width),
        out,
        page=page,
        info=doc.DocumentInfo(
            title=f"Báo cáo {_lower_first(summary_line(data))}",
            author=data.issuer_name,
            subject=(
                f"Tổng hợp báo cáo của {len(data.reports)}/{len(data.status.units)} đơn vị, "
                f"kỳ {data.period.label_vi}"
            ),
            keywords=(data.plan_number, data.period.code, "tổng hợp"),
        ),
        progress=progress,
        cancelled=cancelled,
    )


def province_pdf_bytes(data: ProvincialReport) -> bytes:
    """The provincial report's PDF as bytes."""
    buffer = io.BytesIO()
    build_province_pdf(data, buffer)
    return buffer.getvalue()


def summary_line(data: ProvincialReport) -> str:
    """The line under "BÁO CÁO"."""
    return (
        f"Tổng hợp kết quả thực hiện Kế hoạch số {data.plan_number} ngày "
        f"{doc.short_date(data.plan_date)} của {data.plan_issuer} {data.period.label_vi}"
    )


def province_story(data: ProvincialReport, st: HouseStyles, width: float) -> list[Flowable]:
    """The report's flowables, header to signature."""
    story: list[Flowable] = [
        doc.header_block(
            HeaderInfo(
                parent=data.header_parent,
                issuer=data.header_issuer,
                number=data.number,
                place=data.place,
                date=data.today,
            ),
            st,
            width,
        ),
        *doc.title_block("BÁO CÁO", summary_line(data), st, width),
        doc.para(
            f"Thực hiện Kế hoạch số {data.plan_number} ngày {doc.short_date(data.plan_date)} "
            f"của {data.plan_issuer}, trên cơ sở báo cáo của các đơn vị gửi về (số liệu đến "
            f"ngày {doc.short_date(data.today)}), {data.issuer_name} tổng hợp kết quả thực hiện "
            f"{data.period.label_vi} như sau:",
            st.body,
        ),
    ]
    i, ii, iii, iv, v, vi = SECTIONS
    story += [doc.para(i, st.heading), *_reporting(data, st, width)]
    if not data.reports:
        story += [doc.para(ii, st.heading), doc.para("Chưa có đơn vị nào gửi báo cáo.", st.body)]
    else:
        for n, task in enumerate(data.tasks, 1):
            # The section heading travels with the first task and its table.
            lead = [doc.para(ii, st.heading)] if n == 1 else []
            story += _task(n, task, data, st, width, lead)
    story += [CondPageBreak(KEEP_WITH_TABLE), doc.para(iii, st.heading)]
    story += _indicator_totals(data, st, width)
    story += [doc.para(iv, st.heading), *_by_unit(data, "difficulties", st)]
    story += [doc.para(v, st.heading), *_by_unit(data, "proposals", st)]
    budgets = [r for r in data.reports if r.report.budget_estimate is not None]
    if budgets:
        story += [CondPageBreak(KEEP_WITH_TABLE), doc.para(vi, st.heading)]
        story += _budget(budgets, st, width)
    last = doc.para(
        f"Trên đây là báo cáo {_lower_first(summary_line(data))} của {data.issuer_name}./.",
        st.body,
    )
    block = doc.signature_block(
        doc.SignatureInfo(data.signer_lines, data.signer_name), data.recipients, st, width
    )
    story.append(doc.closing(last, block))
    return story


# -- I. who has reported ---------------------------------------------------------------


def _reporting(data: ProvincialReport, st: HouseStyles, width: float) -> list[Flowable]:
    units = data.status.units
    cells = [u.cells[0] for u in units]
    on_time = sum(1 for c in cells if c.state.value == "on_time")
    late = sum(1 for c in cells if c.state.value == "late")
    missing = [u for u in units if not u.cells[0].has_report]
    text = (
        f"Hạn gửi báo cáo {data.period.label_vi} là ngày {doc.short_date(data.due)}. "
        f"Đã có {len(data.reports)}/{len(units)} đơn vị gửi báo cáo"
    )
    if data.reports:
        text += f" ({on_time} đơn vị đúng hạn, {late} đơn vị trễ hạn)"
    text += "."
    out: list[Flowable] = [doc.para(text, st.body)]
    if missing:
        due_passed = data.today > data.due
        names = ", ".join(u.short_name for u in missing)
        verb = "chưa gửi báo cáo" if due_passed else "chưa gửi báo cáo (chưa đến hạn)"
        out.append(doc.para(f"Có {len(missing)} đơn vị {verb}: {names}.", st.body))
    else:
        out.append(doc.para("Tất cả các đơn vị đã gửi báo cáo.", st.body))
    columns = (
        Column("STT", NUMBER_WIDTH, "CENTER", wrap=False),
        Column("Đơn vị", None),
        Column("Tình hình báo cáo", 34 * mm),
        Column("Lần", 12 * mm, "CENTER", wrap=False),
        Column("Ngày gửi", 24 * mm, "CENTER", wrap=False),
    )
    rows = []
    for n, unit in enumerate(units, 1):
        cell = unit.cells[0]
        state = STATE_WORDS[cell.state.value]
        if cell.superseded:
            state += f" (thay lần {', '.join(str(r) for r in cell.superseded)})"
        rows.append(
            (
                str(n),
                unit.unit_name,
                state,
                str(cell.revision) if cell.revision is not None else "—",
                doc.short_date(cell.submitted) if cell.submitted else "—",
            )
        )
    out += [Spacer(1, 4), _table(columns, rows, st, width)]
    return out


# -- II. task by task -----------------------------------------------------------------


def _task(
    n: int,
    task: TaskInfo,
    data: ProvincialReport,
    st: HouseStyles,
    width: float,
    lead: Sequence[Flowable] = (),
) -> list[Flowable]:
    counts: dict[str, int] = {}
    for r in data.reports:
        entry = r.entry_status(task.code)
        status = entry[0] if entry else "not_applicable"
        counts[status] = counts.get(status, 0) + 1
    parts = [
        f"{counts[s]} đơn vị {STATUS_WORDS[s].lower()}"
        for s in ("done", "in_progress", "not_started", "not_applicable")
        if counts.get(s)
    ]
    summary = (
        f"Tình hình thực hiện: {'; '.join(parts)}. "
        f"Tổng số hoạt động đã thực hiện: {doc.format_number(data.activity_total(task.code))}."
    )
    head: list[Flowable] = [
        *lead,
        doc.para(f"{n}. Nhiệm vụ {task.code}: {task.title}", st.subheading),
        doc.para(summary, st.body),
    ]
    unit_width = _unit_width(data)
    tables = [
        _task_table(task, chunk, data, st, width, unit_width)
        for chunk in _fit_indicators(task.indicators, data, width, unit_width)
    ]
    # The heading goes overleaf with its first table rather than stay alone at the foot.
    out: list[Flowable] = [KeepTogether([*head, Spacer(1, 4), tables[0]])]
    for table in tables[1:]:
        out += [Spacer(1, 4), table]
    return out


def _fit_indicators(
    indicators: Sequence[IndicatorColumn], data: ProvincialReport, width: float, unit_width: float
) -> list[list[tuple[IndicatorColumn, float]]]:
    """The task's indicator columns with their widths: each at least as wide as its
    largest number, then sharing the row equally; split into as many tables as it takes
    when they do not fit beside the unit column."""
    room = width - NUMBER_WIDTH - STATUS_WIDTH - ACTIVITIES_WIDTH - unit_width
    chunks: list[list[tuple[IndicatorColumn, float]]] = [[]]
    used = 0.0
    for column in indicators:
        values = [data.total(column)]
        values += [r.value(column.task_code, column.code) or 0 for r in data.reports]
        need = max(_number_width(values), INDICATOR_MIN_WIDTH)
        if chunks[-1] and used + need > room:
            chunks.append([])
            used = 0.0
        chunks[-1].append((column, need))
        used += need
    if len(chunks) > 1:
        # As many tables, but as even as they go: 9 columns in 3 tables of 3, not 4 + 4 + 1.
        flat = [item for chunk in chunks for item in chunk]
        per = -(-len(flat) // len(chunks))
        even = [flat[i : i + per] for i in range(0, len(flat), per)]
        if all(sum(w for _, w in chunk) <= room for chunk in even):
            chunks = even
    out = []
    for chunk in chunks:
        extra = max(0.0, room - sum(w for _, w in chunk)) / max(1, len(chunk))
        out.append([(c, w + extra) for c, w in chunk])
    return out


def _unit_width(data: ProvincialReport) -> float:
    st = doc.styles()
    widest = max(
        (float(stringWidth(r.short_name, st.family.regular, TABLE_SIZE)) for r in data.reports),
        default=0.0,
    )
    return float(min(UNIT_MAX_WIDTH, max(UNIT_MIN_WIDTH, widest + CELL_PADDING + 2)))


def _task_table(
    task: TaskInfo,
    chunk: Sequence[tuple[IndicatorColumn, float]],
    data: ProvincialReport,
    st: HouseStyles,
    width: float,
    unit_width: float,
) -> Flowable:
    columns = [
        Column("STT", NUMBER_WIDTH, "CENTER", wrap=False),
        Column("Đơn vị", unit_width if chunk else None),
        Column("Tình trạng", STATUS_WIDTH),
        Column("Số hoạt động", ACTIVITIES_WIDTH, "RIGHT", wrap=False),
    ]
    columns += [Column(f"{c.name} ({c.unit})", w, "RIGHT", wrap=False) for c, w in chunk]
    rows: list[tuple[str, ...]] = []
    for n, r in enumerate(data.reports, 1):
        entry = r.entry_status(task.code)
        status = _status_text(entry[0], entry[1]) if entry else "Không có trong báo cáo"
        count = doc.format_number(entry[2]) if entry else "—"
        values = [r.value(task.code, c.code) for c, _ in chunk]
        rows.append(
            (
                str(n),
                r.short_name,
                status,
                count,
                *(doc.format_number(v) if v is not None else "—" for v in values),
            )
        )
    total = (
        "Tổng cộng",
        "",
        "",
        doc.format_number(data.activity_total(task.code)),
        *(doc.format_number(data.total(c)) for c, _ in chunk),
    )
    rows.append(total)
    return _table(columns, rows, st, width, total_row=True, keep=False)


def _status_text(status: str, percent: int | None) -> str:
    words = STATUS_WORDS.get(status, status)
    return f"{words} ({percent}%)" if percent is not None and status != "done" else words


# -- III. indicator totals --------------------------------------------------------------


def _indicator_totals(data: ProvincialReport, st: HouseStyles, width: float) -> list[Flowable]:
    columns = (
        Column("Nhiệm vụ", 18 * mm, "CENTER", wrap=False),
        Column("Chỉ tiêu", None),
        Column("Đơn vị tính", 24 * mm, "CENTER"),
        Column("Tổng cộng", 28 * mm, "RIGHT", wrap=False),
        Column("Số đơn vị có kết quả", 24 * mm, "RIGHT", wrap=False),
    )
    rows = [
        (
            c.task_code,
            c.name,
            c.unit,
            doc.format_number(data.total(c)),
            f"{data.reporting_units(c)}/{len(data.reports)}",
        )
        for c in data.indicators
    ]
    return [
        doc.para(
            f"Số liệu cộng từ báo cáo của {len(data.reports)} đơn vị (bản mới nhất của mỗi đơn vị).",
            st.body,
        ),
        Spacer(1, 4),
        _table(columns, rows, st, width),
    ]


# -- IV, V. by unit ----------------------------------------------------------------------


def _by_unit(data: ProvincialReport, field: str, st: HouseStyles) -> list[Flowable]:
    out: list[Flowable] = []
    quiet: list[str] = []
    for r in data.reports:
        text = str(getattr(r.report, field))
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines or (len(lines) == 1 and lines[0].rstrip(".").lower() == "không có"):
            quiet.append(r.short_name)
            continue
        first = Paragraph(f"<i>{doc.markup(r.unit_name)}:</i> {doc.markup(lines[0])}", st.body)
        out += [first, *(doc.para(line, st.body) for line in lines[1:])]
    if not data.reports:
        out.append(doc.para("Chưa có báo cáo của đơn vị nào.", st.body))
    elif quiet:
        out.append(doc.para(f"Các đơn vị không nêu: {', '.join(quiet)}.", st.body))
    return out


# -- VI. budget ------------------------------------------------------------------------------


def _budget(reports: Sequence[UnitReport], st: HouseStyles, width: float) -> list[Flowable]:
    total = sum(r.report.budget_estimate or 0 for r in reports)
    next_year = reports[0].report.window_end.year + 1
    columns = (
        Column("STT", NUMBER_WIDTH, "CENTER", wrap=False),
        Column("Đơn vị", None),
        Column("Dự toán (đồng)", 40 * mm, "RIGHT", wrap=False),
    )
    rows = [
        (str(n), r.unit_name, doc.format_number(r.report.budget_estimate or 0))
        for n, r in enumerate(reports, 1)
    ]
    rows.append(("Tổng cộng", "", doc.format_number(total)))
    return [
        doc.para(
            f"Các đơn vị đề xuất dự toán kinh phí năm {next_year} thực hiện Kế hoạch, tổng cộng "
            f"{doc.format_number(total)} đồng:",
            st.body,
        ),
        Spacer(1, 4),
        _table(columns, rows, st, width, total_row=True),
    ]


# -- helpers ----------------------------------------------------------------------------------


def _table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    st: HouseStyles,
    width: float,
    *,
    total_row: bool = False,
    keep: bool = True,
) -> Flowable:
    table = doc.data_table(columns, rows, st, width, font_size=TABLE_SIZE)
    table.spaceAfter = doc.PARAGRAPH_SPACING
    if total_row:
        commands: list[tuple[Any, ...]] = [
            ("SPAN", (0, -1), (2 if len(columns) > 4 else 1, -1)),
            ("FONT", (0, -1), (-1, -1), st.family.bold, TABLE_SIZE),
            ("ALIGN", (0, -1), (0, -1), "CENTER"),
        ]
        table.setStyle(commands)
    if keep and len(rows) <= 8:
        # A handful of rows split over two pages, one row alone overleaf, looks broken.
        return KeepTogether([table])
    return table


def _number_width(values: Sequence[int]) -> float:
    st = doc.styles()
    widest = max(
        float(stringWidth(doc.format_number(v), st.family.bold, TABLE_SIZE)) for v in values or [0]
    )
    return widest + CELL_PADDING + 2


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
