"""initial archive, estate, accounts and desk

Revision ID: 0001
Revises:
Create Date: 2026-11-23 19:58:02.279297
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "archive_counters",
        sa.Column("series", sa.String(length=120), nullable=False),
        sa.Column("last_item", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_archive_counters")),
    )
    op.create_table(
        "buildings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("floors", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buildings")),
        sa.UniqueConstraint("number", name=op.f("uq_buildings_number")),
    )
    op.create_table(
        "cabinets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("location", sa.String(length=120), nullable=False),
        sa.Column("shelves", sa.Integer(), nullable=False),
        sa.Column("positions_per_shelf", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cabinets")),
        sa.UniqueConstraint("code", name=op.f("uq_cabinets_code")),
    )
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name_zh", sa.String(length=60), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("default_grade", sa.Integer(), nullable=False),
        sa.Column("default_retention", sa.String(length=16), nullable=False),
        sa.Column("suggestions", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["categories.id"], name=op.f("fk_categories_parent_id_categories")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("code", name=op.f("uq_categories_code")),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("fonds_code", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
    )
    op.create_table(
        "owners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("pinyin", sa.String(length=400), nullable=False),
        sa.Column("pinyin_initials", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owners")),
    )
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_owners_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_owners_pinyin"), ["pinyin"], unique=False)
        batch_op.create_index(batch_op.f("ix_owners_pinyin_initials"), ["pinyin_initials"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("clearance", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=400), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "boxes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("retention", sa.String(length=16), nullable=False),
        sa.Column("spine_mm", sa.Integer(), nullable=False),
        sa.Column("cabinet_id", sa.Integer(), nullable=True),
        sa.Column("shelf", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["cabinet_id"], ["cabinets.id"], name=op.f("fk_boxes_cabinet_id_cabinets")),
        sa.ForeignKeyConstraint(["category_id"], ["categories.id"], name=op.f("fk_boxes_category_id_categories")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boxes")),
        sa.UniqueConstraint("cabinet_id", "shelf", "position", name=op.f("uq_boxes_cabinet_id_shelf_position")),
        sa.UniqueConstraint("code", name=op.f("uq_boxes_code")),
    )
    with op.batch_alter_table("boxes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_boxes_cabinet_id"), ["cabinet_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_boxes_category_id"), ["category_id"], unique=False)

    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("building_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.Integer(), nullable=True),
        sa.Column("floor", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("area_m2", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.ForeignKeyConstraint(["building_id"], ["buildings.id"], name=op.f("fk_rooms_building_id_buildings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
        sa.UniqueConstraint("building_id", "unit", "number", name=op.f("uq_rooms_building_id_unit_number")),
        sa.UniqueConstraint("code", name=op.f("uq_rooms_code")),
    )
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rooms_building_id"), ["building_id"], unique=False)

    op.create_table(
        "ownerships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("move_in_date", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"], name=op.f("fk_ownerships_owner_id_owners")),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_ownerships_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ownerships")),
    )
    with op.batch_alter_table("ownerships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ownerships_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ownerships_room_id"), ["room_id"], unique=False)

    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("first_receiver_id", sa.Integer(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("arrival_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("feedback_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("promise_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["first_receiver_id"], ["users.id"], name=op.f("fk_tickets_first_receiver_id_users")),
        sa.ForeignKeyConstraint(["handler_id"], ["users.id"], name=op.f("fk_tickets_handler_id_users")),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_tickets_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("number", name=op.f("uq_tickets_number")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_room_id"), ["room_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_status"), ["status"], unique=False)

    op.create_table(
        "volumes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("retention", sa.String(length=16), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("box_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["box_id"], ["boxes.id"], name=op.f("fk_volumes_box_id_boxes")),
        sa.ForeignKeyConstraint(["category_id"], ["categories.id"], name=op.f("fk_volumes_category_id_categories")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volumes")),
        sa.UniqueConstraint("code", name=op.f("uq_volumes_code")),
    )
    with op.batch_alter_table("volumes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_volumes_box_id"), ["box_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_volumes_category_id"), ["category_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("archive_no", sa.String(length=80), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("doc_number", sa.String(length=80), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("secrecy", sa.Integer(), nullable=False),
        sa.Column("retention", sa.String(length=16), nullable=False),
        sa.Column("volume_id", sa.Integer(), nullable=True),
        sa.Column("box_id", sa.Integer(), nullable=True),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("has_paper", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["box_id"], ["boxes.id"], name=op.f("fk_documents_box_id_boxes")),
        sa.ForeignKeyConstraint(["category_id"], ["categories.id"], name=op.f("fk_documents_category_id_categories")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_documents_created_by_users")),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"], name=op.f("fk_documents_owner_id_owners")),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_documents_room_id_rooms")),
        sa.ForeignKeyConstraint(["volume_id"], ["volumes.id"], name=op.f("fk_documents_volume_id_volumes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("archive_no", name=op.f("uq_documents_archive_no")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_box_id"), ["box_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_category_id"), ["category_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_room_id"), ["room_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_volume_id"), ["volume_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_volume_id"))
        batch_op.drop_index(batch_op.f("ix_documents_room_id"))
        batch_op.drop_index(batch_op.f("ix_documents_owner_id"))
        batch_op.drop_index(batch_op.f("ix_documents_category_id"))
        batch_op.drop_index(batch_op.f("ix_documents_box_id"))

    op.drop_table("documents")
    with op.batch_alter_table("volumes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volumes_category_id"))
        batch_op.drop_index(batch_op.f("ix_volumes_box_id"))

    op.drop_table("volumes")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_status"))
        batch_op.drop_index(batch_op.f("ix_tickets_room_id"))
        batch_op.drop_index(batch_op.f("ix_tickets_kind"))

    op.drop_table("tickets")
    with op.batch_alter_table("ownerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ownerships_room_id"))
        batch_op.drop_index(batch_op.f("ix_ownerships_owner_id"))

    op.drop_table("ownerships")
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rooms_building_id"))

    op.drop_table("rooms")
    with op.batch_alter_table("boxes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boxes_category_id"))
        batch_op.drop_index(batch_op.f("ix_boxes_cabinet_id"))

    op.drop_table("boxes")
    op.drop_table("users")
    op.drop_table("settings")
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owners_pinyin_initials"))
        batch_op.drop_index(batch_op.f("ix_owners_pinyin"))
        batch_op.drop_index(batch_op.f("ix_owners_name"))

    op.drop_table("owners")
    op.drop_table("office")
    op.drop_table("categories")
    op.drop_table("cabinets")
    op.drop_table("buildings")
    op.drop_table("archive_counters")
