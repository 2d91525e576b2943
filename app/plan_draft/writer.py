"""Write a draft as a `tiendo-plan` v1 file (docs/plan-format.md) the clerk can read and
correct: laid out like the built-in plans, each remark as "# KIỂM TRA: …" above its field.

TOML is written here rather than with a library because the remarks must sit beside the
keys they concern (tomli-w writes no comments); only basic strings, dates, integers,
booleans, arrays and inline tables are used, and tests parse every draft back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app.plan import UnitSelector
from app.plan_draft.model import DraftBasis, DraftPlan, DraftTask, Notes

CHECK = "# KIỂM TRA: "
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def quote(text: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    return '"' + "".join(_escape(c) for c in text) + '"'


def _escape(char: str, *, keep_newline: bool = False) -> str:
    if keep_newline and char == "\n":
        return char
    if char in _ESCAPES:
        return _ESCAPES[char]
    if ord(char) < 0x20 or ord(char) == 0x7F:
        return f"\\u{ord(char):04X}"
    return char


def multiline(text: str) -> str:
    """A TOML multi-line basic string; the newline after the opening quotes is dropped by
    the reader, so the value is exactly ``text``."""
    return '"""\n' + "".join(_escape(c, keep_newline=True) for c in text) + '"""'


def _text(value: str) -> str:
    return multiline(value) if "\n" in value else quote(value)


def _date(value: dt.date) -> str:
    return value.isoformat()


def _selector(selector: UnitSelector) -> str:
    if selector.unit:
        return f"{{ unit = {quote(selector.unit)} }}"
    return f"{{ kind = {quote(selector.kind or '')} }}"


def _array(items: list[str]) -> str:
    """Inline when short, else one item per line as the built-in plans are written."""
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 80 and not any("\n" in i for i in items):
        return one_line
    return "[\n" + "".join(f"  {item},\n" for item in items) + "]"


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, *texts: str) -> None:
        self.lines.extend(f"# {t}" if t else "#" for t in texts)

    def checks(self, notes: Notes, name: str) -> None:
        for message in notes.get(name, []):
            self.lines.append(CHECK + message.replace("\n", " "))

    def key(self, name: str, value: str, notes: Notes | None = None) -> None:
        if notes is not None:
            self.checks(notes, name)
        self.lines.append(f"{name} = {value}")

    def blank(self) -> None:
        self.lines.append("")


def write_plan(plan: DraftPlan) -> str:
    """The plan file's text (UTF-8 when encoded, NFC as the draft is). Never raises."""
    out = _Out()
    out.comment(
        f"Bản nháp kế hoạch do Tiến Độ soạn từ văn bản «{plan.source_name}» (tiendo plan draft).",
        "Đối chiếu với văn bản gốc và sửa mọi chỗ có dòng «KIỂM TRA» rồi xóa dòng đó;",
        "sau đó kiểm tra tệp: tiendo plan check TỆP.toml",
        f'Định dạng "tiendo-plan" phiên bản {_version(plan)}: xem docs/plan-format.md.',
    )
    out.blank()
    out.key("format", quote("tiendo-plan"))
    out.key("format_version", str(_version(plan)))
    out.blank()
    _metadata(out, plan)
    for basis in plan.basis:
        _basis(out, basis)
    out.blank()
    out.comment("-" * 64 + " II. NỘI DUNG THỰC HIỆN")
    for task in plan.tasks:
        _task(out, task)
    _closing(out, plan)
    return "\n".join(out.lines) + "\n"


def _version(plan: DraftPlan) -> int:
    """Version 2 when a task has a short title (the key version 2 adds), else 1."""
    return 2 if any(t.short_title for t in plan.tasks) else 1


def _metadata(out: _Out, plan: DraftPlan) -> None:
    n = plan.notes
    out.checks(n, "id")
    out.comment("id: mã cố định của kế hoạch; không đổi sau khi đơn vị đã ghi số liệu.")
    out.key("id", quote(plan.id))
    out.key("number", quote(plan.number), n)
    out.key("kind", quote(plan.kind), n)
    out.key("title", quote(plan.title), n)
    out.key("issuer_unit", quote(plan.issuer_unit), n)
    out.key("issuer_name", quote(plan.issuer_name), n)
    out.key("date", _date(plan.date), n)
    out.key("place", quote(plan.place), n)
    out.key("signer_name", quote(plan.signer_name), n)
    out.key("signer_title", quote(plan.signer_title), n)
    if plan.purpose:
        out.blank()
        out.comment("Mục I. MỤC ĐÍCH, YÊU CẦU")
        out.key("purpose", _array([quote(p) for p in plan.purpose]), n)
    else:
        out.checks(n, "purpose")


def _basis(out: _Out, basis: DraftBasis) -> None:
    out.blank()
    out.lines.append("[[basis]]")
    out.key("number", quote(basis.number), basis.notes)
    out.key("date", _date(basis.date), basis.notes)
    out.key("issuer", quote(basis.issuer), basis.notes)
    out.key("title", quote(basis.title), basis.notes)


def _task(out: _Out, task: DraftTask) -> None:
    n = task.notes
    a = task.assignment
    out.blank()
    out.lines.append("[[tasks]]")
    out.key("code", quote(task.code), n)
    out.key("title", quote(task.title), n)
    if task.short_title:
        out.key("short_title", quote(task.short_title), n)
    out.key("content", _array([quote(c) for c in task.content]), n)
    out.key("implementers_text", quote(task.implementers_text))
    out.key("implementers", _array(_selectors(a.implementers)), n)
    if a.lead:
        out.key("lead", quote(a.lead))
    if a.coordinating:
        out.key("coordinating", _array(_selectors(a.coordinating)))
    if a.guided_by:
        out.key("guided_by", quote(a.guided_by))
    t = task.timeframe
    parts = [f"kind = {quote(t.kind)}", f"text = {quote(t.text)}"]
    if t.deadline is not None:
        parts.append(f"deadline = {_date(t.deadline)}")
    out.key("timeframe", "{ " + ", ".join(parts) + " }", n)
    out.lines.append(
        CHECK + "văn bản không có chỉ tiêu; thêm các [[tasks.indicators]] (code, name, "
        "unit, kind) mà đơn vị đếm được để báo cáo nhiệm vụ này"
    )


def _selectors(selectors: Iterable[UnitSelector]) -> list[str]:
    return [_selector(s) for s in selectors]


def _closing(out: _Out, plan: DraftPlan) -> None:
    n = plan.notes
    out.blank()
    out.comment("-" * 64 + " III. KINH PHÍ THỰC HIỆN")
    out.blank()
    out.lines.append("[budget]")
    out.key("annual_estimate", "true" if plan.annual_estimate else "false", n)
    out.checks(n, "budget_text")
    out.key("text", _text(plan.budget_text))
    out.key("due_month", str(plan.due_month), n)
    out.blank()
    out.comment("-" * 64 + " IV. TỔ CHỨC THỰC HIỆN")
    out.blank()
    out.lines.append("[monitoring]")
    out.key("monitor_unit", quote(plan.monitor_unit), n)
    out.checks(n, "monitoring_text")
    out.key("text", _text(plan.monitoring_text))
    out.key("difficulties_via", quote(plan.difficulties_via), n)
    out.blank()
    out.comment("-" * 64 + " kỳ báo cáo")
    out.blank()
    r = plan.reporting
    out.lines.append("[reporting]")
    out.key("kinds", _array([quote(k) for k in r.kinds]), r.notes)
    out.key("due_days_after_cutoff", str(r.due_days_after_cutoff), r.notes)
    out.key("source", quote(r.source), r.notes)
