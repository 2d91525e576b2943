"""The fields of one report revision, each change written to the database as it is typed."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period, PeriodKind
from app.errors import KnownError
from app.report_data import TaskEntry
from app.services import reports
from app.services.reports import Problem
from ui.context import AppContext
from ui.screens.reports import dialogs
from ui.screens.reports.sections import TaskSection
from ui.widgets.common import heading
from ui.widgets.editors import AutoText, MoneyEdit, OptionalDateEdit

# Edits are written this long after the last keystroke (and at once when a field is left).
SAVE_DELAY_MS = 500

READ_ONLY_STYLE = (
    'QTextEdit[readOnly="true"], QLineEdit[readOnly="true"], '
    'QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
)


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
        layout.addLayout(self._build_document_fields())
        self._build_sections(layout)
        layout.addWidget(self._build_budget())
        layout.addStretch(1)
        self._connect_fields()

    def _build_document_fields(self) -> QFormLayout:
        """The report's number and date, above section I."""
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
        return doc_box

    def _build_sections(self, layout: QVBoxLayout) -> None:
        """Sections I to IV of the report; the task sections of I.2 come with each report."""
        layout.addWidget(heading(self.tr("I. Kết quả thực hiện"), 2))
        self.overall = self._text_section(
            layout,
            self.tr("1. Côn&g tác chỉ đạo, triển khai"),
            self.tr("Công tác chỉ đạo, triển khai"),
            4,
        )
        self.overall.setPlaceholderText(
            self.tr("Văn bản chỉ đạo, cách tổ chức thực hiện, kết quả chung trong kỳ.")
        )
        layout.addWidget(heading(self.tr("2. Kết quả thực hiện các nhiệm vụ"), 2))
        self.sections_layout = QVBoxLayout()
        self.sections_layout.setSpacing(10)
        layout.addLayout(self.sections_layout)
        self.sections: dict[str, TaskSection] = {}
        self.difficulties = self._text_section(
            layout,
            self.tr("II. Tồn tại, hạn chế và &nguyên nhân"),
            self.tr("Tồn tại, hạn chế và nguyên nhân"),
            3,
        )
        self.difficulties.setPlaceholderText(self.tr("Ghi “Không có” nếu không có."))
        self.next_direction = self._text_section(
            layout,
            self.tr("III. Phương hướng, nhiệm &vụ kỳ tới"),
            self.tr("Phương hướng, nhiệm vụ kỳ tới"),
            3,
        )
        self.proposals = self._text_section(
            layout, self.tr("IV. Đề x&uất, kiến nghị"), self.tr("Đề xuất, kiến nghị"), 3
        )
        self.proposals.setPlaceholderText(self.tr("Ghi “Không có” nếu không có."))

    def _build_budget(self) -> QWidget:
        """Section V, next year's budget estimate: shown for a year's report only."""
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
        self.budget_note = AutoText(min_lines=2, max_lines=None)
        self.budget_note.setAccessibleName(self.tr("Thuyết minh dự toán"))
        note_caption.setBuddy(self.budget_note)
        bl.addWidget(note_caption)
        bl.addWidget(self.budget_note)
        return self.budget_box

    def _connect_fields(self) -> None:
        """Each report-wide field queues its change and writes it when left."""
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
        edit = AutoText(min_lines=lines, max_lines=None)
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
            dialogs.show_error(self, exc)
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
            self._load_budget(period, fields)
            self.set_read_only(read_only)
        finally:
            self._loading = False

    def _load_budget(self, period: Period, fields: dict[str, object]) -> None:
        plan_budget = self.ctx.ws.plan.budget.text
        self.budget_box.setVisible(period.kind == PeriodKind.YEAR)
        self.budget_heading.setText(
            self.tr("V. Dự toán kinh phí năm %1").replace("%1", str(period.year + 1))
        )
        self.budget_caption.setText(
            self.tr("&Dự toán kinh phí năm %1:").replace("%1", str(period.year + 1))
        )
        self.budget_hint.setText(self.tr("Kế hoạch, mục III: %1").replace("%1", plan_budget))
        note = str(fields["budget_note"] or "").strip()
        self.budget_hint.setVisible(note != plan_budget.strip())
        self.budget_note.setToolTip(plan_budget)
        estimate = fields["budget_estimate"]
        self.budget_estimate.set_value(estimate if isinstance(estimate, int) else None)

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
