"""Chinese text recognition of scans (文字识别, OCR, issue 17): every page of a record's scan read once.

Pages are rendered with pypdfium2 at the batch's resolution (300 dpi when there is none) and read with
PaddleOCR's PP-OCR models through ``rapidocr-onnxruntime`` (the ``ocr`` extra: the models ship inside the
wheel, it runs on the CPU and downloads nothing). Without the extra, :func:`rapid_reader` says OCR is not
installed, in Chinese and English; the rest of the product does not need it.

* **Once per page.** Each page read is committed on its own (``store/scan_text.py``, unique by scan and
  page) before the next is rendered: a run that is cancelled, fails or is killed keeps every page it
  finished, and the next run skips them — a page once done is never read again.
* **Progress and cancel.** ``progress(done, total)`` is told after each page, counting the pages already
  done; returning False stops after that page.
* **Sealed grades: not kept at all.** For a record at or above the office's encryption threshold
  (秘密 by default, ``services/secrecy/threshold.py``) the page is *not read*, and no text or boxes are
  stored anywhere — neither in the plain index nor sealed; only the fact that the page was passed over
  (``withheld``), so resuming does not try it again. The office setting ``store/scan_text.INDEX_SEALED`` (off by
  default) lets such text be read and put in the index at the record's grade, where only readers cleared
  for that grade find it — but then the text stands in the database unencrypted, beside a file that is
  sealed: that is the trade-off the setting accepts. Turning it on makes the next run read the pages
  passed over before. A scan sealed after it was read (its grade raised across the threshold) loses its
  pages' text and boxes in the same unit of work (``store/scan_text.withhold_sealed``, called by
  ``services/secrecy/sealing.apply``); one unsealed again is read again on the next run.
* The page's text goes into the search index (kind ``page``) by the session hooks as the row is
  written; ``services/archive/scan_search.py`` finds it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import delete, func, select

from estate_desk.domain.errors import NotFound, UserError
from estate_desk.services.archive.attachments import open_for_preview
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.secrecy import sealing
from estate_desk.store.archive import Document
from estate_desk.store.digitise import DigitiseBatch, DigitiseScan
from estate_desk.store.scan_text import ScanPageText, index_sealed

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PIL import Image
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

DEFAULT_DPI = 300


class OcrNotInstalled(UserError):
    """The ``ocr`` extra is not installed on this PC."""

    def __init__(self) -> None:
        super().__init__(
            zh="本机未安装文字识别（OCR）组件。请用 pip install 'estate-desk[ocr]' 安装后再试；其余功能不受影响。",
            en="Text recognition (OCR) is not installed on this PC. Install it with pip install 'estate-desk[ocr]' "
            "and try again; everything else works without it.",
        )


@dataclass(frozen=True)
class Line:
    """One line OCR read: its four corners (pixels of the rendering, clockwise from top left), text, score."""

    corners: tuple[tuple[float, float], ...]
    text: str
    score: float


class PageReader(Protocol):
    """Reads the lines of text on one page image."""

    def __call__(self, image: Image.Image) -> Sequence[Line]: ...


def rapid_reader() -> PageReader:
    """The PP-OCR reader of ``rapidocr-onnxruntime``; :class:`OcrNotInstalled` when the extra is missing."""
    try:
        import numpy as np
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:  # the extra missing, or a part of it (the log names which)
        log.warning("OCR is not available: %r", exc, exc_info=True)
        raise OcrNotInstalled() from exc
    engine = RapidOCR()

    def read(image: Image.Image) -> list[Line]:
        result, _elapsed = engine(np.asarray(image.convert("RGB")))
        return [
            Line(tuple((float(x), float(y)) for x, y in box), str(text), float(score))
            for box, text, score in result or ()
        ]

    return read


@dataclass(frozen=True)
class Scan:
    """One record's scan to read: the attachment, its page count and the resolution to render at."""

    document_id: int
    attachment_id: int
    pages: int
    dpi: int


@dataclass(frozen=True)
class OcrResult:
    """What a run did: pages read now, pages done before (skipped), pages passed over for their grade."""

    scans: int
    read: int
    already: int
    withheld: int
    cancelled: bool = False


def _latest_scans(s: Session, where: Any) -> list[Scan]:
    latest = select(func.max(DigitiseScan.id)).where(where).group_by(DigitiseScan.document_id).scalar_subquery()
    rows = s.execute(
        select(DigitiseScan.document_id, DigitiseScan.attachment_id, DigitiseScan.page_count, DigitiseBatch.dpi)
        .join(DigitiseBatch, DigitiseBatch.id == DigitiseScan.batch_id)
        .where(DigitiseScan.id.in_(latest))
        .order_by(DigitiseScan.id)
    ).all()
    return [Scan(r.document_id, r.attachment_id, r.page_count, r.dpi or DEFAULT_DPI) for r in rows]


def scans_of_batch(db: Database, actor: Actor, batch_id: int) -> list[Scan]:
    """The latest scan of every record of the batch (a rescan replaces the earlier one)."""
    require_keeper(actor, "识别扫描件文字", "read the text of scans")
    with db.session() as s:
        load(s, batch_id)
        return _latest_scans(s, DigitiseScan.batch_id == batch_id)


def scans_of_record(db: Database, actor: Actor, archive_no: str) -> list[Scan]:
    """The latest scan of one record, by its archive number (档号)."""
    require_keeper(actor, "识别扫描件文字", "read the text of scans")
    with db.session() as s:
        document_id = s.scalar(select(Document.id).where(Document.archive_no == archive_no.strip()))
        if document_id is None:
            raise NotFound(zh=f"没有档案 {archive_no}。", en=f"No record {archive_no}.")
        scans = _latest_scans(s, DigitiseScan.document_id == document_id)
    if not scans:
        raise NotFound(zh=f"档案 {archive_no} 还没有扫描件。", en=f"Record {archive_no} has no scan yet.")
    return scans


def _kept_out(s: Session, scan: Scan, allow_sealed: bool) -> tuple[int, bool]:
    """The record's grade now, and whether that grade keeps its text out (sealed, and not allowed)."""
    grade = s.scalar(select(Document.secrecy).where(Document.id == scan.document_id)) or 0
    return grade, sealing.must_seal(s, grade) and not allow_sealed


def _done_pages(s: Session, scan: Scan, keep_out: bool) -> set[int]:
    """Pages already done: read, or passed over for a grade that still keeps them out (a page passed over
    and since unsealed, or allowed by the office, is read on the next run)."""
    rows = s.execute(
        select(ScanPageText.page, ScanPageText.withheld).where(ScanPageText.attachment_id == scan.attachment_id)
    ).all()
    return {page for page, withheld in rows if keep_out or not withheld}


def read_scans(
    db: Database,
    clock: Clock,
    actor: Actor,
    scans: Sequence[Scan],
    reader: PageReader | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> OcrResult:
    """Read every page of these scans not read before, committing each page as it is read."""
    require_keeper(actor, "识别扫描件文字", "read the text of scans")
    with db.session() as s:
        allow_sealed = index_sealed(s)
        kept = {scan.attachment_id: _kept_out(s, scan, allow_sealed) for scan in scans}
        done_before = {scan.attachment_id: _done_pages(s, scan, kept[scan.attachment_id][1]) for scan in scans}
    total = sum(scan.pages for scan in scans)
    already = sum(len(pages) for pages in done_before.values())
    done, read, withheld = already, 0, 0
    for scan in scans:
        todo = [p for p in range(1, scan.pages + 1) if p not in done_before[scan.attachment_id]]
        if not todo:
            continue
        grade, keep_out = kept[scan.attachment_id]
        if keep_out:
            for page in todo:
                _write(db, clock, scan, page, grade, None)
            withheld += len(todo)
            done += len(todo)
            if progress is not None and not progress(done, total):
                return OcrResult(len(scans), read, already, withheld, cancelled=True)
            continue
        if reader is None:
            reader = rapid_reader()
        for page, image in _rendered(db, actor, scan, todo):
            _write(db, clock, scan, page, grade, reader(image))
            read += 1
            done += 1
            if progress is not None and not progress(done, total):
                return OcrResult(len(scans), read, already, withheld, cancelled=True)
    return OcrResult(len(scans), read, already, withheld)


def _rendered(db: Database, actor: Actor, scan: Scan, pages: Sequence[int]) -> Any:
    """The pages' images, one at a time (a page is rendered only when the one before is read)."""
    import pypdfium2 as pdfium

    preview = open_for_preview(db, actor, scan.attachment_id)  # within clearance; a sealed scan in memory only
    data = preview.read_bytes()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UserError(
            zh=f"扫描件打不开，无法识别文字（附件 {scan.attachment_id}）。请先质检并重扫。",
            en=f"The scan does not open, so its text cannot be read (attachment {scan.attachment_id}). "
            "Check the batch and rescan it.",
        ) from exc
    try:
        for number in pages:
            if number > len(pdf):
                continue
            page = pdf[number - 1]
            try:
                image = page.render(scale=scan.dpi / 72).to_pil()
            finally:
                page.close()
            yield number, image
    finally:
        pdf.close()


def _write(db: Database, clock: Clock, scan: Scan, page: int, grade: int, lines: Sequence[Line] | None) -> None:
    """One page's row, in a unit of work of its own (a withheld page's stands in for the one it replaces)."""
    boxes = [[[list(c) for c in line.corners], line.text, round(line.score, 4)] for line in lines or ()]
    with db.session() as s:
        s.execute(
            delete(ScanPageText).where(ScanPageText.attachment_id == scan.attachment_id, ScanPageText.page == page)
        )
        s.add(
            ScanPageText(
                attachment_id=scan.attachment_id,
                document_id=scan.document_id,
                page=page,
                secrecy=grade,
                withheld=lines is None,
                text="\n".join(line.text for line in lines or ()),
                boxes=json.dumps(boxes, ensure_ascii=False),
                dpi=scan.dpi,
                read_at=clock.now(),
            )
        )
