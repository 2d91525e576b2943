"""The start-up smoke test's hooks, in one place: the installer and bundle smoke tests,
tests/test_startup.py, tests/test_window_first.py and benchmarks/bench_startup.py start
the real app with TIENDO_SMOKE_QUIT_MS set and read what it prints.

Without that variable every hook here does nothing and returns at once; production
modules call them and hold no test logic of their own. This module must stay light: it
is imported before the first window, and must not touch Qt's ``Qt`` namespace (building
it costs tens of milliseconds, tests/test_window_first.py checks it is not built).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.errors import KnownError

# Printed as "heavy: …" when the first window shows: these must load after it (a package,
# or one module of it such as PySide6.QtCharts).
HEAVY_MODULES = (
    "reportlab",
    "alembic",
    "cryptography",
    "openpyxl",
    "sqlalchemy",
    "PySide6.QtCharts",
)
FIRST_WINDOW = "tiendo_first_window"  # application properties, so each is said once
DATA_SHOWN = "tiendo_data_shown"


def starting(app: QApplication) -> None:
    """A new start of the app in this process (the tests start it more than once)."""
    app.setProperty(FIRST_WINDOW, False)
    app.setProperty(DATA_SHOWN, False)


def active() -> bool:
    """True when the app runs under the smoke test: no one is there to click."""
    return bool(os.environ.get("TIENDO_SMOKE_QUIT_MS"))


def window_shown(app: QApplication) -> None:
    """Say when the first window has been shown and painted, and which heavy modules were
    loaded by then ("heavy: …" then "window shown")."""
    if not active() or app.property(FIRST_WINDOW):
        return
    app.setProperty(FIRST_WINDOW, True)
    loaded = sorted(name for name in HEAVY_MODULES if name in sys.modules)

    def shown() -> None:
        print("heavy: " + ",".join(loaded), flush=True)
        print("window shown", flush=True)

    QTimer.singleShot(0, shown)


def data_shown(app: QApplication) -> None:
    """Say once when the window first shows the unit's data (the overview read with
    SQLite alone, or the open workspace's) or the setup wizard is up: "smoke ok"."""
    if not active() or app.property(DATA_SHOWN):
        return
    app.setProperty(DATA_SHOWN, True)
    QTimer.singleShot(0, lambda: print("smoke ok", flush=True))


def ready(app: QApplication) -> None:
    """The start is over (the workspace open and attached, or the wizard up): say "smoke
    ok" if not said yet, and quit TIENDO_SMOKE_QUIT_MS milliseconds later."""
    delay = os.environ.get("TIENDO_SMOKE_QUIT_MS")
    if not delay:
        return
    data_shown(app)

    def done() -> None:
        # exit, not quit: also ends a dialog's own loop (the setup wizard)
        app.exit(0)

    QTimer.singleShot(max(int(delay), 0), done)


def told_error(exc: KnownError | str, hint: str = "") -> bool:
    """A start-up error goes to stderr instead of a message box; False when not under the
    smoke test (the caller shows the box)."""
    if not active():
        return False
    message = exc.message if isinstance(exc, KnownError) else exc
    hint = exc.hint if isinstance(exc, KnownError) else hint
    print(f"Lỗi: {message}", file=sys.stderr, flush=True)
    if hint:
        print(hint, file=sys.stderr, flush=True)
    return True


def answer(question: str, default: str) -> str | None:
    """A question the user would be asked in a dialog: printed to stderr and answered by
    TIENDO_SMOKE_CHOICE (else `default`); None when not under the smoke test."""
    if not active():
        return None
    print(question, file=sys.stderr)
    return os.environ.get("TIENDO_SMOKE_CHOICE", default)
