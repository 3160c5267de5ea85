"""The estate's buildings, rooms, owners and ownerships (A2, A9)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.estate.rooms import KnownRooms
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock


@lru_cache(maxsize=65536)
def name_pinyin(name: str) -> tuple[str, str]:
    """Full pinyin without tones and the initials, lower case: 张三 → ("zhangsan", "zs").

    Remembered: a roster of 50,000 owners repeats its common names thousands of times."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take half a second to load: not at start-up

    syllables = [p.lower() for p in lazy_pinyin(name, errors="ignore") if p.strip()]
    initials = [p.lower()[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p.strip()]
    return "".join(syllables), "".join(initials)


def ensure_building(s: Session, number: int, floors: int) -> Building:
    building = s.scalar(select(Building).where(Building.number == number))
    if building is None:
        building = Building(number=number, name=f"{number}栋", floors=floors)
        s.add(building)
        s.flush()
    return building


def add_room(s: Session, building: Building, unit: int | None, number: int, area_m2: float | None = None) -> Room:
    floor = number // 100 if number >= 100 else 1
    code = f"{building.number}栋{f'{unit}单元' if unit is not None else ''}{number}"
    room = Room(building_id=building.id, unit=unit, floor=floor, number=number, code=code, area_m2=area_m2)
    s.add(room)
    return room


def add_owner(s: Session, clock: Clock, name: str, phone: str | None = None, kind: str = "person") -> Owner:
    full, initials = name_pinyin(name)
    owner = Owner(
        name=name.strip(), kind=kind, phone=phone, pinyin=full, pinyin_initials=initials, created_at=clock.now()
    )
    s.add(owner)
    return owner


def add_ownership(s: Session, room: Room, owner: Owner, start: date, move_in: date | None) -> Ownership:
    ownership = Ownership(room=room, owner=owner, start_date=start, move_in_date=move_in)
    s.add(ownership)
    return ownership


def known_rooms(s: Session) -> KnownRooms:
    """The estate's buildings and the units each has (``None``: rooms without a unit) — what settles a
    room code that reads two ways. One grouped query: a few hundred pairs even on a big estate."""
    units: dict[int, set[int | None]] = {}
    query = (
        select(Building.number, Room.unit, func.count(Room.id))
        .join(Room, Room.building_id == Building.id, isouter=True)
        .group_by(Building.number, Room.unit)
    )
    for number, unit, rooms in s.execute(query):
        found = units.setdefault(number, set())
        if rooms:
            found.add(unit)
    return KnownRooms({number: frozenset(found) for number, found in units.items()})
