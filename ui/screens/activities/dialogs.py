"""The journal's dialogs: a new activity, and one activity's history of changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.evidence import check_file
from app.services import activities
from ui.context import AppContext
from ui.widgets import messages
from ui.widgets.activity_form import ActivityForm
from ui.widgets.evidence import EvidenceList, local_files

FILE_FILTER_EXTENSIONS = (
    "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff *.heic *.pdf *.doc *.docx "
    "*.xls *.xlsx *.ppt *.pptx *.odt *.ods *.txt *.mp4 *.mov *.mp3 *.zip"
)


def _local_time(at: dt.datetime) -> str:
    """A stored UTC time in the computer's time zone, as a Vietnamese reader writes it."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


class NewActivityDialog(QDialog):
    """The fields of a new activity, pre-set; OK saves it with add_activity."""

    def __init__(
        self, ctx: AppContext, task_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: int | None = None
        self.paths: list[Path] = []
        self.setWindowTitle(self.tr("Thêm hoạt động"))
        self.setAcceptDrops(True)
        self.resize(640, 640)
        layout = QVBoxLayout(self)
        self.form = ActivityForm(ctx.ws.plan)
        if task_code:
            self.form.set_task(task_code)
        self.form.task_chosen.connect(self.form.set_task)
        self.form.edited.connect(self._edited)
        layout.addWidget(self.form)
        layout.addWidget(self._build_files_box())
        layout.addStretch(1)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setVisible(False)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Lưu hoạt động"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.title.setFocus()

    def _build_files_box(self) -> QGroupBox:
        """The files to attach on saving, with their add and remove buttons."""
        files_box = QGroupBox(self.tr("Minh chứng (có thể thêm sau)"))
        fl = QVBoxLayout(files_box)
        self.files = EvidenceList()
        self.files.setAccessibleName(self.tr("Tệp sẽ đính kèm"))
        self.files.placeholder = self.tr("Kéo thả ảnh, tệp vào đây hoặc bấm “Thêm tệp…”.")
        self.files.setIconSize(QSize(32, 32))
        self.files.setGridSize(QSize(150, 64))
        self.files.setFixedHeight(84)
        self.files.files_dropped.connect(self.add_files)
        fl.addWidget(self.files)
        row = QHBoxLayout()
        self.add_file_button = QPushButton(self.tr("Thêm tệ&p…"))
        self.remove_file_button = QPushButton(self.tr("&Bỏ tệp đã chọn"))
        # Enter saves the activity wherever the focus is; these two answer Space only
        # (Enter on "Thêm tệp…" used to open the file chooser again).
        for button in (self.add_file_button, self.remove_file_button):
            button.setAutoDefault(False)
        row.addWidget(self.add_file_button)
        row.addWidget(self.remove_file_button)
        row.addStretch(1)
        fl.addLayout(row)
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.remove_file_button.setEnabled(False)
        self.files.currentRowChanged.connect(
            lambda row: self.remove_file_button.setEnabled(row >= 0)
        )
        return files_box

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp minh chứng"),
            "",
            self.tr("Ảnh và tài liệu (%1);;Tất cả các tệp (*)").replace(
                "%1", FILE_FILTER_EXTENSIONS
            ),
        )
        self.add_files([Path(n) for n in names])
        if names:
            self.ok_button.setFocus()  # the files were the last thing: Enter saves

    def add_files(self, paths: Sequence[Path]) -> None:
        """Attach these files on saving; photos show as thumbnails at once. A file that
        cannot be evidence (empty, unreadable, a folder) is refused here, with the reason."""
        accepted: list[Path] = []
        refused: list[KnownError] = []
        for p in paths:
            if p in self.paths or p in accepted:
                continue
            try:
                check_file(p)
            except KnownError as exc:
                refused.append(exc)
                continue
            accepted.append(p)
        self.paths += accepted
        self.files.add_files(accepted)
        if len(refused) == 1:
            messages.show_error(self, refused[0])
        elif refused:
            messages.show_error(
                self,
                self.tr("Không thêm được %1 tệp:").replace("%1", str(len(refused)))
                + "\n"
                + "\n".join(f"• {messages.error_text(exc)}" for exc in refused),
                refused[0].hint,
            )

    def remove_file(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)
            del self.paths[row]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    def _edited(self, key: str) -> None:
        """A problem shown under a field or below the form goes once it is put right."""
        self.form.set_error(key, "")
        if self.problems.isVisible():
            problems = activities.validate(self.ctx.ws, self.form.data())
            self.problems.setText("\n".join(messages.core_text(p) for p in problems))
            self.problems.setVisible(bool(problems))

    def accept(self) -> None:
        data = self.form.data()
        for key in ("title", "date", "task_code"):
            self.form.set_error(key, "")
        if not data.title:
            self.form.set_error("title", self.tr("Chưa nhập tên hoạt động."))
        problems = activities.validate(self.ctx.ws, data)
        if problems:
            self.problems.setText("\n".join(messages.core_text(p) for p in problems))
            self.problems.setVisible(True)
            if not data.title:
                self.form.title.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.created_id = activities.add_activity(self.ctx.ws, data, self.paths)
        except KnownError as exc:
            QGuiApplication.restoreOverrideCursor()
            messages.show_error(self, exc)
            return
        QGuiApplication.restoreOverrideCursor()
        super().accept()


class HistoryDialog(QDialog):
    """Who changed what in one activity, and from what to what; newest first."""

    def __init__(
        self, changes: Sequence[activities.ActivityChange], title: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lịch sử thay đổi"))
        self.resize(920, 460)
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("Hoạt động: %1").replace("%1", title))
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.field_names = {
            "title": self.tr("Tên hoạt động"),
            "date": self.tr("Ngày"),
            "description": self.tr("Nội dung"),
            "location": self.tr("Địa điểm"),
            "task_code": self.tr("Nhiệm vụ"),
        }
        self.table = QTableWidget(len(changes), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Thời gian"),
                self.tr("Người thực hiện"),
                self.tr("Thay đổi"),
                self.tr("Giá trị cũ"),
                self.tr("Giá trị mới"),
            ]
        )
        self.table.setAccessibleName(self.tr("Lịch sử thay đổi"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, c in enumerate(reversed(changes)):
            cells = [_local_time(c.at), c.actor, self._what(c), c.old or "", c.new or ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for col, cap in ((1, 180), (2, 240), (3, 220), (4, 220)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), cap))
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        if not changes:
            layout.addWidget(QLabel(self.tr("Chưa có thay đổi nào được ghi lại.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đó&ng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _what(self, c: activities.ActivityChange) -> str:
        """What the change did, in words: the field or indicator changed, or the action."""
        if c.kind == "created":
            return self.tr("Tạo hoạt động")
        if c.kind == "field":
            return self.field_names.get(c.subject, c.subject)
        if c.kind == "value":
            return self.tr("Chỉ tiêu: %1").replace("%1", c.subject)
        if c.kind == "evidence_added":
            return self.tr("Thêm minh chứng “%1”").replace("%1", c.subject)
        if c.kind == "evidence_removed":
            return self.tr("Gỡ minh chứng “%1”").replace("%1", c.subject)
        if c.kind == "deleted":
            return self.tr("Chuyển vào thùng rác")
        return self.tr("Khôi phục từ thùng rác")
