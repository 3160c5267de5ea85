"""Turning a page upside down inside a record upright (issue 17): a new version of the record's scan.

The quality check finds a page whose text runs at 180° (``quality_check.py`` with a direction reader,
``Flaw.UPSIDE_DOWN``); the clerk turns it, or every page found at once (:func:`turn_found`), in the
window or with ``estate-desk digitise turn``. A page can also be named by hand (:func:`turn_pages`), with
no OCR at all.

* **Nothing re-encoded.** The page is turned by its PDF page rotation (``/Rotate``), the pixels untouched,
  as the inbox turns a record fed turned with its cover sheet (``stack_files.record_pdf``).
* **A new version, the earlier kept.** The turned PDF becomes the record's current scan in the batch
  through ``inbox.link_pages`` (a new attachment, sealed like the record's, derived from the same source
  pages); the earlier scan stays, no longer current, like a rescan's. The record awaits a decision again.
* **Recorded.** The audit trail names the record and the pages turned.
* **Its text.** The text OCR read of the pages not turned moves to the new version, boxes and all (the
  same pixels, the same rotation), so that search leads to the current scan; a turned page's is dropped
  and the next OCR run reads it again, upright, so its text and boxes are those of the upright page.
* Only while the batch stands at 扫描 or 质检: after 挂接 the scan is what was checked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.quality import Flaw
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.services import audit
from estate_desk.services.archive.attachments import open_for_preview
from estate_desk.services.audit import Target
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.digitise.decisions import record_of
from estate_desk.services.digitise.inbox import link_pages
from estate_desk.services.digitise.quality_check import check_batch
from estate_desk.services.secrecy import sealing
from estate_desk.store.digitise import DigitiseScan

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.text_direction import DirectionReader
    from estate_desk.store.database import Database

TURN_STEPS = frozenset({Step.SCAN, Step.CHECK})
HALF_TURN = 180


@dataclass(frozen=True)
class TurnedScan:
    """A record whose pages were turned: the new scan's attachment, and the earlier one (kept)."""

    document_id: int
    archive_no: str
    pages: tuple[int, ...]
    attachment_id: int
    earlier_attachment_id: int


def turn_pages(
    db: Database, clock: Clock, actor: Actor, batch_id: int, document_id: int, pages: Sequence[int]
) -> TurnedScan:
    """Turn these pages of the record's current scan in the batch by half a turn, as a new version of it."""
    require_keeper(actor, "转正扫描页", "turn scanned pages upright")
    wanted = tuple(sorted(set(pages)))
    with db.session() as s:
        scan, archive_no = _current(s, actor, batch_id, document_id)
        earlier_attachment, page_count = scan.attachment_id, scan.page_count
    if not wanted or wanted[0] < 1 or wanted[-1] > page_count:
        raise InputProblem(
            zh=f"{archive_no} 的扫描件共 {page_count} 页，没有第 {_missing(wanted, page_count, '、')} 页。",
            en=f"{archive_no}'s scan has {page_count} page(s); there is no page {_missing(wanted, page_count, ', ')}.",
        )
    data = _turned(open_for_preview(db, actor, earlier_attachment).read_bytes(), wanted)
    with db.session() as s:
        scan, archive_no = _current(s, actor, batch_id, document_id)
        if scan.attachment_id != earlier_attachment:  # another workstation changed the scan meanwhile
            raise RuleViolation(
                zh=f"{archive_no} 的扫描件刚被更换，请重新质检后再转正。",
                en=f"{archive_no}'s scan was just replaced; check it again before turning pages.",
                rule="A5",
            )
        record, document = record_of(s, actor, batch_id, document_id)
        seal = sealing.require_keyring(actor).sealing_key() if sealing.must_seal(s, document.secrecy) else None
        source_pages = [int(n) for n in scan.source_pages.split(",") if n]
        # the text OCR read of the pages not turned moves to the new version (the same pixels, the same boxes);
        # a turned page's is dropped, to be read again upright
        untouched = set(range(1, page_count + 1)) - set(wanted)
        new = link_pages(s, clock, actor, record, document, scan.source_id, source_pages, data, seal, untouched)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch_id, load(s, batch_id).code, document.secrecy),
            detail={
                "pages_turned": {archive_no: list(wanted)},
                "degrees": HALF_TURN,
                "scan": new.attachment_id,
                "earlier_scan": earlier_attachment,
            },
            clock=clock,
        )
        return TurnedScan(document_id, archive_no, wanted, new.attachment_id, earlier_attachment)


def turn_found(db: Database, clock: Clock, actor: Actor, batch_id: int, direction: DirectionReader) -> list[TurnedScan]:
    """Check the batch for pages upside down and turn every one found, a new version per record."""
    found: dict[int, list[int]] = {}
    for check in check_batch(db, actor, batch_id, direction=direction):
        pages = [f.page for f in check.findings if f.flaw is Flaw.UPSIDE_DOWN and f.page is not None]
        if pages:
            found[check.document_id] = pages
    return [turn_pages(db, clock, actor, batch_id, document_id, pages) for document_id, pages in found.items()]


def _current(s: Session, actor: Actor, batch_id: int, document_id: int) -> tuple[DigitiseScan, str]:
    batch = load(s, batch_id)
    if Step(batch.step) not in TURN_STEPS:
        raise RuleViolation(
            zh=f"数字化批次 {batch.code} 正处于“{Step(batch.step).zh}”，只有“扫描”“质检”环节才能转正页面。",
            en=f"Digitisation batch {batch.code} is at '{Step(batch.step).en}'; pages are turned at "
            "'Scanning' or 'Quality check' only.",
            rule="A5",
        )
    _record, document = record_of(s, actor, batch_id, document_id)
    scan = s.scalar(
        select(DigitiseScan).where(
            DigitiseScan.batch_id == batch_id, DigitiseScan.document_id == document_id, DigitiseScan.current
        )
    )
    if scan is None:
        raise NotFound(zh=f"{document.archive_no} 还没有扫描件。", en=f"{document.archive_no} has no scan yet.")
    return scan, document.archive_no


def _turned(data: bytes, pages: Sequence[int]) -> bytes:
    """The PDF with these pages' rotation advanced by half a turn; nothing else changed."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputProblem(
            zh="扫描件打不开，无法转正页面；请重扫该件。",
            en="The scan does not open, so its pages cannot be turned; rescan the record.",
        ) from exc
    try:
        for number in pages:
            page = pdf[number - 1]
            try:
                page.set_rotation((page.get_rotation() + HALF_TURN) % 360)
            finally:
                page.close()
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        pdf.close()


def _missing(pages: Sequence[int], page_count: int, between: str) -> str:
    """The pages asked for that the scan does not have."""
    outside = [n for n in pages if not 1 <= n <= page_count]
    return between.join(str(n) for n in outside) if outside else "—"
