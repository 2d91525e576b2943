"""Screens that refresh when they are shown, not on every change elsewhere: with 100,000
activities a refresh takes a second, and nobody is looking at a hidden screen."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyRefresh(QWidget):
    """Subclasses implement refresh(); connect data-changed signals to mark_stale()."""

    _stale = True

    def refresh(self) -> None:
        raise NotImplementedError

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
