"""A unit's period report as an :class:`OfficialDocument` (DESIGN §4): what the PDF and the
Word file both print.

I. Kết quả thực hiện (1. how the work was directed; 2. task by task: status and the
drafted or edited results; 3. the indicators in one table), II. Tồn tại, hạn chế và
nguyên nhân, III. Phương hướng, nhiệm vụ kỳ tới, IV. Đề xuất, kiến nghị, and for a year
report V. the next year's budget estimate. The full list of activities, when wanted, is a
Phụ lục after the signature. An empty section prints "Không có." so the reader sees it
was not forgotten.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from app.calendar import Period, PeriodKind
from app.errors import KnownError
from app.printing.blocks import Appendix, Block, Heading, Note, OfficialDocument, Para, TableBlock
from app.printing.document import Column, HeaderInfo, SignatureInfo, format_number, short_date
from app.report_data import ActivityLine, ReportData, TaskEntry

STATUS_WORDS = {
    "not_started": "Chưa triển khai",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "not_applicable": "Không áp dụng",
}

ADDED_MARK = "(*)"


def summary_line(report: ReportData) -> str:
    """The line under "BÁO CÁO": the period before the plan (DESIGN §4)."""
    subject = f" {report.plan_subject}" if report.plan_subject.strip() else ""
    return (
        f"Kết quả thực hiện{subject} {report.period_label} theo Kế hoạch số "
        f"{report.plan_number} ngày {short_date(report.plan_date)} của {report.plan_issuer}"
    )


def closing_line(report: ReportData) -> str:
    """ "Trên đây là báo cáo … của <unit>./." — the plan's issuer is not named again, so
    the sentence has one "của"."""
    subject = f" {report.plan_subject}" if report.plan_subject.strip() else ""
    return (
        f"Trên đây là báo cáo kết quả thực hiện{subject} {report.period_label} theo Kế hoạch "
        f"số {report.plan_number} của {report.unit_name}./."
    )


def status_text(status: str, percent: int | None) -> str:
    """A task's status in words: a task at 100 % is "Hoàn thành"; "(đạt N%)" is added to
    one still in progress."""
    if status == "done" or (status == "in_progress" and percent == 100):
        return STATUS_WORDS["done"]
    words = STATUS_WORDS.get(status, status)
    if status == "in_progress" and percent is not None:
        return f"{words} (đạt {percent}%)"
    return words


def window_text(report: ReportData) -> str:
    return f"từ ngày {short_date(report.window_start)} đến ngày {short_date(report.window_end)}"


def report_document(
    report: ReportData, appendix: Sequence[ActivityLine] | None = None
) -> OfficialDocument:
    """The whole report; ``appendix`` adds the Phụ lục listing those activities."""
    note = f"(Bản sửa đổi lần {report.revision - 1})" if report.revision > 1 else ""
    if report.extra.get("state") == "draft":
        # a printed draft must never pass for the signed report
        note = f"DỰ THẢO {note}".strip()
    signer = report.signer
    return OfficialDocument(
        header=HeaderInfo(
            parent=report.header_parent,
            issuer=report.header_issuer,
            number=report.number,
            place=report.place,
            date=report.date,
        ),
        kind="BÁO CÁO",
        summary=summary_line(report),
        note=note,
        body=tuple(_body(report)),
        closing=closing_line(report),
        signature=SignatureInfo((signer.on_behalf, signer.authority, signer.title), signer.name),
        recipients=tuple(r.strip().lstrip("-–").strip() for r in report.recipients),
        appendices=(_appendix(report, appendix),) if appendix is not None else (),
    )


def _body(report: ReportData) -> list[Block]:
    subject = f" {report.plan_subject}" if report.plan_subject.strip() else ""
    out: list[Block] = [
        Para(
            f"Thực hiện Kế hoạch số {report.plan_number} ngày {short_date(report.plan_date)} "
            f"của {report.plan_issuer}, {report.unit_name} báo cáo kết quả thực hiện{subject} "
            f"{report.period_label} (số liệu {window_text(report)}) như sau:"
        ),
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Công tác chỉ đạo, triển khai thực hiện", 2),
        *_paragraphs(report.overall),
        Heading("2. Kết quả thực hiện các nhiệm vụ", 2),
    ]
    if not report.entries:
        out.append(Para("Không có."))
    for number, entry in enumerate(report.entries, 1):
        out += _task(number, entry)
    out += _indicators(report)
    out += [Heading("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"), *_paragraphs(report.difficulties)]
    out += [Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"), *_paragraphs(report.next_direction)]
    out += [Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"), *_paragraphs(report.proposals)]
    if is_year_report(report) or report.budget_estimate is not None:
        # plan section III: next year's estimate belongs to the year report
        out += _budget(report)
    return out


def _paragraphs(text: str, empty: str = "Không có.") -> list[Block]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [Para(line) for line in lines or [empty]]


def _task(number: int, entry: TaskEntry) -> list[Block]:
    empty = "Trong kỳ chưa triển khai." if entry.status == "not_started" else "Không có."
    return [
        Heading(f"2.{number}. {entry.title} (nhiệm vụ {entry.code})", 2),
        Para(status_text(entry.status, entry.percent) + ".", lead="Tình hình thực hiện: "),
        *_paragraphs(entry.narrative, empty),
    ]


def _indicators(report: ReportData) -> list[Block]:
    every = [ind for entry in report.entries for ind in entry.indicators]
    if not every:
        return []
    added = [ind for ind in every if not ind.in_plan]
    # When every indicator is an added one the note says so once; marks are for a mix.
    marked = bool(added) and len(added) < len(every)
    rows = tuple(
        (
            entry.code,
            f"{ind.name} {ADDED_MARK}" if marked and not ind.in_plan else ind.name,
            ind.unit,
            format_number(ind.value),
        )
        for entry in report.entries
        for ind in entry.indicators
    )
    columns = (
        Column("Mục", 18 * mm, "CENTER", wrap=False),
        Column("Chỉ tiêu", None),
        Column("Đơn vị tính", 28 * mm, "CENTER"),
        Column("Kết quả", 30 * mm, "RIGHT", wrap=False),
    )
    return [
        Heading("3. Kết quả các chỉ tiêu", 2),
        *noted_table(
            TableBlock(columns, rows, font_size=12, keep=0), report.plan_number, bool(added), marked
        ),
    ]


def noted_table(table: TableBlock, plan_number: str, added: bool, marked: bool) -> list[Block]:
    """The table with the note on added indicators: above it when every indicator is an
    added one (so the note never sits alone overleaf), else as a (*) footnote under it."""
    if not added:
        return [table]
    note = Note(added_note(plan_number, every_one=not marked))
    return [table, note] if marked else [note, table]


def added_note(plan_number: str, *, every_one: bool) -> str:
    """The footnote under a table holding indicators the plan document does not set."""
    if every_one:
        return (
            f"Kế hoạch số {plan_number} không quy định chỉ tiêu; các chỉ tiêu dưới đây "
            "được bổ sung để theo dõi kết quả thực hiện."
        )
    return (
        f"{ADDED_MARK} Chỉ tiêu bổ sung để theo dõi kết quả thực hiện, "
        f"không có trong Kế hoạch số {plan_number}."
    )


def is_year_report(report: ReportData) -> bool:
    try:
        return Period.parse(report.period).kind == PeriodKind.YEAR
    except KnownError:
        return False


def _budget(report: ReportData) -> list[Block]:
    year = report.window_end.year + 1
    out: list[Block] = [Heading(f"V. DỰ TOÁN KINH PHÍ NĂM {year}")]
    if report.budget_estimate is None:
        out.append(Para("Chưa có dự toán."))
    elif report.budget_estimate == 0:
        out.append(Para(f"Năm {year}, đơn vị không đề nghị kinh phí thực hiện Kế hoạch."))
    else:
        amount = format_number(report.budget_estimate)
        out.append(
            Para(
                f"Đơn vị đề xuất dự toán kinh phí năm {year} thực hiện Kế hoạch số "
                f"{report.plan_number}: {amount} đồng."
            )
        )
    if report.budget_note.strip():
        out += _paragraphs(report.budget_note)
    return out


def _appendix(report: ReportData, lines: Sequence[ActivityLine]) -> Appendix:
    titles = {e.code: e.title for e in report.entries}
    columns = (
        Column("STT", 11 * mm, "CENTER", wrap=False),
        Column("Ngày", 22 * mm, "CENTER", wrap=False),
        Column("Hoạt động", None),
        Column("Địa điểm", 34 * mm),
        Column("Kết quả", 32 * mm),
    )
    blocks: list[Block] = []
    task = None
    rows: list[tuple[str, ...]] = []
    for line in lines:
        if line.task_code != task:
            if rows:
                blocks.append(TableBlock(columns, tuple(rows), font_size=11, keep=0))
            rows = []
            task = line.task_code
            blocks.append(Heading(f"Nhiệm vụ {task}: {titles.get(task, '')}".strip(), 2))
        rows.append(
            (
                str(len(rows) + 1),
                short_date(line.date),
                line.title,
                line.location or "—",
                line.results or "—",
            )
        )
    if rows:
        blocks.append(TableBlock(columns, tuple(rows), font_size=11, keep=0))
    if not blocks:
        blocks.append(Para("Trong kỳ không có hoạt động nào được ghi nhận."))
    return Appendix(
        title="PHỤ LỤC",
        subtitle=f"Danh sách hoạt động {report.period_label} ({len(lines)} hoạt động)",
        reference=(
            f"(Kèm theo Báo cáo số {report.number.strip()} ngày {short_date(report.date)} "
            f"của {report.unit_name})"
        ),
        blocks=tuple(blocks),
    )
