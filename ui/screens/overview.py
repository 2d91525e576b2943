"""Tổng quan: each followed plan's next report and late ones (each opens in Báo cáo), the
current plan's progress per task and its deadline tasks on track or not.

At start-up the screen can come up before the workspace is open, from the overview read
with SQLite alone (``OverviewScreen(None, look=…)``); ``attach(ctx)`` then hands it the
workspace, and a report opened in the meantime opens then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from app.services import overview
from ui.context import AppContext, period_label
from ui.widgets.common import STATUS_COLOURS, Card, heading, plan_label, plan_name
from ui.widgets.lazy import LazyRefresh

if TYPE_CHECKING:
    from app.calendar import Period
    from app.plan import Plan
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


class _WrappedRows(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the list's width (a tree view asks its
    delegate for one line otherwise, and cuts a long entry short on a narrow screen)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.parent()
        base = super().sizeHint(option, index)
        if not isinstance(view, QTreeWidget):
            return base
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)  # the item's own font (a plan's heading is bold)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(view.viewport().width() - view.indentation() * depth - 8, 80)
        text = opt.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text
        )
        return QSize(width, max(base.height(), text.height() + 4))


class DueReportsList(QTreeWidget):
    """Each followed plan's next report and the reports waiting for action (late ones
    first); Enter, a double-click or a click on a report opens it (``opened``)."""

    opened = Signal(str, str)  # plan id, period code

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.setItemDelegate(_WrappedRows(self))
        self.setAccessibleName(self.tr("Báo cáo cần gửi của từng kế hoạch"))
        self.setStyleSheet("QTreeWidget { background: transparent; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)

    def fill(self, plans: list[overview.PlanReports], today: dt.date) -> None:
        self.clear()
        several = len(plans) > 1
        for plan_reports in plans:
            parent: QTreeWidgetItem | None = None
            if several:
                parent = QTreeWidgetItem([plan_label(plan_reports.plan.plan)])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent.setToolTip(0, plan_reports.plan.plan.title)
                self.addTopLevelItem(parent)
            for item in self._items(plan_reports, today):
                if parent is None:
                    self.addTopLevelItem(item)
                else:
                    parent.addChild(item)
        self.expandAll()
        first = self._first_report()
        if first is not None:  # where the keyboard starts; highlighted once it moves
            self.setCurrentItem(first)
            self.clearSelection()
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # the rows wrap again to the new width
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every entry as wrapped now, up to 14 lines (then it scrolls)."""
        self.executeDelayedItemsLayout()
        total = 0
        it = QTreeWidgetItemIterator(self)
        while (item := it.value()) is not None:
            total += self.visualItemRect(item).height()
            it += 1
        height = min(total, 14 * self.fontMetrics().height()) + 2 * self.frameWidth() + 4
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    def _items(self, plan_reports: overview.PlanReports, today: dt.date) -> list[QTreeWidgetItem]:
        items = []
        nxt = plan_reports.next
        late = [d for d in plan_reports.waiting if d.late]
        for due in late:
            text = (
                self.tr("Báo cáo %1 — quá hạn (hạn %2)")
                .replace("%1", self._label(due.status.period))
                .replace("%2", due.status.due.strftime("%d/%m/%Y"))
            )
            items.append(self._report_item(due, text, late=True))
        shown = {d.period_code for d in late}
        if nxt is not None:
            items.append(self._report_item(nxt, self._next_text(nxt, today), late=False))
            shown.add(nxt.period_code)
        for due in plan_reports.waiting:
            if due.period_code not in shown:
                items.append(self._report_item(due, self._due_text(due, today), late=False))
        if not items:
            item = QTreeWidgetItem([self.tr("Không có báo cáo nào cần gửi.")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items.append(item)
        return items

    def _next_text(self, due: overview.DueReport, today: dt.date) -> str:
        return (
            self.tr("Tiếp theo: báo cáo %1 — hạn %2 (%3)")
            .replace("%1", self._label(due.status.period))
            .replace("%2", due.status.due.strftime("%d/%m/%Y"))
            .replace("%3", self._days_left(due.status.due, today))
        )

    def _due_text(self, due: overview.DueReport, today: dt.date) -> str:
        return (
            self.tr("Báo cáo %1 — hạn %2 (%3)")
            .replace("%1", self._label(due.status.period))
            .replace("%2", due.status.due.strftime("%d/%m/%Y"))
            .replace("%3", self._days_left(due.status.due, today))
        )

    def _label(self, period: Period) -> str:
        return period_label(period, self.lang)

    def _days_left(self, due: dt.date, today: dt.date) -> str:
        days = (due - today).days
        return self.tr("hôm nay") if days == 0 else self.tr("còn %1 ngày").replace("%1", str(days))

    def _report_item(self, due: overview.DueReport, text: str, *, late: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, Qt.ItemDataRole.UserRole, (due.plan_id, due.period_code))
        item.setToolTip(0, self.tr("Mở báo cáo này (Enter)"))
        if late:
            item.setForeground(0, QBrush(QColor(STATUS_COLOURS["late"])))
        return item

    def _first_report(self) -> QTreeWidgetItem | None:
        it = QTreeWidgetItemIterator(self)
        while (item := it.value()) is not None:
            if item.data(0, Qt.ItemDataRole.UserRole):
                return item
            it += 1
        return None

    def reports(self) -> list[tuple[str, str, str]]:
        """Every report listed: (plan id, period code, text), top to bottom."""
        out = []
        it = QTreeWidgetItemIterator(self)
        while (item := it.value()) is not None:
            target = item.data(0, Qt.ItemDataRole.UserRole)
            if target:
                out.append((target[0], target[1], item.text(0)))
            it += 1
        return out

    @Slot(QTreeWidgetItem)
    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            self.opened.emit(str(target[0]), str(target[1]))


class OverviewScreen(LazyRefresh):
    """Give it the open workspace (``ctx``), or the overview read before it opened
    (``look``, in the interface language ``lang``) and the workspace later by
    :meth:`attach`."""

    def __init__(
        self, ctx: AppContext | None, *, look: overview.Overview | None = None, lang: str = "vi"
    ) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self.look = look
        self.shown: overview.Overview | None = None  # what the cards and table show
        self.pending: tuple[str, str] | None = None  # a report opened before attach()
        self.today: Callable[[], dt.date] = dt.date.today
        if look is not None:
            self.today = lambda: look.today
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Tổng quan")))
        self.subtitle = heading("", 2)
        if ctx is not None:
            self._title(ctx.ws.plan)
        elif look is not None:
            self._title(look.current.plan)
        layout.addWidget(self.subtitle)
        cards = QHBoxLayout()
        self.reports_card = Card(self.tr("Báo cáo cần gửi"))
        self.due_list = DueReportsList(ctx.lang if ctx is not None else lang)
        card_layout = self.reports_card.layout()
        assert card_layout is not None
        card_layout.addWidget(self.due_list)
        self.reports_card.body.hide()
        self.late_card = Card(self.tr("Nhiệm vụ cần chú ý"))
        self.count_card = Card(self.tr("Hoạt động đã ghi"))
        cards.addWidget(self.reports_card, 2)
        cards.addWidget(self.late_card, 1)
        cards.addWidget(self.count_card, 1)
        layout.addLayout(cards)
        self.due_list.opened.connect(self._open_report)
        layout.addWidget(heading(self.tr("Tiến độ từng nhiệm vụ"), 2))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.chart_page = QWidget()  # the charts come after the first paint (_load_charts)
        self.chart_layout = QVBoxLayout(self.chart_page)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_waiting = QLabel(self.tr("Đang vẽ biểu đồ…"))
        self.charts_waiting.setStyleSheet("color: #5f6b7a; padding: 12px;")
        self.charts_waiting.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.chart_layout.addWidget(self.charts_waiting, 1)  # hidden once the charts are there
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
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The workspace is open: from now on the screen reads it (at once if shown), the
        charts follow, and a report chosen while it opened opens."""
        self.ctx = ctx
        self.today = ctx.today
        self.look = None
        ctx.activities_changed.connect(self.mark_stale)
        ctx.reports_changed.connect(self.mark_stale)
        ctx.plans_changed.connect(self.mark_stale)
        self.mark_stale()
        if self.pending is not None:
            # after the window has connected its own handlers (MainWindow.attach)
            QTimer.singleShot(0, self, self._open_pending)

    def _open_report(self, plan_id: str, period: str) -> None:
        if self.ctx is not None:
            self.ctx.open_report.emit(plan_id, period)
            return
        self.pending = (plan_id, period)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Báo cáo sẽ mở khi dữ liệu đã mở xong…"))

    def _open_pending(self) -> None:
        if self.ctx is not None and self.pending is not None:
            plan_id, period = self.pending
            self.pending = None
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().clearMessage()
            self.ctx.open_report.emit(plan_id, period)

    def _load_charts(self) -> None:
        """Build the charts (QtCharts loads here, after the window is up) and draw them."""
        if self.ctx is None:
            return
        if self.charts is None:
            from ui.widgets.charts import UnitProgressPanel

            self.charts = UnitProgressPanel(self.ctx)
            self.charts.today = self.today
            self.charts_waiting.hide()
            self.chart_layout.insertWidget(0, self.charts, 1)
        self.charts.refresh()

    def _charts_after_paint(self) -> None:
        """The charts wait one more turn of the event loop: the turn that follows a refresh
        lays out and paints the cards and the table with the data first (QtCharts' import
        and the charts' set-up take longer than the rest of the screen)."""
        QTimer.singleShot(0, self, self._load_charts)  # not once the screen is gone

    def refresh(self) -> None:
        if self.ctx is None:
            if self.look is not None:
                self._show(self.look)
            return
        QTimer.singleShot(0, self, self._charts_after_paint)
        data = overview.overview(self.ctx.ws, self.today())
        if data != self.shown:  # the same as the first look: the list keeps its place
            self._show(data)

    def _title(self, plan: Plan) -> None:
        self.subtitle.setText(f"{plan_name(plan)} — {plan.issuer_name}")

    def _show(self, data: overview.Overview) -> None:
        self.shown = data
        self._title(data.current.plan)
        rows = data.progress
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.due_list.fill(data.reports, data.today)
        since = data.current.followed_since
        items: list[str] = []
        for row in rows:
            deadline = row.task.timeframe.deadline
            # a deadline that passed before the unit followed the plan is not its delay
            if row.verdict == "overdue" and since is not None and deadline and deadline < since:
                continue
            if row.verdict in ("overdue", "at_risk"):
                items.append(
                    self.tr("Nhiệm vụ %1: %2 (hạn %3)")
                    .replace("%1", row.task.code)
                    .replace("%2", self.model.verdict_text(row.verdict).lower())
                    .replace("%3", deadline.strftime("%d/%m/%Y") if deadline else "")
                )
        self.late_card.set_text(
            "<br>".join(items) if items else self.tr("Không có nhiệm vụ nào trễ hạn.")
        )
        total = sum(r.activity_count for r in rows)
        year = sum(r.year_count for r in rows)
        self.count_card.set_text(
            self.tr("<b>%1</b> hoạt động, trong đó <b>%2</b> trong năm báo cáo hiện tại")
            .replace("%1", f"{total:,}".replace(",", "."))
            .replace("%2", f"{year:,}".replace(",", "."))
        )
