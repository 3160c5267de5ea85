"""One ticket in full (工单详情), as the ticket dialog shows it: facts, clocks, histories, names.

Every desk action returns this view of the ticket after the action, so a dialog shows the new
state without asking again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.desk.terms import TicketStatus
from estate_desk.domain.errors import NotFound
from estate_desk.services.desk.settings import settings_in
from estate_desk.services.desk.tickets import EventKind, load, user_names
from estate_desk.store.archive import Document
from estate_desk.store.desk import Ticket
from estate_desk.store.desk_records import TicketEvent, TicketPhoto
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from datetime import datetime
    from decimal import Decimal

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.countdown import Countdown
    from estate_desk.domain.desk.special_services import ChosenService
    from estate_desk.domain.desk.terms import (
        ArrivalOutcome,
        Channel,
        Confirmation,
        NotifyMethod,
        Satisfaction,
        TicketKind,
    )
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class PostponementView:
    previous_due_at: datetime
    new_due_at: datetime
    reason: str
    owner_told_at: datetime
    owner_told_how: NotifyMethod
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class ExplanationView:
    reason: str
    owner_told_at: datetime
    owner_told_how: NotifyMethod
    expected_arrival_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class NoteView:
    author: str
    written_at: datetime
    text: str
    owner_told: bool
    owner_told_how: NotifyMethod | None


@dataclass(frozen=True)
class CompletionView:
    handler: str
    completed_at: datetime
    explanation: str
    confirmation: Confirmation
    signature_sha256: str | None  # the signature image (or the photo of the signed slip) in the attachment store
    record: str  # how a phone confirmation was taken, or the image's checksum


@dataclass(frozen=True)
class VisitView:
    visitor: str
    visited_at: datetime
    result: Satisfaction
    by_supervisor: bool
    note: str


@dataclass(frozen=True)
class PhotoView:
    id: int
    sha256: str
    original_name: str
    media_type: str
    added_at: datetime


@dataclass(frozen=True)
class EventView:
    kind: EventKind
    actor: str
    at: datetime
    detail: str

    def label(self, lang: str = "zh") -> str:
        return self.kind.label_zh if lang.startswith("zh") else self.kind.label_en


@dataclass(frozen=True)
class TicketDetail:
    """Everything about one ticket at one instant (``now``)."""

    id: int
    number: str
    kind: TicketKind
    channel: Channel
    status: TicketStatus
    room_id: int | None
    room_code: str | None
    owner_id: int | None
    owner_name: str | None
    contact: str
    place: str
    matter: str
    subject: str
    first_receiver_id: int
    first_receiver: str
    handler_id: int | None
    handler: str | None
    received_at: datetime
    feedback_due_at: datetime
    promise_due_at: datetime  # the promise in force now
    original_promise_due_at: datetime
    arrival_due_at: datetime | None
    arrived_at: datetime | None
    closed_at: datetime | None
    repeat_of_id: int | None
    repeat_of_number: str | None
    now: datetime
    arrival: Countdown | None
    promise: Countdown
    arrival_outcome: ArrivalOutcome
    feedback_overdue: bool
    postponement: PostponementView | None
    arrival_explanation: ExplanationView | None
    notes: tuple[NoteView, ...]
    completions: tuple[CompletionView, ...]
    return_visits: tuple[VisitView, ...]
    services: tuple[ChosenService, ...]
    services_total: Decimal
    photos: tuple[PhotoView, ...]
    events: tuple[EventView, ...]
    needs_signature: bool  # completing it needs the owner's kept signature (F3)
    document_id: int | None  # the archive record it was filed as (A2), once closed
    archive_no: str | None

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of_id is not None

    @property
    def can_postpone(self) -> bool:
        """Open and never postponed (F2: a second postponement is refused)."""
        return self.status is TicketStatus.OPEN and self.postponement is None

    @property
    def awaiting_arrival(self) -> bool:
        return self.status is TicketStatus.OPEN and self.arrival_due_at is not None and self.arrived_at is None

    @property
    def awaiting_return_visit(self) -> bool:
        return self.status is TicketStatus.COMPLETED


def detail_in(s: Session, clock: Clock, ticket_id: int) -> TicketDetail:
    loaded = load(s, ticket_id, lock=False)
    row, t = loaded.row, loaded.ticket
    now = clock.now()
    photos = s.scalars(select(TicketPhoto).where(TicketPhoto.ticket_id == row.id).order_by(TicketPhoto.id)).all()
    events = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == row.id).order_by(TicketEvent.id)).all()
    names = user_names(
        s,
        [row.first_receiver_id, row.handler_id]
        + [e.actor_id for e in events]
        + [n.author_id for n in t.progress_notes]
        + [c.handler_id for c in t.completions]
        + [v.visitor_id for v in t.return_visits]
        + ([t.postponement.recorded_by] if t.postponement else [])
        + ([t.arrival_explanation.recorded_by] if t.arrival_explanation else []),
    )
    room = s.get(Room, row.room_id) if row.room_id else None
    owner = s.get(Owner, row.owner_id) if row.owner_id else None
    repeat = s.get(Ticket, row.repeat_of_id) if row.repeat_of_id else None
    document = s.scalar(select(Document).where(Document.ticket_id == row.id).order_by(Document.id).limit(1))
    p, e = t.postponement, t.arrival_explanation
    return TicketDetail(
        id=row.id,
        number=row.number,
        kind=t.kind,
        channel=t.channel,
        status=t.status,
        room_id=row.room_id,
        room_code=room.code if room else None,
        owner_id=row.owner_id,
        owner_name=owner.name if owner else None,
        contact=row.contact,
        place=row.place,
        matter=row.matter,
        subject=row.subject,
        first_receiver_id=row.first_receiver_id,
        first_receiver=names.get(row.first_receiver_id, ""),
        handler_id=row.handler_id,
        handler=names.get(row.handler_id) if row.handler_id else None,
        received_at=t.received_at,
        feedback_due_at=t.feedback_due_at,
        promise_due_at=t.promise_due_as_of(now),
        original_promise_due_at=t.original_promise_due_at,
        arrival_due_at=t.arrival_due_at,
        arrived_at=t.arrived_at,
        closed_at=t.closed_at,
        repeat_of_id=row.repeat_of_id,
        repeat_of_number=repeat.number if repeat else None,
        now=now,
        arrival=t.arrival_clock(now),
        promise=t.promise_clock(now),
        arrival_outcome=t.arrival_outcome(now),
        feedback_overdue=t.feedback_overdue(now) and t.status is not TicketStatus.CLOSED,
        postponement=PostponementView(
            p.previous_due_at,
            p.new_due_at,
            p.reason,
            p.owner_told_at,
            p.owner_told_how,
            names.get(p.recorded_by, ""),
            p.recorded_at,
        )
        if p
        else None,
        arrival_explanation=ExplanationView(
            e.reason, e.owner_told_at, e.owner_told_how, e.expected_arrival_at, names.get(e.recorded_by, "")
        )
        if e
        else None,
        notes=tuple(
            NoteView(names.get(n.author_id, ""), n.written_at, n.text, n.owner_told, n.owner_told_how)
            for n in t.progress_notes
        ),
        completions=tuple(
            CompletionView(
                names.get(c.handler_id, ""),
                c.completed_at,
                c.explanation,
                c.confirmation,
                c.signature_record if c.confirmation.is_signature and c.signature_record else None,
                c.signature_record,
            )
            for c in t.completions
        ),
        return_visits=tuple(
            VisitView(names.get(v.visitor_id, ""), v.visited_at, v.result, v.by_supervisor, v.note)
            for v in t.return_visits
        ),
        services=t.special_services,
        services_total=t.special_services_total,
        photos=tuple(PhotoView(x.id, x.sha256, x.original_name, x.media_type, x.added_at) for x in photos),
        events=tuple(
            EventView(EventKind(x.kind), names.get(x.actor_id, "") if x.actor_id else "", x.at, x.detail)
            for x in events
        ),
        needs_signature=settings_in(s).policy.needs_signature(t.kind),
        document_id=document.id if document else None,
        archive_no=document.archive_no if document else None,
    )


def ticket_detail(db: Database, clock: Clock, actor: Actor, ticket_id: int) -> TicketDetail:
    """One ticket in full; any signed-in staff member may look."""
    with db.session() as s:
        return detail_in(s, clock, ticket_id)


def ticket_id_by_number(db: Database, number: str) -> int:
    """The id of the ticket with this number (GD20261123-001)."""
    with db.session() as s:
        found = s.scalar(select(Ticket.id).where(Ticket.number == number.strip()))
    if found is None:
        raise NotFound(zh=f"没有这张工单：{number}", en=f"No ticket numbered {number}")
    return found
