"""The review list (到期鉴定清单, A17): what is due for appraisal, and each record's fingerprint.

* :func:`review_ids` / :func:`review_rows` (:func:`review_list` whole) — what is due: expired records, void records past
  the office's grace period, minus those on legal hold (``domain/disposal.due_for_review``), each with the open
  batch it is already proposed in (:func:`in_open_batches`).
* :func:`standing_of` — what the rule needs to know of a record; :func:`fingerprint` — what the record says now, as one
  hash, kept with each proposed item so a record changed since can be told (``services/disposal/batches.py``).

Proposing, deciding and reading batches are in ``services/disposal/batches.py``; carrying one out is in
``services/disposal/destruction.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select

from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import BatchState, Decision, Due, Standing, due_for_review, record_fingerprint
from estate_desk.services.disposal import marks as disposal
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.disposal import DestructionBatch, DestructionItem

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import ColumnElement

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

OPEN_STATES = (BatchState.PROPOSED.value, BatchState.APPROVED.value)


@dataclass(frozen=True)
class DueRow:
    """A record on the review list (到期鉴定清单)."""

    id: int
    archive_no: str
    title: str
    year: int
    retention: Retention
    pages: int
    due: Due
    expires_on: date | None
    void_reason: str
    in_batch: str | None  # the open batch it is already proposed in


def standing_of(document: Document, held: set[int]) -> Standing:
    """What the retention rule needs to know of a record (``held``: the ids on legal hold)."""
    return Standing(
        Retention.parse(document.retention),
        document.year,
        document.void_on if document.void else None,
        document.id in held,
        document.destroyed_in is not None,
    )


def in_open_batches(s: Session, document_ids: Sequence[int] | None = None) -> dict[int, str]:
    """Documents in a batch not yet carried out (and not rejected there), with the batch's code; of
    ``document_ids`` only, when given."""
    query = (
        select(DestructionItem.document_id, DestructionBatch.code)
        .join(DestructionBatch, DestructionBatch.id == DestructionItem.batch_id)
        .where(DestructionBatch.state.in_(OPEN_STATES), DestructionItem.decision != Decision.REJECTED.value)
    )
    if document_ids is not None:
        query = query.where(DestructionItem.document_id.in_(document_ids))
    rows = s.execute(query)
    return {document_id: code for document_id, code in rows}


# what the review list sorts by: the query reads every candidate anyway, the database sorts them as it does
REVIEW_ORDERS = ("archive_no", "title", "year")


def review_ids(
    db: Database, clock: Clock, actor: Actor, order: str = "archive_no", descending: bool = False
) -> list[int]:
    """The ids of every record due for appraisal today that the reader may see, in archive-number order
    (or by ``order``, one of :data:`REVIEW_ORDERS`, the archive number breaking ties).

    Reads only the columns the rule needs (no row objects), so the window can hold the list of a
    million-document archive as ids and fetch the rows of the page on screen with :func:`review_rows`."""
    today = disposal.today(clock)
    with db.session() as s:
        grace = disposal.grace_days(s)
        held = disposal.held_ids(s)
        query = (
            select(Document.id, Document.retention, Document.year, Document.void, Document.void_on)
            .where(Document.destroyed_in.is_(None), clearance.documents_visible(actor), _maybe_due(s, today, grace))
            .order_by(*_review_order(order, descending))
        )
        retentions: dict[str, Retention] = {}
        ids: list[int] = []
        for document_id, retention, year, void, void_on in s.execute(query):
            period = retentions.get(retention) or retentions.setdefault(retention, Retention.parse(retention))
            standing = Standing(period, year, void_on if void else None, document_id in held, False)
            if due_for_review(standing, today, grace) is not None:
                ids.append(document_id)
        return ids


def _review_order(order: str, descending: bool) -> list[Any]:
    if order not in REVIEW_ORDERS:
        raise ValueError(f"the review list does not sort by {order!r}")
    column = getattr(Document, order)
    first = column.desc() if descending else column.asc()
    return [first] if order == "archive_no" else [first, Document.archive_no]


def review_rows(db: Database, clock: Clock, actor: Actor, ids: Sequence[int]) -> dict[int, DueRow]:
    """The review-list rows of ``ids`` (one page of :func:`review_ids`), by id. A record the reader may not
    see, or that is no longer due (destroyed, held, its void mark lifted since the ids were read), is left out."""
    today = disposal.today(clock)
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    with db.session() as s:
        grace = disposal.grace_days(s)
        held = disposal.held_ids(s)
        proposed = in_open_batches(s, wanted)
        rows: dict[int, DueRow] = {}
        query = select(Document).where(Document.id.in_(wanted), clearance.documents_visible(actor))
        for document in s.scalars(query):
            standing = standing_of(document, held)
            due = due_for_review(standing, today, grace)
            if due is None:
                continue
            rows[document.id] = DueRow(
                document.id,
                document.archive_no,
                document.title,
                document.year,
                standing.retention,
                document.pages,
                due,
                standing.retention.expires_on(document.year),
                document.void_reason,
                proposed.get(document.id),
            )
        return rows


def review_list(db: Database, clock: Clock, actor: Actor) -> list[DueRow]:
    """Every record due for appraisal today that the reader may see, in archive-number order (whole: for
    tests and small archives; the window pages through :func:`review_ids` / :func:`review_rows`)."""
    ids = review_ids(db, clock, actor)
    rows: dict[int, DueRow] = {}
    for start in range(0, len(ids), 500):
        rows.update(review_rows(db, clock, actor, ids[start : start + 500]))
    return [rows[i] for i in ids if i in rows]


def _maybe_due(s: Session, today: date, grace: int) -> ColumnElement[bool]:
    """A coarse filter the database applies first, so the review list does not read the whole archive; the
    rule itself (``domain/disposal.due_for_review``) then decides each row."""
    expired = []
    for value in s.scalars(select(Document.retention).distinct()):
        period = Retention.parse(value)
        if period.years_kept is not None:
            expired.append(and_(Document.retention == value, Document.year < today.year - period.years_kept))
    void_long = and_(Document.void.is_(True), Document.void_on < today - timedelta(days=grace))
    return or_(void_long, *expired)


def fingerprint(s: Session, document: Document) -> str:
    """What the record says now, as one hash: its catalogue data, void mark, box, volume and files."""
    files = sorted(s.scalars(select(Attachment.sha256).where(Attachment.document_id == document.id)))
    fields = {
        key: getattr(document, key)
        for key in (
            "archive_no",
            "title",
            "year",
            "pages",
            "retention",
            "secrecy",
            "remarks",
            "doc_date",
            "responsible",
            "doc_number",
            "has_paper",
            "box_id",
            "volume_id",
            "void",
            "void_reason",
            "void_on",
        )
    }
    return record_fingerprint({**fields, "files": ",".join(files)})
