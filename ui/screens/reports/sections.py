"""One task of the plan inside the report being edited (section II of the report)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.plan import IndicatorKind, Task, TimeframeKind
from app.report_data import TaskEntry
from app.services import reports
from app.text import format_number
from ui.screens.reports.texts import status_label
from ui.widgets.editors import AutoText, QuietComboBox, QuietSpinBox


class TaskSection(QFrame):
    """One task of the plan in the report: what was done, status, % done, indicators."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.is_deadline = task.timeframe.kind == TimeframeKind.DEADLINE
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("taskSection")
        layout = QVBoxLayout(self)
        heading = f"<b>{html.escape(task.heading)}</b>"
        if task.short_title:  # sub-tasks that repeat their group's heading
            heading += f"<br><i>{html.escape(task.short_title)}</i>"
        title = QLabel(heading)
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(title)
        layout.addWidget(self.meta)
        layout.addWidget(self._build_table())
        layout.addLayout(self._build_status_row())
        self._build_narrative(layout)

    def _build_table(self) -> QTableWidget:
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
        code = self.task.code
        self.table.setAccessibleName(self.tr("Chỉ tiêu của nhiệm vụ %1").replace("%1", code))
        return self.table

    def _build_status_row(self) -> QHBoxLayout:
        """Status for every task; % done only for a task with a deadline."""
        code = self.task.code
        row = QHBoxLayout()
        status_caption = QLabel(self.tr("Tình trạng:"))
        self.status = QuietComboBox()
        for status in reports.STATUSES:
            self.status.addItem(status_label(status), status)
        self.status.setAccessibleName(self.tr("Tình trạng nhiệm vụ %1").replace("%1", code))
        status_caption.setBuddy(self.status)
        row.addWidget(status_caption)
        row.addWidget(self.status)
        self.percent_caption = QLabel(self.tr("Tỷ lệ hoàn thành:"))
        self.percent = QuietSpinBox()
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText(self.tr("chưa nhập"))
        self.percent.setSuffix(" %")
        self.percent.setAccessibleName(self.tr("Tỷ lệ hoàn thành nhiệm vụ %1").replace("%1", code))
        self.percent_caption.setBuddy(self.percent)
        row.addSpacing(16)
        row.addWidget(self.percent_caption)
        row.addWidget(self.percent)
        self.percent_caption.setVisible(self.is_deadline)
        self.percent.setVisible(self.is_deadline)
        row.addStretch(1)
        return row

    def _build_narrative(self, layout: QVBoxLayout) -> None:
        narrative_caption = QLabel(self.tr("Kết quả thực hiện:"))
        self.narrative = AutoText(min_lines=3, max_lines=None)
        self.narrative.setPlaceholderText(
            self.tr("Nêu các việc đã làm trong kỳ, kết quả đạt được.")
        )
        self.narrative.setAccessibleName(
            self.tr("Kết quả thực hiện nhiệm vụ %1").replace("%1", self.task.code)
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
