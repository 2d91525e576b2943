"""Turn "Đơn vị thực hiện: …" sentences into unit selectors of a unit directory.

A named body is matched by its directory name or short name ("Sở Văn hóa, Thể thao và
Du lịch" also without "tỉnh Gia Lai"); a class of bodies by the plan's kind words ("các
sở, ban, ngành" → every department). The matcher never makes up an id: a name it cannot
find is returned in ``unmatched`` for the clerk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.plan import UnitSelector
from app.plan_draft.model import Assignment
from app.plan_draft.normalize import key
from app.units import Unit, UnitDirectory

_UBND = r"(?:ủy ban nhân dân|ubnd)"

# Longest phrasing first within each kind; the order of kinds does not matter because
# their phrases never overlap.
KIND_PHRASES: tuple[tuple[str, str], ...] = (
    (
        "district",
        _UBND + r"\s+(?:các\s+)?(?:huyện|cấp huyện)(?:,?\s*(?:các\s+)?thị xã)?"
        r"(?:,?\s*(?:và\s+)?(?:các\s+)?thành phố)?(?:\s+thuộc tỉnh)?"
        r"|các\s+huyện,\s*thị xã(?:,?\s*(?:và\s+)?thành phố)?",
    ),
    (
        "commune",
        _UBND + r"\s+(?:các\s+)?(?:xã,\s*phường(?:,?\s*(?:và\s+)?thị trấn)?|cấp xã|xã|phường)"
        r"|các\s+xã,\s*phường(?:,?\s*(?:và\s+)?thị trấn)?",
    ),
    ("department", r"(?:các\s+)?sở,?\s+(?:ban,?\s+)?ngành|các\s+sở|các\s+ban,\s*ngành"),
    ("press", r"(?:các\s+)?cơ quan báo chí|các\s+báo,\s*đài|các\s+báo\s+và\s+đài"),
    ("party", r"các\s+cơ quan (?:của\s+)?đảng|các\s+ban\s+(?:xây dựng\s+)?đảng"),
)
_KINDS = tuple((kind, re.compile(rf"(?<!\w)(?:{phrase})(?!\w)")) for kind, phrase in KIND_PHRASES)

# Words that link or qualify the units in the sentence; what remains after removing
# them and the recognised units is a body the directory does not know.
_FILLER = re.compile(
    r"(?<!\w)(?:đơn vị thực hiện|căn cứ hướng dẫn của|theo hướng dẫn của|"
    r"theo chức năng,? nhiệm vụ(?: được giao)?|triển khai thực hiện|tổ chức thực hiện|"
    r"thực hiện|chủ trì|phối hợp với|phối hợp|trên địa bàn(?: tỉnh| xã| phường)?|"
    r"thuộc tỉnh|có liên quan|liên quan|địa phương|các|và|với|cùng|tỉnh)(?!\w)"
)
_MIN_ALIAS = 6


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    selector: UnitSelector


class UnitMatcher:
    """Finds a directory's units and kinds in text. Build one per directory."""

    def __init__(self, directory: UnitDirectory) -> None:
        self.directory = directory
        owners: dict[str, set[str]] = {}
        for unit in directory:
            for alias in self._aliases(unit):
                owners.setdefault(key(alias), set()).add(unit.id)
        # An alias two units share names neither.
        pairs = [(alias, ids.pop()) for alias, ids in owners.items() if len(ids) == 1]
        self._aliases_by_length = sorted(
            (p for p in pairs if len(p[0]) >= _MIN_ALIAS), key=lambda p: -len(p[0])
        )
        places = {key(name) for unit in directory.roots() for name in (unit.area, unit.place)}
        self._places = sorted(places, key=len, reverse=True)

    def _aliases(self, unit: Unit) -> list[str]:
        names = [unit.name, unit.short_name]
        if unit.kind.value in ("department", "press", "party"):
            root = self._root(unit)
            for suffix in (root.area, root.place):
                if key(unit.name).endswith(" " + key(suffix)):
                    stripped = unit.name[: -len(suffix) - 1].strip()
                    if len(stripped.split()) >= 3:
                        names.append(stripped)
                    break
        out: list[str] = []
        for name in names:
            out.append(name)
            folded = key(name)
            if folded.startswith("ủy ban nhân dân "):
                out.append("UBND " + name[len("ủy ban nhân dân ") :])
            elif folded.startswith("ubnd "):
                out.append("Ủy ban nhân dân " + name[len("ubnd ") :])
        return out

    def _root(self, unit: Unit) -> Unit:
        ancestors = self.directory.ancestors(unit.id)
        return ancestors[-1] if ancestors else unit

    def find(self, text: str) -> list[Found]:
        """Every unit and kind named in ``text``, in order, without overlaps."""
        folded = key(text)
        taken = [False] * len(folded)
        found: list[Found] = []
        for alias, unit_id in self._aliases_by_length:
            for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", folded):
                if not any(taken[match.start() : match.end()]):
                    taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                    found.append(Found(match.start(), match.end(), UnitSelector(unit=unit_id)))
        masked = "".join(" " if t else c for c, t in zip(folded, taken, strict=True))
        for kind, pattern in _KINDS:
            for match in pattern.finditer(masked):
                found.append(Found(match.start(), match.end(), UnitSelector(kind=kind)))
        return sorted(found, key=lambda f: f.start)

    def first_unit(self, text: str) -> str | None:
        """The id of the first single unit (not a kind) named in ``text``."""
        return next((f.selector.unit for f in self.find(text) if f.selector.unit), None)

    def unmatched(self, text: str, found: list[Found]) -> list[str]:
        """Pieces of ``text`` that look like a body's name but matched nothing."""
        chars = list(text)
        for item in found:
            chars[item.start : item.end] = [","] * (item.end - item.start)
        rest = "".join(chars)
        pieces: list[str] = []
        for piece in re.split(r"[,;:()]|(?<!\w)và(?!\w)|\.(?:\s|$)", rest):
            folded = key(piece)
            for place in self._places:
                folded = re.sub(rf"(?<!\w){re.escape(place)}(?!\w)", " ", folded)
            if len(_FILLER.sub(" ", folded).split()) >= 2:
                pieces.append(_trim(piece))
        return pieces

    # --- assignments ------------------------------------------------------------------

    def assign(self, text: str) -> Assignment:
        """Implementers, lead, coordinating and guiding unit of one "Đơn vị thực hiện"
        sentence ("Sở A chủ trì, phối hợp với các sở, ban, ngành …")."""
        everything = found = self.find(text)
        folded = key(text)
        result = Assignment()
        guide = re.search(r"hướng dẫn của\s*", folded)
        if guide:
            first = next((f for f in found if f.start >= guide.end()), None)
            if first is not None and first.start - guide.end() <= 2 and first.selector.unit:
                result.guided_by = first.selector.unit
                found = [f for f in found if f is not first]
        lead_at = re.search(r"(?<!\w)chủ trì(?!\w)", folded)
        partner_at = re.search(r"(?<!\w)phối hợp(?!\w)", folded)
        leads: list[Found] = []
        partners: list[Found] = []
        if lead_at and folded[lead_at.end() :].lstrip().startswith(":"):
            # "Chủ trì: Sở A; phối hợp: …"
            stop = partner_at.start() if partner_at else len(folded)
            leads = [f for f in found if lead_at.end() <= f.start < stop]
        elif lead_at:
            # "Sở A chủ trì, phối hợp với …": the body just before the verb.
            leads = [f for f in found if f.end <= lead_at.start()][-1:]
        if partner_at:
            after = [f for f in found if f.start >= partner_at.end() and f not in leads]
            between = [
                f
                for f in found
                if f.end <= partner_at.start()
                and f not in leads
                and (lead_at is None or f.start >= lead_at.end())
            ]
            partners = between if between and not after else after
        self._fill(result, found, leads, partners)
        result.unmatched = self.unmatched(text, everything)
        return result

    def assign_columns(self, lead_text: str, partner_text: str) -> Assignment:
        """The same from separate "chủ trì" and "phối hợp" texts (a table's columns)."""
        leads = self.find(lead_text)
        partners = self.find(partner_text)
        result = Assignment()
        self._fill(result, [*leads, *partners], leads, partners)
        result.unmatched = self.unmatched(lead_text, leads) + self.unmatched(partner_text, partners)
        return result

    def _fill(
        self, result: Assignment, found: list[Found], leads: list[Found], partners: list[Found]
    ) -> None:
        result.implementers = _unique(f.selector for f in found)
        result.coordinating = _unique(f.selector for f in partners)
        lead_units = _unique(f.selector for f in leads)
        if len(lead_units) == 1 and lead_units[0].unit:
            result.lead = lead_units[0].unit
        elif lead_units:
            result.notes.append(
                "văn bản giao chủ trì cho nhiều đơn vị hoặc cả một loại đơn vị; "
                "lead chỉ nhận một mã đơn vị, hãy chọn một hoặc bỏ trống"
            )
        for selector in result.implementers:
            if selector.kind and not self.directory.of_kind(selector.kind):
                result.notes.append(
                    f"danh mục «{self.directory.id}» không có đơn vị loại «{selector.kind}»"
                )


def _trim(piece: str) -> str:
    """The piece without its leading link words ("phối hợp với Trường …" → "Trường …")."""
    start = 0
    folded = key(piece)
    while match := re.compile(r"\s*").match(folded, start):
        word = _FILLER.match(folded, match.end())
        if word is None:
            break
        start = word.end()
    return piece[start:].strip(" .-")


def _unique(selectors: Iterable[UnitSelector]) -> list[UnitSelector]:
    out: list[UnitSelector] = []
    for selector in selectors:
        if selector not in out:
            out.append(selector)
    return out
