"""The parts of the Báo cáo screen around the editor: the banner saying what the shown
report is, the page shown when a period has no report yet, and the side panel with the
checklist before finalizing and the report's revisions.

Strings keep the translation context "ReportsScreen" they had before the screen was
split (see texts.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period
from app.services import reports
from app.services.reports import Problem, ReportSummary
from app.text import format_number
from ui.context import AppContext
from ui.screens.reports.texts import (
    DONE_COLOUR,
    local_time,
    locked_title,
    problem_text,
    revision_state,
)
from ui.widgets.common import heading


class StatusBanner(QFrame):
    """Which revision is on screen, whether it can be edited, and what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportBanner")
        bl = QVBoxLayout(self)
        bl.setContentsMargins(8, 6, 8, 6)
        bl.setSpacing(2)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(
            QCoreApplication.translate("ReportsScreen", "Tình trạng báo cáo")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        bl.addWidget(self.title)
        bl.addWidget(self.note)

    def show_report(
        self,
        shown: ReportSummary | None,
        latest: ReportSummary | None,
        numbers_stale: Callable[[], bool],
    ) -> None:
        """Describe ``shown``; ``numbers_stale`` is asked only for the newest draft."""
        if shown is None or latest is None:
            self.hide()
            return
        n = str(shown.revision)
        note = ""
        if shown is not latest:
            title = (
                QCoreApplication.translate(
                    "ReportsScreen", "Đang xem lần %1 (bản cũ) — chỉ xem. Bản mới nhất là lần %2."
                )
                .replace("%1", n)
                .replace("%2", str(latest.revision))
            )
            colours = ("#eceff1", "#263238", "#b0bec5")
        elif shown.state == "draft":
            title = QCoreApplication.translate(
                "ReportsScreen",
                "Bản nháp lần %1 — mọi thay đổi được lưu ngay khi nhập, không cần bấm Lưu.",
            ).replace("%1", n)
            colours = ("#e8f0fe", "#0d47a1", "#90caf9")
            if numbers_stale():
                note = QCoreApplication.translate(
                    "ReportsScreen",
                    "Có hoạt động được thêm, sửa hoặc xóa sau khi lập báo cáo: "
                    "bấm “Cập nhật số liệu” để tính lại số liệu.",
                )
                colours = ("#fff8e1", "#4e342e", "#ffb74d")
        else:
            title = locked_title(shown)
            note = QCoreApplication.translate(
                "ReportsScreen",
                "Báo cáo đã khóa, chỉ xem. Muốn thay đổi, bấm “Sửa đổi” để tạo bản sửa đổi.",
            )
            if shown.state == "finalized":
                note += " " + QCoreApplication.translate(
                    "ReportsScreen",
                    "Bước tiếp theo: in để lãnh đạo ký, rồi bấm “Gửi báo cáo…” để xuất gói "
                    "báo cáo gửi lên tỉnh.",
                )
            colours = ("#e8f5e9", "#1b5e20", "#a5d6a7")
        self.title.setText(title)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        back, fore, border = colours
        self.setStyleSheet(
            f"#reportBanner {{ background:{back}; border:1px solid {border}; border-radius:3px; }}"
            f"#reportBanner QLabel {{ color:{fore}; }}"
        )
        self.show()


class EmptyPage(QWidget):
    """What a period without a report shows: how many activities it has, and the button
    that drafts the report from them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        el = QVBoxLayout(self)
        el.addStretch(1)
        self.title = heading("", 2)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton(
            QCoreApplication.translate("ReportsScreen", "&Lập báo cáo")
        )
        self.create_button.setMinimumHeight(36)
        self.create_button.setToolTip(
            QCoreApplication.translate(
                "ReportsScreen", "Soạn bản nháp báo cáo từ các hoạt động đã ghi trong kỳ."
            )
        )
        el.addWidget(self.title)
        el.addWidget(self.text)
        el.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        row.addStretch(1)
        el.addLayout(row)
        el.addStretch(2)

    def show_period(self, period: Period | None, today: dt.date) -> None:
        if period is None:
            self.title.setText(QCoreApplication.translate("ReportsScreen", "Chưa có kỳ báo cáo"))
            self.text.setText("")
            self.note.setText("")
            self.create_button.hide()
            return
        self.create_button.show()
        self.create_button.setEnabled(True)
        self.title.setText(
            QCoreApplication.translate("ReportsScreen", "Chưa lập báo cáo %1").replace(
                "%1", self.ctx.period_label(period)
            )
        )
        text = QCoreApplication.translate(
            "ReportsScreen",
            "Bấm “Lập báo cáo”: ứng dụng soạn sẵn bản nháp từ %1 hoạt động đã ghi trong kỳ; "
            "sau đó xem lại, sửa và bổ sung trước khi chốt.",
        ).replace("%1", format_number(reports.activity_count(self.ctx.ws, period)))
        self.text.setText(text)
        note = ""
        if today <= period.window.end:
            note = QCoreApplication.translate(
                "ReportsScreen",
                "Kỳ này chưa hết (số liệu đến ngày %1): hoạt động ghi thêm sau này được tính "
                "khi bấm “Cập nhật số liệu”.",
            ).replace("%1", period.window.end.strftime("%d/%m/%Y"))
        self.note.setText(note)
        self.note.setVisible(bool(note))


class SidePanel(QWidget):
    """Beside the editor: what must be fixed before finalizing (for the newest draft
    only) and the list of the period's revisions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sl = QVBoxLayout(self)
        sl.setContentsMargins(0, 0, 0, 0)
        self.problems_caption = heading(
            QCoreApplication.translate("ReportsScreen", "Cần hoàn thiện trước khi chốt"), 2
        )
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(
            QCoreApplication.translate("ReportsScreen", "Những phần cần hoàn thiện")
        )
        self.problems.setToolTip(
            QCoreApplication.translate("ReportsScreen", "Bấm vào một dòng để đến phần cần sửa.")
        )
        self.problems.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        history_caption = heading(
            QCoreApplication.translate("ReportsScreen", "Các &lần báo cáo"), 2
        )
        self.history = self._build_history()
        history_caption.setBuddy(self.history)
        sl.addWidget(self.problems_caption)
        sl.addWidget(self.problems, 1)
        sl.addWidget(history_caption)
        sl.addWidget(self.history)
        sl.addStretch()  # keeps the history up when the checklist is hidden

    def _build_history(self) -> QTreeWidget:
        history = QTreeWidget()
        history.setRootIsDecorated(False)
        history.setHeaderLabels(
            [
                QCoreApplication.translate("ReportsScreen", "Lần"),
                QCoreApplication.translate("ReportsScreen", "Trạng thái"),
                QCoreApplication.translate("ReportsScreen", "Ngày tạo"),
                QCoreApplication.translate("ReportsScreen", "Ngày chốt"),
            ]
        )
        history.setAccessibleName(QCoreApplication.translate("ReportsScreen", "Các lần báo cáo"))
        history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history.header().setStretchLastSection(True)
        history.setMaximumHeight(150)
        history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return history

    def set_checklist_visible(self, visible: bool) -> None:
        self.problems_caption.setVisible(visible)
        self.problems.setVisible(visible)

    def show_problems(self, found: list[Problem] | None) -> None:
        """List what to fix; ``None`` when the shown report is not a draft (nothing to
        check), an empty list when the draft is complete."""
        self.problems.clear()
        if found is None:
            return
        for problem in found:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.problems.addItem(item)
        if not found:
            item = QListWidgetItem(
                QCoreApplication.translate("ReportsScreen", "Đã đủ nội dung. Có thể chốt báo cáo.")
            )
            item.setForeground(QBrush(QColor(DONE_COLOUR)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.problems.addItem(item)

    def fill_history(self, revs: list[ReportSummary], shown: ReportSummary | None) -> None:
        """List the revisions, newest first, with ``shown`` current (no signal sent)."""
        self.history.blockSignals(True)
        try:
            self.history.clear()
            for rev in revs:
                created = local_time(rev.created_at)
                final = local_time(rev.finalized_at) if rev.finalized_at else None
                item = QTreeWidgetItem(
                    [
                        str(rev.revision),
                        revision_state(rev),
                        created.strftime("%d/%m/%Y"),
                        final.strftime("%d/%m/%Y") if final else "—",
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, rev.id)
                item.setToolTip(2, created.strftime("%d/%m/%Y %H:%M"))
                if final:
                    item.setToolTip(3, final.strftime("%d/%m/%Y %H:%M"))
                item.setTextAlignment(0, Qt.AlignmentFlag.AlignCenter)
                self.history.addTopLevelItem(item)
                if shown is not None and rev.id == shown.id:
                    self.history.setCurrentItem(item)
        finally:
            self.history.blockSignals(False)
