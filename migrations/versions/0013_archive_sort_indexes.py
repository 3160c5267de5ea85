"""the archive table sorts by year or title in the database (issue 20)

Revision ID: 0013_archive_sort_indexes
Revises: 0012_owner_phone_id
Create Date: 2026-12-07 12:00:00

Clicking the 年度 or 题名 header sorts a category's documents in the database, the archive number
after the column so the order is total. With an index on (category, column, archive number,
grade) a sorted page is one short index range, as the archive-number order already is
(0010): no sort of the whole category for each page, and the clearance check read from the index.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_archive_sort_indexes"
down_revision: str | None = "0012_owner_phone_id"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_documents_category_year": ["category_id", "year", "archive_no", "secrecy"],
    "ix_documents_category_title": ["category_id", "title", "archive_no", "secrecy"],
}


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        for name, columns in _INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        for name in _INDEXES:
            batch_op.drop_index(name)
