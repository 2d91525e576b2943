"""How the Báo cáo screen words a report's state, its revisions and what is left to fix.

Every string keeps the Qt translation context "ReportsScreen" it had before the screen
was split, so the English catalogue needs no change; that is why these use
``QCoreApplication.translate`` rather than a class's ``tr``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.reports import Problem, ReportSummary

STATUS_LABELS: dict[str, str] = {
    "not_started": str(QT_TRANSLATE_NOOP("ReportsScreen", "Chưa triển khai")),
    "in_progress": str(QT_TRANSLATE_NOOP("ReportsScreen", "Đang thực hiện")),
    "done": str(QT_TRANSLATE_NOOP("ReportsScreen", "Đã hoàn thành")),
    "not_applicable": str(QT_TRANSLATE_NOOP("ReportsScreen", "Không áp dụng")),
}
LATE_COLOUR = "#b00020"
DONE_COLOUR = "#1b7f3b"


def status_label(status: str) -> str:
    return QCoreApplication.translate("ReportsScreen", STATUS_LABELS[status])


def local_time(moment: dt.datetime) -> dt.datetime:
    """Stored times are UTC without a zone (db.models.utcnow); people read local time."""
    return moment.replace(tzinfo=dt.UTC).astimezone()


def state_text(summary: ReportSummary | None) -> str:
    """The newest report of a period in a few words, for the period chooser."""
    if summary is None:
        return QCoreApplication.translate("ReportsScreen", "chưa lập")
    n = str(summary.revision)
    if summary.state == "draft":
        if summary.revision == 1:
            return QCoreApplication.translate("ReportsScreen", "bản nháp")
        return QCoreApplication.translate("ReportsScreen", "bản nháp sửa đổi lần %1").replace(
            "%1", n
        )
    if summary.state == "finalized":
        return QCoreApplication.translate("ReportsScreen", "đã chốt lần %1").replace("%1", n)
    if summary.state == "exported":
        return QCoreApplication.translate("ReportsScreen", "đã gửi (lần %1)").replace("%1", n)
    return QCoreApplication.translate("ReportsScreen", "tỉnh đã nhận (lần %1)").replace("%1", n)


def revision_state(rev: ReportSummary) -> str:
    """A revision's state as the history list and the PDF title show it."""
    return {
        "draft": QCoreApplication.translate("ReportsScreen", "Bản nháp"),
        "finalized": QCoreApplication.translate("ReportsScreen", "Đã chốt"),
        "exported": QCoreApplication.translate("ReportsScreen", "Đã gửi"),
        "received": QCoreApplication.translate("ReportsScreen", "Tỉnh đã nhận"),
    }.get(rev.state, rev.state)


def locked_title(shown: ReportSummary) -> str:
    """ "Đã chốt lần N ngày …", with when it was sent or received."""
    day = local_time(shown.finalized_at).strftime("%d/%m/%Y") if shown.finalized_at else "—"
    if shown.state == "exported" and shown.exported_at:
        text = QCoreApplication.translate(
            "ReportsScreen", "Đã chốt lần %1 ngày %2, đã gửi ngày %3."
        )
        text = text.replace("%3", local_time(shown.exported_at).strftime("%d/%m/%Y"))
    elif shown.state == "received" and shown.received_at:
        text = QCoreApplication.translate(
            "ReportsScreen", "Đã chốt lần %1 ngày %2, tỉnh đã nhận ngày %3."
        )
        text = text.replace("%3", local_time(shown.received_at).strftime("%d/%m/%Y"))
    else:
        text = QCoreApplication.translate("ReportsScreen", "Đã chốt lần %1 ngày %2.")
    return text.replace("%1", str(shown.revision)).replace("%2", day)


def problem_text(problem: Problem) -> str:
    """What to fix, in the interface language (the core words it in Vietnamese)."""
    task = problem.task_code or ""
    number = str(problem.number or 0)
    texts = {
        ("overall", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Nhập phần “Công tác chỉ đạo, triển khai”."
        ),
        ("leader_title", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Chưa có chức vụ người ký: nhập ở màn hình Cài đặt."
        ),
        ("leader_name", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Chưa có họ tên người ký: nhập ở màn hình Cài đặt."
        ),
        ("recipients", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Chưa có “Nơi nhận”: nhập ở màn hình Cài đặt."
        ),
        ("narrative", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Nhiệm vụ %1: nhập kết quả thực hiện (đã chọn “có thực hiện”)."
        ),
        ("status", "conflict"): QCoreApplication.translate(
            "ReportsScreen",
            "Nhiệm vụ %1: có %2 hoạt động trong kỳ nhưng trạng thái là “chưa triển khai”; "
            "chọn lại trạng thái.",
        ),
        ("percent", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Nhiệm vụ %1: nhập tỷ lệ hoàn thành (%) vì nhiệm vụ có thời hạn."
        ),
        ("percent", "not_100"): QCoreApplication.translate(
            "ReportsScreen", "Nhiệm vụ %1: đã hoàn thành thì tỷ lệ phải là 100%."
        ),
        ("difficulties", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Nhập “Tồn tại, hạn chế và nguyên nhân” (ghi “Không có” nếu không có)."
        ),
        ("proposals", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Nhập “Đề xuất, kiến nghị” (ghi “Không có” nếu không có)."
        ),
        ("next_direction", "missing"): QCoreApplication.translate(
            "ReportsScreen", "Nhập “Phương hướng, nhiệm vụ kỳ tới”."
        ),
        ("budget_estimate", "missing"): QCoreApplication.translate(
            "ReportsScreen",
            "Nhập dự toán kinh phí năm %1 (mục III của kế hoạch); "
            "ghi 0 nếu không đề nghị kinh phí.",
        ),
    }
    text = texts.get((problem.field, problem.kind))
    if text is None:
        from ui.widgets.messages import core_text

        return core_text(problem.message)
    if problem.field == "budget_estimate":
        return text.replace("%1", number)
    return text.replace("%1", task).replace("%2", number)
