"""Reading the archive for lists: ids first, rows by page (for thin item models), within clearance.

Every query carries :func:`estate_desk.services.secrecy.clearance.documents_visible`; owners are named in
document rows only for readers cleared for owner files (A12); a box says its grade (that of the most
secret item in it) and how many of its items the reader may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import STATUS_DESTROYED, VOID_MARK
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.secrecy import clearance
from estate_desk.services.secrecy.clearance import documents_visible
from estate_desk.store import archive_counts
from estate_desk.store.archive import ArchiveBox, Cabinet, Category, Document
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class CategoryNode:
    id: int
    code: str
    name_zh: str
    name_en: str
    parent_id: int | None
    visible_documents: int


@dataclass(frozen=True)
class DocumentRow:
    id: int
    archive_no: str
    title: str
    year: int
    pages: int
    secrecy: Grade
    retention: Retention
    box_code: str | None
    place: str | None  # cabinet · shelf · position
    room_code: str | None
    owner_name: str | None
    has_paper: bool
    void: bool = False  # 作废 (A16)
    destroyed: bool = False  # 已销毁 (A17): a tombstone, its catalogue data kept

    @property
    def status(self) -> str:
        """The mark lists show: 已销毁, 作废 or nothing."""
        return STATUS_DESTROYED if self.destroyed else VOID_MARK if self.void else ""


def categories(db: Database, actor: Actor) -> list[CategoryNode]:
    with db.session() as s:
        counts = archive_counts.category_totals(s, int(actor.clearance))  # maintained, not counted (issue 18)
        return [
            CategoryNode(c.id, c.code, c.name_zh, c.name_en, c.parent_id, counts.get(c.id, 0))
            for c in s.scalars(select(Category).order_by(Category.sort_order, Category.id))
        ]


def document_ids(db: Database, actor: Actor, category_id: int | None) -> list[int]:
    """Ids in archive-number order: the whole list is cheap, rows come later by page."""
    query = select(Document.id).where(documents_visible(actor))
    if category_id is not None:
        query = query.where(Document.category_id == category_id)
    with db.session() as s:
        return list(s.scalars(query.order_by(Document.archive_no)))


def document_rows(db: Database, actor: Actor, ids: Sequence[int]) -> dict[int, DocumentRow]:
    if not ids:
        return {}
    query = (
        select(Document, ArchiveBox.code, Cabinet.name, ArchiveBox.shelf, ArchiveBox.position, Room.code, Owner.name)
        .outerjoin(ArchiveBox, Document.box_id == ArchiveBox.id)
        .outerjoin(Cabinet, ArchiveBox.cabinet_id == Cabinet.id)
        .outerjoin(Room, Document.room_id == Room.id)
        .outerjoin(Owner, Document.owner_id == Owner.id)
        .where(Document.id.in_(list(ids)), documents_visible(actor))
    )
    rows: dict[int, DocumentRow] = {}
    with db.session() as s:
        for doc, box_code, cabinet, shelf, position, room_code, owner_name in s.execute(query):
            place = f"{cabinet} · {shelf}-{position}" if cabinet else None
            rows[doc.id] = DocumentRow(
                doc.id,
                doc.archive_no,
                doc.title,
                doc.year,
                doc.pages,
                Grade(doc.secrecy),
                Retention.parse(doc.retention),
                box_code,
                place,
                room_code,
                clearance.owner_name_for(actor, owner_name),
                doc.has_paper,
                doc.void,
                doc.destroyed_in is not None,
            )
    return rows


@dataclass(frozen=True)
class TicketRow:
    id: int
    number: str
    kind: str
    subject: str
    room_code: str | None
    status: str


def open_tickets(db: Database, actor: Actor) -> list[TicketRow]:
    query = (
        select(Ticket, Room.code)
        .outerjoin(Room, Ticket.room_id == Room.id)
        .where(Ticket.status != "closed")
        .order_by(Ticket.received_at)
    )
    with db.session() as s:
        return [TicketRow(t.id, t.number, t.kind, t.subject, code, t.status) for t, code in s.execute(query)]


@dataclass(frozen=True)
class BoxRow:
    id: int
    code: str
    category_zh: str
    category_en: str
    year: int
    spine_mm: int
    place: str | None
    grade: Grade = Grade.PUBLIC  # as secret as the most secret item in it
    hidden: int = 0  # items above the reader's clearance: counted, never named


def boxes(db: Database, actor: Actor) -> list[BoxRow]:
    query = (
        select(ArchiveBox, Category.name_zh, Category.name_en, Cabinet.name)
        .join(Category, ArchiveBox.category_id == Category.id)
        .outerjoin(Cabinet, ArchiveBox.cabinet_id == Cabinet.id)
        .order_by(Cabinet.code, ArchiveBox.shelf, ArchiveBox.position)
    )
    with db.session() as s:
        found = s.execute(query).all()
        grades = clearance.box_grades(s, [b.id for b, *_ in found])
        hidden = clearance.hidden_counts(s, actor, [b.id for b, *_ in found])
        return [
            BoxRow(
                b.id,
                b.code,
                zh,
                en,
                b.year,
                b.spine_mm,
                f"{cab} · {b.shelf}-{b.position}" if cab else None,
                grades[b.id],
                hidden.get(b.id, 0),
            )
            for b, zh, en, cab in found
        ]
