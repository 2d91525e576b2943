"""Shared pieces for official signatures (chữ ký số): the PIN dialog, and a list of a
PDF's signatures with who signed, as what, when, and why one is not valid."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.official.appearance import iso_time
from app.official.config import Role
from app.official.verify import SignatureCheck
from ui.widgets.messages import core_text


def role_text(role: Role | None) -> str:
    """The role in the interface language."""
    if role is Role.PERSONAL:
        return QCoreApplication.translate("OfficialSignatures", "người có thẩm quyền ký")
    if role is Role.AGENCY:
        return QCoreApplication.translate("OfficialSignatures", "cơ quan ban hành")
    return QCoreApplication.translate("OfficialSignatures", "không rõ vai trò")


class PinDialog(QDialog):
    """Asks the PIN of one token, masked. The PIN lives only in this dialog and the
    signing job; it is never saved."""

    def __init__(self, parent: QWidget | None, role: Role, holder: str, token: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mã PIN của USB token"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Cắm USB token “%1” vào máy rồi nhập mã PIN để ký số với vai trò %2 "
                "(chứng thư của %3). Nhập sai nhiều lần, token sẽ bị khóa."
            )
            .replace("%1", token)
            .replace("%2", role_text(role))
            .replace("%3", holder)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Mã PIN"))
        form.addRow(self.tr("&Mã PIN:"), self.pin)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ký số"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


def ask_pin(parent: QWidget | None, role: Role, holder: str, token: str) -> str | None:
    """The PIN typed, or None when the officer cancels (tests replace this function)."""
    dialog = PinDialog(parent, role, holder, token)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.pin.text():
            return None
        return dialog.pin.text()
    finally:
        dialog.pin.clear()
        dialog.deleteLater()


def checks_html(checks: Sequence[SignatureCheck]) -> str:
    """The signatures as rich text: one line each, with the reasons under an invalid one."""
    if not checks:
        return QCoreApplication.translate("OfficialSignatures", "Tệp PDF không có chữ ký số.")
    lines = []
    for check in checks:
        who = (
            check.signer.holder
            if check.signer
            else QCoreApplication.translate("OfficialSignatures", "không rõ người ký")
        )
        when = iso_time(check.signed_at) if check.signed_at else "—"
        mark, colour, word = _verdict(check)
        line = (
            f'<span style="color:{colour}">{mark} <b>{_esc(who)}</b></span> '
            f"({_esc(role_text(check.role))}) — {_esc(word)}; "
            + QCoreApplication.translate("OfficialSignatures", "ký lúc %1").replace("%1", when)
        )
        if check.signer is not None and check.signer.issuer:
            line += "<br>&nbsp;&nbsp;" + QCoreApplication.translate(
                "OfficialSignatures", "Chứng thư do %1 cấp"
            ).replace("%1", _esc(check.signer.issuer))
        for problem in () if check.awaiting_roots else check.problems:
            reason = _esc(core_text(problem))
            line += f'<br>&nbsp;&nbsp;<span style="color:{colour}">{reason}</span>'
        lines.append(line)
    return "<br>".join(lines)


def _verdict(check: SignatureCheck) -> tuple[str, str, str]:
    """Mark, colour and word: valid, intact but not yet checked against a root (the unit
    that signed may have imported none), or not valid."""
    if check.ok:
        return "✔", "#1b7f3b", QCoreApplication.translate("OfficialSignatures", "hợp lệ")
    if check.awaiting_roots:
        return (
            "✔",
            "#8a5a00",
            QCoreApplication.translate(
                "OfficialSignatures",
                "nguyên vẹn, chưa đối chiếu chứng thư gốc (nhập trong Cài đặt)",
            ),
        )
    return "✘", "#b3261e", QCoreApplication.translate("OfficialSignatures", "KHÔNG hợp lệ")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SignatureList(QLabel):
    """A read-only list of a PDF's signature checks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_checks(self, checks: Sequence[SignatureCheck]) -> None:
        self.setText(checks_html(checks))
