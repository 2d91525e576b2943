"""The frame both main windows share: the sidebar with the app's name, the unit and the
navigation, and a stack of screens built the first time they are shown (so the first
window comes up without loading reportlab, cryptography or any other screen's data)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

ScreenFactory = Callable[[], QWidget]


class ShellWindow(QMainWindow):
    """Navigation on the left, one screen at a time on the right; Ctrl+1…N switch."""

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
        self.factories: list[tuple[str, ScreenFactory]] = []
        self.built: dict[int, QWidget] = {}
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
        ctx.status_message.connect(self._show_status)

    def add_screens(self, screens: Sequence[tuple[str, ScreenFactory]]) -> None:
        """The navigation entries, each with the function that builds its screen."""
        for label, factory in screens:
            i = len(self.factories)
            self.factories.append((label, factory))
            item = QListWidgetItem(label)
            item.setToolTip(f"{label} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until first shown
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.show_screen(i))
            self.addAction(action)

    def start_on(self, index: int) -> None:
        self.nav.setCurrentRow(index)
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

    def show_screen(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def _switch(self, index: int) -> None:
        if index >= 0:
            self.stack.setCurrentWidget(self.screen_at(index))

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        for screen in self.built.values():
            flush = getattr(screen, "flush_edits", None)
            if flush is not None:
                flush()
        event.accept()
