"""Exporting the owner roster (业主名册导出, A2) to ``.xlsx``, in the one natural order (A9).

The headers are the ones :mod:`estate_desk.domain.estate.roster` guesses, so an exported file imports
back with no changes. The roster is the owner files' particulars (绝密, A12): exporting it needs
that clearance and the right to export it (A11), and is recorded in the audit trail.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import and_, select

from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.estate.roster import EXPORT_HEADERS, Field
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy.clearance import may_see_owner_files
from estate_desk.services.secrecy.print_rights import record_output, require_output
from estate_desk.services.spreadsheets import write_xlsx
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.estate.roster_cells import Cell
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)


def export_roster(db: Database, actor: Actor, path: Path) -> int:
    """Write every room and its current owner(s) to ``.xlsx`` in natural order (A9); returns the rows.

    The headers are the ones the importer knows, so the file imports back with no changes.
    Owner details are top secret (绝密, A12): exporting needs that clearance (A11).
    """
    require_role(actor, ARCHIVE_KEEPERS, zh="导出业主名册", en="export the owner roster")
    what = Target("printout", None, "业主名册", int(OWNER_FILE_GRADE))
    if not may_see_owner_files(actor):
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh="业主档案为绝密，导出业主名册需要绝密权限。",
                en="Owner files are top secret; exporting the roster needs top-secret clearance.",
                rule="A11",
            ),
            what,
        )
    require_output(db, actor, Output.EXPORT, OWNER_FILE_GRADE, what, "业主名册", "owner roster")
    if path.suffix.lower() != ".xlsx":
        raise InputProblem(
            zh="业主名册导出为 .xlsx 文件", en="The roster is exported as an .xlsx file", where=str(path)
        )
    with db.session() as s:
        query = (
            select(Room, Building.number, Ownership, Owner)
            .join(Building, Building.id == Room.building_id)
            .outerjoin(Ownership, and_(Ownership.room_id == Room.id, Ownership.end_date.is_(None)))
            .outerjoin(Owner, Owner.id == Ownership.owner_id)
        )
        found = [(room, number, ownership, owner) for room, number, ownership, owner in s.execute(query)]

    def order(item: tuple[Room, int, Ownership | None, Owner | None]) -> tuple[tuple[int, ...], int]:
        room, number, ownership, _ = item
        try:
            key: tuple[int, ...] = room_sort_key(RoomCode(number, room.unit, room.floor, room.number))
        except InputProblem:
            key = (number, room.floor, room.unit is not None, room.unit or 0, room.number)
        return key, ownership.id if ownership is not None else 0

    cells: list[list[Cell]] = []
    for room, number, ownership, owner in sorted(found, key=order):
        values: dict[Field, Cell] = {
            Field.BUILDING: number,
            Field.UNIT: room.unit,
            Field.ROOM: room.number,
            Field.AREA: None if room.area_m2 is None else Decimal(str(room.area_m2)).quantize(Decimal("0.01")),
        }
        if owner is not None and ownership is not None:
            values.update(
                {
                    Field.OWNER_NAME: owner.name,
                    Field.PHONE: owner.phone or None,
                    Field.MOVE_IN: ownership.move_in_date,
                    Field.ID_NUMBER: owner.id_number or None,
                    Field.ADDRESS: owner.address or None,
                }
            )
        cells.append([values.get(f) for f, _ in EXPORT_HEADERS])
    written = write_xlsx(path, "业主名册", [header for _, header in EXPORT_HEADERS], cells)
    record_output(db, actor, Output.EXPORT, what, path, {"rows": written})
    log.info("%s exported the owner roster (%d rows) to %s", actor.username, written, path)
    return written
