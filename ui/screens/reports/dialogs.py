"""Every modal box the Báo cáo screen opens, and the questions its actions ask.

The other modules of the screen call these through this module (``dialogs.confirm(…)``),
never by importing the functions, so a test stands in for all of them at one place.
The questions keep the translation context "ReportsScreen" they had before the screen
was split (see texts.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.reports import Problem, ReportSummary
from ui.screens.reports.texts import problem_text
from ui.widgets.messages import confirm, show_error
from ui.widgets.official import ask_pin
from ui.widgets.pdf_preview import ask_save_path, print_pdf

__all__ = [
    "ask_pin",
    "ask_replace_edited",
    "ask_save_path",
    "ask_start_from_earlier",
    "confirm",
    "confirm_finalize",
    "confirm_revise",
    "inform",
    "print_pdf",
    "show_error",
    "tell_missing",
]


def inform(parent: QWidget, title: str, text: str, details: str = "") -> None:
    """A plain information box (tests replace it rather than click it)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setInformativeText(details)
    box.exec()


def ask_replace_edited(parent: QWidget, edited: list[str]) -> bool:
    """Before drafting a report again: whether the parts the officer edited are replaced
    too (``edited``: task codes, and "overall"). No means they are kept as typed."""
    names = [
        QCoreApplication.translate("ReportsScreen", "công tác chỉ đạo, triển khai")
        if code == "overall"
        else QCoreApplication.translate("ReportsScreen", "nhiệm vụ %1").replace("%1", code)
        for code in edited
    ]
    return confirm(
        parent,
        QCoreApplication.translate("ReportsScreen", "Cập nhật số liệu"),
        QCoreApplication.translate(
            "ReportsScreen",
            "Số hoạt động và các chỉ tiêu sẽ được tính lại từ các hoạt động đã ghi; phần "
            "chưa sửa được soạn lại.\n\nCác phần sau đã được sửa sau khi soạn: %1. "
            "Có thay cả các phần này bằng bản soạn mới không?",
        ).replace("%1", ", ".join(names)),
        QCoreApplication.translate("ReportsScreen", "Thay cả phần đã sửa"),
        QCoreApplication.translate("ReportsScreen", "Giữ phần đã sửa"),
    )


def ask_start_from_earlier(parent: QWidget, parts: list[str], sources: list[str]) -> bool:
    """After drafting a year report: whether its texts start from what the officer wrote
    in the same year's 6-month reports (``parts``: the sections' names; ``sources``: the
    reports' names, "6 tháng cuối năm 2024")."""
    return confirm(
        parent,
        QCoreApplication.translate("ReportsScreen", "Dùng nội dung báo cáo 6 tháng"),
        QCoreApplication.translate(
            "ReportsScreen",
            "Báo cáo %1 có phần đánh giá anh/chị đã viết: %2.\n\nDùng các phần này làm "
            "nội dung ban đầu của báo cáo năm? Số liệu vẫn tính cho cả năm; hãy đọc lại "
            "để sửa những chỗ chỉ nói về 6 tháng.",
        )
        .replace("%1", ", ".join(sources))
        .replace("%2", ", ".join(parts)),
        QCoreApplication.translate("ReportsScreen", "Dùng nội dung 6 tháng"),
        QCoreApplication.translate("ReportsScreen", "Giữ bản soạn tự động"),
    )


def tell_missing(parent: QWidget, found: list[Problem]) -> None:
    """Why a draft cannot be finalized yet: every part still to complete."""
    inform(
        parent,
        QCoreApplication.translate("ReportsScreen", "Chưa chốt được báo cáo"),
        QCoreApplication.translate(
            "ReportsScreen", "Cần hoàn thiện %1 phần sau rồi mới chốt được báo cáo:"
        ).replace("%1", str(len(found))),
        "\n".join(f"• {problem_text(p)}" for p in found),
    )


def confirm_finalize(parent: QWidget, label: str, revision: int) -> bool:
    """Whether to lock the draft ``revision`` of the period called ``label``."""
    return confirm(
        parent,
        QCoreApplication.translate("ReportsScreen", "Chốt báo cáo"),
        QCoreApplication.translate(
            "ReportsScreen",
            "Chốt báo cáo %1 (lần %2)?\n\nSau khi chốt, báo cáo bị khóa để in, ký và gửi; "
            "muốn thay đổi phải tạo bản sửa đổi.",
        )
        .replace("%1", label)
        .replace("%2", str(revision)),
        QCoreApplication.translate("ReportsScreen", "Chốt báo cáo"),
        QCoreApplication.translate("ReportsScreen", "Chưa chốt"),
    )


def confirm_revise(parent: QWidget, latest: ReportSummary, label: str) -> bool:
    """Whether to start a new draft revision from the locked ``latest`` one."""
    text = QCoreApplication.translate(
        "ReportsScreen",
        "Tạo bản sửa đổi lần %1 của báo cáo %2?\n\nBản lần %3 đã chốt được giữ nguyên để "
        "đối chiếu; bản sửa đổi là bản nháp mới, sửa xong phải chốt lại.",
    )
    if latest.state in ("exported", "received"):
        text += "\n" + QCoreApplication.translate(
            "ReportsScreen", "Bản đã gửi lên tỉnh không thay đổi; sau khi sửa phải gửi lại."
        )
    text = (
        text.replace("%1", str(latest.revision + 1))
        .replace("%2", label)
        .replace("%3", str(latest.revision))
    )
    return confirm(
        parent,
        QCoreApplication.translate("ReportsScreen", "Sửa đổi báo cáo"),
        text,
        QCoreApplication.translate("ReportsScreen", "Tạo bản sửa đổi"),
        QCoreApplication.translate("ReportsScreen", "Không"),
    )
