"""register: owner history, handover, attachments, movements, routines

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 21:09:00.942628
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handover_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_kind", sa.String(length=20), nullable=False),
        sa.Column("party_name", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("contents", sa.Text(), nullable=False),
        sa.Column("received_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["received_by"], ["users.id"], name=op.f("fk_handover_batches_received_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_batches")),
    )
    op.create_table(
        "inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=True),
        sa.Column("fire_ok", sa.Boolean(), nullable=False),
        sa.Column("damp_ok", sa.Boolean(), nullable=False),
        sa.Column("pests_ok", sa.Boolean(), nullable=False),
        sa.Column("rodents_ok", sa.Boolean(), nullable=False),
        sa.Column("ventilation_ok", sa.Boolean(), nullable=False),
        sa.Column("clean_ok", sa.Boolean(), nullable=False),
        sa.Column("temperature_c", sa.Numeric(precision=5, scale=1), nullable=True),
        sa.Column("humidity_pct", sa.Numeric(precision=5, scale=1), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["inspector_id"], ["users.id"], name=op.f("fk_inspections_inspector_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_inspected_at"), ["inspected_at"], unique=False)

    op.create_table(
        "arrears",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("fee_type", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_arrears_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arrears")),
    )
    with op.batch_alter_table("arrears", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_arrears_room_id"), ["room_id"], unique=False)

    op.create_table(
        "census_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(length=8), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("checked_by", sa.Integer(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["checked_by"], ["users.id"], name=op.f("fk_census_tasks_checked_by_users")),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_census_tasks_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_census_tasks")),
        sa.UniqueConstraint("quarter", "room_id", name=op.f("uq_census_tasks_quarter_room_id")),
    )
    with op.batch_alter_table("census_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_census_tasks_quarter"), ["quarter"], unique=False)
        batch_op.create_index(batch_op.f("ix_census_tasks_room_id"), ["room_id"], unique=False)

    op.create_table(
        "owner_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["changed_by"], ["users.id"], name=op.f("fk_owner_changes_changed_by_users")),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"], name=op.f("fk_owner_changes_owner_id_owners")),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_owner_changes_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owner_changes")),
    )
    with op.batch_alter_table("owner_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_owner_changes_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_owner_changes_room_id"), ["room_id"], unique=False)

    op.create_table(
        "arrears_followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arrear_id", sa.Integer(), nullable=False),
        sa.Column("followed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_user", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("said", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["arrear_id"], ["arrears.id"], name=op.f("fk_arrears_followups_arrear_id_arrears")),
        sa.ForeignKeyConstraint(["by_user"], ["users.id"], name=op.f("fk_arrears_followups_by_user_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arrears_followups")),
    )
    with op.batch_alter_table("arrears_followups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_arrears_followups_arrear_id"), ["arrear_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_arrears_followups_followed_at"), ["followed_at"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_attachments_added_by_users")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_attachments_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("document_id", "sha256", name=op.f("uq_attachments_document_id_sha256")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("box_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("from_place", sa.String(length=200), nullable=False),
        sa.Column("to_place", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("moved_by", sa.Integer(), nullable=True),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["box_id"], ["boxes.id"], name=op.f("fk_movements_box_id_boxes")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_movements_document_id_documents")),
        sa.ForeignKeyConstraint(["moved_by"], ["users.id"], name=op.f("fk_movements_moved_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movements")),
    )
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_movements_box_id"), ["box_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_movements_document_id"), ["document_id"], unique=False)

    with op.batch_alter_table("boxes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("equipment", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("ticket_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_documents_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_documents_batch_id_handover_batches"), "handover_batches", ["batch_id"], ["id"]
        )
        batch_op.create_foreign_key(batch_op.f("fk_documents_ticket_id_tickets"), "tickets", ["ticket_id"], ["id"])

    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("id_number", sa.String(length=40), nullable=False, server_default=""))

    with op.batch_alter_table("volumes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("volumes", schema=None) as batch_op:
        batch_op.drop_column("created_at")
        batch_op.drop_column("closed_at")

    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_column("id_number")
        batch_op.drop_column("address")

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_documents_ticket_id_tickets"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_documents_batch_id_handover_batches"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_documents_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_documents_batch_id"))
        batch_op.drop_column("batch_id")
        batch_op.drop_column("ticket_id")
        batch_op.drop_column("equipment")

    with op.batch_alter_table("boxes", schema=None) as batch_op:
        batch_op.drop_column("note")

    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movements_document_id"))
        batch_op.drop_index(batch_op.f("ix_movements_box_id"))

    op.drop_table("movements")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachments_document_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("arrears_followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_arrears_followups_followed_at"))
        batch_op.drop_index(batch_op.f("ix_arrears_followups_arrear_id"))

    op.drop_table("arrears_followups")
    with op.batch_alter_table("owner_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owner_changes_room_id"))
        batch_op.drop_index(batch_op.f("ix_owner_changes_owner_id"))

    op.drop_table("owner_changes")
    with op.batch_alter_table("census_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_census_tasks_room_id"))
        batch_op.drop_index(batch_op.f("ix_census_tasks_quarter"))

    op.drop_table("census_tasks")
    with op.batch_alter_table("arrears", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_arrears_room_id"))

    op.drop_table("arrears")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_inspected_at"))

    op.drop_table("inspections")
    op.drop_table("handover_batches")
