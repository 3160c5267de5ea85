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
  Neither is in the SQLAlchemy metadata: migration 0003 creates them, :func:`include_name`
  hides them from autogenerate.

Importing this module (``estate_desk.store`` does) registers session hooks: whatever code adds,
changes or deletes these records through an ORM session — flushes and ORM bulk statements — the
index follows in the same transaction, so nobody has to remember to reindex. Writes in plain
Core or raw SQL bypass the hooks; :func:`rebuild_search_index` rebuilds everything.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    true,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, object_session

from estate_desk.domain.estate.rooms import RoomCode, format_room_code, try_parse_room_code
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade
from estate_desk.store.archive import ArchiveBox, Document, Volume
from estate_desk.store.base import Base
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from sqlalchemy import Column, Connection, Table
    from sqlalchemy.orm import Mapper, ORMExecuteState, UOWTransaction

KEY_LENGTH = 400
# B-tree order of keys must be code-point order on every server, so a prefix is a range.
_KEY_TYPE = String(KEY_LENGTH).with_variant(String(KEY_LENGTH, collation="C"), "postgresql")
FTS_TABLE = "search_fts"  # SQLite FTS5 (trigram) over search_entries.text, and its shadow tables
TRGM_INDEX = "ix_search_entries_text_trgm"  # PostgreSQL pg_trgm GIN index on search_entries.text
_CHUNK = 500


class SearchEntry(Base):
    """One searchable record: its kind and id, secrecy grade, what a hit shows, the searched text."""

    __tablename__ = "search_entries"
    __table_args__ = (UniqueConstraint("kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # owner | room | document | volume | box
    ref_id: Mapped[int] = mapped_column(Integer)
    secrecy: Mapped[int] = mapped_column(Integer)  # 密级 level; shown only to clearance >= this
    title: Mapped[str] = mapped_column(String(400))
    detail: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)  # normalised fields, one per line (trigram-indexed)
    current: Mapped[bool] = mapped_column(
        Boolean, server_default=true()
    )  # False: void or destroyed (no Python default: see _insert)


class SearchKey(Base):
    """A whole normalised key of an entry, for exact and prefix matches."""

    __tablename__ = "search_keys"
    __table_args__ = (Index("ix_search_keys_entry_id", "entry_id"),)

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    key: Mapped[str] = mapped_column(_KEY_TYPE, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("search_entries.id", ondelete="CASCADE"), primary_key=True)


class SearchGram(Base):
    """A character or pair of characters of an entry's name or title (one- and two-character queries)."""

    __tablename__ = "search_grams"
    __table_args__ = (Index("ix_search_grams_entry_id", "entry_id"),)

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    gram: Mapped[str] = mapped_column(String(8), primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("search_entries.id", ondelete="CASCADE"), primary_key=True)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic autogenerate hook: the trigram index objects live outside the metadata (see above)."""
    if type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")):
        return False
    return not (type_ == "index" and name == TRGM_INDEX)


# --------------------------------------------------------------------------- what is indexed

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The searched form of a text or a query: NFKC (full-width → half-width), case-folded, one space."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _SPACES.sub(" ", folded).strip()


def grams(text: str) -> set[str]:
    """Single characters and adjacent pairs (code points, so 𠮷 is one), without spaces."""
    out = {ch for ch in text if not ch.isspace()}
    out.update(text[i : i + 2] for i in range(len(text) - 1) if not any(ch.isspace() for ch in text[i : i + 2]))
    return out


@dataclass(frozen=True)
class Entry:
    """What the index holds for one record (built from an ORM object or a row alike)."""

    kind: str
    ref_id: int
    secrecy: int
    title: str
    detail: str
    keys: frozenset[str]
    text: str
    grams: frozenset[str]
    current: bool = True  # False for a void (作废) or destroyed (已销毁) record, left out of default searches


def _entry(
    kind: str,
    ref_id: int,
    secrecy: int,
    title: str,
    detail: str,
    keys: Iterable[str | None],
    texts: Iterable[str | None],
    gram_texts: Iterable[str | None] = (),
) -> Entry:
    normal_keys = frozenset(k for k in (normalise(k or "")[:KEY_LENGTH] for k in keys) if k)
    lines = list(dict.fromkeys(t for t in (normalise(t or "") for t in texts) if t))
    gram_set = frozenset(g for t in gram_texts for g in grams(normalise(t or "")))
    return Entry(kind, ref_id, secrecy, title[:400], detail[:200], normal_keys, "\n".join(lines), gram_set)


def _pinyin(name: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin  # its dictionaries take half a second to load: not at start-up

    full = "".join(p for p in lazy_pinyin(name, errors="ignore") if p.strip())
    initials = "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p.strip())
    return full.lower(), initials.lower()


PHONE_KEY = "tel:"
"""What an owner's phone key starts with (``tel:13800138000``): a query is looked up among phones only when
it looks like one, so typing ``15`` for a room does not list every owner whose phone starts with 15."""


def phone_key(digits: str) -> str | None:
    """The search key of a normalised phone number (:func:`estate_desk.domain.estate.phones.phone_digits`)."""
    return PHONE_KEY + digits if digits else None


def owner_entry(row: Any) -> Entry:
    """An owner's file is 绝密 (A12): found by name, pinyin (``zhangsan``), initials (``zs``) and the phone
    in its normalised form (``tel:13800138000``, however it was typed)."""
    name = row.name or ""
    full, initials = row.pinyin or "", row.pinyin_initials or ""
    if not full and name:  # written without pinyin: derive it as services.estate.name_pinyin does
        full, initials = _pinyin(name)
    phone = phone_key(getattr(row, "phone_digits", "") or "")  # the column came with migration 0012
    return _entry("owner", row.id, int(OWNER_FILE_GRADE), name, "", (name, full, initials, phone), (name,), (name,))


def room_entry(row: Any) -> Entry:
    """A room by its canonical code, and without the unit (``3栋1502``), as ``3号楼1502室`` says it."""
    code = row.code or ""
    parsed = try_parse_room_code(code)
    alias = format_room_code(RoomCode.of(parsed.building, None, parsed.room)) if parsed and parsed.unit else None
    return _entry("room", row.id, int(Grade.PUBLIC), code, "", (code, alias), (code, alias))


def document_entry(row: Any) -> Entry:
    """A document (件) by 档号, 文号 and title (题名), at its own grade; marked when void or destroyed."""
    fields = (row.archive_no, row.doc_number, row.title)
    entry = _entry("document", row.id, row.secrecy, row.title or "", row.archive_no or "", fields, fields, (row.title,))
    return replace(entry, current=not getattr(row, "void", False) and getattr(row, "destroyed_in", None) is None)


def volume_entry(row: Any) -> Entry:
    fields = (row.code, row.title)
    entry = _entry("volume", row.id, int(Grade.PUBLIC), row.title or "", row.code or "", fields, fields, (row.title,))
    return replace(entry, current=not getattr(row, "void", False))


def box_entry(row: Any) -> Entry:
    return _entry("box", row.id, int(Grade.PUBLIC), row.code or "", "", (row.code,), (row.code,))


@dataclass(frozen=True)
class Source:
    """A model whose rows are indexed: the columns an entry is built from, and how."""

    model: type[Base]
    kind: str
    columns: tuple[str, ...]
    build: Callable[[Any], Entry]


SOURCES: tuple[Source, ...] = (
    Source(Owner, "owner", ("id", "name", "pinyin", "pinyin_initials", "phone_digits"), owner_entry),
    Source(Room, "room", ("id", "code"), room_entry),
    Source(
        Document,
        "document",
        ("id", "archive_no", "doc_number", "title", "secrecy", "void", "destroyed_in"),
        document_entry,
    ),
    Source(Volume, "volume", ("id", "code", "title", "void"), volume_entry),
    Source(ArchiveBox, "box", ("id", "code"), box_entry),
)
_BY_TABLE = {s.model.__tablename__: s for s in SOURCES}
_ENTRIES = cast("Table", SearchEntry.__table__)
_KEYS = cast("Table", SearchKey.__table__)
_GRAMS = cast("Table", SearchGram.__table__)


def _pk(source: Source) -> Column[int]:
    return cast("Column[int]", getattr(source.model, "id"))  # noqa: B009 (every indexed model has an id)


# --------------------------------------------------------------------------- writing


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
    has yet: migration 0003 builds the index before later migrations add the void columns."""
    present = {c["name"] for c in inspect(connection).get_columns(source.model.__tablename__)}
    columns = [getattr(source.model, c) for c in source.columns if c in present]
    pk = _pk(source)
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
        found = [r for page in _rows(connection, source, _pk(source).in_(chunk)) for r in page]
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
        for page in _rows(connection, source, _pk(source).not_in(known), size=_PAGE):
            next_id = insert_bulk(connection, [source.build(r) for r in page], next_id)
            count += len(page)
    sync_sequences(connection, [_ENTRIES])
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
    pk = _pk(source)
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
