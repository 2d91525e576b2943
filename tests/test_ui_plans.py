"""A unit that follows two plans, in the main window: the plan switcher (every screen then
shows that plan, the choice survives a restart, an edit is saved or the officer is asked
before it is dropped) and the overview listing each plan's reports, each opening in
Báo cáo. Message boxes are replaced by recorders."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from app.demo import run_demo
from app.errors import KnownError
from app.services import activities, reports
from app.services.workspace import Workspace, open_workspace
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens import settings_plans
from ui.screens.overview import OverviewScreen
from ui.screens.reports import dialogs as report_dialogs
from ui.screens.settings import SettingsScreen
from ui.screens.settings_plans import PlansPanel, add_plan_from_file
from ui.screenshot_scenes import SECOND_PLAN, follow_second_plan
from ui.widgets import messages

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 12, 2)
SINCE = dt.date(2026, 1, 5)  # the day the district began following plan 35
PLAN_157, PLAN_35 = "gl-157-2024", "gl-35-2025"
OVERVIEW, TASKS, ACTIVITIES, REPORTS, OUTBOX, SETTINGS = 0, 1, 2, 3, 4, 5


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo district following plan 157 since 2024 and plan 35 since 05/01/2026."""
    folder = tmp_path_factory.mktemp("two-plans") / "data"
    ws = open_workspace(folder)
    try:
        run_demo(ws, count=20)
        follow_second_plan(ws, folder.parent / "files", SINCE)
        ws.use_plan(PLAN_157, remember=True)
    finally:
        ws.close()
    return folder


@pytest.fixture
def data_dir(two_plans: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(two_plans, target)
    return target


@pytest.fixture
def ws(data_dir: Path) -> Iterator[Workspace]:
    workspace = open_workspace(data_dir)
    yield workspace
    workspace.close()


class Boxes:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[str] = []
        self.asked: list[str] = []
        self.answer = False
        for module in (messages, report_dialogs):
            monkeypatch.setattr(module, "show_error", self._error)
        monkeypatch.setattr(messages, "confirm", self._confirm)

    def _error(self, _parent: object, exc: object, hint: str = "") -> None:
        self.errors.append(str(getattr(exc, "message", exc)))

    def _confirm(self, _parent: object, _title: str, text: str, _yes: str, _no: str) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def open_window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    ctx = AppContext(ws)
    ctx.today = lambda: TODAY
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def choose_plan(window: MainWindow, plan_id: str) -> None:
    """Pick the plan in the switcher as the officer does (the combo's activation)."""
    combo = window.switcher.combo
    index = combo.findData(plan_id)
    assert index >= 0, plan_id
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def overview(window: MainWindow) -> OverviewScreen:
    return cast(OverviewScreen, window.screen_at(OVERVIEW))


def test_the_switcher_shows_the_followed_plans_and_every_screen_follows_it(
    qtbot: QtBot, ws: Workspace, data_dir: Path
) -> None:
    window = open_window(qtbot, ws)
    combo = window.switcher.combo
    assert [combo.itemData(i) for i in range(combo.count())] == [PLAN_157, PLAN_35]
    assert combo.currentText() == "157/KH-UBND"
    assert window.switcher.about.text() == "Công tác thông tin đối ngoại"
    for index in (TASKS, ACTIVITIES, REPORTS):
        window.show_screen(index)
    old_reports = window.reports
    assert window.activities.model.rowCount() > 0  # plan 157's demo activities

    choose_plan(window, PLAN_35)
    assert ws.plan.id == PLAN_35
    assert "35/KH-UBND" in overview(window).subtitle.text()
    window.show_screen(TASKS)
    tasks = window.screen_at(TASKS)
    assert [tasks.list.item(i).text()[:4] for i in range(tasks.list.count())] == ["II.1", "II.2"]
    window.show_screen(ACTIVITIES)
    qtbot.waitUntil(lambda: window.activities.loaded)
    assert window.activities.model.rowCount() == 0  # nothing recorded for plan 35 yet
    assert window.reports is not old_reports
    codes = [
        window.reports.period_combo.itemData(i) for i in range(window.reports.period_combo.count())
    ]
    assert "2026-H1" in codes and "2024" not in codes  # plan 35 was followed in 2026

    window.close()
    again = open_workspace(data_dir)  # the choice is remembered
    try:
        assert again.plan.id == PLAN_35
    finally:
        again.close()


# Opening a popup list, the offscreen platform says it cannot raise it or grab the keys.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")
def test_ctrl_k_then_the_arrow_keys_switch_the_plan(qtbot: QtBot, ws: Workspace) -> None:
    window = open_window(qtbot, ws)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_screen(REPORTS)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    view = window.switcher.combo.view()
    assert view.isVisible() and QApplication.focusWidget() is view  # the list is open
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert ws.plan.id == PLAN_35
    assert window.nav.currentRow() == REPORTS  # the same screen, now of plan 35


def test_an_edit_waiting_for_its_delay_is_saved_before_the_switch(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    window = open_window(qtbot, ws)
    window.show_screen(REPORTS)
    screen = window.reports
    screen.select_period("2024")
    report_id = screen.editor.report_id
    assert report_id is not None
    screen.editor.overall.setPlainText("Đánh giá viết ngay trước khi đổi kế hoạch.")
    choose_plan(window, PLAN_35)
    assert ws.plan.id == PLAN_35 and not boxes.asked
    assert reports.report_fields(ws, report_id)["overall"] == (
        "Đánh giá viết ngay trước khi đổi kế hoạch."
    )


def test_an_edit_that_cannot_be_saved_is_not_dropped_without_asking(
    qtbot: QtBot, ws: Workspace, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, ws)
    window.show_screen(REPORTS)
    screen = window.reports
    screen.select_period("2024")
    reports_screen = screen

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise KnownError("Ổ đĩa đã đầy.", "Giải phóng dung lượng rồi thử lại.")

    monkeypatch.setattr(reports, "update_report", disk_full)
    screen.editor.overall.setPlainText("Chưa lưu được.")
    choose_plan(window, PLAN_35)
    assert boxes.errors == ["Ổ đĩa đã đầy."]
    assert len(boxes.asked) == 1 and "Báo cáo" in boxes.asked[0]
    assert ws.plan.id == PLAN_157  # the officer chose to stay
    assert window.switcher.current_id() == PLAN_157
    assert window.reports is reports_screen


def test_a_running_export_keeps_the_plan(qtbot: QtBot, ws: Workspace, boxes: Boxes) -> None:
    window = open_window(qtbot, ws)
    window.show_screen(OUTBOX)
    outbox = window.screen_at(OUTBOX)
    outbox.job = object()  # an export under way
    choose_plan(window, PLAN_35)
    assert ws.plan.id == PLAN_157 and boxes.errors
    assert window.switcher.current_id() == PLAN_157
    outbox.job = None


def test_the_overview_lists_each_plans_reports(qtbot: QtBot, ws: Workspace) -> None:
    window = open_window(qtbot, ws)
    listed = overview(window).due_list.reports()
    assert [(plan, period) for plan, period, _text in listed] == [
        (PLAN_157, "2025-H1"),
        (PLAN_157, "2025"),
        (PLAN_157, "2026-H1"),
        (PLAN_157, "2026"),
        (PLAN_35, "2026-H1"),
        (PLAN_35, "2026"),
    ]
    texts = [text for _p, _c, text in listed]
    assert texts[0] == "Báo cáo 6 tháng đầu năm 2025 — quá hạn (hạn 19/06/2025)"
    assert texts[-1].startswith("Tiếp theo: báo cáo năm 2026 — hạn ")
    tree = overview(window).due_list
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headings == [
        "157/KH-UBND — Công tác thông tin đối ngoại",
        "35/KH-UBND — Công tác tuyên truyền chuyển đổi số",
    ]


def test_enter_on_another_plans_late_report_opens_its_draft(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    window = open_window(qtbot, ws)
    tree = overview(window).due_list
    it = QTreeWidgetItemIterator(tree)
    target = None
    while (item := it.value()) is not None:
        if item.data(0, Qt.ItemDataRole.UserRole) == (PLAN_35, "2026-H1"):
            target = item
        it += 1
    assert target is not None
    tree.setFocus()
    tree.setCurrentItem(target)
    with qtbot.waitSignal(window.ctx.reports_changed, timeout=10_000):  # type: ignore[union-attr]
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert ws.plan.id == PLAN_35
    assert window.nav.currentRow() == REPORTS
    screen = window.reports
    assert screen.period is not None and screen.period.code == "2026-H1"
    qtbot.waitUntil(lambda: screen.shown is not None)
    summary = reports.latest(ws, "2026-H1")
    assert summary is not None and summary.state == "draft"
    assert screen.shown is not None and screen.shown.id == summary.id
    assert window.switcher.current_id() == PLAN_35
    assert not boxes.errors


def test_a_new_install_lists_nothing_from_before_it_existed(qtbot: QtBot, tmp_path: Path) -> None:
    from dataclasses import replace

    from app.services.setup import apply_setup, default_settings

    ws = open_workspace(tmp_path / "new")
    try:
        settings = replace(default_settings(ws, "unit", "gl.chuse"), officer="A", leader_name="B")
        apply_setup(ws, settings, today=TODAY)
        window = open_window(qtbot, ws)
        listed = overview(window).due_list.reports()
        assert [(p, c) for p, c, _t in listed] == [(PLAN_157, "2026")]
        assert "Không có nhiệm vụ nào trễ hạn" in overview(window).late_card.body.text()
        window.close()
    finally:
        ws.close()


def test_activities_recorded_after_the_switch_belong_to_the_new_plan(
    qtbot: QtBot, ws: Workspace
) -> None:
    window = open_window(qtbot, ws)
    choose_plan(window, PLAN_35)
    activities.add_activity(
        ws,
        activities.ActivityInput(task_code="II.1", date=dt.date(2026, 3, 2), title="Tọa đàm"),
        [],
    )
    window.ctx.activities_changed.emit()  # type: ignore[union-attr]
    window.show_screen(ACTIVITIES)
    qtbot.waitUntil(lambda: window.activities.loaded)
    assert [r.title for r in window.activities.all_rows] == ["Tọa đàm"]
    choose_plan(window, PLAN_157)
    window.show_screen(ACTIVITIES)
    qtbot.waitUntil(lambda: window.activities.loaded)
    assert "Tọa đàm" not in [r.title for r in window.activities.all_rows]


# --- Cài đặt › Kế hoạch theo dõi -----------------------------------------------------------


class Box:
    """Stands in for QMessageBox.exec and QMessageBox.information: records the text, and
    presses the button whose text starts with ``press`` (none: the box is closed)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seen: list[str] = []
        self.press = ""
        box = self

        def fake_exec(message: QMessageBox) -> int:
            box.seen.append(f"{message.text()}\n{message.informativeText()}")
            for button in message.buttons():
                if box.press and button.text().replace("&", "").startswith(box.press):
                    button.click()
            return 0

        def fake_information(_parent: object, _title: str, text: str, *_a: object) -> int:
            box.seen.append(text)
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        monkeypatch.setattr(QMessageBox, "information", fake_information)


def plan_file(folder: Path, *, plan_id: str, number: str, text: str = SECOND_PLAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{plan_id}.toml"
    path.write_text(
        text.replace('id = "gl-35-2025"', f'id = "{plan_id}"').replace("35/KH-UBND", number),
        encoding="utf-8",
    )
    return path


def settings_panel(qtbot: QtBot, window: MainWindow) -> PlansPanel:
    window.show_screen(SETTINGS)
    panel = cast(SettingsScreen, window.screen_at(SETTINGS)).plans
    assert panel is not None
    return panel


def test_the_plans_panel_lists_what_the_unit_follows_and_switches(
    qtbot: QtBot, ws: Workspace
) -> None:
    window = open_window(qtbot, ws)
    panel = settings_panel(qtbot, window)
    rows = [
        [panel.table.topLevelItem(i).text(c) for c in range(4)]  # type: ignore[union-attr]
        for i in range(panel.table.topLevelItemCount())
    ]
    assert rows[0][0] == "157/KH-UBND\nngày 22/01/2024\n(đang làm việc)"
    assert rows[0][1].startswith("Triển khai thực hiện") and rows[0][3] == "22/01/2024"
    assert rows[1] == [
        "35/KH-UBND\nngày 10/03/2025",
        "Tuyên truyền chuyển đổi số trên địa bàn tỉnh Gia Lai năm 2025 và những năm tiếp theo",
        "Ủy ban nhân dân tỉnh Gia Lai",
        "05/01/2026",
    ]
    assert not panel.use_button.isEnabled()  # the current plan is the one chosen
    panel.table.setCurrentItem(panel.table.topLevelItem(1))
    assert panel.use_button.isEnabled()
    panel.use_button.click()
    assert ws.plan.id == PLAN_35 and window.switcher.current_id() == PLAN_35
    assert panel.table.topLevelItem(1).text(0).endswith("(đang làm việc)")  # type: ignore[union-attr]


def test_a_bad_plan_file_is_refused_with_its_line_and_nothing_is_installed(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = Box(monkeypatch)
    window = open_window(qtbot, ws)
    panel = settings_panel(qtbot, window)
    bad = plan_file(
        tmp_path,
        plan_id="gl-9-2026",
        number="9/KH-UBND",
        text=SECOND_PLAN.replace("due_month = 7", "due_month = 13"),
    )
    line = bad.read_text(encoding="utf-8").splitlines().index("due_month = 13") + 1
    kept = [k.id for k in ws.kept]
    assert not add_plan_from_file(panel, window.ctx, bad)  # type: ignore[arg-type]
    [said] = box.seen
    assert "gl-9-2026.toml có 1 lỗi nên chưa được thêm" in said
    assert f"gl-9-2026.toml:{line}: budget.due_month:" in said
    assert [k.id for k in ws.kept] == kept
    assert open_workspace_ids(ws) == kept  # nothing stored either
    assert panel.plan_ids() == [PLAN_157, PLAN_35]


def open_workspace_ids(ws: Workspace) -> list[str]:
    from app.services.catalog import load_directories, load_plans

    directories = {d.id: d.directory for d in load_directories(ws.db)}
    return [k.id for k in load_plans(ws.db, directories)]


def test_a_plan_naming_the_unit_is_followed_from_today_and_can_be_worked_on_at_once(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = Box(monkeypatch)
    box.press = "Làm việc với kế hoạch này"
    window = open_window(qtbot, ws)
    panel = settings_panel(qtbot, window)
    good = plan_file(tmp_path, plan_id="gl-9-2026", number="9/KH-UBND")
    monkeypatch.setattr(settings_plans, "choose_plan_file", lambda _parent: good)
    panel.add_button.click()
    assert "Đã thêm Kế hoạch số 9/KH-UBND" in box.seen[0]
    assert ws.plan.id == "gl-9-2026"
    assert ws.current.followed_since == dt.date.today()
    assert panel.plan_ids() == [PLAN_157, PLAN_35, "gl-9-2026"]
    combo = window.switcher.combo
    assert [combo.itemData(i) for i in range(combo.count())][-1] == "gl-9-2026"
    assert window.switcher.current_id() == "gl-9-2026"


def test_a_plan_that_gives_the_unit_no_task_is_kept_but_not_followed(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = Box(monkeypatch)
    window = open_window(qtbot, ws)
    panel = settings_panel(qtbot, window)
    other = plan_file(
        tmp_path,
        plan_id="gl-9-2026",
        number="9/KH-UBND",
        text=SECOND_PLAN.replace('{ kind = "district" }', '{ unit = "gl.kbang" }'),
    )
    assert add_plan_from_file(panel, window.ctx, other)  # type: ignore[arg-type]
    assert "không giao nhiệm vụ nào cho Ủy ban nhân dân huyện Chư Sê" in box.seen[0]
    assert panel.plan_ids() == [PLAN_157, PLAN_35]
    assert ws.plan.id == PLAN_157


def test_last_years_late_report_is_offered_without_activities() -> None:
    from app.calendar import PeriodKind
    from ui.screens.reports import period_rows

    kinds = [PeriodKind.HALF, PeriodKind.YEAR]
    rows = period_rows(kinds, 5, [], [], dt.date(2027, 1, 10), show_all=False, since=SINCE)
    assert [(r.period.code, r.late) for r in rows if r.period.year == 2026] == [
        ("2026-H1", True),
        ("2026", True),
    ]
    # followed only since 2027: last year asks for nothing, so it is not offered
    later = period_rows(
        kinds, 5, [], [], dt.date(2027, 1, 10), show_all=False, since=dt.date(2027, 1, 2)
    )
    assert all(r.period.year == 2027 for r in later)


def test_an_activity_title_being_typed_is_saved_before_the_switch(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window = open_window(qtbot, ws)
    window.show_screen(ACTIVITIES)
    screen = window.activities
    qtbot.waitUntil(lambda: screen.loaded)
    activity_id = screen.model.rows[0].id
    assert screen.select_activity(activity_id)
    qtbot.waitUntil(lambda: screen.editor.activity_id == activity_id)
    title = screen.editor.form.title
    title.selectAll()
    for ch in "Tên sửa rồi đổi kế hoạch ngay":  # one key event per character, as typed
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                title, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    assert screen.editor.has_pending()  # still waiting for the pause
    choose_plan(window, PLAN_35)
    assert ws.plan.id == PLAN_35 and not boxes.asked
    assert activities.get_activity(ws, activity_id).title == "Tên sửa rồi đổi kế hoạch ngay"


def test_the_outbox_lists_only_the_current_plans_packages(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from app.services import packages

    packages.ensure_key(ws)
    packages.export_package(ws, "2024-H1", tmp_path / "usb", finalize=True)
    window = open_window(qtbot, ws)
    window.show_screen(OUTBOX)
    outbox = window.screen_at(OUTBOX)
    assert [r.period for r in outbox.model.rows] == ["2024-H1"]
    choose_plan(window, PLAN_35)
    outbox = window.screen_at(OUTBOX)
    assert outbox.model.rows == []  # plan 35 has sent nothing
    assert [r.period for r in packages.outbox(ws)] == ["2024-H1"]  # every plan's, for the CLI


def test_a_newer_file_of_the_plan_in_use_shows_at_once(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = Box(monkeypatch)
    window = open_window(qtbot, ws)
    choose_plan(window, PLAN_35)
    window.show_screen(TASKS)
    amended = SECOND_PLAN.replace(
        "[budget]",
        '[[tasks]]\ncode = "II.3"\ntitle = "Đánh giá kết quả"\ncontent = ["Đánh giá."]\n'
        'implementers_text = "UBND các huyện."\nimplementers = [{ kind = "district" }]\n'
        'timeframe = { kind = "recurring", text = "Thường xuyên" }\n\n[budget]',
    )
    path = plan_file(tmp_path, plan_id=PLAN_35, number="35/KH-UBND", text=amended)
    panel = settings_panel(qtbot, window)
    assert add_plan_from_file(panel, window.ctx, path)  # type: ignore[arg-type]
    assert not box.seen  # an update of a followed plan is said in the status bar
    window.show_screen(TASKS)
    tasks = window.screen_at(TASKS)
    codes = [tasks.list.item(i).text()[:4] for i in range(tasks.list.count())]
    assert codes == ["II.1", "II.2", "II.3"]


def test_a_kept_plan_the_unit_stopped_following_can_be_followed_again(
    qtbot: QtBot, ws: Workspace
) -> None:
    from app.services.plans import stop_following

    stop_following(ws, PLAN_35)
    window = open_window(qtbot, ws)
    combo = window.switcher.combo
    assert [combo.itemData(i) for i in range(combo.count())] == [PLAN_157]
    panel = settings_panel(qtbot, window)
    assert panel.plan_ids() == [PLAN_157, PLAN_35]
    row = panel.table.topLevelItem(1)
    assert row is not None and row.text(3) == "chưa theo dõi"
    panel.table.setCurrentItem(row)
    assert panel.use_button.text().replace("&", "") == "Theo dõi kế hoạch này"
    panel.use_button.click()
    assert [k.id for k in ws.plans] == [PLAN_157, PLAN_35]
    assert ws.plan.id == PLAN_35 and ws.current.followed_since == dt.date.today()
    assert [combo.itemData(i) for i in range(combo.count())] == [PLAN_157, PLAN_35]


def test_the_unit_stops_following_a_plan_and_can_follow_it_again(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    window = open_window(qtbot, ws)
    panel = settings_panel(qtbot, window)
    assert not panel.stop_button.isEnabled()  # the plan worked on: switch first
    panel.table.setCurrentItem(panel.table.topLevelItem(1))
    assert panel.selected_id() == PLAN_35 and panel.stop_button.isEnabled()
    kept_activities = len(activities.list_rows(ws))
    boxes.answer = False  # "Không": nothing changes
    assert not panel.stop_selected()
    assert [k.id for k in ws.plans] == [PLAN_157, PLAN_35]
    boxes.answer = True
    assert panel.stop_selected()
    assert "35/KH-UBND" in boxes.asked[-1]
    assert [k.id for k in ws.plans] == [PLAN_157]
    combo = window.switcher.combo
    assert [combo.itemData(i) for i in range(combo.count())] == [PLAN_157]
    # still listed, not followed: the same button follows it again from today
    assert panel.plan_ids() == [PLAN_157, PLAN_35]
    assert panel.table.topLevelItem(1).text(3) == "chưa theo dõi"  # type: ignore[union-attr]
    panel.table.setCurrentItem(panel.table.topLevelItem(1))
    assert not panel.stop_button.isEnabled()
    assert panel.use_button.text() == "Theo dõi kế hoạch nà&y"
    panel.use_button.click()
    assert ws.plan.id == PLAN_35 and PLAN_35 in {k.id for k in ws.plans}
    ws.use_plan(PLAN_157, remember=False)
    assert len(activities.list_rows(ws)) == kept_activities  # nothing recorded was lost


def screen_texts(screen: OverviewScreen) -> tuple[object, ...]:
    """What the overview shows: the plan, its reports, the cards and the task table."""
    model = screen.model
    table = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    return (
        screen.subtitle.text(),
        screen.due_list.reports(),
        screen.late_card.body.text(),
        screen.count_card.body.text(),
        table,
    )


def test_the_first_look_shows_what_the_open_workspace_shows_and_goes_on_working(
    qtbot: QtBot, data_dir: Path, boxes: Boxes
) -> None:
    """Before the workspace is open, the start-up puts up the overview read with SQLite
    alone: the same texts as once it is open. A report chosen there opens once it is."""
    from app.paths import DataLayout
    from app.services.overview import first_look
    from app.settings import glance

    database = DataLayout(data_dir).database
    known = glance(database)
    assert known is not None
    look = first_look(database, known.settings, TODAY)
    assert look is not None
    window = MainWindow(unit_name=known.unit_name, unit_short_name=known.unit_short_name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_first_look(look)
    screen = window.stack.currentWidget()
    assert isinstance(screen, OverviewScreen) and screen.ctx is None
    qtbot.waitUntil(lambda: screen.shown is not None)
    assert screen.charts is None and screen.charts_waiting.isVisible()
    # the switcher names the plans already, and waits for the workspace to switch
    assert window.switcher.combo.count() == 2 and window.switcher.current_id() == PLAN_157
    assert not window.switcher.isEnabled()

    ws = open_workspace(data_dir)
    try:
        reference = open_window(qtbot, ws)  # the window as it is once the data is open
        assert screen_texts(screen) == screen_texts(overview(reference))
        assert {plan for plan, _code, _text in screen.due_list.reports()} == {PLAN_157, PLAN_35}
        reference.close()

        tree = screen.due_list
        it = QTreeWidgetItemIterator(tree)
        while (target := it.value()) is not None:
            if target.data(0, Qt.ItemDataRole.UserRole) == (PLAN_35, "2026-H1"):
                break
            it += 1
        assert target is not None
        tree.setFocus()
        tree.setCurrentItem(target)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        assert screen.pending == (PLAN_35, "2026-H1")
        assert "khi dữ liệu đã mở xong" in window.statusBar().currentMessage()

        ctx = AppContext(ws)
        ctx.today = lambda: TODAY
        with qtbot.waitSignal(ctx.reports_changed, timeout=10_000):  # the draft it makes
            window.attach(ctx)
        assert window.nav.currentRow() == REPORTS and ws.plan.id == PLAN_35
        assert window.reports.period is not None and window.reports.period.code == "2026-H1"
        assert screen.pending is None
        assert "khi dữ liệu đã mở xong" not in window.statusBar().currentMessage()
        assert not boxes.errors
    finally:
        window.close()
        ws.close()


def test_the_first_look_becomes_the_overview_with_its_charts(qtbot: QtBot, data_dir: Path) -> None:
    from app.paths import DataLayout
    from app.services.overview import first_look
    from app.settings import glance

    database = DataLayout(data_dir).database
    known = glance(database)
    assert known is not None
    look = first_look(database, known.settings, TODAY)
    assert look is not None
    window = MainWindow(unit_name=known.unit_name)
    qtbot.addWidget(window)
    window.show()
    window.show_first_look(look)
    screen = overview_preview = window.stack.currentWidget()
    assert isinstance(screen, OverviewScreen)
    ws = open_workspace(data_dir)
    try:
        ctx = AppContext(ws)
        ctx.today = lambda: TODAY
        window.attach(ctx)
        assert overview(window) is overview_preview and screen.ctx is ctx  # not built again
        qtbot.waitUntil(lambda: screen.charts is not None)
        assert not screen.charts_waiting.isVisible()
        activities.add_activity(  # the open screen follows the workspace now
            ws, activities.ActivityInput("II.1", TODAY, "Hội nghị mới"), []
        )
        before = screen.count_card.body.text()
        ctx.activities_changed.emit()
        assert screen.count_card.body.text() != before
    finally:
        window.close()
        ws.close()


def test_a_narrow_report_list_wraps_its_entries_instead_of_cutting_them(
    qtbot: QtBot, ws: Workspace
) -> None:
    """At 1024×768, in English, "Report for first half of 2025 — overdue (due 19/06/2025)"
    was cut to "… overdue (due …": each row now grows to its wrapped text."""
    from PySide6.QtCore import QRect

    from app.services.overview import reports_by_plan
    from ui.screens.overview import DueReportsList

    tree = DueReportsList("en")
    qtbot.addWidget(tree)
    tree.fill(reports_by_plan(ws, TODAY), TODAY)
    tree.resize(260, 600)
    tree.show()
    qtbot.waitExposed(tree)
    it = QTreeWidgetItemIterator(tree)
    heights = []
    while (item := it.value()) is not None:
        rect = tree.visualItemRect(item)
        needed = QFontMetrics(item.font(0)).boundingRect(
            QRect(0, 0, rect.width(), 10_000), int(Qt.TextFlag.TextWordWrap), item.text(0)
        )
        assert rect.height() >= needed.height(), item.text(0)
        heights.append(rect.height())
        it += 1
    line = QFontMetrics(tree.font()).height()
    assert min(heights) > 1.5 * line  # every entry takes two lines or more at this width
    tree.resize(1200, 600)  # and one again when there is room
    qtbot.waitUntil(lambda: tree.visualItemRect(tree.topLevelItem(0)).height() < 1.5 * line)
