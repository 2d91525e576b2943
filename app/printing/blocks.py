"""A printed report as a few kinds of blocks, so that the PDF (reportlab) and the Word file
(python-docx) are drawn from one description and cannot say different things.

A report builder (report_content, province_content) turns its data into an
:class:`OfficialDocument`; ``document.render_official`` lays it out as a PDF and
``docx_document.write_docx`` as a .docx, both in the house style of Nghị định 30/2020.
Blocks hold plain text only: the renderers escape and normalise it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.printing.document import Column, HeaderInfo, SignatureInfo


@dataclass(frozen=True)
class Heading:
    """A section heading ("I. KẾT QUẢ THỰC HIỆN", level 1) or a sub-heading ("1. …", level 2);
    it never stays alone at the foot of a page."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    """A justified body paragraph with a first-line indent; ``lead`` is printed in italics
    before ``text`` ("Tình trạng: ")."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class Note:
    """A small italic line under a table (a footnote, the source of the figures)."""

    text: str


@dataclass(frozen=True)
class TableBlock:
    """A ruled table whose header row repeats on every page; ``total_row`` prints the last
    row in bold with its first ``span`` cells merged; a table of at most ``keep`` rows is
    never split across pages."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    total_row: bool = False
    span: int = 1
    font_size: float = 13
    keep: int = 8


Block = Heading | Para | Note | TableBlock


@dataclass(frozen=True)
class Appendix:
    """A Phụ lục after the signature, on a page of its own."""

    title: str  # "PHỤ LỤC"
    subtitle: str  # "Danh sách hoạt động năm 2024"
    reference: str  # "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)"
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class OfficialDocument:
    """Everything an administrative document of Nghị định 30/2020 prints, top to bottom."""

    header: HeaderInfo
    kind: str  # "BÁO CÁO"
    summary: str  # the line under the kind
    note: str  # "DỰ THẢO", "(Bản sửa đổi lần 1)" or ""
    body: tuple[Block, ...]
    closing: str  # "Trên đây là báo cáo …./."
    signature: SignatureInfo
    recipients: tuple[str, ...] | None
    appendices: tuple[Appendix, ...] = field(default=())


def plain_text(document: OfficialDocument) -> str:
    """The document's words in reading order, one block a line (for tests and searching)."""
    lines = [document.kind, document.summary]
    for block in document.body + tuple(b for a in document.appendices for b in a.blocks):
        if isinstance(block, TableBlock):
            lines += [" | ".join(c.title for c in block.columns)]
            lines += [" | ".join(row) for row in block.rows]
        elif isinstance(block, Para):
            lines.append(f"{block.lead}{block.text}")
        else:
            lines.append(block.text)
    lines.append(document.closing)
    return "\n".join(lines)
