"""search index: entries, keys and grams; a trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00

The trigram objects are not in the SQLAlchemy metadata (autogenerate ignores them through
``estate_desk.store.search_tables.include_name``). The upgrade fills the index from the owners,
rooms, documents, volumes and boxes already in the database.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite: an external-content FTS5 table over search_entries, kept in step by triggers. Only
# ``text`` is indexed; the other columns are read from search_entries, so a search is one table.
_FTS_COLUMNS = "text, kind, secrecy, ref_id, title, detail"
_NEW = "new.text, new.kind, new.secrecy, new.ref_id, new.title, new.detail"
_OLD = "old.text, old.kind, old.secrecy, old.ref_id, old.title, old.detail"
SQLITE_UP = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, kind UNINDEXED, secrecy UNINDEXED, ref_id UNINDEXED, "
    "title UNINDEXED, detail UNINDEXED, content='search_entries', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    f"INSERT INTO search_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END",
    f"CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); END",
    f"CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO search_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS search_entries_au",
    "DROP TRIGGER IF EXISTS search_entries_ad",
    "DROP TRIGGER IF EXISTS search_entries_ai",
    "DROP TABLE IF EXISTS search_fts",
)
# PostgreSQL: pg_trgm (a trusted extension) handles CJK under C.UTF-8 and the usual locales.
POSTGRESQL_UP = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_search_entries_text_trgm ON search_entries USING gin (text gin_trgm_ops)",
)
POSTGRESQL_DOWN = ("DROP INDEX IF EXISTS ix_search_entries_text_trgm",)


def _key_type() -> sa.types.TypeEngine[str]:
    return sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("secrecy", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
        sa.UniqueConstraint("kind", "ref_id", name=op.f("uq_search_entries_kind_ref_id")),
    )
    op.create_table(
        "search_keys",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("key", _key_type(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["search_entries.id"],
            name=op.f("fk_search_keys_entry_id_search_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("kind", "key", "entry_id", name=op.f("pk_search_keys")),
    )
    op.create_index("ix_search_keys_entry_id", "search_keys", ["entry_id"], unique=False)
    op.create_table(
        "search_grams",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("gram", sa.String(length=8), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["search_entries.id"],
            name=op.f("fk_search_grams_entry_id_search_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("kind", "gram", "entry_id", name=op.f("pk_search_grams")),
    )
    op.create_index("ix_search_grams_entry_id", "search_grams", ["entry_id"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in POSTGRESQL_UP:
            op.execute(statement)

    from estate_desk.store.search_fill import rebuild_on

    rebuild_on(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in POSTGRESQL_DOWN:
            op.execute(statement)
    op.drop_index("ix_search_grams_entry_id", table_name="search_grams")
    op.drop_table("search_grams")
    op.drop_index("ix_search_keys_entry_id", table_name="search_keys")
    op.drop_table("search_keys")
    op.drop_table("search_entries")
