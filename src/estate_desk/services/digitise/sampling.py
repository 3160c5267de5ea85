"""Acceptance by sample (验收, DA/T 31): drawing a batch's sample and recording each comparison with the original.

At 验收 the clerk draws the sample once (:func:`draw_sample`): the office's share of the batch's records
(``acceptance.py``), at least one, chosen by a seed that is recorded with every drawn record, so the draw can
be repeated and checked (``domain/digitise/acceptance.draw``). Each sampled record is then compared with its
paper (:func:`compare`): it matches, or it has an error, described in a note. A comparison may be recorded
again (after the record was rescanned); the audit trail keeps every one. :func:`sample_of` shows the sample,
the error rate and whether the batch may go back (入库).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.acceptance import SampleTally, draw
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, RuleViolation, UserError
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.digitise.acceptance import policy_in, require_sample_passed, tally_in
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.digitise.decisions import record_of
from estate_desk.store.accounts import User
from estate_desk.store.archive import Document
from estate_desk.store.digitise import DigitiseBatch, DigitiseRecord, DigitiseSample

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

MATCHES = "ok"
ERROR = "error"


@dataclass(frozen=True)
class SampledRecord:
    document_id: int
    archive_no: str
    title: str
    result: str  # "" (not compared yet) | ok | error
    note: str
    compared_by: str | None
    compared_at: datetime | None


@dataclass(frozen=True)
class SampleView:
    batch: str
    seed: int
    share: int  # per cent, as drawn
    error_limit: int  # per cent, the office's limit now
    records: tuple[SampledRecord, ...]
    tally: SampleTally
    refusal: UserError | None  # why the batch may not go back (入库) yet; None: it may

    @property
    def passed(self) -> bool:
        return self.refusal is None


def _at_acceptance(batch: DigitiseBatch) -> None:
    step = Step(batch.step)
    if step is not Step.ACCEPT:
        raise RuleViolation(
            zh=f"数字化批次 {batch.code} 正处于“{step.zh}”；抽检验收在“验收”环节进行。",
            en=f"Digitisation batch {batch.code} is at '{step.en}'; the acceptance sample is taken at 'Acceptance'.",
            rule="A5",
        )


def draw_sample(db: Database, clock: Clock, actor: Actor, batch_id: int, seed: int | None = None) -> SampleView:
    """Draw the batch's sample at 验收, once; drawn already, the same sample is shown."""
    require_keeper(actor, "抽检验收", "take acceptance samples")
    with db.session() as s:
        batch = load(s, batch_id)
        s.refresh(batch, with_for_update=True)  # two workstations drawing at once: the second sees the first's
        if s.scalar(select(DigitiseSample.id).where(DigitiseSample.batch_id == batch_id).limit(1)) is None:
            _at_acceptance(batch)
            share = policy_in(s).share
            chosen_seed = seed if seed is not None else secrets.randbits(48)
            ids = list(
                s.scalars(
                    select(DigitiseRecord.document_id)
                    .where(DigitiseRecord.batch_id == batch_id)
                    .order_by(DigitiseRecord.position)
                )
            )
            drawn = draw(ids, share, chosen_seed)
            for document_id in drawn:
                s.add(
                    DigitiseSample(
                        batch_id=batch_id,
                        document_id=document_id,
                        seed=chosen_seed,
                        share=share,
                        drawn_by=actor.user_id,
                        drawn_at=clock.now(),
                        result="",
                        note="",
                    )
                )
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                Target("digitise", batch.id, batch.code),
                detail={"digitise": "sample", "seed": chosen_seed, "share": share, "drawn": len(drawn)},
                clock=clock,
            )
    return _drawn(db, actor, batch_id)


def _drawn(db: Database, actor: Actor, batch_id: int) -> SampleView:
    view = sample_of(db, actor, batch_id)
    if view is None:  # a batch of no records draws nothing (a batch is never made empty)
        raise RuleViolation(zh="本批次没有可抽检的档案。", en="This batch has no records to sample.", rule="A5")
    return view


def compare(
    db: Database, clock: Clock, actor: Actor, batch_id: int, document_id: int, matches: bool, note: str = ""
) -> SampleView:
    """Record a sampled record's comparison with its original: it matches, or it has an error (a note is required)."""
    require_keeper(actor, "核对抽检样本", "compare sampled records")
    text = note.strip()
    with db.session() as s:
        batch = load(s, batch_id)
        _at_acceptance(batch)
        _, document = record_of(s, actor, batch_id, document_id)
        row = s.scalar(
            select(DigitiseSample).where(DigitiseSample.batch_id == batch_id, DigitiseSample.document_id == document_id)
        )
        if row is None:
            raise RuleViolation(
                zh=f"{document.archive_no} 不在数字化批次 {batch.code} 的抽检样本中。",
                en=f"{document.archive_no} is not in digitisation batch {batch.code}'s acceptance sample.",
                rule="A5",
            )
        if not matches and not text:
            raise InputProblem(
                zh=f"请写明 {document.archive_no} 的扫描件与原件有何差错。",
                en=f"Say what is wrong with {document.archive_no}'s scan against the original.",
                rule="A5",
            )
        row.result = MATCHES if matches else ERROR
        row.note = text[:2000]
        row.compared_by = actor.user_id
        row.compared_at = clock.now()
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch.id, batch.code, document.secrecy),
            detail={"digitise": "compared", "record": document.archive_no, "result": row.result, "note": row.note},
            clock=clock,
        )
    return _drawn(db, actor, batch_id)


def _refusal(s: Session, batch: DigitiseBatch) -> UserError | None:
    try:
        require_sample_passed(s, batch)
    except UserError as exc:
        return exc
    return None


def sample_of(db: Database, actor: Actor, batch_id: int) -> SampleView | None:
    """The batch's sample as drawn, each record's comparison, the error rate and the verdict; None if not drawn."""
    require_keeper(actor, "查看抽检样本", "see acceptance samples")
    with db.session() as s:
        batch = load(s, batch_id)
        tally = tally_in(s, batch_id)
        if tally is None:
            return None
        rows = s.execute(
            select(DigitiseSample, Document, User.display_name)
            .join(Document, Document.id == DigitiseSample.document_id)
            .join(DigitiseRecord, (DigitiseRecord.batch_id == batch_id) & (DigitiseRecord.document_id == Document.id))
            .outerjoin(User, User.id == DigitiseSample.compared_by)
            .where(DigitiseSample.batch_id == batch_id)
            .order_by(DigitiseRecord.position)
        ).all()
        records = tuple(
            SampledRecord(d.id, d.archive_no, d.title, x.result, x.note, name, x.compared_at)
            if d.secrecy <= int(actor.clearance)
            else SampledRecord(d.id, "—", "", x.result, "", name, x.compared_at)  # counted, not shown
            for x, d, name in rows
        )
        first = rows[0][0]
        return SampleView(
            batch.code, first.seed, first.share, policy_in(s).error_limit, records, tally, _refusal(s, batch)
        )
