"""The text read from scans (扫描件文字, issue 17): one row per page of a scan that OCR has read.

A row is written once its page is read and never rewritten, so a run that was stopped (or killed)
resumes where it stopped: the pages with a row are done. ``text`` and ``boxes`` (JSON: each line's four
corner points in pixels of the rendering, its text and score) are empty when the record's grade kept the
text out (``withheld``): text of a sealed grade is not kept at all unless the office allows it (see
``services/digitise/ocr.py``). Each row with text is a search entry of kind ``page``
(``store/search_entries.py``), at the record's grade.

When a scan comes to be sealed afterwards (its record's grade raised across the encryption threshold,
or the threshold lowered), :func:`withhold_sealed` takes the text and boxes of its pages out, in the
same unit of work that records the file sealed (``services/secrecy/sealing.apply``), unless the office
setting :data:`INDEX_SEALED` allows sealed text.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.accounts import Setting
from estate_desk.store.base import Base, UTCDateTime

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.orm import Session

INDEX_SEALED = "digitise.ocr_index_sealed"
"""Office setting ("1" / "0", default "0"): read and index the scans of records at sealed grades too."""


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


def index_sealed(s: Session) -> bool:
    """Whether the office lets the text of sealed scans be read and indexed (:data:`INDEX_SEALED`)."""
    row = s.get(Setting, INDEX_SEALED)
    return row is not None and row.value.strip() == "1"


def withhold_sealed(s: Session, attachment_ids: Iterable[int]) -> int:
    """These scans are sealed from now on: empty their pages' text and boxes (the search index follows by
    the session hooks) unless the office allows sealed text; returns how many pages were emptied."""
    ids = list(attachment_ids)
    if not ids or index_sealed(s):
        return 0
    pages = s.scalars(
        select(ScanPageText).where(ScanPageText.attachment_id.in_(ids), ScanPageText.withheld.is_(False))
    ).all()
    for page in pages:
        page.withheld, page.text, page.boxes = True, "", "[]"
    return len(pages)
