"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext

NAV_STYLE = """
QListWidget#navigation { background: #1f3a5f; color: #e8eef6; border: none; outline: none; }
QListWidget#navigation::item { padding: 10px 16px; }
QListWidget#navigation::item:selected { background: #f2f5f9; color: #1f3a5f; font-weight: bold; }
QListWidget#navigation::item:hover:!selected { background: #2d4f7c; }
"""


class MainWindow(QMainWindow):
    """Tổng quan, Nhiệm vụ, Hoạt động, Báo cáo, Gửi báo cáo, Cài đặt — Ctrl+1…6."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        from ui.screens.activities import ActivitiesScreen
        from ui.screens.outbox import OutboxScreen
        from ui.screens.overview import OverviewScreen
        from ui.screens.reports import ReportsScreen
        from ui.screens.settings import SettingsScreen
        from ui.screens.tasks import TasksScreen

        unit = ctx.ws.units.get(ctx.ws.settings.unit_id)
        self.setWindowTitle(self.tr("Tiến Độ — %1").replace("%1", unit.name))
        self.resize(1200, 760)
        self.setMinimumSize(QSize(900, 600))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setAccessibleName(self.tr("Chuyển màn hình"))
        self.nav.setStyleSheet(NAV_STYLE)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.stack = QStackedWidget()
        self.overview = OverviewScreen(ctx)
        self.tasks = TasksScreen(ctx)
        self.activities = ActivitiesScreen(ctx)
        self.reports = ReportsScreen(ctx)
        self.outbox = OutboxScreen(ctx)
        self.settings = SettingsScreen(ctx)
        self.screens: list[tuple[str, QWidget]] = [
            (self.tr("Tổng quan"), self.overview),
            (self.tr("Nhiệm vụ"), self.tasks),
            (self.tr("Hoạt động"), self.activities),
            (self.tr("Báo cáo"), self.reports),
            (self.tr("Gửi báo cáo"), self.outbox),
            (self.tr("Cài đặt"), self.settings),
        ]
        for i, (label, screen) in enumerate(self.screens):
            item = QListWidgetItem(label)
            item.setToolTip(f"{label} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(screen)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.show_screen(i))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QWidget()
        side.setObjectName("sidebar")
        side.setStyleSheet("#sidebar { background: #1f3a5f; }")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 12, 0, 12)
        brand = QLabel(self.tr("Tiến Độ"))
        brand.setStyleSheet("color: white; font-size: 18pt; font-weight: bold; padding: 4px 16px;")
        unit_name = QLabel(unit.short_name or unit.name)
        unit_name.setWordWrap(True)
        unit_name.setStyleSheet("color: #c9d6e8; padding: 0 16px 12px 16px;")
        side_layout.addWidget(brand)
        side_layout.addWidget(unit_name)
        side_layout.addWidget(self.nav, 1)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.unit_label = QLabel(unit.name)
        self.statusBar().addPermanentWidget(self.unit_label)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))

        new_activity = QAction(self.tr("Thêm hoạt động"), self)
        new_activity.setShortcut(QKeySequence.StandardKey.New)
        new_activity.triggered.connect(self.new_activity)
        self.addAction(new_activity)
        find = QAction(self.tr("Tìm hoạt động"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find_activity)
        self.addAction(find)
        self.nav.setCurrentRow(0)
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_screen(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def new_activity(self) -> None:
        self.show_screen(2)
        self.activities.new_activity()

    def find_activity(self) -> None:
        self.show_screen(2)
        self.activities.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        for _, screen in self.screens:
            flush = getattr(screen, "flush_edits", None)
            if flush is not None:
                flush()
        event.accept()
