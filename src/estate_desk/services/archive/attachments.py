"""Attachments (附件): the digital side of a record (A5), kept in the content-addressed store.

Attaching copies the file first — outside any database transaction, streamed, with
progress and cancel — and only then records the :class:`Attachment` row in one unit of
work. If that fails, a file this call put into the store is taken out again, so the
store and the database agree. The same file attached twice to one record is reported,
not doubled; the same content on two records is stored once on disk.

Who may see a record may see its attachments (clearance ≥ the record's grade, A6);
attaching is archive work (档案管理员, administrator). Attachments of records at or above the
office's encryption grade are sealed on the way in (``services/secrecy/sealing.py``) and previewed by
decrypting them in memory, never to disk; a tampered file is refused, nothing of it shown, and
the refusal audited. Opening an attachment of a classified record is recorded in the audit trail,
and logged as a consultation of the record (查阅, A12; read back by ``services/loans/ledger.record_history``).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.archive.dual_track import AttachmentKind, kind_of, media_type_of, previews_inside
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import SystemClock
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import is_classified
from estate_desk.services import audit
from estate_desk.services.archive.record_state import require_not_destroyed
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance, sealing
from estate_desk.store import attachment_home
from estate_desk.store.accounts import User
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.blobs import BlobStore, CopyCancelled, StoredBlob
from estate_desk.store.loans import Consultation
from estate_desk.store.sealed import SealBroken

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.store.sealed import SealingKey

__all__ = [
    "AttachmentRow",
    "CopyCancelled",
    "Preview",
    "attach_bytes",
    "attach_file",
    "attachments_of",
    "blob_store",
    "open_for_preview",
    "store_bytes",
    "stored_path",
    "verify",
]

MAX_NAME = 260
MAX_PREVIEW_IN_MEMORY = 512 * 1024 * 1024  # an encrypted attachment larger than this is not previewed


@dataclass(frozen=True)
class AttachmentRow:
    """One file on a record's digital side, as lists and the detail pane show it."""

    id: int
    document_id: int
    sha256: str
    size: int
    original_name: str
    media_type: str
    kind: AttachmentKind
    encrypted: bool
    added_by: str | None  # display name
    added_at: datetime


@dataclass(frozen=True)
class Preview:
    """How to show an attachment: inside the application (PDF, images) or with the system's program.

    A plain file is read from ``path``; an encrypted one comes decrypted in ``data`` (``path`` None),
    in memory only, and is always shown inside.
    """

    path: Path | None
    media_type: str
    original_name: str
    inside: bool  # True: preview in the window (QtPdf / QImage); False: open with the system player
    data: bytes | None = field(default=None, repr=False)

    def read_bytes(self) -> bytes:
        """The file's bytes: decrypted in memory for a sealed file, read from the store for a plain one."""
        if self.data is not None:
            return self.data
        return self.path.read_bytes() if self.path is not None else b""


def blob_store() -> BlobStore:
    """This workstation's attachment store (looked up on every call, so ESTATE_DESK_HOME applies): the
    folder its settings name — on a LAN the shared folder — else the data folder's (store/attachment_home.py)."""
    return attachment_home.current_store()


def stored_path(sha256: str) -> Path:
    """Where the file with this checksum is kept in the store."""
    return blob_store().path_of(sha256)


def verify(sha256: str) -> bool:
    """Re-hash a stored file: True when it is present and unchanged."""
    return blob_store().verify(sha256)


def store_bytes(data: bytes, name: str, *, seal: SealingKey | None = None) -> StoredBlob:
    """Keep bytes the application made (a signature drawn on screen, a rendered slip) in the store;
    with ``seal``, encrypted on the way in."""
    with tempfile.TemporaryDirectory(prefix="estate-desk-") as folder:
        source = Path(folder) / (Path(name).name or "file")
        source.write_bytes(data)
        return blob_store().put(source, seal=seal)


def attach_bytes(
    s: Session,
    clock: Clock,
    *,
    document_id: int,
    data: bytes,
    name: str,
    kind: AttachmentKind,
    added_by: int | None,
    seal: SealingKey | None = None,
) -> Attachment:
    """Store bytes and attach them to a record inside the caller's unit of work, for records the
    application files itself (a closed ticket's slip and signature, a scan split from a stack); checks no
    permission. With ``seal`` (the caller asked ``sealing.must_seal`` for the record's grade) the file is
    stored encrypted, as :func:`attach_file` does at 秘密 and above.
    Should the unit of work fail, the stored file is left unreferenced, which harms nothing."""
    stored = store_bytes(data, name, seal=seal)
    attachment = Attachment(
        document_id=document_id,
        sha256=stored.sha256,
        size=stored.size,
        original_name=name[:MAX_NAME],
        media_type=media_type_of(name),
        kind=kind.value,
        encrypted=seal is not None,
        added_by=added_by,
        added_at=clock.now(),
    )
    s.add(attachment)
    s.flush()
    return attachment


def _row(attachment: Attachment, added_by: str | None) -> AttachmentRow:
    return AttachmentRow(
        attachment.id,
        attachment.document_id,
        attachment.sha256,
        attachment.size,
        attachment.original_name,
        attachment.media_type,
        AttachmentKind(attachment.kind),
        attachment.encrypted,
        added_by,
        attachment.added_at,
    )


def _already_attached(source: Path, archive_no: str, existing_name: str) -> InputProblem:
    return InputProblem(
        zh=f"“{source.name}”已是档案 {archive_no} 的附件（内容与“{existing_name}”相同），未重复添加。",
        en=f"'{source.name}' is already attached to {archive_no} (same content as '{existing_name}'); not added again.",
        where=str(source),
    )


def attach_file(
    db: Database,
    clock: Clock,
    actor: Actor,
    document_id: int,
    path: Path | str,
    *,
    kind: AttachmentKind | None = None,
    as_scan: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> AttachmentRow:
    """Copy a file into the store and attach it to a record (挂接附件).

    ``kind`` overrides the guess from the file name; ``as_scan`` makes a JPEG/PNG a scan.
    ``progress(done, total)`` is called after every chunk; ``cancel()`` is asked before every
    chunk and, when it returns True, the copy stops with :class:`CopyCancelled` and nothing is kept
    (pass ``threading.Event().is_set`` from a worker thread).
    """
    source = Path(path)
    with db.session() as s:
        document = clearance.visible_document(s, actor, document_id)
        require_not_destroyed(document)
        sealed = sealing.must_seal(s, document.secrecy)
    require_role(actor, ARCHIVE_KEEPERS, zh="挂接附件", en="attach files to records")
    keys = sealing.require_keyring(actor).sealing_key() if sealed else None

    store = blob_store()
    stored = store.put(source, progress=progress, cancel=cancel, seal=keys)
    try:
        kind = kind or kind_of(source.name, as_scan=as_scan)
        return _record(db, clock, actor, document_id, source, stored, kind, sealed)
    except BaseException:
        if stored.created:
            _forget_if_unused(db, store, stored.sha256, sealed)
        raise


def _record(
    db: Database,
    clock: Clock,
    actor: Actor,
    document_id: int,
    source: Path,
    stored: StoredBlob,
    kind: AttachmentKind,
    sealed: bool,
) -> AttachmentRow:
    """The unit of work that records an attachment whose file is already in the store."""
    archive_no = ""
    try:
        with db.session() as s:
            document = clearance.visible_document(s, actor, document_id)
            archive_no = document.archive_no
            if sealing.must_seal(s, document.secrecy) != sealed:
                raise RuleViolation(
                    zh=f"复制期间档案 {archive_no} 的密级改变了，请重新挂接“{source.name}”。",
                    en=f"The grade of {archive_no} changed while '{source.name}' was copied; attach it again.",
                    rule="A6",
                    where=str(source),
                )
            existing = s.scalar(
                select(Attachment).where(Attachment.document_id == document_id, Attachment.sha256 == stored.sha256)
            )
            if existing is not None:
                raise _already_attached(source, archive_no, existing.original_name)
            attachment = Attachment(
                document_id=document_id,
                sha256=stored.sha256,
                size=stored.size,
                original_name=source.name[:MAX_NAME],
                media_type=media_type_of(source.name),
                kind=kind.value,
                encrypted=sealed,
                added_by=actor.user_id,
                added_at=clock.now(),
            )
            s.add(attachment)
            s.flush()
            if is_classified(document.secrecy):
                audit.record(
                    s,
                    actor,
                    AuditAction.CHANGE,
                    Target("document", document.id, archive_no, document.secrecy),
                    detail={"attached": attachment.original_name, "sha256": stored.sha256, "encrypted": sealed},
                    clock=clock,
                )
            return _row(attachment, actor.display_name)
    except IntegrityError as exc:  # another workstation attached the same file a moment ago
        raise _already_attached(source, archive_no or str(document_id), source.name) from exc


def _forget_if_unused(db: Database, store: BlobStore, sha256: str, sealed: bool = False) -> None:
    """Take a file this call stored out again, unless a record has come to refer to it meanwhile."""
    try:
        with db.session() as s:
            used = s.scalar(
                select(Attachment.id).where(Attachment.sha256 == sha256, Attachment.encrypted.is_(sealed)).limit(1)
            )
    except Exception:  # the database is unreachable: keep the file; an unreferenced file harms nothing
        return
    if used is None:
        store.remove(sha256, sealed=sealed)


def attachments_of(db: Database, actor: Actor, document_id: int) -> list[AttachmentRow]:
    """A record's attachments in the order they were added; NotFound beyond the actor's clearance."""
    with db.session() as s:
        clearance.visible_document(s, actor, document_id)
        query = (
            select(Attachment, User.display_name)
            .outerjoin(User, Attachment.added_by == User.id)
            .where(Attachment.document_id == document_id)
            .order_by(Attachment.added_at, Attachment.id)
        )
        return [_row(a, name) for a, name in s.execute(query)]


def open_for_preview(db: Database, actor: Actor, attachment_id: int) -> Preview:
    """Where to read an attachment from, and whether it previews inside the window.

    Checks the actor may see the record (a refusal is audited) and that the stored file is there. An
    encrypted attachment is decrypted into memory — every chunk authenticated before anything is
    returned — and shown inside; it never goes to the system's program, which would need a plain
    copy on disk. Opening an attachment of a classified record is audited.
    """
    with db.session() as s:
        found = s.execute(
            select(Attachment, Document.secrecy, Document.archive_no)
            .join(Document, Attachment.document_id == Document.id)
            .where(Attachment.id == attachment_id)
        ).first()
        missing = NotFound(zh=f"没有这个附件：{attachment_id}", en=f"No such attachment: {attachment_id}")
        if found is None:
            raise missing
        attachment, grade, archive_no = found
        target = Target("attachment", attachment.id, f"{archive_no} {attachment.original_name}", grade)
        if not clearance.may_see(actor, grade):
            raise audit.refused(s, actor, missing, target)
    path = blob_store().path_of(attachment.sha256, sealed=attachment.encrypted)
    if not path.is_file():
        raise NotFound(
            zh=f"附件库中缺少“{attachment.original_name}”的文件，请从备份恢复。",
            en=f"The file of '{attachment.original_name}' is missing from the attachment store; restore it from a backup.",
            where=str(path),
        )
    inside = previews_inside(attachment.media_type)
    preview = Preview(path, attachment.media_type, attachment.original_name, inside)
    if attachment.encrypted:
        if not inside:
            raise InputProblem(
                zh=f"“{attachment.original_name}”已加密保存，只能在窗口内预览的文件（PDF、图片）才能直接打开；"
                "交给系统程序需要写出明文副本，请按导出授权办理。",
                en=f"'{attachment.original_name}' is stored encrypted. Only files the window previews (PDF, images) "
                "open directly; the system's program would need a plain copy on disk, which is an export.",
            )
        try:
            data = sealing.read_all(actor, attachment.sha256, sealed=True, limit=MAX_PREVIEW_IN_MEMORY)
        except SealBroken as exc:
            raise audit.refused(db, actor, exc, target) from None
        preview = Preview(None, attachment.media_type, attachment.original_name, True, data)
    if attachment.encrypted or is_classified(grade):
        with db.session() as s:  # no record of the view, no view
            audit.record(s, actor, AuditAction.VIEW_ATTACHMENT, target)
            if is_classified(grade):  # a consultation, in the record's history next to its loans (A12)
                record_consultation(s, actor.clock or SystemClock(), actor, attachment.document_id, attachment.id)
    return preview


LEFTOVER_AGE = timedelta(days=1)


def sweep_leftovers(clock: Clock) -> int:
    """Remove temporary files that copies interrupted by a crash left in the store a day or more ago.

    A copy still running on another workstation sharing the folder is younger than that.
    """
    return blob_store().sweep_incoming(clock.now() - LEFTOVER_AGE)


def record_consultation(
    s: Session, clock: Clock, actor: Actor, document_id: int, attachment_id: int | None = None
) -> None:
    """Log that a confidential record's attachment was opened on screen (查阅, A12)."""
    s.add(Consultation(document_id=document_id, attachment_id=attachment_id, user_id=actor.user_id, at=clock.now()))
    s.flush()
