"""Nhận gói báo cáo: choose package files or a folder (a USB stick, the e-mail attachments
folder), or drop them here; each package is verified and imported on its own, all or
nothing, in the background with progress and cancel. The result list says, per file,
what happened and why; a signed receipt is written for each package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period
from app.errors import ConfigError, KnownError
from app.services.province.intake import (
    ImportResult,
    Outcome,
    ReceivedRow,
    expand_paths,
    import_packages,
    received_packages,
)
from app.services.province.keys import province_key
from app.services.province.signatures import words as signature_words
from ui import i18n, window_state
from ui.context import AppContext
from ui.widgets import messages
from ui.widgets.common import heading
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import show_error
from ui.worker import Job

OUTCOME_COLOURS = {
    Outcome.IMPORTED: "#1b7f3b",
    Outcome.ALREADY_IMPORTED: "#1b5e9f",
    Outcome.REFUSED: "#b00020",
    Outcome.NOT_PROCESSED: "#6b6b6b",
}


class DropArea(QFrame):
    """Where package files and folders are dropped."""

    def __init__(self, screen: ImportScreen) -> None:
        super().__init__()
        self.screen_ = screen
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("dropArea")
        self.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        self.label = QLabel(
            self.tr("Kéo thả tệp gói báo cáo (.tdpkg) hoặc thư mục chứa gói vào đây")
        )
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.setStyleSheet("#dropArea { border: 2px dashed #8a9bb0; border-radius: 6px; }")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.screen_.start_import(paths)


class ImportScreen(QWidget):
    RESULT_COLUMNS = 7
    HISTORY_COLUMNS = 7

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.job: Job | None = None
        self.results: list[ImportResult] = []
        self._collected: list[ImportResult] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Nhận gói báo cáo")))
        intro = QLabel(
            self.tr(
                "Mỗi gói được kiểm tra chữ ký và toàn bộ nội dung rồi mới nhập; gói không hợp "
                "lệ, lần báo cáo cũ hơn lần đã nhập hoặc ký bằng khóa chưa đăng ký đều bị từ "
                "chối kèm lý do. Sở ghi biên nhận có chữ ký cho từng gói để gửi lại đơn vị."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.drop = DropArea(self)
        layout.addWidget(self.drop)
        row = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Chọn &tệp gói…"))
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("Chọn t&hư mục…"))
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        layout.addLayout(row)

        receipts_row = QHBoxLayout()
        self.beside = QCheckBox(self.tr("Ghi &biên nhận cạnh tệp gói"))
        self.beside.setChecked(True)
        self.beside.toggled.connect(self._receipts_mode)
        self.receipts_dir = QLineEdit()
        self.receipts_dir.setPlaceholderText(self.tr("Thư mục ghi biên nhận"))
        self.receipts_dir.setAccessibleName(self.tr("Thư mục ghi biên nhận"))
        self.receipts_browse = QPushButton(self.tr("Chọn…"))
        self.receipts_browse.clicked.connect(self.choose_receipts_dir)
        receipts_row.addWidget(self.beside)
        receipts_row.addWidget(self.receipts_dir, 1)
        receipts_row.addWidget(self.receipts_browse)
        layout.addLayout(receipts_row)
        self._receipts_mode(True)

        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        self.summary = heading(self.tr("Kết quả nhập"), 2)
        tl.addWidget(self.summary)
        self.table = QTableWidget(0, self.RESULT_COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tệp"),
                self.tr("Kết quả"),
                self.tr("Đơn vị"),
                self.tr("Kỳ"),
                self.tr("Lần"),
                self.tr("Chi tiết"),
                self.tr("Biên nhận"),
            ]
        )
        _table_look(self.table, stretch=5)
        header = self.table.horizontalHeader()
        for col, width in ((0, 170), (2, 160), (6, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        window_state.remember_columns(header, "province_import")
        # Wrapped details need their rows re-measured whenever the columns change width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setAccessibleName(self.tr("Kết quả nhập từng tệp"))
        self.table.cellDoubleClicked.connect(self._open_receipt_folder)
        tl.addWidget(self.table, 1)
        split.addWidget(top)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        history_head = QHBoxLayout()
        history_head.addWidget(heading(self.tr("Các gói đã nhận"), 2), 1)
        self.read_button = QPushButton(self.tr("&Xem báo cáo và minh chứng…"))
        self.read_button.setToolTip(
            self.tr("Đọc báo cáo, bản PDF và các tệp minh chứng của gói đã chọn (hoặc nhấp đúp).")
        )
        self.read_button.clicked.connect(self.read_selected)
        history_head.addWidget(self.read_button)
        bl.addLayout(history_head)
        self.history = QTableWidget(0, self.HISTORY_COLUMNS)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Ngày nhận"),
                self.tr("Đơn vị"),
                self.tr("Kỳ"),
                self.tr("Lần"),
                self.tr("Số thứ tự"),
                self.tr("Tình trạng"),
                self.tr("Minh chứng"),
            ]
        )
        _table_look(self.history, stretch=1)
        self.history.setAccessibleName(self.tr("Các gói đã nhận"))
        self.history.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.history.cellDoubleClicked.connect(lambda row, _col: self.read_package(row))
        self.history.itemSelectionChanged.connect(self._history_selected)
        self.history_rows: list[ReceivedRow] = []
        self.reader: QDialog | None = None
        bl.addWidget(self.history, 1)
        history_hint = QLabel(
            self.tr(
                "Nháy đúp vào một gói để đọc báo cáo, minh chứng và kiểm tra chữ ký số trên báo cáo."
            )
        )
        history_hint.setWordWrap(True)
        bl.addWidget(history_hint)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        ctx.reports_changed.connect(self.refresh_history)
        self.refresh_history()
        self.show_results([])

    # -- choosing ---------------------------------------------------------------------

    @Slot()
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp gói báo cáo"),
            "",
            self.tr("Gói báo cáo (*.tdpkg *.zip);;Mọi tệp (*)"),
        )
        if names:
            self.start_import([Path(n) for n in names])

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục chứa gói báo cáo (ví dụ ổ USB)")
        )
        if folder:
            self.start_import([Path(folder)])

    @Slot()
    def choose_receipts_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục ghi biên nhận"))
        if folder:
            self.receipts_dir.setText(folder)

    @Slot(bool)
    def _receipts_mode(self, beside: bool) -> None:
        self.receipts_dir.setEnabled(not beside)
        self.receipts_browse.setEnabled(not beside)

    # -- importing --------------------------------------------------------------------

    def start_import(self, paths: list[Path], passphrase: str | None = None) -> Job | None:
        """Import in the background; returns the job (None if nothing was started)."""
        if self.job is not None:
            self.ctx.status_message.emit(self.tr("Đang nhập gói khác; chờ xong rồi thử lại."))
            return None
        receipts_dir: Path | None = None
        if not self.beside.isChecked():
            text = self.receipts_dir.text().strip()
            if not text or not Path(text).is_dir():
                show_error(
                    self,
                    self.tr("Chưa chọn thư mục ghi biên nhận, hoặc thư mục không tồn tại."),
                    self.tr("Chọn thư mục, hoặc đánh dấu “Ghi biên nhận cạnh tệp gói”."),
                )
                return None
            receipts_dir = Path(text)
        files = expand_paths(paths)
        if not files:
            show_error(
                self,
                self.tr("Không có tệp gói báo cáo (.tdpkg) nào trong những gì đã chọn."),
                self.tr("Gói báo cáo có tên dạng BaoCao_<đơn vị>_<kỳ>_r<lần>.tdpkg."),
            )
            return None
        ws = self.ctx.ws
        try:
            key = province_key(ws, passphrase or self._passphrase())
        except _NoPassphrase:
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        collected: list[ImportResult] = []
        self._collected = collected

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return import_packages(
                ws,
                files,
                key=key,
                receipts_dir=receipts_dir,
                progress=progress,
                cancelled=cancelled,
                on_result=collected.append,
            )

        job = Job(work)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = job
        self._busy(True)
        self.job_bar.watch(
            job,
            self.tr("Đang kiểm tra và nhập %1 gói…").replace("%1", str(len(files))),
        )
        job.start()
        return job

    def _passphrase(self) -> str | None:
        import os

        from app.signing.keystore import PASSPHRASE_ENV, KeyStore

        if KeyStore(self.ctx.ws.layout.root).uses_keyring or os.environ.get(PASSPHRASE_ENV):
            return None
        from ui.widgets.passphrase import ask_passphrase

        text = ask_passphrase(self, province=True)
        if text is None:
            raise _NoPassphrase()
        return text

    def _busy(self, busy: bool) -> None:
        for w in (self.files_button, self.folder_button, self.drop):
            w.setEnabled(not busy)

    @Slot(object)
    def _finished(self, results: list[ImportResult]) -> None:
        self.job = None
        self._busy(False)
        self.show_results(results)
        self.ctx.reports_changed.emit()

    @Slot(str, str)
    def _failed(self, message: str, hint: str) -> None:
        self.job = None
        self._busy(False)
        self.show_results(list(self._collected))
        self.ctx.reports_changed.emit()
        show_error(self, message, hint if not hint.startswith("Traceback") else "")

    @Slot()
    def _cancelled(self) -> None:
        self.job = None
        self._busy(False)
        self.show_results(list(self._collected))
        self.ctx.reports_changed.emit()
        self.ctx.status_message.emit(
            self.tr("Đã hủy; các gói đã nhập xong vẫn được giữ, gói đang nhập dở không được ghi.")
        )

    # -- showing ---------------------------------------------------------------------

    def show_results(self, results: list[ImportResult]) -> None:
        self.results = results
        self.table.setRowCount(len(results))
        words = {
            Outcome.IMPORTED: self.tr("Đã nhập"),
            Outcome.ALREADY_IMPORTED: self.tr("Đã nhập trước đó"),
            Outcome.REFUSED: self.tr("Từ chối"),
            Outcome.NOT_PROCESSED: self.tr("Chưa xử lý"),
        }
        for row, r in enumerate(results):
            receipt = r.receipt.name if r.receipt else (r.receipt_error or "—")
            detail = messages.core_text(r.message) + (
                f" {messages.core_text(r.hint)}" if r.hint and not r.ok else ""
            )
            if r.signatures:
                detail += " " + signature_words(r.signatures, i18n.current())
            cells = [
                r.path.name,
                words[r.outcome],
                self._unit(r.unit_id),
                self._period(r.period),
                str(r.revision) if r.revision is not None else "—",
                detail,
                receipt,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(detail if col == 5 else str(r.path) if col == 0 else text)
                if col == 1:
                    item.setForeground(QBrush(QColor(OUTCOME_COLOURS[r.outcome])))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if not results:
            self.summary.setText(self.tr("Kết quả nhập"))
            return
        counts = {o: sum(1 for r in results if r.outcome is o) for o in Outcome}
        self.summary.setText(
            self.tr("Kết quả nhập: %1 tệp — đã nhập %2, đã nhập trước đó %3, từ chối %4")
            .replace("%1", str(len(results)))
            .replace("%2", str(counts[Outcome.IMPORTED]))
            .replace("%3", str(counts[Outcome.ALREADY_IMPORTED]))
            .replace("%4", str(counts[Outcome.REFUSED] + counts[Outcome.NOT_PROCESSED]))
        )

    def refresh_history(self) -> None:
        rows = received_packages(self.ctx.ws, limit=500)
        self.history_rows = rows
        self.history.setRowCount(len(rows))
        states = {"current": self.tr("Hiện hành"), "superseded": self.tr("Đã được thay")}
        for i, r in enumerate(rows):
            cells = [
                r.received.strftime("%d/%m/%Y %H:%M"),
                self._unit(r.unit_id),
                self._period(r.period),
                str(r.revision),
                str(r.sequence),
                states.get(r.state, r.state),
                str(r.evidence_count),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setToolTip(r.filename)
                self.history.setItem(i, col, item)

        self._history_selected()

    @Slot()
    def _history_selected(self) -> None:
        self.read_button.setEnabled(bool(self.history.selectionModel().selectedRows()))

    @Slot()
    def read_selected(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if rows:
            self.read_package(rows[0].row())

    def read_package(self, row: int) -> QDialog | None:
        """Open the package on that row of "Các gói đã nhận" to read."""
        if not 0 <= row < len(self.history_rows):
            return None
        from ui.screens.received_report import ReceivedReportDialog

        try:
            dialog = ReceivedReportDialog(self.ctx, self.history_rows[row].id, self)
        except KnownError as exc:
            show_error(self, exc)
            return None
        dialog.setModal(False)
        dialog.show()
        self.reader = dialog
        return dialog

    def _unit(self, unit_id: str) -> str:
        units = self.ctx.ws.units
        return units.get(unit_id).short_name if unit_id in units else unit_id or "—"

    def _period(self, code: str) -> str:
        if not code:
            return "—"
        try:
            return self.ctx.period_title(Period.parse(code))
        except ConfigError:
            return code

    @Slot(int, int)
    def _open_receipt_folder(self, row: int, _column: int) -> None:
        receipt = self.results[row].receipt if row < len(self.results) else None
        if receipt is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(receipt.parent)))

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """A received report as the province reads it: its content, then its evidence."""
        from ui.screens.received_report import ReceivedReportDialog

        def reader(tab: int) -> Callable[[], QWidget]:
            def make() -> QWidget:
                self.refresh_history()
                dialog = ReceivedReportDialog(self.ctx, self.history_rows[0].id, self)
                dialog.tabs.setCurrentIndex(tab)
                return dialog

            return make

        return [("province-read-report", reader(0)), ("province-read-evidence", reader(1))]


class _NoPassphrase(Exception):
    pass


def _table_look(table: QTableWidget, *, stretch: int) -> None:
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
