"""The estate: buildings, rooms, owners and who owned what when (A2, A9, A13)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from estate_desk.domain.estate.phones import phone_digits
from estate_desk.store.base import Base, UTCDateTime


class Building(Base):
    """A building (栋/号楼)."""

    __tablename__ = "buildings"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(60))  # as the office writes it: "3栋"
    floors: Mapped[int] = mapped_column(Integer, default=1)

    rooms: Mapped[list[Room]] = relationship(back_populates="building")


class Room(Base):
    """A room (房间), identified by building, optional unit (单元) and room number."""

    __tablename__ = "rooms"
    __table_args__ = (UniqueConstraint("building_id", "unit", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id"), index=True)
    unit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    floor: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)  # 1502
    code: Mapped[str] = mapped_column(String(40), unique=True)  # canonical "3栋2单元1502"
    area_m2: Mapped[float | None] = mapped_column(Numeric(10, 2), nullable=True)

    building: Mapped[Building] = relationship(back_populates="rooms")


class Owner(Base):
    """An owner (业主): a person or a company."""

    __tablename__ = "owners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")  # person | company
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)  # as typed: "+86 138-0013-8000"
    # the normalised phone (13800138000) that search and duplicate checks use; kept by _keep_phone_digits
    phone_digits: Mapped[str] = mapped_column(String(40), default="", server_default="", index=True)
    address: Mapped[str] = mapped_column(String(200), default="")  # contact address
    id_number: Mapped[str] = mapped_column(String(40), default="")  # 证件号 (ID card / licence)
    pinyin: Mapped[str] = mapped_column(String(400), default="", index=True)
    pinyin_initials: Mapped[str] = mapped_column(String(120), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # LAN edit conflicts (issue 9)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - read once by the mapper


@event.listens_for(Owner, "before_insert", propagate=True)
@event.listens_for(Owner, "before_update", propagate=True)
def _keep_phone_digits(mapper: Any, connection: Any, owner: Owner) -> None:
    """Whoever writes an owner's phone through the ORM, the normalised form follows it."""
    owner.phone_digits = phone_digits(owner.phone)


class Ownership(Base):
    """Who owned a room from when to when; a transfer (过户) closes one and opens the next."""

    __tablename__ = "ownerships"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"), index=True)
    move_in_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # 入住时间
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    room: Mapped[Room] = relationship()
    owner: Mapped[Owner] = relationship()


class OwnerChange(Base):
    """One change in an owner's file (A13): a contact detail, or the owner of a room.

    Kept for ever; the owner's file shows old value, new value, who and when.
    """

    __tablename__ = "owner_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"), index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True, index=True)
    field: Mapped[str] = mapped_column(String(40))  # phone | address | name | … | owner (a transfer)
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="edit")  # edit | transfer | census | import
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
