"""Keys and the sending steps driven through the real widgets: the signing key in
Cài đặt (public key file, encrypted copy, import on a new PC, a new key after a lost one),
the province key trusted from Cài đặt, from a double-click and from Nhập biên nhận, the
guidance after export, the outbox's choice and empty state, and what a receipt says."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.package.receipt import sign_receipt
from app.services import packages, receipts, reports, signing_key
from app.services.province.keys import KeyState, enrolled_keys
from app.services.workspace import Workspace, open_workspace
from app.signing.keystore import KeyStore
from tests.test_province import new_province
from tests.test_receipts import receipt_for
from ui.context import AppContext
from ui.main_window import OUTBOX, SETTINGS, MainWindow
from ui.province_window import ProvinceWindow
from ui.screens import outbox as outbox_module
from ui.screens import settings_keys
from ui.screens.outbox import OutboxScreen
from ui.screens.province_trust import TrustProvinceDialog
from ui.screens.settings import SettingsScreen

pytestmark = pytest.mark.gui

SAFE_PASS = "tủ hồ sơ tầng hai"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo district (huyện Chư Sê) with its key and a finalized 2024-H1, made once."""
    from app.demo import run_demo

    root = tmp_path_factory.mktemp("demo") / "data"
    ws = open_workspace(root)
    try:
        run_demo(ws, unit_id="gl.chuse", count=10)
        packages.ensure_key(ws)
    finally:
        ws.close()
    return root


@pytest.fixture
def unit(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    shutil.copytree(demo_template, tmp_path / "data")
    ws = open_workspace(tmp_path / "data")
    yield ws
    ws.close()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The message boxes the screens would show, in order."""
    told: list[str] = []

    def record(_parent: object, exc: object, hint: str = "") -> None:
        told.append(getattr(exc, "message", str(exc)))

    for module in (outbox_module, settings_keys):
        monkeypatch.setattr(module, "show_error", record)
    monkeypatch.setattr("ui.screens.province_trust.show_error", record)
    return told


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return urls


def _window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    win = MainWindow(AppContext(ws))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def _province_key(tmp_path: Path) -> tuple[Any, Path]:
    """The province's own key, and its public key file as the province exports it."""
    store = KeyStore(tmp_path / "so")
    key = store.create("gl.stttt", "mật khẩu của Sở")
    pub = tmp_path / "Khoa_gl.stttt.tdkey"
    from app.signing import minisign

    name = "Sở Thông tin và Truyền thông"
    pub.write_text(minisign.public_key_file(key.public_key, f"tiendo unit=gl.stttt name={name}"))
    return key, pub


def test_outbox_says_what_to_send_and_what_a_receipt_confirmed(
    qtbot: QtBot,
    unit: Workspace,
    tmp_path: Path,
    errors: list[str],
    opened: list[str],
) -> None:
    win = _window(qtbot, unit)
    win.show_screen(OUTBOX)
    outbox = win.screen_at(OUTBOX)
    assert isinstance(outbox, OutboxScreen)
    body = signing_key.monitoring_body(unit)
    assert not outbox.empty_label.isVisibleTo(outbox)
    assert outbox.report_combo.currentData() == "2024-H1"  # the one not sent yet
    usb = tmp_path / "usb"
    usb.mkdir()
    job = outbox.start_export("2024-H1", usb)
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: outbox.done_dialog is not None)
    dialog = outbox.done_dialog
    assert dialog is not None and dialog.isVisible()
    steps = dialog.steps.text()  # type: ignore[attr-defined]
    assert body in steps and ".tdr" in steps and "Nhập biên nhận" in steps
    package = next(usb.glob("*.tdpkg"))
    assert package.name in dialog.file_label.text()  # type: ignore[attr-defined]
    dialog.open_folder.click()  # type: ignore[attr-defined]
    assert opened == [str(usb)]
    assert "chờ biên nhận" in outbox.report_combo.currentText()

    # the receipt comes back before any province key is trusted: trust it right there
    province_key, pub = _province_key(tmp_path)
    exported = packages.outbox(unit)[0]
    result = packages.ExportResult(
        Path(exported.path), exported.size, exported.sequence, "2024-H1", exported.revision, False
    )
    receipt = tmp_path / "BienNhan.tdr"
    receipt.write_bytes(sign_receipt(receipt_for(result), province_key))
    shown: list[str] = []

    def trust_now() -> bool:
        dialog = TrustProvinceDialog(unit, outbox, reason=TrustProvinceDialog.FOR_RECEIPT)
        qtbot.addWidget(dialog)
        shown.append(dialog.intro.text())
        assert dialog.chooser.load(pub)
        assert not dialog.ok.isEnabled()  # not before the fingerprint was compared
        dialog.chooser.compared.setChecked(True)
        dialog.ok.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    assert outbox.import_receipt(receipt, trust=trust_now)
    assert errors == [] and "chưa kiểm tra được biên nhận" in shown[0]
    assert outbox.last_receipt.startswith(unit.units.get("gl.stttt").name)
    assert "6 tháng đầu năm 2024" in outbox.last_receipt and "lần 1" in outbox.last_receipt
    assert outbox.model.rows[0].received_at is not None
    assert "tỉnh đã nhận" in outbox.report_combo.currentText()


def test_outbox_without_a_finalized_report(qtbot: QtBot, workspace: Workspace) -> None:
    win = _window(qtbot, workspace)
    win.show_screen(OUTBOX)
    outbox = win.screen_at(OUTBOX)
    assert isinstance(outbox, OutboxScreen)
    assert outbox.empty_label.isVisibleTo(outbox)
    assert not outbox.export_button.isEnabled()
    assert outbox.no_packages.isVisibleTo(outbox)
    assert "Báo cáo" in outbox.empty_label.text()  # where to go to make one


def test_a_finalized_report_leads_to_the_outbox(qtbot: QtBot, unit: Workspace) -> None:
    win = _window(qtbot, unit)
    win.show_screen(3)
    screen = win.reports
    screen.select_period("2024-H1")
    assert screen.send_button.isVisibleTo(screen)
    assert "Gửi báo cáo" in screen.banner.note.text()
    screen.send_button.click()
    assert win.stack.currentIndex() == OUTBOX
    outbox = win.screen_at(OUTBOX)
    assert isinstance(outbox, OutboxScreen) and outbox.report_combo.currentData() == "2024-H1"
    screen.select_period("2024")  # still a draft: nothing to send yet
    assert not screen.send_button.isVisibleTo(screen)


def test_settings_keys_public_file_trust_and_rotation(
    qtbot: QtBot, unit: Workspace, tmp_path: Path, errors: list[str]
) -> None:
    win = _window(qtbot, unit)
    win.show_screen(SETTINGS)
    settings = win.screen_at(SETTINGS)
    assert isinstance(settings, SettingsScreen)
    keys = settings.keys
    own = signing_key.own_key(unit)
    assert own is not None
    assert keys.fingerprint.text() == own.fingerprint.replace(" / ", "\n")
    folder = tmp_path / "gui"
    folder.mkdir()
    path = keys.export_public_to(folder)
    assert path is not None and path.suffix == ".tdkey"
    result = keys.last_dialog
    assert result is not None and signing_key.monitoring_body(unit) in result.text.text()  # type: ignore[attr-defined]

    # the province key: from its file, after the fingerprint
    panel = settings.province_key
    assert panel is not None and "Chưa có khóa" in panel.text.text()
    province_key, pub = _province_key(tmp_path)
    dialog = panel.trust_dialog(pub)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, TrustProvinceDialog)
    assert dialog.chooser.fingerprint.text() == province_key.public_key.fingerprint().replace(
        " / ", "\n"
    )
    dialog.chooser.compared.setChecked(True)
    dialog.ok.click()
    panel.refresh()
    assert province_key.public_key.key_id_hex in panel.text.text()

    # the province rotates its receipt key: the unit takes the statement, no phone call
    statement = KeyStore(tmp_path / "so").rotate("gl.stttt", "mật khẩu của Sở")
    rotation = tmp_path / "DoiKhoa_gl.stttt.tdkey"
    rotation.write_bytes(statement.data)
    again = panel.trust_dialog(rotation)
    qtbot.addWidget(again)
    assert isinstance(again, TrustProvinceDialog)
    assert again.chooser.rotation and again.ok.isEnabled()
    assert not again.chooser.compared.isVisibleTo(again)
    again.ok.click()
    trusted = receipts.trusted_province_key(unit)
    assert trusted is not None and trusted.key == statement.new_key

    # a file that is not a key changes nothing
    junk = tmp_path / "thu.tdkey"
    junk.write_bytes(b"\x00\r\n\tkhong phai khoa")
    bad = panel.trust_dialog(junk)
    qtbot.addWidget(bad)
    assert errors and not bad.chooser.compared.isChecked()  # type: ignore[attr-defined]
    assert receipts.trusted_province_key(unit) == trusted

    # a rotation of our own key writes the statement the province imports
    before = own.key_id
    statement_path = keys.rotate_to(folder)
    assert statement_path is not None and signing_key.is_rotation_statement(
        statement_path.read_bytes()
    )
    assert keys.key_id.text() != before


def test_double_clicked_province_key_is_trusted_after_the_fingerprint(
    qtbot: QtBot, unit: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = _window(qtbot, unit)
    province_key, pub = _province_key(tmp_path)
    seen: list[str] = []

    def compare_and_accept(dialog: TrustProvinceDialog) -> int:
        seen.append(dialog.chooser.fingerprint.text())
        dialog.chooser.compared.setChecked(True)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(TrustProvinceDialog, "exec", compare_and_accept)
    win.open_file(pub)
    assert win.stack.currentIndex() == SETTINGS
    assert seen == [province_key.public_key.fingerprint().replace(" / ", "\n")]
    trusted = receipts.trusted_province_key(unit)
    assert trusted is not None and trusted.key == province_key.public_key


def test_encrypted_copy_to_a_new_pc_and_a_lost_key(
    qtbot: QtBot,
    unit: Workspace,
    tmp_path: Path,
    errors: list[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    screen = SettingsScreen(AppContext(unit))
    qtbot.addWidget(screen)
    keys = screen.keys
    safe = tmp_path / "usb"
    safe.mkdir()
    assert keys.export_secret_to(safe, "ngắn") is None  # too short: nothing written
    assert errors and list(safe.iterdir()) == []
    copy = keys.export_secret_to(safe, SAFE_PASS)
    assert copy is not None and copy.suffix == ".tdsecret"
    own = signing_key.own_key(unit)
    assert own is not None

    # the new PC: the data restored, no key
    shutil.copytree(unit.layout.root, tmp_path / "new", ignore=shutil.ignore_patterns("keys"))
    new_pc = open_workspace(tmp_path / "new")
    try:
        screen = SettingsScreen(AppContext(new_pc))
        qtbot.addWidget(screen)
        panel = screen.keys
        assert "chưa có khóa ký" in panel.state.text()
        assert not panel.secret_button.isEnabled() and not panel.usable
        errors.clear()
        assert not panel.import_secret_from(copy, "mật khẩu sai rồi")
        assert errors == ["Mật khẩu của tệp khóa không đúng (hoặc tệp đã bị sửa)."]
        assert signing_key.own_key(new_pc) is None  # nothing changed
        assert panel.import_secret_from(copy, SAFE_PASS)
        assert panel.fingerprint.text() == own.fingerprint.replace(" / ", "\n")
        assert panel.secret_button.isEnabled() and panel.usable
    finally:
        new_pc.close()

    # a PC where the key is lost for good: a new key and the re-enrollment request
    prov = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    try:
        from app.services.province.keys import enroll, read_unit_key_file

        enroll(prov, read_unit_key_file(prov, signing_key.export_public(unit, tmp_path)))
        shutil.copytree(unit.layout.root, tmp_path / "lost")
        secrets = list((tmp_path / "lost" / "keys").glob("*.key*"))
        assert secrets
        for f in secrets:
            f.unlink()
        lost = open_workspace(tmp_path / "lost")
        try:
            screen = SettingsScreen(AppContext(lost))
            qtbot.addWidget(screen)
            panel = screen.keys
            assert "không có trên máy này" in panel.state.text()
            request = panel.replace_lost_to(tmp_path)
            assert request is not None and f"replaces={own.key_id}" in request.read_text()
            new_fp = signing_key.own_key(lost).fingerprint  # type: ignore[union-attr]
        finally:
            lost.close()
        # the province double-clicks the request: the dialog says the old key goes
        province = ProvinceWindow(AppContext(prov))
        qtbot.addWidget(province)
        titles: list[str] = []

        def confirm(dialog: Any) -> bool:
            titles.append(dialog.windowTitle())
            assert dialog.fingerprint == new_fp
            return True

        province.show_screen(0)
        assert province.keys.enroll_file(request, confirm_dialog=confirm) is not None
        assert titles == ["Đăng ký lại khóa của đơn vị"]
        states = {k.key_id: k.state for k in enrolled_keys(prov, "gl.chuse")}
        assert states[own.key_id] is KeyState.REVOKED
        assert sorted(states.values()) == sorted([KeyState.REVOKED, KeyState.ACTIVE])
    finally:
        prov.close()


def test_a_year_report_finalized_after_h1_was_sent_is_chosen(
    qtbot: QtBot, unit: Workspace, tmp_path: Path
) -> None:
    packages.export_package(unit, "2024-H1", tmp_path)
    year = reports.latest(unit, "2024")
    assert year is not None
    reports.finalize(unit, year.id)
    win = _window(qtbot, unit)
    win.show_screen(OUTBOX)
    outbox = win.screen_at(OUTBOX)
    assert isinstance(outbox, OutboxScreen)
    assert outbox.report_combo.currentData() == "2024"
