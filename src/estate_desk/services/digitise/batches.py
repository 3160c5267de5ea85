"""Digitisation batches (数字化批次): making one from a selection, moving it step by step, reading them.

* :func:`new_batch` — from document ids, boxes (the records in them, and in the volumes they hold) or the
  "to digitise" list (``services/archive/worklists.to_digitise``); records beyond the maker's clearance are
  not found, destroyed records and records already in an unfinished batch are refused.
* :func:`advance` — to the next step (or back to 扫描 from 质检 and 验收), the move checked by
  ``domain/digitise/steps.py``; who and when go to the step log. 入库 only after the 验收 sample passed
  (``acceptance.py``).
* :func:`batches` / :func:`batch` / :func:`find` — the batches and one batch's records, step log and 待处理 count.

Only the archive's keepers (档案管理员, administrator) may make or move a batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.settings import ScanSettings, make_settings
from estate_desk.domain.digitise.steps import FIRST, LAST, Step, check_move, next_step
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import most_secret
from estate_desk.services import audit
from estate_desk.services.archive import worklists
from estate_desk.services.archive.numbering import next_in_series
from estate_desk.services.archive.record_state import PAPER_BOX, require_not_destroyed
from estate_desk.services.audit import Target
from estate_desk.services.digitise.acceptance import (
    require_no_pending_open,
    require_no_rescan_waiting,
    require_sample_passed,
)
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import ArchiveBox, Document, Volume
from estate_desk.store.digitise import DigitiseBatch, DigitiseRecord, DigitiseStepLog, PendingItem

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

MAX_RECORDS = 5000  # one batch is a box or a cabinet, not the archive


@dataclass(frozen=True)
class BatchRecord:
    document_id: int
    archive_no: str
    title: str
    pages: int  # 页数 as registered
    colour: str
    status: str  # waiting | scanned
    decision: str = ""  # "" (none yet) | accepted | rescan (domain/digitise/decisions.py)


@dataclass(frozen=True)
class StepEntry:
    step: Step
    by: str | None
    at: datetime
    note: str


@dataclass(frozen=True)
class BatchSummary:
    id: int
    code: str
    title: str
    step: Step
    records: int
    scanned: int
    pending: int  # 待处理 items not yet settled
    created_at: datetime


@dataclass(frozen=True)
class BatchView:
    """One batch as the window and ``digitise batch show`` present it."""

    summary: BatchSummary
    settings: ScanSettings
    records: tuple[BatchRecord, ...]
    log: tuple[StepEntry, ...]


def require_keeper(actor: Actor, zh: str, en: str) -> None:
    require_role(actor, ARCHIVE_KEEPERS, zh=zh, en=en)


def _selected_ids(
    db: Database, actor: Actor, document_ids: Iterable[int], box_ids: Iterable[int], to_digitise: bool
) -> list[int]:
    ids = list(document_ids)
    boxes = list(box_ids)
    if boxes:
        with db.session() as s:
            query = (
                select(Document.id)
                .outerjoin(Volume, Document.volume_id == Volume.id)
                .where(or_(Document.box_id.in_(boxes), Volume.box_id.in_(boxes)), clearance.documents_visible(actor))
                .order_by(Document.archive_no)
            )
            ids.extend(s.scalars(query))
    if to_digitise:
        ids.extend(worklists.to_digitise(db, actor))
    return list(dict.fromkeys(ids))


def _open_batches_of(s: Session, ids: list[int]) -> dict[int, str]:
    rows = s.execute(
        select(DigitiseRecord.document_id, DigitiseBatch.code)
        .join(DigitiseBatch, DigitiseRecord.batch_id == DigitiseBatch.id)
        .where(DigitiseRecord.document_id.in_(ids), DigitiseBatch.step != LAST.value)
    )
    return {doc: code for doc, code in rows}


def new_batch(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    settings: ScanSettings | None = None,
    document_ids: Iterable[int] = (),
    box_ids: Iterable[int] = (),
    to_digitise: bool = False,
    title: str = "",
) -> int:
    """Make a batch at 准备 from a selection, its records in archive-number order; returns its id."""
    require_keeper(actor, "建立数字化批次", "make digitisation batches")
    chosen = settings or ScanSettings()
    ids = _selected_ids(db, actor, document_ids, box_ids, to_digitise)
    if not ids:
        raise InputProblem(zh="所选范围内没有可数字化的档案。", en="The selection holds no records to digitise.")
    if len(ids) > MAX_RECORDS:
        raise InputProblem(
            zh=f"一个批次最多 {MAX_RECORDS} 件档案，所选有 {len(ids)} 件，请分批。",
            en=f"A batch holds at most {MAX_RECORDS} records; the selection has {len(ids)}. Split it.",
        )
    with db.session() as s:
        documents = [clearance.visible_document(s, actor, doc_id) for doc_id in ids]
        for document in documents:
            require_not_destroyed(document)
        busy = _open_batches_of(s, ids)
        if busy:
            doc_id, code = next(iter(busy.items()))
            archive_no = next(d.archive_no for d in documents if d.id == doc_id)
            raise RuleViolation(
                zh=f"{archive_no} 已在未完成的数字化批次 {code} 中。",
                en=f"{archive_no} is already in digitisation batch {code}, which is not finished.",
                rule="A5",
            )
        office = s.scalar(select(Office))
        if office is None:
            raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
        year = clock.now().year
        number = next_in_series(s, f"digitise|{office.fonds_code}|{year}")
        batch = DigitiseBatch(
            code=f"{office.fonds_code}-SM-{year}-{number:03d}",
            title=title.strip()[:200],
            step=FIRST.value,
            dpi=chosen.dpi,
            colour=chosen.colour.value,
            file_format=chosen.file_format.value,
            created_by=actor.user_id,
            created_at=clock.now(),
        )
        s.add(batch)
        s.flush()
        documents.sort(key=lambda d: d.archive_no)
        for position, document in enumerate(documents, start=1):
            colour = chosen.colour_of(document.id).value
            s.add(DigitiseRecord(batch_id=batch.id, document_id=document.id, colour=colour, position=position))
        s.add(DigitiseStepLog(batch_id=batch.id, step=FIRST.value, by_user=actor.user_id, at=clock.now(), note=""))
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch.id, batch.code, most_secret(d.secrecy for d in documents)),
            detail={"digitise": "new", "records": len(documents)},
            clock=clock,
        )
        s.flush()
        return batch.id


def load(s: Session, batch_id: int) -> DigitiseBatch:
    batch = s.get(DigitiseBatch, batch_id)
    if batch is None:
        raise NotFound(zh=f"没有这个数字化批次：{batch_id}", en=f"No such digitisation batch: {batch_id}")
    return batch


def boxes_of(s: Session, batch_id: int) -> dict[int, str]:
    """The boxes a batch's records stand in (their own, or their volume's): box id → code. They leave the
    archive room at 扫描 and must all come back at 入库."""
    held = (
        select(PAPER_BOX)
        .select_from(DigitiseRecord)
        .join(Document, Document.id == DigitiseRecord.document_id)
        .outerjoin(Volume, Volume.id == Document.volume_id)
        .where(DigitiseRecord.batch_id == batch_id)
    )
    return {i: code for i, code in s.execute(select(ArchiveBox.id, ArchiveBox.code).where(ArchiveBox.id.in_(held)))}


def advance(
    db: Database, clock: Clock, actor: Actor, batch_id: int, target: Step | None = None, note: str = ""
) -> BatchView:
    """Move a batch to ``target`` (default: the next step); who and when go to its step log."""
    require_keeper(actor, "推进数字化批次", "move digitisation batches on")
    with db.session() as s:
        batch = load(s, batch_id)
        current = Step(batch.step)
        wanted = target or next_step(current) or current
        check_move(batch.code, current, wanted)
        if wanted in (Step.LINK, LAST):
            require_no_rescan_waiting(s, batch)
        if wanted in (Step.ACCEPT, LAST):
            require_no_pending_open(s, batch)
        if wanted is LAST:
            require_sample_passed(s, batch)
        if wanted is LAST and boxes_of(s, batch.id):
            raise RuleViolation(
                zh=f"数字化批次 {batch.code} 入库时，请逐盒扫描归还的档案盒（digitise return）。",
                en=f"Digitisation batch {batch.code} goes back by scanning each box that returns (digitise return).",
                rule="A5",
            )
        batch.step = wanted.value
        s.add(DigitiseStepLog(batch_id=batch.id, step=wanted.value, by_user=actor.user_id, at=clock.now(), note=note))
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch.id, batch.code),
            detail={"digitise": "step", "from": current.value, "to": wanted.value},
            clock=clock,
        )
    return batch_view(db, actor, batch_id)


def _summary(s: Session, batch: DigitiseBatch) -> BatchSummary:
    counts = s.execute(
        select(DigitiseRecord.status, func.count())
        .where(DigitiseRecord.batch_id == batch.id)
        .group_by(DigitiseRecord.status)
    ).all()
    by_status = {status: n for status, n in counts}
    pending = s.scalar(select(func.count()).where(PendingItem.batch_id == batch.id, PendingItem.settled == "open"))
    return BatchSummary(
        batch.id,
        batch.code,
        batch.title,
        Step(batch.step),
        sum(by_status.values()),
        by_status.get("scanned", 0),
        pending or 0,
        batch.created_at,
    )


def batches(db: Database, actor: Actor) -> list[BatchSummary]:
    """Every batch, newest first."""
    require_keeper(actor, "查看数字化批次", "see digitisation batches")
    with db.session() as s:
        return [_summary(s, b) for b in s.scalars(select(DigitiseBatch).order_by(DigitiseBatch.id.desc()))]


def find(db: Database, actor: Actor, code_or_id: str) -> int:
    """A batch's id from its code (``Z001-SM-2026-001``) or its number."""
    require_keeper(actor, "查看数字化批次", "see digitisation batches")
    text = code_or_id.strip()
    with db.session() as s:
        found = s.scalar(select(DigitiseBatch.id).where(DigitiseBatch.code == text))
        if found is None and text.isdigit():
            found = s.scalar(select(DigitiseBatch.id).where(DigitiseBatch.id == int(text)))
    if found is None:
        raise NotFound(zh=f"没有这个数字化批次：{text}", en=f"No such digitisation batch: {text}")
    return found


def batch_view(db: Database, actor: Actor, batch_id: int) -> BatchView:
    """One batch: its settings, the records the reader may see, and its step log."""
    require_keeper(actor, "查看数字化批次", "see digitisation batches")
    with db.session() as s:
        batch = load(s, batch_id)
        rows = s.execute(
            select(DigitiseRecord, Document)
            .join(Document, DigitiseRecord.document_id == Document.id)
            .where(DigitiseRecord.batch_id == batch_id, clearance.documents_visible(actor))
            .order_by(DigitiseRecord.position)
        )
        records = tuple(
            BatchRecord(d.id, d.archive_no, d.title, d.pages, r.colour, r.status, r.decision) for r, d in rows
        )
        log = tuple(
            StepEntry(Step(entry.step), name, entry.at, entry.note)
            for entry, name in s.execute(
                select(DigitiseStepLog, User.display_name)
                .outerjoin(User, DigitiseStepLog.by_user == User.id)
                .where(DigitiseStepLog.batch_id == batch_id)
                .order_by(DigitiseStepLog.id)
            )
        )
        settings = make_settings(batch.dpi, batch.colour, batch.file_format, {r.document_id: r.colour for r in records})
        return BatchView(_summary(s, batch), settings, records, log)
