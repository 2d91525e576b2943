"""The activity journal: add, edit, delete (recoverably) and find activities."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.calendar import Period
from app.errors import ConfigError, KnownError
from app.report_data import MAX_NUMBER, number_problem
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
            elif value > MAX_NUMBER:
                problems.append(number_problem(value, f"Chỉ tiêu {code}"))
    return problems


def of_plan(ws: Workspace) -> ColumnElement[bool]:
    """The condition "the activity is for a task of the current plan" (a unit following
    several plans sees, counts and reports each plan's activities apart)."""
    return m.Activity.task_id.in_(select(m.Task.id).where(m.Task.plan_id == ws.plan.id))


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
    if value is not None and value > MAX_NUMBER:
        raise ActivityError(number_problem(value, "Giá trị chỉ tiêu"))
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
    """This unit's activities as light rows, newest first (no ORM objects).

    Built for 100,000 rows: task codes and evidence counts come from two small queries
    instead of joins, and the search keys are folded with a C-level translate.
    """
    from sqlalchemy import func

    q = (
        select(
            m.Activity.id,
            m.Activity.date,
            m.Activity.task_id,
            m.Activity.title,
            m.Activity.location,
            m.Activity.deleted_at.is_not(None),
            m.Activity.description,
        )
        .where(m.Activity.unit_id == ws.settings.unit_id, of_plan(ws))
        .order_by(m.Activity.date.desc(), m.Activity.id.desc())
    )
    if not include_deleted:
        q = q.where(m.Activity.deleted_at.is_(None))
    if limit is not None:
        q = q.limit(limit)
    with ws.db.session() as s:
        codes: dict[int, str] = {i: c for i, c in s.execute(select(m.Task.id, m.Task.code))}
        if task_code is not None:
            q = q.where(m.Activity.task_id.in_([i for i, c in codes.items() if c == task_code]))
        counted = select(m.ActivityEvidence.activity_id, func.count()).group_by(
            m.ActivityEvidence.activity_id
        )
        if limit is not None:
            counted = counted.where(
                m.ActivityEvidence.activity_id.in_(
                    select(q.with_only_columns(m.Activity.id).subquery())
                )
            )
        counts: dict[int, int] = {i: n for i, n in s.execute(counted)}
        raw = s.execute(q).all()
    keys = fold_many([f"{r[3]} {r[4]} {r[6]} {codes[r[2]]}" for r in raw])
    return [
        ActivityRow(
            id=id_,
            date=date,
            task_code=codes[task_id],
            title=title,
            location=location,
            evidence_count=counts.get(id_, 0),
            deleted=bool(deleted),
            search_key=key,
        )
        for (id_, date, task_id, title, location, deleted, _description), key in zip(
            raw, keys, strict=True
        )
    ]


def list_row(ws: Workspace, activity_id: int) -> ActivityRow | None:
    """One activity's journal row (deleted or not), or None if it is not this unit's."""
    from sqlalchemy import func

    with ws.db.session() as s:
        r = s.execute(
            select(
                m.Activity.id,
                m.Activity.date,
                m.Task.code,
                m.Activity.title,
                m.Activity.location,
                select(func.count())
                .where(m.ActivityEvidence.activity_id == m.Activity.id)
                .scalar_subquery(),
                m.Activity.deleted_at.is_not(None),
                m.Activity.description,
            )
            .join(m.Task, m.Task.id == m.Activity.task_id)
            .where(m.Activity.id == activity_id, m.Activity.unit_id == ws.settings.unit_id)
        ).one_or_none()
    if r is None:
        return None
    return ActivityRow(
        id=r[0],
        date=r[1],
        task_code=r[2],
        title=r[3],
        location=r[4],
        evidence_count=r[5],
        deleted=bool(r[6]),
        search_key=fold_fast(f"{r[3]} {r[4]} {r[7]} {r[2]}"),
    )


@functools.cache
def _fold_table() -> dict[int, int | None]:
    # Every combining mark of the Basic Multilingual Plane goes; "đ" becomes "d".
    table: dict[int, int | None] = {
        cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))
    }
    table[ord("đ")] = ord("d")
    return table


# The marks Vietnamese writes with, after NFD: grave, acute, circumflex, tilde, breve,
# hook above, horn, dot below. Removing them with str.replace is much faster than any
# per-character table, and leaves pure ASCII for nearly every Vietnamese text.
_VIETNAMESE_MARKS = ("\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031b", "\u0323")


def fold_fast(text: str) -> str:
    """Exactly app.text.fold, several times faster (for the 100,000 keys of the journal)."""
    folded = unicodedata.normalize("NFD", text.casefold())
    for mark in _VIETNAMESE_MARKS:
        folded = folded.replace(mark, "")
    folded = folded.replace("đ", "d")
    if folded.isascii():
        return folded
    folded = folded.translate(_fold_table())
    if not folded or max(folded) <= "\uffff":
        return folded
    # Marks beyond the BMP (rare: the table stops at U+FFFF).
    return "".join(c for c in folded if not unicodedata.combining(c))


_FOLD_BATCH = 2000  # texts folded as one string; a rare slow text costs only its batch


def fold_many(texts: Sequence[str]) -> list[str]:
    """fold_fast of each text, done on batches joined into one string: the per-call cost
    of normalising 100,000 short texts one by one is most of the work otherwise."""
    out: list[str] = []
    for start in range(0, len(texts), _FOLD_BATCH):
        batch = texts[start : start + _FOLD_BATCH]
        parts = fold_fast("\x00".join(batch)).split("\x00")
        # NFD, case folding and stripping marks never make or eat a NUL, and a NUL is a
        # starter, so the parts are the folded texts, unless a text held a NUL itself.
        out += parts if len(parts) == len(batch) else [fold_fast(t) for t in batch]
    return out


def filter_rows(
    rows: Sequence[ActivityRow],
    *,
    text: str = "",
    task_code: str | None = None,
    period: Period | None = None,
) -> list[ActivityRow]:
    """Rows matching every word of text (accent-insensitive), the task and the period window.

    Keeps the order of rows. Each condition is one pass over what the previous one kept,
    which answers 100,000 rows in a few tens of milliseconds.
    """
    out = list(rows)
    if task_code:
        out = [r for r in out if r.task_code == task_code]
    if period is not None:
        start, end = period.window.start, period.window.end
        out = [r for r in out if start <= r.date <= end]
    # Longest word first: it usually keeps the fewest rows for the next pass.
    for word in sorted(set(fold(text).split()), key=len, reverse=True):
        out = [r for r in out if word in r.search_key]
    return out


def narrows(old_text: str, new_text: str) -> bool:
    """Whether every row matching new_text also matches old_text (each old word is inside a
    new word), so a search can refine the previous result instead of starting over."""
    new_words = fold(new_text).split()
    return all(any(o in n for n in new_words) for o in fold(old_text).split())


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


@dataclass(frozen=True)
class ActivityChange:
    """One line of an activity's history in words a person reads (no table or column names)."""

    at: dt.datetime  # UTC, as stored
    actor: str
    kind: str  # created | field | value | evidence_added | evidence_removed | deleted | restored
    subject: str  # field: title/date/...; value: indicator name (unit); evidence: file name
    old: str | None
    new: str | None


def activity_history(ws: Workspace, activity_id: int) -> list[ActivityChange]:
    """The activity's changes, oldest first: fields, indicator values, evidence, recycle bin.

    Task ids become task codes, dates dd/mm/yyyy, values get thousands separators. Never
    raises for an activity without history (returns an empty list).
    """
    with ws.db.session() as s:
        entries = _history_entries(s, activity_id)
        words = _HistoryWords(
            codes={i: c for i, c in s.execute(select(m.Task.id, m.Task.code))},
            names={i.id: f"{i.name} ({i.unit})" for i in s.scalars(select(m.Indicator))},
        )
    out: list[ActivityChange] = []
    for e in entries:
        change = words.change(e)
        if change is not None:
            out.append(ActivityChange(e.at, e.actor, *change))
    return out


def _history_entries(s: Session, activity_id: int) -> list[m.AuditEntry]:
    """The audit entries owned by the activity, its creation first."""
    entries = list(
        s.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.owner == f"activities/{activity_id}")
            .order_by(m.AuditEntry.id)
        )
    )
    if not any(e.action == "insert" and e.table_name == "activities" for e in entries):
        # The audit trail writes an insert before the row has its id (record_id ""),
        # so the creation is found by the id inside the logged columns.
        created = s.scalars(
            select(m.AuditEntry)
            .where(
                m.AuditEntry.owner == "activities/",
                m.AuditEntry.action == "insert",
                m.AuditEntry.new.like(f'{{"id": "{int(activity_id)}",%'),
            )
            .limit(1)
        ).first()
        if created is not None:
            entries.insert(0, created)
    return entries


# kind, subject, old, new: an ActivityChange without its time and actor
_Change = tuple[str, str, str | None, str | None]


@dataclass(frozen=True)
class _HistoryWords:
    """Turns audit entries into the words a person reads: task codes, dates, numbers."""

    codes: dict[int, str]  # task id → task code
    names: dict[int, str]  # indicator id → "name (unit)"

    def change(self, e: m.AuditEntry) -> _Change | None:
        """The entry as a change, or None for one a person need not see."""
        if e.table_name == "activities":
            return self._activity(e)
        if e.table_name == "activity_values":
            return self._value(e)
        if e.table_name == "activity_evidence":
            if e.action == "insert":
                return ("evidence_added", _column(e.new, "filename") or "", None, None)
            if e.action == "delete":
                return ("evidence_removed", _column(e.old, "filename") or "", None, None)
        return None

    def _activity(self, e: m.AuditEntry) -> _Change | None:
        if e.action == "insert":
            return ("created", "title", None, _column(e.new, "title"))
        if e.field == "deleted_at":
            return ("deleted" if e.new else "restored", "", None, None)
        if e.field == "task_id":
            return ("field", "task_code", self._task(e.old), self._task(e.new))
        if e.field == "date":
            return ("field", "date", _day(e.old), _day(e.new))
        if e.field in ("title", "description", "location"):
            return ("field", e.field, e.old, e.new)
        return None

    def _value(self, e: m.AuditEntry) -> _Change | None:
        indicator = e.record_id.rpartition("/")[2]
        if e.action == "delete":
            indicator = _column(e.old, "indicator_id") or indicator
        elif e.action == "insert":
            indicator = _column(e.new, "indicator_id") or indicator
        subject = self.names.get(int(indicator), indicator) if indicator.isdigit() else indicator
        if e.action == "insert":
            return ("value", subject, None, _number(_column(e.new, "value")))
        if e.action == "delete":
            return ("value", subject, _number(_column(e.old, "value")), None)
        if e.field == "value":
            return ("value", subject, _number(e.old), _number(e.new))
        return None

    def _task(self, value: str | None) -> str | None:
        return self.codes.get(int(value), value) if value and value.isdigit() else value


def _day(value: str | None) -> str | None:
    try:
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else value
    except ValueError:
        return value


def _number(value: str | int | None) -> str | None:
    from app.text import format_number

    if value is None:
        return None
    try:
        return format_number(int(value))
    except ValueError:
        return str(value)


def _column(blob: str | None, name: str) -> str | None:
    """One column of a logged row (the audit trail stores inserted/deleted rows as JSON)."""
    import json

    try:
        got = json.loads(blob or "{}").get(name)
    except (ValueError, AttributeError):
        return None
    return None if got is None else str(got)
