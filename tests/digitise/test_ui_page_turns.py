"""Pages upside down on the workbench (issue 17): the quality check names the record and the page, "Turn pages
upright" turns them as a new version of the scan; without OCR the check says "not checked". Work on the worker
is waited for by its signal, never by time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from stack_support import Stack, register, sheet_images, text_page

from estate_desk.domain.digitise.quality import Flaw
from estate_desk.domain.digitise.steps import Step
from estate_desk.services.digitise import batches, inbox, quality_check
from estate_desk.store.digitise import DigitiseScan
from estate_desk.ui.app import make_application
from estate_desk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.digitise.batch_page import BatchPage
    from estate_desk.ui.digitise.section import DigitiseSection

pytestmark = [pytest.mark.ui, pytest.mark.db]
JOB_MS = 180_000  # a ceiling on a loaded machine, not a timing assertion


@pytest.fixture
def page(qapp, qtbot, ready_db: Database, clerk: Actor, clock: FakeClock, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The workbench showing a batch at 质检 of two records: 甲 upright, 乙 with its second page upside down."""
    ids = register(ready_db, clock, ["甲", "乙"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    first, second, end = sheet_images(ready_db, clerk, batch, tmp_path)
    stack = [first, text_page(1), text_page(2), second, text_page(1), text_page(2).rotate(180), end]
    assert len(inbox.import_stack(ready_db, clerk, Stack(stack).as_pdf(tmp_path / "s.pdf"), batch).linked) == 2
    batches.advance(ready_db, clock, clerk, batch)
    make_application()
    window = MainWindow(ready_db, clerk, clock, "测试物业服务中心")
    qtbot.addWidget(window)
    window.show()
    window.sections.show("digitise")
    section: DigitiseSection = window.sections.page("digitise")  # type: ignore[assignment]
    section.page.show_batch(batch)
    assert section.page.view is not None and section.page.view.summary.step is Step.CHECK
    return section.page


def _wait(qtbot, page: BatchPage, start) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        assert start() is not None
    assert ended.args == ["done"], page.jobs.message.text()


def test_the_check_names_the_page_upside_down_and_the_clerk_turns_it(  # type: ignore[no-untyped-def]
    page: BatchPage, qtbot, ready_db: Database
) -> None:
    pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
    assert not page.turning.turn_button.isEnabled()
    _wait(qtbot, page, page.run_check)
    upside_down = [
        (f.archive_no, f.finding.page) for f in page.findings_model.rows() if f.finding.flaw is Flaw.UPSIDE_DOWN
    ]
    second = page.records_model.rows()[1]
    assert upside_down == [(second.archive_no, 2)]
    assert "1 page(s) upside down in 1 record(s)" in page.turning.note.text() or "1 页" in page.turning.note.text()
    assert page.turning.turn_button.isEnabled()
    _wait(qtbot, page, page.turning.run_turn)
    with ready_db.session() as s:
        versions = s.scalars(select(DigitiseScan.current).where(DigitiseScan.document_id == second.document_id)).all()
    assert sorted(versions) == [False, True]  # the earlier kept, the turned one current
    assert not page.turning.turn_button.isEnabled()
    assert page.jobs.task is not None  # the check runs again at once, over the new version
    with qtbot.waitSignal(page.jobs.job_ended, timeout=JOB_MS) as ended:
        pass
    assert ended.args == ["done"], page.jobs.message.text()
    assert not [f for f in page.findings_model.rows() if f.finding.flaw is Flaw.UPSIDE_DOWN]
    assert page.findings_model.rowCount() > 0  # the other findings are still named


def test_without_ocr_the_check_says_pages_upside_down_were_not_checked(  # type: ignore[no-untyped-def]
    page: BatchPage, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quality_check, "optional_direction_reader", lambda: None)
    _wait(qtbot, page, page.run_check)
    note = page.turning.note.text()
    assert "not checked" in note or "未检查" in note
    assert not page.turning.turn_button.isEnabled()
