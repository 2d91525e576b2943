"""The Báo cáo screen driven as the officer drives it: choose a period, edit (saved as
typed), check, finalize, revise, preview and print. Message boxes are replaced by
recorders so that no modal dialog waits for a click."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.calendar import Period, PeriodKind
from app.demo import run_demo
from app.printing import Cancelled
from app.services import reports
from app.services.workspace import Workspace, open_workspace
from app.text import format_number
from ui.context import AppContext
from ui.screens.reports import ReportsScreen, period_rows
from ui.screens.reports import dialogs as screen_module
from ui.widgets import pdf_preview
from ui.widgets.pdf_preview import load_pdf, paint_pdf

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo unit (2024-H1 finalized, 2024 a draft), made once and copied per test."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    ws = open_workspace(folder)
    try:
        run_demo(ws, count=60)
    finally:
        ws.close()
    return folder


@pytest.fixture
def data_dir(demo_folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(demo_folder, target)
    return target


@pytest.fixture
def ws(data_dir: Path) -> Iterator[Workspace]:
    workspace = open_workspace(data_dir)
    yield workspace
    workspace.close()


class Boxes:
    """Stands in for the message boxes: records what they would have said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.informed: list[tuple[str, str, str]] = []
        self.errors: list[str] = []
        self.confirmed: list[str] = []
        self.answer = True
        monkeypatch.setattr(screen_module, "inform", self._inform)
        monkeypatch.setattr(screen_module, "confirm", self._confirm)
        monkeypatch.setattr(screen_module, "show_error", self._error)

    def _inform(self, _parent: object, title: str, text: str, details: str = "") -> None:
        self.informed.append((title, text, details))

    def _confirm(self, _parent: object, title: str, text: str, _yes: str, _no: str) -> bool:
        self.confirmed.append(f"{title}: {text}")
        return self.answer

    def _error(self, _parent: object, exc: object, hint: str = "") -> None:
        self.errors.append(f"{getattr(exc, 'message', exc)} {getattr(exc, 'hint', hint)}")


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def make_screen(qtbot: QtBot, ws: Workspace) -> tuple[AppContext, ReportsScreen]:
    ctx = AppContext(ws)
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return ctx, screen


def stored(ws: Workspace, period: str = "2024") -> dict[str, Any]:
    summary = reports.latest(ws, period)
    assert summary is not None
    return reports.report_fields(ws, summary.id)


def entry(ws: Workspace, code: str, period: str = "2024") -> Any:
    summary = reports.latest(ws, period)
    assert summary is not None
    data = reports.report_data(ws, summary.id)
    return next(e for e in data.entries if e.code == code)


def type_text(widget: Any, text: str) -> None:
    """Key presses carrying the letters, as a Vietnamese keyboard (Unikey) sends them;
    QTest.keyClicks only knows Latin-1."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_into(qtbot: QtBot, widget: Any, text: str) -> None:
    """Replace the widget's text by typing, as a user would."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def test_choosing_2024_shows_the_drafts_entries(qtbot: QtBot, ws: Workspace) -> None:
    _, screen = make_screen(qtbot, ws)
    texts = [screen.period_combo.itemText(i) for i in range(screen.period_combo.count())]
    assert any("Năm 2024" in t and "bản nháp" in t and "hạn 19/12/2024" in t for t in texts)
    assert any("6 tháng đầu năm 2024" in t and "đã chốt lần 1" in t for t in texts)
    # the year's report covers the second half: it is not offered beside it unless asked
    assert not any("6 tháng cuối năm 2024" in t for t in texts)

    screen.select_period("2024")
    draft = reports.latest(ws, "2024")
    assert draft is not None
    assert screen.editor.report_id == draft.id
    assert not screen.editor.read_only
    assert list(screen.editor.sections) == [t.code for t in ws.plan.tasks]
    first = screen.editor.sections["II.1"]
    stored_entry = entry(ws, "II.1")
    assert first.narrative.text() == stored_entry.narrative != ""
    assert f"{stored_entry.activity_count} hoạt động trong kỳ" in first.meta.text()
    assert first.table.rowCount() == len(stored_entry.indicators)
    shown = [first.table.item(r, 1).text() for r in range(first.table.rowCount())]  # type: ignore[union-attr]
    for ind, text in zip(stored_entry.indicators, shown, strict=True):
        if ind.kind == "money":  # 12.500.000 đ
            assert text == format_number(ind.value) + " đ" and ind.value >= 1000 and "." in text
        else:
            assert text == f"{format_number(ind.value)} {ind.unit}"
    # Percent only for deadline tasks (II.1 has a deadline, II.2 is recurring).
    assert not first.percent.isHidden()
    assert screen.editor.sections["II.2"].percent.isHidden()
    assert screen.editor.budget_box.isVisibleTo(screen)


def test_editing_overall_is_saved_by_flush_and_by_the_delay(qtbot: QtBot, ws: Workspace) -> None:
    ctx, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    with qtbot.waitSignal(ctx.reports_changed, timeout=3000):
        type_into(qtbot, screen.editor.overall, "Đánh giá mới của huyện")
        assert screen.editor.has_pending()
        screen.flush_edits()
    assert stored(ws)["overall"] == "Đánh giá mới của huyện"

    # Without flushing: the debounce timer writes it shortly after the last keystroke.
    type_text(screen.editor.overall, " trong năm")
    qtbot.waitUntil(
        lambda: stored(ws)["overall"] == "Đánh giá mới của huyện trong năm", timeout=3000
    )
    assert "Đã lưu" in screen.save_state.text()


def test_edits_survive_a_restart(qtbot: QtBot, data_dir: Path) -> None:
    ws = open_workspace(data_dir)
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    type_into(qtbot, screen.editor.difficulties, "Thiếu kinh phí cho xã vùng sâu")
    type_into(qtbot, screen.editor.number, "301/BC-UBND")
    screen.flush_edits()
    screen.close()
    ws.close()

    ws2 = open_workspace(data_dir)
    try:
        _, again = make_screen(qtbot, ws2)
        again.select_period("2024")
        assert again.editor.difficulties.text() == "Thiếu kinh phí cho xã vùng sâu"
        assert again.editor.number.text() == "301/BC-UBND"
        type_into(qtbot, again.editor.proposals, "Không có")
        again.flush_edits()
        assert stored(ws2)["proposals"] == "Không có"
        assert stored(ws2)["difficulties"] == "Thiếu kinh phí cho xã vùng sâu"
    finally:
        ws2.close()


def test_status_percent_date_and_budget_are_saved(qtbot: QtBot, ws: Workspace) -> None:
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    section = screen.editor.sections["II.1"]
    section.status.setCurrentIndex(section.status.findData("in_progress"))
    section.percent.setValue(40)
    screen.flush_edits()
    assert (entry(ws, "II.1").status, entry(ws, "II.1").percent) == ("in_progress", 40)

    # Choosing "done" on a deadline task sets 100%, which finalizing requires.
    section.status.setCurrentIndex(section.status.findData("done"))
    screen.flush_edits()
    assert (entry(ws, "II.1").status, entry(ws, "II.1").percent) == ("done", 100)

    section.percent.setValue(-1)  # "chưa nhập"
    screen.editor.document_date.set_date_value(dt.date(2024, 12, 20))
    type_into(qtbot, screen.editor.budget_estimate, "25000000")
    screen.flush_edits()
    assert entry(ws, "II.1").percent is None
    fields = stored(ws)
    assert fields["document_date"] == dt.date(2024, 12, 20)
    assert fields["budget_estimate"] == 25_000_000
    screen.editor.budget_estimate.editingFinished.emit()
    assert screen.editor.budget_estimate.text() == "25.000.000"


def test_finalize_with_a_missing_field_names_it_and_keeps_the_draft(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    type_into(qtbot, screen.editor.overall, "")
    qtbot.mouseClick(screen.finalize_button, Qt.MouseButton.LeftButton)

    assert len(boxes.informed) == 1
    _title, _text, details = boxes.informed[0]
    assert "Công tác chỉ đạo, triển khai" in details
    assert boxes.confirmed == []  # nothing to confirm while something is missing
    assert reports.latest(ws, "2024").state == "draft"  # type: ignore[union-attr]
    assert not screen.editor.read_only
    # The checklist names it and leads to the field.
    items = [screen.problems_list.item(i) for i in range(screen.problems_list.count())]
    overall_item = next(i for i in items if "Công tác chỉ đạo" in i.text())
    screen.editor.next_direction.setFocus()
    screen._jump_to_item(overall_item)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.editor.overall, timeout=2000)


def test_finalize_then_revise_then_look_at_the_history(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    ctx, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    type_into(qtbot, screen.editor.overall, "Hoàn thành tốt các nhiệm vụ trong năm.")
    assert screen.check_button.isVisible()
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    assert screen.problems_list.item(0).text().startswith("Đã đủ nội dung")

    with qtbot.waitSignal(ctx.status_message, timeout=3000) as said:
        qtbot.mouseClick(screen.finalize_button, Qt.MouseButton.LeftButton)
    assert boxes.informed == [] and len(boxes.confirmed) == 1
    assert "Đã chốt" in said.args[0]
    first = reports.latest(ws, "2024")
    assert first is not None and first.state == "finalized"
    assert screen.editor.read_only
    assert screen.editor.overall.isReadOnly()
    assert screen.editor.number.isReadOnly()
    assert not screen.editor.sections["II.1"].status.isEnabled()
    assert screen.banner_title.text().startswith("Đã chốt lần 1 ngày ")
    assert "Sửa đổi" in screen.banner_note.text()
    assert screen.revise_button.isVisible() and not screen.finalize_button.isVisible()
    assert "đã chốt lần 1" in screen.period_combo.currentText()

    qtbot.mouseClick(screen.revise_button, Qt.MouseButton.LeftButton)
    second = reports.latest(ws, "2024")
    assert second is not None and (second.revision, second.state) == (2, "draft")
    assert screen.editor.report_id == second.id and not screen.editor.read_only
    assert screen.editor.overall.text() == "Hoàn thành tốt các nhiệm vụ trong năm."
    assert screen.history.topLevelItemCount() == 2
    rows = [
        [screen.history.topLevelItem(i).text(c) for c in range(4)]
        for i in range(screen.history.topLevelItemCount())
    ]
    assert rows[0][:2] == ["2", "Bản nháp"] and rows[0][3] == "—"
    assert rows[1][:2] == ["1", "Đã chốt"] and rows[1][3] != "—"

    # The old revision opens read-only; edits go nowhere.
    screen.history.setCurrentItem(screen.history.topLevelItem(1))
    assert screen.editor.report_id == first.id and screen.editor.read_only
    assert "lần 1 (bản cũ)" in screen.banner_title.text()
    assert screen.latest_button.isVisible()
    qtbot.mouseClick(screen.latest_button, Qt.MouseButton.LeftButton)
    assert screen.editor.report_id == second.id


def test_a_change_made_elsewhere_is_reported_not_a_crash(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    draft = reports.latest(ws, "2024")
    assert draft is not None
    reports.finalize(ws, draft.id)  # e.g. `tiendo export --finalize` meanwhile
    type_into(qtbot, screen.editor.proposals, "Đề xuất muộn")
    screen.flush_edits()
    assert len(boxes.errors) == 1 and "đã chốt" in boxes.errors[0]
    assert screen.editor.read_only  # shown again as it really is
    assert stored(ws)["proposals"] != "Đề xuất muộn"


def test_lap_bao_cao_drafts_the_period_in_the_background(qtbot: QtBot, ws: Workspace) -> None:
    ctx, screen = make_screen(qtbot, ws)
    screen.select_period("2024-H2")
    assert screen.pages.currentWidget() is screen.empty_page
    assert reports.latest(ws, "2024-H2") is None
    with qtbot.waitSignals([screen.report_shown, ctx.reports_changed], timeout=10000):
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    draft = reports.latest(ws, "2024-H2")
    assert draft is not None and draft.state == "draft"
    assert screen.editor.report_id == draft.id
    assert "bản nháp" in screen.period_combo.currentText()
    # A half-year report has no budget estimate section.
    assert not screen.editor.budget_box.isVisibleTo(screen)


def test_preview_builds_a_real_pdf_and_shows_its_pages(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    with qtbot.waitSignal(screen.pdf_ready, timeout=20000) as ready:
        qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
        assert screen.job_bar.isVisible()
    purpose, path = ready.args
    assert purpose == "preview"
    document = QPdfDocument()
    assert document.load(path) == QPdfDocument.Error.None_
    assert document.pageCount() >= 2
    dialog = screen.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.page_count() == document.pageCount()
    assert "Trang 1 / " in dialog.page_label.text()
    # Lưu thành… copies the very file shown.
    copy = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(pdf_preview, "ask_save_path", lambda *_: copy)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert copy.read_bytes() == Path(path).read_bytes()
    document.close()
    dialog.close()
    qtbot.waitUntil(lambda: screen.preview_dialog is None, timeout=2000)
    qtbot.waitUntil(lambda: not screen.busy(), timeout=3000)
    assert screen.preview_button.isEnabled()


def test_printing_paints_every_page(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    from app.printing.report_pdf import build_report_pdf

    summary = reports.latest(ws, "2024")
    assert summary is not None
    build_report_pdf(reports.report_data(ws, summary.id), pdf)
    document = load_pdf(pdf)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(document, printer) == document.pageCount()
    printed = load_pdf(tmp_path / "printed.pdf")
    assert printed.pageCount() == document.pageCount()


def test_save_pdf_and_print_from_the_screen(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024-H1")
    target = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(screen_module, "ask_save_path", lambda *_: target)
    with qtbot.waitSignal(screen.pdf_ready, timeout=20000):
        qtbot.mouseClick(screen.save_pdf_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")

    printed: list[int] = []

    def fake_print(document: QPdfDocument, title: str, _parent: object) -> bool:
        assert "6 tháng đầu năm 2024" in title and "lần 1" in title
        printed.append(document.pageCount())
        return True

    monkeypatch.setattr(screen_module, "print_pdf", fake_print)
    qtbot.waitUntil(lambda: screen.print_button.isEnabled(), timeout=3000)
    with qtbot.waitSignal(screen.pdf_ready, timeout=20000):
        qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert printed and printed[0] >= 1

    # "Lưu Word", beside the PDF actions, with the Phụ lục of activities
    word = tmp_path / "bao-cao.docx"
    asked: list[bool] = []

    def ask(*_args: object, word: bool = False) -> Path:
        asked.append(word)
        return tmp_path / "bao-cao.docx"

    monkeypatch.setattr(screen_module, "ask_save_path", ask)
    screen.appendix_box.setChecked(True)
    qtbot.waitUntil(lambda: screen.save_word_button.isEnabled(), timeout=3000)
    with qtbot.waitSignal(screen.pdf_ready, timeout=20000):
        qtbot.mouseClick(screen.save_word_button, Qt.MouseButton.LeftButton)
    assert asked == [True]
    from docx import Document

    text = "\n".join(p.text for p in Document(str(word)).paragraphs)
    assert "BÁO CÁO" in text and "PHỤ LỤC" in text


def test_cancelling_the_preview_writes_nothing(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def slow_build(
        _report: object,
        out: Path,
        *,
        appendix: object,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> None:
        progress(1, 10)
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        raise Cancelled()

    import app.printing.report_pdf

    # the screen imports the builder when it starts a job (off the start-up path)
    monkeypatch.setattr(app.printing.report_pdf, "build_report_pdf", slow_build)
    ctx, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    job_cancelled: list[bool] = []
    screen.pdf_ready.connect(lambda *_: pytest.fail("no PDF after cancelling"))
    with qtbot.waitSignal(ctx.status_message, timeout=10000) as said:
        screen.preview()
        job = screen.jobs[-1]
        job.signals.cancelled.connect(lambda: job_cancelled.append(True))
        qtbot.waitUntil(started.is_set, timeout=5000)
        qtbot.mouseClick(screen.job_bar.cancel_button, Qt.MouseButton.LeftButton)
    assert "hủy" in said.args[0]
    # the screen's own slot said so first; ours, connected after it, runs next
    qtbot.waitUntil(lambda: bool(job_cancelled), timeout=3000)
    assert screen.preview_dialog is None
    qtbot.waitUntil(lambda: screen.job_bar.isHidden(), timeout=3000)


def test_period_rows_offer_the_plans_kinds_first_and_others_on_demand() -> None:
    today = dt.date(2025, 3, 1)
    rows = period_rows([PeriodKind.HALF, PeriodKind.YEAR], 5, [], [2024], today, show_all=False)
    codes = [r.period.code for r in rows]
    # 2025: only the periods already begun; then 2024, the year with activities. No H2:
    # the plan asks for the year, whose report covers the second half.
    assert codes == ["2025-H1", "2025", "2024-H1", "2024"]
    assert all(r.late for r in rows if r.period.year == 2024)
    assert not any(r.late for r in rows if r.period.year == 2025)
    more = period_rows([PeriodKind.HALF, PeriodKind.YEAR], 5, [], [2024], today, show_all=True)
    more_codes = [r.period.code for r in more]
    assert more_codes[:2] == ["2025-H1", "2025"]  # the plan's kinds first
    assert "2024-Q3" in more_codes and "2024-07" in more_codes and "2024-9M" in more_codes
    assert Period.parse("2025-05").window.start > today and "2025-05" not in more_codes
    # Kinds the plan does not ask for are never "late".
    assert not any(r.late or r.required for r in more if r.period.kind == PeriodKind.MONTH)
    h2 = next(r for r in more if r.period.code == "2024-H2")
    assert not (h2.required or h2.late)
    # nothing that fell due before the unit followed the plan is late
    since = period_rows(
        [PeriodKind.HALF, PeriodKind.YEAR],
        5,
        [],
        [2024],
        today,
        show_all=False,
        since=dt.date(2024, 7, 1),
    )
    assert [(r.period.code, r.late) for r in since if r.period.year == 2024] == [
        ("2024-H1", False),
        ("2024", True),
    ]


def test_the_keyboard_reaches_every_field_in_reading_order(qtbot: QtBot, ws: Workspace) -> None:
    _, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    screen.activateWindow()
    editor = screen.editor
    editor.number.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.number, timeout=2000)
    visited = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] is editor.budget_note:
            break
    section = editor.sections["II.1"]
    order = [
        editor.overall,
        section.status,
        section.percent,
        section.narrative,
        editor.sections["II.5"].narrative,
        editor.difficulties,
        editor.next_direction,
        editor.budget_estimate,
        editor.budget_note,
    ]
    positions = [next(i for i, w in enumerate(visited) if w is target) for target in order]
    assert positions == sorted(positions)

    # Alt + the underlined letter jumps to a section.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.overall, timeout=2000)


def test_cap_nhat_so_lieu_recounts_and_asks_before_replacing_edited_text(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    from app.services import activities

    ctx, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    before = entry(ws, "II.1")
    type_into(qtbot, screen.editor.sections["II.1"].narrative, "Phần tự viết của cán bộ.")
    screen.flush_edits()
    activities.add_activity(
        ws,
        activities.ActivityInput(
            task_code="II.1",
            date=dt.date(2024, 10, 2),
            title="Hội nghị quán triệt bổ sung",
            values={"hoi_nghi": 1},
        ),
    )
    ctx.activities_changed.emit()
    assert "Cập nhật số liệu" in screen.banner_note.text()

    boxes.answer = False  # keep what the officer wrote
    with qtbot.waitSignal(screen.report_shown, timeout=10000):
        qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    after = entry(ws, "II.1")
    assert after.activity_count == before.activity_count + 1
    hoi_nghi = {i.code: i.value for i in after.indicators}["hoi_nghi"]
    assert hoi_nghi == {i.code: i.value for i in before.indicators}["hoi_nghi"] + 1
    assert after.narrative == "Phần tự viết của cán bộ."
    assert f"{after.activity_count} hoạt động" in screen.editor.sections["II.1"].meta.text()
    assert screen.banner_note.isHidden()

    assert boxes.confirmed  # asked, since the officer's text would be replaced
    boxes.answer = True  # replace it with a new draft
    qtbot.waitUntil(lambda: screen.refresh_button.isEnabled(), timeout=3000)
    with qtbot.waitSignal(screen.report_shown, timeout=10000):
        qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    counted = f"đã thực hiện {after.activity_count} hoạt động"
    assert counted in entry(ws, "II.1").narrative
    assert counted in screen.editor.sections["II.1"].narrative.text()


def test_every_problem_is_worded_as_the_core_words_it(qtbot: QtBot, ws: Workspace) -> None:
    """The checklist words problems itself (to be translatable); in Vietnamese it must say
    exactly what `tiendo` and validate() say."""
    _, screen = make_screen(qtbot, ws)
    summary = reports.latest(ws, "2024")
    assert summary is not None
    rid = summary.id
    for name in ("overall", "difficulties", "proposals", "next_direction"):
        reports.update_report(ws, rid, name, "")
    reports.update_report(ws, rid, "budget_estimate", None)
    reports.update_entry(ws, rid, "II.1", "status", "done")
    reports.update_entry(ws, rid, "II.1", "percent", 50)
    reports.update_entry(ws, rid, "II.2", "status", "not_started")
    reports.update_entry(ws, rid, "II.3.1", "narrative", "")
    found = reports.problems(ws, rid)
    kinds = {(p.field, p.kind) for p in found}
    assert {("percent", "not_100"), ("status", "conflict"), ("narrative", "missing")} <= kinds
    assert ("budget_estimate", "missing") in kinds and ("overall", "missing") in kinds
    assert [screen.problem_text(p) for p in found] == reports.validate(ws, rid)
    reports.update_entry(ws, rid, "II.1", "percent", None)
    found = reports.problems(ws, rid)
    assert ("percent", "missing") in {(p.field, p.kind) for p in found}
    assert [screen.problem_text(p) for p in found] == reports.validate(ws, rid)


def test_the_editor_has_one_scroll_bar_and_follows_the_cursor(qtbot: QtBot, ws: Workspace) -> None:
    """The page scrolls; its text boxes grow with their text and never scroll themselves
    (no scroll area inside the scroll area), and the page follows the text cursor."""
    from PySide6.QtGui import QTextCursor

    from ui.widgets.editors import AutoText

    _ctx, screen = make_screen(qtbot, ws)
    screen.select_period("2024")
    boxes = screen.editor.findChildren(AutoText)
    assert len(boxes) > 5
    for box in boxes:
        assert box.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    first = boxes[0]
    first.set_text("\n".join(f"Dòng {i}: kết quả thực hiện nhiệm vụ." for i in range(60)))
    QApplication.processEvents()
    assert first.verticalScrollBar().maximum() == 0
    assert first.height() > 60 * first.fontMetrics().lineSpacing()
    page = screen.scroll_area.verticalScrollBar()
    page.setValue(0)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    first.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.processEvents()
    assert page.value() > 0  # the last line is in view
    cursor = first.viewport().mapTo(screen.scroll_area.viewport(), first.cursorRect().center())
    assert 0 <= cursor.y() <= screen.scroll_area.viewport().height()


def test_a_new_year_report_offers_the_half_year_text(
    qtbot: QtBot, ws: Workspace, boxes: Boxes
) -> None:
    """Drafting the year report asks whether to start from the texts the officer wrote in
    the 6-month report of the second half; a no keeps the app's draft."""
    h2 = reports.create_draft(ws, "2024-H2")
    text = "Tổ chức 2 hội nghị; kết quả tốt (viết ở báo cáo 6 tháng)."
    reports.update_entry(ws, h2, "II.1", "narrative", text)
    # the demo's year draft has its own proposals: that edited text is not offered
    reports.update_report(ws, h2, "proposals", "Đề nghị tỉnh hỗ trợ kinh phí.")
    year = reports.latest(ws, "2024")
    assert year is not None and year.state == "draft"
    before = entry(ws, "II.1").narrative
    _, screen = make_screen(qtbot, ws)

    boxes.answer = False
    screen._offer_earlier_texts(year.id)
    assert len(boxes.confirmed) == 1
    assert "6 tháng cuối năm 2024" in boxes.confirmed[0]
    assert "nhiệm vụ II.1" in boxes.confirmed[0]
    assert "đề xuất" not in boxes.confirmed[0]
    assert entry(ws, "II.1").narrative == before

    boxes.answer = True
    screen._offer_earlier_texts(year.id)
    assert entry(ws, "II.1").narrative == text
    assert stored(ws)["proposals"] != "Đề nghị tỉnh hỗ trợ kinh phí."
    screen._offer_earlier_texts(year.id)
    assert len(boxes.confirmed) == 2  # nothing left to offer: not asked again
