"""The 待处理 queue: pages of a scanned stack that were not attached, each with its reason (``domain/digitise/splitting.py``).

:func:`open_items` lists what waits; :func:`settle` records how the clerk settled an item: dropped (the
pages were not the archive's, or a stray page) or to be rescanned, with who, when and a note;
:func:`assign` makes the item's pages of the kept source file a record's scan, by the inbox's own way of
linking (``inbox.link_pages``): only to a record of the batch, and not to one that has a current scan
unless it was sent to be rescanned. Nothing is deleted: the pages stay in the kept source file, and the
item stays in the queue, settled.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.splitting import Reason
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.services import audit
from estate_desk.services.archive.attachments import blob_store
from estate_desk.services.audit import Target
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.digitise.decisions import record_of
from estate_desk.services.digitise.inbox import link_pages
from estate_desk.services.digitise.stack_files import open_stack
from estate_desk.services.secrecy import sealing
from estate_desk.store.digitise import InboxSource, PendingItem

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

OPEN = "open"


ASSIGN_STEPS = frozenset({Step.SCAN, Step.CHECK, Step.LINK})
"""Steps at which pages may still become a record's scan: until the batch is at 验收."""


class Settlement(StrEnum):
    DROPPED = "dropped"  # 舍弃
    RESCAN = "rescan"  # 重扫
    ASSIGNED = "assigned"  # 人工挂接


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


def _open_item(s: Session, item_id: int) -> PendingItem:
    item = s.get(PendingItem, item_id, with_for_update=True)
    if item is None:
        raise NotFound(zh=f"没有这个待处理项：{item_id}", en=f"No such pending item: {item_id}")
    if item.settled != OPEN:
        raise RuleViolation(
            zh=f"待处理项 {item_id} 已经处理过了。",
            en=f"Pending item {item_id} has been settled already.",
            rule="A5",
        )
    return item


def settle(db: Database, clock: Clock, actor: Actor, item_id: int, how: Settlement, note: str = "") -> None:
    """Record how an item was settled (dropped, or to be rescanned); an item is settled once."""
    require_keeper(actor, "处理待处理项", "settle pending items")
    if how is Settlement.ASSIGNED:
        raise InputProblem(zh="挂接待处理页面请指定档案。", en="Assigning pending pages needs a record.")
    with db.session() as s:
        item = _open_item(s, item_id)
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


def _source_pdf(s: Session, actor: Actor, item: PendingItem, pages: Sequence[int]) -> bytes:
    """The item's pages of its kept source files (decrypted where sealed), as one PDF, as the inbox makes it."""
    sources = list(
        s.scalars(select(InboxSource).where(InboxSource.stack == item.source_id).order_by(InboxSource.position))
    )
    key = sealing.require_keyring(actor).sealing_key() if any(x.encrypted for x in sources) else None
    with tempfile.TemporaryDirectory(prefix="estate-desk-pending-") as folder:
        files = []
        for source in sources:
            path = Path(folder) / f"{source.position:05d}-{Path(source.name).name}"
            with blob_store().open(source.sha256, seal=key if source.encrypted else None) as kept:
                path.write_bytes(kept.read())
            files.append(path)
        stack = open_stack(files)
        if max(pages) > len(stack):
            raise InputProblem(
                zh=f"待处理项 {item.id} 的页码超出了原扫描文件的页数。",
                en=f"Pending item {item.id} names pages beyond its scanned file's.",
            )
        return stack.record_pdf(pages)


def assign(db: Database, clock: Clock, actor: Actor, item_id: int, document_id: int) -> int:
    """Make an open item's pages the scan of a record of its batch; returns the new scan's attachment id.

    Refused for a record outside the batch, for an item without pages, and for a record that has a current
    scan in the batch unless it was sent to be rescanned (then the new scan replaces it; the old one is kept).
    """
    require_keeper(actor, "挂接待处理页面", "assign pending pages")
    with db.session() as s:
        item = _open_item(s, item_id)
        batch = load(s, item.batch_id)
        step = Step(batch.step)
        if step not in ASSIGN_STEPS:
            raise RuleViolation(
                zh=f"数字化批次 {batch.code} 正处于“{step.zh}”，已不能再挂接待处理页面。",
                en=f"Digitisation batch {batch.code} is at '{step.en}'; pending pages can no longer be assigned.",
                rule="A5",
            )
        record, document = record_of(s, actor, batch.id, document_id)
        if record.status == "scanned":
            raise RuleViolation(
                zh=f"{document.archive_no} 在本批次中已有扫描件；如要替换，请先将其退回重扫。",
                en=f"{document.archive_no} has a scan in this batch already; send it to be rescanned to replace it.",
                rule="A5",
            )
        pages = [int(n) for n in item.source_pages.split(",") if n.strip()]
        if not pages:
            raise RuleViolation(
                zh=f"待处理项 {item_id} 没有页面可挂接。",
                en=f"Pending item {item_id} holds no pages to assign.",
                rule="A5",
            )
        data = _source_pdf(s, actor, item, pages)
        seal = sealing.require_keyring(actor).sealing_key() if sealing.must_seal(s, document.secrecy) else None
        scan = link_pages(s, clock, actor, record, document, item.source_id, pages, data, seal)
        item.settled = Settlement.ASSIGNED.value
        item.settled_by = actor.user_id
        item.settled_at = clock.now()
        item.assigned_scan_id = scan.id
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch.id, batch.code, document.secrecy),
            detail={
                "pending": item_id,
                "settled": "assigned",
                "record": document.archive_no,
                "pages": item.source_pages,
            },
            clock=clock,
        )
        return scan.attachment_id
