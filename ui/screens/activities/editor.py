"""The panel beside the journal: one activity's fields, evidence and history.

It saves as the officer types: every field is committed when it is left or after a short
pause, with no Save button.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTime, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.services import activities
from app.services.activities import ActivityDetail, ActivityError
from ui.context import AppContext
from ui.screens.activities.dialogs import FILE_FILTER_EXTENSIONS, HistoryDialog
from ui.widgets import messages
from ui.widgets.activity_form import ActivityForm
from ui.widgets.common import heading
from ui.widgets.evidence import EvidenceList, local_files
from ui.worker import Job

SAVE_DELAY_MS = 500  # a pause in typing this long saves the field


class ActivityEditor(QWidget):
    """One activity's fields, evidence and history. Saves each change by itself."""

    saved = Signal(int)  # the stored activity changed (id)
    evidence_changed = Signal(int)  # files were attached or detached (id)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.ws
        self.activity_id: int | None = None
        self.detail: ActivityDetail | None = None
        self.history_dialog: HistoryDialog | None = None
        self._saved: dict[str, object] = {}
        self._pending: dict[str, object] = {}
        self._jobs: list[Job] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.setAcceptDrops(True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(24)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_page())
        self._connect()
        self.set_placeholder(self.tr("Chọn một hoạt động trong danh sách để xem và sửa."))

    def _build_page(self) -> QScrollArea:
        """The activity itself: its title, the form, the evidence and the history button."""
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        scroll.setWidgetResizable(True)
        # The fields narrow with the panel; the panel never scrolls sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        body = QVBoxLayout(page)
        body.setContentsMargins(8, 0, 8, 8)
        # The full title on top: the table and the title field both cut long titles.
        self.heading = heading("", 2)
        self.heading.setAccessibleName(self.tr("Hoạt động đang xem"))
        body.addWidget(self.heading)
        self.trash_note = QLabel(
            self.tr("Hoạt động này đang ở thùng rác. Bấm “Khôi phục” để sửa lại.")
        )
        self.trash_note.setWordWrap(True)
        self.trash_note.setStyleSheet("color: #b00020;")
        body.addWidget(self.trash_note)
        self.form = ActivityForm(self.ws.plan)
        body.addWidget(self.form)
        body.addWidget(self._build_evidence_box())

        bottom = QHBoxLayout()
        self.history_button = QPushButton(self.tr("&Lịch sử thay đổi…"))
        bottom.addWidget(self.history_button)
        bottom.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Trạng thái lưu"))
        self.saved_label.setWordWrap(True)  # the panel narrows on a small screen
        bottom.addWidget(self.saved_label)
        body.addLayout(bottom)
        body.addStretch(1)
        scroll.setWidget(page)
        return scroll

    def _build_evidence_box(self) -> QGroupBox:
        """The attached files, their buttons, and a word while files are being copied."""
        self.evidence_box = QGroupBox(self.tr("Minh chứng"))
        ev = QVBoxLayout(self.evidence_box)
        self.evidence = EvidenceList()
        self.evidence.setAccessibleName(self.tr("Tệp minh chứng"))
        self.evidence.placeholder = self.tr(
            "Chưa có tệp minh chứng. Kéo thả ảnh, tệp vào đây hoặc bấm “Thêm tệp…”."
        )
        self.evidence.setMinimumHeight(150)
        ev.addWidget(self.evidence)
        buttons = QHBoxLayout()
        self.add_file_button = QPushButton(self.tr("Thêm tệ&p…"))
        self.add_file_button.setToolTip(self.tr("Chọn ảnh, văn bản scan… để đính kèm"))
        self.open_button = QPushButton(self.tr("&Mở"))
        self.open_button.setToolTip(self.tr("Mở tệp đang chọn bằng chương trình của máy"))
        self.detach_button = QPushButton(self.tr("&Gỡ"))
        self.detach_button.setToolTip(self.tr("Gỡ tệp đang chọn khỏi hoạt động này"))
        for b in (self.add_file_button, self.open_button, self.detach_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.busy = QLabel()
        buttons.addWidget(self.busy)
        ev.addLayout(buttons)
        return self.evidence_box

    def _connect(self) -> None:
        self.form.edited.connect(self._edited)
        self.form.finished.connect(self._finished)
        self.form.task_chosen.connect(self._task_chosen)
        self.evidence.files_dropped.connect(self.attach_files)
        self.evidence.itemActivated.connect(lambda _item: self.open_evidence())
        self.evidence.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_file_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_evidence)
        self.detach_button.clicked.connect(self.detach_evidence)
        self.history_button.clicked.connect(self.show_history)
        detach_key = QShortcut(QKeySequence.StandardKey.Delete, self.evidence)
        detach_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        detach_key.activated.connect(self.detach_evidence)

    # -- what is shown ---------------------------------------------------------------
    def set_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        if self.activity_id is None:
            self.stack.setCurrentIndex(0)

    def show_activity(self, activity_id: int | None) -> None:
        """Save what is pending for the current activity, then show another (or none)."""
        self.flush()
        if activity_id is None:
            self.activity_id = None
            self.detail = None
            self.evidence.set_links([])
            self.stack.setCurrentIndex(0)
            return
        try:
            detail = activities.get_activity(self.ws, activity_id)
        except KnownError as exc:
            messages.show_error(self, exc)
            self.show_activity(None)
            return
        self._show_detail(detail)

    def _show_detail(self, d: ActivityDetail) -> None:
        new = d.id != self.activity_id
        self.activity_id = d.id
        self.detail = d
        self._saved = {
            "date": d.date,
            "task_code": d.task_code,
            "title": d.title,
            "description": d.description,
            "location": d.location,
        }
        self.form.load(
            task_code=d.task_code,
            date=d.date,
            title=d.title,
            description=d.description,
            location=d.location,
            values=d.values,
        )
        for key in self.form.values:
            self._saved[key] = d.values.get(key.removeprefix("value:"))
        self.heading.setText(d.title)
        self.form.set_editable(not d.deleted)
        self.trash_note.setVisible(d.deleted)
        self.evidence.drops_enabled = not d.deleted
        self.evidence.placeholder = (
            self.tr("Không có tệp minh chứng.")
            if d.deleted
            else self.tr("Chưa có tệp minh chứng. Kéo thả ảnh, tệp vào đây hoặc bấm “Thêm tệp…”.")
        )
        self.evidence.set_links(d.evidence)
        if new:
            self.saved_label.setText(self.tr("Tự động lưu khi gõ"))
        self._update_buttons()
        self.stack.setCurrentIndex(1)

    def _update_buttons(self) -> None:
        editable = self.detail is not None and not self.detail.deleted
        has_file = self.evidence.current_link() is not None
        self.add_file_button.setEnabled(editable)
        self.open_button.setEnabled(has_file)
        self.detach_button.setEnabled(editable and has_file)
        self.history_button.setEnabled(self.detail is not None)

    def focus_first(self) -> None:
        if self.detail is not None and not self.detail.deleted:
            self.form.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.form.title.selectAll()

    # -- saving ----------------------------------------------------------------------
    def has_pending(self) -> bool:
        return bool(self._pending)

    def copying(self) -> bool:
        """Whether evidence files are being copied in the background."""
        return bool(self._jobs)

    def _edited(self, key: str) -> None:
        if self.detail is None or self.detail.deleted:
            return
        self._pending[key] = self.form.value(key)
        self._timer.start()

    def _finished(self, key: str) -> None:
        if key in self._pending:
            self.flush()
        if key == "title" and self.detail is not None and not self.form.title.text().strip():
            # Leaving an emptied title: the stored title stands, and the field says so.
            self.form.set_value("title", self._saved.get("title", ""))
            self.form.set_error(
                "title", self.tr("Tên hoạt động không được để trống; đã giữ lại tên cũ.")
            )

    def _problem(self, key: str, value: object) -> str:
        if key == "title" and not str(value).strip():
            return self.tr("Tên hoạt động không được để trống; tên cũ vẫn được giữ.")
        return ""

    @Slot()
    def flush(self) -> None:
        """Commit every pending edit now. Never raises: problems show next to the field."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        activity_id = self.activity_id
        if not pending or activity_id is None:
            return
        changed = False
        for key, value in pending.items():
            if value == self._saved.get(key) or (
                key == "title" and str(value).strip() == self._saved.get("title")
            ):
                self.form.set_error(key, "")
                continue
            problem = self._problem(key, value)
            if problem:
                self.form.set_error(key, problem)
                continue
            try:
                if key.startswith("value:"):
                    number = value if isinstance(value, int) else None
                    activities.set_value(self.ws, activity_id, key.removeprefix("value:"), number)
                else:
                    activities.update_field(self.ws, activity_id, key, value)
            except ActivityError as exc:
                self.form.set_error(key, messages.error_text(exc))
                continue
            except KnownError as exc:
                # The disk or database failed, not the value: keep it to try again on the
                # next pause or when the activity is left.
                self._pending.setdefault(key, value)
                messages.show_error(self, exc)
                continue
            self.form.set_error(key, "")
            self._saved[key] = value.strip() if key == "title" and isinstance(value, str) else value
            if key == "title":
                self.heading.setText(str(self._saved[key]))
            changed = True
        if changed:
            self.saved_label.setText(
                self.tr("Đã lưu lúc %1").replace("%1", QTime.currentTime().toString("HH:mm:ss"))
            )
            self.saved.emit(activity_id)

    def _task_chosen(self, code: str) -> None:
        if self.detail is None or self.activity_id is None:
            return
        old = str(self._saved.get("task_code", ""))
        if code == old:
            return
        self.flush()
        has_values = any(v for k, v in self._saved.items() if k.startswith("value:"))
        if has_values and not messages.confirm(
            self,
            self.tr("Đổi nhiệm vụ"),
            self.tr(
                "Hoạt động này đã có số liệu chỉ tiêu của nhiệm vụ %1. Đổi sang nhiệm vụ %2 "
                "thì các số liệu đó sẽ bị xóa (vẫn ghi trong lịch sử thay đổi).\n\nVẫn đổi nhiệm vụ?"
            )
            .replace("%1", old)
            .replace("%2", code),
            self.tr("Đổi nhiệm vụ"),
            self.tr("Không đổi"),
        ):
            self.form.select_task(old)
            return
        try:
            activities.update_field(self.ws, self.activity_id, "task_code", code)
            detail = activities.get_activity(self.ws, self.activity_id)
        except KnownError as exc:
            messages.show_error(self, exc)
            self.form.select_task(old)
            return
        self._show_detail(detail)
        self.saved_label.setText(
            self.tr("Đã lưu lúc %1").replace("%1", QTime.currentTime().toString("HH:mm:ss"))
        )
        self.saved.emit(detail.id)

    # -- evidence --------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.detail is None or self.detail.deleted:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp minh chứng"),
            "",
            self.tr("Ảnh và tài liệu (%1);;Tất cả các tệp (*)").replace(
                "%1", FILE_FILTER_EXTENSIONS
            ),
        )
        if names:
            self.attach_files([Path(n) for n in names])

    @Slot(list)
    def attach_files(self, paths: Sequence[Path]) -> None:
        """Copy files into the evidence store and link them, off the GUI thread (a video
        from a USB stick may take a while); evidence_changed says when it is done."""
        if self.detail is None or self.detail.deleted or self.activity_id is None or not paths:
            return
        activity_id = self.activity_id
        files = [Path(p) for p in paths]
        ws = self.ws

        def run(_progress: object, _cancelled: object) -> tuple[int, list[int]]:
            return activity_id, activities.attach_evidence(ws, activity_id, files)

        job = Job(run)
        job.signals.finished.connect(self._attached)
        job.signals.failed.connect(self._attach_failed)
        self._jobs.append(job)
        self.busy.setText(
            self.tr("Đang chép %1 tệp…").replace("%1", str(len(files)))
            if len(files) > 1
            else self.tr("Đang chép tệp…")
        )
        job.start()

    def _job_done(self) -> None:
        sender = self.sender()
        self._jobs = [j for j in self._jobs if j.signals is not sender]
        if not self._jobs:
            self.busy.setText("")

    @Slot(object)
    def _attached(self, result: tuple[int, list[int]]) -> None:
        self._job_done()
        activity_id, link_ids = result
        if activity_id == self.activity_id:
            self._reload_evidence(select=link_ids[-1] if link_ids else None)
        self.ctx.status_message.emit(
            self.tr("Đã thêm %1 tệp minh chứng").replace("%1", str(len(link_ids)))
        )
        self.evidence_changed.emit(activity_id)
        self.saved.emit(activity_id)

    @Slot(str, str)
    def _attach_failed(self, message: str, hint: str) -> None:
        self._job_done()
        messages.show_error(self, message, hint)

    def _reload_evidence(self, select: int | None = None) -> None:
        if self.activity_id is None:
            return
        try:
            self.detail = activities.get_activity(self.ws, self.activity_id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        self.evidence.set_links(self.detail.evidence)
        if select is not None:
            for row in range(self.evidence.count()):
                if self.evidence.item(row).data(Qt.ItemDataRole.UserRole) == select:
                    self.evidence.setCurrentRow(row)
        self._update_buttons()

    def open_evidence(self) -> None:
        """Open a copy of the file under its own name (the store names files by hash, which
        no viewer would recognise), in a temporary folder."""
        link = self.evidence.current_link()
        if link is None:
            return
        name = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", Path(link.filename).name) or "tep"
        folder = Path(tempfile.gettempdir()) / "tiendo-minh-chung" / link.sha256[:16]
        target = folder / name
        try:
            if not target.is_file() or target.stat().st_size != link.size:
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(link.path, target)
        except OSError as exc:
            messages.show_error(
                self,
                self.tr("Không mở được tệp “%1”.").replace("%1", link.filename),
                str(exc.strerror or exc),
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            messages.show_error(
                self,
                self.tr("Máy tính chưa có chương trình mở được tệp “%1”.").replace(
                    "%1", link.filename
                ),
                self.tr("Tệp đã được chép ra %1").replace("%1", str(target)),
            )

    def detach_evidence(self) -> None:
        link = self.evidence.current_link()
        if link is None or self.detail is None or self.detail.deleted:
            return
        if not messages.confirm(
            self,
            self.tr("Gỡ minh chứng"),
            self.tr(
                "Gỡ tệp “%1” khỏi hoạt động này?\n\nViệc gỡ được ghi trong lịch sử thay đổi."
            ).replace("%1", link.filename),
            self.tr("Gỡ tệp"),
            self.tr("Không gỡ"),
        ):
            return
        try:
            activities.detach_evidence(self.ws, link.id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        self._reload_evidence()
        self.ctx.status_message.emit(self.tr("Đã gỡ tệp minh chứng"))
        if self.activity_id is not None:
            self.evidence_changed.emit(self.activity_id)
            self.saved.emit(self.activity_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.evidence.drops_enabled and self.detail and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if not files or not self.evidence.drops_enabled:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_files(files)

    # -- history ---------------------------------------------------------------------
    def show_history(self) -> HistoryDialog | None:
        if self.activity_id is None:
            return None
        self.flush()
        try:
            changes = activities.activity_history(self.ws, self.activity_id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return None
        title = self.detail.title if self.detail else ""
        self.history_dialog = HistoryDialog(changes, title, self)
        self.history_dialog.open()
        return self.history_dialog
