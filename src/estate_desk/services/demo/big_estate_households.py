"""The big estate's buildings, rooms and owners (issue 10), written in bulk.

Buildings of 6 to 33 floors with one to four units, one owner per room (about 1 % companies), each with
pinyin for the search and a move-in date; the step ``estate`` of ``services/demo/big_estate.py``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from estate_desk.domain.estate.rooms import RoomCode, format_room_code
from estate_desk.services.demo.big_estate_names import person_name
from estate_desk.services.demo.big_estate_plan import next_id, table_of, write_rows
from estate_desk.services.estate import buildings as estate
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    import random
    from collections.abc import Iterator

    from sqlalchemy import Connection

    from estate_desk.services.demo.big_estate_plan import Plan


def _buildings(rng: random.Random, households: int) -> Iterator[tuple[int, int, tuple[int | None, ...], int]]:
    """(number, floors, units, rooms per floor) until there are enough households; up to 33 floors."""
    number, total = 0, 0
    while total < households:
        number += 1
        floors = rng.choice((6, 11, 18, 26, 32, 33))
        unit_count = rng.choice((1, 2, 2, 3, 4))
        units: tuple[int | None, ...] = (None,) if unit_count == 1 else tuple(range(1, unit_count + 1))
        per_floor = rng.choice((2, 2, 3, 4))
        total += floors * len(units) * per_floor
        yield number, floors, units, per_floor


def write_estate(connection: Connection, plan: Plan) -> None:
    rng = plan.rng
    now = plan.clock.now()
    building_id, room_id, owner_id = (next_id(connection, m) for m in (Building, Room, Owner))
    ownership_id = next_id(connection, Ownership)
    buildings: list[dict[str, Any]] = []
    rooms: list[dict[str, Any]] = []
    owners: list[dict[str, Any]] = []
    ownerships: list[dict[str, Any]] = []
    pinyin_cache: dict[str, tuple[str, str]] = {}
    for number, floors, units, per_floor in _buildings(rng, plan.households):
        buildings.append({"id": building_id, "number": number, "name": f"{number}栋", "floors": floors})
        for unit in units:
            for floor in range(1, floors + 1):
                for r in range(1, per_floor + 1):
                    if len(rooms) >= plan.households:
                        break
                    code = format_room_code(RoomCode.of(number, unit, floor * 100 + r))
                    rooms.append(
                        {
                            "id": room_id,
                            "building_id": building_id,
                            "unit": unit,
                            "floor": floor,
                            "number": floor * 100 + r,
                            "code": code,
                            "area_m2": rng.choice((68, 89, 105, 126, 143, 168)),
                        }
                    )
                    name = rng.choice(("翠湖商贸有限公司", "恒信咨询有限公司")) if rng.random() < 0.01 else ""
                    name = name or person_name(rng)
                    if name not in pinyin_cache:
                        pinyin_cache[name] = estate.name_pinyin(name)
                    full, initials = pinyin_cache[name]
                    owners.append(
                        {
                            "id": owner_id,
                            "name": name,
                            "kind": "company" if name.endswith("公司") else "person",
                            "phone": (phone := f"13{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}"),
                            "phone_digits": phone,  # digits already: the normalised form is the number
                            "address": "",
                            "id_number": "",
                            "pinyin": full,
                            "pinyin_initials": initials,
                            "created_at": now,
                        }
                    )
                    move_in = date(2008, 3, 1) + timedelta(days=rng.randint(0, 6000))
                    ownerships.append(
                        {
                            "id": ownership_id,
                            "room_id": room_id,
                            "owner_id": owner_id,
                            "move_in_date": move_in,
                            "start_date": move_in,
                            "end_date": None,
                        }
                    )
                    plan.room_ids.append(room_id)
                    plan.owner_ids.append(owner_id)
                    plan.room_codes.append(code)
                    plan.owner_names.append(name)
                    room_id, owner_id, ownership_id = room_id + 1, owner_id + 1, ownership_id + 1
        building_id += 1
    write_rows(connection, table_of(Building), buildings)
    write_rows(connection, table_of(Room), rooms)
    write_rows(connection, table_of(Owner), owners)
    write_rows(connection, table_of(Ownership), ownerships)
