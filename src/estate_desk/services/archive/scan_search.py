"""Finding words inside scans (扫描件全文检索, issue 17): the pages whose recognised text holds the query.

The text OCR read on each page (``services/digitise/ocr.py``) is a search entry of kind ``page``: free
text, searched by the same inside pass as names and titles (``search_lookups.py``) — the pair table for
one or two characters (欧阳), trigrams for three and more (装修申请) — within the reader's clearance by
the page's grade, and again by the record's grade now. The structured-key path of ``search.py`` is not
involved: a page has no whole keys. A hit names the record, the page and a snippet around the words.

The window runs it on every keystroke (issue 18), so it is one statement built once per dialect and
query length (:func:`_pages_lookup`): the index lookup with its LIMIT as a subquery that drives the rest —
each page found is then read by its primary key and its record by its own — so no plan reads the pages'
text whole, however many pages OCR has read.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, bindparam, select

from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.services.archive import search_lookups as lookups
from estate_desk.services.archive.attachments import open_for_preview
from estate_desk.store.archive import Document
from estate_desk.store.scan_text import ScanPageText
from estate_desk.store.search_entries import normalise

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

KIND = "page"
LIMIT = 20
MAX_QUERY = 100
AROUND = 20  # characters of context either side of the words in a snippet


@dataclass(frozen=True)
class PageHit:
    """A page of a scan whose text holds the query: the record, the page (1-based), a snippet."""

    document_id: int
    archive_no: str
    title: str
    attachment_id: int
    page: int
    snippet: str
    text_id: int = 0  # the page's row of text: opened by :func:`page_view`


def snippet(text: str, words: str, around: int = AROUND) -> str:
    """The words with some text either side, "…" where the page's text goes on."""
    at = text.find(words)
    if at < 0:
        return text[: 2 * around]
    start, end = max(0, at - around), min(len(text), at + len(words) + around)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@cache
def _pages_lookup(dialect: str, short: bool) -> Any:
    """The page search as one statement: the index lookup of kind ``page`` (limited, as every kind's) drives
    primary-key reads of the pages it found and their records; ``short``: a query of one or two characters."""
    found = lookups.inside_lookup(dialect, (KIND,), short).subquery()
    return (
        select(
            found.c.ref_id,
            found.c.found,
            ScanPageText.attachment_id,
            ScanPageText.page,
            Document.id,
            Document.archive_no,
            Document.title,
        )
        .select_from(found)
        .join(ScanPageText, ScanPageText.id == found.c.ref_id)
        .join(Document, Document.id == ScanPageText.document_id)
        .where(
            ScanPageText.withheld.is_(False),
            Document.secrecy <= bindparam("level", type_=Integer),  # the record's grade now
            Document.void.is_(False),
            Document.destroyed_in.is_(None),
        )
    )


def search_pages(db: Database, actor: Actor, text: str, *, limit: int = LIMIT) -> list[PageHit]:
    """Pages of scans whose text holds ``text`` (normalised as the index is), within clearance, in 档号 order."""
    form = normalise("".join(ch for ch in text if ord(ch) >= 32 and ord(ch) != 127))[:MAX_QUERY]
    if not form or limit < 1:
        return []
    with db.session() as s:
        statement = _pages_lookup(s.get_bind().dialect.name, len(form) <= 2)
        rows = s.execute(statement, lookups.inside_params((KIND,), form, int(actor.clearance), limit * 3)).all()
    hits = [
        PageHit(document_id, archive_no or "", title or "", attachment_id, page, snippet(found, form), page_id)
        for page_id, found, attachment_id, page, document_id, archive_no, title in rows
        if form in found
    ]
    hits.sort(key=lambda h: (h.archive_no, h.page))
    return hits[:limit]


@dataclass(frozen=True)
class PageView:
    """One page of a scan to show: the image (PNG, at ``dpi``) and the boxes of the lines that hold the words."""

    document_id: int
    archive_no: str
    page: int
    png: bytes
    dpi: int
    marks: tuple[tuple[tuple[float, float], ...], ...]  # each a quadrilateral, in the image's pixels


def marked_boxes(boxes_json: str, words: str, scale: float) -> list[tuple[tuple[float, float], ...]]:
    """The OCR boxes whose line holds ``words`` (normalised as the index is), scaled by ``scale``."""
    form = normalise(words)
    if not form:
        return []
    try:
        boxes = json.loads(boxes_json)
    except ValueError:
        return []
    marks = []
    for box in boxes:
        try:
            quad, line = box[0], str(box[1])
            if form in normalise(line):
                marks.append(tuple((float(x) * scale, float(y) * scale) for x, y in quad))
        except (TypeError, ValueError, IndexError):
            continue  # a box of another shape: not marked, the page still shown
    return marks


def page_view(db: Database, actor: Actor, text_id: int, words: str, *, dpi: int = 150) -> PageView:
    """The page a hit names, rendered at ``dpi``, its lines holding ``words`` marked — through the
    attachments' own door (within clearance; a sealed scan decrypted in memory; a classified one's
    viewing audited)."""
    with db.session() as s:
        row = s.execute(
            select(ScanPageText, Document.archive_no)
            .join(Document, Document.id == ScanPageText.document_id)
            .where(ScanPageText.id == text_id, Document.secrecy <= int(actor.clearance))
        ).first()
        if row is None:
            raise NotFound(zh="找不到这一页的识别文字。", en="The text of this page cannot be found.")
        text, archive_no = row
        attachment_id, page, read_dpi, boxes, document_id = (
            text.attachment_id,
            text.page,
            text.dpi,
            text.boxes,
            text.document_id,
        )
    import pypdfium2 as pdfium  # here, not at the top: the window's search imports this module at start

    preview = open_for_preview(db, actor, attachment_id)
    data = preview.read_bytes()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputProblem(zh="扫描件无法打开。", en="The scan cannot be opened.") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise NotFound(zh=f"扫描件没有第 {page} 页。", en=f"The scan has no page {page}.")
        image = pdf[page - 1].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    marks = marked_boxes(boxes, words, dpi / read_dpi if read_dpi else 1.0)
    return PageView(document_id, archive_no or "", page, out.getvalue(), dpi, tuple(marks))
