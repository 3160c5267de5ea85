"""digitisation batches, their records and step log, the scan inbox's files and the 待处理 queue (issue 17)

Revision ID: 0015_digitisation
Revises: 0014_archive_counts
Create Date: 2026-12-07 18:46:32

New tables only (DA/T 31's batches, store/digitise.py): ``digitise_batches`` with their scan settings
and step, ``digitise_step_log`` (who moved a batch to each step, when), ``digitise_records``,
``inbox_sources`` (a scanner's file, by its unique SHA-256, so the same file dropped twice is
recognised), ``digitise_scans`` (a record's scan derived from a source) and ``digitise_pending``
(pages not attached, with the reason and how they were settled).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_digitisation"
down_revision: str | None = "0014_archive_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "digitise_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("dpi", sa.Integer(), nullable=False),
        sa.Column("colour", sa.String(length=20), nullable=False),
        sa.Column("file_format", sa.String(length=10), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_digitise_batches_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_batches")),
        sa.UniqueConstraint("code", name=op.f("uq_digitise_batches_code")),
    )
    with op.batch_alter_table("digitise_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_batches_step"), ["step"], unique=False)

    op.create_table(
        "digitise_step_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("by_user", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_digitise_step_log_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(["by_user"], ["users.id"], name=op.f("fk_digitise_step_log_by_user_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_step_log")),
    )
    with op.batch_alter_table("digitise_step_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_step_log_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "inbox_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("stack", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=260), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_inbox_sources_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(["imported_by"], ["users.id"], name=op.f("fk_inbox_sources_imported_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_sources")),
        sa.UniqueConstraint("fingerprint", "position", name=op.f("uq_inbox_sources_fingerprint_position")),
    )
    with op.batch_alter_table("inbox_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_sources_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbox_sources_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbox_sources_stack"), ["stack"], unique=False)

    op.create_table(
        "digitise_pending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("sheet_page", sa.Integer(), nullable=True),
        sa.Column("source_pages", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("settled", sa.String(length=20), nullable=False),
        sa.Column("settled_by", sa.Integer(), nullable=True),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_digitise_pending_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_digitise_pending_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["settled_by"], ["users.id"], name=op.f("fk_digitise_pending_settled_by_users")),
        sa.ForeignKeyConstraint(
            ["source_id"], ["inbox_sources.id"], name=op.f("fk_digitise_pending_source_id_inbox_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_pending")),
    )
    with op.batch_alter_table("digitise_pending", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_pending_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_digitise_pending_source_id"), ["source_id"], unique=False)

    op.create_table(
        "digitise_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("colour", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_digitise_records_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_digitise_records_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_records")),
        sa.UniqueConstraint("batch_id", "document_id", name=op.f("uq_digitise_records_batch_id_document_id")),
    )
    with op.batch_alter_table("digitise_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_records_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_digitise_records_document_id"), ["document_id"], unique=False)

    op.create_table(
        "digitise_scans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("source_pages", sa.Text(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"], name=op.f("fk_digitise_scans_attachment_id_attachments")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_digitise_scans_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_digitise_scans_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["inbox_sources.id"], name=op.f("fk_digitise_scans_source_id_inbox_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_scans")),
        sa.UniqueConstraint("attachment_id", name=op.f("uq_digitise_scans_attachment_id")),
    )
    with op.batch_alter_table("digitise_scans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_scans_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_digitise_scans_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_digitise_scans_source_id"), ["source_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("digitise_scans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_scans_source_id"))
        batch_op.drop_index(batch_op.f("ix_digitise_scans_document_id"))
        batch_op.drop_index(batch_op.f("ix_digitise_scans_batch_id"))

    op.drop_table("digitise_scans")
    with op.batch_alter_table("digitise_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_records_document_id"))
        batch_op.drop_index(batch_op.f("ix_digitise_records_batch_id"))

    op.drop_table("digitise_records")
    with op.batch_alter_table("digitise_pending", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_pending_source_id"))
        batch_op.drop_index(batch_op.f("ix_digitise_pending_batch_id"))

    op.drop_table("digitise_pending")
    with op.batch_alter_table("inbox_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_sources_stack"))
        batch_op.drop_index(batch_op.f("ix_inbox_sources_sha256"))
        batch_op.drop_index(batch_op.f("ix_inbox_sources_batch_id"))

    op.drop_table("inbox_sources")
    with op.batch_alter_table("digitise_step_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_step_log_batch_id"))

    op.drop_table("digitise_step_log")
    with op.batch_alter_table("digitise_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_batches_step"))

    op.drop_table("digitise_batches")
