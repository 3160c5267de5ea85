"""a room number typed alone is a whole key of the search index (issue 18)

Revision ID: 0021_room_keys
Revises: 0017_scan_text
Create Date: 2026-12-08 01:40:00

A bare room number (``1502``) is answered from the whole-key B-tree rather than by trigrams: every room
numbered 1502, in any building, and every document or volume whose title names one, carry the key
``室:1502`` (``store/search_entries.py``, :func:`room_number_keys`). New and changed records get it from
the session hooks; this adds it to the entries already in the index. The key is derived from the entry's
title alone (a room's title is its code), so one pass over ``search_entries`` in pages of ids adds it
without rebuilding the index. Downgrading removes the keys again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_room_keys"
down_revision: str | None = "0017_scan_text"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PAGE = 5000
_KINDS = ("room", "document", "volume")
_PREFIX = "室:"  # store/search_entries.py ROOM_NUMBER_KEY, as it was when this was written

_ENTRIES = sa.table("search_entries", sa.column("id"), sa.column("kind"), sa.column("title"))
_KEYS = sa.table("search_keys", sa.column("kind"), sa.column("key"), sa.column("entry_id"))


def upgrade() -> None:
    from estate_desk.store.search_entries import room_number_keys

    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(_ENTRIES.c.id, _ENTRIES.c.kind, _ENTRIES.c.title)
            .where(_ENTRIES.c.id > last, _ENTRIES.c.kind.in_(_KINDS))
            .order_by(_ENTRIES.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            return
        keys = [
            {"kind": row.kind, "key": key, "entry_id": row.id}
            for row in rows
            for key in sorted(room_number_keys(row.title or ""))
        ]
        if keys:
            bind.execute(
                _KEYS.delete().where(
                    _KEYS.c.entry_id.in_([k["entry_id"] for k in keys]), _KEYS.c.key.like(_PREFIX + "%")
                )
            )
            bind.execute(_KEYS.insert(), keys)
        last = rows[-1].id


def downgrade() -> None:
    op.get_bind().execute(_KEYS.delete().where(_KEYS.c.key.like(_PREFIX + "%")))
