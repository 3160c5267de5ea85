"""The clerk's routines as pure rules: inspections (A10), census (A14), arrears follow-ups (A15)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem
from estate_desk.domain.routines.arrears import (
    FOLLOW_UP_EVERY_DAYS,
    FeeType,
    FollowUpMethod,
    arrear_amount,
    followup_state,
    over_a_month_from,
)
from estate_desk.domain.routines.census import Quarter, census_progress, quarter_of
from estate_desk.domain.routines.common import RoutineStatus, add_months, office_date, worst
from estate_desk.domain.routines.inspections import (
    INSPECTION_GRACE_DAYS,
    MONTHLY,
    Check,
    InspectionInterval,
    IntervalUnit,
    Reading,
    check_results,
    inspection_due,
    reading_value,
    reading_warnings,
)

OK, DUE, OVERDUE = RoutineStatus.OK, RoutineStatus.DUE, RoutineStatus.OVERDUE
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHINA_TZ)


# =========================================================================== shared


def test_office_dates_are_china_dates() -> None:
    assert office_date(datetime(2026, 11, 22, 16, 30, tzinfo=UTC)) == date(2026, 11, 23)  # 00:30 CST
    assert office_date(datetime(2026, 11, 22, 15, 59, tzinfo=UTC)) == date(2026, 11, 22)
    with pytest.raises(ValueError):
        office_date(datetime(2026, 11, 23, 9, 0))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 10, 23), 1, date(2026, 11, 23)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_add_months_keeps_inside_short_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@given(dates, st.integers(min_value=0, max_value=60))
def test_add_months_moves_by_whole_calendar_months(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


def test_worst_status_is_the_most_urgent() -> None:
    assert worst([OK, DUE, OK]) is DUE
    assert worst([DUE, OVERDUE]) is OVERDUE
    assert worst([]) is OK
    assert OVERDUE.label() == "逾期" and DUE.label("en") == "Due"


# =========================================================================== A10


def test_a10_never_inspected_is_due_now_and_never_late() -> None:
    due = inspection_due(None, at(date(2026, 11, 23)))
    assert (due.status, due.due_on, due.last, due.overdue_from, due.days_left) == (
        DUE,
        date(2026, 11, 23),
        None,
        None,
        0,
    )


def test_a10_monthly_inspection_is_ok_then_due_on_the_day_then_overdue_after_the_grace() -> None:
    last = at(date(2026, 10, 19), 10)
    assert INSPECTION_GRACE_DAYS == 7
    assert inspection_due(last, at(date(2026, 11, 18), 23, 59)).status is OK
    due = inspection_due(last, at(date(2026, 11, 19), 0, 0))
    assert (due.status, due.due_on, due.overdue_from, due.days_left) == (DUE, date(2026, 11, 19), date(2026, 11, 27), 0)
    assert inspection_due(last, at(date(2026, 11, 26), 23, 59)).status is DUE
    late = inspection_due(last, at(date(2026, 11, 27), 0, 0))
    assert (late.status, late.days_left) == (OVERDUE, -8)


def test_a10_the_last_inspection_counts_by_its_china_date() -> None:
    late_evening_utc = datetime(2026, 10, 18, 16, 30, tzinfo=UTC)  # 2026-10-19 00:30 in the office
    assert inspection_due(late_evening_utc, at(date(2026, 11, 18))).due_on == date(2026, 11, 19)


def test_a10_a_month_after_the_31st_is_the_end_of_a_short_month() -> None:
    assert inspection_due(at(date(2026, 1, 31)), at(date(2026, 2, 27))).due_on == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("interval", "due_on"),
    [
        (InspectionInterval(2, IntervalUnit.WEEKS), date(2026, 11, 2)),
        (InspectionInterval(3, IntervalUnit.MONTHS), date(2027, 1, 19)),
        (InspectionInterval(10, IntervalUnit.DAYS), date(2026, 10, 29)),
    ],
)
def test_a10_the_office_sets_another_interval(interval: InspectionInterval, due_on: date) -> None:
    assert inspection_due(at(date(2026, 10, 19)), at(date(2026, 10, 20)), interval).due_on == due_on


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1m", "1m"),
        ("每月", "1m"),
        ("monthly", "1m"),
        ("每2周", "2w"),
        ("every 2 weeks", "2w"),
        ("2W", "2w"),
        ("每3个月", "3m"),
        ("quarterly", "3m"),
        ("每季度", "3m"),
        ("14d", "14d"),
        ("每10天", "10d"),
    ],
)
def test_a10_interval_is_read_as_the_office_writes_it(text: str, value: str) -> None:
    interval = InspectionInterval.parse(text)
    assert interval.value == value
    assert InspectionInterval.parse(interval.value) == interval


@pytest.mark.parametrize("text", ["", "sometimes", "0m", "13m", "53w", "400d", "每0周", "2x"])
def test_a10_an_unreadable_or_absurd_interval_is_refused(text: str) -> None:
    with pytest.raises(InputProblem) as info:
        InspectionInterval.parse(text)
    assert info.value.rule == "A10"


def test_a10_interval_labels() -> None:
    assert MONTHLY.label() == "每月" and MONTHLY.label("en") == "every month"
    assert InspectionInterval(2, IntervalUnit.WEEKS).label() == "每2周"
    assert InspectionInterval(3, IntervalUnit.MONTHS).label("en") == "every 3 months"


@given(dates, st.sampled_from(["1m", "2w", "3m", "10d", "1w", "12m"]), st.integers(min_value=0, max_value=8))
def test_a10_status_only_moves_from_ok_to_due_to_overdue(last: date, text: str, grace: int) -> None:
    interval = InspectionInterval.parse(text)
    seen = [inspection_due(at(last), at(last + timedelta(days=d)), interval, grace) for d in range(0, 400, 3)]
    ranks = [s.status.rank for s in seen]
    assert ranks == sorted(ranks, reverse=True)
    for s, d in zip(seen, range(0, 400, 3), strict=True):
        today = last + timedelta(days=d)
        assert s.due_on == interval.after(last) > last
        assert (s.status is OK) == (today < s.due_on)
        assert (s.status is OVERDUE) == (today > s.due_on + timedelta(days=grace))


def test_a10_every_check_has_both_labels() -> None:
    assert [c.value for c in Check] == ["fire", "damp", "pests", "rodents", "ventilation", "clean"]
    for check in Check:
        assert check.label() and check.label("en") and check.label() != check.label("en")


def test_a10_every_check_must_be_answered_yes_or_no() -> None:
    full = {c.value: True for c in Check}
    assert check_results(full) == dict.fromkeys(Check, True)
    with pytest.raises(InputProblem) as info:
        check_results({k: v for k, v in full.items() if k != "pests"})
    assert "防虫" in info.value.zh and "No insects" in info.value.en
    with pytest.raises(InputProblem, match="key"):
        check_results({**full, "key": True})
    with pytest.raises(InputProblem):
        check_results({**full, "fire": "yes"})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("what", "text", "stored"),
    [
        (Reading.TEMPERATURE, "-30", Decimal("-30.0")),
        (Reading.TEMPERATURE, "60", Decimal("60.0")),
        (Reading.TEMPERATURE, "21.45", Decimal("21.5")),
        (Reading.TEMPERATURE, "21，5", Decimal("21.5")),
        (Reading.TEMPERATURE, 18, Decimal("18.0")),
        (Reading.HUMIDITY, 0, Decimal("0.0")),
        (Reading.HUMIDITY, "100", Decimal("100.0")),
        (Reading.HUMIDITY, 52.3, Decimal("52.3")),
        (Reading.HUMIDITY, None, None),
        (Reading.HUMIDITY, "  ", None),
    ],
)
def test_a10_plausible_readings_are_kept_to_a_tenth(what: Reading, text: object, stored: Decimal | None) -> None:
    assert reading_value(text, what) == stored  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("what", "text"),
    [
        (Reading.TEMPERATURE, "-30.1"),
        (Reading.TEMPERATURE, "60.1"),
        (Reading.TEMPERATURE, "215"),
        (Reading.HUMIDITY, "-0.1"),
        (Reading.HUMIDITY, "100.1"),
        (Reading.HUMIDITY, "abc"),
        (Reading.HUMIDITY, "NaN"),
        (Reading.TEMPERATURE, float("inf")),
        (Reading.TEMPERATURE, True),
    ],
)
def test_a10_implausible_readings_are_refused(what: Reading, text: object) -> None:
    with pytest.raises(InputProblem) as info:
        reading_value(text, what)  # type: ignore[arg-type]
    assert info.value.rule == "A10"


@pytest.mark.parametrize(
    ("temperature", "humidity", "warned"),
    [
        ("14", "45", []),
        ("24", "60", []),
        ("13.9", "50", ["temperature"]),
        ("24.1", "50", ["temperature"]),
        ("20", "44.9", ["humidity"]),
        ("20", "60.1", ["humidity"]),
        ("30", "80", ["temperature", "humidity"]),
        (None, None, []),
    ],
)
def test_a10_readings_outside_the_archive_norm_warn(
    temperature: str | None, humidity: str | None, warned: list[str]
) -> None:
    t = reading_value(temperature, Reading.TEMPERATURE)
    h = reading_value(humidity, Reading.HUMIDITY)
    warnings = reading_warnings(t, h)
    assert [w.reading.value for w in warnings] == warned


def test_a10_a_warning_says_high_or_low_and_the_norm() -> None:
    high, low = reading_warnings(Decimal("26.0"), Decimal("40.0"))
    assert high.message() == "温度 26.0°C 偏高（档案库标准 14–24°C）"
    assert low.message("en") == "Relative humidity 40.0% is too low (archive norm 45–60%)"


# =========================================================================== A14


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2026, 11, 23), "2026Q4"),
        (date(2026, 1, 1), "2026Q1"),
        (date(2026, 3, 31), "2026Q1"),
        (date(2026, 4, 1), "2026Q2"),
        (date(2026, 9, 30), "2026Q3"),
        (date(2026, 12, 31), "2026Q4"),
    ],
)
def test_a14_quarter_of_a_date(day: date, code: str) -> None:
    assert quarter_of(day) == code


def test_a14_quarter_start_and_end() -> None:
    q4 = Quarter(2026, 4)
    assert (q4.start, q4.end) == (date(2026, 10, 1), date(2026, 12, 31))
    assert (Quarter(2024, 1).start, Quarter(2024, 1).end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert Quarter(2026, 2).end == date(2026, 6, 30)
    assert q4.next() == Quarter(2027, 1) and Quarter(2027, 1).previous() == q4
    assert date(2026, 11, 23) in q4 and date(2027, 1, 1) not in q4
    assert q4.label() == "2026年第四季度" and q4.label("en") == "Q4 2026"


@pytest.mark.parametrize(
    "text", ["2026Q4", "2026q4", "2026-Q4", "2026 Q4", "2026年第4季度", "2026年第四季度", "2026-4"]
)
def test_a14_quarter_is_read_as_the_office_writes_it(text: str) -> None:
    assert Quarter.parse(text) == Quarter(2026, 4)


@pytest.mark.parametrize("text", ["", "Q4", "2026Q5", "2026Q0", "20264", "二〇二六年第四季度", "2026年"])
def test_a14_an_unreadable_quarter_is_refused(text: str) -> None:
    with pytest.raises(InputProblem):
        Quarter.parse(text)


@given(dates)
def test_a14_every_date_is_in_exactly_its_quarter(day: date) -> None:
    quarter = Quarter.of(day)
    assert quarter.start <= day <= quarter.end
    assert quarter.next().start == quarter.end + timedelta(days=1)
    assert quarter.previous() < quarter < quarter.next()
    assert Quarter.parse(quarter.code) == quarter == Quarter.parse(quarter.label())
    assert day not in quarter.next() and day not in quarter.previous()


def test_a14_census_is_due_while_the_quarter_runs_and_overdue_after_it_ends() -> None:
    q4 = Quarter(2026, 4)
    assert census_progress(q4, 0, 0, date(2026, 9, 30)).status is OK  # not begun
    assert census_progress(q4, 0, 0, date(2026, 10, 1)).status is DUE  # not started yet
    running = census_progress(q4, 120, 236, date(2026, 11, 23))
    assert (running.status, running.open, running.percent, running.days_left) == (DUE, 116, 50, 38)
    assert census_progress(q4, 235, 236, date(2026, 12, 31)).status is DUE  # the last day
    assert census_progress(q4, 235, 236, date(2027, 1, 1)).status is OVERDUE
    assert census_progress(q4, 0, 0, date(2027, 1, 1)).status is OVERDUE
    finished = census_progress(q4, 236, 236, date(2027, 1, 5))
    assert (finished.status, finished.complete, finished.percent) == (OK, True, 100)
    with pytest.raises(ValueError):
        census_progress(q4, 3, 2, date(2026, 11, 23))


# =========================================================================== A15


@pytest.mark.parametrize(
    ("since", "over_from"),
    [
        (date(2026, 10, 23), date(2026, 11, 24)),
        (date(2026, 1, 31), date(2026, 3, 1)),
        (date(2024, 1, 31), date(2024, 3, 1)),
        (date(2026, 12, 15), date(2027, 1, 16)),
        (date(2026, 2, 28), date(2026, 3, 29)),
    ],
)
def test_a15_over_a_month_is_counted_in_calendar_months(since: date, over_from: date) -> None:
    assert over_a_month_from(since) == over_from
    assert followup_state(since, None, over_from - timedelta(days=1)).under_rule is False
    assert followup_state(since, None, over_from).under_rule is True


def test_a15_never_followed_up_is_due_for_two_weeks_then_overdue() -> None:
    since = date(2026, 10, 23)
    start = date(2026, 11, 24)
    assert followup_state(since, None, date(2026, 11, 23)).status is OK
    first = followup_state(since, None, start)
    assert (first.status, first.due_on, first.deadline, first.last_followup) == (DUE, start, date(2026, 12, 8), None)
    assert followup_state(since, None, date(2026, 12, 8)).status is DUE
    assert followup_state(since, None, date(2026, 12, 9)).status is OVERDUE


def test_a15_a_followup_is_due_again_exactly_14_days_later_and_overdue_after() -> None:
    since, last = date(2026, 9, 1), date(2026, 11, 10)
    assert FOLLOW_UP_EVERY_DAYS == 14
    assert followup_state(since, last, date(2026, 11, 23)).status is OK  # 13 days ago
    due = followup_state(since, last, date(2026, 11, 24))  # 14 days ago
    assert (due.status, due.due_on, due.deadline) == (DUE, date(2026, 11, 24), date(2026, 11, 24))
    assert followup_state(since, last, date(2026, 11, 25)).status is OVERDUE  # 15 days ago


def test_a15_a_followup_before_the_month_is_up_counts_but_cannot_make_a_household_late_early() -> None:
    since = date(2026, 10, 1)  # over a month from 2026-11-02
    early = date(2026, 10, 25)
    assert followup_state(since, early, date(2026, 11, 2)).status is OK  # under the rule, 8 days since the call
    state = followup_state(since, early, date(2026, 11, 8))
    assert (state.status, state.due_on, state.deadline) == (DUE, date(2026, 11, 8), date(2026, 11, 16))
    assert followup_state(since, early, date(2026, 11, 16)).status is DUE
    assert followup_state(since, early, date(2026, 11, 17)).status is OVERDUE
    long_ago = date(2026, 10, 2)
    assert followup_state(since, long_ago, date(2026, 11, 2)).status is DUE  # 31 days since the call, not late yet


def test_a15_followups_about_debts_older_than_the_oldest_unsettled_one_do_not_count() -> None:
    state = followup_state(date(2026, 9, 1), date(2026, 8, 20), date(2026, 10, 5))
    assert state.last_followup is None and state.status is DUE


@given(dates, st.none() | st.integers(min_value=-40, max_value=200), st.integers(min_value=0, max_value=200))
def test_a15_status_never_goes_back_and_a_followup_today_settles_today(
    since: date, last_offset: int | None, days: int
) -> None:
    last = None if last_offset is None else since + timedelta(days=last_offset)
    statuses = [followup_state(since, last, since + timedelta(days=d)).status.rank for d in range(0, days + 60, 5)]
    assert statuses == sorted(statuses, reverse=True)
    today = since + timedelta(days=days)
    state = followup_state(since, last, today)
    assert state.due_on <= state.deadline and state.due_on >= state.under_rule_from
    if today < over_a_month_from(since):
        assert state.status is OK
    assert followup_state(since, today, today).status is OK  # just followed up


@pytest.mark.parametrize(
    ("text", "fee"),
    [
        ("management", FeeType.MANAGEMENT),
        ("物业费", FeeType.MANAGEMENT),
        ("物业管理费", FeeType.MANAGEMENT),
        ("Water", FeeType.WATER),
        ("水费", FeeType.WATER),
        ("电费", FeeType.ELECTRICITY),
        (" electricity ", FeeType.ELECTRICITY),
        ("其他", FeeType.OTHER),
        ("其它", FeeType.OTHER),
    ],
)
def test_a15_fee_types_by_value_or_name(text: str, fee: FeeType) -> None:
    assert FeeType.parse(text) is fee


def test_a15_unknown_fee_type_or_method_is_refused() -> None:
    with pytest.raises(InputProblem) as info:
        FeeType.parse("停车费")
    assert "物业费" in info.value.zh
    with pytest.raises(InputProblem):
        FollowUpMethod.parse("carrier pigeon")
    assert FollowUpMethod.parse("微信") is FollowUpMethod.MESSAGE
    assert FollowUpMethod.parse("上门") is FollowUpMethod.VISIT
    assert FeeType.MANAGEMENT.label() == "物业费" and FeeType.WATER.label("en") == "Water"


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("1,230.00", Decimal("1230.00")),
        ("58", Decimal("58.00")),
        (Decimal("0.01"), Decimal("0.01")),
        (300, Decimal("300.00")),
    ],
)
def test_a15_amounts_are_yuan_to_the_fen(value: object, amount: Decimal) -> None:
    assert arrear_amount(value) == amount  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["0", "-5", "1.234", "abc", "NaN", 12.5, True, "99999999999"])
def test_a15_bad_amounts_are_refused(value: object) -> None:
    with pytest.raises(InputProblem) as info:
        arrear_amount(value)  # type: ignore[arg-type]
    assert info.value.rule == "A15"
