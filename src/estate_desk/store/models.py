"""Every model, imported in one place so the metadata is complete (alembic, tests)."""

from estate_desk.store.accounts import Office, Setting, User
from estate_desk.store.archive import ArchiveBox, ArchiveCounter, Cabinet, Category, Document, Volume
from estate_desk.store.base import Base
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Building, Owner, Ownership, Room

__all__ = [
    "ArchiveBox",
    "ArchiveCounter",
    "Base",
    "Building",
    "Cabinet",
    "Category",
    "Document",
    "Office",
    "Owner",
    "Ownership",
    "Room",
    "Setting",
    "Ticket",
    "User",
    "Volume",
]
