"""Completion and return visit (处理完毕、回访, F1, F3), and the notices they send.

Completion: the handler's explanation and the owner's confirmation — a signature drawn on screen,
a photo of the signed slip, or a confirmation by phone; kinds the office marks (repairs and
special services by default) cannot be completed without a kept signature. The image goes into
the attachment store; the first receiver gets a notice in the application ("完成待回访").

Return visit: only the first receiver, or a supervisor, may record it (F1). Satisfied or basically
satisfied closes the ticket and files it into the archive (A2, A4); not satisfied reopens it with
every clock as it was.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, select, update

from estate_desk.domain.desk.terms import Confirmation, TicketStatus
from estate_desk.domain.errors import InputProblem
from estate_desk.services.archive.attachments import store_bytes
from estate_desk.services.desk.detail import TicketDetail, detail_in
from estate_desk.services.desk.filing import file_closed_ticket
from estate_desk.services.desk.settings import settings_in
from estate_desk.services.desk.tickets import (
    DESK_SUPERVISORS,
    EventKind,
    load,
    record_event,
    require_hand_in,
    require_user,
    save,
)
from estate_desk.store.desk import Notification, Ticket

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from sqlalchemy import CursorResult
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.terms import Satisfaction
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

MAX_IMAGE = 20 * 1024 * 1024
COMPLETED_NOTICE = "completed"


def _image_suffix(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    raise InputProblem(zh="签字图片须为 PNG 或 JPEG。", en="The signature image must be a PNG or a JPEG.", rule="F3")


def complete(
    db: Database,
    clock: Clock,
    actor: Actor,
    ticket_id: int,
    *,
    explanation: str,
    confirmation: Confirmation,
    signature_image: bytes | None = None,
    phone_record: str = "",
    handler_id: int | None = None,
    at: datetime | None = None,
) -> TicketDetail:
    """Handling done (F3). ``signature_image``: the PNG drawn on screen, or the photo of the signed
    slip (JPEG/PNG); ``phone_record``: how a phone confirmation was taken. ``handler_id``: who did
    the work (default: the ticket's handler, else the actor). Once a handler is named, only they,
    the first receiver or the desk may record it. Notifies the first receiver."""
    record = ""
    suffix = ""
    if confirmation.is_signature:
        if not signature_image:
            raise InputProblem(
                zh="请让业主在屏幕上签字，或拍下签字单的照片。",
                en="Have the owner sign on screen, or take a photo of the signed slip.",
                rule="F3",
            )
        if len(signature_image) > MAX_IMAGE:
            raise InputProblem(
                zh="签字图片过大（最多 20 MB）。", en="The signature image is too large (20 MB at most)."
            )
        suffix = _image_suffix(signature_image)
        from estate_desk.printing.ticket_slip import check_image  # reportlab, only when a signature comes

        check_image(signature_image)  # the slip must be able to print it when the ticket closes
        record = hashlib.sha256(signature_image).hexdigest()
    else:
        record = phone_record.strip()[:200]
    now = clock.now()
    with db.session() as s:
        loaded = load(s, ticket_id)
        row = loaded.row
        if row.handler_id is not None:  # with nobody named yet, whoever did the work records it
            require_hand_in(actor, row, zh="登记办结", en="record the completion")
        handler = handler_id if handler_id is not None else (row.handler_id or actor.user_id)
        require_user(s, handler, rule="F3")
        after = loaded.ticket.complete(
            handler_id=handler,
            explanation=explanation,
            confirmation=confirmation,
            now=now,
            signature_record=record,
            policy=settings_in(s).policy,
            at=at,
        )
        if signature_image:  # kept only once the rules have accepted the completion
            stored = store_bytes(signature_image, f"signature-{row.number}{suffix}")
            assert stored.sha256 == record
        save(
            s,
            loaded,
            after,
            actor_id=actor.user_id,
            at=now,
            event=EventKind.COMPLETED,
            detail=explanation.strip()[:200],
        )
        if row.first_receiver_id != actor.user_id:
            s.add(Notification(user_id=row.first_receiver_id, ticket_id=row.id, kind=COMPLETED_NOTICE, created_at=now))
        s.flush()
        return detail_in(s, clock, ticket_id)


def return_visit(
    db: Database,
    clock: Clock,
    actor: Actor,
    ticket_id: int,
    result: Satisfaction,
    *,
    note: str = "",
    at: datetime | None = None,
) -> TicketDetail:
    """The return visit (回访) by the first receiver or a supervisor (F1). Satisfied (or basically)
    closes the ticket and files it into the archive; not satisfied reopens it, clocks intact."""
    now = clock.now()
    with db.session() as s:
        loaded = load(s, ticket_id)
        row = loaded.row
        supervisor = actor.role in DESK_SUPERVISORS and actor.user_id != row.first_receiver_id
        after = loaded.ticket.record_return_visit(
            visitor_id=actor.user_id, result=result, now=now, visitor_is_supervisor=supervisor, note=note, at=at
        )
        save(s, loaded, after, actor_id=actor.user_id, at=now, event=EventKind.RETURN_VISIT, detail=result.label_zh)
        _read(s, now, ticket_id=row.id)
        if after.status is TicketStatus.OPEN:
            record_event(s, row.id, EventKind.REOPENED, actor.user_id, now, note.strip())
        elif after.status is TicketStatus.CLOSED:
            record_event(s, row.id, EventKind.CLOSED, actor.user_id, now)
            file_closed_ticket(s, clock, row, after, filed_by=actor.user_id)
        s.flush()
        return detail_in(s, clock, ticket_id)


# --------------------------------------------------------------------------- notices


@dataclass(frozen=True)
class NotificationRow:
    """A notice for the signed-in user, e.g. "GD20261123-004 completed: do the return visit"."""

    id: int
    ticket_id: int
    number: str
    kind: str
    created_at: datetime
    read_at: datetime | None

    def text(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            return f"工单 {self.number} 已处理完毕，请回访业主。"
        return f"Ticket {self.number} is done: please do the return visit."


def notifications(db: Database, actor: Actor, *, unread_only: bool = True) -> list[NotificationRow]:
    """The actor's notices, newest first."""
    query = (
        select(Notification, Ticket.number)
        .join(Ticket, Notification.ticket_id == Ticket.id)
        .where(Notification.user_id == actor.user_id)
    )
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    with db.session() as s:
        return [
            NotificationRow(n.id, n.ticket_id, number, n.kind, n.created_at, n.read_at)
            for n, number in s.execute(query.order_by(Notification.created_at.desc(), Notification.id.desc()))
        ]


def unread_count(db: Database, actor: Actor) -> int:
    """How many notices the actor has not read (cheap enough to poll with the board)."""
    with db.session() as s:
        query = select(func.count()).where(Notification.user_id == actor.user_id, Notification.read_at.is_(None))
        return s.scalar(query) or 0


def _read(
    s: Session,
    now: datetime,
    *,
    ticket_id: int | None = None,
    user_id: int | None = None,
    ids: Sequence[int] | None = None,
) -> int:
    query = update(Notification).where(Notification.read_at.is_(None))
    if ticket_id is not None:
        query = query.where(Notification.ticket_id == ticket_id)
    if user_id is not None:
        query = query.where(Notification.user_id == user_id)
    if ids is not None:
        query = query.where(Notification.id.in_(list(ids)))
    result = cast("CursorResult[Any]", s.execute(query.values(read_at=now)))
    return result.rowcount or 0


def mark_read(db: Database, clock: Clock, actor: Actor, ids: Sequence[int] | None = None) -> int:
    """Mark the actor's notices read (all of them, or ``ids``); returns how many."""
    with db.session() as s:
        return _read(s, clock.now(), user_id=actor.user_id, ids=ids)
