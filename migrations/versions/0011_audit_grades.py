"""audit rows carry their target's grade, so the trail is masked by the reader's clearance (issue 16, A6, A12)

Revision ID: 0011_audit_grades
Revises: 0010_big_estate_indexes
Create Date: 2026-12-07 00:00:00

``audit_events.target_grade`` is how secret the row's target was when the event happened: a reader
cleared below it sees who, when, what action and the grade, never the target's number, title or name.
``grade`` alone could not say it: a clearance change wrote the clearance granted there, and a volume,
a document moved between boxes or a destruction batch (whose details list archive numbers) wrote none.

Existing rows are filled in from what they recorded and from their targets: the grade written at the
time where the target is a record, an owner file, a loan, a printout, a volume or a batch; otherwise
the target's grade now (a document's, an attachment's document's, a volume's or a batch's most secret
record, a loan request's; an owner file is 绝密). User, key, setting and box rows stay unmasked.

The hash chain: rows written from now on are ``chain_format`` 2, whose hash covers ``target_grade``.
Existing rows keep ``chain_format`` 1 and are hashed as before, so the chain verifies for old rows
and new ones alike; the grade filled in here on old rows is outside the chain (see domain/audit.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_audit_grades"
down_revision: str | None = "0010_big_estate_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNER_FILE_GRADE = 4  # estate_desk.domain.secrecy.grades.OWNER_FILE_GRADE (绝密) at the time of writing
RECORDED = ("document", "attachment", "owner", "loan", "printout", "volume", "destruction")
"""Target kinds whose ``grade`` column was the target's own grade (for "user" it was a clearance granted)."""

_FROM_TARGETS = (
    # the grade written at the time, where it is the target's
    f"UPDATE audit_events SET target_grade = grade WHERE grade IS NOT NULL AND target_kind IN "
    f"({', '.join(repr(k) for k in RECORDED)})",
    # otherwise the target's grade now
    "UPDATE audit_events SET target_grade = (SELECT d.secrecy FROM documents d WHERE d.id = audit_events.target_id) "
    "WHERE target_grade IS NULL AND target_kind = 'document' AND target_id IS NOT NULL",
    "UPDATE audit_events SET target_grade = (SELECT d.secrecy FROM documents d JOIN attachments a "
    "ON a.document_id = d.id WHERE a.id = audit_events.target_id) "
    "WHERE target_grade IS NULL AND target_kind = 'attachment' AND target_id IS NOT NULL",
    "UPDATE audit_events SET target_grade = (SELECT max(d.secrecy) FROM documents d "
    "WHERE d.volume_id = audit_events.target_id) "
    "WHERE target_grade IS NULL AND target_kind = 'volume' AND target_id IS NOT NULL",
    "UPDATE audit_events SET target_grade = (SELECT max(d.secrecy) FROM documents d JOIN destruction_items i "
    "ON i.document_id = d.id WHERE i.batch_id = audit_events.target_id) "
    "WHERE target_grade IS NULL AND target_kind = 'destruction' AND target_id IS NOT NULL",
    "UPDATE audit_events SET target_grade = (SELECT r.grade FROM loan_requests r WHERE r.id = audit_events.target_id) "
    "WHERE target_grade IS NULL AND target_kind = 'loan' AND target_id IS NOT NULL",
    f"UPDATE audit_events SET target_grade = {OWNER_FILE_GRADE} WHERE target_grade IS NULL AND target_kind = 'owner'",
)


def upgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target_grade", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("chain_format", sa.Integer(), server_default="1", nullable=False))
    for statement in _FROM_TARGETS:
        op.execute(sa.text(statement))


def downgrade() -> None:
    # Rows written in format 2 were hashed with their target's grade: after a downgrade the older code
    # cannot recompute their hashes, and `audit verify` reports the first of them as edited.
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("chain_format")
        batch_op.drop_column("target_grade")
