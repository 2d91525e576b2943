"""Restore from a backup: at start-up when the database is damaged (SECURITY.md 19), and
from Cài đặt. The work is app.services.backup's; this dialog asks, shows progress and
says what happened."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.paths import DataLayout
from app.services import backup
from app.services.backup import BackupInfo, RestoreResult
from ui import smoke
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import show_error
from ui.worker import Job

RESTORED = "restored"
READ_ONLY = "read-only"
QUIT = "quit"


class RestoreDialog(QDialog):
    """Ask to restore the newest good backup, or another file; outcome in ``self.outcome``.

    ``damaged``: the start-up form, with "Mở chỉ để xem" and "Thoát"; otherwise the form
    opened from Cài đặt, with "Hủy". ``close_current`` is called just before the swap
    (the caller's open workspace).
    """

    def __init__(
        self,
        layout: DataLayout,
        candidate: BackupInfo | None,
        *,
        damaged: bool,
        reason: str = "",
        close_current: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.layout_ = layout
        self.candidate = candidate
        self.chosen: BackupInfo | None = candidate
        self.damaged = damaged
        self.close_current = close_current
        self.outcome = QUIT if damaged else ""
        self.result_: RestoreResult | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Khôi phục dữ liệu"))
        self.setMinimumWidth(520)

        box = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        box.addWidget(self.detail)
        self.job_bar = JobBar()
        box.addWidget(self.job_bar)

        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Khôi phục"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        self.choose_button = QPushButton(self.tr("&Chọn tệp khác…"))
        self.choose_button.clicked.connect(self.choose_file)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        if damaged:
            self.read_only_button = QPushButton(self.tr("Mở chỉ để &xem"))
            self.read_only_button.clicked.connect(self.open_read_only)
            self.quit_button = QPushButton(self.tr("&Thoát"))
            self.quit_button.clicked.connect(self.reject)
            buttons.addWidget(self.read_only_button)
            buttons.addWidget(self.quit_button)
        else:
            self.quit_button = QPushButton(self.tr("&Hủy"))
            self.quit_button.clicked.connect(self.reject)
            buttons.addWidget(self.quit_button)
        box.addLayout(buttons)
        self._show_choice(reason)

    def _show_choice(self, reason: str = "") -> None:
        info = self.chosen
        if self.damaged:
            text = self.tr("Dữ liệu bị hỏng nên Tiến Độ chưa thể ghi thêm.")
            if reason:
                text += "\n" + reason
        else:
            text = self.tr(
                "Khôi phục thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong bản sao lưu. "
                "Dữ liệu hiện tại được giữ lại trong thư mục sao lưu."
            )
        if info is not None:
            text += "\n\n" + self.tr("Khôi phục từ bản sao lưu ngày %1?").replace(
                "%1", f"{info.created:%d/%m/%Y %H:%M}"
            )
            self.detail.setText(
                self.tr("%5: %1 hoạt động, %2 báo cáo, %3 tệp minh chứng — %4")
                .replace("%5", info.unit_name or info.unit_id or "—")
                .replace("%1", str(info.counts.get("activities", 0)))
                .replace("%2", str(info.counts.get("reports", 0)))
                .replace("%3", str(len(info.evidence)))
                .replace("%4", info.path.name)
            )
        else:
            text += "\n\n" + self.tr(
                "Không tìm thấy bản sao lưu tự động nào còn dùng được. "
                "Hãy chọn tệp sao lưu (ví dụ trên ổ USB)."
            )
            self.detail.setText("")
        self.message.setText(text)
        self.restore_button.setEnabled(info is not None)

    @Slot()
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn bản sao lưu"),
            str(self.layout_.backups if self.layout_.backups.is_dir() else Path.home()),
            self.tr("Bản sao lưu Tiến Độ (*.zip)"),
        )
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> None:
        """Show a chosen file's date and contents, ready to restore."""
        try:
            self.chosen = backup.read_backup_info(path)
        except KnownError as exc:
            show_error(self, exc)
            return
        self._show_choice()

    @Slot()
    def restore(self) -> Job | None:
        """Restore the chosen backup in the background; returns the job."""
        if self.chosen is None or self.job is not None:
            return None
        layout, path = self.layout_, self.chosen.path
        close = self.close_current

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return backup.restore_backup(
                layout,
                path,
                close_current=close if callable(close) else None,
                progress=progress,
                cancelled=cancelled,
            )

        job = Job(work)
        job.signals.finished.connect(self._restored)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = job
        self._busy(True)
        self.job_bar.watch(job, self.tr("Đang kiểm tra và khôi phục…"))
        job.start()
        return job

    def _busy(self, busy: bool) -> None:
        for b in (self.restore_button, self.choose_button, self.quit_button):
            b.setEnabled(not busy)
        if self.damaged:
            self.read_only_button.setEnabled(not busy)
        if not busy:
            self.restore_button.setEnabled(self.chosen is not None)

    @Slot(object)
    def _restored(self, result: RestoreResult) -> None:
        self.job = None
        self.result_ = result
        self.outcome = RESTORED
        self.accept()

    @Slot(str, str)
    def _failed(self, message: str, hint: str) -> None:
        self.job = None
        self._busy(False)
        show_error(self, message, hint if not hint.startswith("Traceback") else "")

    @Slot()
    def _cancelled(self) -> None:
        self.job = None
        self._busy(False)

    @Slot()
    def open_read_only(self) -> None:
        self.outcome = READ_ONLY
        self.accept()

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        if self.damaged:
            self.outcome = QUIT
        super().reject()


def recover_damaged_database(root: Path, error: KnownError) -> str:
    """The start-up path for a database that failed quick_check: offer the newest good
    backup. Returns RESTORED, READ_ONLY or QUIT.

    Under the smoke test (ui.smoke: no one to click) the question goes to stderr and
    TIENDO_SMOKE_CHOICE answers it (default: quit).
    """
    layout = DataLayout(root)
    candidate = backup.newest_good_backup(layout)
    when = f"{candidate.created:%d/%m/%Y %H:%M}" if candidate else "—"
    question = f"Dữ liệu bị hỏng: {error.message} Bản sao lưu tốt gần nhất: {when}"
    choice = smoke.answer(question, QUIT)
    if choice is not None:
        if choice == RESTORED and candidate is not None:
            try:
                backup.restore_backup(layout, candidate.path)
            except KnownError as exc:
                print(f"Lỗi: {exc}", file=sys.stderr)
                return QUIT
            return RESTORED
        return READ_ONLY if choice == READ_ONLY else QUIT
    dialog = RestoreDialog(layout, candidate, damaged=True, reason=error.message)
    dialog.exec()
    return dialog.outcome
