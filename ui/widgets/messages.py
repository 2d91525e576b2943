"""Plain-language message boxes (the user is not technical)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KnownError
from app.translation import translate


def core_text(text: str) -> str:
    """A message of the core's (Vietnamese) in the interface language."""
    from ui import i18n

    return translate(text, i18n.current())


def error_text(exc: KnownError) -> str:
    """The error's message in the interface language."""
    return core_text(exc.message)


def show_error(parent: QWidget | None, exc: KnownError | str, hint: str = "") -> None:
    """Show an environment error: what happened and what to do; never a traceback. The
    core's messages are shown in the interface language."""
    message = core_text(exc.message if isinstance(exc, KnownError) else exc)
    hint = core_text(exc.hint if isinstance(exc, KnownError) else hint)
    if "TIENDO_KEY_PASSPHRASE" in hint:  # the CLI's way; the window asks for it
        hint = QCoreApplication.translate(
            "Messages",
            "Kiểm tra lại mật khẩu: chữ hoa hay chữ thường, bộ gõ tiếng Việt đang bật hay tắt. "
            "Nếu đã quên mật khẩu: nhập bản sao khóa đã cất (Cài đặt › Khóa ký › Nhập khóa từ "
            "tệp…), hoặc tạo khóa mới (Cài đặt › Khóa ký › Mất khóa? Tạo khóa mới…) rồi gửi "
            "yêu cầu đăng ký lại.",
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Messages", "Có lỗi"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if hint:
        box.setInformativeText(hint)
    box.exec()


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """Ask before something the user may regret; the safe answer is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
