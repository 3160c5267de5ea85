"""Settling each record after the quality check (质检): its scan accepted, or sent to be rescanned with a reason.

The rule is ``domain/digitise/decisions.py``. Every decision is kept (``DigitiseDecision``: who, when, the
scan judged and the reason) and audited; the record carries the latest one. A rescan sends the record back
to waiting inside the batch: the batch goes back to 扫描, and the next stack holding the record's cover sheet
is linked as its new current scan, the earlier one kept (``inbox.link_pages``).

* :func:`accept` / :func:`rescan` — one decision, or several records accepted at once;
* :func:`accept_passed` — every record whose scan passes the quality check and awaits a decision;
* :func:`decisions_of` — a batch's decisions, newest last, reasons and all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.decisions import Decision, check_decision
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import NotFound
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.digitise.quality_check import check_batch
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import User
from estate_desk.store.archive import Document
from estate_desk.store.digitise import DigitiseDecision, DigitiseRecord, DigitiseScan

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.text_direction import DirectionReader
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class DecisionRow:
    document_id: int
    archive_no: str
    decision: Decision
    reason: str
    by: str | None
    at: datetime


def record_of(s: Session, actor: Actor, batch_id: int, document_id: int) -> tuple[DigitiseRecord, Document]:
    """The batch's record of a document the actor may see, locked for the change; refused when not in the batch."""
    document = clearance.visible_document(s, actor, document_id)
    record = s.scalar(
        select(DigitiseRecord)
        .where(DigitiseRecord.batch_id == batch_id, DigitiseRecord.document_id == document_id)
        .with_for_update()
    )
    if record is None:
        batch = load(s, batch_id)
        raise NotFound(
            zh=f"{document.archive_no} 不在数字化批次 {batch.code} 中。",
            en=f"{document.archive_no} is not in digitisation batch {batch.code}.",
        )
    return record, document


def _decide(
    s: Session, clock: Clock, actor: Actor, batch_id: int, document_id: int, wanted: Decision, reason: str
) -> None:
    batch = load(s, batch_id)
    record, document = record_of(s, actor, batch_id, document_id)
    scan_id = s.scalar(
        select(DigitiseScan.id).where(
            DigitiseScan.batch_id == batch_id, DigitiseScan.document_id == document_id, DigitiseScan.current
        )
    )
    latest = Decision(record.decision) if record.decision else None
    has_scan = record.status == "scanned" and scan_id is not None
    text = check_decision(batch.code, document.archive_no, Step(batch.step), has_scan, latest, wanted, reason)
    record.decision = wanted.value
    if wanted is Decision.RESCAN:
        record.status = "waiting"  # the next stack with its cover sheet is taken again
    s.add(
        DigitiseDecision(
            batch_id=batch_id,
            document_id=document_id,
            scan_id=scan_id,
            decision=wanted.value,
            reason=text[:2000],
            by_user=actor.user_id,
            at=clock.now(),
        )
    )
    audit.record(
        s,
        actor,
        AuditAction.CHANGE,
        Target("digitise", batch.id, batch.code, document.secrecy),
        detail={"digitise": wanted.value, "record": document.archive_no, "reason": text},
        clock=clock,
    )


def accept(db: Database, clock: Clock, actor: Actor, batch_id: int, document_ids: Iterable[int]) -> int:
    """Accept the scans of these records of the batch, all or none; returns how many."""
    require_keeper(actor, "接收扫描件", "accept scans")
    ids = list(dict.fromkeys(document_ids))
    with db.session() as s:
        for document_id in ids:
            _decide(s, clock, actor, batch_id, document_id, Decision.ACCEPTED, "")
    return len(ids)


def rescan(db: Database, clock: Clock, actor: Actor, batch_id: int, document_id: int, reason: str) -> None:
    """Send a record of the batch to be rescanned, saying why; its next scan replaces this one in the batch."""
    require_keeper(actor, "退回重扫", "send records to be rescanned")
    with db.session() as s:
        _decide(s, clock, actor, batch_id, document_id, Decision.RESCAN, reason)


def accept_passed(
    db: Database, clock: Clock, actor: Actor, batch_id: int, direction: DirectionReader | None = None
) -> list[int]:
    """Accept every record whose current scan passes the quality check and awaits a decision; returns their ids.
    ``direction``: the check looks for pages upside down too (``quality_check.optional_direction_reader``), so a
    record with one is not accepted unseen."""
    require_keeper(actor, "接收扫描件", "accept scans")
    with db.session() as s:
        undecided = set(
            s.scalars(
                select(DigitiseRecord.document_id).where(
                    DigitiseRecord.batch_id == batch_id,
                    DigitiseRecord.status == "scanned",
                    DigitiseRecord.decision == "",
                )
            )
        )
    checked = check_batch(db, actor, batch_id, direction=direction)
    passed = [c.document_id for c in checked if c.passed and c.document_id in undecided]
    accept(db, clock, actor, batch_id, passed)
    return passed


def decisions_of(db: Database, actor: Actor, batch_id: int) -> list[DecisionRow]:
    """The batch's decisions on the records the reader may see, oldest first: who, when and why."""
    require_keeper(actor, "查看数字化批次", "see digitisation batches")
    with db.session() as s:
        load(s, batch_id)
        rows = s.execute(
            select(DigitiseDecision, Document.archive_no, User.display_name)
            .join(Document, Document.id == DigitiseDecision.document_id)
            .outerjoin(User, User.id == DigitiseDecision.by_user)
            .where(DigitiseDecision.batch_id == batch_id, clearance.documents_visible(actor))
            .order_by(DigitiseDecision.id)
        )
        return [
            DecisionRow(d.document_id, number, Decision(d.decision), d.reason, name, d.at) for d, number, name in rows
        ]
