"""the text OCR read from each page of a scan (issue 17)

Revision ID: 0017_scan_text
Revises: 0016_digitise_decisions
Create Date: 2026-12-07 22:20:00

One new table, ``scan_page_text`` (store/scan_text.py): a row per page read, unique by attachment and
page, so a stopped run resumes without reading a page twice. Its search entries (kind ``page``) go into
the existing index tables through the session hooks; there are none yet when this runs.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_scan_text"
down_revision: str | None = "0016_digitise_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scan_page_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("secrecy", sa.Integer(), nullable=False),
        sa.Column("withheld", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("boxes", sa.Text(), nullable=False),
        sa.Column("dpi", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"], name=op.f("fk_scan_page_text_attachment_id_attachments")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_scan_page_text_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_page_text")),
        sa.UniqueConstraint("attachment_id", "page", name=op.f("uq_scan_page_text_attachment_id_page")),
    )
    with op.batch_alter_table("scan_page_text", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_page_text_document_id"), ["document_id"], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM search_grams WHERE kind = 'page'")
    op.execute("DELETE FROM search_keys WHERE kind = 'page'")
    op.execute("DELETE FROM search_entries WHERE kind = 'page'")
    with op.batch_alter_table("scan_page_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_page_text_document_id"))
    op.drop_table("scan_page_text")
