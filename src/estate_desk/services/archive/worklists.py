"""The dual track's status and the clerk's two work lists (A5).

- the track of every record: paper only, digital only, both (or neither);
- "to digitise" (待数字化): a paper original exists, but no file is attached;
- "paper missing" (纸质件未归位): the record says an original exists, but it stands in no box —
  neither the document itself nor the volume (案卷) it is bound into is in a box.

Lists give ids in archive-number (档号) order, only records within the actor's clearance,
optionally the first ``limit``. The counts count the same records, but are read from the maintained
counts (``store/archive_counts.py``, issue 18): the sum of the grades within the reader's clearance,
one short query instead of a scan of every document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, exists, select

from estate_desk.domain.archive.dual_track import Track, track_of
from estate_desk.services.secrecy.clearance import documents_visible
from estate_desk.store import archive_counts
from estate_desk.store.archive import Attachment, Document, Volume

if TYPE_CHECKING:
    from collections.abc import Iterable

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

__all__ = [
    "Track",
    "dual_track",
    "paper_missing",
    "paper_missing_count",
    "to_digitise",
    "to_digitise_count",
    "track_is",
]

_IN_CHUNKS = 500  # ids per IN (…) list: well under SQLite's and PostgreSQL's parameter limits


def _has_attachment() -> ColumnElement[bool]:
    return exists().where(Attachment.document_id == Document.id)


def track_is(track: Track) -> ColumnElement[bool]:
    """The records on one side of the dual track (A5), as a filter the database applies."""
    paper = Document.has_paper.is_(True)
    digital = _has_attachment()
    return {
        Track.PAPER_ONLY: paper & ~digital,
        Track.DIGITAL_ONLY: Document.has_paper.is_(False) & digital,
        Track.BOTH: paper & digital,
        Track.NEITHER: Document.has_paper.is_(False) & ~digital,
    }[track]


def _visible(actor: Actor) -> ColumnElement[bool]:
    return documents_visible(actor)


def dual_track(db: Database, actor: Actor, document_ids: Iterable[int]) -> dict[int, Track]:
    """The track of each record asked for; records the actor may not see (or that do not exist) are left out."""
    ids = list(dict.fromkeys(document_ids))
    result: dict[int, Track] = {}
    if not ids:
        return result
    with db.session() as s:
        for start in range(0, len(ids), _IN_CHUNKS):
            part = ids[start : start + _IN_CHUNKS]
            query = select(Document.id, Document.has_paper, _has_attachment().label("digital")).where(
                Document.id.in_(part), _visible(actor)
            )
            for doc_id, has_paper, digital in s.execute(query):
                result[doc_id] = track_of(bool(has_paper), bool(digital))
    return result


# --------------------------------------------------------------------------- to digitise


def _to_digitise_where(actor: Actor) -> tuple[ColumnElement[bool], ...]:
    return (_visible(actor), Document.has_paper.is_(True), ~_has_attachment())


def to_digitise(db: Database, actor: Actor, limit: int | None = None) -> list[int]:
    """Records with a paper original and no attachment (待数字化), in archive-number order."""
    query = select(Document.id).where(*_to_digitise_where(actor)).order_by(Document.archive_no)
    return _ids(db, query, limit)


def to_digitise_count(db: Database, actor: Actor) -> int:
    """How many records :func:`to_digitise` lists, from the maintained counts."""
    return _count(db, archive_counts.TO_DIGITISE, actor)


# --------------------------------------------------------------------------- paper missing


def _paper_missing(query: Select[Any], actor: Actor) -> Select[Any]:
    return query.outerjoin(Volume, Document.volume_id == Volume.id).where(
        _visible(actor),
        Document.has_paper.is_(True),
        Document.box_id.is_(None),
        Volume.box_id.is_(None),  # no volume, or a volume in no box
    )


def paper_missing(db: Database, actor: Actor, limit: int | None = None) -> list[int]:
    """Records whose original should exist but stands in no box (纸质件未归位), in archive-number order."""
    query = _paper_missing(select(Document.id), actor).order_by(Document.archive_no)
    return _ids(db, query, limit)


def paper_missing_count(db: Database, actor: Actor) -> int:
    """How many records :func:`paper_missing` lists, from the maintained counts."""
    return _count(db, archive_counts.PAPER_MISSING, actor)


# --------------------------------------------------------------------------- helpers


def _ids(db: Database, query: Select[Any], limit: int | None) -> list[int]:
    if limit is not None:
        if limit <= 0:
            return []
        query = query.limit(limit)
    with db.session() as s:
        return list(s.scalars(query))


def _count(db: Database, list_name: str, actor: Actor) -> int:
    with db.session() as s:
        return archive_counts.within(s, list_name, int(actor.clearance))
