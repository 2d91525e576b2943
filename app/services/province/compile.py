"""The consolidated provincial report: every unit's current report for one period, the
plan's indicators summed over them, who has not reported, and the parts the clerk writes
(drafted by synthesis.py, kept per plan and period once the clerk edits them). Built here
as plain data; app/printing only reads it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.calendar import Period
from app.drafting import text_hash
from app.plan_units import monitoring_unit
from app.province_data import (
    CellState,
    IndicatorColumn,
    ProvincialReport,
    StatusMatrix,
    TaskInfo,
    UnitReport,
)
from app.services.province.common import local, require_province
from app.services.province.status import status_matrix
from app.services.province.synthesis import PARTS, draft_texts, labels
from app.services.setup import recipients_for, signing_defaults
from app.services.workspace import Workspace
from app.settings import InstallSettings
from db import models as m

if TYPE_CHECKING:
    from app.report_data import ReportData
    from app.units import Unit


def compile_report(
    ws: Workspace, period: str, *, today: dt.date | None = None, number: str | None = None
) -> ProvincialReport:
    """Gather the current reports of ``period`` from every unit, with who has not reported.

    Tasks and indicators are the active plan's; an indicator a report carries that the
    plan does not know is added after its task's own. Raises ConfigError for a bad period.
    """
    require_province(ws)
    p = Period.parse(period)
    today = today or dt.date.today()
    matrix = status_matrix(ws, [p], today=today)
    reports = _unit_reports(ws, p, matrix)
    tasks = _task_columns(ws, [r.report for r in reports])
    me, settings = _issuer(ws)
    recipients = tuple(
        line.strip().lstrip("-–").strip()
        for line in settings.recipients.splitlines()
        if line.strip()
    )
    data = ProvincialReport(
        period=p,
        due=matrix.due[0],
        today=today,
        plan_id=ws.plan.id,
        plan_number=ws.plan.number,
        plan_date=ws.plan.date,
        plan_issuer=ws.plan.issuer_name,
        plan_title=ws.plan.title,
        header_parent=me.header_parent or "",
        header_issuer=me.header_issuer,
        issuer_name=me.name,
        place=settings.place or me.place,
        number=number if number is not None else f"  /{settings.report_prefix}",
        signer_lines=tuple(
            x for x in (settings.on_behalf, settings.leader_authority, settings.leader_title) if x
        ),
        signer_name=settings.leader_name,
        recipients=recipients,
        tasks=tasks,
        reports=tuple(reports),
        status=matrix,
        plan_subject=ws.plan.subject,
    )
    drafts = draft_texts(data)
    stored = _stored(ws, p.code)
    texts = {key: stored[key].text if key in stored else text for key, text in drafts.items()}
    return replace(data, texts=texts)


@dataclass(frozen=True)
class Part:
    """One part of the consolidated report the clerk may rewrite."""

    key: str  # "overall", "task:II.1", ...
    label: str
    text: str  # what prints: the clerk's text, else the draft
    draft: str  # what the app drafts from the reports received now
    edited: bool  # the clerk's own text
    stale: bool  # edited, and the reports changed since: the draft now says otherwise


def report_parts(ws: Workspace, period: str, *, today: dt.date | None = None) -> list[Part]:
    """Every rewritable part of the period's consolidated report, in reading order."""
    data = compile_report(ws, period, today=today)
    drafts = draft_texts(data)
    stored = _stored(ws, data.period.code)
    names = labels(data.tasks)
    keys = ["overall", *(f"task:{t.code}" for t in data.tasks), *PARTS[1:]]
    out = []
    for key in keys:
        row = stored.get(key)
        draft = drafts[key]
        out.append(
            Part(
                key=key,
                label=names[key],
                text=row.text if row else draft,
                draft=draft,
                edited=row is not None,
                stale=row is not None and row.drafted_sha256 != text_hash(draft),
            )
        )
    return out


def save_part(ws: Workspace, period: str, key: str, text: str, draft: str) -> None:
    """Keep the clerk's text of one part (``draft``: the draft it was written over). Text
    equal to the draft is not kept, so the part follows the reports again."""
    require_province(ws)
    code = Period.parse(period).code
    with ws.db.transaction() as s:
        row = s.get(m.ProvinceText, (ws.plan.id, code, key))
        if text.strip() == draft.strip():
            if row is not None:
                s.delete(row)
            return
        if row is None:
            row = m.ProvinceText(plan_id=ws.plan.id, period=code, field=key, text=text)
            s.add(row)
        row.text = text
        row.drafted_sha256 = text_hash(draft)


def reset_part(ws: Workspace, period: str, key: str) -> None:
    """Drop the clerk's text of one part: it prints as drafted from the reports again."""
    require_province(ws)
    code = Period.parse(period).code
    with ws.db.transaction() as s:
        row = s.get(m.ProvinceText, (ws.plan.id, code, key))
        if row is not None:
            s.delete(row)


def _stored(ws: Workspace, period: str) -> dict[str, m.ProvinceText]:
    with ws.db.session() as s:
        rows = s.scalars(
            select(m.ProvinceText).where(
                m.ProvinceText.plan_id == ws.plan.id, m.ProvinceText.period == period
            )
        )
        out = {r.field: r for r in rows}
        for row in out.values():
            s.expunge(row)
        return out


def _issuer(ws: Workspace) -> tuple[Unit, InstallSettings]:
    """Who signs the consolidated report: the plan's monitoring body (section IV), from
    the plan's directory. When that is this installation's own unit, its settings (the
    officer's signature block, number symbol, recipients); otherwise the defaults for
    that body (app.services.setup), since another plan may name another monitor."""
    monitor = monitoring_unit(ws.plan, ws.units)
    if monitor.id == ws.settings.unit_id:
        return monitor, ws.settings
    signing = signing_defaults(monitor)
    return monitor, replace(
        ws.settings,
        place=monitor.place,
        on_behalf=signing.on_behalf,
        leader_authority=signing.authority,
        leader_title=signing.title,
        leader_name="",
        report_prefix=signing.prefix,
        recipients=recipients_for("province", monitor, ws.plan, ws.units),
    )


def _unit_reports(ws: Workspace, p: Period, matrix: StatusMatrix) -> list[UnitReport]:
    """The current report of each unit that has one for the period, in directory order."""
    from app.report_data import ReportData

    status = {u.unit_id: u for u in matrix.units}
    with ws.db.session() as s:
        rows = list(
            s.scalars(
                select(m.ReceivedPackage).where(
                    m.ReceivedPackage.plan_id == ws.plan.id,
                    m.ReceivedPackage.period == p.code,
                    m.ReceivedPackage.state == "current",
                )
            )
        )
    parsed: dict[str, tuple[m.ReceivedPackage, ReportData]] = {}
    for row in rows:
        parsed[row.unit_id] = (row, ReportData.from_json(json.loads(row.report_json)))
    reports = []
    for unit in ws.units.tree_order():
        if unit.id not in parsed:
            continue
        row, data = parsed[unit.id]
        cell = status[unit.id].cells[0] if unit.id in status else None
        reports.append(
            UnitReport(
                unit_id=unit.id,
                unit_name=unit.name,
                short_name=unit.short_name,
                state=cell.state if cell else CellState.ON_TIME,
                revision=row.revision,
                sequence=row.sequence,
                submitted=cell.submitted if cell and cell.submitted else local(row.created).date(),
                received=local(row.received_at),
                report=data,
            )
        )
    return reports


def _task_columns(ws: Workspace, reports: Sequence[ReportData]) -> tuple[TaskInfo, ...]:
    out = []
    for task in ws.plan.tasks:
        columns = [
            IndicatorColumn(task.code, i.code, i.name, i.unit, i.kind.value, i.in_plan)
            for i in task.indicators
        ]
        known = {c.code for c in columns}
        for report in reports:
            for entry in report.entries:
                if entry.code != task.code:
                    continue
                for ind in entry.indicators:
                    if ind.code not in known:
                        known.add(ind.code)
                        columns.append(
                            IndicatorColumn(task.code, ind.code, ind.name, ind.unit, ind.kind)
                        )
        out.append(TaskInfo(task.code, task.title, tuple(columns)))
    return tuple(out)
