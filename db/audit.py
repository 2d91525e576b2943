"""The audit trail: every insert, update and delete made through a session is logged
(who, when, table, record, field, old -> new) in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from db.models import AuditEntry, Base, utcnow

ACTOR_KEY = "actor"


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def _record_id(obj: Base) -> str:
    # From the primary key columns, not the identity key: a row inserted in this flush
    # has its id by after_flush, but its identity key is only set afterwards.
    state = inspect(obj)
    key = state.mapper.primary_key_from_instance(obj)
    return "/".join("" if part is None else str(part) for part in key)


def _owner(obj: Base) -> str:
    spec = getattr(obj, "__audit_owner__", None)
    if spec is None:
        return f"{obj.__tablename__}/{_record_id(obj)}"
    table, attr = spec
    return f"{table}/{getattr(obj, attr)}"


def _columns(obj: Base) -> dict[str, str | None]:
    mapper = inspect(obj).mapper
    return {attr.key: _plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _rows_for_flush(session: Session) -> list[dict[str, Any]]:
    actor = str(session.info.get(ACTOR_KEY, "hệ thống"))
    now = utcnow()
    rows: list[dict[str, Any]] = []

    def row(obj: Base, action: str, field: str, old: str | None, new: str | None) -> None:
        rows.append(
            {
                "at": now,
                "actor": actor,
                "action": action,
                "table_name": obj.__tablename__,
                "record_id": _record_id(obj),
                "field": field,
                "old": old,
                "new": new,
                "owner": _owner(obj),
            }
        )

    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry):
            row(obj, "insert", "", None, json.dumps(_columns(obj), ensure_ascii=False))
    for obj in session.dirty:
        if not isinstance(obj, Base) or isinstance(obj, AuditEntry):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = _plain(hist.deleted[0]) if hist.deleted else None
            new = _plain(hist.added[0]) if hist.added else None
            if old != new and attr.key != "updated_at":
                row(obj, "update", attr.key, old, new)
    for obj in session.deleted:
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry):
            row(obj, "delete", "", json.dumps(_columns(obj), ensure_ascii=False), None)
    return rows


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    # after_flush, not before_flush: new rows have their primary keys by now, and the
    # attribute history is still intact until after_flush_postexec.
    rows = _rows_for_flush(session)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install(session_class: type[Session]) -> None:
    """Log every change made through sessions of this class. Idempotent."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)
