"""Starting a year report from what the officer wrote in the same year's half-year reports.

The year report is drafted from the activities like any other, but its assessment is
usually the 6-month report of the second half (6 tháng cuối năm), written days or minutes
earlier, widened to the whole year. :func:`earlier_texts` finds, for each text section,
the text the officer wrote (not the app's own draft) in the newest revision of that
year's H2 report, else of its H1 report; :func:`use_earlier_texts` copies them into the
year's draft. A text the officer already edited in the year report is replaced only when
they agreed (``replace_edited``); the copied texts count as the officer's own, so
"Cập nhật số liệu" asks before drafting them again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.calendar import Period, PeriodKind
from app.errors import KnownError
from app.services.report_drafting import may_redraft
from app.services.workspace import Workspace
from db import models as m

# the report-wide texts, in the order of the report; task narratives come after
REPORT_TEXTS = ("overall", "difficulties", "proposals", "next_direction")


class CarryError(KnownError):
    """The texts cannot be carried into this report."""


@dataclass(frozen=True)
class EarlierText:
    key: str  # a field of REPORT_TEXTS, or a task's code for its narrative
    text: str
    source: str  # the period code it comes from: "2024-H2" or "2024-H1"
    replaces_edited: bool  # the year report's text there was edited by the officer


def earlier_texts(ws: Workspace, report_id: int) -> list[EarlierText]:
    """What the year report ``report_id`` could start from ([] for any other report, or
    when the half-year reports hold nothing the officer wrote that the year lacks)."""
    with ws.db.session() as s:
        year = _year_report(s, report_id)
        if year is None:
            return []
        target = _texts(s, year)
        sources = [
            (code, _texts(s, report))
            for code in (f"{year.period}-H2", f"{year.period}-H1")
            if (report := _newest(s, year, code)) is not None
        ]
    out = []
    for key, (current, current_edited) in target.items():
        for code, texts in sources:
            text, edited = texts.get(key, ("", False))
            if edited:
                if text.strip() != current.strip():
                    out.append(EarlierText(key, text, code, current_edited))
                break
    return out


def use_earlier_texts(ws: Workspace, report_id: int, *, replace_edited: bool) -> list[str]:
    """Copy :func:`earlier_texts` into the year's draft; returns the keys written. A text
    the officer edited in the year report is kept unless ``replace_edited``. Raises
    CarryError when the report is not a year draft."""
    from app.services.reports import _editable

    chosen = [e for e in earlier_texts(ws, report_id) if replace_edited or not e.replaces_edited]
    with ws.db.transaction() as s:
        report = _editable(s, report_id)  # ReportLocked for a finalized revision
        entries = {e.task.code: e for e in report.entries}
        for e in chosen:
            if e.key in REPORT_TEXTS:
                setattr(report, e.key, e.text)
            elif e.key in entries:
                entries[e.key].narrative = e.text
    return [e.key for e in chosen]


def _year_report(s: Session, report_id: int) -> m.Report | None:
    report = s.get(m.Report, report_id)
    if report is None:
        raise CarryError(f"Không tìm thấy báo cáo số {report_id}.")
    try:
        kind = Period.parse(report.period).kind
    except KnownError:
        return None
    return report if kind is PeriodKind.YEAR else None


def _newest(s: Session, year: m.Report, code: str) -> m.Report | None:
    return s.scalars(
        select(m.Report)
        .where(
            m.Report.unit_id == year.unit_id,
            m.Report.plan_id == year.plan_id,
            m.Report.period == code,
        )
        .order_by(m.Report.revision.desc())
        .limit(1)
    ).first()


def _texts(s: Session, report: m.Report) -> dict[str, tuple[str, bool]]:
    """Each text section of ``report`` -> (its text, whether the officer wrote or changed
    it: not blank and not the app's own draft)."""
    marks = {
        d.key: d
        for d in s.scalars(select(m.DraftedText).where(m.DraftedText.report_id == report.id))
    }
    out: dict[str, tuple[str, bool]] = {}
    for key in REPORT_TEXTS:
        text = getattr(report, key) or ""
        out[key] = (text, not may_redraft(text, marks.get(key), False))
    for entry in sorted(report.entries, key=lambda e: e.position):
        code = entry.task.code
        mark = marks.get(f"narrative:{code}")
        out[code] = (entry.narrative, not may_redraft(entry.narrative, mark, False))
    return out
