"""Read a plan document (.docx, .txt, .md) into a flat list of paragraphs and table rows.

Everything after this module sees clean NFC lines in document order and never the file
format. Lines broken by a page break or a scanner ("…các phương" / "tiện truyền thống…")
are joined again: a paragraph that starts in lower case continues the one before it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.fsio import read_capped
from app.plan_draft.errors import UnreadableDocument
from app.plan_draft.normalize import clean_line, is_upper

# A plan is a few pages; a .docx with photos of the signed original can reach a few MB.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
SUFFIXES = (".docx", ".txt", ".md")


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Row:
    """One table row; a cell's paragraphs are joined by "\\n". Merged cells repeat."""

    cells: tuple[str, ...]


Block = Paragraph | Row


def read_document(path: Path) -> list[Block]:
    """The document's paragraphs and table rows in order, cleaned and re-joined.

    Raises UnreadableDocument (a KnownError) when the file is missing, too large, not a
    Word document, not UTF-8 text, or of another kind (.doc, .pdf). Never writes.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = (
            "Mở văn bản trong Word và lưu lại dưới dạng .docx."
            if suffix in (".doc", ".rtf", ".odt", ".pdf")
            else ""
        )
        raise UnreadableDocument(
            f"Không đọc được tệp {path.name}: chỉ nhận văn bản .docx, .txt hoặc .md.", hint
        )
    data = read_capped(path, "văn bản kế hoạch", MAX_DOCUMENT_BYTES, UnreadableDocument)
    if suffix == ".docx":
        blocks = list(_docx_blocks(data, path.name))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnreadableDocument(
                f"Không đọc được tệp {path.name}: tệp không phải văn bản UTF-8.",
                "Lưu lại tệp với bảng mã UTF-8 (Unicode), hoặc dùng tệp .docx.",
            ) from None
        lines = _markdown_blocks(text) if suffix == ".md" else _text_blocks(text)
        blocks = list(lines)
    return _join_broken(blocks)


# --- Word -----------------------------------------------------------------------------


def _docx_blocks(data: bytes, name: str) -> Iterator[Block]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        items = list(document.iter_inner_content())
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocument(
            f"Không đọc được tệp {name}: tệp không phải văn bản Word (.docx) hoặc đã hỏng.",
            "Mở tệp trong Word, lưu lại dưới dạng .docx rồi thử lại.",
        ) from exc
    for item in items:
        if isinstance(item, Table):
            for row in item.rows:
                cells = tuple("\n".join(_lines(cell.text)) for cell in row.cells)
                if any(cells):
                    yield Row(cells)
            continue
        style = item.style.name if item.style is not None else ""
        bullet = "- " if (style or "").lower().startswith("list bullet") else ""
        for line in _lines(item.text):
            yield Paragraph(bullet + line if not line.startswith(("-", "+")) else line)


def _lines(text: str) -> list[str]:
    """Non-blank cleaned lines (a soft line break in Word makes two)."""
    cleaned = (clean_line(line) for line in text.replace("\r", "\n").split("\n"))
    return [line for line in cleaned if line]


# --- plain text and Markdown --------------------------------------------------------


def _text_blocks(text: str) -> Iterator[Block]:
    """One paragraph per line: Word's "plain text" export writes a paragraph per line."""
    for line in _lines(text):
        yield Paragraph(line)


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_EMPHASIS = re.compile(r"\*+|(?<!\w)_{1,2}|_{1,2}(?!\w)")
_MD_ITEM = re.compile(r"^(?:[-+*]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][).]\s)")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}")


def _markdown_blocks(text: str) -> Iterator[Block]:
    """Markdown paragraphs (blank-line separated, soft-wrapped lines joined); list items,
    hard breaks (two trailing spaces) and table rows stay apart."""
    pending: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        hard_break = raw.endswith("  ") or raw.endswith("\\")
        stripped = raw.strip()
        if stripped.startswith("|"):
            yield from _flush(pending)
            if not _MD_RULE.match(stripped):
                cells = stripped.strip("|").split("|")
                yield Row(tuple(_md_inline(cell) for cell in cells))
            continue
        line = _MD_HEADING.sub("", stripped)
        line = _md_inline("- " + line[2:] if line.startswith("* ") else line)
        if not line:
            yield from _flush(pending)
            continue
        # Lines in capitals are a header or signature block's lines even when soft-wrapped.
        if pending and (_MD_ITEM.match(line) or (is_upper(line) and is_upper(pending[-1]))):
            yield from _flush(pending)
        pending.append(line)
        if hard_break:
            yield from _flush(pending)
    yield from _flush(pending)


def _flush(pending: list[str]) -> Iterator[Block]:
    if pending:
        yield Paragraph(" ".join(pending))
        pending.clear()


def _md_inline(text: str) -> str:
    text = _MD_TAG.sub(" ", text.rstrip("\\"))
    # An escaped character (1\. or \*) hides in the private use area while the
    # emphasis marks go; a literal "*" in a plan is rarer than a bold heading.
    text = _MD_ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    text = _MD_EMPHASIS.sub("", text)
    return clean_line("".join(chr(ord(c) - _HIDDEN) if _is_hidden(c) else c for c in text))


_HIDDEN = 0xE000


def _is_hidden(char: str) -> bool:
    return _HIDDEN <= ord(char) < _HIDDEN + 128


# --- re-joining ---------------------------------------------------------------------


_LETTER_ITEM = re.compile(r"^[a-zđ][).]\s")


def _join_broken(blocks: Iterable[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and block.text[:1].islower()
            and not _LETTER_ITEM.match(block.text)
            and not previous.text.endswith((".", ":", ";", "!", "?"))
        ):
            out[-1] = Paragraph(f"{previous.text} {block.text}")
        else:
            out.append(block)
    return out
