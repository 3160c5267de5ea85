"""Clocks on the front-desk board (F2, F4) and the desk's hours (F5).

Every test moves a FakeClock; nothing sleeps and nothing reads the real time.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.desk.countdown import (
    ClockKind,
    CountdownState,
    arrival_countdown,
    arrival_text,
    most_urgent_key,
    promise_countdown,
    promise_text,
)
from estate_desk.domain.desk.intake import open_ticket
from estate_desk.domain.desk.office_hours import (
    OfficeHours,
    OnCallContact,
    Team,
    contacts_to_show,
    is_desk_staffed,
    is_team_staffed,
    next_desk_change,
    should_show_on_call_list,
)
from estate_desk.domain.desk.tickets import Channel, Confirmation, NotifyMethod, Ticket, TicketKind

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=CHINA_TZ)
ARRIVAL_DUE = T0 + timedelta(minutes=3)
PROMISE_DUE = T0 + timedelta(days=2)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


# ---- F4 the three-minute clock ------------------------------------------------


def test_F4_arrival_clock_counts_down_in_minutes_and_seconds(clock: FakeClock) -> None:
    assert arrival_countdown(T0, ARRIVAL_DUE, clock.now()).text() == "03:00"
    clock.advance(seconds=1)
    countdown = arrival_countdown(T0, ARRIVAL_DUE, clock.now())
    assert countdown.text() == "02:59"
    assert countdown.seconds == 179
    assert countdown.kind is ClockKind.ARRIVAL


@pytest.mark.parametrize(
    ("elapsed", "state", "text"),
    [
        (timedelta(minutes=1, seconds=59), CountdownState.GREEN, "01:01"),
        (timedelta(minutes=2), CountdownState.AMBER, "01:00"),  # the last minute
        (timedelta(minutes=2, seconds=59), CountdownState.AMBER, "00:01"),
        (timedelta(minutes=3), CountdownState.AMBER, "00:00"),  # 3:00 is still on time
        (timedelta(minutes=3, seconds=1), CountdownState.RED, "+00:01"),
        (timedelta(minutes=3, seconds=5), CountdownState.RED, "+00:05"),
        (timedelta(minutes=78), CountdownState.RED, "+75:00"),
    ],
)
def test_F4_arrival_clock_colours_at_the_thresholds(
    clock: FakeClock, elapsed: timedelta, state: CountdownState, text: str
) -> None:
    clock.advance(elapsed)
    countdown = arrival_countdown(T0, ARRIVAL_DUE, clock.now())
    assert countdown.state is state
    assert countdown.text() == text
    assert countdown.breached is (state is CountdownState.RED)


def test_F4_red_counts_up(clock: FakeClock) -> None:
    clock.advance(minutes=3, seconds=5)
    first = arrival_countdown(T0, ARRIVAL_DUE, clock.now())
    clock.advance(seconds=10)
    later = arrival_countdown(T0, ARRIVAL_DUE, clock.now())
    assert (first.seconds, later.seconds) == (-5, -15)
    assert later.text() == "+00:15"


def test_F4_display_rounds_away_from_the_deadline(clock: FakeClock) -> None:
    clock.advance(minutes=2, seconds=58, milliseconds=800)
    assert arrival_countdown(T0, ARRIVAL_DUE, clock.now()).text() == "00:02"
    clock.set(ARRIVAL_DUE + timedelta(milliseconds=200))
    breached = arrival_countdown(T0, ARRIVAL_DUE, clock.now())
    assert breached.state is CountdownState.RED
    assert breached.text() == "+00:01"  # never "+00:00" once breached


def test_F4_stopped_clock_shows_its_final_state(clock: FakeClock) -> None:
    arrived_at = T0 + timedelta(minutes=2, seconds=30)
    clock.advance(hours=1)
    on_time = arrival_countdown(T0, ARRIVAL_DUE, clock.now(), stopped_at=arrived_at)
    assert on_time.stopped
    assert on_time.state is CountdownState.GREEN  # in the last minute, but nothing pending
    assert on_time.text() == "00:30"
    late = arrival_countdown(T0, ARRIVAL_DUE, clock.now(), stopped_at=T0 + timedelta(minutes=3, seconds=5))
    assert late.state is CountdownState.RED
    assert late.text() == "+00:05"
    clock.advance(hours=1)
    assert arrival_countdown(T0, ARRIVAL_DUE, clock.now(), stopped_at=arrived_at) == on_time


def repair(clock: FakeClock, number: str = "R-1") -> Ticket:
    return open_ticket(
        number=number, kind=TicketKind.REPAIR, channel=Channel.PHONE, first_receiver_id=7, now=clock.now()
    )


def test_F4_ticket_clock_after_an_explanation_runs_to_the_agreed_arrival(clock: FakeClock) -> None:
    ticket = repair(clock).explain_arrival_delay(
        reason="电梯停运，步行上 28 楼",
        owner_told_how=NotifyMethod.PHONE,
        expected_arrival_at=T0 + timedelta(minutes=8),
        recorded_by=7,
        now=clock.now(),
    )
    clock.advance(minutes=2)
    plain = ticket.arrival_clock(clock.now())
    assert plain is not None
    assert not plain.excused
    assert plain.deadline == ARRIVAL_DUE
    clock.advance(minutes=3)
    excused = ticket.arrival_clock(clock.now())
    assert excused is not None
    assert excused.excused
    assert excused.deadline == T0 + timedelta(minutes=8)
    assert excused.state is CountdownState.GREEN
    assert excused.text() == "03:00"
    clock.advance(minutes=4)
    assert ticket.arrival_clock(clock.now()).state is CountdownState.RED  # type: ignore[union-attr]


# ---- F2 the promise clock -------------------------------------------------------


def test_F2_promise_clock_text_in_days_hours_minutes(clock: FakeClock) -> None:
    assert promise_countdown(T0, PROMISE_DUE, clock.now()).text() == "2天"
    clock.advance(hours=20, minutes=40)
    countdown = promise_countdown(T0, PROMISE_DUE, clock.now())
    assert countdown.text("zh") == "1天3小时20分"
    assert countdown.text("en") == "1d 3h 20m"
    assert countdown.kind is ClockKind.PROMISE


def test_F2_promise_text_leaves_out_zero_units() -> None:
    assert promise_text(timedelta(days=1, minutes=20)) == "1天20分"
    assert promise_text(timedelta(hours=3), "en") == "3h"
    assert promise_text(timedelta(0)) == "0分"
    assert promise_text(timedelta(seconds=10)) == "1分"
    assert promise_text(-timedelta(minutes=5)) == "超时5分"
    assert promise_text(-timedelta(days=1, hours=2), "en") == "overdue 1d 2h"
    assert arrival_text(timedelta(seconds=61)) == "01:01"


@pytest.mark.parametrize(
    ("elapsed", "state"),
    [
        (timedelta(hours=38, minutes=23), CountdownState.GREEN),
        (timedelta(hours=38, minutes=24), CountdownState.AMBER),  # 9h36m left = the last fifth of 48h
        (timedelta(days=2), CountdownState.AMBER),
        (timedelta(days=2, seconds=1), CountdownState.RED),
    ],
)
def test_F2_promise_clock_amber_in_the_last_fifth(clock: FakeClock, elapsed: timedelta, state: CountdownState) -> None:
    clock.advance(elapsed)
    assert promise_countdown(T0, PROMISE_DUE, clock.now()).state is state


def test_F2_overdue_promise_counts_up_in_both_languages(clock: FakeClock) -> None:
    clock.set(PROMISE_DUE + timedelta(hours=1, minutes=5))
    countdown = promise_countdown(T0, PROMISE_DUE, clock.now())
    assert countdown.state is CountdownState.RED
    assert countdown.text("zh") == "超时1小时5分"
    assert countdown.text("en") == "overdue 1h 5m"


def test_F2_ticket_promise_clock_stops_at_completion(clock: FakeClock) -> None:
    ticket = repair(clock)
    clock.advance(minutes=2)
    ticket = ticket.record_arrival(now=clock.now())
    clock.set(T0 + timedelta(days=1, hours=23))  # amber by now
    ticket = ticket.complete(
        handler_id=21,
        explanation="已修复",
        confirmation=Confirmation.SIGNATURE,
        signature_record="slip-3",
        now=clock.now(),
    )
    clock.advance(days=3)
    final = ticket.promise_clock(clock.now())
    assert final.stopped
    assert final.state is CountdownState.GREEN
    assert final.text() == "1小时"


def test_F2_postponed_promise_clock_runs_to_the_new_time(clock: FakeClock) -> None:
    ticket = repair(clock)
    clock.advance(days=1)
    ticket = ticket.postpone(
        reason="等待配件",
        owner_told_how=NotifyMethod.WECHAT,
        new_due_at=T0 + timedelta(days=5),
        recorded_by=7,
        now=clock.now(),
    )
    clock.set(T0 + timedelta(days=3))
    countdown = ticket.promise_clock(clock.now())
    assert countdown.deadline == T0 + timedelta(days=5)
    assert countdown.state is CountdownState.GREEN
    assert countdown.text() == "2天"


def test_F2_F4_most_urgent_first(clock: FakeClock) -> None:
    waiting = repair(clock, "waiting")  # arrival clock running
    clock.advance(minutes=1)
    arrived = repair(clock, "arrived").record_arrival(now=clock.now())  # only the promise runs
    clock.advance(minutes=1)
    fresh = repair(clock, "fresh")
    clock.advance(minutes=2)  # "waiting" is now 1 minute over its three minutes
    board = sorted([arrived, fresh, waiting], key=lambda t: t.urgency_key(clock.now()))
    assert [t.number for t in board] == ["waiting", "fresh", "arrived"]
    assert waiting.clocks(clock.now())[0].state is CountdownState.RED
    stopped = arrival_countdown(T0, ARRIVAL_DUE, clock.now(), stopped_at=T0)
    running = promise_countdown(T0, PROMISE_DUE, clock.now())
    assert most_urgent_key([stopped]) > most_urgent_key([running])
    assert most_urgent_key([]) > most_urgent_key([stopped])


def test_countdowns_need_aware_times() -> None:
    with pytest.raises(ValueError, match="aware"):
        arrival_countdown(T0.replace(tzinfo=None), ARRIVAL_DUE, T0)


# ---- F5 office hours ------------------------------------------------------------


@pytest.mark.parametrize(
    ("clock_time", "staffed"),
    [(time(6, 59), False), (time(7, 0), True), (time(22, 59), True), (time(23, 0), False), (time(3), False)],
)
def test_F5_desk_staffed_sixteen_hours(clock_time: time, staffed: bool) -> None:
    at = datetime.combine(T0.date(), clock_time, tzinfo=CHINA_TZ)
    assert is_desk_staffed(at) is staffed
    assert should_show_on_call_list(at) is not staffed
    assert OfficeHours().staffed_per_day == timedelta(hours=16)


def test_F5_hours_judged_in_the_office_zone(clock: FakeClock) -> None:
    clock.set(datetime(2024, 5, 6, 23, 30, tzinfo=UTC))  # 07:30 next morning in China
    assert is_desk_staffed(clock.now())
    clock.advance(hours=16)  # 15:30 UTC = 23:30 in China
    assert not is_desk_staffed(clock.now())


def test_F5_guards_and_repairs_round_the_clock(clock: FakeClock) -> None:
    clock.set(datetime(2024, 5, 7, 2, 0, tzinfo=CHINA_TZ))
    assert is_team_staffed(Team.GUARDS, clock.now())
    assert is_team_staffed(Team.REPAIRS, clock.now())
    assert not is_team_staffed(Team.SERVICE_DESK, clock.now())
    assert Team.GUARDS.label_zh == "护卫班"


def test_F5_configurable_and_overnight_hours() -> None:
    late_shift = OfficeHours(desk_opens=time(8, 30), desk_closes=time(0, 30))
    assert late_shift.overnight
    assert late_shift.staffed_per_day == timedelta(hours=16)
    assert is_desk_staffed(datetime(2024, 5, 7, 0, 15, tzinfo=CHINA_TZ), late_shift)
    assert not is_desk_staffed(datetime(2024, 5, 7, 0, 30, tzinfo=CHINA_TZ), late_shift)
    assert not is_desk_staffed(datetime(2024, 5, 7, 8, 29, tzinfo=CHINA_TZ), late_shift)
    with pytest.raises(ValueError):
        OfficeHours(desk_opens=time(7), desk_closes=time(7))


def test_F5_every_number_shown_when_nobody_is_at_the_desk(clock: FakeClock) -> None:
    contacts = [OnCallContact("王敏", "13800000001", "客服主管"), OnCallContact("李强", "13800000002", "客服")]
    assert contacts_to_show(clock.now(), contacts) == ()
    clock.set(datetime(2024, 5, 6, 23, 5, tzinfo=CHINA_TZ))
    assert contacts_to_show(clock.now(), contacts) == tuple(contacts)


def test_F5_next_change_for_a_single_shot_timer(clock: FakeClock) -> None:
    assert next_desk_change(clock.now()) == datetime(2024, 5, 6, 23, 0, tzinfo=CHINA_TZ)
    clock.set(datetime(2024, 5, 6, 23, 0, tzinfo=CHINA_TZ))
    assert next_desk_change(clock.now()) == datetime(2024, 5, 7, 7, 0, tzinfo=CHINA_TZ)
