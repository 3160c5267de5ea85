"""Front-desk use cases: opening a ticket; the rules (F1–F8) are decided in domain.tickets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.errors import NotFound
from estate_desk.domain.ticket_intake import open_ticket
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Room

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.ticket_terms import Channel, TicketKind


def _next_number(s: Session, received_at: datetime) -> str:
    day = received_at.strftime("%Y%m%d")
    taken = s.scalar(select(func.count()).select_from(Ticket).where(Ticket.number.startswith(f"GD{day}-"))) or 0
    return f"GD{day}-{taken + 1:03d}"


def open_ticket_in(
    s: Session,
    clock: Clock,
    *,
    kind: TicketKind,
    channel: Channel,
    first_receiver_id: int,
    subject: str,
    room_id: int | None = None,
    place: str = "",
    received_at: datetime | None = None,
) -> Ticket:
    """Open a ticket inside the caller's unit of work; the receiver stays its first receiver (F1)."""
    if room_id is not None and s.get(Room, room_id) is None:
        raise NotFound(zh=f"没有这个房间（编号 {room_id}）。", en=f"No such room (id {room_id}).", rule="F1")
    now = clock.now()
    rules = open_ticket(
        number=_next_number(s, received_at or now),
        kind=kind,
        channel=channel,
        first_receiver_id=first_receiver_id,
        now=now,
        received_at=received_at,
        room_id=room_id,
        matter=subject,
        subject=subject,
        place=place,
    )
    row = Ticket(
        number=rules.number,
        kind=rules.kind.value,
        channel=rules.channel.value,
        room_id=rules.room_id,
        place=rules.place,
        subject=rules.subject,
        first_receiver_id=rules.first_receiver_id,
        status=rules.status.value,
        received_at=rules.received_at,
        arrival_due_at=rules.arrival_due_at,
        feedback_due_at=rules.feedback_due_at,
        promise_due_at=rules.promise_due_at,
    )
    s.add(row)
    s.flush()
    return row
