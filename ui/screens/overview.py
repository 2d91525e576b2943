"""Tổng quan: progress of each task, deadline tasks on track or not, the next report due
and anything late."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.calendar import DueState
from app.services import overview
from ui.context import AppContext
from ui.widgets.common import STATUS_COLOURS, Card, heading, plan_name
from ui.widgets.lazy import LazyRefresh

if TYPE_CHECKING:
    from ui.widgets.charts import UnitProgressPanel

Index = QModelIndex | QPersistentModelIndex


class ProgressModel(QAbstractTableModel):
    """One row per task of the plan."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[overview.TaskProgress] = []
        self.headers = [
            self.tr("Mã"),
            self.tr("Nhiệm vụ"),
            self.tr("Thời gian thực hiện"),
            self.tr("Số hoạt động"),
            self.tr("Hoạt động gần nhất"),
            self.tr("Tình hình"),
        ]

    def set_rows(self, rows: list[overview.TaskProgress]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def verdict_text(self, verdict: str) -> str:
        return {
            "done": self.tr("Đã hoàn thành"),
            "on_track": self.tr("Đúng tiến độ"),
            "at_risk": self.tr("Có nguy cơ chậm"),
            "overdue": self.tr("Quá hạn"),
            "recurring_active": self.tr("Đang thực hiện thường xuyên"),
            "recurring_idle": self.tr("Chưa có hoạt động"),
        }[verdict]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == 5:
            return QBrush(QColor(STATUS_COLOURS.get(row.verdict, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return "\n".join(row.task.content)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: overview.TaskProgress, col: int) -> object:
        if col == 0:
            return row.task.code
        if col == 1:
            return row.task.short_title or row.task.title
        if col == 2:
            return row.task.timeframe.text
        if col == 3:
            return row.activity_count
        if col == 4:
            return row.last_date.strftime("%d/%m/%Y") if row.last_date else "—"
        if col == 5:
            text = self.verdict_text(row.verdict)
            if row.reported_percent is not None:
                text += f" ({row.reported_percent}%)"
            return text
        return None


class OverviewScreen(LazyRefresh):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = dt.date.today
        layout = QVBoxLayout(self)
        plan = ctx.ws.plan
        layout.addWidget(heading(self.tr("Tổng quan")))
        self.subtitle = heading(
            f"{plan_name(plan)} — {plan.issuer_name}",
            2,
        )
        layout.addWidget(self.subtitle)
        cards = QHBoxLayout()
        self.next_card = Card(self.tr("Báo cáo tiếp theo"))
        self.late_card = Card(self.tr("Cần xử lý"))
        self.count_card = Card(self.tr("Hoạt động đã ghi"))
        for card in (self.next_card, self.late_card, self.count_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)
        layout.addWidget(heading(self.tr("Tiến độ từng nhiệm vụ"), 2))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.chart_page = QWidget()  # the charts come after the first paint (_load_charts)
        QVBoxLayout(self.chart_page).setContentsMargins(0, 0, 0, 0)
        self.charts: UnitProgressPanel | None = None
        self.tabs.addTab(self.chart_page, self.tr("&Biểu đồ"))
        self.model = ProgressModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Tiến độ từng nhiệm vụ"))
        # rows follow the wrapped titles whenever the columns change width
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.tabs.addTab(self.table, self.tr("&Bảng"))
        layout.addWidget(self.tabs, 1)
        ctx.activities_changed.connect(self.mark_stale)
        ctx.reports_changed.connect(self.mark_stale)

    def _load_charts(self) -> None:
        """Build the charts (QtCharts loads here, after the window is up) and draw them."""
        if self.charts is None:
            from ui.widgets.charts import UnitProgressPanel

            self.charts = UnitProgressPanel(self.ctx)
            self.charts.today = self.today
            page_layout = self.chart_page.layout()
            assert page_layout is not None
            page_layout.addWidget(self.charts)
        self.charts.refresh()

    def _charts_after_paint(self) -> None:
        """The charts wait one more turn of the event loop: the turn that follows a refresh
        lays out and paints the cards and the table with the data first (QtCharts' import
        and the charts' set-up take longer than the rest of the screen)."""
        QTimer.singleShot(0, self._load_charts)

    def refresh(self) -> None:
        QTimer.singleShot(0, self._charts_after_paint)
        today = self.today()
        ws = self.ctx.ws
        rows = overview.task_progress(ws, today)
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        nxt = overview.next_report(ws, today)
        if nxt is None:
            self.next_card.set_text(self.tr("Không có báo cáo nào sắp đến hạn."))
        else:
            days = (nxt.due - today).days
            when = (
                self.tr("hôm nay") if days == 0 else self.tr("còn %1 ngày").replace("%1", str(days))
            )
            label = self.ctx.period_label(nxt.period)
            self.next_card.set_text(
                self.tr("<b>Báo cáo %1</b><br>Số liệu từ %2 đến %3<br>Hạn gửi: <b>%4</b> (%5)")
                .replace("%1", html.escape(label))
                .replace("%2", nxt.window.start.strftime("%d/%m/%Y"))
                .replace("%3", nxt.window.end.strftime("%d/%m/%Y"))
                .replace("%4", nxt.due.strftime("%d/%m/%Y"))
                .replace("%5", when)
            )
        items: list[str] = []
        for due in overview.due_reports(ws, today):
            if due.state == DueState.LATE:
                label = self.ctx.period_label(due.period)
                items.append(
                    self.tr("<span style='color:#b00020'>Báo cáo %1 quá hạn (hạn %2)</span>")
                    .replace("%1", html.escape(label))
                    .replace("%2", due.due.strftime("%d/%m/%Y"))
                )
        for row in rows:
            if row.verdict in ("overdue", "at_risk"):
                items.append(
                    self.tr("Nhiệm vụ %1: %2 (hạn %3)")
                    .replace("%1", row.task.code)
                    .replace("%2", self.model.verdict_text(row.verdict).lower())
                    .replace(
                        "%3",
                        row.task.timeframe.deadline.strftime("%d/%m/%Y")
                        if row.task.timeframe.deadline
                        else "",
                    )
                )
        self.late_card.set_text("<br>".join(items) if items else self.tr("Không có việc trễ hạn."))
        total = sum(r.activity_count for r in rows)
        year = sum(r.year_count for r in rows)
        self.count_card.set_text(
            self.tr("<b>%1</b> hoạt động, trong đó <b>%2</b> trong năm báo cáo hiện tại")
            .replace("%1", f"{total:,}".replace(",", "."))
            .replace("%2", f"{year:,}".replace(",", "."))
        )
