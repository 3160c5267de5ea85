"""A database-neutral snapshot of the archive's tables (备份数据): rows as typed JSON, streamed.

Backups (``services/maintenance/backup_write.py``) write every table of the metadata, parents before children, one
JSON object per row. Values are encoded by their column's type, so a snapshot taken on SQLite
loads into PostgreSQL and back unchanged: instants as ISO 8601 in UTC with their offset, dates as
ISO dates, bytes as base64, decimals as text; text, integers, booleans and NULL as JSON.

The search index (``search_entries``, ``search_keys``, ``search_grams`` and the trigram objects
outside the metadata) and the archive's maintained counts (``archive_counts``) are derived from the
records and rebuilt after a restore, so they are not kept.

A consistent view to read from: :func:`consistent_connection` gives SQLite's online backup copied
into a temporary file (the live file keeps working meanwhile), or on PostgreSQL one
``REPEATABLE READ, READ ONLY, DEFERRABLE`` transaction — which needs no superuser and no pg_dump.
"""

from __future__ import annotations

import base64
import os
import sqlite3
import tempfile
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, Float, Integer, LargeBinary, Numeric, String, Text, create_engine, func, select
from sqlalchemy import delete as sql_delete

from estate_desk.domain.errors import DatabaseProblem
from estate_desk.store import models  # noqa: F401 - every table registered in the metadata
from estate_desk.store.backends import is_sqlite, sqlite_path
from estate_desk.store.base import Base, UTCDateTime

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sqlalchemy import Column, Connection, Table

    from estate_desk.store.database import Database

DERIVED_TABLES = frozenset({"search_entries", "search_keys", "search_grams", "archive_counts"})
"""Rebuilt from the records after a restore; not kept in a backup."""

SEEDED_TABLES = frozenset({"audit_chain"})
"""Tables a fresh migration fills (the audit chain's genesis head): not a sign of an archive's data."""

ROW_PAGE = 500
SCRATCH_PREFIX = ".estate-desk-backup-"  # the same as a backup's own partial file, so one sweep finds both
SCRATCH_SUFFIX = ".part"


def kept_tables() -> list[Table]:
    """Every table a backup keeps, parents before children (the order rows are restored in)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED_TABLES]


def _kind(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return "instant"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, LargeBinary):
        return "bytes"
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        return "decimal"
    if isinstance(kind, Integer | String | Text | Boolean | Float):
        return "plain"
    raise TypeError(f"snapshot: no encoding for {column.table.name}.{column.name} ({kind!r}); add one")


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def _base64(value: Any) -> str:
    return base64.b64encode(bytes(value)).decode("ascii")


_ENCODERS: dict[str, Callable[[Any], Any] | None] = {
    "instant": _iso,
    "date": _iso,
    "bytes": _base64,
    "decimal": str,
    "plain": None,
}


@cache
def _encoders(table: Table) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each column's name and encoder, in the table's column order: worked out once per table, not per
    cell (a backup encodes millions of cells; the per-cell type dispatch was most of its time)."""
    return tuple((column.name, _ENCODERS[_kind(column)]) for column in table.columns)


def encode_row(table: Table, row: Any) -> dict[str, Any]:
    """One row of ``select(table)`` as JSON-ready values (see the module docstring)."""
    return {
        name: value if value is None or encode is None else encode(value)
        for (name, encode), value in zip(_encoders(table), row, strict=True)
    }


def decode_row(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`encode_row`; unknown names (a column since removed) are refused."""
    unknown = set(data) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{table.name}: unknown columns {sorted(unknown)}")
    out: dict[str, Any] = {}
    for column in table.columns:
        value = data.get(column.name)
        if value is not None:
            kind = _kind(column)
            if kind == "instant":
                value = datetime.fromisoformat(value)
                if value.tzinfo is None:
                    raise ValueError(f"{table.name}.{column.name}: an instant without its offset")
            elif kind == "date":
                value = date.fromisoformat(value)
            elif kind == "bytes":
                value = base64.b64decode(value, validate=True)
            elif kind == "decimal":
                value = Decimal(value)
        out[column.name] = value
    return out


def read_rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` in primary-key order, encoded, a page at a time (bounded memory)."""
    query = select(table).order_by(*table.primary_key.columns)
    result = conn.execution_options(stream_results=True, yield_per=ROW_PAGE).execute(query)
    for row in result:
        yield encode_row(table, row)


def count_rows(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def holds_an_archive(conn: Connection) -> bool:
    """True when any record is there (anything beyond what a fresh migration writes)."""
    from estate_desk.store.attachment_home import ARCHIVE_ID_KEY

    for table in kept_tables():
        if table.name in SEEDED_TABLES:
            continue
        query = select(1).select_from(table).limit(1)
        if table.name == "settings":  # a fresh migration gives the archive its identity (0009_lan)
            query = query.where(table.c.key != ARCHIVE_ID_KEY)
        if conn.execute(query).first() is not None:
            return True
    from estate_desk.store.audit import AuditChain

    return bool(conn.execute(select(AuditChain.last_seq).where(AuditChain.last_seq > 0)).first())


def wipe(conn: Connection) -> None:
    """Delete every row of every table, children first (the alembic revision stays). Records are never
    deleted one by one (A17); emptying the whole archive for a forced restore lifts that guard meanwhile."""
    from estate_desk.store.disposal import guard_lifted

    with guard_lifted(conn):
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(sql_delete(table))


def reset_sequences(conn: Connection) -> None:
    """On PostgreSQL, move every serial column's sequence past the restored rows."""
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer) or column.autoincrement is False:
                continue
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name})
            name = seq.scalar()
            if name is None:
                continue
            conn.execute(
                text(
                    f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 1), '
                    f'(SELECT MAX("{column.name}") FROM "{table.name}") IS NOT NULL)'
                ),
                {"s": name},
            )


@contextmanager
def consistent_connection(db: Database, scratch: Path | None = None) -> Iterator[Connection]:
    """A connection that sees one instant of the archive, whatever other workstations do meanwhile.

    On SQLite the copy is a temporary file in ``scratch`` (named as the caller's partial files, so
    a sweep finds it after a crash), else in the system's temporary folder.
    """
    if is_sqlite(db.url):
        path = sqlite_path(db.url)
        if path is None:
            raise DatabaseProblem(zh="内存数据库不能备份。", en="An in-memory database cannot be backed up.")
        fd, name = tempfile.mkstemp(prefix=SCRATCH_PREFIX, suffix=SCRATCH_SUFFIX, dir=scratch)
        os.close(fd)
        copy = Path(name)
        try:
            src = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
            dst = sqlite3.connect(copy)
            try:
                src.backup(dst)
            except sqlite3.Error as exc:
                raise DatabaseProblem(
                    zh=f"无法读取数据库做备份（{exc}）。",
                    en=f"The database could not be read for the backup ({exc}).",
                    where=str(path),
                ) from exc
            finally:
                dst.close()
                src.close()
            engine = create_engine(f"sqlite+pysqlite:///{copy}")
            try:
                with engine.connect() as conn:
                    yield conn
            finally:
                engine.dispose()
        finally:
            copy.unlink(missing_ok=True)
        return
    with db.engine.connect() as conn:
        snap = conn.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True, postgresql_deferrable=True
        )
        with snap.begin():
            yield snap
