"""The whole reporting cycle, twice: once through the GUI's widgets alone, once through the
CLI alone (DESIGN §7).

The province publishes plan 157 as a signed bundle. Two new installations — a district
(huyện Chư Sê) and a department (Sở Văn hóa, Thể thao và Du lịch) — set up, add the
bundle after comparing the province key's fingerprint, send their public keys, which the
province enrolls; each records an activity with a photo, writes and finalizes its year
report and exports it. The province imports both packages, reads one report and its
photo, compiles the consolidated report, and the receipts it wrote are taken back by the
units, each confirmed against the key the bundle brought.

In the GUI the modal dialogs (fingerprint comparison, "are you sure?" questions, the
passphrase prompt) are answered by replacing their ``exec``/helper, the way the other GUI
tests do; everything else is the screens' own widgets and methods the buttons call.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from app.demo import png_bytes
from app.services import activities, packages, receipts, reports
from app.services.province.intake import received_packages
from app.services.workspace import Workspace, open_workspace
from tests.test_cli import tiendo
from tests.test_province import new_province
from tests.test_setup_plans import unit_item
from tests.test_ui_reports import Boxes, type_into
from ui.context import AppContext
from ui.main_window import ACTIVITIES, OUTBOX, REPORTS, SETTINGS, MainWindow
from ui.province_window import INBOX, REPORT, ProvinceWindow
from ui.screens import plan_bundle
from ui.screens.outbox import OutboxScreen
from ui.screens.plan_bundle import FingerprintDialog, PublishPlanDialog
from ui.screens.settings import SettingsScreen
from ui.setup_wizard import SetupWizard

pytestmark = pytest.mark.gui

PLAN = "gl-157-2024"
PERIOD = "2026"  # the year report of the year the units started (DESIGN §3)
DAY = dt.date(2026, 11, 20)
UNITS = {
    "gl.chuse": "Hội nghị quán triệt Kế hoạch 157 cho cán bộ xã, thị trấn",
    "gl.svhttdl": "Tập huấn nghiệp vụ thông tin đối ngoại cho cơ sở văn hóa",
}
PASSPHRASE = "mot cau du dai de nho"


def _set_up_unit(qtbot: QtBot, folder: Path, unit_id: str) -> Workspace:
    """A new installation through the setup wizard: a reporting unit, its names, a key
    protected by a passphrase (the tests have no keyring)."""
    ws = open_workspace(folder)
    wizard = SetupWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # a reporting unit, as pre-set
    wizard.unit_page.tree.setCurrentItem(unit_item(wizard, unit_id))
    assert wizard.unit_page.isComplete()
    while wizard.currentPage() is not wizard.people_page:
        wizard.next()
    wizard.people_page.form.officer.setText("Trần Thị Bích")
    wizard.people_page.form.leader_name.setText("Nguyễn Văn Ánh")
    wizard.next()
    wizard.key_page.passphrase.setText(PASSPHRASE)
    wizard.key_page.repeat.setText(PASSPHRASE)
    while wizard.currentPage() is not wizard.summary_page:
        wizard.next()
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert ws.settings.is_set_up and ws.own_unit().id == unit_id
    return ws


def _window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    win = MainWindow(AppContext(ws))
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    return win


def _record(qtbot: QtBot, win: MainWindow, title: str, photo: Path) -> None:
    """Thêm hoạt động: the dialog's fields, then the photo attached in the editor."""
    win.show_screen(ACTIVITIES)
    screen = win.activities
    dialog = screen.new_activity()
    form = dialog.form
    form.date.setDate(QDate(DAY.year, DAY.month, DAY.day))
    index = form.task.findData("II.1")
    form.task.setCurrentIndex(index)
    form.task.activated.emit(index)
    form.title.setText(title)
    form.location.setText("Hội trường")
    form.values["value:hoi_nghi"].setValue(1)
    with qtbot.waitSignal(screen.ctx.activities_changed, timeout=10_000):
        dialog.ok_button.click()
    with qtbot.waitSignal(screen.editor.evidence_changed, timeout=10_000):
        screen.editor.attach_files([photo])


def _finalize(qtbot: QtBot, win: MainWindow, boxes: Boxes) -> None:
    """Báo cáo: draft the year report, write its sections, Chốt báo cáo."""
    win.show_screen(REPORTS)
    screen = win.reports
    screen.select_period(PERIOD)
    if screen.pages.currentWidget() is screen.empty_page:
        with qtbot.waitSignal(screen.report_shown, timeout=30_000):
            screen.create_button.click()
    editor = screen.editor
    type_into(qtbot, editor.overall, "Đơn vị đã quán triệt và triển khai kế hoạch.")
    type_into(qtbot, editor.difficulties, "Không có.")
    type_into(qtbot, editor.next_direction, "Tiếp tục tuyên truyền ở cơ sở.")
    type_into(qtbot, editor.proposals, "Không có.")
    editor.sections["II.1"].percent.setValue(60)
    type_into(qtbot, editor.budget_estimate, "25000000")
    screen.flush_edits()
    screen.finalize_button.click()
    assert not boxes.informed, boxes.informed  # nothing missing
    assert boxes.confirmed  # "Chốt báo cáo?" was asked, and answered yes
    latest = reports.latest(win.ctx.ws, PERIOD)
    assert latest is not None and latest.state == "finalized"


def _export(qtbot: QtBot, win: MainWindow, usb: Path) -> Path:
    win.show_screen(OUTBOX)
    outbox = win.screen_at(OUTBOX)
    assert isinstance(outbox, OutboxScreen)
    assert outbox.report_combo.currentData() == PERIOD  # the newest unsent report
    job = outbox.start_export(PERIOD, usb, PASSPHRASE)
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: outbox.done_dialog is not None, timeout=10_000)
    assert outbox.done_dialog is not None
    outbox.done_dialog.close()
    unit = win.ctx.ws.settings.unit_id
    [package] = usb.glob(f"BaoCao_{unit}_*.tdpkg")
    return package


def test_the_whole_cycle_in_the_gui(
    qtbot: QtBot,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes = Boxes(monkeypatch)  # "Chốt báo cáo?" and the like: answered yes
    told: list[str] = []
    monkeypatch.setattr(plan_bundle, "_inform", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(QUrl(url).toLocalFile()))
    )
    usb = tmp_path / "usb"
    usb.mkdir()

    # -- the province publishes the plan ------------------------------------------------
    province = new_province(tmp_path_factory.getbasetemp(), tmp_path / "so")
    so = ProvinceWindow(AppContext(province))
    qtbot.addWidget(so)
    so.resize(1366, 728)
    so.show()
    publish = PublishPlanDialog(so.ctx, so)
    qtbot.addWidget(publish)
    assert publish.plan_id() == PLAN
    bundle = usb / "KeHoach_157.tdplan"
    assert publish.publish_to(bundle)
    read_out = publish.fingerprint.text()  # what the Sở reads out on the phone

    # -- two units set up, add the bundle, send their public keys -----------------------
    compared: list[str] = []

    def compare(dialog: FingerprintDialog) -> QDialog.DialogCode:
        compared.append(dialog.fingerprint.text())
        if dialog.fingerprint.text() != read_out:
            return QDialog.DialogCode.Rejected
        dialog.compared.click()
        dialog.ok.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FingerprintDialog, "exec", compare)
    windows: dict[str, MainWindow] = {}
    for unit_id in UNITS:
        ws = _set_up_unit(qtbot, tmp_path / unit_id, unit_id)
        win = _window(qtbot, ws)
        win.open_file(bundle)  # a double-click on the file the Sở sent
        trusted = receipts.trusted_province_key(ws)
        assert trusted is not None and trusted.key.fingerprint() == read_out
        win.show_screen(SETTINGS)
        settings = win.screen_at(SETTINGS)
        assert isinstance(settings, SettingsScreen)
        pub = settings.keys.export_public_to(usb)
        assert pub is not None and pub.suffix == ".tdkey"
        # the province enrolls the key from the file, after the same comparison by phone
        assert so.keys.enroll_file(pub, confirm_dialog=lambda _d: True) is not None
        windows[unit_id] = win
    assert compared == [read_out, read_out]
    assert so.keys.table.rowCount() >= len(UNITS)

    # -- each records, reports and exports ----------------------------------------------
    photo = tmp_path / "ảnh hội nghị.png"
    photo.write_bytes(png_bytes(64, 48, 157))
    sent: dict[str, Path] = {}
    for unit_id, title in UNITS.items():
        win = windows[unit_id]
        _record(qtbot, win, title, photo)
        _finalize(qtbot, win, boxes)
        sent[unit_id] = _export(qtbot, win, usb)
    assert not boxes.errors

    # -- the province imports, reads, compiles ------------------------------------------
    so.show_screen(INBOX)
    inbox = so.inbox
    job = inbox.start_import(list(sent.values()))
    assert job is not None
    with qtbot.waitSignal(so.ctx.reports_changed, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: inbox.job is None, timeout=60_000)
    assert [r.ok for r in inbox.results] == [True, True], [r.message for r in inbox.results]
    inbox.refresh_history()
    rows = received_packages(province)
    row = next(i for i, r in enumerate(rows) if r.unit_id == "gl.svhttdl")
    reader = inbox.read_package(row)
    assert reader is not None
    content = reader.content.toPlainText()  # type: ignore[attr-defined]
    assert "Đơn vị đã quán triệt" in content and "II.1" in content
    assert "25.000.000" in content  # the unit's budget estimate, as it reported it
    files = reader.files  # type: ignore[attr-defined]
    assert files.rowCount() == 1 and files.item(0, 0).text() == photo.name
    opened_file = reader.open_evidence(0)  # type: ignore[attr-defined]
    assert opened_file is not None and opened_file.read_bytes() == photo.read_bytes()
    preview = reader.show_pdf()  # type: ignore[attr-defined]
    assert preview is not None and preview.page_count() >= 1  # type: ignore[attr-defined]
    preview.close()
    reader.close()

    so.show_screen(REPORT)
    compiled = so.report
    compiled.year.setValue(2026)
    compiled.period.setCurrentIndex(compiled.period.findData(PERIOD))
    word = tmp_path / "tong-hop-2026.docx"
    job = compiled.write(word)
    assert job is not None
    qtbot.waitUntil(lambda: compiled.job is None, timeout=60_000)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(word)).paragraphs)
    assert re.search(r"2/\d+ đơn vị gửi báo cáo", text), text[:2000]

    # -- receipts go back and are accepted ----------------------------------------------
    for unit_id, win in windows.items():
        [receipt] = usb.glob(f"BienNhan_{unit_id}_*.tdr")
        win.open_file(receipt)  # a double-click on the receipt
        [package] = packages.outbox(win.ctx.ws)
        assert package.received_at is not None, unit_id
        assert activities.list_rows(win.ctx.ws)[0].evidence_count == 1


def test_the_whole_cycle_from_the_cli(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    province = new_province(tmp_path_factory.getbasetemp(), tmp_path / "so")
    province.close()
    so = tmp_path / "so"
    bundle = usb / "KeHoach.tdplan"
    tiendo("province", "publish", "--plan", PLAN, "--out", str(bundle), data_dir=so)
    shown = tiendo("plan", "show", str(bundle), data_dir=so, check=False)
    fingerprint = re.search(
        r"[0-9A-F]{4}(?:[ -][0-9A-F]{4}){3,}", tiendo("key", "show", data_dir=so).stdout
    )
    photo = tmp_path / "anh.png"
    photo.write_bytes(png_bytes(32, 24, 35))
    homes: dict[str, Path] = {}
    for unit_id, title in UNITS.items():
        home = tmp_path / unit_id
        homes[unit_id] = home
        tiendo(
            "setup",
            "--role",
            "unit",
            "--unit",
            unit_id,
            "--officer",
            "Trần Thị Bích",
            "--leader-name",
            "Nguyễn Văn Ánh",
            data_dir=home,
        )
        refused = tiendo("plan", "add", str(bundle), data_dir=home, check=False)
        assert refused.returncode != 0 and "dấu vân tay" in refused.stderr
        assert fingerprint is not None, shown.stdout
        tiendo("plan", "add", str(bundle), "--fingerprint", fingerprint.group(0), data_dir=home)
        pub = usb / f"{unit_id}.tdkey"
        tiendo("key", "export-public", str(pub), data_dir=home)
        tiendo("province", "enroll", str(pub), "--yes", data_dir=so)
        tiendo(
            "activity",
            "add",
            "--task",
            "II.1",
            "--date",
            DAY.isoformat(),
            "--title",
            title,
            "--value",
            "hoi_nghi=1",
            "--evidence",
            str(photo),
            data_dir=home,
        )
        # the draft, printed to read it over, then finalized as it is exported
        draft = tmp_path / f"{unit_id}.pdf"
        assessment = tmp_path / f"{unit_id}.txt"
        assessment.write_text("Đơn vị đã quán triệt và triển khai kế hoạch.\n", encoding="utf-8")
        sections = {
            "overall": f"@{assessment}",
            "difficulties": "Không có.",
            "next_direction": "Tiếp tục tuyên truyền ở cơ sở.",
            "proposals": "Không có.",
            "budget_estimate": "25.000.000",
            "II.1.percent": "60",
        }
        sets = [a for k, v in sections.items() for a in ("--set", f"{k}={v}")]
        said = tiendo(
            "report", "--period", PERIOD, *sets, "--out", str(draft), data_dir=home
        ).stdout
        assert "bản nháp" in said and "II.1.percent" in said
        assert draft.read_bytes().startswith(b"%PDF")
        tiendo("export", "--period", PERIOD, "--out", str(usb), "--finalize", data_dir=home)
    tiendo("province", "import", str(usb), data_dir=so)
    status = tiendo("province", "status", "--year", "2026", data_dir=so).stdout
    assert "2026: 21 đơn vị — đúng hạn 2" in status, status
    out = tmp_path / "tong-hop.pdf"
    tiendo("province", "report", "--period", PERIOD, "--out", str(out), data_dir=so)
    assert out.read_bytes().startswith(b"%PDF")
    for unit_id, home in homes.items():
        [receipt] = usb.glob(f"BienNhan_{unit_id}_*.tdr")
        said = tiendo("receipt", "import", str(receipt), data_dir=home).stdout
        assert "lần 1" in said, said
    shutil.rmtree(usb)
