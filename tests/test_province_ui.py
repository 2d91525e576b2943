"""The province window driven as an officer would: enroll a key after the fingerprint,
drop packages, read the results, see the colour-coded matrix, save the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.province_data import CellState
from app.services.province.intake import Outcome, import_packages
from app.services.workspace import Workspace
from tests.test_province import (
    VN,
    enroll_key,
    make_package,
    new_province,
    public_key_text,
    unit_key,
)
from ui.context import AppContext
from ui.province_window import ProvinceWindow

pytestmark = pytest.mark.gui


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


@pytest.fixture
def prov(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Workspace]:
    ws = new_province(tmp_path_factory.getbasetemp(), tmp_path / "province")
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot: QtBot, prov: Workspace) -> ProvinceWindow:
    win = ProvinceWindow(AppContext(prov))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    return win


def test_enroll_from_a_key_file_after_the_fingerprint(
    window: ProvinceWindow, prov: Workspace, tmp_path: Path
) -> None:
    key = unit_key("gl.chuse")
    pub = tmp_path / "chuse.pub"
    pub.write_text(public_key_text(key, "UBND huyện Chư Sê"))
    shown = []

    def refuse(dialog: object) -> bool:
        shown.append(dialog.fingerprint)  # type: ignore[attr-defined]
        return False

    screen = window.keys
    assert screen.enroll_file(pub, confirm_dialog=refuse) is None
    assert shown == [key.public_key.fingerprint()]
    assert screen.keys == []  # nothing without confirmation
    assert _item(screen.table, screen.row_of("gl.chuse"), 3).text() == "Chưa có khóa"
    enrolled = screen.enroll_file(pub, confirm_dialog=lambda d: True)
    assert enrolled is not None and len(screen.keys) == 1
    row = screen.row_of("gl.chuse")
    assert _item(screen.table, row, 2).text() == key.public_key.fingerprint()
    assert _item(screen.table, row, 3).text() == "Đang dùng"
    assert "Chư Sê" not in screen.missing_label.text()
    # a file without a unit: the officer picks it
    bare = tmp_path / "bare.pub"
    from app.signing import minisign

    other = unit_key("gl.kbang")
    bare.write_text(minisign.public_key_file(other.public_key))
    assert screen.enroll_file(bare, ask_unit=lambda: "gl.kbang", confirm_dialog=lambda d: True)
    screen.table.selectRow(screen.row_of("gl.kbang"))
    screen.revoke(screen.selected_key().key_id)  # type: ignore[union-attr]
    assert _item(screen.table, screen.row_of("gl.kbang"), 3).text().startswith("Đã thu hồi")
    screen.table.selectRow(0)  # a group's heading: no key
    assert screen.selected_key() is None and not screen.revoke_button.isEnabled()
    dialogs = screen.screenshot_dialogs()
    assert dialogs and dialogs[0][1]().windowTitle() == "Đăng ký khóa của đơn vị"


def test_drop_packages_import_in_background_and_list_results(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace, tmp_path: Path
) -> None:
    chuse, kbang = unit_key("gl.chuse"), unit_key("gl.kbang")
    enroll_key(prov, chuse)
    usb = tmp_path / "usb"
    good = make_package(usb, chuse, period="2024", sequence=2)
    stranger = make_package(usb, kbang, period="2024", sequence=1)  # not enrolled
    screen = window.inbox
    window.show_screen(1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(usb))])
    drop = QDropEvent(
        QPoint(5, 5).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.ctx.reports_changed, timeout=30_000):
        screen.drop.dropEvent(drop)
    assert screen.job is None
    outcomes = {r.path.name: r.outcome for r in screen.results}
    assert outcomes == {good.name: Outcome.IMPORTED, stranger.name: Outcome.REFUSED}
    texts = [_item(screen.table, r, 1).text() for r in range(screen.table.rowCount())]
    assert sorted(texts) == ["Từ chối", "Đã nhập"]
    assert "đã nhập 1" in screen.summary.text() and "từ chối 1" in screen.summary.text()
    row = next(r for r in range(2) if _item(screen.table, r, 0).text() == good.name)
    assert _item(screen.table, row, 6).text().startswith("BienNhan_gl.chuse_2024_r1_s2")
    assert screen.history.rowCount() == 1
    # the matrix and the report screen heard about it
    status = window.status
    status.year.setValue(2024)
    matrix = status.matrix
    assert matrix is not None
    row = status.row_of("gl.chuse")
    col = [p.code for p in matrix.periods].index("2024")
    item = _item(status.table, row, col)
    assert item.data(Qt.ItemDataRole.UserRole) in ("on_time", "late")
    assert "lần 1" in item.text()


def test_status_colours_and_gaps(qtbot: QtBot, prov: Workspace, tmp_path: Path) -> None:
    from ui.screens.province_status import CELL_COLOURS, StatusScreen

    chuse = unit_key("gl.chuse")
    enroll_key(prov, chuse)
    made = [
        make_package(
            tmp_path,
            chuse,
            period="2024-H1",
            sequence=1,
            created=dt.datetime(2024, 6, 10, tzinfo=VN),
        ),
        make_package(
            tmp_path,
            chuse,
            period="2024-H1",
            revision=2,
            sequence=3,
            created=dt.datetime(2024, 7, 10, tzinfo=VN),
        ),
    ]
    assert all(r.ok for r in import_packages(prov, made, receipts=False))
    screen = StatusScreen(AppContext(prov), today=dt.date(2024, 8, 1))
    qtbot.addWidget(screen)
    screen.year.setValue(2024)
    r = screen.row_of("gl.chuse")
    cell = _item(screen.table, r, 0)
    assert cell.text() == "Đúng hạn · lần 2 (thay lần 1)"
    assert cell.background().color().name() == CELL_COLOURS[CellState.ON_TIME][0]
    assert _item(screen.table, r, 2).text() == "2"  # sequence 2 never arrived
    other = _item(screen.table, screen.row_of("gl.kbang"), 0)
    assert other.text() == "Chưa báo cáo"
    assert _item(screen.table, r, 1).text() == "Chưa đến hạn"  # the year is due in December
    assert "chưa báo cáo 20" in screen.summary.text()  # 21 units: plan 157's implementers
    headings = [
        _item(screen.table, r, 0).text()
        for r, index in enumerate(screen.row_units)
        if index is None
    ]
    assert headings == [
        "Sở, ban, ngành (2 đơn vị)",
        "Cơ quan báo chí (2 đơn vị)",
        "Ủy ban nhân dân cấp huyện (17 đơn vị)",
    ]
    assert screen.read_cell(0, 0) is None  # a heading opens nothing


def test_report_screen_previews_and_saves(qtbot: QtBot, prov: Workspace, tmp_path: Path) -> None:
    from ui.screens.province_report import ProvincialReportScreen

    chuse = unit_key("gl.chuse")
    enroll_key(prov, chuse)
    assert import_packages(prov, [make_package(tmp_path, chuse)], receipts=False)[0].ok
    screen = ProvincialReportScreen(AppContext(prov), today=dt.date(2024, 12, 20))
    qtbot.addWidget(screen)
    screen.year.setValue(2024)
    screen.period.setCurrentIndex(screen.period.findData("2024"))
    assert "Đã có 1/21 đơn vị" in screen.summary.text()
    assert screen.totals.rowCount() >= 19 and screen.pdf_button.isEnabled()
    xlsx = tmp_path / "tong-hop.xlsx"
    job = screen.write(xlsx)
    assert job is not None
    qtbot.waitUntil(lambda: screen.job is None, timeout=30_000)
    assert xlsx.stat().st_size > 0
    screen.preview()
    qtbot.waitUntil(lambda: screen.last_preview is not None, timeout=30_000)
    dialog = screen.last_preview
    assert dialog is not None and dialog.page_count() >= 2  # type: ignore[attr-defined]
    dialog.close()


def test_district_trusts_the_province_key_after_comparing(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from app.services import receipts
    from app.signing import minisign
    from ui.screens.province_trust import ProvinceKeyPage, TrustProvinceDialog

    key = unit_key("gl.stttt")
    pub = tmp_path / "so.pub"
    pub.write_text(minisign.public_key_file(key.public_key, "tiendo unit=gl.stttt name=Sở"))
    page = ProvinceKeyPage()
    qtbot.addWidget(page)
    assert page.isComplete() and page.value() is None  # may be skipped
    assert page.chooser.load(pub)
    assert page.chooser.fingerprint.text() == key.public_key.fingerprint().replace(" / ", "\n")
    assert not page.isComplete() and page.value() is None  # not compared yet
    page.chooser.compared.setChecked(True)
    assert page.isComplete() and page.value() is not None

    dialog = TrustProvinceDialog(workspace)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.chooser.load(pub)
    dialog.chooser.compared.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.accept()
    trusted = receipts.trusted_province_key(workspace)
    assert trusted is not None and trusted.key == key.public_key


def test_opening_files_from_the_desktop(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace, tmp_path: Path
) -> None:
    chuse = unit_key("gl.chuse")
    pub = tmp_path / "chuse.pub"
    pub.write_text(public_key_text(chuse))
    window.keys.enroll_file(pub, confirm_dialog=lambda d: True)
    pkg = make_package(tmp_path / "mail", chuse)
    with qtbot.waitSignal(window.ctx.reports_changed, timeout=30_000):
        window.open_file(pkg)
    assert window.stack.currentWidget() is window.inbox
    assert [r.outcome for r in window.inbox.results] == [Outcome.IMPORTED]


def test_the_clerk_edits_the_report_then_saves_it_as_word(
    qtbot: QtBot, prov: Workspace, tmp_path: Path
) -> None:
    from docx import Document

    from ui.screens.province_report import ProvincialReportScreen

    chuse = unit_key("gl.chuse")
    enroll_key(prov, chuse)
    assert import_packages(prov, [make_package(tmp_path, chuse)], receipts=False)[0].ok
    screen = ProvincialReportScreen(AppContext(prov), today=dt.date(2024, 12, 20))
    qtbot.addWidget(screen)
    screen.year.setValue(2024)
    screen.period.setCurrentIndex(screen.period.findData("2024"))
    editors = screen.parts.editors
    assert list(editors)[:2] == ["overall", "task:II.1"]
    overall = editors["overall"]
    assert "1/21 đơn vị gửi báo cáo" in overall.text.text()  # the draft, to edit
    assert not overall.reset_button.isEnabled()
    overall.text.set_text("Sở đánh giá: các đơn vị triển khai nghiêm túc.")
    word = tmp_path / "tong-hop.docx"
    assert screen.write(word) is not None  # saves the edit first
    qtbot.waitUntil(lambda: screen.job is None, timeout=30_000)
    text = "\n".join(p.text for p in Document(str(word)).paragraphs)
    assert "Sở đánh giá: các đơn vị triển khai nghiêm túc." in text
    assert overall.reset_button.isEnabled() and overall.note.text() == "Đã sửa"
    # kept for the period: a new screen shows the clerk's text, not the draft
    again = ProvincialReportScreen(AppContext(prov), today=dt.date(2024, 12, 20))
    qtbot.addWidget(again)
    again.year.setValue(2024)
    again.period.setCurrentIndex(again.period.findData("2024"))
    assert again.parts.editors["overall"].text.text().startswith("Sở đánh giá")


def _double_click(qtbot: QtBot, table: QTableWidget, row: int, column: int) -> None:
    """As a user does it: a press, then the double-click (item views need both)."""
    rect = table.visualItemRect(_item(table, row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_reading_a_received_report_and_its_evidence(
    qtbot: QtBot,
    window: ProvinceWindow,
    prov: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from PySide6.QtGui import QDesktopServices

    from app.printing.report_pdf import report_pdf_bytes
    from tests.test_province import unit_report

    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    chuse = unit_key("gl.chuse")
    enroll_key(prov, chuse)
    report = replace(unit_report("gl.chuse", values={("II.1", "hoi_nghi"): 12}), unit_name="GIẢ")
    photo = b"\xff\xd8\xff anh hoi nghi" * 100
    pkg = make_package(
        tmp_path / "usb",
        chuse,
        report=report,
        evidence=(("Ảnh hội nghị.jpg", photo), ("Danh sách.xlsx", b"PK\x03\x04 bang")),
        pdf=report_pdf_bytes(report),
    )
    import_packages(prov, [pkg], receipts=False)
    window.show()
    window.show_screen(1)
    inbox = window.inbox
    inbox.refresh_history()
    assert inbox.history.rowCount() == 1 and not inbox.read_button.isEnabled()
    _double_click(qtbot, inbox.history, 0, 1)
    dialog = inbox.reader
    assert dialog is not None and dialog.isVisible()
    name = prov.units.get("gl.chuse").name
    assert dialog.windowTitle().startswith(name) and "GIẢ" not in dialog.windowTitle()
    content = dialog.content.toPlainText()  # type: ignore[attr-defined]
    assert "II.1" in content and "12" in content and "Kinh phí còn hạn chế." in content
    files = dialog.files  # type: ignore[attr-defined]
    assert sorted(files.item(r, 0).text() for r in range(files.rowCount())) == [
        "Danh sách.xlsx",
        "Ảnh hội nghị.jpg",
    ]
    row = next(r for r in range(2) if files.item(r, 0).text() == "Ảnh hội nghị.jpg")
    _double_click(qtbot, files, row, 0)
    assert len(opened) == 1 and opened[0].read_bytes() == photo
    assert opened[0].name == "Ảnh hội nghị.jpg"
    saved = dialog.save_to(row, tmp_path)  # type: ignore[attr-defined]
    assert saved is not None and saved.read_bytes() == photo
    preview = dialog.show_pdf()  # type: ignore[attr-defined]
    assert preview is not None and preview.page_count() >= 1  # type: ignore[attr-defined]
    assert "dựng lại" not in preview.windowTitle()  # the PDF as it arrived
    preview.close()
    dialog.close()

    # the status matrix: double-click the unit's cell
    status = window.status
    window.show_screen(2)
    status.year.setValue(2024)
    matrix = status.matrix
    assert matrix is not None
    r = status.row_of("gl.chuse")
    c = [p.code for p in matrix.periods].index("2024")
    _double_click(qtbot, status.table, r, c)
    assert status.reader is not None and status.reader.windowTitle().startswith(name)
    status.reader.close()
    other = status.row_of("gl.kbang")  # nothing arrived
    assert status.read_cell(other, c) is None
    assert status.read_cell(0, c) is None  # a group's heading


def test_the_province_switches_plan_for_status_and_the_consolidated_report(
    qtbot: QtBot, window: ProvinceWindow, prov: Workspace, tmp_path: Path
) -> None:
    from app.services.plans import add_plan
    from tests.test_ui_plans import choose_plan
    from ui.province_window import REPORT, STATUS
    from ui.screenshot_scenes import SECOND_PLAN

    plan_file = tmp_path / "ke-hoach-35.toml"
    plan_file.write_text(SECOND_PLAN, encoding="utf-8")
    add_plan(prov, plan_file)
    window.ctx.plans_changed.emit()  # as the Kế hoạch screen announces a saved plan
    window.show()
    combo = window.switcher.combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["gl-157-2024", "gl-35-2025"]
    window.show_screen(STATUS)
    assert window.status.matrix is not None and window.status.matrix.plan_id == "gl-157-2024"
    choose_plan(window, "gl-35-2025")  # type: ignore[arg-type]
    assert prov.plan.id == "gl-35-2025"
    window.show_screen(STATUS)
    assert window.status.matrix is not None and window.status.matrix.plan_id == "gl-35-2025"
    window.show_screen(REPORT)
    report = window.report
    report.refresh()
    assert report.data is not None and report.data.status.plan_id == "gl-35-2025"
