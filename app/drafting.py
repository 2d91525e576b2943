"""Words the app drafts for a report: a task's results as a few sentences, quantities named
by their indicator, and a place named once. Pure functions on plain values (no database),
used by the unit's report (app/services/reports.py) and the province's consolidated one.

A draft is a starting point the officer edits; it never invents a fact: every number and
name comes from what was recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.text import fold, format_number

# How many activities a task's draft names: "the few most notable".
NOTABLE = 3


@dataclass(frozen=True)
class Measure:
    """An indicator as drafting needs it."""

    key: int | str  # whatever identifies it in ``Facts.values``
    name: str  # "Số lượt người tham dự quán triệt, tuyên truyền"
    unit: str  # "lượt người"
    kind: str  # "count" | "money"


@dataclass(frozen=True)
class Facts:
    """One recorded activity."""

    date: dt.date
    title: str
    location: str = ""
    values: dict[int | str, int] = field(default_factory=dict)
    evidence: int = 0


def text_hash(text: str) -> str:
    """The SHA-256 of a text as stored, blanks at the ends ignored."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def short_date(day: dt.date) -> str:
    """12/3/2024: the day and month without padding, as a sentence cites a date."""
    return f"{day.day}/{day.month}/{day.year}"


_NUMBER_WORD = re.compile(r"^(số|tổng số)\s+", re.IGNORECASE)


def quantity(measure: Measure, value: int) -> str:
    """A value named by its indicator: "250 lượt người tham dự quán triệt, tuyên truyền",
    "12 cuộc hội nghị, buổi quán triệt", "kinh phí thực hiện 24.500.000 đồng".

    The name's leading "Số" is dropped; its unit is put before it unless the name already
    starts with the unit ("Số tin, bài …" in "tin, bài").
    """
    amount = format_number(value)
    name = measure.name.strip().rstrip(".")
    if measure.kind == "money":
        return f"{name[:1].lower()}{name[1:]} {amount} {measure.unit}".strip()
    rest = _NUMBER_WORD.sub("", name)
    if rest == name:  # not a "Số …" name: the unit says what is counted
        return f"{amount} {measure.unit} ({name[:1].lower()}{name[1:]})"
    # "Số lượt cán bộ …" counted in "lượt người": the name's own measure word is enough
    if fold(rest).startswith(fold(measure.unit)) or _first(rest) == _first(measure.unit):
        return f"{amount} {rest}"
    return f"{amount} {measure.unit} {rest}"


def _first(text: str) -> str:
    words = fold(text).split()
    return words[0] if words else ""


def short_quantity(measure: Measure, value: int) -> str:
    """A value with its unit only: "199 lượt người", "2 văn bản"."""
    return f"{format_number(value)} {measure.unit}"


def place_phrase(title: str, location: str) -> str:
    """ " tại <location>" unless the title already says where (the place itself, or a
    "tại …" of its own): a place is named once."""
    place = location.strip().rstrip(".")
    if not place:
        return ""
    folded = fold(title)
    if fold(place) in folded or " tai " in f" {folded} ":
        return ""
    return f" tại {place}"


def activity_sentence(facts: Facts, measures: Sequence[Measure]) -> str:
    """ "Ngày 12/3/2024, hội nghị … tại Hội trường UBND huyện (250 lượt người)." A count
    of one (the conference itself) is left out when the activity has a larger one."""
    title = facts.title.strip().rstrip(".")
    counted = [
        (m, facts.values[m.key])
        for m in measures
        if m.kind == "count" and facts.values.get(m.key, 0) > 0
    ]
    if any(v > 1 for _, v in counted):
        counted = [(m, v) for m, v in counted if v > 1]
    counts = [short_quantity(m, v) for m, v in counted[:2]]
    detail = f" ({'; '.join(counts)})" if counts else ""
    where = place_phrase(title, facts.location)
    return f"Ngày {short_date(facts.date)}, {lower_first(title)}{where}{detail}."


def lower_first(text: str) -> str:
    """The first letter in lower case, unless the first word is an abbreviation ("UBND")."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def notable(
    activities: Sequence[Facts], measures: Sequence[Measure], limit: int = NOTABLE
) -> list[Facts]:
    """The ``limit`` activities that weigh most in the task's totals (each count indicator
    counts as its share of the task's total; evidence tips a tie), in date order."""
    totals = {m.key: sum(a.values.get(m.key, 0) for a in activities) for m in measures}

    def weight(a: Facts) -> tuple[float, int, dt.date]:
        share = sum(
            a.values.get(m.key, 0) / totals[m.key]
            for m in measures
            if m.kind == "count" and totals[m.key]
        )
        return (share, a.evidence, a.date)

    ranked = sorted(activities, key=weight, reverse=True)
    chosen: list[Facts] = []
    seen: set[str] = set()
    for a in ranked:
        # the same kind of activity twice says nothing new: "tiêu biểu" means different
        same = re.sub(r"[\d/]+|\b(i|ii|iii|iv)\b", "", fold(a.title)).strip()
        if same not in seen:
            seen.add(same)
            chosen.append(a)
    # ... unless there are too few different ones
    chosen += [a for a in ranked if a not in chosen][: max(0, limit - len(chosen))]
    return sorted(chosen[:limit], key=lambda a: (a.date, a.title))


def results_sentence(
    period_words: str, count: int, measures: Sequence[Measure], totals: dict[int | str, int]
) -> str:
    """ "Trong năm 2024, đơn vị đã thực hiện 15 hoạt động; kết quả: 9 cuộc hội nghị …; …." """
    head = f"Trong {period_words}, đơn vị đã thực hiện {format_number(count)} hoạt động"
    parts = [quantity(m, totals[m.key]) for m in measures if totals.get(m.key, 0) > 0]
    if not parts:
        return head + "."
    return f"{head}; kết quả: {'; '.join(parts)}."


def task_narrative(
    period_words: str, activities: Sequence[Facts], measures: Sequence[Measure]
) -> str:
    """A task's drafted results: the counts and totals in one sentence, then the few most
    notable activities, one sentence each. "" when nothing was recorded."""
    if not activities:
        return ""
    totals = {m.key: sum(a.values.get(m.key, 0) for a in activities) for m in measures}
    lines = [results_sentence(period_words, len(activities), measures, totals)]
    picked = notable(activities, measures)
    if picked:
        lines.append("Một số hoạt động tiêu biểu:" if len(picked) > 1 else "Hoạt động tiêu biểu:")
        lines += [f"- {activity_sentence(a, measures)}" for a in picked]
    return "\n".join(lines)


def overall_draft(
    unit_name: str, period_words: str, activity_count: int, tasks_with: int, tasks: int
) -> str:
    """The drafted "Công tác chỉ đạo, triển khai" paragraph from what the records show."""
    if not activity_count:
        return ""
    return (
        f"Trong {period_words}, {unit_name} đã triển khai {tasks_with}/{tasks} nhiệm vụ "
        f"của Kế hoạch với {format_number(activity_count)} hoạt động được ghi nhận."
    )
