"""The visible signatures of ND 30/2020/ND-CP Phụ lục I for an electronic document,
drawn with reportlab as one-page PDFs that the signature widget shows:

- the competent person's signature: the image of their handwritten signature, centred in
  the blank between the signer's title and name;
- the agency's signature: the image of its seal over about the left third of the person's
  signature, with the agency's name and the signing time (ISO 8601, +07:00) beneath, in
  the house serif at 10 pt.

Geometry is in PDF points; `Placement` says where on the page the blank is.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.official.errors import PdfSignatureError

if TYPE_CHECKING:
    from app.printing.fonts import SerifFamily

SIGNATURE_W = 50 * mm
SIGNATURE_H = 28 * mm
SEAL = 30 * mm  # a commune's or a department's round seal is 30–36 mm across
TEXT_SIZE = 10  # Phụ lục I: Times New Roman, 10 pt
# the blank a report prepared for official signing leaves between title and name
ROOM_HEIGHT = SEAL + 13 * mm
INK_BLUE = Color(0.05, 0.2, 0.6)
MAX_IMAGE = 4 << 20


@dataclass(frozen=True)
class Box:
    """A rectangle on a page, in points from the bottom left."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (round(self.x0), round(self.y0), round(self.x1), round(self.y1))


@dataclass(frozen=True)
class Placement:
    """Where the blank for the signatures is: page index (0-based) and rectangle."""

    page: int
    room: Box

    def personal_box(self) -> Box:
        """The person's signature: centred in the blank, at its top."""
        cx = (self.room.x0 + self.room.x1) / 2
        top = self.room.y1
        return Box(cx - SIGNATURE_W / 2, top - SIGNATURE_H, cx + SIGNATURE_W / 2, top)

    def agency_box(self) -> Box:
        """The seal over the left third of the person's signature, the text under it."""
        personal = self.personal_box()
        x0 = personal.x0 + personal.width / 3 - SEAL
        top = self.room.y1 - 1 * mm
        return Box(x0, top - ROOM_HEIGHT, x0 + SEAL + SIGNATURE_W * 2 / 3, top)


def check_image(path: Path) -> bytes:
    """The bytes of a PNG (or JPEG) signature or seal image; raises PdfSignatureError when
    it is missing, too big or not an image reportlab can draw."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfSignatureError(f"Không đọc được ảnh {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_IMAGE:
        raise PdfSignatureError(
            f"Ảnh {path.name} quá lớn (trên 4 MB).",
            "Dùng ảnh .png nền trong suốt, khoảng 600 điểm ảnh chiều ngang là đủ.",
        )
    try:
        ImageReader(io.BytesIO(data)).getSize()
    except Exception:
        raise PdfSignatureError(
            f"Tệp {path.name} không phải ảnh đọc được.", "Chọn ảnh .png nền trong suốt."
        ) from None
    return data


def personal_page(box: Box, image: bytes | None, holder: str) -> bytes:
    """A one-page PDF of ``box``'s size: the signature image scaled to fit, centred; without
    an image, the holder's name in blue italics (the certificate still says who signed)."""
    canvas, buffer = _canvas(box)
    if image is not None:
        _draw_image(canvas, image, 0, 0, box.width, box.height)
    else:
        family = _family()
        canvas.setFillColor(INK_BLUE)
        canvas.setFont(family.italic, 13)
        canvas.drawCentredString(box.width / 2, box.height / 2 - 4, holder)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def agency_page(box: Box, seal: bytes | None, agency: str, when: dt.datetime) -> bytes:
    """A one-page PDF of ``box``'s size: the seal at its top left, the agency's name and the
    signing time under it (10 pt, black)."""
    canvas, buffer = _canvas(box)
    family = _family()
    text_top = box.height - SEAL
    if seal is not None:
        _draw_image(canvas, seal, 0, text_top, SEAL, SEAL)
    canvas.setFillColor(Color(0, 0, 0))
    canvas.setFont(family.regular, TEXT_SIZE)
    lines = [*_wrap(agency, family.regular, box.width), f"Thời gian ký: {iso_time(when)}"]
    y = text_top - TEXT_SIZE - 1
    for line in lines[:3]:
        canvas.drawString(0, y, line)
        y -= TEXT_SIZE + 1.5
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def iso_time(when: dt.datetime) -> str:
    """ISO 8601 with the Vietnam offset, to the second: 2024-12-16T09:30:12+07:00."""
    from app.official.certs import VIETNAM

    return when.astimezone(VIETNAM).replace(microsecond=0).isoformat()


def _canvas(box: Box) -> tuple[Canvas, io.BytesIO]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(box.width, box.height), pageCompression=1)
    canvas.setTitle("")
    return canvas, buffer


def _family() -> SerifFamily:
    from app.printing.fonts import register_serif

    return register_serif()


def _draw_image(canvas: Canvas, data: bytes, x: float, y: float, w: float, h: float) -> None:
    reader = ImageReader(io.BytesIO(data))
    iw, ih = reader.getSize()
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    canvas.drawImage(
        reader, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, mask="auto", preserveAspectRatio=True
    )


def _wrap(text: str, font: str, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if stringWidth(trial, font, TEXT_SIZE) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
