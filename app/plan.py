"""Plans as data: the domain objects a plan definition file (resources/plans/*.toml) becomes.

The loader and validator live in :mod:`app.plan_format`; nothing here knows about a
particular plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class TimeframeKind(StrEnum):
    DEADLINE = "deadline"  # "Hoàn thành trong năm 2024"
    RECURRING = "recurring"  # "thường xuyên"


@dataclass(frozen=True)
class Timeframe:
    kind: TimeframeKind
    text: str  # the plan's own words, shown verbatim
    deadline: dt.date | None = None  # only for DEADLINE


class IndicatorKind(StrEnum):
    COUNT = "count"  # whole number: conferences, attendees, articles
    MONEY = "money"  # whole VND


@dataclass(frozen=True)
class Indicator:
    code: str  # stable within the task, e.g. "hoi_nghi"
    name: str  # "Số hội nghị quán triệt, tuyên truyền"
    unit: str  # unit of measure: "cuộc", "lượt người", "đồng"
    kind: IndicatorKind = IndicatorKind.COUNT
    # True when the plan document itself sets this target; False (the default) marks a
    # measure added to follow the task, which printed reports say is not the plan's.
    in_plan: bool = False


@dataclass(frozen=True)
class UnitSelector:
    """Who a task names: a single unit id, or every unit of a kind ("district", "department"...)."""

    unit: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Task:
    code: str  # "II.3.1"
    title: str
    content: tuple[str, ...]  # the content bullets, verbatim
    implementers_text: str  # "Đơn vị thực hiện: ..." verbatim
    implementers: tuple[UnitSelector, ...]
    lead: str | None  # unit id of the chủ trì, when the plan names one
    coordinating: tuple[UnitSelector, ...]
    timeframe: Timeframe
    indicators: tuple[Indicator, ...]
    guided_by: str | None = None  # unit whose guidance the task follows (II.1: Ban Tuyên giáo)
    # what tells the task apart where the plan repeats a heading (sub-tasks 3.1, 3.2)
    short_title: str | None = None

    @property
    def label(self) -> str:
        """How a list names the task: "II.3.2 — Quảng bá hình ảnh …", the short title when
        the plan gives one (headings repeat across sub-tasks), else the title."""
        return f"{self.code} — {self.short_title or self.title}"

    @property
    def heading(self) -> str:
        """How a report heads the task: its code and full title, "II.3.2. Tiếp tục …"."""
        return f"{self.code}. {self.title}"


@dataclass(frozen=True)
class BasisDocument:
    number: str  # "184-KH/TU"
    date: dt.date
    issuer: str
    title: str


@dataclass(frozen=True)
class BudgetSetting:
    """Plan section III: each year units estimate next year's budget for their tasks."""

    annual_estimate: bool
    text: str
    due_month: int  # month of the year when the next year's estimate is built


@dataclass(frozen=True)
class MonitoringSetting:
    """Plan section IV: who monitors, compiles the annual report and receives difficulties."""

    monitor_unit: str
    text: str
    difficulties_via: str


@dataclass(frozen=True)
class ReportingSetting:
    """Which periods units report and when reports are due (set by the province)."""

    kinds: tuple[str, ...]  # period kinds from app.calendar: "month", "quarter", "half", ...
    due_days_after_cutoff: int
    source: str  # where the rule comes from, shown to users


@dataclass(frozen=True)
class Plan:
    id: str  # stable id, e.g. "gl-157-2024"
    format_version: int
    number: str  # "157/KH-UBND"
    kind: str  # "Kế hoạch"
    title: str
    issuer_unit: str  # unit id
    issuer_name: str
    date: dt.date
    place: str
    signer_name: str
    signer_title: str
    basis: tuple[BasisDocument, ...]
    tasks: tuple[Task, ...]
    budget: BudgetSetting
    monitoring: MonitoringSetting
    reporting: ReportingSetting
    purpose: tuple[str, ...] = field(default=())
    # what the plan is about, as a report title names it after "Kết quả thực hiện":
    # "công tác thông tin đối ngoại"; "" when the plan file gives none
    subject: str = ""

    def task(self, code: str) -> Task:
        """The task with this code; raises KeyError if the plan has none."""
        for task in self.tasks:
            if task.code == code:
                return task
        raise KeyError(code)
