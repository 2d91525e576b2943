"""The report's PDF on the Báo cáo screen: where a temporary one goes, what it is called,
and what is done with it once built (preview, print, or a word that it was saved).

Strings keep the translation context "ReportsScreen" they had before the screen was
split (see texts.py).
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from app.calendar import Period
from app.errors import KnownError
from app.services import reports
from app.services.reports import ReportSummary
from app.text import fold
from ui.context import AppContext
from ui.screens.reports import dialogs
from ui.screens.reports.texts import revision_state
from ui.widgets.pdf_preview import PdfPreviewDialog, load_pdf


class ReportPdf(QObject):
    """Names, temporary files and the preview dialog of the screen's PDFs; boxes and
    dialogs open over ``screen``."""

    def __init__(self, ctx: AppContext, screen: QWidget) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.screen = screen
        self.preview_dialog: PdfPreviewDialog | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="tiendo-pdf-", ignore_cleanup_errors=True)
        self._serial = itertools.count(1)

    def title(self, summary: ReportSummary) -> str:
        label = self.ctx.period_label(Period.parse(summary.period))
        return (
            QCoreApplication.translate("ReportsScreen", "Báo cáo %1 (lần %2, %3)")
            .replace("%1", label)
            .replace("%2", str(summary.revision))
            .replace("%3", revision_state(summary).lower())
        )

    def file_name(self, summary: ReportSummary) -> str:
        """An ASCII name that says which report it is ("bao-cao-nam-2024-lan-1.pdf")."""
        label = fold(self.ctx.period_label(Period.parse(summary.period)))
        stem = "-".join(["bao-cao", *label.split(), "lan", str(summary.revision)])
        if summary.state == "draft":
            stem += "-ban-nhap"
        return stem + ".pdf"

    def temp_path(self, summary: ReportSummary) -> Path:
        """A new file in the screen's temporary folder: a preview still open keeps its own."""
        return Path(self._tmp.name) / f"{next(self._serial)}-{self.file_name(summary)}"

    def present(self, purpose: str, path: Path, summary: ReportSummary | None) -> None:
        """Show, print or announce the PDF built at ``path`` for ``purpose``."""
        title = self.title(summary) if summary else path.stem
        if purpose == "preview":
            self._preview(path, title, summary)
        elif purpose == "print":
            try:
                document = load_pdf(path, self.screen)
            except KnownError as exc:
                dialogs.show_error(self.screen, exc)
            else:
                if dialogs.print_pdf(document, title, self.screen):
                    self.ctx.status_message.emit(
                        QCoreApplication.translate("ReportsScreen", "Đã gửi báo cáo tới máy in.")
                    )
                document.close()
                document.deleteLater()
        else:
            self.ctx.status_message.emit(
                QCoreApplication.translate("ReportsScreen", "Đã lưu báo cáo vào tệp %1.").replace(
                    "%1", str(path)
                )
            )

    def _preview(self, path: Path, title: str, summary: ReportSummary | None) -> None:
        """One preview at a time: a new one replaces the one still open."""
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        try:
            self.preview_dialog = PdfPreviewDialog(
                path,
                title,
                self.screen,
                suggested_name=self.file_name(summary) if summary else None,
            )
        except KnownError as exc:
            dialogs.show_error(self.screen, exc)
        else:
            self.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview_dialog.finished.connect(self._preview_closed)
            self.preview_dialog.show()

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def screenshot_dialog(self, shown: ReportSummary) -> QWidget:
        """The preview of ``shown``, built on the GUI thread, for `tiendo screenshots`."""
        from app.printing.report_pdf import build_report_pdf

        path = Path(self._tmp.name) / f"shot-{self.file_name(shown)}"
        build_report_pdf(reports.report_data(self.ctx.ws, shown.id), path)
        return PdfPreviewDialog(path, self.title(shown), self.screen)
