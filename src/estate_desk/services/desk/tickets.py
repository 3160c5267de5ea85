"""Tickets between the database and the rules: a stored ticket loaded as the domain's
:class:`~estate_desk.domain.desk.tickets.Ticket`, and what a transition changed written back.

Every front-desk service works the same way: load (:func:`load`), let the domain decide
(``ticket.postpone(...)`` …), save (:func:`save`). Saving checks that the intake facts and the
first receiver did not change (F1), appends the new history rows, takes the next number of the
desk's change counter (so boards elsewhere see the change) and writes one line of the ticket's
event log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.desk.intake import ensure_intake_unchanged
from estate_desk.domain.desk.records import (
    ArrivalExplanation,
    Completion,
    Postponement,
    ProgressNote,
    ReturnVisit,
)
from estate_desk.domain.desk.special_services import ChosenService
from estate_desk.domain.desk.terms import Channel, Confirmation, NotifyMethod, Satisfaction, TicketKind, TicketStatus
from estate_desk.domain.desk.tickets import Ticket as DomainTicket
from estate_desk.domain.errors import NotFound, PermissionDenied
from estate_desk.domain.roles import Role
from estate_desk.store.accounts import User
from estate_desk.store.desk import DeskCounter, Ticket
from estate_desk.store.desk_records import (
    TicketArrivalExplanation,
    TicketCompletion,
    TicketEvent,
    TicketPostponement,
    TicketProgressNote,
    TicketReturnVisit,
    TicketServiceLine,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.services.actor import Actor

DESK_SUPERVISORS = frozenset({Role.SUPERVISOR, Role.MANAGEMENT_OFFICE})
"""Who closes the desk's day (F6), may do any first receiver's return visit (F1/F3) and sets the desk's rules."""

DISPATCHERS = frozenset({Role.RECEPTIONIST, Role.SUPERVISOR, Role.MANAGEMENT_OFFICE, Role.ADMINISTRATOR})
"""Who may send any ticket's handler (派工); a ticket's first receiver and handler may too."""

CHANGES = "changes"
"""The desk counter every change to a ticket takes a number from."""

_CHUNK = 500  # ids per IN (...) list


class EventKind(StrEnum):
    """What a line of a ticket's history (处理记录) records."""

    OPENED = "opened"
    HANDLER_ASSIGNED = "handler_assigned"
    HANDLER_CHANGED = "handler_changed"
    DISPATCHED = "dispatched"
    ARRIVED = "arrived"
    ARRIVAL_EXPLAINED = "arrival_explained"
    POSTPONED = "postponed"
    POSTPONEMENT_REFUSED = "postponement_refused"  # a second postponement refused (F2), counted in the figures
    NOTE = "note"
    SERVICES_CHANGED = "services_changed"
    PHOTO_ADDED = "photo_added"
    COMPLETED = "completed"
    RETURN_VISIT = "return_visit"
    REOPENED = "reopened"
    CLOSED = "closed"
    FILED = "filed"

    @property
    def label_zh(self) -> str:
        return _EVENT_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _EVENT_LABELS[self][1]


_EVENT_LABELS = {
    EventKind.OPENED: ("受理", "Received"),
    EventKind.HANDLER_ASSIGNED: ("指定处理人", "Handler assigned"),
    EventKind.HANDLER_CHANGED: ("更换处理人", "Handler changed"),
    EventKind.DISPATCHED: ("派工", "Dispatched"),
    EventKind.ARRIVED: ("到场", "Arrived on site"),
    EventKind.ARRIVAL_EXPLAINED: ("事先解释延迟到场", "Delay explained in advance"),
    EventKind.POSTPONED: ("延期", "Postponed"),
    EventKind.POSTPONEMENT_REFUSED: ("第二次延期被拒绝", "Second postponement refused"),
    EventKind.NOTE: ("跟进", "Progress note"),
    EventKind.SERVICES_CHANGED: ("特约服务", "Special services"),
    EventKind.PHOTO_ADDED: ("照片", "Photo added"),
    EventKind.COMPLETED: ("处理完毕", "Completed"),
    EventKind.RETURN_VISIT: ("回访", "Return visit"),
    EventKind.REOPENED: ("回访不满意，重新处理", "Reopened after an unsatisfied return visit"),
    EventKind.CLOSED: ("办结", "Closed"),
    EventKind.FILED: ("归档", "Filed in the archive"),
}


# --------------------------------------------------------------------------- counters


def next_counter(s: Session, name: str, *, initial: int = 0) -> int:
    """The next value of a desk counter, taken with one atomic UPDATE … RETURNING.

    A counter that does not exist yet starts after ``initial``; two workstations creating it
    at once are settled by the primary key (the loser retries the UPDATE).
    """
    for _ in range(3):
        value = s.execute(
            update(DeskCounter)
            .where(DeskCounter.name == name)
            .values(value=DeskCounter.value + 1)
            .returning(DeskCounter.value)
        ).scalar_one_or_none()
        if value is not None:
            return int(value)
        try:
            with s.begin_nested():
                s.add(DeskCounter(name=name, value=initial + 1))
            return initial + 1
        except IntegrityError:
            continue
    raise RuntimeError(f"desk counter {name!r} could not be taken")  # pragma: no cover


def touch(s: Session, row: Ticket) -> int:
    """Mark a ticket changed: it takes the next change number (the board polls for these)."""
    row.change_no = next_counter(s, CHANGES)
    return row.change_no


def record_event(
    s: Session, ticket_id: int, kind: EventKind, actor_id: int | None, at: datetime, detail: str = ""
) -> None:
    s.add(TicketEvent(ticket_id=ticket_id, kind=kind.value, actor_id=actor_id, at=at, detail=detail))


# --------------------------------------------------------------------------- loading


@dataclass
class _Children:
    postponement: Postponement | None = None
    explanation: ArrivalExplanation | None = None
    completions: list[Completion] = field(default_factory=list)
    visits: list[ReturnVisit] = field(default_factory=list)
    notes: list[ProgressNote] = field(default_factory=list)
    lines: list[ChosenService] = field(default_factory=list)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _children(s: Session, ids: Sequence[int]) -> dict[int, _Children]:
    """Every history of the given tickets, oldest first: one query per table and chunk."""
    found: dict[int, _Children] = defaultdict(_Children)
    for chunk in _chunks(ids):
        for p in s.scalars(select(TicketPostponement).where(TicketPostponement.ticket_id.in_(chunk))):
            found[p.ticket_id].postponement = Postponement(
                p.previous_due_at,
                p.new_due_at,
                p.reason,
                p.owner_told_at,
                NotifyMethod(p.owner_told_how),
                p.recorded_by,
                p.recorded_at,
            )
        for e in s.scalars(select(TicketArrivalExplanation).where(TicketArrivalExplanation.ticket_id.in_(chunk))):
            found[e.ticket_id].explanation = ArrivalExplanation(
                e.reason,
                e.owner_told_at,
                NotifyMethod(e.owner_told_how),
                e.expected_arrival_at,
                e.recorded_by,
                e.recorded_at,
            )
        completions = select(TicketCompletion).where(TicketCompletion.ticket_id.in_(chunk))
        for c in s.scalars(completions.order_by(TicketCompletion.completed_at, TicketCompletion.id)):
            found[c.ticket_id].completions.append(
                Completion(c.handler_id, c.completed_at, c.explanation, Confirmation(c.confirmation), c.record)
            )
        visits = select(TicketReturnVisit).where(TicketReturnVisit.ticket_id.in_(chunk))
        for v in s.scalars(visits.order_by(TicketReturnVisit.visited_at, TicketReturnVisit.id)):
            found[v.ticket_id].visits.append(
                ReturnVisit(v.visitor_id, v.visited_at, Satisfaction(v.result), v.by_supervisor, v.note)
            )
        notes = select(TicketProgressNote).where(TicketProgressNote.ticket_id.in_(chunk))
        for n in s.scalars(notes.order_by(TicketProgressNote.written_at, TicketProgressNote.id)):
            how = NotifyMethod(n.owner_told_how) if n.owner_told_how else None
            found[n.ticket_id].notes.append(ProgressNote(n.author_id, n.written_at, n.text, n.owner_told, how))
        lines = select(TicketServiceLine).where(TicketServiceLine.ticket_id.in_(chunk))
        for line in s.scalars(lines.order_by(TicketServiceLine.position, TicketServiceLine.id)):
            found[line.ticket_id].lines.append(
                ChosenService(line.code, line.name_zh, line.name_en, Decimal(line.unit_price), line.quantity)
            )
    return found


def to_domain(row: Ticket, children: _Children, repeat_number: str | None) -> DomainTicket:
    return DomainTicket(
        number=row.number,
        kind=TicketKind(row.kind),
        channel=Channel(row.channel),
        first_receiver_id=row.first_receiver_id,
        received_at=row.received_at,
        feedback_due_at=row.feedback_due_at,
        promise_due_at=row.promise_due_at,
        arrival_due_at=row.arrival_due_at,
        room_id=row.room_id,
        matter=row.matter,
        subject=row.subject,
        place=row.place,
        repeat_of=repeat_number,
        status=TicketStatus(row.status),
        handler_id=row.handler_id,
        arrived_at=row.arrived_at,
        arrival_explanation=children.explanation,
        postponement=children.postponement,
        completions=tuple(children.completions),
        return_visits=tuple(children.visits),
        progress_notes=tuple(children.notes),
        special_services=tuple(children.lines),
        closed_at=row.closed_at,
    )


def domain_tickets(s: Session, rows: Sequence[Ticket]) -> dict[int, DomainTicket]:
    """The rules' view of many stored tickets at once (by ticket id)."""
    ids = [row.id for row in rows]
    children = _children(s, ids)
    repeat_ids = sorted({row.repeat_of_id for row in rows if row.repeat_of_id is not None})
    numbers: dict[int, str] = {}
    for chunk in _chunks(repeat_ids):
        numbers.update((i, n) for i, n in s.execute(select(Ticket.id, Ticket.number).where(Ticket.id.in_(chunk))))
    return {
        row.id: to_domain(
            row, children.get(row.id, _Children()), numbers.get(row.repeat_of_id) if row.repeat_of_id else None
        )
        for row in rows
    }


@dataclass(frozen=True)
class Loaded:
    """A stored ticket and the rules' view of it, as loaded."""

    row: Ticket
    ticket: DomainTicket


def load(s: Session, ticket_id: int, *, lock: bool = True) -> Loaded:
    """One ticket, locked for the unit of work (another workstation's change waits)."""
    query = select(Ticket).where(Ticket.id == ticket_id)
    row = s.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise NotFound(zh=f"没有这张工单（编号 {ticket_id}）。", en=f"No ticket with id {ticket_id}.")
    return Loaded(row, domain_tickets(s, [row])[row.id])


def user_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return {i: name for i, name in s.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))}


def require_user(s: Session, user_id: int, *, rule: str) -> User:
    """An enabled user (a handler, a visitor); NotFound otherwise."""
    user = s.get(User, user_id)
    if user is None or user.disabled:
        raise NotFound(
            zh=f"没有这个在岗人员（编号 {user_id}）。", en=f"No active staff member with id {user_id}.", rule=rule
        )
    return user


def require_hand_in(actor: Actor, row: Ticket, *, zh: str, en: str) -> None:
    """The ticket's first receiver, its handler or a dispatcher may do this; nobody else."""
    if actor.role in DISPATCHERS or actor.user_id in (row.first_receiver_id, row.handler_id):
        return
    raise PermissionDenied(
        zh=f"只有第一接待人、处理人或前台/主管可以{zh}（工单 {row.number}）。",
        en=f"Only the first receiver, the handler or the desk/supervisor may {en} (ticket {row.number}).",
        rule="F1",
    )


# --------------------------------------------------------------------------- saving


def save(
    s: Session,
    loaded: Loaded,
    after: DomainTicket,
    *,
    actor_id: int,
    at: datetime,
    event: EventKind,
    detail: str = "",
) -> None:
    """Write what a transition changed; the intake facts and first receiver must be as loaded (F1)."""
    before, row = loaded.ticket, loaded.row
    ensure_intake_unchanged(before, after)
    row.status = after.status.value
    row.handler_id = after.handler_id
    row.arrived_at = after.arrived_at
    row.promise_due_at = after.promise_due_at
    row.closed_at = after.closed_at
    if after.postponement is not None and before.postponement is None:
        p = after.postponement
        s.add(
            TicketPostponement(
                ticket_id=row.id,
                previous_due_at=p.previous_due_at,
                new_due_at=p.new_due_at,
                reason=p.reason,
                owner_told_at=p.owner_told_at,
                owner_told_how=p.owner_told_how.value,
                recorded_by=p.recorded_by,
                recorded_at=p.recorded_at,
            )
        )
    if after.arrival_explanation is not None and before.arrival_explanation is None:
        e = after.arrival_explanation
        s.add(
            TicketArrivalExplanation(
                ticket_id=row.id,
                reason=e.reason,
                owner_told_at=e.owner_told_at,
                owner_told_how=e.owner_told_how.value,
                expected_arrival_at=e.expected_arrival_at,
                recorded_by=e.recorded_by,
                recorded_at=e.recorded_at,
            )
        )
    for c in after.completions[len(before.completions) :]:
        image = c.signature_record if c.confirmation.is_signature and c.signature_record else None
        s.add(
            TicketCompletion(
                ticket_id=row.id,
                handler_id=c.handler_id,
                completed_at=c.completed_at,
                explanation=c.explanation,
                confirmation=c.confirmation.value,
                record=c.signature_record,
                signature_sha256=image,
                recorded_by=actor_id,
            )
        )
    for v in after.return_visits[len(before.return_visits) :]:
        s.add(
            TicketReturnVisit(
                ticket_id=row.id,
                visitor_id=v.visitor_id,
                visited_at=v.visited_at,
                result=v.result.value,
                by_supervisor=v.by_supervisor,
                note=v.note,
            )
        )
    for n in after.progress_notes[len(before.progress_notes) :]:
        s.add(
            TicketProgressNote(
                ticket_id=row.id,
                author_id=n.author_id,
                written_at=n.written_at,
                text=n.text,
                owner_told=n.owner_told,
                owner_told_how=n.owner_told_how.value if n.owner_told_how else None,
            )
        )
    if after.special_services != before.special_services:
        write_service_lines(s, row.id, after.special_services, replace=True)
    touch(s, row)
    record_event(s, row.id, event, actor_id, at, detail)
    s.flush()


def write_service_lines(s: Session, ticket_id: int, lines: Iterable[ChosenService], *, replace: bool) -> None:
    if replace:
        s.execute(delete(TicketServiceLine).where(TicketServiceLine.ticket_id == ticket_id))
    for position, line in enumerate(lines):
        s.add(
            TicketServiceLine(
                ticket_id=ticket_id,
                position=position,
                code=line.code,
                name_zh=line.name_zh,
                name_en=line.name_en,
                unit_price=line.unit_price,
                quantity=line.quantity,
            )
        )
