"""loans: the borrowing ledger (issue 6, A6, A11, A12)

Revision ID: 0006_loans
Revises: 0005
Create Date: 2026-11-24 00:00:00

New tables only: loan requests, their items and decisions, loans (one row per document handed
over), renewals, recall notices, copies and on-screen consultations. ``uq_loans_open_original``
is a partial unique index (one open original loan per document) on SQLite and PostgreSQL alike.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_loans"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "loan_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("borrower_user_id", sa.Integer(), nullable=True),
        sa.Column("borrower_name", sa.String(length=120), nullable=False),
        sa.Column("borrower_org", sa.String(length=200), nullable=False),
        sa.Column("borrower_phone", sa.String(length=40), nullable=False),
        sa.Column("borrower_id_no", sa.String(length=40), nullable=False),
        sa.Column("borrower_clearance", sa.Integer(), nullable=False),
        sa.Column("outside", sa.Boolean(), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=20), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("special", sa.Boolean(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("chain", sa.String(length=200), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["borrower_user_id"], ["users.id"], name=op.f("fk_loan_requests_borrower_user_id_users")
        ),
        sa.ForeignKeyConstraint(["requested_by"], ["users.id"], name=op.f("fk_loan_requests_requested_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_requests")),
        sa.UniqueConstraint("number", name=op.f("uq_loan_requests_number")),
    )
    with op.batch_alter_table("loan_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_requests_borrower_user_id"), ["borrower_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_requests_state"), ["state"], unique=False)

    op.create_table(
        "loan_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["loan_requests.id"], name=op.f("fk_loan_decisions_request_id_loan_requests")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_loan_decisions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_decisions")),
        sa.UniqueConstraint("request_id", "step", name=op.f("uq_loan_decisions_request_id_step")),
    )
    with op.batch_alter_table("loan_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_decisions_request_id"), ["request_id"], unique=False)

    op.create_table(
        "loan_recalls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("sent_by", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["loan_requests.id"], name=op.f("fk_loan_recalls_request_id_loan_requests")
        ),
        sa.ForeignKeyConstraint(["sent_by"], ["users.id"], name=op.f("fk_loan_recalls_sent_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_recalls")),
    )
    with op.batch_alter_table("loan_recalls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_recalls_request_id"), ["request_id"], unique=False)

    op.create_table(
        "loan_request_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["loan_requests.id"], name=op.f("fk_loan_request_items_request_id_loan_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_request_items")),
        sa.UniqueConstraint(
            "request_id", "kind", "target_id", name=op.f("uq_loan_request_items_request_id_kind_target_id")
        ),
    )
    with op.batch_alter_table("loan_request_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_request_items_request_id"), ["request_id"], unique=False)

    op.create_table(
        "loan_copies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("made_by", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_loan_copies_document_id_documents")),
        sa.ForeignKeyConstraint(["made_by"], ["users.id"], name=op.f("fk_loan_copies_made_by_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["loan_requests.id"], name=op.f("fk_loan_copies_request_id_loan_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_copies")),
    )
    with op.batch_alter_table("loan_copies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_copies_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_copies_request_id"), ["request_id"], unique=False)

    op.create_table(
        "loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("original", sa.Boolean(), nullable=False),
        sa.Column("out_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("out_by", sa.Integer(), nullable=False),
        sa.Column("pages_out", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("renewals", sa.Integer(), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_by", sa.Integer(), nullable=True),
        sa.Column("pages_back", sa.Integer(), nullable=True),
        sa.Column("intact", sa.Boolean(), nullable=True),
        sa.Column("difference", sa.Text(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_loans_document_id_documents")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["loan_request_items.id"], name=op.f("fk_loans_item_id_loan_request_items")
        ),
        sa.ForeignKeyConstraint(["out_by"], ["users.id"], name=op.f("fk_loans_out_by_users")),
        sa.ForeignKeyConstraint(["request_id"], ["loan_requests.id"], name=op.f("fk_loans_request_id_loan_requests")),
        sa.ForeignKeyConstraint(["returned_by"], ["users.id"], name=op.f("fk_loans_returned_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loans")),
    )
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loans_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loans_request_id"), ["request_id"], unique=False)
        batch_op.create_index(
            "uq_loans_open_original",
            ["document_id"],
            unique=True,
            sqlite_where=sa.text("original AND returned_at IS NULL"),
            postgresql_where=sa.text("original AND returned_at IS NULL"),
        )

    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"], name=op.f("fk_consultations_attachment_id_attachments")
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_consultations_document_id_documents")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_consultations_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultations_document_id"), ["document_id"], unique=False)

    op.create_table(
        "loan_renewals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("from_due", sa.Date(), nullable=False),
        sa.Column("to_due", sa.Date(), nullable=False),
        sa.Column("renewed_by", sa.Integer(), nullable=False),
        sa.Column("renewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], name=op.f("fk_loan_renewals_loan_id_loans")),
        sa.ForeignKeyConstraint(["renewed_by"], ["users.id"], name=op.f("fk_loan_renewals_renewed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_renewals")),
    )
    with op.batch_alter_table("loan_renewals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_renewals_loan_id"), ["loan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loan_renewals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_renewals_loan_id"))

    op.drop_table("loan_renewals")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_document_id"))

    op.drop_table("consultations")
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_loans_open_original",
            sqlite_where=sa.text("original AND returned_at IS NULL"),
            postgresql_where=sa.text("original AND returned_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_loans_request_id"))
        batch_op.drop_index(batch_op.f("ix_loans_document_id"))

    op.drop_table("loans")
    with op.batch_alter_table("loan_copies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_copies_request_id"))
        batch_op.drop_index(batch_op.f("ix_loan_copies_document_id"))

    op.drop_table("loan_copies")
    with op.batch_alter_table("loan_request_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_request_items_request_id"))

    op.drop_table("loan_request_items")
    with op.batch_alter_table("loan_recalls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_recalls_request_id"))

    op.drop_table("loan_recalls")
    with op.batch_alter_table("loan_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_decisions_request_id"))

    op.drop_table("loan_decisions")
    with op.batch_alter_table("loan_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_requests_state"))
        batch_op.drop_index(batch_op.f("ix_loan_requests_borrower_user_id"))

    op.drop_table("loan_requests")
