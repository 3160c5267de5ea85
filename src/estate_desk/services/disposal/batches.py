"""Destruction batches (销毁批次, A17): proposing one, deciding each item, and reading them.

* :func:`propose` — the clerk (鉴定人) makes a batch from the review list (``services/disposal/appraisal.py``), a reason
  per item; a record on hold or not due is refused with the reason. Each item keeps the record's fingerprint.
* :func:`decide` — a supervising leader who is not the proposer approves or rejects each item. A record
  changed since it was proposed cannot be approved until the clerk renews the proposal (:func:`renew`).
* :func:`batches` / :func:`batch` — the batches, and one batch's items the reader may see.

Carrying an approved batch out is in ``services/disposal/destruction.py``. Bad input changes nothing: every check runs
before anything is written, and refusals are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import (
    SUPERVISING_LEADERS,
    BatchState,
    Decision,
    Due,
    due_for_review,
    why_not_due,
)
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation, UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import most_secret
from estate_desk.services import audit
from estate_desk.services.archive.numbering import next_in_series
from estate_desk.services.audit import Target
from estate_desk.services.disposal import marks as disposal
from estate_desk.services.disposal.appraisal import fingerprint, in_open_batches, standing_of
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import Document
from estate_desk.store.disposal import DestructionBatch, DestructionFile, DestructionItem

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

MAX_TEXT = 500


# --------------------------------------------------------------------------- proposing


def _refuse(db: Database, actor: Actor, error: UserError) -> UserError:
    return audit.refused(db, actor, error, Target("destruction", None, ""))


def propose(db: Database, clock: Clock, actor: Actor, items: Sequence[tuple[int, str]]) -> int:
    """Propose a destruction batch of ``(document id, reason)`` pairs; returns the batch's id."""
    require_role(actor, ARCHIVE_KEEPERS | SUPERVISING_LEADERS, zh="提出销毁", en="propose destruction")
    if not items:
        raise InputProblem(zh="销毁批次至少要有一件档案。", en="A destruction batch needs at least one record.")
    if len({document_id for document_id, _ in items}) != len(items):
        raise InputProblem(zh="同一件档案在批次中列了两次。", en="A record is listed twice in the batch.")
    today = disposal.today(clock)
    try:
        with db.session() as s:
            grace, held, proposed = disposal.grace_days(s), disposal.held_ids(s), in_open_batches(s)
            office = s.scalar(select(Office))
            if office is None:
                raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
            checked: list[tuple[Document, str]] = []
            for document_id, reason in items:
                document = clearance.visible_document(s, actor, document_id)
                why = reason.strip()[:MAX_TEXT]
                if not why:
                    raise InputProblem(
                        zh=f"请填写 {document.archive_no} 的销毁原因。",
                        en=f"Give the reason to destroy {document.archive_no}.",
                    )
                refusal = why_not_due(standing_of(document, held), today, grace, document.archive_no)
                if refusal is not None:
                    raise refusal
                if document.id in proposed:
                    raise RuleViolation(
                        zh=f"{document.archive_no} 已在销毁批次 {proposed[document.id]} 中。",
                        en=f"{document.archive_no} is already in destruction batch {proposed[document.id]}.",
                        rule="A17",
                    )
                checked.append((document, why))
            number = next_in_series(s, f"destruction|{office.fonds_code}|{today.year}")
            batch = DestructionBatch(
                code=f"{office.fonds_code}-XH-{today.year}-{number:03d}",
                state=BatchState.PROPOSED.value,
                proposed_by=actor.user_id,
                proposed_at=clock.now(),
                method="",
                place="",
                witnesses="",
            )
            s.add(batch)
            s.flush()
            for seq, (document, why) in enumerate(checked, start=1):
                due = due_for_review(standing_of(document, held), today, grace)
                s.add(
                    DestructionItem(
                        batch_id=batch.id,
                        document_id=document.id,
                        seq=seq,
                        reason=why,
                        due=(due or Due.EXPIRED).value,
                        fingerprint=fingerprint(s, document),
                        decision=Decision.PENDING.value,
                        decision_note="",
                        remarks="",
                    )
                )
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                Target("destruction", batch.id, batch.code, most_secret(d.secrecy for d, _ in checked)),
                detail={"proposed": [d.archive_no for d, _ in checked]},
                clock=clock,
            )
            return batch.id
    except RuleViolation as exc:
        raise _refuse(db, actor, exc) from None


# --------------------------------------------------------------------------- deciding


def load_batch(s: Session, batch_id: int) -> DestructionBatch:
    batch = s.get(DestructionBatch, batch_id)
    if batch is None:
        raise NotFound(zh=f"没有这个销毁批次（编号 {batch_id}）。", en=f"No destruction batch with id {batch_id}.")
    return batch


def batch_by_code(db: Database, code: str) -> int:
    with db.session() as s:
        found = s.scalar(select(DestructionBatch.id).where(DestructionBatch.code == code.strip()))
    if found is None:
        raise NotFound(zh=f"没有销毁批次 {code}。", en=f"No destruction batch {code}.")
    return found


def changed_since_proposed(document: Document) -> RuleViolation:
    return RuleViolation(
        zh=f"{document.archive_no} 在提出销毁后被修改过，须重新提出（更新鉴定）后再审批。",
        en=f"{document.archive_no} changed after it was proposed; the proposal must be renewed and approved again.",
        rule="A17",
    )


def _settle_state(s: Session, batch: DestructionBatch, clock: Clock, actor: Actor) -> None:
    decisions = list(s.scalars(select(DestructionItem.decision).where(DestructionItem.batch_id == batch.id)))
    if Decision.PENDING.value in decisions or Decision.APPROVED.value not in decisions:
        batch.state, batch.approved_by, batch.approved_at = BatchState.PROPOSED.value, None, None
    else:
        batch.state, batch.approved_by, batch.approved_at = BatchState.APPROVED.value, actor.user_id, clock.now()


def decide(db: Database, clock: Clock, actor: Actor, item_id: int, *, approve: bool, note: str = "") -> None:
    """A supervising leader approves or rejects one item (审批); never one of their own batches."""
    require_role(actor, SUPERVISING_LEADERS, zh="审批销毁", en="approve destruction")
    try:
        with db.session() as s:
            item = s.get(DestructionItem, item_id)
            if item is None:
                raise NotFound(zh=f"没有这个销毁条目（编号 {item_id}）。", en=f"No destruction item with id {item_id}.")
            batch = load_batch(s, item.batch_id)
            document = clearance.visible_document(s, actor, item.document_id)
            if batch.state == BatchState.CARRIED_OUT.value:
                raise RuleViolation(
                    zh=f"批次 {batch.code} 已销毁。", en=f"Batch {batch.code} has been carried out.", rule="A17"
                )
            if batch.proposed_by == actor.user_id:
                raise RuleViolation(
                    zh="不能审批自己提出的销毁批次，须由另一位主管领导审批。",
                    en="You cannot approve a destruction batch you proposed; another supervising leader must.",
                    rule="A17",
                )
            if approve and fingerprint(s, document) != item.fingerprint:
                raise changed_since_proposed(document)
            if approve and document.id in disposal.held_ids(s):
                raise why_not_due(
                    standing_of(document, {document.id}), disposal.today(clock), 0, document.archive_no
                ) or changed_since_proposed(document)
            item.decision = (Decision.APPROVED if approve else Decision.REJECTED).value
            item.decided_by, item.decided_at, item.decision_note = actor.user_id, clock.now(), note.strip()[:MAX_TEXT]
            s.flush()
            _settle_state(s, batch, clock, actor)
            audit.record(
                s,
                actor,
                AuditAction.APPROVE,
                Target("document", document.id, document.archive_no, document.secrecy),
                reason=item.decision_note,
                detail={"batch": batch.code, "decision": item.decision},
                clock=clock,
            )
    except RuleViolation as exc:
        raise _refuse(db, actor, exc) from None


def renew(db: Database, clock: Clock, actor: Actor, item_id: int, reason: str | None = None) -> None:
    """Propose a changed record again: its fingerprint taken anew, its decision back to pending."""
    require_role(actor, ARCHIVE_KEEPERS, zh="更新销毁鉴定", en="renew destruction proposals")
    with db.session() as s:
        item = s.get(DestructionItem, item_id)
        if item is None:
            raise NotFound(zh=f"没有这个销毁条目（编号 {item_id}）。", en=f"No destruction item with id {item_id}.")
        batch = load_batch(s, item.batch_id)
        if batch.state == BatchState.CARRIED_OUT.value:
            raise RuleViolation(
                zh=f"批次 {batch.code} 已销毁。", en=f"Batch {batch.code} has been carried out.", rule="A17"
            )
        document = clearance.visible_document(s, actor, item.document_id)
        refusal = why_not_due(
            standing_of(document, disposal.held_ids(s)),
            disposal.today(clock),
            disposal.grace_days(s),
            document.archive_no,
        )
        if refusal is not None:
            raise refusal
        item.fingerprint = fingerprint(s, document)
        item.reason = (reason or item.reason).strip()[:MAX_TEXT] or item.reason
        item.decision, item.decided_by, item.decided_at = Decision.PENDING.value, None, None
        s.flush()
        _settle_state(s, batch, clock, actor)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("destruction", batch.id, batch.code, document.secrecy),
            detail={"renewed": document.archive_no},
            clock=clock,
        )


# --------------------------------------------------------------------------- reading batches


@dataclass(frozen=True)
class ItemRow:
    id: int
    seq: int
    document_id: int
    archive_no: str
    title: str
    year: int
    retention: Retention
    reason: str
    due: Due
    decision: Decision
    decided_by: str | None
    changed: bool  # the record changed since it was proposed: renew before approving
    void: bool


@dataclass(frozen=True)
class BatchRow:
    id: int
    code: str
    state: BatchState
    proposed_by: str
    proposed_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    items: int
    approved_items: int
    carried_out_on: date | None
    manifest_document_id: int | None
    files_left: int


def _name(s: Session, user_id: int | None) -> str | None:
    user = s.get(User, user_id) if user_id else None
    return user.display_name if user is not None else None


def _batch_row(s: Session, batch: DestructionBatch) -> BatchRow:
    decisions = list(s.scalars(select(DestructionItem.decision).where(DestructionItem.batch_id == batch.id)))
    left = s.scalar(
        select(func.count())
        .select_from(DestructionFile)
        .where(DestructionFile.batch_id == batch.id, DestructionFile.removed_at.is_(None))
    )
    return BatchRow(
        batch.id,
        batch.code,
        BatchState(batch.state),
        _name(s, batch.proposed_by) or "",
        batch.proposed_at,
        _name(s, batch.approved_by),
        batch.approved_at,
        len(decisions),
        decisions.count(Decision.APPROVED.value),
        batch.carried_out_on,
        batch.manifest_document_id,
        int(left or 0),
    )


def batches(db: Database, actor: Actor) -> list[BatchRow]:
    """Every destruction batch, newest first."""
    require_role(actor, ARCHIVE_KEEPERS | SUPERVISING_LEADERS, zh="查看销毁批次", en="see destruction batches")
    with db.session() as s:
        return [_batch_row(s, b) for b in s.scalars(select(DestructionBatch).order_by(DestructionBatch.id.desc()))]


def batch(db: Database, actor: Actor, batch_id: int) -> tuple[BatchRow, list[ItemRow]]:
    """One batch and its items the reader may see."""
    require_role(actor, ARCHIVE_KEEPERS | SUPERVISING_LEADERS, zh="查看销毁批次", en="see destruction batches")
    with db.session() as s:
        found = load_batch(s, batch_id)
        rows: list[ItemRow] = []
        query = (
            select(DestructionItem, Document)
            .join(Document, Document.id == DestructionItem.document_id)
            .where(DestructionItem.batch_id == batch_id, clearance.documents_visible(actor))
            .order_by(DestructionItem.seq)
        )
        for item, document in s.execute(query).all():
            changed = document.destroyed_in is None and fingerprint(s, document) != item.fingerprint
            rows.append(
                ItemRow(
                    item.id,
                    item.seq,
                    document.id,
                    document.archive_no,
                    document.title,
                    document.year,
                    Retention.parse(document.retention),
                    item.reason,
                    Due(item.due),
                    Decision(item.decision),
                    _name(s, item.decided_by),
                    changed,
                    document.void,
                )
            )
        return _batch_row(s, found), rows
