"""The local summary a district prints for itself: where each task stands and every
activity in a date range (a period's window, or any dates the officer picks)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.errors import ConfigError
from app.services import overview
from app.services.activities import of_plan
from app.services.workspace import Workspace
from app.text import format_number
from db import models as m

if TYPE_CHECKING:
    from app.printing.summary_pdf import LocalSummary


def range_title(start: dt.date, end: dt.date) -> str:
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def local_summary(
    ws: Workspace, start: dt.date, end: dt.date, *, title: str | None = None
) -> LocalSummary:
    """The summary of [start, end] as data for app.printing.summary_pdf.

    Raises ConfigError when the range is empty or reversed."""
    from app.printing.summary_pdf import ActivityRow, LocalSummary, TaskStatusRow

    ws.require_setup()
    if end < start:
        raise ConfigError(f"Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.")
    unit = ws.own_unit()
    tasks = {t.code: t for t in ws.plan.tasks}
    with ws.db.session() as s:
        acts = list(
            s.scalars(
                select(m.Activity)
                .where(
                    m.Activity.unit_id == unit.id,
                    of_plan(ws),
                    m.Activity.deleted_at.is_(None),
                    m.Activity.date >= start,
                    m.Activity.date <= end,
                )
                .order_by(m.Activity.date, m.Activity.id)
            )
        )
        evidence = dict(
            s.execute(
                select(m.ActivityEvidence.activity_id, func.count())
                .where(m.ActivityEvidence.activity_id.in_([a.id for a in acts]))
                .group_by(m.ActivityEvidence.activity_id)
            ).all()
        )
        rows = []
        per_task: dict[str, list[dt.date]] = defaultdict(list)
        for a in acts:
            code = a.task.code
            per_task[code].append(a.date)
            parts = [
                f"{format_number(v.value)} {v.indicator.unit}"
                for v in sorted(a.values, key=lambda v: v.indicator.position)
            ]
            rows.append(
                ActivityRow(
                    date=a.date,
                    task_code=code,
                    title=a.title,
                    location=a.location,
                    indicators_text="; ".join(parts),
                    evidence_count=int(evidence.get(a.id, 0)),
                )
            )
    progress = {p.task.code: p for p in overview.task_progress(ws, end)}
    task_rows = [
        TaskStatusRow(
            code=code,
            title=task.short_title or task.title,
            timeframe_text=task.timeframe.text,
            status=progress[code].reported_status
            or ("in_progress" if per_task.get(code) else "not_started"),
            percent=progress[code].reported_percent,
            activity_count=len(per_task.get(code, [])),
            last_activity=max(per_task[code]) if per_task.get(code) else None,
        )
        for code, task in tasks.items()
    ]
    return LocalSummary(
        unit_name=unit.name,
        header_parent=unit.header_parent or "",
        header_issuer=unit.header_issuer or unit.name.upper(),
        place=ws.settings.place or unit.place,
        date=dt.date.today(),
        plan_number=ws.plan.number,
        range_title=title or range_title(start, end),
        task_rows=task_rows,
        activities=rows,
        plan_date=ws.plan.date,
        plan_issuer=ws.plan.issuer_name,
        prepared_by=ws.settings.officer,
    )
