"""The quality check of a batch (质检, DA/T 31), by the numbers: every record's scan measured and judged.

Each record's current scan in the batch (a rescan's, once it came) is read through the attachments' own
door (``open_for_preview``: within the clerk's clearance, a sealed scan decrypted in memory only, a
classified one's viewing audited), its pages measured (``page_measures.py``) and judged by the rules of
``domain/digitise/quality.py`` against its registered page count and the batch's settings (minimum
resolution, colour for the record). A record without a scan yet is named too. Each finding names the record and the page; nothing is changed.

Pages upside down inside a record are found only when a direction reader is given (``text_direction.py``,
the ``ocr`` extra: :func:`optional_direction_reader`); otherwise each result says the direction was *not
checked* (``direction_checked``), never that it passed. ``page_turns.py`` turns the pages found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.digitise.quality import Finding, Flaw, PageMeasure, judge
from estate_desk.domain.digitise.settings import ColourMode
from estate_desk.domain.errors import UserError
from estate_desk.services.archive.attachments import open_for_preview
from estate_desk.services.digitise.batches import batch_view, load, require_keeper
from estate_desk.services.digitise.ocr import OcrNotInstalled
from estate_desk.services.digitise.page_measures import measure_pdf
from estate_desk.services.digitise.text_direction import direction_reader
from estate_desk.store.digitise import DigitiseScan

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.text_direction import DirectionReader
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class RecordCheck:
    """One record's result: its findings (none: it passes)."""

    document_id: int
    archive_no: str
    title: str
    findings: tuple[Finding, ...]
    direction_checked: bool = False  # whether pages upside down were looked for (the ocr extra)

    @property
    def passed(self) -> bool:
        return not self.findings


def optional_direction_reader() -> DirectionReader | None:
    """The reader of the text's direction, or None when the ``ocr`` extra is not installed (not checked)."""
    try:
        return direction_reader()
    except OcrNotInstalled:
        return None


def check_batch(
    db: Database,
    actor: Actor,
    batch_id: int,
    progress: Callable[[int, int], bool] | None = None,
    direction: DirectionReader | None = None,
) -> list[RecordCheck]:
    """Measure and judge every record of the batch, in the batch's order. ``progress(done, total)`` is told
    after each record; returning False stops the check there (what was checked is returned). ``direction``:
    look for pages upside down as well (:func:`optional_direction_reader`)."""
    require_keeper(actor, "质检数字化批次", "check digitisation batches")
    with db.session() as s:
        batch = load(s, batch_id)
        min_dpi = batch.dpi
        latest = dict(
            s.execute(
                select(DigitiseScan.document_id, DigitiseScan.attachment_id).where(
                    DigitiseScan.batch_id == batch.id, DigitiseScan.current
                )
            ).all()
        )
    view = batch_view(db, actor, batch_id)
    results = []
    for done, record in enumerate(view.records, start=1):
        colour = record.colour == ColourMode.COLOUR.value
        attachment_id = latest.get(record.document_id)
        found: tuple[Finding, ...]
        if attachment_id is None:
            found = (Finding(Flaw.NOT_SCANNED, None, "尚无扫描件。", "No scan yet."),)
        else:
            try:
                measures = _measures(db, actor, attachment_id, direction)
            except UserError as exc:  # the file is missing, its seal broken, or above the clerk's clearance
                found = (Finding(Flaw.UNREADABLE, None, exc.message("zh"), exc.message("en")),)
            else:
                found = tuple(judge(record.pages, measures, min_dpi=min_dpi, colour_expected=colour))
        checked = direction is not None and attachment_id is not None
        results.append(RecordCheck(record.document_id, record.archive_no, record.title, found, checked))
        if progress is not None and not progress(done, len(view.records)):
            break
    return results


def _measures(db: Database, actor: Actor, attachment_id: int, direction: DirectionReader | None) -> list[PageMeasure]:
    preview = open_for_preview(db, actor, attachment_id)
    data = preview.read_bytes()
    return measure_pdf(data, direction)
