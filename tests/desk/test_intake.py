"""Intake at the desk through the services (F1, F2 limits, F7 repeats, F8 prices), on a real database."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from desk_support import Desk, make_desk
from estate_desk.domain.desk.special_services import SpecialService
from estate_desk.domain.desk.terms import Channel, Confirmation, NotifyMethod, Satisfaction, TicketKind, TicketStatus
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import detail as desk_detail
from estate_desk.services.desk import intake as desk
from estate_desk.services.desk import settings as desk_settings
from estate_desk.services.desk.tickets import EventKind
from estate_desk.store.desk import Ticket

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def d(ready_db: Database, clock: FakeClock) -> Desk:
    return make_desk(ready_db, clock)


def detail(d: Desk, ticket_id: int) -> desk_detail.TicketDetail:
    return desk_detail.ticket_detail(d.db, d.clock, d.receptionist, ticket_id)


# ---- F1 首按责任制 -------------------------------------------------------------


def test_f1_any_staff_member_opens_a_ticket_and_is_its_first_receiver(d: Desk) -> None:
    opened = d.open(TicketKind.HELP, "单元门打不开", by=d.guard, channel=Channel.PATROL)
    shown = detail(d, opened.id)
    assert shown.first_receiver_id == d.guard.user_id
    assert shown.number == "GD20261123-001"
    assert shown.owner_name == "张三"  # the room's owner, found at intake
    assert shown.feedback_due_at == d.clock.now() + timedelta(days=2)
    assert shown.arrival_due_at is None  # found on patrol: the finder is already there (F4)
    assert [e.kind for e in shown.events] == [EventKind.OPENED]


def test_f1_first_receiver_stays_through_handler_changes_and_completion(d: Desk) -> None:
    opened = d.open()
    desk_actions.assign_handler(d.db, d.clock, d.receptionist, opened.id, d.handler.user_id)
    desk_actions.assign_handler(d.db, d.clock, d.supervisor, opened.id, d.guard.user_id)
    shown = desk_actions.mark_arrived(d.db, d.clock, d.guard, opened.id)
    assert shown.first_receiver_id == d.receptionist.user_id
    assert shown.handler_id == d.guard.user_id
    kinds = [e.kind for e in shown.events]
    assert kinds[:3] == [EventKind.OPENED, EventKind.HANDLER_ASSIGNED, EventKind.HANDLER_CHANGED]
    assert shown.events[2].detail == "repair → guard"


def test_f1_a_room_that_does_not_exist_is_refused(d: Desk) -> None:
    with pytest.raises(NotFound) as refused:
        d.open(room_id=999_999)
    assert refused.value.rule == "F1"


def test_f1_an_empty_subject_is_refused(d: Desk) -> None:
    with pytest.raises(InputProblem):
        d.open(subject="   ")


def test_f1_ticket_numbers_count_per_office_day_and_are_never_reused(d: Desk) -> None:
    numbers = [d.open().number for _ in range(3)]
    d.clock.advance(hours=15, minutes=30)  # 00:30 the next day at the office
    numbers.append(d.open().number)
    assert numbers == ["GD20261123-001", "GD20261123-002", "GD20261123-003", "GD20261124-001"]


def test_f1_only_the_first_receiver_handler_or_desk_may_postpone(d: Desk) -> None:
    opened = d.open()
    with pytest.raises(PermissionDenied) as refused:
        desk_actions.postpone(
            d.db,
            d.clock,
            d.guard,
            opened.id,
            reason="等配件",
            owner_told_how=NotifyMethod.PHONE,
            new_due_at=d.clock.now() + timedelta(days=3),
        )
    assert refused.value.rule == "F1"


# ---- F2 承诺时限 ---------------------------------------------------------------


def test_f2_default_promise_is_two_days_and_the_office_may_set_one_per_kind(d: Desk) -> None:
    assert d.open().promise_due_at == d.clock.now() + timedelta(days=2)
    desk_settings.set_promise_default(d.db, d.supervisor, TicketKind.REPAIR, timedelta(days=1))
    assert d.open().promise_due_at == d.clock.now() + timedelta(days=1)
    assert d.open(TicketKind.SUGGESTION).promise_due_at == d.clock.now() + timedelta(days=2)


def test_f2_a_default_promise_over_seven_days_is_refused(d: Desk) -> None:
    with pytest.raises(RuleViolation) as refused:
        desk_settings.set_promise_default(d.db, d.supervisor, TicketKind.REPAIR, timedelta(days=7, minutes=1))
    assert refused.value.rule == "F2"
    with pytest.raises(PermissionDenied):
        desk_settings.set_promise_default(d.db, d.receptionist, TicketKind.REPAIR, timedelta(days=1))


def test_f2_a_promise_at_intake_of_seven_days_is_kept_and_a_minute_more_refused(d: Desk) -> None:
    now = d.clock.now()
    assert d.open(promise_due_at=now + timedelta(days=7)).promise_due_at == now + timedelta(days=7)
    with pytest.raises(RuleViolation) as refused:
        d.open(promise_due_at=now + timedelta(days=7, minutes=1))
    assert refused.value.rule == "F2"
    assert "一周" in refused.value.zh


# ---- F7 重复投诉 ---------------------------------------------------------------


def _closed_complaint(d: Desk, matter: str = "装修噪音") -> int:
    opened = d.open(TicketKind.COMPLAINT, "楼上装修噪音大", matter=matter)
    desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    d.clock.advance(hours=2)
    desk_completion.complete(
        d.db,
        d.clock,
        d.handler,
        opened.id,
        explanation="已协调楼上",
        confirmation=Confirmation.PHONE,  # a complaint needs no signature
        phone_record="业主电话确认",
    )
    desk_completion.return_visit(d.db, d.clock, d.receptionist, opened.id, Satisfaction.SATISFIED)
    return opened.id


def test_f7_a_complaint_about_the_same_matter_within_30_days_is_linked_and_flagged(d: Desk) -> None:
    first = _closed_complaint(d)
    d.clock.advance(days=30)  # 30 days after it closed: still inside the window
    shown_at_intake = desk.repeats_for(d.db, d.clock, room_id=d.room_id, kind=TicketKind.COMPLAINT, matter="装修 噪音")
    assert [c.ticket_id for c in shown_at_intake] == [first]
    again = d.open(TicketKind.COMPLAINT, "楼上又在装修", matter="装修噪音")
    assert again.repeat_of is not None and again.repeat_of.ticket_id == first
    shown = detail(d, again.id)
    assert shown.is_repeat and shown.repeat_of_id == first
    assert shown.events[0].detail.startswith("重复投诉") and "F7" not in shown.events[0].detail


def test_f7_outside_the_window_other_rooms_and_other_matters_are_not_repeats(d: Desk) -> None:
    _closed_complaint(d)
    assert d.open(TicketKind.COMPLAINT, "垃圾清运不及时", matter="垃圾清运").repeat_of is None
    assert d.open(TicketKind.COMPLAINT, "装修噪音", matter="装修噪音", room_id=d.other_room_id).repeat_of is None
    d.clock.advance(days=31)
    assert d.open(TicketKind.COMPLAINT, "装修噪音", matter="装修噪音").repeat_of is None


def test_f7_an_open_complaint_is_a_repeat_however_old_and_the_window_is_configurable(d: Desk) -> None:
    first = d.open(TicketKind.COMPLAINT, "电梯异响", matter="电梯异响")
    d.clock.advance(days=6)
    assert d.open(TicketKind.COMPLAINT, "电梯异响", matter="电梯异响").repeat_of.ticket_id == first.id  # type: ignore[union-attr]
    desk_settings.set_repeat_window(d.db, d.supervisor, 10)
    assert desk_settings.desk_settings(d.db).repeat_window == timedelta(days=10)


def test_f7_only_complaints_are_checked_for_repeats(d: Desk) -> None:
    d.open(TicketKind.REPAIR, "厨房水管漏水", matter="漏水")
    assert d.open(TicketKind.REPAIR, "厨房水管又漏水", matter="漏水").repeat_of is None


# ---- F8 特约服务 ---------------------------------------------------------------


def test_f8_special_service_lines_keep_the_price_agreed_at_intake(d: Desk) -> None:
    opened = d.open(TicketKind.SPECIAL_SERVICE, "家政保洁", services=(("cleaning", 3), ("water", 2)))
    shown = detail(d, opened.id)
    assert [(x.code, x.unit_price, x.quantity) for x in shown.services] == [
        ("cleaning", Decimal("40.00"), 3),
        ("water", Decimal("18.00"), 2),
    ]
    assert shown.services_total == Decimal("156.00")
    desk_settings.set_price_list(
        d.db,
        d.supervisor,
        [
            SpecialService("cleaning", "家政保洁", "Housekeeping", Decimal("50.00"), "小时"),
            SpecialService("water", "送桶装水", "Water", Decimal("20.00"), "桶"),
        ],
    )
    changed = desk_actions.set_special_services(
        d.db, d.clock, d.receptionist, opened.id, [("cleaning", 4), ("water", 1)]
    )
    assert [(x.code, x.unit_price, x.quantity) for x in changed.services] == [
        ("cleaning", Decimal("40.00"), 4),  # the owner agreed to 40 元 an hour
        ("water", Decimal("18.00"), 1),
    ]
    assert changed.services_total == Decimal("178.00")
    fresh = d.open(TicketKind.SPECIAL_SERVICE, "保洁", services=(("cleaning", 1),))
    assert detail(d, fresh.id).services_total == Decimal("50.00")


def test_f8_an_unknown_service_is_refused(d: Desk) -> None:
    with pytest.raises(NotFound) as refused:
        d.open(TicketKind.SPECIAL_SERVICE, "代遛狗", services=(("dog-walking", 1),))
    assert refused.value.rule == "F8"
    with d.db.session() as s:
        assert s.scalar(select(Ticket.id)) is None  # nothing half-written


def test_f8_the_default_price_list_is_offered(d: Desk) -> None:
    codes = [x.code for x in desk_settings.price_list(d.db)]
    assert "water" in codes and "cleaning" in codes


def test_status_of_a_new_ticket_is_open(d: Desk) -> None:
    assert detail(d, d.open().id).status is TicketStatus.OPEN
