"""`tiendo screenshots OUT_DIR`: every main screen and the main dialogs, rendered to PNG
offscreen from demo units made in a temporary folder (ui.screenshot_scenes; the user's
data is never touched)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QWidget

from app.services.overview import first_look
from app.services.workspace import Workspace, open_workspace
from ui import i18n, screenshot_scenes
from ui.application import make_app
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.province_status import StatusScreen
from ui.shell import ShellWindow

if TYPE_CHECKING:
    from ui.province_window import ProvinceWindow

Shot = tuple[str, Callable[[], QWidget]]


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _grab(widget: QWidget, path: Path, wait_ms: int = 0) -> Path:
    widget.show()
    _settle()
    if wait_ms:
        # some widgets draw asynchronously (the PDF preview renders pages in a thread)
        from PySide6.QtTest import QTest

        QTest.qWait(wait_ms)
    widget.grab().save(str(path))
    return path


# The main windows' size in the pictures, unless asked for another (`--size 1366x768`).
WINDOW_SIZE = QSize(1280, 800)


def parse_size(text: str) -> QSize:
    """'1366x768' as a QSize; raises ValueError for anything else."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(text)
    size = QSize(int(width), int(height))
    if size.width() < 640 or size.height() < 480:
        raise ValueError(text)
    return size


def render_all(
    out_dir: Path, lang: str = "vi", activities: int = 120, size: QSize = WINDOW_SIZE
) -> list[Path]:
    """Render the screens into out_dir, the main windows at `size` (the whole screen's
    worth: a window maximized on a screen of that size is a little smaller, see
    window_state.FRAME_MARGIN); returns the files written. The user's remembered window
    sizes are neither used nor changed."""
    app = make_app()
    i18n.install(app, lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tiendo-shots-") as tmp:
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "user")
        )
        written += _setup_wizard(Path(tmp) / "new", out_dir, lang)
        written += _setup_with_two_plans(Path(tmp) / "new-two-plans", out_dir)
        ws = screenshot_scenes.district(Path(tmp), activities)
        try:
            written += _main_screens(ws, out_dir, lang, size)
        finally:
            ws.close()
        with tempfile.TemporaryDirectory(prefix="tiendo-shots-province-") as ptmp:
            written += _province_screens(Path(ptmp), out_dir, lang, size)
    app.processEvents()
    return written


def _setup_wizard(data: Path, out: Path, lang: str) -> list[Path]:
    from ui.setup_wizard import SetupWizard

    ws = open_workspace(data)
    written = []
    try:
        wizard = SetupWizard(ws)
        wizard.resize(760, 540)
        wizard.show()
        _settle()
        for i in range(len(wizard.pages)):
            page = wizard.currentPage()
            if page is wizard.unit_page:
                wizard.unit_page.search.setText("chu se")
                for item in wizard.unit_page.tree.findItems("gl.chuse", _match_recursive(), 1):
                    wizard.unit_page.tree.setCurrentItem(item)
            if page is wizard.people_page:
                wizard.people_page.form.officer.setText("Trần Thị Bích")
                wizard.people_page.form.leader_name.setText("Nguyễn Văn Ánh")
            written.append(_grab(wizard, out / f"{lang}-setup-{i + 1}.png"))
            if wizard.nextId() == -1:
                break
            wizard.next()
            _settle()
        wizard.reject()
    finally:
        ws.close()
    return written


def _setup_with_two_plans(data: Path, out: Path) -> list[Path]:
    """The wizard where a second plan is kept: a unit no plan names, then the plans page."""
    from app.services.plans import add_plan
    from ui import i18n
    from ui.setup_wizard import SetupWizard

    lang = i18n.current()
    ws = open_workspace(data)
    written = []
    try:
        plan_file = data / "ke-hoach-35-2025.toml"
        plan_file.write_text(screenshot_scenes.SECOND_PLAN, encoding="utf-8")
        add_plan(ws, plan_file)
        wizard = SetupWizard(ws)
        wizard.resize(760, 540)
        wizard.show()
        wizard.next()
        tree = wizard.unit_page.tree
        for unit_id, name in (("gl.btgtu", "unit-not-named"), ("gl.chuse", "plans")):
            for item in tree.findItems(unit_id, _match_recursive(), 1):
                tree.setCurrentItem(item)
            if unit_id == "gl.chuse":
                wizard.next()
            _settle()
            written.append(_grab(wizard, out / f"{lang}-setup-{name}.png"))
        wizard.reject()
    finally:
        ws.close()
    return written


def _match_recursive() -> Qt.MatchFlag:
    return Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive


def _main_screens(ws: Workspace, out: Path, lang: str, size: QSize) -> list[Path]:
    # The window as it first comes up, while the workspace opens behind it.
    unit = ws.own_unit()
    opening = MainWindow(unit_name=unit.name, unit_short_name=unit.short_name)
    opening.resize(size)
    opening.show()
    _settle()
    written = [_grab(opening, out / f"{lang}-0-opening.png")]
    # Then the unit's overview read with SQLite alone (the charts come once it is open).
    look = first_look(ws.db.path, ws.settings, dt.date.today())
    if look is not None:
        opening.show_first_look(look)
        written.append(_grab(opening, out / f"{lang}-0b-first-look.png"))
    opening.close()
    ctx = AppContext(ws, lang)
    window = MainWindow(ctx)
    window.resize(size)
    window.show()
    _settle()
    names = ["overview", "tasks", "activities", "reports", "outbox", "settings"]
    for i, name in enumerate(names):
        window.show_screen(i)
        _settle()
        written.append(_grab(window, out / f"{lang}-{i + 1}-{name}.png"))
    # Cài đặt's lower half: the official-signature set-up
    settings = window.screen_at(names.index("settings"))
    if hasattr(settings, "show_signatures"):
        settings.show_signatures()
        _settle()
        written.append(_grab(window, out / f"{lang}-6b-settings-signatures.png"))
    for name, make in _dialogs(window):
        dialog = make()
        dialog.resize(max(dialog.width(), 760), max(dialog.height(), 520))
        written.append(_grab(dialog, out / f"{lang}-dialog-{name}.png", wait_ms=1500))
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
    written += _plan_switch(window, out, lang)
    window.close()
    return written


def _plan_switch(window: MainWindow, out: Path, lang: str) -> list[Path]:
    """The plan switcher open over Tổng quan, then Tổng quan of the second plan."""
    window.show_screen(0)
    _settle()
    combo = window.switcher.combo
    combo.showPopup()
    _settle()
    # the list is a window of its own: drawn onto the picture of the main window
    picture = window.grab()
    popup = combo.view().window()
    corner = window.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
    if corner.x() < 0 or corner.y() < 0:  # offscreen: no real placement, put it under
        corner = combo.mapTo(window, combo.rect().bottomLeft())
    from PySide6.QtGui import QPainter

    painter = QPainter(picture)
    painter.drawPixmap(corner, popup.grab())
    painter.end()
    combo.hidePopup()
    path = out / f"{lang}-1b-plan-switcher.png"
    picture.save(str(path))
    written = [path]
    second = combo.itemData(combo.count() - 1)
    if isinstance(second, str) and window.switch_plan(second):
        _settle()
        written.append(_grab(window, out / f"{lang}-1c-overview-second-plan.png"))
    return written


def _province_screens(tmp: Path, out: Path, lang: str, size: QSize) -> list[Path]:
    """The province window's screens and dialogs, after three districts' reports came in."""
    from ui.province_window import ProvinceWindow

    ws, results = screenshot_scenes.province(tmp)
    try:
        ctx = AppContext(ws, lang)
        window = ProvinceWindow(ctx)
        window.status.today = window.report.today = screenshot_scenes.PROVINCE_TODAY
        window.inbox.show_results(results)
        window.status.year.setValue(2024)
        window.report.year.setValue(2024)
        ctx.reports_changed.emit()
        window.resize(size)
        window.show()
        written: list[Path] = []
        # in the window's order; file names stay as they were before Kế hoạch came in
        names = {"keys": "1-keys", "import": "2-import", "status": "3-status"}
        names |= {"report": "4-report", "plans": "plans", "directories": "6-directories"}
        names |= {"settings": "5-settings"}
        for i, (name, stem) in enumerate(names.items()):
            window.show_screen(i)
            _settle()
            path = out / f"{lang}-province-{stem}.png"
            window.grab().save(str(path))
            written.append(path)
            if name == "status":  # and its charts
                window.status.tabs.setCurrentIndex(1)
                _settle()
                path = out / f"{lang}-province-{stem}-charts.png"
                window.grab().save(str(path))
                written.append(path)
                window.status.tabs.setCurrentIndex(0)
            if name == "plans":  # and the editor, a task with a problem outlined
                written += _plan_editor(window, out / f"{lang}-province-{stem}")
        # the status of a 2026 plan on the 2025 directory: xã, phường, sở in groups
        if any(k.id == "gia-lai-12-2026" for k in ws.kept):
            ws.use_plan("gia-lai-12-2026", remember=False)
            window.status.year.setValue(2026)
            window.status.refresh()
            window.show_screen(list(names).index("status"))
            _settle()
            _scroll_to_section(window.status, "commune-phuong")
            path = out / f"{lang}-province-3b-status-2025-directory.png"
            window.grab().save(str(path))
            written.append(path)
            ws.use_plan("gl-157-2024", remember=False)
            window.status.year.setValue(2024)
            window.status.refresh()
        settings = window.screen_at(list(names).index("settings"))
        if hasattr(settings, "show_signatures"):
            settings.show_signatures()
            _settle()
            path = out / f"{lang}-province-5b-settings-signatures.png"
            window.grab().save(str(path))
            written.append(path)
        for name, make in _dialogs(window):
            dialog = make()
            dialog.show()
            _settle()
            dialog.adjustSize()
            _settle()
            path = out / f"{lang}-dialog-{name}.png"
            dialog.grab().save(str(path))
            written.append(path)
            if isinstance(dialog, QDialog):
                dialog.reject()
            dialog.close()
        window.close()
    finally:
        ws.close()
    return written


def _scroll_to_section(status: StatusScreen, section: str) -> None:
    """Scroll the status table so that a group's heading shows, a few rows down."""
    matrix = status.matrix
    first = (
        next((u.unit_id for u in matrix.units if u.section == section), None) if matrix else None
    )
    if first is None:
        return
    top = max(status.row_of(first) - 6, 0)
    status.table.scrollTo(
        status.table.model().index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop
    )
    _settle()


def _plan_editor(window: ProvinceWindow, stem: Path) -> list[Path]:
    """Plan 157 open in the editor, on task II.3.2 with its code mistyped (outlined, in
    the problems list); the mistake is undone and the editor left without a draft."""
    screen = window.plans
    screen.select_plan("gl-157-2024")
    screen.edit_selected()
    editor = screen.editor
    editor.go_to("tasks[3].code")
    code = editor.pages.fields["tasks[3].code"]
    assert isinstance(code, QLineEdit)
    right = code.text()
    code.setText("II 3.2")
    code.textEdited.emit("II 3.2")
    editor.check_now()
    editor.go_to("tasks[3].code")
    _settle()
    written = []
    path = stem.with_name(stem.name + "-editor.png")
    window.grab().save(str(path))
    written.append(path)
    editor.go_to("general")
    _settle()
    path = stem.with_name(stem.name + "-editor-general.png")
    window.grab().save(str(path))
    written.append(path)
    editor.go_to("tasks[3].code")
    code = editor.pages.fields["tasks[3].code"]
    assert isinstance(code, QLineEdit)
    code.setText(right)
    code.textEdited.emit(right)
    editor.check_now()
    editor.changed = False
    editor.go_back()
    if editor.draft_path is not None:
        editor.draft_path.unlink(missing_ok=True)
    screen.refresh()
    return written


def _dialogs(window: ShellWindow) -> list[Shot]:
    """Dialogs worth showing; each screen may offer some through `screenshot_dialogs()`."""
    shots: list[Shot] = []
    own = getattr(window, "screenshot_dialogs", None)
    if own is not None:
        shots += own()
    for _, screen in window.screens:
        offer = getattr(screen, "screenshot_dialogs", None)
        if offer is not None:
            shots += offer()
    return shots


def main(out_dir: str, lang: str, size: str | None = None) -> int:
    files = render_all(Path(out_dir), lang, size=parse_size(size) if size else WINDOW_SIZE)
    for f in files:
        print(f)
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    return 0
