"""Dates in Vietnamese administrative text: "Thời gian thực hiện" and reporting rules.

"Hoàn thành trong năm 2024" is a deadline on 31/12/2024, "trước ngày 30/6/2025" one on
30/06/2025, "Quý II/2025" the quarter's last day; "Thường xuyên", "Hằng năm" recur.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re

from app.plan_draft.model import DraftReporting, DraftTimeframe, note
from app.plan_draft.normalize import key, roman_value, sentence_case

_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"
    r"|ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})"
)
_MONTH_YEAR = re.compile(r"tháng\s*(\d{1,2})\s*(?:/|-|năm)\s*(\d{4})")
_QUARTER = re.compile(r"quý\s*([ivx]+|\d)\s*(?:/|-|năm)\s*(\d{4})")
_HALF = re.compile(r"(6|sáu) tháng (đầu|cuối) năm\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RECURRING = re.compile(
    r"thường xuyên|liên tục|(?:hằng|hàng|mỗi) (?:năm|quý|tháng|tuần)|định kỳ"
    r"|(?:các|những) năm tiếp theo"
)
_DEADLINE_WORDS = re.compile(r"hoàn thành|trước ngày|chậm nhất|trước|xong|kết thúc")


def plain_date(text: str) -> dt.date | None:
    """The first "22/01/2024" or "ngày 22 tháng 01 năm 2024" in ``text``, if valid."""
    for match in _DAY_MONTH_YEAR.finditer(key(text)):
        groups = [g for g in match.groups() if g is not None]
        day, month, year = (int(g) for g in groups)
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _deadlines(folded: str) -> list[dt.date]:
    """Every end date the text names, most precise first."""
    found: list[dt.date] = []
    for match in _DAY_MONTH_YEAR.finditer(folded):
        day, month, year = (int(g) for g in match.groups() if g is not None)
        with contextlib.suppress(ValueError):  # "31/02/2025": not a date, not a deadline
            found.append(dt.date(year, month, day))
    for match in _MONTH_YEAR.finditer(folded):
        month, year = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            found.append(_last_day(year, month))
    for match in _QUARTER.finditer(folded):
        number = match.group(1)
        quarter = int(number) if number.isdigit() else roman_value(number.upper())
        if quarter and 1 <= quarter <= 4:
            found.append(_last_day(int(match.group(2)), quarter * 3))
    for match in _HALF.finditer(folded):
        month = 6 if match.group(2) == "đầu" else 12
        found.append(_last_day(int(match.group(3)), month))
    if not found:
        years = [int(y) for y in _YEAR.findall(folded)]
        if years:
            found.append(dt.date(max(years), 12, 31))
    return found


def parse_timeframe(text: str, plan_date: dt.date) -> tuple[DraftTimeframe, str | None]:
    """The timeframe a "Thời gian thực hiện" value states, and a remark for the clerk
    when the words are unclear (then the task is taken as recurring)."""
    label = sentence_case(text)
    folded = key(text)
    dates = _deadlines(folded)
    recurring = _RECURRING.search(folded)
    if dates and (not recurring or _DEADLINE_WORDS.search(folded)):
        deadline = max(dates)
        if deadline < plan_date:
            return DraftTimeframe("recurring", label), (
                f"hạn {deadline:%d/%m/%Y} sớm hơn ngày ban hành kế hoạch; "
                "tạm coi là thường xuyên, hãy ghi hạn đúng"
            )
        return DraftTimeframe("deadline", label, deadline), None
    if recurring:
        return DraftTimeframe("recurring", label), None
    if not label:
        return DraftTimeframe("recurring", "Thường xuyên"), (
            "văn bản không ghi thời gian thực hiện; tạm ghi «Thường xuyên»"
        )
    return DraftTimeframe("recurring", label), (
        "không nhận ra hạn hoàn thành trong lời văn; tạm coi là thường xuyên"
    )


# --- reporting rules --------------------------------------------------------------------

PERIOD_ORDER = ("month", "quarter", "half", "nine_months", "year")
_PERIOD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("month", re.compile(r"(?:hằng|hàng|mỗi) tháng|báo cáo tháng")),
    ("quarter", re.compile(r"(?:hằng|hàng|mỗi|theo) quý|báo cáo quý|(?<!\w)quý(?!\s*[ivx\d])")),
    ("half", re.compile(r"(?:6|sáu) tháng")),
    ("nine_months", re.compile(r"(?:9|chín) tháng")),
    (
        "year",
        re.compile(r"(?:hằng|hàng|mỗi|cuối) năm|báo cáo năm|(?:,|và)\s*(?:01\s+)?năm(?!\s*\d)"),
    ),
)
_RULE_SENTENCE = re.compile(r"định kỳ|trước ngày|chậm nhất")
_DUE = re.compile(r"(?:trước|chậm nhất)(?: là)? ngày\s*(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/\s*\d)")

DEFAULT_KINDS = ["half", "year"]
DEFAULT_DUE_DAYS = 5


def reporting_rule(paragraphs: list[str]) -> DraftReporting:
    """Which periods units report and when, from a sentence such as "Định kỳ 6 tháng, năm
    các đơn vị báo cáo … trước ngày 20/6 và 20/12"; otherwise the usual rule (6 months and
    year, 5 days after the cut-off) with a remark for the clerk."""
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.;])\s+", paragraph):
            folded = key(sentence)
            if "báo cáo" not in folded or not _RULE_SENTENCE.search(folded):
                continue
            kinds = [kind for kind, words in _PERIOD_WORDS if words.search(folded)]
            if not kinds:
                continue
            rule = DraftReporting(
                kinds=[k for k in PERIOD_ORDER if k in kinds],
                due_days_after_cutoff=DEFAULT_DUE_DAYS,
                source=f"Theo văn bản Kế hoạch: «{sentence.strip()}»",
            )
            due = _DUE.search(folded)
            if due:
                rule.due_days_after_cutoff = _days_after_cutoff(int(due[1]), int(due[2]))
            else:
                note(
                    rule.notes,
                    "due_days_after_cutoff",
                    "văn bản không ghi hạn nộp; tạm ghi 5 ngày sau ngày chốt số liệu",
                )
            return rule
    rule = DraftReporting(
        kinds=list(DEFAULT_KINDS),
        due_days_after_cutoff=DEFAULT_DUE_DAYS,
        source=(
            "Tỉnh quy định kỳ báo cáo 6 tháng, năm theo Nghị định số 09/2019/NĐ-CP; "
            "văn bản Kế hoạch không quy định kỳ báo cáo."
        ),
    )
    note(
        rule.notes,
        "kinds",
        "văn bản không quy định kỳ báo cáo; tạm ghi báo cáo 6 tháng và năm, hạn 5 ngày "
        "sau ngày chốt số liệu (Nghị định số 09/2019/NĐ-CP) — sửa theo quy định của tỉnh",
    )
    return rule


def _days_after_cutoff(day: int, month: int) -> int:
    """Days from the data cut-off (the 14th, Nghị định 09/2019/NĐ-CP art. 12) before
    "day/month" to that date."""
    year = 2001  # any year without 29 February
    try:
        due = dt.date(year, month, day)
    except ValueError:
        return DEFAULT_DUE_DAYS
    cutoff = dt.date(year, month, 14)
    if due < cutoff:
        cutoff = dt.date(year - 1, 12, 14) if month == 1 else dt.date(year, month - 1, 14)
    return min((due - cutoff).days, 366)
