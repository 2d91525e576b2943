"""The setup wizard when more than one plan is kept: the unit chooses the plans it follows
(those naming it ticked), a unit no plan names is told why it cannot be chosen and can
add the plan file that names it, right there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem, QWizard
from pytestqt.qtbot import QtBot

from app.services.plans import add_plan
from app.services.workspace import Workspace, open_workspace
from ui.screens import settings_plans
from ui.screenshot_scenes import SECOND_PLAN
from ui.setup_wizard import SetupWizard

pytestmark = pytest.mark.gui

PLAN_157, PLAN_35 = "gl-157-2024", "gl-35-2025"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "data")
    yield workspace
    workspace.close()


def write_plan(folder: Path, text: str = SECOND_PLAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ke-hoach.toml"
    path.write_text(text, encoding="utf-8")
    return path


def unit_item(wizard: SetupWizard, unit_id: str) -> QTreeWidgetItem:
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    [item] = wizard.unit_page.tree.findItems(unit_id, flags, 1)
    return item


def start(qtbot: QtBot, ws: Workspace) -> SetupWizard:
    wizard = SetupWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # a reporting unit, as pre-set
    assert wizard.currentPage() is wizard.unit_page
    return wizard


def finish(wizard: SetupWizard) -> None:
    """Names, a passphrase and Hoàn tất from wherever the wizard is after the plans."""
    assert wizard.currentPage() is wizard.people_page
    wizard.people_page.form.officer.setText("Trần Thị Bích")
    wizard.people_page.form.leader_name.setText("Nguyễn Văn Ánh")
    wizard.next()
    wizard.key_page.passphrase.setText("mot cau du dai de nho")
    wizard.key_page.repeat.setText("mot cau du dai de nho")
    while wizard.currentPage() is not wizard.summary_page:
        wizard.next()
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_with_two_plans_the_unit_ticks_the_ones_it_follows(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    add_plan(ws, write_plan(tmp_path / "files"))  # kept before setup: nobody follows it yet
    wizard = start(qtbot, ws)
    wizard.unit_page.tree.setCurrentItem(unit_item(wizard, "gl.chuse"))
    wizard.next()
    page = wizard.plans_page
    assert wizard.currentPage() is page
    assert page.plan_ids() == [PLAN_157, PLAN_35]  # both name the districts: both ticked
    page.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert page.isComplete()
    page.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not page.isComplete()  # at least one plan
    page.list.item(1).setCheckState(Qt.CheckState.Checked)
    wizard.next()
    finish(wizard)
    assert [k.id for k in ws.plans] == [PLAN_35]
    assert ws.plan.id == PLAN_35
    assert ws.current.followed_since == dt.date.today()
    assert "35/KH-UBND" in wizard.summary_page.text.text()


def test_a_plan_that_does_not_name_the_unit_cannot_be_ticked(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    only_kbang = SECOND_PLAN.replace('{ kind = "district" }', '{ unit = "gl.kbang" }')
    add_plan(ws, write_plan(tmp_path / "files", only_kbang))
    wizard = start(qtbot, ws)
    wizard.unit_page.tree.setCurrentItem(unit_item(wizard, "gl.chuse"))
    wizard.next()
    page = wizard.plans_page
    assert page.plan_ids() == [PLAN_157]
    other = page.list.item(1)
    assert other.text().endswith("(không giao nhiệm vụ cho đơn vị này)")
    assert not other.flags() & Qt.ItemFlag.ItemIsUserCheckable
    wizard.next()
    finish(wizard)
    assert [k.id for k in ws.plans] == [PLAN_157]


def test_with_one_plan_the_wizard_asks_nothing_about_plans(qtbot: QtBot, ws: Workspace) -> None:
    wizard = start(qtbot, ws)
    wizard.unit_page.tree.setCurrentItem(unit_item(wizard, "gl.chuse"))
    wizard.next()
    finish(wizard)
    assert [k.id for k in ws.plans] == [PLAN_157]


def test_a_unit_no_plan_names_is_told_why_and_can_add_the_plan_that_does(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = start(qtbot, ws)
    page = wizard.unit_page
    page.tree.setCurrentItem(unit_item(wizard, "gl.btgtu"))
    assert not page.isComplete()
    assert page.problem.isVisibleTo(page)
    assert "Chưa có kế hoạch nào trên máy này giao nhiệm vụ cho Ban Tuyên giáo" in (
        page.problem.text()
    )
    assert "gl.btgtu" not in [m.text(1) for m in page.matches()]
    # the province sent a plan naming the Ban: added from the wizard
    naming = SECOND_PLAN.replace('{ kind = "district" }', '{ unit = "gl.btgtu" }')
    path = write_plan(tmp_path / "files", naming)
    monkeypatch.setattr(settings_plans, "choose_plan_file", lambda _parent: path)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text) or 0
    )
    page.add_plan_button.click()
    assert told and "Đã lưu Kế hoạch số 35/KH-UBND" in told[0]
    assert page.unit_id() == "gl.btgtu" and page.isComplete()
    assert not page.problem.isVisibleTo(page)
    wizard.next()
    assert wizard.plans_page.plan_ids() == [PLAN_35]
    wizard.next()
    finish(wizard)
    assert [k.id for k in ws.plans] == [PLAN_35]
    assert ws.own_unit().id == "gl.btgtu"


def test_a_bad_plan_file_in_the_wizard_changes_nothing(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = start(qtbot, ws)
    bad = write_plan(tmp_path / "files", SECOND_PLAN.replace('kind = "count"', 'kind = "dem"'))
    monkeypatch.setattr(settings_plans, "choose_plan_file", lambda _parent: bad)
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.informativeText()) or 0)
    wizard.unit_page.add_plan_button.click()
    assert seen and "ke-hoach.toml:" in seen[0]
    assert [k.id for k in ws.kept] == [PLAN_157]


SMALL_DIRECTORY = """\
format = "tiendo-units"
format_version = 1
id = "thu-2026"
name = "Danh mục thử năm 2026"

[[units]]
id = "thu"
name = "Ủy ban nhân dân tỉnh Thử"
short_name = "UBND tỉnh Thử"
kind = "province"
area = "tỉnh Thử"
place = "Thử"
header_issuer = "ỦY BAN NHÂN DÂN\\nTỈNH THỬ"

[[units]]
id = "thu.stttt"
name = "Sở Khoa học và Công nghệ tỉnh Thử"
short_name = "Sở KH&CN"
kind = "department"
area = "tỉnh Thử"
place = "Thử"
parent = "thu"
header_parent = "ỦY BAN NHÂN DÂN TỈNH THỬ"
header_issuer = "SỞ KHOA HỌC\\nVÀ CÔNG NGHỆ"

[[units]]
id = "thu.xa-mot"
name = "Ủy ban nhân dân xã Một"
short_name = "UBND xã Một"
kind = "commune"
area = "xã Một"
place = "Một"
parent = "thu"
header_issuer = "ỦY BAN NHÂN DÂN\\nXÃ MỘT"
"""


def test_plans_on_two_directories_list_their_units_under_each_directory(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from app.services.plans import add_directory

    folder = tmp_path / "files"
    folder.mkdir()
    directory = folder / "thu-2026.toml"
    directory.write_text(SMALL_DIRECTORY, encoding="utf-8")
    add_directory(ws, directory)
    plan = (
        SECOND_PLAN.replace('issuer_unit = "gl"', 'issuer_unit = "thu"')
        .replace('{ kind = "district" }', '{ kind = "commune" }')
        .replace('"gl.stttt"', '"thu.stttt"')
    )
    add_plan(ws, write_plan(folder, plan))
    wizard = start(qtbot, ws)
    tree = wizard.unit_page.tree
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops == ["Tỉnh Gia Lai (đơn vị hành chính năm 2024)", "Danh mục thử năm 2026"]
    tree.setCurrentItem(unit_item(wizard, "thu.xa-mot"))
    assert wizard.unit_page.isComplete()
    wizard.next()
    assert wizard.plans_page.plan_ids() == [PLAN_35]  # plan 157 does not name the xã
    wizard.next()
    finish(wizard)
    assert ws.own_unit().name == "Ủy ban nhân dân xã Một"
    assert [k.id for k in ws.plans] == [PLAN_35]
    assert ws.units.id == "thu-2026"
