"""Appraisal and destruction (鉴定销毁, A17): the review list, batches, approval, carrying out.

* :func:`review_ids` / :func:`review_rows` (:func:`review_list` whole) — what is due: expired records, void records past the office's grace period, minus
  those on legal hold (``domain/disposal.due_for_review``).
* :func:`propose` — the clerk (鉴定人) makes a batch from it, a reason per item; a record on hold or not due
  is refused with the reason. Each item keeps the record's fingerprint.
* :func:`decide` — a supervising leader who is not the proposer approves or rejects each item. A record
  changed since it was proposed cannot be approved until the clerk renews the proposal (:func:`renew`).
* :func:`carry_out` — with at least two witnesses, a method and a place, in one unit of work: each approved
  record becomes a tombstone (catalogue data kept, ``destroyed_in`` the batch, its number never given
  again), leaves its box (the move recorded, so the box's notes sheet shows it), loses its attachment
  rows; the manifest (销毁清册) is filed as a permanent administrative record with its PDF
  (``services/disposal/manifest.py``). The files go after the commit (:func:`sweep_files`): each one
  to remove is recorded in the same unit of work, so a crash leaves a list to finish, never half a batch.

Bad input changes nothing: every check runs before anything is written, and refusals are audited.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, or_, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import (
    SUPERVISING_LEADERS,
    BatchState,
    Decision,
    Due,
    Method,
    Standing,
    check_witnesses,
    due_for_review,
    record_fingerprint,
    why_not_due,
)
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation, UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import most_secret
from estate_desk.services import audit
from estate_desk.services.archive.attachments import blob_store
from estate_desk.services.archive.numbering import next_in_series
from estate_desk.services.archive.register import place_text
from estate_desk.services.audit import Target
from estate_desk.services.disposal import marks as disposal
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import ArchiveBox, Attachment, Cabinet, Document, Movement
from estate_desk.store.disposal import DestructionBatch, DestructionFile, DestructionItem
from estate_desk.store.sealed import HEADER_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date, datetime

    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import ColumnElement

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)
OPEN_STATES = (BatchState.PROPOSED.value, BatchState.APPROVED.value)
MAX_TEXT = 500


# --------------------------------------------------------------------------- the review list


@dataclass(frozen=True)
class DueRow:
    """A record on the review list (到期鉴定清单)."""

    id: int
    archive_no: str
    title: str
    year: int
    retention: Retention
    pages: int
    due: Due
    expires_on: date | None
    void_reason: str
    in_batch: str | None  # the open batch it is already proposed in


def _standing(document: Document, held: set[int]) -> Standing:
    return Standing(
        Retention.parse(document.retention),
        document.year,
        document.void_on if document.void else None,
        document.id in held,
        document.destroyed_in is not None,
    )


def _proposed(s: Session, document_ids: Sequence[int] | None = None) -> dict[int, str]:
    """Documents in a batch not yet carried out (and not rejected there), with the batch's code; of
    ``document_ids`` only, when given."""
    query = (
        select(DestructionItem.document_id, DestructionBatch.code)
        .join(DestructionBatch, DestructionBatch.id == DestructionItem.batch_id)
        .where(DestructionBatch.state.in_(OPEN_STATES), DestructionItem.decision != Decision.REJECTED.value)
    )
    if document_ids is not None:
        query = query.where(DestructionItem.document_id.in_(document_ids))
    rows = s.execute(query)
    return {document_id: code for document_id, code in rows}


def review_ids(db: Database, clock: Clock, actor: Actor) -> list[int]:
    """The ids of every record due for appraisal today that the reader may see, in archive-number order.

    Reads only the columns the rule needs (no row objects), so the window can hold the list of a
    million-document archive as ids and fetch the rows of the page on screen with :func:`review_rows`."""
    today = disposal.today(clock)
    with db.session() as s:
        grace = disposal.grace_days(s)
        held = disposal.held_ids(s)
        query = (
            select(Document.id, Document.retention, Document.year, Document.void, Document.void_on)
            .where(Document.destroyed_in.is_(None), clearance.documents_visible(actor), _maybe_due(s, today, grace))
            .order_by(Document.archive_no)
        )
        retentions: dict[str, Retention] = {}
        ids: list[int] = []
        for document_id, retention, year, void, void_on in s.execute(query):
            period = retentions.get(retention) or retentions.setdefault(retention, Retention.parse(retention))
            standing = Standing(period, year, void_on if void else None, document_id in held, False)
            if due_for_review(standing, today, grace) is not None:
                ids.append(document_id)
        return ids


def review_rows(db: Database, clock: Clock, actor: Actor, ids: Sequence[int]) -> dict[int, DueRow]:
    """The review-list rows of ``ids`` (one page of :func:`review_ids`), by id. A record the reader may not
    see, or that is no longer due (destroyed, held, its void mark lifted since the ids were read), is left out."""
    today = disposal.today(clock)
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    with db.session() as s:
        grace = disposal.grace_days(s)
        held = disposal.held_ids(s)
        proposed = _proposed(s, wanted)
        rows: dict[int, DueRow] = {}
        query = select(Document).where(Document.id.in_(wanted), clearance.documents_visible(actor))
        for document in s.scalars(query):
            standing = _standing(document, held)
            due = due_for_review(standing, today, grace)
            if due is None:
                continue
            rows[document.id] = DueRow(
                document.id,
                document.archive_no,
                document.title,
                document.year,
                standing.retention,
                document.pages,
                due,
                standing.retention.expires_on(document.year),
                document.void_reason,
                proposed.get(document.id),
            )
        return rows


def review_list(db: Database, clock: Clock, actor: Actor) -> list[DueRow]:
    """Every record due for appraisal today that the reader may see, in archive-number order (whole: for
    tests and small archives; the window pages through :func:`review_ids` / :func:`review_rows`)."""
    ids = review_ids(db, clock, actor)
    rows: dict[int, DueRow] = {}
    for start in range(0, len(ids), 500):
        rows.update(review_rows(db, clock, actor, ids[start : start + 500]))
    return [rows[i] for i in ids if i in rows]


def _maybe_due(s: Session, today: date, grace: int) -> ColumnElement[bool]:
    """A coarse filter the database applies first, so the review list does not read the whole archive; the
    rule itself (``domain/disposal.due_for_review``) then decides each row."""
    expired = []
    for value in s.scalars(select(Document.retention).distinct()):
        period = Retention.parse(value)
        if period.years_kept is not None:
            expired.append(and_(Document.retention == value, Document.year < today.year - period.years_kept))
    void_long = and_(Document.void.is_(True), Document.void_on < today - timedelta(days=grace))
    return or_(void_long, *expired)


def fingerprint(s: Session, document: Document) -> str:
    """What the record says now, as one hash: its catalogue data, void mark, box, volume and files."""
    files = sorted(s.scalars(select(Attachment.sha256).where(Attachment.document_id == document.id)))
    fields = {
        key: getattr(document, key)
        for key in (
            "archive_no",
            "title",
            "year",
            "pages",
            "retention",
            "secrecy",
            "remarks",
            "doc_date",
            "responsible",
            "doc_number",
            "has_paper",
            "box_id",
            "volume_id",
            "void",
            "void_reason",
            "void_on",
        )
    }
    return record_fingerprint({**fields, "files": ",".join(files)})


# --------------------------------------------------------------------------- proposing


def _refuse(db: Database, actor: Actor, error: UserError, target: Target | None = None) -> UserError:
    return audit.refused(db, actor, error, target or Target("destruction", None, ""))


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
            grace, held, proposed = disposal.grace_days(s), disposal.held_ids(s), _proposed(s)
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
                refusal = why_not_due(_standing(document, held), today, grace, document.archive_no)
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
                due = due_for_review(_standing(document, held), today, grace)
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


def _batch(s: Session, batch_id: int) -> DestructionBatch:
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


def _changed(document: Document) -> RuleViolation:
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
            batch = _batch(s, item.batch_id)
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
                raise _changed(document)
            if approve and document.id in disposal.held_ids(s):
                raise why_not_due(
                    _standing(document, {document.id}), disposal.today(clock), 0, document.archive_no
                ) or _changed(document)
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
        batch = _batch(s, item.batch_id)
        if batch.state == BatchState.CARRIED_OUT.value:
            raise RuleViolation(
                zh=f"批次 {batch.code} 已销毁。", en=f"Batch {batch.code} has been carried out.", rule="A17"
            )
        document = clearance.visible_document(s, actor, item.document_id)
        refusal = why_not_due(
            _standing(document, disposal.held_ids(s)),
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


# --------------------------------------------------------------------------- carrying out


def _box_place(s: Session, box: ArchiveBox) -> str:
    cabinet = s.get(Cabinet, box.cabinet_id) if box.cabinet_id else None
    return f"{box.code}（{place_text(cabinet, box.shelf, box.position) or '未上架'}）"


def _check_ready(s: Session, batch: DestructionBatch, clock: Clock) -> list[tuple[DestructionItem, Document]]:
    if batch.state == BatchState.CARRIED_OUT.value:
        raise RuleViolation(
            zh=f"批次 {batch.code} 已经销毁。", en=f"Batch {batch.code} has already been carried out.", rule="A17"
        )
    if batch.state != BatchState.APPROVED.value:
        raise RuleViolation(
            zh=f"批次 {batch.code} 尚未经主管领导逐件审批完毕，不能销毁。",
            en=f"Batch {batch.code} has not been approved item by item by a supervising leader; it cannot be carried out.",
            rule="A17",
        )
    held = disposal.held_ids(s)
    ready: list[tuple[DestructionItem, Document]] = []
    for item in s.scalars(
        select(DestructionItem).where(DestructionItem.batch_id == batch.id).order_by(DestructionItem.seq)
    ):
        if item.decision != Decision.APPROVED.value:
            continue
        document = s.get(Document, item.document_id)
        assert document is not None
        if fingerprint(s, document) != item.fingerprint:
            raise _changed(document)
        if document.id in held:
            refusal = why_not_due(_standing(document, held), disposal.today(clock), 0, document.archive_no)
            raise refusal or _changed(document)
        ready.append((item, document))
    return ready


def carry_out(
    db: Database,
    clock: Clock,
    actor: Actor,
    batch_id: int,
    *,
    witnesses: Sequence[str],
    method: Method | str,
    place: str,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Destroy an approved batch (实施销毁) before at least two witnesses; returns the filed manifest's id.

    ``progress(done, total)`` is told after each record has become a tombstone, inside the one unit of work
    (nothing is committed until every record is done); the files follow in :func:`sweep_files`.
    """
    from estate_desk.services.disposal import manifest as destruction_manifest

    require_role(actor, ARCHIVE_KEEPERS, zh="实施销毁", en="carry out destruction")
    try:
        names = check_witnesses(witnesses)
        how = method if isinstance(method, Method) else Method.parse(method)
        where = place.strip()[:200]
        if not where:
            raise InputProblem(zh="请填写销毁地点。", en="Give the place of destruction.")
        with db.session() as s:
            batch = _batch(s, batch_id)
            ready = _check_ready(s, batch, clock)
            now = clock.now()
            batch.state, batch.carried_out_by, batch.carried_out_at = BatchState.CARRIED_OUT.value, actor.user_id, now
            batch.carried_out_on, batch.method, batch.place, batch.witnesses = (
                disposal.today(clock),
                how.value,
                where,
                "\n".join(names),
            )
            files: dict[tuple[str, bool], list[str]] = {}
            for done, (item, document) in enumerate(ready, start=1):
                _destroy(s, clock, actor, batch, item, document, files)
                if progress is not None:
                    s.flush()
                    progress(done, len(ready))
            for (sha256, sealed), file_names in files.items():
                s.add(
                    DestructionFile(batch_id=batch.id, sha256=sha256, sealed=sealed, names="\n".join(file_names)[:2000])
                )
            s.flush()
            manifest_id = destruction_manifest.file_manifest(s, clock, actor, batch)
            batch.manifest_document_id = manifest_id
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                Target("destruction", batch.id, batch.code, most_secret(d.secrecy for _, d in ready)),
                detail={
                    "destroyed": [d.archive_no for _, d in ready],
                    "witnesses": list(names),
                    "method": how.value,
                    "place": where,
                },
                clock=clock,
            )
    except RuleViolation as exc:
        raise _refuse(db, actor, exc, Target("destruction", batch_id, "")) from None
    sweep_files(db, clock)
    return manifest_id


def _destroy(
    s: Session,
    clock: Clock,
    actor: Actor,
    batch: DestructionBatch,
    item: DestructionItem,
    document: Document,
    files: dict[tuple[str, bool], list[str]],
) -> None:
    """One record becomes a tombstone: out of its box (recorded), its attachment rows gone, its files listed."""
    notes: list[str] = []
    if document.void:
        notes.append(f"作废：{document.void_reason}")
    if document.box_id is not None:
        box = s.get(ArchiveBox, document.box_id)
        assert box is not None
        s.add(
            Movement(
                document_id=document.id,
                from_place=_box_place(s, box)[:200],
                to_place=f"已销毁（{batch.code}）",
                reason=f"销毁批次 {batch.code}",
                moved_by=actor.user_id,
                moved_at=clock.now(),
            )
        )
        document.box_id = None
    attached = list(s.scalars(select(Attachment).where(Attachment.document_id == document.id)))
    for attachment in attached:
        files.setdefault((attachment.sha256, attachment.encrypted), []).append(
            f"{document.archive_no} {attachment.original_name}"
        )
        s.delete(attachment)
    if attached:
        notes.append(f"电子文件 {len(attached)} 个已删除")
    item.remarks = "；".join(notes)[:MAX_TEXT]
    document.destroyed_in = batch.id


def _shred(path: str, sealed: bool) -> None:
    """Remove a stored file. A sealed file's own key is wrapped in its header: overwrite that first, so even a
    copy of the ciphertext cannot be opened with the archive's key (the file's key is destroyed)."""
    if sealed:
        with open(path, "r+b") as fh:
            fh.write(os.urandom(HEADER_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
    os.unlink(path)


def files_pending(db: Database) -> int:
    """How many files carried-out batches listed are not yet removed (a crash came between the commit and
    :func:`sweep_files`)."""
    with db.session() as s:
        return int(
            s.scalar(select(func.count()).select_from(DestructionFile).where(DestructionFile.removed_at.is_(None))) or 0
        )


def sweep_files(db: Database, clock: Clock, progress: Callable[[int, int], None] | None = None) -> int:
    """Remove the files carried-out batches listed and not yet removed; returns how many are still left.

    A file whose content another (living) record still has attached stays, and is counted done. Safe to run
    any time (a crash after the commit, or in the middle of this, just leaves work for the next run: a file
    already gone is counted done). ``progress(done, total)`` is told after each file.
    """
    store = blob_store()
    with db.session() as s:
        pending = list(s.scalars(select(DestructionFile).where(DestructionFile.removed_at.is_(None))))
        left = 0
        for done, row in enumerate(pending, start=1):
            used = s.scalar(
                select(func.count())
                .select_from(Attachment)
                .where(Attachment.sha256 == row.sha256, Attachment.encrypted.is_(row.sealed))
            )
            path = store.path_of(row.sha256, sealed=row.sealed)
            try:
                if not used and path.exists():
                    _shred(str(path), row.sealed)
            except OSError:
                log.exception("could not remove %s", path)
            if used or not path.exists():
                row.removed_at = clock.now()
            else:
                left += 1
            if progress is not None:
                progress(done, len(pending))
    return left


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
        found = _batch(s, batch_id)
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
