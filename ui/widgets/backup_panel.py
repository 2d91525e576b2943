"""Cài đặt → Sao lưu và khôi phục: the automatic backups, "Sao lưu ngay" to a folder (a
USB stick) and restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.errors import KnownError
from app.services import backup
from app.services.backup import BackupInfo
from ui.context import AppContext
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import show_error
from ui.widgets.restore_dialog import RESTORED, RestoreDialog
from ui.worker import Job


class BackupPanel(QGroupBox):
    """Shows the newest automatic backup; backs up to a chosen folder; restores."""

    backed_up = Signal(object)  # BackupInfo
    restored = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("Sao lưu và khôi phục"))
        self.ctx = ctx
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.newest = QLabel()
        self.newest.setWordWrap(True)
        form.addRow(self.tr("Sao lưu tự động:"), self.newest)
        self.keep = QSpinBox()
        self.keep.setRange(1, 90)
        self.keep.setValue(backup.keep_setting(ctx.ws))
        self.keep.setSuffix(self.tr(" ngày"))
        self.keep.valueChanged.connect(self.save_keep)
        form.addRow(self.tr("&Giữ bản sao lưu tự động:"), self.keep)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Tiến Độ tự sao lưu vào thư mục dữ liệu mỗi ngày và khi đóng. Hãy sao lưu "
                "thêm ra ổ USB để phòng khi máy tính hỏng."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        # Decided in app.services.signing_key.BACKUP_HOLDS_KEY: never in a backup.
        self.key_note = QLabel(
            self.tr(
                "<b>Bản sao lưu không chứa khóa ký.</b> Khôi phục sang máy mới thì dữ liệu "
                "đầy đủ nhưng chưa ký được gói báo cáo hay biên nhận: cần nhập bản sao khóa ký "
                "có mật khẩu (Cài đặt › Khóa ký › Xuất bản sao có mật khẩu…), hoặc tạo khóa "
                "mới rồi đăng ký lại."
            )
        )
        self.key_note.setWordWrap(True)
        layout.addWidget(self.key_note)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Sao lưu ngay…"))
        self.backup_button.clicked.connect(self.choose_folder)
        self.restore_button = QPushButton(self.tr("&Khôi phục…"))
        self.restore_button.clicked.connect(self.open_restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        self.refresh()

    def refresh(self) -> None:
        found = backup.list_backups(self.ctx.ws.layout)
        autos = [b for b in found if b.kind == "auto"]
        if autos:
            self.newest.setText(
                self.tr("gần nhất lúc %1 (%2 bản)")
                .replace("%1", f"{autos[0].created:%H:%M %d/%m/%Y}")
                .replace("%2", str(len(autos)))
            )
        else:
            self.newest.setText(self.tr("chưa có"))

    @Slot(int)
    def save_keep(self, value: int) -> None:
        ws = self.ctx.ws
        ws.settings.extra[backup.KEEP_SETTING] = str(value)
        try:
            ws.save_settings()
        except KnownError as exc:
            show_error(self, exc)

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn nơi lưu bản sao lưu (ví dụ ổ USB)"), str(Path.home())
        )
        if folder:
            self.start_backup(Path(folder))

    def start_backup(self, folder: Path) -> Job | None:
        """A self-contained backup into `folder`, in the background; returns the job."""
        if self.job is not None:
            return None
        ws = self.ctx.ws

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return backup.create_backup(ws, folder, progress=progress, cancelled=cancelled)

        job = Job(work)
        job.signals.finished.connect(self._backed_up)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._done)
        self.job = job
        self.backup_button.setEnabled(False)
        self.job_bar.watch(job, self.tr("Đang sao lưu…"))
        job.start()
        return job

    @Slot(object)
    def _backed_up(self, info: BackupInfo) -> None:
        self._done()
        self.ctx.status_message.emit(self.tr("Đã sao lưu."))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Đã sao lưu"),
            self.tr(
                "Bản sao lưu đã được lưu:\n%1\n\nBản sao lưu không chứa khóa ký; khóa ký "
                "được cất riêng bằng “Xuất bản sao có mật khẩu…” trong phần Khóa ký."
            ).replace("%1", str(info.path)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setModal(False)
        box.show()
        self.backed_up.emit(info)

    @Slot(str, str)
    def _failed(self, message: str, hint: str) -> None:
        self._done()
        show_error(self, message, hint if not hint.startswith("Traceback") else "")

    @Slot()
    def _done(self) -> None:
        self.job = None
        self.backup_button.setEnabled(True)

    def restore_dialog(self) -> RestoreDialog:
        ws = self.ctx.ws
        candidate = next(iter(backup.list_backups(ws.layout)), None)
        return RestoreDialog(
            ws.layout, candidate, damaged=False, close_current=ws.close, parent=self
        )

    @Slot()
    def open_restore(self) -> None:
        dialog = self.restore_dialog()
        dialog.exec()
        if dialog.outcome == RESTORED:
            self.after_restore()

    def after_restore(self) -> None:
        """The open screens show the old data: say so and close; the next start opens the
        restored database."""
        self.restored.emit()
        QMessageBox.information(
            self,
            self.tr("Đã khôi phục"),
            self.tr("Đã khôi phục dữ liệu. Tiến Độ sẽ đóng lại; hãy mở lại để tiếp tục làm việc."),
        )
        # exit, not close: closing would flush the screens' edits into the restored file
        QApplication.exit(0)
