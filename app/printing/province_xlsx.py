"""The provincial report as an Excel workbook (openpyxl), ready to paste into a document or
to rework the figures.

Every sheet starts with title rows (the issuing office, what the table is, the period and
its data window), then a bold, shaded, frozen header row repeated on every printed page,
an STT column, units and indicators by name (their codes only in a last, hidden column),
numbers stored as numbers (VND and counts as ``#,##0``), dates as dates, widths fitted to
the text, and a print setup (A4, fit to the page width, landscape for wide sheets):

- "Tổng hợp chỉ tiêu": each indicator of the plan summed over the units;
- "Theo đơn vị": one row per unit that reported, one column per indicator, a total row;
- "Tình hình báo cáo": every expected unit: on time, late, missing, with sequence gaps;
- "Khó khăn - đề xuất": each unit's difficulties, proposals and budget estimate (each the
  unit's own: no total).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.errors import KnownError
from app.fsio import write_atomic

if TYPE_CHECKING:
    from app.province_data import ProvincialReport

SHEETS = ("Tổng hợp chỉ tiêu", "Theo đơn vị", "Tình hình báo cáo", "Khó khăn - đề xuất")
NUMBER_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
MAX_WIDTH = 60  # characters; longer text wraps
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
STATE_WORDS = {
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "missing": "Chưa báo cáo",
    "not_yet_due": "Chưa đến hạn",
}
STATUS_WORDS = {
    "not_started": "Chưa triển khai",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "not_applicable": "Không áp dụng",
}


@dataclass(frozen=True)
class Table:
    """One sheet's table. Columns are 1-based; the last column holds codes and is hidden."""

    title: str  # "TỔNG HỢP CHỈ TIÊU …"
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    numbers: Collection[int] = ()
    dates: Collection[int] = ()
    datetimes: Collection[int] = ()
    wrap: Collection[int] = ()
    total_row: bool = False
    landscape: bool = False
    hidden_last: bool = True
    notes: Sequence[str] = field(default=())


class XlsxWriteError(KnownError):
    """The workbook could not be written where the user asked."""


def build_province_xlsx(data: ProvincialReport, out: Path | io.BytesIO) -> None:
    """Write the workbook to ``out`` (a path, replaced atomically, or a binary stream).

    Raises XlsxWriteError when the file cannot be written; never leaves half a file.
    """
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    wb.properties.title = (
        f"Tổng hợp kết quả thực hiện Kế hoạch số {data.plan_number} {data.period.label_vi}"
    )
    wb.properties.creator = "Tiến Độ"
    wb.properties.subject = data.issuer_name
    for name, table in zip(SHEETS, _tables(data), strict=True):
        _write(wb.create_sheet(name), data, table)
    buffer = io.BytesIO()
    wb.save(buffer)
    payload = buffer.getvalue()
    if isinstance(out, io.BytesIO):
        out.write(payload)
        return
    _write_atomically(Path(out), payload)


def _tables(data: ProvincialReport) -> list[Table]:
    return [_totals(data), _by_unit(data), _status(data), _texts(data)]


def _totals(data: ProvincialReport) -> Table:
    header = [
        "STT",
        "Nhiệm vụ",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Tổng cộng",
        "Số đơn vị có kết quả",
        "Số đơn vị đã báo cáo",
        "Mã chỉ tiêu",
    ]
    rows = [
        [
            n,
            c.task_code,
            c.name,
            c.unit,
            data.total(c),
            data.reporting_units(c),
            len(data.reports),
            f"{c.task_code}/{c.code}",
        ]
        for n, c in enumerate(data.indicators, 1)
    ]
    notes = []
    if any(not c.in_plan for c in data.indicators):
        notes.append(
            f"Ghi chú: chỉ tiêu không có trong Kế hoạch số {data.plan_number} là chỉ tiêu bổ "
            "sung để theo dõi kết quả thực hiện."
        )
    return Table(
        f"TỔNG HỢP CHỈ TIÊU THỰC HIỆN KẾ HOẠCH SỐ {data.plan_number}",
        header,
        rows,
        numbers={1, 5, 6, 7},
        wrap={3},
        notes=notes,
    )


def _by_unit(data: ProvincialReport) -> Table:
    """Indicators down, units across, as the "biểu tổng hợp" of a report is laid out: a
    handful of units fit a page, and a column per unit is what is pasted."""
    units = data.reports
    header = ["STT", "Nhiệm vụ", "Chỉ tiêu", "Đơn vị tính"]
    header += [r.short_name for r in units]
    header += ["Tổng cộng", "Mã chỉ tiêu"]
    rows: list[list[Any]] = [
        [
            n,
            c.task_code,
            c.name,
            c.unit,
            *(r.value(c.task_code, c.code) for r in units),
            data.total(c),
            f"{c.task_code}/{c.code}",
        ]
        for n, c in enumerate(data.indicators, 1)
    ]
    activity_row: list[Any] = ["", "", "Số hoạt động đã thực hiện", "hoạt động"]
    activity_row += [sum(e.activity_count for e in r.report.entries) for r in units]
    activity_row += [sum(data.activity_total(t.code) for t in data.tasks), ""]
    rows.append(activity_row)
    first = 5
    return Table(
        f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO ĐƠN VỊ - KẾ HOẠCH SỐ {data.plan_number}",
        header,
        rows,
        numbers={1, *range(first, first + len(units) + 1)},
        wrap={3, *range(first, first + len(units) + 1)},
        total_row=True,
        landscape=len(units) > 4,
    )


def _status(data: ProvincialReport) -> Table:
    header = [
        "STT",
        "Đơn vị",
        "Hạn gửi",
        "Tình hình báo cáo",
        "Lần hiện hành",
        "Các lần đã thay",
        "Số thứ tự gói",
        "Ngày gửi",
        "Ngày Sở nhận",
        "Số thứ tự gói còn thiếu",
        "Mã đơn vị",
    ]
    rows = []
    for n, u in enumerate(data.status.units, 1):
        c = u.cells[0]
        rows.append(
            [
                n,
                u.unit_name,
                c.due,
                STATE_WORDS[c.state.value],
                c.revision,
                ", ".join(str(r) for r in c.superseded),
                c.sequence,
                c.submitted,
                c.received.replace(tzinfo=None) if c.received else None,
                ", ".join(str(n) for n in u.gaps),
                u.unit_id,
            ]
        )
    return Table(
        f"TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ - KẾ HOẠCH SỐ {data.plan_number}",
        header,
        rows,
        numbers={1, 5, 7},
        dates={3, 8},
        datetimes={9},
        landscape=True,
    )


def _texts(data: ProvincialReport) -> Table:
    year = data.period.window.end.year + 1
    header = [
        "STT",
        "Đơn vị",
        "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị",
        f"Dự toán kinh phí năm {year} của đơn vị (đồng)",
        "Mã đơn vị",
    ]
    rows = [
        [
            n,
            r.unit_name,
            r.report.difficulties.strip(),
            r.report.proposals.strip(),
            r.report.budget_estimate,
            r.unit_id,
        ]
        for n, r in enumerate(data.reports, 1)
    ]
    return Table(
        f"KHÓ KHĂN, ĐỀ XUẤT VÀ DỰ TOÁN KINH PHÍ CỦA CÁC ĐƠN VỊ - KẾ HOẠCH SỐ {data.plan_number}",
        header,
        rows,
        numbers={1, 5},
        wrap={2, 3, 4},
        landscape=True,
        notes=["Dự toán của mỗi đơn vị thuộc ngân sách của đơn vị đó, không cộng dồn."],
    )


TITLE_ROWS = 4  # issuer, title, period line, blank; the header row comes next


def _write(ws: Worksheet, data: ProvincialReport, table: Table) -> None:
    """Title rows, then the table with its header frozen, then notes and the print setup."""
    columns = len(table.header) - (1 if table.hidden_last else 0)
    last = get_column_letter(columns)
    w = data.period.window
    lines = (
        (data.issuer_name.upper(), Font(name=FONT, bold=True, size=12)),
        (table.title, Font(name=FONT, bold=True, size=14)),
        (
            f"{data.period.label_vi[:1].upper()}{data.period.label_vi[1:]} (số liệu từ ngày "
            f"{w.start:%d/%m/%Y} đến ngày {w.end:%d/%m/%Y}; {len(data.reports)}/"
            f"{len(data.status.units)} đơn vị đã báo cáo; tổng hợp ngày {data.today:%d/%m/%Y})",
            Font(name=FONT, italic=True, size=12),
        ),
    )
    for row, (text, font) in enumerate(lines, start=1):
        ws.cell(row=row, column=1, value=text).font = font
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
    header_row = TITLE_ROWS + 1
    _fill(ws, table, header_row)
    after = header_row + len(table.rows) + 2
    for n, note in enumerate(table.notes):
        ws.cell(row=after + n, column=1, value=note).font = Font(name=FONT, italic=True, size=11)
    if table.hidden_last:
        ws.column_dimensions[get_column_letter(len(table.header))].hidden = True
    ws.freeze_panes = f"C{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if table.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left, ws.page_margins.right = 0.6, 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.print_area = f"A1:{last}{max(header_row, header_row + len(table.rows))}"


def _fill(ws: Worksheet, table: Table, header_row: int) -> None:
    """The header row (bold, shaded, ruled) at ``header_row``, then the rows, ruled."""
    bold = Font(name=FONT, bold=True, size=12)
    plain = Font(name=FONT, size=12)
    for c, title in enumerate(table.header, start=1):
        cell = ws.cell(row=header_row, column=c, value=title)
        cell.font, cell.fill, cell.border = bold, HEADER_FILL, GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    # A long title wraps in its header cell rather than widen the column past 20.
    widths = [
        min(20 if c in table.wrap else MAX_WIDTH, max(6, _text_width(h) // 2 + 2))
        for c, h in enumerate(table.header, start=1)
    ]
    formats = {
        **dict.fromkeys(table.datetimes, DATETIME_FORMAT),
        **dict.fromkeys(table.dates, DATE_FORMAT),
        **dict.fromkeys(table.numbers, NUMBER_FORMAT),
    }
    for r, row in enumerate(table.rows, start=header_row + 1):
        total = table.total_row and r == header_row + len(table.rows)
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=_plain(value))
            cell.font, cell.border = (bold if total else plain), GRID
            if c in formats:
                cell.number_format = formats[c]
            cell.alignment = Alignment(wrap_text=c in table.wrap or None, vertical="top")
            shown = _shown_width(value, c in table.numbers)
            widths[c - 1] = max(widths[c - 1], min(MAX_WIDTH, shown))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width + 2
    for r, row in enumerate(table.rows, start=header_row + 1):
        ws.row_dimensions[r].height = 16 * _lines_needed(row, widths, table.wrap)
    ws.row_dimensions[header_row].height = 48 if any(len(h) > 18 for h in table.header) else 20
    if table.rows:
        end = header_row + len(table.rows) - (1 if table.total_row else 0)
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(table.header))}{end}"


def _lines_needed(row: Sequence[Any], widths: Sequence[int], wrap: Collection[int]) -> int:
    """How many lines the row's wrapped cells take at their widths (Excel does not grow a
    row by itself for text written by a program, and LibreOffice lets it overflow)."""
    lines = 1
    for c, value in enumerate(row, start=1):
        if c in wrap and isinstance(value, str) and value:
            per_line = max(1, widths[c - 1] + 1)
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.splitlines()))
    return lines


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        # A formula-looking text must stay text: officers' words are data, not formulas.
        return "'" + value if value.startswith("=") else value
    return value


def _shown_width(value: Any, number: bool) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if number and isinstance(value, int):
        digits = len(str(abs(value)))
        return digits + (digits - 1) // 3 + 1
    return max((_text_width(line) for line in str(value).splitlines()), default=0)


def _text_width(text: str) -> int:
    return len(text)


def _write_atomically(path: Path, data: bytes) -> None:
    # Always 0644, even over a stricter old file: the workbook is meant to be passed on.
    try:
        write_atomic(path, data, mode=0o644)
    except OSError as exc:
        raise _error(path, exc) from None


def _error(path: Path, exc: OSError) -> XlsxWriteError:
    return XlsxWriteError(
        f"Không ghi được tệp {path}: {exc.strerror or exc}.",
        "Kiểm tra thư mục còn chỗ trống, cho phép ghi, và tệp không đang mở trong Excel.",
    )
