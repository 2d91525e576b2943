"""The activity journal: add, edit, delete (recoverably) and find activities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.calendar import Period
from app.errors import ConfigError, KnownError
from app.services.workspace import Workspace
from app.text import fold
from db import models as m
from db.models import utcnow

MAX_TITLE = 500


class ActivityError(KnownError):
    """An activity cannot be saved as given."""


@dataclass
class ActivityInput:
    """What the officer types for an activity."""

    task_code: str
    date: dt.date
    title: str
    description: str = ""
    location: str = ""
    values: dict[str, int] = field(default_factory=dict)  # indicator code -> value


@dataclass(frozen=True)
class ActivityRow:
    """A light row for the journal list (100,000 of them must load quickly)."""

    id: int
    date: dt.date
    task_code: str
    title: str
    location: str
    evidence_count: int
    deleted: bool
    search_key: str  # folded text for accent-insensitive search


@dataclass(frozen=True)
class EvidenceLink:
    id: int
    sha256: str
    filename: str
    size: int
    mime: str
    path: Path


@dataclass(frozen=True)
class ActivityDetail:
    id: int
    task_code: str
    date: dt.date
    title: str
    description: str
    location: str
    values: dict[str, int]
    evidence: tuple[EvidenceLink, ...]
    deleted: bool
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    actor: str
    action: str
    field: str
    old: str | None
    new: str | None


def validate(ws: Workspace, data: ActivityInput) -> list[str]:
    """Problems with the input, in plain words; empty when it can be saved."""
    problems: list[str] = []
    try:
        task = ws.plan.task(data.task_code)
    except KeyError:
        problems.append(f"Không có nhiệm vụ {data.task_code!r} trong kế hoạch.")
        task = None
    if not data.title.strip():
        problems.append("Chưa nhập tên hoạt động.")
    elif len(data.title) > MAX_TITLE:
        problems.append(f"Tên hoạt động dài quá {MAX_TITLE} ký tự.")
    if not (dt.date(2000, 1, 1) <= data.date <= dt.date.today() + dt.timedelta(days=366)):
        problems.append(f"Ngày {data.date:%d/%m/%Y} không hợp lệ.")
    if task is not None:
        known = {i.code for i in task.indicators}
        for code, value in data.values.items():
            if code not in known:
                problems.append(f"Nhiệm vụ {task.code} không có chỉ tiêu {code!r}.")
            elif value < 0:
                problems.append(f"Chỉ tiêu {code} không được âm.")
    return problems


def _task_row(s: object, ws: Workspace, code: str) -> m.Task:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    row = s.scalar(select(m.Task).where(m.Task.plan_id == ws.plan.id, m.Task.code == code))
    if row is None:
        raise ConfigError(f"Không có nhiệm vụ {code!r} trong kế hoạch {ws.plan.number}.")
    return row


def add_activity(ws: Workspace, data: ActivityInput, evidence: Sequence[Path] = ()) -> int:
    """Save a new activity with its indicator values and evidence; returns its id.

    Raises ActivityError listing every problem; nothing is saved then.
    """
    ws.require_setup()
    problems = validate(ws, data)
    if problems:
        raise ActivityError(" ".join(problems))
    stored = [(p, ws.evidence.add(p)) for p in evidence]  # copy files before the transaction
    with ws.db.transaction() as s:
        task = _task_row(s, ws, data.task_code)
        act = m.Activity(
            unit_id=ws.settings.unit_id,
            task_id=task.id,
            date=data.date,
            title=data.title.strip(),
            description=data.description.strip(),
            location=data.location.strip(),
        )
        s.add(act)
        s.flush()
        by_code = {i.code: i for i in task.indicators}
        for code, value in data.values.items():
            if value:
                s.add(
                    m.ActivityValue(activity_id=act.id, indicator_id=by_code[code].id, value=value)
                )
        for path, info in stored:
            _link(s, act.id, path.name, info.sha256, info.size, info.mime)
        return act.id


def _link(s: object, activity_id: int, filename: str, sha: str, size: int, mime: str) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    if s.get(m.Evidence, sha) is None:
        s.add(m.Evidence(sha256=sha, size=size, mime=mime))
        s.flush()
    link = m.ActivityEvidence(activity_id=activity_id, sha256=sha, filename=filename)
    s.add(link)
    s.flush()
    return link.id


def update_field(ws: Workspace, activity_id: int, name: str, value: object) -> None:
    """Change one field (date, title, description, location, task_code) and commit at once."""
    with ws.db.transaction() as s:
        act = _get(s, activity_id)
        if name == "task_code":
            task = _task_row(s, ws, str(value))
            if task.id != act.task_id:
                act.task_id = task.id
                # values of the old task's indicators no longer mean anything here
                act.values.clear()
            return
        if name == "title":
            text = str(value).strip()
            if not text:
                raise ActivityError("Tên hoạt động không được để trống.")
            act.title = text[:MAX_TITLE]
        elif name == "date":
            if not isinstance(value, dt.date):
                raise ActivityError("Ngày không hợp lệ.")
            act.date = value
        elif name in ("description", "location"):
            setattr(act, name, str(value))
        else:
            raise ValueError(name)


def set_value(ws: Workspace, activity_id: int, indicator_code: str, value: int | None) -> None:
    """Set (or clear with None/0) one indicator value of an activity."""
    if value is not None and value < 0:
        raise ActivityError("Giá trị chỉ tiêu không được âm.")
    with ws.db.transaction() as s:
        act = _get(s, activity_id)
        ind = s.scalar(
            select(m.Indicator).where(
                m.Indicator.task_id == act.task_id, m.Indicator.code == indicator_code
            )
        )
        if ind is None:
            raise ActivityError(f"Nhiệm vụ của hoạt động không có chỉ tiêu {indicator_code!r}.")
        row = s.get(m.ActivityValue, (act.id, ind.id))
        if not value:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(m.ActivityValue(activity_id=act.id, indicator_id=ind.id, value=value))
        else:
            row.value = value


def attach_evidence(ws: Workspace, activity_id: int, paths: Iterable[Path]) -> list[int]:
    """Store files and link them to the activity; returns the new link ids."""
    stored = [(p, ws.evidence.add(p)) for p in paths]
    with ws.db.transaction() as s:
        _get(s, activity_id)
        return [_link(s, activity_id, p.name, i.sha256, i.size, i.mime) for p, i in stored]


def detach_evidence(ws: Workspace, link_id: int) -> None:
    """Unlink a file from its activity (the stored file stays: other records may use it)."""
    with ws.db.transaction() as s:
        link = s.get(m.ActivityEvidence, link_id)
        if link is not None:
            s.delete(link)


def delete_activity(ws: Workspace, activity_id: int) -> None:
    """Move an activity to the recycle bin; restore_activity brings it back."""
    with ws.db.transaction() as s:
        _get(s, activity_id).deleted_at = utcnow()


def restore_activity(ws: Workspace, activity_id: int) -> None:
    with ws.db.transaction() as s:
        _get(s, activity_id).deleted_at = None


def _get(s: object, activity_id: int) -> m.Activity:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    act = s.get(m.Activity, activity_id)
    if act is None:
        raise ActivityError(f"Không tìm thấy hoạt động số {activity_id}.")
    return act


def get_activity(ws: Workspace, activity_id: int) -> ActivityDetail:
    with ws.db.session() as s:
        act = _get(s, activity_id)
        return ActivityDetail(
            id=act.id,
            task_code=act.task.code,
            date=act.date,
            title=act.title,
            description=act.description,
            location=act.location,
            values={v.indicator.code: v.value for v in act.values},
            evidence=tuple(
                EvidenceLink(
                    id=e.id,
                    sha256=e.sha256,
                    filename=e.filename,
                    size=e.file.size,
                    mime=e.file.mime,
                    path=ws.evidence.path_for(e.sha256),
                )
                for e in act.evidence
            ),
            deleted=act.deleted_at is not None,
            created_at=act.created_at,
            updated_at=act.updated_at,
        )


def list_rows(
    ws: Workspace,
    *,
    include_deleted: bool = False,
    task_code: str | None = None,
    limit: int | None = None,
) -> list[ActivityRow]:
    """This unit's activities as light rows, newest first (one query, no ORM objects)."""
    from sqlalchemy import func

    ev_count = (
        select(m.ActivityEvidence.activity_id, func.count().label("n"))
        .group_by(m.ActivityEvidence.activity_id)
        .subquery()
    )
    q = (
        select(
            m.Activity.id,
            m.Activity.date,
            m.Task.code,
            m.Activity.title,
            m.Activity.location,
            func.coalesce(ev_count.c.n, 0),
            m.Activity.deleted_at,
            m.Activity.description,
        )
        .join(m.Task, m.Task.id == m.Activity.task_id)
        .outerjoin(ev_count, ev_count.c.activity_id == m.Activity.id)
        .where(m.Activity.unit_id == ws.settings.unit_id)
        .order_by(m.Activity.date.desc(), m.Activity.id.desc())
    )
    if not include_deleted:
        q = q.where(m.Activity.deleted_at.is_(None))
    if task_code is not None:
        q = q.where(m.Task.code == task_code)
    if limit is not None:
        q = q.limit(limit)
    with ws.db.session() as s:
        return [
            ActivityRow(
                id=r[0],
                date=r[1],
                task_code=r[2],
                title=r[3],
                location=r[4],
                evidence_count=r[5],
                deleted=r[6] is not None,
                search_key=fold(f"{r[3]} {r[4]} {r[7]} {r[2]}"),
            )
            for r in s.execute(q)
        ]


def filter_rows(
    rows: Sequence[ActivityRow],
    *,
    text: str = "",
    task_code: str | None = None,
    period: Period | None = None,
) -> list[ActivityRow]:
    """Rows matching every word of text (accent-insensitive), the task and the period window."""
    words = fold(text).split()
    window = period.window if period else None
    out = []
    for r in rows:
        if task_code and r.task_code != task_code:
            continue
        if window and not (window.start <= r.date <= window.end):
            continue
        if words and not all(w in r.search_key for w in words):
            continue
        out.append(r)
    return out


def audit_trail(ws: Workspace, table: str, record_id: str | int) -> list[AuditLine]:
    """The change history of one record, oldest first."""
    with ws.db.session() as s:
        rows = s.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.table_name == table, m.AuditEntry.record_id == str(record_id))
            .order_by(m.AuditEntry.id)
        )
        return [AuditLine(r.at, r.actor, r.action, r.field, r.old, r.new) for r in rows]


def record_history(ws: Workspace, table: str, record_id: str | int) -> list[AuditLine]:
    """A record's changes with those of its child rows (values, evidence links), oldest first."""
    with ws.db.session() as s:
        rows = s.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.owner == f"{table}/{record_id}")
            .order_by(m.AuditEntry.id)
        )
        return [
            AuditLine(
                r.at,
                r.actor,
                r.action,
                r.field if r.table_name == table else f"{r.table_name}.{r.field}".rstrip("."),
                r.old,
                r.new,
            )
            for r in rows
        ]
