"""maintained counts (issue 18): the work lists and category totals kept, not counted at start

Revision ID: 0014_archive_counts
Revises: 0013_archive_sort_indexes
Create Date: 2026-12-07 19:00:00

``archive_counts`` holds, per (list, category, secrecy grade), how many documents are on the list:
``documents`` (the category totals), ``to_digitise`` (待数字化: paper, no file) and ``paper_missing``
(纸质件未归位: paper, in no box, nor its volume). The application's session hooks keep it current
(``store/archive_count_hooks.py``); this migration fills it from the data, so an existing archive
starts with the right counts. The tables are described here as they are at this revision, not
imported from the application.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_archive_counts"
down_revision: str | None = "0013_archive_sort_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("category_id", sa.Integer),
    sa.column("secrecy", sa.Integer),
    sa.column("has_paper", sa.Boolean),
    sa.column("box_id", sa.Integer),
    sa.column("volume_id", sa.Integer),
)
_volumes = sa.table("volumes", sa.column("id", sa.Integer), sa.column("box_id", sa.Integer))
_attachments = sa.table("attachments", sa.column("document_id", sa.Integer))


def _counts() -> sa.Select:  # type: ignore[type-arg]
    d = _documents.c
    base = sa.select(d.category_id, d.secrecy, sa.func.count().label("n"))

    def grouped(name: str, query: sa.Select) -> sa.Select:  # type: ignore[type-arg]
        return query.add_columns(sa.literal(name).label("list_name")).group_by(d.category_id, d.secrecy)

    digital = sa.exists().where(_attachments.c.document_id == d.id)
    union = sa.union_all(
        grouped("documents", base),
        grouped("to_digitise", base.where(d.has_paper.is_(True), ~digital)),
        grouped(
            "paper_missing",
            base.select_from(_documents.outerjoin(_volumes, d.volume_id == _volumes.c.id)).where(
                d.has_paper.is_(True), d.box_id.is_(None), _volumes.c.box_id.is_(None)
            ),
        ),
    ).subquery()
    return sa.select(union.c.list_name, union.c.category_id, union.c.secrecy, union.c.n)


def upgrade() -> None:
    counts = op.create_table(
        "archive_counts",
        sa.Column("list_name", sa.String(length=16), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("list_name", "category_id", "grade", name=op.f("pk_archive_counts")),
    )
    op.execute(counts.insert().from_select(["list_name", "category_id", "grade", "documents"], _counts()))


def downgrade() -> None:
    op.drop_table("archive_counts")
