"""Tình hình báo cáo: every unit against the plan's reporting periods of a year (or one
period): on time, late, not yet reported, not yet due — colour-coded, with the revisions
each report replaced and the sequence numbers a unit exported that never arrived."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period
from app.province_data import CellState, StatusCell, StatusMatrix
from app.services.province.status import default_year, reporting_periods, status_matrix
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.unit_groups import heading_row

if TYPE_CHECKING:
    from ui.widgets.charts import CompletenessCharts

# Background and text colours: readable when printed in grey too (the words say it all).
CELL_COLOURS = {
    CellState.ON_TIME: ("#d9f2df", "#135c2a"),
    CellState.LATE: ("#fde9c8", "#7a4a00"),
    CellState.MISSING: ("#f8d4d8", "#8c0018"),
    CellState.NOT_YET_DUE: ("#eeeeee", "#555555"),
}


class StatusScreen(QWidget):
    def __init__(self, ctx: AppContext, today: dt.date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today
        self.matrix: StatusMatrix | None = None
        self.row_units: list[int | None] = []  # table row → index in matrix.units (None: heading)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Tình hình báo cáo")))
        row = QHBoxLayout()
        year_label = QLabel(self.tr("&Năm:"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._default_year())
        self.year.setAccessibleName(self.tr("Năm báo cáo"))
        year_label.setBuddy(self.year)
        period_label = QLabel(self.tr("&Kỳ:"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Kỳ báo cáo"))
        self.period.setMinimumWidth(260)
        period_label.setBuddy(self.period)
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addSpacing(16)
        row.addWidget(period_label)
        row.addWidget(self.period)
        row.addStretch(1)
        layout.addLayout(row)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        layout.addWidget(self.due_label)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Tình hình báo cáo của các đơn vị theo kỳ"))
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, self.tr("&Bảng theo đơn vị"))
        self.chart_page = QWidget()  # built when first shown: QtCharts loads then
        QVBoxLayout(self.chart_page).setContentsMargins(0, 0, 0, 0)
        self.charts: CompletenessCharts | None = None
        self.tabs.addTab(self.chart_page, self.tr("Biểu đồ &tổng hợp"))
        self.tabs.currentChanged.connect(lambda _i: self._draw_charts())
        self.table.setToolTip(
            self.tr("Nhấp đúp vào một ô đã có báo cáo để đọc báo cáo và minh chứng.")
        )
        self.table.cellDoubleClicked.connect(self.read_cell)
        self.reader: QDialog | None = None
        layout.addWidget(self.tabs, 1)
        legend = QHBoxLayout()
        for state in CellState:
            background, foreground = CELL_COLOURS[state]
            chip = QLabel(self._state_word(state))
            chip.setStyleSheet(
                f"QLabel {{ background: {background}; color: {foreground}; padding: 2px 8px; "
                "border-radius: 3px; }"
            )
            legend.addWidget(chip)
        legend.addStretch(1)
        layout.addLayout(legend)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self._fill_periods()
        self.year.valueChanged.connect(self._year_changed)
        self.period.currentIndexChanged.connect(self.refresh)
        ctx.reports_changed.connect(self.refresh)
        self.refresh()

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def _default_year(self) -> int:
        return default_year(self.ctx.ws, self._today())

    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("Mọi kỳ báo cáo của kế hoạch trong năm"), "")
        for p in reporting_periods(self.ctx.ws, self.year.value()):
            self.period.addItem(self.ctx.period_title(p), p.code)
        self.period.blockSignals(False)

    @Slot(int)
    def _year_changed(self, _year: int) -> None:
        self._fill_periods()
        self.refresh()

    def periods(self) -> list[Period]:
        code = self.period.currentData()
        if code:
            return [Period.parse(str(code))]
        return reporting_periods(self.ctx.ws, self.year.value())

    def refresh(self) -> None:
        periods = self.periods()
        matrix = status_matrix(self.ctx.ws, periods, today=self._today())
        self.matrix = matrix
        labels = [
            self.tr("%1\nhạn %2")
            .replace("%1", self.ctx.period_title(p))
            .replace("%2", d.strftime("%d/%m/%Y"))
            for p, d in zip(matrix.periods, matrix.due, strict=True)
        ]
        self.table.clear()
        self.table.clearSpans()
        columns = len(labels) + 1
        self.table.setColumnCount(columns)
        self.table.setHorizontalHeaderLabels([*labels, self.tr("Số thứ tự còn thiếu")])
        # One heading row before each group of units (xã, phường, sở, ban, ngành …).
        self.row_units = []
        previous = None
        for index, unit in enumerate(matrix.units):
            if unit.section != previous:
                self.row_units.append(None)
                previous = unit.section
            self.row_units.append(index)
        self.table.setRowCount(len(self.row_units))
        self.table.setVerticalHeaderLabels(
            [matrix.units[i].short_name if i is not None else "" for i in self.row_units]
        )
        for r, at in enumerate(self.row_units):
            if at is None:
                section = matrix.units[self.row_units[r + 1] or 0].section
                self._heading_row(r, columns, section, matrix)
                continue
            unit = matrix.units[at]
            for c, cell in enumerate(unit.cells):
                self.table.setItem(r, c, self._cell_item(cell))
            gaps = QTableWidgetItem(", ".join(str(n) for n in unit.gaps) or "—")
            gaps.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if unit.gaps:
                gaps.setToolTip(
                    self.tr(
                        "Đơn vị đã xuất các gói số thứ tự %1 nhưng Sở chưa nhận được. Đề nghị "
                        "đơn vị kiểm tra và gửi lại."
                    ).replace("%1", ", ".join(str(n) for n in unit.gaps))
                )
            self.table.setItem(r, len(unit.cells), gaps)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(labels), QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        days = self.ctx.ws.plan.reporting.due_days_after_cutoff
        self.due_label.setText(
            self.tr(
                "Hạn báo cáo: %1 ngày sau ngày chốt số liệu của kỳ (theo kế hoạch). Tình hình "
                "tính đến ngày %2; “đúng hạn” tính theo ngày đơn vị lập gói báo cáo đầu tiên."
            )
            .replace("%1", str(days))
            .replace("%2", self._today().strftime("%d/%m/%Y"))
        )
        parts = []
        for p in matrix.periods:
            counts = matrix.counts(p.code)
            parts.append(
                self.tr("%1: đúng hạn %2, trễ hạn %3, chưa báo cáo %4, chưa đến hạn %5")
                .replace("%1", self.ctx.period_title(p))
                .replace("%2", str(counts[CellState.ON_TIME]))
                .replace("%3", str(counts[CellState.LATE]))
                .replace("%4", str(counts[CellState.MISSING]))
                .replace("%5", str(counts[CellState.NOT_YET_DUE]))
            )
        self.summary.setText(
            self.tr("%1 đơn vị. ").replace("%1", str(len(matrix.units))) + "; ".join(parts) + "."
        )
        self._draw_charts()

    def _heading_row(self, row: int, columns: int, section: str, matrix: StatusMatrix) -> None:
        """A group's heading across the row: "Phường (25 đơn vị)"."""
        count = sum(1 for u in matrix.units if u.section == section)
        heading_row(self.table, row, section, count, columns)

    def row_of(self, unit_id: str) -> int:
        """The table row of a unit (rows include the groups' headings)."""
        matrix = self.matrix
        assert matrix is not None
        index = [u.unit_id for u in matrix.units].index(unit_id)
        return self.row_units.index(index)

    def _draw_charts(self) -> None:
        """The charts of the matrix shown, once their tab has been opened."""
        if self.tabs.currentWidget() is not self.chart_page and self.charts is None:
            return
        matrix = self.matrix
        if matrix is None:
            return
        from app.services.charts import completeness
        from ui.widgets.charts import CompletenessCharts

        if self.charts is None:
            self.charts = CompletenessCharts()
            page_layout = self.chart_page.layout()
            assert page_layout is not None
            page_layout.addWidget(self.charts)
        units = self.ctx.ws.units
        data = completeness(matrix, lambda unit_id: units.get(unit_id).kind)
        self.charts.show_completeness(
            data,
            [self.ctx.period_title(p) for p in data.periods],
            [self._kind_word(k) for k in data.kinds],
            {state: self._state_word(state) for state in CellState},
        )

    def _kind_word(self, kind: str) -> str:
        return {
            "district": self.tr("Cấp huyện"),
            "commune": self.tr("Cấp xã"),
            "department": self.tr("Sở, ban, ngành"),
            "press": self.tr("Cơ quan báo chí"),
            "party": self.tr("Cơ quan Đảng"),
            "province": self.tr("Cấp tỉnh"),
        }.get(kind, kind)

    @Slot(int, int)
    def read_cell(self, row: int, column: int) -> QDialog | None:
        """Open the unit's current report for that period, if one arrived."""
        matrix = self.matrix
        if matrix is None or not 0 <= row < len(self.row_units):
            return None
        index = self.row_units[row]
        if index is None:  # a group's heading
            return None
        unit = matrix.units[index]
        if not 0 <= column < len(unit.cells) or not unit.cells[column].has_report:
            return None
        from app.errors import KnownError
        from app.services.province.reading import current_package
        from ui.screens.received_report import ReceivedReportDialog
        from ui.widgets.messages import show_error

        package_id = current_package(self.ctx.ws, unit.unit_id, unit.cells[column].period)
        if package_id is None:
            return None
        try:
            dialog = ReceivedReportDialog(self.ctx, package_id, self)
        except KnownError as exc:
            show_error(self, exc)
            return None
        dialog.setModal(False)
        dialog.show()
        self.reader = dialog
        return dialog

    def _state_word(self, state: CellState) -> str:
        return {
            CellState.ON_TIME: self.tr("Đúng hạn"),
            CellState.LATE: self.tr("Trễ hạn"),
            CellState.MISSING: self.tr("Chưa báo cáo"),
            CellState.NOT_YET_DUE: self.tr("Chưa đến hạn"),
        }[state]

    def _cell_item(self, cell: StatusCell) -> QTableWidgetItem:
        text = self._state_word(cell.state)
        if cell.revision is not None:
            text += self.tr(" · lần %1").replace("%1", str(cell.revision))
        if cell.superseded:
            text += self.tr(" (thay lần %1)").replace(
                "%1", ", ".join(str(n) for n in cell.superseded)
            )
        item = QTableWidgetItem(text)
        background, foreground = CELL_COLOURS[cell.state]
        item.setBackground(QBrush(QColor(background)))
        item.setForeground(QBrush(QColor(foreground)))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        tip = [self.tr("Hạn: %1").replace("%1", cell.due.strftime("%d/%m/%Y"))]
        if cell.submitted is not None:
            tip.append(
                self.tr("Đơn vị lập gói: %1").replace("%1", cell.submitted.strftime("%d/%m/%Y"))
            )
        if cell.received is not None:
            tip.append(
                self.tr("Sở nhận lần %1: %2 (số thứ tự %3)")
                .replace("%1", str(cell.revision))
                .replace("%2", cell.received.strftime("%d/%m/%Y %H:%M"))
                .replace("%3", str(cell.sequence))
            )
        item.setToolTip("\n".join(tip))
        item.setData(Qt.ItemDataRole.UserRole, cell.state.value)
        return item
