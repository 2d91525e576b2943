"""Danh mục đơn vị: the unit directories the province keeps (name, version, units by
group, the plans that use each), one directory's units grouped and searchable, a
province's 2025 directory built from the official list in the background, and the
departments, press and Party bodies the province adds, edits and removes.

Every change is saved as a new version of the directory by app.services.directories;
a change that would drop a unit a plan names is refused there, and its message shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.directory_edit import ADDED_KINDS, province_unit, put_unit, without_unit
from app.errors import KnownError
from app.plan_units import grouped
from app.services.plans import DirectoryInfo, directories
from app.text import fold
from app.units import Unit, UnitDirectory
from ui.context import AppContext
from ui.screens.directories.dialogs import ProvinceDialog, UnitDialog
from ui.widgets.common import heading
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import confirm, show_error
from ui.widgets.unit_groups import group_title
from ui.worker import Job

if TYPE_CHECKING:
    from app.directory_build import OfficialProvince

UNIT_ROLE = Qt.ItemDataRole.UserRole


class DirectoriesScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.infos: list[DirectoryInfo] = []
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Danh mục đơn vị")))
        intro = QLabel(
            self.tr(
                "Danh mục đơn vị là danh sách các đơn vị mà kế hoạch giao nhiệm vụ: xã, phường "
                "theo danh mục hành chính chính thức, cùng các sở, ban, ngành, cơ quan báo chí, "
                "cơ quan Đảng do Sở thêm vào. Mỗi lần lưu tạo một phiên bản mới của danh mục."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._build_list())
        split.addWidget(self._build_units())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([150, 600])
        layout.addWidget(split, 1)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        self.refresh()

    # -- building ----------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Các danh mục Sở đang giữ:"))
        row.addWidget(caption)
        row.addStretch(1)
        self.build_button = QPushButton(self.tr("&Tạo danh mục từ danh sách hành chính…"))
        self.build_button.clicked.connect(self.ask_build)
        row.addWidget(self.build_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Danh mục"),
                self.tr("Phiên bản"),
                self.tr("Số đơn vị theo nhóm"),
                self.tr("Kế hoạch dùng"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Các danh mục đơn vị"))
        self.table.setWordWrap(True)  # the counts take two lines at 1366×768
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 340)
        caption.setBuddy(self.table)
        self.table.itemSelectionChanged.connect(self.show_units)
        layout.addWidget(self.table)
        return box

    def _build_units(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.units_caption = QLabel()
        row.addWidget(self.units_caption, 1)
        search_label = QLabel(self.tr("Tì&m:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("tên, mã hành chính hoặc mã đơn vị"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Tìm đơn vị"))
        self.search.setMinimumWidth(280)
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(self.filter_units)
        row.addWidget(search_label)
        row.addWidget(self.search)
        layout.addLayout(row)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Đơn vị"), self.tr("Mã hành chính"), self.tr("Tên ngắn"), self.tr("Mã đơn vị")]
        )
        self.tree.setAccessibleName(self.tr("Các đơn vị của danh mục, theo nhóm"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda _i, _c: self.edit_selected())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm &cơ quan (theo mẫu)…"))
        self.add_button.clicked.connect(self.add_from_dialog)
        self.edit_button = QPushButton(self.tr("&Sửa…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("&Xóa khỏi danh mục…"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons.addWidget(self.note, 2)
        layout.addLayout(buttons)
        return box

    # -- the list of directories -------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        keep = select or self.current_id()
        self.infos = directories(self.ctx.ws)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            version = self.tr("%1 (lưu %2)").replace("%1", str(info.version))
            version = version.replace("%2", _local(info.installed_at).strftime("%d/%m/%Y"))
            plans = ", ".join(info.plans) or self.tr("chưa có")
            cells = [info.name, version, self._counts(info.id), plans]
            tips = [info.id, self._history(info.id), cells[2], plans]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(UNIT_ROLE, info.id)
                item.setToolTip(tips[col])
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        ids = [i.id for i in self.infos]
        self.table.selectRow(ids.index(keep) if keep in ids else max(len(ids) - 1, 0))
        self.show_units()

    def _history(self, directory_id: str) -> str:
        """Every saved version: when and by whom."""
        from app.services.directories import versions

        return "\n".join(
            self.tr("Phiên bản %1: %2, %3")
            .replace("%1", str(v.number))
            .replace("%2", _local(v.saved_at).strftime("%d/%m/%Y %H:%M"))
            .replace("%3", v.saved_by or "—")
            for v in versions(self.ctx.ws, directory_id)
        )

    def showEvent(self, event: QShowEvent) -> None:
        # A plan added elsewhere (the plan editor, another screen) changes "used by".
        if self.job is None and self.infos:
            self.refresh()
        super().showEvent(event)

    def _counts(self, directory_id: str) -> str:
        directory = self.ctx.ws.directories[directory_id]
        parts = [
            self.tr("%1: %2").replace("%1", group_title(key)).replace("%2", str(len(units)))
            for key, units in grouped(directory.units)
            if key != "province"  # one per directory: its root
        ]
        return "; ".join(parts)

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.infos):
            return None
        return self.infos[rows[0].row()].id

    def current_directory(self) -> UnitDirectory | None:
        directory_id = self.current_id()
        return self.ctx.ws.directories.get(directory_id) if directory_id else None

    # -- one directory's units ---------------------------------------------------------

    @Slot()
    def show_units(self) -> None:
        directory = self.current_directory()
        self.tree.clear()
        if directory is None:
            self.units_caption.setText("")
            self._selection_changed()
            return
        self.units_caption.setText(
            self.tr("Đơn vị trong danh mục «%1» (%2 đơn vị):")
            .replace("%1", directory.name)
            .replace("%2", str(len(directory)))
        )
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for key, units in grouped(directory.units):
            group = QTreeWidgetItem([f"{group_title(key)} ({len(units)})"])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for unit in units:
                item = QTreeWidgetItem([unit.name, unit.code or "", unit.short_name, unit.id])
                item.setData(0, UNIT_ROLE, unit.id)
                group.addChild(item)
            group.setExpanded(True)
        self.filter_units(self.search.text())
        self._selection_changed()

    def _groups(self) -> list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        """Each group item of the tree with its unit items."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            assert group is not None
            children = [group.child(c) for c in range(group.childCount())]
            out.append((group, [c for c in children if c is not None]))
        return out

    @Slot(str)
    def filter_units(self, text: str) -> None:
        wanted = fold(text.strip())
        for group, items in self._groups():
            shown = 0
            for item in items:
                hay = fold(" ".join(item.text(col) for col in range(4)))
                hidden = bool(wanted) and wanted not in hay
                item.setHidden(hidden)
                shown += not hidden
            group.setHidden(shown == 0)

    def visible_unit_ids(self) -> list[str]:
        return [
            str(item.data(0, UNIT_ROLE))
            for group, items in self._groups()
            for item in items
            if not item.isHidden() and not group.isHidden()
        ]

    def select_unit(self, unit_id: str) -> None:
        for _group, items in self._groups():
            for item in items:
                if item.data(0, UNIT_ROLE) == unit_id:
                    self.tree.setCurrentItem(item)
                    return

    def selected_unit(self) -> Unit | None:
        directory = self.current_directory()
        item = self.tree.currentItem()
        unit_id = item.data(0, UNIT_ROLE) if item is not None else None
        if directory is None or not unit_id or unit_id not in directory:
            return None
        return directory.get(str(unit_id))

    @Slot()
    def _selection_changed(self) -> None:
        directory = self.current_directory()
        unit = self.selected_unit()
        can_add = directory is not None and bool(directory.of_kind("province"))
        editable = unit is not None and unit.kind in ADDED_KINDS
        self.add_button.setEnabled(can_add and self.job is None)
        self.edit_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        if unit is not None and not editable:
            self.note.setText(
                self.tr("Đơn vị hành chính theo danh sách chính thức: không sửa, không xóa ở đây.")
            )
        else:
            self.note.setText("")

    # -- changing a directory ----------------------------------------------------------

    @Slot()
    def add_from_dialog(self) -> None:
        directory = self.current_directory()
        if directory is None:
            return
        try:
            dialog = UnitDialog(directory, None, self)
        except KnownError as exc:
            show_error(self, exc)
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_unit(dialog.unit())

    @Slot()
    def edit_selected(self) -> None:
        directory, unit = self.current_directory(), self.selected_unit()
        if directory is None or unit is None or unit.kind not in ADDED_KINDS:
            return
        dialog = UnitDialog(directory, unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit_unit(unit.id, dialog.unit())

    @Slot()
    def remove_selected(self) -> None:
        unit = self.selected_unit()
        if unit is None or unit.kind not in ADDED_KINDS:
            return
        question = self.tr(
            "Xóa %1 khỏi danh mục? Danh mục được lưu thành phiên bản mới; báo cáo, khóa và số "
            "liệu đã nhận của đơn vị vẫn giữ nguyên. Nếu một kế hoạch còn giao nhiệm vụ cho "
            "đơn vị này, danh mục không thay đổi."
        ).replace("%1", unit.name)
        if confirm(self, self.tr("Xóa đơn vị"), question, self.tr("&Xóa"), self.tr("&Không")):
            self.remove_unit(unit.id)

    def add_unit(self, unit: Unit) -> bool:
        """Add ``unit`` to the directory shown and save it as a new version."""
        return self._change(lambda d: put_unit(d, unit), unit.id, self.tr("Đã thêm %1."), unit)

    def edit_unit(self, unit_id: str, unit: Unit) -> bool:
        """Put ``unit`` in place of ``unit_id`` and save a new version."""
        return self._change(
            lambda d: put_unit(d, unit, replacing=unit_id), unit.id, self.tr("Đã lưu %1."), unit
        )

    def remove_unit(self, unit_id: str) -> bool:
        """Remove a body the province added; refused (message shown) when a plan names it."""
        directory = self.current_directory()
        if directory is None or unit_id not in directory:
            return False
        unit = directory.get(unit_id)
        return self._change(lambda d: without_unit(d, unit_id), None, self.tr("Đã xóa %1."), unit)

    def _change(
        self,
        change: Callable[[UnitDirectory], UnitDirectory],
        select: str | None,
        done: str,
        unit: Unit,
    ) -> bool:
        from app.services.directories import save_directory

        directory = self.current_directory()
        if directory is None:
            return False
        try:
            saved = save_directory(self.ctx.ws, change(directory))
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.refresh(select=saved.directory.id)
        if select:
            self.select_unit(select)
        version = next((i.version for i in self.infos if i.id == saved.directory.id), 1)
        self.ctx.status_message.emit(
            done.replace("%1", unit.name)
            + " "
            + self.tr("Danh mục «%1» đã lưu thành phiên bản %2.")
            .replace("%1", saved.directory.name)
            .replace("%2", str(version))
        )
        self.ctx.reports_changed.emit()  # the keys and status screens list units
        return True

    # -- building a directory from the official list -----------------------------------

    @Slot()
    def ask_build(self) -> None:
        from app.directory_build import province_names

        names = province_names()
        dialog = ProvinceDialog(names, self._own_province(names), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_build(dialog.chosen())

    def _own_province(self, names: list[str]) -> str:
        """The province of the current plan's directory, when it is one of ``names``."""
        try:
            root = province_unit(self.ctx.ws.units)
        except KnownError:
            return ""
        return next((n for n in names if fold(n).endswith(fold(root.place))), "")

    def start_build(self, province: str, *, today: dt.date | None = None) -> Job | None:
        """Build the province's 2025 directory in the background; kept when it is done."""
        from app.services.directories import build_text

        if self.job is not None:
            return None
        day = today or dt.date.today()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            return build_text(province, as_of=day, progress=progress, cancelled=cancelled)

        job = Job(work)
        job.signals.finished.connect(self._built)
        job.signals.failed.connect(self._build_failed)
        job.signals.cancelled.connect(self._build_cancelled)
        self.job = job
        self.build_button.setEnabled(False)
        self.add_button.setEnabled(False)
        self.job_bar.watch(job, self.tr("Đang tạo danh mục %1…").replace("%1", province))
        job.start()
        return job

    def _job_done(self) -> None:
        self.job = None
        self.build_button.setEnabled(True)
        self._selection_changed()

    @Slot(object)
    def _built(self, result: object) -> None:
        from app.services.directories import keep_built

        self._job_done()
        province, text = cast("tuple[OfficialProvince, str]", result)
        try:
            kept = keep_built(self.ctx.ws, text)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.refresh(select=kept.directory.id)
        self.ctx.status_message.emit(
            self.tr("Đã tạo danh mục %1: %2 đơn vị (%3).")
            .replace("%1", province.name)
            .replace("%2", str(len(kept.directory)))
            .replace("%3", province.counts())
        )
        self.ctx.reports_changed.emit()

    @Slot(str, str)
    def _build_failed(self, message: str, hint: str) -> None:
        self._job_done()
        show_error(self, message, hint if not hint.startswith("Traceback") else "")

    @Slot()
    def _build_cancelled(self) -> None:
        self._job_done()
        self.ctx.status_message.emit(self.tr("Đã hủy; danh mục không thay đổi."))

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The unit dialog filled from a template, for the screenshots."""

        def make() -> QWidget:
            directory = self.current_directory()
            assert directory is not None
            dialog = UnitDialog(directory, None, self)
            dialog.template.setCurrentIndex(2)  # Sở Tài chính: not in the directory yet
            return dialog

        return [("province-directory-unit", make)]


def _local(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC).astimezone()
