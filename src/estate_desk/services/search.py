"""One search field for everything: owners, rooms, archive numbers, boxes, titles (within clearance).

This first version matches with LIKE and pinyin prefixes; the indexed search of the archive
register (one- and two-character Chinese names, trigram index) replaces the matching, not the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from estate_desk.store.archive import ArchiveBox, Document
from estate_desk.store.estate import Owner, Ownership, Room

if TYPE_CHECKING:
    from estate_desk.services.accounts import Actor
    from estate_desk.store.database import Database

LIMIT = 20


class HitKind(StrEnum):
    OWNER = "owner"
    ROOM = "room"
    DOCUMENT = "document"
    BOX = "box"


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    id: int
    title: str
    detail: str


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(db: Database, actor: Actor, text: str) -> list[Hit]:
    query = text.strip()
    if not query:
        return []
    like = _like(query)
    lower = query.lower()
    hits: list[Hit] = []
    with db.session() as s:
        owners = s.execute(
            select(Owner.id, Owner.name, Room.code)
            .outerjoin(Ownership, (Ownership.owner_id == Owner.id) & Ownership.end_date.is_(None))
            .outerjoin(Room, Ownership.room_id == Room.id)
            .where(
                or_(
                    Owner.name.like(like, escape="\\"),
                    Owner.pinyin.startswith(lower, autoescape=True),
                    Owner.pinyin_initials.startswith(lower, autoescape=True),
                )
            )
            .order_by(Owner.name)
            .limit(LIMIT)
        )
        hits += [Hit(HitKind.OWNER, oid, name, code or "") for oid, name, code in owners]
        rooms = s.execute(select(Room.id, Room.code).where(Room.code.like(like, escape="\\")).limit(LIMIT))
        hits += [Hit(HitKind.ROOM, rid, code, "") for rid, code in rooms]
        boxes = s.execute(
            select(ArchiveBox.id, ArchiveBox.code).where(ArchiveBox.code.like(like, escape="\\")).limit(LIMIT)
        )
        hits += [Hit(HitKind.BOX, bid, code, "") for bid, code in boxes]
        docs = s.execute(
            select(Document.id, Document.archive_no, Document.title)
            .where(Document.secrecy <= int(actor.clearance))
            .where(
                or_(
                    Document.archive_no.like(like, escape="\\"),
                    Document.title.like(like, escape="\\"),
                    Document.doc_number.like(like, escape="\\"),
                )
            )
            .order_by(Document.archive_no)
            .limit(LIMIT)
        )
        hits += [Hit(HitKind.DOCUMENT, did, title, no) for did, no, title in docs]
    return hits
