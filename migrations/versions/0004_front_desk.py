"""front desk: ticket histories, desk days, counters, notifications (issue 8, F1–F8)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 12:00:00

Tickets gain the owner, the caller, the matter (and its normalised key for repeat complaints,
F7), a link to the ticket they repeat and the desk's change number. Their histories get a
table each; the desk gets its counters, closed days (日清日审, F6) and in-app notifications.
Existing tickets take their subject as their matter.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _matter_key(matter: str) -> str:
    """The same folding as ``estate_desk.domain.desk.review.normalize_matter`` at the time of writing."""
    return "".join(unicodedata.normalize("NFKC", matter).casefold().split())


def _fill_matters() -> None:
    tickets = sa.table(
        "tickets",
        sa.column("id", sa.Integer),
        sa.column("subject", sa.Text),
        sa.column("matter", sa.String),
        sa.column("matter_key", sa.String),
    )
    conn = op.get_bind()
    for ticket_id, subject in conn.execute(sa.select(tickets.c.id, tickets.c.subject)).all():
        matter = (subject or "").strip()[:200]
        conn.execute(
            tickets.update()
            .where(tickets.c.id == ticket_id)
            .values(matter=matter, matter_key=_matter_key(matter)[:200])
        )


def upgrade() -> None:
    op.create_table(
        "desk_counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_desk_counters")),
    )
    op.create_table(
        "desk_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_name", sa.String(length=200), nullable=False),
        sa.Column("report_sha256", sa.String(length=64), nullable=True),
        sa.Column("omissions", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"], name=op.f("fk_desk_days_closed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_days")),
        sa.UniqueConstraint("day", name=op.f("uq_desk_days_day")),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_notifications_ticket_id_tickets")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_notifications_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notifications_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_index("ix_notifications_user_id_read_at", ["user_id", "read_at"], unique=False)

    op.create_table(
        "ticket_arrival_explanations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("owner_told_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("owner_told_how", sa.String(length=20), nullable=False),
        sa.Column("expected_arrival_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_ticket_arrival_explanations_recorded_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_arrival_explanations_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_arrival_explanations")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_ticket_arrival_explanations_ticket_id")),
    )
    op.create_table(
        "ticket_completions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("confirmation", sa.String(length=30), nullable=False),
        sa.Column("record", sa.String(length=200), nullable=False),
        sa.Column("signature_sha256", sa.String(length=64), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["handler_id"], ["users.id"], name=op.f("fk_ticket_completions_handler_id_users")),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"], name=op.f("fk_ticket_completions_recorded_by_users")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_completions_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_completions")),
    )
    with op.batch_alter_table("ticket_completions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_completions_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_ticket_events_actor_id_users")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index("ix_ticket_events_kind_at", ["kind", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_ticket_events_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "ticket_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_ticket_photos_added_by_users")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_photos_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_photos")),
    )
    with op.batch_alter_table("ticket_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_photos_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "ticket_postponements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("previous_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("new_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("owner_told_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("owner_told_how", sa.String(length=20), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"], name=op.f("fk_ticket_postponements_recorded_by_users")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_postponements_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_postponements")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_ticket_postponements_ticket_id")),
    )
    op.create_table(
        "ticket_progress_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_told", sa.Boolean(), nullable=False),
        sa.Column("owner_told_how", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_ticket_progress_notes_author_id_users")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_progress_notes_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_progress_notes")),
    )
    with op.batch_alter_table("ticket_progress_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_progress_notes_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "ticket_return_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=False),
        sa.Column("visited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.String(length=30), nullable=False),
        sa.Column("by_supervisor", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_return_visits_ticket_id_tickets")),
        sa.ForeignKeyConstraint(["visitor_id"], ["users.id"], name=op.f("fk_ticket_return_visits_visitor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_return_visits")),
    )
    with op.batch_alter_table("ticket_return_visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_return_visits_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ticket_return_visits_visited_at"), ["visited_at"], unique=False)

    op.create_table(
        "ticket_service_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_zh", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=160), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_service_lines_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_service_lines")),
    )
    with op.batch_alter_table("ticket_service_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_service_lines_ticket_id"), ["ticket_id"], unique=False)

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("contact", sa.String(length=120), server_default="", nullable=False))
        batch_op.add_column(sa.Column("matter", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("matter_key", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("repeat_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("change_no", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.create_index(batch_op.f("ix_tickets_change_no"), ["change_no"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_closed_at"), ["closed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_matter_key"), ["matter_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_repeat_of_id"), ["repeat_of_id"], unique=False)
        batch_op.create_index("ix_tickets_status_received_at", ["status", "received_at"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_tickets_owner_id_owners"), "owners", ["owner_id"], ["id"])
        batch_op.create_foreign_key(batch_op.f("fk_tickets_repeat_of_id_tickets"), "tickets", ["repeat_of_id"], ["id"])

    _fill_matters()


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tickets_repeat_of_id_tickets"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_tickets_owner_id_owners"), type_="foreignkey")
        batch_op.drop_index("ix_tickets_status_received_at")
        batch_op.drop_index(batch_op.f("ix_tickets_repeat_of_id"))
        batch_op.drop_index(batch_op.f("ix_tickets_owner_id"))
        batch_op.drop_index(batch_op.f("ix_tickets_matter_key"))
        batch_op.drop_index(batch_op.f("ix_tickets_closed_at"))
        batch_op.drop_index(batch_op.f("ix_tickets_change_no"))
        batch_op.drop_column("change_no")
        batch_op.drop_column("repeat_of_id")
        batch_op.drop_column("matter_key")
        batch_op.drop_column("matter")
        batch_op.drop_column("contact")
        batch_op.drop_column("owner_id")

    with op.batch_alter_table("ticket_service_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_service_lines_ticket_id"))

    op.drop_table("ticket_service_lines")
    with op.batch_alter_table("ticket_return_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_return_visits_visited_at"))
        batch_op.drop_index(batch_op.f("ix_ticket_return_visits_ticket_id"))

    op.drop_table("ticket_return_visits")
    with op.batch_alter_table("ticket_progress_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_progress_notes_ticket_id"))

    op.drop_table("ticket_progress_notes")
    op.drop_table("ticket_postponements")
    with op.batch_alter_table("ticket_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_photos_ticket_id"))

    op.drop_table("ticket_photos")
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_events_ticket_id"))
        batch_op.drop_index("ix_ticket_events_kind_at")

    op.drop_table("ticket_events")
    with op.batch_alter_table("ticket_completions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_completions_ticket_id"))

    op.drop_table("ticket_completions")
    op.drop_table("ticket_arrival_explanations")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_user_id_read_at")
        batch_op.drop_index(batch_op.f("ix_notifications_ticket_id"))

    op.drop_table("notifications")
    op.drop_table("desk_days")
    op.drop_table("desk_counters")
