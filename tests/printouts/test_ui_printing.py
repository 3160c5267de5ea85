"""The Printing section on the demo estate: choose labels for a cabinet, preview, save, print, cancel.

Jobs run on a real worker (ui/worker.py Runner); the tests wait for ``job_ended``, never sleep.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from typing import TYPE_CHECKING

import pdfplumber
import pytest

from estate_desk.services.archive import browse, cabinets
from estate_desk.ui.app import make_application
from estate_desk.ui.printouts.section import PrintingSection
from estate_desk.ui.qt import QPdfDocument, QPrinter, Qt
from estate_desk.ui.worker import Runner

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui
JOB_MS = 60_000


@pytest.fixture
def section(qapp, qtbot, demo_db: Database, demo_clerk, clock: FakeClock) -> Iterator[PrintingSection]:  # type: ignore[no-untyped-def]
    make_application()
    runner = Runner()
    widget = PrintingSection(demo_db, demo_clerk, clock, runner)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.shutdown()


def labels_for_the_first_cabinet(section: PrintingSection, db: Database, actor) -> int:  # type: ignore[no-untyped-def]
    section.choose("labels")
    cabinet = next(c for c in cabinets.cabinets(db, actor) if c.boxes)
    section.cabinet.setCurrentIndex(section.cabinet.findData(cabinet.id))
    return cabinet.boxes


def finish(qtbot, section: PrintingSection, start) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(section.job_ended, timeout=JOB_MS) as ended:
        start()
    return str(ended.args[0])


def test_labels_for_a_cabinet_preview_inside_the_window(qtbot, section: PrintingSection, demo_db, demo_clerk) -> None:  # type: ignore[no-untyped-def]
    boxes = labels_for_the_first_cabinet(section, demo_db, demo_clerk)
    assert section.label_options.isVisible() and not section.volume.isEnabled() and not section.day.isEnabled()
    assert section.selection().cabinet_id is not None and section.selection().options["spine"] == "front"
    assert finish(qtbot, section, section.preview) == "done", section.message.text()
    assert section.pdf.status() == QPdfDocument.Status.Ready and section.pdf.pageCount() > 0
    assert section.last_result is not None and section.last_result.items == boxes
    assert not section.progress.isVisible() and section.preview_button.isEnabled()
    assert section.view.document() is section.pdf


def test_a_shown_preview_is_made_again_when_an_option_or_the_archive_changes(  # type: ignore[no-untyped-def]
    qtbot, section: PrintingSection, demo_db, demo_clerk
) -> None:
    """Issue 20: the preview follows its options and its data, once the clerk stops changing them."""
    labels_for_the_first_cabinet(section, demo_db, demo_clerk)
    section.label_options.start.setValue(2)  # no preview yet: nothing is made
    assert not section.redraw_timer.isActive()
    assert finish(qtbot, section, section.preview) == "done"
    one_start = section.last_result
    assert section.previewed and one_start is not None
    section.label_options.start.setValue(5)  # three more empty positions on the sheet
    section.label_options.outline.setChecked(False)
    assert section.redraw_timer.isActive()  # once, after the last change
    with qtbot.waitSignal(section.job_ended, timeout=JOB_MS) as ended:
        pass
    assert ended.args[0] == "done" and section.last_result is not one_start
    assert section.pdf.status() == QPdfDocument.Status.Ready

    section.hide()  # another workstation saves while the section is hidden: made again when shown
    section.data_changed()
    assert not section.redraw_timer.isActive()
    section.show()
    assert section.redraw_timer.isActive()
    with qtbot.waitSignal(section.job_ended, timeout=JOB_MS):
        pass


def test_save_as_pdf_writes_the_labels_and_remembers_the_sheet(  # type: ignore[no-untyped-def]
    qtbot, section: PrintingSection, demo_db, demo_clerk, tmp_path: Path
) -> None:
    labels_for_the_first_cabinet(section, demo_db, demo_clerk)
    section.label_options.start.setValue(7)
    section.label_options.gap.setValue(3)
    out = tmp_path / "labels.pdf"
    assert finish(qtbot, section, lambda: section.save_pdf(out)) == "done", section.message.text()
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 5 and "Z001-" in pdf.pages[0].extract_text()
    from estate_desk.services.printouts import labels as print_labels

    assert print_labels.sheet_defaults(demo_db)["gap_mm"] == "3"


def test_chosen_boxes_are_the_selection(qtbot, section: PrintingSection, demo_db, demo_clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    section.choose("labels")
    _select_row(section, 0)
    _select_row(section, 2)
    chosen = section.selection().box_ids
    codes = {b.id: b.code for b in browse.boxes(demo_db, demo_clerk)}
    assert len(chosen) == 2 and all(i in codes for i in chosen)
    out = tmp_path / "two.pdf"
    section.label_options.format.setCurrentIndex(section.label_options.format.findData("thermal"))
    assert finish(qtbot, section, lambda: section.save_pdf(out)) == "done"
    with pdfplumber.open(out) as pdf:
        assert [codes[i] in page.extract_text() for i, page in zip(chosen, pdf.pages, strict=True)] == [True, True]


def _select_row(section: PrintingSection, row: int) -> None:
    from estate_desk.ui.qt import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    section.boxes.selectionModel().select(section.box_model.index(row, 0), flags)


def test_a_selection_problem_is_shown_not_raised(qtbot, section: PrintingSection) -> None:  # type: ignore[no-untyped-def]
    section.choose("labels")
    assert finish(qtbot, section, section.preview) == "failed"
    assert "请选择档案盒" in section.message.text() or "Choose boxes" in section.message.text()


def test_print_through_a_pdf_printer_offscreen(  # type: ignore[no-untyped-def]
    qtbot, section: PrintingSection, demo_db, demo_clerk, tmp_path: Path
) -> None:
    labels_for_the_first_cabinet(section, demo_db, demo_clerk)
    section.label_options.format.setCurrentIndex(section.label_options.format.findData("thermal"))
    section.boxes.clearSelection()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert finish(qtbot, section, lambda: section.print_to(printer)) == "done", section.message.text()
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == section.last_result.items  # type: ignore[union-attr]
        first = pdf.pages[0]
        assert round(first.width / 72 * 25.4) == 74 and round(first.height / 72 * 25.4) == 52  # the label's size
    if shutil.which("zbarimg") and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "203", "-gray", "-png", "-l", "3", str(out), str(tmp_path / "p")], check=True)
        pages = sorted(tmp_path.glob("p-*.png"))
        read = [
            subprocess.run(["zbarimg", "-q", "--raw", str(p)], capture_output=True, text=True).stdout for p in pages
        ]
        assert all(code.strip().startswith("Z001-") for code in read), read


def test_cancel_keeps_nothing(qtbot, section: PrintingSection, demo_db, demo_clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    labels_for_the_first_cabinet(section, demo_db, demo_clerk)
    gate = threading.Event()
    section._runner.submit(lambda _state: gate.wait(JOB_MS / 1000))  # hold the worker
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "never.pdf"

    def start_and_cancel() -> None:
        section.save_pdf(out)
        assert section.cancel_button.isVisible() and not section.save_button.isEnabled()
        section.cancel_button.click()
        gate.set()

    assert finish(qtbot, section, start_and_cancel) == "cancelled"
    assert list(folder.iterdir()) == []
    assert section.message.text() == section.tr("Cancelled; no file was written.")


def test_the_box_list_is_a_model_not_table_items(  # type: ignore[no-untyped-def]
    qtmodeltester, section: PrintingSection, demo_db, demo_clerk
) -> None:
    """Issue 16: 33,000 boxes were 130,000 QTableWidgetItems; now one row object each, in a model."""
    section.choose("labels")
    section.show()
    boxes = browse.boxes(demo_db, demo_clerk)
    assert section.box_model.rowCount() == len(boxes) > 0
    assert section.box_model.data(section.box_model.index(0, 0)) == boxes[0].code
    qtmodeltester.check(section.box_model)


def test_the_box_list_sorts_by_a_header_and_the_choice_follows_its_box(section: PrintingSection) -> None:
    """The Printing section's box list sorts like every list (issue 20), and a box chosen before the sort is
    still the one chosen after it."""
    model = section.box_model
    codes = [model.row_of(n).code for n in range(model.rowCount())]
    chosen = codes[3]
    section.boxes.selectRow(3)
    section.boxes.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    shown = [model.row_of(n).code for n in range(model.rowCount())]
    assert shown == sorted(codes, reverse=True) != codes
    picked = [model.row_of(i.row()).code for i in section.boxes.selectionModel().selectedRows()]
    assert picked == [chosen]
