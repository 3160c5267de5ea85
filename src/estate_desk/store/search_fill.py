"""Writing the search index (检索索引): replacing a unit of work's entries, and filling it in bulk.

:func:`write_entries` and :func:`reindex` are what the session hooks (``store/search_index.py``) call
after a flush; :func:`fill_index` indexes in bulk every record that has none yet (COPY on PostgreSQL)
for the big estate and after :func:`rebuild_on` emptied the index — the same rows either way. The
SQLite FTS5 table follows ``search_entries`` by its triggers (migration 0003), PostgreSQL's trigram
index by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import delete, func, insert, inspect, select

from estate_desk.store.search_entries import SOURCES, Entry, Source
from estate_desk.store.search_tables import FTS_TABLE, TRGM_INDEX, SearchEntry, SearchGram, SearchKey

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from sqlalchemy import Column, Connection, Table
    from sqlalchemy.orm import Session

_CHUNK = 500
_ENTRIES = cast("Table", SearchEntry.__table__)
_KEYS = cast("Table", SearchKey.__table__)
_GRAMS = cast("Table", SearchGram.__table__)


def source_pk(source: Source) -> Column[int]:
    return cast("Column[int]", getattr(source.model, "id"))  # noqa: B009 (every indexed model has an id)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _drop(connection: Connection, kind: str, ref_ids: Sequence[int]) -> None:
    for chunk in _chunks(ref_ids):
        ids = select(SearchEntry.id).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(chunk))
        connection.execute(delete(_KEYS).where(SearchKey.entry_id.in_(ids)))
        connection.execute(delete(_GRAMS).where(SearchGram.entry_id.in_(ids)))
        connection.execute(delete(_ENTRIES).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(chunk)))


def _insert(connection: Connection, entries: Sequence[Entry]) -> None:
    # ``current`` is written only for records that are not (it defaults to true): migration 0003 builds the
    # index before migration 0007 adds the column, and everything is current then.
    current = [e for e in entries if e.current]
    stale = [e for e in entries if not e.current]
    for group, extra in ((current, {}), (stale, {"current": False})):
        for chunk in _chunks(group):
            _insert_chunk(connection, chunk, extra)


def _insert_chunk(connection: Connection, chunk: Sequence[Entry], extra: dict[str, Any]) -> None:
    if not chunk:
        return
    rows = [
        {
            "kind": e.kind,
            "ref_id": e.ref_id,
            "secrecy": e.secrecy,
            "title": e.title,
            "detail": e.detail,
            "text": e.text,
            **extra,
        }
        for e in chunk
    ]
    ids = connection.execute(insert(_ENTRIES).returning(SearchEntry.id, sort_by_parameter_order=True), rows)
    keys: list[dict[str, Any]] = []
    gram_rows: list[dict[str, Any]] = []
    for entry_id, e in zip(ids.scalars(), chunk, strict=True):
        keys += [{"kind": e.kind, "key": k, "entry_id": entry_id} for k in e.keys]
        gram_rows += [{"kind": e.kind, "gram": g, "entry_id": entry_id} for g in e.grams]
    if keys:
        connection.execute(insert(_KEYS), keys)
    if gram_rows:
        connection.execute(insert(_GRAMS), gram_rows)


def write_entries(connection: Connection, changes: dict[tuple[str, int], Entry | None]) -> None:
    """Replace the entries of the records in ``changes`` (``None``: the record is gone)."""
    by_kind: dict[str, list[int]] = {}
    for kind, ref_id in changes:
        by_kind.setdefault(kind, []).append(ref_id)
    for kind, ref_ids in by_kind.items():
        _drop(connection, kind, sorted(ref_ids))
    _insert(connection, [e for e in changes.values() if e is not None])


def _rows(connection: Connection, source: Source, where: Any = None, size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    """The source's rows, in pages by id (keyset), with only the columns the index needs — those the table
    has yet: migration 0003 builds the index before later migrations add the void columns and the table of
    scan pages' text."""
    inspector = inspect(connection)
    if not inspector.has_table(source.model.__tablename__):  # a table a later migration makes (scan pages)
        return
    present = {c["name"] for c in inspector.get_columns(source.model.__tablename__)}
    columns = [getattr(source.model, c) for c in source.columns if c in present]
    pk = source_pk(source)
    last = 0
    while True:
        query = select(*columns).where(pk > last).order_by(pk).limit(size)
        rows = connection.execute(query if where is None else query.where(where)).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def reindex(connection: Connection, source: Source, ref_ids: Sequence[int]) -> None:
    """Index these records of one kind afresh from the database; ids no longer there are dropped."""
    for chunk in _chunks(sorted(set(ref_ids))):
        found = [r for page in _rows(connection, source, source_pk(source).in_(chunk)) for r in page]
        changes: dict[tuple[str, int], Entry | None] = {(source.kind, i): None for i in chunk}
        changes.update({(source.kind, r.id): source.build(r) for r in found})
        write_entries(connection, changes)


def rebuild_on(connection: Connection) -> int:
    """Empty the index and fill it from every owner, room, document, volume and box; returns the count."""
    connection.execute(delete(_GRAMS))
    connection.execute(delete(_KEYS))
    connection.execute(delete(_ENTRIES))
    if connection.dialect.name == "sqlite":  # the delete trigger has emptied search_fts row by row
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
    return fill_index(connection)


# --------------------------------------------------------------------------- bulk filling

_PAGE = 20_000  # source rows per page when filling in bulk


def _copy_rows(connection: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Many plain rows (ints and strings) at once: COPY on PostgreSQL, one executemany elsewhere."""
    if not rows:
        return
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        raw: Any = connection.connection.driver_connection  # psycopg 3, inside this transaction
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in columns)
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)


def insert_bulk(connection: Connection, entries: Sequence[Entry], first_id: int) -> int:
    """Write entries with their keys and grams, numbering them from ``first_id``; returns the next id.

    The same rows as the session hooks write one unit of work at a time (:func:`_insert`), without
    reading ids back: for building a big archive and for :func:`rebuild_on`.
    """
    rows: list[tuple[Any, ...]] = []
    keys: list[tuple[Any, ...]] = []
    gram_rows: list[tuple[Any, ...]] = []
    entry_id = first_id
    for e in entries:
        rows.append((entry_id, e.kind, e.ref_id, e.secrecy, e.title, e.detail, e.text))
        keys += [(e.kind, k, entry_id) for k in e.keys]
        gram_rows += [(e.kind, g, entry_id) for g in e.grams]
        entry_id += 1
    _copy_rows(connection, _ENTRIES, ("id", "kind", "ref_id", "secrecy", "title", "detail", "text"), rows)
    _copy_rows(connection, _KEYS, ("kind", "key", "entry_id"), keys)
    _copy_rows(connection, _GRAMS, ("kind", "gram", "entry_id"), gram_rows)
    return entry_id


def fill_index(connection: Connection, sources: Sequence[Source] = SOURCES) -> int:
    """Index every record of ``sources`` that has no entry yet, in bulk; returns how many were added.

    For records written with plain Core (the big estate) and after :func:`rebuild_on` emptied the index.
    """
    next_id = int(connection.scalar(select(func.coalesce(func.max(SearchEntry.id), 0))) or 0) + 1
    count = 0
    for source in sources:
        known = select(SearchEntry.ref_id).where(SearchEntry.kind == source.kind)
        for page in _rows(connection, source, source_pk(source).not_in(known), size=_PAGE):
            next_id = insert_bulk(connection, [source.build(r) for r in page], next_id)
            count += len(page)
    sync_sequences(connection, [_ENTRIES])
    if count and connection.dialect.name == "postgresql":
        # COPY leaves up to 4 MB of new entries in the trigram index's pending list, which every search reads
        # whole and which the planner prices, until autovacuum merges it: a fresh estate chose sequential scans
        connection.exec_driver_sql(f"SELECT gin_clean_pending_list('{TRGM_INDEX}'::regclass)")
    return count


def sync_sequences(connection: Connection, tables: Iterable[Table]) -> None:
    """After rows were written with explicit ids: move PostgreSQL's id sequences past them."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
        )


def rebuild_search_index(session: Session) -> int:
    """Rebuild the whole index inside the session's unit of work (after raw SQL writes, for repair)."""
    session.flush()
    return rebuild_on(session.connection())
