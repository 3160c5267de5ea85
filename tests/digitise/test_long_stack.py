"""A 5,000-page TIFF — a cabinet through the feeder in one file — is read page by page, once.

Reading frame k of a TIFF from a freshly opened file walks every frame before it; opened once per page,
5,000 pages took some 450 s on this machine before a page was split. The stack keeps the file open while
it is read, so each frame is found from the last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from PIL import Image
from stack_support import long_tiff, register, sheet_images

from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, inbox, stack_files

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

EACH = 2499  # pages of each of the two records: 2 sheets + 4,998 pages + the end sheet = 5,001 frames


def test_a_5000_page_tiff_is_split_into_its_records_with_every_page_opening_the_file_a_few_times(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = register(ready_db, clock, ["一号柜甲", "一号柜乙"], pages=EACH)
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, b, end = (sheet.convert("L") for sheet in sheet_images(ready_db, clerk, batch, tmp_path / "sheets"))
    small = Image.new("L", (60, 84), 255)  # a page kept small so the test stays quick; the walk is the same
    path = long_tiff(tmp_path / "cabinet.tif", [a, *[small] * EACH, b, *[small] * EACH, end])
    opened: list[object] = []
    real_open = stack_files.Image.open
    monkeypatch.setattr(stack_files.Image, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    told: list[int] = []
    result = inbox.import_stack(ready_db, clerk, path, batch, progress=lambda done, total: told.append(total) or True)
    assert result.pages == 2 * EACH + 3 and told[-1] == 5001 and len(told) == 5001
    assert not result.pending
    assert opened.count(path) <= 3  # counted, read, its records copied: not once per page (5,001 × 2)
    assert [len(x.pages) for x in result.linked] == [EACH, EACH]
    for linked in result.linked:
        preview = attachments.open_for_preview(ready_db, clerk, linked.attachment_id)
        data = preview.data if preview.data is not None else preview.path.read_bytes()  # type: ignore[union-attr]
        assert len(pdfium.PdfDocument(data)) == EACH
