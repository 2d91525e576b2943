"""Text helpers shared by the drafter: clean lines, comparison keys, labels, Roman numerals.

Documents arrive in every state: NFD from a Mac, non-breaking spaces from Word, the old
tone placement ("Uỷ ban", "hoà") next to the new ("Ủy ban", "hòa"). Matching compares
`key()` forms; what is written to the plan stays the document's own text, only in NFC.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2022": "-"})

_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng


def _tone_swaps() -> dict[str, str]:
    """Old-style "oà", "oẻ", "uỷ" at a word's end → new-style "òa", "ỏe", "ủy"."""
    swaps: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            old = first + unicodedata.normalize("NFC", second + tone)
            new = unicodedata.normalize("NFC", first + tone) + second
            swaps[old] = new
    return swaps


_SWAPS = _tone_swaps()
# "qu" is one consonant: "quý", "quỹ" are spelt alike in both styles.
_OLD_TONES = re.compile("(?<!q)(" + "|".join(_SWAPS) + r")(?!\w)")


def clean_line(text: str) -> str:
    """NFC, one space between words, typographic dashes as "-", no outer spaces."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return _SPACES.sub(" ", text).strip()


def key(text: str) -> str:
    """Comparison form of clean text: lower case and the new tone placement.

    Keeps the length of ``text``, so a position found in the key is a position in the
    text.
    """
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _OLD_TONES.sub(lambda m: _SWAPS[m.group(1)], lowered)


def is_upper(text: str) -> bool:
    """True for a line written in capitals ("ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def sentence_case(text: str) -> str:
    """ "thường xuyên." → "Thường xuyên": the plan's words as a label."""
    text = text.strip().rstrip(".;,").strip()
    return text[:1].upper() + text[1:]


def strip_colon(text: str) -> str:
    return text.strip().rstrip(":").strip()


ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(numeral: str) -> int | None:
    """ "IV" → 4; None when ``numeral`` is not a Roman numeral from I to XXXIX."""
    if not numeral or not ROMAN.match(numeral):
        return None
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = numeral[index + 1] if index + 1 < len(numeral) else ""
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


# --- field labels inside a task ------------------------------------------------------

CONTENT = "content"
IMPLEMENTERS = "implementers"
LEAD = "lead"
COORDINATING = "coordinating"
TIME = "time"

_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CONTENT, re.compile(r"nội dung(?: thực hiện| cụ thể| công việc)?\s*:")),
    (IMPLEMENTERS, re.compile(r"(?:đơn vị|cơ quan) (?:thực hiện|triển khai)\s*:")),
    (LEAD, re.compile(r"(?:(?:đơn vị|cơ quan) )?chủ trì(?: thực hiện)?\s*:")),
    (COORDINATING, re.compile(r"(?:(?:đơn vị|cơ quan) )?phối hợp(?: thực hiện)?\s*:")),
    (TIME, re.compile(r"(?:thời gian|thời hạn|tiến độ)(?: thực hiện| hoàn thành)?\s*:")),
)


def field_label(text: str) -> tuple[str, str] | None:
    """(field, value) when ``text`` starts with a task field label such as
    "Đơn vị thực hiện:"; the value is what follows the colon. None otherwise."""
    folded = key(text)
    for field, pattern in _LABELS:
        match = pattern.match(folded)
        if match:
            return field, text[match.end() :].strip()
    return None


# Labels that start a new field in the middle of a paragraph ("…; Đơn vị thực hiện: …").
_INLINE_LABEL = re.compile(
    r"(?<=[.;])\s+(?=(?:đơn vị|cơ quan) (?:thực hiện|chủ trì|phối hợp)\s*:"
    r"|thời gian (?:thực hiện|hoàn thành)\s*:)"
    r"|\s*\((?=(?:đơn vị|cơ quan) (?:thực hiện|chủ trì|phối hợp)\s*:)"
)


def split_inline_fields(text: str) -> list[str]:
    """Split "Nội dung …; Đơn vị thực hiện: …; Thời gian thực hiện: …" into its fields.

    A parenthesised field "(Đơn vị thực hiện: …)" loses its closing bracket.
    """
    folded = key(text)
    cuts = [m.span() for m in _INLINE_LABEL.finditer(folded)]
    if not cuts:
        return [text]
    parts: list[str] = []
    start = 0
    for cut_start, cut_end in cuts:
        parts.append(text[start:cut_start])
        start = cut_end
    parts.append(text[start:])
    out = [p.strip().rstrip(";").strip() for p in parts]
    out = [p[:-1].strip() if p.endswith(")") and "(" not in p else p for p in out]
    return [p for p in out if p]
