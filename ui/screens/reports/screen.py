"""Báo cáo: choose a period, draft its report from the activities, edit it (every change is
saved as it is typed), check and finalize it, revise a finalized one, and preview, print
or save the PDF the leader signs."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period, PeriodKind, due_date, period_of, periods_of_year
from app.errors import KnownError
from app.plan import IndicatorKind, Task, TimeframeKind
from app.report_data import TaskEntry
from app.services import reports
from app.services.reports import Problem, ReportSummary
from app.text import fold, format_number
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.editors import (
    AutoText,
    MoneyEdit,
    OptionalDateEdit,
    QuietComboBox,
    QuietSpinBox,
)
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import confirm, show_error
from ui.widgets.pdf_preview import PdfPreviewDialog, ask_save_path, load_pdf, print_pdf
from ui.worker import Job

# Edits are written this long after the last keystroke (and at once when a field is left).
SAVE_DELAY_MS = 500

STATUS_LABELS: dict[str, str] = {
    "not_started": str(QT_TRANSLATE_NOOP("ReportsScreen", "Chưa triển khai")),
    "in_progress": str(QT_TRANSLATE_NOOP("ReportsScreen", "Đang thực hiện")),
    "done": str(QT_TRANSLATE_NOOP("ReportsScreen", "Đã hoàn thành")),
    "not_applicable": str(QT_TRANSLATE_NOOP("ReportsScreen", "Không áp dụng")),
}
LATE_COLOUR = "#b00020"
READ_ONLY_STYLE = (
    'QTextEdit[readOnly="true"], QLineEdit[readOnly="true"], '
    'QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
)
DONE_COLOUR = "#1b7f3b"


def status_label(status: str) -> str:
    return QCoreApplication.translate("ReportsScreen", STATUS_LABELS[status])


def local_time(moment: dt.datetime) -> dt.datetime:
    """Stored times are UTC without a zone (db.models.utcnow); people read local time."""
    return moment.replace(tzinfo=dt.UTC).astimezone()


def inform(parent: QWidget, title: str, text: str, details: str = "") -> None:
    """A plain information box (tests replace it rather than click it)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setInformativeText(details)
    box.exec()


@dataclass(frozen=True)
class PeriodRow:
    """One line of the period chooser."""

    period: Period
    latest: ReportSummary | None
    due: dt.date
    required: bool  # the plan asks for reports of this kind
    late: bool  # required, not sent, and the due date has passed


def period_rows(
    plan_kinds: list[PeriodKind],
    due_days: int,
    summaries: list[ReportSummary],
    activity_years: list[int],
    today: dt.date,
    *,
    show_all: bool,
) -> list[PeriodRow]:
    """The periods to offer, newest year first: in each year the plan's reporting kinds,
    then (when asked, or when a report exists) the other kinds. Periods whose window has
    not started yet are left out unless they have a report."""
    latest: dict[str, ReportSummary] = {}
    for s in summaries:  # oldest revision first: the last one wins
        latest[s.period] = s
    current = period_of(today, PeriodKind.YEAR).year
    years = {current, *activity_years, *(Period.parse(p).year for p in latest)}
    other_kinds = [k for k in PeriodKind if k not in plan_kinds]
    rows: list[PeriodRow] = []
    for year in sorted(years, reverse=True):
        periods = periods_of_year(year, plan_kinds)
        extra = periods_of_year(year, other_kinds)
        periods += [p for p in extra if show_all or p.code in latest]
        for period in periods:
            summary = latest.get(period.code)
            if summary is None and period.window.start > today:
                continue
            due = due_date(period, due_days)
            submitted = summary is not None and summary.state in ("exported", "received")
            required = period.kind in plan_kinds
            late = required and not submitted and today > due
            rows.append(PeriodRow(period, summary, due, required, late))
    return rows


class TaskSection(QFrame):
    """One task of the plan in the report: what was done, status, % done, indicators."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("taskSection")
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{html.escape(task.code)}. {html.escape(task.title)}</b>")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(title)
        layout.addWidget(self.meta)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Chỉ tiêu"), self.tr("Kết quả trong kỳ")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Chỉ tiêu của nhiệm vụ %1").replace("%1", task.code))
        layout.addWidget(self.table)

        row = QHBoxLayout()
        status_caption = QLabel(self.tr("Tình trạng:"))
        self.status = QuietComboBox()
        for code in reports.STATUSES:
            self.status.addItem(status_label(code), code)
        self.status.setAccessibleName(self.tr("Tình trạng nhiệm vụ %1").replace("%1", task.code))
        status_caption.setBuddy(self.status)
        row.addWidget(status_caption)
        row.addWidget(self.status)
        self.is_deadline = task.timeframe.kind == TimeframeKind.DEADLINE
        self.percent_caption = QLabel(self.tr("Tỷ lệ hoàn thành:"))
        self.percent = QuietSpinBox()
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText(self.tr("chưa nhập"))
        self.percent.setSuffix(" %")
        self.percent.setAccessibleName(
            self.tr("Tỷ lệ hoàn thành nhiệm vụ %1").replace("%1", task.code)
        )
        self.percent_caption.setBuddy(self.percent)
        row.addSpacing(16)
        row.addWidget(self.percent_caption)
        row.addWidget(self.percent)
        self.percent_caption.setVisible(self.is_deadline)
        self.percent.setVisible(self.is_deadline)
        row.addStretch(1)
        layout.addLayout(row)

        narrative_caption = QLabel(self.tr("Kết quả thực hiện:"))
        self.narrative = AutoText(min_lines=3, max_lines=14)
        self.narrative.setPlaceholderText(
            self.tr("Nêu các việc đã làm trong kỳ, kết quả đạt được.")
        )
        self.narrative.setAccessibleName(
            self.tr("Kết quả thực hiện nhiệm vụ %1").replace("%1", task.code)
        )
        narrative_caption.setBuddy(self.narrative)
        layout.addWidget(narrative_caption)
        layout.addWidget(self.narrative)

    def set_entry(self, entry: TaskEntry) -> None:
        self.meta.setText(
            self.tr("Thời gian thực hiện: %1 · %2 hoạt động trong kỳ")
            .replace("%1", self.task.timeframe.text)
            .replace("%2", format_number(entry.activity_count))
        )
        self.table.setRowCount(len(entry.indicators))
        for i, ind in enumerate(entry.indicators):
            name = QTableWidgetItem(ind.name)
            if ind.kind == IndicatorKind.MONEY.value:
                shown = self.tr("%1 đ").replace("%1", format_number(ind.value))
            else:
                # The number, then the plan's unit of measure ("133 cuộc").
                shown = self.tr("%1 %2").replace("%1", format_number(ind.value))
                shown = shown.replace("%2", ind.unit)
            value = QTableWidgetItem(shown)
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, value)
        self.table.setVisible(bool(entry.indicators))
        self._fit_table()
        self.status.setCurrentIndex(max(0, self.status.findData(entry.status)))
        self.percent.setValue(-1 if entry.percent is None else entry.percent)
        self.narrative.set_text(entry.narrative)

    def _fit_table(self) -> None:
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_table()

    def percent_value(self) -> int | None:
        value = self.percent.value()
        return None if value < 0 else value

    def set_read_only(self, read_only: bool) -> None:
        self.status.setEnabled(not read_only)
        self.percent.setReadOnly(read_only)
        self.percent.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
        self.narrative.setReadOnly(read_only)


class ReportEditor(QWidget):
    """The fields of one report revision. Each change is queued and written shortly after
    (or when the field is left); :meth:`flush` writes what is queued at once."""

    saved = Signal()  # queued edits reached the database
    save_failed = Signal()  # they did not: show the report again from the database

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report_id: int | None = None
        self.counted = 0  # activities the shown report counted, all tasks together
        self.read_only = True
        self._loading = False
        self._pending: dict[tuple[str, str], Callable[[], object]] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)

        self.setStyleSheet(READ_ONLY_STYLE)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        doc_box = QFormLayout()
        doc_box.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Ví dụ: 215/BC-UBND"))
        self.number.setMinimumWidth(220)
        self.number.setAccessibleName(self.tr("Số báo cáo"))
        self.document_date = OptionalDateEdit(self.tr("lấy ngày chốt"))
        self.document_date.setMinimumWidth(160)
        self.document_date.setAccessibleName(self.tr("Ngày báo cáo"))
        self.document_date.setToolTip(self.tr("Để trống thì ngày báo cáo là ngày chốt báo cáo."))
        doc_box.addRow(self._caption(self.tr("Số &báo cáo:"), self.number), self.number)
        doc_box.addRow(
            self._caption(self.tr("Ngà&y báo cáo:"), self.document_date), self.document_date
        )
        layout.addLayout(doc_box)

        self.overall = self._text_section(
            layout, self.tr("I. Đánh &giá chung"), self.tr("Đánh giá chung"), 4
        )
        self.overall.setPlaceholderText(
            self.tr("Tình hình chung, kết quả nổi bật trong kỳ, những mặt còn hạn chế.")
        )
        layout.addWidget(heading(self.tr("II. Kết quả thực hiện các nhiệm vụ"), 2))
        self.sections_layout = QVBoxLayout()
        self.sections_layout.setSpacing(10)
        layout.addLayout(self.sections_layout)
        self.sections: dict[str, TaskSection] = {}
        self.difficulties = self._text_section(
            layout, self.tr("III. Khó khăn, &vướng mắc"), self.tr("Khó khăn, vướng mắc"), 3
        )
        self.difficulties.setPlaceholderText(self.tr("Ghi “Không có” nếu không có."))
        self.proposals = self._text_section(
            layout, self.tr("IV. Đề x&uất, kiến nghị"), self.tr("Đề xuất, kiến nghị"), 3
        )
        self.proposals.setPlaceholderText(self.tr("Ghi “Không có” nếu không có."))
        self.next_direction = self._text_section(
            layout,
            self.tr("V. Phương hướng, &nhiệm vụ kỳ tới"),
            self.tr("Phương hướng, nhiệm vụ kỳ tới"),
            3,
        )

        self.budget_box = QWidget()
        bl = QVBoxLayout(self.budget_box)
        bl.setContentsMargins(0, 0, 0, 0)
        self.budget_heading = heading("", 2)
        bl.addWidget(self.budget_heading)
        self.budget_hint = QLabel()
        self.budget_hint.setWordWrap(True)
        self.budget_hint.setStyleSheet("color: palette(placeholder-text);")
        bl.addWidget(self.budget_hint)
        money_row = QHBoxLayout()
        self.budget_caption = QLabel()
        self.budget_estimate = MoneyEdit()
        self.budget_estimate.setPlaceholderText(self.tr("chưa nhập"))
        self.budget_estimate.setMinimumWidth(200)
        self.budget_estimate.setAccessibleName(self.tr("Dự toán kinh phí năm sau (đồng)"))
        self.budget_caption.setBuddy(self.budget_estimate)
        money_row.addWidget(self.budget_caption)
        money_row.addWidget(self.budget_estimate)
        money_row.addWidget(QLabel(self.tr("đồng")))
        money_row.addStretch(1)
        bl.addLayout(money_row)
        note_caption = QLabel(self.tr("Thuyết &minh dự toán:"))
        self.budget_note = AutoText(min_lines=2, max_lines=8)
        self.budget_note.setAccessibleName(self.tr("Thuyết minh dự toán"))
        note_caption.setBuddy(self.budget_note)
        bl.addWidget(note_caption)
        bl.addWidget(self.budget_note)
        layout.addWidget(self.budget_box)
        layout.addStretch(1)

        self.number.textEdited.connect(lambda _t: self._queue("", "number", self.number.text))
        self.number.editingFinished.connect(self.flush)
        self.document_date.dateChanged.connect(
            lambda _d: self._queue("", "document_date", self.document_date.date_value)
        )
        self.document_date.editingFinished.connect(self.flush)
        for name in ("overall", "difficulties", "proposals", "next_direction", "budget_note"):
            self._watch_text("", name, getattr(self, name))
        self.budget_estimate.textEdited.connect(
            lambda _t: self._queue("", "budget_estimate", self.budget_estimate.value)
        )
        self.budget_estimate.editingFinished.connect(self.flush)

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _text_section(self, layout: QVBoxLayout, title: str, name: str, lines: int) -> AutoText:
        label = heading(title, 2)
        edit = AutoText(min_lines=lines, max_lines=16)
        edit.setAccessibleName(name)
        label.setBuddy(edit)
        layout.addWidget(label)
        layout.addWidget(edit)
        return edit

    def _watch_text(self, scope: str, name: str, edit: AutoText) -> None:
        edit.textChanged.connect(lambda: self._queue(scope, name, edit.text))
        edit.editingFinished.connect(self.flush)

    def _queue(self, scope: str, name: str, value: Callable[[], object]) -> None:
        """Remember that a field changed; ``scope`` is "" for the report or a task code."""
        if self._loading or self.read_only or self.report_id is None:
            return
        self._pending[(scope, name)] = value
        self.timer.start()

    def has_pending(self) -> bool:
        return bool(self._pending)

    @Slot()
    def flush(self) -> bool:
        """Write every queued edit now; False (after telling the user) if one failed."""
        self.timer.stop()
        if not self._pending or self.report_id is None:
            self._pending.clear()
            return True
        pending, self._pending = self._pending, {}
        ws = self.ctx.ws
        try:
            for (scope, name), value in pending.items():
                if scope:
                    reports.update_entry(ws, self.report_id, scope, name, value())
                else:
                    reports.update_report(ws, self.report_id, name, value())
        except KnownError as exc:
            show_error(self, exc)
            self.save_failed.emit()
            return False
        self.saved.emit()
        return True

    def _ensure_sections(self, entries: tuple[TaskEntry, ...]) -> None:
        codes = [e.code for e in entries]
        if codes == list(self.sections):
            return
        for section in self.sections.values():
            self.sections_layout.removeWidget(section)
            section.deleteLater()
        self.sections = {}
        plan = self.ctx.ws.plan
        for code in codes:
            section = TaskSection(plan.task(code))
            self.sections[code] = section
            self.sections_layout.addWidget(section)
            self._watch_text(code, "narrative", section.narrative)
            section.status.currentIndexChanged.connect(
                lambda _i, s=section: self._status_changed(s)
            )
            section.percent.valueChanged.connect(
                lambda _v, s=section: self._queue(s.task.code, "percent", s.percent_value)
            )
            section.percent.editingFinished.connect(self.flush)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes down the form as it reads; the task sections are made later than the
        fields around them, so the focus chain is set explicitly."""
        chain: list[QWidget] = [self.number, self.document_date, self.overall]
        for section in self.sections.values():
            chain += [section.table, section.status, section.percent, section.narrative]
        chain += [
            self.difficulties,
            self.proposals,
            self.next_direction,
            self.budget_estimate,
            self.budget_note,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _status_changed(self, section: TaskSection) -> None:
        if self._loading or self.read_only:
            return
        status = section.status.currentData()
        self._queue(section.task.code, "status", lambda: status)
        if status == "done" and section.is_deadline and section.percent_value() != 100:
            section.percent.setValue(100)  # "done" means 100%: validation asks for it
        self.flush()

    def load(self, report_id: int, *, read_only: bool) -> None:
        """Show a report revision; queued edits of the previous one are written first."""
        self.flush()
        ws = self.ctx.ws
        fields = reports.report_fields(ws, report_id)
        data = reports.report_data(ws, report_id)
        period = Period.parse(data.period)
        self._loading = True
        try:
            self.report_id = report_id
            self._ensure_sections(data.entries)
            self.number.setText(str(fields["number"] or ""))
            day = fields["document_date"]
            self.document_date.set_date_value(day if isinstance(day, dt.date) else None)
            for name in ("overall", "difficulties", "proposals", "next_direction", "budget_note"):
                edit: AutoText = getattr(self, name)
                edit.set_text(str(fields[name] or ""))
            for entry in data.entries:
                self.sections[entry.code].set_entry(entry)
            self.counted = sum(e.activity_count for e in data.entries)
            is_year = period.kind == PeriodKind.YEAR
            self.budget_box.setVisible(is_year)
            self.budget_heading.setText(
                self.tr("VI. Dự toán kinh phí năm %1").replace("%1", str(period.year + 1))
            )
            self.budget_caption.setText(
                self.tr("&Dự toán kinh phí năm %1:").replace("%1", str(period.year + 1))
            )
            self.budget_hint.setText(
                self.tr("Kế hoạch, mục III: %1").replace("%1", ws.plan.budget.text)
            )
            note = str(fields["budget_note"] or "").strip()
            self.budget_hint.setVisible(note != ws.plan.budget.text.strip())
            self.budget_note.setToolTip(ws.plan.budget.text)
            estimate = fields["budget_estimate"]
            self.budget_estimate.set_value(estimate if isinstance(estimate, int) else None)
            self.set_read_only(read_only)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for line in (self.number, self.budget_estimate):
            line.setReadOnly(read_only)
        self.document_date.setReadOnly(read_only)
        self.document_date.setCalendarPopup(not read_only)
        self.document_date.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
        for edit in self.text_edits():
            edit.setReadOnly(read_only)
        for section in self.sections.values():
            section.set_read_only(read_only)
        # Locked fields lose the white of a field one can type in (READ_ONLY_STYLE).
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QTextEdit | QLineEdit | QAbstractSpinBox):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def text_edits(self) -> list[AutoText]:
        edits = [self.overall, self.difficulties, self.proposals, self.next_direction]
        edits += [s.narrative for s in self.sections.values()]
        return [*edits, self.budget_note]

    def widget_for(self, problem: Problem) -> QWidget | None:
        """The field a validation problem is about, to jump to it."""
        if problem.task_code:
            section = self.sections.get(problem.task_code)
            if section is None:
                return None
            return {
                "status": section.status,
                "percent": section.percent,
                "narrative": section.narrative,
            }.get(problem.field, section.narrative)
        widgets: dict[str, QWidget] = {
            "number": self.number,
            "document_date": self.document_date,
            "overall": self.overall,
            "difficulties": self.difficulties,
            "proposals": self.proposals,
            "next_direction": self.next_direction,
            "budget_estimate": self.budget_estimate,
            "budget_note": self.budget_note,
        }
        return widgets.get(problem.field)


class ReportsScreen(QWidget):
    """The period chooser, the report editor and the report's actions."""

    report_shown = Signal(int)  # the report id now on screen; 0 when the period has none
    pdf_ready = Signal(str, str)  # purpose ("preview", "print", "save"), PDF path

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.today: Callable[[], dt.date] = dt.date.today
        self.period: Period | None = None
        self.revs: list[ReportSummary] = []
        self.shown: ReportSummary | None = None
        self.preview_dialog: PdfPreviewDialog | None = None
        self.jobs: list[Job] = []
        self._ended: set[int] = set()
        self._emitting = False
        self._filling = False
        self._activities_touched = False
        self._tmp = tempfile.TemporaryDirectory(prefix="tiendo-pdf-", ignore_cleanup_errors=True)
        self._pdf_serial = itertools.count(1)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Báo cáo")))
        top.addStretch(1)
        self.save_state = QLabel()
        self.save_state.setStyleSheet("color: palette(placeholder-text);")
        top.addWidget(self.save_state)
        layout.addLayout(top)

        chooser = QHBoxLayout()
        period_caption = QLabel(self.tr("&Kỳ báo cáo:"))
        self.period_combo = QComboBox()
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_combo.setAccessibleName(self.tr("Kỳ báo cáo"))
        self.period_combo.setMaxVisibleItems(20)
        period_caption.setBuddy(self.period_combo)
        self.show_all = QCheckBox(self.tr("Hiện cả kỳ tháng, &quý, 9 tháng"))
        chooser.addWidget(period_caption)
        chooser.addWidget(self.period_combo)
        chooser.addSpacing(12)
        chooser.addWidget(self.show_all)
        chooser.addStretch(1)
        layout.addLayout(chooser)
        self.period_info = QLabel()
        self.period_info.setWordWrap(True)
        self.period_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.period_info)

        actions = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Cập nhật &số liệu"))
        self.refresh_button.setToolTip(
            self.tr("Tính lại số hoạt động và các chỉ tiêu từ các hoạt động đã ghi trong kỳ.")
        )
        self.check_button = QPushButton(self.tr("Kiểm &tra"))
        self.check_button.setToolTip(self.tr("Xem phần nào còn thiếu trước khi chốt."))
        self.finalize_button = QPushButton(self.tr("&Chốt báo cáo"))
        self.finalize_button.setToolTip(
            self.tr("Khóa báo cáo để in, ký và gửi; sau khi chốt không sửa trực tiếp được nữa.")
        )
        self.revise_button = QPushButton(self.tr("&Sửa đổi"))
        self.revise_button.setToolTip(
            self.tr("Tạo bản sửa đổi (lần mới) từ báo cáo đã chốt; bản đã chốt được giữ nguyên.")
        )
        self.latest_button = QPushButton(self.tr("X&em bản mới nhất"))
        self.preview_button = QPushButton(self.tr("&Xem trước"))
        self.preview_button.setToolTip(self.tr("Xem báo cáo đúng như khi in ra giấy."))
        self.print_button = QPushButton(self.tr("&In…"))
        self.save_pdf_button = QPushButton(self.tr("Lưu &PDF…"))
        for button in (
            self.refresh_button,
            self.check_button,
            self.finalize_button,
            self.revise_button,
            self.latest_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        self.banner = QFrame()
        self.banner.setObjectName("reportBanner")
        bl = QVBoxLayout(self.banner)
        bl.setContentsMargins(8, 6, 8, 6)
        bl.setSpacing(2)
        self.banner_title = QLabel()
        self.banner_title.setWordWrap(True)
        font = self.banner_title.font()
        font.setBold(True)
        self.banner_title.setFont(font)
        self.banner_title.setAccessibleName(self.tr("Tình trạng báo cáo"))
        self.banner_note = QLabel()
        self.banner_note.setWordWrap(True)
        bl.addWidget(self.banner_title)
        bl.addWidget(self.banner_note)
        layout.addWidget(self.banner)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.empty_page = QWidget()
        el = QVBoxLayout(self.empty_page)
        el.addStretch(1)
        self.empty_title = heading("", 2)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton(self.tr("&Lập báo cáo"))
        self.create_button.setMinimumHeight(36)
        self.create_button.setToolTip(
            self.tr("Soạn bản nháp báo cáo từ các hoạt động đã ghi trong kỳ.")
        )
        el.addWidget(self.empty_title)
        el.addWidget(self.empty_text)
        el.addWidget(self.empty_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        row.addStretch(1)
        el.addLayout(row)
        el.addStretch(2)
        self.pages.addWidget(self.empty_page)

        self.editor = ReportEditor(ctx)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.editor)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        self.problems_caption = heading(self.tr("Cần hoàn thiện trước khi chốt"), 2)
        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)
        self.problems_list.setAccessibleName(self.tr("Những phần cần hoàn thiện"))
        self.problems_list.setToolTip(self.tr("Bấm vào một dòng để đến phần cần sửa."))
        self.problems_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        history_caption = heading(self.tr("Các &lần báo cáo"), 2)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("Lần"), self.tr("Trạng thái"), self.tr("Ngày tạo"), self.tr("Ngày chốt")]
        )
        self.history.setAccessibleName(self.tr("Các lần báo cáo"))
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        self.history.setMaximumHeight(150)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        history_caption.setBuddy(self.history)
        sl.addWidget(self.problems_caption)
        sl.addWidget(self.problems_list, 1)
        sl.addWidget(history_caption)
        sl.addWidget(self.history)
        sl.addStretch()  # keeps the history up when the checklist is hidden
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.scroll_area)
        self.split.addWidget(side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setSizes([690, 320])
        self.split.setChildrenCollapsible(False)
        self.pages.addWidget(self.split)

        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.show_all.toggled.connect(self._fill_periods)
        self.create_button.clicked.connect(self.create_report)
        self.refresh_button.clicked.connect(self.refresh_numbers)
        self.check_button.clicked.connect(self.check_report)
        self.finalize_button.clicked.connect(self.finalize_report)
        self.revise_button.clicked.connect(self.revise_report)
        self.latest_button.clicked.connect(self.show_latest)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.problems_list.itemActivated.connect(self._jump_to_item)
        self.problems_list.itemClicked.connect(self._jump_to_item)
        self.history.currentItemChanged.connect(self._revision_chosen)
        self.editor.saved.connect(self._edits_saved)
        self.editor.save_failed.connect(self._reload)
        ctx.reports_changed.connect(self._reports_changed_elsewhere)
        ctx.activities_changed.connect(self._activities_changed)

        self._fill_periods()

    # ----------------------------------------------------------------- periods

    def state_text(self, summary: ReportSummary | None) -> str:
        if summary is None:
            return self.tr("chưa lập")
        n = str(summary.revision)
        if summary.state == "draft":
            if summary.revision == 1:
                return self.tr("bản nháp")
            return self.tr("bản nháp sửa đổi lần %1").replace("%1", n)
        if summary.state == "finalized":
            return self.tr("đã chốt lần %1").replace("%1", n)
        if summary.state == "exported":
            return self.tr("đã gửi (lần %1)").replace("%1", n)
        return self.tr("tỉnh đã nhận (lần %1)").replace("%1", n)

    def _label(self, period: Period) -> str:
        text = self.ctx.period_label(period)
        return text[:1].upper() + text[1:]

    @Slot()
    def _fill_periods(self) -> None:
        """(Re)build the chooser and show the chosen period's newest report."""
        self.editor.flush()
        self._rebuild_chooser()
        self._show(None)

    def _rebuild_chooser(self) -> None:
        """List the periods again, keeping the chosen one when it is still listed."""
        ws = self.ctx.ws
        today = self.today()
        rows = period_rows(
            [PeriodKind(k) for k in ws.plan.reporting.kinds],
            ws.plan.reporting.due_days_after_cutoff,
            reports.all_reports(ws),
            reports.activity_years(ws),
            today,
            show_all=self.show_all.isChecked(),
        )
        keep = self.period.code if self.period else None
        self._filling = True
        try:
            self.period_combo.clear()
            year: int | None = None
            for row in rows:
                if year is not None and row.period.year != year:
                    self.period_combo.insertSeparator(self.period_combo.count())
                year = row.period.year
                if row.late:
                    text = self.tr("%1 — %2 — hạn %3, đã quá hạn")
                elif row.required:
                    text = self.tr("%1 — %2 — hạn %3")
                else:
                    text = self.tr("%1 — %2")
                text = (
                    text.replace("%1", self._label(row.period))
                    .replace("%2", self.state_text(row.latest))
                    .replace("%3", row.due.strftime("%d/%m/%Y"))
                )
                self.period_combo.addItem(text, row.period.code)
                index = self.period_combo.count() - 1
                if row.late:
                    self.period_combo.setItemData(
                        index, QBrush(QColor(LATE_COLOUR)), Qt.ItemDataRole.ForegroundRole
                    )
            if keep is None:
                keep = self._default_period(rows, today)
            index = self.period_combo.findData(keep) if keep else -1
            if index < 0 and rows:
                index = self.period_combo.findData(self._default_period(rows, today))
            self.period_combo.setCurrentIndex(index)
        finally:
            self._filling = False
        code = self.period_combo.currentData()
        self.period = Period.parse(code) if isinstance(code, str) else None

    def _default_period(self, rows: list[PeriodRow], today: dt.date) -> str | None:
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

    def select_period(self, code: str) -> None:
        """Show the period's report (``code`` as in "2024", "2024-H1"); other kinds are
        listed first if needed."""
        index = self.period_combo.findData(code)
        if index < 0 and not self.show_all.isChecked():
            self.show_all.setChecked(True)
            index = self.period_combo.findData(code)
        if index < 0:
            raise KeyError(code)
        self.period_combo.setCurrentIndex(index)

    @Slot()
    def _period_chosen(self) -> None:
        if self._filling:
            return
        self.editor.flush()
        code = self.period_combo.currentData()
        self.period = Period.parse(code) if isinstance(code, str) else None
        self._show(None)

    # ----------------------------------------------------------------- showing

    def _show(self, report_id: int | None) -> None:
        """Show the chosen period: its newest revision, or the one with ``report_id``."""
        ws = self.ctx.ws
        period = self.period
        self.revs = reports.revisions(ws, period.code) if period else []
        latest = self.revs[0] if self.revs else None
        shown = next((r for r in self.revs if r.id == report_id), latest)
        if shown is None or self.shown is None or shown.id != self.shown.id:
            self.save_state.clear()
        self.shown = shown
        self._show_period_info()
        self._fill_history()
        if shown is None or period is None:
            self.pages.setCurrentWidget(self.empty_page)
            self._show_empty(period)
        else:
            self.pages.setCurrentWidget(self.split)
            editable = shown is latest and shown.state == "draft"
            try:
                self.editor.load(shown.id, read_only=not editable)
            except KnownError as exc:
                show_error(self, exc)
            self._update_problems()
        self._update_actions()
        self._update_banner()
        self.report_shown.emit(shown.id if shown else 0)

    def _show_period_info(self) -> None:
        period = self.period
        if period is None:
            self.period_info.setText(self.tr("Chưa có kỳ báo cáo nào. Hãy ghi hoạt động trước."))
            return
        ws = self.ctx.ws
        today = self.today()
        latest = self.revs[0] if self.revs else None
        submitted = latest is not None and latest.state in ("exported", "received")
        if period.kind in [PeriodKind(k) for k in ws.plan.reporting.kinds]:
            due = due_date(period, ws.plan.reporting.due_days_after_cutoff)
            due_text = html.escape(self.tr("Hạn gửi: %1").replace("%1", due.strftime("%d/%m/%Y")))
            if not submitted and today > due:
                due_text = (
                    f"<span style='color:{LATE_COLOUR}'><b>"
                    + html.escape(
                        self.tr("Hạn gửi: %1, đã quá hạn").replace("%1", due.strftime("%d/%m/%Y"))
                    )
                    + "</b></span>"
                )
        else:
            due_text = html.escape(self.tr("Kế hoạch không yêu cầu báo cáo kỳ này"))
        count = reports.activity_count(ws, period)
        self.period_info.setText(
            html.escape(self.tr("Số liệu từ %1 đến %2 · %3 hoạt động trong kỳ · %4"))
            .replace("%1", period.window.start.strftime("%d/%m/%Y"))
            .replace("%2", period.window.end.strftime("%d/%m/%Y"))
            .replace("%3", format_number(count))
            .replace("%4", due_text)
        )

    def _show_empty(self, period: Period | None) -> None:
        if period is None:
            self.empty_title.setText(self.tr("Chưa có kỳ báo cáo"))
            self.empty_text.setText("")
            self.empty_note.setText("")
            self.create_button.hide()
            return
        self.create_button.show()
        self.create_button.setEnabled(True)
        self.empty_title.setText(
            self.tr("Chưa lập báo cáo %1").replace("%1", self.ctx.period_label(period))
        )
        text = self.tr(
            "Bấm “Lập báo cáo”: ứng dụng soạn sẵn bản nháp từ %1 hoạt động đã ghi trong kỳ; "
            "sau đó xem lại, sửa và bổ sung trước khi chốt."
        ).replace("%1", format_number(reports.activity_count(self.ctx.ws, period)))
        self.empty_text.setText(text)
        note = ""
        if self.today() <= period.window.end:
            note = self.tr(
                "Kỳ này chưa hết (số liệu đến ngày %1): hoạt động ghi thêm sau này được tính "
                "khi bấm “Cập nhật số liệu”."
            ).replace("%1", period.window.end.strftime("%d/%m/%Y"))
        self.empty_note.setText(note)
        self.empty_note.setVisible(bool(note))

    def _fill_history(self) -> None:
        self.history.blockSignals(True)
        try:
            self.history.clear()
            for rev in self.revs:
                created = local_time(rev.created_at)
                final = local_time(rev.finalized_at) if rev.finalized_at else None
                item = QTreeWidgetItem(
                    [
                        str(rev.revision),
                        self._revision_state(rev),
                        created.strftime("%d/%m/%Y"),
                        final.strftime("%d/%m/%Y") if final else "—",
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, rev.id)
                item.setToolTip(2, created.strftime("%d/%m/%Y %H:%M"))
                if final:
                    item.setToolTip(3, final.strftime("%d/%m/%Y %H:%M"))
                item.setTextAlignment(0, Qt.AlignmentFlag.AlignCenter)
                self.history.addTopLevelItem(item)
                if self.shown is not None and rev.id == self.shown.id:
                    self.history.setCurrentItem(item)
        finally:
            self.history.blockSignals(False)

    def _revision_state(self, rev: ReportSummary) -> str:
        return {
            "draft": self.tr("Bản nháp"),
            "finalized": self.tr("Đã chốt"),
            "exported": self.tr("Đã gửi"),
            "received": self.tr("Tỉnh đã nhận"),
        }.get(rev.state, rev.state)

    def _update_actions(self) -> None:
        latest = self.revs[0] if self.revs else None
        shown = self.shown
        is_latest = shown is not None and shown is latest
        draft = is_latest and shown is not None and shown.state == "draft"
        busy = self.busy()
        self.refresh_button.setVisible(draft)
        self.check_button.setVisible(draft)
        self.finalize_button.setVisible(draft)
        self.revise_button.setVisible(is_latest and not draft)
        self.latest_button.setVisible(shown is not None and not is_latest)
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            button.setVisible(shown is not None)
            button.setEnabled(not busy)
        self.refresh_button.setEnabled(not busy)
        self.finalize_button.setEnabled(not busy)
        self.problems_caption.setVisible(draft)
        self.problems_list.setVisible(draft)

    def _update_banner(self) -> None:
        shown = self.shown
        latest = self.revs[0] if self.revs else None
        if shown is None or latest is None:
            self.banner.hide()
            return
        n = str(shown.revision)
        note = ""
        if shown is not latest:
            title = (
                self.tr("Đang xem lần %1 (bản cũ) — chỉ xem. Bản mới nhất là lần %2.")
                .replace("%1", n)
                .replace("%2", str(latest.revision))
            )
            colours = ("#eceff1", "#263238", "#b0bec5")
        elif shown.state == "draft":
            title = self.tr(
                "Bản nháp lần %1 — mọi thay đổi được lưu ngay khi nhập, không cần bấm Lưu."
            ).replace("%1", n)
            colours = ("#e8f0fe", "#0d47a1", "#90caf9")
            if self._numbers_stale():
                note = self.tr(
                    "Có hoạt động được thêm, sửa hoặc xóa sau khi lập báo cáo: "
                    "bấm “Cập nhật số liệu” để tính lại số liệu."
                )
                colours = ("#fff8e1", "#4e342e", "#ffb74d")
        else:
            title = self._locked_title(shown)
            note = self.tr(
                "Báo cáo đã khóa, chỉ xem. Muốn thay đổi, bấm “Sửa đổi” để tạo bản sửa đổi."
            )
            colours = ("#e8f5e9", "#1b5e20", "#a5d6a7")
        self.banner_title.setText(title)
        self.banner_note.setText(note)
        self.banner_note.setVisible(bool(note))
        back, fore, border = colours
        self.banner.setStyleSheet(
            f"#reportBanner {{ background:{back}; border:1px solid {border}; border-radius:3px; }}"
            f"#reportBanner QLabel {{ color:{fore}; }}"
        )
        self.banner.show()

    def _locked_title(self, shown: ReportSummary) -> str:
        """ "Đã chốt lần N ngày …", with when it was sent or received."""
        day = local_time(shown.finalized_at).strftime("%d/%m/%Y") if shown.finalized_at else "—"
        if shown.state == "exported" and shown.exported_at:
            text = self.tr("Đã chốt lần %1 ngày %2, đã gửi ngày %3.")
            text = text.replace("%3", local_time(shown.exported_at).strftime("%d/%m/%Y"))
        elif shown.state == "received" and shown.received_at:
            text = self.tr("Đã chốt lần %1 ngày %2, tỉnh đã nhận ngày %3.")
            text = text.replace("%3", local_time(shown.received_at).strftime("%d/%m/%Y"))
        else:
            text = self.tr("Đã chốt lần %1 ngày %2.")
        return text.replace("%1", str(shown.revision)).replace("%2", day)

    def _numbers_stale(self) -> bool:
        if self.period is None or self.shown is None or self.editor.report_id is None:
            return False
        if self._activities_touched:
            return True
        return self.editor.counted != reports.activity_count(self.ctx.ws, self.period)

    # --------------------------------------------------------------- problems

    def _update_problems(self) -> list[Problem]:
        self.problems_list.clear()
        if self.shown is None or self.shown.state != "draft":
            return []
        found = reports.problems(self.ctx.ws, self.shown.id)
        for problem in found:
            item = QListWidgetItem(self.problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.problems_list.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("Đã đủ nội dung. Có thể chốt báo cáo."))
            item.setForeground(QBrush(QColor(DONE_COLOUR)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.problems_list.addItem(item)
        return found

    def problem_text(self, problem: Problem) -> str:
        """What to fix, in the interface language (the core words it in Vietnamese)."""
        task = problem.task_code or ""
        number = str(problem.number or 0)
        texts = {
            ("overall", "missing"): self.tr("Nhập phần “Đánh giá chung”."),
            ("narrative", "missing"): self.tr(
                "Nhiệm vụ %1: nhập kết quả thực hiện (đã chọn “có thực hiện”)."
            ),
            ("status", "conflict"): self.tr(
                "Nhiệm vụ %1: có %2 hoạt động trong kỳ nhưng trạng thái là “chưa triển khai”; "
                "chọn lại trạng thái."
            ),
            ("percent", "missing"): self.tr(
                "Nhiệm vụ %1: nhập tỷ lệ hoàn thành (%) vì nhiệm vụ có thời hạn."
            ),
            ("percent", "not_100"): self.tr("Nhiệm vụ %1: đã hoàn thành thì tỷ lệ phải là 100%."),
            ("difficulties", "missing"): self.tr(
                "Nhập “Khó khăn, vướng mắc” (ghi “Không có” nếu không có)."
            ),
            ("proposals", "missing"): self.tr(
                "Nhập “Đề xuất, kiến nghị” (ghi “Không có” nếu không có)."
            ),
            ("next_direction", "missing"): self.tr("Nhập “Phương hướng, nhiệm vụ kỳ tới”."),
            ("budget_estimate", "missing"): self.tr(
                "Nhập dự toán kinh phí năm %1 (mục III của kế hoạch); "
                "ghi 0 nếu không đề nghị kinh phí."
            ),
        }
        text = texts.get((problem.field, problem.kind))
        if text is None:
            return problem.message
        if problem.field == "budget_estimate":
            return text.replace("%1", number)
        return text.replace("%1", task).replace("%2", number)

    @Slot(QListWidgetItem)
    def _jump_to_item(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(problem, Problem):
            self.jump_to(problem)

    def jump_to(self, problem: Problem) -> None:
        """Scroll to the field a problem is about and put the cursor there."""
        widget = self.editor.widget_for(problem)
        if widget is None:
            return
        self.scroll_area.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----------------------------------------------------------------- changes

    def _announce(self, message: str | None = None) -> None:
        """Tell other screens the reports changed (without reloading this one)."""
        self._emitting = True
        try:
            self.ctx.reports_changed.emit()
        finally:
            self._emitting = False
        if message:
            self.ctx.status_message.emit(message)

    @Slot()
    def _edits_saved(self) -> None:
        self.save_state.setText(
            self.tr("Đã lưu lúc %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S"))
        )
        self._update_problems()
        self._announce()

    @Slot()
    def _reload(self) -> None:
        """Show what the database holds (after a failed save or a change elsewhere)."""
        self._rebuild_chooser()
        self._show(self.shown.id if self.shown else None)

    @Slot()
    def _reports_changed_elsewhere(self) -> None:
        if self._emitting:
            return
        self.editor.flush()
        self._reload()

    @Slot()
    def _activities_changed(self) -> None:
        self._activities_touched = True
        self.editor.flush()
        self._reload()

    def flush_edits(self) -> None:
        """Write edits still waiting for their delay (the window is closing)."""
        self.editor.flush()

    # ----------------------------------------------------------------- actions

    def _track(self, job: Job) -> Job:
        """Keep the job while it runs; the buttons that would start another wait for it."""
        # Jobs that ended before are dropped only now: a pool thread may still have been
        # returning from run() when its last signal arrived.
        self.jobs = [j for j in self.jobs if id(j.signals) not in self._ended]
        self._ended &= {id(j.signals) for j in self.jobs}
        self.jobs.append(job)
        job.signals.finished.connect(self._job_done)
        job.signals.failed.connect(self._job_done)
        job.signals.cancelled.connect(self._job_done)
        self._update_actions()
        return job

    def _job_done(self, *_: object) -> None:
        self._ended.add(id(self.sender()))
        self._update_actions()

    def busy(self) -> bool:
        """Whether a background job (drafting, recounting, PDF) is running."""
        return any(id(j.signals) not in self._ended for j in self.jobs)

    @Slot()
    def create_report(self) -> None:
        """Draft the chosen period's report from its activities (in the background)."""
        if self.period is None:
            return
        ws = self.ctx.ws
        code = self.period.code

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> object:
            return code, reports.create_draft(ws, code)

        job = self._track(Job(work))
        job.signals.finished.connect(self._drafted)
        job.signals.failed.connect(self._job_failed)
        self.create_button.setEnabled(False)
        self.job_bar.watch(job, self.tr("Đang lập báo cáo từ các hoạt động…"), cancellable=False)
        job.start()

    @Slot(object)
    def _drafted(self, result: object) -> None:
        code, _report_id = cast(tuple[str, int], result)
        self._announce(
            self.tr("Đã lập bản nháp báo cáo %1.").replace(
                "%1", self.ctx.period_label(Period.parse(code))
            )
        )
        self._activities_touched = False
        self._rebuild_chooser()
        if self.period is not None and self.period.code == code:
            self._show(None)
            self.editor.overall.setFocus()

    @Slot(str, str)
    def _job_failed(self, message: str, hint: str) -> None:
        if "Traceback" in hint:  # a bug: the log has the details
            hint = self.tr("Lỗi đã được ghi vào nhật ký của ứng dụng.")
        show_error(self, message, hint)
        self._reload()

    @Slot()
    def refresh_numbers(self) -> None:
        """Recount the draft from the activities; ask before redoing the narratives."""
        shown = self.shown
        if shown is None or shown.state != "draft" or not self.editor.flush():
            return
        narratives = confirm(
            self,
            self.tr("Cập nhật số liệu"),
            self.tr(
                "Số hoạt động và các chỉ tiêu sẽ được tính lại từ các hoạt động đã ghi.\n\n"
                "Có soạn lại cả phần “Kết quả thực hiện” của từng nhiệm vụ không? "
                "Nếu soạn lại, phần đã viết sẽ được thay bằng danh sách hoạt động trong kỳ."
            ),
            self.tr("Soạn lại cả kết quả"),
            self.tr("Chỉ cập nhật số liệu"),
        )
        ws = self.ctx.ws
        report_id = shown.id

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> object:
            reports.refresh_draft(ws, report_id, narratives=narratives)
            return report_id

        job = self._track(Job(work))
        job.signals.finished.connect(self._refreshed)
        job.signals.failed.connect(self._job_failed)
        self.job_bar.watch(job, self.tr("Đang tính lại số liệu…"), cancellable=False)
        job.start()

    @Slot(object)
    def _refreshed(self, report_id: object) -> None:
        self._activities_touched = False
        self._announce(self.tr("Đã cập nhật số liệu từ các hoạt động."))
        if self.shown is not None and self.shown.id == report_id:
            self._show(self.shown.id)

    @Slot()
    def check_report(self) -> None:
        """List what must be fixed before finalizing, and go to the first one."""
        if not self.editor.flush():
            return
        found = self._update_problems()
        if found:
            self.ctx.status_message.emit(
                self.tr("Còn %1 phần cần hoàn thiện.").replace("%1", str(len(found)))
            )
            self.problems_list.setCurrentRow(0)
            self.problems_list.setFocus()
        else:
            self.ctx.status_message.emit(self.tr("Báo cáo đã đủ nội dung, có thể chốt."))

    @Slot()
    def finalize_report(self) -> None:
        """Check the draft; if complete, confirm and lock it."""
        shown = self.shown
        if shown is None or shown.state != "draft" or not self.editor.flush():
            return
        found = self._update_problems()
        label = self.ctx.period_label(Period.parse(shown.period))
        if found:
            inform(
                self,
                self.tr("Chưa chốt được báo cáo"),
                self.tr("Cần hoàn thiện %1 phần sau rồi mới chốt được báo cáo:").replace(
                    "%1", str(len(found))
                ),
                "\n".join(f"• {self.problem_text(p)}" for p in found),
            )
            self.jump_to(found[0])
            return
        if not confirm(
            self,
            self.tr("Chốt báo cáo"),
            self.tr(
                "Chốt báo cáo %1 (lần %2)?\n\nSau khi chốt, báo cáo bị khóa để in, ký và gửi; "
                "muốn thay đổi phải tạo bản sửa đổi."
            )
            .replace("%1", label)
            .replace("%2", str(shown.revision)),
            self.tr("Chốt báo cáo"),
            self.tr("Chưa chốt"),
        ):
            return
        try:
            reports.finalize(self.ctx.ws, shown.id)
        except KnownError as exc:
            show_error(self, exc)
            self._reload()
            return
        self._announce(
            self.tr("Đã chốt báo cáo %1 (lần %2).")
            .replace("%1", label)
            .replace("%2", str(shown.revision))
        )
        self._rebuild_chooser()
        self._show(shown.id)

    @Slot()
    def revise_report(self) -> None:
        """Confirm, then start a new draft revision from the locked newest one."""
        latest = self.revs[0] if self.revs else None
        if latest is None or latest.state == "draft":
            return
        label = self.ctx.period_label(Period.parse(latest.period))
        text = self.tr(
            "Tạo bản sửa đổi lần %1 của báo cáo %2?\n\nBản lần %3 đã chốt được giữ nguyên để "
            "đối chiếu; bản sửa đổi là bản nháp mới, sửa xong phải chốt lại."
        )
        if latest.state in ("exported", "received"):
            text += "\n" + self.tr("Bản đã gửi lên tỉnh không thay đổi; sau khi sửa phải gửi lại.")
        text = (
            text.replace("%1", str(latest.revision + 1))
            .replace("%2", label)
            .replace("%3", str(latest.revision))
        )
        if not confirm(
            self, self.tr("Sửa đổi báo cáo"), text, self.tr("Tạo bản sửa đổi"), self.tr("Không")
        ):
            return
        try:
            new_id = reports.revise(self.ctx.ws, latest.id)
        except KnownError as exc:
            show_error(self, exc)
            self._reload()
            return
        self._announce(
            self.tr("Đã tạo bản sửa đổi lần %1 của báo cáo %2.")
            .replace("%1", str(latest.revision + 1))
            .replace("%2", label)
        )
        self._rebuild_chooser()
        self._show(new_id)
        self.editor.overall.setFocus()

    @Slot()
    def show_latest(self) -> None:
        self._show(None)

    def _revision_chosen(self, item: QTreeWidgetItem | None, *_: object) -> None:
        if item is None:
            return
        report_id = item.data(0, Qt.ItemDataRole.UserRole)
        if self.shown is not None and report_id == self.shown.id:
            return
        self.editor.flush()
        self._show(int(report_id))

    # --------------------------------------------------------------------- PDF

    def _document_title(self, summary: ReportSummary) -> str:
        label = self.ctx.period_label(Period.parse(summary.period))
        return (
            self.tr("Báo cáo %1 (lần %2, %3)")
            .replace("%1", label)
            .replace("%2", str(summary.revision))
            .replace("%3", self._revision_state(summary).lower())
        )

    def _file_name(self, summary: ReportSummary) -> str:
        label = fold(self.ctx.period_label(Period.parse(summary.period)))
        stem = "-".join(["bao-cao", *label.split(), "lan", str(summary.revision)])
        if summary.state == "draft":
            stem += "-ban-nhap"
        return stem + ".pdf"

    @Slot()
    def preview(self) -> None:
        """Build the PDF in the background, then show its pages."""
        if self.shown is not None:
            path = Path(self._tmp.name) / f"{next(self._pdf_serial)}-{self._file_name(self.shown)}"
            self._start_pdf("preview", path, self.tr("Đang tạo bản xem trước…"))

    @Slot()
    def print_report(self) -> None:
        """Build the PDF in the background, then print it."""
        if self.shown is not None:
            path = Path(self._tmp.name) / f"{next(self._pdf_serial)}-{self._file_name(self.shown)}"
            self._start_pdf("print", path, self.tr("Đang chuẩn bị bản in…"))

    @Slot()
    def save_pdf(self) -> None:
        """Ask where, then write the PDF there."""
        if self.shown is None:
            return
        target = ask_save_path(
            self, self.tr("Lưu báo cáo thành tệp PDF"), self._file_name(self.shown)
        )
        if target is not None:
            self._start_pdf("save", target, self.tr("Đang lưu tệp PDF…"))

    def _start_pdf(self, purpose: str, out: Path, text: str) -> None:
        shown = self.shown
        if shown is None or not self.editor.flush():
            return
        ws = self.ctx.ws
        report_id = shown.id

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            # reportlab is imported here, off the start-up path
            from app.printing.report_pdf import build_report_pdf

            data = reports.report_data(ws, report_id)
            build_report_pdf(data, out, progress=progress, cancelled=cancelled)
            return purpose, str(out), report_id

        job = self._track(Job(work))
        job.signals.finished.connect(self._pdf_built)
        job.signals.failed.connect(self._job_failed)
        job.signals.cancelled.connect(self._pdf_cancelled)
        self.job_bar.watch(job, text)
        job.start()

    @Slot(object)
    def _pdf_built(self, result: object) -> None:
        purpose, path_text, report_id = cast(tuple[str, str, int], result)
        path = Path(path_text)
        summary = next((r for r in self.revs if r.id == report_id), self.shown)
        title = self._document_title(summary) if summary else path.stem
        if purpose == "preview":
            if self.preview_dialog is not None:
                self.preview_dialog.close()
            try:
                self.preview_dialog = PdfPreviewDialog(
                    path,
                    title,
                    self,
                    suggested_name=self._file_name(summary) if summary else None,
                )
            except KnownError as exc:
                show_error(self, exc)
            else:
                self.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.preview_dialog.finished.connect(self._preview_closed)
                self.preview_dialog.show()
        elif purpose == "print":
            try:
                document = load_pdf(path, self)
            except KnownError as exc:
                show_error(self, exc)
            else:
                if print_pdf(document, title, self):
                    self.ctx.status_message.emit(self.tr("Đã gửi báo cáo tới máy in."))
                document.close()
                document.deleteLater()
        else:
            self.ctx.status_message.emit(
                self.tr("Đã lưu báo cáo vào tệp %1.").replace("%1", str(path))
            )
        self.pdf_ready.emit(purpose, str(path))

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None

    @Slot()
    def _pdf_cancelled(self) -> None:
        self.ctx.status_message.emit(self.tr("Đã hủy tạo tệp PDF."))

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The preview dialog of the report on screen, for `tiendo screenshots`."""
        shown = self.shown
        if shown is None:
            return []

        def make() -> QWidget:
            from app.printing.report_pdf import build_report_pdf

            path = Path(self._tmp.name) / f"shot-{self._file_name(shown)}"
            build_report_pdf(reports.report_data(self.ctx.ws, shown.id), path)
            return PdfPreviewDialog(path, self._document_title(shown), self)

        return [("report-preview", make)]
