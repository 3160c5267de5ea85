"""The front-desk rules F1–F4 and F6–F8, driven by a fake clock (never sleep).

F5 (office hours) lives with the clocks in ``tests/desk/test_countdown.py``.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.desk.intake import ensure_intake_unchanged, open_ticket
from estate_desk.domain.desk.review import (
    BlockReason,
    can_close_day,
    daily_review,
    find_repeat,
    normalize_matter,
)
from estate_desk.domain.desk.special_services import ChosenService, PriceList, SpecialService, services_total
from estate_desk.domain.desk.tickets import (
    ArrivalOutcome,
    Channel,
    Confirmation,
    NotifyMethod,
    Satisfaction,
    Ticket,
    TicketKind,
    TicketPolicy,
    TicketStatus,
)
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation, UserError

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=CHINA_TZ)  # a Monday morning at the desk
RECEIVER = 7
HANDLER = 21
SUPERVISOR = 3


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def intake(
    clock: FakeClock,
    kind: TicketKind = TicketKind.REPAIR,
    *,
    number: str = "T-001",
    channel: Channel = Channel.PHONE,
    **kwargs: Any,
) -> Ticket:
    return open_ticket(
        number=number,
        kind=kind,
        channel=channel,
        first_receiver_id=RECEIVER,
        now=clock.now(),
        **kwargs,
    )


def arrive(ticket: Ticket, clock: FakeClock, after: timedelta = timedelta(minutes=2)) -> Ticket:
    clock.set(max(clock.now(), ticket.received_at + after))
    return ticket.record_arrival(now=clock.now())


def complete(ticket: Ticket, clock: FakeClock) -> Ticket:
    return ticket.complete(
        handler_id=HANDLER,
        explanation="换了厨房水龙头阀芯，已试水",
        confirmation=Confirmation.SIGNATURE,
        signature_record="slip-0001",
        now=clock.now(),
    )


def done(clock: FakeClock, kind: TicketKind = TicketKind.REPAIR, **kwargs: Any) -> Ticket:
    """A ticket taken in, reached on site and completed an hour later."""
    ticket = intake(clock, kind, **kwargs)
    if ticket.arrival_due_at is not None:
        ticket = arrive(ticket, clock)
    clock.advance(hours=1)
    return complete(ticket, clock)


# ---- F1 首按责任制 -------------------------------------------------------------


def test_F1_intake_records_first_receiver_and_two_day_feedback(clock: FakeClock) -> None:
    ticket = intake(clock)
    assert ticket.first_receiver_id == RECEIVER
    assert ticket.received_at == T0
    assert ticket.feedback_due_at == T0 + timedelta(days=2)
    assert ticket.status is TicketStatus.OPEN


def test_F1_first_receiver_never_changes(clock: FakeClock) -> None:
    ticket = intake(clock)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ticket.first_receiver_id = 99  # type: ignore[misc]
    dispatched = ticket.dispatch(HANDLER)
    assert dispatched.first_receiver_id == RECEIVER
    assert dispatched.handler_id == HANDLER
    handed_over = dataclasses.replace(dispatched, first_receiver_id=99)
    with pytest.raises(RuleViolation) as refused:
        ensure_intake_unchanged(dispatched, handed_over)
    assert refused.value.rule == "F1"
    finished = done(clock)
    assert finished.first_receiver_id == RECEIVER
    assert finished.return_visit_by == RECEIVER


def test_F1_reception_in_the_future_is_refused(clock: FakeClock) -> None:
    with pytest.raises(InputProblem):
        intake(clock, received_at=T0 + timedelta(minutes=5))


def test_F1_back_entered_reception_is_kept(clock: FakeClock) -> None:
    clock.advance(minutes=20)
    ticket = intake(clock, received_at=T0)
    assert ticket.received_at == T0
    assert ticket.arrival_due_at == T0 + timedelta(minutes=3)


def test_F1_feedback_promise_counts_from_reception(clock: FakeClock) -> None:
    ticket = intake(clock, TicketKind.SUGGESTION)
    clock.advance(days=2)
    assert not ticket.feedback_overdue(clock.now())
    clock.advance(minutes=1)
    assert ticket.feedback_overdue(clock.now())


def test_F1_owner_told_within_two_days_keeps_the_feedback_promise(clock: FakeClock) -> None:
    ticket = intake(clock, TicketKind.SUGGESTION)
    clock.advance(days=1)
    ticket = ticket.add_progress_note(
        author_id=RECEIVER, text="已转交工程部评估", owner_told_how=NotifyMethod.PHONE, now=clock.now()
    )
    clock.advance(days=3)
    assert ticket.feedback_given_at == T0 + timedelta(days=1)
    assert not ticket.feedback_overdue(clock.now())


def test_F1_only_first_receiver_or_supervisor_records_the_return_visit(clock: FakeClock) -> None:
    ticket = done(clock)
    with pytest.raises(PermissionDenied) as refused:
        ticket.record_return_visit(visitor_id=HANDLER, result=Satisfaction.SATISFIED, now=clock.now())
    assert refused.value.rule == "F1"
    by_supervisor = ticket.record_return_visit(
        visitor_id=SUPERVISOR, result=Satisfaction.SATISFIED, visitor_is_supervisor=True, now=clock.now()
    )
    assert by_supervisor.status is TicketStatus.CLOSED
    assert by_supervisor.return_visits[-1].by_supervisor


# ---- F2 承诺时限 -----------------------------------------------------------------


def test_F2_default_promise_is_two_days(clock: FakeClock) -> None:
    assert intake(clock).promise_due_at == T0 + timedelta(days=2)


def test_F2_per_kind_default_from_the_policy(clock: FakeClock) -> None:
    policy = TicketPolicy(promise_defaults={TicketKind.INQUIRY: timedelta(days=1)})
    assert intake(clock, TicketKind.INQUIRY, policy=policy).promise_due_at == T0 + timedelta(days=1)
    assert intake(clock, TicketKind.REPAIR, policy=policy).promise_due_at == T0 + timedelta(days=2)


def test_F2_policy_cannot_default_beyond_seven_days() -> None:
    with pytest.raises(ValueError, match="F2"):
        TicketPolicy(promise_defaults={TicketKind.REPAIR: timedelta(days=8)})


def test_F2_seven_days_is_the_limit(clock: FakeClock) -> None:
    ticket = intake(clock, promise_due_at=T0 + timedelta(days=7))
    assert ticket.promise_due_at == T0 + timedelta(days=7)
    with pytest.raises(RuleViolation) as refused:
        intake(clock, promise_due_at=T0 + timedelta(days=7, minutes=1))
    assert refused.value.rule == "F2"
    assert "不超过一周" in refused.value.message("zh") and "F2" not in refused.value.message("zh")


def test_F2_promise_before_reception_or_in_the_past_is_refused(clock: FakeClock) -> None:
    with pytest.raises(InputProblem) as before:
        intake(clock, promise_due_at=T0 - timedelta(hours=1))
    assert before.value.rule == "F2"
    clock.advance(days=3)
    with pytest.raises(InputProblem) as past:  # back-entered, default promise already over
        intake(clock, received_at=T0)
    assert past.value.rule == "F2"


def test_F2_breached_only_after_the_promised_instant(clock: FakeClock) -> None:
    ticket = intake(clock, TicketKind.SUGGESTION)
    clock.advance(days=2)
    assert not ticket.promise_breached(clock.now())
    clock.advance(seconds=1)
    assert ticket.promise_breached(clock.now())


def test_F2_completion_at_the_promised_time_is_in_time(clock: FakeClock) -> None:
    ticket = arrive(intake(clock), clock)
    clock.set(T0 + timedelta(days=2))
    ticket = complete(ticket, clock)
    clock.advance(days=5)
    assert not ticket.promise_breached(clock.now())


def postpone(ticket: Ticket, clock: FakeClock, new_due: datetime, reason: str = "配件需从厂家调货") -> Ticket:
    return ticket.postpone(
        reason=reason,
        owner_told_how=NotifyMethod.PHONE,
        new_due_at=new_due,
        recorded_by=RECEIVER,
        now=clock.now(),
    )


def test_F2_one_postponement_with_reason_and_owner_told(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(days=1)
    later = postpone(ticket, clock, T0 + timedelta(days=5))
    assert later.promise_due_at == T0 + timedelta(days=5)
    assert later.original_promise_due_at == T0 + timedelta(days=2)
    assert later.postponement is not None
    assert later.postponement.owner_told_at == T0 + timedelta(days=1)
    assert later.postponement.owner_told_how is NotifyMethod.PHONE
    clock.set(T0 + timedelta(days=4))
    assert not later.promise_breached(clock.now())
    ensure_intake_unchanged(ticket, later)


def test_F2_second_postponement_is_refused(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(days=1)
    ticket = postpone(ticket, clock, T0 + timedelta(days=4))
    clock.advance(days=1)
    with pytest.raises(RuleViolation) as refused:
        postpone(ticket, clock, T0 + timedelta(days=6), reason="厂家再次延误")
    assert refused.value.rule == "F2"  # the rule stays on the error, for the log and the trail
    assert "同一件事不得两次延期" in refused.value.message("zh")
    assert "postponed twice" in refused.value.message("en")


def test_f2_the_refusal_speaks_the_office_language_and_the_log_keeps_the_rule(clock: FakeClock) -> None:
    ticket = postpone(intake(clock), clock, T0 + timedelta(days=4))
    with pytest.raises(RuleViolation) as refused:
        postpone(ticket, clock, T0 + timedelta(days=6), reason="厂家再次延误")
    for lang in ("zh", "en"):
        shown = refused.value.message(lang)
        assert "F2" not in shown and "规则" not in shown and "Rule" not in shown
    assert "F2" not in refused.value.bilingual() and "F2" not in str(refused.value)
    assert refused.value.log_text().startswith("[F2] 同一件事不得两次延期")


def test_F2_postponement_needs_a_reason(clock: FakeClock) -> None:
    with pytest.raises(RuleViolation) as refused:
        postpone(intake(clock), clock, T0 + timedelta(days=3), reason="  ")
    assert refused.value.rule == "F2"


def test_F2_postponement_must_be_later_and_within_seven_days(clock: FakeClock) -> None:
    ticket = intake(clock)
    with pytest.raises(RuleViolation):
        postpone(ticket, clock, T0 + timedelta(days=2))  # not later than the current promise
    with pytest.raises(RuleViolation) as too_far:
        postpone(ticket, clock, T0 + timedelta(days=7, seconds=1))
    assert too_far.value.rule == "F2"
    assert postpone(ticket, clock, T0 + timedelta(days=7)).promise_due_at == T0 + timedelta(days=7)


def test_F2_owner_must_be_told_before_the_promise_runs_out(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(days=2, minutes=1)
    with pytest.raises(RuleViolation) as refused:
        postpone(ticket, clock, T0 + timedelta(days=4))
    assert refused.value.rule == "F2"


def test_F2_promise_moves_only_through_the_postponement(clock: FakeClock) -> None:
    ticket = intake(clock)
    stretched = dataclasses.replace(ticket, promise_due_at=T0 + timedelta(days=6))
    with pytest.raises(RuleViolation) as refused:
        ensure_intake_unchanged(ticket, stretched)
    assert refused.value.rule == "F2"


# ---- F3 处理完毕与回访 -------------------------------------------------------------


def test_F3_completion_records_explanation_and_confirmation(clock: FakeClock) -> None:
    ticket = done(clock)
    assert ticket.status is TicketStatus.COMPLETED
    assert ticket.handler_id == HANDLER
    (completion,) = ticket.completions
    assert completion.confirmation is Confirmation.SIGNATURE
    assert completion.signature_record == "slip-0001"
    assert completion.completed_at == clock.now()
    assert ticket.return_visit_by == RECEIVER  # the first receiver is told and visits


def test_F3_completion_needs_an_explanation(clock: FakeClock) -> None:
    ticket = arrive(intake(clock), clock)
    with pytest.raises(RuleViolation) as refused:
        ticket.complete(
            handler_id=HANDLER,
            explanation="",
            confirmation=Confirmation.SIGNATURE,
            signature_record="slip-1",
            now=clock.now(),
        )
    assert refused.value.rule == "F3"


def test_F3_signature_required_by_policy(clock: FakeClock) -> None:
    ticket = arrive(intake(clock), clock)
    for confirmation, record in [(Confirmation.PHONE, ""), (Confirmation.SIGNATURE, "")]:
        with pytest.raises(RuleViolation) as refused:
            ticket.complete(
                handler_id=HANDLER,
                explanation="已修好",
                confirmation=confirmation,
                signature_record=record,
                now=clock.now(),
            )
        assert refused.value.rule == "F3"
    photo = ticket.complete(
        handler_id=HANDLER,
        explanation="已修好",
        confirmation=Confirmation.SIGNED_SLIP_PHOTO,
        signature_record="attachment:881",
        now=clock.now(),
    )
    assert photo.status is TicketStatus.COMPLETED
    relaxed = TicketPolicy(signature_kinds=frozenset())
    by_phone = ticket.complete(
        handler_id=HANDLER,
        explanation="已修好",
        confirmation=Confirmation.PHONE,
        policy=relaxed,
        now=clock.now(),
    )
    assert by_phone.completions[-1].confirmation is Confirmation.PHONE


def test_F3_phone_confirmation_enough_for_an_inquiry(clock: FakeClock) -> None:
    ticket = intake(clock, TicketKind.INQUIRY)
    ticket = ticket.complete(
        handler_id=RECEIVER,
        explanation="已告知物业费缴纳方式",
        confirmation=Confirmation.PHONE,
        now=clock.now(),
    )
    assert ticket.status is TicketStatus.COMPLETED


def test_F3_satisfied_or_basically_satisfied_closes(clock: FakeClock) -> None:
    for result in (Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED):
        ticket = done(clock)
        clock.advance(hours=2)
        closed = ticket.record_return_visit(visitor_id=RECEIVER, result=result, now=clock.now())
        assert closed.status is TicketStatus.CLOSED
        assert closed.closed_at == clock.now()


def test_F3_not_satisfied_reopens_with_deadlines_intact(clock: FakeClock) -> None:
    ticket = done(clock)
    clock.advance(hours=3)
    reopened = ticket.record_return_visit(
        visitor_id=RECEIVER, result=Satisfaction.NOT_SATISFIED, note="仍然滴水", now=clock.now()
    )
    assert reopened.status is TicketStatus.OPEN
    assert reopened.closed_at is None
    for name in ("received_at", "feedback_due_at", "promise_due_at", "arrival_due_at", "arrived_at"):
        assert getattr(reopened, name) == getattr(ticket, name)
    assert reopened.completions == ticket.completions  # history kept
    assert reopened.completion_as_of(clock.now()) is None
    assert not reopened.promise_breached(clock.now())
    clock.set(T0 + timedelta(days=2, hours=1))
    assert reopened.promise_breached(clock.now())  # the original promise still runs
    redone = complete(reopened, clock)
    assert redone.promise_breached(clock.now())
    assert len(redone.completions) == 2
    clock.advance(hours=1)
    closed = redone.record_return_visit(visitor_id=RECEIVER, result=Satisfaction.SATISFIED, now=clock.now())
    assert closed.status is TicketStatus.CLOSED


def test_F3_return_visit_only_after_completion(clock: FakeClock) -> None:
    with pytest.raises(RuleViolation) as refused:
        intake(clock).record_return_visit(visitor_id=RECEIVER, result=Satisfaction.SATISFIED, now=clock.now())
    assert refused.value.rule == "F3"


def test_F3_completion_cannot_precede_arrival(clock: FakeClock) -> None:
    ticket = arrive(intake(clock), clock)
    with pytest.raises(InputProblem):
        ticket.complete(
            handler_id=HANDLER,
            explanation="已修好",
            confirmation=Confirmation.SIGNATURE,
            signature_record="slip-1",
            at=T0 + timedelta(minutes=1),
            now=clock.now(),
        )


# ---- F4 三分钟服务承诺 -------------------------------------------------------------


def test_F4_arrival_clock_for_on_site_kinds_only(clock: FakeClock) -> None:
    for kind in (TicketKind.REPAIR, TicketKind.HELP, TicketKind.COMPLAINT):
        assert intake(clock, kind).arrival_due_at == T0 + timedelta(minutes=3)
    for kind in (TicketKind.SUGGESTION, TicketKind.INQUIRY, TicketKind.SPECIAL_SERVICE):
        ticket = intake(clock, kind)
        assert ticket.arrival_due_at is None
        assert ticket.arrival_outcome(clock.now()) is ArrivalOutcome.NOT_REQUIRED
    assert intake(clock, channel=Channel.PATROL).arrival_due_at is None
    policy = TicketPolicy(on_site_kinds=frozenset({TicketKind.SPECIAL_SERVICE}))
    assert intake(clock, TicketKind.SPECIAL_SERVICE, policy=policy).arrival_due_at is not None
    assert intake(clock, TicketKind.REPAIR, policy=policy).arrival_due_at is None


@pytest.mark.parametrize(
    ("after", "outcome"),
    [
        (timedelta(minutes=2, seconds=59), ArrivalOutcome.ON_TIME),
        (timedelta(minutes=3), ArrivalOutcome.ON_TIME),  # 不能超过三分钟: 3:00 keeps it
        (timedelta(minutes=3, seconds=1), ArrivalOutcome.LATE),
    ],
)
def test_F4_three_minute_boundary(clock: FakeClock, after: timedelta, outcome: ArrivalOutcome) -> None:
    ticket = intake(clock)
    clock.advance(after)
    arrived = ticket.record_arrival(now=clock.now())
    assert arrived.arrival_outcome(clock.now()) is outcome
    clock.advance(hours=5)
    assert arrived.arrival_outcome(clock.now()) is outcome  # a stopped clock keeps its verdict


def test_F4_waiting_then_breached_without_arrival(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(minutes=2, seconds=59)
    assert ticket.arrival_outcome(clock.now()) is ArrivalOutcome.WAITING
    clock.advance(seconds=2)
    assert ticket.arrival_outcome(clock.now()) is ArrivalOutcome.LATE
    assert ticket.arrival_breached(clock.now())


def test_F4_arrival_before_reception_or_in_the_future_is_refused(clock: FakeClock) -> None:
    clock.advance(minutes=10)
    ticket = intake(clock, received_at=T0 + timedelta(minutes=5))
    with pytest.raises(InputProblem) as before:
        ticket.record_arrival(at=T0 + timedelta(minutes=4), now=clock.now())
    assert before.value.rule == "F4"
    with pytest.raises(InputProblem):
        ticket.record_arrival(at=clock.now() + timedelta(minutes=1), now=clock.now())


def explain(ticket: Ticket, clock: FakeClock, expected: datetime) -> Ticket:
    return ticket.explain_arrival_delay(
        reason="维修工正在 3 栋抢修爆管",
        owner_told_how=NotifyMethod.PHONE,
        expected_arrival_at=expected,
        recorded_by=RECEIVER,
        now=clock.now(),
    )


def test_F4_explained_in_advance_counts_apart(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(minutes=1)
    explained = explain(ticket, clock, T0 + timedelta(minutes=15))
    assert explained.arrival_explanation is not None
    assert explained.arrival_explanation.owner_told_at == T0 + timedelta(minutes=1)
    clock.advance(minutes=10)
    assert explained.arrival_outcome(clock.now()) is ArrivalOutcome.WAITING
    arrived = explained.record_arrival(now=clock.now())
    assert arrived.arrival_outcome(clock.now()) is ArrivalOutcome.EXPLAINED
    assert not arrived.arrival_breached(clock.now())
    review = daily_review([arrived], T0.date(), CHINA_TZ, clock.now())
    assert review.arrival_explained == (arrived,)
    assert review.late_arrival == ()


def test_F4_missing_the_agreed_arrival_is_a_breach(clock: FakeClock) -> None:
    ticket = explain(intake(clock), clock, T0 + timedelta(minutes=10))
    clock.advance(minutes=12)
    assert ticket.arrival_outcome(clock.now()) is ArrivalOutcome.LATE


def test_F4_explanation_must_come_before_the_three_minutes_end(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(minutes=3, seconds=1)
    with pytest.raises(RuleViolation) as refused:
        explain(ticket, clock, T0 + timedelta(minutes=20))
    assert refused.value.rule == "F4"


def test_F4_one_explanation_and_none_after_arrival(clock: FakeClock) -> None:
    ticket = explain(intake(clock), clock, T0 + timedelta(minutes=10))
    with pytest.raises(RuleViolation):
        explain(ticket, clock, T0 + timedelta(minutes=12))
    arrived = arrive(intake(clock), clock, timedelta(minutes=1))
    with pytest.raises(RuleViolation):
        explain(arrived, clock, T0 + timedelta(minutes=10))


def test_F4_completion_needs_the_arrival_first(clock: FakeClock) -> None:
    with pytest.raises(RuleViolation) as refused:
        complete(intake(clock), clock)
    assert refused.value.rule == "F4"


# ---- F6 日清日审 -----------------------------------------------------------------


def test_F6_daily_review_sums_up_the_day(clock: FakeClock) -> None:
    day = T0.date()
    on_time = done(clock, number="A")  # received 09:00, arrived 09:02, completed 10:02
    clock.advance(minutes=1)
    closed = on_time.record_return_visit(visitor_id=RECEIVER, result=Satisfaction.SATISFIED, now=clock.now())
    late = intake(clock, number="B")
    clock.advance(minutes=5)
    late = late.record_arrival(now=clock.now())
    suggestion = intake(clock, TicketKind.SUGGESTION, number="C")
    clock.set(datetime(2024, 5, 6, 22, 0, tzinfo=CHINA_TZ))

    review = daily_review([closed, late, suggestion], day, CHINA_TZ, clock.now())
    assert [t.number for t in review.received] == ["A", "B", "C"]
    assert [t.number for t in review.completed] == ["A"]
    assert [t.number for t in review.closed] == ["A"]
    assert [t.number for t in review.late_arrival] == ["B"]
    assert [t.number for t in review.late] == ["B"]
    assert [t.number for t in review.still_open] == ["B", "C"]
    assert review.missing_progress == ()  # both were received today
    assert can_close_day([closed, late, suggestion], day, CHINA_TZ, clock.now()).can_close


def test_F6_open_tickets_need_todays_progress_told_to_the_owner(clock: FakeClock) -> None:
    first = intake(clock, TicketKind.SUGGESTION, number="S1", promise_due_at=T0 + timedelta(days=5))
    second = intake(clock, TicketKind.SUGGESTION, number="S2", promise_due_at=T0 + timedelta(days=5))
    clock.set(datetime(2024, 5, 7, 16, 0, tzinfo=CHINA_TZ))
    second = second.add_progress_note(
        author_id=RECEIVER, text="已报设计院", owner_told_how=NotifyMethod.WECHAT, now=clock.now()
    )
    first = first.add_progress_note(author_id=RECEIVER, text="内部讨论，未联系业主", now=clock.now())
    day = date(2024, 5, 7)
    review = daily_review([first, second], day, CHINA_TZ, clock.now())
    assert [t.number for t in review.missing_progress] == ["S1"]
    check = can_close_day([first, second], day, CHINA_TZ, clock.now())
    assert not check.can_close
    (blocker,) = check.blockers
    assert blocker.ticket.number == "S1"
    assert blocker.reasons == (BlockReason.NO_PROGRESS_NOTE,)
    clock.advance(minutes=30)
    first = first.add_progress_note(
        author_id=RECEIVER, text="已电话告知进度", owner_told_how=NotifyMethod.PHONE, now=clock.now()
    )
    assert can_close_day([first, second], day, CHINA_TZ, clock.now()).can_close


def test_F6_late_promise_listed_while_open(clock: FakeClock) -> None:
    ticket = intake(clock, TicketKind.SUGGESTION, promise_due_at=T0 + timedelta(days=1))
    clock.set(datetime(2024, 5, 8, 9, 0, tzinfo=CHINA_TZ))
    review = daily_review([ticket], date(2024, 5, 8), CHINA_TZ, clock.now())
    assert review.late_promise == (ticket,)
    assert review.still_open == (ticket,)
    yesterday = daily_review([ticket], date(2024, 5, 7), CHINA_TZ, clock.now())
    assert yesterday.late_promise == (ticket,)  # due 09:00 on the 7th, still open that evening
    first_day = daily_review([ticket], date(2024, 5, 6), CHINA_TZ, clock.now())
    assert first_day.late_promise == ()


def test_F6_review_of_an_earlier_day_is_as_of_that_day(clock: FakeClock) -> None:
    ticket = done(clock)
    clock.set(datetime(2024, 5, 7, 10, 0, tzinfo=CHINA_TZ))
    ticket = ticket.record_return_visit(visitor_id=RECEIVER, result=Satisfaction.SATISFIED, now=clock.now())
    monday = daily_review([ticket], date(2024, 5, 6), CHINA_TZ, clock.now())
    assert monday.still_open == (ticket,)
    assert monday.awaiting_return_visit == (ticket,)
    assert monday.closed == ()
    tuesday = daily_review([ticket], date(2024, 5, 7), CHINA_TZ, clock.now())
    assert tuesday.closed == (ticket,)
    assert tuesday.still_open == ()


def test_F6_days_are_cut_in_the_office_time_zone(clock: FakeClock) -> None:
    clock.set(datetime(2024, 5, 6, 15, 30, tzinfo=UTC))  # 23:30 in China
    ticket = intake(clock, TicketKind.SUGGESTION)
    review = daily_review([ticket], date(2024, 5, 6), CHINA_TZ, clock.now())
    assert review.received == (ticket,)
    clock.advance(hours=1)
    assert daily_review([ticket], date(2024, 5, 7), CHINA_TZ, clock.now()).received == ()


def test_F6_arrival_not_recorded_blocks_closing_the_day(clock: FakeClock) -> None:
    ticket = intake(clock)
    clock.advance(hours=1)
    check = can_close_day([ticket], T0.date(), CHINA_TZ, clock.now())
    assert check.blockers[0].reasons == (BlockReason.ARRIVAL_NOT_RECORDED,)


def test_F6_a_day_not_yet_begun_cannot_be_reviewed(clock: FakeClock) -> None:
    with pytest.raises(InputProblem):
        daily_review([], date(2024, 5, 7), CHINA_TZ, clock.now())


def test_F6_review_can_be_limited_to_kinds(clock: FakeClock) -> None:
    tickets = [intake(clock, TicketKind.REPAIR, number="R"), intake(clock, TicketKind.INQUIRY, number="I")]
    review = daily_review(tickets, T0.date(), CHINA_TZ, clock.now(), kinds={TicketKind.REPAIR, TicketKind.COMPLAINT})
    assert [t.number for t in review.received] == ["R"]


# ---- F7 同一件事只投诉一次 ---------------------------------------------------------


def complaint(clock: FakeClock, number: str, room: int = 1203, matter: str = "楼上噪音") -> Ticket:
    return intake(clock, TicketKind.COMPLAINT, number=number, room_id=room, matter=matter)


def closed_complaint(clock: FakeClock) -> Ticket:
    ticket = arrive(complaint(clock, "C-1"), clock)
    ticket = ticket.complete(
        handler_id=HANDLER, explanation="已协调楼上住户", confirmation=Confirmation.PHONE, now=clock.now()
    )
    return ticket.record_return_visit(visitor_id=RECEIVER, result=Satisfaction.SATISFIED, now=clock.now())


def test_F7_same_room_same_matter_within_thirty_days_is_a_repeat(clock: FakeClock) -> None:
    previous = closed_complaint(clock)
    assert previous.closed_at is not None
    clock.set(previous.closed_at + timedelta(days=29))
    repeats = find_repeat(1203, TicketKind.COMPLAINT, "楼上 噪音", [previous], clock.now())
    assert repeats == (previous,)
    second = intake(  # the service records the repeat at intake
        clock, TicketKind.COMPLAINT, number="C-2", room_id=1203, matter="楼上噪音", repeat_of=repeats[0].number
    )
    assert second.is_repeat
    assert daily_review([previous, second], clock.now().date(), CHINA_TZ, clock.now()).repeats == (second,)


def test_F7_thirty_days_is_the_window(clock: FakeClock) -> None:
    previous = closed_complaint(clock)
    assert previous.closed_at is not None
    clock.set(previous.closed_at + timedelta(days=30))
    assert find_repeat(1203, TicketKind.COMPLAINT, "楼上噪音", [previous], clock.now()) == (previous,)
    clock.advance(days=1)
    assert find_repeat(1203, TicketKind.COMPLAINT, "楼上噪音", [previous], clock.now()) == ()


def test_F7_an_open_complaint_is_a_repeat_however_old(clock: FakeClock) -> None:
    previous = complaint(clock, "C-1")
    clock.advance(days=60)
    assert find_repeat(1203, TicketKind.COMPLAINT, "楼上噪音", [previous], clock.now()) == (previous,)


def test_F7_other_rooms_matters_or_kinds_are_not_repeats(clock: FakeClock) -> None:
    previous = complaint(clock, "C-1")
    repair = intake(clock, TicketKind.REPAIR, number="R-1", room_id=1203, matter="楼上噪音")
    clock.advance(days=1)
    assert find_repeat(1204, TicketKind.COMPLAINT, "楼上噪音", [previous], clock.now()) == ()
    assert find_repeat(1203, TicketKind.COMPLAINT, "电梯故障", [previous], clock.now()) == ()
    assert find_repeat(1203, TicketKind.COMPLAINT, "楼上噪音", [repair], clock.now()) == ()
    assert find_repeat(None, TicketKind.COMPLAINT, "楼上噪音", [previous], clock.now()) == ()
    assert find_repeat(1203, TicketKind.COMPLAINT, "", [previous], clock.now()) == ()
    assert find_repeat(1203, TicketKind.COMPLAINT, "楼上噪音", [previous], clock.now(), exclude_number="C-1") == ()


def test_F7_matters_compare_without_width_case_or_spaces() -> None:
    assert normalize_matter(" 电梯　故障 ") == normalize_matter("电梯故障")
    assert normalize_matter("Ｗｉ-Ｆｉ") == normalize_matter("wi-fi")


# ---- F8 特约服务 -------------------------------------------------------------------

PRICES = PriceList(
    [
        SpecialService("water", "送桶装水", "Bottled water delivery", Decimal("18.00"), "桶", "bottle"),
        SpecialService("clean", "家政保洁", "Housekeeping", Decimal("45.50"), "小时", "hour"),
    ]
)


def test_F8_services_chosen_with_clear_prices_and_total(clock: FakeClock) -> None:
    lines = [PRICES.choose("water", 2), PRICES.choose("clean", 3)]
    ticket = intake(clock, TicketKind.SPECIAL_SERVICE, special_services=lines)
    assert ticket.special_services_total == Decimal("172.50")
    assert services_total([]) == Decimal("0.00")
    assert lines[1].line_total == Decimal("136.50")


def test_F8_a_chosen_price_does_not_follow_later_price_changes(clock: FakeClock) -> None:
    line = PRICES.choose("water")
    new_prices = PriceList([SpecialService("water", "送桶装水", "Bottled water", Decimal("20.00"))])
    assert new_prices.get("water").price == Decimal("20.00")
    assert line.unit_price == Decimal("18.00")


def test_F8_prices_are_money(clock: FakeClock) -> None:
    with pytest.raises(InputProblem):
        SpecialService("x", "测试", "Test", Decimal("-1"))
    with pytest.raises(InputProblem):
        SpecialService("x", "测试", "Test", Decimal("1.005"))
    with pytest.raises(InputProblem):
        ChosenService("water", "送水", "Water", Decimal("18"), quantity=0)
    with pytest.raises(NotFound):
        PRICES.choose("massage")
    with pytest.raises(InputProblem):
        PriceList([PRICES.get("water"), PRICES.get("water")])


def test_F8_services_fixed_once_the_work_is_done(clock: FakeClock) -> None:
    ticket = intake(clock, TicketKind.SPECIAL_SERVICE)
    ticket = ticket.with_special_services([PRICES.choose("clean", 2)])
    assert ticket.special_services_total == Decimal("91.00")
    finished = ticket.complete(
        handler_id=HANDLER,
        explanation="保洁完成",
        confirmation=Confirmation.SIGNATURE,
        signature_record="slip-9",
        now=clock.now(),
    )
    with pytest.raises(UserError) as refused:
        finished.with_special_services([PRICES.choose("water")])
    assert refused.value.rule == "F8"


# ---- vocabulary -----------------------------------------------------------------


def test_kinds_and_channels_have_stable_values_and_both_labels() -> None:
    assert [k.value for k in TicketKind] == [
        "repair",
        "complaint",
        "suggestion",
        "help",
        "inquiry",
        "special_service",
    ]
    assert [c.value for c in Channel] == ["in_person", "phone", "wechat", "patrol"]
    assert TicketKind.REPAIR.label_zh == "报修"
    assert TicketKind.SPECIAL_SERVICE.label("en") == "Special service"
    for member in [*TicketKind, *Channel, *TicketStatus, *Confirmation, *Satisfaction, *ArrivalOutcome]:
        assert member.label_zh and member.label_en


def test_f1_members_of_different_enums_with_the_same_value_keep_their_own_labels() -> None:
    from estate_desk.domain.desk.terms import Channel, Confirmation, NotifyMethod

    assert (Channel.PHONE.label(), NotifyMethod.PHONE.label(), Confirmation.PHONE.label()) == (
        "电话",
        "电话告知",
        "电话确认",
    )
    assert (Channel.IN_PERSON.label(), NotifyMethod.IN_PERSON.label()) == ("来访", "当面告知")
    assert Channel.WECHAT.label("en") == "WeChat" and NotifyMethod.WECHAT.label("en") == "By WeChat"
