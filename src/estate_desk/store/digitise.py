"""Digitisation batches (数字化批次, DA/T 31), their records, the 待处理 queue and the scan inbox's files (A5).

- :class:`DigitiseBatch`: the scan settings and the step it stands at; :class:`DigitiseStepLog` says who
  moved it to each step, and when;
- :class:`DigitiseRecord`: a record of the batch and how far it got (waiting, scanned);
- :class:`InboxSource`: a file the scanner delivered, kept byte for byte in the attachment store; its
  SHA-256 is unique, so the same file dropped twice is recognised;
- :class:`DigitiseScan`: a record's scan made from a source file (the attachment is *derived* from it);
- :class:`PendingItem`: pages of a source that were not attached (待处理), with the reason and how the
  clerk settled them;
- :class:`DigitiseDecision`: the clerk's decision on a record after 质检 (accepted, or rescan with a reason),
  every one kept;
- :class:`DigitiseSample`: a record drawn for 验收 and its comparison with the original.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class DigitiseBatch(Base):
    """A digitisation batch: one scan setting, one format, one step at a time."""

    __tablename__ = "digitise_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)  # Z001-SM-2026-001
    title: Mapped[str] = mapped_column(String(200), default="")
    step: Mapped[str] = mapped_column(String(20), index=True)  # domain/digitise/steps.Step
    dpi: Mapped[int] = mapped_column(Integer)
    colour: Mapped[str] = mapped_column(String(20))  # the batch's colour mode
    file_format: Mapped[str] = mapped_column(String(10))  # one format for the whole batch
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigitiseStepLog(Base):
    """A batch reached a step: who moved it there, when, and why (a rescan's reason)."""

    __tablename__ = "digitise_step_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    by_user: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")


class DigitiseRecord(Base):
    """A record (件) of a batch: its colour mode and whether its scan has been linked."""

    __tablename__ = "digitise_records"
    __table_args__ = (UniqueConstraint("batch_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    colour: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="waiting")  # waiting | scanned
    position: Mapped[int] = mapped_column(Integer)  # order in the batch (archive-number order)
    # the latest decision on its current scan: "" (none yet) | accepted | rescan (domain/digitise/decisions.py)
    decision: Mapped[str] = mapped_column(String(20), default="", server_default="")


class InboxSource(Base):
    """A file the scanner delivered: kept byte for byte in the store, recognised by its SHA-256.

    A stack is one multi-page PDF or TIFF, or a set of page images imported together: the files of one
    stack share ``stack`` (the id of its first file) and ``fingerprint`` (the file's SHA-256 for a single
    file, else the SHA-256 of its files' SHA-256s in order), and are numbered by ``position``; a stack's
    page numbers run across its files in that order. A fingerprint is taken once: the same stack dropped
    twice is recognised, even by two workstations at the same moment.
    """

    __tablename__ = "inbox_sources"
    __table_args__ = (UniqueConstraint("fingerprint", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    stack: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    size: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(100))
    pages: Mapped[int] = mapped_column(Integer)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)  # sealed in the store
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))  # imported | problems (some pages wait in 待处理)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigitiseScan(Base):
    """A record's scan derived from a source file: which attachment, from which pages."""

    __tablename__ = "digitise_scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("inbox_sources.id"), index=True)  # the stack's first file
    source_pages: Mapped[str] = mapped_column(Text)  # the stack's page numbers, "3,4,5"
    page_count: Mapped[int] = mapped_column(Integer)
    # the batch's current scan of the record; a rescan's new scan replaces it (the earlier one is kept)
    current: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class PendingItem(Base):
    """Pages that were not attached (待处理): the reason, and how the clerk settled them."""

    __tablename__ = "digitise_pending"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("inbox_sources.id"), index=True)  # the stack's first file
    reason: Mapped[str] = mapped_column(String(30))  # services/digitise/inbox.Reason
    detail: Mapped[str] = mapped_column(Text, default="")  # the code read, the archive number named
    sheet_page: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the cover sheet's page, if any
    source_pages: Mapped[str] = mapped_column(Text, default="")  # the pages waiting, "1,2"
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    settled: Mapped[str] = mapped_column(String(20), default="open")  # open | assigned | rescan | dropped
    settled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # settled "assigned": the scan the clerk made of these pages by hand
    assigned_scan_id: Mapped[int | None] = mapped_column(ForeignKey("digitise_scans.id"), nullable=True)


class DigitiseDecision(Base):
    """A decision on a record's scan after 质检: accepted, or to be rescanned with the reason. Kept, never changed."""

    __tablename__ = "digitise_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    scan_id: Mapped[int | None] = mapped_column(ForeignKey("digitise_scans.id"), nullable=True)  # the scan judged
    decision: Mapped[str] = mapped_column(String(20))  # accepted | rescan
    reason: Mapped[str] = mapped_column(Text, default="")
    by_user: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigitiseSample(Base):
    """A record drawn for 验收 (by ``seed`` from the batch's records) and its comparison with the original."""

    __tablename__ = "digitise_samples"
    __table_args__ = (UniqueConstraint("batch_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("digitise_batches.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    seed: Mapped[int] = mapped_column(BigInteger)
    share: Mapped[int] = mapped_column(Integer)  # the office's share, in per cent, when it was drawn
    drawn_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime())
    result: Mapped[str] = mapped_column(String(10), default="")  # "" (not compared yet) | ok | error
    note: Mapped[str] = mapped_column(Text, default="")
    compared_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    compared_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
