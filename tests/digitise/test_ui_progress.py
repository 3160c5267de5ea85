"""The workbench's progress tab (数字化进度): built when first opened, a bar per category, the figures beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from stack_support import Stack, page_image, register, sheet_images

from estate_desk.services.digitise import batches, inbox
from estate_desk.ui.app import make_application
from estate_desk.ui.digitise.progress_view import ProgressView
from estate_desk.ui.digitise.section import PROGRESS_TAB, DigitiseSection
from estate_desk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = [pytest.mark.ui, pytest.mark.db]


def test_the_progress_tab_is_built_when_opened_and_shows_the_archive_s_progress(
    qapp: object, qtbot: QtBot, ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    ids = register(ready_db, clock, ["甲", "乙"], pages=1)
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, _b, end = sheet_images(ready_db, clerk, batch, tmp_path)
    inbox.import_stack(ready_db, clerk, Stack([a, page_image("A1"), end]).as_pdf(tmp_path / "s.pdf"), batch)
    make_application()
    window = MainWindow(ready_db, clerk, clock, "测试物业服务中心")
    qtbot.addWidget(window)
    window.show()
    window.sections.show("digitise")
    section: DigitiseSection = window.sections.page("digitise")  # type: ignore[assignment]
    assert section.progress is None
    section.tabs.setCurrentIndex(PROGRESS_TAB)
    view = section.progress
    assert isinstance(view, ProgressView) and section.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: bool(view.summary.text()))
    yz = next(bar for bar in view.chart.bars if bar.text == "(1/2)")
    assert yz.percent == pytest.approx(50.0)  # one of two 1-page records scanned
    assert "1" in view.summary.text() and view.years.rowCount() >= 1 and view.rates.rowCount() == 1
    assert not view.chart.grab().isNull()
