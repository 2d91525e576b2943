"""The frame both main windows share: the sidebar with the app's name, the unit and the
navigation, and a stack of screens built the first time they are shown (so the first
window comes up without loading reportlab, cryptography or any other screen's data).

The frame can come up before the workspace is open: it needs only the unit. Until
:meth:`ShellWindow.attach` hands it the workspace, every screen says the data is opening
and the actions that need data are off; the sidebar already answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import window_state
from ui.context import AppContext

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ui.widgets.plan_switcher import PlanSwitcher

# Nothing on the way to the first window touches the Qt namespace: PySide builds its
# hundreds of enums on first use (40 ms here). Hence setShortcuts([…]) (setShortcut's
# overloads take Qt.Key), an opening page centred with stretches, setFocus() without a
# reason. tests/test_window_first.py checks it.

NAV_STYLE = """
QListWidget#navigation { background: #1f3a5f; color: #e8eef6; border: none; outline: none; }
QListWidget#navigation::item { padding: 10px 16px; }
QListWidget#navigation::item:selected { background: #f2f5f9; color: #1f3a5f; font-weight: bold; }
QListWidget#navigation::item:hover:!selected { background: #2d4f7c; }
"""

ScreenFactory = Callable[[AppContext], QWidget]


class ShellWindow(QMainWindow):
    """Navigation on the left, one screen at a time on the right; Ctrl+1…N switch.

    Give it the open workspace (``ctx``), or only the unit's names and the workspace later
    through :meth:`attach`.
    """

    ready = Signal()  # the workspace is attached and a screen shows its data
    # The screens that show one plan's data: built again when the current plan changes.
    plan_screens: tuple[int, ...] = ()
    switcher: PlanSwitcher  # when add_plan_switcher was called
    _plan_source = ""

    def __init__(
        self, ctx: AppContext | None = None, *, unit_name: str = "", unit_short_name: str = ""
    ) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        if ctx is not None:
            unit = ctx.ws.own_unit()
            unit_name, unit_short_name = unit.name, unit.short_name
        self.data_actions: list[QAction] = []
        self.setWindowTitle(unit_name)  # the app's name follows it (applicationDisplayName)
        self.setMinimumSize(QSize(900, 600))
        self.maximize = window_state.place(self, type(self).__name__, QSize(1200, 760))

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
        # screens shown before the workspace is open (preview()), each with its attach
        self.previews: dict[int, tuple[QWidget, Callable[[AppContext], None]]] = {}
        self.nav.currentRowChanged.connect(self._switch)
        self.nav.itemPressed.connect(self._picked)
        self.picked_while_opening = False  # the user chose a screen before the data came

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
        unit_label = QLabel(unit_short_name or unit_name)
        unit_label.setWordWrap(True)
        unit_label.setStyleSheet("color: #c9d6e8; padding: 0 16px 12px 16px;")
        side_layout.addWidget(brand)
        side_layout.addWidget(unit_label)
        side_layout.addWidget(self.nav, 1)
        self.side_layout = side_layout  # a window may add to the sidebar (the plan switcher)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.unit_label = QLabel(unit_name)
        self.statusBar().addPermanentWidget(self.unit_label)

    def present(self) -> None:
        """Show the window: maximized the first time on a screen too small for its usual
        size, else as it was last left."""
        if self.maximize:
            self.showMaximized()
        else:
            self.show()

    def add_screens(self, screens: Sequence[tuple[str, ScreenFactory]]) -> None:
        """The navigation entries, each with the function that builds its screen."""
        for label, factory in screens:
            i = len(self.factories)
            self.factories.append((label, factory))
            item = QListWidgetItem(label)
            item.setToolTip(f"{label} (Ctrl+{i + 1})")
            self.nav.addItem(item)
            self.stack.addWidget(self._opening_page())  # until the screen is first shown
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{i + 1}")])
            action.triggered.connect(lambda _=False, i=i: self.show_screen(i))
            self.addAction(action)

    def add_data_action(self, text: str, shortcut: QKeySequence, slot: Callable[[], None]) -> None:
        """A window-wide shortcut that works on the data: off until the workspace is open."""
        action = QAction(text, self)
        action.setShortcuts([shortcut])
        action.triggered.connect(slot)
        action.setEnabled(self.ctx is not None)
        self.addAction(action)
        self.data_actions.append(action)

    def add_menu_action(
        self,
        menu: str,
        text: str,
        slot: Callable[[], None],
        shortcut: QKeySequence | None = None,
    ) -> QAction:
        """An entry of the window's menu bar (the menu made on first use) that works on
        the data: off until the workspace is open.

        Menu titles carry no Alt mnemonic: the screens use most letters already (Alt+K
        for "&Kỳ báo cáo", "Đổi &khóa"…), and an ambiguous Alt key would break theirs.
        Pressing Alt alone reaches the menu bar (then the arrows and Enter); an entry may
        have its own shortcut."""
        found = next((a.menu() for a in self.menuBar().actions() if a.text() == menu), None)
        target = found if isinstance(found, QMenu) else self.menuBar().addMenu(menu)
        action = target.addAction(text)
        if shortcut is not None:
            action.setShortcuts([shortcut])
        action.triggered.connect(slot)
        action.setEnabled(self.ctx is not None)
        self.data_actions.append(action)
        return action

    def add_plan_switcher(self) -> None:
        """The plan switcher under the unit's name (Ctrl+K): the screens of
        ``plan_screens`` show the chosen plan's data."""
        from ui.widgets.plan_switcher import PlanSwitcher

        self.switcher = PlanSwitcher()
        self.side_layout.insertWidget(2, self.switcher)
        self.switcher.chosen.connect(self._plan_chosen)
        self.add_data_action(self.tr("Chọn kế hoạch"), QKeySequence("Ctrl+K"), self.switcher.open)

    def _attach_switcher(self, ctx: AppContext) -> None:
        switcher: PlanSwitcher | None = getattr(self, "switcher", None)
        if switcher is None:
            return
        switcher.fill(ctx.ws)
        ctx.plans_changed.connect(self._plans_changed)
        ctx.plan_changed.connect(switcher.show_current)
        self._plan_source = ctx.ws.current.source_sha256

    def _plan_chosen(self, plan_id: str) -> None:
        if not self.switch_plan(plan_id) and self.ctx is not None:
            self.switcher.show_current(self.ctx.ws.plan.id)
        elif self.ctx is not None:
            self._plan_source = self.ctx.ws.current.source_sha256

    def _plans_changed(self) -> None:
        if self.ctx is None:
            return
        ws = self.ctx.ws
        self.switcher.fill(ws)
        # the current plan's file was replaced by a newer one: its screens show it again
        if ws.current.source_sha256 != self._plan_source and self._may_leave_plan():
            self._rebuild_plan_screens()
        self._plan_source = ws.current.source_sha256

    def start(self, ctx: AppContext | None) -> None:
        """The last step of a window's __init__: the navigation on its first entry, with
        the keyboard focus, and the workspace attached if it is open already."""
        self.nav.setCurrentRow(0)
        self.nav.setFocus()
        self.picked_while_opening = False
        if ctx is not None:
            self.attach(ctx)

    def preview(self, index: int, screen: QWidget, attach: Callable[[AppContext], None]) -> None:
        """Put up a screen built before the workspace is open (the unit's overview, read
        with SQLite alone) in place of its opening page; :meth:`attach` hands it the
        workspace through ``attach``."""
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, screen)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.previews[index] = (screen, attach)
        self.stack.setCurrentIndex(max(self.nav.currentRow(), 0))

    def attach(self, ctx: AppContext) -> None:
        """The workspace is open: show the screen the user moved to while it opened, or
        else the window's first screen, and switch on what needs data."""
        self.ctx = ctx
        for index, (screen, attach_screen) in self.previews.items():
            attach_screen(ctx)
            self.built[index] = screen
        self.previews.clear()
        self._attach_switcher(ctx)
        ctx.status_message.connect(self._show_status)
        for action in self.data_actions:
            action.setEnabled(True)
        row = self.nav.currentRow()
        target = row if self.picked_while_opening else self.first_screen(ctx)
        if target == row:
            self._switch(row)
        else:
            self.nav.setCurrentRow(target)
        self.ready.emit()

    def first_screen(self, ctx: AppContext) -> int:
        """The screen the window opens on."""
        return 0

    def _opening_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        label = QLabel(self.tr("Đang mở dữ liệu…"))
        busy = QProgressBar()
        busy.setRange(0, 0)  # no percentage to show: SQLite opens in one step
        busy.setTextVisible(False)
        busy.setFixedWidth(240)
        busy.setAccessibleName(label.text())
        for widget in (label, busy):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
        return page

    def screen_at(self, index: int) -> QWidget:
        """The screen at index, built on first use (the workspace must be attached)."""
        if self.ctx is None:
            raise RuntimeError("the workspace is not open yet")
        if index not in self.built:
            widget = self.factories[index][1](self.ctx)
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
        self._picked()
        self.nav.setCurrentRow(index)

    def _picked(self, *_item: object) -> None:
        if self.ctx is None:
            self.picked_while_opening = True

    def _switch(self, index: int) -> None:
        if index < 0:
            return
        if self.ctx is None:
            self.stack.setCurrentIndex(index)  # its "opening" page, until attach()
            self._picked()
        else:
            self.stack.setCurrentWidget(self.screen_at(index))

    # ------------------------------------------------------------------ plans

    def switch_plan(self, plan_id: str) -> bool:
        """Work on another plan: after saving what the screens hold (or the officer's
        leave to drop what could not be saved), make it current and remembered for the
        next start, and build the plan's screens again. Refused while a screen runs a
        background job. Returns whether ``plan_id`` is the current plan now."""
        ctx = self.ctx
        if ctx is None:
            return False
        if plan_id == ctx.ws.plan.id:
            return True
        if not self._may_leave_plan():
            return False
        from app.errors import KnownError
        from ui.widgets.messages import show_error

        try:
            plan = ctx.ws.use_plan(plan_id, remember=True)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self._rebuild_plan_screens()
        ctx.plan_changed.emit(plan_id)
        from ui.widgets.common import plan_name

        ctx.status_message.emit(self.tr("Đang làm việc với %1.").replace("%1", plan_name(plan)))
        return True

    def _may_leave_plan(self) -> bool:
        """Whether the screens of the current plan may go: nothing running, every edit
        saved, or the officer agreed to drop the edits that could not be saved."""
        from ui.widgets.messages import confirm, show_error

        labels = {i: label for i, (label, _f) in enumerate(self.factories)}
        busy = [labels[i] for i, w in sorted(self.built.items()) if _screen_busy(w)]
        if busy:
            show_error(
                self,
                self.tr("Màn hình %1 đang làm một việc chưa xong.").replace("%1", busy[0]),
                self.tr("Chờ việc đó xong (hoặc bấm Hủy) rồi chọn lại kế hoạch."),
            )
            return False
        unsaved = [
            labels[i]
            for i, w in sorted(self.built.items())
            if i in self.plan_screens and not _save_screen(w)
        ]
        if not unsaved:
            return True
        return confirm(
            self,
            self.tr("Đổi kế hoạch"),
            self.tr(
                "Chưa lưu được thay đổi ở màn hình %1. Nếu đổi kế hoạch bây giờ, các thay "
                "đổi đó sẽ mất.\n\nVẫn đổi kế hoạch?"
            ).replace("%1", ", ".join(unsaved)),
            self.tr("&Vẫn đổi"),
            self.tr("Ở &lại"),
        )

    def _rebuild_plan_screens(self) -> None:
        """Drop the built screens that show the plan; each is built again when shown (the
        one on screen now, at once)."""
        for index in self.plan_screens:
            old = self.built.pop(index, None)
            if old is None:
                continue
            self.stack.insertWidget(index, self._opening_page())
            self.stack.removeWidget(old)
            old.deleteLater()
        self._switch(self.nav.currentRow())

    def _show_status(self, text: str) -> None:
        from ui.widgets.messages import core_text

        self.statusBar().showMessage(core_text(text), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        for screen in self.built.values():
            flush = getattr(screen, "flush_edits", None)
            if flush is not None:
                flush()
        window_state.save_geometry(self, type(self).__name__)
        event.accept()


def _screen_busy(screen: QWidget) -> bool:
    """Whether a screen runs a background job (its ``busy()``, if it has one)."""
    busy = getattr(screen, "busy", None)
    return bool(busy()) if callable(busy) else False


def _save_screen(screen: QWidget) -> bool:
    """Save what a screen still holds; False when some edit could not be saved."""
    save = getattr(screen, "save_edits", None)
    if callable(save):
        return bool(save())
    flush = getattr(screen, "flush_edits", None)
    if callable(flush):
        flush()
    return True
