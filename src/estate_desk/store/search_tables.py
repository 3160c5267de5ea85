"""The search index's tables (检索索引): entries, their whole keys and their grams, and what hides beside them.

``search_entries`` holds one row per searchable record, ``search_keys`` its whole normalised keys (a
B-tree in code-point order, so a prefix is a range), ``search_grams`` the characters and pairs of its
name or title. The trigram index over ``search_entries.text`` (FTS5 ``search_fts`` on SQLite,
``pg_trgm`` GIN on PostgreSQL) is not in the SQLAlchemy metadata: migration 0003 creates it and
:func:`include_name` hides it from autogenerate. How the index is kept is ``store/search_index.py``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base

KEY_LENGTH = 400
# B-tree order of keys must be code-point order on every server, so a prefix is a range.
_KEY_TYPE = String(KEY_LENGTH).with_variant(String(KEY_LENGTH, collation="C"), "postgresql")
FTS_TABLE = "search_fts"  # SQLite FTS5 (trigram) over search_entries.text, and its shadow tables
TRGM_INDEX = "ix_search_entries_text_trgm"  # PostgreSQL pg_trgm GIN index on search_entries.text


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
    )  # False: void or destroyed (no Python default: see search_fill._insert)


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
