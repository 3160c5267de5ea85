"""What happens to a ticket, as rows (F2–F4, F6, F8): one table per record of
:mod:`estate_desk.domain.desk.records`, plus photos and the ticket's event log.

A postponement and an arrival explanation are 1:1 with their ticket (a unique ticket_id:
the database itself refuses a second postponement, F2); the rest are histories, oldest first.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class TicketPostponement(Base):
    """The one postponement of a ticket's promise (延期, F2)."""

    __tablename__ = "ticket_postponements"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    previous_due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    new_due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text)
    owner_told_at: Mapped[datetime] = mapped_column(UTCDateTime())
    owner_told_how: Mapped[str] = mapped_column(String(20))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TicketArrivalExplanation(Base):
    """The owner told in advance that nobody can be there within three minutes (F4)."""

    __tablename__ = "ticket_arrival_explanations"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    owner_told_at: Mapped[datetime] = mapped_column(UTCDateTime())
    owner_told_how: Mapped[str] = mapped_column(String(20))
    expected_arrival_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TicketCompletion(Base):
    """The handler's report and the owner's confirmation (处理完毕, F3).

    ``record`` is what the domain calls the signature record: the SHA-256 of the signature
    image in the attachment store (also in ``signature_sha256``), or how a phone
    confirmation was taken.
    """

    __tablename__ = "ticket_completions"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    handler_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    explanation: Mapped[str] = mapped_column(Text)
    confirmation: Mapped[str] = mapped_column(String(30))  # signature | signed_slip_photo | phone
    record: Mapped[str] = mapped_column(String(200), default="")
    signature_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class TicketReturnVisit(Base):
    """The first receiver's (or a supervisor's) return visit (回访)."""

    __tablename__ = "ticket_return_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    result: Mapped[str] = mapped_column(String(30))  # satisfied | basically_satisfied | not_satisfied
    by_supervisor: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class TicketProgressNote(Base):
    """A day's follow-up of an unfinished matter (跟进记录, F6), with whether the owner was told and how."""

    __tablename__ = "ticket_progress_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())
    text: Mapped[str] = mapped_column(Text)
    owner_told: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_told_how: Mapped[str | None] = mapped_column(String(20), nullable=True)


class TicketServiceLine(Base):
    """A special service the owner chose (特约服务, F8), with the price agreed at that moment."""

    __tablename__ = "ticket_service_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(160), default="")
    unit_price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    quantity: Mapped[int] = mapped_column(Integer, default=1)


class TicketPhoto(Base):
    """A photo taken at intake or on site, kept in the attachment store by SHA-256."""

    __tablename__ = "ticket_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(100), default="image/jpeg")
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TicketEvent(Base):
    """One line of a ticket's history: opened, handler changed, reopened, a refused second
    postponement (counted in the figures), filed into the archive …"""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_kind_at", "kind", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    detail: Mapped[str] = mapped_column(Text, default="")
