"""The archive clerk's window on the demo estate, driven through the real widgets.

The first test is the issue's "done when": register a document with a scan, file it into a
volume and a box, stand the box in a cabinet, then find it again by a two-character owner
name, by pinyin initials and by scanning its barcode text while typing in a line edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from estate_desk.domain.archive.dual_track import Track
from estate_desk.services.archive import attachments, boxes, listings, worklists
from estate_desk.services.estate.buildings import name_pinyin
from estate_desk.ui.app import make_application
from estate_desk.ui.archive import document_dialog
from estate_desk.ui.archive.document_dialog import DocumentDialog
from estate_desk.ui.archive.filing_dialogs import BoxDialog, PlaceBoxDialog, VolumeDialog
from estate_desk.ui.archive.section import CABINETS_TAB, OWNERS_TAB
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QApplication, Qt
from scanner_support import FakeMs

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.archive.listings import Household
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui
SCREENSHOT = Path("/tmp/estate-archive.png")


def make_pdf(path: Path, pages: int = 2) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        pdf.setFont("Helvetica", 24)
        pdf.drawString(72, 760, f"Owner covenant - page {n + 1}")
        pdf.rect(72, 400, 300, 200)
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def window(qapp, qtbot, demo_db: Database, demo_clerk, clock: FakeClock):  # type: ignore[no-untyped-def]
    make_application()  # fonts and the Chinese translation, as at start-up
    w = MainWindow(demo_db, demo_clerk, clock, "翠湖苑物业服务中心", now_ms=FakeMs())
    w.ms = w.scanner._now  # the fake millisecond clock the scanner reads
    qtbot.addWidget(w)
    w.show()
    return w


def a_household_with_a_two_character_owner(db: Database, actor) -> Household:  # type: ignore[no-untyped-def]
    homes = listings.households(db, actor)
    names = [h.owner_name for h in homes]
    return next(
        h for h in homes if h.unit and h.owner_name and len(h.owner_name) == 2 and names.count(h.owner_name) == 1
    )


def double_click(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    """A real double-click: QTest's mouseDClick alone does not press first, so item views ignore it."""
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def click_ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.ok.isEnabled(), dialog.message.text()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_done_when_register_file_box_shelve_and_find_again(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, demo_db, demo_clerk, tmp_path, monkeypatch
) -> None:
    archive = window.archive
    home = a_household_with_a_two_character_owner(demo_db, demo_clerk)
    scan = make_pdf(tmp_path / "covenant-scan.pdf")
    monkeypatch.setattr(document_dialog, "choose_files", lambda parent: [str(scan)])

    # -- register (Ctrl+N) with the category's suggestion as title, the room typed the short way, and a scan
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = archive.dialog
    assert isinstance(dialog, DocumentDialog) and dialog.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findData("YZ"))
    assert "业主公约" in dialog.suggestions.stringList()  # typical document types of 业主及各办公部门档案
    dialog.title.insert("业主公约")
    qtbot.keyClicks(dialog.room_code, f"{home.building}-{home.unit}-")
    assert not dialog.ok.isEnabled() and dialog.room is None  # validated as you type
    qtbot.keyClicks(dialog.room_code, str(home.number))
    assert dialog.room is not None and dialog.room.room_id == home.room_id
    assert home.owner_name in dialog.room_hint.text()
    dialog.pages.setValue(2)
    qtbot.mouseClick(dialog.findChild(type(dialog.ok), "attachScan"), Qt.MouseButton.LeftButton)
    assert dialog.pending_files == [scan]
    with qtbot.waitSignal(archive.attached, timeout=20000):
        click_ok(qtbot, dialog)  # registers, then copies the scan on the worker with a progress dialog
    detail = archive.browser.detail
    document = detail.document
    assert document is not None and document.title == "业主公约" and document.owner_id == home.owner_id
    document_id = document.id
    assert [a.original_name for a in detail.attachments] == ["covenant-scan.pdf"]
    assert detail.attachments[0].sha256 == attachments.attachments_of(demo_db, demo_clerk, document_id)[0].sha256
    assert detail.preview.showing == "pdf" and detail.preview.document.pageCount() == 2
    assert detail.badge.track is Track.BOTH and detail.badge.text() == "纸质+电子"
    assert "纸质+电子" in archive.browser.model.data(
        archive.browser.table.currentIndex().siblingAtColumn(10), Qt.ItemDataRole.DisplayRole
    )
    assert archive.progress is None and not window.runner.busy
    assert document_id in worklists.paper_missing(demo_db, demo_clerk)  # paper, but in no box yet

    # -- file it into a new volume
    qtbot.mouseClick(detail.buttons["file"], Qt.MouseButton.LeftButton)
    volume_dialog = archive.dialog
    assert isinstance(volume_dialog, VolumeDialog)
    volume_dialog.use_new.setChecked(True)
    volume_dialog.title.insert(f"{home.room_code} 业主档案")
    click_ok(qtbot, volume_dialog)
    volume_code = detail.document.volume_code
    assert volume_code is not None and volume_code.startswith("Z001-YZ-2026-J")

    # -- open the volume from the paper side, and put the whole volume into a new box
    detail._follow(f"volume:{detail.document.volume_id}")
    assert detail.volume is not None and detail.volume.code == volume_code
    assert detail.volume_model.ids() == [document_id]
    qtbot.mouseClick(detail.box_volume_button, Qt.MouseButton.LeftButton)
    box_dialog = archive.dialog
    assert isinstance(box_dialog, BoxDialog)
    box_dialog.use_new.setChecked(True)
    box_dialog.year.setValue(2026)
    click_ok(qtbot, box_dialog)
    box_id = box_dialog.box_id
    box = boxes.box_contents(demo_db, demo_clerk, box_id)
    assert box.document_ids == [document_id] and box.place is None

    # -- the cabinet view: double-click an empty position, scan the box label into the dialog
    archive.tabs.setCurrentIndex(CABINETS_TAB)
    grid, model = archive.cabinets.grid, archive.cabinets.model
    empty = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.slot(model.index(r, c)) is None
    )
    double_click(qtbot, grid, empty)
    place = archive.dialog
    assert isinstance(place, PlaceBoxDialog)
    assert (place.shelf.value(), place.position.value()) == (empty.row() + 1, empty.column() + 1)
    place.box.setEditText("")
    qtbot.keyClicks(place.box.lineEdit(), box.code)  # a scanner in a dialog types into the field
    assert place.chosen_box() == box_id
    click_ok(qtbot, place)
    assert model.slot(grid.currentIndex()).box_id == box_id
    assert archive.cabinets.box_panel.box.document_ids == [document_id]
    shelved = boxes.box_contents(demo_db, demo_clerk, box_id)
    assert shelved.place is not None and f"第{empty.row() + 1}层第{empty.column() + 1}格" in shelved.place
    assert document_id not in worklists.paper_missing(demo_db, demo_clerk)

    # -- find it again by the owner's two-character name: the owner's file lists it; open it from there
    window.nav.setCurrentRow(1)
    window.search_field.insert(home.owner_name)
    owner_hit = next(
        window.results.item(n)
        for n in range(window.results.count())
        if window.results.item(n).data(Qt.ItemDataRole.UserRole) == ("owner", home.owner_id)
    )
    window.results.setCurrentItem(owner_hit)
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is archive and archive.tabs.currentIndex() == OWNERS_TAB
    owners = archive.owners
    assert owners.file is not None and owners.file.id == home.owner_id
    assert document_id in owners.documents.ids()
    row = owners.documents.row_for_id(document_id)
    owners.tabs.setCurrentIndex(1)
    double_click(qtbot, owners.document_table, owners.documents.index(row, 0))
    assert detail.document is not None and detail.document.id == document_id

    # -- by pinyin initials
    window.search_field.clear()
    initials = name_pinyin(home.owner_name)[1]
    qtbot.keyClicks(window.search_field, initials)
    hits = [window.results.item(n).data(Qt.ItemDataRole.UserRole) for n in range(window.results.count())]
    assert ("owner", home.owner_id) in hits

    # -- by scanning the box label, the volume label and the document while typing in the search field
    window.search_field.setText("查找中")
    window.ms.now += 2000  # the clerk picks up the scanner
    for code in (box.code, volume_code):
        qtbot.keyClicks(window.search_field, code)
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
        assert window.search_field.text() == "查找中"
    assert archive.tabs.currentIndex() == 0 and detail.volume is not None and detail.volume.code == volume_code
    window.scanner.scanned.emit(document.archive_no)  # archive numbers carry a ·; see test_ui_scanner for typing it
    assert detail.document is not None and detail.document.id == document_id
    archive.tabs.setCurrentIndex(CABINETS_TAB)
    qtbot.keyClicks(window.search_field, box.code)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert archive.cabinets.box_panel.box.id == box_id

    # -- a screenshot of the document with its scan, to look at
    window.search_field.clear()
    archive.open_record("document", document_id)
    QApplication.processEvents()
    assert window.grab().save(str(SCREENSHOT))
