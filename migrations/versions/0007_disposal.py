"""disposal: void marks, legal holds, destruction batches, and no DELETE on records (issue 7, A16, A17)

Revision ID: 0007_disposal
Revises: 0006_loans
Create Date: 2026-11-24 00:00:00

Documents and volumes get their void mark (作废: flag, reason, date, who); documents also the batch that
destroyed them (``destroyed_in``: the row stays as a tombstone). New tables for legal holds, batches,
their items and the files a batch removes. A trigger on ``documents`` and ``volumes`` aborts any
``DELETE``: a record leaves the archive only through a destruction batch, and even then its row stays.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_disposal"
down_revision: str | None = "0006_loans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEPT = ("documents", "volumes")
MESSAGE = "A17: archive records are never deleted; only a destruction batch destroys one, keeping its row"


def _void_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("void", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("void_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("void_on", sa.Date(), nullable=True),
        sa.Column("void_by", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "destruction_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("proposed_by", sa.Integer(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("carried_out_by", sa.Integer(), nullable=True),
        sa.Column("carried_out_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("carried_out_on", sa.Date(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("witnesses", sa.Text(), nullable=False),
        sa.Column("manifest_document_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["approved_by"], ["users.id"], name=op.f("fk_destruction_batches_approved_by_users")),
        sa.ForeignKeyConstraint(
            ["carried_out_by"], ["users.id"], name=op.f("fk_destruction_batches_carried_out_by_users")
        ),
        sa.ForeignKeyConstraint(["proposed_by"], ["users.id"], name=op.f("fk_destruction_batches_proposed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_batches")),
        sa.UniqueConstraint("code", name=op.f("uq_destruction_batches_code")),
    )
    with op.batch_alter_table("destruction_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_destruction_batches_state"), ["state"], unique=False)

    with op.batch_alter_table("volumes", schema=None) as batch_op:
        for column in _void_columns():
            batch_op.add_column(column)
        batch_op.create_index(batch_op.f("ix_volumes_void"), ["void"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_volumes_void_by_users"), "users", ["void_by"], ["id"])
    with op.batch_alter_table("documents", schema=None) as batch_op:
        for column in _void_columns():
            batch_op.add_column(column)
        batch_op.add_column(sa.Column("destroyed_in", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_documents_destroyed_in"), ["destroyed_in"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_documents_void_by_users"), "users", ["void_by"], ["id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_documents_destroyed_in_destruction_batches"), "destruction_batches", ["destroyed_in"], ["id"]
        )

    # a plain ALTER TABLE: batch mode would copy the table on SQLite and lose its full-text triggers (0003)
    op.add_column("search_entries", sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.true()))

    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lifted_by", sa.Integer(), nullable=True),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lift_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_legal_holds_document_id_documents")),
        sa.ForeignKeyConstraint(["lifted_by"], ["users.id"], name=op.f("fk_legal_holds_lifted_by_users")),
        sa.ForeignKeyConstraint(["set_by"], ["users.id"], name=op.f("fk_legal_holds_set_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legal_holds_document_id"), ["document_id"], unique=False)

    op.create_table(
        "destruction_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("due", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["destruction_batches.id"], name=op.f("fk_destruction_items_batch_id_destruction_batches")
        ),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_destruction_items_decided_by_users")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_destruction_items_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_items")),
        sa.UniqueConstraint("batch_id", "document_id", name=op.f("uq_destruction_items_batch_id_document_id")),
    )
    with op.batch_alter_table("destruction_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_destruction_items_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_destruction_items_document_id"), ["document_id"], unique=False)

    op.create_table(
        "destruction_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sealed", sa.Boolean(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["destruction_batches.id"], name=op.f("fk_destruction_files_batch_id_destruction_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_files")),
        sa.UniqueConstraint("batch_id", "sha256", "sealed", name=op.f("uq_destruction_files_batch_id_sha256_sealed")),
    )
    with op.batch_alter_table("destruction_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_destruction_files_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_destruction_files_removed_at"), ["removed_at"], unique=False)

    _create_triggers()


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in KEPT:
            op.execute(
                f"CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION estate_records_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
    )
    for table in KEPT:
        op.execute(
            f"CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION estate_records_never_deleted()"
        )


def _drop_triggers() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in KEPT:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_never_deleted" + ("" if sqlite else f" ON {table}"))
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS estate_records_never_deleted()")


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("destruction_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_files_removed_at"))
        batch_op.drop_index(batch_op.f("ix_destruction_files_batch_id"))
    op.drop_table("destruction_files")
    with op.batch_alter_table("destruction_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_items_document_id"))
        batch_op.drop_index(batch_op.f("ix_destruction_items_batch_id"))
    op.drop_table("destruction_items")
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_holds_document_id"))
    op.drop_table("legal_holds")
    op.drop_column("search_entries", "current")  # SQLite ≥ 3.35 drops a column in place, keeping the triggers
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_documents_destroyed_in_destruction_batches"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_documents_void_by_users"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_documents_destroyed_in"))
        for name in ("destroyed_in", "void_by", "void_on", "void_reason", "void"):
            batch_op.drop_column(name)
    with op.batch_alter_table("volumes", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_volumes_void_by_users"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_volumes_void"))
        for name in ("void_by", "void_on", "void_reason", "void"):
            batch_op.drop_column(name)
    with op.batch_alter_table("destruction_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_batches_state"))
    op.drop_table("destruction_batches")
