"""The plan's identity from its header and signature (Nghị định 30/2020/NĐ-CP, Phụ lục I):
issuing body, "Số: 157/KH-UBND", "Gia Lai, ngày 22 tháng 01 năm 2024", the kind
("KẾ HOẠCH"), the summary line, and who signed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.plan_draft.matching import UnitMatcher
from app.plan_draft.model import Notes, note
from app.plan_draft.normalize import is_upper, key, sentence_case
from app.plan_draft.timeframes import plain_date
from app.units import Unit

# "Số: 157/KH-UBND" heads a line, or follows the agency on a text export's one line;
# "Kế hoạch số 157/KH-UBND" in running text has no colon and is not the number line.
_NUMBER = re.compile(r"(?:^số\s*:?|(?<=\s)số\s*:)\s*(\d+)\s*/\s*([a-zđ0-9][a-zđ0-9-]*)")
_DATE_LINE = re.compile(
    r"([^,]*?),\s*ngày\s*(?:\d{1,2}|\.+)\s*(?:tháng\s*\d{1,2}\s*năm\s*\d{4}|/\s*\d)"
)
_NATIONAL = ("cộng hòa xã hội chủ nghĩa", "độc lập - tự do", "độc lập-tự do")
_KINDS = ("kế hoạch", "chương trình", "đề án", "phương án", "chương trình hành động")
_KIND_BY_CODE = {"kh": "Kế hoạch", "ctr": "Chương trình", "đa": "Đề án", "pa": "Phương án"}
_SIGNATURE = re.compile(r"^(?:tm|kt|tl|tuq|q)\.\s*\S")
_SIGNER_TITLES = ("chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "trưởng ban", "bí thư")


@dataclass
class Header:
    number: str = ""
    date: dt.date | None = None
    place: str = ""
    kind: str = ""
    title: str = ""
    issuer_lines: list[str] = field(default_factory=list)
    kind_index: int = -1  # where the kind line is in the preamble lines
    notes: Notes = field(default_factory=dict)


def read_header(lines: list[str]) -> Header:
    """Number, date, place, kind and title from the lines before section I."""
    header = Header()
    number_at = None
    for index, line in enumerate(lines):
        folded = key(line)
        if not header.number and (match := _NUMBER.search(folded)):
            header.number = f"{match.group(1)}/{line[match.start(2) : match.end(2)].upper()}"
            number_at = index
        # A date line is short; a long paragraph is body text (and would be slow to scan).
        if (
            header.date is None
            and len(line) < 300
            and "ngày" in folded
            and (date := plain_date(line))
        ):
            header.date = date
            header.place = _place(line)
        if header.kind_index < 0 and is_upper(line) and _is_kind(folded):
            header.kind = sentence_case(line.lower())
            header.kind_index = index
    stop = number_at if number_at is not None else max(header.kind_index, 0)
    header.issuer_lines = [
        line
        for line in lines[:stop]
        if is_upper(line) and not any(mark in key(line) for mark in _NATIONAL)
    ]
    if header.kind_index >= 0 and header.kind_index + 1 < len(lines):
        header.title = lines[header.kind_index + 1].strip().rstrip(".")
    if not header.kind:
        code = header.number.split("/")[-1].split("-")[0].lower() if header.number else ""
        header.kind = _KIND_BY_CODE.get(code, "Kế hoạch")
        note(header.notes, "kind", "không thấy dòng tên loại văn bản (KẾ HOẠCH)")
    return header


def _is_kind(folded: str) -> bool:
    return folded.strip(" .:") in _KINDS


def _place(line: str) -> str:
    match = _DATE_LINE.search(key(line))
    if not match:
        return ""
    place = line[match.start(1) : match.end(1)]
    # "Số: 157/KH-UBND   Gia Lai, ngày …" on one line (a text export of the header table)
    number = _NUMBER.search(key(place))
    if number:
        place = place[number.end() :]
    return place.strip(" .:-")


# --- the issuer ---------------------------------------------------------------------------


def find_issuer(
    header: Header, preamble: list[str], signature: list[str], matcher: UnitMatcher
) -> Unit | None:
    """The directory unit that issued the plan: by the header's agency lines, else by the
    sentence "… ban hành Kế hoạch", else by "TM. ỦY BAN NHÂN DÂN" and the date line's place."""
    directory = matcher.directory
    wanted = key(" ".join(header.issuer_lines))
    best: tuple[int, Unit] | None = None
    for unit in directory:
        for lines in (unit.header_issuer, f"{unit.header_parent or ''} {unit.header_issuer}"):
            candidate = key(" ".join(lines.split()))
            if wanted and wanted.endswith(candidate) and (best is None or len(candidate) > best[0]):
                best = (len(candidate), unit)
    if best is not None:
        return best[1]
    for line in preamble:
        at = key(line).find("ban hành")
        if at > 0 and (unit_id := matcher.first_unit(line[:at])):
            return directory.get(unit_id)
    agency = next((key(line[3:]).strip() for line in signature if key(line).startswith("tm.")), "")
    if agency and header.place:
        found = [
            unit
            for unit in directory
            if key(" ".join(unit.header_issuer.split())).startswith(agency)
            and key(unit.place) == key(header.place)
        ]
        found.sort(key=lambda u: len(directory.ancestors(u.id)))
        if found:
            return found[0]
    return None


# --- the signature --------------------------------------------------------------------------


def read_signature(lines: list[str]) -> tuple[list[str], str]:
    """(title lines without the "TM. …" line, signer's name) from the document's last lines.

    Either may be empty when the document has no recognisable signature block.
    """
    start = next(
        (i for i, line in enumerate(lines) if is_upper(line) and _SIGNATURE.match(key(line))),
        None,
    )
    if start is None:
        start = next(
            (i for i, line in enumerate(lines) if is_upper(line) and key(line) in _SIGNER_TITLES),
            None,
        )
    if start is None:
        return [], ""
    titles: list[str] = []
    index = start
    while index < len(lines) and is_upper(lines[index]):
        titles.append(lines[index])
        index += 1
    names = [line for line in lines[index:] if _looks_like_name(line)]
    if titles and key(titles[0]).startswith("tm.") and len(titles) > 1:
        titles = titles[1:]
    return titles, names[-1] if names else ""


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 6
        and not any(c.isdigit() for c in line)
        and all(w[:1].isupper() for w in words)
        and not is_upper(line)
    )
