"""Keyboard-only paths through the dialogs an officer meets first: each is completed with
key presses alone (no mouse), the way someone without a mouse, or in a hurry, works."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.demo import png_bytes
from app.services import activities
from app.services.activities import ActivityInput
from app.services.workspace import Workspace, open_workspace
from ui.context import AppContext
from ui.screens.activities import ActivitiesScreen
from ui.setup_wizard import SetupWizard
from ui.widgets import messages
from ui.widgets.editors import DateEdit

pytestmark = pytest.mark.gui

# QTest types only ASCII (its key table has no "ấ"): names are typed without accents.


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_here(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show the window and give it the keyboard, as a click on its title bar would."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def no_file_dialog(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record any file chooser opened (none should be)."""
    opened: list[str] = []

    def refuse(*_args: object, **_kwargs: object) -> tuple[str, str]:
        opened.append("file dialog")
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", refuse)
    return opened


def accelerators(widget: QWidget) -> list[str]:
    """The Alt+letter of every visible button in the window."""
    letters = []
    for button in widget.window().findChildren(QAbstractButton):
        if button.isVisible():
            found = re.search(r"&(\w)", button.text())
            if found:
                letters.append(found.group(1).lower())
    return letters


@pytest.fixture
def new_ws(tmp_path: Path) -> Workspace:
    ws = open_workspace(tmp_path / "data")
    yield ws  # type: ignore[misc]
    ws.close()


def test_setup_wizard_with_the_keyboard_alone(
    qtbot: QtBot, new_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = no_file_dialog(monkeypatch)
    wizard = SetupWizard(new_ws)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Return)  # role: a district, as pre-set
    assert wizard.currentPage() is wizard.unit_page
    assert wizard.unit_page.search.hasFocus()
    type_here(qtbot, "chu se")
    press(qtbot, Qt.Key.Key_Return)  # the only match is chosen, and Enter goes on
    assert wizard.currentPage() is wizard.people_page
    assert new_ws.units.get(wizard.unit_page.unit_id()).name.endswith("Chư Sê")

    form = wizard.people_page.form
    form.officer.setFocus()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Return)  # no names: the page does not go on
    assert wizard.currentPage() is wizard.people_page
    assert "tên người lập" in wizard.people_page.missing.text()
    type_here(qtbot, "Tran Thi Bich")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.leader_name.hasFocus()
    type_here(qtbot, "Nguyen Van Anh")
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.key_page

    key_page = wizard.key_page
    assert key_page.needs_passphrase()  # the tests have no keyring
    assert key_page.problem.styleSheet() == ""  # the rule, not yet a complaint
    key_page.passphrase.setFocus()
    type_here(qtbot, "mot cau du dai de nho")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "mot cau du dai de nho")
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.province_key_page

    letters = accelerators(wizard.province_key_page)
    assert len(letters) == len(set(letters)), letters  # Alt+T is "Tiếp" only
    wizard.province_key_page.chooser.choose_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter goes on; it does not open the chooser again
    assert not opened
    assert wizard.currentPage() is wizard.summary_page
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert new_ws.settings.is_set_up
    assert new_ws.settings.officer == "Tran Thi Bich"


def test_down_in_the_unit_search_goes_to_the_first_match(qtbot: QtBot, new_ws: Workspace) -> None:
    wizard = SetupWizard(new_ws)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    wizard.next()
    page = wizard.unit_page
    assert "chu se" not in page.search.placeholderText()  # the example is the directory's
    page.search.setFocus()
    type_here(qtbot, "chu")  # several units
    press(qtbot, Qt.Key.Key_Down)
    assert page.tree.hasFocus()
    assert page.unit_id() and page.tree.currentItem() is page.matches()[0]


def test_a_wrong_length_shows_in_red_only_once_typed(qtbot: QtBot, new_ws: Workspace) -> None:
    from app.signing.keystore import MIN_PASSPHRASE_CHARS

    wizard = SetupWizard(new_ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.unit_page.search.setText("chu se")
    wizard.unit_page.pick_single_match()
    wizard.next()
    wizard.people_page.form.officer.setText("A")
    wizard.people_page.form.leader_name.setText("B")
    wizard.next()
    page = wizard.key_page
    assert str(MIN_PASSPHRASE_CHARS) in page.problem.text()
    assert "Hoàn tất" not in page.explain.text() + page.subTitle()
    page.passphrase.setText("ngắn")
    assert "b00020" in page.problem.styleSheet()
    assert not page.isComplete()


def test_new_activity_with_the_keyboard_alone(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "hoi-nghi.png"
    photo.write_bytes(png_bytes(40, 30, 1))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(photo)], ""))
    screen = ActivitiesScreen(AppContext(workspace), load_in_background=False)
    qtbot.addWidget(screen)
    screen.show()
    dialog = screen.new_activity()
    activate(qtbot, dialog)
    assert dialog.form.title.hasFocus()
    type_here(qtbot, "Hoi nghi tuyen truyen")
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Thêm tệ&p…
    qtbot.waitUntil(lambda: dialog.paths == [photo])  # a mnemonic clicks after 100 ms
    assert not dialog.add_file_button.hasFocus()  # Enter must not open the chooser again
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    (row,) = activities.list_rows(workspace)
    assert row.title == "Hoi nghi tuyen truyen" and row.evidence_count == 1


def test_an_empty_file_is_refused_with_a_message(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bien-ban.pdf"
    empty.write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(
        messages,
        "show_error",
        lambda _p, exc, hint="": shown.append(exc if isinstance(exc, str) else exc.message),
    )
    screen = ActivitiesScreen(AppContext(workspace), load_in_background=False)
    qtbot.addWidget(screen)
    dialog = screen.new_activity()
    dialog.add_files([empty, tmp_path / "khong-co.jpg"])
    assert dialog.paths == [] and dialog.files.count() == 0
    assert len(shown) == 1 and "0 byte" in shown[0] and "khong-co.jpg" in shown[0]


def test_a_photo_shows_its_thumbnail_before_saving(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    photo = tmp_path / "anh.png"
    photo.write_bytes(png_bytes(60, 40, 2))
    screen = ActivitiesScreen(AppContext(workspace), load_in_background=False)
    qtbot.addWidget(screen)
    dialog = screen.new_activity()
    plain_icon = dialog.style().standardIcon(dialog.style().StandardPixmap.SP_FileIcon)
    dialog.add_files([photo])
    item = dialog.files.item(0)
    qtbot.waitUntil(lambda: not dialog.files.loading())
    assert item.icon().cacheKey() != plain_icon.cacheKey()
    dialog.reject()


def test_the_error_under_the_name_goes_once_a_name_is_typed(
    qtbot: QtBot, workspace: Workspace
) -> None:
    screen = ActivitiesScreen(AppContext(workspace), load_in_background=False)
    qtbot.addWidget(screen)
    dialog = screen.new_activity()
    dialog.accept()  # no name
    assert dialog.form.errors["title"].isVisibleTo(dialog)
    qtbot.keyClicks(dialog.form.title, "Tap huan")
    assert not dialog.form.errors["title"].isVisibleTo(dialog)
    assert not dialog.problems.isVisibleTo(dialog)
    dialog.reject()


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15/03/2024", dt.date(2024, 3, 15)),
        ("05032024", dt.date(2024, 3, 5)),
        ("5/3/2024", dt.date(2024, 3, 5)),
        ("31/12/2025", dt.date(2025, 12, 31)),
        ("1.2.2023", dt.date(2023, 2, 1)),
    ],
)
def test_a_date_typed_over_the_whole_field(qtbot: QtBot, typed: str, day: dt.date) -> None:
    edit = DateEdit()
    edit.setDateRange(QDate(2000, 1, 1), QDate(2026, 12, 31))
    edit.setDate(QDate(2025, 6, 10))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date() == QDate(day.year, day.month, day.day)


def test_activity_columns_sort_and_keep_the_selection(qtbot: QtBot, workspace: Workspace) -> None:
    plan = workspace.plan
    for title, day in (("Bồi dưỡng", 3), ("An toàn", 1), ("Chuyên đề", 2)):
        activities.add_activity(
            workspace,
            ActivityInput(plan.tasks[0].code, dt.date(2024, 5, day), title, "", "", {}),
        )
    screen = ActivitiesScreen(AppContext(workspace), load_in_background=False)
    qtbot.addWidget(screen)
    titles = lambda: [r.title for r in screen.model.rows]  # noqa: E731
    assert titles() == ["Bồi dưỡng", "Chuyên đề", "An toàn"]  # newest first
    screen.table.selectRow(1)
    screen.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert titles() == ["An toàn", "Bồi dưỡng", "Chuyên đề"]
    assert screen.current_row() is not None and screen.current_row().title == "Chuyên đề"
    screen.search.setText("n")  # filtering keeps the order the header shows
    screen.apply_filters()
    assert titles() == sorted(titles(), key=str.casefold)
