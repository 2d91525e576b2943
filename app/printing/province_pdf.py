"""The province's consolidated report as a PDF in the house style of Nghị định 30/2020,
and the same document as a Word file. What it says is app/printing/province_content.py's.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from app.printing import document as doc
from app.printing.document import IsCancelled, Output, Progress
from app.printing.official_pdf import render_official
from app.printing.province_content import province_document, summary_line

if TYPE_CHECKING:
    from app.province_data import ProvincialReport


def build_province_pdf(
    data: ProvincialReport,
    out: Output,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Write the consolidated report as an A4 PDF to ``out`` (a path or a binary stream).

    Same contract as report_pdf.build_report_pdf: raises Cancelled, PdfWriteError or
    FontError; a path is replaced atomically, never left half-written.
    """
    render_official(
        province_document(data),
        out,
        info=document_info(data),
        progress=progress,
        cancelled=cancelled,
    )


def build_province_docx(data: ProvincialReport, out: Path | str | BinaryIO) -> None:
    """The same report as an editable Word file (raises DocxWriteError)."""
    from app.printing.docx_document import write_docx

    write_docx(province_document(data), out, info=document_info(data))


def document_info(data: ProvincialReport) -> doc.DocumentInfo:
    summary = summary_line(data)
    return doc.DocumentInfo(
        title=f"Báo cáo {summary[:1].lower()}{summary[1:]}",
        author=data.issuer_name,
        subject=(
            f"Tổng hợp báo cáo của {len(data.reports)}/{len(data.status.units)} đơn vị, "
            f"kỳ {data.period.label_vi}"
        ),
        keywords=(data.plan_number, data.period.code, "tổng hợp"),
    )


def province_pdf_bytes(data: ProvincialReport) -> bytes:
    """The consolidated report's PDF as bytes."""
    buffer = io.BytesIO()
    build_province_pdf(data, buffer)
    return buffer.getvalue()
