"""Intake (受理, F1): opening a ticket, and the guard that keeps intake facts fixed.

Whoever receives the matter becomes its first receiver (首按责任人) for good. At
reception three clocks start: the feedback promise (二日内反馈, F1), the promised
handling time (policy default, at most 7 days, F2) and, for kinds that need
someone on site, the three-minute arrival clock (F4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.desk.records import check_aware, check_promise
from estate_desk.domain.desk.terms import (
    ARRIVAL_WITHIN,
    DEFAULT_POLICY,
    FEEDBACK_WITHIN,
    Channel,
    TicketKind,
    TicketPolicy,
)
from estate_desk.domain.desk.tickets import Ticket
from estate_desk.domain.errors import InputProblem, RuleViolation

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from estate_desk.domain.desk.special_services import ChosenService


def open_ticket(
    *,
    number: str,
    kind: TicketKind,
    channel: Channel,
    first_receiver_id: int,
    now: datetime,
    received_at: datetime | None = None,
    promise_due_at: datetime | None = None,
    policy: TicketPolicy = DEFAULT_POLICY,
    room_id: int | None = None,
    matter: str = "",
    subject: str = "",
    place: str = "",
    repeat_of: str | None = None,
    special_services: Iterable[ChosenService] = (),
) -> Ticket:
    """Intake (F1): the receiver becomes the first receiver for good; the feedback
    promise (2 days), the handling promise (policy default, ≤ 7 days) and, for
    on-site kinds, the three-minute arrival clock all start at reception."""
    if not number.strip():
        raise InputProblem(zh="工单需要编号。", en="A ticket needs a number.", rule="F1")
    check_aware(now, "now")
    received = received_at or now
    check_aware(received, "received_at")
    if received > now:
        raise InputProblem(zh="受理时间不能在将来。", en="Reception cannot be in the future.", rule="F1")
    due = promise_due_at if promise_due_at is not None else received + policy.promise_for(kind)
    check_aware(due, "promise_due_at")
    check_promise(due, received, now)
    return Ticket(
        number=number.strip(),
        kind=kind,
        channel=channel,
        first_receiver_id=first_receiver_id,
        received_at=received,
        feedback_due_at=received + FEEDBACK_WITHIN,
        promise_due_at=due,
        arrival_due_at=received + ARRIVAL_WITHIN if policy.needs_arrival(kind, channel) else None,
        room_id=room_id,
        matter=matter.strip(),
        subject=subject.strip(),
        place=place.strip(),
        repeat_of=repeat_of,
        special_services=tuple(special_services),
    )


_INTAKE_FIELDS = (
    "number",
    "kind",
    "channel",
    "first_receiver_id",
    "received_at",
    "feedback_due_at",
    "arrival_due_at",
)


def ensure_intake_unchanged(before: Ticket, after: Ticket) -> None:
    """For the store before it saves: the first receiver and every intake fact stay
    as they were (F1); the promise moves only through the recorded postponement (F2)."""
    for name in _INTAKE_FIELDS:
        if getattr(before, name) != getattr(after, name):
            raise RuleViolation(
                zh=f"受理信息（{name}）登记后不可更改；第一接待人始终不变。",
                en=f"Intake facts ({name}) never change; the first receiver stays the owner.",
                rule="F1",
            )
    if after.original_promise_due_at != before.original_promise_due_at or (
        after.promise_due_at != before.promise_due_at and after.postponement is None
    ):
        raise RuleViolation(
            zh="承诺时间只能通过一次延期更改。",
            en="The promised time changes only through the one postponement.",
            rule="F2",
        )
    if before.postponement is not None and after.postponement != before.postponement:
        raise RuleViolation(zh="同一件事不得两次延期。", en="The same matter may never be postponed twice.", rule="F2")
