"""What the front desk's screens choose from: the buildings to filter the board by, and every
on-call number (值班电话, F5) for the panel the desk opens at any hour.

:func:`~estate_desk.services.desk.settings.on_call_board` shows the numbers only while nobody is
at the desk; the panel a receptionist opens on purpose (F5) shows them at any hour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.services.desk.settings import on_call_contacts_in
from estate_desk.store.estate import Building

if TYPE_CHECKING:
    from estate_desk.domain.desk.office_hours import OnCallContact
    from estate_desk.store.database import Database


def building_numbers(db: Database) -> list[int]:
    """The estate's buildings (栋), by number."""
    with db.session() as s:
        return sorted(s.scalars(select(Building.number)))


def on_call_list(db: Database) -> tuple[OnCallContact, ...]:
    """Every number to call: the office's extra contacts, then the staff with a phone (F5)."""
    with db.session() as s:
        return on_call_contacts_in(s)
