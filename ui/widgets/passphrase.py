"""Asking for the signing key's passphrase (where no secure keyring exists), with what to
do when it is forgotten; a wrong one is asked again, the work in hand kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.editors import hline


class PassphraseDialog(QDialog):
    """The passphrase, or None when cancelled. `province`: the province's key (it signs
    receipts and plans) rather than a unit's (it signs report packages)."""

    def __init__(
        self, parent: QWidget | None, *, province: bool = False, problem: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Mật khẩu khóa ký của Sở") if province else self.tr("Mật khẩu khóa ký")
        )
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr("Nhập mật khẩu khóa ký của Sở (để ký biên nhận):")
            if province
            else self.tr("Nhập mật khẩu khóa ký của đơn vị:")
        )
        label.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Mật khẩu khóa ký"))
        label.setBuddy(self.passphrase)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        self.problem = QLabel(problem)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.forgot_button = QPushButton(self.tr("&Quên mật khẩu?"))
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.setCheckable(True)
        self.forgot = QLabel(self.forgotten_text(province))
        self.forgot.setWordWrap(True)
        self.forgot.setVisible(False)
        self.forgot_button.toggled.connect(self.forgot.setVisible)
        self.forgot_button.toggled.connect(lambda _on: self.adjustSize())
        layout.addWidget(hline())
        layout.addWidget(self.forgot_button)
        layout.addWidget(self.forgot)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Mở khóa"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.passphrase.setFocus()

    def forgotten_text(self, province: bool) -> str:
        if province:
            return self.tr(
                "Mật khẩu chỉ có ở người đã đặt nó: không ai, kể cả phần mềm, lấy lại được. "
                "Nếu quên, nhập bản sao khóa có mật khẩu đã cất, hoặc tạo khóa mới (Cài đặt › "
                "Khóa ký › Mất khóa? Tạo khóa mới…), rồi gửi khóa công khai mới cho các đơn vị "
                "kèm dấu vân tay, để đơn vị đối chiếu qua điện thoại và tin cậy khóa mới. Các "
                "gói đã nhận vẫn giữ nguyên."
            )
        return self.tr(
            "Mật khẩu chỉ có ở người đã đặt nó: không ai, kể cả phần mềm, lấy lại được. "
            "Nếu quên, nhập bản sao khóa có mật khẩu đã cất (Cài đặt › Khóa ký › Nhập khóa "
            "từ tệp…), hoặc tạo khóa mới (Cài đặt › Khóa ký › Mất khóa? Tạo khóa mới…): gửi "
            "tệp yêu cầu đăng ký lại lên Sở và gọi điện đọc dấu vân tay, Sở thu hồi khóa cũ "
            "và đăng ký khóa mới. Các gói đã gửi trước đó vẫn có giá trị."
        )

    def value(self) -> str:
        return self.passphrase.text()


def ask_passphrase(
    parent: QWidget | None, *, province: bool = False, problem: str = ""
) -> str | None:
    """The passphrase typed, or None when the officer cancelled."""
    dialog = PassphraseDialog(parent, province=province, problem=problem)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
