"""A record fed upside down or sideways is turned upright in its scan, and the turn is recorded (issue 17).

The feeder takes a record turned together with its cover sheet; the sheet's barcode says how far it is
turned, and the record's pages get that turn back as the PDF page's rotation — the pixels untouched.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat
from sqlalchemy import select
from stack_support import PAGE_PX, Stack, page_image, register, sheet_images

from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, inbox
from estate_desk.services.digitise.stack_files import turn_of
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@pytest.mark.parametrize(("orientation", "turn"), [(0, 0), (180, 180), (-90, 90), (90, 270), (-180, 180), (2, 0)])
def test_a_barcode_s_orientation_becomes_the_clockwise_turn_that_sets_it_upright(orientation: int, turn: int) -> None:
    assert turn_of(orientation) == turn


def _difference(a: Image.Image, b: Image.Image) -> float:
    small = (124, 175)
    return float(
        ImageStat.Stat(ImageChops.difference(a.convert("L").resize(small), b.convert("L").resize(small))).mean[0]
    )


def _first_page(db: Database, clerk: Actor, attachment_id: int) -> Image.Image:
    preview = attachments.open_for_preview(db, clerk, attachment_id)
    data = preview.data if preview.data is not None else preview.path.read_bytes()  # type: ignore[union-attr]
    pdf = pdfium.PdfDocument(data)
    try:
        image: Image.Image = pdf[0].render(scale=PAGE_PX[0] / pdf[0].get_width()).to_pil()
        return image
    finally:
        pdf.close()


@pytest.mark.db
@pytest.mark.parametrize("form", ["pdf", "images"])
def test_records_fed_upside_down_or_sideways_are_turned_upright_and_the_turn_recorded(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, form: str
) -> None:
    ids = register(ready_db, clock, ["正放", "倒放", "横放"], pages=1)
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    upright, upside_down, sideways, end = sheet_images(ready_db, clerk, batch, tmp_path / "sheets")
    pages = {name: page_image(name) for name in ("UP", "DOWN", "SIDE")}
    stack = Stack(
        [
            upright,
            pages["UP"],
            upside_down.rotate(180),
            pages["DOWN"].rotate(180),
            sideways.rotate(90, expand=True),  # fed sideways: turned a quarter counter-clockwise
            pages["SIDE"].rotate(90, expand=True),
            end,
        ]
    )
    files = [stack.as_pdf(tmp_path / "stack.pdf")] if form == "pdf" else stack.as_images(tmp_path / "pages")
    result = inbox.import_stack(ready_db, clerk, files, batch)
    assert not result.pending
    assert [x.turned for x in result.linked] == [0, 180, 90]
    for linked, name in zip(result.linked, ("UP", "DOWN", "SIDE"), strict=True):
        shown = _first_page(ready_db, clerk, linked.attachment_id)
        assert shown.size[0] < shown.size[1], name  # portrait again
        assert _difference(shown, pages[name]) < _difference(shown, pages[name].rotate(180)), name
    with ready_db.session() as s:
        details = [
            json.loads(d) for d in s.scalars(select(AuditEvent.detail).where(AuditEvent.target_kind == "digitise"))
        ]
    assert [d["turned"] for d in details if "turned" in d] == [
        {result.linked[1].archive_no: 180, result.linked[2].archive_no: 90}
    ]
