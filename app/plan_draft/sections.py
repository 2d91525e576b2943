"""Cut a plan into its parts: the header (preamble), the Roman-numbered sections (I. MỤC
ĐÍCH, YÊU CẦU; II. NỘI DUNG THỰC HIỆN; III. KINH PHÍ; IV. TỔ CHỨC THỰC HIỆN) and the tail
(Nơi nhận, signature, appendices)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.plan_draft.normalize import is_upper, key, roman_value
from app.plan_draft.reader import Block, Paragraph, Row

_ROMAN_HEADING = re.compile(r"^([IVX]{1,6})\s*[.)/-]\s*(\S.*)$")
_SIGNATURE = re.compile(r"^(?:tm|kt|tl|tuq|q)\.\s*\S")


@dataclass
class Section:
    numeral: str  # "II"
    heading: str  # "NỘI DUNG THỰC HIỆN"
    blocks: list[Block] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Parts:
    preamble: list[Block]
    sections: list[Section]
    tail: list[Block]

    def section(self, *words: str) -> Section | None:
        """The first section whose heading holds one of ``words`` (compared as keys)."""
        for section in self.sections:
            heading = key(section.heading)
            if any(word in heading for word in words):
                return section
        return None

    def numbered(self, numeral: str) -> Section | None:
        return next((s for s in self.sections if s.numeral == numeral), None)

    def tasks_section(self) -> Section | None:
        return self.section("nội dung", "nhiệm vụ", "giải pháp") or self.numbered("II")


def roman_heading(text: str) -> tuple[str, str] | None:
    """("II", "NỘI DUNG THỰC HIỆN") for a section heading line, else None."""
    match = _ROMAN_HEADING.match(text)
    if not match or roman_value(match.group(1)) is None:
        return None
    heading = match.group(2).strip()
    if is_upper(heading) or (len(heading.split()) <= 12 and not heading.endswith(".")):
        return match.group(1), heading
    return None


def is_tail_start(block: Block) -> bool:
    """True where the body ends: "Nơi nhận:" or the first line of the signature."""
    texts = block.cells if isinstance(block, Row) else (block.text,)
    for text in texts:
        first = key(text.split("\n", 1)[0])
        if first.startswith("nơi nhận") or (_SIGNATURE.match(first) and is_upper(text)):
            return True
    return False


def split_parts(blocks: list[Block]) -> Parts:
    """Preamble, sections and tail; a document without Roman headings is all preamble."""
    preamble: list[Block] = []
    sections: list[Section] = []
    tail: list[Block] = []
    for index, block in enumerate(blocks):
        heading = roman_heading(block.text) if isinstance(block, Paragraph) else None
        if heading:
            sections.append(Section(*heading))
        elif sections and is_tail_start(block):
            tail = blocks[index:]
            break
        elif sections:
            sections[-1].blocks.append(block)
        else:
            preamble.append(block)
    return Parts(preamble, sections, tail)


def lines(blocks: list[Block]) -> list[str]:
    """Every text line of ``blocks``, cells split into their lines, in order."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Row):
            for cell in dict.fromkeys(block.cells):  # a merged cell repeats
                out.extend(line for line in cell.split("\n") if line)
        else:
            out.append(block.text)
    return out
