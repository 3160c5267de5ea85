"""The archive clerk's routines: room inspections (A10), census (A14), arrears follow-ups (A15)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from estate_desk.store.base import Base, UTCDateTime
from estate_desk.store.estate import Room


class Inspection(Base):
    """One inspection of the archive room (A10): each check passed or not, plus readings."""

    __tablename__ = "inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspected_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    fire_ok: Mapped[bool] = mapped_column(Boolean)  # fire equipment present and in date
    damp_ok: Mapped[bool] = mapped_column(Boolean)
    pests_ok: Mapped[bool] = mapped_column(Boolean)  # insects
    rodents_ok: Mapped[bool] = mapped_column(Boolean)
    ventilation_ok: Mapped[bool] = mapped_column(Boolean)
    clean_ok: Mapped[bool] = mapped_column(Boolean)
    temperature_c: Mapped[Decimal | None] = mapped_column(Numeric(5, 1), nullable=True)
    humidity_pct: Mapped[Decimal | None] = mapped_column(Numeric(5, 1), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class CensusTask(Base):
    """One household's check in one quarter's census (家庭情况普查, A14)."""

    __tablename__ = "census_tasks"
    __table_args__ = (UniqueConstraint("quarter", "room_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter: Mapped[str] = mapped_column(String(8), index=True)  # "2026Q4"
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"), index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    changes: Mapped[str] = mapped_column(Text, default="")  # what changed, in words
    note: Mapped[str] = mapped_column(Text, default="")

    room: Mapped[Room] = relationship()


class Arrear(Base):
    """A household's fee arrears (欠费, A15): type, amount and since when."""

    __tablename__ = "arrears"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"), index=True)
    fee_type: Mapped[str] = mapped_column(String(20))  # management | water | electricity | other
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    since: Mapped[date] = mapped_column(Date)
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    room: Mapped[Room] = relationship()


class ArrearsFollowUp(Base):
    """One follow-up (催缴) of a household's arrears, with what was said (A15)."""

    __tablename__ = "arrears_followups"

    id: Mapped[int] = mapped_column(primary_key=True)
    arrear_id: Mapped[int] = mapped_column(ForeignKey("arrears.id"), index=True)
    followed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    by_user: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    method: Mapped[str] = mapped_column(String(20), default="phone")  # phone | visit | notice | message
    said: Mapped[str] = mapped_column(Text, default="")
