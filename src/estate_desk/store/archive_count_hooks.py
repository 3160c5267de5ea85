"""The session hooks that keep ``archive_counts`` current, in the same transaction as the change.

**Why session hooks, not triggers.** The counts follow the search index's pattern
(``store/search_index.py``): one mechanism, written once in Python, the same on SQLite and
PostgreSQL, and under the same tests. Triggers would need two dialects of trigger code (and a
PL/pgSQL function), kept in step by hand with the Python oracle, and would tax every row of the bulk
writes (the big-estate builder, a restore) that are cheaper to count once at the end. What the hooks
cannot see — Core or raw SQL writes — is rebuilt by :func:`estate_desk.store.archive_counts.rebuild_counts`
where those writes happen, and ``verify`` reconciles the table with ``COUNT(*)``.

**How.** A flush that changes what a document counts for — a document added, deleted, or changed
in its category, grade, paper, box or volume; an attachment added, moved or removed; a volume moved
into or out of a box — names the documents it touches. Before the flush writes, their contributions
are read from the database (one indexed query); after it, again; the difference is added to the
table (an upsert per changed row). Each count is thus moved by exactly what the flush did, never
recounted. ORM bulk UPDATE and DELETE statements are handled the same way through the rows their
WHERE selects; an ORM bulk INSERT of documents or attachments rebuilds the table.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from estate_desk.store.archive import Attachment, Document, Volume
from estate_desk.store.archive_counts import apply, contributions, rebuild_on

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import ORMExecuteState, UOWTransaction

_BEFORE = "estate_desk.archive_counts.before"
_DOCUMENT_FIELDS = ("category_id", "secrecy", "has_paper", "box_id", "volume_id", "category", "box", "volume")
_WATCHED = {m.__tablename__: m for m in (Document, Attachment, Volume)}


def _changed(obj: Any, fields: tuple[str, ...]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[f].history.has_changes() for f in fields)


def _attachment_documents(attachment: Attachment) -> set[int]:
    history = inspect(attachment).attrs["document_id"].history
    return {d for d in (*history.deleted, *history.unchanged, *history.added) if d is not None}


def _volume_documents(connection: Connection, volume_ids: set[int]) -> set[int]:
    if not volume_ids:
        return set()
    return set(connection.execute(select(Document.id).where(Document.volume_id.in_(volume_ids))).scalars())


def _touched(session: Session, *, flushed: bool) -> set[int]:
    """The documents whose contributions this flush may change (``flushed``: new rows have ids now)."""
    ids: set[int] = set()
    volumes: set[int] = set()
    for obj in session.dirty:
        if isinstance(obj, Document) and obj.id is not None and _changed(obj, _DOCUMENT_FIELDS):
            ids.add(obj.id)
        elif isinstance(obj, Attachment) and _changed(obj, ("document_id",)):
            ids |= _attachment_documents(obj)
        elif isinstance(obj, Volume) and obj.id is not None and _changed(obj, ("box_id",)):
            volumes.add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Document) and obj.id is not None:
            ids.add(obj.id)
        elif isinstance(obj, Attachment):
            ids |= _attachment_documents(obj)
        elif isinstance(obj, Volume) and obj.id is not None:
            volumes.add(obj.id)
    for obj in session.new:
        if isinstance(obj, Attachment):
            ids |= _attachment_documents(obj)
        elif flushed and isinstance(obj, Document) and obj.id is not None:
            ids.add(obj.id)
    if volumes:
        ids |= _volume_documents(session.connection(), volumes)
    return ids


def _delta(before: Counter[tuple[str, int, int]], after: Counter[tuple[str, int, int]]) -> list[Any]:
    return [(k, after[k] - before[k]) for k in set(before) | set(after) if after[k] != before[k]]


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    session.info.pop(_BEFORE, None)  # what a failed flush left behind
    ids = _touched(session, flushed=False)
    if ids:
        session.info[_BEFORE] = (ids, contributions(session.connection(), ids))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    ids, before = session.info.pop(_BEFORE, (set(), Counter()))
    ids = ids | _touched(session, flushed=True)
    if not ids:
        return
    connection = session.connection()
    apply(connection, _delta(before, contributions(connection, ids)))


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> Any:
    """ORM bulk INSERT/UPDATE/DELETE of documents, attachments or volumes: move the counts by what it did."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    model = _WATCHED.get(getattr(getattr(state.statement, "table", None), "name", ""))
    if model is None:
        return None
    connection = state.session.connection()
    if state.is_insert:
        result = state.invoke_statement()
        if model is not Volume:  # a new volume holds no document yet
            rebuild_on(connection)
        return result
    if state.session.autoflush:
        state.session.flush()  # as the statement would, so rows still pending are among those touched
    where = getattr(state.statement, "whereclause", None)
    if model is Document:
        picked = select(Document.id)
    elif model is Attachment:
        picked = select(Attachment.document_id)
    else:
        picked = select(Document.id).join(Volume, Document.volume_id == Volume.id)
    ids = set(connection.execute(picked if where is None else picked.where(where)).scalars())
    before = contributions(connection, ids)
    result = state.invoke_statement()
    apply(connection, _delta(before, contributions(connection, ids)))
    return result
