"""The search index (检索索引) behind the one search field, kept current by every unit of work.

One entry per searchable record — owner (业主), room (房间), document (件), volume (案卷), box
(档案盒) — holding what the result list shows, the record's secrecy grade (密级) and the
normalised text that is searched (NFKC, case-folded: full-width ``３栋`` reads as ``3栋``):

* ``search_keys``: every whole key — name, pinyin and initials, room code, 档号, 文号, box and
  volume codes, title — for exact and prefix matches (a B-tree range in code-point order);
* ``search_grams``: the single characters and pairs of names and titles, for the one- and
  two-character queries (张, 张三) that a trigram index cannot answer;
* for three characters and more, a trigram index over ``search_entries.text``: FTS5 ``trigram``
  on SQLite (the ``search_fts`` table and its shadow tables), ``pg_trgm`` GIN on PostgreSQL.
  Neither is in the SQLAlchemy metadata: migration 0003 creates them,
  :func:`estate_desk.store.search_tables.include_name` hides them from autogenerate.

This module holds the session hooks. Importing it (``estate_desk.store`` does) registers them:
whatever code adds, changes or deletes these records through an ORM session — flushes and ORM bulk
statements — the index follows in the same transaction, so nobody has to remember to reindex.
Writes in plain Core or raw SQL bypass the hooks;
:func:`estate_desk.store.search_fill.rebuild_search_index` rebuilds everything. Beside it: the
tables (``search_tables.py``), what an entry holds (``search_entries.py``) and writing and bulk
filling (``search_fill.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, object_session

from estate_desk.store.search_entries import SOURCES, Entry, Source
from estate_desk.store.search_fill import reindex, source_pk, write_entries
from estate_desk.store.search_tables import SearchEntry

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Mapper, ORMExecuteState, UOWTransaction

_BY_TABLE = {s.model.__tablename__: s for s in SOURCES}

# --------------------------------------------------------------------------- session hooks

_PENDING = "estate_desk.search_index.pending"


def _pending(target: Any) -> dict[tuple[str, int], Entry | None] | None:
    session = object_session(target)
    if session is None:
        return None
    pending: dict[tuple[str, int], Entry | None] = session.info.setdefault(_PENDING, {})
    return pending


def _watch(source: Source) -> None:
    def written(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
        pending = _pending(target)
        if pending is not None:
            pending[(source.kind, target.id)] = source.build(target)

    def updated(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
        attrs = inspect(target).attrs
        if any(attrs[c].history.has_changes() for c in source.columns):
            written(mapper, connection, target)

    def deleted(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
        pending = _pending(target)
        if pending is not None:
            pending[(source.kind, target.id)] = None

    event.listen(source.model, "after_insert", written, propagate=True)
    event.listen(source.model, "after_update", updated, propagate=True)
    event.listen(source.model, "after_delete", deleted, propagate=True)


for _source in SOURCES:
    _watch(_source)


@event.listens_for(Session, "before_flush")
def _start_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    session.info.pop(_PENDING, None)  # what a failed flush left behind


@event.listens_for(Session, "after_flush")
def _end_flush(session: Session, flush_context: UOWTransaction) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        write_entries(session.connection(), pending)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> Any:
    """ORM bulk INSERT/UPDATE/DELETE on an indexed model: index the rows it touched."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    source = _BY_TABLE.get(getattr(getattr(state.statement, "table", None), "name", ""))
    if source is None:
        return None
    connection = state.session.connection()
    pk = source_pk(source)
    if state.is_insert:
        result = state.invoke_statement()
        known = select(SearchEntry.ref_id).where(SearchEntry.kind == source.kind)
        missing = connection.execute(select(pk).where(pk.not_in(known))).scalars().all()
        reindex(connection, source, missing)
        return result
    if state.session.autoflush:
        state.session.flush()  # as the statement would, so rows still pending are among those touched
    where = getattr(state.statement, "whereclause", None)
    touched = connection.execute(select(pk) if where is None else select(pk).where(where)).scalars().all()
    result = state.invoke_statement()
    reindex(connection, source, touched)
    return result
