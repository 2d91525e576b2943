"""Draft a plan from its document: put the parts together and supply, with a remark for
the clerk, whatever a plan file needs that the document does not say."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from app.plan_draft.errors import NotAPlan, NoTasksSection
from app.plan_draft.matching import UnitMatcher
from app.plan_draft.metadata import Header, find_issuer, read_header, read_signature
from app.plan_draft.model import DraftPlan, DraftTask, Notes, note
from app.plan_draft.normalize import key
from app.plan_draft.outline import build_outline
from app.plan_draft.reader import Block, read_document
from app.plan_draft.references import find_basis
from app.plan_draft.sections import Parts, Section, lines, split_parts
from app.plan_draft.tasks import NO_IMPLEMENTERS, TaskBuilder, find_task_table
from app.plan_draft.timeframes import reporting_rule
from app.units import Unit, UnitDirectory

# The month next year's budget estimate is built: a province setting (the yearly budget
# calendar), never in the plan's text; July is when the 157 plan's province builds it.
DEFAULT_DUE_MONTH = 7
_PURPOSE_HEADING = re.compile(r"^(?:\d+[.)]|[a-zđ]\))?\s*(?:mục đích|yêu cầu|mục tiêu)[^:]{0,40}:?")
_BULLET = re.compile(r"^(?:[-+]|[a-zđ]\)|\d+[.)])\s*")


def draft_plan(path: Path, units: UnitDirectory) -> DraftPlan:
    """Read the document at ``path`` and draft a plan against ``units``.

    Raises UnreadableDocument, NotAPlan or NoTasksSection (KnownErrors); never writes.
    """
    return draft_blocks(read_document(path), units, source_name=path.name)


def draft_blocks(blocks: list[Block], units: UnitDirectory, *, source_name: str) -> DraftPlan:
    """The same from a document already read into blocks."""
    parts = split_parts(blocks)
    header = read_header(lines(parts.preamble))
    if not header.number and header.kind_index < 0 and not parts.sections:
        raise NotAPlan(
            f"Tệp {source_name} không giống văn bản kế hoạch: không thấy số hiệu "
            "(Số: …/KH-…), tên loại văn bản hay các mục I, II, III.",
            "Chọn đúng tệp văn bản kế hoạch (.docx, .txt hoặc .md).",
        )
    notes: Notes = dict(header.notes)
    matcher = UnitMatcher(units)
    plan_date = header.date or _undated(notes)
    tasks = _tasks(parts, blocks, TaskBuilder(_numeral(parts), matcher, plan_date))
    if not tasks:
        raise NoTasksSection(
            f"Không tìm thấy mục II (nội dung, nhiệm vụ thực hiện) trong tệp {source_name}.",
            "Văn bản cần có mục «II. NỘI DUNG THỰC HIỆN» (hoặc «II. NHIỆM VỤ …») với các "
            "nhiệm vụ đánh số 1., 2. …, hoặc một bảng nhiệm vụ (STT, Nội dung, Đơn vị chủ trì …).",
        )
    signature = lines(parts.tail) or lines(blocks[-15:])
    issuer = _issuer(header, parts, signature, matcher, notes)
    titles, signer = read_signature(signature)
    plan = DraftPlan(
        id=_plan_id(issuer.id, header.number, plan_date),
        number=header.number or "…/KH-…",
        kind=header.kind,
        title=header.title or "…",
        issuer_unit=issuer.id,
        issuer_name=issuer.name,
        date=plan_date,
        place=header.place or issuer.place,
        signer_name=signer or "…",
        signer_title="\n".join(titles) or "…",
        purpose=_purpose(parts.section("mục đích", "mục tiêu", "yêu cầu")),
        basis=find_basis(_intro(parts, header), header.date)
        or find_basis([header.title], header.date),
        tasks=tasks,
        budget_text="",
        annual_estimate=True,
        due_month=DEFAULT_DUE_MONTH,
        monitor_unit=issuer.id,
        monitoring_text="",
        difficulties_via=issuer.id,
        reporting=reporting_rule(
            [p for s in parts.sections if s is not parts.tasks_section() for p in s.paragraphs()]
        ),
        source_name=source_name,
        notes=notes,
    )
    _remark_missing(plan, header, signer, titles)
    _budget(plan, parts.section("kinh phí"))
    _monitoring(plan, parts.section("tổ chức thực hiện"), matcher)
    return plan


def _undated(notes: Notes) -> dt.date:
    note(notes, "date", "không thấy ngày ban hành («…, ngày … tháng … năm …»); tạm ghi hôm nay")
    return dt.date.today()


def _numeral(parts: Parts) -> str:
    section = parts.tasks_section()
    return section.numeral if section else "II"


def _tasks(parts: Parts, blocks: list[Block], builder: TaskBuilder) -> list[DraftTask]:
    """Tasks from section II's numbering, or from a table of tasks when the numbering
    names no implementer (a plan whose tasks are in a table, maybe in an appendix)."""
    section = parts.tasks_section()
    tasks = builder.from_outline(build_outline(section.paragraphs())) if section else []
    if not tasks or all(t.implementers_text == NO_IMPLEMENTERS for t in tasks):
        rows = find_task_table(section.blocks if section else []) or find_task_table(blocks)
        tasks = builder.from_table(rows) or tasks
    seen: dict[str, int] = {}
    for task in tasks:
        count = seen[task.code] = seen.get(task.code, 0) + 1
        if count > 1:
            task.code = f"{task.code}-{count}"
            note(task.notes, "code", "mã trùng với một nhiệm vụ trước; hãy đặt mã khác")
    _short_titles(tasks)
    return tasks


# A short title is a clause of the content: enough words to say something, few enough
# for a list's line.
_SHORT_MIN_WORDS, _SHORT_MAX_WORDS = 6, 14


def _short_titles(tasks: list[DraftTask]) -> None:
    """Propose a short title, from its content, for each task whose heading another task
    repeats (sub-tasks 3.1 and 3.2 under one heading): lists show it to tell them apart."""
    by_title: dict[str, list[DraftTask]] = {}
    for task in tasks:
        by_title.setdefault(key(task.title), []).append(task)
    for same in by_title.values():
        if len(same) < 2:
            continue
        proposed = [_short_title(task) for task in same]
        for task, short in zip(same, proposed, strict=True):
            if proposed.count(short) > 1:
                short = f"{short} ({task.code})"
            task.short_title = short
            others = ", ".join(t.code for t in same if t is not task)
            note(
                task.notes,
                "short_title",
                f"tiêu đề trùng với nhiệm vụ {others}; tiêu đề ngắn do máy đề xuất từ nội "
                "dung, sửa cho gọn và rõ",
            )


def _short_title(task: DraftTask) -> str:
    """The content's first clause (up to ";" or the sentence's end), cut after a comma
    once it has enough words; the code when there is no content."""
    text = task.content[0] if task.content else ""
    text = re.split(r";|\.(?:\s|$)|:", text, maxsplit=1)[0].strip()
    if not text:
        return f"{task.title} ({task.code})"
    words: list[str] = []
    for part in text.split(","):
        words += part.split()
        if len(words) >= _SHORT_MIN_WORDS:
            break
        if words:
            words[-1] += ","
    if len(words) > _SHORT_MAX_WORDS:
        words = [*words[: _SHORT_MAX_WORDS - 2], "…"]
    return " ".join(words).rstrip(",")


def _issuer(
    header: Header, parts: Parts, signature: list[str], matcher: UnitMatcher, notes: Notes
) -> Unit:
    unit = find_issuer(header, lines(parts.preamble), signature, matcher)
    if unit is not None:
        return unit
    root = matcher.directory.roots()[0]
    written = " ".join(header.issuer_lines) or "(không có)"
    for name in ("issuer_unit", "issuer_name"):
        note(
            notes,
            name,
            f"không tìm thấy cơ quan ban hành «{written}» trong danh mục "
            f"«{matcher.directory.id}»; tạm ghi {root.id}",
        )
    return root


def _plan_id(issuer: str, number: str, date: dt.date) -> str:
    digits = re.match(r"\d+", number)
    return f"{issuer}-{digits.group(0) if digits else 'kh'}-{date.year}"


def _intro(parts: Parts, header: Header) -> list[str]:
    """The preamble's paragraphs after the title: "Căn cứ …", "Thực hiện …"."""
    texts = lines(parts.preamble)
    start = header.kind_index + 2 if header.kind_index >= 0 else 0
    return texts[start:]


def _purpose(section: Section | None) -> list[str]:
    if section is None:
        return []
    out: list[str] = []
    for text in section.paragraphs():
        heading = _PURPOSE_HEADING.match(key(text))
        if heading:
            text = text[heading.end() :].strip()
        text = _BULLET.sub("", text).strip()
        if text:
            out.append(text)
    return out


def _remark_missing(plan: DraftPlan, header: Header, signer: str, titles: list[str]) -> None:
    n = plan.notes
    note(n, "id", "mã kế hoạch do máy đặt từ đơn vị ban hành, số và năm; sửa nếu cần")
    if not header.number:
        note(n, "number", "không thấy số hiệu («Số: …/KH-…»)")
    if not header.title:
        note(n, "title", "không thấy trích yếu dưới tên loại văn bản")
    if not header.place:
        note(n, "place", "không thấy địa danh ở dòng ngày tháng; tạm ghi địa danh của đơn vị")
    if not signer:
        note(n, "signer_name", "không thấy tên người ký")
    if not titles:
        note(n, "signer_title", "không thấy chức vụ người ký (TM., KT. …)")


def _budget(plan: DraftPlan, section: Section | None) -> None:
    n = plan.notes
    note(n, "due_month", "tháng lập dự toán năm sau là quy định của tỉnh, văn bản không ghi")
    texts = section.paragraphs() if section else []
    plan.budget_text = "\n".join(texts)
    folded = key(plan.budget_text)
    plan.annual_estimate = "dự toán" in folded and bool(re.search(r"(?:hằng|hàng) năm", folded))
    if not texts:
        plan.budget_text = "Văn bản không có mục kinh phí."
        note(n, "budget_text", "không thấy mục KINH PHÍ THỰC HIỆN")
    if not plan.annual_estimate:
        note(n, "annual_estimate", "văn bản không nói lập dự toán hằng năm; kiểm tra lại")


def _monitoring(plan: DraftPlan, section: Section | None, matcher: UnitMatcher) -> None:
    n = plan.notes
    texts = [_end_of_text(t) for t in section.paragraphs()] if section else []
    plan.monitoring_text = "\n".join(t for t in texts if t)
    if not plan.monitoring_text:
        plan.monitoring_text = "Văn bản không có mục tổ chức thực hiện."
        note(n, "monitoring_text", "không thấy mục TỔ CHỨC THỰC HIỆN")
    monitor = None
    for text in texts:
        if re.search(r"theo dõi|đôn đốc|tổng hợp", key(text)):
            found = matcher.assign(text)
            monitor = found.lead or matcher.first_unit(text)
            if monitor:
                break
    via_at = key(plan.monitoring_text).find("thông qua")
    via = matcher.first_unit(plan.monitoring_text[via_at:]) if via_at >= 0 else None
    if monitor:
        plan.monitor_unit = monitor
    else:
        note(
            n, "monitor_unit", "không nhận ra cơ quan theo dõi, tổng hợp; tạm ghi cơ quan ban hành"
        )
    plan.difficulties_via = via or plan.monitor_unit
    if not via:
        note(n, "difficulties_via", "văn bản không nói vướng mắc báo cáo qua đâu; tạm ghi như trên")


def _end_of_text(text: str) -> str:
    """A paragraph up to the document's closing mark "./." (what follows is scan noise)."""
    at = text.find("./.")
    return text[: at + 1].strip() if at >= 0 else text
