"""The destruction manifest (销毁清册, A17): made when a batch is carried out, filed in the archive for ever.

:func:`file_manifest` runs inside the batch's unit of work: it prints the manifest, registers it as a
permanent administrative record (行政文件资料, 永久) and attaches the PDF — sealed when its grade calls for
it (A6) — so the batch, its tombstones and its manifest are committed together or not at all.
``estate-desk print manifest BATCH -o FILE.pdf`` reprints it from the same data (:data:`MANIFEST_PRINTOUT`),
with who printed it and when in the footer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.archive.categories import SEVEN_CATEGORIES
from estate_desk.domain.archive.dual_track import AttachmentKind
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.disposal.retention import Retention, years_kept
from estate_desk.domain.disposal.rules import BatchState, Decision, Method
from estate_desk.domain.errors import NotFound, RuleViolation
from estate_desk.domain.secrecy.grades import Grade, most_secret
from estate_desk.printing import fonts
from estate_desk.printing.destruction_manifest import Manifest, ManifestLine, manifest_pdf
from estate_desk.services.archive.attachments import blob_store
from estate_desk.services.archive.numbering import DocumentDraft, register_document
from estate_desk.services.secrecy import sealing
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import Attachment, Category, Document
from estate_desk.store.disposal import DestructionBatch, DestructionItem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor

ADMINISTRATIVE = SEVEN_CATEGORIES[-1].code  # 行政文件资料: where the office files its own records (A4)
TITLE_EN = "Destruction manifest"


def _name(s: Session, user_id: int | None) -> str:
    user = s.get(User, user_id) if user_id else None
    return user.display_name if user is not None else ""


def _destroyed(s: Session, batch: DestructionBatch) -> list[tuple[DestructionItem, Document]]:
    query = (
        select(DestructionItem, Document)
        .join(Document, Document.id == DestructionItem.document_id)
        .where(DestructionItem.batch_id == batch.id, DestructionItem.decision == Decision.APPROVED.value)
        .order_by(DestructionItem.seq)
    )
    return [(item, document) for item, document in s.execute(query).all()]


def manifest_of(s: Session, batch: DestructionBatch) -> Manifest:
    """The manifest of a carried-out batch, from its tombstones (numbered 1, 2, 3 … in the batch's order)."""
    if batch.state != BatchState.CARRIED_OUT.value or batch.carried_out_on is None:
        raise RuleViolation(
            zh=f"批次 {batch.code} 尚未销毁，还没有销毁清册。",
            en=f"Batch {batch.code} has not been carried out; it has no manifest yet.",
            rule="A17",
        )
    office = s.scalar(select(Office))
    on = batch.carried_out_on
    lines = tuple(
        ManifestLine(
            seq,
            d.archive_no,
            d.title,
            d.year,
            Retention.parse(d.retention).label(),
            f"{years_kept(d.year, on)}年",
            d.pages,
            item.reason,
            item.remarks,
        )
        for seq, (item, d) in enumerate(_destroyed(s, batch), start=1)
    )
    approved = batch.approved_at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if batch.approved_at else ""
    return Manifest(
        office=office.name if office else "",
        fonds_code=office.fonds_code if office else "",
        batch_code=batch.code,
        appraised_by=_name(s, batch.proposed_by),
        approved_by=_name(s, batch.approved_by),
        approved_at=approved,
        witnesses=tuple(n for n in batch.witnesses.splitlines() if n.strip()),
        method=Method(batch.method).label(),
        place=batch.place,
        carried_out_on=on,
        lines=lines,
    )


def batch_grade(s: Session, batch: DestructionBatch, floor: int) -> Grade:
    level = s.scalar(
        select(func.max(Document.secrecy))
        .join(DestructionItem, DestructionItem.document_id == Document.id)
        .where(DestructionItem.batch_id == batch.id, DestructionItem.decision == Decision.APPROVED.value)
    )
    return most_secret([floor, *([level] if level is not None else [])])


def file_manifest(s: Session, clock: Clock, actor: Actor, batch: DestructionBatch) -> int:
    """Print the batch's manifest and file it as a permanent administrative record with the PDF attached;
    returns the record's id. Runs in the caller's unit of work (the stored file, should that fail, is left
    unreferenced, which harms nothing)."""
    manifest = manifest_of(s, batch)
    category = s.scalar(select(Category).where(Category.code == ADMINISTRATIVE))
    if category is None:
        raise NotFound(
            zh=f"没有行政文件资料门类（{ADMINISTRATIVE}）。", en=f"No administrative category ({ADMINISTRATIVE})."
        )
    grade = batch_grade(s, batch, category.default_grade)
    sealed = sealing.must_seal(s, grade)
    key = sealing.require_keyring(actor).sealing_key() if sealed else None
    name = f"销毁清册-{batch.code}.pdf"
    with tempfile.TemporaryDirectory(prefix="estate-desk-") as folder:
        path = Path(folder) / name
        pages = manifest_pdf(manifest, path, fonts.register_fonts())
        stored = blob_store().put(path, seal=key)
    on = manifest.carried_out_on
    document = register_document(
        s,
        clock,
        DocumentDraft(
            category_code=ADMINISTRATIVE,
            title=f"档案销毁清册（{batch.code}）",
            year=on.year,
            doc_date=on,
            responsible=manifest.office,
            pages=pages,
            remarks=f"销毁 {len(manifest.lines)} 件；监销人 {'、'.join(manifest.witnesses)}",
            secrecy=grade,
            retention=Retention.permanent(),
            has_paper=False,
        ),
        created_by=actor.user_id,
    )
    s.add(
        Attachment(
            document_id=document.id,
            sha256=stored.sha256,
            size=stored.size,
            original_name=name,
            media_type="application/pdf",
            kind=AttachmentKind.OTHER.value,
            encrypted=sealed,
            added_by=actor.user_id,
            added_at=clock.now(),
        )
    )
    s.flush()
    return document.id


# --------------------------------------------------------------------------- the printout
