"""The plan switcher in a unit's sidebar: which plan the screens show, and the other plans
the unit follows. Choosing one asks the window to switch (ShellWindow.switch_plan), which
may refuse; the switcher then shows the current plan again.

It is built with the window, before the workspace opens: nothing here touches the Qt
namespace (or ui.widgets.common, which does) until :meth:`PlanSwitcher.fill`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from app.kept import KeptPlan
    from app.services.workspace import Workspace

SIDEBAR_TEXT = "color: #c9d6e8;"
# The role holding a plan's whole label ("157/KH-UBND — Công tác thông tin đối ngoại"):
# the open list shows it, the closed box only the number (the sidebar is narrow).
FULL_LABEL = 0x0100 + 1  # Qt.ItemDataRole.UserRole + 1, without building the Qt namespace


class _FullLabels(QStyledItemDelegate):
    """Draws each plan in the open list by its whole label."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        full = index.data(FULL_LABEL)
        if isinstance(full, str):
            option.text = full


class PlanSwitcher(QWidget):
    """A caption and a list of the plans the unit follows, the current one chosen."""

    chosen = Signal(str)  # the officer picked this plan (its id); not emitted when filled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 0, 16, 12)
        layout.setSpacing(4)
        self.caption = QLabel(self.tr("Kế hoạch đang làm việc (Ctrl+K):"))
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(SIDEBAR_TEXT)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Kế hoạch đang làm việc"))
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self.combo.view().setMinimumWidth(440)  # the list shows each plan's subject whole
        self.combo.setItemDelegate(_FullLabels(self.combo))
        self.caption.setBuddy(self.combo)
        self.about = QLabel()  # what the current plan is about, under its number
        self.about.setWordWrap(True)
        self.about.setStyleSheet(SIDEBAR_TEXT)
        layout.addWidget(self.caption)
        layout.addWidget(self.combo)
        layout.addWidget(self.about)
        self.combo.activated.connect(self._activated)
        self.setEnabled(False)  # until the workspace is open

    def fill(self, ws: Workspace) -> None:
        """List the plans the installation works with, the current one chosen."""
        self.list_plans(ws.plans or (ws.current,), ws.plan.id)
        self.setEnabled(True)

    def list_plans(self, plans: Iterable[KeptPlan], current_id: str) -> None:
        """List these plans, ``current_id`` chosen; the switcher stays off until the
        workspace is open (the start-up's first look lists them before)."""
        from PySide6.QtCore import Qt

        from ui.widgets.common import plan_label, plan_name

        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for kept in plans:
                plan = kept.plan
                self.combo.addItem(plan.number, kept.id)
                row = self.combo.count() - 1
                self.combo.setItemData(row, plan_label(plan), FULL_LABEL)
                self.combo.setItemData(
                    row, f"{plan_name(plan)}: {plan.title}", Qt.ItemDataRole.ToolTipRole
                )
        finally:
            self.combo.blockSignals(False)
        self.show_current(current_id)

    def show_current(self, plan_id: str) -> None:
        """Show ``plan_id`` as chosen (without asking for a switch)."""
        from PySide6.QtCore import Qt

        index = self.combo.findData(plan_id)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self.combo.setToolTip(str(self.combo.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))
        full = str(self.combo.itemData(index, FULL_LABEL) or "")
        self.about.setText(full.partition(" — ")[2])

    def current_id(self) -> str:
        return str(self.combo.currentData() or "")

    def open(self) -> None:
        """Put the focus on the list and open it (the window's Ctrl+K)."""
        if self.isEnabled():
            self.combo.setFocus()
            self.combo.showPopup()

    @Slot(int)
    def _activated(self, index: int) -> None:
        plan_id = self.combo.itemData(index)
        if isinstance(plan_id, str):
            self.chosen.emit(plan_id)
