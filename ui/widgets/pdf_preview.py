"""Looking at a PDF before it goes to paper: the real pages (QtPdf), printing them on any
printer and saving a copy. Any screen that makes a PDF can open :class:`PdfPreviewDialog`."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, QStandardPaths, Qt, Slot
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from ui.widgets.messages import show_error

# Pages go to the printer as images; 300 dpi is what office laser printers print text at,
# and keeps an A4 page at about 35 MB of memory even on an old PC.
PRINT_DPI = 300
ZOOM_STEP = 1.25


class PrintError(KnownError):
    """The printer could not be used (not ready, cancelled by the system, no driver)."""


def load_pdf(path: Path, parent: QWidget | None = None) -> QPdfDocument:
    """Open the PDF for showing or printing; raises PrintError if it cannot be read."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise PrintError(
            f"Không mở được tệp PDF {path.name}.",
            "Tạo lại bản xem trước; nếu vẫn lỗi, kiểm tra chỗ trống trên ổ đĩa.",
        )
    return document


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the document's pages (the range chosen in the print dialog, all by default)
    onto ``printer``, each scaled to fit the sheet; returns how many pages were painted.

    Raises PrintError when the printer cannot be started.
    """
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    pages = list(range(first - 1, last)) * copies
    # The PDF already has the document's margins: paint on the whole sheet.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            "Không bắt đầu in được.", "Kiểm tra máy in đã bật, có giấy và đã cài trình điều khiển."
        )
    try:
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            points = document.pagePointSize(index)
            dpi = min(PRINT_DPI, printer.resolution())
            image = document.render(
                index,
                QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)),
            )
            scale = min(sheet.width() / points.width(), sheet.height() / points.height())
            size = points * scale
            target = QRectF(QPointF(0, 0), size)
            target.moveCenter(QRectF(QPointF(0, 0), sheet.size()).center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)


def new_printer(document: QPdfDocument, title: str) -> QPrinter:
    """A printer set up for the document: A4, the first page's orientation, its title."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    first = document.pagePointSize(0)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if first.width() > first.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setFromTo(1, document.pageCount())
    return printer


def print_pdf(document: QPdfDocument, title: str, parent: QWidget | None) -> bool:
    """Ask which printer (the system print dialog) and print; False if the user cancelled.

    Errors are shown to the user, never raised.
    """
    printer = new_printer(document, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("PdfPreviewDialog", "In %1").replace("%1", title)
    )
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        paint_pdf(document, printer)
    except KnownError as exc:
        show_error(parent, exc)
        return False
    return True


def ask_save_path(
    parent: QWidget | None, title: str, suggested_name: str, *, word: bool = False
) -> Path | None:
    """The system "Save as" dialog for a PDF (a Word file if ``word``), starting in
    Documents; None if cancelled. The name always ends with the right suffix."""
    suffix = ".docx" if word else ".pdf"
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = str(Path(suggested_name).with_suffix(suffix))
    start = str(Path(folder) / name) if folder else name
    kinds = (
        QCoreApplication.translate("PdfPreviewDialog", "Tệp Word (*.docx)")
        if word
        else QCoreApplication.translate("PdfPreviewDialog", "Tệp PDF (*.pdf)")
    )
    chosen, _ = QFileDialog.getSaveFileName(parent, title, start, kinds)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def copy_pdf(source: Path, target: Path) -> None:
    """Copy the PDF where the user chose; raises PrintError in plain words on failure."""
    try:
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
    except OSError as exc:
        raise PrintError(
            f"Không lưu được tệp {target.name}: {exc.strerror or exc}.",
            "Chọn thư mục khác hoặc kiểm tra USB/ổ đĩa còn chỗ trống và không bị khóa ghi.",
        ) from exc


class PdfPreviewDialog(QDialog):
    """The pages of a PDF as they will print, with In…, Lưu thành… and Đóng.

    The dialog reads ``pdf_path`` and never deletes it: the file belongs to the caller.
    """

    def __init__(
        self,
        pdf_path: Path,
        title: str,
        parent: QWidget | None = None,
        *,
        suggested_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.title = title
        self.suggested_name = suggested_name or self.pdf_path.name
        self.setWindowTitle(self.tr("Xem trước — %1").replace("%1", title))
        self.setSizeGripEnabled(True)
        self.document = load_pdf(self.pdf_path, self)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(self.tr("Các trang của văn bản"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.fit_width = QPushButton(self.tr("Vừa &chiều rộng"))
        self.fit_page = QPushButton(self.tr("Cả &trang"))
        self.zoom_out = QPushButton(self.tr("Thu &nhỏ"))
        self.zoom_in = QPushButton(self.tr("&Phóng to"))
        self.fit_width.clicked.connect(self.show_fit_width)
        self.fit_page.clicked.connect(self.show_fit_page)
        self.zoom_out.clicked.connect(self.zoom_smaller)
        self.zoom_in.clicked.connect(self.zoom_larger)
        self.page_label = QLabel()
        self.page_label.setAccessibleName(self.tr("Trang đang xem"))
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self._show_page_number(0)

        self.print_button = QPushButton(self.tr("&In…"))
        self.save_button = QPushButton(self.tr("&Lưu thành…"))
        self.close_button = QPushButton(self.tr("Đó&ng"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_larger)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_smaller)

        tools = QHBoxLayout()
        for button in (self.fit_width, self.fit_page, self.zoom_out, self.zoom_in):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._size_to_screen(parent)
        self.view.setFocus()

    def _size_to_screen(self, parent: QWidget | None) -> None:
        screen = (parent.screen() if parent else self.screen()).availableGeometry()
        height = max(520, int(screen.height() * 0.9))
        # Wide enough that a page fitted to the width reads like paper on a 1366×768 screen.
        width = min(screen.width() - 40, max(720, int(screen.width() * 0.6)))
        self.resize(width, height)

    def page_count(self) -> int:
        return self.document.pageCount()

    @Slot(int)
    def _show_page_number(self, page: int) -> None:
        self.page_label.setText(
            self.tr("Trang %1 / %2")
            .replace("%1", str(page + 1))
            .replace("%2", str(self.document.pageCount()))
        )

    @Slot()
    def show_fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    @Slot()
    def show_fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # The view keeps the fitted zoom to itself; measure it from the page width.
            page = self.document.pagePointSize(0)
            viewport = self.view.viewport().width() - 2 * self.view.documentMargins().left()
            dpi_scale = self.logicalDpiX() / 72
            current = viewport / max(1.0, page.width() * dpi_scale)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    @Slot()
    def zoom_larger(self) -> None:
        self._zoom(ZOOM_STEP)

    @Slot()
    def zoom_smaller(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    @Slot()
    def print_document(self) -> None:
        print_pdf(self.document, self.title, self)

    @Slot()
    def save_as(self) -> None:
        target = ask_save_path(self, self.tr("Lưu thành tệp PDF"), self.suggested_name)
        if target is None:
            return
        try:
            copy_pdf(self.pdf_path, target)
        except KnownError as exc:
            show_error(self, exc)

    def done(self, result: int) -> None:
        # Release the file (Windows keeps an open file from being deleted). The view gets an
        # empty document, not None: Qt's link model would warn about a null connection.
        self.view.setDocument(QPdfDocument(self))
        self.document.close()
        super().done(result)
