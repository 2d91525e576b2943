"""Gửi báo cáo: export the signed package of a finalized report (to a USB stick or a
folder to attach to an e-mail), and the outbox of what was sent and what the province
has acknowledged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Slot
from PySide6.QtGui import QCursor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period
from app.errors import KnownError
from app.services import packages, reports
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.job_bar import JobBar
from ui.widgets.lazy import LazyRefresh
from ui.widgets.messages import show_error
from ui.widgets.passphrase import ask_passphrase
from ui.worker import Job

if TYPE_CHECKING:
    from app.signing.keystore import KeyStore

Index = QModelIndex | QPersistentModelIndex


class OutboxModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[packages.OutboxRow] = []
        self.headers = [
            self.tr("Số thứ tự"),
            self.tr("Báo cáo"),
            self.tr("Lần"),
            self.tr("Ngày xuất"),
            self.tr("Tệp"),
            self.tr("Tình trạng"),
        ]

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = packages.outbox(self.ctx.ws, plan_id=self.ctx.ws.plan.id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                str(r.sequence),
                self.ctx.period_title(Period.parse(r.period)),
                str(r.revision),
                r.created_at.strftime("%d/%m/%Y %H:%M"),
                r.filename,
                self.tr("Tỉnh đã nhận %1").replace("%1", r.received_at.strftime("%d/%m/%Y"))
                if r.received_at
                else self.tr("Đã xuất, chờ biên nhận"),
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return r.path
        return None


class OutboxScreen(LazyRefresh):
    def _intro_text(self) -> str:
        """What a package carries. The app's own signature is never called "chữ ký số"
        (DESIGN.md §8): that is the certificate signature from a USB token."""
        from app.official.config import is_set_up

        text = self.tr(
            "Gói báo cáo gồm báo cáo đã chốt, bản PDF và các minh chứng, có chữ ký xác thực "
            "của phần mềm (cho cơ quan theo dõi kế hoạch biết gói do máy của đơn vị gửi). Lưu "
            "gói vào USB hoặc đính kèm thư điện tử gửi %1."
        ).replace("%1", self.body)
        if is_set_up(self.ctx.ws.settings):
            return text + " " + self.tr("Báo cáo đã ký số bằng USB token được gửi đúng bản đã ký.")
        return (
            text
            + " "
            + self.tr("Chữ ký này không thay chữ ký của lãnh đạo: bản giấy vẫn cần ký và đóng dấu.")
        )

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.job: Job | None = None
        self.done_dialog: QWidget | None = None
        self.receipt_box: QMessageBox | None = None
        self.last_receipt = ""
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Gửi báo cáo lên tỉnh")))
        from app.services.signing_key import monitoring_body

        self.body = monitoring_body(ctx.ws)
        intro = QLabel(self._intro_text())
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.empty_label = QLabel(
            self.tr(
                "Chưa có báo cáo nào đã chốt để gửi. Lập báo cáo ở màn hình Báo cáo, kiểm tra "
                "rồi bấm “Chốt báo cáo”; báo cáo đã chốt hiện ở đây để xuất gói."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setStyleSheet(
            "#emptyState { background:#fff8e1; border:1px solid #ffb74d; border-radius:3px; "
            "padding:8px; color:#4e342e; }"
        )
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("&Báo cáo:")))
        self.report_combo = QComboBox()
        self.report_combo.setMinimumWidth(320)
        self.report_combo.setAccessibleName(self.tr("Báo cáo cần gửi"))
        row.itemAt(0).widget().setBuddy(self.report_combo)  # type: ignore[union-attr]
        row.addWidget(self.report_combo, 1)
        self.export_button = QPushButton(self.tr("&Xuất gói báo cáo…"))
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        layout.addWidget(heading(self.tr("Các gói đã xuất"), 2))
        self.no_packages = QLabel(self.tr("Chưa xuất gói báo cáo nào."))
        layout.addWidget(self.no_packages)
        self.model = OutboxModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Các gói đã xuất"))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_folder = QPushButton(self.tr("&Mở thư mục chứa gói"))
        self.open_folder.clicked.connect(self.show_in_folder)
        buttons.addWidget(self.open_folder)
        self.receipt_button = QPushButton(self.tr("Nhập &biên nhận của tỉnh…"))
        self.receipt_button.setToolTip(
            self.tr("Tệp biên nhận (.tdr) Sở gửi lại sau khi nhận gói báo cáo")
        )
        self.receipt_button.clicked.connect(self.choose_receipts)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.key_label)
        ctx.reports_changed.connect(self.mark_stale)

    def busy(self) -> bool:
        """Whether a package is being exported."""
        return self.job is not None

    def refresh(self) -> None:
        self.model.reload()
        self.no_packages.setVisible(not self.model.rows)
        current = self.report_combo.currentData()
        self.report_combo.clear()
        newest: dict[str, reports.ReportSummary] = {}
        for r in reports.all_reports(self.ctx.ws):
            newest[r.period] = r  # all_reports is ordered by revision: the last one wins
        sendable = [r for r in newest.values() if r.state != "draft"]
        sendable.sort(key=lambda r: Period.parse(r.period), reverse=True)
        for r in sendable:
            self.report_combo.addItem(self._report_label(r), r.period)
        # The newest report not sent yet, unless the officer chose one: never an old,
        # already received report one click from being sent again.
        unsent = [i for i, r in enumerate(sendable) if r.state == "finalized"]
        i = self.report_combo.findData(current) if current is not None else -1
        self.report_combo.setCurrentIndex(i if i >= 0 else (unsent[0] if unsent else 0))
        has = bool(sendable)
        self.empty_label.setVisible(not has)
        self.export_button.setEnabled(has and self.job is None)
        self.report_combo.setEnabled(has)
        if not has:
            self.report_combo.addItem(self.tr("Chưa có báo cáo đã chốt"))
        try:
            info = packages.key_info(self.ctx.ws)
            self.key_label.setText(
                self.tr("Khóa ký của đơn vị: %1 — dấu vân tay %2")
                .replace("%1", info.key_id)
                .replace("%2", info.fingerprint)
            )
        except KnownError:
            self.key_label.setText(
                self.tr("Đơn vị chưa có khóa ký: tạo hoặc nhập khóa trong Cài đặt › Khóa ký.")
            )

    def _report_label(self, r: reports.ReportSummary) -> str:
        label = (
            self.tr("%1 — lần %2")
            .replace("%1", self.ctx.period_label(Period.parse(r.period)))
            .replace("%2", str(r.revision))
        )
        if r.state == "exported":
            label += self.tr(" (đã xuất, chờ biên nhận)")
        elif r.state == "received":
            label += self.tr(" (tỉnh đã nhận)")
        return label

    def choose_period(self, period: str) -> None:
        """Show the period's report as the one to send (from the Báo cáo screen)."""
        self.refresh()
        i = self.report_combo.findData(period)
        if i >= 0:
            self.report_combo.setCurrentIndex(i)
            self.export_button.setFocus()

    @Slot()
    def export(self) -> None:
        period = self.report_combo.currentData()
        if not period or self.job is not None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn nơi lưu gói báo cáo (ví dụ ổ USB)"), str(Path.home())
        )
        if not folder:
            return
        self.start_export(str(period), Path(folder))

    def start_export(self, period: str, folder: Path, passphrase: str | None = None) -> Job | None:
        """Export in the background with progress and cancel; returns the job."""
        from app.signing.keystore import KeyStore

        store = KeyStore(self.ctx.ws.layout.root)
        if passphrase is None and not store.uses_keyring and not _env_passphrase():
            passphrase = self._unlock(store)
            if passphrase is None:
                return None
        ws = self.ctx.ws

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return packages.export_package(
                ws, period, folder, passphrase=passphrase, progress=progress, cancelled=cancelled
            )

        job = Job(work)
        job.signals.finished.connect(self._exported)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = job
        self.export_button.setEnabled(False)
        self.job_bar.watch(job, self.tr("Đang đóng gói và ký…"))
        job.start()
        return job

    def _unlock(self, store: KeyStore) -> str | None:
        """Ask for the passphrase until it opens the key (the folder chosen is kept);
        None when the officer gives up or the key cannot be opened at all."""
        from app.signing.keystore import WrongPassphrase

        problem = ""
        while True:
            passphrase = ask_passphrase(self, problem=problem)
            if passphrase is None:
                return None
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            try:
                store.load(self.ctx.ws.settings.unit_id, passphrase)
            except WrongPassphrase:
                problem = self.tr("Mật khẩu không đúng. Hãy nhập lại.")
                continue
            except KnownError as exc:
                show_error(self, exc)
                return None
            finally:
                QGuiApplication.restoreOverrideCursor()
            return passphrase

    @Slot(object)
    def _exported(self, result: packages.ExportResult) -> None:
        self.job = None
        self.ctx.reports_changed.emit()
        self.ctx.status_message.emit(self.tr("Đã xuất gói báo cáo."))
        from ui.screens.outbox_dialogs import ExportDoneDialog

        label = self.ctx.period_label(Period.parse(result.period))
        self.done_dialog = ExportDoneDialog(result, label, self.body, self)
        self.done_dialog.setModal(False)
        self.done_dialog.show()
        self.refresh()

    @Slot(str, str)
    def _failed(self, message: str, hint: str) -> None:
        self.job = None
        self.refresh()
        show_error(self, message, hint if not hint.startswith("Traceback") else "")

    @Slot()
    def _cancelled(self) -> None:
        self.job = None
        self.refresh()
        self.ctx.status_message.emit(self.tr("Đã hủy xuất gói; không có tệp nào được ghi."))

    @Slot()
    def choose_receipts(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp biên nhận"),
            str(Path.home()),
            self.tr("Biên nhận Tiến Độ (*.tdr);;Mọi tệp (*)"),
        )
        for name in files:
            self.import_receipt(Path(name))

    def import_receipt(self, path: Path, *, trust: Callable[[], bool] | None = None) -> bool:
        """Check a receipt with the province key and mark its package received; without a
        trusted key, offer to trust one right there (`trust`: tests stand in for it)."""
        from app.services.receipts import NoProvinceKey, import_receipt
        from ui.screens.outbox_dialogs import receipt_text

        try:
            done = import_receipt(self.ctx.ws, path)
        except NoProvinceKey as exc:
            if not (trust or self._offer_trust)():
                show_error(self, exc)
                return False
            return self.import_receipt(path, trust=lambda: False)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.ctx.reports_changed.emit()
        self.refresh()
        text = receipt_text(done, self.ctx.period_label(Period.parse(done.row.period)))
        self.last_receipt = text
        self.ctx.status_message.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Đã ghi nhận biên nhận"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setModal(False)
        box.show()
        self.receipt_box = box
        return True

    def _offer_trust(self) -> bool:
        """No province key yet: choose its file and compare the fingerprint now."""
        from ui.screens.province_trust import TrustProvinceDialog

        dialog = TrustProvinceDialog(self.ctx.ws, self, reason=TrustProvinceDialog.FOR_RECEIPT)
        return dialog.exec() == TrustProvinceDialog.DialogCode.Accepted

    @Slot()
    def show_in_folder(self) -> None:
        idx = self.table.currentIndex()
        rows = self.model.rows
        if not rows:
            return
        row = rows[idx.row()] if idx.isValid() else rows[0]
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(row.path).parent)))

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The guidance after an export, for the newest package in the outbox."""
        from ui.screens.outbox_dialogs import ExportDoneDialog

        def done() -> QWidget:
            row = packages.outbox(self.ctx.ws, plan_id=self.ctx.ws.plan.id)[0]
            result = packages.ExportResult(
                Path(row.path), row.size, row.sequence, row.period, row.revision, False
            )
            label = self.ctx.period_label(Period.parse(row.period))
            return ExportDoneDialog(result, label, self.body, self)

        return (
            [("outbox-exported", done)]
            if packages.outbox(self.ctx.ws, plan_id=self.ctx.ws.plan.id)
            else []
        )


def _env_passphrase() -> bool:
    import os

    return bool(os.environ.get("TIENDO_KEY_PASSPHRASE"))
