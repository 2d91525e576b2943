"""The province's consolidated report as an :class:`OfficialDocument` (DESIGN §4): what
the PDF and the Word file both print, written the way a unit's report is, for the whole
plan.

I. Kết quả thực hiện: 1. who reported (late and missing units by name), 2. the overall
assessment, 3. task by task the totals and notable results across units, with a table of
the units; II. Tồn tại, hạn chế (grouped); III. Phương hướng; IV. Đề xuất, kiến nghị
(grouped); V. each unit's budget estimate, never summed, since each belongs to that
unit's own budget. The indicator totals are a Phụ lục. The texts of I.2, I.3, II, III
and IV are the clerk's where the clerk rewrote them (ProvincialReport.texts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing import document as doc
from app.printing.blocks import Appendix, Block, Heading, OfficialDocument, Para, TableBlock
from app.printing.document import Column, HeaderInfo, SignatureInfo, short_date
from app.printing.report_content import ADDED_MARK, STATUS_WORDS, noted_table

if TYPE_CHECKING:
    from app.province_data import IndicatorColumn, ProvincialReport, TaskInfo

TABLE_SIZE = 11
CELL_PADDING = 8  # data_table's left + right padding, pt
NUMBER_WIDTH = 12 * mm
STATUS_WIDTH = 27 * mm
ACTIVITIES_WIDTH = 16 * mm
UNIT_MIN_WIDTH = 30 * mm
UNIT_MAX_WIDTH = 45 * mm
INDICATOR_MIN_WIDTH = 16 * mm

STATE_WORDS = {
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "missing": "Chưa báo cáo",
    "not_yet_due": "Chưa đến hạn",
}


def summary_line(data: ProvincialReport) -> str:
    """The line under "BÁO CÁO": the period before the plan."""
    subject = f" {data.plan_subject}" if data.plan_subject.strip() else ""
    return (
        f"Tổng hợp kết quả thực hiện{subject} {data.period.label_vi} theo Kế hoạch số "
        f"{data.plan_number} ngày {short_date(data.plan_date)} của {data.plan_issuer}"
    )


def province_document(data: ProvincialReport) -> OfficialDocument:
    """The whole consolidated report."""
    subject = f" {data.plan_subject}" if data.plan_subject.strip() else ""
    return OfficialDocument(
        header=HeaderInfo(
            parent=data.header_parent,
            issuer=data.header_issuer,
            number=data.number,
            place=data.place,
            date=data.today,
        ),
        kind="BÁO CÁO",
        summary=summary_line(data),
        note="",
        body=tuple(_body(data)),
        closing=(
            f"Trên đây là báo cáo tổng hợp kết quả thực hiện{subject} {data.period.label_vi} "
            f"theo Kế hoạch số {data.plan_number} của {data.issuer_name}./."
        ),
        signature=SignatureInfo(data.signer_lines, data.signer_name),
        recipients=data.recipients,
        appendices=(_totals_appendix(data),) if data.indicators and data.reports else (),
    )


def _body(data: ProvincialReport) -> list[Block]:
    w = data.period.window
    out: list[Block] = [
        Para(
            f"Thực hiện Kế hoạch số {data.plan_number} ngày {short_date(data.plan_date)} của "
            f"{data.plan_issuer}, trên cơ sở báo cáo của các đơn vị (số liệu từ ngày "
            f"{short_date(w.start)} đến ngày {short_date(w.end)}, tổng hợp đến ngày "
            f"{short_date(data.today)}), {data.issuer_name} báo cáo kết quả thực hiện "
            f"{data.period.label_vi} như sau:"
        ),
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Tình hình báo cáo của các đơn vị", 2),
        *_reporting(data),
        Heading("2. Đánh giá chung", 2),
        *_paragraphs(data.text("overall")),
        Heading("3. Kết quả thực hiện các nhiệm vụ", 2),
    ]
    if not data.reports:
        out.append(Para("Chưa có đơn vị nào gửi báo cáo."))
    else:
        for n, task in enumerate(data.tasks, 1):
            out += _task(n, task, data)
    out += [Heading("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"), *_paragraphs(data.text("difficulties"))]
    out += [
        Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"),
        *_paragraphs(data.text("next_direction")),
    ]
    out += [Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"), *_paragraphs(data.text("proposals"))]
    if data.budgets:
        out += _budgets(data)
    return out


def _paragraphs(text: str) -> list[Block]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [Para(line) for line in lines or ["Không có."]]


# -- I.1 who has reported ----------------------------------------------------------------


def _reporting(data: ProvincialReport) -> list[Block]:
    units = data.status.units
    late = data.late
    text = (
        f"Hạn gửi báo cáo {data.period.label_vi} là ngày {short_date(data.due)}. "
        f"Đã có {len(data.reports)}/{len(units)} đơn vị gửi báo cáo"
    )
    if data.reports:
        text += f" ({len(data.reports) - len(late)} đơn vị đúng hạn, {len(late)} đơn vị trễ hạn)"
    out: list[Block] = [Para(text + ".")]
    if late:
        out.append(Para(f"Đơn vị gửi báo cáo trễ hạn: {', '.join(r.short_name for r in late)}."))
    missing = data.missing
    if missing:
        verb = "chưa gửi báo cáo" if data.today > data.due else "chưa gửi báo cáo (chưa đến hạn)"
        names = ", ".join(u.short_name for u in missing)
        out.append(Para(f"Có {len(missing)} đơn vị {verb}: {names}."))
    else:
        out.append(Para("Tất cả các đơn vị đã gửi báo cáo."))
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
                short_date(cell.submitted) if cell.submitted else "—",
            )
        )
    out.append(TableBlock(columns, tuple(rows), font_size=TABLE_SIZE))
    return out


# -- I.3 task by task -----------------------------------------------------------------------


def _task(n: int, task: TaskInfo, data: ProvincialReport) -> list[Block]:
    out: list[Block] = [
        Heading(f"3.{n}. {task.title} (nhiệm vụ {task.code})", 2),
        *_paragraphs(data.text(f"task:{task.code}")),
    ]
    unit_width = unit_column_width(data)
    for chunk in fit_indicators(task.indicators, data, doc.PORTRAIT.width, unit_width):
        out.append(_task_table(task, chunk, data, unit_width))
    return out


def fit_indicators(
    indicators: Sequence[IndicatorColumn], data: ProvincialReport, width: float, unit_width: float
) -> list[list[tuple[IndicatorColumn, float]]]:
    """The task's indicator columns with their widths: each at least as wide as its
    largest number and its longest word (a header never breaks inside a word), then
    sharing the row equally; split into as many tables as it takes when they do not fit
    beside the unit column."""
    room = width - NUMBER_WIDTH - STATUS_WIDTH - ACTIVITIES_WIDTH - unit_width
    chunks: list[list[tuple[IndicatorColumn, float]]] = [[]]
    used = 0.0
    for column in indicators:
        values = [data.total(column)]
        values += [r.value(column.task_code, column.code) or 0 for r in data.reports]
        need = max(
            _number_width(values), _word_width(_title(column, _marked(data))), INDICATOR_MIN_WIDTH
        )
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


def unit_column_width(data: ProvincialReport) -> float:
    st = doc.styles()
    widest = max(
        (float(stringWidth(r.short_name, st.family.regular, TABLE_SIZE)) for r in data.reports),
        default=0.0,
    )
    return float(min(UNIT_MAX_WIDTH, max(UNIT_MIN_WIDTH, widest + CELL_PADDING + 2)))


def _title(column: IndicatorColumn, marked: bool) -> str:
    mark = f" {ADDED_MARK}" if marked and not column.in_plan else ""
    return f"{column.name} ({column.unit}){mark}"


def _marked(data: ProvincialReport) -> bool:
    """Mark the added indicators only among ones the plan sets; when the plan sets none,
    the Phụ lục's note says so once."""
    return any(c.in_plan for c in data.indicators) and not all(c.in_plan for c in data.indicators)


def _task_table(
    task: TaskInfo,
    chunk: Sequence[tuple[IndicatorColumn, float]],
    data: ProvincialReport,
    unit_width: float,
) -> TableBlock:
    columns = [
        Column("STT", NUMBER_WIDTH, "CENTER", wrap=False),
        Column("Đơn vị", unit_width if chunk else None),
        Column("Tình trạng", STATUS_WIDTH),
        Column("Số hoạt động", ACTIVITIES_WIDTH, "RIGHT", wrap=False),
    ]
    columns += [Column(_title(c, _marked(data)), w, "RIGHT", wrap=False) for c, w in chunk]
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
    rows.append(
        (
            "Tổng cộng",
            "",
            "",
            doc.format_number(data.activity_total(task.code)),
            *(doc.format_number(data.total(c)) for c, _ in chunk),
        )
    )
    return TableBlock(
        tuple(columns), tuple(rows), total_row=True, span=3, font_size=TABLE_SIZE, keep=8
    )


def _status_text(status: str, percent: int | None) -> str:
    if status == "done" or percent == 100:
        return STATUS_WORDS["done"]
    words = STATUS_WORDS.get(status, status)
    return f"{words} ({percent}%)" if percent is not None and status == "in_progress" else words


# -- V. budgets, each the unit's own -----------------------------------------------------------


def _budgets(data: ProvincialReport) -> list[Block]:
    year = data.period.window.end.year + 1
    columns = (
        Column("STT", NUMBER_WIDTH, "CENTER", wrap=False),
        Column("Đơn vị", None),
        Column("Dự toán năm " + str(year) + " (đồng)", 45 * mm, "RIGHT", wrap=False),
    )
    rows = tuple(
        (str(n), r.unit_name, doc.format_number(r.report.budget_estimate or 0))
        for n, r in enumerate(data.budgets, 1)
    )
    return [
        Heading(f"V. DỰ TOÁN KINH PHÍ NĂM {year} CỦA CÁC ĐƠN VỊ"),
        Para(
            f"Các đơn vị đề xuất dự toán kinh phí năm {year} thực hiện Kế hoạch như sau; mỗi "
            "dự toán thuộc ngân sách của đơn vị đề xuất, do đơn vị trình cấp có thẩm quyền "
            "theo phân cấp ngân sách, không cộng thành dự toán chung của tỉnh:"
        ),
        TableBlock(columns, rows, font_size=TABLE_SIZE),
    ]


# -- Phụ lục: the indicators over the province ------------------------------------------------


def _totals_appendix(data: ProvincialReport) -> Appendix:
    columns = (
        Column("Mục", 18 * mm, "CENTER", wrap=False),
        Column("Chỉ tiêu", None),
        Column("Đơn vị tính", 24 * mm, "CENTER"),
        Column("Tổng cộng", 28 * mm, "RIGHT", wrap=False),
        Column("Số đơn vị có kết quả", 24 * mm, "RIGHT", wrap=False),
    )
    every = data.indicators
    added = [c for c in every if not c.in_plan]
    marked = bool(added) and len(added) < len(every)
    rows = tuple(
        (
            c.task_code,
            f"{c.name} {ADDED_MARK}" if marked and not c.in_plan else c.name,
            c.unit,
            doc.format_number(data.total(c)),
            f"{data.reporting_units(c)}/{len(data.reports)}",
        )
        for c in every
    )
    table = TableBlock(columns, rows, font_size=TABLE_SIZE, keep=0)
    blocks = noted_table(table, data.plan_number, bool(added), marked)
    return Appendix(
        title="PHỤ LỤC",
        subtitle=f"Tổng hợp chỉ tiêu {data.period.label_vi} của {len(data.reports)} đơn vị",
        reference=(
            f"(Kèm theo Báo cáo số {data.number.strip()} ngày {short_date(data.today)} "
            f"của {data.issuer_name})"
        ),
        blocks=tuple(blocks),
    )


# -- widths ----------------------------------------------------------------------------------


def _number_width(values: Sequence[int]) -> float:
    st = doc.styles()
    widest = max(
        float(stringWidth(doc.format_number(v), st.family.bold, TABLE_SIZE)) for v in values or [0]
    )
    return widest + CELL_PADDING + 2


def _word_width(title: str) -> float:
    st = doc.styles()
    widest = max(
        (float(stringWidth(w, st.family.bold, TABLE_SIZE)) for w in title.split()), default=0.0
    )
    return widest + CELL_PADDING + 2
