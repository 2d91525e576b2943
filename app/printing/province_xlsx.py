"""The provincial report as an Excel workbook (openpyxl), for officers who rework the figures.

One sheet per view, each with a bold, frozen header row in row 1, an auto-filter, column
widths fitted to the text, numbers stored as numbers (VND and counts as ``#,##0``) and
dates as dates:

- "Tổng hợp chỉ tiêu": each indicator of the plan summed over the units;
- "Theo đơn vị": one row per unit that reported, one column per indicator, a total row;
- "Tình hình báo cáo": every expected unit: on time, late, missing, with sequence gaps;
- "Khó khăn - đề xuất": each unit's difficulties, proposals and budget estimate.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
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
STATE_WORDS = {
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "missing": "Chưa báo cáo",
    "not_yet_due": "Chưa đến hạn",
}
STATUS_WORDS = {
    "not_started": "Chưa triển khai",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "not_applicable": "Không áp dụng",
}


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
    _totals(wb.create_sheet(SHEETS[0]), data)
    _by_unit(wb.create_sheet(SHEETS[1]), data)
    _status(wb.create_sheet(SHEETS[2]), data)
    _texts(wb.create_sheet(SHEETS[3]), data)
    buffer = io.BytesIO()
    wb.save(buffer)
    payload = buffer.getvalue()
    if isinstance(out, io.BytesIO):
        out.write(payload)
        return
    _write_atomically(Path(out), payload)


def _totals(ws: Worksheet, data: ProvincialReport) -> None:
    header = [
        "Nhiệm vụ",
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Tổng cộng",
        "Số đơn vị có kết quả",
        "Số đơn vị đã báo cáo",
    ]
    rows = [
        [
            c.task_code,
            c.code,
            c.name,
            c.unit,
            data.total(c),
            data.reporting_units(c),
            len(data.reports),
        ]
        for c in data.indicators
    ]
    _fill(ws, header, rows, numbers={5, 6, 7})


def _by_unit(ws: Worksheet, data: ProvincialReport) -> None:
    columns = data.indicators
    header = ["Mã đơn vị", "Đơn vị", "Tình hình báo cáo", "Lần", "Số thứ tự", "Ngày gửi"]
    header += [f"{c.task_code} · {c.name} ({c.unit})" for c in columns]
    rows: list[list[Any]] = []
    for r in data.reports:
        rows.append(
            [
                r.unit_id,
                r.unit_name,
                STATE_WORDS[r.state.value],
                r.revision,
                r.sequence,
                r.submitted,
                *(r.value(c.task_code, c.code) for c in columns),
            ]
        )
    first_value = len(header) - len(columns) + 1
    if rows:
        rows.append(["", "Tổng cộng", "", None, None, None, *(data.total(c) for c in columns)])
    _fill(
        ws,
        header,
        rows,
        numbers={4, 5, *range(first_value, len(header) + 1)},
        dates={6},
        total_row=bool(rows),
    )


def _status(ws: Worksheet, data: ProvincialReport) -> None:
    header = [
        "Mã đơn vị",
        "Đơn vị",
        "Kỳ báo cáo",
        "Hạn gửi",
        "Tình hình báo cáo",
        "Lần hiện hành",
        "Các lần đã thay",
        "Số thứ tự",
        "Ngày gửi",
        "Ngày Sở nhận",
        "Số thứ tự còn thiếu",
    ]
    rows = []
    for u in data.status.units:
        c = u.cells[0]
        rows.append(
            [
                u.unit_id,
                u.unit_name,
                data.period.label_vi,
                c.due,
                STATE_WORDS[c.state.value],
                c.revision,
                ", ".join(str(r) for r in c.superseded),
                c.sequence,
                c.submitted,
                c.received.replace(tzinfo=None) if c.received else None,
                ", ".join(str(n) for n in u.gaps),
            ]
        )
    _fill(ws, header, rows, numbers={6, 8}, dates={4, 9}, datetimes={10})


def _texts(ws: Worksheet, data: ProvincialReport) -> None:
    header = [
        "Mã đơn vị",
        "Đơn vị",
        "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị",
        "Dự toán kinh phí (đồng)",
    ]
    rows = [
        [
            r.unit_id,
            r.unit_name,
            r.report.difficulties.strip(),
            r.report.proposals.strip(),
            r.report.budget_estimate,
        ]
        for r in data.reports
    ]
    _fill(ws, header, rows, numbers={5}, wrap={3, 4})


def _fill(
    ws: Worksheet,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    numbers: Collection[int] = (),
    dates: Collection[int] = (),
    datetimes: Collection[int] = (),
    wrap: Collection[int] = (),
    total_row: bool = False,
) -> None:
    """Header in row 1 (bold, shaded, frozen), then the rows; columns are 1-based."""
    bold = Font(bold=True)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = bold
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append([_plain(v) for v in row])
    widths = [min(MAX_WIDTH, max(8, _text_width(h) // 2 + 2)) for h in header]
    formats = {
        **dict.fromkeys(datetimes, DATETIME_FORMAT),
        **dict.fromkeys(dates, DATE_FORMAT),
        **dict.fromkeys(numbers, NUMBER_FORMAT),
    }
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if c in formats:
                cell.number_format = formats[c]
            cell.alignment = Alignment(wrap_text=c in wrap or None, vertical="top")
            widths[c - 1] = max(widths[c - 1], min(MAX_WIDTH, _shown_width(value, c in numbers)))
    if total_row:
        for cell in ws[len(rows) + 1]:
            cell.font = bold
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width + 2
    ws.row_dimensions[1].height = 32 if any(len(h) > 18 for h in header) else 18
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


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
