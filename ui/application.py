"""The QApplication: made once, for the app (ui.main) and for `tiendo screenshots`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

import resources


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the app's name and a readable font size."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Tiến Độ")
    app.setOrganizationName("TienDo")
    app.setApplicationDisplayName("Tiến Độ")
    app.setDesktopFileName("vn.tiendo.TienDo")
    icon = Path(resources.__file__).parent / "icons" / "tiendo.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    from ui.worker import collect_garbage_on_gui_thread

    collect_garbage_on_gui_thread(app)
    return app
