"""The archive: categories, volumes, documents, boxes and cabinets (A3–A9)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from estate_desk.store.base import Base, UTCDateTime


class Category(Base):
    """A category (门类): the seven defaults of A4, plus sub-categories an office adds."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # two letters: GC, YZ …
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    default_grade: Mapped[int] = mapped_column(Integer, default=1)
    default_retention: Mapped[str] = mapped_column(String(16), default="permanent")
    suggestions: Mapped[str] = mapped_column(Text, default="")  # typical document types, one per line


class ArchiveCounter(Base):
    """The last item number (件号) given per numbering series; numbers are never reused (A7)."""

    __tablename__ = "archive_counters"

    series: Mapped[str] = mapped_column(String(120), primary_key=True)
    last_item: Mapped[int] = mapped_column(Integer, default=0)


class Cabinet(Base):
    """A cabinet (档案柜) in the archive room, with shelves and positions."""

    __tablename__ = "cabinets"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    location: Mapped[str] = mapped_column(String(120), default="")
    shelves: Mapped[int] = mapped_column(Integer, default=5)
    positions_per_shelf: Mapped[int] = mapped_column(Integer, default=10)


class ArchiveBox(Base):
    """A box (档案盒); first/last item numbers are derived from its contents, never typed."""

    __tablename__ = "boxes"
    __table_args__ = (UniqueConstraint("cabinet_id", "shelf", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)  # what the barcode carries
    number: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    retention: Mapped[str] = mapped_column(String(16))
    spine_mm: Mapped[int] = mapped_column(Integer, default=30)
    cabinet_id: Mapped[int | None] = mapped_column(ForeignKey("cabinets.id"), nullable=True, index=True)
    shelf: Mapped[int | None] = mapped_column(Integer, nullable=True)
    position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # LAN edit conflicts (issue 9)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - read once by the mapper

    category: Mapped[Category] = relationship()
    cabinet: Mapped[Cabinet | None] = relationship()


class Volume(Base):
    """A volume (案卷): documents of one category bound together; closed once bound."""

    __tablename__ = "volumes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    title: Mapped[str] = mapped_column(String(400))
    year: Mapped[int] = mapped_column(Integer)
    retention: Mapped[str] = mapped_column(String(16))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    box_id: Mapped[int | None] = mapped_column(ForeignKey("boxes.id"), nullable=True, index=True)
    void: Mapped[bool] = mapped_column(Boolean, default=False, index=True)  # 作废 (A16)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    void_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    void_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # LAN edit conflicts (issue 9)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - read once by the mapper

    category: Mapped[Category] = relationship()


class HandoverBatch(Base):
    """A handover batch (移交批次) from the developer, designer or builder (A1)."""

    __tablename__ = "handover_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_kind: Mapped[str] = mapped_column(String(20))  # developer | designer | builder | other
    party_name: Mapped[str] = mapped_column(String(200))
    received_on: Mapped[date] = mapped_column(Date)
    contents: Mapped[str] = mapped_column(Text, default="")
    received_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Document(Base):
    """A document (件) with its archive number (档号), paper side and digital side (A5)."""

    __tablename__ = "documents"
    # a category's documents a page at a time in archive-number order, within clearance (issue 10),
    # or sorted by year or title with the archive number after (the archive table's headers, issue 20)
    __table_args__ = (
        Index("ix_documents_category_archive_no", "category_id", "archive_no", "secrecy"),
        Index("ix_documents_category_year", "category_id", "year", "archive_no", "secrecy"),
        Index("ix_documents_category_title", "category_id", "title", "archive_no", "secrecy"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    archive_no: Mapped[str] = mapped_column(String(80), unique=True)  # 档号
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    item_no: Mapped[int] = mapped_column(Integer)  # 件号
    title: Mapped[str] = mapped_column(String(400))  # 题名
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    responsible: Mapped[str] = mapped_column(String(200), default="")  # 责任者
    doc_number: Mapped[str] = mapped_column(String(80), default="")  # 文号
    pages: Mapped[int] = mapped_column(Integer, default=0)  # 页数
    remarks: Mapped[str] = mapped_column(Text, default="")  # 备注
    secrecy: Mapped[int] = mapped_column(Integer, default=1)  # 密级 level
    retention: Mapped[str] = mapped_column(String(16))  # 保管期限
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volumes.id"), nullable=True, index=True)
    box_id: Mapped[int | None] = mapped_column(ForeignKey("boxes.id"), nullable=True, index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True, index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id"), nullable=True, index=True)
    has_paper: Mapped[bool] = mapped_column(Boolean, default=True)  # an original exists
    equipment: Mapped[str] = mapped_column(String(200), default="")  # 设备, where the record is about one
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True, index=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("handover_batches.id"), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    void: Mapped[bool] = mapped_column(Boolean, default=False)  # 作废 (A16)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    void_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    void_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # 已销毁 (A17): the batch that destroyed it; the row stays as a tombstone, its number never reused
    destroyed_in: Mapped[int | None] = mapped_column(ForeignKey("destruction_batches.id"), nullable=True, index=True)

    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # LAN edit conflicts (issue 9)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 - read once by the mapper

    category: Mapped[Category] = relationship()
    box: Mapped[ArchiveBox | None] = relationship()
    volume: Mapped[Volume | None] = relationship()


class Attachment(Base):
    """A file on a record's digital side (A5), kept in the content-addressed store by SHA-256."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("document_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    kind: Mapped[str] = mapped_column(String(20), default="other")  # scan | photo | audio | video | sheet | other
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Movement(Base):
    """A box or a document moved from one place to another; every move is recorded (A7)."""

    __tablename__ = "movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    box_id: Mapped[int | None] = mapped_column(ForeignKey("boxes.id"), nullable=True, index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True, index=True)
    from_place: Mapped[str] = mapped_column(String(200), default="")
    to_place: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    moved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    moved_at: Mapped[datetime] = mapped_column(UTCDateTime())
