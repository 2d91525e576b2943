"""Hoạt động: the journal of what the office did for each task of the plan, with evidence.

The rows are loaded once (in the background when there are many) and filtered in memory,
so 100,000 activities stay smooth. The panel beside the list saves as the officer types:
every field is committed when it is left or after a short pause, with no Save button.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period, PeriodKind, period_of, periods_of_year
from app.errors import KnownError
from app.services import activities
from app.services.activities import ActivityDetail, ActivityError, ActivityRow
from app.text import format_number
from ui.context import AppContext
from ui.widgets import messages
from ui.widgets.activity_form import ActivityForm
from ui.widgets.common import heading
from ui.widgets.evidence import EvidenceList, local_files
from ui.worker import Job

Index = QModelIndex | QPersistentModelIndex

SAVE_DELAY_MS = 500  # a pause in typing this long saves the field
SEARCH_DELAY_MS = 120  # typing in the search box refilters after this pause
ANNOUNCE_DELAY_MS = 1500  # saved edits are announced to other screens after this pause
FIRST_PAGE = 300  # rows shown at once while the whole journal loads in the background
PERIOD_KINDS = (
    PeriodKind.YEAR,
    PeriodKind.HALF,
    PeriodKind.NINE_MONTHS,
    PeriodKind.QUARTER,
    PeriodKind.MONTH,
)
FILE_FILTER_EXTENSIONS = (
    "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff *.heic *.pdf *.doc *.docx "
    "*.xls *.xlsx *.ppt *.pptx *.odt *.ods *.txt *.mp4 *.mov *.mp3 *.zip"
)


def _sort_key(row: ActivityRow) -> tuple[int, int]:
    # list_rows gives newest first: date descending, then id descending
    return (-row.date.toordinal(), -row.id)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _local_time(at: dt.datetime) -> str:
    """A stored UTC time in the computer's time zone, as a Vietnamese reader writes it."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------
class JournalModel(QAbstractTableModel):
    """The rows currently shown: a list the filters build; data() only reads it."""

    def __init__(self, parent: QWidget, task_titles: dict[str, str]) -> None:
        super().__init__(parent)
        self.rows: list[ActivityRow] = []
        self.task_titles = task_titles
        self.headers = [
            self.tr("Ngày"),
            self.tr("Nhiệm vụ"),
            self.tr("Hoạt động"),
            self.tr("Địa điểm"),
            self.tr("Minh chứng"),
        ]
        self.files_text = self.tr("%1 tệp")
        self.grey = QBrush(QColor("#6b6b6b"))
        self.right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_rows(self, rows: list[ActivityRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def replace_row(self, row: ActivityRow) -> None:
        """Show a row's new content where it is, without refiltering (the officer is
        editing it: it must not jump away)."""
        for i, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.headers) - 1))
                return

    def row_of(self, activity_id: int, hint: ActivityRow | None = None) -> int:
        """The row showing the activity, or -1. With the activity's row as hint, a binary
        search, for rows just filtered (the filters keep the journal's newest-first order;
        rows edited in place may not be, so without a hint it is a plain scan)."""
        if hint is not None:
            i = bisect.bisect_left(self.rows, _sort_key(hint), key=_sort_key)
            return i if i < len(self.rows) and self.rows[i].id == activity_id else -1
        for i, r in enumerate(self.rows):
            if r.id == activity_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every visible cell on every paint: only cheap reads here.
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            col = index.column()
            if col == 0:
                d = row.date
                return f"{d.day:02d}/{d.month:02d}/{d.year}"
            if col == 1:
                return row.task_code
            if col == 2:
                return row.title
            if col == 3:
                return row.location
            return (
                self.files_text.replace("%1", str(row.evidence_count)) if row.evidence_count else ""
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.rows[index.row()]
            col = index.column()
            if col == 1:
                return self.task_titles.get(row.task_code, "")
            if col == 2:
                return row.title
            if col == 3:
                return row.location
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()].deleted:
            return self.grey
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return self.right
        return None


class JournalView(QTableView):
    """The table, with a sentence in it when there is nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.end()


# --------------------------------------------------------------------------------------
# The save-as-you-type panel
# --------------------------------------------------------------------------------------
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

        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        scroll.setWidgetResizable(True)
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
        body.addWidget(self.evidence_box)

        bottom = QHBoxLayout()
        self.history_button = QPushButton(self.tr("&Lịch sử thay đổi…"))
        bottom.addWidget(self.history_button)
        bottom.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Trạng thái lưu"))
        bottom.addWidget(self.saved_label)
        body.addLayout(bottom)
        body.addStretch(1)
        scroll.setWidget(page)
        self.stack.addWidget(scroll)

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
        self.set_placeholder(self.tr("Chọn một hoạt động trong danh sách để xem và sửa."))

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
                self.form.set_error(key, exc.message)
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


# --------------------------------------------------------------------------------------
# Dialogs
# --------------------------------------------------------------------------------------
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
        layout.addWidget(self.form)

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
        row.addWidget(self.add_file_button)
        row.addWidget(self.remove_file_button)
        row.addStretch(1)
        fl.addLayout(row)
        layout.addWidget(files_box)
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
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.remove_file_button.setEnabled(False)
        self.files.currentRowChanged.connect(
            lambda row: self.remove_file_button.setEnabled(row >= 0)
        )
        self.form.title.setFocus()

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

    def add_files(self, paths: Sequence[Path]) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for p in paths:
            if p not in self.paths:
                self.paths.append(p)
                item = QListWidgetItem(icon, p.name)
                item.setToolTip(str(p))
                self.files.addItem(item)

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

    def accept(self) -> None:
        data = self.form.data()
        for key in ("title", "date", "task_code"):
            self.form.set_error(key, "")
        if not data.title:
            self.form.set_error("title", self.tr("Chưa nhập tên hoạt động."))
        problems = activities.validate(self.ctx.ws, data)
        if problems:
            self.problems.setText("\n".join(problems))
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
        fields = {
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
            if c.kind == "created":
                what = self.tr("Tạo hoạt động")
            elif c.kind == "field":
                what = fields.get(c.subject, c.subject)
            elif c.kind == "value":
                what = self.tr("Chỉ tiêu: %1").replace("%1", c.subject)
            elif c.kind == "evidence_added":
                what = self.tr("Thêm minh chứng “%1”").replace("%1", c.subject)
            elif c.kind == "evidence_removed":
                what = self.tr("Gỡ minh chứng “%1”").replace("%1", c.subject)
            elif c.kind == "deleted":
                what = self.tr("Chuyển vào thùng rác")
            else:
                what = self.tr("Khôi phục từ thùng rác")
            cells = [_local_time(c.at), c.actor, what, c.old or "", c.new or ""]
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


# --------------------------------------------------------------------------------------
# The screen
# --------------------------------------------------------------------------------------
class ActivitiesScreen(QWidget):
    """The journal: filters, the table, the editor panel, new/delete/undo/restore."""

    rows_loaded = Signal()  # the whole journal is in memory

    def __init__(self, ctx: AppContext, *, load_in_background: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.ws
        self.load_in_background = load_in_background
        self.all_rows: list[ActivityRow] = []
        self.loaded = False
        self.new_dialog: NewActivityDialog | None = None
        self._generation = 0  # bumped whenever all_rows changes
        self._split: tuple[int, list[ActivityRow], list[ActivityRow]] = (-1, [], [])
        self._last: tuple[tuple[object, ...], str, list[ActivityRow]] | None = None
        self._pos: dict[int, int] | None = None
        self._load_job: Job | None = None
        self._touched: set[int] = set()  # changed here while a load was running
        self._undo: list[int] = []
        self._emitting = False
        self._resetting = False
        self._fallback_row = 0  # row selected when the selected activity is no longer shown
        self._selected: ActivityRow | None = None  # the table's choice; the panel follows
        # The panel loads the selected activity a moment later: the table answers a filter
        # or a held-down arrow key at once, and only the last row reached is read.
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_DELAY_MS)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Hoạt động")))

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Tên, địa điểm, nội dung…"))
        self.search.setToolTip(
            self.tr("Gõ có dấu hay không dấu đều được: “hoi nghi” tìm ra “Hội nghị” (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Tìm hoạt động"))
        search_label = QLabel(self.tr("&Tìm:"))
        search_label.setBuddy(self.search)
        self.task_combo = QComboBox()
        self.task_combo.setAccessibleName(self.tr("Lọc theo nhiệm vụ"))
        self.task_combo.addItem(self.tr("Tất cả nhiệm vụ"), "")
        for t in self.ws.plan.tasks:
            self.task_combo.addItem(f"{t.code} — {t.title}", t.code)
            self.task_combo.setItemData(
                self.task_combo.count() - 1, t.title, Qt.ItemDataRole.ToolTipRole
            )
        self.task_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.task_combo.setMinimumContentsLength(18)
        self.task_combo.view().setMinimumWidth(600)
        task_label = QLabel(self.tr("Nhiệm &vụ:"))
        task_label.setBuddy(self.task_combo)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Lọc theo kỳ báo cáo"))
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_combo.setMaxVisibleItems(22)
        period_label = QLabel(self.tr("Kỳ &báo cáo:"))
        period_label.setBuddy(self.period_combo)
        self.trash_toggle = QPushButton(self.tr("Thùng &rác"))
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setAccessibleName(self.tr("Xem thùng rác"))
        self.trash_toggle.setToolTip(self.tr("Xem các hoạt động đã xóa; có thể khôi phục lại"))
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        filters.addSpacing(8)
        filters.addWidget(task_label)
        filters.addWidget(self.task_combo, 2)
        filters.addSpacing(8)
        filters.addWidget(period_label)
        filters.addWidget(self.period_combo)
        filters.addSpacing(8)
        filters.addWidget(self.trash_toggle)
        layout.addLayout(filters)

        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm h&oạt động"))
        self.add_button.setToolTip(self.tr("Ghi một hoạt động mới (Ctrl+N)"))
        self.delete_button = QPushButton(self.tr("&Xóa"))
        self.delete_button.setToolTip(self.tr("Chuyển hoạt động đang chọn vào thùng rác (Del)"))
        self.restore_button = QPushButton(self.tr("&Khôi phục"))
        self.restore_button.setToolTip(self.tr("Đưa hoạt động đang chọn ra khỏi thùng rác"))
        self.restore_button.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Số hoạt động đang hiển thị"))
        actions.addWidget(self.add_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.restore_button)
        self.print_button = QPushButton(self.tr("In tổn&g hợp…"))
        self.print_button.setToolTip(
            self.tr("In bảng tổng hợp tình hình thực hiện và các hoạt động của kỳ đang chọn")
        )
        self.print_button.clicked.connect(self.print_summary)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout.addLayout(actions)

        self.banner = QFrame()
        self.banner.setObjectName("undoBanner")
        self.banner.setStyleSheet(
            "#undoBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
        )
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(10, 4, 4, 4)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Hoàn tác"))
        self.undo_button.setToolTip(self.tr("Đưa hoạt động vừa xóa trở lại (Ctrl+Z)"))
        close_banner = QToolButton()
        close_banner.setText("✕")
        close_banner.setAccessibleName(self.tr("Đóng thông báo"))
        close_banner.setAutoRaise(True)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.undo_button)
        bl.addWidget(close_banner)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)

        self.model = JournalModel(self, {t.code: t.title for t in self.ws.plan.tasks})
        self.table = JournalView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Danh sách hoạt động"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        # Fixed, uniform row heights: the view never measures 100,000 rows.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        fm = self.fontMetrics()
        pad = 16
        widths = {
            0: fm.horizontalAdvance("00/00/0000") + pad,
            1: max(fm.horizontalAdvance("II.3.1"), fm.horizontalAdvance(self.model.headers[1]))
            + pad,
            3: fm.horizontalAdvance("Hội trường UBND") + pad,
            4: max(fm.horizontalAdvance("99 tệp"), fm.horizontalAdvance(self.model.headers[4]))
            + pad,
        }
        for col, width in widths.items():
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setMinimumSectionSize(40)

        self.editor = ActivityEditor(ctx)
        self.editor.setMinimumWidth(340)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.editor)
        # A wider window widens the table (titles); the panel keeps its width.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setChildrenCollapsible(False)
        split.setSizes([630, 370])
        self.splitter = split
        layout.addWidget(split, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.task_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.trash_toggle.toggled.connect(self._trash_toggled)
        self.add_button.clicked.connect(self.new_activity)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        close_banner.clicked.connect(lambda: self.banner.setVisible(False))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._panel_timer.timeout.connect(self._load_panel)
        self._announce_timer.timeout.connect(self._announce_now)
        self.editor.saved.connect(self._activity_saved)
        ctx.activities_changed.connect(self._changed_elsewhere)

        for key, target, slot, context in (
            (QKeySequence.StandardKey.Delete, self.table, self.delete_selected, "widget"),
            (QKeySequence.StandardKey.Undo, self, self.undo_delete, "children"),
            (QKeySequence(Qt.Key.Key_Return), self.table, self.editor.focus_first, "widget"),
            (QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, "widget"),
        ):
            shortcut = QShortcut(QKeySequence(key), target)
            shortcut.setContext(
                Qt.ShortcutContext.WidgetShortcut
                if context == "widget"
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)

        order: list[QWidget] = [
            self.search,
            self.task_combo,
            self.period_combo,
            self.trash_toggle,
            self.add_button,
            self.delete_button,
            self.restore_button,
            self.undo_button,
            self.table,
            self.editor.form.date,
            self.editor.form.task,
            self.editor.form.title,
            self.editor.form.description,
            self.editor.form.location,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        self._build_period_combo()
        self.reload()

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read the journal again: at once when small or asked to, else in the background
        after showing the newest rows."""
        if self._load_job is not None:
            self._load_job.cancel()
            self._load_job = None
        if not self.load_in_background:
            self._set_rows(activities.list_rows(self.ws, include_deleted=True), complete=True)
            return
        if not self.all_rows:
            try:
                first = activities.list_rows(self.ws, include_deleted=True, limit=FIRST_PAGE)
            except KnownError as exc:
                messages.show_error(self, exc)
                first = []
            if len(first) < FIRST_PAGE:
                self._set_rows(first, complete=True)  # that is the whole journal
                return
            self._set_rows(first, complete=False)
        ws = self.ws
        job = Job(lambda _progress, _cancelled: activities.list_rows(ws, include_deleted=True))
        job.signals.finished.connect(self._rows_arrived)
        job.signals.failed.connect(self._load_failed)
        self._touched = set()
        self._load_job = job
        job.start()

    @Slot(object)
    def _rows_arrived(self, rows: list[ActivityRow]) -> None:
        if self._load_job is None or self.sender() is not self._load_job.signals:
            return  # an older load, superseded
        self._load_job = None
        # What was changed here while the query ran may be missing from its answer.
        for activity_id in self._touched:
            fresh = activities.list_row(self.ws, activity_id)
            rows = [r for r in rows if r.id != activity_id]
            if fresh is not None:
                bisect.insort(rows, fresh, key=_sort_key)
        self._touched = set()
        self._set_rows(rows, complete=True)

    @Slot(str, str)
    def _load_failed(self, message: str, hint: str) -> None:
        self._load_job = None
        messages.show_error(self, message, hint)

    def _set_rows(self, rows: list[ActivityRow], *, complete: bool) -> None:
        self.all_rows = rows
        self._changed_rows()
        self.loaded = complete
        if complete:
            self._build_period_combo()
        self.apply_filters()
        if complete:
            self.rows_loaded.emit()

    def _changed_rows(self) -> None:
        self._generation += 1
        self._pos = None
        self._last = None

    def _split_rows(self) -> tuple[list[ActivityRow], list[ActivityRow]]:
        if self._split[0] != self._generation:
            live = [r for r in self.all_rows if not r.deleted]
            bin_ = [r for r in self.all_rows if r.deleted] if len(live) < len(self.all_rows) else []
            self._split = (self._generation, live, bin_)
        return self._split[1], self._split[2]

    def _build_period_combo(self) -> None:
        keep = self.period_combo.currentData() or ""
        dates = {r.date for r in self.all_rows}
        years = {period_of(d, PeriodKind.YEAR).year for d in dates}
        years.add(period_of(dt.date.today(), PeriodKind.YEAR).year)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("Tất cả các kỳ"), "")
        for year in sorted(years, reverse=True):
            self.period_combo.insertSeparator(self.period_combo.count())
            ordered = sorted(
                periods_of_year(year, PERIOD_KINDS),
                key=lambda p: (PERIOD_KINDS.index(p.kind), p.index),
            )
            for period in ordered:
                label = _capitalised(self.ctx.period_label(period))
                if period.kind != PeriodKind.YEAR:
                    label = "    " + label
                self.period_combo.addItem(label, period.code)
                window = period.window
                self.period_combo.setItemData(
                    self.period_combo.count() - 1,
                    self.tr("Hoạt động từ %1 đến %2")
                    .replace("%1", window.start.strftime("%d/%m/%Y"))
                    .replace("%2", window.end.strftime("%d/%m/%Y")),
                    Qt.ItemDataRole.ToolTipRole,
                )
        index = self.period_combo.findData(keep)
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    # -- printing --------------------------------------------------------------------
    def print_summary(self) -> None:
        """The local summary of the period chosen in the filter (or of every activity),
        built off the GUI thread and shown in the print preview."""
        import tempfile

        period = self.current_period()
        if period is not None:
            start, end = period.window.start, period.window.end
            title = f"{period.label_vi} (từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"
        else:
            dates = [r.date for r in activities.list_rows(self.ws)]
            if not dates:
                self.ctx.status_message.emit(self.tr("Chưa có hoạt động nào để in."))
                return
            start, end, title = min(dates), max(dates), None
        ws = self.ws
        folder = Path(tempfile.mkdtemp(prefix="tiendo-tonghop-"))
        out = folder / f"TongHop_{ws.settings.unit_id}_{start:%Y%m%d}-{end:%Y%m%d}.pdf"

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            from app.printing.summary_pdf import build_summary_pdf
            from app.services.summary import local_summary

            summary = local_summary(ws, start, end, title=title)
            build_summary_pdf(summary, out, progress=progress, cancelled=cancelled)
            return out

        job = Job(work)
        job.signals.finished.connect(self._summary_ready)
        job.signals.failed.connect(self._summary_failed)
        job.signals.cancelled.connect(self._summary_failed)
        self.print_button.setEnabled(False)
        self.ctx.status_message.emit(self.tr("Đang tạo bảng tổng hợp…"))
        self.summary_job = job
        job.start()

    @Slot(object)
    def _summary_ready(self, path: object) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        self.print_button.setEnabled(True)
        self.summary_dialog = PdfPreviewDialog(
            Path(str(path)), self.tr("Tổng hợp tình hình thực hiện kế hoạch"), self
        )
        self.summary_dialog.show()

    @Slot()
    @Slot(str, str)
    def _summary_failed(self, message: str = "", hint: str = "") -> None:
        self.print_button.setEnabled(True)
        if message:
            messages.show_error(self, message, "" if hint.startswith("Traceback") else hint)

    # -- filtering -------------------------------------------------------------------
    def current_period(self) -> Period | None:
        code = self.period_combo.currentData()
        return Period.parse(code) if code else None

    def apply_filters(self) -> None:
        """Show the rows matching the search text, task, period and bin view; keeps the
        selected activity selected when it is still shown."""
        self._search_timer.stop()
        text = self.search.text()
        task = self.task_combo.currentData() or None
        period = self.current_period()
        trash = self.trash_toggle.isChecked()
        live, bin_ = self._split_rows()
        base = bin_ if trash else live
        key = (self._generation, task, period, trash)
        if (
            self._last is not None
            and self._last[0] == key
            and activities.narrows(self._last[1], text)
        ):
            # Typing more words or letters only narrows: refine the previous answer.
            shown = activities.filter_rows(self._last[2], text=text)
        else:
            shown = activities.filter_rows(base, text=text, task_code=task, period=period)
        self._last = (key, text, shown)
        selected = self._selected
        self._resetting = True
        self.model.set_rows(shown)
        self._resetting = False
        row = self.model.row_of(selected.id, selected) if selected is not None else -1
        if row < 0 and shown:
            row = min(self._fallback_row, len(shown) - 1)
        self._fallback_row = 0
        if row >= 0:
            self._select_row(row)
        else:
            self._selected = None
            self._panel_timer.stop()
            self.editor.show_activity(None)
        self._update_count(len(shown), len(base))
        self._update_placeholders(trash)
        self._update_buttons()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _update_count(self, shown: int, total: int) -> None:
        if not self.loaded:
            text = self.tr("Đang tải… (đã hiện %1 hoạt động mới nhất)").replace(
                "%1", format_number(shown)
            )
        elif self.trash_toggle.isChecked():
            text = (
                self.tr("Thùng rác: hiển thị %1/%2 hoạt động đã xóa")
                .replace("%1", format_number(shown))
                .replace("%2", format_number(total))
            )
        else:
            text = (
                self.tr("Hiển thị %1/%2 hoạt động")
                .replace("%1", format_number(shown))
                .replace("%2", format_number(total))
            )
        self.count_label.setText(text)
        deleted = len(self._split_rows()[1])
        self.trash_toggle.setText(
            self.tr("Thùng &rác (%1)").replace("%1", format_number(deleted))
            if deleted
            else self.tr("Thùng &rác")
        )

    def _update_placeholders(self, trash: bool) -> None:
        filtered = (
            bool(self.search.text().strip())
            or bool(self.task_combo.currentData())
            or bool(self.period_combo.currentData())
        )
        if trash:
            table = (
                self.tr("Thùng rác trống.")
                if not filtered
                else self.tr("Không có hoạt động đã xóa nào khớp với điều kiện tìm.")
            )
            panel = self.tr("Chọn một hoạt động trong thùng rác để xem hoặc khôi phục.")
        elif not self.all_rows and self.loaded:
            table = self.tr("Chưa có hoạt động nào.")
            panel = self.tr(
                "Chưa có hoạt động nào được ghi.\n\nBấm “Thêm hoạt động” (Ctrl+N) để ghi "
                "hoạt động đầu tiên: ngày, nhiệm vụ, việc đã làm, số liệu chỉ tiêu và ảnh, "
                "tệp minh chứng."
            )
        elif filtered:
            table = self.tr(
                "Không có hoạt động nào khớp với điều kiện tìm. Thử bỏ bớt chữ tìm, "
                "chọn “Tất cả nhiệm vụ” hoặc “Tất cả các kỳ”."
            )
            panel = self.tr("Chọn một hoạt động trong danh sách để xem và sửa.")
        else:
            table = ""
            panel = self.tr("Chọn một hoạt động trong danh sách để xem và sửa.")
        self.table.placeholder = table
        self.editor.set_placeholder(panel)
        self.table.viewport().update()

    def _update_buttons(self) -> None:
        trash = self.trash_toggle.isChecked()
        has = self._selected is not None
        self.delete_button.setVisible(not trash)
        self.restore_button.setVisible(trash)
        self.delete_button.setEnabled(has and not trash)
        self.restore_button.setEnabled(has and trash)

    @Slot(bool)
    def _trash_toggled(self, _on: bool) -> None:
        self.editor.flush()
        self.apply_filters()

    # -- selection -------------------------------------------------------------------
    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._resetting:
            return
        self._selected = self.model.rows[current.row()] if current.isValid() else None
        wanted = self._selected.id if self._selected is not None else None
        if wanted != self.editor.activity_id:
            self._panel_timer.start()
        self._update_buttons()

    @Slot()
    def _load_panel(self) -> None:
        self._panel_timer.stop()
        wanted = self._selected.id if self._selected is not None else None
        if wanted != self.editor.activity_id:
            self.editor.show_activity(wanted)

    def select_activity(self, activity_id: int) -> bool:
        """Select the activity's row and show it in the panel at once; False if not shown."""
        row = self.model.row_of(activity_id)
        if row >= 0:
            self._select_row(row)
            self._load_panel()
        return row >= 0

    # -- keeping rows in step with the database ----------------------------------------
    def _position(self, activity_id: int) -> int:
        if self._pos is None:
            self._pos = {r.id: i for i, r in enumerate(self.all_rows)}
        return self._pos.get(activity_id, -1)

    def _refresh_row(self, activity_id: int) -> ActivityRow | None:
        """Read one row again after a change made here; keeps all_rows in date order."""
        if self._load_job is not None:
            self._touched.add(activity_id)
        fresh = activities.list_row(self.ws, activity_id)
        at = self._position(activity_id)
        if at >= 0:
            old = self.all_rows[at]
            if fresh is not None and old.date == fresh.date:
                self.all_rows[at] = fresh
            else:
                del self.all_rows[at]
                if fresh is not None:
                    bisect.insort(self.all_rows, fresh, key=_sort_key)
        elif fresh is not None:
            bisect.insort(self.all_rows, fresh, key=_sort_key)
        if self._selected is not None and self._selected.id == activity_id:
            self._selected = fresh
        self._changed_rows()
        return fresh

    @Slot(int)
    def _activity_saved(self, activity_id: int) -> None:
        fresh = self._refresh_row(activity_id)
        if fresh is not None:
            self.model.replace_row(fresh)
        self.ctx.status_message.emit(self.tr("Đã lưu"))
        # Typing saves every pause; the other screens hear of it once the officer stops
        # (their refresh reads every activity, which takes seconds with 100,000).
        self._announce_timer.start()

    def _announce(self, status: str) -> None:
        self._announce_now()
        self.ctx.status_message.emit(status)

    @Slot()
    def _announce_now(self) -> None:
        self._announce_timer.stop()
        self._emitting = True
        try:
            self.ctx.activities_changed.emit()
        finally:
            self._emitting = False

    @Slot()
    def _changed_elsewhere(self) -> None:
        if not self._emitting:
            self.editor.flush()
            self.reload()

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The dialogs `tiendo screenshots` renders: a new activity and one history."""
        shots: list[tuple[str, Callable[[], QWidget]]] = [
            ("new-activity", lambda: NewActivityDialog(self.ctx, None, self))
        ]
        row = self.current_row() or (self.model.rows[0] if self.model.rows else None)
        if row is not None:
            shots.append(
                (
                    "activity-history",
                    lambda: HistoryDialog(
                        activities.activity_history(self.ws, row.id), row.title, self
                    ),
                )
            )
        return shots

    # -- actions ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_edits(self) -> None:
        """Commit any edit still waiting for its pause (called when the window closes)."""
        self.editor.flush()
        if self._announce_timer.isActive():
            self._announce_now()

    def new_activity(self) -> NewActivityDialog:
        """Open the new-activity dialog (not blocking); the saved activity gets selected."""
        self.editor.flush()
        if self.new_dialog is not None and self.new_dialog.isVisible():
            self.new_dialog.raise_()
            self.new_dialog.activateWindow()
            return self.new_dialog
        dialog = NewActivityDialog(self.ctx, self.task_combo.currentData() or None, self)
        dialog.accepted.connect(self._created)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _created(self) -> None:
        dialog = self.new_dialog
        if dialog is None or dialog.created_id is None:
            return
        activity_id = dialog.created_id
        fresh = self._refresh_row(activity_id)
        if fresh is None:
            return
        if self.trash_toggle.isChecked():
            self.trash_toggle.blockSignals(True)
            self.trash_toggle.setChecked(False)
            self.trash_toggle.blockSignals(False)
        self.editor.show_activity(activity_id)
        self._selected = fresh
        self.apply_filters()
        if not self.select_activity(activity_id):
            # The filters hide it: show everything rather than a journal without it.
            for w in (self.task_combo, self.period_combo, self.search):
                w.blockSignals(True)
            self.search.clear()
            self.task_combo.setCurrentIndex(0)
            self.period_combo.setCurrentIndex(0)
            for w in (self.task_combo, self.period_combo, self.search):
                w.blockSignals(False)
            self.apply_filters()
            self.select_activity(activity_id)
        self.table.setFocus()
        self._announce(self.tr("Đã thêm hoạt động “%1”").replace("%1", fresh.title))

    def current_row(self) -> ActivityRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def delete_selected(self) -> None:
        """Ask, then move the selected activity to the recycle bin; Hoàn tác brings it back."""
        row = self.current_row()
        if row is None or row.deleted:
            return
        if not messages.confirm(
            self,
            self.tr("Xóa hoạt động"),
            self.tr(
                "Chuyển hoạt động “%1” vào thùng rác?\n\nCó thể khôi phục lại từ Thùng rác."
            ).replace("%1", row.title),
            self.tr("Chuyển vào thùng rác"),
            self.tr("Không xóa"),
        ):
            return
        self.editor.flush()
        position = self.table.currentIndex().row()
        try:
            activities.delete_activity(self.ws, row.id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        self._refresh_row(row.id)
        self._undo.append(row.id)
        self._show_after_removal(position)
        self.banner_label.setText(self.tr("Đã chuyển “%1” vào thùng rác.").replace("%1", row.title))
        self.banner.setVisible(True)
        self._announce(
            self.tr("Đã chuyển hoạt động vào thùng rác — bấm Hoàn tác (Ctrl+Z) để lấy lại")
        )

    def _show_after_removal(self, position: int) -> None:
        """Refilter after a row left this view; select the row that took its place."""
        self._selected = None
        self.editor.show_activity(None)
        self._fallback_row = position
        self.apply_filters()
        self._load_panel()

    def undo_delete(self) -> None:
        """Bring back the last activity deleted here (Ctrl+Z)."""
        if not self._undo:
            return
        activity_id = self._undo.pop()
        if not self._restore(activity_id):
            return
        self.apply_filters()
        self.select_activity(activity_id)
        self.banner.setVisible(bool(self._undo))
        if self._undo:
            self.banner_label.setText(self.tr("Còn có thể hoàn tác các lần xóa trước."))
        self._announce(self.tr("Đã khôi phục hoạt động"))

    def restore_selected(self) -> None:
        row = self.current_row()
        if row is None or not row.deleted:
            return
        position = self.table.currentIndex().row()
        if not self._restore(row.id):
            return
        if row.id in self._undo:
            self._undo.remove(row.id)
            self.banner.setVisible(bool(self._undo))
        self._show_after_removal(position)
        self._announce(
            self.tr("Đã khôi phục “%1” — hoạt động đã trở lại danh sách").replace("%1", row.title)
        )

    def _restore(self, activity_id: int) -> bool:
        try:
            activities.restore_activity(self.ws, activity_id)
        except KnownError as exc:
            messages.show_error(self, exc)
            return False
        self._refresh_row(activity_id)
        return True
