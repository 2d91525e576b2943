"""Starting the desktop app: language, workspace, first-run setup, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog

import resources
from app.errors import DatabaseDamaged, KnownError
from app.paths import resolve_data_dir

if TYPE_CHECKING:
    from app.services.workspace import Workspace
    from ui.worker import Job

log = logging.getLogger(__name__)


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
    return app


def _single_instance(root: Path) -> QLockFile | None:
    """One app instance per data folder: a lock file Qt cleans up after a crash."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return QLockFile(str(root / "tiendo.lock"))  # open_workspace reports the folder
    lock = QLockFile(str(root / "tiendo.lock"))
    lock.setStaleLockTime(0)  # a lock is stale only if its process is gone
    if not lock.tryLock(100) and lock.error() == QLockFile.LockError.LockFailedError:
        return None
    return lock


def run(data_dir: str | None = None, lang: str | None = None, open_path: str | None = None) -> int:
    """Open the app on the data folder; returns the process exit code."""
    from app.services.workspace import open_workspace
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = make_app()
    root = resolve_data_dir(data_dir)
    lock = _single_instance(root)
    if lock is None:
        i18n.install(app, lang or "vi")
        _start_error(
            app.translate("Main", "Tiến Độ đang mở với thư mục dữ liệu này trong một cửa sổ khác."),
            app.translate("Main", "Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ)."),
        )
        return 1
    try:
        ws = open_workspace(root)
    except DatabaseDamaged as exc:
        # SECURITY.md 19: never a crash; offer the newest good backup, or read-only.
        from ui.widgets.restore_dialog import READ_ONLY, RESTORED, recover_damaged_database

        i18n.install(app, lang or "vi")
        outcome = recover_damaged_database(root, exc)
        if outcome not in (RESTORED, READ_ONLY):
            lock.unlock()
            return 1
        try:
            ws = open_workspace(root, allow_damaged=outcome == READ_ONLY)
        except KnownError as again:
            _start_error(again)
            lock.unlock()
            return 1
    except KnownError as exc:
        i18n.install(app, lang or "vi")
        _start_error(exc)
        lock.unlock()
        return 1
    lang = lang or ws.settings.language or "vi"
    i18n.install(app, lang)
    if not ws.settings.is_set_up:
        if ws.db.read_only:
            _start_error(
                app.translate("Main", "Dữ liệu bị hỏng và không đọc được thông tin đơn vị."),
                app.translate("Main", "Hãy khôi phục từ một bản sao lưu (tiendo restore TỆP)."),
            )
            ws.close()
            lock.unlock()
            return 1
        from ui.setup_wizard import SetupWizard

        _arm_smoke_quit(app)  # the wizard is the first window of a new installation
        wizard = SetupWizard(ws)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            ws.close()
            lock.unlock()
            return 0
    ctx = AppContext(ws, lang)
    if ws.settings.role == "province":
        from ui.province_window import ProvinceWindow

        window: MainWindow | ProvinceWindow = ProvinceWindow(ctx)
    else:
        window = MainWindow(ctx)
    window.show()
    if open_path:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: window.open_file(Path(open_path)))
    _arm_smoke_quit(app)
    backups = _start_backup_if_due(ws)
    code = app.exec()
    # The automatic backup at close (SECURITY.md 18): after the window is gone, once any
    # start-up backup has finished; a failure is logged, never shown.
    from PySide6.QtCore import QThreadPool

    from app.services.backup import backup_at_close

    QThreadPool.globalInstance().waitForDone()
    del backups
    backup_at_close(ws)
    ws.close()
    lock.unlock()
    return code


def _start_backup_if_due(ws: Workspace) -> Job:
    """An automatic backup in the background when the newest is from an earlier day (an
    office PC switched off at the wall never reaches the close hook)."""
    from app.services.backup import backup_if_due
    from ui.worker import Job

    job = Job(lambda _progress, _cancelled: backup_if_due(ws))
    job.start()
    return job


def _start_error(exc: KnownError | str, hint: str = "") -> None:
    """A start-up error in plain words: a message box, or stderr under
    TIENDO_SMOKE_QUIT_MS, where no one is there to click OK."""
    import os

    from ui.widgets.messages import show_error

    if os.environ.get("TIENDO_SMOKE_QUIT_MS"):
        message = exc.message if isinstance(exc, KnownError) else exc
        hint = exc.hint if isinstance(exc, KnownError) else hint
        print(f"Lỗi: {message}", file=sys.stderr, flush=True)
        if hint:
            print(hint, file=sys.stderr, flush=True)
        return
    show_error(None, exc, hint)


HEAVY_MODULES = ("reportlab", "alembic", "cryptography", "openpyxl")


def _arm_smoke_quit(app: QApplication) -> None:
    """TIENDO_SMOKE_QUIT_MS: quit that long after the first window (installer smoke tests).

    Prints "smoke ok" and which heavy modules were loaded before the first window.
    """
    import os

    delay = os.environ.get("TIENDO_SMOKE_QUIT_MS")
    if not delay:
        return
    from PySide6.QtCore import QTimer

    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY_MODULES))

    def done() -> None:
        try:
            print("heavy: " + ",".join(loaded), flush=True)
            print("smoke ok", flush=True)
        finally:
            # exit, not quit: also ends a dialog's own loop (the setup wizard); in a
            # finally so that a closed stdout cannot leave the app running
            app.exit(0)

    QTimer.singleShot(max(int(delay), 0), done)


def screenshots(out_dir: str, lang: str) -> int:
    """Render every main screen and dialog to PNG files in out_dir."""
    from ui.screenshots import main

    return main(out_dir, lang)
