"""The district's side of trusting the province: the province's public key, which signs
the receipts. A setup wizard page (optional: it can be done later) and a dialog that the
outbox or settings screen can open; both show the fingerprint to compare by phone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import KnownError
from app.services import receipts
from app.services.receipts import ProvinceKey
from app.services.workspace import Workspace
from ui.widgets.messages import show_error


class ProvinceKeyChooser(QWidget):
    """Choose the province's key file; shows its fingerprint and asks for the comparison.

    With a workspace that already trusts a province key, the file may also be the
    province's rotation statement: signed by the trusted key, it needs no phone call.
    """

    def __init__(self, parent: QWidget | None = None, ws: Workspace | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.key: ProvinceKey | None = None
        self.rotation = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Chọn tệp &khóa của Sở…"))
        # Enter belongs to the dialog's own button (Tiếp, Tin cậy), not to this one: the
        # file chooser would open again after each file.
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.hide()
        layout.addWidget(self.source)
        self.fingerprint = QLabel()
        big = QFont("monospace")
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setPointSizeF(self.font().pointSizeF() * 1.5)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Dấu vân tay khóa của Sở"))
        layout.addWidget(self.fingerprint)
        self.compared = QCheckBox(
            self.tr(
                "Tôi đã đọc dấu vân tay này với cán bộ của Sở qua điện thoại và thấy trùng khớp"
            )
        )
        self.compared.hide()
        layout.addWidget(self.compared)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp khóa công khai của Sở"),
            "",
            self.tr("Tệp khóa Tiến Độ (*.tdkey *.pub);;Mọi tệp (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Read a public key file, or (with a workspace) a province rotation statement."""
        from app.fsio import read_capped

        try:
            data = read_capped(path, "tệp khóa của Sở", 64 * 1024, receipts.ReceiptImportError)
            rotation = self.ws is not None and data.startswith(b"tiendo-key-rotation ")
            if rotation:
                assert self.ws is not None
                key = receipts.read_province_rotation(self.ws, data)
            else:
                key = receipts.read_province_key(data)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.key = key
        self.rotation = rotation
        self.fingerprint.setText(key.fingerprint.replace(" / ", "\n"))
        self.source.setText(
            self.tr(
                "Tệp đổi khóa của Sở, có chữ ký của cả khóa đang tin cậy và khóa mới dưới đây: "
                "không cần đối chiếu qua điện thoại."
            )
            if rotation
            else self.tr("Khóa mới của Sở trong tệp %1:").replace("%1", path.name)
        )
        self.source.show()
        self.compared.setChecked(rotation)
        self.compared.setVisible(not rotation)
        self.compared.toggled.emit(self.compared.isChecked())
        if not rotation:
            self.compared.setFocus()  # what is left to do: Space ticks it
        return True

    def value(self) -> ProvinceKey | None:
        """The key once its fingerprint was compared (or its rotation verified), else None."""
        return self.key if self.key is not None and self.compared.isChecked() else None


class ProvinceKeyPage(QWizardPage):
    """Setup, district only: the province key for receipts. May be left for later."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Khóa công khai của Sở"))
        # The header holds two lines: the subtitle stays short, the rest is below it.
        self.setSubTitle(self.tr("Để kiểm tra biên nhận Sở gửi lại. Có thể bỏ qua và làm sau."))
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Sở gửi lại biên nhận có chữ ký cho mỗi gói báo cáo nhận được. Để biết chắc "
                "biên nhận do Sở gửi, máy này cần khóa công khai của Sở: chọn tệp khóa Sở gửi, "
                "rồi đọc dấu vân tay với cán bộ của Sở qua điện thoại. Làm sau: Cài đặt › Khóa "
                "của Sở."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.chooser = ProvinceKeyChooser(self)
        self.chooser.compared.toggled.connect(lambda _: self.completeChanged.emit())
        layout.addWidget(self.chooser)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        # Nothing chosen: skip. A key chosen: only once its fingerprint was compared.
        return self.chooser.key is None or self.chooser.compared.isChecked()

    def value(self) -> ProvinceKey | None:
        return self.chooser.value()


class TrustProvinceDialog(QDialog):
    """Trust (or replace) the province key after comparing its fingerprint."""

    FOR_SETTINGS = 0
    FOR_RECEIPT = 1

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, *, reason: int = FOR_SETTINGS
    ) -> None:
        super().__init__(parent)
        from app.services.signing_key import monitoring_body

        self.ws = ws
        self.setWindowTitle(self.tr("Khóa công khai của Sở"))
        layout = QVBoxLayout(self)
        current = receipts.trusted_province_key(ws)
        body = monitoring_body(ws)
        if reason == self.FOR_RECEIPT:
            text = self.tr(
                "Chưa có khóa công khai của %1 nên chưa kiểm tra được biên nhận. Chọn tệp khóa "
                "Sở đã gửi (thường là Khoa_….tdkey), gọi điện đối chiếu dấu vân tay, rồi tin "
                "cậy khóa: biên nhận được kiểm tra ngay sau đó."
            ).replace("%1", body)
        elif current:
            text = (
                self.tr(
                    "Đang tin cậy khóa %1 của Sở (dấu vân tay %2). Chỉ thay khi Sở báo đã đổi "
                    "khóa: chọn tệp đổi khóa của Sở, hoặc tệp khóa mới rồi đối chiếu dấu vân tay."
                )
                .replace("%1", current.key_id)
                .replace("%2", current.fingerprint)
            )
        else:
            text = self.tr(
                "Chưa có khóa của %1: chưa kiểm tra được biên nhận. Chọn tệp khóa công khai "
                "Sở đã gửi và đối chiếu dấu vân tay qua điện thoại."
            ).replace("%1", body)
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.chooser = ProvinceKeyChooser(self, ws)
        layout.addWidget(self.chooser)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Tin cậy khóa này"))
        self.ok.setEnabled(False)
        self.chooser.compared.toggled.connect(self.ok.setEnabled)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        key = self.chooser.value()
        if key is None:
            return
        try:
            receipts.trust_province(self.ws, key, replace=True)
        except KnownError as exc:
            show_error(self, exc)
            return
        super().accept()
