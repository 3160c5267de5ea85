"""Encryption at rest for attachments (附件加密存储, A6): which files are sealed, and keeping them so.

A record's attachments are stored sealed (AES-256-GCM, ``store/sealed.py``) when its grade is at or
above the office's threshold (``services/secrecy/threshold.py``, default 秘密). Raising a record's
grade across the threshold seals its files, lowering it unseals them, byte for byte; changing the
threshold brings every file into line. The work on files happens before the unit of work that
records the new state (:func:`prepare`), the forms no longer needed go after it (:func:`finish`):
if the record cannot be saved, an extra file is left that nothing refers to, never a missing one.
A plain copy that another record (of a lower grade) still uses is kept.

Sealing and unsealing need the master key, which a signed-in session holds (:func:`require_keyring`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import PermissionDenied
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import threshold
from estate_desk.store import attachment_home, scan_text
from estate_desk.store.archive import Attachment, Document

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.secrecy.keyring import Keyring
    from estate_desk.store.blobs import BlobStore
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)


def store() -> BlobStore:
    """This workstation's attachment store (the shared folder on a LAN; see store/attachment_home.py)."""
    return attachment_home.current_store()


def require_keyring(actor: Actor) -> Keyring:
    """The session's master key; refused when this sign-in holds none."""
    if actor.keyring is None:
        raise PermissionDenied(
            zh="本次登录没有打开档案库的加密密钥，不能处理加密附件。请重新登录；若仍不行，请管理员为您重设密码。",
            en="This session has not unlocked the archive's encryption key, so it cannot handle encrypted attachments. "
            "Sign in again; if that does not help, ask an administrator to reset your password.",
            rule="A6",
        )
    return actor.keyring


def must_seal(s: Session, grade: int) -> bool:
    """Whether a record of this grade keeps its attachments sealed."""
    return grade >= threshold.encrypt_from(s)


@dataclass(frozen=True)
class Change:
    """One stored file to be turned into its other form: sealed (True) or plain (False)."""

    sha256: str
    sealed: bool


@dataclass(frozen=True)
class Plan:
    """Files made ready for a record's new grade, and which attachments change with them."""

    moves: tuple[tuple[int, bool], ...]  # attachment id, sealed from now on
    changes: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not self.moves


NOTHING = Plan((), ())


def prepare(db: Database, actor: Actor, document_ids: list[int], grade_of: dict[int, int]) -> Plan:
    """Make the sealed or plain form every attachment of these records needs at their new grades.

    ``grade_of`` maps a document id to its new grade. Nothing in the database changes yet.
    """
    with db.session() as s:
        encrypt_from = threshold.encrypt_from(s)
        rows = s.execute(
            select(Attachment.id, Attachment.document_id, Attachment.sha256, Attachment.encrypted).where(
                Attachment.document_id.in_(document_ids)
            )
        ).all()
    moving = [
        (a_id, sha, grade_of[doc] >= encrypt_from)
        for a_id, doc, sha, sealed in rows
        if sealed != (grade_of[doc] >= encrypt_from)
    ]
    if not moving:
        return NOTHING
    keys = require_keyring(actor).sealing_key()
    blobs = store()
    changes = tuple(dict.fromkeys(Change(sha, sealed) for _, sha, sealed in moving))
    for change in changes:
        blobs.reseal(change.sha256, keys, sealed=change.sealed)
    return Plan(tuple((a_id, sealed) for a_id, _, sealed in moving), changes)


def apply(s: Session, plan: Plan) -> None:
    """Record the attachments' new form, in the caller's unit of work; the recognised text of a scan sealed
    now is taken out with it (``store/scan_text.withhold_sealed``)."""
    if plan.empty:
        return
    sealed = dict(plan.moves)
    for attachment in s.scalars(select(Attachment).where(Attachment.id.in_(list(sealed)))):
        attachment.encrypted = sealed[attachment.id]
    scan_text.withhold_sealed(s, [a for a, now_sealed in plan.moves if now_sealed])  # OCR text of a scan sealed now


def finish(db: Database, plan: Plan) -> None:
    """After the unit of work: remove each old form no attachment refers to any more."""
    blobs = store()
    for change in plan.changes:
        old_sealed = not change.sealed
        try:
            with db.session() as s:
                used = s.scalar(
                    select(Attachment.id)
                    .where(Attachment.sha256 == change.sha256, Attachment.encrypted.is_(old_sealed))
                    .limit(1)
                )
            if used is None:
                blobs.remove(change.sha256, sealed=old_sealed)
        except Exception:  # the next bring_into_line removes it
            log.exception("could not remove the old form of %s", change.sha256)


def bring_into_line(db: Database, clock: Clock, actor: Actor) -> int:
    """Seal or unseal every attachment whose form disagrees with its record's grade; returns how many.

    Used when the threshold changes, and to seal the files of an archive that had no encryption yet.
    """
    with db.session() as s:
        grade_of = dict(s.execute(select(Document.id, Document.secrecy)).all())
    plan = prepare(db, actor, list(grade_of), grade_of)
    if plan.empty:
        return 0
    with db.session() as s:
        apply(s, plan)
        audit.record(
            s,
            actor,
            AuditAction.KEY,
            Target("attachment", None, "按密级重新加密/解密附件"),
            detail={"attachments": len(plan.moves)},
            clock=clock,
        )
    finish(db, plan)
    return len(plan.moves)


def read_all(actor: Actor, sha256: str, *, sealed: bool, limit: int) -> bytes:
    """A stored file's whole content in memory (decrypted when sealed; every chunk checked first).

    Nothing is written to disk. Refused above ``limit`` bytes.
    """
    from estate_desk.domain.errors import InputProblem

    keys = require_keyring(actor).sealing_key() if sealed else None
    chunks: list[bytes] = []
    size = 0
    with store().open(sha256, seal=keys) as fh:
        while chunk := fh.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise InputProblem(
                    zh=f"加密附件超过 {limit // (1024 * 1024)} MiB，不能在窗口中预览。",
                    en=f"The encrypted attachment is over {limit // (1024 * 1024)} MiB and cannot be previewed in the window.",
                )
            chunks.append(chunk)
    return b"".join(chunks)
