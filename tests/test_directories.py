"""The province's directory manager: the 2025 directory built from the official list in
a background job and kept, bodies added from templates (editable), edited and removed,
each save a new version, a removal a plan forbids refused with the core's message; the
units grouped (xã, phường, sở …) and searchable. Core and GUI (pytest-qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.directory_edit import TEMPLATES, from_template, put_unit, render_units, without_unit
from app.errors import ConfigError
from app.plan_units import grouped, unit_group
from app.services import directories as dirs
from app.services.plans import add_plan, directories
from app.services.workspace import Workspace
from app.units import UnitKind, load_units
from tests.test_plans import PLAN_2025
from tests.test_province import new_province
from ui.context import AppContext

DAY = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def built() -> str:
    return dirs.build_text("Gia Lai", as_of=DAY)[1]


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


def _template(suffix: str) -> int:
    return next(i for i, t in enumerate(TEMPLATES) if t.suffix == suffix)


# --- core --------------------------------------------------------------------------------


def test_templates_carry_the_2025_names_of_the_directory_province(built: str) -> None:
    directory = load_units(built)
    made = {t.suffix: from_template(directory, t) for t in TEMPLATES}
    assert made["skhcn"].name == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    assert made["skhcn"].header_parent == "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
    assert made["baoptth"].name == "Báo và Phát thanh, Truyền hình Gia Lai"
    assert made["baoptth"].header_parent == "TỈNH ỦY GIA LAI"
    assert made["btgdv"].name == "Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai"
    assert made["btgdv"].kind is UnitKind.PARTY
    assert made["mttq"].header_issuer == "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH GIA LAI"
    # the merged-away Sở TT&TT is offered nowhere
    assert not any("Thông tin và Truyền thông" in u.name for u in made.values())
    assert {u.id for u in made.values()} == {f"gia-lai.{t.suffix}" for t in TEMPLATES}
    # a second Sở Nội vụ gets a free id; a city has a Thành ủy
    with_snv = put_unit(directory, made["snv"])
    assert from_template(with_snv, TEMPLATES[_template("snv")]).id == "gia-lai.snv-2"
    hanoi = load_units(dirs.build_text("Hà Nội", as_of=DAY)[1])
    assert from_template(hanoi, TEMPLATES[_template("btc")]).name == "Ban Tổ chức Thành ủy Hà Nội"


def test_units_are_grouped_xa_phuong_and_bodies(built: str) -> None:
    directory = load_units(built)
    added = put_unit(directory, from_template(directory, TEMPLATES[_template("svhttdl")]))
    groups = dict(grouped(added.units))
    assert list(groups) == ["province", "department", "commune-xa", "commune-phuong"]
    assert (len(groups["commune-xa"]), len(groups["commune-phuong"])) == (110, 25)
    assert unit_group(added.get("gia-lai.phuong-pleiku")) == "commune-phuong"
    # the written file reads back the same
    again = load_units(render_units(added, ["# bản thử"]))
    assert again == added


def test_official_units_cannot_be_edited_or_removed_here(built: str) -> None:
    directory = load_units(built)
    xa = directory.get("gia-lai.xa-ia-o")
    with pytest.raises(ConfigError, match="danh sách chính thức"):
        without_unit(directory, xa.id)
    with pytest.raises(ConfigError, match="Chỉ thêm, sửa"):
        put_unit(directory, replace(xa, name="Xã khác"), replacing=xa.id)
    unit = from_template(directory, TEMPLATES[0])
    with pytest.raises(ConfigError, match="đã có trong danh mục"):
        put_unit(directory, replace(unit, id="gia-lai.xa-ia-o"))
    with pytest.raises(ConfigError, match="Chưa nhập tên đầy đủ"):
        put_unit(directory, replace(unit, name=" "))


def test_each_save_is_a_new_version_and_a_named_unit_cannot_go(
    prov: Workspace, built: str, tmp_path: Path
) -> None:
    kept = dirs.keep_built(prov, built)
    assert kept.directory.id == "gia-lai-2025"
    assert dirs.versions(prov, "gia-lai-2025")[-1].number == 1
    directory = prov.directories["gia-lai-2025"]
    for suffix in ("svhttdl", "skhcn"):
        unit = from_template(directory, TEMPLATES[_template(suffix)])
        directory = dirs.save_directory(prov, put_unit(directory, unit)).directory
    info = next(d for d in directories(prov) if d.id == "gia-lai-2025")
    assert info.version == 3 and info.kinds["department"] == 2
    assert [v.number for v in dirs.versions(prov, "gia-lai-2025")] == [1, 2, 3]
    assert dirs.versions(prov, "gia-lai-2025")[-1].saved_by == "Lê Văn Tỉnh"
    # the stored file keeps its opening comments
    assert dirs.stored_text(prov, "gia-lai-2025").startswith("# Danh mục đơn vị tỉnh Gia Lai")
    plan = tmp_path / "gl-42-2025.toml"
    plan.write_text(PLAN_2025, encoding="utf-8")
    add_plan(prov, plan)
    with pytest.raises(ConfigError, match="gl-42-2025") as refused:
        dirs.save_directory(prov, without_unit(directory, "gia-lai.svhttdl"))
    assert "gia-lai.svhttdl" in refused.value.message
    assert "gia-lai.svhttdl" in prov.directories["gia-lai-2025"]
    assert dirs.versions(prov, "gia-lai-2025")[-1].number == 3
    # building again keeps the bodies the province added
    again = dirs.keep_built(prov, built)
    assert {"gia-lai.svhttdl", "gia-lai.skhcn"} <= {u.id for u in again.directory}


def test_a_cancelled_build_raises_its_own_error() -> None:
    with pytest.raises(dirs.BuildCancelled):
        dirs.build_text("Gia Lai", as_of=DAY, cancelled=lambda: True)


# --- GUI ---------------------------------------------------------------------------------


@pytest.mark.gui
def test_the_clerk_builds_adds_edits_and_removes_in_the_window(
    qtbot: QtBot, prov: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.province_window import DIRECTORIES, ProvinceWindow
    from ui.screens.directories import screen as module
    from ui.screens.directories.dialogs import UnitDialog

    errors: list[str] = []
    monkeypatch.setattr(module, "show_error", lambda _p, e, h="": errors.append(str(e) + h))
    window = ProvinceWindow(AppContext(prov))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show_screen(DIRECTORIES)
    screen = window.screen_at(DIRECTORIES)
    assert isinstance(screen, module.DirectoriesScreen)
    assert [i.id for i in screen.infos] == ["gia-lai-2024"]
    job = screen.start_build("gia lai", today=DAY)
    assert job is not None
    assert not screen.job_bar.isHidden() and not screen.build_button.isEnabled()
    qtbot.waitUntil(lambda: screen.job is None, timeout=30_000)
    assert not errors
    assert screen.job_bar.bar.maximum() == 3  # the job's steps were shown
    assert screen.start_build("Atlantis", today=DAY) is not None  # no such province
    qtbot.waitUntil(lambda: screen.job is None, timeout=30_000)
    assert errors.pop().startswith("Không có tỉnh, thành phố nào tên «Atlantis»")
    assert [i.id for i in screen.infos] == ["gia-lai-2024", "gia-lai-2025"]  # unchanged
    assert screen.job_bar.isHidden() and screen.build_button.isEnabled()
    assert screen.current_id() == "gia-lai-2025"
    assert screen.table.item(1, 2).text().startswith("Xã: 110")
    assert "Phường: 25" in screen.table.item(1, 2).text()
    titles = [screen.tree.topLevelItem(i).text(0) for i in range(screen.tree.topLevelItemCount())]
    assert titles == ["Ủy ban nhân dân tỉnh, thành phố (1)", "Xã (110)", "Phường (25)"]
    screen.search.setText("pleiku")
    assert screen.visible_unit_ids() == ["gia-lai.phuong-pleiku"]
    screen.search.setText("23")  # an official code
    assert all(
        screen.ctx.ws.directories["gia-lai-2025"].get(u).code.startswith("23")  # type: ignore[union-attr]
        or "23" in u
        for u in screen.visible_unit_ids()
    )
    screen.search.clear()
    # the dialog: a template fills every field, which stays editable
    directory = screen.current_directory()
    assert directory is not None
    dialog = UnitDialog(directory, None, screen)
    dialog.choose_template(_template("svhttdl"))
    assert dialog.name.text() == "Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai"
    dialog.short_name.setText("Sở VH-TT-DL")
    unit = dialog.unit()
    assert unit.short_name == "Sở VH-TT-DL" and unit.header_issuer.startswith("SỞ VĂN HÓA")
    dialog.unit_id.setText("gia-lai.xa-ia-o")
    dialog.accept()
    assert "đã có trong danh mục" in dialog.problems.text()
    dialog.close()
    assert screen.add_unit(unit)
    skhcn = from_template(screen.current_directory(), TEMPLATES[_template("skhcn")])  # type: ignore[arg-type]
    assert screen.add_unit(skhcn)
    assert screen.selected_unit().id == "gia-lai.skhcn"  # type: ignore[union-attr]
    assert screen.edit_button.isEnabled() and screen.remove_button.isEnabled()
    assert "(lưu" in screen.table.item(1, 1).text() and screen.infos[1].version == 3
    history = screen.table.item(1, 1).toolTip().splitlines()
    assert len(history) == 3 and history[2].startswith("Phiên bản 3:")
    assert history[2].endswith("Lê Văn Tỉnh")
    assert screen.edit_unit("gia-lai.skhcn", replace(skhcn, short_name="Sở KHCN"))
    assert prov.directories["gia-lai-2025"].get("gia-lai.skhcn").short_name == "Sở KHCN"
    # a plan names the Sở: removing it is refused with the core's message
    plan = tmp_path / "gl-42-2025.toml"
    plan.write_text(PLAN_2025, encoding="utf-8")
    add_plan(prov, plan)
    assert not screen.remove_unit("gia-lai.svhttdl")
    assert errors and "gl-42-2025" in errors[-1] and "gia-lai.svhttdl" in errors[-1]
    assert "gia-lai.svhttdl" in prov.directories["gia-lai-2025"]
    # an official unit: nothing to edit
    screen.select_unit("gia-lai.xa-ia-o")
    assert not screen.edit_button.isEnabled() and "chính thức" in screen.note.text()


@pytest.mark.gui
def test_status_and_keys_group_units_and_keys_list_every_plan(
    qtbot: QtBot, prov: Workspace, built: str, tmp_path: Path
) -> None:
    from ui.screens.province_keys import KeysScreen
    from ui.screens.province_status import StatusScreen

    directory = dirs.keep_built(prov, built).directory
    for suffix in ("svhttdl", "skhcn"):
        directory = dirs.save_directory(
            prov, put_unit(directory, from_template(directory, TEMPLATES[_template(suffix)]))
        ).directory
    plan = tmp_path / "gl-42-2025.toml"
    plan.write_text(PLAN_2025, encoding="utf-8")
    add_plan(prov, plan)
    assert prov.plan.id == "gl-157-2024"
    # the keys screen: plan 157's units and the new plan's, grouped
    keys = KeysScreen(AppContext(prov))
    qtbot.addWidget(keys)
    headings = [keys.table.item(r, 0).text() for r, row in enumerate(keys.rows) if row[1] is None]  # type: ignore[union-attr]
    assert headings == [
        "Sở, ban, ngành (3 đơn vị)",
        "Cơ quan báo chí (2 đơn vị)",
        "Ủy ban nhân dân cấp huyện (17 đơn vị)",
        "Xã (1 đơn vị)",
        "Phường (1 đơn vị)",
    ]
    for unit_id in ("gl.chuse", "gia-lai.xa-ia-o", "gia-lai.phuong-pleiku", "gia-lai.svhttdl"):
        assert keys.table.item(keys.row_of(unit_id), 3).text() == "Chưa có khóa"  # type: ignore[union-attr]
    assert "UBND xã Ia O" in keys.missing_label.text()
    # the status screen on the new plan: exactly its units, grouped
    prov.use_plan("gl-42-2025")
    status = StatusScreen(AppContext(prov), today=dt.date(2026, 5, 1))
    qtbot.addWidget(status)
    status.year.setValue(2026)
    matrix = status.matrix
    assert matrix is not None
    assert [u.unit_id for u in matrix.units] == [
        "gia-lai.svhttdl",
        "gia-lai.xa-ia-o",
        "gia-lai.phuong-pleiku",
    ]  # the Sở KH&CN monitors: it waits, it does not report
    table = status.table
    texts = [
        table.item(r, 0).text()  # type: ignore[union-attr]
        for r, at in enumerate(status.row_units)
        if at is None
    ]
    assert texts == ["Sở, ban, ngành (1 đơn vị)", "Xã (1 đơn vị)", "Phường (1 đơn vị)"]
    assert table.verticalHeaderItem(status.row_of("gia-lai.xa-ia-o")).text() == "UBND xã Ia O"  # type: ignore[union-attr]


# --- the command line --------------------------------------------------------------------


def test_plan_check_and_draft_see_directories_kept_in_the_database(
    tmp_path: Path, built: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.services.workspace import open_workspace

    data = tmp_path / "data"
    plan = tmp_path / "gl-42-2025.toml"
    plan.write_text(PLAN_2025, encoding="utf-8")
    doc = tmp_path / "ke-hoach.txt"
    doc.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 7/KH-UBND\nGia Lai, ngày 05 tháng 01 năm 2026\n"
        "KẾ HOẠCH\nTuyên truyền năm 2026\nII. NHIỆM VỤ\n1. Tuyên truyền ở cơ sở\n"
        "- Tổ chức hội nghị.\n- Đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch.\n"
        "- Thời gian thực hiện: Thường xuyên.\n",
        encoding="utf-8",
    )
    argv = ["--data-dir", str(data)]
    # no installation yet: only the built-in directories are known
    assert main([*argv, "plan", "check", str(plan), "--directory", "gia-lai-2025"]) == 1
    assert "gia-lai-2025" in capsys.readouterr().err
    assert not (data / "tiendo.sqlite").exists()  # checking installs nothing
    ws = open_workspace(data)
    try:
        directory = dirs.keep_built(ws, built).directory
        for suffix in ("svhttdl", "skhcn"):
            unit = from_template(directory, TEMPLATES[_template(suffix)])
            directory = dirs.save_directory(ws, put_unit(directory, unit)).directory
    finally:
        ws.close()
    assert main([*argv, "plan", "check", str(plan), "--directory", "gia-lai-2025"]) == 0
    assert "hợp lệ" in capsys.readouterr().out
    assert main([*argv, "plan", "check", str(plan), "--directory", "ha-noi-2025"]) == 1
    err = capsys.readouterr().err
    assert "ha-noi-2025" in err and "gia-lai-2024, gia-lai-2025" in err
    out = tmp_path / "nhap.toml"
    assert (
        main([*argv, "plan", "draft", str(doc), "--out", str(out), "--directory", "gia-lai-2025"])
        == 0
    )
    capsys.readouterr()
    assert 'unit = "gia-lai.svhttdl"' in out.read_text(encoding="utf-8")


@pytest.mark.gui
def test_the_province_is_picked_among_the_34_and_defaults_to_the_installations(
    qtbot: QtBot, prov: Workspace
) -> None:
    from app.directory_build import province_names
    from ui.screens.directories.dialogs import ProvinceDialog
    from ui.screens.directories.screen import DirectoriesScreen

    screen = DirectoriesScreen(AppContext(prov))
    qtbot.addWidget(screen)
    names = province_names()
    assert len(names) == 34
    chosen = screen._own_province(names)
    assert chosen == "Tỉnh Gia Lai"
    dialog = ProvinceDialog(names, chosen, screen)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "Tỉnh Gia Lai" and dialog.province.count() == 34
    # the 2024 directory: its Sở can be edited, its districts cannot
    screen.select_unit("gl.svhttdl")
    assert screen.edit_button.isEnabled()
    screen.select_unit("gl.chuse")
    assert not screen.edit_button.isEnabled() and not screen.remove_button.isEnabled()
