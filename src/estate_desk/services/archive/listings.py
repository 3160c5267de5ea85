"""Lists the archive window chooses from: households in A9 order, a volume's documents, boxes to fill.

Reading only; within the reader's clearance where records are concerned. The household list
names owners (and their phones) only for readers cleared for owner files (A12): below that it is a
list of rooms, so it never becomes a directory to find an owner in by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.services.archive.register import place_text
from estate_desk.services.secrecy import clearance
from estate_desk.services.secrecy.clearance import documents_visible
from estate_desk.store.archive import ArchiveBox, Cabinet, Category, Document
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    from datetime import date

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class Household:
    """A room (房间) and who owns it now (业主), as the owner view lists them."""

    room_id: int
    room_code: str
    building: int
    unit: int | None
    floor: int
    number: int
    owner_id: int | None
    owner_name: str | None
    phone: str | None
    move_in: date | None


def households(db: Database, actor: Actor) -> list[Household]:
    """Every room with its current owner, by building → floor → room, numerically (A9).

    Owner id, name and phone are left empty for readers not cleared for owner files (A12)."""
    query = (
        select(Room, Building.number, Owner.id, Owner.name, Owner.phone, Ownership.move_in_date)
        .join(Building, Building.id == Room.building_id)
        .outerjoin(Ownership, (Ownership.room_id == Room.id) & Ownership.end_date.is_(None))
        .outerjoin(Owner, Owner.id == Ownership.owner_id)
    )
    owners = clearance.may_see_owner_files(actor)
    with db.session() as s:
        rows = [
            Household(
                room.id,
                room.code,
                building,
                room.unit,
                room.floor,
                room.number,
                oid if owners else None,
                name if owners else None,
                phone if owners else None,
                move_in,
            )
            for room, building, oid, name, phone, move_in in s.execute(query)
        ]
    return sorted(rows, key=lambda h: (room_sort_key(RoomCode.of(h.building, h.unit, h.number)), h.room_id))


def volume_documents(db: Database, actor: Actor, volume_id: int) -> list[int]:
    """The documents bound into a volume (案卷), in archive-number order, within clearance; none at all
    when the volume itself is above the reader's clearance (it is as secret as its most secret item)."""
    with db.session() as s:
        if not clearance.visible_volume_ids(s, actor, [volume_id]):
            return []
        return list(
            s.scalars(
                select(Document.id)
                .where(Document.volume_id == volume_id, documents_visible(actor))
                .order_by(Document.archive_no)
            )
        )


@dataclass(frozen=True)
class BoxChoice:
    """A box to put something in: its code, year and where it stands."""

    id: int
    code: str
    category_code: str
    year: int
    place: str | None


def box_choices(db: Database, actor: Actor, category_code: str | None = None) -> list[BoxChoice]:
    """Boxes (of one category, where given), newest year first, then by code."""
    query = (
        select(ArchiveBox, Category.code, Cabinet)
        .join(Category, Category.id == ArchiveBox.category_id)
        .outerjoin(Cabinet, Cabinet.id == ArchiveBox.cabinet_id)
        .order_by(ArchiveBox.year.desc(), ArchiveBox.code)
    )
    if category_code is not None:
        query = query.where(Category.code == category_code)
    with db.session() as s:
        return [
            BoxChoice(box.id, box.code, code, box.year, place_text(cabinet, box.shelf, box.position))
            for box, code, cabinet in s.execute(query)
        ]
