"""The window comes up before the workspace opens: the start-up glances at the database
with SQLite alone, shows the unit's window saying the data is opening, opens the
workspace in the background and then fills the window in. These tests drive that path
in the real start-up code (ui.main.run), in this process, and the window on its own."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.paths import DataLayout
from app.services import workspace as workspace_module
from app.services.workspace import Workspace, open_workspace
from app.settings import Glance, glance
from tests.test_backup import add
from tests.test_province import enroll_key, new_province, unit_key
from tests.test_startup import VIETNAMESE_NAME, run_gui, set_up, start_gui
from ui import main as ui_main
from ui.context import AppContext
from ui.main_window import ACTIVITIES, MainWindow
from ui.province_window import INBOX, KEYS, ProvinceWindow
from ui.shell import ShellWindow

pytestmark = pytest.mark.gui


def opening_text(window: ShellWindow) -> str:
    """The words on the page the window shows now ("" if it is a real screen)."""
    page = window.stack.currentWidget()
    assert page is not None
    labels = page.findChildren(QLabel)
    return labels[0].text() if labels and not window.built else ""


# -- the window on its own ----------------------------------------------------------------------------


def test_window_without_the_workspace_says_it_is_opening(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(unit_name="UBND huyện Chư Sê", unit_short_name="Chư Sê")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "UBND huyện Chư Sê"  # Qt adds " — Tiến Độ"
    assert opening_text(window) == "Đang mở dữ liệu…"
    assert window.nav.count() == 6 and window.nav.currentRow() == 0
    assert window.data_actions and not any(a.isEnabled() for a in window.data_actions)
    with pytest.raises(RuntimeError):
        window.screen_at(0)

    window.show_screen(ACTIVITIES)  # Ctrl+3 while the data opens: the sidebar answers
    assert window.nav.currentRow() == ACTIVITIES
    assert opening_text(window) == "Đang mở dữ liệu…"

    with qtbot.waitSignal(window.ready):
        window.attach(AppContext(workspace))
    # the screen the user moved to, not the first one, and the data actions work
    assert window.stack.currentWidget() is window.activities
    assert list(window.built) == [ACTIVITIES]
    assert all(a.isEnabled() for a in window.data_actions)


def test_a_click_on_the_sidebar_while_opening_is_a_choice(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window = ProvinceWindow(unit_name="Sở Thông tin và Truyền thông")
    qtbot.addWidget(window)
    window.show()
    assert not window.picked_while_opening
    item = window.nav.item(KEYS)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )
    assert window.picked_while_opening and window.nav.currentRow() == KEYS


def test_window_opens_on_the_first_screen_when_nobody_moved(
    qtbot: QtBot, workspace: Workspace
) -> None:
    add(workspace, "Hội nghị báo cáo viên")
    window = MainWindow(unit_name="UBND huyện Chư Sê")
    qtbot.addWidget(window)
    window.attach(AppContext(workspace))
    assert list(window.built) == [0]
    assert window.stack.currentWidget() is window.screen_at(0)
    assert opening_text(window) == ""


def test_province_window_picks_its_first_screen_once_open(
    qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    try:
        empty = ProvinceWindow(unit_name="Sở Thông tin và Truyền thông")
        qtbot.addWidget(empty)
        empty.attach(AppContext(ws))
        assert empty.nav.currentRow() == KEYS  # no key enrolled: nothing to receive yet

        enroll_key(ws, unit_key("gl.chuse"))
        later = ProvinceWindow(unit_name="Sở Thông tin và Truyền thông")
        qtbot.addWidget(later)
        later.attach(AppContext(ws))
        assert later.nav.currentRow() == INBOX
        assert later.stack.currentWidget() is later.inbox

        # Ctrl+1 while the data opens is a choice too, though the window starts there
        chosen = ProvinceWindow(unit_name="Sở Thông tin và Truyền thông")
        qtbot.addWidget(chosen)
        chosen.show_screen(KEYS)
        chosen.attach(AppContext(ws))
        assert chosen.nav.currentRow() == KEYS
        assert chosen.stack.currentWidget() is chosen.keys
    finally:
        ws.close()


def test_opening_page_is_translated(qtbot: QtBot) -> None:
    from ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert i18n.install(app, "en")
        window = MainWindow(unit_name="UBND huyện Chư Sê")
        qtbot.addWidget(window)
        assert opening_text(window) == "Opening the data…"
        assert window.nav.item(0).text() == "Overview"
    finally:
        i18n.install(app, "vi")


# -- glancing at the database ---------------------------------------------------------------------------


def test_glance_reads_the_settings_and_the_unit(workspace: Workspace) -> None:
    known = glance(workspace.layout.database)
    assert known is not None
    assert known.settings == workspace.settings
    unit = workspace.units.get("gl.chuse")
    assert (known.unit_name, known.unit_short_name) == (unit.name, unit.short_name)
    assert known.unit_name == "Ủy ban nhân dân huyện Chư Sê"


def test_glance_at_what_is_not_a_database_is_none(tmp_path: Path) -> None:
    assert glance(tmp_path / "missing.sqlite") is None
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert glance(tmp_path / "empty.sqlite") is None
    (tmp_path / "text.sqlite").write_text("không phải cơ sở dữ liệu", "utf-8")
    assert glance(tmp_path / "text.sqlite") is None
    sqlite3.connect(tmp_path / "other.sqlite").execute("CREATE TABLE t (x)").connection.close()
    assert glance(tmp_path / "other.sqlite") is None
    new = open_workspace(tmp_path / "new")  # created, not set up
    try:
        found = glance(new.layout.database)
        assert found is not None and not found.settings.is_set_up and found.unit_name == ""
    finally:
        new.close()


# -- the start-up, in this process ----------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / VIETNAMESE_NAME
    set_up(folder).close()
    return folder


def watch_ready(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Each window that reaches its data, as (class name, title)."""
    seen: list[tuple[str, str]] = []
    real = ui_main._window_ready

    def spy(app: QApplication, window: ShellWindow, *args: Any) -> None:
        seen.append((type(window).__name__, window.windowTitle()))
        real(app, window, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ui_main, "_window_ready", spy)
    return seen


def test_start_shows_the_window_then_the_data(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIENDO_SMOKE_QUIT_MS", "0")
    seen = watch_ready(monkeypatch)
    assert ui_main.run(str(data)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out.index("window shown") < out.index("smoke ok")
    assert seen == [("MainWindow", "Ủy ban nhân dân huyện Chư Sê")]
    assert not (data / "tiendo.lock").exists()


def test_no_garbage_collection_until_the_data_is_shown(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Collections walked every object the start made (about 12% of its CPU time): the
    GUI thread's collector holds them until the unit's data is on screen, then goes on;
    Python's automatic collection stays off all along (a collection in a Job's thread
    would delete Qt objects off the GUI thread)."""
    import gc

    from ui import worker

    states: list[tuple[bool, bool]] = []
    real = ui_main._window_ready

    def state() -> tuple[bool, bool]:
        return worker._HELD["start"], gc.isenabled()

    def spy(app: QApplication, window: ShellWindow, *args: Any) -> None:
        states.append(state())
        real(app, window, *args)  # type: ignore[arg-type]
        QTimer.singleShot(0, lambda: states.append(state()))
        QTimer.singleShot(0, lambda: app.exit(0))

    monkeypatch.setattr(ui_main, "_window_ready", spy)
    assert ui_main.run(str(data)) == 0
    assert states == [(True, False), (False, False)]
    assert state() == (False, False)
    assert list(DataLayout(data).backups.glob("*.zip"))  # the backup at close ran


def test_closing_the_window_before_the_data_is_there(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Workspace] = []
    closed: list[Workspace] = []
    real_open = workspace_module.open_workspace

    def slow_open(root: Path, **kwargs: Any) -> Workspace:
        time.sleep(0.5)
        ws = real_open(root, **kwargs)
        real_close: Callable[[], None] = ws.close
        monkeypatch.setattr(ws, "close", lambda: (closed.append(ws), real_close()))
        opened.append(ws)
        return ws

    monkeypatch.setattr(workspace_module, "open_workspace", slow_open)
    monkeypatch.setenv("TIENDO_SMOKE_QUIT_MS", "0")  # if the data did arrive: quit anyway
    seen = watch_ready(monkeypatch)
    shown: list[str] = []

    def close_while_opening() -> None:
        # once the first look is up, while the workspace still opens behind it
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ShellWindow) and widget.previews and widget.ctx is None:
                shown.append(type(widget.stack.currentWidget()).__name__)
                poll.stop()
                widget.close()

    poll = QTimer()
    poll.timeout.connect(close_while_opening)
    poll.start(10)
    try:
        assert ui_main.run(str(data)) == 0
    finally:
        poll.stop()
    assert shown == ["OverviewScreen"]
    assert seen == []  # the workspace never reached a window…
    assert opened and closed == opened  # …and the workspace opened behind it was closed
    assert not (data / "tiendo.lock").exists()


def test_a_database_that_is_not_what_the_glance_said_gets_the_right_window(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the glance saw can differ from what opens (a restore finished on open): the
    window made for the glance gives way to the usual start with the open workspace."""
    import app.settings

    real = glance

    def stale(database: Path) -> Glance | None:
        found = real(database)
        assert found is not None
        settings = found.settings
        settings.unit_id = "gl.ayunpa"
        return Glance(settings, "UBND thị xã Ayun Pa", "Ayun Pa")

    monkeypatch.setattr(app.settings, "glance", stale)
    monkeypatch.setenv("TIENDO_SMOKE_QUIT_MS", "0")
    seen = watch_ready(monkeypatch)
    assert ui_main.run(str(data)) == 0
    assert seen == [("MainWindow", "Ủy ban nhân dân huyện Chư Sê")]
    out = capsys.readouterr().out.splitlines()
    assert out.count("window shown") == 1 and "smoke ok" in out


def test_a_damaged_database_found_behind_the_window_gets_the_restore_question(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite can read the settings of a file whose check then fails: the window goes
    and the damaged-database question comes, as when the glance fails."""
    from app.errors import DatabaseDamaged
    from ui.widgets.restore_dialog import READ_ONLY

    real_open = workspace_module.open_workspace
    calls: list[dict[str, Any]] = []

    def damaged_then_real(root: Path, **kwargs: Any) -> Workspace:
        calls.append(kwargs)
        if len(calls) == 1:
            raise DatabaseDamaged("Cơ sở dữ liệu bị hỏng (trang 7).", "Hãy khôi phục.")
        return real_open(root, **kwargs)

    monkeypatch.setattr(workspace_module, "open_workspace", damaged_then_real)
    monkeypatch.setenv("TIENDO_SMOKE_QUIT_MS", "0")
    monkeypatch.setenv("TIENDO_SMOKE_CHOICE", READ_ONLY)
    seen = watch_ready(monkeypatch)
    assert ui_main.run(str(data)) == 0
    captured = capsys.readouterr()
    assert "Dữ liệu bị hỏng: Cơ sở dữ liệu bị hỏng (trang 7)." in captured.err
    assert calls == [{}, {"allow_damaged": True}]
    assert seen == [("MainWindow", "Ủy ban nhân dân huyện Chư Sê")]
    out = captured.out.splitlines()
    assert out.count("window shown") == 1 and out[-1] == "smoke ok"


# -- the start-up as the user runs it ----------------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_after_the_window(data: Path) -> None:
    """The glance can read a file the open then refuses: the window goes, the error is
    the usual one, nothing is changed."""
    con = sqlite3.connect(data / "tiendo.sqlite")
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999_tuong_lai'")
    con.close()
    before = (data / "tiendo.sqlite").read_bytes()
    code, out, err = run_gui(data)
    assert code == 1
    assert "window shown" in out and "smoke ok" not in out
    assert "phiên bản Tiến Độ mới hơn" in err and "Traceback" not in err
    assert (data / "tiendo.sqlite").read_bytes() == before


def test_the_first_window_needs_no_sqlalchemy(data: Path) -> None:
    proc = start_gui(data, quit_ms=0)
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[: lines.index("window shown") + 1] == ["heavy: ", "window shown"]
    assert lines[-1] == "smoke ok"


PROBE = """
import sys
import PySide6.QtCore
import ui.smoke

shown = ui.smoke.window_shown

def probe(app):
    # PySide builds the Qt namespace's enums on first use (tens of milliseconds)
    print("Qt namespace:", "Qt" in vars(PySide6.QtCore), flush=True)
    shown(app)

ui.smoke.window_shown = probe
from app.cli import main
sys.exit(main())
"""


def test_the_first_window_does_not_build_the_qt_namespace(data: Path) -> None:
    code, out, err = run_gui(data, quit_ms=0, probe=PROBE)
    assert code == 0, err
    assert "Qt namespace: False" in out.splitlines(), out + err
    assert out.splitlines()[-1] == "smoke ok"


DATA_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
import ui.smoke

said = ui.smoke.data_shown

def probe(app):
    if not app.property(ui.smoke.DATA_SHOWN):
        screens = [
            type(w.stack.currentWidget()).__name__ + (" open" if w.ctx else " first look")
            for w in QApplication.topLevelWidgets()
            if hasattr(w, "stack") and w.isVisible()
        ]
        print("data:", "sqlalchemy" in sys.modules, *screens, flush=True)
    said(app)

ui.smoke.data_shown = probe
from app.cli import main
sys.exit(main())
"""


def test_the_units_data_is_on_screen_before_sqlalchemy_loads(data: Path) -> None:
    """The overview read with SQLite alone is up before the workspace opens (the 3× start
    of issue #17); the start then goes on to the open workspace and quits."""
    code, out, err = run_gui(data, quit_ms=0, probe=DATA_PROBE)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[lines.index("window shown") + 1 :] == [
        "data: False OverviewScreen first look",
        "smoke ok",
    ], out + err
