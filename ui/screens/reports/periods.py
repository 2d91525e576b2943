"""The periods the Báo cáo screen offers: which ones, how each is listed, which one the
officer most likely wants, and the line about the chosen one's data and due date.

Strings keep the translation context "ReportsScreen" they had before the screen was
split (see texts.py).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.calendar import (
    MIN_YEAR,
    Period,
    PeriodKind,
    due_date,
    period_of,
    periods_of_year,
    required_periods,
)
from app.services import reports
from app.services.reports import ReportSummary
from app.services.workspace import Workspace
from app.text import format_number
from ui.context import AppContext
from ui.screens.reports.texts import LATE_COLOUR, state_text


@dataclass(frozen=True)
class PeriodRow:
    """One line of the period chooser."""

    period: Period
    latest: ReportSummary | None
    due: dt.date
    required: bool  # the plan asks for this report (app.calendar.required_periods)
    late: bool  # required, not sent, due since the unit follows the plan, and past due


def period_rows(
    plan_kinds: list[PeriodKind],
    due_days: int,
    summaries: list[ReportSummary],
    activity_years: list[int],
    today: dt.date,
    *,
    show_all: bool,
    since: dt.date | None = None,
) -> list[PeriodRow]:
    """The periods to offer, newest year first: in each year the periods the plan
    requires, then (when asked, or when a report exists) the others. Periods whose window
    has not started yet are left out unless they have a report; a report that fell due
    before ``since`` (when the unit began following the plan) is never late."""
    latest: dict[str, ReportSummary] = {}
    for s in summaries:  # oldest revision first: the last one wins
        latest[s.period] = s
    current = period_of(today, PeriodKind.YEAR).year
    years = {current, *activity_years, *(Period.parse(p).year for p in latest)}
    # last year's late reports are offered even without activities (Tổng quan lists them)
    if current - 1 >= MIN_YEAR and any(
        today > due_date(p, due_days) and (since is None or due_date(p, due_days) >= since)
        for p in required_periods(current - 1, plan_kinds)
    ):
        years.add(current - 1)
    rows: list[PeriodRow] = []
    for year in sorted(years, reverse=True):
        periods = required_periods(year, plan_kinds)
        wanted = set(periods)
        extra = [p for p in periods_of_year(year) if p not in wanted]
        periods += [p for p in extra if show_all or p.code in latest]
        for period in periods:
            summary = latest.get(period.code)
            if summary is None and period.window.start > today:
                continue
            due = due_date(period, due_days)
            submitted = summary is not None and summary.state in ("exported", "received")
            required = period in wanted
            late = required and not submitted and today > due and (since is None or due >= since)
            rows.append(PeriodRow(period, summary, due, required, late))
    return rows


def default_period(rows: list[PeriodRow], today: dt.date) -> str | None:
    """The report the officer most likely opens the screen for: the newest draft, else
    the first report not yet sent whose data window has ended, else the newest period."""
    drafts = [r for r in rows if r.latest is not None and r.latest.state == "draft"]
    if drafts:
        return max(drafts, key=lambda r: r.due).period.code
    waiting = [
        r
        for r in rows
        if r.required
        and r.period.window.end < today
        and (r.latest is None or r.latest.state not in ("exported", "received"))
    ]
    if waiting:
        return max(waiting, key=lambda r: r.due).period.code
    return rows[0].period.code if rows else None


def period_info(
    ws: Workspace, period: Period | None, latest: ReportSummary | None, today: dt.date
) -> str:
    """The chosen period's data window, activity count and due date (rich text)."""
    if period is None:
        return QCoreApplication.translate(
            "ReportsScreen", "Chưa có kỳ báo cáo nào. Hãy ghi hoạt động trước."
        )
    submitted = latest is not None and latest.state in ("exported", "received")
    if period in required_periods(period.year, ws.plan.reporting.kinds):
        due = due_date(period, ws.plan.reporting.due_days_after_cutoff)
        due_text = html.escape(
            QCoreApplication.translate("ReportsScreen", "Hạn gửi: %1").replace(
                "%1", due.strftime("%d/%m/%Y")
            )
        )
        if not submitted and today > due:
            due_text = (
                f"<span style='color:{LATE_COLOUR}'><b>"
                + html.escape(
                    QCoreApplication.translate("ReportsScreen", "Hạn gửi: %1, đã quá hạn").replace(
                        "%1", due.strftime("%d/%m/%Y")
                    )
                )
                + "</b></span>"
            )
    else:
        due_text = html.escape(
            QCoreApplication.translate("ReportsScreen", "Kế hoạch không yêu cầu báo cáo kỳ này")
        )
    count = reports.activity_count(ws, period)
    return (
        html.escape(
            QCoreApplication.translate(
                "ReportsScreen", "Số liệu từ %1 đến %2 · %3 hoạt động trong kỳ · %4"
            )
        )
        .replace("%1", period.window.start.strftime("%d/%m/%Y"))
        .replace("%2", period.window.end.strftime("%d/%m/%Y"))
        .replace("%3", format_number(count))
        .replace("%4", due_text)
    )


class PeriodChooser(QWidget):
    """The "Kỳ báo cáo" list, newest year first, and the box that adds the other kinds."""

    chosen = Signal()  # the officer picked another period (not emitted while refilling)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._filling = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(QCoreApplication.translate("ReportsScreen", "&Kỳ báo cáo:"))
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setAccessibleName(QCoreApplication.translate("ReportsScreen", "Kỳ báo cáo"))
        self.combo.setMaxVisibleItems(20)
        caption.setBuddy(self.combo)
        self.show_all = QCheckBox(
            QCoreApplication.translate("ReportsScreen", "Hiện cả kỳ tháng, &quý, 9 tháng")
        )
        row.addWidget(caption)
        row.addWidget(self.combo)
        row.addSpacing(12)
        row.addWidget(self.show_all)
        row.addStretch(1)
        self.combo.currentIndexChanged.connect(self._index_changed)

    @Slot()
    def _index_changed(self) -> None:
        if not self._filling:
            self.chosen.emit()

    def period(self) -> Period | None:
        code = self.combo.currentData()
        return Period.parse(code) if isinstance(code, str) else None

    def _label(self, period: Period) -> str:
        text = self.ctx.period_label(period)
        return text[:1].upper() + text[1:]

    def rebuild(self, keep: str | None, today: dt.date) -> Period | None:
        """List the periods again, keeping ``keep`` when it is still listed; returns the
        chosen period."""
        ws = self.ctx.ws
        rows = period_rows(
            [PeriodKind(k) for k in ws.plan.reporting.kinds],
            ws.plan.reporting.due_days_after_cutoff,
            reports.all_reports(ws),
            reports.activity_years(ws),
            today,
            show_all=self.show_all.isChecked(),
            since=ws.current.followed_since,
        )
        self._filling = True
        try:
            self.combo.clear()
            self._add_rows(rows)
            if keep is None:
                keep = default_period(rows, today)
            index = self.combo.findData(keep) if keep else -1
            if index < 0 and rows:
                index = self.combo.findData(default_period(rows, today))
            self.combo.setCurrentIndex(index)
        finally:
            self._filling = False
        return self.period()

    def _add_rows(self, rows: list[PeriodRow]) -> None:
        year: int | None = None
        for row in rows:
            if year is not None and row.period.year != year:
                self.combo.insertSeparator(self.combo.count())
            year = row.period.year
            if row.late:
                text = QCoreApplication.translate("ReportsScreen", "%1 — %2 — hạn %3, đã quá hạn")
            elif row.required:
                text = QCoreApplication.translate("ReportsScreen", "%1 — %2 — hạn %3")
            else:
                text = QCoreApplication.translate("ReportsScreen", "%1 — %2")
            text = (
                text.replace("%1", self._label(row.period))
                .replace("%2", state_text(row.latest))
                .replace("%3", row.due.strftime("%d/%m/%Y"))
            )
            self.combo.addItem(text, row.period.code)
            if row.late:
                self.combo.setItemData(
                    self.combo.count() - 1,
                    QBrush(QColor(LATE_COLOUR)),
                    Qt.ItemDataRole.ForegroundRole,
                )

    def select(self, code: str) -> None:
        """Choose the period ``code``; other kinds are listed first if needed.

        Raises KeyError when the period is not offered at all."""
        index = self.combo.findData(code)
        if index < 0 and not self.show_all.isChecked():
            self.show_all.setChecked(True)
            index = self.combo.findData(code)
        if index < 0:
            raise KeyError(code)
        self.combo.setCurrentIndex(index)
