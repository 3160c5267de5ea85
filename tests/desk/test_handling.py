"""Handling through the services, driven by the fake clock: the three minutes (F4), the one
postponement (F2), completion with signature and notice (F3), the return visit (F1/F3)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from desk_support import Desk, make_desk, signature_png
from estate_desk.domain.desk.countdown import CountdownState
from estate_desk.domain.desk.terms import (
    ArrivalOutcome,
    Confirmation,
    NotifyMethod,
    Satisfaction,
    TicketKind,
    TicketStatus,
)
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.services.archive import attachments
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import detail as desk_detail
from estate_desk.services.desk import settings as desk_settings
from estate_desk.services.desk.tickets import EventKind
from estate_desk.store.desk_records import TicketEvent, TicketPostponement

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def d(ready_db: Database, clock: FakeClock) -> Desk:
    return make_desk(ready_db, clock)


def detail(d: Desk, ticket_id: int) -> desk_detail.TicketDetail:
    return desk_detail.ticket_detail(d.db, d.clock, d.receptionist, ticket_id)


def postpone(d: Desk, ticket_id: int, days: float, reason: str = "等配件") -> desk_detail.TicketDetail:
    return desk_actions.postpone(
        d.db,
        d.clock,
        d.receptionist,
        ticket_id,
        reason=reason,
        owner_told_how=NotifyMethod.PHONE,
        new_due_at=detail(d, ticket_id).received_at + timedelta(days=days),
    )


def complete(d: Desk, ticket_id: int, **more: object) -> desk_detail.TicketDetail:
    more.setdefault("confirmation", Confirmation.SIGNATURE)
    more.setdefault("signature_image", signature_png())
    return desk_completion.complete(d.db, d.clock, d.handler, ticket_id, explanation="换了阀芯，已试水", **more)  # type: ignore[arg-type]


def handled(d: Desk, kind: TicketKind = TicketKind.REPAIR) -> int:
    """A ticket opened, dispatched, reached in two minutes and completed an hour later."""
    opened = d.open(kind)
    desk_actions.dispatch(d.db, d.clock, d.receptionist, opened.id, d.handler.user_id)
    d.clock.advance(minutes=2)
    desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    d.clock.advance(hours=1)
    complete(d, opened.id)
    return opened.id


# ---- F4 三分钟服务承诺 ----------------------------------------------------------


def test_f4_arrival_at_2_59_is_on_time(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=2, seconds=59)
    shown = desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    assert shown.arrival_outcome is ArrivalOutcome.ON_TIME
    assert shown.arrival is not None and shown.arrival.state is CountdownState.GREEN
    assert shown.arrival.text() == "00:01"


def test_f4_arrival_at_3_01_is_a_breach(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=3, seconds=1)
    shown = desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    assert shown.arrival_outcome is ArrivalOutcome.LATE
    assert shown.arrival is not None and shown.arrival.state is CountdownState.RED
    assert shown.arrival.text() == "+00:01"


def test_f4_an_arrival_before_reception_is_refused(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=1)
    with pytest.raises(InputProblem) as refused:
        desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id, at=opened.received_at - timedelta(seconds=1))
    assert refused.value.rule == "F4"
    assert "受理时间" in refused.value.zh


def test_f4_an_arrival_reported_late_keeps_its_real_time(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=10)
    shown = desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id, at=opened.received_at + timedelta(minutes=2))
    assert shown.arrived_at == opened.received_at + timedelta(minutes=2)
    assert shown.arrival_outcome is ArrivalOutcome.ON_TIME


def test_f4_explained_in_advance_is_counted_apart_from_a_breach(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=1)
    shown = desk_actions.explain_arrival_delay(
        d.db,
        d.clock,
        d.receptionist,
        opened.id,
        reason="师傅在5栋抢修，十分钟后到",
        owner_told_how=NotifyMethod.PHONE,
        expected_arrival_at=d.clock.now() + timedelta(minutes=10),
    )
    d.clock.advance(minutes=8)  # 9 minutes after reception
    shown = desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    assert shown.arrival_outcome is ArrivalOutcome.EXPLAINED
    assert shown.arrival is not None and shown.arrival.excused and shown.arrival.state is CountdownState.GREEN
    assert shown.arrival_explanation is not None and shown.arrival_explanation.reason == "师傅在5栋抢修，十分钟后到"


def test_f4_an_explanation_after_the_three_minutes_is_refused(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=3, seconds=1)
    with pytest.raises(RuleViolation) as refused:
        desk_actions.explain_arrival_delay(
            d.db,
            d.clock,
            d.receptionist,
            opened.id,
            reason="堵车",
            owner_told_how=NotifyMethod.PHONE,
            expected_arrival_at=d.clock.now() + timedelta(minutes=5),
        )
    assert refused.value.rule == "F4"


def test_f4_dispatch_needs_a_handler(d: Desk) -> None:
    opened = d.open()
    with pytest.raises(InputProblem):
        desk_actions.dispatch(d.db, d.clock, d.receptionist, opened.id)
    shown = desk_actions.dispatch(d.db, d.clock, d.receptionist, opened.id, d.handler.user_id)
    assert shown.handler == "repair"
    assert shown.events[-1].kind is EventKind.DISPATCHED


# ---- F2 延期只有一次 -----------------------------------------------------------


def test_f2_one_postponement_within_seven_days_moves_the_promise(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(days=1)
    shown = postpone(d, opened.id, days=5)
    assert shown.promise_due_at == opened.received_at + timedelta(days=5)
    assert shown.original_promise_due_at == opened.received_at + timedelta(days=2)
    assert shown.postponement is not None and shown.postponement.owner_told_how is NotifyMethod.PHONE
    assert not shown.can_postpone


def test_f2_a_postponement_beyond_seven_days_is_refused(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(days=1)
    with pytest.raises(RuleViolation) as refused:
        postpone(d, opened.id, days=7.001)
    assert refused.value.rule == "F2"
    assert postpone(d, opened.id, days=7).promise_due_at == opened.received_at + timedelta(days=7)


def test_f2_a_second_postponement_is_refused_quoting_the_rule_and_counted(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(days=1)
    postpone(d, opened.id, days=3)
    d.clock.advance(days=1)
    with pytest.raises(RuleViolation) as refused:
        postpone(d, opened.id, days=6, reason="配件还没到")
    assert refused.value.rule == "F2"
    assert "不得两次延期" in refused.value.zh and "postponed twice" in refused.value.en
    with d.db.session() as s:
        assert s.scalar(select(func.count()).select_from(TicketPostponement)) == 1
        refusals = s.scalars(select(TicketEvent).where(TicketEvent.kind == EventKind.POSTPONEMENT_REFUSED.value)).all()
    assert len(refusals) == 1 and "配件还没到" in refusals[0].detail
    assert detail(d, opened.id).promise_due_at == opened.received_at + timedelta(days=3)


def test_f2_an_invalid_first_postponement_is_not_counted_as_a_second(d: Desk) -> None:
    opened = d.open()
    with pytest.raises(RuleViolation):
        postpone(d, opened.id, days=8)
    with d.db.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(TicketEvent).where(TicketEvent.kind == "postponement_refused"))
            == 0
        )


def test_f2_the_promise_clock_runs_two_days_then_turns_red(d: Desk) -> None:
    opened = d.open(TicketKind.SUGGESTION, "建议增设快递柜")
    d.clock.advance(days=1)
    assert detail(d, opened.id).promise.state is CountdownState.GREEN
    d.clock.advance(hours=15)  # 9.6 h left of 48: the last fifth
    assert detail(d, opened.id).promise.state is CountdownState.AMBER
    d.clock.advance(hours=9, minutes=1)
    shown = detail(d, opened.id)
    assert shown.promise.state is CountdownState.RED and shown.promise.text() == "超时1分"


# ---- F3 处理完毕：签字、通知第一接待人 ------------------------------------------


def test_f3_a_repair_cannot_be_completed_without_the_owners_signature(d: Desk) -> None:
    opened = d.open()
    desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    with pytest.raises(RuleViolation) as refused:
        complete(d, opened.id, confirmation=Confirmation.PHONE, signature_image=None, phone_record="电话确认")
    assert refused.value.rule == "F3"
    assert "签字" in refused.value.zh
    with pytest.raises(InputProblem) as no_image:
        complete(d, opened.id, signature_image=None)
    assert no_image.value.rule == "F3"
    with pytest.raises(InputProblem):
        complete(d, opened.id, signature_image=b"GIF89a not a signature")
    assert detail(d, opened.id).status is TicketStatus.OPEN


def test_f3_the_signature_is_kept_in_the_attachment_store_and_the_first_receiver_notified(d: Desk) -> None:
    ticket_id = handled(d)
    shown = detail(d, ticket_id)
    assert shown.status is TicketStatus.COMPLETED and shown.awaiting_return_visit
    sha = shown.completions[0].signature_sha256
    assert sha is not None and attachments.verify(sha)
    assert attachments.stored_path(sha).read_bytes() == signature_png()
    notices = desk_completion.notifications(d.db, d.receptionist)
    assert [(n.ticket_id, n.kind) for n in notices] == [(ticket_id, "completed")]
    assert "回访" in notices[0].text()
    assert desk_completion.unread_count(d.db, d.handler) == 0


def test_f3_kinds_without_a_required_signature_complete_on_a_phone_confirmation(d: Desk) -> None:
    opened = d.open(TicketKind.SUGGESTION, "建议增设快递柜")
    shown = complete(d, opened.id, confirmation=Confirmation.PHONE, signature_image=None, phone_record="业主电话确认")
    assert shown.status is TicketStatus.COMPLETED and shown.completions[0].record == "业主电话确认"
    desk_settings.set_signature_required(d.db, d.supervisor, TicketKind.SUGGESTION, True)
    again = d.open(TicketKind.SUGGESTION, "建议增设充电桩")
    with pytest.raises(RuleViolation):
        complete(d, again.id, confirmation=Confirmation.PHONE, signature_image=None)


def test_f3_completing_needs_the_arrival_first(d: Desk) -> None:
    opened = d.open()
    with pytest.raises(RuleViolation) as refused:
        complete(d, opened.id)
    assert refused.value.rule == "F4"


# ---- F1/F3 回访 ---------------------------------------------------------------


def test_f1_a_return_visit_by_someone_else_is_refused(d: Desk) -> None:
    ticket_id = handled(d)
    with pytest.raises(PermissionDenied) as refused:
        desk_completion.return_visit(d.db, d.clock, d.guard, ticket_id, Satisfaction.SATISFIED)
    assert refused.value.rule == "F1"
    assert "第一接待人" in refused.value.zh


def test_f1_the_first_receivers_supervisor_may_do_the_return_visit(d: Desk) -> None:
    ticket_id = handled(d)
    shown = desk_completion.return_visit(d.db, d.clock, d.supervisor, ticket_id, Satisfaction.BASICALLY_SATISFIED)
    assert shown.status is TicketStatus.CLOSED
    assert shown.return_visits[0].by_supervisor


def test_f3_not_satisfied_reopens_with_the_clocks_intact(d: Desk) -> None:
    ticket_id = handled(d)
    before = detail(d, ticket_id)
    d.clock.advance(hours=1)
    reopened = desk_completion.return_visit(
        d.db, d.clock, d.receptionist, ticket_id, Satisfaction.NOT_SATISFIED, note="还在滴水"
    )
    assert reopened.status is TicketStatus.OPEN
    assert (reopened.received_at, reopened.promise_due_at, reopened.arrival_due_at, reopened.feedback_due_at) == (
        before.received_at,
        before.promise_due_at,
        before.arrival_due_at,
        before.feedback_due_at,
    )
    assert reopened.promise.state is CountdownState.GREEN and not reopened.promise.stopped  # running again
    assert [e.kind for e in reopened.events][-2:] == [EventKind.RETURN_VISIT, EventKind.REOPENED]
    assert desk_completion.unread_count(d.db, d.receptionist) == 0  # the notice was dealt with
    d.clock.advance(hours=1)
    complete(d, ticket_id)
    closed = desk_completion.return_visit(d.db, d.clock, d.receptionist, ticket_id, Satisfaction.SATISFIED)
    assert closed.status is TicketStatus.CLOSED and len(closed.completions) == 2


def test_f3_no_return_visit_before_completion(d: Desk) -> None:
    opened = d.open()
    with pytest.raises(RuleViolation) as refused:
        desk_completion.return_visit(d.db, d.clock, d.receptionist, opened.id, Satisfaction.SATISFIED)
    assert refused.value.rule == "F3"


def test_notices_can_be_marked_read(d: Desk) -> None:
    handled(d)
    assert desk_completion.mark_read(d.db, d.clock, d.receptionist) == 1
    assert desk_completion.notifications(d.db, d.receptionist) == []
    assert len(desk_completion.notifications(d.db, d.receptionist, unread_only=False)) == 1
