"""The scan inbox (扫描收件): a scanned stack split at its cover sheets, each record's pages linked as its scan.

:func:`import_stack` reads every page's cover-sheet code (``services/digitise/stack_files.py``), splits the
stack (``domain/digitise/splitting.py``), drops the sheets, and attaches each record's pages as one PDF
named by its 档号 (DA/T 31) through ``attach_bytes`` — sealed at the office's encryption grade (秘密 and
above by default), like any attachment. The scanner's own files are kept byte for byte in the attachment
store (sealed when the batch holds a sealed record), each scan recorded as derived from them. A record
fed turned (its cover sheet upside down or sideways) is turned upright and the turn recorded. Whatever
could attach to the wrong record waits in the 待处理 queue with its reason; whole-file problems (empty,
not a PDF or image, encrypted, damaged) are refused before anything is stored.

A record scanned already waits as "scanned twice", unless the clerk sent it to be rescanned
(``decisions.py``): then its new pages become the batch's current scan and the earlier scan is kept
(:func:`link_pages`).

Once committed, each record linked is put through the four-properties check (四性检测, DA/T 70: an electronic
record is checked when it is filed; ``services/digitise/four_properties.py``), whose result comes back with the
import; it stores nothing, and a check that fails to run never undoes or hides the import.

Everything a stack held is committed in one unit of work, or nothing is. Files already imported (the same
SHA-256) attach nothing twice: a stack imported before is reported as such, and a set of images mixing
imported and new files is refused, since a page missing from the middle would move pages to the wrong record.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.archive.dual_track import AttachmentKind
from estate_desk.domain.archive.numbers import barcode_form
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import SystemClock
from estate_desk.domain.digitise.naming import scan_file_name
from estate_desk.domain.digitise.splitting import Problem, Reason, RecordPages, split
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.secrecy.grades import most_secret
from estate_desk.services import audit
from estate_desk.services.archive.attachments import attach_bytes, blob_store
from estate_desk.services.audit import Target
from estate_desk.services.digitise import four_properties
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.digitise.sheets import fonds_code
from estate_desk.services.digitise.stack_files import MEDIA_TYPES, open_stack, read_page
from estate_desk.services.digitise.virus_scan import default_scanner
from estate_desk.services.secrecy import clearance, sealing
from estate_desk.store.archive import Document
from estate_desk.store.digitise import DigitiseBatch, DigitiseRecord, DigitiseScan, InboxSource, PendingItem
from estate_desk.store.scan_text import ScanPageText

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.digitise.four_properties import Inspection
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.stack_files import Stack
    from estate_desk.store.database import Database
    from estate_desk.store.sealed import SealingKey

log = logging.getLogger(__name__)

IMPORT_STEPS = frozenset({Step.SCAN})


@dataclass(frozen=True)
class Linked:
    document_id: int
    archive_no: str
    pages: tuple[int, ...]  # the stack's page numbers
    attachment_id: int
    name: str
    turned: int = 0  # fed turned (its sheet said so): its pages were turned upright by this many degrees


@dataclass(frozen=True)
class ImportResult:
    """What a stack became: the scans linked and the problems waiting (待处理); ``already`` when the
    same file had been imported before, in which case nothing was done; ``cancelled`` when the reading was
    stopped, in which case nothing was stored either."""

    files: tuple[str, ...]
    pages: int
    linked: tuple[Linked, ...]
    pending: tuple[Problem, ...]
    already: bool = False
    cancelled: bool = False  # stopped while its pages were read: nothing was stored
    inspection: Inspection | None = None  # the four-properties check of the records linked


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint_of(hashes: Sequence[str]) -> str:
    """A stack's fingerprint: its file's SHA-256, or for a set of images the SHA-256 of theirs in order."""
    if len(hashes) == 1:
        return hashes[0]
    return hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()


def _already_imported(db: Database, files: Sequence[Path], hashes: list[str]) -> bool:
    """True when this very stack was imported before; refuses a set mixing imported files with new ones."""
    with db.session() as s:
        if s.scalar(select(InboxSource.id).where(InboxSource.fingerprint == fingerprint_of(hashes)).limit(1)):
            return True
        known = set(s.scalars(select(InboxSource.sha256).where(InboxSource.sha256.in_(hashes))))
    if not known or len(hashes) == 1:
        return False
    names = "、".join(p.name for p, h in zip(files, hashes, strict=True) if h in known)
    raise InputProblem(
        zh=f"这叠文件中有的已导入过（{names}），有的没有；请只导入新扫描的文件，或整叠重新扫描。",
        en=f"Some files of this stack were imported before ({names}) and some were not; import only the new "
        "files, or scan the whole stack again.",
    )


def _batch_records(s: Session, actor: Actor, batch_id: int) -> tuple[dict[str, int], set[int], dict[int, Document]]:
    """The batch's records the actor may see, by 档号 in barcode form; those scanned already; the documents."""
    rows = s.execute(
        select(DigitiseRecord, Document)
        .join(Document, DigitiseRecord.document_id == Document.id)
        .where(DigitiseRecord.batch_id == batch_id, clearance.documents_visible(actor))
    ).all()
    by_code = {code: d.id for r, d in rows if (code := barcode_form(d.archive_no)) is not None}
    scanned = {d.id for r, d in rows if r.status == "scanned"}
    return by_code, scanned, {d.id: d for _, d in rows}


def pages_text(pages: Sequence[int]) -> str:
    return ",".join(str(n) for n in pages)


def _keep_sources(
    s: Session, clock: Clock, actor: Actor, batch_id: int, stack: Stack, hashes: list[str], seal: SealingKey | None
) -> InboxSource:
    """Keep the scanner's files byte for byte in the store and record them; returns the stack's first file."""
    first: InboxSource | None = None
    for position, (path, kind, count, sha) in enumerate(
        zip(stack.files, stack.kinds, stack.counts, hashes, strict=True), start=1
    ):
        stored = blob_store().put(path, seal=seal)
        if stored.sha256 != sha:
            raise InputProblem(
                zh=f"“{path.name}”在导入过程中被改动了，请等扫描完成后再导入。",
                en=f"'{path.name}' changed while it was imported; wait until the scan is finished and import it again.",
                where=str(path),
            )
        source = InboxSource(
            sha256=sha,
            fingerprint=fingerprint_of(hashes),
            stack=first.id if first is not None else None,
            position=position,
            size=stored.size,
            name=path.name[:260],
            media_type=MEDIA_TYPES[kind],
            pages=count,
            encrypted=seal is not None,
            batch_id=batch_id,
            status="imported",
            imported_by=actor.user_id,
            imported_at=clock.now(),
        )
        s.add(source)
        s.flush()
        if first is None:
            first = source
            source.stack = source.id
    assert first is not None
    return first


def _scanning(s: Session, batch_id: int) -> DigitiseBatch:
    """The batch, if it stands at 扫描 (the only step that takes scans); refused otherwise."""
    batch = load(s, batch_id)
    if Step(batch.step) not in IMPORT_STEPS:
        raise RuleViolation(
            zh=f"数字化批次 {batch.code} 正处于“{Step(batch.step).zh}”，只有“扫描”环节才能导入扫描件。",
            en=f"Digitisation batch {batch.code} is at '{Step(batch.step).en}'; scans are imported at 'Scanning' only.",
            rule="A5",
        )
    return batch


def import_stack(
    db: Database,
    actor: Actor,
    path: Path | Sequence[Path],
    batch_id: int,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportResult:
    """Split a scanned stack (a PDF, a TIFF, or page images in order) into the scans of the batch's records.

    ``progress(done, total)`` is told after each page is read; returning False stops before anything is
    stored (the result says ``cancelled``)."""
    clock = actor.clock or SystemClock()
    require_keeper(actor, "导入扫描件", "import scans")
    files: list[Path] = list(path) if isinstance(path, list | tuple) else [path]  # type: ignore[list-item]
    with open_stack(files) as stack:  # its image files stay open while it is read, and are closed after
        hashes = [file_sha256(p) for p in stack.files]
        names = tuple(p.name for p in stack.files)
        if _already_imported(db, stack.files, hashes):
            return ImportResult(names, len(stack), (), (), already=True)
        fonds = fonds_code(db)
        with db.session() as s:
            _scanning(s, batch_id)
            by_code, scanned, _ = _batch_records(s, actor, batch_id)
        readings = []
        for n, image in enumerate(stack.images(), start=1):
            readings.append(read_page(n, image))
            if progress is not None and not progress(n, len(stack)):
                return ImportResult(names, len(stack), (), (), cancelled=True)
        result = split(readings, fonds, by_code, scanned)
        scans = {part.document_id: stack.record_pdf(part.pages, part.turn) for part in result.records}
        try:
            imported = _commit(db, clock, actor, batch_id, stack, hashes, result.records, result.problems, scans)
        except IntegrityError:  # another workstation imported the same stack a moment ago?
            if _already_imported(db, stack.files, hashes):
                return ImportResult(names, len(stack), (), (), already=True)
            raise
    return _inspected(db, actor, imported)


def _inspected(db: Database, actor: Actor, imported: ImportResult) -> ImportResult:
    """The four-properties check of the records just linked. The virus scan uses ClamAV's daemon only: the
    command-line scanner loads its signatures for every file, minutes for a stack (then: not checked)."""
    if not imported.linked:
        return imported
    try:
        inspection = four_properties.inspect(
            db,
            actor,
            [x.document_id for x in imported.linked],
            ("扫描件挂接", "scans linked"),
            scanner=default_scanner(daemon_only=True),
            series=False,
        )
    except Exception:  # the import is committed: a check that cannot run must not look like a failed import
        log.exception("the four-properties check after linking failed")
        return imported
    return replace(imported, inspection=inspection)


def link_pages(
    s: Session,
    clock: Clock,
    actor: Actor,
    record: DigitiseRecord,
    document: Document,
    source_id: int,
    pages: Sequence[int],
    data: bytes,
    seal: SealingKey | None,
    same_pages: Collection[int] = (),
) -> DigitiseScan:
    """Make ``data`` (the record's pages of a kept source, as one PDF) the record's current scan in its batch.

    What OCR read on the scan it replaces leaves search (it would lead to pages no longer the record's),
    except the text of ``same_pages``: pages the new version shows exactly as the earlier one (a page turn's
    untouched pages), whose text moves to the new version.

    The PDF is attached, named by the 档号 and sealed with ``seal``, and recorded as derived from the source's
    ``pages``. A scan the record had in the batch before (it was sent to be rescanned) is kept but is no longer
    current; the record is scanned, awaiting a decision. The inbox links a split stack this way, and the
    clerk's hand-assigned 待处理 pages go the same way (``pending.assign``).
    """
    attachment = attach_bytes(
        s,
        clock,
        document_id=document.id,
        data=data,
        name=scan_file_name(document.archive_no, "pdf"),
        kind=AttachmentKind.SCAN,
        added_by=actor.user_id,
        seal=seal,
    )
    earlier = select(DigitiseScan).where(
        DigitiseScan.batch_id == record.batch_id, DigitiseScan.document_id == document.id, DigitiseScan.current
    )
    for replaced in s.scalars(earlier):
        replaced.current = False
        for row in s.scalars(select(ScanPageText).where(ScanPageText.attachment_id == replaced.attachment_id)):
            if row.page in same_pages:
                row.attachment_id = attachment.id
            else:
                s.delete(row)  # its search entry goes with it (the index's hooks)
    scan = DigitiseScan(
        batch_id=record.batch_id,
        document_id=document.id,
        attachment_id=attachment.id,
        source_id=source_id,
        source_pages=pages_text(pages),
        page_count=len(pages),
        current=True,
    )
    s.add(scan)
    record.status = "scanned"
    record.decision = ""
    s.flush()
    return scan


def _commit(
    db: Database,
    clock: Clock,
    actor: Actor,
    batch_id: int,
    stack: Stack,
    hashes: list[str],
    parts: Sequence[RecordPages],
    problems: Sequence[Problem],
    scans: dict[int, bytes],
) -> ImportResult:
    linked: list[Linked] = []
    with db.session() as s:
        batch = _scanning(s, batch_id)  # it may have moved on while the pages were read
        _, _, documents = _batch_records(s, actor, batch_id)
        sealed_any = any(sealing.must_seal(s, d.secrecy) for d in documents.values())
        key = sealing.require_keyring(actor).sealing_key() if sealed_any else None
        first = _keep_sources(s, clock, actor, batch_id, stack, hashes, key)
        problems = list(problems)
        for part in parts:
            document = documents[part.document_id]
            record = s.scalar(
                select(DigitiseRecord)
                .where(DigitiseRecord.batch_id == batch_id, DigitiseRecord.document_id == document.id)
                .with_for_update()
            )
            assert record is not None
            if record.status == "scanned":  # another workstation linked it since the stack was read
                code = barcode_form(document.archive_no) or document.archive_no
                problems.append(Problem(Reason.SCANNED_TWICE, part.sheet, part.pages, code, document.id))
                continue
            seal = key if sealing.must_seal(s, document.secrecy) else None
            scan = link_pages(s, clock, actor, record, document, first.id, part.pages, scans[document.id], seal)
            name = scan_file_name(document.archive_no, "pdf")
            linked.append(Linked(document.id, document.archive_no, part.pages, scan.attachment_id, name, part.turn))
        problems.sort(key=lambda p: p.sheet if p.sheet is not None else (p.pages[0] if p.pages else 0))
        for problem in problems:
            s.add(
                PendingItem(
                    batch_id=batch_id,
                    source_id=first.id,
                    reason=problem.reason.value,
                    detail=problem.detail[:500],
                    sheet_page=problem.sheet,
                    source_pages=pages_text(problem.pages),
                    document_id=problem.document_id,
                    settled="open",
                    created_at=clock.now(),
                )
            )
        if problems:
            for source in s.scalars(select(InboxSource).where(InboxSource.stack == first.id)):
                source.status = "problems"
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch_id, batch.code, most_secret(documents[p.document_id].secrecy for p in linked)),
            detail={
                "imported": [p.name for p in stack.files],
                "linked": len(linked),
                "pending": len(problems),
                "turned": {x.archive_no: x.turned for x in linked if x.turned},
            },
            clock=clock,
        )
    return ImportResult(tuple(p.name for p in stack.files), len(stack), tuple(linked), tuple(problems))
