"""What Gửi báo cáo says after each step: the package written (what to send, to whom,
how, and what comes back), and the receipt imported (what it confirmed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.packages import ExportResult
from app.services.receipts import ImportedReceipt
from app.text import format_number


class ExportDoneDialog(QDialog):
    """After an export: the file, where it goes, by which way, and the receipt to expect."""

    def __init__(
        self, result: ExportResult, period_label: str, body: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = result.path
        self.setWindowTitle(self.tr("Đã xuất gói báo cáo"))
        layout = QVBoxLayout(self)
        size = format_number(max(1, round(result.size / 1024)))
        self.what = QLabel(
            self.tr("Gói báo cáo %1, lần %2 (số thứ tự %3) đã được lưu:")
            .replace("%1", period_label)
            .replace("%2", str(result.revision))
            .replace("%3", str(result.sequence))
        )
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.file_label = file_label = QLabel(
            self.tr("<b>%1</b> (%2 KB)<br>trong thư mục %3")
            .replace("%1", _html(result.path.name))
            .replace("%2", size)
            .replace("%3", _html(str(result.path.parent)))
        )
        file_label.setTextFormat(Qt.TextFormat.RichText)
        file_label.setWordWrap(True)
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(file_label)
        self.steps = QLabel(
            self.tr(
                "<b>Bước tiếp theo</b><ol>"
                "<li>Gửi đúng tệp này cho %1: đính kèm vào thư điện tử, hoặc chép vào USB "
                "mang đến. Không cần nén hay đổi tên tệp.</li>"
                "<li>Sở kiểm tra chữ ký, nhập gói và gửi lại một <b>tệp biên nhận</b> (.tdr).</li>"
                "<li>Khi nhận được biên nhận, nhấp đúp vào tệp đó hoặc bấm “Nhập biên nhận của "
                "tỉnh…” trên màn hình này: báo cáo chuyển sang “Tỉnh đã nhận”.</li></ol>"
            ).replace("%1", _html(body))
        )
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.open_folder = buttons.addButton(
            self.tr("&Mở thư mục"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder.clicked.connect(self.show_folder)
        close = buttons.addButton(self.tr("Đó&ng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def receipt_text(done: ImportedReceipt, period_label: str) -> str:
    """What a receipt confirmed, in one sentence: who, which report, when."""
    receipt = done.receipt
    return (
        QCoreApplication.translate(
            "OutboxScreen", "%1 đã nhận báo cáo %2, lần %3 (gói số thứ tự %4) lúc %5."
        )
        .replace("%1", done.issuer_name)
        .replace("%2", period_label)
        .replace("%3", str(receipt.revision))
        .replace("%4", str(receipt.sequence))
        .replace("%5", receipt.received.strftime("%d/%m/%Y %H:%M"))
    )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
