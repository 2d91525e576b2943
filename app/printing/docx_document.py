"""An :class:`~app.printing.blocks.OfficialDocument` as a Word file (.docx, python-docx),
in the same Nghị định 30/2020 layout as the PDF, so a clerk can finish it in Word:
A4, the decree's margins, Times New Roman, the header table (agency | Quốc hiệu and Tiêu
ngữ; number | place and date), justified body with a first-line indent, the signature
and Nơi nhận table, page numbers centred in the top margin from page 2.

python-docx is imported here only, when a Word file is asked for.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.errors import KnownError
from app.fsio import write_atomic, write_failure
from app.printing import document as pdf
from app.printing.blocks import Block, Heading, Note, OfficialDocument, Para, TableBlock
from app.printing.document import DocumentInfo, date_line
from app.report_data import nfc

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
PT_PER_MM = 72 / 25.4


class DocxWriteError(KnownError):
    """The Word file could not be written where the user asked."""


def write_docx(
    document: OfficialDocument, out: Path | str | BinaryIO, *, info: DocumentInfo
) -> None:
    """Write ``document`` as a .docx to ``out`` (a path, replaced atomically, or a binary
    stream). Raises DocxWriteError when the file cannot be written; never half a file."""
    data = docx_bytes(document, info=info)
    if isinstance(out, str | Path):
        path = Path(out)
        try:
            write_atomic(path, data, mode=0o644)
        except OSError as exc:
            message, hint = write_failure(exc, path.parent, f"tệp Word {path.name}")
            raise DocxWriteError(message, hint=hint) from exc
    else:
        out.write(data)


def docx_bytes(document: OfficialDocument, *, info: DocumentInfo) -> bytes:
    """The .docx file's bytes."""
    from docx import Document

    word = Document()
    _setup(word, info)
    _header(word, document)
    _title(word, document)
    _blocks(word, document.body)
    # a signature alone on a page is void: the closing keeps with it, its row never splits
    _para(word, document.closing).paragraph_format.keep_with_next = True
    _signature(word, document)
    for appendix in document.appendices:
        _page_break(word)
        _centred(word, appendix.title, bold=True, before=0)
        _centred(word, appendix.subtitle, bold=True, before=0)
        _centred(word, appendix.reference, italic=True, size=13, before=0)
        _blocks(word, appendix.blocks)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# -- page, styles, page numbers ------------------------------------------------------------


def _setup(word: DocxDocument, info: DocumentInfo) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(pdf.MARGIN_TOP / PT_PER_MM)
    section.bottom_margin = Mm(pdf.MARGIN_BOTTOM / PT_PER_MM)
    section.left_margin = Mm(pdf.MARGIN_LEFT / PT_PER_MM)
    section.right_margin = Mm(pdf.MARGIN_RIGHT / PT_PER_MM)
    section.header_distance = Mm(8)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(pdf.BODY_SIZE)
    # East Asian and complex-script slots too, or Word falls back to another font there.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    # The decree numbers pages from the second one, centred in the top margin.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(number, "PAGE", size=pdf.PAGE_NUMBER_SIZE)
    props = word.core_properties
    props.title = nfc(info.title)
    props.author = nfc(info.author)
    props.subject = nfc(info.subject)
    props.keywords = ", ".join(nfc(k) for k in info.keywords)
    props.comments = "Tiến Độ"
    props.language = "vi-VN"


def _field(paragraph: Paragraph, code: str, *, size: float) -> None:
    """A Word field (``PAGE``): begin, instruction, separator, a placeholder, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run()
    run.font.size = Pt(size)

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    shown = OxmlElement("w:t")
    shown.text = "2"
    for element in (char("begin"), instruction, char("separate"), shown, char("end")):
        run._r.append(element)


# -- paragraphs ------------------------------------------------------------------------------


def _format(
    paragraph: Paragraph,
    *,
    align: str = "justify",
    indent: bool = True,
    before: float = pdf.PARAGRAPH_SPACING,
    spacing: float = pdf.LINE_SPACING,
    keep: bool = False,
) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    fmt = paragraph.paragraph_format
    fmt.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    fmt.first_line_indent = Mm(pdf.FIRST_LINE_INDENT / PT_PER_MM) if indent else None
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(0)
    fmt.line_spacing = spacing
    fmt.keep_with_next = keep
    return paragraph


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
) -> None:
    from docx.shared import Pt

    # control characters pasted from other programs are not allowed in the file's XML
    run = paragraph.add_run(nfc(text).translate(pdf._CONTROLS))
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)


def _para(
    word: DocxDocument | _Cell, text: str, *, lead: str = "", bold: bool = False
) -> Paragraph:
    paragraph = _format(word.add_paragraph(), keep=bold)
    if lead:
        _run(paragraph, lead, italic=True)
    _run(paragraph, text, bold=bold)
    return paragraph


def _centred(
    target: DocxDocument | _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = pdf.BODY_SIZE,
    before: float = 0,
    first: bool = False,
) -> Paragraph:
    paragraph = target.paragraphs[0] if first else target.add_paragraph()
    _format(paragraph, align="center", indent=False, before=before, spacing=1.0)
    _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _rule(target: DocxDocument | _Cell, width_mm: float, length_mm: float) -> None:
    """A short centred rule: the bottom border of an empty paragraph narrowed by indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paragraph = target.add_paragraph()
    fmt = paragraph.paragraph_format
    side = max(0.0, (width_mm - length_mm) / 2)
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(3)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_break(word: DocxDocument) -> None:
    from docx.enum.text import WD_BREAK

    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# -- header and title ------------------------------------------------------------------------


def _text_width_mm() -> float:
    return pdf.PORTRAIT.width / PT_PER_MM


def _header(word: DocxDocument, document: OfficialDocument) -> None:
    header = document.header
    width = _text_width_mm()
    left_mm = width * pdf.HEADER_LEFT_SHARE
    table = _plain_table(word, 2, 2, [left_mm, width - left_mm])
    left, right = table.cell(0, 0), table.cell(0, 1)
    # the agency's name broken where the PDF breaks it: before its administrative level
    st = pdf.styles()
    room = (left_mm - 2) * PT_PER_MM
    first = True
    for line in pdf.agency_lines(header.parent, st.header_parent, room):
        _centred(left, line, size=13, first=first)
        first = False
    for line in pdf.agency_lines(header.issuer, st.header_issuer, room):
        _centred(left, line, bold=True, size=13, first=first)
        first = False
    _rule(left, left_mm, min(left_mm * 0.45, 30))
    _centred(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, first=True)
    _centred(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14)
    _rule(right, width - left_mm, 60)
    if header.number is not None:
        _centred(table.cell(1, 0), f"Số: {header.number}", size=13, first=True, before=6)
    _centred(
        table.cell(1, 1), date_line(header.place, header.date), italic=True, first=True, before=6
    )


def _title(word: DocxDocument, document: OfficialDocument) -> None:
    _centred(word, document.kind.upper(), bold=True, before=18)
    _centred(word, document.summary, bold=True)
    _rule(word, _text_width_mm(), 40)
    if document.note.strip():
        _centred(word, document.note, italic=True, size=13)
    word.add_paragraph()


# -- body ------------------------------------------------------------------------------------


def _blocks(word: DocxDocument, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            _para(word, block.text, bold=True)
        elif isinstance(block, Para):
            _para(word, block.text, lead=block.lead)
        elif isinstance(block, Note):
            paragraph = _format(word.add_paragraph(), indent=False, before=2, spacing=1.0)
            _run(paragraph, block.text, italic=True, size=12)
        else:
            _table(word, block)


def _table(word: DocxDocument, block: TableBlock) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    width = _text_width_mm()
    fixed = sum(c.width / PT_PER_MM for c in block.columns if c.width is not None)
    flexible = sum(1 for c in block.columns if c.width is None) or 1
    share = max(0.0, width - fixed) / flexible
    widths = [share if c.width is None else c.width / PT_PER_MM for c in block.columns]
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = word.styles["Table Grid"]
    _widths(table, widths)
    head = table.rows[0]
    # the header row repeats on every page the table runs over
    head._tr.get_or_add_trPr().append(_on(OxmlElement("w:tblHeader"), qn))
    for cell, column in zip(head.cells, block.columns, strict=True):
        _cell_text(cell, column.title, "center", bold=True, size=block.font_size)
    for r, row in enumerate(block.rows, start=1):
        last = block.total_row and r == len(block.rows)
        cells = table.rows[r].cells
        for cell, column, value in zip(cells, block.columns, row, strict=True):
            _cell_text(cell, value, column.align.lower(), bold=last, size=block.font_size)
        if last and block.span > 1:
            merged = cells[0].merge(cells[block.span - 1])
            text = row[0]
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].runs[0].text = nfc(text)
            for extra in merged.paragraphs[0].runs[1:]:
                extra.text = ""
    word.add_paragraph().paragraph_format.space_after = 0


def _on(element: Any, qn: Any) -> Any:
    element.set(qn("w:val"), "true")
    return element


def _cell_text(cell: _Cell, text: str, align: str, *, bold: bool, size: float) -> None:
    paragraph = cell.paragraphs[0]
    _format(paragraph, align=align, indent=False, before=1, spacing=1.0)
    _run(paragraph, text, bold=bold, size=size)


def _plain_table(word: DocxDocument, rows: int, cols: int, widths_mm: list[float]) -> Any:
    """A borderless layout table whose cells have no side padding and never split."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = word.add_table(rows=rows, cols=cols)
    _widths(table, widths_mm)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(_on(OxmlElement("w:cantSplit"), qn))
    return table


def _widths(table: Any, widths_mm: list[float]) -> None:
    from docx.shared import Mm

    table.autofit = False
    # LibreOffice reads the grid, Word the cells: set both.
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


# -- signature -------------------------------------------------------------------------------


def _signature(word: DocxDocument, document: OfficialDocument) -> None:
    width = _text_width_mm()
    table = _plain_table(word, 1, 2, [width * 0.45, width * 0.55])
    left, right = table.cell(0, 0), table.cell(0, 1)
    if document.recipients is not None:
        title = _format(left.paragraphs[0], align="left", indent=False, before=10, spacing=1.0)
        _run(title, "Nơi nhận:", bold=True, italic=True, size=12)
        for line in document.recipients:
            if line.strip():
                paragraph = _format(left.add_paragraph(), align="left", indent=False, before=0)
                paragraph.paragraph_format.line_spacing = 1.0
                _run(paragraph, f"- {line.strip()}", size=11)
    first = True
    for line in document.signature.lines:
        if line.strip():
            _centred(right, line.upper(), bold=True, first=first, before=10 if first else 0)
            first = False
    for _ in range(4):  # room for the handwritten signature and the seal
        right.add_paragraph()
    _centred(right, document.signature.name, bold=True)
