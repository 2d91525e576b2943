"""A plan as the plan editor holds it: the data of a `tiendo-plan` file (plain dicts and
lists, keys as in docs/plan-format.md), written back as a version 2 file, checked with the
same checker as `tiendo plan check`.

The editor binds each form field to a key path of this data (``tasks[3].timeframe.kind``),
which is exactly the path the checker names in its problems: a problem finds its field
without any mapping. No Qt here; app.services.plan_drafts keeps drafts and saves plans.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.errors import ConfigError
from app.plan_draft.model import DraftPlan
from app.plan_draft.writer import multiline, quote
from app.plan_format import PLAN_FORMAT, PLAN_FORMAT_VERSION, load_plan
from app.toml_source import PlanFormatError
from app.units import UnitDirectory

PlanData = dict[str, Any]

# Keys whose empty value means "not given": left out of the file.
_OPTIONAL_TOP = ("purpose", "subject", "basis")
_OPTIONAL_TASK = ("short_title", "lead", "coordinating", "guided_by", "indicators")
# Tables of a plan file written as [name] / [[name]] headers rather than inline.
_TOP_TABLES = ("basis", "tasks", "budget", "monitoring", "reporting")


class Severity(StrEnum):
    ERROR = "error"  # the plan cannot be kept
    WARNING = "warning"  # it can, but the clerk should look
    REMARK = "remark"  # the drafter's guess: the clerk compares it with the document


# Where the drafter's remarks on plan-level names go in the data.
_REMARK_FIELDS = {
    "budget_text": "budget.text",
    "annual_estimate": "budget.annual_estimate",
    "due_month": "budget.due_month",
    "monitoring_text": "monitoring.text",
    "monitor_unit": "monitoring.monitor_unit",
    "difficulties_via": "monitoring.difficulties_via",
}


@dataclass(frozen=True)
class Issue:
    """One thing the checker found: the key path of its field ("" for the whole plan)."""

    field: str
    message: str
    severity: Severity = Severity.ERROR


# --- the data ----------------------------------------------------------------------------


def blank_task(code: str = "") -> dict[str, Any]:
    return {
        "code": code,
        "title": "",
        "short_title": "",
        "content": [],
        "implementers_text": "",
        "implementers": [],
        "lead": "",
        "coordinating": [],
        "guided_by": "",
        "timeframe": {"kind": "recurring", "text": "Thường xuyên", "deadline": None},
        "indicators": [],
    }


def blank_indicator() -> dict[str, Any]:
    return {"code": "", "name": "", "unit": "", "kind": "count", "in_plan": False}


def blank_basis(day: dt.date) -> dict[str, Any]:
    return {"number": "", "date": day, "issuer": "", "title": ""}


def new_plan(units: UnitDirectory, today: dt.date) -> PlanData:
    """An empty plan issued today by the directory's first root (usually UBND tỉnh)."""
    root = units.roots()[0]
    return normalize(
        {
            "id": f"{root.id}-kh-{today.year}",
            "number": "",
            "kind": "Kế hoạch",
            "title": "",
            "issuer_unit": root.id,
            "issuer_name": root.name,
            "date": today,
            "place": root.place,
            "signer_name": "",
            "signer_title": "",
            "tasks": [blank_task("II.1")],
            "budget": {"annual_estimate": True, "text": "", "due_month": 7},
            "monitoring": {"monitor_unit": root.id, "text": "", "difficulties_via": root.id},
            "reporting": {"kinds": ["half", "year"], "due_days_after_cutoff": 5, "source": ""},
        }
    )


def parse(text: str) -> PlanData:
    """The data of a plan file's text (a kept plan, a draft), with every field the form
    shows present. Raises PlanFormatError for text that is not TOML."""
    try:
        data = tomllib.loads(text.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"Bản kế hoạch không đọc được: {exc}.",
            hint="Soạn lại từ văn bản, hoặc tạo kế hoạch mới.",
        ) from None
    return normalize(data)


def normalize(data: Mapping[str, Any]) -> PlanData:
    """A deep copy with every key the editor binds to (blank where the file had none)."""
    out: PlanData = copy.deepcopy(dict(data))
    out["format"] = PLAN_FORMAT
    out["format_version"] = PLAN_FORMAT_VERSION
    for name in ("id", "number", "kind", "title", "issuer_unit", "issuer_name", "place"):
        out.setdefault(name, "")
    for name in ("signer_name", "signer_title", "subject"):
        out.setdefault(name, "")
    out.setdefault("date", dt.date.today())
    out.setdefault("purpose", [])
    out.setdefault("basis", [])
    tasks = out.setdefault("tasks", [])
    for i, task in enumerate(tasks):
        full = blank_task()
        full.update(task)
        full["timeframe"] = {**blank_task()["timeframe"], **dict(task.get("timeframe", {}))}
        full["timeframe"].setdefault("deadline", None)
        full["indicators"] = [{**blank_indicator(), **ind} for ind in full["indicators"]]
        tasks[i] = full
    out["budget"] = {"annual_estimate": True, "text": "", "due_month": 7, **out.get("budget", {})}
    out["monitoring"] = {
        "monitor_unit": "",
        "text": "",
        "difficulties_via": "",
        **out.get("monitoring", {}),
    }
    out["reporting"] = {
        "kinds": [],
        "due_days_after_cutoff": 5,
        "source": "",
        **out.get("reporting", {}),
    }
    return out


# --- the file ----------------------------------------------------------------------------


def to_toml(data: Mapping[str, Any]) -> str:
    """The plan file (format version 2) of the editor's data; empty optional fields are
    left out, everything else is written as it is so the checker sees what the clerk typed."""
    lines = [f"format = {quote(PLAN_FORMAT)}", f"format_version = {PLAN_FORMAT_VERSION}", ""]
    for name, value in data.items():
        if name in ("format", "format_version") or name in _TOP_TABLES:
            continue
        if name in _OPTIONAL_TOP and _empty(value):
            continue
        lines.append(f"{name} = {_value(value)}")
    for basis in data.get("basis") or []:
        lines += ["", "[[basis]]", *_pairs(basis, ())]
    for task in data.get("tasks") or []:
        lines += ["", "[[tasks]]", *_pairs(task, ("indicators",), optional=_OPTIONAL_TASK)]
        for indicator in task.get("indicators") or []:
            lines += ["", "[[tasks.indicators]]", *_pairs(indicator, ())]
    if not data.get("tasks"):
        lines.append("tasks = []")
    for name in ("budget", "monitoring", "reporting"):
        if isinstance(data.get(name), Mapping):
            lines += ["", f"[{name}]", *_pairs(data[name], ())]
    return "\n".join(lines) + "\n"


def _pairs(
    table: Mapping[str, Any], skip: Sequence[str], *, optional: Sequence[str] = ()
) -> list[str]:
    out = []
    for name, value in table.items():
        if name in skip or (name in optional and _empty(value)):
            continue
        if name == "timeframe" and isinstance(value, Mapping):
            value = {k: v for k, v in value.items() if not (k == "deadline" and v is None)}
        out.append(f"{name} = {_value(value)}")
    return out


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return multiline(value) if "\n" in value else quote(value)
    if isinstance(value, Mapping):
        items = [f"{k} = {_value(v)}" for k, v in value.items() if v is not None]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    if isinstance(value, list | tuple):
        items = [_value(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 90 and "\n" not in one_line:
            return one_line
        return "[\n" + "".join(f"  {item},\n" for item in items) + "]"
    return quote(str(value))


# --- checking ----------------------------------------------------------------------------


def check(
    data: Mapping[str, Any],
    directories: Mapping[str, UnitDirectory],
    directory_id: str,
    *,
    taken_ids: Mapping[str, str] | None = None,
    remarks: Mapping[str, Sequence[str]] | None = None,
) -> list[Issue]:
    """Every problem of the plan as the editor holds it, errors first, in field order.

    ``taken_ids`` are the ids of kept plans this one must not take (a new plan, a draft),
    each with the plan's name, so a draft never silently replaces a kept plan;
    ``remarks`` are the drafter's, by field path, listed after the problems.
    """
    problems: list[Issue] = []
    units = directories.get(directory_id)
    if units is None:
        problems.append(Issue("", _missing_directory(directory_id)))
    else:
        try:
            load_plan(to_toml(data), units=units)
        except PlanFormatError as exc:
            problems.extend(Issue(p.field, p.message) for p in exc.problems)
    plan_id = str(data.get("id", ""))
    if taken_ids and plan_id in taken_ids:
        problems.append(Issue("id", _taken_id(plan_id, taken_ids[plan_id])))
    problems.extend(_repeated_headings(data))
    problems.extend(remark_issues(remarks or {}))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.REMARK: 2}
    return sorted(problems, key=lambda p: (order[p.severity], _field_order(p.field)))


def _repeated_headings(data: Mapping[str, Any]) -> list[Issue]:
    """Tasks sharing a heading that no short title tells apart: officers would file work
    under the wrong one (issue: II.3.1 and II.3.2 read the same in every list)."""
    tasks = data.get("tasks") or []
    seen: dict[str, list[int]] = {}
    for i, task in enumerate(tasks):
        title = " ".join(str(task.get("title", "")).split()).casefold()
        if title:
            seen.setdefault(title, []).append(i)
    out = []
    for indexes in seen.values():
        if len(indexes) < 2:
            continue
        codes = ", ".join(str(tasks[i].get("code", "")) for i in indexes)
        problems: list[str] = []
        problems.append(
            f"các nhiệm vụ {codes} có cùng tiêu đề; đặt tên ngắn để phân biệt chúng trong danh sách"
        )
        for i in indexes:
            if not str(tasks[i].get("short_title", "")).strip():
                out.append(Issue(f"tasks[{i}].short_title", problems[0], Severity.WARNING))
    return out


def _missing_directory(directory_id: str) -> str:
    problems: list[str] = []
    problems.append(f"không có danh mục đơn vị «{directory_id}»; chọn danh mục khác")
    return problems[0]


def _taken_id(plan_id: str, name: str) -> str:
    problems: list[str] = []
    problems.append(
        f"mã «{plan_id}» là của {name} đã lưu; đặt mã khác cho kế hoạch này "
        "(hoặc mở kế hoạch đã lưu bằng nút Sửa để sửa nó)"
    )
    return problems[0]


def _field_order(field: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[\[\].]+", field) if p)


def draft_remarks(draft: DraftPlan) -> dict[str, list[str]]:
    """The drafter's "KIỂM TRA" remarks by field path: what the clerk should compare with
    the document (the same remarks a drafted file carries as comments)."""
    out: dict[str, list[str]] = {}

    def add(field: str, messages: Sequence[str]) -> None:
        out.setdefault(field, []).extend(m for m in messages if m not in out.get(field, []))

    for name, messages in draft.notes.items():
        add(_REMARK_FIELDS.get(name, name), messages)
    for i, basis in enumerate(draft.basis):
        for name, messages in basis.notes.items():
            add(f"basis[{i}].{name}", messages)
    for i, task in enumerate(draft.tasks):
        for name, messages in task.notes.items():
            add(f"tasks[{i}].{name}", messages)
    for name, messages in draft.reporting.notes.items():
        add(f"reporting.{name}", messages)
    return out


def remark_issues(remarks: Mapping[str, Sequence[str]]) -> list[Issue]:
    return [Issue(f, m, Severity.REMARK) for f, ms in remarks.items() for m in ms]


def has_errors(issues: Sequence[Issue]) -> bool:
    return any(i.severity is Severity.ERROR for i in issues)


def task_index(field: str) -> int | None:
    """The task a field path belongs to: ``tasks[3].title`` → 3; None for plan fields."""
    match = re.match(r"tasks\[(\d+)\]", field)
    return int(match.group(1)) if match else None
