"""The text read from scans (扫描件文字, issue 17): one row per page of a scan that OCR has read.

A row is written once its page is read and never rewritten, so a run that was stopped (or killed)
resumes where it stopped: the pages with a row are done. ``text`` and ``boxes`` (JSON: each line's four
corner points in pixels of the rendering, its text and score) are empty when the record's grade kept the
text out (``withheld``): text of a sealed grade is not kept at all unless the office allows it (see
``services/digitise/ocr.py``). Each row with text is a search entry of kind ``page``
(``store/search_entries.py``), at the record's grade.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class ScanPageText(Base):
    """What OCR read on one page of a scan (an attachment of a record)."""

    __tablename__ = "scan_page_text"
    __table_args__ = (UniqueConstraint("attachment_id", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)  # 1-based
    secrecy: Mapped[int] = mapped_column(Integer)  # the record's grade when read: the search entry's grade
    withheld: Mapped[bool] = mapped_column(Boolean, default=False)  # a sealed grade: no text kept
    text: Mapped[str] = mapped_column(Text, default="")  # the lines, one per line
    boxes: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[[x, y] ×4, text, score], …]
    dpi: Mapped[int] = mapped_column(Integer)  # the rendering the boxes are in
    read_at: Mapped[datetime] = mapped_column(UTCDateTime())
