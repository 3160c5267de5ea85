"""Carrying out a destruction batch (实施销毁, A17), and removing its files afterwards.

* :func:`carry_out` — with at least two witnesses, a method and a place, in one unit of work: each approved
  record of an approved batch (``services/disposal/batches.py``) becomes a tombstone (catalogue data kept,
  ``destroyed_in`` the batch, its number never given again), leaves its box (the move recorded, so the box's
  notes sheet shows it), loses its attachment rows; the manifest (销毁清册) is filed as a permanent administrative
  record with its PDF (``services/disposal/manifest.py``). A record changed or put on hold since it was
  approved stops the whole batch.
* :func:`sweep_files` — the files go after the commit: each one to remove is recorded in the same unit of work,
  so a crash leaves a list to finish (:func:`files_pending`), never half a batch.

Bad input changes nothing: every check runs before anything is written, and refusals are audited.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.disposal.rules import BatchState, Decision, Method, check_witnesses, why_not_due
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import most_secret
from estate_desk.services import audit
from estate_desk.services.archive.attachments import blob_store
from estate_desk.services.archive.movements import box_place
from estate_desk.services.audit import Target
from estate_desk.services.disposal import marks as disposal
from estate_desk.services.disposal.appraisal import fingerprint, standing_of
from estate_desk.services.disposal.batches import MAX_TEXT, changed_since_proposed, load_batch
from estate_desk.services.permissions import require_role
from estate_desk.store.archive import ArchiveBox, Attachment, Document, Movement
from estate_desk.store.disposal import DestructionBatch, DestructionFile, DestructionItem
from estate_desk.store.sealed import HEADER_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)


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
            raise changed_since_proposed(document)
        if document.id in held:
            refusal = why_not_due(standing_of(document, held), disposal.today(clock), 0, document.archive_no)
            raise refusal or changed_since_proposed(document)
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
            batch = load_batch(s, batch_id)
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
        raise audit.refused(db, actor, exc, Target("destruction", batch_id, "")) from None
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
                from_place=box_place(s, box)[:200],
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
