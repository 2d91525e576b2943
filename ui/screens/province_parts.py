"""The parts of the consolidated report the clerk writes before printing: the overall
assessment, each task's results, difficulties, next steps and proposals. Each part shows
the app's draft until the clerk edits it; an edit is saved when the box is left, kept
for this plan and period, and can be put back to the draft."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.errors import KnownError
from app.services.province.compile import Part, report_parts, reset_part, save_part
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.editors import AutoText
from ui.widgets.messages import show_error


class PartEditor(QWidget):
    """One part: its heading, a note on its state, the text, and "Soạn lại"."""

    def __init__(self, part: Part, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        top = QHBoxLayout()
        self.title = heading(self.label(part), 2)
        top.addWidget(self.title, 1)
        self.note = QLabel()
        self.note.setStyleSheet("color: palette(placeholder-text);")
        top.addWidget(self.note)
        self.reset_button = QPushButton(self.tr("Soạn lại"))
        self.reset_button.setToolTip(
            self.tr("Bỏ phần đã sửa, dùng lại bản do ứng dụng soạn từ báo cáo của các đơn vị.")
        )
        top.addWidget(self.reset_button)
        layout.addLayout(top)
        self.text = AutoText(min_lines=3, max_lines=14)
        self.text.setAccessibleName(self.label(part))
        self.title.setBuddy(self.text)
        self.text.set_text(part.text)
        layout.addWidget(self.text)
        self.show_state(part)

    def label(self, part: Part) -> str:
        """The part's heading in the interface language (a task's title is the plan's)."""
        fixed = {
            "overall": self.tr("Đánh giá chung"),
            "difficulties": self.tr("Tồn tại, hạn chế và nguyên nhân"),
            "next_direction": self.tr("Phương hướng, nhiệm vụ kỳ tới"),
            "proposals": self.tr("Đề xuất, kiến nghị"),
        }
        if part.key in fixed:
            return fixed[part.key]
        code = part.key.removeprefix("task:")
        title = part.label.split(": ", 1)[-1]
        return self.tr("Nhiệm vụ %1: %2").replace("%1", code).replace("%2", title)

    def show_state(self, part: Part) -> None:
        self.part = part
        if part.stale:
            note = self.tr("Đã sửa; số liệu của các đơn vị đã thay đổi sau đó")
        elif part.edited:
            note = self.tr("Đã sửa")
        else:
            note = self.tr("Bản soạn tự động")
        self.note.setText(note)
        self.reset_button.setEnabled(part.edited)


class ReportPartsEditor(QWidget):
    """Every rewritable part of one period's consolidated report."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = ""
        self.today: dt.date | None = None
        self.editors: dict[str, PartEditor] = {}
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Các phần dưới đây do ứng dụng soạn từ báo cáo của các đơn vị; sửa trực tiếp "
                "trước khi in. Phần đã sửa được lưu cho kỳ này và không bị thay khi có báo cáo "
                "mới, trừ khi bấm “Soạn lại”."
            )
        )
        hint.setWordWrap(True)
        self.box.addWidget(hint)
        self.rows = QVBoxLayout()
        self.box.addLayout(self.rows)
        self.box.addStretch(1)

    def load(self, period: str, today: dt.date | None) -> None:
        """Show the parts of ``period``'s report (drafts, or the clerk's text)."""
        self.period, self.today = period, today
        for editor in self.editors.values():
            editor.setParent(None)
            editor.deleteLater()
        self.editors = {}
        if not period:
            return
        try:
            parts = report_parts(self.ctx.ws, period, today=today)
        except KnownError as exc:
            show_error(self, exc)
            return
        for part in parts:
            editor = PartEditor(part, self)
            editor.text.editingFinished.connect(lambda key=part.key: self._save(key))
            editor.reset_button.clicked.connect(lambda _c=False, key=part.key: self._reset(key))
            self.rows.addWidget(editor)
            self.editors[part.key] = editor

    def flush(self) -> bool:
        """Save every box whose text differs from what is stored; False if one failed."""
        for key, editor in self.editors.items():
            if editor.text.text() != editor.part.text and not self._save(key):
                return False
        return True

    def _save(self, key: str) -> bool:
        editor = self.editors.get(key)
        if editor is None:
            return True
        try:
            save_part(self.ctx.ws, self.period, key, editor.text.text(), editor.part.draft)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self._refresh_states()
        self.changed.emit()
        return True

    @Slot(str)
    def _reset(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Soạn lại"),
            self.tr("Thay phần “%1” đã sửa bằng bản do ứng dụng soạn?").replace(
                "%1", editor.label(editor.part)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            reset_part(self.ctx.ws, self.period, key)
        except KnownError as exc:
            show_error(self, exc)
            return
        editor.text.set_text(editor.part.draft)
        self._refresh_states()
        self.changed.emit()

    def _refresh_states(self) -> None:
        try:
            parts = {p.key: p for p in report_parts(self.ctx.ws, self.period, today=self.today)}
        except KnownError:
            return
        for key, editor in self.editors.items():
            if key in parts:
                editor.show_state(parts[key])
