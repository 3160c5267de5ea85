"""big estate (issue 10): a category's documents by archive number; the entry kind indexed in FTS5 (SQLite)

Revision ID: 0010_big_estate_indexes
Revises: 0009_lan
Create Date: 2026-11-24 00:00:00

With a million documents, "装修责任书" matches tens of thousands of document entries; asked for
owners, rooms or boxes, the FTS5 search had to read the kind of every one of those matches from
search_entries to throw it away (35 ms a kind). With ``kind`` an indexed column the kind is part
of the full-text query (``text : "…" AND kind : "box"``) and nothing outside the index is read
for the matches of other kinds. PostgreSQL is unchanged (pg_trgm).

The archive table reads a category's documents a page at a time in archive-number order; the
index on (category, archive number, grade) makes a page one short index range and a count one
index scan of the category.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_big_estate_indexes"
down_revision: str | None = "0009_lan"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FTS_COLUMNS = "text, kind, secrecy, ref_id, title, detail"
_NEW = "new.text, new.kind, new.secrecy, new.ref_id, new.title, new.detail"
_OLD = "old.text, old.kind, old.secrecy, old.ref_id, old.title, old.detail"
_DROP = (
    "DROP TRIGGER IF EXISTS search_entries_au",
    "DROP TRIGGER IF EXISTS search_entries_ad",
    "DROP TRIGGER IF EXISTS search_entries_ai",
    "DROP TABLE IF EXISTS search_fts",
)


def _create(kind: str) -> tuple[str, ...]:
    return (
        f"CREATE VIRTUAL TABLE search_fts USING fts5(text, {kind}, secrecy UNINDEXED, ref_id UNINDEXED, "
        "title UNINDEXED, detail UNINDEXED, content='search_entries', content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
        f"INSERT INTO search_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END",
        f"CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
        f"INSERT INTO search_fts(search_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); END",
        f"CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
        f"INSERT INTO search_fts(search_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); "
        f"INSERT INTO search_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END",
        "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    )


def upgrade() -> None:
    op.create_index("ix_documents_category_archive_no", "documents", ["category_id", "archive_no", "secrecy"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in (*_DROP, *_create("kind")):
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_documents_category_archive_no", table_name="documents")
    if op.get_bind().dialect.name == "sqlite":
        for statement in (*_DROP, *_create("kind UNINDEXED")):
            op.execute(statement)
