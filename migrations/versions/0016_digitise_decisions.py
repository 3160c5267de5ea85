"""per-record decisions after 质检, the batch's current scan, hand-assigned 待处理 pages and the 验收 sample (issue 17)

Revision ID: 0016_digitise_decisions
Revises: 0015_digitisation
Create Date: 2026-12-07 22:10:00

``digitise_records.decision`` (the latest decision on a record's scan: accepted or rescan),
``digitise_scans.current`` (a rescan's new scan replaces the earlier one inside the batch; the earlier one
is kept, no longer current), ``digitise_pending.assigned_scan_id`` (pages the clerk assigned by hand),
``digitise_decisions`` (every decision with who, when and the reason) and ``digitise_samples`` (the records
drawn for 验收, the seed they were drawn by, and each one's comparison with the original).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_digitise_decisions"
down_revision: str | None = "0015_digitisation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("digitise_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision", sa.String(length=20), nullable=False, server_default=""))
    with op.batch_alter_table("digitise_scans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_table(
        "digitise_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_user", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_digitise_decisions_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(["by_user"], ["users.id"], name=op.f("fk_digitise_decisions_by_user_users")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_digitise_decisions_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["digitise_scans.id"], name=op.f("fk_digitise_decisions_scan_id_digitise_scans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_decisions")),
    )
    with op.batch_alter_table("digitise_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_decisions_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_digitise_decisions_document_id"), ["document_id"], unique=False)
    op.create_table(
        "digitise_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("share", sa.Integer(), nullable=False),
        sa.Column("drawn_by", sa.Integer(), nullable=True),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("compared_by", sa.Integer(), nullable=True),
        sa.Column("compared_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["digitise_batches.id"], name=op.f("fk_digitise_samples_batch_id_digitise_batches")
        ),
        sa.ForeignKeyConstraint(["compared_by"], ["users.id"], name=op.f("fk_digitise_samples_compared_by_users")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_digitise_samples_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["drawn_by"], ["users.id"], name=op.f("fk_digitise_samples_drawn_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitise_samples")),
        sa.UniqueConstraint("batch_id", "document_id", name=op.f("uq_digitise_samples_batch_id_document_id")),
    )
    with op.batch_alter_table("digitise_samples", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digitise_samples_batch_id"), ["batch_id"], unique=False)
    with op.batch_alter_table("digitise_pending", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_scan_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_digitise_pending_assigned_scan_id_digitise_scans"),
            "digitise_scans",
            ["assigned_scan_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("digitise_pending", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_digitise_pending_assigned_scan_id_digitise_scans"), type_="foreignkey")
        batch_op.drop_column("assigned_scan_id")
    with op.batch_alter_table("digitise_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_samples_batch_id"))
    op.drop_table("digitise_samples")
    with op.batch_alter_table("digitise_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digitise_decisions_document_id"))
        batch_op.drop_index(batch_op.f("ix_digitise_decisions_batch_id"))
    op.drop_table("digitise_decisions")
    with op.batch_alter_table("digitise_scans", schema=None) as batch_op:
        batch_op.drop_column("current")
    with op.batch_alter_table("digitise_records", schema=None) as batch_op:
        batch_op.drop_column("decision")
