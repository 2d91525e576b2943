"""Choosing units from the plan's directory: one unit (a combo box that searches as the
clerk types), or the units a task names (one by one, or "every unit of a kind")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.text import fold
from app.units import UNIT_KINDS, UnitDirectory, UnitKind
from ui.widgets.editors import QuietComboBox

Selector = dict[str, str]


def kind_name(kind: str) -> str:
    """A kind of unit as the picker names it ("every …")."""
    names = {
        UnitKind.PROVINCE: QCoreApplication.translate("UnitPicker", "UBND tỉnh"),
        UnitKind.DEPARTMENT: QCoreApplication.translate("UnitPicker", "Các sở, ban, ngành"),
        UnitKind.PARTY: QCoreApplication.translate("UnitPicker", "Các cơ quan Đảng"),
        UnitKind.PRESS: QCoreApplication.translate("UnitPicker", "Các cơ quan báo chí"),
        UnitKind.DISTRICT: QCoreApplication.translate("UnitPicker", "UBND các huyện, thị xã"),
        UnitKind.COMMUNE: QCoreApplication.translate("UnitPicker", "UBND các xã, phường"),
    }
    return str(names.get(UnitKind(kind), kind)) if kind in UNIT_KINDS else kind


def describe(selectors: Sequence[Selector], units: UnitDirectory | None) -> str:
    """The selectors in words: "Các sở, ban, ngành; Sở Văn hóa …"."""
    out = []
    for sel in selectors:
        if sel.get("kind"):
            out.append(kind_name(sel["kind"]))
        elif units is not None and sel.get("unit") in units:
            out.append(units.get(sel["unit"]).short_name)
        else:
            out.append(str(sel.get("unit", "")))
    return "; ".join(out)


class UnitCombo(QuietComboBox):
    """One unit of the directory, found by typing any part of its name; optional ones
    have an empty first entry. A value the directory lacks is kept (and shown as it is)
    so that the checker can say so."""

    picked = Signal(str)

    def __init__(self, units: UnitDirectory | None, *, optional: bool) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QuietComboBox.InsertPolicy.NoInsert)
        if optional:
            self.addItem(self.tr("(không có)"), "")
        for unit, depth in units.tree() if units is not None else ():
            self.addItem("   " * min(depth, 2) + unit.short_name, unit.id)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.activated.connect(self._activated)
        edit = self.lineEdit()
        assert edit is not None
        edit.editingFinished.connect(self._typed)

    def value(self) -> str:
        data = self.currentData()
        return str(data) if data is not None else ""

    def set_value(self, unit_id: str) -> None:
        index = self.findData(unit_id)
        if index < 0 and unit_id:
            self.addItem(unit_id, unit_id)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def _activated(self, _index: int) -> None:
        self.picked.emit(self.value())

    def _typed(self) -> None:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchContains)
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)
            self.picked.emit(self.value())
        elif index < 0:
            self.setCurrentIndex(self.currentIndex())  # back to the last valid unit


class SelectorField(QFrame):
    """The units a task names, in words, with "Chọn…" to change them."""

    changed = Signal(list)

    def __init__(self, units: UnitDirectory | None, title: str) -> None:
        super().__init__()
        self.units = units
        self.title = title
        self.selectors: list[Selector] = []
        self.setObjectName("planField")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Chọn…"))
        self.button.setAccessibleName(title)
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.button)

    def set_selectors(self, selectors: Sequence[Selector]) -> None:
        self.selectors = [dict(s) for s in selectors]
        self.label.setText(describe(self.selectors, self.units) or self.tr("(chưa chọn đơn vị)"))

    def choose(self) -> None:
        dialog = UnitPickerDialog(self.units, self.selectors, self.title, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_selectors(dialog.selectors())
            self.changed.emit(self.selectors)


class UnitPickerDialog(QDialog):
    """Pick units one by one (search by any part of the name), or every unit of a kind."""

    def __init__(
        self,
        units: UnitDirectory | None,
        selectors: Sequence[Selector],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.units = units
        self.original = [dict(s) for s in selectors]
        chosen_kinds = {s["kind"] for s in selectors if s.get("kind")}
        chosen_units = {s["unit"] for s in selectors if s.get("unit")}
        layout = QVBoxLayout(self)
        kinds_box = QGroupBox(self.tr("Chọn theo &loại (mọi đơn vị thuộc loại đó)"))
        kinds_layout = QVBoxLayout(kinds_box)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in UnitKind:
            count = len(units.of_kind(kind)) if units is not None else 0
            box = QCheckBox(
                self.tr("%1 (%2 đơn vị)").replace("%1", kind_name(kind)).replace("%2", str(count))
            )
            box.setChecked(kind.value in chosen_kinds)
            box.setEnabled(count > 0 or kind.value in chosen_kinds)
            self.kind_boxes[kind.value] = box
            kinds_layout.addWidget(box)
        layout.addWidget(kinds_box)
        search_label = QLabel(self.tr("&Tìm đơn vị:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ một phần tên, ví dụ «văn hóa» hoặc «Ia»"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Đơn vị"))
        for unit, depth in units.tree() if units is not None else ():
            item = QListWidgetItem("   " * min(depth, 2) + unit.short_name)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{unit.name} {unit.short_name}"))
            item.setData(Qt.ItemDataRole.UserRole + 2, unit.kind.value)
            item.setData(Qt.ItemDataRole.UserRole + 3, f"{unit.name} ({unit.id})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if unit.id in chosen_units else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.unknown = [u for u in chosen_units if units is None or u not in units]
        for box in self.kind_boxes.values():
            box.toggled.connect(self._covered)
        self._covered()
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 600)
        self.search.setFocus()

    def _covered(self, *_: object) -> None:
        """Units of a kind chosen as a whole are named by it: shown greyed, not ticked."""
        kinds = {k for k, box in self.kind_boxes.items() if box.isChecked()}
        covered = self.tr("Đã gồm trong lựa chọn theo loại")
        for row in range(self.list.count()):
            item = self.list.item(row)
            inside = item.data(Qt.ItemDataRole.UserRole + 2) in kinds
            flags = item.flags()
            if inside:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(covered)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(str(item.data(Qt.ItemDataRole.UserRole + 3)))

    def _filter(self, text: str) -> None:
        wanted = fold(text.strip())
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = str(item.data(Qt.ItemDataRole.UserRole + 1))
            item.setHidden(bool(wanted) and wanted not in haystack)

    def selectors(self) -> list[Selector]:
        """The choice, in the order the task named them, new ones after."""
        kinds = {k for k, box in self.kind_boxes.items() if box.isChecked()}
        units = set(self.unknown)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                units.add(str(item.data(Qt.ItemDataRole.UserRole)))
        out: list[Selector] = []
        for sel in self.original:
            if sel.get("kind") in kinds or sel.get("unit") in units:
                out.append(sel)
        have = {(s.get("kind"), s.get("unit")) for s in out}
        for kind in UnitKind:
            if kind.value in kinds and (kind.value, None) not in have:
                out.append({"kind": kind.value})
        for row in range(self.list.count()):
            unit_id = str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            if unit_id in units and (None, unit_id) not in have:
                out.append({"unit": unit_id})
        return out

    def check_unit(self, unit_id: str, checked: bool = True) -> None:
        """Tick a unit (for tests and the keyboard-less)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == unit_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
