"""The Hoạt động screen driven as the officer drives it: real widgets, a real data folder."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.demo import png_bytes, run_demo
from app.services import activities
from app.services.activities import ActivityInput
from app.services.setup import apply_setup, default_settings
from app.services.workspace import Workspace, open_workspace
from app.text import fold
from ui.context import AppContext
from ui.screens.activities import ActivitiesScreen
from ui.screens.activities import screen as screen_module
from ui.widgets import evidence as evidence_module
from ui.widgets import messages
from ui.widgets.numbers import MoneyEdit

pytestmark = pytest.mark.gui

UNIT = "gl.chuse"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo unit made once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("demo")
    ws = open_workspace(folder)
    run_demo(ws, unit_id=UNIT, count=40)
    ws.close()
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def empty_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    ws = open_workspace(folder)
    apply_setup(ws, default_settings(ws, "district", UNIT))
    ws.close()
    return folder


@pytest.fixture(autouse=True)
def _jobs_finish() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def open_ws() -> Iterator[list[Workspace]]:
    opened: list[Workspace] = []
    yield opened
    for ws in opened:
        ws.close()


def make_screen(qtbot: QtBot, ws: Workspace) -> ActivitiesScreen:
    screen = ActivitiesScreen(AppContext(ws))
    qtbot.addWidget(screen)
    screen.resize(1010, 720)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded)
    return screen


@pytest.fixture
def demo(qtbot: QtBot, demo_dir: Path, open_ws: list[Workspace]) -> ActivitiesScreen:
    ws = open_workspace(demo_dir)
    open_ws.append(ws)
    return make_screen(qtbot, ws)


@pytest.fixture
def empty(qtbot: QtBot, empty_dir: Path, open_ws: list[Workspace]) -> ActivitiesScreen:
    ws = open_workspace(empty_dir)
    open_ws.append(ws)
    return make_screen(qtbot, ws)


def add(
    ws: Workspace,
    title: str,
    *,
    task: str = "II.1",
    day: dt.date | None = None,
    values: dict[str, int] | None = None,
) -> int:
    return activities.add_activity(
        ws,
        ActivityInput(
            task_code=task,
            date=day or dt.date(2024, 5, 20),
            title=title,
            location="xã Ia Glai",
            values=values or {},
        ),
    )


def type_text(widget: QWidget, text: str) -> None:
    """Type as a keyboard with a Vietnamese input method does: one key event per character
    (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def shown_titles(screen: ActivitiesScreen) -> list[str]:
    return [r.title for r in screen.model.rows]


def select(screen: ActivitiesScreen, activity_id: int) -> None:
    assert screen.select_activity(activity_id)
    assert screen.editor.activity_id == activity_id


# -- new activity -----------------------------------------------------------------------
def test_add_activity_through_the_dialog(qtbot: QtBot, empty: ActivitiesScreen) -> None:
    ws = empty.ws
    assert empty.count_label.text() == "Hiển thị 0/0 hoạt động"
    dialog = empty.new_activity()
    form = dialog.form
    assert form.date.date() == QDate.currentDate()

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no title yet
    assert dialog.isVisible()
    assert "Chưa nhập tên hoạt động" in form.errors["title"].text()
    assert activities.list_rows(ws) == []

    form.date.setDate(QDate(2024, 3, 5))
    index = form.task.findData("II.1")
    form.task.setCurrentIndex(index)
    form.task.activated.emit(index)
    type_text(form.title, "Hội nghị quán triệt Kết luận 57 cho cán bộ xã")
    type_text(form.location, "Hội trường UBND huyện")
    form.values["value:hoi_nghi"].setValue(2)
    type_text(form.values["value:kinh_phi"], "3500000")
    assert form.values["value:kinh_phi"].text() == "3.500.000"
    with qtbot.waitSignal(empty.ctx.activities_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [row] = activities.list_rows(ws)
    assert row.title == "Hội nghị quán triệt Kết luận 57 cho cán bộ xã"
    detail = activities.get_activity(ws, row.id)
    assert (detail.task_code, detail.date, detail.location) == (
        "II.1",
        dt.date(2024, 3, 5),
        "Hội trường UBND huyện",
    )
    assert detail.values == {"hoi_nghi": 2, "kinh_phi": 3_500_000}
    assert empty.editor.activity_id == row.id  # the new row is selected
    assert empty.current_row() == row
    assert empty.count_label.text() == "Hiển thị 1/1 hoạt động"


def test_new_activity_takes_the_task_filter(qtbot: QtBot, demo: ActivitiesScreen) -> None:
    demo.task_combo.setCurrentIndex(demo.task_combo.findData("II.3.2"))
    dialog = demo.new_activity()
    assert dialog.form.task_code == "II.3.2"
    assert dialog.form.task.currentData() == "II.3.2"
    assert set(dialog.form.values) == {"value:hoat_dong", "value:an_pham", "value:doan_khach"}
    dialog.reject()


def test_a_new_activity_hidden_by_filters_is_still_shown(
    qtbot: QtBot, demo: ActivitiesScreen
) -> None:
    demo.search.setText("khong co chu nay")
    demo.apply_filters()
    assert demo.model.rowCount() == 0
    dialog = demo.new_activity()
    type_text(dialog.form.title, "Tọa đàm về chủ quyền biên giới")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert demo.search.text() == ""
    assert demo.current_row() is not None
    assert demo.current_row().title == "Tọa đàm về chủ quyền biên giới"


# -- save as you type ----------------------------------------------------------------------
def test_title_edit_is_saved_by_flush(qtbot: QtBot, demo: ActivitiesScreen) -> None:
    row = demo.model.rows[3]
    select(demo, row.id)
    title = demo.editor.form.title
    title.selectAll()
    type_text(title, "Hội nghị tuyên truyền biển đảo tại xã Ia Pal")
    assert demo.editor.has_pending()
    assert activities.get_activity(demo.ws, row.id).title == row.title  # not yet
    with qtbot.waitSignal(demo.ctx.activities_changed):
        demo.flush_edits()
    assert activities.get_activity(demo.ws, row.id).title == (
        "Hội nghị tuyên truyền biển đảo tại xã Ia Pal"
    )
    assert demo.model.rows[3].title == "Hội nghị tuyên truyền biển đảo tại xã Ia Pal"
    assert "Đã lưu" in demo.editor.saved_label.text()


def test_an_edit_survives_closing_and_reopening(
    qtbot: QtBot, demo_dir: Path, open_ws: list[Workspace]
) -> None:
    ws = open_workspace(demo_dir)
    screen = make_screen(qtbot, ws)
    activity_id = screen.model.rows[0].id
    select(screen, activity_id)
    location = screen.editor.form.location
    location.selectAll()
    type_text(location, "Nhà rông làng Ring")
    description = screen.editor.form.description
    description.setFocus()
    description.moveCursor(QTextCursor.MoveOperation.End)
    type_text(description, " Có phiên dịch tiếng Jrai.")
    # Nobody clicks anything: the pause in typing saves both fields, and the other
    # screens hear of it once the typing has stopped.
    with qtbot.waitSignal(screen.ctx.activities_changed, timeout=5000):
        qtbot.waitUntil(lambda: not screen.editor.has_pending(), timeout=3000)
    ws.close()

    again = open_workspace(demo_dir)
    open_ws.append(again)
    detail = activities.get_activity(again, activity_id)
    assert detail.location == "Nhà rông làng Ring"
    assert detail.description.endswith(" Có phiên dịch tiếng Jrai.")


def test_flush_on_close_keeps_the_field_being_typed(
    qtbot: QtBot, demo_dir: Path, open_ws: list[Workspace]
) -> None:
    ws = open_workspace(demo_dir)
    screen = make_screen(qtbot, ws)
    activity_id = screen.model.rows[1].id
    select(screen, activity_id)
    screen.editor.form.title.selectAll()
    type_text(screen.editor.form.title, "Tên sửa ngay trước khi tắt máy")
    screen.flush_edits()  # what MainWindow.closeEvent does
    ws.close()
    again = open_workspace(demo_dir)
    open_ws.append(again)
    assert activities.get_activity(again, activity_id).title == "Tên sửa ngay trước khi tắt máy"


def test_indicator_values_are_saved(qtbot: QtBot, empty: ActivitiesScreen) -> None:
    activity_id = add(empty.ws, "Hội nghị quán triệt", values={"hoi_nghi": 1, "kinh_phi": 900_000})
    empty.reload()
    select(empty, activity_id)
    form = empty.editor.form
    assert form.values["value:kinh_phi"].text() == "900.000"
    form.values["value:hoi_nghi"].setValue(7)
    form.values["value:luot_tham_du"].setValue(250)
    money = form.values["value:kinh_phi"]
    assert isinstance(money, MoneyEdit)
    money.selectAll()
    type_text(money, "12500000")
    assert money.text() == "12.500.000"
    empty.flush_edits()
    assert activities.get_activity(empty.ws, activity_id).values == {
        "hoi_nghi": 7,
        "luot_tham_du": 250,
        "kinh_phi": 12_500_000,
    }
    money.selectAll()
    qtbot.keyClick(money, Qt.Key.Key_Backspace)
    empty.flush_edits()
    assert "kinh_phi" not in activities.get_activity(empty.ws, activity_id).values


def test_empty_title_is_refused_and_the_old_one_kept(qtbot: QtBot, demo: ActivitiesScreen) -> None:
    row = demo.model.rows[0]
    select(demo, row.id)
    title = demo.editor.form.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    demo.flush_edits()
    error = demo.editor.form.errors["title"]
    assert not error.isHidden()
    assert "không được để trống" in error.text()
    assert activities.get_activity(demo.ws, row.id).title == row.title
    qtbot.keyClick(title, Qt.Key.Key_Return)  # leaving the field puts the old title back
    assert title.text() == row.title
    assert not error.isHidden()


def test_changing_the_task_asks_before_dropping_values(
    qtbot: QtBot, empty: ActivitiesScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity_id = add(empty.ws, "Hội nghị có số liệu", values={"hoi_nghi": 3})
    empty.reload()
    select(empty, activity_id)
    task = empty.editor.form.task
    answers = [False, True]
    monkeypatch.setattr(messages, "confirm", lambda *a: answers.pop(0))
    target = task.findData("II.5")
    task.setCurrentIndex(target)
    task.activated.emit(target)
    assert task.currentData() == "II.1"
    assert activities.get_activity(empty.ws, activity_id).values == {"hoi_nghi": 3}
    task.setCurrentIndex(target)
    task.activated.emit(target)
    detail = activities.get_activity(empty.ws, activity_id)
    assert (detail.task_code, detail.values) == ("II.5", {})
    wanted = {f"value:{i.code}" for i in empty.ws.plan.task("II.5").indicators}
    assert set(empty.editor.form.values) == wanted
    assert empty.current_row().task_code == "II.5"


# -- evidence -------------------------------------------------------------------------------
def photo(tmp_path: Path, name: str, seed: int = 1) -> Path:
    path = tmp_path / name
    path.write_bytes(png_bytes(320, 240, seed))
    return path


def test_attach_evidence_as_the_button_does(
    qtbot: QtBot, empty: ActivitiesScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity_id = add(empty.ws, "Tuyên truyền lưu động")
    empty.reload()
    select(empty, activity_id)
    path = photo(tmp_path, "ảnh hội nghị.png")
    with qtbot.waitSignal(empty.editor.evidence_changed, timeout=5000):
        empty.editor.attach_files([path])
    [link] = activities.get_activity(empty.ws, activity_id).evidence
    assert link.filename == "ảnh hội nghị.png"
    assert link.path.read_bytes() == path.read_bytes()
    assert empty.editor.evidence.count() == 1
    assert empty.current_row().evidence_count == 1
    assert empty.model.data(empty.model.index(0, 4)) == "1 tệp"
    qtbot.waitUntil(lambda: not empty.editor.evidence.loading())
    assert link.sha256 in evidence_module._cache  # the thumbnail was made

    # Mở: a copy under the file's own name goes to the system viewer
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    empty.editor.evidence.setCurrentRow(0)
    qtbot.mouseClick(empty.editor.open_button, Qt.MouseButton.LeftButton)
    [url] = opened
    shown = Path(url.toLocalFile())
    assert shown.name == "ảnh hội nghị.png"
    assert shown.read_bytes() == path.read_bytes()

    # Gỡ, after the question
    empty.editor.evidence.setCurrentRow(0)
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    qtbot.mouseClick(empty.editor.detach_button, Qt.MouseButton.LeftButton)
    assert activities.get_activity(empty.ws, activity_id).evidence == ()
    assert empty.editor.evidence.count() == 0


def drop_files(widget: QWidget, paths: list[Path]) -> QDropEvent:
    """Drag local files over the widget and drop them, through its window as the platform
    delivers a real drop (Qt routes it to the widget under the cursor)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window = widget.window()
    pos = QPointF(widget.mapTo(window, widget.rect().center()))
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(window.windowHandle(), enter)
    drop = QDropEvent(pos, *args)
    QApplication.sendEvent(window.windowHandle(), drop)
    return drop


def test_dropping_files_attaches_them(
    qtbot: QtBot, empty: ActivitiesScreen, tmp_path: Path
) -> None:
    activity_id = add(empty.ws, "Phát tờ gấp")
    empty.reload()
    select(empty, activity_id)
    files = [photo(tmp_path, "to-gap-1.png", 2), tmp_path / "bien-ban.pdf"]
    files[1].write_bytes(b"%PDF-1.4 bien ban")
    with qtbot.waitSignal(empty.editor.evidence_changed, timeout=5000):
        drop = drop_files(empty.editor.evidence.viewport(), files)
    assert drop.isAccepted()
    names = [e.filename for e in activities.get_activity(empty.ws, activity_id).evidence]
    assert names == ["to-gap-1.png", "bien-ban.pdf"]
    assert empty.editor.evidence.count() == 2

    # anywhere on the panel, not only on the list
    with qtbot.waitSignal(empty.editor.evidence_changed, timeout=5000):
        drop_files(empty.editor.heading, [photo(tmp_path, "anh-2.png", 3)])
    assert empty.editor.evidence.count() == 3
    assert empty.current_row().evidence_count == 3


# -- delete, undo, recycle bin ------------------------------------------------------------
def test_delete_asks_then_undo_brings_it_back(
    qtbot: QtBot, demo: ActivitiesScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = len(demo.model.rows)
    row = demo.model.rows[2]
    select(demo, row.id)

    monkeypatch.setattr(messages, "confirm", lambda *a: False)
    demo.delete_selected()
    assert demo.model.row_of(row.id) == 2  # "Không xóa": nothing happened

    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    demo.table.setFocus()
    with qtbot.waitSignal(demo.ctx.activities_changed):
        qtbot.keyClick(demo.table, Qt.Key.Key_Delete)
    assert demo.model.row_of(row.id) == -1
    assert len(demo.model.rows) == total - 1
    assert activities.list_row(demo.ws, row.id).deleted
    assert not demo.banner.isHidden()
    assert demo.current_row() is not None  # the next row took its place
    assert demo.current_row().id != row.id

    qtbot.mouseClick(demo.undo_button, Qt.MouseButton.LeftButton)
    assert demo.model.row_of(row.id) == 2
    assert demo.current_row().id == row.id
    assert not activities.list_row(demo.ws, row.id).deleted
    assert demo.banner.isHidden()


def test_ctrl_z_undoes_a_delete(
    qtbot: QtBot, demo: ActivitiesScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    row = demo.model.rows[0]
    select(demo, row.id)
    qtbot.mouseClick(demo.delete_button, Qt.MouseButton.LeftButton)
    assert demo.model.row_of(row.id) == -1
    demo.table.setFocus()
    qtbot.keyClick(demo.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo.model.row_of(row.id) == 0


def test_recycle_bin_shows_deleted_and_restores(
    qtbot: QtBot, demo: ActivitiesScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    row = demo.model.rows[5]
    select(demo, row.id)
    demo.delete_selected()
    assert demo.trash_toggle.text() == "Thùng &rác (1)"
    qtbot.mouseClick(demo.trash_toggle, Qt.MouseButton.LeftButton)
    assert shown_titles(demo) == [row.title]
    assert demo.count_label.text() == "Thùng rác: hiển thị 1/1 hoạt động đã xóa"
    assert demo.restore_button.isVisible() and not demo.delete_button.isVisible()
    qtbot.waitUntil(lambda: not demo.editor.form.title.isEnabled())  # read-only in the bin
    qtbot.mouseClick(demo.restore_button, Qt.MouseButton.LeftButton)
    assert shown_titles(demo) == []
    assert not activities.list_row(demo.ws, row.id).deleted
    demo.trash_toggle.setChecked(False)
    assert demo.model.row_of(row.id) >= 0


# -- finding ---------------------------------------------------------------------------------
def test_search_without_accents(qtbot: QtBot, demo: ActivitiesScreen) -> None:
    activity_id = add(demo.ws, "Hội nghị tuyên truyền biển đảo cho đồng bào Jrai")
    demo.ctx.activities_changed.emit()  # as another screen would announce it
    qtbot.waitUntil(lambda: demo.model.row_of(activity_id) >= 0)
    total = len(demo.model.rows)
    demo.focus_search()
    assert demo.search.hasFocus()
    type_text(demo.search, "hoi nghi bien dao")
    qtbot.waitUntil(lambda: demo.model.rowCount() < total)  # after the typing pause
    assert shown_titles(demo) == ["Hội nghị tuyên truyền biển đảo cho đồng bào Jrai"]
    assert demo.count_label.text() == f"Hiển thị 1/{total} hoạt động"
    demo.search.setText("HỘI NGHỊ")
    demo.apply_filters()
    found = [activities.get_activity(demo.ws, r.id) for r in demo.model.rows]
    assert len(found) > 1
    for a in found:  # every word, accents ignored, somewhere in the activity
        text = fold(f"{a.title} {a.location} {a.description}")
        assert "hoi" in text and "nghi" in text
    qtbot.keyClick(demo.search, Qt.Key.Key_Escape)
    demo.apply_filters()
    assert demo.model.rowCount() == total


def test_task_and_period_filters(qtbot: QtBot, empty: ActivitiesScreen) -> None:
    ws = empty.ws
    add(ws, "Quán triệt đầu năm", task="II.1", day=dt.date(2024, 1, 10))  # month 01/2024
    add(ws, "Tập huấn tháng Hai", task="II.5", day=dt.date(2024, 2, 20))  # Q1 2024
    add(ws, "Tập huấn tháng Sáu", task="II.5", day=dt.date(2024, 6, 20))  # month 07, H2
    add(ws, "Quán triệt cuối năm", task="II.1", day=dt.date(2024, 12, 20))  # year 2025
    empty.reload()
    assert empty.count_label.text() == "Hiển thị 4/4 hoạt động"

    empty.task_combo.setCurrentIndex(empty.task_combo.findData("II.5"))
    assert shown_titles(empty) == ["Tập huấn tháng Sáu", "Tập huấn tháng Hai"]
    assert empty.count_label.text() == "Hiển thị 2/4 hoạt động"

    labels = [empty.period_combo.itemText(i).strip() for i in range(empty.period_combo.count())]
    for label in (
        "Năm 2024",
        "6 tháng đầu năm 2024",
        "Quý I năm 2024",
        "Tháng 02 năm 2024",
        "Năm 2025",
    ):
        assert label in labels
    empty.period_combo.setCurrentIndex(empty.period_combo.findData("2024-Q1"))
    assert shown_titles(empty) == ["Tập huấn tháng Hai"]
    empty.task_combo.setCurrentIndex(0)
    assert shown_titles(empty) == ["Tập huấn tháng Hai", "Quán triệt đầu năm"]
    empty.period_combo.setCurrentIndex(empty.period_combo.findData("2025"))
    assert shown_titles(empty) == ["Quán triệt cuối năm"]
    empty.period_combo.setCurrentIndex(0)
    assert empty.model.rowCount() == 4


def test_rows_arrive_in_the_background(
    qtbot: QtBot, demo_dir: Path, open_ws: list[Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_module, "FIRST_PAGE", 5)
    ws = open_workspace(demo_dir)
    open_ws.append(ws)
    screen = ActivitiesScreen(AppContext(ws))
    qtbot.addWidget(screen)
    assert screen.model.rowCount() == 5  # the newest, at once
    assert screen.count_label.text().startswith("Đang tải")
    with qtbot.waitSignal(screen.rows_loaded, timeout=5000):
        pass
    assert screen.model.rowCount() == 40
    assert screen.count_label.text() == "Hiển thị 40/40 hoạt động"


# -- history -------------------------------------------------------------------------------
def test_history_lists_the_title_change(qtbot: QtBot, demo: ActivitiesScreen) -> None:
    row = demo.model.rows[0]
    select(demo, row.id)
    demo.editor.form.title.selectAll()
    type_text(demo.editor.form.title, "Tên mới sau khi sửa")
    demo.editor.form.values[next(iter(demo.editor.form.values))].setFocus()
    qtbot.mouseClick(demo.editor.history_button, Qt.MouseButton.LeftButton)
    dialog = demo.editor.history_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    lines = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert ["Tên hoạt động", row.title, "Tên mới sau khi sửa"] in [line[2:] for line in lines]
    assert lines[-1][2] == "Tạo hoạt động"
    assert lines[0][1] == demo.ws.settings.officer  # who
    dialog.reject()


# -- widgets ---------------------------------------------------------------------------------
def test_money_edit_groups_thousands(qtbot: QtBot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    type_text(edit, "12500000")
    assert edit.text() == "12.500.000"
    assert edit.value() == 12_500_000
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "1.250.000"
    edit.setValue(None)
    assert edit.value() is None
