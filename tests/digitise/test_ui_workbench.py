"""The digitisation workbench in the window (数字化工作台, issue 17), driven as the clerk drives it: make a batch
from a box scanned into the dialog → write and print its cover sheets → import a scanned stack → see the records
linked and the planted 待处理 item → run the quality check and see a finding → settle the item → move the batch
on → take the box back, a missing box named first. Work on the worker is waited for by its signal, never by time.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from stack_support import Stack, page_image, register, sheet_images

from estate_desk.domain.digitise.four_properties import Item
from estate_desk.domain.digitise.four_properties import Outcome as FourOutcome
from estate_desk.domain.digitise.quality import Flaw
from estate_desk.domain.digitise.splitting import Reason
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import boxes, scan_search
from estate_desk.services.digitise import batches, inbox, ocr, watch
from estate_desk.services.digitise.pending import Settlement
from estate_desk.store.archive import ArchiveBox
from estate_desk.ui import prefs
from estate_desk.ui.app import make_application
from estate_desk.ui.digitise.batch_page import ACCEPTANCE, CHECKS, FINDINGS
from estate_desk.ui.digitise.decide import AssignDialog, RescanRecordDialog
from estate_desk.ui.digitise.dialogs import NewBatchDialog, ReturnBoxesDialog, SettleDialog, StepDialog
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QAction, QDialogButtonBox, QPrinter, Qt

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.digitise.batch_page import BatchPage
    from estate_desk.ui.digitise.section import DigitiseSection
    from estate_desk.ui.qt import QDialog

pytestmark = [pytest.mark.ui, pytest.mark.db]
JOB_MS = 120_000  # a ceiling on a loaded machine, not a timing assertion


@pytest.fixture
def box_code(ready_db: Database, clock: FakeClock, clerk: Actor) -> str:
    """A box of three records (甲 乙 丙, two pages each as registered)."""
    ids = register(ready_db, clock, ["甲", "乙", "丙"])
    box_id = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2023)
    for doc in ids:
        boxes.put_in_box(ready_db, clock, clerk, box_id, document_id=doc)
    with ready_db.session() as s:
        box = s.get(ArchiveBox, box_id)
        assert box is not None
        return box.code


@pytest.fixture
def plain_box_code(ready_db: Database, clock: FakeClock, clerk: Actor) -> str:
    """The same box, its records at 内部 (业主 records are sealed by default, and sealed text is not indexed)."""
    ids = register(ready_db, clock, ["甲", "乙", "丙"], secrecy=Grade.INTERNAL)
    box_id = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2023)
    for doc in ids:
        boxes.put_in_box(ready_db, clock, clerk, box_id, document_id=doc)
    with ready_db.session() as s:
        box = s.get(ArchiveBox, box_id)
        assert box is not None
        return box.code


@pytest.fixture
def window(qapp, qtbot, ready_db: Database, clerk: Actor, clock: FakeClock):  # type: ignore[no-untyped-def]
    make_application()
    w = MainWindow(ready_db, clerk, clock, "测试物业服务中心")
    qtbot.addWidget(w)
    w.show()
    return w


def _ok(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _scan(qtbot, field, code: str) -> None:  # type: ignore[no-untyped-def]
    """A scanner types the code and Enter into the focused field."""
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _wait(qtbot, page: BatchPage, start) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        assert start() is not None
    assert ended.args == ["done"], page.jobs.message.text()


def _move_on(page: BatchPage, to: Step) -> None:
    dialog = page.ask_next()
    assert isinstance(dialog, StepDialog) and dialog.target is to
    _ok(dialog)
    assert page.view is not None and page.view.summary.step is to, page.jobs.message.text()


def _reader(image: object) -> list[ocr.Line]:
    """A fake OCR engine: every page "reads" as the same line, a name that no title holds."""
    return [ocr.Line(((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)), "业主 欧阳明辉 装修申请", 0.99)]


def _compare_the_sample(page: BatchPage) -> None:
    """验收: the sample drawn on its tab, each sampled record compared with its original and found matching."""
    if page.sample.sample is None:
        assert not page.sample.match_button.isEnabled() and page.sample.draw_button.isEnabled()
        page.sample.draw()
    assert page.sample.model.rowCount() >= 1 and not page.sample.draw_button.isEnabled()
    for row in range(page.sample.model.rowCount()):
        page.sample.table.setCurrentIndex(page.sample.model.index(row, 0))
        page.sample.mark(True)
    assert page.sample.sample is not None and page.sample.sample.passed, page.sample.summary.text()


def test_the_clerk_takes_a_box_through_the_workbench(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, ready_db: Database, clerk: Actor, box_code: str, tmp_path: Path
) -> None:
    assert "digitise" in window.sections
    window.sections.show("digitise")
    section: DigitiseSection = window.sections.page("digitise")  # type: ignore[assignment]
    assert section.isVisible() and section.batch_model.rowCount() == 0
    page = section.page

    # a new batch: the box scanned into the dialog, DA/T 31's settings
    dialog = section.ask_new()
    assert isinstance(dialog, NewBatchDialog) and dialog.dpi.minimum() == 200 and dialog.dpi.value() == 300
    _scan(qtbot, dialog.boxes.field, box_code)
    assert dialog.boxes.codes() == [box_code] and dialog.isVisible()  # Enter took the code, not the dialog's OK
    dialog.title_field.setText("一号盒数字化")
    _ok(dialog)
    assert section.batch_model.rowCount() == 1 and page.view is not None
    assert page.view.summary.records == 3 and page.view.summary.step is Step.PREPARE
    batch_id = page.view.summary.id

    # cover sheets: written as a PDF, then sent through the print path (a PDF printer here)
    sheets_pdf = tmp_path / "sheets.pdf"
    _wait(qtbot, page, lambda: page.write_sheets(sheets_pdf))
    assert sheets_pdf.read_bytes().startswith(b"%PDF") and page.actions_["print_sheets"].isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    _wait(qtbot, page, lambda: page.print_sheets(printer))
    assert (tmp_path / "printed.pdf").stat().st_size > 0

    _move_on(page, Step.SCAN)  # the paper goes to the scanner (出库)
    assert page.actions_["import"].isEnabled()

    # the stack: a stray page first (待处理), then 甲 with 2 pages, 乙 with 1 of its 2 (漏扫), 丙 with 2
    a, b, c, end = sheet_images(ready_db, clerk, batch_id, tmp_path)
    stack = [page_image("stray"), a, page_image("A1"), page_image("A2"), b, page_image("B1")]
    stack += [c, page_image("C1"), page_image("C2"), end]
    scanned = Stack(stack).as_pdf(tmp_path / "stack.pdf")
    _wait(qtbot, page, lambda: page.import_files([scanned]))
    linked = [r for r in page.imported_model.rows() if r.linked]
    assert [r.pages for r in linked] == ["3,4", "6", "8,9"]
    assert [r.status for r in page.records_model.rows()] == ["scanned"] * 3
    [waiting] = page.pending_model.rows()
    assert waiting.reason is Reason.BEFORE_FIRST_SHEET and waiting.pages == "1"

    # the quality check on the worker: 乙's missing page is named
    _move_on(page, Step.CHECK)
    _wait(qtbot, page, page.run_check)
    second = page.records_model.rows()[1]
    flaws = [(f.archive_no, f.finding.flaw) for f in page.findings_model.rows()]
    assert (second.archive_no, Flaw.MISSING_PAGES) in flaws
    assert page.flaws[second.document_id] >= 1
    assert page.tabs.currentIndex() == FINDINGS

    # the stray page is dropped; the queue empties
    page.pending.setCurrentIndex(page.pending_model.index(0, 0))
    settle = page.ask_settle(Settlement.DROPPED)
    assert isinstance(settle, SettleDialog)
    _ok(settle)
    assert page.pending_model.rowCount() == 0 and section.batch_model.rows()[0].pending == 0

    _move_on(page, Step.LINK)
    _move_on(page, Step.ACCEPT)
    _compare_the_sample(page)

    # 入库: the box scanned back; without it the box is named and the batch stays
    back = page.ask_next()
    assert isinstance(back, ReturnBoxesDialog)
    _ok(back)
    assert back.isVisible() and box_code in back.message.text()
    _scan(qtbot, back.boxes.field, box_code)
    _ok(back)
    assert page.view is not None and page.view.summary.step is Step.RETURNED
    assert section.batch_model.rows()[0].step is Step.RETURNED
    assert not page.actions_["next"].isEnabled() and not page.actions_["import"].isEnabled()


def test_the_check_can_be_cancelled_and_a_refusal_is_said_plainly(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, ready_db: Database, clock: FakeClock, clerk: Actor, box_code: str
) -> None:
    window.sections.show("digitise")
    section: DigitiseSection = window.sections.page("digitise")  # type: ignore[assignment]
    page = section.page

    # the workbench's keys are its own (the archive's Ctrl+N and F5 are window-wide, in its menu)
    ours = [section.new_action, page.jobs.cancel_action, *page.actions_.values()]
    window_keys = {
        a.shortcut().toString()
        for a in window.findChildren(QAction)
        if a not in ours and a.shortcutContext() == Qt.ShortcutContext.WindowShortcut and not a.shortcut().isEmpty()
    }
    assert not {a.shortcut().toString() for a in ours if not a.shortcut().isEmpty()} & window_keys

    # Ctrl+Shift+B in the section opens the new batch; the box typed and Enter, then OK
    section.batch_list.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(section.batch_list, Qt.Key.Key_B, modifiers)
    dialog = section.dialog
    assert isinstance(dialog, NewBatchDialog)
    _scan(qtbot, dialog.boxes.field, box_code)
    _ok(dialog)
    assert page.view is not None and page.view.summary.step is Step.PREPARE

    # importing at 准备 is refused by the service: said in Chinese on the page, no traceback
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        page.import_files([Path(__file__)])
    assert ended.args == ["failed"]
    said = page.jobs.message.text()
    assert said and "Traceback" not in said and any("\u4e00" <= ch <= "\u9fff" for ch in said)

    # the check waits behind another job on the one worker, is cancelled meanwhile, and keeps nothing
    release = threading.Event()
    window.runner.submit(lambda state: release.wait(JOB_MS / 1000))
    page.run_check()
    assert page.jobs.progress.isVisible() and not page.actions_["check"].isEnabled()
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        window.activateWindow()  # back from the dialogs
        page.records.setFocus()
        qtbot.waitUntil(page.records.hasFocus)
        qtbot.keyClick(page.records, Qt.Key.Key_Escape)  # Esc, wherever the focus is in the page
        assert page.jobs.task is not None and page.jobs.task.cancelled, "Esc"
        release.set()
    assert ended.args == ["cancelled"] and page.findings_model.rowCount() == 0
    assert not page.jobs.progress.isVisible() and page.actions_["sheets"].isEnabled()


def test_a_stack_dropped_in_the_watched_folder_is_linked_checked_and_decided(  # type: ignore[no-untyped-def]
    window: MainWindow,
    qtbot,
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    plain_box_code: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    box_code = plain_box_code
    window.sections.show("digitise")
    section: DigitiseSection = window.sections.page("digitise")  # type: ignore[assignment]
    page = section.page
    dialog = section.ask_new()
    _scan(qtbot, dialog.boxes.field, box_code)
    _ok(dialog)
    assert page.view is not None
    batch_id = page.view.summary.id
    _wait(qtbot, page, lambda: page.write_sheets(tmp_path / "sheets.pdf"))
    _move_on(page, Step.SCAN)

    # the folder is chosen once on this workstation, and watched
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    page.watcher.set_folder(inbox_dir)
    assert prefs.watch_folder() == str(inbox_dir)
    page.watcher.start()
    assert page.watcher.watching and page.watcher.timer.isActive()
    assert page.watcher.timer.interval() <= 1000
    page.watcher.timer.stop()  # from here the test ticks as the timer would, so no tick of its own races it

    # the scanner drops a stack: a stray page (待处理), 甲 2 pages, 乙 1 of its 2 (漏扫), 丙 2
    a, b, c, end = sheet_images(ready_db, clerk, batch_id, tmp_path)
    stack = [page_image("stray"), a, page_image("A1"), page_image("A2"), b, page_image("B1")]
    Stack([*stack, c, page_image("C1"), page_image("C2"), end]).as_pdf(inbox_dir / "stack.pdf")

    def look() -> list[object]:  # what the timer does each second: one poll on the worker
        with qtbot.waitSignal(page.watcher.polled, timeout=JOB_MS) as polled:
            page.watcher.timer.timeout.emit()  # the timer's tick
            asked = page.watcher.looking
            assert asked is not None
            page.watcher.timer.timeout.emit()  # the next tick while the look runs asks for no second one
            assert page.watcher.looking is asked
        return list(polled.args[0])

    assert look() == []  # first seen: not read until it has stopped growing
    clock.advance(timedelta(seconds=30))
    qtbot.waitUntil(lambda: page.watcher.looking is None)
    [event] = look()
    assert getattr(event, "outcome", None) is watch.Outcome.PROBLEM  # linked, and the stray page waits
    assert "stack.pdf" in page.watcher.event_line.text() and (inbox_dir / watch.PROBLEMS).is_dir()
    qtbot.waitUntil(lambda: [r.status for r in page.records_model.rows()] == ["scanned"] * 3)
    assert [r.pages for r in page.imported_model.rows() if r.linked] == ["3,4", "6", "8,9"]
    assert page.pending_model.rowCount() == 1
    page.watcher.stop()
    assert not page.watcher.timer.isActive()

    # the check names 乙's missing page
    _move_on(page, Step.CHECK)
    _wait(qtbot, page, page.run_check)
    first, second, third = page.records_model.rows()
    assert (second.archive_no, Flaw.MISSING_PAGES) in [
        (f.archive_no, f.finding.flaw) for f in page.findings_model.rows()
    ]

    # 甲 accepted by hand; 乙 sent to be rescanned with a reason; the stray page assigned to 乙
    page.records.setCurrentIndex(page.records_model.index(0, 0))
    page.deciding.accept_record()
    assert page.records_model.rows()[0].decision == "accepted", page.jobs.message.text()
    page.records.setCurrentIndex(page.records_model.index(1, 0))
    rescan = page.deciding.ask_rescan()
    assert isinstance(rescan, RescanRecordDialog)
    _ok(rescan)
    assert rescan.isVisible() and rescan.message.text()  # a reason is required
    rescan.reason.setText("漏扫第2页")
    _ok(rescan)
    assert page.records_model.rows()[1].decision == "rescan" and page.records_model.rows()[1].status == "waiting"
    page.pending.setCurrentIndex(page.pending_model.index(0, 0))
    assign = page.ask_assign()
    assert isinstance(assign, AssignDialog) and assign.record.currentData() == second.document_id
    _ok(assign)
    assert page.pending_model.rowCount() == 0 and page.records_model.rows()[1].status == "scanned"

    # accept all that passed: 丙 (乙's new scan still has one page of two, so it stays undecided)
    _wait(qtbot, page, page.deciding.run_accept_passed)
    decided = {r.archive_no: r.decision for r in page.records_model.rows()}
    assert decided[first.archive_no] == "accepted" and decided[second.archive_no] == ""
    assert third.archive_no in decided

    # the four-properties check of the hand-over, on the worker: 乙's scan holds 1 of its 2 pages
    page.tabs.setCurrentIndex(CHECKS)
    assert page.checks.check_button.isEnabled() and not page.checks.save_button.isEnabled()
    _wait(qtbot, page, page.checks.run_check)
    failed = [(r.item, r.where) for r in page.checks.model.rows() if r.outcome is FourOutcome.FAILED]
    assert (Item.PAGES, second.archive_no) in failed, failed
    _wait(qtbot, page, lambda: page.checks.save_report(tmp_path / "report.pdf"))
    _wait(qtbot, page, lambda: page.checks.save_report(tmp_path / "report.xlsx"))
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "report.xlsx").read_bytes().startswith(b"PK")
    _wait(qtbot, page, page.checks.file_report)
    assert page.jobs.message.text()

    # OCR with an injected reader: a word that is only in the scans' text is found by page
    def not_installed() -> ocr.PageReader:
        raise ocr.OcrNotInstalled()

    monkeypatch.setattr(ocr, "rapid_reader", not_installed)  # without the ocr extra: said plainly, nothing read
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        page.checks.run_ocr()
    assert ended.args == ["failed"] and "OCR" in page.jobs.message.text() and "ocr" in page.jobs.message.text()
    page.checks.reader = _reader
    assert scan_search.search_pages(ready_db, clerk, "欧阳明辉") == []
    _wait(qtbot, page, page.checks.run_ocr)
    hits = scan_search.search_pages(ready_db, clerk, "欧阳明辉")
    assert {h.archive_no for h in hits} == {first.archive_no, second.archive_no, third.archive_no}

    # 验收: going back before the sample is compared is refused, said on the step dialog
    _move_on(page, Step.LINK)
    _move_on(page, Step.ACCEPT)
    page.tabs.setCurrentIndex(ACCEPTANCE)
    early = page.ask_next()
    assert isinstance(early, ReturnBoxesDialog)
    _scan(qtbot, early.boxes.field, box_code)
    _ok(early)
    assert early.isVisible() and "抽检" in early.message.text()
    early.reject()
    page.sample.draw()
    page.sample.table.setCurrentIndex(page.sample.model.index(0, 0))
    page.sample.mark(False)  # an error needs a note saying what
    assert "差错" in page.sample.summary.text() and page.sample.sample is not None
    assert page.sample.sample.tally.compared == 0
    page.sample.note.setText("第1页缺角")
    page.sample.table.setCurrentIndex(page.sample.model.index(0, 0))
    page.sample.mark(False)
    assert page.sample.sample.tally.errors == 1 and not page.sample.sample.passed
    assert "%" in page.sample.summary.text()
    _compare_the_sample(page)  # compared again: it matches after all

    back = page.ask_next()
    assert isinstance(back, ReturnBoxesDialog)
    _scan(qtbot, back.boxes.field, box_code)
    _ok(back)
    assert page.view is not None and page.view.summary.step is Step.RETURNED, back.message.text()


def test_an_import_shows_its_progress_and_esc_stops_it_storing_nothing(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    ids = register(ready_db, clock, ["甲", "乙"])
    batch_id = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch_id)
    window.sections.show("digitise")
    section: DigitiseSection = window.sections.page("digitise")  # type: ignore[assignment]
    page = section.page
    section.reload()
    assert section.choose(batch_id) and page.actions_["import"].isEnabled()
    a, b, end = sheet_images(ready_db, clerk, batch_id, tmp_path)
    stack = Stack([a, page_image("A1"), page_image("A2"), b, page_image("B1"), page_image("B2"), end])
    pdf = stack.as_pdf(tmp_path / "stack.pdf")

    # the first page is read, then the worker waits until the clerk has pressed Esc
    release = threading.Event()
    real = inbox.read_page

    def held(n, image):  # type: ignore[no-untyped-def]
        found = real(n, image)
        if n == 1:
            release.wait(JOB_MS / 1000)
        return found

    monkeypatch.setattr(inbox, "read_page", held)
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        assert page.import_files([pdf]) is not None
        assert page.jobs.progress.isVisible() and page.jobs.progress.maximum() > 0  # a real bar, not "busy"
        page.records.setFocus()
        qtbot.keyClick(page.records, Qt.Key.Key_Escape)
        assert page.jobs.task is not None and page.jobs.task.cancelled
        release.set()
    assert ended.args == ["done"]
    assert "nothing was stored" in page.jobs.message.text() or "未保存" in page.jobs.message.text()
    assert [r.status for r in page.records_model.rows()] == ["waiting", "waiting"]

    # nothing was remembered of it: the same stack imports in full afterwards
    monkeypatch.setattr(inbox, "read_page", real)
    _wait(qtbot, page, lambda: page.import_files([pdf]))
    assert [r.status for r in page.records_model.rows()] == ["scanned", "scanned"]
