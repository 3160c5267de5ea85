"""owners' phones in one normalised form, ID numbers as GB 11643 writes them (issue 16)

Revision ID: 0012_owner_phone_id
Revises: 0010_big_estate_indexes
Create Date: 2026-12-07 00:00:00

The phone stays as the office typed it (``+86 138-0013-8000``); ``owners.phone_digits`` holds the
normalised form (``13800138000``: digits only, China's country code removed) that search and
duplicate checks use. Existing owners are backfilled, resident ID numbers typed with a lower-case
``x`` are written with the upper-case ``X`` of GB 11643, and the owners' search entries are built
again so that an owner is found by the phone in any written form.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_owner_phone_id"
down_revision: str | None = "0011_audit_grades"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PAGE = 5000


def _backfill(bind: sa.Connection) -> None:
    from estate_desk.domain.estate.id_numbers import normalise_id_number
    from estate_desk.domain.estate.phones import phone_digits

    owners = sa.table("owners", sa.column("id"), sa.column("phone"), sa.column("phone_digits"), sa.column("id_number"))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(owners.c.id, owners.c.phone, owners.c.id_number)
            .where(owners.c.id > last)
            .order_by(owners.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            return
        for row in rows:
            values = {"phone_digits": phone_digits(row.phone)}
            id_number = normalise_id_number(row.id_number or "")
            if id_number != (row.id_number or "") and id_number.upper() == id_number:
                values["id_number"] = id_number
            if values["phone_digits"] or "id_number" in values:
                bind.execute(sa.update(owners).where(owners.c.id == row.id).values(**values))
        last = rows[-1].id


def _reindex_owners(bind: sa.Connection) -> None:
    from estate_desk.store.search_entries import SOURCES
    from estate_desk.store.search_fill import fill_index

    entries = sa.table("search_entries", sa.column("id"), sa.column("kind"))
    for name in ("search_keys", "search_grams"):
        dependent = sa.table(name, sa.column("kind"))
        bind.execute(sa.delete(dependent).where(dependent.c.kind == "owner"))
    bind.execute(sa.delete(entries).where(entries.c.kind == "owner"))
    fill_index(bind, [s for s in SOURCES if s.kind == "owner"])


def upgrade() -> None:
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone_digits", sa.String(length=40), server_default="", nullable=False))
        batch_op.create_index(batch_op.f("ix_owners_phone_digits"), ["phone_digits"], unique=False)
    bind = op.get_bind()
    _backfill(bind)
    _reindex_owners(bind)


def downgrade() -> None:
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owners_phone_digits"))
        batch_op.drop_column("phone_digits")
    _reindex_owners(op.get_bind())
