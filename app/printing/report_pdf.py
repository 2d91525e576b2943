"""A unit's period report as the PDF the leader signs (Nghị định 30/2020/NĐ-CP, Phụ lục I),
and as the Word file a clerk finishes.

What it says is app/printing/report_content.py's, shared with the Word file; this module
only lays it out.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from app.printing import document as doc
from app.printing.document import IsCancelled, Output, Progress
from app.printing.official_pdf import render_official
from app.printing.report_content import (
    STATUS_WORDS,
    report_document,
    status_text,
    summary_line,
    window_text,
)
from app.report_data import ActivityLine, ReportData

__all__ = [
    "STATUS_WORDS",
    "build_report_docx",
    "build_report_pdf",
    "report_pdf_bytes",
    "report_pdf_for_signing",
    "status_text",
    "summary_line",
]


def build_report_pdf(
    report: ReportData,
    out: Output,
    *,
    appendix: Sequence[ActivityLine] | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Write the report as an A4 PDF to ``out`` (a path or a binary stream); ``appendix``
    adds the Phụ lục listing those activities.

    ``progress(done, total)`` is called as pages are laid out; ``cancelled()`` is polled as
    often and, once true, stops the work with Cancelled. A path is replaced atomically.
    Raises Cancelled, PdfWriteError or FontError; never leaves a half-written file.
    """
    render_official(
        report_document(report, appendix),
        out,
        info=document_info(report),
        progress=progress,
        cancelled=cancelled,
    )


def document_info(report: ReportData) -> doc.DocumentInfo:
    """The report's metadata (PDF and Word alike)."""
    summary = summary_line(report)
    return doc.DocumentInfo(
        title=f"Báo cáo {summary[0].lower()}{summary[1:]}",
        author=report.unit_name,
        subject=(
            f"Báo cáo số {report.number.strip()} của {report.unit_name}, "
            f"kỳ {report.period_label} (số liệu {window_text(report)}), "
            f"bản lần {report.revision}"
        ),
        keywords=(report.plan_number, report.period, report.unit_id),
    )


def report_pdf_for_signing(
    report: ReportData, room_height: float
) -> tuple[bytes, tuple[int, float, float, float, float]]:
    """The report's PDF with a blank of ``room_height`` points between the signer's title
    and name, for official signatures, and where that blank is: (page index, x0, y0, x1,
    y1). Raises FontError."""
    room = doc.SignatureRoom(room_height)
    buffer = io.BytesIO()
    render_official(report_document(report), buffer, info=document_info(report), room=room)
    assert room.placed is not None, "the signature block is always drawn"
    return buffer.getvalue(), room.placed


def report_pdf_bytes(report: ReportData) -> bytes:
    """The report's PDF as bytes (for a package); raises FontError only."""
    buffer = io.BytesIO()
    build_report_pdf(report, buffer)
    return buffer.getvalue()


def build_report_docx(
    report: ReportData,
    out: Path | str | BinaryIO,
    *,
    appendix: Sequence[ActivityLine] | None = None,
) -> None:
    """Write the same report as an editable Word file (raises DocxWriteError)."""
    from app.printing.docx_document import write_docx

    write_docx(report_document(report, appendix), out, info=document_info(report))
