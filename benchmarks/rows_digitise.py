"""The scan inbox (issue 17): a stack of 100 records split, linked and recorded, then quality-checked, without OCR.

The stack is what a scanner's feeder delivers: per record its cover sheet (the real sheet PDF rendered
at 150 dpi in greyscale) and two pages drawn with Pillow, then the end-of-batch sheet — 301 pages as
one PDF of lossless page images. ``import_stack`` runs once on it (a second run would find the same
file imported); the row reports the wall time, the peak memory of the process (an upper bound: the
stack was built in the same process), and whether every record got exactly its pages (no missed sheet).
Then the batch's quality check (``quality_check.check_batch``: every page measured and judged) runs once;
the issue's target is split, link and check together.
"""

from __future__ import annotations

import io
import time
from typing import TYPE_CHECKING

import img2pdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from benchmarks.common import Context, Line, peak_rss_mb, row
from benchmarks.rows_search import admin
from estate_desk.domain.clock import SystemClock
from estate_desk.services.archive import numbering
from estate_desk.services.digitise import batches, inbox, quality_check, sheets
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from pathlib import Path

RECORDS = 100
PAGES_EACH = 2
DPI = 150
A4_PX = (int(8.27 * DPI), int(11.69 * DPI))


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _page(label: str) -> bytes:
    image = Image.new("L", A4_PX, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, A4_PX[0] - 60, A4_PX[1] - 60), outline="black", width=4)
    for line in range(30):
        draw.text((120, 200 + line * 45), f"{label} line {line} " + "lorem ipsum " * 6, fill="black", font_size=28)
    return _png(image)


def _stack(sheet_pdf: Path, out: Path, records: int) -> int:
    pdf = pdfium.PdfDocument(sheet_pdf)
    try:
        sheets_png = [_png(page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")) for page in pdf]
    finally:
        pdf.close()
    pages: list[bytes] = []
    for n in range(records):
        pages.append(sheets_png[n])
        pages += [_page(f"record {n} page {p}") for p in range(1, PAGES_EACH + 1)]
    pages.append(sheets_png[-1])
    out.write_bytes(img2pdf.convert(pages))
    return len(pages)


@row("digitise", "split and link a scanned stack of 100 records")
def digitise_row(context: Context) -> list[Line]:
    db = open_database(context.url)
    clock = SystemClock()
    actor = admin(db)
    records = 10 if context.tiny else RECORDS
    with db.session() as s:
        ids = [
            numbering.register_document(
                s, clock, numbering.DocumentDraft("YZ", f"数字化基准 {n}", 2025, pages=PAGES_EACH), created_by=None
            ).id
            for n in range(records)
        ]
    batch = batches.new_batch(db, clock, actor, document_ids=ids)
    batches.advance(db, clock, actor, batch)
    sheet_pdf = context.workdir / "digitise-sheets.pdf"
    sheets.print_cover_sheets(db, actor, batch, sheet_pdf)
    stack = context.workdir / "digitise-stack.pdf"
    pages = _stack(sheet_pdf, stack, records)
    started = time.perf_counter()
    result = inbox.import_stack(db, actor, stack, batch)
    seconds = time.perf_counter() - started
    exact = len(result.linked) == records and not result.pending
    exact = exact and all(len(x.pages) == PAGES_EACH for x in result.linked)
    batches.advance(db, clock, actor, batch)  # 质检
    started = time.perf_counter()
    checks = quality_check.check_batch(db, actor, batch)
    checking = time.perf_counter() - started
    checked_pages = sum(len(x.pages) for x in result.linked)
    peak = peak_rss_mb()
    size_mb = stack.stat().st_size / 1e6
    note = f"{pages} pages, {size_mb:.0f} MB PDF; every record exactly its pages: {'yes' if exact else 'NO'}"
    return [
        Line("split + link, wall time", "≤ 60 s", [seconds], unit="s", note=note, met=seconds <= 60 and exact),
        Line(
            "quality check, wall time",
            "—",
            [checking],
            unit="s",
            note=f"{len(checks)} records, {checked_pages} pages measured and judged",
        ),
        Line(
            "split + link + check, wall time",
            "≤ 60 s",
            [seconds + checking],
            unit="s",
            note="the issue's target: the three together",
            met=seconds + checking <= 60 and exact,
        ),
        Line(
            "peak memory of the process",
            "≤ 500 MB",
            [peak],
            unit="MB",
            note="stack built in-process too",
            met=peak <= 500,
        ),
    ]
