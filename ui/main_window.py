"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

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

if TYPE_CHECKING:
    from ui.screens.activities import ActivitiesScreen
    from ui.screens.reports import ReportsScreen

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
        # Screens are built the first time they are shown: the first window comes up
        # without loading reportlab, cryptography or the other screens' data.
        self.factories: list[tuple[str, Callable[[], QWidget]]] = [
            (self.tr("Tổng quan"), lambda: _overview(ctx)),
            (self.tr("Nhiệm vụ"), lambda: _tasks(ctx)),
            (self.tr("Hoạt động"), lambda: _activities(ctx)),
            (self.tr("Báo cáo"), lambda: _reports(ctx)),
            (self.tr("Gửi báo cáo"), lambda: _outbox(ctx)),
            (self.tr("Cài đặt"), lambda: _settings(ctx)),
        ]
        self.built: dict[int, QWidget] = {}
        for i, (label, _factory) in enumerate(self.factories):
            item = QListWidgetItem(label)
            item.setToolTip(f"{label} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until first shown
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.show_screen(i))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._switch)

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

    def screen_at(self, index: int) -> QWidget:
        """The screen at index, built on first use."""
        if index not in self.built:
            widget = self.factories[index][1]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.built[index] = widget
        return self.built[index]

    @property
    def screens(self) -> list[tuple[str, QWidget]]:
        """Every screen with its label (builds those not built yet)."""
        return [(label, self.screen_at(i)) for i, (label, _f) in enumerate(self.factories)]

    @property
    def activities(self) -> ActivitiesScreen:
        return cast("ActivitiesScreen", self.screen_at(ACTIVITIES))

    @property
    def reports(self) -> ReportsScreen:
        return cast("ReportsScreen", self.screen_at(REPORTS))

    def _switch(self, index: int) -> None:
        if index >= 0:
            self.stack.setCurrentWidget(self.screen_at(index))

    def show_screen(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def new_activity(self) -> None:
        self.show_screen(ACTIVITIES)
        self.activities.new_activity()

    def find_activity(self) -> None:
        self.show_screen(ACTIVITIES)
        self.activities.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        for screen in self.built.values():
            flush = getattr(screen, "flush_edits", None)
            if flush is not None:
                flush()
        event.accept()


ACTIVITIES, REPORTS = 2, 3


def _overview(ctx: AppContext) -> QWidget:
    from ui.screens.overview import OverviewScreen

    return OverviewScreen(ctx)


def _tasks(ctx: AppContext) -> QWidget:
    from ui.screens.tasks import TasksScreen

    return TasksScreen(ctx)


def _activities(ctx: AppContext) -> QWidget:
    from ui.screens.activities import ActivitiesScreen

    return ActivitiesScreen(ctx)


def _reports(ctx: AppContext) -> QWidget:
    from ui.screens.reports import ReportsScreen

    return ReportsScreen(ctx)


def _outbox(ctx: AppContext) -> QWidget:
    from ui.screens.outbox import OutboxScreen

    return OutboxScreen(ctx)


def _settings(ctx: AppContext) -> QWidget:
    from ui.screens.settings import SettingsScreen

    return SettingsScreen(ctx)
