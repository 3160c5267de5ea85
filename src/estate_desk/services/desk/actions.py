"""Handling a ticket (处理): handler, dispatch, arrival, delay explained, the one postponement,
progress notes, special services and photos (F1, F2, F4, F6, F8).

One call per thing a user does; each is one unit of work that loads the ticket, lets the rules
decide and saves what changed, then returns the ticket as the dialog shows it
(:class:`~estate_desk.services.desk.detail.TicketDetail`). Refusals are
:class:`~estate_desk.domain.errors.UserError` carrying the rule id (for the log); a refused *second*
postponement is also written into the ticket's history, because the figures count them (F2).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from estate_desk.domain.desk.records import shown
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.services.archive.attachments import blob_store
from estate_desk.services.desk import tickets as desk_tickets
from estate_desk.services.desk.detail import TicketDetail, detail_in
from estate_desk.services.desk.intake import add_photo_row
from estate_desk.services.desk.settings import settings_in
from estate_desk.services.desk.tickets import EventKind, load, require_hand_in, require_user, save, user_names

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import datetime
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.terms import NotifyMethod
    from estate_desk.domain.desk.tickets import Ticket as DomainTicket
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _apply(
    db: Database,
    clock: Clock,
    actor: Actor,
    ticket_id: int,
    transition: Callable[[Session, DomainTicket, datetime], tuple[DomainTicket, EventKind, str]],
    *,
    doing: tuple[str, str] | None = None,
) -> TicketDetail:
    """Load, check who may (``doing`` = what, zh/en; None: anyone signed in), decide, save."""
    now = clock.now()
    with db.session() as s:
        loaded = load(s, ticket_id)
        if doing is not None:
            require_hand_in(actor, loaded.row, zh=doing[0], en=doing[1])
        after, event, detail = transition(s, loaded.ticket, now)
        save(s, loaded, after, actor_id=actor.user_id, at=now, event=event, detail=detail)
        return detail_in(s, clock, ticket_id)


def assign_handler(db: Database, clock: Clock, actor: Actor, ticket_id: int, handler_id: int) -> TicketDetail:
    """Name (or change) who handles the ticket. The first receiver stays its owner (F1)."""

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        require_user(s, handler_id, rule="F1")
        names = user_names(s, [t.handler_id, handler_id])
        if t.handler_id is None:
            return t.dispatch(handler_id), EventKind.HANDLER_ASSIGNED, names.get(handler_id, "")
        detail = f"{names.get(t.handler_id, '')} → {names.get(handler_id, '')}"
        return t.dispatch(handler_id), EventKind.HANDLER_CHANGED, detail

    return _apply(db, clock, actor, ticket_id, change, doing=("指定处理人", "assign the handler"))


def dispatch(db: Database, clock: Clock, actor: Actor, ticket_id: int, handler_id: int | None = None) -> TicketDetail:
    """Send the handler (派工) — the given one, else the one already named (F4: the clock is running)."""

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        chosen = handler_id if handler_id is not None else t.handler_id
        if chosen is None:
            raise InputProblem(zh="请先选择处理人再派工。", en="Choose a handler to dispatch.", rule="F4")
        require_user(s, chosen, rule="F4")
        return t.dispatch(chosen), EventKind.DISPATCHED, user_names(s, [chosen]).get(chosen, "")

    return _apply(db, clock, actor, ticket_id, change, doing=("派工", "dispatch"))


def mark_arrived(
    db: Database, clock: Clock, actor: Actor, ticket_id: int, *, at: datetime | None = None
) -> TicketDetail:
    """Someone reached the place the owner named (F4); ``at`` when it was reported late. Never before
    reception. Whoever is on site may record it (the handler, a guard who got there first)."""

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        after = t.record_arrival(now=now, at=at)
        outcome = after.arrival_outcome(now)
        return after, EventKind.ARRIVED, f"{shown(after.arrived_at or now)} {outcome.label_zh}"

    return _apply(db, clock, actor, ticket_id, change)


def explain_arrival_delay(
    db: Database,
    clock: Clock,
    actor: Actor,
    ticket_id: int,
    *,
    reason: str,
    owner_told_how: NotifyMethod,
    expected_arrival_at: datetime,
    owner_told_at: datetime | None = None,
) -> TicketDetail:
    """The owner told, before the three minutes ran out, why it takes longer and when someone comes (F4)."""

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        after = t.explain_arrival_delay(
            reason=reason,
            owner_told_how=owner_told_how,
            expected_arrival_at=expected_arrival_at,
            recorded_by=actor.user_id,
            now=now,
            owner_told_at=owner_told_at,
        )
        return after, EventKind.ARRIVAL_EXPLAINED, f"预计 {shown(expected_arrival_at)} 到场：{reason.strip()}"

    return _apply(db, clock, actor, ticket_id, change, doing=("登记延迟到场说明", "explain the delay"))


def postpone(
    db: Database,
    clock: Clock,
    actor: Actor,
    ticket_id: int,
    *,
    reason: str,
    owner_told_how: NotifyMethod,
    new_due_at: datetime,
    owner_told_at: datetime | None = None,
) -> TicketDetail:
    """The one postponement (F2): a reason, the owner told in time, a new time within 7 days of
    reception. A second one is refused — and the refused attempt is kept for the figures."""
    second: list[bool] = []

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        second.append(t.postponement is not None)
        after = t.postpone(
            reason=reason,
            owner_told_how=owner_told_how,
            new_due_at=new_due_at,
            recorded_by=actor.user_id,
            now=now,
            owner_told_at=owner_told_at,
        )
        detail = f"{shown(t.promise_due_at)} → {shown(new_due_at)}：{reason.strip()}"
        return after, EventKind.POSTPONED, detail

    try:
        return _apply(db, clock, actor, ticket_id, change, doing=("延期", "postpone it"))
    except RuleViolation:
        if second and second[0]:
            with db.session() as s:
                detail = f"再次申请延期至 {shown(new_due_at)}：{reason.strip()}"
                desk_tickets.record_event(
                    s, ticket_id, EventKind.POSTPONEMENT_REFUSED, actor.user_id, clock.now(), detail
                )
        raise


def add_progress_note(
    db: Database,
    clock: Clock,
    actor: Actor,
    ticket_id: int,
    text: str,
    *,
    owner_told_how: NotifyMethod | None = None,
    at: datetime | None = None,
) -> TicketDetail:
    """Today's follow-up (跟进, F6); ``owner_told_how`` says the owner was told, and how. Anyone may write one."""

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        after = t.add_progress_note(author_id=actor.user_id, text=text, now=now, owner_told_how=owner_told_how, at=at)
        told = f"（{owner_told_how.label_zh}）" if owner_told_how else ""
        return after, EventKind.NOTE, f"{text.strip()[:200]}{told}"

    return _apply(db, clock, actor, ticket_id, change)


def set_special_services(
    db: Database, clock: Clock, actor: Actor, ticket_id: int, lines: Sequence[tuple[str, int]]
) -> TicketDetail:
    """The special services the owner chose (F8): (code, quantity) from the price list. A line the
    ticket already had keeps the price the owner agreed to; new lines take today's price."""

    def change(s: Session, t: DomainTicket, now: datetime) -> tuple[DomainTicket, EventKind, str]:
        prices = settings_in(s).price_list
        agreed = {line.code: line for line in t.special_services}
        chosen = []
        for code, quantity in lines:
            kept = agreed.get(code)
            chosen.append(prices.choose(code, quantity) if kept is None else replace(kept, quantity=quantity))
        after = t.with_special_services(chosen)
        summary = "，".join(f"{x.name_zh}×{x.quantity}" for x in chosen)
        return after, EventKind.SERVICES_CHANGED, f"{summary}；合计 {after.special_services_total} 元"

    return _apply(db, clock, actor, ticket_id, change, doing=("修改特约服务", "change its special services"))


def add_photo(db: Database, clock: Clock, actor: Actor, ticket_id: int, path: Path) -> TicketDetail:
    """Keep a photo with the ticket (copied into the attachment store first, outside the unit of work)."""
    stored = blob_store().put(path)
    with db.session() as s:
        loaded = load(s, ticket_id)
        add_photo_row(s, ticket_id, path.name, stored.sha256, stored.size, actor.user_id, clock.now())
        desk_tickets.touch(s, loaded.row)
        desk_tickets.record_event(s, ticket_id, EventKind.PHOTO_ADDED, actor.user_id, clock.now(), path.name)
        s.flush()
        return detail_in(s, clock, ticket_id)
