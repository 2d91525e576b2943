"""The province's Kế hoạch screen driven as a clerk would: draft plan 157 from its .docx in
the background, find every task, correct what the checker flags (the highlight goes),
save; a bad field is outlined and saving refused with nothing kept; a draft survives the
window closing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.plan_edit import Severity, to_toml
from app.services import plan_drafts
from app.services.workspace import Workspace, open_workspace
from tests.test_province import new_province
from tests.test_ui_activities import type_text
from ui.context import AppContext
from ui.province_window import PLANS, ProvinceWindow
from ui.screens.plans.editor import PlanEditor
from ui.screens.plans.screen import PlansScreen
from ui.screens.plans.unit_picker import SelectorField, UnitPickerDialog

pytestmark = pytest.mark.gui

DOCX = Path(__file__).parent / "fixtures" / "plans" / "plan-157-KH-UBND-2024.docx"
CODES = ["II.1", "II.2", "II.3.1", "II.3.2", "II.4.1", "II.4.2", "II.5"]


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot: QtBot, prov: Workspace) -> ProvinceWindow:
    win = ProvinceWindow(AppContext(prov))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show_screen(PLANS)
    return win


def _draft(qtbot: QtBot, screen: PlansScreen) -> PlanEditor:
    screen.draft_from(DOCX, "gia-lai-2024")
    # (the screen's own slots are connected before the job starts: waiting on them
    # cannot miss a signal the job sent before the test began waiting)
    qtbot.waitUntil(lambda: screen.job is None, timeout=30000)
    assert screen.stack.currentWidget() is screen.editor
    return screen.editor


def _field(editor: PlanEditor, path: str) -> QLineEdit:
    widget = editor.pages.fields[path]
    assert isinstance(widget, QLineEdit), path
    return widget


def test_draft_correct_and_save_plan_157(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace
) -> None:
    screen = window.plans
    kept_before = [k.id for k in prov.kept]
    editor = _draft(qtbot, screen)
    assert [t["code"] for t in editor.data["tasks"]] == CODES
    # the draft is kept in the data folder before the clerk has typed anything
    assert [d.data["number"] for d in plan_drafts.drafts(prov)] == ["157/KH-UBND"]
    # with the drafter's remarks: what to compare with the document (not errors)
    remarks = {i.field for i in editor.issues if i.severity is Severity.REMARK}
    assert {"id", "reporting.kinds"} <= remarks
    assert "reporting.kinds" in plan_drafts.drafts(prov)[0].remarks
    # its id is the built-in plan's: flagged on the id field, which is outlined
    fields = {i.field for i in editor.issues}
    assert "id" in fields
    plan_id = _field(editor, "id")
    assert plan_id.property("problem")
    assert "gl-157-2024" in plan_id.toolTip()
    # II.3.1 and II.3.2 share a heading: a warning on each short title
    assert {"tasks[2].short_title", "tasks[3].short_title"} <= fields
    # the clerk picks the problem in the list: the id field gets the focus
    row = next(
        r for r in range(editor.problems.count()) if editor.problems.item(r).data(256) == "id"
    )
    editor.problems.setCurrentRow(row)
    editor._problem_chosen(editor.problems.item(row))
    assert editor.focusWidget() is plan_id or plan_id.hasFocus() or not window.isActiveWindow()
    # corrects the id and gives II.3.1 a short title: the highlights go
    plan_id.selectAll()
    qtbot.keyClicks(plan_id, "gl-157-2024-soan")
    editor.check_now()
    assert "id" not in {i.field for i in editor.issues}  # the error and the remark
    assert not _field(editor, "id").property("problem")
    editor.go_to("tasks[2].short_title")
    short = _field(editor, "tasks[2].short_title")
    assert short.property("problem")
    type_text(short, "Quảng bá hình ảnh tỉnh")
    editor.check_now()
    assert "tasks[2].short_title" not in {i.field for i in editor.issues}
    assert not _field(editor, "tasks[2].short_title").property("problem")
    # saved: kept, listed, the draft gone
    assert editor.save()
    assert "gl-157-2024-soan" in [k.id for k in prov.kept]
    assert [k.id for k in prov.kept if k.id in kept_before] == kept_before
    assert plan_drafts.drafts(prov) == []
    kept = prov.kept_plan("gl-157-2024-soan")
    assert [t.code for t in kept.plan.tasks] == CODES
    assert kept.plan.tasks[2].label.endswith("Quảng bá hình ảnh tỉnh")
    editor.go_back()
    assert screen.stack.currentIndex() == 0
    numbers = [screen.table.item(r, 3).text() for r in range(screen.table.rowCount())]
    assert any("Sở lưu" in n for n in numbers)
    assert screen.table.rowCount() == len(prov.kept)


def test_a_bad_field_is_outlined_and_saving_refused(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.plans
    screen.select_plan("gl-157-2024")
    screen.edit_selected()
    editor = screen.editor
    assert editor.editing == "gl-157-2024"
    assert editor.issues == []  # the kept plan is valid
    assert _field(editor, "id").isReadOnly()
    editor.go_to("tasks[1].code")
    code = _field(editor, "tasks[1].code")
    code.selectAll()
    qtbot.keyClicks(code, "II 2")
    qtbot.waitUntil(lambda: bool(code.property("problem")), timeout=3000)
    assert "mã nhiệm vụ" in code.toolTip()
    assert "#c62828" in code.styleSheet()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    before = plan_drafts_sha(prov)
    assert not editor.save()
    assert shown and "1 lỗi" in shown[0]
    assert plan_drafts_sha(prov) == before  # nothing kept
    assert editor.focusWidget() is code or not window.isActiveWindow()
    # the edit itself is not lost: it is in the draft of the kept plan
    draft = plan_drafts.read_draft(plan_drafts.new_path(prov, "gl-157-2024"))
    assert draft.data["tasks"][1]["code"] == "II 2" and draft.editing == "gl-157-2024"
    editor.changed = False  # the window closes without asking (the draft is kept)


def plan_drafts_sha(ws: Workspace) -> str:
    ws.reload_plans()
    return ws.kept_plan("gl-157-2024").source_sha256


def test_an_unsaved_plan_survives_closing_the_window(
    qtbot: QtBot, prov: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    win = ProvinceWindow(AppContext(prov))
    qtbot.addWidget(win)
    win.show_screen(PLANS)
    screen = win.plans
    screen.new_plan()
    editor = screen.editor
    number = _field(editor, "number")
    qtbot.keyClicks(number, "42/KH-UBND")
    asked: list[str] = []

    def keep_draft(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if "nháp" in b.text()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep_draft)
    assert win.close()
    assert asked and "42/KH-UBND" in asked[0]
    root = prov.layout.root
    prov.close()
    again = open_workspace(root)
    try:
        drafts = plan_drafts.drafts(again)
        assert [d.data["number"] for d in drafts] == ["42/KH-UBND"]
        screen2 = PlansScreen(AppContext(again))
        qtbot.addWidget(screen2)
        assert screen2.table.item(0, 0).text() == "42/KH-UBND"
        screen2.edit_selected()
        assert _field(screen2.editor, "number").text() == "42/KH-UBND"
    finally:
        again.close()


def test_units_are_picked_by_name_or_by_kind(qtbot: QtBot, prov: Workspace) -> None:
    units = prov.units
    dialog = UnitPickerDialog(units, [{"unit": "gl.svhttdl"}], "Đơn vị thực hiện")
    qtbot.addWidget(dialog)
    type_text(dialog.search, "ia")
    shown = [
        dialog.list.item(r).data(256)
        for r in range(dialog.list.count())
        if not dialog.list.item(r).isHidden()
    ]
    assert "gl.iagrai" in shown and "gl.iapa" in shown and "gl.chuse" not in shown
    dialog.check_unit("gl.iagrai")
    dialog.kind_boxes["press"].setChecked(True)
    # the unit first named stays first; new ones follow, a kind before single units
    assert dialog.selectors() == [
        {"unit": "gl.svhttdl"},
        {"kind": "press"},
        {"unit": "gl.iagrai"},
    ]
    dialog.check_unit("gl.svhttdl", False)
    assert {"unit": "gl.svhttdl"} not in dialog.selectors()


def test_a_task_gets_its_implementers_and_a_deadline(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.plans
    screen.new_plan()
    editor = screen.editor
    editor.go_to("tasks[0].code")
    assert {"tasks[0].implementers", "tasks[0].title"} <= {i.field for i in editor.issues}
    picker = editor.pages.fields["tasks[0].implementers"]
    assert isinstance(picker, SelectorField)
    assert picker.property("problem")

    def choose(dialog: UnitPickerDialog) -> int:
        dialog.kind_boxes["district"].setChecked(True)
        dialog.check_unit("gl.stttt")
        dialog.accept()
        return 1

    monkeypatch.setattr(UnitPickerDialog, "exec", choose)
    picker.choose()
    assert editor.data["tasks"][0]["implementers"] == [{"kind": "district"}, {"unit": "gl.stttt"}]
    editor.check_now()
    assert "tasks[0].implementers" not in {i.field for i in editor.issues}
    assert not editor.pages.fields["tasks[0].implementers"].property("problem")
    kind = editor.pages.fields["tasks[0].timeframe.kind"]
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("deadline"))
    kind.activated.emit(kind.currentIndex())
    assert editor.data["tasks"][0]["timeframe"]["kind"] == "deadline"
    assert editor.data["tasks"][0]["timeframe"]["deadline"] is not None
    assert "deadline = " in to_toml(editor.data)
    editor.changed = False  # the window closes without asking (the draft is kept)


def test_drafting_a_file_that_is_no_plan_says_so_and_opens_nothing(
    qtbot: QtBot, window: ProvinceWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.plans
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.screens.plans.screen.show_error", lambda _p, message, hint="": shown.append(message)
    )
    text = tmp_path / "thu-moi.txt"
    text.write_text("Thư mời họp\nKính gửi các đồng chí.\n", encoding="utf-8")
    screen.draft_from(text, "gia-lai-2024")
    assert not screen.draft_button.isEnabled()
    qtbot.waitUntil(lambda: screen.job is None, timeout=30000)
    assert shown and "thu-moi.txt" in shown[0]
    assert screen.stack.currentIndex() == 0
    assert screen.draft_button.isEnabled()


def test_a_cancelled_draft_opens_nothing(qtbot: QtBot, window: ProvinceWindow) -> None:
    screen = window.plans
    job = screen.draft_from(DOCX, "gia-lai-2024")
    screen.job_bar.cancel()
    assert job.is_cancelled()
    qtbot.waitUntil(lambda: screen.job is None, timeout=30000)
    assert screen.stack.currentIndex() == 0
    assert window.ctx is not None
    assert plan_drafts.drafts(window.ctx.ws) == []


def test_editing_a_kept_plan_saves_a_new_revision_and_keeps_its_rows(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace
) -> None:
    from sqlalchemy import select

    from db import models as m

    def task_rows() -> dict[str, int]:
        with prov.db.session() as s:
            rows = s.scalars(select(m.Task).where(m.Task.plan_id == "gl-157-2024"))
            return {t.code: t.id for t in rows}

    before_rows = task_rows()
    before_sha = prov.kept_plan("gl-157-2024").source_sha256
    screen = window.plans
    screen.select_plan("gl-157-2024")
    screen.edit_selected()
    editor = screen.editor
    editor.go_to("tasks[0].short_title")
    short = _field(editor, "tasks[0].short_title")
    short.selectAll()
    type_text(short, "Quán triệt, tuyên truyền")
    assert editor.save()
    kept = prov.kept_plan("gl-157-2024")
    assert kept.source_sha256 != before_sha
    assert kept.plan.tasks[0].label == "II.1 — Quán triệt, tuyên truyền"
    assert task_rows() == before_rows  # recorded work stays attached to the same rows
    assert plan_drafts.drafts(prov) == []
