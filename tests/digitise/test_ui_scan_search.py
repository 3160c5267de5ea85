"""A word only inside a scan is found by the window's search and opens the page with its line marked (issue 17)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from stack_support import Stack, register, sheet_images

from estate_desk.domain.digitise.settings import make_settings
from estate_desk.domain.errors import NotFound
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import scan_search
from estate_desk.services.digitise import batches, inbox, ocr
from estate_desk.ui.archive.scan_page import ScanPageDialog
from estate_desk.ui.search_results import HIT, SearchResults

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db

DPI = 200
BOX = ((40.0, 60.0), (400.0, 60.0), (400.0, 100.0), (40.0, 100.0))


def read_as_contract(image: Image.Image) -> list[ocr.Line]:
    """An injected reader: every page holds one line, at BOX in the pixels of the batch's dpi."""
    return [ocr.Line(BOX, "业主欧阳明辉 装修合同", 0.98)]


def _scanned_and_read(db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> int:
    [record] = register(db, clock, ["物业服务合同"], pages=1, secrecy=Grade.INTERNAL)
    batch = batches.new_batch(db, clock, clerk, document_ids=[record], settings=make_settings(dpi=DPI))
    batches.advance(db, clock, clerk, batch)
    cover, end = sheet_images(db, clerk, batch, tmp_path)
    page = Image.new("L", (1160, 1660), 255)
    inbox.import_stack(db, clerk, Stack([cover, page, end]).as_pdf(tmp_path / "s.pdf"), batch)
    ocr.read_scans(db, clock, clerk, ocr.scans_of_batch(db, clerk, batch), reader=read_as_contract)
    return record


def test_the_search_lists_the_page_and_opening_it_marks_the_line(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, qtbot: QtBot
) -> None:
    record = _scanned_and_read(ready_db, clock, clerk, tmp_path)
    results = SearchResults()
    qtbot.addWidget(results)
    results.run(ready_db, clerk, "欧阳")
    found = [results.item(n).data(HIT) for n in range(results.count()) if results.item(n).data(HIT)]
    pages = [hit for hit in found if hit[0] == "page"]
    assert len(pages) == 1 and pages[0][2] == "欧阳"
    view = scan_search.page_view(ready_db, clerk, pages[0][1], "欧阳", dpi=100)
    assert view.document_id == record and view.page == 1 and view.png.startswith(b"\x89PNG")
    (mark,) = view.marks
    assert mark[0] == pytest.approx((20.0, 30.0)) and mark[2] == pytest.approx((200.0, 50.0))  # 200 → 100 dpi
    assert scan_search.page_view(ready_db, clerk, pages[0][1], "不在这页").marks == ()
    dialog = ScanPageDialog(view, "欧阳")
    qtbot.addWidget(dialog)
    assert "1" in dialog.found.text() and not dialog.page.pixmap().isNull()
    low = replace(clerk, clearance=Grade.PUBLIC)  # a reader below the record's 内部
    assert scan_search.search_pages(ready_db, low, "欧阳") == []
    with pytest.raises(NotFound):  # asked for by its id, the page is refused too
        scan_search.page_view(ready_db, low, pages[0][1], "欧阳")
