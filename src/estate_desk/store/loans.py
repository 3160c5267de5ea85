"""Borrowing (借阅, A6, A11, A12): requests, their items and decisions, loans, renewals, recalls,
copies and on-screen consultations.

A :class:`Loan` is one document handed over. An original can be out to one borrower at a time:
the partial unique index ``uq_loans_open_original`` (one open original loan per document) holds on
SQLite and on PostgreSQL alike, so two workstations lending the same original at once cannot both
succeed — the second insert fails and the service says who has it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class LoanRequest(Base):
    """A loan request (借阅申请): who borrows what, why, how and until when."""

    __tablename__ = "loan_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # JY000012: what the request slip's barcode carries
    state: Mapped[str] = mapped_column(String(20), index=True)
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    borrower_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    borrower_name: Mapped[str] = mapped_column(String(120))
    borrower_org: Mapped[str] = mapped_column(String(200), default="")  # 部门 / 单位
    borrower_phone: Mapped[str] = mapped_column(String(40), default="")
    borrower_id_no: Mapped[str] = mapped_column(String(40), default="")  # outside persons: 证件号
    borrower_clearance: Mapped[int] = mapped_column(Integer)
    outside: Mapped[bool] = mapped_column(Boolean, default=False)
    form: Mapped[str] = mapped_column(String(20))  # original | copy
    place: Mapped[str] = mapped_column(String(20))  # reading_room | taken_out
    purpose: Mapped[str] = mapped_column(Text)  # 借阅事由
    due_on: Mapped[date] = mapped_column(Date)
    special: Mapped[bool] = mapped_column(Boolean, default=False)  # 特殊情况: to the management office
    grade: Mapped[int] = mapped_column(Integer)  # the most secret item's grade when requested
    chain: Mapped[str] = mapped_column(String(200))  # the approvers' roles in order, comma-separated
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)  # refused/withdrawn/closed


class LoanRequestItem(Base):
    """One thing a request asks for: a document, a volume or a whole box."""

    __tablename__ = "loan_request_items"
    __table_args__ = (UniqueConstraint("request_id", "kind", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("loan_requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # document | volume | box
    target_id: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(80))  # 档号, volume or box code, as asked for


class LoanDecision(Base):
    """One approver's decision on one step of a request (审批): who, when, comment, why refused."""

    __tablename__ = "loan_decisions"
    __table_args__ = (UniqueConstraint("request_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("loan_requests.id"), index=True)
    step: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Loan(Base):
    """One document handed over on a request (借出), and how it came back (归还)."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("loan_requests.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("loan_request_items.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    original: Mapped[bool] = mapped_column(Boolean)
    out_at: Mapped[datetime] = mapped_column(UTCDateTime())
    out_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    pages_out: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    returned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    pages_back: Mapped[int | None] = mapped_column(Integer, nullable=True)
    intact: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # 是否完好
    difference: Mapped[str] = mapped_column(Text, default="")  # what differed on return, flagged
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)


OPEN_ORIGINAL = "original AND returned_at IS NULL"
Index(
    "uq_loans_open_original",
    Loan.document_id,
    unique=True,
    sqlite_where=text(OPEN_ORIGINAL),
    postgresql_where=text(OPEN_ORIGINAL),
)


class LoanRenewal(Base):
    """A renewal (续借): the due date moved from one day to another, by whom and when."""

    __tablename__ = "loan_renewals"

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    from_due: Mapped[date] = mapped_column(Date)
    to_due: Mapped[date] = mapped_column(Date)
    renewed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    renewed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoanRecall(Base):
    """A recall notice (催还单) for what a request still has out: printed or sent."""

    __tablename__ = "loan_recalls"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("loan_requests.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # print | message
    note: Mapped[str] = mapped_column(Text, default="")
    items: Mapped[int] = mapped_column(Integer)
    sent_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoanCopy(Base):
    """A copy (复制件) printed for a borrower, recorded against the request (A11)."""

    __tablename__ = "loan_copies"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("loan_requests.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    made_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    made_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Consultation(Base):
    """A confidential record's attachment opened on screen within the reader's clearance (查阅, A12)."""

    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"), nullable=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
