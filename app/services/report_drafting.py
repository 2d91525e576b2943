"""Drafting a period report from its activities: recount every task's activities and
indicator totals, and draft again the texts the officer has not changed since the app
last drafted them (a hash per field in ``drafted_texts``). Used by app/services/reports.py,
which owns the report's life (create, edit, finalize, revise)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.calendar import Period
from app.drafting import Facts, Measure, overall_draft, task_narrative, text_hash
from app.services.activities import of_plan
from app.services.workspace import Workspace
from db import models as m


def activities_in(s: Session, ws: Workspace, period: Period) -> list[m.Activity]:
    w = period.window
    return list(
        s.scalars(
            select(m.Activity)
            .where(
                m.Activity.unit_id == ws.settings.unit_id,
                of_plan(ws),
                m.Activity.deleted_at.is_(None),
                m.Activity.date >= w.start,
                m.Activity.date <= w.end,
            )
            .order_by(m.Activity.date, m.Activity.id)
        )
    )


def facts_of(s: Session, acts: list[m.Activity]) -> dict[int, Facts]:
    """Each activity's date, title, place, values and evidence count, by activity id."""
    values: dict[int, dict[int | str, int]] = defaultdict(dict)
    evidence: dict[int, int] = defaultdict(int)
    ids = [a.id for a in acts]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for aid, ind_id, value in s.execute(
            select(
                m.ActivityValue.activity_id, m.ActivityValue.indicator_id, m.ActivityValue.value
            ).where(m.ActivityValue.activity_id.in_(part))
        ):
            values[aid][ind_id] = int(value)
        for aid, n in s.execute(
            select(m.ActivityEvidence.activity_id, func.count())
            .where(m.ActivityEvidence.activity_id.in_(part))
            .group_by(m.ActivityEvidence.activity_id)
        ):
            evidence[aid] = int(n)
    return {
        a.id: Facts(a.date, a.title, a.location, values.get(a.id, {}), evidence.get(a.id, 0))
        for a in acts
    }


def _measures(task: m.Task) -> list[Measure]:
    return [Measure(i.id, i.name, i.unit, i.kind) for i in task.indicators]


def fill_entries(
    s: Session, ws: Workspace, report: m.Report, period: Period, *, replace_edited: bool
) -> list[str]:
    """Recount every task's activities and indicator totals, and draft again each text the
    officer has not changed since the app last drafted it (all of them if
    ``replace_edited``). Returns the codes of the tasks whose edited text was kept."""
    tasks = list(
        s.scalars(select(m.Task).where(m.Task.plan_id == ws.plan.id).order_by(m.Task.position))
    )
    acts = activities_in(s, ws, period)
    facts = facts_of(s, acts)
    by_task: dict[int, list[Facts]] = defaultdict(list)
    for a in acts:
        by_task[a.task_id].append(facts[a.id])
    marks = {
        d.key: d
        for d in s.scalars(select(m.DraftedText).where(m.DraftedText.report_id == report.id))
    }
    words = period.label_vi
    kept: list[str] = []
    entries = {e.task_id: e for e in report.entries}
    for task in tasks:
        mine = by_task.get(task.id, [])
        entry = entries.get(task.id)
        if entry is None:
            entry = m.ReportEntry(
                report_id=report.id,
                task_id=task.id,
                position=task.position,
                status="in_progress" if mine else "not_started",
            )
            s.add(entry)
            report.entries.append(entry)
            s.flush()
        entry.activity_count = len(mine)
        measures = _measures(task)
        drafted = task_narrative(words, mine, measures)
        key = f"narrative:{task.code}"
        if may_redraft(entry.narrative, marks.get(key), replace_edited):
            entry.narrative = drafted
            _mark(s, report, marks, key, drafted)
        elif drafted.strip() != entry.narrative.strip():
            kept.append(task.code)
        _set_totals(entry, task, mine)
    unit = ws.units.get(ws.settings.unit_id)
    overall = overall_draft(
        unit.name, words, len(acts), sum(1 for t in tasks if by_task.get(t.id)), len(tasks)
    )
    if may_redraft(report.overall, marks.get("overall"), replace_edited):
        report.overall = overall
        _mark(s, report, marks, "overall", overall)
    return kept


def may_redraft(current: str, mark: m.DraftedText | None, replace_edited: bool) -> bool:
    """A text may be drafted again when blank, when it is still what the app drafted, or
    when the officer agreed to replace it."""
    if replace_edited or not current.strip():
        return True
    return mark is not None and mark.sha256 == text_hash(current)


def _mark(
    s: Session, report: m.Report, marks: dict[str, m.DraftedText], key: str, text: str
) -> None:
    if key in marks:
        marks[key].sha256 = text_hash(text)
    else:
        marks[key] = m.DraftedText(report_id=report.id, key=key, sha256=text_hash(text))
        s.add(marks[key])


def _set_totals(entry: m.ReportEntry, task: m.Task, mine: list[Facts]) -> None:
    current = {v.indicator_id: v for v in entry.values}
    for ind in task.indicators:
        total = sum(f.values.get(ind.id, 0) for f in mine)
        row = current.get(ind.id)
        if row is None:
            entry.values.append(m.ReportValue(indicator_id=ind.id, value=total))
        elif row.value != total:
            row.value = total
