"""Moves (移动记录, A7): every move of a box or a document recorded, and read back.

Each move keeps where from, where to, why, who and when, and goes into the audit trail: a box's move is seen
by everyone (its code and place are not secret), a document's at the document's grade. A box's place is
written one way everywhere (:func:`box_place`): its code and where it stands, or 未上架.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.services import audit
from estate_desk.services.archive.register import place_text
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import User
from estate_desk.store.archive import ArchiveBox, Cabinet, Document, Movement

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def box_place(s: Session, box: ArchiveBox | None) -> str:
    """Where a box stands, as a move records it: its code and cabinet, shelf and position (or 未上架)."""
    if box is None:
        return ""
    cabinet = s.get(Cabinet, box.cabinet_id) if box.cabinet_id else None
    return f"{box.code}（{place_text(cabinet, box.shelf, box.position) or '未上架'}）"


def _moved(s: Session, box_id: int | None, document_id: int | None) -> Target:
    """What a movement is about: a box (its code and place are seen by everyone), or a document at its grade."""
    if box_id is not None:
        return Target("box", box_id)
    document = s.get(Document, document_id) if document_id is not None else None
    return Target("document", document_id, grade=document.secrecy if document is not None else None)


def record_move(
    s: Session,
    clock: Clock,
    actor: Actor,
    *,
    box_id: int | None = None,
    document_id: int | None = None,
    from_place: str,
    to_place: str,
    reason: str = "",
) -> None:
    """Record one move of a box or a document, and audit it."""
    s.add(
        Movement(
            box_id=box_id,
            document_id=document_id,
            from_place=from_place[:200],
            to_place=to_place[:200],
            reason=reason[:200],
            moved_by=actor.user_id,
            moved_at=clock.now(),
        )
    )
    audit.record(
        s,
        actor,
        AuditAction.CHANGE,
        _moved(s, box_id, document_id),
        reason=reason[:200],
        detail={"from": from_place[:200], "to": to_place[:200]},
        clock=clock,
    )


@dataclass(frozen=True)
class MovementRow:
    from_place: str
    to_place: str
    reason: str
    moved_by: str
    moved_at: datetime


def movements_of(
    db: Database, actor: Actor, *, box_id: int | None = None, document_id: int | None = None
) -> list[MovementRow]:
    """The moves of a box, or of a document the reader may see, oldest first."""
    query = select(Movement, User.display_name).outerjoin(User, User.id == Movement.moved_by)
    if box_id is not None:
        query = query.where(Movement.box_id == box_id)
    if document_id is not None:
        with db.session() as s:
            clearance.visible_document(s, actor, document_id)
        query = query.where(Movement.document_id == document_id)
    with db.session() as s:
        return [
            MovementRow(m.from_place, m.to_place, m.reason, who or "", m.moved_at)
            for m, who in s.execute(query.order_by(Movement.moved_at, Movement.id))
        ]
