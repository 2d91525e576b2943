"""The house style every printed document shares (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Page setup, paragraph styles, the header block (agency, Quốc hiệu, Tiêu ngữ, number, place
and date), the title block, data tables, the signature and "Nơi nhận" block, page numbers,
and ``render``, which lays a story out and writes it with progress, cancellation and an
atomic write. Every string passes through ``app.report_data.nfc`` and is XML-escaped here,
so the builders of a document hand over plain text only.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app import progress as _progress
from app.fsio import write_atomic, write_failure
from app.printing import Cancelled, PdfWriteError
from app.printing.fonts import SerifFamily, register_serif
from app.progress import Tracker
from app.report_data import nfc

Progress = _progress.Progress
"""progress(done, total): ``done`` never decreases and ends equal to ``total``."""
IsCancelled = _progress.Cancelled
Output = BinaryIO | Path | str

CREATOR = "Tiến Độ"

# Nghị định 30/2020, Phụ lục I, II.2: top and bottom 20–25 mm, left 30–35, right 15–20.
# The smallest allowed margins leave the most room for tables.
PAGE_SIZE = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm

BODY_SIZE = 14
LINE_SPACING = 1.2
FIRST_LINE_INDENT = 12.7 * mm
PARAGRAPH_SPACING = 6  # pt between paragraphs: the decree's minimum
TABLE_SIZE = 13
PAGE_NUMBER_SIZE = 13
RULE_THICKNESS = 0.6

# Share of the text width taken by the agency column of the header; the rest holds the
# Quốc hiệu, whose 13 pt bold line is 96 mm long and needs the 99 mm this leaves in portrait.
HEADER_LEFT_SHARE = 0.4
HEADER_GUTTER = 2 * mm


@dataclass(frozen=True)
class PageSetup:
    """Paper size (width, height in pt) and margins (pt)."""

    size: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float

    @property
    def width(self) -> float:
        """Width of the text frame."""
        return self.size[0] - self.left - self.right

    @property
    def height(self) -> float:
        """Height of the text frame."""
        return self.size[1] - self.top - self.bottom


PORTRAIT = PageSetup(PAGE_SIZE, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT)

# A landscape sheet bound with portrait ones is turned a quarter clockwise to read, so the
# binding edge (left, 30 mm) becomes its top, the right edge (15 mm) its bottom, and the
# old top and bottom (20 mm) its sides.
LANDSCAPE = PageSetup(
    landscape(PAGE_SIZE),
    top=MARGIN_LEFT,
    bottom=MARGIN_RIGHT,
    left=MARGIN_TOP,
    right=MARGIN_BOTTOM,
)


@dataclass(frozen=True)
class DocumentInfo:
    """PDF metadata; the creator is always "Tiến Độ"."""

    title: str
    author: str  # the issuing unit's name
    subject: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeaderInfo:
    """What the header block prints."""

    parent: str  # "" when the issuer has no parent line (an Ủy ban nhân dân huyện)
    issuer: str  # lines separated by "\n"
    number: str | None  # "215/BC-UBND", "  /BC-UBND" when not numbered yet; None: no "Số:" line
    place: str
    date: dt.date


@dataclass(frozen=True)
class SignatureInfo:
    """The signature block: the lines of authority, then the name after room for the seal."""

    lines: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    name: str


@dataclass(frozen=True)
class HouseStyles:
    """The paragraph styles of the house style, for one font family."""

    family: SerifFamily
    body: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    header_parent: ParagraphStyle
    header_issuer: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle
    place_date: ParagraphStyle
    kind: ParagraphStyle
    summary: ParagraphStyle
    note: ParagraphStyle
    table_head: ParagraphStyle
    table_left: ParagraphStyle
    table_center: ParagraphStyle
    table_right: ParagraphStyle
    recipients_title: ParagraphStyle
    recipient: ParagraphStyle
    signer: ParagraphStyle
    signer_name: ParagraphStyle

    def table_cell(self, align: str) -> ParagraphStyle:
        """The table body style for a column alignment ("LEFT", "CENTER", "RIGHT")."""
        return {"CENTER": self.table_center, "RIGHT": self.table_right}.get(align, self.table_left)


def styles() -> HouseStyles:
    """The house styles on the registered serif family; raises FontError (fonts.register_serif)."""
    return _styles_for(register_serif())


@functools.lru_cache(maxsize=4)
def _styles_for(family: SerifFamily) -> HouseStyles:
    regular, bold = family.regular, family.bold

    def style(name: str, **kw: Any) -> ParagraphStyle:
        size = kw.pop("fontSize", BODY_SIZE)
        kw.setdefault("fontName", regular)
        kw.setdefault("leading", round(size * kw.pop("spacing", LINE_SPACING), 2))
        # reportlab squeezes spaces up to 5% to fit one more word on a line; Word does not,
        # and squeezed lines look cramped beside their neighbours.
        kw.setdefault("spaceShrinkage", 0)
        return ParagraphStyle(name, fontSize=size, **kw)

    def centred(name: str, font: str, size: float) -> ParagraphStyle:
        # Header lines are set solid: the decree's samples show no air between them.
        return style(name, fontName=font, fontSize=size, spacing=1.15, alignment=TA_CENTER)

    body = style(
        "Body",
        alignment=TA_JUSTIFY,
        firstLineIndent=FIRST_LINE_INDENT,
        spaceBefore=PARAGRAPH_SPACING,
    )
    return HouseStyles(
        family=family,
        body=body,
        heading=style("Heading", parent=body, fontName=bold, keepWithNext=1),
        subheading=style("Subheading", parent=body, fontName=bold, keepWithNext=1),
        header_parent=centred("HeaderParent", regular, 13),
        header_issuer=centred("HeaderIssuer", bold, 13),
        national=centred("National", bold, 13),
        motto=centred("Motto", bold, 14),
        number=centred("Number", regular, 13),
        place_date=centred("PlaceDate", family.italic, 14),
        kind=style("Kind", fontName=bold, alignment=TA_CENTER, spaceBefore=18),
        summary=style("Summary", fontName=bold, alignment=TA_CENTER),
        note=style("Note", fontName=family.italic, fontSize=13, alignment=TA_CENTER),
        # A column title breaks between words only ("cổng/trang" stays whole): callers
        # make a column at least as wide as its longest word.
        table_head=style(
            "TableHead",
            fontName=bold,
            fontSize=TABLE_SIZE,
            spacing=1.15,
            alignment=TA_CENTER,
            splitLongWords=0,
        ),
        table_left=style("TableLeft", fontSize=TABLE_SIZE, spacing=1.15, alignment=TA_LEFT),
        table_center=style("TableCenter", fontSize=TABLE_SIZE, spacing=1.15, alignment=TA_CENTER),
        table_right=style("TableRight", fontSize=TABLE_SIZE, spacing=1.15, alignment=TA_RIGHT),
        recipients_title=style("RecipientsTitle", fontName=family.bold_italic, fontSize=12),
        # A hanging indent keeps a wrapped recipient clear of the "- " of the next one.
        recipient=style("Recipient", fontSize=11, spacing=1.15, leftIndent=7, firstLineIndent=-7),
        signer=centred("Signer", bold, 14),
        signer_name=centred("SignerName", bold, 14),
    )


# C0 control characters other than tab and newline (text pasted from Word brings \x07 and
# the like), which the font has no glyph for and would print as boxes.
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]}


def markup(text: str) -> str:
    """Plain text made safe for a reportlab Paragraph: NFC, control characters blanked, escaped."""
    return escape(nfc(text).translate(_CONTROLS))


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (NFC, escaped); never interprets markup in ``text``."""
    return Paragraph(markup(text), style)


def paragraphs(text: str, style: ParagraphStyle, *, empty: str = "Không có.") -> list[Flowable]:
    """One Paragraph per non-blank line of ``text``; ``empty`` when there is none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [para(line, style) for line in lines or [empty]]


def format_number(value: int) -> str:
    """An integer the Vietnamese way, "." between thousands: 12500000 -> "12.500.000"."""
    return f"{value:,}".replace(",", ".")


def short_date(day: dt.date) -> str:
    """dd/mm/yyyy, as dates are cited inside a text: 22/01/2024."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_line(place: str, day: dt.date) -> str:
    """The place and date line: "Chư Sê, ngày 05 tháng 01 năm 2025".

    Nghị định 30/2020 (Phụ lục I, I.5.b): days below 10 and the months 1 and 2 take a
    leading zero, so that no digit can be put in front of them; months 3 to 9 do not.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    when = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    place = place.strip()
    return f"{place}, {when}" if place else when[0].upper() + when[1:]


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal rule of a fixed length, centred in the width it is given."""

    def __init__(self, length: float, *, space_before: float = 3, space_after: float = 0):
        super().__init__()
        self.length = length
        self.space_before = space_before
        self.space_after = space_after
        self._avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Take the whole width so that centring does not depend on the container."""
        self._avail = avail_width
        return avail_width, self.space_before + RULE_THICKNESS + self.space_after

    def draw(self) -> None:
        """Draw the line."""
        x = max(0.0, (self._avail - self.length) / 2)
        y = self.space_after + RULE_THICKNESS / 2
        self.canv.setLineWidth(RULE_THICKNESS)
        self.canv.line(x, y, x + min(self.length, self._avail), y)


def header_block(header: HeaderInfo, st: HouseStyles, width: float) -> Table:
    """The two-column header of page 1: agency | Quốc hiệu and Tiêu ngữ; number | place, date."""
    left_width = width * HEADER_LEFT_SHARE
    right_width = width - left_width
    # Room for the agency's name that keeps a gutter before the Quốc hiệu.
    agency_width = left_width - HEADER_GUTTER
    left: list[Flowable] = []
    for line in agency_lines(header.parent, st.header_parent, agency_width):
        left.append(balanced(line, st.header_parent, agency_width)[0])
    widest = 0.0
    for line in agency_lines(header.issuer, st.header_issuer, agency_width):
        paragraph, line_width = balanced(line, st.header_issuer, agency_width)
        left.append(paragraph)
        widest = max(widest, line_width)
    # Decree: a rule 1/3 to 1/2 as long as the agency's name, under it.
    left.append(Rule(widest * 0.45))
    motto = "Độc lập - Tự do - Hạnh phúc"
    right: list[Flowable] = [
        para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.national),
        para(motto, st.motto),
        Rule(stringWidth(motto, st.motto.fontName, st.motto.fontSize)),
    ]
    number: Flowable | str = ""
    if header.number is not None:
        # Paragraph collapses spaces; an unnumbered document keeps its blank for the number.
        number = Paragraph("Số: " + markup(header.number).replace(" ", "&nbsp;"), st.number)
    table = Table(
        [[left, right], [number, para(date_line(header.place, header.date), st.place_date)]],
        colWidths=[left_width, right_width],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                *_no_helvetica(st),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), HEADER_GUTTER),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    return table


# Where an agency's name breaks naturally: before the administrative level of its place.
_LEVEL = re.compile(r"\s+(?=(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s)")


def agency_lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    """An agency's name in capitals, as lines for the header; each given line is kept.

    A line too long for ``width`` is broken before the first administrative level
    ("ỦY BAN NHÂN DÂN" / "TỈNH GIA LAI"), as a clerk would; what is still too long is left
    for the paragraph to wrap.
    """
    out: list[str] = []
    for line in _lines(nfc(text).upper()):
        if stringWidth(line, style.fontName, style.fontSize) <= width:
            out.append(line)
            continue
        head, *rest = _LEVEL.split(line, maxsplit=1)
        out += [head, *rest] if head else [line]
    return out


# "ngày 22/01/2024", "số 157/KH-UBND": a title broken inside a citation reads badly.
_KEEP_WITH_NEXT = re.compile(r"\b(ngày|số) (?=\S)")


def title_block(
    kind: str, summary: str, st: HouseStyles, width: float, *, note: str = ""
) -> list[Flowable]:
    """The kind of document ("BÁO CÁO"), its summary line and a short rule; ``note`` under it."""
    out: list[Flowable] = [para(kind.upper(), st.kind)]
    widest = 0.0
    for line in _lines(summary):
        paragraph, line_width = balanced(_KEEP_WITH_NEXT.sub("\\1\xa0", line), st.summary, width)
        out.append(paragraph)
        widest = max(widest, line_width)
    # Decree: a rule 1/3 to 1/2 as long as the line above it.
    out.append(Rule((widest or width) * 0.4, space_before=4))
    if note.strip():
        out.append(para(note, st.note))
    out.append(Spacer(1, 12))
    return out


def balanced(text: str, style: ParagraphStyle, width: float) -> tuple[Paragraph, float]:
    """A centred paragraph whose lines are about equally long, and the width they take.

    A title broken after its ninth word of ten looks unfinished; this narrows the paragraph
    as far as it goes without taking another line.
    """
    lines = _line_count(text, style, width)
    if lines < 2:
        return para(text, style), min(width, stringWidth(nfc(text), style.fontName, style.fontSize))
    low, high = 0.0, width
    while high - low > 1:
        middle = (low + high) / 2
        if _line_count(text, style, middle) <= lines:
            high = middle
        else:
            low = middle
    indent = (width - high) / 2
    narrowed = ParagraphStyle(
        f"{style.name}-balanced", parent=style, leftIndent=indent, rightIndent=indent
    )
    return para(text, narrowed), high


def _line_count(text: str, style: ParagraphStyle, width: float) -> int:
    paragraph = para(text, style)
    paragraph.wrap(width, 1e6)
    return len(paragraph.blPara.lines)


@dataclass(frozen=True)
class Column:
    """A column of a data table."""

    title: str
    width: float | None  # pt; None shares what the fixed columns leave
    align: Literal["LEFT", "CENTER", "RIGHT"] = "LEFT"
    # Short values (numbers, dates, codes) are drawn as plain strings: they never wrap, and
    # a string cell costs far less than a Paragraph, which counts in a thousand-row table.
    wrap: bool = True


def data_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    st: HouseStyles,
    width: float,
    *,
    font_size: float = TABLE_SIZE,
) -> Table:
    """A ruled table whose header row repeats on every page it runs over; cells are plain text."""
    widths = _fit_widths([c.width for c in columns], width)
    leading = round(font_size * 1.15, 2)
    head_style = _sized(st.table_head, font_size)
    cell_styles = [_sized(st.table_cell(c.align), font_size) for c in columns]
    data: list[list[Flowable | str]] = [[para(c.title, head_style) for c in columns]]
    for row in rows:
        data.append(
            [
                para(value, cell_styles[i]) if columns[i].wrap else nfc(value)
                for i, value in enumerate(row)
            ]
        )
    commands: list[tuple[Any, ...]] = [
        # Every cell, header row included: a table sets its cells' font even when they
        # hold paragraphs, and its default, Helvetica, would sit unembedded in the PDF.
        ("FONT", (0, 0), (-1, -1), st.family.regular, font_size, leading),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), c.align) for i, c in enumerate(columns) if not c.wrap]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


@functools.lru_cache(maxsize=32)
def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    if style.fontSize == size:
        return style
    return ParagraphStyle(f"{style.name}{size}", parent=style, fontSize=size, leading=size * 1.15)


class SignatureRoom(Spacer):  # type: ignore[misc]
    """The blank between the signer's title and name. Once drawn, ``placed`` holds where:
    (page index from 0, x0, y0, x1, y1 in points), so an official signature's appearance
    can be put there (app.official)."""

    def __init__(self, height: float) -> None:
        super().__init__(1, height)
        self.placed: tuple[int, float, float, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        self.placed = (page, x, y, x + self.width, y + self.height)


def signature_block(
    signature: SignatureInfo,
    recipients: Sequence[str] | None,
    st: HouseStyles,
    width: float,
    *,
    room: float | SignatureRoom = 30 * mm,
) -> Table:
    """The recipients ("Nơi nhận:") bottom left, the signature bottom right; never split.

    Each recipient is printed "- " + text; ``None`` leaves the left side empty (a document
    sent nowhere). ``room`` is the blank left for the handwritten signature and the seal
    (a height, or a SignatureRoom that records where it lands).
    """
    left: list[Flowable] = []
    if recipients is not None:
        left.append(para("Nơi nhận:", st.recipients_title))
        left += [para(f"- {r.strip()}", st.recipient) for r in recipients if r.strip()]
    right: list[Flowable] = [
        para(line.upper(), st.signer) for line in signature.lines if line.strip()
    ]
    blank = room if isinstance(room, SignatureRoom) else Spacer(1, room)
    right += [blank, para(signature.name, st.signer_name)]
    left_width = width * 0.45
    table = Table([[left or "", right]], colWidths=[left_width, width - left_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *_no_helvetica(st),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                # The recipients start a little lower, level with the first signer line.
                ("TOPPADDING", (0, 0), (0, 0), 2),
            ]
        )
    )
    return table


def closing(last_paragraph: Flowable, block: Flowable) -> KeepTogether:
    """The last paragraph and the signature block on one page: a signature alone is void."""
    return KeepTogether([last_paragraph, Spacer(1, 10), block])


def render(
    story: list[Flowable],
    out: Output,
    *,
    page: PageSetup,
    info: DocumentInfo,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Lay out ``story`` on pages of ``page`` and write the PDF to ``out``.

    A path is written atomically (temp file in the same folder, fsync, os.replace); a stream
    is written only once the whole PDF exists. Raises Cancelled when ``cancelled()`` turns
    true (polled after every flowable and every page of a long table) and PdfWriteError
    when the file cannot be written; either way nothing half-written is left at ``out``.
    """
    st = styles()
    tracker = Tracker(1, progress, cancelled, stop=Cancelled)
    tracker.check()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page.size,
        topMargin=page.top,
        bottomMargin=page.bottom,
        leftMargin=page.left,
        rightMargin=page.right,
        title=nfc(info.title),
        author=nfc(info.author),
        subject=nfc(info.subject),
        keywords=[nfc(k) for k in info.keywords],
        creator=CREATOR,
        lang="vi",
        # Without this the canvas opens every page in Helvetica, which lands in the
        # resources unembedded.
        initialFontName=st.family.regular,
        initialFontSize=BODY_SIZE,
    )
    # A frame without reportlab's default 6 pt padding: the text must reach the margins the
    # decree sets, and no further.
    frame = Frame(
        page.left,
        page.bottom,
        page.width,
        page.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    on_page = functools.partial(_draw_page_number, page=page, font=st.family.regular)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.setProgressCallBack(_reportlab_progress(tracker))
    doc.build(story)
    tracker.check()
    data = buffer.getvalue()
    if isinstance(out, str | os.PathLike):
        write_atomically(Path(out), data)
    else:
        try:
            out.write(data)
            out.flush()
        except OSError as exc:
            raise _write_error(str(getattr(out, "name", "")), exc) from exc
    tracker.finish()


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once (``app.fsio.write_atomic``).

    Raises PdfWriteError (folder missing or read-only, disk full); on failure the old file,
    if any, is untouched and no temp file is left. A new PDF is 0644: it is meant to be
    shared and printed.
    """
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise _write_error(str(path), exc) from exc


def _write_error(where: str, exc: OSError) -> PdfWriteError:
    folder = Path(where).parent if where else Path(".")
    message, hint = write_failure(exc, folder, f"tệp PDF {Path(where).name}".strip())
    return PdfWriteError(message, hint=hint)


def _reportlab_progress(tracker: Tracker) -> Callable[[str, int], None]:
    """reportlab's progress callback, fed into ``tracker`` (which also checks for a cancel).

    reportlab first estimates the number of flowables, then counts them off; the tracker's
    last step is writing the file, so the count stops one short of the total.
    """

    def on_reportlab(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            tracker.total = max(1, int(value)) + 1
        elif kind == "PROGRESS":
            tracker.check()
            # A split table goes back into the queue, so reportlab's count can step back.
            tracker.reach(min(int(value), tracker.total - 1))

    return on_reportlab


def _draw_page_number(canvas: Canvas, doc: BaseDocTemplate, *, page: PageSetup, font: str) -> None:
    if doc.page == 1:
        return  # the decree numbers pages from the second one on
    canvas.saveState()
    canvas.setFont(font, PAGE_NUMBER_SIZE)
    x = page.left + page.width / 2
    # Baseline a little below the middle of the top margin, so the digits sit centred in it.
    y = page.size[1] - page.top / 2 - PAGE_NUMBER_SIZE * 0.35
    canvas.drawCentredString(x, y, str(doc.page))
    canvas.restoreState()


def _no_helvetica(st: HouseStyles) -> list[tuple[Any, ...]]:
    # A table sets its cells' font even when they hold flowables, and its default is
    # Helvetica, which would then sit unembedded in the PDF's resources.
    return [("FONT", (0, 0), (-1, -1), st.family.regular, BODY_SIZE)]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _fit_widths(widths: Sequence[float | None], total: float) -> list[float]:
    fixed = sum(w for w in widths if w is not None)
    flexible = sum(1 for w in widths if w is None)
    share = max(0.0, total - fixed) / flexible if flexible else 0.0
    return [share if w is None else w for w in widths]
