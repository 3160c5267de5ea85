"""The 待处理 queue: pages of a scanned stack that were not attached, each with its reason (``domain/digitise/splitting.py``).

:func:`open_items` lists what waits; :func:`settle` records how the clerk settled an item: dropped (the
pages were not the archive's, or a stray page) or to be rescanned, with who, when and a note. Nothing is
deleted: the pages stay in the kept source file, and the item stays in the queue, settled. Assigning the
pages to a record by hand comes with the workbench.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.splitting import Reason
from estate_desk.domain.errors import NotFound, RuleViolation
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.store.digitise import InboxSource, PendingItem

if TYPE_CHECKING:
    from datetime import datetime

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

OPEN = "open"


class Settlement(StrEnum):
    DROPPED = "dropped"  # 舍弃
    RESCAN = "rescan"  # 重扫


@dataclass(frozen=True)
class PendingRow:
    id: int
    reason: Reason
    source: str  # the name of the stack's first file
    sheet_page: int | None
    pages: str  # "8,9"
    detail: str
    created_at: datetime


def open_items(db: Database, actor: Actor, batch_id: int) -> list[PendingRow]:
    """The batch's items still waiting, in the order they were found."""
    require_keeper(actor, "查看待处理", "see the pending queue")
    with db.session() as s:
        load(s, batch_id)
        rows = s.execute(
            select(PendingItem, InboxSource.name)
            .join(InboxSource, PendingItem.source_id == InboxSource.id)
            .where(PendingItem.batch_id == batch_id, PendingItem.settled == OPEN)
            .order_by(PendingItem.id)
        )
        return [
            PendingRow(p.id, Reason(p.reason), name, p.sheet_page, p.source_pages, p.detail, p.created_at)
            for p, name in rows
        ]


def settle(db: Database, clock: Clock, actor: Actor, item_id: int, how: Settlement, note: str = "") -> None:
    """Record how an item was settled (dropped, or to be rescanned); an item is settled once."""
    require_keeper(actor, "处理待处理项", "settle pending items")
    with db.session() as s:
        item = s.get(PendingItem, item_id)
        if item is None:
            raise NotFound(zh=f"没有这个待处理项：{item_id}", en=f"No such pending item: {item_id}")
        if item.settled != OPEN:
            raise RuleViolation(
                zh=f"待处理项 {item_id} 已经处理过了。",
                en=f"Pending item {item_id} has been settled already.",
                rule="A5",
            )
        batch = load(s, item.batch_id)
        item.settled = how.value
        item.settled_by = actor.user_id
        item.settled_at = clock.now()
        if note.strip():
            item.detail = (item.detail + " · " + note.strip())[:500] if item.detail else note.strip()[:500]
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch.id, batch.code),
            detail={"pending": item_id, "settled": how.value, "pages": item.source_pages},
            clock=clock,
        )
