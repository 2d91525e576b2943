"""Plan definition files (resources/plans/*.toml): reading and validating them.

A plan file is TOML in the "tiendo-plan" format, version 1 (docs/plan-format.md). The
people who write these files fix them in a text editor, so the loader reports every
problem at once, each with the line it is on; the reading, checking and locating
machinery it shares with unit directories (:func:`app.units.load_units`) is in
:mod:`app.toml_source`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path

import resources
from app.calendar import PeriodKind
from app.errors import ConfigError
from app.plan import (
    BasisDocument,
    BudgetSetting,
    Indicator,
    IndicatorKind,
    MonitoringSetting,
    Plan,
    ReportingSetting,
    Task,
    Timeframe,
    TimeframeKind,
    UnitSelector,
)
from app.toml_source import (
    Checker,
    PlanFormatError,
    Source,
    Table,
    check_format,
    parse_source,
    suggest,
)
from app.units import (
    UNIT_ID_PATTERN,
    UNIT_ID_RULE,
    UNIT_KINDS,
    UnitDirectory,
    close_unit_ids,
)

PLAN_FORMAT = "tiendo-plan"
PLAN_FORMAT_VERSION = 2  # 2 adds the tasks' optional short_title
OLDEST_PLAN_FORMAT_VERSION = 1
BUILTIN_PLANS_DIR = Path(resources.__file__).parent / "plans"

# Period kinds a plan may ask units to report (Nghị định 09/2019/NĐ-CP, art. 12).
REPORTING_KINDS: tuple[str, ...] = tuple(kind.value for kind in PeriodKind)

PLAN_ID_PATTERN = UNIT_ID_PATTERN
TASK_CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# Indicator codes become JSON keys in report packages and column names in exports.
INDICATOR_CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]*")

_ID_RULE = UNIT_ID_RULE
_TASK_CODE_RULE = "mã nhiệm vụ chỉ gồm chữ không dấu, số, '.', '_' và '-' (ví dụ II.3.1)"
_INDICATOR_CODE_RULE = (
    "mã chỉ tiêu chỉ gồm a-z, 0-9 và '_', bắt đầu bằng chữ (ví dụ hoi_nghi, kinh_phi)"
)


_PLAN_KEYS = (
    "format",
    "format_version",
    "id",
    "number",
    "kind",
    "title",
    "issuer_unit",
    "issuer_name",
    "date",
    "place",
    "signer_name",
    "signer_title",
    "purpose",
    "subject",
    "basis",
    "tasks",
    "budget",
    "monitoring",
    "reporting",
)
_BASIS_KEYS = ("number", "date", "issuer", "title")
_TASK_KEYS = (
    "code",
    "title",
    "short_title",
    "content",
    "implementers_text",
    "implementers",
    "lead",
    "coordinating",
    "guided_by",
    "timeframe",
    "indicators",
)
_SELECTOR_KEYS = ("unit", "kind")
_TIMEFRAME_KEYS = ("kind", "text", "deadline")
_INDICATOR_KEYS = ("code", "name", "unit", "kind", "in_plan")
_BUDGET_KEYS = ("annual_estimate", "text", "due_month")
_MONITORING_KEYS = ("monitor_unit", "text", "difficulties_via")
_REPORTING_KEYS = ("kinds", "due_days_after_cutoff", "source")


class _PlanReader:
    """Builds a Plan from parsed data, reporting every problem to the checker."""

    def __init__(self, checker: Checker, units: UnitDirectory | None, version: int) -> None:
        self.checker = checker
        self.units = units
        self.version = version

    def unit_ref(self, table: Table, name: str, *, required: bool = True) -> str | None:
        """A unit id; with a directory, one that exists in it."""
        unit_id = table.ident(name, UNIT_ID_PATTERN, _ID_RULE, required=required)
        if unit_id is not None and self.units is not None and unit_id not in self.units:
            close = close_unit_ids(unit_id, [u.id for u in self.units])
            hint = f"; có phải: {', '.join(close)}?" if close else ""
            table.report(
                name, f"không có đơn vị mã «{unit_id}» trong danh mục «{self.units.name}»{hint}"
            )
            return None
        return unit_id

    def selectors(
        self, table: Table, name: str, *, required: bool
    ) -> tuple[UnitSelector, ...] | None:
        rows = table.tables(name, _SELECTOR_KEYS, required=required)
        if rows is None:
            return None if required or table.has(name) else ()
        if not rows and required:
            table.report(name, "phải nêu ít nhất một đơn vị hoặc loại đơn vị")
            return None
        out: list[UnitSelector] = []
        for row in rows:
            if row.has("unit") == row.has("kind"):
                self.checker.report(
                    row.key,
                    'mỗi mục nêu đúng một trong hai: unit = "mã đơn vị" hoặc kind = "loại đơn vị"',
                )
                continue
            if row.has("unit"):
                unit_id = self.unit_ref(row, "unit")
                if unit_id is not None:
                    out.append(UnitSelector(unit=unit_id))
            else:
                kind = row.choice("kind", UNIT_KINDS, "loại đơn vị")
                if kind is not None:
                    out.append(UnitSelector(kind=kind))
        return tuple(out) if len(out) == len(rows) else None

    def plan(self, data: Mapping[str, object]) -> Plan | None:
        root = self.checker.root(data, _PLAN_KEYS)
        plan_id = root.ident("id", PLAN_ID_PATTERN, _ID_RULE)
        number = root.text("number")
        kind = root.text("kind")
        title = root.text("title")
        issuer_unit = self.unit_ref(root, "issuer_unit")
        issuer_name = root.text("issuer_name")
        date = root.date("date")
        place = root.text("place")
        signer_name = root.text("signer_name")
        signer_title = root.text("signer_title")
        purpose = root.texts("purpose", required=False) if root.has("purpose") else ()
        subject = root.text("subject", required=False) if root.has("subject") else ""
        basis = self.basis(root, date)
        tasks = self.tasks(root, date)
        budget = self.budget(root)
        monitoring = self.monitoring(root)
        reporting = self.reporting(root)
        if (
            plan_id is None
            or number is None
            or kind is None
            or title is None
            or issuer_unit is None
            or issuer_name is None
            or date is None
            or place is None
            or signer_name is None
            or signer_title is None
            or purpose is None
            or subject is None
            or basis is None
            or tasks is None
            or budget is None
            or monitoring is None
            or reporting is None
        ):
            return None
        return Plan(
            id=plan_id,
            format_version=self.version,
            number=number,
            kind=kind,
            title=title,
            issuer_unit=issuer_unit,
            issuer_name=issuer_name,
            date=date,
            place=place,
            signer_name=signer_name,
            signer_title=signer_title,
            basis=basis,
            tasks=tasks,
            budget=budget,
            monitoring=monitoring,
            reporting=reporting,
            purpose=purpose,
            subject=subject,
        )

    def basis(self, root: Table, plan_date: dt.date | None) -> tuple[BasisDocument, ...] | None:
        rows = root.tables("basis", _BASIS_KEYS, required=False)
        if rows is None:
            return None if root.has("basis") else ()
        out: list[BasisDocument] = []
        for row in rows:
            number = row.text("number")
            date = row.date("date")
            issuer = row.text("issuer")
            title = row.text("title")
            if date is not None and plan_date is not None and date > plan_date:
                row.report("date", "văn bản căn cứ không thể ban hành sau chính kế hoạch")
                date = None
            if number is not None and date is not None and issuer is not None and title is not None:
                out.append(BasisDocument(number=number, date=date, issuer=issuer, title=title))
        return tuple(out) if len(out) == len(rows) else None

    def tasks(self, root: Table, plan_date: dt.date | None) -> tuple[Task, ...] | None:
        rows = root.tables("tasks", _TASK_KEYS)
        if rows is None:
            return None
        if not rows:
            root.report("tasks", "kế hoạch phải có ít nhất một nhiệm vụ")
            return None
        out: list[Task] = []
        seen: dict[str, int] = {}
        for index, row in enumerate(rows):
            code, task = self.task(row, plan_date)
            if code is not None:
                if code in seen:
                    row.report("code", f"mã nhiệm vụ «{code}» bị trùng với tasks[{seen[code]}]")
                    task = None
                else:
                    seen[code] = index
            if task is not None:
                out.append(task)
        return tuple(out) if len(out) == len(rows) else None

    def task(self, row: Table, plan_date: dt.date | None) -> tuple[str | None, Task | None]:
        """The task's code (for the duplicate check, even when the task is unusable) and task."""
        code = row.ident("code", TASK_CODE_PATTERN, _TASK_CODE_RULE)
        title = row.text("title")
        short_title = self.short_title(row)
        content = row.texts("content")
        implementers_text = row.text("implementers_text")
        implementers = self.selectors(row, "implementers", required=True)
        lead = self.unit_ref(row, "lead", required=False)
        coordinating = self.selectors(row, "coordinating", required=False)
        guided_by = self.unit_ref(row, "guided_by", required=False)
        timeframe = self.timeframe(row, plan_date)
        indicators = self.indicators(row)
        if lead is not None and implementers is not None and self.units is not None:
            chosen = {u.id for s in implementers for u in self.units.select(s)}
            if lead not in chosen:
                row.report("lead", f"đơn vị chủ trì «{lead}» phải thuộc implementers")
                lead = None
        if (
            code is None
            or title is None
            or content is None
            or implementers_text is None
            or implementers is None
            or (row.has("lead") and lead is None)
            or coordinating is None
            or (row.has("guided_by") and guided_by is None)
            or (row.has("short_title") and short_title is None)
            or timeframe is None
            or indicators is None
        ):
            return code, None
        return code, Task(
            code=code,
            title=title,
            content=content,
            implementers_text=implementers_text,
            implementers=implementers,
            lead=lead,
            coordinating=coordinating,
            timeframe=timeframe,
            indicators=indicators,
            guided_by=guided_by,
            short_title=short_title,
        )

    def short_title(self, row: Table) -> str | None:
        """The optional short title (format version 2 on)."""
        if not row.has("short_title"):
            return None
        if self.version < 2:
            row.report("short_title", "khóa này cần format_version = 2")
            return None
        return row.text("short_title")

    def timeframe(self, row: Table, plan_date: dt.date | None) -> Timeframe | None:
        table = row.table("timeframe", _TIMEFRAME_KEYS)
        if table is None:
            return None
        kind = table.choice("kind", [k.value for k in TimeframeKind], "loại thời hạn")
        text = table.text("text")
        deadline = table.date("deadline", required=kind == TimeframeKind.DEADLINE)
        if (
            kind == TimeframeKind.DEADLINE
            and deadline is not None
            and plan_date is not None
            and deadline < plan_date
        ):
            table.report("deadline", "hạn hoàn thành không thể trước ngày ban hành kế hoạch")
            return None
        if kind == TimeframeKind.RECURRING and table.has("deadline"):
            table.report(
                "deadline",
                'việc "recurring" (thường xuyên) không có hạn; bỏ deadline '
                'hoặc đổi kind thành "deadline"',
            )
            return None
        if kind is None or text is None or (kind == TimeframeKind.DEADLINE and deadline is None):
            return None
        return Timeframe(kind=TimeframeKind(kind), text=text, deadline=deadline)

    def indicators(self, row: Table) -> tuple[Indicator, ...] | None:
        rows = row.tables("indicators", _INDICATOR_KEYS, required=False)
        if rows is None:
            return None if row.has("indicators") else ()
        out: list[Indicator] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(rows):
            code = item.ident("code", INDICATOR_CODE_PATTERN, _INDICATOR_CODE_RULE)
            name = item.text("name")
            unit = item.text("unit")
            kind = item.choice("kind", [k.value for k in IndicatorKind], "loại chỉ tiêu")
            in_plan = item.boolean("in_plan") if item.has("in_plan") else False
            if code is not None:
                if code in seen:
                    item.report(
                        "code", f"mã chỉ tiêu «{code}» bị trùng với indicators[{seen[code]}]"
                    )
                    code = None
                else:
                    seen[code] = index
            if None not in (code, name, unit, kind, in_plan):
                out.append(
                    Indicator(
                        code=str(code),
                        name=str(name),
                        unit=str(unit),
                        kind=IndicatorKind(str(kind)),
                        in_plan=bool(in_plan),
                    )
                )
        return tuple(out) if len(out) == len(rows) else None

    def budget(self, root: Table) -> BudgetSetting | None:
        table = root.table("budget", _BUDGET_KEYS)
        if table is None:
            return None
        annual = table.boolean("annual_estimate")
        text = table.text("text")
        due_month = table.integer("due_month", minimum=1, maximum=12)
        if annual is None or text is None or due_month is None:
            return None
        return BudgetSetting(annual_estimate=annual, text=text, due_month=due_month)

    def monitoring(self, root: Table) -> MonitoringSetting | None:
        table = root.table("monitoring", _MONITORING_KEYS)
        if table is None:
            return None
        monitor = self.unit_ref(table, "monitor_unit")
        text = table.text("text")
        via = self.unit_ref(table, "difficulties_via")
        if monitor is None or text is None or via is None:
            return None
        return MonitoringSetting(monitor_unit=monitor, text=text, difficulties_via=via)

    def reporting(self, root: Table) -> ReportingSetting | None:
        table = root.table("reporting", _REPORTING_KEYS)
        if table is None:
            return None
        kinds = table.texts("kinds")
        if kinds is not None:
            valid = True
            for index, kind in enumerate(kinds):
                key = (*table.key, "kinds", index)
                if kind not in REPORTING_KINDS:
                    listed = ", ".join(REPORTING_KINDS)
                    self.checker.report(
                        key,
                        f"kỳ báo cáo «{kind}» không có; chỉ dùng: {listed}"
                        + suggest(kind, REPORTING_KINDS),
                    )
                    valid = False
                elif kind in kinds[:index]:
                    self.checker.report(key, f"kỳ báo cáo «{kind}» bị lặp")
                    valid = False
            if not valid:
                kinds = None
        due = table.integer("due_days_after_cutoff", minimum=0, maximum=366)
        source = table.text("source")
        if kinds is None or due is None or source is None:
            return None
        return ReportingSetting(kinds=kinds, due_days_after_cutoff=due, source=source)


def load_plan(source: str | os.PathLike[str], *, units: UnitDirectory | None = None) -> Plan:
    """Read and validate a plan: a path (os.PathLike) to a file, or TOML text (str).

    With ``units``, every unit id the plan names (issuer, lead, guided_by, monitoring,
    selectors) must exist in that directory and a task's lead must be among its
    implementers. Raises PlanFormatError listing every problem found, each with its
    line; never returns a partly valid plan. Text comes back stripped and in NFC.
    """
    checker, data = parse_source(source, what="kế hoạch")
    if not check_format(
        checker, data, PLAN_FORMAT, PLAN_FORMAT_VERSION, oldest=OLDEST_PLAN_FORMAT_VERSION
    ):
        raise PlanFormatError(checker.problems)
    version = data["format_version"]
    assert isinstance(version, int)
    plan = _PlanReader(checker, units, version).plan(data)
    if checker.problems or plan is None:
        raise PlanFormatError(checker.problems)
    return plan


def builtin_plans() -> list[Path]:
    """The plan files shipped with the app, sorted by name."""
    return sorted(BUILTIN_PLANS_DIR.glob("*.toml"))


def plan_source_sha256(plan_id: str = "gl-157-2024") -> str:
    """Hex SHA-256 of the built-in plan file's bytes: changes whenever the file does.

    ConfigError if there is no such built-in plan.
    """
    return hashlib.sha256(_builtin_plan_path(plan_id).read_bytes()).hexdigest()


def _builtin_plan_path(plan_id: str) -> Path:
    path = BUILTIN_PLANS_DIR / f"{plan_id}.toml"
    # The id may come from settings or a command line: no path tricks ("../x").
    if not PLAN_ID_PATTERN.fullmatch(plan_id) or not path.is_file():
        known = ", ".join(p.stem for p in builtin_plans()) or "(không có)"
        raise ConfigError(
            f"Không có kế hoạch có sẵn «{plan_id}».", hint=f"Các kế hoạch có sẵn: {known}."
        )
    return path


def load_builtin_plan(plan_id: str = "gl-157-2024", *, units: UnitDirectory | None = None) -> Plan:
    """The built-in plan with this id (its file name without ``.toml``).

    ConfigError if there is none; PlanFormatError if the shipped file is damaged or its
    ``id`` differs from its file name.
    """
    path = _builtin_plan_path(plan_id)
    plan = load_plan(path, units=units)
    if plan.id != plan_id:
        checker = Checker(Source(path.name, path.read_text(encoding="utf-8-sig")))
        checker.report(("id",), f"phải trùng tên tệp «{plan_id}», không phải «{plan.id}»")
        raise PlanFormatError(checker.problems)
    return plan
