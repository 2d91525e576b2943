"""The ND 09/2019 reporting calendar: windows, parsing, period lookup and what is due."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.calendar import (
    KIND_ORDER,
    TILING_KINDS,
    DueState,
    Period,
    PeriodKind,
    ReportDue,
    Window,
    due_date,
    next_due,
    period_of,
    periods_of_year,
    report_status,
    reports_due,
    required_periods,
    to_json,
)
from app.errors import ConfigError

D = dt.date
K = PeriodKind

years = st.integers(min_value=1990, max_value=2100)
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))
tiling_kinds = st.sampled_from(sorted(TILING_KINDS, key=KIND_ORDER.index))


def p(code: str) -> Period:
    return Period.parse(code)


def contiguous(windows: list[Window]) -> bool:
    return all(b.start == a.end + dt.timedelta(days=1) for a, b in pairwise(windows))


# --- windows -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2024", D(2023, 12, 15), D(2024, 12, 14)),
        ("2024-Q1", D(2023, 12, 15), D(2024, 3, 14)),
        ("2024-Q2", D(2024, 3, 15), D(2024, 6, 14)),
        ("2024-Q4", D(2024, 9, 15), D(2024, 12, 14)),
        ("2024-H1", D(2023, 12, 15), D(2024, 6, 14)),
        ("2024-H2", D(2024, 6, 15), D(2024, 12, 14)),
        ("2024-9M", D(2023, 12, 15), D(2024, 9, 14)),
        ("2024-01", D(2023, 12, 15), D(2024, 1, 14)),
        ("2024-02", D(2024, 1, 15), D(2024, 2, 14)),
        ("2024-03", D(2024, 2, 15), D(2024, 3, 14)),  # across a leap-year February
        ("2024-12", D(2024, 11, 15), D(2024, 12, 14)),
    ],
)
def test_window_is_the_decree_cutoff(code: str, start: D, end: D) -> None:
    assert p(code).window == Window(start, end)


def test_window_contains_both_ends_and_counts_days() -> None:
    window = p("2024-02").window
    assert window.contains(D(2024, 1, 15))
    assert window.contains(D(2024, 2, 14))
    assert not window.contains(D(2024, 1, 14))
    assert not window.contains(D(2024, 2, 15))
    assert window.contains(dt.datetime(2024, 2, 14, 23, 59))
    assert window.days == 31
    assert p("2024").window.days == 366  # 15/12/2023–14/12/2024 holds 29/02/2024
    assert p("2025").window.days == 365


def test_window_refuses_to_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Window(D(2024, 2, 1), D(2024, 1, 31))


@given(years, tiling_kinds)
def test_tiling_kind_windows_are_contiguous_and_cover_the_year(year: int, kind: K) -> None:
    windows = [period.window for period in sorted(periods_of_year(year, [kind]))]
    year_window = Period(K.YEAR, year, 1).window
    assert windows[0].start == year_window.start
    assert windows[-1].end == year_window.end
    assert contiguous(windows)
    assert sum(w.days for w in windows) == year_window.days


@given(years)
def test_consecutive_years_are_contiguous(year: int) -> None:
    windows = [Period(K.YEAR, y, 1).window for y in (year, year + 1)]
    assert contiguous(windows)


@given(years)
def test_nine_months_is_the_union_of_the_first_three_quarters(year: int) -> None:
    quarters = [Period(K.QUARTER, year, q).window for q in (1, 2, 3)]
    nine = Period(K.NINE_MONTHS, year, 1).window
    assert contiguous(quarters)
    assert nine == Window(quarters[0].start, quarters[-1].end)
    assert nine.days == sum(w.days for w in quarters)
    half = Period(K.HALF, year, 1).window
    assert nine == Window(half.start, quarters[-1].end)


@given(years, st.integers(min_value=1, max_value=4))
def test_a_quarter_is_the_union_of_its_three_months(year: int, quarter: int) -> None:
    months = [Period(K.MONTH, year, m).window for m in range(3 * quarter - 2, 3 * quarter + 1)]
    assert contiguous(months)
    assert Period(K.QUARTER, year, quarter).window == Window(months[0].start, months[-1].end)


@given(years, st.integers(min_value=1, max_value=2))
def test_a_half_is_the_union_of_its_two_quarters(year: int, half: int) -> None:
    quarters = [Period(K.QUARTER, year, q).window for q in (2 * half - 1, 2 * half)]
    assert contiguous(quarters)
    assert Period(K.HALF, year, half).window == Window(quarters[0].start, quarters[-1].end)


# --- period_of -----------------------------------------------------------------------


@given(dates, tiling_kinds)
def test_every_date_is_in_exactly_one_period_of_a_tiling_kind(day: D, kind: K) -> None:
    candidates = [
        period
        for year in (day.year - 1, day.year, day.year + 1)
        for period in periods_of_year(year, [kind])
        if period.window.contains(day)
    ]
    assert len(candidates) == 1
    assert period_of(day, kind) == candidates[0]


@given(dates)
def test_nine_months_holds_every_date_but_15_09_to_14_12(day: D) -> None:
    period = period_of(day, K.NINE_MONTHS)
    gap = Window(D(day.year, 9, 15), D(day.year, 12, 14))
    if gap.contains(day):
        assert period is None
    else:
        assert period is not None
        assert period.window.contains(day)


@pytest.mark.parametrize(
    ("day", "kind", "code"),
    [
        (D(2024, 12, 20), K.YEAR, "2025"),
        (D(2024, 12, 20), K.MONTH, "2025-01"),
        (D(2024, 12, 20), K.QUARTER, "2025-Q1"),
        (D(2024, 12, 20), K.HALF, "2025-H1"),
        (D(2024, 12, 20), K.NINE_MONTHS, "2025-9M"),
        (D(2024, 12, 14), K.YEAR, "2024"),
        (D(2024, 12, 14), K.MONTH, "2024-12"),
        (D(2024, 1, 14), K.MONTH, "2024-01"),
        (D(2024, 1, 15), K.MONTH, "2024-02"),
        (D(2024, 3, 15), K.QUARTER, "2024-Q2"),
        (D(2024, 6, 14), K.HALF, "2024-H1"),
        (D(2024, 6, 15), K.HALF, "2024-H2"),
        (D(2024, 9, 14), K.NINE_MONTHS, "2024-9M"),
    ],
)
def test_period_of_known_days(day: D, kind: K, code: str) -> None:
    assert period_of(day, kind) == p(code)


@pytest.mark.parametrize("day", [D(2024, 9, 15), D(2024, 11, 1), D(2024, 12, 14)])
def test_nine_months_has_no_period_after_its_cutoff(day: D) -> None:
    assert period_of(day, K.NINE_MONTHS) is None


def test_period_of_accepts_a_datetime() -> None:
    assert period_of(dt.datetime(2024, 12, 20, 8, 30), K.YEAR) == p("2025")


# --- parse, str, labels --------------------------------------------------------------


@given(years)
def test_parse_and_str_round_trip_for_every_period(year: int) -> None:
    for period in periods_of_year(year):
        assert Period.parse(str(period)) == period
        assert Period.parse(str(period).lower()) == period
        assert str(period) == period.code


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024", Period(K.YEAR, 2024, 1)),
        ("2024-H1", Period(K.HALF, 2024, 1)),
        ("2024-h2", Period(K.HALF, 2024, 2)),
        ("2024-9M", Period(K.NINE_MONTHS, 2024, 1)),
        ("2024-9m", Period(K.NINE_MONTHS, 2024, 1)),
        ("2024-Q1", Period(K.QUARTER, 2024, 1)),
        ("2024-q4", Period(K.QUARTER, 2024, 4)),
        ("2024-01", Period(K.MONTH, 2024, 1)),
        ("2024-12", Period(K.MONTH, 2024, 12)),
    ],
)
def test_parse_accepts_the_documented_forms(text: str, period: Period) -> None:
    assert Period.parse(text) == period


@pytest.mark.parametrize(
    "text",
    [
        "",
        "24",
        "20241",
        "2024-",
        "2024-1",
        "2024-00",
        "2024-13",
        "2024-Q0",
        "2024-Q5",
        "2024-H0",
        "2024-H3",
        "2024-8M",
        "2024-M9",
        "2024-Y",
        "2024/Q1",
        "2024Q1",
        "Q1-2024",
        " 2024",
        "2024 ",
        "2024\n",
        "2024-Q1\n",
        "２０２４",  # fullwidth digits
        "٢٠٢٤",  # Arabic-Indic digits, which int() would take
    ],
)
def test_parse_rejects_other_text_with_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError) as raised:
        Period.parse(text)
    shown = str(raised.value)
    for form in ("2024 ", "2024-H1", "2024-H2", "2024-9M", "2024-Q1", "2024-Q4", "2024-01"):
        assert form in shown
    assert "\n" not in shown


@pytest.mark.parametrize("text", ["0224", "1066-Q1", "3024-H1"])
def test_parse_rejects_a_year_outside_the_calendar(text: str) -> None:
    with pytest.raises(ConfigError, match="nằm ngoài khoảng 1900–2999"):
        Period.parse(text)


def test_parse_error_quotes_long_input_shortly() -> None:
    with pytest.raises(ConfigError) as raised:
        Period.parse("x" * 10_000)
    assert len(str(raised.value)) < 400


@given(st.text())
def test_parse_of_any_text_succeeds_canonically_or_raises_config_error(text: str) -> None:
    try:
        period = Period.parse(text)
    except ConfigError:
        return
    assert str(period) == text.upper()


@given(st.from_regex(r"[0-9]{2,5}(-[0-9HhQqMmY]{0,3})?", fullmatch=True))
def test_parse_of_near_misses_succeeds_canonically_or_raises_config_error(text: str) -> None:
    try:
        period = Period.parse(text)
    except ConfigError:
        return
    assert str(period) == text.upper()


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("2024-02", "tháng 02 năm 2024", "February 2024"),
        ("2024-11", "tháng 11 năm 2024", "November 2024"),
        ("2024-Q1", "quý I năm 2024", "Q1 2024"),
        ("2024-Q4", "quý IV năm 2024", "Q4 2024"),
        ("2024-H1", "6 tháng đầu năm 2024", "first half of 2024"),
        ("2024-H2", "6 tháng cuối năm 2024", "second half of 2024"),
        ("2024-9M", "9 tháng năm 2024", "first nine months of 2024"),
        ("2024", "năm 2024", "year 2024"),
    ],
)
def test_labels(code: str, vi: str, en: str) -> None:
    assert p(code).label_vi == vi
    assert p(code).label_en == en


@pytest.mark.parametrize(
    ("kind", "year", "index"),
    [
        (K.MONTH, 2024, 0),
        (K.MONTH, 2024, 13),
        (K.QUARTER, 2024, 5),
        (K.HALF, 2024, 3),
        (K.NINE_MONTHS, 2024, 2),
        (K.YEAR, 2024, 2),
        (K.YEAR, 1, 1),
    ],
)
def test_period_refuses_an_index_or_year_out_of_range(kind: K, year: int, index: int) -> None:
    with pytest.raises(ValueError):
        Period(kind, year, index)


def test_period_from_stored_strings_equals_the_enum_one() -> None:
    stored = Period("quarter", 2024, 2)  # type: ignore[arg-type]
    assert stored == p("2024-Q2")
    assert stored.kind is K.QUARTER
    assert hash(stored) == hash(p("2024-Q2"))


def test_periods_of_year_order_and_sorting() -> None:
    codes = [str(period) for period in periods_of_year(2024)]
    assert codes == [
        *(f"2024-{m:02d}" for m in range(1, 13)),
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
        "2024-H1",
        "2024-H2",
        "2024-9M",
        "2024",
    ]
    assert sorted(reversed(periods_of_year(2024))) == periods_of_year(2024)
    assert periods_of_year(2024, [K.YEAR, K.HALF]) == [p("2024-H1"), p("2024-H2"), p("2024")]
    assert periods_of_year(2024, []) == []
    assert p("2024-12") < p("2025-01") < p("2024-Q1") < p("2024")


# --- due dates and what is due -------------------------------------------------------


def test_due_date_is_the_cutoff_plus_the_plans_delay() -> None:
    assert due_date(p("2024"), 5) == D(2024, 12, 19)
    assert due_date(p("2024-Q1"), 0) == D(2024, 3, 14)
    assert due_date(p("2024-12"), 20) == D(2025, 1, 3)
    with pytest.raises(ValueError):
        due_date(p("2024"), -1)


def test_to_json() -> None:
    assert to_json(p("2024-H1"), 5) == {
        "code": "2024-H1",
        "kind": "half",
        "label_vi": "6 tháng đầu năm 2024",
        "label_en": "first half of 2024",
        "start": "2023-12-15",
        "end": "2024-06-14",
        "due": "2024-06-19",
    }


HALF_AND_YEAR = (K.HALF, K.YEAR)


def states(due: list[ReportDue]) -> list[tuple[str, str]]:
    return [(str(item.period), item.state) for item in due]


def test_reports_due_just_after_the_year_cutoff() -> None:
    due = reports_due(D(2024, 12, 16), HALF_AND_YEAR, 5, submitted=set())
    # No "2024-H2": with the year's report asked for, that one covers the second half.
    assert states(due) == [
        ("2024-H1", "late"),  # due 19/06/2024
        ("2024", "due_soon"),
        ("2025-H1", "open"),
        ("2025", "open"),
    ]
    year_2024 = due[1]
    assert year_2024.due == D(2024, 12, 19)
    assert year_2024.window == Window(D(2023, 12, 15), D(2024, 12, 14))


def test_reports_due_after_the_due_date() -> None:
    due = reports_due(D(2024, 12, 20), HALF_AND_YEAR, 5, submitted={p("2024-H1")})
    assert states(due) == [
        ("2024", "late"),
        ("2025-H1", "open"),
        ("2025", "open"),
    ]
    submitted = {p("2024-H1"), p("2024-H2"), p("2024")}
    assert states(reports_due(D(2024, 12, 20), HALF_AND_YEAR, 5, submitted)) == [
        ("2025-H1", "open"),
        ("2025", "open"),
    ]
    assert report_status(p("2024"), D(2024, 12, 20), 5, submitted).state == "submitted"


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2023, 12, 14), DueState.UPCOMING),
        (D(2023, 12, 15), DueState.OPEN),
        (D(2024, 3, 14), DueState.OPEN),
        (D(2024, 3, 15), DueState.DUE),  # 19 days left
        (D(2024, 3, 26), DueState.DUE),  # 8 days left
        (D(2024, 3, 27), DueState.DUE_SOON),  # 7 days left
        (D(2024, 4, 3), DueState.DUE_SOON),  # the due day itself
        (D(2024, 4, 4), DueState.LATE),
        (D(2030, 1, 1), DueState.LATE),
    ],
)
def test_report_status_on_each_side_of_each_boundary(today: D, state: DueState) -> None:
    status = report_status(p("2024-Q1"), today, 20, set())
    assert status.due == D(2024, 4, 3)
    assert status.state == state


def test_a_submitted_report_is_submitted_even_before_its_window_ends() -> None:
    status = report_status(p("2024-Q1"), D(2024, 2, 1), 20, {p("2024-Q1")})
    assert status.state == DueState.SUBMITTED


def test_reports_due_leaves_out_upcoming_and_lists_the_explicit_years() -> None:
    due = reports_due(D(2024, 2, 1), [K.QUARTER], 10, set(), years=[2023, 2024, 2025])
    assert states(due) == [
        ("2023-Q1", "late"),
        ("2023-Q2", "late"),
        ("2023-Q3", "late"),
        ("2023-Q4", "late"),
        ("2024-Q1", "open"),
    ]


def test_next_due() -> None:
    first = next_due(D(2024, 12, 16), HALF_AND_YEAR, 5, set())
    assert first is not None
    # The year's report covers the second half: H2 is not asked for beside it.
    assert (first.period, first.due, first.state) == (p("2024"), D(2024, 12, 19), "due_soon")
    # Without the year, H2 is; ties on the due date go to the shorter kind.
    tie = next_due(D(2024, 12, 16), [K.HALF, K.NINE_MONTHS, K.QUARTER], 5, set())
    assert tie is not None and tie.period == p("2024-Q4")

    done = {p("2024-H2"), p("2024")}
    following = next_due(D(2024, 12, 16), HALF_AND_YEAR, 5, done)
    assert following is not None
    assert (following.period, following.due, following.state) == (
        p("2025-H1"),
        D(2025, 6, 19),
        "open",
    )

    # A late report is never "next": on 20/12 the 2024 reports are past their due date.
    after = next_due(D(2024, 12, 20), HALF_AND_YEAR, 5, set())
    assert after is not None
    assert after.period == p("2025-H1")


def test_next_due_skips_a_run_of_early_submissions() -> None:
    submitted = {Period(K.YEAR, y, 1) for y in range(2024, 2030)}
    found = next_due(D(2024, 6, 1), [K.YEAR], 5, submitted)
    assert found is not None
    assert found.period == p("2030")
    assert found.state == DueState.UPCOMING
    assert next_due(D(2024, 6, 1), [], 5, set()) is None


@given(dates, st.sampled_from(KIND_ORDER), st.integers(min_value=0, max_value=60))
def test_next_due_is_the_earliest_unsubmitted_due_date_not_past(
    today: D, kind: K, days: int
) -> None:
    found = next_due(today, [kind], days, set())
    assert found is not None
    assert found.due >= today
    assert found.state in {"open", "due", "due_soon", "upcoming"}
    everything = [
        period
        for year in range(today.year - 1, today.year + 3)
        for period in periods_of_year(year, [kind])
    ]
    assert found.due == min(d for d in (due_date(q, days) for q in everything) if d >= today)


def test_required_periods_leave_out_the_second_half_only_beside_the_year() -> None:
    assert [str(x) for x in required_periods(2025, HALF_AND_YEAR)] == ["2025-H1", "2025"]
    assert [str(x) for x in required_periods(2025, [K.HALF])] == ["2025-H1", "2025-H2"]
    assert [str(x) for x in required_periods(2025, ["quarter", "year"])] == [
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2025",
    ]


def test_reports_due_since_leaves_out_what_fell_due_before() -> None:
    # Following the plan from 01/12/2024: H1 2024 (due 19/06) was late before that day.
    due = reports_due(D(2024, 12, 20), HALF_AND_YEAR, 5, set(), since=D(2024, 12, 1))
    assert states(due) == [("2024", "late"), ("2025-H1", "open"), ("2025", "open")]
    # A report due on the very day following began is still asked for.
    due = reports_due(D(2024, 12, 20), HALF_AND_YEAR, 5, set(), since=D(2024, 12, 19))
    assert ("2024", "late") in states(due)
    assert states(reports_due(D(2024, 12, 20), HALF_AND_YEAR, 5, set(), since=D(2024, 12, 20))) == [
        ("2025-H1", "open"),
        ("2025", "open"),
    ]


@given(dates, st.integers(min_value=0, max_value=60))
def test_reports_due_never_lists_upcoming_or_submitted(today: D, days: int) -> None:
    listed = reports_due(today, KIND_ORDER, days, set())
    assert all(item.state in {"open", "due", "due_soon", "late"} for item in listed)
    assert [item.due for item in listed] == sorted(item.due for item in listed)
    # Every tiling kind has exactly one open period on any day, except the second half
    # when the year is asked for too (the year's report covers it).
    open_periods = [item.period for item in listed if item.state == "open"]
    open_kinds = [period.kind for period in open_periods]
    second_half = period_of(today, K.HALF).index == 2
    for kind in TILING_KINDS:
        assert open_kinds.count(kind) == (0 if kind == K.HALF and second_half else 1)
    submitted = {item.period for item in listed}
    assert reports_due(today, KIND_ORDER, days, submitted) == []
