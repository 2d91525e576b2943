"""Charts (QtCharts) of the unit's year and of the province's reports, each with a
"Lưu ảnh…" button that saves it as a PNG for a slide.

QtCharts is imported by this module only, and the screens import it once their window
is up (tests/test_window_first.py checks the first window comes up without it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import fsio
from app.calendar import Period
from app.province_data import CellState
from app.services.charts import Completeness, UnitProgress, default_year, unit_progress
from ui.context import AppContext
from ui.widgets.messages import show_error

# Colours that stay apart when printed in grey and for the common colour blindnesses.
SERIES_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
STATE_COLOURS = {
    CellState.ON_TIME: "#2e8b57",
    CellState.LATE: "#e3a21a",
    CellState.MISSING: "#c0392b",
    CellState.NOT_YET_DUE: "#b0b0b0",
}


def png_bytes(widget: QWidget) -> bytes:
    """The widget as drawn now, as PNG bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class ChartBox(QWidget):
    """A chart with its title and a button that saves it as a PNG picture."""

    def __init__(self, title: str, file_stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_stem = file_stem
        self.chart = QChart()
        self.chart.setTitle(title)
        font = QFont(self.font())
        font.setBold(True)
        self.chart.setTitleFont(font)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.view.setAccessibleName(title)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.save_button = QPushButton(self.tr("Lưu ảnh…"))
        self.save_button.setToolTip(
            self.tr("Lưu biểu đồ thành tệp ảnh PNG, ví dụ để đưa vào bài trình chiếu")
        )
        self.save_button.setAccessibleName(self.tr("Lưu ảnh biểu đồ: %1").replace("%1", title))
        self.save_button.clicked.connect(self.choose_and_save)
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.controls.addStretch(1)
        self.controls.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.controls)

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu biểu đồ thành ảnh"),
            str(Path.home() / f"{self.file_stem}.png"),
            self.tr("Ảnh PNG (*.png)"),
        )
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> bool:
        """Write the chart as a PNG (".png" added when missing); False, with the reason
        shown, when the file cannot be written."""
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        try:
            fsio.write_atomic(path, png_bytes(self.view))
        except OSError as exc:
            message, hint = fsio.write_failure(exc, path.parent, path.name)
            show_error(self, message, hint)
            return False
        return True


def _category_axis(labels: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    return axis


def _count_axis(top: int, title: str = "") -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(top, 1))
    axis.applyNiceNumbers()
    if title:
        axis.setTitleText(title)
    return axis


class UnitProgressCharts(QWidget):
    """The unit's year on its plan: activities per task each quarter (stacked bars) and
    an indicator's running total through the quarters (the officer picks which)."""

    def __init__(
        self, quarter_label: Callable[[Period], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.quarter_label = quarter_label
        self.progress: UnitProgress | None = None
        self.activities = ChartBox(
            self.tr("Hoạt động theo nhiệm vụ, từng quý"), "hoat-dong-theo-quy"
        )
        self.indicator = ChartBox(self.tr("Chỉ tiêu cộng dồn qua các quý"), "chi-tieu-cong-don")
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Chỉ tiêu trên biểu đồ"))
        self.choice.setMinimumContentsLength(18)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        label = QLabel(self.tr("C&hỉ tiêu:"))
        label.setBuddy(self.choice)
        self.indicator.controls.insertWidget(0, label)
        self.indicator.controls.insertWidget(1, self.choice, 1)
        self.choice.currentIndexChanged.connect(self._draw_indicator)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.activities, 1)
        layout.addWidget(self.indicator, 1)

    def show_progress(self, progress: UnitProgress) -> None:
        self.progress = progress
        labels = [self.quarter_label(q) for q in progress.quarters]
        box = self.activities
        box.clear()
        series = QStackedBarSeries()
        for n, task in enumerate(progress.tasks):
            bar = QBarSet(task.code)
            bar.setColor(QColor(SERIES_COLOURS[n % len(SERIES_COLOURS)]))
            bar.append([float(v) for v in task.counts])
            series.append(bar)
        box.chart.addSeries(series)
        x = _category_axis(labels)
        top = max((sum(t.counts[i] for t in progress.tasks) for i in range(len(labels))), default=0)
        y = _count_axis(top, self.tr("hoạt động"))
        box.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        box.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        keep = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for ind in progress.indicators:
            self.choice.addItem(
                f"{ind.task_code} — {ind.name} ({ind.unit})", (ind.task_code, ind.code)
            )
            self.choice.setItemData(self.choice.count() - 1, ind.name, Qt.ItemDataRole.ToolTipRole)
        found = self.choice.findData(keep) if keep is not None else -1
        self.choice.setCurrentIndex(max(found, 0))
        self.choice.blockSignals(False)
        self.choice.setEnabled(bool(progress.indicators))
        self._draw_indicator()

    def _draw_indicator(self) -> None:
        box = self.indicator
        box.clear()
        progress = self.progress
        if progress is None:
            return
        key = self.choice.currentData()
        chosen = next((i for i in progress.indicators if (i.task_code, i.code) == key), None)
        labels = [self.quarter_label(q) for q in progress.quarters]
        line = QLineSeries()
        line.setName(chosen.unit if chosen else self.tr("Chưa có số liệu chỉ tiêu"))
        line.setColor(QColor(SERIES_COLOURS[0]))
        line.setPointsVisible(True)
        totals = chosen.totals[: progress.upto] if chosen else ()
        for i, value in enumerate(totals):
            line.append(QPointF(i, float(value)))
        box.chart.addSeries(line)
        x = _category_axis(labels)
        y = _count_axis(max(totals, default=0), chosen.unit if chosen else "")
        if chosen and max(totals, default=0) >= 1_000_000:
            y.setLabelFormat("%.0f")
        box.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        box.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(x)
        line.attachAxis(y)


class UnitProgressPanel(QWidget):
    """The unit's progress charts for a year of the workspace's current plan, with the
    year to show; self-contained: give it the context, call refresh() when the data or
    the plan changed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = dt.date.today
        self.charts = UnitProgressCharts(self._quarter_label)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName(self.tr("Năm báo cáo của biểu đồ"))
        self.year.setValue(default_year(ctx.ws, self.today()))
        label = QLabel(self.tr("Nă&m báo cáo:"))
        label.setBuddy(self.year)
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.charts, 1)
        self.year.valueChanged.connect(lambda _y: self.refresh())

    def _quarter_label(self, quarter: Period) -> str:
        return self.tr("Quý %1").replace("%1", ("I", "II", "III", "IV")[quarter.index - 1])

    def refresh(self) -> None:
        progress = unit_progress(self.ctx.ws, self.year.value(), self.today())
        self.charts.show_progress(progress)
        start, end = progress.quarters[0].window.start, progress.quarters[-1].window.end
        self.note.setText(
            (
                self.tr("Chưa có hoạt động nào trong năm báo cáo này.")
                if progress.empty
                else self.tr("Hoạt động tính vào quý có khoảng số liệu chứa ngày thực hiện.")
            )
            + " "
            + self.tr("Năm báo cáo %1: từ %2 đến %3.")
            .replace("%1", str(progress.year))
            .replace("%2", start.strftime("%d/%m/%Y"))
            .replace("%3", end.strftime("%d/%m/%Y"))
        )


class CompletenessCharts(QWidget):
    """The province's reports by state: per period, and per kind of unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_period = ChartBox(self.tr("Báo cáo theo kỳ"), "bao-cao-theo-ky")
        self.by_kind = ChartBox(self.tr("Báo cáo theo loại đơn vị"), "bao-cao-theo-loai-don-vi")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.by_period, 3)
        layout.addWidget(self.by_kind, 2)

    def show_completeness(
        self,
        data: Completeness,
        period_labels: list[str],
        kind_labels: list[str],
        words: dict[CellState, str],
    ) -> None:
        self._draw(self.by_period, QStackedBarSeries(), data.by_period, period_labels, words)
        self._draw(self.by_kind, QHorizontalStackedBarSeries(), data.by_kind, kind_labels, words)

    def _draw(
        self,
        box: ChartBox,
        series: QStackedBarSeries | QHorizontalStackedBarSeries,
        counts: tuple[dict[CellState, int], ...],
        labels: list[str],
        words: dict[CellState, str],
    ) -> None:
        box.clear()
        for state in CellState:
            bar = QBarSet(words[state])
            bar.setColor(QColor(STATE_COLOURS[state]))
            bar.append([float(c[state]) for c in counts])
            series.append(bar)
        box.chart.addSeries(series)
        categories = _category_axis(labels)
        values = _count_axis(max((sum(c.values()) for c in counts), default=0), self.tr("báo cáo"))
        horizontal = isinstance(series, QHorizontalStackedBarSeries)
        box.chart.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        box.chart.addAxis(
            values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(categories)
        series.attachAxis(values)
