"""Start-up and paths: the app starts cleanly with a missing, read-only or Vietnamese-named
data folder, refuses a second instance on the same folder with a clear message, and
offers the newest good backup when the database is damaged (SECURITY.md 19) -- through
open_workspace, and through the real GUI start path offscreen (TIENDO_SMOKE_QUIT_MS).

Then what a new user does: back up to a folder, damage the database by hand, start the
app, restore, and find every record and evidence file.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.errors import DatabaseDamaged, DataFolderError
from app.paths import DataLayout
from app.services import activities, backup
from app.services.setup import apply_setup, default_settings
from app.services.workspace import Workspace, open_workspace
from tests.test_backup import add, damage, fill, stored_evidence, titles
from tests.test_hostile_env import _mount, _umount

ROOT = Path(__file__).resolve().parents[1]
VIETNAMESE_NAME = "Dữ liệu Tiến Độ"


def set_up(data: Path) -> Workspace:
    ws = open_workspace(data)
    apply_setup(ws, replace(default_settings(ws, "district", "gl.chuse"), officer="Cán bộ"))
    return ws


def start_gui(
    data: Path, *, quit_ms: int = 300, probe: str | None = None, **env: str
) -> subprocess.Popen[str]:
    """`tiendo --data-dir DATA` offscreen, quitting by itself after `quit_ms`; with
    `probe`, that Python code runs instead of `-m app.cli` (it patches a hook, then
    calls app.cli.main)."""
    full = dict(os.environ)
    full.update(
        QT_QPA_PLATFORM="offscreen",
        TIENDO_SMOKE_QUIT_MS=str(quit_ms),
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        XDG_CONFIG_HOME=str(data.parent / "user-config"),  # window sizes: not the user's
        **env,
    )
    full.pop("TIENDO_DATA_DIR", None)
    start = ["-m", "app.cli"] if probe is None else ["-c", probe]
    return subprocess.Popen(
        [sys.executable, *start, "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=full,
    )


def run_gui(
    data: Path, *, quit_ms: int = 300, probe: str | None = None, **env: str
) -> tuple[int, str, str]:
    proc = start_gui(data, quit_ms=quit_ms, probe=probe, **env)
    try:
        out, err = proc.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        proc.kill()  # e.g. a message box waiting for a click: a failure, not an orphan
        out, err = proc.communicate()
        raise AssertionError(f"the app did not quit by itself:\n{out}\n{err}") from None
    return proc.returncode, out, err


# -- open_workspace ---------------------------------------------------------------------------------


def test_missing_data_folder_is_created(tmp_path: Path) -> None:
    data = tmp_path / "chưa" / "có" / VIETNAMESE_NAME
    ws = open_workspace(data)
    try:
        assert ws.layout.database.is_file() and not ws.settings.is_set_up
    finally:
        ws.close()


@contextlib.contextmanager
def read_only_folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[bool]:
    """A read-only data folder: a tmpfs mounted ro (root ignores chmod), else EROFS from
    the probe write. Yields whether it is real (a subprocess sees it too)."""
    if _mount(path, "size=1m,ro"):
        try:
            yield True
        finally:
            _umount(path)
        return
    real = Path.write_bytes

    def refuse(self: Path, data: bytes) -> int:
        if self.parent == path:
            raise OSError(30, "Read-only file system")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    yield False


def test_read_only_data_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / VIETNAMESE_NAME
    with read_only_folder(data, monkeypatch), pytest.raises(DataFolderError) as err:
        open_workspace(data)
    assert "Không ghi được vào thư mục dữ liệu" in err.value.message
    assert "--data-dir" in err.value.hint


def test_vietnamese_path_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "Ổ đĩa D" / VIETNAMESE_NAME
    ws = set_up(data)
    try:
        fill(ws, tmp_path / "ảnh gốc")
        usb = tmp_path / "USB của Bích"
        usb.mkdir()
        info = backup.create_backup(ws, usb)
        assert info.path.parent == usb
    finally:
        ws.close()
    restored = DataLayout(tmp_path / "Máy mới" / VIETNAMESE_NAME)
    backup.restore_backup(restored, info.path)
    ws = open_workspace(restored.root)
    try:
        assert len(titles(ws)) == 3
        assert stored_evidence(restored.root) == stored_evidence(data)
    finally:
        ws.close()


# -- the GUI start path, offscreen in a subprocess -----------------------------------------------------


@pytest.mark.gui
def test_gui_starts_on_a_missing_folder_with_a_vietnamese_name(tmp_path: Path) -> None:
    data = tmp_path / "chưa có" / VIETNAMESE_NAME
    code, out, err = run_gui(data)  # created; the first-run wizard is the first window
    assert code == 0 and "smoke ok" in out, err
    assert "Traceback" not in err
    assert (data / "tiendo.sqlite").is_file()


@pytest.mark.gui
def test_gui_read_only_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / VIETNAMESE_NAME
    with read_only_folder(data, monkeypatch) as real:
        if not real:
            pytest.skip("needs root to mount a read-only tmpfs")
        code, out, err = run_gui(data)
    assert code != 0 and "smoke ok" not in out
    assert "Không ghi được vào thư mục dữ liệu" in err
    assert "Traceback" not in err


@pytest.mark.gui
def test_gui_second_instance_is_refused(tmp_path: Path) -> None:
    data = tmp_path / VIETNAMESE_NAME
    set_up(data).close()
    first = start_gui(data, quit_ms=20_000)
    try:
        deadline = time.monotonic() + 60
        while not (data / "tiendo.lock").exists():
            assert first.poll() is None and time.monotonic() < deadline, "first did not start"
            time.sleep(0.05)
        code, out, err = run_gui(data)
        assert code == 1 and "smoke ok" not in out
        assert "đang mở với thư mục dữ liệu này" in err and "Traceback" not in err
    finally:
        first.kill()
        first.communicate()


@pytest.mark.gui
def test_gui_damaged_database_offers_the_newest_backup(tmp_path: Path) -> None:
    data = tmp_path / VIETNAMESE_NAME
    ws = set_up(data)
    fill(ws, tmp_path / "src")
    backup.auto_backup(ws)
    add(ws, "Chưa kịp sao lưu")
    ws.close()
    damage(data / "tiendo.sqlite")
    with pytest.raises(DatabaseDamaged):
        open_workspace(data)

    # the main window then opens on the restored data, on a Vietnamese path
    code, out, err = run_gui(data, TIENDO_SMOKE_CHOICE="restored")
    assert code == 0 and "smoke ok" in out, err
    assert "Dữ liệu bị hỏng" in err and "Traceback" not in err
    ws = open_workspace(data)
    try:
        assert titles(ws) == {f"Hội nghị tuyên truyền số {i}" for i in range(3)}
    finally:
        ws.close()


def test_damaged_database_answers_without_a_dialog_in_smoke_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.widgets.restore_dialog import QUIT, READ_ONLY, recover_damaged_database

    data = tmp_path / VIETNAMESE_NAME
    ws = set_up(data)
    add(ws, "Hoạt động")
    ws.close()
    damage(data / "tiendo.sqlite")
    with pytest.raises(DatabaseDamaged) as err:
        open_workspace(data)
    before = (data / "tiendo.sqlite").read_bytes()
    monkeypatch.setenv("TIENDO_SMOKE_QUIT_MS", "300")
    assert recover_damaged_database(data, err.value) == QUIT  # nobody answered
    assert "Dữ liệu bị hỏng" in capsys.readouterr().err
    monkeypatch.setenv("TIENDO_SMOKE_CHOICE", "restored")
    assert recover_damaged_database(data, err.value) == QUIT  # no backup to restore
    monkeypatch.setenv("TIENDO_SMOKE_CHOICE", READ_ONLY)
    assert recover_damaged_database(data, err.value) == READ_ONLY
    assert (data / "tiendo.sqlite").read_bytes() == before
    ws = open_workspace(data, allow_damaged=True)
    try:
        assert ws.db.read_only and ws.settings.is_set_up
    finally:
        ws.close()


# -- a new user, driving the real dialogs ---------------------------------------------------------------


@pytest.mark.gui
def test_new_user_backs_up_breaks_the_database_and_restores(qtbot: QtBot, tmp_path: Path) -> None:
    from ui.context import AppContext
    from ui.widgets.backup_panel import BackupPanel
    from ui.widgets.restore_dialog import RESTORED, RestoreDialog

    data = tmp_path / VIETNAMESE_NAME
    ws = set_up(data)
    fill(ws, tmp_path / "ảnh")
    expected_titles = titles(ws)
    expected_files = stored_evidence(data)
    links = {
        aid: [e.filename for e in activities.get_activity(ws, aid).evidence]
        for aid in (r.id for r in activities.list_rows(ws))
    }

    # Cài đặt → Sao lưu ngay… to the USB stick
    panel = BackupPanel(AppContext(ws))
    qtbot.addWidget(panel)
    usb = tmp_path / "USB"
    usb.mkdir()
    job = panel.start_backup(usb)
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=30_000):
        pass
    (zip_file,) = usb.glob("*.zip")
    ws.close()

    # the power cut: the database file is damaged
    damage(data / "tiendo.sqlite")
    with pytest.raises(DatabaseDamaged) as err:
        open_workspace(data)

    # start-up: no automatic backup yet, so the dialog asks for a file
    layout = DataLayout(data)
    dialog = RestoreDialog(
        layout, backup.newest_good_backup(layout), damaged=True, reason=err.value.message
    )
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "Dữ liệu bị hỏng" in dialog.message.text()
    dialog.use_file(zip_file)  # what "Chọn tệp khác…" does with the chosen file
    assert "Khôi phục từ bản sao lưu ngày" in dialog.message.text()
    assert "3 hoạt động" in dialog.detail.text()
    job = dialog.restore()
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: dialog.outcome == RESTORED)

    ws = open_workspace(data)
    try:
        assert not ws.db.read_only
        assert titles(ws) == expected_titles
        for aid, names in links.items():
            detail = activities.get_activity(ws, aid)
            assert [e.filename for e in detail.evidence] == names
            assert all(e.path.is_file() for e in detail.evidence)
        assert stored_evidence(data) == expected_files
    finally:
        ws.close()
    kept = list((data / "backups").glob("truoc-khoi-phuc-*.sqlite"))
    assert len(kept) == 1  # the damaged file is kept, not deleted


@pytest.mark.gui
def test_restore_from_settings_then_the_app_closes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.context import AppContext
    from ui.widgets.backup_panel import BackupPanel
    from ui.widgets.restore_dialog import RESTORED

    data = tmp_path / VIETNAMESE_NAME
    ws = set_up(data)
    add(ws, "Trong bản sao lưu")
    backup.auto_backup(ws)
    add(ws, "Ghi nhầm sau đó")
    panel = BackupPanel(AppContext(ws))
    qtbot.addWidget(panel)
    panel.refresh()
    assert "1 bản" in panel.newest.text()
    panel.keep.setValue(3)
    assert backup.keep_setting(ws) == 3

    dialog = panel.restore_dialog()  # Cài đặt → Khôi phục…: the newest backup is offered
    qtbot.addWidget(dialog)
    assert dialog.chosen is not None and "Khôi phục từ bản sao lưu ngày" in dialog.message.text()
    job = dialog.restore()
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: dialog.outcome == RESTORED)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(str(a[2])))
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    panel.after_restore()
    assert told and "mở lại" in told[0] and exits == [0]
    ws.close()  # already closed by the restore; closing again is harmless
    ws = open_workspace(data)
    try:
        assert titles(ws) == {"Trong bản sao lưu"}
    finally:
        ws.close()
