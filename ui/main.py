"""Starting the desktop app: language, workspace, first-run setup, main window."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.errors import DatabaseDamaged, KnownError
from app.paths import resolve_data_dir
from ui import smoke
from ui.application import make_app
from ui.worker import hold_collection

if TYPE_CHECKING:
    from app.services.workspace import Workspace
    from app.settings import Glance
    from ui.main_window import MainWindow
    from ui.province_window import ProvinceWindow
    from ui.worker import Job

log = logging.getLogger(__name__)


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
    app = make_app()
    smoke.starting(app)
    root = resolve_data_dir(data_dir)
    lock = _single_instance(root)
    if lock is None:
        from ui import i18n

        i18n.install(app, lang or "vi")
        _start_error(
            app.translate("Main", "Tiến Độ đang mở với thư mục dữ liệu này trong một cửa sổ khác."),
            app.translate("Main", "Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ)."),
        )
        return 1
    try:
        return _run(app, root, lang, Path(open_path) if open_path else None)
    finally:
        lock.unlock()


@dataclass
class _Opening:
    """What the background open of the workspace came back with."""

    ws: Workspace | None = None
    error: BaseException | None = None
    attached: bool = False
    handed_back: bool = False  # the window gave up: the usual start takes over


def _run(app: QApplication, root: Path, lang: str | None, open_path: Path | None) -> int:
    """The window first, when the database says which unit this is; otherwise (a new
    installation, a file SQLite cannot read) the workspace first, as below."""
    from app.paths import DataLayout
    from app.settings import glance

    known = glance(DataLayout(root).database)
    opening = _Opening()
    if known is not None and known.settings.is_set_up and known.unit_name:
        # Until the open workspace is in the window (_window_ready), no garbage collection
        # (see ui.worker.hold_collection); automatic collection stays off all along.
        hold_collection(True)
        try:
            code = _window_first(app, root, known, lang, open_path, opening)
        finally:
            hold_collection(False)
        if code is not None:
            return code
    return _workspace_first(app, root, lang, open_path, opening)


def _window_first(
    app: QApplication,
    root: Path,
    known: Glance,
    lang: str | None,
    open_path: Path | None,
    opening: _Opening,
) -> int | None:
    """Show the unit's window at once and open the workspace in the background (importing
    SQLAlchemy and checking the database take longer than Qt needs for the window).

    Returns the exit code, or None to let the workspace-first start take over: when the
    open failed (its error dialogs and recovery live there) or the open database is not
    the one the window was made for (a restore finished on open). `opening` then holds
    the error or the open workspace.
    """
    from ui import i18n
    from ui.worker import Job

    shown_lang = lang or known.settings.language or "vi"

    def work(_progress: object, _cancelled: object) -> None:
        # Runs in the pool; the result lands in `opening` even if the window is closed
        # (and the event loop gone) before the signal arrives.
        from app.services.workspace import open_workspace

        try:
            opening.ws = open_workspace(root)
        except Exception as exc:  # handed back to the workspace-first start, unchanged
            opening.error = exc

    def opened(_result: object) -> None:
        ws = opening.ws
        fits = ws is not None and (
            ws.settings.role == known.settings.role
            and ws.settings.unit_id == known.settings.unit_id
            and (lang or ws.settings.language or "vi") == shown_lang
        )
        if ws is None or not fits or not window.isVisible():
            opening.handed_back = window.isVisible()
            window.close()
            app.exit(0)
            return
        from ui.context import AppContext

        window.attach(AppContext(ws, shown_lang))
        opening.attached = True
        _window_ready(app, window, ws, open_path)

    i18n.install(app, shown_lang)
    window = _window_class(known.settings.role)(
        unit_name=known.unit_name, unit_short_name=known.unit_short_name
    )
    window.present()
    smoke.window_shown(app)
    job = Job(work)
    job.signals.finished.connect(opened)

    def first_look() -> None:
        # A unit's overview, read with SQLite alone, goes up while the workspace opens;
        # the open starts once that has been painted (a zero timer fires after the events
        # the show queued): any earlier and it competes with the paint for Python's lock.
        if _show_first_look(window, root, known):
            smoke.data_shown(app)
        QTimer.singleShot(0, job.start)

    QTimer.singleShot(0, first_look)
    code = app.exec()
    window.close()  # if the loop ended some other way: unsaved edits are flushed on close
    QThreadPool.globalInstance().waitForDone()  # the open, if the window closed first
    if opening.attached and opening.ws is not None:
        return _close(opening.ws, code)
    if opening.handed_back:
        return None
    if opening.ws is not None:  # closed before the data was there: nothing to save
        opening.ws.close()
    return code


def _show_first_look(window: MainWindow | ProvinceWindow, root: Path, known: Glance) -> bool:
    """Put the unit's overview on the window before its workspace is open, read from the
    database file with SQLite alone; False (the window keeps saying the data is opening)
    for the province's window, or when SQLite cannot give it."""
    from ui.main_window import MainWindow

    if not isinstance(window, MainWindow) or window.ctx is not None or not window.isVisible():
        return False
    import datetime as dt

    from app.paths import DataLayout
    from app.services.overview import first_look

    look = first_look(DataLayout(root).database, known.settings, dt.date.today())
    if look is None:
        return False
    window.show_first_look(look)
    return True


def _workspace_first(
    app: QApplication, root: Path, lang: str | None, open_path: Path | None, opening: _Opening
) -> int:
    """Open the workspace (or take the one `opening` holds), recover a damaged database,
    run the first-run setup if needed, then show the main window."""
    from ui import i18n

    ws = opening.ws or _open_or_recover(app, root, lang, opening.error)
    if ws is None:
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
            return 1
        from ui.setup_wizard import SetupWizard

        smoke.window_shown(app)  # the wizard is the first window of a new installation
        smoke.ready(app)
        wizard = SetupWizard(ws)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            ws.close()
            return 0
    from ui.context import AppContext

    window = _window_class(ws.settings.role)(AppContext(ws, lang))
    window.present()
    smoke.window_shown(app)
    _window_ready(app, window, ws, open_path)
    code = app.exec()
    window.close()  # if the loop ended some other way: unsaved edits are flushed on close
    return _close(ws, code)


def _open_or_recover(
    app: QApplication, root: Path, lang: str | None, error: BaseException | None
) -> Workspace | None:
    """The workspace, after the restore dialog if the database is damaged; None (the
    error told) when it cannot be opened. `error`: what an earlier try raised."""
    from app.services.workspace import open_workspace
    from ui import i18n

    try:
        if error is not None:
            raise error
        return open_workspace(root)
    except DatabaseDamaged as exc:
        # SECURITY.md 19: never a crash; offer the newest good backup, or read-only.
        from ui.widgets.restore_dialog import READ_ONLY, RESTORED, recover_damaged_database

        i18n.install(app, lang or "vi")
        outcome = recover_damaged_database(root, exc)
        if outcome not in (RESTORED, READ_ONLY):
            return None
        try:
            return open_workspace(root, allow_damaged=outcome == READ_ONLY)
        except KnownError as again:
            _start_error(again)
            return None
    except KnownError as exc:
        i18n.install(app, lang or "vi")
        _start_error(exc)
        return None


def _window_class(role: str) -> type[MainWindow | ProvinceWindow]:
    if role == "province":
        from ui.province_window import ProvinceWindow

        return ProvinceWindow
    from ui.main_window import MainWindow

    return MainWindow


def _window_ready(
    app: QApplication, window: MainWindow | ProvinceWindow, ws: Workspace, open_path: Path | None
) -> None:
    """The window shows the unit's data: open the file the desktop handed over, start
    the automatic backup if one is due."""
    if open_path is not None:
        QTimer.singleShot(0, lambda: window.open_file(open_path))
    smoke.ready(app)
    QTimer.singleShot(0, lambda: hold_collection(False))  # after the turn that paints
    _start_backup_if_due(ws)


def _close(ws: Workspace, code: int) -> int:
    """After the window is gone: the automatic backup at close (SECURITY.md 18), once
    any start-up backup has finished (a failure is logged, never shown); then close."""
    from app.services.backup import backup_at_close

    QThreadPool.globalInstance().waitForDone()
    backup_at_close(ws)
    ws.close()
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
    """A start-up error in plain words: a message box (stderr under the smoke test)."""
    from ui.widgets.messages import show_error

    if not smoke.told_error(exc, hint):
        show_error(None, exc, hint)


def screenshots(out_dir: str, lang: str, size: str | None = None) -> int:
    """Render every main screen and dialog to PNG files in out_dir; `size` "WxH" is the
    main windows' size."""
    from ui.screenshots import main

    return main(out_dir, lang, size)
