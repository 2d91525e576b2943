"""An :class:`~app.printing.blocks.OfficialDocument` laid out as a PDF in the house style
(app/printing/document.py): header, title, body, closing with signature and Nơi nhận, then
each appendix on a new page."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from app.printing import document as doc
from app.printing.blocks import Appendix, Block, Heading, Note, OfficialDocument, Para, TableBlock
from app.printing.document import HouseStyles, IsCancelled, Output, Progress


def render_official(
    document: OfficialDocument,
    out: Output,
    *,
    info: doc.DocumentInfo,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    room: doc.SignatureRoom | None = None,
) -> None:
    """Write ``document`` as an A4 portrait PDF (same contract as ``document.render``);
    ``room``, when given, is the signature's blank and records where it lands."""
    st = doc.styles()
    page = doc.PORTRAIT
    doc.render(
        official_story(document, st, page.width, room=room),
        out,
        page=page,
        info=info,
        progress=progress,
        cancelled=cancelled,
    )


def official_story(
    document: OfficialDocument,
    st: HouseStyles,
    width: float,
    *,
    room: doc.SignatureRoom | None = None,
) -> list[Flowable]:
    """The flowables of the whole document; ``room`` replaces the usual 30 mm blank for a
    handwritten signature."""
    story: list[Flowable] = [
        doc.header_block(document.header, st, width),
        *doc.title_block(document.kind, document.summary, st, width, note=document.note),
    ]
    story += blocks_story(document.body, st, width)
    block = doc.signature_block(
        document.signature,
        document.recipients,
        st,
        width,
        room=room if room is not None else 30 * mm,
    )
    story.append(doc.closing(doc.para(document.closing, st.body), block))
    for appendix in document.appendices:
        story += [PageBreak(), *_appendix(appendix, st, width)]
    return story


def blocks_story(blocks: tuple[Block, ...], st: HouseStyles, width: float) -> list[Flowable]:
    """Flowables for body blocks; a heading stays with what follows it."""
    out: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(doc.para(block.text, st.heading if block.level == 1 else st.subheading))
        elif isinstance(block, Para):
            if block.lead:
                out.append(
                    Paragraph(f"<i>{doc.markup(block.lead)}</i>{doc.markup(block.text)}", st.body)
                )
            else:
                out.append(doc.para(block.text, st.body))
        elif isinstance(block, Note):
            out.append(doc.para(block.text, _note_style(st)))
        else:
            out.append(_table(block, st, width))
    return out


def _table(block: TableBlock, st: HouseStyles, width: float) -> Flowable:
    table = doc.data_table(block.columns, block.rows, st, width, font_size=block.font_size)
    table.spaceBefore = doc.PARAGRAPH_SPACING
    table.spaceAfter = 2
    if block.total_row and block.rows:
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, -1), (-1, -1), st.family.bold, block.font_size),
            ("ALIGN", (0, -1), (0, -1), "CENTER"),
        ]
        if block.span > 1:
            commands.append(("SPAN", (0, -1), (block.span - 1, -1)))
        table.setStyle(commands)
    if len(block.rows) <= block.keep:
        # A handful of rows split over two pages, one row alone overleaf, looks broken.
        return KeepTogether([table])
    return table


def _appendix(appendix: Appendix, st: HouseStyles, width: float) -> list[Flowable]:
    centred = ParagraphStyle("AppendixTitle", parent=st.summary, spaceBefore=0)
    out: list[Flowable] = [
        doc.para(appendix.title, centred),
        doc.para(appendix.subtitle, st.summary),
        doc.para(appendix.reference, st.note),
        Spacer(1, 6),
    ]
    return out + blocks_story(appendix.blocks, st, width)


def _note_style(st: HouseStyles) -> ParagraphStyle:
    return ParagraphStyle(
        "TableNote",
        parent=st.body,
        fontName=st.family.italic,
        fontSize=12,
        leading=14,
        firstLineIndent=0,
        spaceBefore=2,
    )
