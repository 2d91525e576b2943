"""A received report's official signatures (chữ ký số) and its PDF, opened from the list
of received packages: who signed, as what, when, and whether each signature is intact,
chained to a trusted root and not revoked (checked again now, against the roots and CRLs
imported in Cài đặt)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.services.province.intake import ReceivedRow
from app.services.province.signatures import ReceivedPdf, received_pdf
from ui.context import AppContext
from ui.widgets.common import heading
from ui.widgets.messages import show_error
from ui.widgets.official import SignatureList


class ReceivedReportDialog(QDialog):
    """The signatures of one received package's report, and a button to read it."""

    def __init__(self, ctx: AppContext, row: ReceivedRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.found: ReceivedPdf = received_pdf(ctx.ws, row.package_id)
        self._tmp = tempfile.TemporaryDirectory(
            prefix="tiendo-received-", ignore_cleanup_errors=True
        )
        self.setWindowTitle(self.tr("Báo cáo đã nhận"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(
                self.tr("%1 — kỳ %2, lần %3")
                .replace("%1", row.unit_name)
                .replace("%2", row.period)
                .replace("%3", str(row.revision)),
                2,
            )
        )
        layout.addWidget(QLabel(self.tr("Chữ ký số trên báo cáo:")))
        self.signatures = SignatureList()
        if self.found.pdf is None:
            self.signatures.setText(
                self.tr("Gói này được nhập trước khi Sở lưu bản PDF, nên không kiểm tra được.")
            )
        elif not self.found.signed:
            self.signatures.setText(
                self.tr(
                    "Báo cáo không có chữ ký số; gói chỉ có chữ ký xác thực của phần mềm. Đối "
                    "chiếu với bản giấy có chữ ký và con dấu."
                )
            )
        else:
            self.signatures.show_checks(self.found.checks)
        layout.addWidget(self.signatures)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        self.read_button = QPushButton(self.tr("&Xem báo cáo"))
        self.read_button.setEnabled(self.found.pdf is not None)
        self.read_button.clicked.connect(self.read)
        buttons.addButton(self.read_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def read(self) -> None:
        """The PDF as the unit signed it, in the preview."""
        from ui.widgets.pdf_preview import PdfPreviewDialog

        if self.found.pdf is None:
            return
        path = Path(self._tmp.name) / f"bao-cao-{self.row.package_id}.pdf"
        try:
            path.write_bytes(self.found.pdf)
            dialog = PdfPreviewDialog(path, self.row.unit_name, self)
        except (OSError, KnownError) as exc:
            show_error(self, exc if isinstance(exc, KnownError) else str(exc))
            return
        dialog.exec()
        dialog.deleteLater()
