"""Báo cáo tổng hợp: the provincial report of a period, compiled from every unit's current
report — its written parts edited by the clerk, previewed as the PDF that will be printed,
saved as PDF, as a Word file or as an Excel workbook."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.province_data import ProvincialReport
from app.services.province.compile import compile_report
from app.services.province.status import default_year, reporting_periods
from app.text import format_number
from ui.context import AppContext
from ui.screens.province_parts import ReportPartsEditor
from ui.widgets import messages
from ui.widgets.common import heading
from ui.widgets.job_bar import JobBar
from ui.widgets.messages import show_error
from ui.worker import Job


class ProvincialReportScreen(QWidget):
    def __init__(self, ctx: AppContext, today: dt.date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today
        self.job: Job | None = None
        self.data: ProvincialReport | None = None
        self._preview_dir: tempfile.TemporaryDirectory[str] | None = None
        self.last_preview: QWidget | None = None
        self._then: Callable[[Path], None] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Báo cáo tổng hợp")))
        intro = QLabel(
            self.tr(
                "Tổng hợp báo cáo mới nhất của từng đơn vị cho một kỳ: đánh giá chung, kết quả "
                "theo nhiệm vụ, khó khăn và đề xuất của các đơn vị, các đơn vị chưa báo cáo. "
                "Sửa nội dung bên dưới, xem trước bản in, lưu PDF để trình ký, lưu Word để "
                "hoàn thiện hoặc lưu Excel để xử lý số liệu."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._default_year())
        self.year.setAccessibleName(self.tr("Năm"))
        self.period = QComboBox()
        self.period.setMinimumWidth(240)
        self.period.setAccessibleName(self.tr("Kỳ báo cáo"))
        row.addWidget(self.year)
        row.addWidget(self.period, 1)
        period_label = QLabel(self.tr("&Kỳ báo cáo:"))
        period_label.setBuddy(self.period)
        form.addRow(period_label, row)
        self.number = QLineEdit()
        self.number.setPlaceholderText(f"  /{ctx.ws.settings.report_prefix}")
        self.number.setAccessibleName(self.tr("Số văn bản"))
        self.number.editingFinished.connect(self.refresh)
        number_label = QLabel(self.tr("&Số văn bản:"))
        number_label.setBuddy(self.number)
        form.addRow(number_label, self.number)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Xem trước bản in…"))
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = QPushButton(self.tr("Lưu &PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.word_button = QPushButton(self.tr("Lưu &Word…"))
        self.word_button.clicked.connect(self.save_word)
        self.xlsx_button = QPushButton(self.tr("Lưu &Excel (XLSX)…"))
        self.xlsx_button.clicked.connect(self.save_xlsx)
        for b in self._buttons():
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.job_bar = JobBar()
        layout.addWidget(self.job_bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.parts = ReportPartsEditor(ctx)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.parts)
        self.tabs.addTab(scroll, self.tr("Nội dung báo cáo"))
        self.totals = QTableWidget(0, 5)
        self.totals.setHorizontalHeaderLabels(
            [
                self.tr("Nhiệm vụ"),
                self.tr("Chỉ tiêu"),
                self.tr("Đơn vị tính"),
                self.tr("Tổng cộng"),
                self.tr("Số đơn vị có kết quả"),
            ]
        )
        self.totals.verticalHeader().setVisible(False)
        self.totals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals.setWordWrap(False)
        self.totals.setAccessibleName(self.tr("Tổng hợp chỉ tiêu toàn tỉnh"))
        header = self.totals.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.totals, self.tr("Tổng hợp chỉ tiêu toàn tỉnh"))
        layout.addWidget(self.tabs, 1)
        self._fill_periods()
        self.year.valueChanged.connect(self._year_changed)
        self.period.currentIndexChanged.connect(self.refresh)
        ctx.reports_changed.connect(self.refresh)
        self.refresh()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.preview_button, self.pdf_button, self.word_button, self.xlsx_button)

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def _default_year(self) -> int:
        return default_year(self.ctx.ws, self._today())

    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        periods = reporting_periods(self.ctx.ws, self.year.value())
        for p in sorted(periods, key=lambda p: (p.months[1], -len(p.code)), reverse=True):
            self.period.addItem(self.ctx.period_title(p), p.code)
        self.period.blockSignals(False)

    @Slot(int)
    def _year_changed(self, _year: int) -> None:
        self._fill_periods()
        self.refresh()

    def period_code(self) -> str:
        return str(self.period.currentData() or "")

    def refresh(self) -> None:
        code = self.period_code()
        if code != self.parts.period:
            self.parts.load(code, self._today())
        if not code:
            self.data = None
            self.summary.setText(self.tr("Kế hoạch không có kỳ báo cáo nào trong năm này."))
            return
        try:
            self.data = self._compile()
        except KnownError as exc:
            self.data = None
            self.summary.setText(messages.error_text(exc))
            return
        data = self.data
        missing = data.missing
        text = (
            self.tr("Đã có %1/%2 đơn vị gửi báo cáo %3 (hạn %4).")
            .replace("%1", str(len(data.reports)))
            .replace("%2", str(len(data.status.units)))
            .replace("%3", self.ctx.period_label(data.period))
            .replace("%4", data.due.strftime("%d/%m/%Y"))
        )
        if missing:
            text += " " + self.tr("Chưa báo cáo: %1.").replace(
                "%1", ", ".join(u.short_name for u in missing)
            )
        self.summary.setText(text)
        columns = data.indicators
        self.totals.setRowCount(len(columns))
        for r, c in enumerate(columns):
            cells = [
                c.task_code,
                c.name,
                c.unit,
                format_number(data.total(c)),
                f"{data.reporting_units(c)}/{len(data.reports)}",
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 1:
                    item.setToolTip(value)
                if col >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.totals.setItem(r, col, item)
        has = bool(data.reports)
        for b in self._buttons():
            b.setEnabled(has and self.job is None)

    def _compile(self) -> ProvincialReport:
        number = self.number.text().strip() or None
        return compile_report(self.ctx.ws, self.period_code(), today=self._today(), number=number)

    # -- output ------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> str:
        return f"TongHop_{self.period_code()}{suffix}"

    def _ask(self, title: str, suffix: str, filter_text: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / self._suggested(suffix)) if folder else self._suggested(suffix)
        chosen, _ = QFileDialog.getSaveFileName(self, title, start, filter_text)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    @Slot()
    def save_pdf(self) -> None:
        target = self._ask(
            self.tr("Lưu báo cáo tổng hợp (PDF)"), ".pdf", self.tr("Tệp PDF (*.pdf)")
        )
        if target is not None:
            self.write(target)

    @Slot()
    def save_word(self) -> None:
        target = self._ask(
            self.tr("Lưu báo cáo tổng hợp (Word)"), ".docx", self.tr("Tệp Word (*.docx)")
        )
        if target is not None:
            self.write(target)

    @Slot()
    def save_xlsx(self) -> None:
        target = self._ask(
            self.tr("Lưu báo cáo tổng hợp (Excel)"), ".xlsx", self.tr("Bảng tính Excel (*.xlsx)")
        )
        if target is not None:
            self.write(target)

    @Slot()
    def preview(self) -> None:
        if self._preview_dir is None:
            self._preview_dir = tempfile.TemporaryDirectory(prefix="tiendo-tonghop-")
        target = Path(self._preview_dir.name) / self._suggested(".pdf")
        self.write(target, then=self._show_preview)

    def write(self, target: Path, then: Callable[[Path], None] | None = None) -> Job | None:
        """Compile and write ``target`` (.pdf, .docx or .xlsx) in the background, with the
        clerk's latest text."""
        if self.job is not None or not self.parts.flush():
            return None
        try:
            data = self._compile()
        except KnownError as exc:
            show_error(self, exc)
            return None

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            if target.suffix.lower() == ".xlsx":
                from app.printing.province_xlsx import build_province_xlsx

                build_province_xlsx(data, target)
            elif target.suffix.lower() == ".docx":
                from app.printing.province_pdf import build_province_docx

                build_province_docx(data, target)
            else:
                from app.printing.province_pdf import build_province_pdf

                build_province_pdf(data, target, progress=progress, cancelled=cancelled)
            return target

        job = Job(work)
        self._then = then
        job.signals.finished.connect(self._written)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = job
        self._enable(False)
        self.job_bar.watch(job, self.tr("Đang lập báo cáo tổng hợp…"))
        job.start()
        return job

    def _enable(self, on: bool) -> None:
        for b in self._buttons():
            b.setEnabled(on)

    @Slot(object)
    def _written(self, path: Path) -> None:
        self.job = None
        self._enable(True)
        then, self._then = self._then, None
        if then is not None:
            then(path)
        else:
            self.ctx.status_message.emit(self.tr("Đã lưu %1.").replace("%1", str(path)))

    @Slot(str, str)
    def _failed(self, message: str, hint: str) -> None:
        self.job = None
        self._enable(True)
        show_error(self, message, hint if not hint.startswith("Traceback") else "")

    @Slot()
    def _cancelled(self) -> None:
        self.job = None
        self._enable(True)
        self.ctx.status_message.emit(self.tr("Đã hủy; không có tệp nào được ghi."))

    def _show_preview(self, path: Path) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        try:
            dialog = PdfPreviewDialog(
                path,
                self.tr("Báo cáo tổng hợp %1").replace("%1", self.period.currentText()),
                self,
                suggested_name=self._suggested(".pdf"),
            )
        except KnownError as exc:
            show_error(self, exc)
            return
        self.last_preview = dialog
        dialog.setModal(False)
        dialog.show()
