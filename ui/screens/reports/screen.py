"""The Báo cáo screen: wires the period chooser, the editor and the panels around it, and
runs the report's actions (draft, recount, check, finalize, revise, PDF)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period
from app.errors import KnownError
from app.services import reports
from app.services.reports import Problem, ReportSummary
from ui import window_state
from ui.context import AppContext
from ui.screens.reports import dialogs
from ui.screens.reports.editor import ReportEditor
from ui.screens.reports.jobs import JobTracker, draft_job, pdf_job, refresh_job
from ui.screens.reports.panels import EmptyPage, SidePanel, StatusBanner
from ui.screens.reports.pdf import ReportPdf
from ui.screens.reports.periods import PeriodChooser, period_info
from ui.screens.reports.signing import ReportSigning
from ui.screens.reports.texts import problem_text
from ui.widgets.common import heading
from ui.widgets.job_bar import JobBar
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.worker import Job


class ReportsScreen(QWidget):
    """The period chooser, the report editor and the report's actions."""

    report_shown = Signal(int)  # the report id now on screen; 0 when the period has none
    pdf_ready = Signal(str, str)  # purpose ("preview", "print", "save"), PDF path

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.today: Callable[[], dt.date] = ctx.today
        self.period: Period | None = None
        self.revs: list[ReportSummary] = []
        self.shown: ReportSummary | None = None
        self.tracker = JobTracker(self)
        self.pdf = ReportPdf(ctx, self)
        self._emitting = False
        self._activities_touched = False

        layout = QVBoxLayout(self)
        self._build_top(layout)
        self._build_actions(layout)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        self.banner = StatusBanner()
        self.banner_title, self.banner_note = self.banner.title, self.banner.note
        layout.addWidget(self.banner)
        layout.addWidget(self.signing.status)
        self._build_pages(layout)
        self._connect()
        self._fill_periods()

    def _build_top(self, layout: QVBoxLayout) -> None:
        """The heading, the save state, the period chooser and the chosen period's line."""
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Báo cáo")))
        top.addStretch(1)
        self.save_state = QLabel()
        self.save_state.setStyleSheet("color: palette(placeholder-text);")
        top.addWidget(self.save_state)
        layout.addLayout(top)
        self.chooser = PeriodChooser(self.ctx)
        self.period_combo = self.chooser.combo
        layout.addWidget(self.chooser)
        self.period_info = QLabel()
        self.period_info.setWordWrap(True)
        self.period_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.period_info)

    def _build_actions(self, layout: QVBoxLayout) -> None:
        """The report's buttons; which are shown depends on the report (_update_actions)."""
        actions = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Cập nhật &số liệu"))
        self.refresh_button.setToolTip(
            self.tr("Tính lại số hoạt động và các chỉ tiêu từ các hoạt động đã ghi trong kỳ.")
        )
        self.check_button = QPushButton(self.tr("Kiểm &tra"))
        self.check_button.setToolTip(self.tr("Xem phần nào còn thiếu trước khi chốt."))
        self.finalize_button = QPushButton(self.tr("&Chốt báo cáo"))
        self.finalize_button.setToolTip(
            self.tr("Khóa báo cáo để in, ký và gửi; sau khi chốt không sửa trực tiếp được nữa.")
        )
        self.revise_button = QPushButton(self.tr("&Sửa đổi"))
        self.revise_button.setToolTip(
            self.tr("Tạo bản sửa đổi (lần mới) từ báo cáo đã chốt; bản đã chốt được giữ nguyên.")
        )
        self.latest_button = QPushButton(self.tr("X&em bản mới nhất"))
        self.send_button = QPushButton(self.tr("&Gửi báo cáo…"))
        self.send_button.setToolTip(
            self.tr("Báo cáo đã chốt: xuất gói báo cáo có chữ ký để gửi lên tỉnh.")
        )
        self.preview_button = QPushButton(self.tr("&Xem trước"))
        self.preview_button.setToolTip(self.tr("Xem báo cáo đúng như khi in ra giấy."))
        self.print_button = QPushButton(self.tr("&In…"))
        self.save_pdf_button = QPushButton(self.tr("Lưu &PDF…"))
        self.save_word_button = QPushButton(self.tr("Lưu &Word…"))
        self.save_word_button.setToolTip(
            self.tr("Lưu báo cáo thành tệp Word (.docx) để hoàn thiện trong Word.")
        )
        self.appendix_box = QCheckBox(self.tr("Kèm p&hụ lục"))
        self.appendix_box.setToolTip(
            self.tr("In kèm Phụ lục: danh sách mọi hoạt động trong kỳ, theo từng nhiệm vụ.")
        )
        for button in (
            self.refresh_button,
            self.check_button,
            self.finalize_button,
            self.revise_button,
            self.latest_button,
            self.send_button,
        ):
            actions.addWidget(button)
        self.signing = ReportSigning(self.ctx, self, self.tracker, self._run)
        self.sign_button = self.signing.button
        actions.addWidget(self.sign_button)
        actions.addStretch(1)
        actions.addWidget(self.appendix_box)
        for button in self._print_buttons():
            actions.addWidget(button)
        layout.addLayout(actions)

    def _print_buttons(self) -> tuple[QPushButton, ...]:
        return (self.preview_button, self.print_button, self.save_pdf_button, self.save_word_button)

    def _build_pages(self, layout: QVBoxLayout) -> None:
        """The page for a period without a report, and the editor beside its side panel."""
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.empty_page = EmptyPage(self.ctx)
        self.create_button = self.empty_page.create_button
        self.pages.addWidget(self.empty_page)

        self.editor = ReportEditor(self.ctx)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.editor)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side = SidePanel()
        self.problems_list = self.side.problems
        self.history = self.side.history
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.scroll_area)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setSizes([690, 320])
        self.split.setChildrenCollapsible(False)
        window_state.remember_splitter(self.split, "reports")
        self.pages.addWidget(self.split)

    def _connect(self) -> None:
        self.chooser.chosen.connect(self._period_chosen)
        self.chooser.show_all.toggled.connect(self._fill_periods)
        self.create_button.clicked.connect(self.create_report)
        self.refresh_button.clicked.connect(self.refresh_numbers)
        self.check_button.clicked.connect(self.check_report)
        self.finalize_button.clicked.connect(self.finalize_report)
        self.send_button.clicked.connect(self.go_send)
        self.revise_button.clicked.connect(self.revise_report)
        self.latest_button.clicked.connect(self.show_latest)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_word_button.clicked.connect(self.save_word)
        self.problems_list.itemActivated.connect(self._jump_to_item)
        self.problems_list.itemClicked.connect(self._jump_to_item)
        self.history.currentItemChanged.connect(self._revision_chosen)
        self.editor.saved.connect(self._edits_saved)
        self.editor.save_failed.connect(self._reload)
        self.tracker.changed.connect(self._update_actions)
        self.signing.signed.connect(self._signed)
        self.ctx.reports_changed.connect(self._reports_changed_elsewhere)
        self.ctx.activities_changed.connect(self._activities_changed)

    @property
    def jobs(self) -> list[Job]:
        """The background jobs kept while they run (see JobTracker)."""
        return self.tracker.jobs

    @property
    def preview_dialog(self) -> PdfPreviewDialog | None:
        """The PDF preview still open, if any."""
        return self.pdf.preview_dialog

    # ----------------------------------------------------------------- periods

    @Slot()
    def _fill_periods(self) -> None:
        """(Re)build the chooser and show the chosen period's newest report."""
        self.editor.flush()
        self._rebuild_chooser()
        self._show(None)

    def _rebuild_chooser(self) -> None:
        """List the periods again, keeping the chosen one when it is still listed."""
        keep = self.period.code if self.period else None
        self.period = self.chooser.rebuild(keep, self.today())

    def select_period(self, code: str) -> None:
        """Show the period's report (``code`` as in "2024", "2024-H1"); other kinds are
        listed first if needed. Raises KeyError when the period is not offered."""
        self.chooser.select(code)

    @Slot()
    def _period_chosen(self) -> None:
        self.editor.flush()
        self.period = self.chooser.period()
        self._show(None)

    # ----------------------------------------------------------------- showing

    def _show(self, report_id: int | None) -> None:
        """Show the chosen period: its newest revision, or the one with ``report_id``."""
        ws = self.ctx.ws
        period = self.period
        self.revs = reports.revisions(ws, period.code) if period else []
        latest = self.revs[0] if self.revs else None
        shown = next((r for r in self.revs if r.id == report_id), latest)
        if shown is None or self.shown is None or shown.id != self.shown.id:
            self.save_state.clear()
        self.shown = shown
        self.period_info.setText(period_info(ws, period, latest, self.today()))
        self.side.fill_history(self.revs, shown)
        if shown is None or period is None:
            self.pages.setCurrentWidget(self.empty_page)
            self.empty_page.show_period(period, self.today())
        else:
            self.pages.setCurrentWidget(self.split)
            editable = shown is latest and shown.state == "draft"
            try:
                self.editor.load(shown.id, read_only=not editable)
            except KnownError as exc:
                dialogs.show_error(self, exc)
            self._update_problems()
        self._update_actions()
        self.banner.show_report(shown, latest, self._numbers_stale)
        self.report_shown.emit(shown.id if shown else 0)

    @Slot()
    def _update_actions(self) -> None:
        latest = self.revs[0] if self.revs else None
        shown = self.shown
        is_latest = shown is not None and shown is latest
        draft = is_latest and shown is not None and shown.state == "draft"
        busy = self.busy()
        self.refresh_button.setVisible(draft)
        self.check_button.setVisible(draft)
        self.finalize_button.setVisible(draft)
        self.revise_button.setVisible(is_latest and not draft)
        self.latest_button.setVisible(shown is not None and not is_latest)
        # Finalized and not yet sent: the next step is Gửi báo cáo.
        self.send_button.setVisible(is_latest and shown is not None and shown.state == "finalized")
        for button in self._print_buttons():
            button.setVisible(shown is not None)
            button.setEnabled(not busy)
        self.appendix_box.setVisible(shown is not None)
        self.refresh_button.setEnabled(not busy)
        self.finalize_button.setEnabled(not busy)
        self.side.set_checklist_visible(draft)
        self.signing.update(shown, is_latest, busy)

    def _numbers_stale(self) -> bool:
        if self.period is None or self.shown is None or self.editor.report_id is None:
            return False
        if self._activities_touched:
            return True
        return self.editor.counted != reports.activity_count(self.ctx.ws, self.period)

    # --------------------------------------------------------------- problems

    def _update_problems(self) -> list[Problem]:
        if self.shown is None or self.shown.state != "draft":
            self.side.show_problems(None)
            return []
        found = reports.problems(self.ctx.ws, self.shown.id)
        self.side.show_problems(found)
        return found

    def problem_text(self, problem: Problem) -> str:
        """What to fix, in the interface language (the core words it in Vietnamese)."""
        return problem_text(problem)

    @Slot(QListWidgetItem)
    def _jump_to_item(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(problem, Problem):
            self.jump_to(problem)

    def jump_to(self, problem: Problem) -> None:
        """Scroll to the field a problem is about and put the cursor there."""
        widget = self.editor.widget_for(problem)
        if widget is None:
            return
        self.scroll_area.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----------------------------------------------------------------- changes

    def _announce(self, message: str | None = None) -> None:
        """Tell other screens the reports changed (without reloading this one)."""
        self._emitting = True
        try:
            self.ctx.reports_changed.emit()
        finally:
            self._emitting = False
        if message:
            self.ctx.status_message.emit(message)

    @Slot()
    def _edits_saved(self) -> None:
        self.save_state.setText(
            self.tr("Đã lưu lúc %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S"))
        )
        self._update_problems()
        self._announce()

    @Slot()
    def _reload(self) -> None:
        """Show what the database holds (after a failed save or a change elsewhere)."""
        self._rebuild_chooser()
        self._show(self.shown.id if self.shown else None)

    @Slot()
    def _reports_changed_elsewhere(self) -> None:
        if self._emitting:
            return
        self.editor.flush()
        self._reload()

    @Slot()
    def _activities_changed(self) -> None:
        self._activities_touched = True
        self.editor.flush()
        self._reload()

    def flush_edits(self) -> None:
        """Write edits still waiting for their delay (the window is closing)."""
        self.editor.flush()

    def save_edits(self) -> bool:
        """Write edits still waiting for their delay; False (after telling the officer)
        when one could not be saved."""
        return self.editor.flush()

    # ----------------------------------------------------------------- actions

    def _run(self, job: Job, text: str, *, cancellable: bool = True) -> None:
        """Start a tracked ``job`` with its progress in the job bar; a failure is shown
        and the report reloaded. Connect the job's own slots before calling this."""
        job.signals.failed.connect(self._job_failed)
        self.job_bar.watch(job, text, cancellable=cancellable)
        job.start()

    def busy(self) -> bool:
        """Whether a background job (drafting, recounting, PDF) is running."""
        return self.tracker.busy()

    @Slot()
    def create_report(self) -> None:
        """Draft the chosen period's report from its activities (in the background)."""
        if self.period is None:
            return
        job = self.tracker.track(draft_job(self.ctx.ws, self.period.code))
        job.signals.finished.connect(self._drafted)
        self.create_button.setEnabled(False)
        self._run(job, self.tr("Đang lập báo cáo từ các hoạt động…"), cancellable=False)

    @Slot(object)
    def _drafted(self, result: object) -> None:
        code, _report_id = cast(tuple[str, int], result)
        self._announce(
            self.tr("Đã lập bản nháp báo cáo %1.").replace(
                "%1", self.ctx.period_label(Period.parse(code))
            )
        )
        self._activities_touched = False
        self._offer_earlier_texts(_report_id)
        self._rebuild_chooser()
        if self.period is not None and self.period.code == code:
            self._show(None)
            self.editor.overall.setFocus()

    def _offer_earlier_texts(self, report_id: int) -> None:
        """A year report just drafted: offer to start its texts from what the officer
        wrote in the same year's 6-month reports (report_carry); nothing is replaced
        without a yes."""
        from app.services import report_carry

        try:
            # a text the officer already wrote in the year report is not offered here
            earlier = [
                e
                for e in report_carry.earlier_texts(self.ctx.ws, report_id)
                if not e.replaces_edited
            ]
            if not earlier:
                return
            names = [self._section_name(e.key) for e in earlier]
            sources = [
                self.ctx.period_label(Period.parse(code))
                for code in dict.fromkeys(e.source for e in earlier)
            ]
            if dialogs.ask_start_from_earlier(self, names, sources):
                report_carry.use_earlier_texts(self.ctx.ws, report_id, replace_edited=False)
                self._announce(self.tr("Đã dùng nội dung báo cáo 6 tháng; hãy đọc lại."))
        except KnownError as exc:
            dialogs.show_error(self, exc)

    def _section_name(self, key: str) -> str:
        names = {
            "overall": self.tr("công tác chỉ đạo, triển khai"),
            "difficulties": self.tr("tồn tại, hạn chế và nguyên nhân"),
            "proposals": self.tr("đề xuất, kiến nghị"),
            "next_direction": self.tr("phương hướng, nhiệm vụ kỳ tới"),
        }
        return names.get(key) or self.tr("nhiệm vụ %1").replace("%1", key)

    @Slot(str, str)
    def _job_failed(self, message: str, hint: str) -> None:
        if "Traceback" in hint:  # a bug: the log has the details
            hint = self.tr("Lỗi đã được ghi vào nhật ký của ứng dụng.")
        dialogs.show_error(self, message, hint)
        self._reload()

    @Slot()
    def refresh_numbers(self) -> None:
        """Recount the draft from the activities and draft again what the officer has not
        edited; ask before replacing what they have."""
        shown = self.shown
        if shown is None or shown.state != "draft" or not self.editor.flush():
            return
        try:
            edited = reports.edited_texts(self.ctx.ws, shown.id)
        except KnownError as exc:
            dialogs.show_error(self, exc)
            return
        replace = bool(edited) and dialogs.ask_replace_edited(self, edited)
        job = self.tracker.track(refresh_job(self.ctx.ws, shown.id, replace_edited=replace))
        job.signals.finished.connect(self._refreshed)
        self._run(job, self.tr("Đang tính lại số liệu…"), cancellable=False)

    @Slot(object)
    def _refreshed(self, report_id: object) -> None:
        self._activities_touched = False
        self._announce(self.tr("Đã cập nhật số liệu từ các hoạt động."))
        if self.shown is not None and self.shown.id == report_id:
            self._show(self.shown.id)

    @Slot()
    def check_report(self) -> None:
        """List what must be fixed before finalizing, and go to the first one."""
        if not self.editor.flush():
            return
        found = self._update_problems()
        if found:
            self.ctx.status_message.emit(
                self.tr("Còn %1 phần cần hoàn thiện.").replace("%1", str(len(found)))
            )
            self.problems_list.setCurrentRow(0)
            self.problems_list.setFocus()
        else:
            self.ctx.status_message.emit(self.tr("Báo cáo đã đủ nội dung, có thể chốt."))

    @Slot()
    def finalize_report(self) -> None:
        """Check the draft; if complete, confirm and lock it."""
        shown = self.shown
        if shown is None or shown.state != "draft" or not self.editor.flush():
            return
        found = self._update_problems()
        label = self.ctx.period_label(Period.parse(shown.period))
        if found:
            dialogs.tell_missing(self, found)
            self.jump_to(found[0])
            return
        if not dialogs.confirm_finalize(self, label, shown.revision):
            return
        try:
            reports.finalize(self.ctx.ws, shown.id)
        except KnownError as exc:
            dialogs.show_error(self, exc)
            self._reload()
            return
        self._announce(
            self.tr("Đã chốt báo cáo %1 (lần %2).")
            .replace("%1", label)
            .replace("%2", str(shown.revision))
        )
        self._rebuild_chooser()
        self._show(shown.id)

    @Slot()
    def go_send(self) -> None:
        """Open Gửi báo cáo on the shown report's period."""
        if self.shown is not None:
            self.ctx.send_report.emit(self.shown.period)

    @Slot()
    def revise_report(self) -> None:
        """Confirm, then start a new draft revision from the locked newest one."""
        latest = self.revs[0] if self.revs else None
        if latest is None or latest.state == "draft":
            return
        label = self.ctx.period_label(Period.parse(latest.period))
        if not dialogs.confirm_revise(self, latest, label):
            return
        try:
            new_id = reports.revise(self.ctx.ws, latest.id)
        except KnownError as exc:
            dialogs.show_error(self, exc)
            self._reload()
            return
        self._announce(
            self.tr("Đã tạo bản sửa đổi lần %1 của báo cáo %2.")
            .replace("%1", str(latest.revision + 1))
            .replace("%2", label)
        )
        self._rebuild_chooser()
        self._show(new_id)
        self.editor.overall.setFocus()

    @Slot(int)
    def _signed(self, report_id: int) -> None:
        self._announce()
        self._show(report_id)

    @Slot()
    def show_latest(self) -> None:
        self._show(None)

    def _revision_chosen(self, item: QTreeWidgetItem | None, *_: object) -> None:
        if item is None:
            return
        report_id = item.data(0, Qt.ItemDataRole.UserRole)
        if self.shown is not None and report_id == self.shown.id:
            return
        self.editor.flush()
        self._show(int(report_id))

    # --------------------------------------------------------------------- PDF

    @Slot()
    def preview(self) -> None:
        """Build the PDF in the background, then show its pages."""
        if self.shown is not None:
            path = self.pdf.temp_path(self.shown)
            self._start_pdf("preview", path, self.tr("Đang tạo bản xem trước…"))

    @Slot()
    def print_report(self) -> None:
        """Build the PDF in the background, then print it."""
        if self.shown is not None:
            path = self.pdf.temp_path(self.shown)
            self._start_pdf("print", path, self.tr("Đang chuẩn bị bản in…"))

    @Slot()
    def save_pdf(self) -> None:
        """Ask where, then write the PDF there."""
        if self.shown is None:
            return
        target = dialogs.ask_save_path(
            self, self.tr("Lưu báo cáo thành tệp PDF"), self.pdf.file_name(self.shown)
        )
        if target is not None:
            self._start_pdf("save", target, self.tr("Đang lưu tệp PDF…"))

    @Slot()
    def save_word(self) -> None:
        """Ask where, then write the report as a Word file there."""
        if self.shown is None:
            return
        target = dialogs.ask_save_path(
            self, self.tr("Lưu báo cáo thành tệp Word"), self.pdf.file_name(self.shown), word=True
        )
        if target is not None:
            self._start_pdf("save", target, self.tr("Đang lưu tệp Word…"))

    def _start_pdf(self, purpose: str, out: Path, text: str) -> None:
        shown = self.shown
        if shown is None or not self.editor.flush():
            return
        appendix = self.appendix_box.isChecked()
        job = self.tracker.track(pdf_job(self.ctx.ws, shown.id, out, purpose, appendix=appendix))
        job.signals.finished.connect(self._pdf_built)
        job.signals.cancelled.connect(self._pdf_cancelled)
        self._run(job, text)

    @Slot(object)
    def _pdf_built(self, result: object) -> None:
        purpose, path_text, report_id = cast(tuple[str, str, int], result)
        # the revision as it is now: it may have been finalized while the PDF was made
        summary = next((r for r in self.revs if r.id == report_id), self.shown)
        self.pdf.present(purpose, Path(path_text), summary)
        self.pdf_ready.emit(purpose, path_text)

    @Slot()
    def _pdf_cancelled(self) -> None:
        self.ctx.status_message.emit(self.tr("Đã hủy tạo tệp PDF."))

    def screenshot_dialogs(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """The preview dialog of the report on screen, for `tiendo screenshots`."""
        shown = self.shown
        if shown is None:
            return []
        return [("report-preview", lambda: self.pdf.screenshot_dialog(shown))]
