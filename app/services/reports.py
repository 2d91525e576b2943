"""Period reports: drafted from the activities inside the period's window, edited by the
officer, validated, finalized (locked), revised as a new revision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.calendar import Period, PeriodKind, period_of
from app.errors import KnownError
from app.plan import TimeframeKind
from app.report_data import (
    MAX_NUMBER,
    TASK_STATUSES,
    ActivityLine,
    IndicatorValue,
    ReportData,
    Signer,
    TaskEntry,
    number_problem,
)
from app.report_state import INITIAL, ReportEvent, ReportState, advance, allows
from app.services.activities import of_plan
from app.services.report_drafting import activities_in, facts_of, fill_entries, may_redraft
from app.services.workspace import Workspace
from app.text import format_number
from db import models as m
from db.models import utcnow

STATUSES = TASK_STATUSES
EDITABLE_FIELDS = (
    "number",
    "document_date",
    "overall",
    "difficulties",
    "proposals",
    "next_direction",
    "budget_estimate",
    "budget_note",
)
ENTRY_FIELDS = ("status", "percent", "narrative")


class ReportError(KnownError):
    """A report cannot be changed or finalized as asked."""


class ReportLocked(ReportError):
    """The report is finalized: a change needs a new revision."""


@dataclass(frozen=True)
class ReportSummary:
    id: int
    period: str
    revision: int
    state: ReportState
    created_at: dt.datetime
    finalized_at: dt.datetime | None
    exported_at: dt.datetime | None
    received_at: dt.datetime | None


def latest(ws: Workspace, period: str) -> ReportSummary | None:
    """The newest revision of this unit's report for the period, if any."""
    with ws.db.session() as s:
        row = s.scalar(
            select(m.Report)
            .where(
                m.Report.unit_id == ws.settings.unit_id,
                m.Report.plan_id == ws.plan.id,
                m.Report.period == period,
            )
            .order_by(m.Report.revision.desc())
            .limit(1)
        )
        return _summary(row) if row else None


def revisions(ws: Workspace, period: str) -> list[ReportSummary]:
    """Every revision of the period's report, newest first."""
    with ws.db.session() as s:
        rows = s.scalars(
            select(m.Report)
            .where(
                m.Report.unit_id == ws.settings.unit_id,
                m.Report.plan_id == ws.plan.id,
                m.Report.period == period,
            )
            .order_by(m.Report.revision.desc())
        )
        return [_summary(r) for r in rows]


def all_reports(ws: Workspace) -> list[ReportSummary]:
    with ws.db.session() as s:
        rows = s.scalars(
            select(m.Report)
            .where(m.Report.unit_id == ws.settings.unit_id, m.Report.plan_id == ws.plan.id)
            .order_by(m.Report.period, m.Report.revision)
        )
        return [_summary(r) for r in rows]


def _summary(r: m.Report) -> ReportSummary:
    return ReportSummary(
        r.id,
        r.period,
        r.revision,
        ReportState(r.state),
        r.created_at,
        r.finalized_at,
        r.exported_at,
        r.received_at,
    )


def create_draft(ws: Workspace, period_code: str) -> int:
    """Draft the period's report from its activities; returns the report id.

    If a draft already exists it is returned unchanged; if the newest revision is locked,
    raises ReportLocked (use revise()).
    """
    ws.require_setup()
    period = Period.parse(period_code)
    existing = latest(ws, str(period))
    if existing is not None:
        if existing.state is ReportState.DRAFT:
            return existing.id
        raise ReportLocked(
            f"Báo cáo {period.label_vi} đã chốt (lần {existing.revision}).",
            "Tạo bản sửa đổi để thay đổi nội dung.",
        )
    with ws.db.transaction() as s:
        report = m.Report(
            unit_id=ws.settings.unit_id,
            plan_id=ws.plan.id,
            period=str(period),
            revision=1,
            state=INITIAL,
            number=f"/{ws.settings.report_prefix}",
            budget_note="",
        )
        s.add(report)
        s.flush()
        fill_entries(s, ws, report, period, replace_edited=False)
        return report.id


def refresh_draft(ws: Workspace, report_id: int, *, replace_edited: bool = False) -> list[str]:
    """Recount the draft's indicator totals from the activities and draft again the texts
    the officer has not edited (the edited ones too if ``replace_edited``).

    Returns the codes of the tasks whose edited results were kept; raises ReportLocked.
    """
    with ws.db.transaction() as s:
        report = _editable(s, report_id)
        return fill_entries(
            s, ws, report, Period.parse(report.period), replace_edited=replace_edited
        )


def edited_texts(ws: Workspace, report_id: int) -> list[str]:
    """The task codes (and "overall") whose text the officer changed after it was drafted:
    what drafting again would replace only if asked."""
    with ws.db.session() as s:
        report = s.get(m.Report, report_id)
        if report is None:
            raise ReportError(f"Không tìm thấy báo cáo số {report_id}.")
        marks = {
            d.key: d
            for d in s.scalars(select(m.DraftedText).where(m.DraftedText.report_id == report_id))
        }
        out = [
            e.task.code
            for e in report.entries
            if not may_redraft(e.narrative, marks.get(f"narrative:{e.task.code}"), False)
        ]
        if not may_redraft(report.overall, marks.get("overall"), False):
            out.append("overall")
        return out


def _editable(s: Session, report_id: int) -> m.Report:
    report = s.get(m.Report, report_id)
    if report is None:
        raise ReportError(f"Không tìm thấy báo cáo số {report_id}.")
    if not allows(report.state, ReportEvent.EDIT):
        raise ReportLocked(
            f"Báo cáo kỳ {report.period} lần {report.revision} đã chốt, không sửa được.",
            "Tạo bản sửa đổi để thay đổi nội dung.",
        )
    return report


def report_fields(ws: Workspace, report_id: int) -> dict[str, object]:
    """The stored values of EDITABLE_FIELDS, as an editor shows them (no defaults filled in:
    ``document_date`` and ``budget_estimate`` may be None). Raises ReportError if missing."""
    with ws.db.session() as s:
        report = s.get(m.Report, report_id)
        if report is None:
            raise ReportError(f"Không tìm thấy báo cáo số {report_id}.")
        return {name: getattr(report, name) for name in EDITABLE_FIELDS}


def update_report(ws: Workspace, report_id: int, name: str, value: object) -> None:
    """Change one field of a draft report and commit at once (raises ReportLocked)."""
    if name not in EDITABLE_FIELDS:
        raise ValueError(name)
    with ws.db.transaction() as s:
        report = _editable(s, report_id)
        if name == "budget_estimate":
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ReportError("Dự toán kinh phí phải là số tiền không âm (đồng).")
            if value is not None and value > MAX_NUMBER:
                raise ReportError(number_problem(value, "Dự toán kinh phí"))
        elif name == "document_date":
            if value is not None and not isinstance(value, dt.date):
                raise ReportError("Ngày báo cáo không hợp lệ.")
        else:
            value = str(value)
        setattr(report, name, value)


def update_entry(ws: Workspace, report_id: int, task_code: str, name: str, value: object) -> None:
    """Change one field of a task entry of a draft report (raises ReportLocked)."""
    if name not in ENTRY_FIELDS:
        raise ValueError(name)
    with ws.db.transaction() as s:
        report = _editable(s, report_id)
        entry = next((e for e in report.entries if e.task.code == task_code), None)
        if entry is None:
            raise ReportError(f"Báo cáo không có nhiệm vụ {task_code}.")
        if name == "status":
            if value not in STATUSES:
                raise ReportError(f"Trạng thái không hợp lệ: {value!r}.")
        elif name == "percent":
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 100):
                raise ReportError("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
        else:
            value = str(value)
        setattr(entry, name, value)


@dataclass(frozen=True)
class Problem:
    """One thing to fix before finalizing, and where: ``field`` is a name from
    EDITABLE_FIELDS or ENTRY_FIELDS (then ``task_code`` names the task), or "" when the
    problem has no field. ``kind`` ("missing", "conflict", "not_100") and ``number`` (the
    activity count, or the budget year) let an interface word it in its own language."""

    message: str
    field: str
    task_code: str | None = None
    kind: str = "missing"
    number: int | None = None


def validate(ws: Workspace, report_id: int) -> list[str]:
    """What must be fixed before finalizing, each in words that say what to do."""
    return [p.message for p in problems(ws, report_id)]


def problems(ws: Workspace, report_id: int) -> list[Problem]:
    """The same as :func:`validate`, with the field each problem is about (for the UI)."""
    found: list[Problem] = []
    with ws.db.session() as s:
        report = s.get(m.Report, report_id)
        if report is None:
            return [Problem(f"Không tìm thấy báo cáo số {report_id}.", "")]
        period = Period.parse(report.period)
        if not report.overall.strip():
            found.append(Problem("Nhập phần “Công tác chỉ đạo, triển khai”.", "overall"))
        found.extend(signer_problems(ws))
        for e in report.entries:
            found.extend(_entry_problems(ws, e))
        if not report.difficulties.strip():
            found.append(
                Problem(
                    "Nhập “Tồn tại, hạn chế và nguyên nhân” (ghi “Không có” nếu không có).",
                    "difficulties",
                )
            )
        if not report.proposals.strip():
            found.append(
                Problem("Nhập “Đề xuất, kiến nghị” (ghi “Không có” nếu không có).", "proposals")
            )
        if not report.next_direction.strip():
            found.append(Problem("Nhập “Phương hướng, nhiệm vụ kỳ tới”.", "next_direction"))
        if (
            ws.plan.budget.annual_estimate
            and period.kind == PeriodKind.YEAR
            and report.budget_estimate is None
        ):
            found.append(
                Problem(
                    f"Nhập dự toán kinh phí năm {period.year + 1} (mục III của kế hoạch); "
                    "ghi 0 nếu không đề nghị kinh phí.",
                    "budget_estimate",
                    number=period.year + 1,
                )
            )
    return found


def signer_problems(ws: Workspace) -> list[Problem]:
    """The signature block must say who signs, and Nơi nhận where the report goes."""
    st = ws.settings
    checks = (
        ("leader_title", st.leader_title, "Chưa có chức vụ người ký: nhập ở màn hình Cài đặt."),
        ("leader_name", st.leader_name, "Chưa có họ tên người ký: nhập ở màn hình Cài đặt."),
        ("recipients", st.recipients, "Chưa có “Nơi nhận”: nhập ở màn hình Cài đặt."),
    )
    return [Problem(message, name) for name, value, message in checks if not value.strip()]


def _entry_problems(ws: Workspace, e: m.ReportEntry) -> list[Problem]:
    """What is missing or contradictory in one task's entry."""
    found: list[Problem] = []
    task = ws.plan.task(e.task.code)
    label = f"Nhiệm vụ {task.code}"
    if e.status in ("in_progress", "done") and not e.narrative.strip():
        found.append(
            Problem(
                f"{label}: nhập kết quả thực hiện (đã chọn “có thực hiện”).",
                "narrative",
                task.code,
            )
        )
    if e.status == "not_started" and e.activity_count:
        found.append(
            Problem(
                f"{label}: có {e.activity_count} hoạt động trong kỳ nhưng trạng thái là "
                "“chưa triển khai”; chọn lại trạng thái.",
                "status",
                task.code,
                "conflict",
                e.activity_count,
            )
        )
    if task.timeframe.kind == TimeframeKind.DEADLINE and e.status != "not_applicable":
        if e.percent is None:
            found.append(
                Problem(
                    f"{label}: nhập tỷ lệ hoàn thành (%) vì nhiệm vụ có thời hạn.",
                    "percent",
                    task.code,
                )
            )
        elif e.status == "done" and e.percent != 100:
            found.append(
                Problem(
                    f"{label}: đã hoàn thành thì tỷ lệ phải là 100%.",
                    "percent",
                    task.code,
                    "not_100",
                )
            )
    return found


def activity_years(ws: Workspace) -> list[int]:
    """The reporting years (by cut-off window) holding this unit's activities for the
    current plan, oldest first."""
    with ws.db.session() as s:
        first, last = s.execute(
            select(func.min(m.Activity.date), func.max(m.Activity.date)).where(
                m.Activity.unit_id == ws.settings.unit_id,
                of_plan(ws),
                m.Activity.deleted_at.is_(None),
            )
        ).one()
    if first is None or last is None:
        return []
    start = period_of(first, PeriodKind.YEAR).year
    end = period_of(last, PeriodKind.YEAR).year
    return list(range(start, end + 1))


def activity_count(ws: Workspace, period: Period) -> int:
    """How many of this unit's activities for the current plan fall inside the period's
    cut-off window."""
    w = period.window
    with ws.db.session() as s:
        return int(
            s.scalar(
                select(func.count(m.Activity.id)).where(
                    m.Activity.unit_id == ws.settings.unit_id,
                    of_plan(ws),
                    m.Activity.deleted_at.is_(None),
                    m.Activity.date >= w.start,
                    m.Activity.date <= w.end,
                )
            )
            or 0
        )


def finalize(ws: Workspace, report_id: int) -> None:
    """Lock a valid draft; raises ReportError listing what to fix."""
    problems = validate(ws, report_id)
    if problems:
        listing = "".join(f"\n- {p}" for p in problems)
        raise ReportError(f"Báo cáo chưa thể chốt:{listing}")
    with ws.db.transaction() as s:
        report = _editable(s, report_id)
        report.state = advance(report.state, ReportEvent.FINALIZE)
        report.finalized_at = utcnow()
        if report.document_date is None:
            report.document_date = dt.date.today()


def revise(ws: Workspace, report_id: int) -> int:
    """Start a new draft revision copied from a locked one; returns its id."""
    with ws.db.transaction() as s:
        old = s.get(m.Report, report_id)
        if old is None:
            raise ReportError(f"Không tìm thấy báo cáo số {report_id}.")
        newest = s.scalar(
            select(func.max(m.Report.revision)).where(
                m.Report.unit_id == old.unit_id,
                m.Report.plan_id == old.plan_id,
                m.Report.period == old.period,
            )
        )
        if not allows(old.state, ReportEvent.REVISE):
            raise ReportError("Báo cáo đang là bản nháp, có thể sửa trực tiếp.")
        if old.revision != newest:
            raise ReportError("Chỉ tạo bản sửa đổi từ lần báo cáo mới nhất.")
        new = m.Report(
            unit_id=old.unit_id,
            plan_id=old.plan_id,
            period=old.period,
            revision=old.revision + 1,
            state=advance(old.state, ReportEvent.REVISE),
            **{f: getattr(old, f) for f in EDITABLE_FIELDS if f != "document_date"},
        )
        s.add(new)
        s.flush()
        for e in old.entries:
            ne = m.ReportEntry(
                report_id=new.id,
                task_id=e.task_id,
                position=e.position,
                status=e.status,
                percent=e.percent,
                narrative=e.narrative,
                activity_count=e.activity_count,
            )
            ne.values = [
                m.ReportValue(indicator_id=v.indicator_id, value=v.value) for v in e.values
            ]
            new.entries.append(ne)
        for mark in s.scalars(select(m.DraftedText).where(m.DraftedText.report_id == old.id)):
            s.add(m.DraftedText(report_id=new.id, key=mark.key, sha256=mark.sha256))
        return new.id


def report_data(ws: Workspace, report_id: int) -> ReportData:
    """The report as plain data, for printing and packaging."""
    unit = ws.own_unit()
    st = ws.settings
    with ws.db.session() as s:
        r = s.get(m.Report, report_id)
        if r is None:
            raise ReportError(f"Không tìm thấy báo cáo số {report_id}.")
        period = Period.parse(r.period)
        entries = tuple(
            TaskEntry(
                code=e.task.code,
                title=e.task.title,
                status=e.status,
                percent=e.percent,
                narrative=e.narrative,
                indicators=tuple(
                    IndicatorValue(
                        code=v.indicator.code,
                        name=v.indicator.name,
                        unit=v.indicator.unit,
                        kind=v.indicator.kind,
                        value=v.value,
                        in_plan=_in_plan(ws, e.task.code, v.indicator.code),
                    )
                    for v in sorted(e.values, key=lambda v: v.indicator.position)
                ),
                activity_count=e.activity_count,
            )
            for e in r.entries
        )
        w = period.window
        return ReportData(
            unit_id=unit.id,
            unit_name=unit.name,
            header_parent=unit.header_parent or "",
            header_issuer=unit.header_issuer or unit.name.upper(),
            place=st.place or unit.place,
            plan_id=ws.plan.id,
            plan_number=ws.plan.number,
            plan_date=ws.plan.date,
            plan_issuer=ws.plan.issuer_name,
            plan_title=ws.plan.title,
            period=r.period,
            period_label=period.label_vi,
            window_start=w.start,
            window_end=w.end,
            revision=r.revision,
            number=r.number or f"/{st.report_prefix}",
            date=r.document_date or dt.date.today(),
            overall=r.overall,
            entries=entries,
            difficulties=r.difficulties,
            proposals=r.proposals,
            next_direction=r.next_direction,
            budget_estimate=r.budget_estimate,
            budget_note=r.budget_note,
            signer=Signer(st.on_behalf, st.leader_authority, st.leader_title, st.leader_name),
            recipients=tuple(line for line in st.recipients.splitlines() if line.strip()),
            prepared_by=st.officer,
            extra={"state": r.state},
            plan_subject=ws.plan.subject,
        )


def _in_plan(ws: Workspace, task_code: str, indicator_code: str) -> bool:
    try:
        task = ws.plan.task(task_code)
    except KeyError:
        return False
    return any(i.code == indicator_code and i.in_plan for i in task.indicators)


def appendix(ws: Workspace, report_id: int) -> list[ActivityLine]:
    """Every activity of the report's period, task by task in plan order, then by date:
    the Phụ lục a report may carry. Raises ReportError when the report does not exist."""
    with ws.db.session() as s:
        r = s.get(m.Report, report_id)
        if r is None:
            raise ReportError(f"Không tìm thấy báo cáo số {report_id}.")
        acts = activities_in(s, ws, Period.parse(r.period))
        facts = facts_of(s, acts)
        names = {
            i.id: (i.unit, i.kind)
            for t in s.scalars(select(m.Task).where(m.Task.plan_id == ws.plan.id))
            for i in t.indicators
        }
        order = {t.code: n for n, t in enumerate(ws.plan.tasks)}
        lines = [
            ActivityLine(
                task_code=a.task.code,
                date=a.date,
                title=a.title,
                location=a.location,
                results="; ".join(
                    f"{format_number(v)} {names[k][0]}"
                    for k, v in facts[a.id].values.items()
                    if v and isinstance(k, int) and k in names
                ),
            )
            for a in acts
        ]
    return sorted(lines, key=lambda x: (order.get(x.task_code, len(order)), x.date))
