"""The audit trail's tables (审计记录): append-only rows chained by hash, and the chain's head.

Rows are only ever added (``services/audit.py`` is the one writer); numbers run 1, 2, 3 … without
gaps because each is taken from the head row, which every writer locks first — so two workstations
appending at the same moment on a shared PostgreSQL server queue up instead of forking the chain.
See :mod:`estate_desk.domain.audit` for what is hashed and how a break is found.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class AuditEvent(Base):
    """One recorded event: who, what, on which record, why, where, when — and the hashes."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_target", "target_kind", "target_id"),
        Index("ix_audit_events_user_id", "user_id"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # no foreign key: the trail stands alone
    username: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_kind: Mapped[str] = mapped_column(String(20), default="")
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    target_text: Mapped[str] = mapped_column(String(400), default="")
    grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(String(120), default="")
    # How secret the target was when the event happened: a reader cleared below it sees the row masked.
    target_grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chain_format: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChain(Base):
    """The head of the chain: the last number and hash written. One row (id 1), locked by every writer."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
