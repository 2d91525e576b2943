"""The reporting calendar of Nghị định 09/2019/NĐ-CP, art. 12: periods, cut-off windows, due dates.

Every period covers a run of calendar months shifted back by the data cut-off: the window
runs from the 15th of the month before its first month to the 14th of its last month. So
month 2024-01 is 15/12/2023–14/01/2024 and year 2024 is 15/12/2023–14/12/2024; a date on or
after the 15th belongs to the *next* month's periods (20/12/2024 is in month 2025-01 and
year 2025). Due dates are not in the decree: each plan sets them as a number of days after
the cut-off, which is why they are a parameter everywhere.

No Qt and no database here; the labels come in Vietnamese and English because the core
also serves the CLI and JSON output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, overload

from app.errors import ConfigError

__all__ = [
    "ACTION_STATES",
    "DUE_SOON_DAYS",
    "KIND_ORDER",
    "MAX_YEAR",
    "MIN_YEAR",
    "TILING_KINDS",
    "DueState",
    "Period",
    "PeriodKind",
    "ReportDue",
    "Window",
    "due_date",
    "next_due",
    "period_of",
    "periods_of_year",
    "report_status",
    "reports_due",
    "required_periods",
    "to_json",
]

# Years a period may have. The floor turns typos such as "0224" into a clear error
# instead of a period nobody means; the ceiling keeps every window (and the window of the
# following year, which period_of may need) inside what datetime.date can hold.
MIN_YEAR = 1900
MAX_YEAR = 2999

# A report whose due date is this many days away or fewer is "due_soon".
DUE_SOON_DAYS = 7

CUTOFF_DAY = 14  # the last day of data in a period's last month; the next window starts on the 15th


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


# The order periods are listed and sorted in: shortest first, as the reports are written.
KIND_ORDER: tuple[PeriodKind, ...] = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.HALF,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
)
_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}

# Kinds whose periods tile the year without gap or overlap. Nine months does not: the
# dates 15/09–14/12 belong to no nine-month period.
TILING_KINDS: frozenset[PeriodKind] = frozenset(
    {PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR}
)

_MAX_INDEX = {
    PeriodKind.MONTH: 12,
    PeriodKind.QUARTER: 4,
    PeriodKind.HALF: 2,
    PeriodKind.NINE_MONTHS: 1,
    PeriodKind.YEAR: 1,
}

_ROMAN = ("I", "II", "III", "IV")
_MONTH_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_ACCEPTED_FORMS = (
    "2024 (năm), 2024-H1 hoặc 2024-H2 (6 tháng đầu/cuối năm), 2024-9M (9 tháng), "
    "2024-Q1 … 2024-Q4 (quý), 2024-01 … 2024-12 (tháng)"
)

# [0-9] rather than \d: \d also matches other scripts' digits, which int() would accept.
_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"(?P<year>[0-9]{4})"), PeriodKind.YEAR),
    (re.compile(r"(?P<year>[0-9]{4})-[Hh](?P<index>[12])"), PeriodKind.HALF),
    (re.compile(r"(?P<year>[0-9]{4})-9[Mm]"), PeriodKind.NINE_MONTHS),
    (re.compile(r"(?P<year>[0-9]{4})-[Qq](?P<index>[1-4])"), PeriodKind.QUARTER),
    (re.compile(r"(?P<year>[0-9]{4})-(?P<index>0[1-9]|1[0-2])"), PeriodKind.MONTH),
)


@dataclass(frozen=True)
class Window:
    """A data cut-off window: the dates from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` is inside the window; a datetime counts by its calendar date."""
        return self.start <= _as_date(day) <= self.end

    @property
    def days(self) -> int:
        """How many days the window holds (start and end included)."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Period:
    """A reporting period (kỳ báo cáo): ``kind``, ``year`` and ``index`` within the year.

    ``index`` is the month (1–12), quarter (1–4) or half (1–2); it is 1 for nine months
    and for the year. Periods sort by kind (month, quarter, half, nine months, year),
    then year, then index. Raises ValueError for an index or year out of range; use
    :meth:`parse` for text a person typed.
    """

    kind: PeriodKind
    year: int
    index: int

    def __post_init__(self) -> None:
        # Coerce so that Period("month", ...) from JSON or a database row behaves the same.
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise TypeError(f"year must be an int, not {type(self.year).__name__}")
        if isinstance(self.index, bool) or not isinstance(self.index, int):
            raise TypeError(f"index must be an int, not {type(self.index).__name__}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} is outside {MIN_YEAR}–{MAX_YEAR}")
        if not 1 <= self.index <= _MAX_INDEX[self.kind]:
            raise ValueError(
                f"index {self.index} is outside 1–{_MAX_INDEX[self.kind]} for a {self.kind} period"
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """The period written as in DESIGN.md §7: ``2024``, ``2024-H1``, ``2024-9M``, ``2024-Q1``,
        ``2024-01``; the letters may be lowercase.

        Raises ConfigError, with the accepted forms in its message, for anything else
        (surrounding spaces included). Never raises any other exception for a str.
        """
        for pattern, kind in _PATTERNS:
            match = pattern.fullmatch(text)
            if match is None:
                continue
            year = int(match["year"])
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ConfigError(
                    f"Kỳ báo cáo “{_shown(text)}” có năm {year} nằm ngoài khoảng "
                    f"{MIN_YEAR}–{MAX_YEAR}.",
                    hint="Kiểm tra lại năm, viết đủ 4 chữ số, ví dụ 2024-Q1.",
                )
            index = int(match["index"]) if "index" in pattern.groupindex else 1
            return cls(kind, year, index)
        raise ConfigError(
            f"Kỳ báo cáo “{_shown(text)}” không hợp lệ. "
            f"Các dạng được chấp nhận: {_ACCEPTED_FORMS}.",
            hint="Ví dụ: 2024-Q1 là quý I năm 2024, 2024-02 là tháng 02 năm 2024.",
        )

    @property
    def code(self) -> str:
        """The canonical text form, which :meth:`parse` reads back."""
        year = f"{self.year:04d}"
        match self.kind:
            case PeriodKind.MONTH:
                return f"{year}-{self.index:02d}"
            case PeriodKind.QUARTER:
                return f"{year}-Q{self.index}"
            case PeriodKind.HALF:
                return f"{year}-H{self.index}"
            case PeriodKind.NINE_MONTHS:
                return f"{year}-9M"
            case PeriodKind.YEAR:
                return year

    def __str__(self) -> str:
        return self.code

    @property
    def label_vi(self) -> str:
        """How a Vietnamese report names the period: "quý I năm 2024", "6 tháng đầu năm 2024"."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"tháng {self.index:02d} năm {self.year}"
            case PeriodKind.QUARTER:
                return f"quý {_ROMAN[self.index - 1]} năm {self.year}"
            case PeriodKind.HALF:
                which = "đầu" if self.index == 1 else "cuối"
                return f"6 tháng {which} năm {self.year}"
            case PeriodKind.NINE_MONTHS:
                return f"9 tháng năm {self.year}"
            case PeriodKind.YEAR:
                return f"năm {self.year}"

    @property
    def label_en(self) -> str:
        """The English name of the period: "Q1 2024", "first half of 2024"."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{_MONTH_EN[self.index - 1]} {self.year}"
            case PeriodKind.QUARTER:
                return f"Q{self.index} {self.year}"
            case PeriodKind.HALF:
                which = "first" if self.index == 1 else "second"
                return f"{which} half of {self.year}"
            case PeriodKind.NINE_MONTHS:
                return f"first nine months of {self.year}"
            case PeriodKind.YEAR:
                return f"year {self.year}"

    @property
    def months(self) -> tuple[int, int]:
        """The first and last calendar month (1–12) of ``year`` the period reports on."""
        match self.kind:
            case PeriodKind.MONTH:
                return self.index, self.index
            case PeriodKind.QUARTER:
                return 3 * self.index - 2, 3 * self.index
            case PeriodKind.HALF:
                return 6 * self.index - 5, 6 * self.index
            case PeriodKind.NINE_MONTHS:
                return 1, 9
            case PeriodKind.YEAR:
                return 1, 12

    @property
    def window(self) -> Window:
        """The data cut-off window: 15th of the month before the first month to the 14th
        of the last month."""
        first, last = self.months
        start_year, start_month = (self.year - 1, 12) if first == 1 else (self.year, first - 1)
        return Window(
            dt.date(start_year, start_month, CUTOFF_DAY + 1),
            dt.date(self.year, last, CUTOFF_DAY),
        )

    def _sort_key(self) -> tuple[int, int, int]:
        return _KIND_RANK[self.kind], self.year, self.index

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() >= other._sort_key()


_TilingKind = Literal[PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR]


@overload
def period_of(day: dt.date, kind: _TilingKind) -> Period: ...
@overload
def period_of(day: dt.date, kind: PeriodKind) -> Period | None: ...
def period_of(day: dt.date, kind: PeriodKind) -> Period | None:
    """The period of ``kind`` whose window holds ``day``.

    Month, quarter, half and year always have one. Nine months returns None for the
    dates 15/09–14/12, which no nine-month window holds; the overloads type it so.
    Raises ValueError when the period's year would be outside MIN_YEAR–MAX_YEAR.
    """
    year, month = _reporting_month(_as_date(day))
    match PeriodKind(kind):
        case PeriodKind.MONTH:
            return Period(PeriodKind.MONTH, year, month)
        case PeriodKind.QUARTER:
            return Period(PeriodKind.QUARTER, year, (month - 1) // 3 + 1)
        case PeriodKind.HALF:
            return Period(PeriodKind.HALF, year, 1 if month <= 6 else 2)
        case PeriodKind.NINE_MONTHS:
            return Period(PeriodKind.NINE_MONTHS, year, 1) if month <= 9 else None
        case PeriodKind.YEAR:
            return Period(PeriodKind.YEAR, year, 1)


def periods_of_year(year: int, kinds: Iterable[PeriodKind] | None = None) -> list[Period]:
    """Every period of ``year`` of the given kinds (all by default), in sorted order:
    months, quarters, halves, nine months, year.

    Raises ValueError for a year outside MIN_YEAR–MAX_YEAR.
    """
    wanted = set(KIND_ORDER) if kinds is None else {PeriodKind(kind) for kind in kinds}
    return [
        Period(kind, year, index)
        for kind in KIND_ORDER
        if kind in wanted
        for index in range(1, _MAX_INDEX[kind] + 1)
    ]


def required_periods(year: int, kinds: Iterable[PeriodKind | str]) -> list[Period]:
    """The periods of ``year`` a plan asking for reports of ``kinds`` requires, sorted.

    The one reporting rule both roles follow: what a unit is asked to report and what the
    province waits for. Nghị định 09/2019 (art. 12) knows one six-month report, the first
    half (15/12 to 14/06); when the plan also asks for the year's report, that one covers
    the second half, so 6 tháng cuối năm is not required separately. Raises ValueError
    for a year outside MIN_YEAR–MAX_YEAR.
    """
    wanted = {PeriodKind(kind) for kind in kinds}
    periods = periods_of_year(year, wanted)
    if PeriodKind.YEAR in wanted:
        periods = [p for p in periods if not (p.kind is PeriodKind.HALF and p.index == 2)]
    return periods


def due_date(period: Period, days_after_cutoff: int) -> dt.date:
    """The day the report for ``period`` is due: the window's last day plus the plan's delay.

    Raises ValueError for a negative delay (a report cannot be due before its data ends).
    """
    _check_days(days_after_cutoff)
    return period.window.end + dt.timedelta(days=days_after_cutoff)


class DueState(StrEnum):
    UPCOMING = "upcoming"  # the window has not started
    OPEN = "open"  # today is inside the window: data is still being collected
    DUE = "due"  # the window has ended, the due date is more than DUE_SOON_DAYS away
    DUE_SOON = "due_soon"  # the window has ended, the due date is at most DUE_SOON_DAYS away
    LATE = "late"  # the due date has passed and nothing was submitted
    SUBMITTED = "submitted"  # sent, whatever the dates say


# The states that ask the user to do something; reports_due lists these.
ACTION_STATES: frozenset[DueState] = frozenset(
    {DueState.OPEN, DueState.DUE, DueState.DUE_SOON, DueState.LATE}
)


@dataclass(frozen=True)
class ReportDue:
    """A period's report as seen on one day: its window, due date and state."""

    period: Period
    window: Window
    due: dt.date
    state: DueState


def report_status(
    period: Period,
    today: dt.date,
    days_after_cutoff: int,
    submitted: AbstractSet[Period],
    *,
    soon_days: int = DUE_SOON_DAYS,
) -> ReportDue:
    """The state of ``period``'s report on ``today``; a submitted report is "submitted"
    whatever the dates. Raises ValueError for a negative delay."""
    today = _as_date(today)
    window = period.window
    due = due_date(period, days_after_cutoff)
    if period in submitted:
        state = DueState.SUBMITTED
    elif today < window.start:
        state = DueState.UPCOMING
    elif today <= window.end:
        state = DueState.OPEN
    elif today > due:
        state = DueState.LATE
    elif (due - today).days <= soon_days:
        state = DueState.DUE_SOON
    else:
        state = DueState.DUE
    return ReportDue(period, window, due, state)


def reports_due(
    today: dt.date,
    kinds: Iterable[PeriodKind],
    days_after_cutoff: int,
    submitted: AbstractSet[Period],
    *,
    years: Iterable[int] | None = None,
    soon_days: int = DUE_SOON_DAYS,
    since: dt.date | None = None,
) -> list[ReportDue]:
    """The reports required for ``kinds`` (:func:`required_periods`) that ask for action on
    ``today``: open, due, due soon or late.

    Submitted and upcoming reports are left out (:func:`report_status` gives any period's
    state), and so are reports that fell due before ``since`` (the day the unit began
    following the plan: nothing already late then is asked for). ``years`` are the periods'
    years; by default the reporting year ``today`` falls in and the one before, so last
    year's late reports still show. Sorted by due date, then kind and period, so the
    late ones come first. Raises ValueError for a negative delay.
    """
    today = _as_date(today)
    _check_days(days_after_cutoff)
    kinds = list(kinds)
    if years is None:
        current = period_of(today, PeriodKind.YEAR).year
        years = [y for y in (current - 1, current) if y >= MIN_YEAR]
    found = [
        status
        for year in sorted(set(years))
        for period in required_periods(year, kinds)
        if (since is None or due_date(period, days_after_cutoff) >= _as_date(since))
        and (
            status := report_status(
                period, today, days_after_cutoff, submitted, soon_days=soon_days
            )
        ).state
        in ACTION_STATES
    ]
    return sorted(found, key=lambda status: (status.due, status.period))


def next_due(
    today: dt.date,
    kinds: Iterable[PeriodKind],
    days_after_cutoff: int,
    submitted: AbstractSet[Period],
    *,
    soon_days: int = DUE_SOON_DAYS,
) -> ReportDue | None:
    """The first report required for ``kinds`` (:func:`required_periods`) not yet
    submitted whose due date is ``today`` or later.

    Ties on the due date go to the shorter kind (month before quarter before year). None
    when ``kinds`` is empty or the calendar ends before such a report. Late reports are
    never returned: :func:`reports_due` lists them. Raises ValueError for a negative delay.
    """
    today = _as_date(today)
    _check_days(days_after_cutoff)
    kinds = list(kinds)
    if not kinds:
        return None
    # A period of year y ends by 14/12/y, so one still due on `today` (ending on or after
    # today - delay) belongs to the reporting year of that day or a later one; and every
    # due date of year y comes before every due date of year y + 1, so the first year with
    # a candidate holds the answer. Only submitted periods can push it further on.
    floor = dt.date(MIN_YEAR, 1, 1)
    earliest = today - dt.timedelta(days=max(0, min(days_after_cutoff, (today - floor).days)))
    first_year = _reporting_month(earliest)[0]
    last_year = max([first_year + 1, *(p.year + 1 for p in submitted)])
    for year in range(max(first_year, MIN_YEAR), min(last_year, MAX_YEAR) + 1):
        candidates = [
            status
            for period in required_periods(year, kinds)
            if period not in submitted
            and (
                status := report_status(
                    period, today, days_after_cutoff, submitted, soon_days=soon_days
                )
            ).due
            >= today
        ]
        if candidates:
            return min(candidates, key=lambda status: (status.due, status.period))
    return None


def to_json(period: Period, days_after_cutoff: int) -> dict[str, str]:
    """The period as JSON-ready strings (``tiendo periods --json``); dates in ISO 8601."""
    window = period.window
    return {
        "code": period.code,
        "kind": period.kind.value,
        "label_vi": period.label_vi,
        "label_en": period.label_en,
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "due": due_date(period, days_after_cutoff).isoformat(),
    }


def _reporting_month(day: dt.date) -> tuple[int, int]:
    """The (year, month) whose month window holds ``day``: from the 15th on, the next month."""
    if day.day <= CUTOFF_DAY:
        return day.year, day.month
    if day.month == 12:
        return day.year + 1, 1
    return day.year, day.month + 1


def _as_date(day: dt.date) -> dt.date:
    # A datetime is a date, but comparing one with a date raises TypeError.
    return day.date() if isinstance(day, dt.datetime) else day


def _check_days(days_after_cutoff: int) -> None:
    if days_after_cutoff < 0:
        raise ValueError(f"days_after_cutoff must be 0 or more, not {days_after_cutoff}")


def _shown(text: str, limit: int = 40) -> str:
    """``text`` fit to quote in a message: short, with control characters made visible."""
    clipped = text if len(text) <= limit else text[:limit] + "…"
    return "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in clipped)
