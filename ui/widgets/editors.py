"""Input widgets for long forms that save as the user types: text boxes that grow with
their text, a money field in đồng, a date that may be left empty, and combo/spin boxes
that do not change value when the mouse wheel scrolls the form past them."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QRegularExpressionValidator,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from app.text import format_number


class AutoText(QTextEdit):
    """Plain text that grows with its content between ``min_lines`` and ``max_lines``.

    With ``max_lines=None`` it grows with all of its text and never scrolls itself: on a
    page that scrolls (a QScrollArea) there is then one scroll bar, the page's, and the
    page follows the text cursor as the user types or moves in the box.

    ``editingFinished`` fires when focus leaves after a change, like QLineEdit's. Tab
    moves to the next field instead of typing a tab.
    """

    editingFinished = Signal()

    def __init__(
        self, min_lines: int = 3, max_lines: int | None = 14, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if max_lines is not None
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.min_lines = min_lines
        self.max_lines = max_lines
        self._changed = False
        self.textChanged.connect(self._mark_changed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        if max_lines is None:
            self.cursorPositionChanged.connect(self._show_cursor)
        self._fit()

    def _mark_changed(self) -> None:
        self._changed = True

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the text without counting it as the user's edit."""
        self.setPlainText(text)
        self._changed = False

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        chrome = 2 * self.frameWidth() + margins
        content = int(self.document().size().height())
        low = self.min_lines * line + 2 * int(self.document().documentMargin())
        if self.max_lines is None:
            self.setFixedHeight(max(low, content) + chrome)
            return
        high = self.max_lines * line + 2 * int(self.document().documentMargin())
        self.setFixedHeight(max(low, min(high, content)) + chrome)

    def _show_cursor(self) -> None:
        """Scroll the page around the box so that the text cursor stays in view."""
        if not self.hasFocus():
            return
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        page = area.widget() if area is not None else None
        if area is None or page is None:
            return
        rect = self.cursorRect()
        point = self.viewport().mapTo(page, rect.center())
        area.ensureVisible(point.x(), point.y(), 0, rect.height() + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._changed:
            self._changed = False
            self.editingFinished.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # A box that does not scroll lets the wheel scroll the form around it.
        bar = self.verticalScrollBar()
        if bar.maximum() == 0:
            event.ignore()
            return
        super().wheelEvent(event)


class MoneyEdit(QLineEdit):
    """A whole amount of đồng, shown with dots (12.500.000); empty means "not given"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9. ]{0,20}"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._reformat)

    def value(self) -> int | None:
        digits = re.sub(r"[^0-9]", "", self.text())
        return int(digits) if digits else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else format_number(value))

    def _reformat(self) -> None:
        value = self.value()
        text = "" if value is None else format_number(value)
        if text != self.text():
            self.setText(text)


class QuietComboBox(QComboBox):
    """A combo box the mouse wheel changes only once the user has clicked into it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class QuietSpinBox(QSpinBox):
    """A spin box the mouse wheel changes only once the user has clicked into it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class DateEdit(QDateEdit):
    """A date in dd/MM/yyyy that takes a whole date typed over it.

    Qt's date edit types into one section at a time: after Ctrl+A, or a click that left
    the cursor in the year, "15/03/2024" was ignored or landed in the wrong sections, and
    a "/" typed after a section Qt had already moved past skipped one more. Here a click
    selects the whole date, typing over a whole selection starts at the first section,
    and a separator right after Qt moved on by itself is taken as already typed.
    """

    SEPARATORS = "/.-"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self._moved_on = False
        self.lineEdit().installEventFilter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        edit = self.lineEdit()
        if text.isdigit():
            if edit.hasSelectedText() and edit.selectedText() == edit.text():
                self._start_over()
            before = self.currentSection()
            super().keyPressEvent(event)
            self._moved_on = self.currentSection() != before
            return
        if text and text in self.SEPARATORS:
            moved_on, self._moved_on = self._moved_on, False
            if not moved_on:  # "." and "-" work as "/" does
                slash = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Slash, event.modifiers(), "/")
                super().keyPressEvent(slash)
            event.accept()
            return
        self._moved_on = False
        super().keyPressEvent(event)

    def _start_over(self) -> None:
        """Typing over the whole date: from its first section, in a month of 31 days so
        that a day typed before the month is not cut short (31 in June)."""
        day = self.date()
        if day.isValid() and day.month() != 1:
            blocked = self.blockSignals(True)
            self.setDate(QDate(day.year(), 1, min(day.day(), 31)))
            self.blockSignals(blocked)
        self.setSelectedSection(self.sectionAt(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonRelease:
            result = super().eventFilter(watched, event)
            if not self.lineEdit().hasSelectedText():  # a click, not a drag
                self.selectAll()
            self._moved_on = False
            return result
        return super().eventFilter(watched, event)


class OptionalDateEdit(DateEdit):
    """A date in dd/MM/yyyy that may be left empty; empty shows ``empty_text``.

    Empty is kept as the lowest allowed date (Qt's special-value idiom); the calendar
    then opens on the current month rather than on that placeholder date.
    """

    EMPTY = QDate(2000, 1, 1)

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(self.EMPTY)
        self.setMaximumDate(QDate(2999, 12, 31))
        self.setSpecialValueText(empty_text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.calendarWidget().installEventFilter(self)
        self.setDate(self.EMPTY)

    def date_value(self) -> dt.date | None:
        day = self.date()
        if day == self.EMPTY:
            return None
        return dt.date(day.year(), day.month(), day.day())

    def set_date_value(self, day: dt.date | None) -> None:
        self.setDate(self.EMPTY if day is None else QDate(day.year, day.month, day.day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.calendarWidget()
            and event.type() == QEvent.Type.Show
            and self.date() == self.EMPTY
        ):
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def hline() -> QFrame:
    """A thin horizontal rule between sections."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
