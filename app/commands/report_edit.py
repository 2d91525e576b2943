"""``tiendo report --set FIELD=VALUE``: write a draft report's sections from the command
line, as the officer does in Báo cáo, so the whole cycle runs without the GUI too.

FIELD is a report field (``overall``, ``difficulties``, ``next_direction``, ``proposals``,
``budget_estimate``, ``budget_note``, ``number``, ``document_date``) or a task's
(``II.1.status``, ``II.1.percent``, ``II.1.narrative``). VALUE is the text itself, or
``@FILE`` for the text of a UTF-8 file. Each value goes through the same checks as in
the GUI; the first bad one stops the command before any later one is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.errors import ConfigError
from app.services.workspace import Workspace

INTEGER_FIELDS = frozenset({"budget_estimate", "percent"})


def apply_sets(ws: Workspace, report_id: int, sets: list[str]) -> list[str]:
    """Write every ``FIELD=VALUE`` into the draft ``report_id``; the fields written."""
    from app.services import reports

    done: list[str] = []
    for item in sets:
        field, value = _split(item)
        task, _, name = field.rpartition(".") if field.count(".") >= 2 else ("", "", field)
        if task:
            if name not in reports.ENTRY_FIELDS:
                raise _unknown(field)
            reports.update_entry(ws, report_id, task, name, _value(name, value))
        else:
            if name not in reports.EDITABLE_FIELDS:
                raise _unknown(field)
            reports.update_report(ws, report_id, name, _value(name, value))
        done.append(field)
    return done


def _split(item: str) -> tuple[str, str]:
    field, sep, value = item.partition("=")
    if not sep or not field.strip():
        raise ConfigError(
            f"“{item}” không có dạng TRƯỜNG=GIÁ_TRỊ.",
            "Ví dụ: --set overall=@danh-gia.txt --set II.1.percent=60.",
        )
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            value = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Không đọc được {path}: {exc}") from None
    return field.strip(), value.strip()


def _value(name: str, text: str) -> object:
    if name == "document_date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ConfigError(f"Ngày “{text}” không hợp lệ; viết dạng YYYY-MM-DD.") from None
    if name in INTEGER_FIELDS:
        digits = text.replace(".", "").replace(",", "").replace(" ", "").removesuffix("%")
        if not digits.isdigit():
            raise ConfigError(f"“{text}” không phải số nguyên không âm ({name}).")
        return int(digits)
    return text


def _unknown(field: str) -> ConfigError:
    from app.services import reports

    names = ", ".join((*reports.EDITABLE_FIELDS, *(f"II.1.{n}" for n in reports.ENTRY_FIELDS)))
    return ConfigError(f"Không có trường “{field}” trong báo cáo.", f"Các trường: {names}.")
