"""lan: row versions for edit conflicts and the archive's identity (issue 9, A12)

Revision ID: 0009_lan
Revises: 0007_disposal
Create Date: 2026-11-24 00:00:00

Several workstations edit one archive: documents, volumes, boxes, owners and tickets get a
``row_version`` that every save raises, so a save made from an older version is refused
instead of silently overwriting (services/conflicts.py). The archive gets an identity — a
UUID in ``settings`` under ``archive_id`` — that the attachment store's marker file must name
(store/attachment_home.py), so one store never mixes two archives.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_lan"
down_revision: str | None = "0007_disposal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = ("documents", "volumes", "boxes", "owners", "tickets")
ARCHIVE_ID = "archive_id"  # estate_desk.store.attachment_home.ARCHIVE_ID_KEY at the time of writing


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("row_version", sa.Integer(), server_default="1", nullable=False))
    settings = sa.table("settings", sa.column("key", sa.String()), sa.column("value", sa.Text()))
    bind = op.get_bind()
    if bind.execute(sa.select(settings.c.key).where(settings.c.key == ARCHIVE_ID)).first() is None:
        op.bulk_insert(settings, [{"key": ARCHIVE_ID, "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM settings WHERE key = 'archive_id'"))
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("row_version")
