"""The front desk: tickets opened by a first receiver (F1–F8), the desk's days and counters.

A ticket's histories (postponement, completions, return visits, progress notes …) are child
tables in :mod:`estate_desk.store.desk_records`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class Ticket(Base):
    """A request received at the desk (工单). The first receiver (首按责任人) never changes (F1).

    ``matter`` is what it is about in a few words (漏水, 装修噪音); ``matter_key`` its
    normalised form, compared to find repeat complaints (F7). ``change_no`` is the desk's
    change counter at the ticket's last change, so the board can ask "what changed since".
    """

    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_status_received_at", "status", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    channel: Mapped[str] = mapped_column(String(30))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True, index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id"), nullable=True, index=True)
    contact: Mapped[str] = mapped_column(String(120), default="", server_default="")  # who called, a number
    place: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(Text)
    matter: Mapped[str] = mapped_column(String(200), default="", server_default="")
    matter_key: Mapped[str] = mapped_column(String(200), default="", server_default="", index=True)
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True, index=True)
    first_receiver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    arrival_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    feedback_due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    promise_due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    change_no: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0", index=True)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # LAN edit conflicts (issue 9)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - read once by the mapper


class DeskCounter(Base):
    """A counter of the desk that only grows: ``changes`` (every change to a ticket) and one
    per day for ticket numbers (``GD20261123``). Taken with one atomic UPDATE, so two
    workstations never get the same value."""

    __tablename__ = "desk_counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class DeskDay(Base):
    """A day closed by the supervisor (日清日审, F6), with its daily report in the attachment store.

    ``omissions`` counts the tickets that still lacked the day's follow-up when a past day was
    closed late; they are listed in the report.
    """

    __tablename__ = "desk_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    closed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    report_name: Mapped[str] = mapped_column(String(200), default="")
    report_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    omissions: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class Notification(Base):
    """A notice in the application for one user, e.g. "ticket completed" for its first receiver (F3)."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_id_read_at", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # completed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
