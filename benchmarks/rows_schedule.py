"""The scheduled archive check with the four-properties check (issue 17): the big estate with a few hundred scans.

The big estate's records are paper: none has a scan (the demo's builder attaches none). The row gives
:data:`SCANS` of them a scan each, as the scanner delivers them (three A4 pages at 150 dpi, greyscale JPEG in
a PDF, attached through the clerk's own door), then runs the window's check
(``services/maintenance/archive_check.run_check``: the five integrity checks, then the four-properties
check over the whole archive): the first run (the memo of renderings emptied, so every scan is rendered),
then again with nothing changed (no scan rendered: ``services/digitise/render_memo.py``), and the
four-properties part alone without the memo. It reports wall and CPU times (the machine is shared: the CPU
time says more) and the process's peak memory. The scans stay in the
estate (a second run of the row finds them and adds none).
"""

from __future__ import annotations

import io
import time
from typing import TYPE_CHECKING, cast

import img2pdf
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from benchmarks.common import Context, Line, peak_rss_mb, row
from benchmarks.rows_search import admin
from estate_desk.domain.clock import SystemClock
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import four_properties, render_memo
from estate_desk.services.digitise.virus_scan import unavailable
from estate_desk.services.maintenance import archive_check
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from collections.abc import Callable

SCANS = 300
PAGES = 3
DPI = 150
A4_PX = (int(8.27 * DPI), int(11.69 * DPI))


def _scan(label: str) -> bytes:
    pages = []
    for n in range(1, PAGES + 1):
        image = Image.new("L", A4_PX, 245)
        draw = ImageDraw.Draw(image)
        for line in range(40):
            draw.text((100, 150 + line * 40), f"{label} p{n} line {line} " + "维修记录 " * 8, fill=20, font_size=24)
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=75)
        pages.append(out.getvalue())
    return img2pdf.convert(pages)


@row("schedule", "the scheduled archive check with the four-properties check, big estate, a few hundred scans")
def schedule_row(context: Context) -> list[Line]:
    db = open_database(context.url)
    clock = SystemClock()
    actor = admin(db)
    scans = 10 if context.tiny else SCANS
    with db.session() as s:
        documents = s.scalar(select(func.count()).select_from(Document)) or 0
        have = s.scalar(select(func.count(func.distinct(Attachment.document_id)))) or 0
        bare = list(
            s.scalars(
                select(Document.id)
                .where(Document.destroyed_in.is_(None), ~Document.id.in_(select(Attachment.document_id)))
                .order_by(Document.id)
                .limit(max(0, scans - have))
            )
        )
    started = time.perf_counter()
    for n, document_id in enumerate(bare):
        path = context.workdir / f"schedule-scan-{document_id}.pdf"
        path.write_bytes(_scan(f"record {document_id} #{n}"))
        attachments.attach_file(db, clock, actor, document_id, path)
        path.unlink()
    attaching = time.perf_counter() - started
    with db.session() as s:
        files = s.scalar(select(func.count()).select_from(Attachment)) or 0
    runs = 1 if context.tiny else 2
    render_memo.save(db, {})  # the first run renders every scan, as the first weekly run after an upgrade would

    def timed(action: Callable[[], object]) -> tuple[float, float, object]:
        wall, cpu = time.perf_counter(), time.process_time()
        value = action()
        return time.perf_counter() - wall, time.process_time() - cpu, value

    first_wall, first_cpu, done = timed(lambda: archive_check.run_check(db, clock, actor, scanner=unavailable))
    again: list[tuple[float, float]] = []
    alone: list[tuple[float, float]] = []
    for _ in range(runs):
        wall, cpu, _value = timed(lambda: archive_check.run_check(db, clock, actor, scanner=unavailable))
        again.append((wall, cpu))
        wall, cpu, _value = timed(lambda: four_properties.inspect_archive(db, actor, scanner=unavailable))
        alone.append((wall, cpu))
    inspection = cast("archive_check.ArchiveCheck", done).four_properties
    failed = len(inspection.failures()) if inspection is not None else -1
    records = inspection.records if inspection is not None else 0
    size = f"{documents:,} documents, {files} attached files ({PAGES} pages each for the {len(bare)} added now)"
    return [
        Line(
            "the archive check (five checks + four-properties over the whole archive), first run, wall",
            "—",
            [first_wall],
            unit="s",
            note=f"{size}; {failed} failed items; CPU {first_cpu:.1f} s; attaching took {attaching:.0f} s (not counted)",
        ),
        Line(
            "the same again, nothing changed (no scan rendered), wall",
            "—",
            [w for w, _ in again],
            unit="s",
            note="CPU " + ", ".join(f"{c:.1f} s" for _, c in again),
        ),
        Line(
            "the four-properties part alone, every scan rendered (no memo), wall",
            "—",
            [w for w, _ in alone],
            unit="s",
            note=f"{records:,} records; CPU " + ", ".join(f"{c:.1f} s" for _, c in alone),
        ),
        Line("peak memory of the process", "—", [peak_rss_mb()], unit="MB"),
    ]
