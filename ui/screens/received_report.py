"""The province reads a received package: what the unit reported (tasks, statuses,
indicator values, narratives, difficulties, proposals), the report's PDF in the app's
preview, and every evidence file, opened with the system's viewer from a temporary copy
or saved elsewhere. The unit's name is the province's own (SECURITY.md 28)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QDir, QTemporaryDir, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.calendar import Period
from app.errors import ConfigError, KnownError
from app.report_data import ReportData
from app.services.province.reading import (
    ReceivedFile,
    ReceivedReport,
    read_received,
    save_evidence,
    write_report_pdf,
)
from app.services.province.signatures import received_pdf
from app.text import format_number
from ui.context import AppContext
from ui.screens.reports.texts import STATUS_LABELS, status_label
from ui.widgets.common import heading
from ui.widgets.messages import show_error
from ui.widgets.official import SignatureList

_VIEWER_DIR: QTemporaryDir | None = None


def viewer_folder() -> Path:
    """A private temp folder for copies opened in other programs; it lives until the app
    exits (a viewer may still hold a file when this dialog closes)."""
    global _VIEWER_DIR
    if _VIEWER_DIR is None or not _VIEWER_DIR.isValid():
        _VIEWER_DIR = QTemporaryDir(QDir.tempPath() + "/tiendo-xem-XXXXXX")
    path = Path(_VIEWER_DIR.path())
    if not _VIEWER_DIR.isValid() or not path.is_dir():
        raise ConfigError("Không tạo được thư mục tạm để mở tệp.", "Kiểm tra ổ đĩa hệ thống.")
    return path


class ReceivedReportDialog(QDialog):
    """One received package, read-only."""

    def __init__(self, ctx: AppContext, package_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ReceivedReport = read_received(ctx.ws, package_id)
        self.preview: QDialog | None = None
        self.opened: list[Path] = []
        r = self.report
        label = self._period(r.period)
        self.setWindowTitle(
            self.tr("%1 — báo cáo %2, lần %3")
            .replace("%1", r.unit_name)
            .replace("%2", label)
            .replace("%3", str(r.revision))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(r.unit_name))
        self.facts = QLabel(self._facts())
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        layout.addWidget(self._signatures())
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Xem bản &PDF của báo cáo"))
        self.pdf_button.clicked.connect(self.show_pdf)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs = QTabWidget()
        self.content = QTextBrowser()
        self.content.setOpenLinks(False)
        self.content.setAccessibleName(self.tr("Nội dung báo cáo"))
        self.content.setHtml(self._content_html(r.report))
        self.tabs.addTab(self.content, self.tr("&Nội dung báo cáo"))
        self.tabs.addTab(
            self._evidence_tab(), self.tr("&Minh chứng (%1)").replace("%1", str(len(r.evidence)))
        )
        layout.addWidget(self.tabs, 1)
        close = QPushButton(self.tr("Đó&ng"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.setMinimumSize(760, 560)
        self.resize(900, 680)

    def _signatures(self) -> QWidget:
        """The official signatures (chữ ký số) on the report PDF, checked again now
        against the roots and CRLs imported in Cài đặt."""
        found = received_pdf(self.ctx.ws, self.report.package_id)
        self.signatures = SignatureList()
        if found.pdf is None:
            self.signatures.setText(
                self.tr("Gói này được nhập trước khi Sở lưu bản PDF, nên không kiểm tra được.")
            )
        elif not found.signed:
            self.signatures.setText(
                self.tr(
                    "Báo cáo không có chữ ký số; gói chỉ có chữ ký xác thực của phần mềm. Đối "
                    "chiếu với bản giấy có chữ ký và con dấu."
                )
            )
        else:
            self.signatures.show_checks(found.checks)
        return self.signatures

    def _period(self, code: str) -> str:
        try:
            return self.ctx.period_label(Period.parse(code))
        except ConfigError:
            return code

    def _facts(self) -> str:
        r = self.report
        text = (
            self.tr("Báo cáo %1, lần %2 — gói số thứ tự %3. Đơn vị lập gói lúc %4; Sở nhận lúc %5.")
            .replace("%1", self._period(r.period))
            .replace("%2", str(r.revision))
            .replace("%3", str(r.sequence))
            .replace("%4", r.created.strftime("%d/%m/%Y %H:%M"))
            .replace("%5", r.received.strftime("%d/%m/%Y %H:%M"))
        )
        if r.state != "current":
            text += " " + self.tr("Đã có lần báo cáo mới hơn thay cho lần này.")
        return text

    # -- content ----------------------------------------------------------------------

    def _content_html(self, data: ReportData) -> str:
        e = escape
        parts = [f"<p><b>{e(self.tr('Đánh giá chung'))}</b><br>{_para(data.overall)}</p>"]
        rows = []
        for entry in data.entries:
            status = status_label(entry.status) if entry.status in STATUS_LABELS else entry.status
            if entry.percent is not None:
                status += f" ({entry.percent}%)"
            values = "<br>".join(
                f"{e(i.name)}: <b>{format_number(i.value)}</b> {e(i.unit)}"
                for i in entry.indicators
            )
            rows.append(
                f"<tr><td>{e(entry.code)}</td><td>{e(entry.title)}</td><td>{e(status)}</td>"
                f"<td align='right'>{entry.activity_count}</td><td>{values or '—'}</td></tr>"
            )
        heads = [
            self.tr("Mã"),
            self.tr("Nhiệm vụ"),
            self.tr("Tình trạng"),
            self.tr("Hoạt động"),
            self.tr("Chỉ tiêu"),
        ]
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>"
            + "".join(f"<th>{e(h)}</th>" for h in heads)
            + "</tr>"
            + "".join(rows)
            + "</table>"
        )
        for entry in data.entries:
            if entry.narrative.strip():
                parts.append(
                    f"<p><b>{e(entry.code)} {e(entry.title)}</b><br>{_para(entry.narrative)}</p>"
                )
        for title, text in (
            (self.tr("Tồn tại, hạn chế, khó khăn"), data.difficulties),
            (self.tr("Phương hướng, nhiệm vụ kỳ tới"), data.next_direction),
            (self.tr("Đề xuất, kiến nghị"), data.proposals),
        ):
            parts.append(f"<p><b>{e(title)}</b><br>{_para(text)}</p>")
        if data.budget_estimate is not None:
            parts.append(
                f"<p><b>{e(self.tr('Dự toán kinh phí'))}</b>: "
                f"{format_number(data.budget_estimate)} {e(self.tr('đồng'))}"
                f"{'<br>' + _para(data.budget_note) if data.budget_note else ''}</p>"
            )
        return "".join(parts)

    # -- evidence ---------------------------------------------------------------------

    def _evidence_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.files = QTableWidget(len(self.report.evidence), 2)
        self.files.setHorizontalHeaderLabels([self.tr("Tệp minh chứng"), self.tr("Dung lượng")])
        self.files.verticalHeader().setVisible(False)
        self.files.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.files.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.files.setAccessibleName(self.tr("Các tệp minh chứng"))
        header = self.files.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for i, item in enumerate(self.report.evidence):
            size = (
                self.tr("%1 KB").replace("%1", format_number(max(1, round(item.size / 1024))))
                if item.present
                else self.tr("thiếu trong kho")
            )
            self.files.setItem(i, 0, QTableWidgetItem(item.name))
            self.files.setItem(i, 1, QTableWidgetItem(size))
        self.files.cellDoubleClicked.connect(lambda row, _col: self.open_evidence(row))
        layout.addWidget(self.files, 1)
        if not self.report.evidence:
            layout.addWidget(QLabel(self.tr("Gói báo cáo này không kèm tệp minh chứng nào.")))
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Mở"))
        self.open_button.clicked.connect(lambda: self.open_evidence(self.files.currentRow()))
        self.save_button = QPushButton(self.tr("&Lưu thành…"))
        self.save_button.clicked.connect(self.ask_save)
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        if self.report.evidence:
            self.files.selectRow(0)
        else:
            self.open_button.setEnabled(False)
            self.save_button.setEnabled(False)
        return tab

    def _item(self, row: int) -> ReceivedFile | None:
        if 0 <= row < len(self.report.evidence):
            return self.report.evidence[row]
        return None

    def open_evidence(self, row: int) -> Path | None:
        """Copy the file into the viewer folder (hash-checked) and open it there."""
        item = self._item(row)
        if item is None:
            return None
        try:
            path = save_evidence(self.ctx.ws, item, viewer_folder())
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.opened.append(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    @Slot()
    def ask_save(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu minh chứng"))
        if folder:
            self.save_to(self.files.currentRow(), Path(folder))

    def save_to(self, row: int, folder: Path) -> Path | None:
        item = self._item(row)
        if item is None:
            return None
        try:
            path = save_evidence(self.ctx.ws, item, folder)
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.ctx.status_message.emit(self.tr("Đã lưu %1.").replace("%1", str(path)))
        return path

    # -- the PDF ----------------------------------------------------------------------

    @Slot()
    def show_pdf(self) -> QDialog | None:
        """The report's PDF in the app's preview (print, save a copy)."""
        from ui.widgets.pdf_preview import PdfPreviewDialog

        r = self.report
        try:
            target = viewer_folder() / f"{r.package_id}-{r.pdf_name}"
            original = write_report_pdf(self.ctx.ws, r, target)
            title = self.tr("Báo cáo %1 của %2").replace("%1", self._period(r.period))
            title = title.replace("%2", r.unit_name)
            if not original:
                title += self.tr(" (dựng lại từ nội dung đã nhận)")
            dialog = PdfPreviewDialog(target, title, self, suggested_name=r.pdf_name)
        except KnownError as exc:
            show_error(self, exc)
            return None
        dialog.setModal(False)
        dialog.show()
        self.preview = dialog
        return dialog


def _para(text: str) -> str:
    return escape(text.strip() or "—").replace("\n", "<br>")
