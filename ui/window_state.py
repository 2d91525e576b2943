"""Window sizes that fit the screen and are remembered: each window's geometry, each
splitter's sizes and each table's column widths, kept per user in an INI file of Qt's
(QSettings, "TienDo/tiendo.ini" in the user's configuration folder; never in the data
folder, which belongs to the installation, not to one person's screen).

A window shown for the first time takes its usual size centred in the screen's
available area (what the taskbar leaves), or the whole of it, maximized, when the screen
is smaller than that: on a 1366×768 office screen with a 40 px taskbar a 760 px high
window would hide its status bar, where every confirmation appears.

Nothing here touches the Qt namespace (``Qt.…``): the first window comes up before PySide
builds its enums (see ui/shell.py).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

# Room the window manager needs around a window (title bar, borders) beyond its size.
FRAME_MARGIN = QSize(16, 40)


def store() -> QSettings:
    """The user's settings file (tests point QSettings' user INI path at a temp folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "TienDo", "tiendo")


def fits(size: QSize, widget: QWidget) -> bool:
    """Whether a window of this size, with its frame, fits the available screen area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return True
    area = screen.availableGeometry()
    return (
        size.width() + FRAME_MARGIN.width() <= area.width()
        and size.height() + FRAME_MARGIN.height() <= area.height()
    )


def place(window: QWidget, key: str, size: QSize) -> bool:
    """Give the window its remembered geometry, or `size` centred on the screen's available
    area. Returns True when the window should be shown maximized (nothing remembered and
    the screen too small for `size`); a remembered maximized window is restored maximized
    by restoreGeometry itself."""
    saved = store().value(f"{key}/geometry")
    if isinstance(saved, QByteArray | bytes) and window.restoreGeometry(QByteArray(saved)):
        return False
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(size)
        return False
    area = screen.availableGeometry()
    if not fits(size, window):
        # Shown maximized; if un-maximized later it still fits the screen.
        window.resize(size.boundedTo(area.size() - FRAME_MARGIN))
        return True
    window.resize(size)
    window.move(
        area.x() + (area.width() - size.width()) // 2,
        area.y() + max(0, (area.height() - size.height() - FRAME_MARGIN.height()) // 2),
    )
    return False


def fit_dialog(dialog: QWidget, key: str, size: QSize) -> None:
    """A dialog: its remembered geometry, else `size` shrunk to the available area."""
    saved = store().value(f"{key}/geometry")
    if isinstance(saved, QByteArray | bytes) and dialog.restoreGeometry(QByteArray(saved)):
        return
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry().size() - FRAME_MARGIN
        size = size.boundedTo(area)
    dialog.resize(size)


def save_geometry(window: QWidget, key: str) -> None:
    """Remember where the window is and how big (maximized included)."""
    store().setValue(f"{key}/geometry", window.saveGeometry())


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore the splitter's sizes, and keep them whenever the user moves it."""
    saved = store().value(f"{key}/splitter")
    if isinstance(saved, QByteArray | bytes):
        splitter.restoreState(QByteArray(saved))
    splitter.splitterMoved.connect(
        lambda *_: store().setValue(f"{key}/splitter", splitter.saveState())
    )


def remember_columns(header: QHeaderView, key: str) -> None:
    """Restore the widths of the columns the user can resize, and keep them when changed.

    Only widths are kept, not Qt's whole header state: a column added later must not
    take an old file's resize modes."""
    saved = store().value(f"{key}/columns")
    widths = [int(w) for w in saved] if isinstance(saved, list) else []
    interactive = QHeaderView.ResizeMode.Interactive
    if len(widths) == header.count():
        for section, width in enumerate(widths):
            if header.sectionResizeMode(section) == interactive and width > 0:
                header.resizeSection(section, width)

    def keep(*_args: object) -> None:
        store().setValue(f"{key}/columns", [header.sectionSize(i) for i in range(header.count())])

    header.sectionResized.connect(keep)
