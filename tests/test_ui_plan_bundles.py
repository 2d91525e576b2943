"""Plan bundles through the GUI: the province publishes from its window's menu, a unit adds
the bundle (double-click or Kế hoạch › Thêm kế hoạch…), confirming the fingerprint once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.errors import KnownError
from app.services import plan_bundles, receipts
from app.services.province.keys import province_key
from app.services.workspace import Workspace
from tests.test_plan_bundles import PLAN, snapshot
from tests.test_province import new_province
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.province_window import ProvinceWindow
from ui.screens import plan_bundle
from ui.screens.plan_bundle import FingerprintDialog, PublishPlanDialog


@pytest.fixture
def province(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the message boxes would have said (errors and the after-add summary)."""
    out: list[str] = []

    def error(_parent: object, exc: KnownError | str, hint: str = "") -> None:
        out.append(exc.message if isinstance(exc, KnownError) else exc)

    monkeypatch.setattr(plan_bundle, "show_error", error)
    monkeypatch.setattr(plan_bundle, "_inform", lambda _p, _t, text: out.append(text))
    return out


def answer_fingerprint(
    monkeypatch: pytest.MonkeyPatch, run: Callable[[FingerprintDialog], bool]
) -> None:
    """FingerprintDialog.exec (modal in the app) answered by ``run``."""

    def exec_(self: FingerprintDialog) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted if run(self) else QDialog.DialogCode.Rejected

    monkeypatch.setattr(FingerprintDialog, "exec", exec_)


def publish(qtbot: QtBot, province: Workspace, path: Path) -> PublishPlanDialog:
    window = ProvinceWindow(AppContext(province))
    qtbot.addWidget(window)
    assert window.publish.isEnabled() and window.publish.text() == "&Phát hành kế hoạch…"
    dialog = PublishPlanDialog(window.ctx, window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.plan_id() == PLAN
    assert "chưa phát hành" in dialog.revision.text()
    assert dialog.publish_to(path)
    return dialog


def test_publish_then_add_by_double_click_with_the_fingerprint(
    qtbot: QtBot,
    province: Workspace,
    workspace: Workspace,
    tmp_path: Path,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "KeHoach.tdplan"
    dialog = publish(qtbot, province, path)
    fingerprint = province_key(province).public_key.fingerprint()
    assert path.is_file() and dialog.outcome.isVisibleTo(dialog)
    assert dialog.fingerprint.text() == fingerprint
    assert "thư điện tử" in dialog.next_steps.text() and str(path) in dialog.saved.text()
    assert "như lần trước" in dialog.revision.text()

    seen: list[str] = []

    def compare(d: FingerprintDialog) -> bool:
        seen.append(d.fingerprint.text())
        assert not d.ok.isEnabled()  # not before the officer says the digits match
        d.compared.click()
        assert d.ok.isEnabled()
        return True

    window = MainWindow(AppContext(workspace))
    qtbot.addWidget(window)
    assert window.add_plan.isEnabled() and window.add_plan.text() == "&Thêm kế hoạch…"
    answer_fingerprint(monkeypatch, compare)
    window.open_file(path)
    assert seen == [fingerprint]
    assert receipts.trusted_province_key(workspace) is not None
    assert plan_bundles.added_revision(workspace, PLAN) == 1
    assert "Khóa của Sở đã được tin cậy" in said[-1]


def test_a_refused_fingerprint_or_bundle_changes_nothing(
    qtbot: QtBot,
    province: Workspace,
    workspace: Workspace,
    tmp_path: Path,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "KeHoach.tdplan"
    publish(qtbot, province, path)
    window = MainWindow(AppContext(workspace))
    qtbot.addWidget(window)
    before = snapshot(workspace)
    answer_fingerprint(monkeypatch, lambda d: False)  # the digits differ: Hủy
    assert not plan_bundle.add_plan_bundle(window, window.ctx, path)  # type: ignore[arg-type]
    assert snapshot(workspace) == before and not said
    tampered = tmp_path / "sua.tdplan"
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert not plan_bundle.add_plan_bundle(window, window.ctx, tampered)  # type: ignore[arg-type]
    assert said and snapshot(workspace) == before


def test_a_new_revision_is_added_without_asking_again_and_keeps_activities(
    qtbot: QtBot,
    province: Workspace,
    workspace: Workspace,
    tmp_path: Path,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as dt

    from app.services import activities
    from app.services.activities import ActivityInput
    from tests.test_plan_bundles import _amend

    first = tmp_path / "r1.tdplan"
    dialog = publish(qtbot, province, first)
    answer_fingerprint(monkeypatch, lambda d: d.compared.click() is None)
    window = MainWindow(AppContext(workspace))
    qtbot.addWidget(window)
    window.open_file(first)
    aid = activities.add_activity(
        workspace, ActivityInput("II.1", dt.date(2024, 3, 5), "Hội nghị quán triệt")
    )
    _amend(province, tmp_path)
    province.reload_plans()
    dialog._plan_changed()
    assert "lần 2 (kế hoạch đã sửa từ lần phát hành 1)" in dialog.revision.text()
    second = tmp_path / "r2.tdplan"
    assert dialog.publish_to(second)

    def must_not_ask(_d: FingerprintDialog) -> bool:
        raise AssertionError("the key is trusted already")

    answer_fingerprint(monkeypatch, must_not_ask)
    window.open_file(second)
    assert "giữ nguyên" in said[-1] and "lần phát hành 2" in said[-1]
    assert activities.get_activity(workspace, aid).task_code == "II.1"


def test_the_menu_entry_adds_the_chosen_bundle(
    qtbot: QtBot,
    province: Workspace,
    workspace: Workspace,
    tmp_path: Path,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "KeHoach.tdplan"
    publish(qtbot, province, path)
    window = MainWindow(AppContext(workspace))
    qtbot.addWidget(window)
    assert window.add_plan.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    asked: list[str] = []

    def choose(_parent: object, _title: str, _dir: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    answer_fingerprint(monkeypatch, lambda d: d.compared.click() is None)
    window.add_plan.trigger()
    assert "*.tdplan" in asked[0]
    assert plan_bundles.added_revision(workspace, PLAN) == 1
    assert "lần phát hành 1" in said[-1]
