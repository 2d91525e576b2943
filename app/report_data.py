"""The report as plain data: what the PDF prints, what a package carries as data/report.json,
and what the province imports. Built from the database by app.services; no Qt, no SQL here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from app.errors import KnownError

REPORT_SCHEMA = "tiendo-report"
REPORT_SCHEMA_VERSION = 1

# What a unit can enter, so what the province accepts (SECURITY.md 28): counts and sums
# of money are whole numbers from 0 to the largest the database's BigInteger columns
# hold; a completion rate is 0–100 %.
MAX_NUMBER = 2**63 - 1
TASK_STATUSES = ("not_started", "in_progress", "done", "not_applicable")


def number_problem(value: int, what: str) -> str:
    """Why `value` cannot be a count or a sum of money, in plain words; "" when it can."""
    if value < 0:
        return f"{what} không được âm ({value:,})".replace(",", ".") + "."
    if value > MAX_NUMBER:
        return f"{what} lớn quá mức cho phép (tối đa {MAX_NUMBER:,})".replace(",", ".") + "."
    return ""


class ReportFormatError(KnownError):
    """data/report.json does not follow the report schema."""


@dataclass(frozen=True)
class IndicatorValue:
    code: str
    name: str
    unit: str  # unit of measure ("cuộc", "đồng")
    kind: str  # "count" | "money"
    value: int
    in_plan: bool = False  # the plan document sets it (else: a measure added to follow the task)


@dataclass(frozen=True)
class TaskEntry:
    """One task of the plan in one report."""

    code: str  # "II.3.1"
    title: str
    status: str  # "not_started" | "in_progress" | "done" | "not_applicable"
    percent: int | None  # % done, for deadline tasks
    narrative: str  # what was done (drafted from activities, edited by the officer)
    indicators: tuple[IndicatorValue, ...] = ()
    activity_count: int = 0


@dataclass(frozen=True)
class Signer:
    on_behalf: str  # "TM. ỦY BAN NHÂN DÂN"
    authority: str  # "KT. CHỦ TỊCH"
    title: str  # "PHÓ CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class ReportData:
    unit_id: str
    unit_name: str  # "Ủy ban nhân dân huyện Chư Sê"
    header_parent: str  # may be "" (UBND huyện has no parent line)
    header_issuer: str  # lines separated by "\n"
    place: str  # date-line place: "Chư Sê"
    plan_id: str
    plan_number: str  # "157/KH-UBND"
    plan_date: dt.date
    plan_issuer: str
    plan_title: str
    period: str  # "2024", "2024-H1"
    period_label: str  # "năm 2024"
    window_start: dt.date
    window_end: dt.date
    revision: int
    number: str  # "45/BC-UBND" or "  /BC-UBND" when not yet numbered
    date: dt.date  # date on the document
    overall: str  # overall assessment
    entries: tuple[TaskEntry, ...]
    difficulties: str
    proposals: str
    next_direction: str
    budget_estimate: int | None  # next year's estimate in VND (plan section III)
    budget_note: str
    signer: Signer
    recipients: tuple[str, ...]  # "Nơi nhận" lines, last one "Lưu: VT, ..."
    prepared_by: str = ""  # officer name
    extra: dict[str, Any] = field(default_factory=dict)
    plan_subject: str = ""  # "công tác thông tin đối ngoại"; "" when the plan names none

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with the schema name and version; text in NFC."""
        body = asdict(self)
        out: dict[str, Any] = {"schema": REPORT_SCHEMA, "schema_version": REPORT_SCHEMA_VERSION}
        out.update(_jsonable(body))
        return out

    @classmethod
    def from_json(cls, data: Any) -> ReportData:
        """Parse a dict from data/report.json; raises ReportFormatError, never KeyError/TypeError."""
        if not isinstance(data, dict):
            raise ReportFormatError("report.json không phải là một đối tượng JSON.")
        if data.get("schema") != REPORT_SCHEMA:
            raise ReportFormatError("report.json không đúng định dạng báo cáo Tiến Độ.")
        if data.get("schema_version") != REPORT_SCHEMA_VERSION:
            raise ReportFormatError(
                f"Phiên bản định dạng báo cáo {data.get('schema_version')!r} không được hỗ trợ."
            )
        try:
            entries = tuple(
                TaskEntry(
                    code=_s(e["code"]),
                    title=_s(e["title"]),
                    status=_s(e["status"]),
                    percent=_opt_int(e["percent"]),
                    narrative=_s(e["narrative"]),
                    indicators=tuple(
                        IndicatorValue(
                            code=_s(i["code"]),
                            name=_s(i["name"]),
                            unit=_s(i["unit"]),
                            kind=_s(i["kind"]),
                            value=_int(i["value"]),
                            in_plan=i.get("in_plan", False) is True,
                        )
                        for i in _list(e["indicators"])
                    ),
                    activity_count=_int(e["activity_count"]),
                )
                for e in _list(data["entries"])
            )
            s = data["signer"]
            return cls(
                unit_id=_s(data["unit_id"]),
                unit_name=_s(data["unit_name"]),
                header_parent=_s(data["header_parent"]),
                header_issuer=_s(data["header_issuer"]),
                place=_s(data["place"]),
                plan_id=_s(data["plan_id"]),
                plan_number=_s(data["plan_number"]),
                plan_date=dt.date.fromisoformat(_s(data["plan_date"])),
                plan_issuer=_s(data["plan_issuer"]),
                plan_title=_s(data["plan_title"]),
                period=_s(data["period"]),
                period_label=_s(data["period_label"]),
                window_start=dt.date.fromisoformat(_s(data["window_start"])),
                window_end=dt.date.fromisoformat(_s(data["window_end"])),
                revision=_int(data["revision"]),
                number=_s(data["number"]),
                date=dt.date.fromisoformat(_s(data["date"])),
                overall=_s(data["overall"]),
                entries=entries,
                difficulties=_s(data["difficulties"]),
                proposals=_s(data["proposals"]),
                next_direction=_s(data["next_direction"]),
                budget_estimate=_opt_int(data["budget_estimate"]),
                budget_note=_s(data["budget_note"]),
                signer=Signer(
                    on_behalf=_s(s["on_behalf"]),
                    authority=_s(s["authority"]),
                    title=_s(s["title"]),
                    name=_s(s["name"]),
                ),
                recipients=tuple(_s(r) for r in _list(data["recipients"])),
                prepared_by=_s(data.get("prepared_by", "")),
                extra=dict(data.get("extra") or {}),
                plan_subject=_s(data.get("plan_subject", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ReportFormatError(f"report.json thiếu hoặc sai trường: {exc}") from None

    def value_problems(self) -> list[str]:
        """Values the unit's app could not have entered (SECURITY.md 28), in plain words."""
        found = []
        if not 1 <= self.revision <= MAX_NUMBER:
            found.append(f"Lần báo cáo {self.revision} không hợp lệ.")
        if self.budget_estimate is not None:
            found.append(number_problem(self.budget_estimate, "Dự toán kinh phí"))
        for e in self.entries:
            if e.status not in TASK_STATUSES:
                found.append(f"Nhiệm vụ {e.code}: trạng thái {e.status!r} không hợp lệ.")
            if e.percent is not None and not 0 <= e.percent <= 100:
                found.append(f"Nhiệm vụ {e.code}: tỷ lệ hoàn thành {e.percent}% ngoài 0–100%.")
            found.append(number_problem(e.activity_count, f"Nhiệm vụ {e.code}: số hoạt động"))
            for i in e.indicators:
                found.append(number_problem(i.value, f"Nhiệm vụ {e.code}: chỉ tiêu {i.code}"))
        return [p for p in found if p]


@dataclass(frozen=True)
class ActivityLine:
    """One activity as the report's appendix (Phụ lục) lists it."""

    task_code: str
    date: dt.date
    title: str
    location: str
    results: str  # "250 lượt người; 1 cuộc", "" when it carries no value


def nfc(text: str) -> str:
    """Text in Unicode NFC: reportlab does no shaping, so decomposed accents print wrongly."""
    return unicodedata.normalize("NFC", text)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return nfc(value)
    return value


def _s(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"cần chuỗi, có {type(value).__name__}")
    return nfc(value)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"cần số nguyên, có {type(value).__name__}")
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"cần danh sách, có {type(value).__name__}")
    return value
