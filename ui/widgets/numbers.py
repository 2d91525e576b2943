"""Number inputs for indicator values: whole counts and VND amounts written "12.500.000"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator, QWheelEvent
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from app.text import format_number

# Numbers in indicator fields always use the Vietnamese thousands separator (a dot), as the
# printed reports do, whatever the interface language.
VI_LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


class CountSpinBox(QSpinBox):
    """A count (conferences, attendees, articles). The mouse wheel changes it only when it
    has the focus, so scrolling a long form never alters a number by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(VI_LOCALE)
        self.setRange(0, 999_999_999)
        self.setGroupSeparatorShown(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class MoneyEdit(QLineEdit):
    """A whole amount of đồng, regrouped as typed: "12500000" shows "12.500.000".

    ``value()`` is None when empty. Accepts up to 15 digits (under a million billion đồng).
    """

    MAX_DIGITS = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9. ]*"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        # Connected first, so every later listener of textEdited sees the regrouped text.
        self.textEdited.connect(self._regroup)

    def value(self) -> int | None:
        digits = "".join(c for c in self.text() if c.isdigit())
        return int(digits) if digits else None

    def setValue(self, value: int | None) -> None:
        self.setText(format_number(value) if value else "")

    def _regroup(self, text: str) -> None:
        cursor = self.cursorPosition()
        digits_before = sum(c.isdigit() for c in text[:cursor])
        digits = "".join(c for c in text if c.isdigit())[: self.MAX_DIGITS]
        regrouped = format_number(int(digits)) if digits else ""
        # int() drops leading zeros: keep the cursor after the same digit it followed.
        dropped = len(digits) - len(regrouped.replace(".", ""))
        digits_before = max(0, min(digits_before - dropped, len(regrouped)))
        pos = 0
        seen = 0
        while pos < len(regrouped) and seen < digits_before:
            if regrouped[pos].isdigit():
                seen += 1
            pos += 1
        if regrouped != text:
            self.setText(regrouped)
            self.setCursorPosition(pos)
