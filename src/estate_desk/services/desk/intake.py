"""Intake at the front desk (受理, F1, F7, F8): opening a ticket; the rules are decided in the domain.

Any signed-in staff member — receptionist, guard at night, repair worker on a round — opens a
ticket and becomes its first receiver (首按责任人) for good. The promise clocks start at reception
(:func:`estate_desk.domain.desk.intake.open_ticket`). A complaint from the same room about the
same matter that is still open or was received or closed within the repeat window (30 days) is
shown while the receptionist types (:func:`repeats_for`); the new ticket is linked to it and
flagged as a repeat, a service failure (F7).

Other desk jobs: :mod:`~estate_desk.services.desk.actions` (handling),
:mod:`~estate_desk.services.desk.completion` (completion, return visit),
:mod:`~estate_desk.services.desk.board`, :mod:`~estate_desk.services.desk.review`,
:mod:`~estate_desk.services.desk.figures`, :mod:`~estate_desk.services.desk.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from estate_desk.domain.archive.dual_track import media_type_of
from estate_desk.domain.desk.intake import open_ticket as intake
from estate_desk.domain.desk.review import find_repeat, normalize_matter
from estate_desk.domain.desk.terms import TicketKind, TicketStatus
from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.domain.routines.common import office_date
from estate_desk.services.archive.attachments import blob_store
from estate_desk.services.desk import tickets as desk_tickets
from estate_desk.services.desk.settings import settings_in
from estate_desk.services.desk.tickets import EventKind
from estate_desk.store.desk import Ticket
from estate_desk.store.desk_records import TicketPhoto
from estate_desk.store.estate import Owner, Ownership, Room

if TYPE_CHECKING:
    from datetime import datetime, timedelta
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.terms import Channel
    from estate_desk.services.actor import Actor
    from estate_desk.services.desk.settings import DeskSettings
    from estate_desk.store.database import Database

REPEAT_KINDS = frozenset({TicketKind.COMPLAINT})
"""F7 speaks of complaints: only these are checked for repeats."""

MATTER_MAX = 200
SUBJECT_MAX = 4000


@dataclass(frozen=True)
class TicketDraft:
    """What the receptionist types at intake. ``matter`` (a few words: 漏水, 装修噪音) defaults to
    the subject; ``services`` are (price-list code, quantity); ``photos`` are files to keep."""

    kind: TicketKind
    channel: Channel
    subject: str
    matter: str = ""
    room_id: int | None = None
    owner_id: int | None = None  # None: the room's current owner
    place: str = ""  # where the owner wants someone to come
    contact: str = ""  # who called and their number, when not the owner
    received_at: datetime | None = None  # None: now
    promise_due_at: datetime | None = None  # None: the office default for the kind
    services: tuple[tuple[str, int], ...] = ()
    photos: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RepeatCandidate:
    """An earlier ticket that makes a new one a repeat (F7), as intake shows it."""

    ticket_id: int
    number: str
    received_at: datetime
    status: TicketStatus
    matter: str
    subject: str


@dataclass(frozen=True)
class OpenedTicket:
    id: int
    number: str
    received_at: datetime
    feedback_due_at: datetime
    promise_due_at: datetime
    arrival_due_at: datetime | None
    repeat_of: RepeatCandidate | None


def _matter(draft: TicketDraft) -> tuple[str, str]:
    subject = draft.subject.strip()
    if not subject:
        raise InputProblem(zh="请填写事由。", en="Say what the ticket is about.", rule="F1")
    if len(subject) > SUBJECT_MAX:
        raise InputProblem(
            zh=f"事由过长（最多 {SUBJECT_MAX} 字）。", en=f"The subject is too long (at most {SUBJECT_MAX})."
        )
    matter = (draft.matter.strip() or subject)[:MATTER_MAX]
    return subject, matter


def next_number(s: Session, received_at: datetime) -> str:
    """GD + the office date of reception + a number that day (GD20261123-001), never given twice."""
    day = office_date(received_at).strftime("%Y%m%d")
    prefix = f"GD{day}-"
    existing = s.scalar(select(func.count()).select_from(Ticket).where(Ticket.number.startswith(prefix))) or 0
    return f"{prefix}{desk_tickets.next_counter(s, f'GD{day}', initial=existing):03d}"


def _candidates(s: Session, room_id: int, kind: TicketKind, key: str, now: datetime, window: timedelta) -> list[Ticket]:
    since = now - window
    query = select(Ticket).where(
        Ticket.room_id == room_id,
        Ticket.kind == kind.value,
        Ticket.matter_key == key[:MATTER_MAX],
        or_(Ticket.closed_at.is_(None), Ticket.closed_at >= since, Ticket.received_at >= since),
    )
    return list(s.scalars(query))


def repeats_in(
    s: Session, settings: DeskSettings, now: datetime, room_id: int | None, kind: TicketKind, matter: str
) -> list[RepeatCandidate]:
    if room_id is None or kind not in REPEAT_KINDS or not normalize_matter(matter):
        return []
    rows = _candidates(s, room_id, kind, normalize_matter(matter), now, settings.repeat_window)
    by_number = {row.number: row for row in rows}
    tickets = desk_tickets.domain_tickets(s, rows)
    found = find_repeat(room_id, kind, matter, tickets.values(), now, window=settings.repeat_window)
    return [
        RepeatCandidate(
            by_number[t.number].id, t.number, t.received_at, t.status, t.matter, by_number[t.number].subject
        )
        for t in found
    ]


def repeats_for(
    db: Database, clock: Clock, *, room_id: int | None, kind: TicketKind, matter: str
) -> list[RepeatCandidate]:
    """Earlier complaints that would make this one a repeat (F7), most recent first — for intake to
    show as soon as room, kind and matter are known."""
    with db.session() as s:
        return repeats_in(s, settings_in(s), clock.now(), room_id, kind, matter)


def _owner(s: Session, room_id: int | None, owner_id: int | None, on: datetime) -> int | None:
    if room_id is not None and s.get(Room, room_id) is None:
        raise NotFound(zh=f"没有这个房间（编号 {room_id}）。", en=f"No such room (id {room_id}).", rule="F1")
    if owner_id is not None:
        if s.get(Owner, owner_id) is None:
            raise NotFound(zh=f"没有这位业主（编号 {owner_id}）。", en=f"No such owner (id {owner_id}).", rule="F1")
        return owner_id
    if room_id is None:
        return None
    day = office_date(on)
    current = select(Ownership.owner_id).where(
        Ownership.room_id == room_id,
        Ownership.start_date <= day,
        or_(Ownership.end_date.is_(None), Ownership.end_date > day),
    )
    return s.scalar(current.order_by(Ownership.start_date.desc(), Ownership.id.desc()).limit(1))


def open_ticket_in(s: Session, clock: Clock, first_receiver_id: int, draft: TicketDraft) -> OpenedTicket:
    """Open a ticket inside the caller's unit of work (F1); photos must already be stored."""
    now = clock.now()
    subject, matter = _matter(draft)
    settings = settings_in(s)
    owner_id = _owner(s, draft.room_id, draft.owner_id, draft.received_at or now)
    lines = [settings.price_list.choose(code, quantity) for code, quantity in draft.services]
    repeats = repeats_in(s, settings, draft.received_at or now, draft.room_id, draft.kind, matter)
    repeat = repeats[0] if repeats else None
    rules = intake(
        number=next_number(s, draft.received_at or now),
        kind=draft.kind,
        channel=draft.channel,
        first_receiver_id=first_receiver_id,
        now=now,
        received_at=draft.received_at,
        promise_due_at=draft.promise_due_at,
        policy=settings.policy,
        room_id=draft.room_id,
        matter=matter,
        subject=subject,
        place=draft.place,
        repeat_of=repeat.number if repeat else None,
        special_services=lines,
    )
    row = Ticket(
        number=rules.number,
        kind=rules.kind.value,
        channel=rules.channel.value,
        room_id=rules.room_id,
        owner_id=owner_id,
        contact=draft.contact.strip()[:120],
        place=rules.place[:200],
        subject=rules.subject,
        matter=rules.matter,
        matter_key=normalize_matter(rules.matter)[:MATTER_MAX],
        repeat_of_id=repeat.ticket_id if repeat else None,
        first_receiver_id=rules.first_receiver_id,
        status=rules.status.value,
        received_at=rules.received_at,
        arrival_due_at=rules.arrival_due_at,
        feedback_due_at=rules.feedback_due_at,
        promise_due_at=rules.promise_due_at,
    )
    s.add(row)
    s.flush()
    desk_tickets.write_service_lines(s, row.id, rules.special_services, replace=False)
    desk_tickets.touch(s, row)
    detail = f"重复投诉，原工单 {repeat.number}，计为服务失误" if repeat else ""
    desk_tickets.record_event(s, row.id, EventKind.OPENED, first_receiver_id, rules.received_at, detail)
    s.flush()
    return OpenedTicket(
        row.id,
        row.number,
        rules.received_at,
        rules.feedback_due_at,
        rules.promise_due_at,
        rules.arrival_due_at,
        repeat,
    )


def open_ticket(db: Database, clock: Clock, actor: Actor, draft: TicketDraft) -> OpenedTicket:
    """Open a ticket (受理). Any signed-in staff member may; they are its first receiver for good (F1)."""
    stored = [(path, blob_store().put(path)) for path in draft.photos]  # copied in before the unit of work
    with db.session() as s:
        opened = open_ticket_in(s, clock, actor.user_id, draft)
        for path, blob in stored:
            add_photo_row(s, opened.id, path.name, blob.sha256, blob.size, actor.user_id, clock.now())
        return opened


def add_photo_row(
    s: Session, ticket_id: int, name: str, sha256: str, size: int, added_by: int, at: datetime
) -> TicketPhoto:
    photo = TicketPhoto(
        ticket_id=ticket_id,
        sha256=sha256,
        size=size,
        original_name=name[:260],
        media_type=media_type_of(name),
        added_by=added_by,
        added_at=at,
    )
    s.add(photo)
    return photo
