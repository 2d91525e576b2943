"""Printed documents (Nghị định 30/2020/NĐ-CP, Phụ lục I) as PDF, drawn with reportlab; no Qt.

- ``app.printing.fonts``: the serif family (Times New Roman, else bundled Liberation Serif).
- ``app.printing.document``: the house style every printed document shares.
- ``app.printing.report_pdf``: a unit's period report (``build_report_pdf``).
- ``app.printing.summary_pdf``: the local summary in landscape (``build_summary_pdf``).

The errors live here so that every printing module, and the UI, names the same classes.
"""

from __future__ import annotations

from app.errors import KnownError


class Cancelled(KnownError):
    """The user cancelled printing; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã hủy tạo tệp PDF; không có tệp nào được ghi.")


class PdfWriteError(KnownError):
    """The PDF could not be written where the user asked (disk full, read-only, missing folder)."""


class FontError(KnownError):
    """No usable serif font: the bundled Liberation Serif files are missing or damaged."""
