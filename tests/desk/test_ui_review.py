"""The daily review screen (日清日审, F6) and the figures screen on the demo estate: closing is blocked
until every open ticket has today's note, the report appears when the day is closed, yesterday's
unclosed day is flagged and closed late with its omissions; the figures as table, chart and .xlsx."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import openpyxl
import pytest
from desk_window_support import click_ok, desk_section, sign_in

from estate_desk.domain.desk.review import BlockReason
from estate_desk.domain.desk.terms import NotifyMethod
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import review as desk_review
from estate_desk.ui.desk.figures import FiguresPage
from estate_desk.ui.desk.handling import NoteDialog
from estate_desk.ui.qt import Qt

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui
TODAY, YESTERDAY = date(2026, 11, 23), date(2026, 11, 22)


def test_f6_closing_the_day_waits_until_every_open_ticket_has_todays_note(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    section = desk_section(qtbot, demo_db, clock, "super")
    qtbot.keyClick(section.board.view, Qt.Key.Key_F6)
    page = section.review
    assert section.tabs.currentWidget() is page and page.chosen_day == TODAY
    assert page.current_list() == "blockers" and page.model.rowCount() == 8
    assert not page.close_button.isEnabled() and "8" in page.close_state.text()

    noted = next(n for n, line in enumerate(page.model.rows()) if BlockReason.NO_PROGRESS_NOTE in line.reasons)
    page.table.setCurrentIndex(page.model.index(noted, 0))
    qtbot.mouseClick(page.findChild(type(page.close_button), "reviewNote"), Qt.MouseButton.LeftButton)
    note = section.ticket_actions.dialog
    assert isinstance(note, NoteDialog)
    note.text.insertPlainText("配件已到，明天上午上门更换")
    click_ok(qtbot, note)
    assert page.model.rowCount() == 7 and not page.close_button.isEnabled()  # the list follows at once

    repair = sign_in(demo_db, clock, "repair")
    for line in page.model.rows():
        if BlockReason.ARRIVAL_NOT_RECORDED in line.reasons:
            desk_actions.mark_arrived(demo_db, clock, repair, line.ticket_id)
        if BlockReason.NO_PROGRESS_NOTE in line.reasons:
            desk_actions.add_progress_note(
                demo_db, clock, repair, line.ticket_id, "已电话联系业主", owner_told_how=NotifyMethod.PHONE
            )
    page.refresh()
    assert page.model.rowCount() == 0 and page.close_button.isEnabled()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.review is not None and page.review.closure is not None
    assert page.preview.showing == "pdf" and page.preview.document.pageCount() >= 1
    assert not page.close_button.isEnabled() and page.report_button.isEnabled()
    assert "陈主管" in page.close_state.text()
    assert desk_review.review(demo_db, clock, TODAY).is_closed


def test_f6_yesterday_is_flagged_and_closed_late_with_its_omissions(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    section = desk_section(qtbot, demo_db, clock, "super")
    page = section.open_review(YESTERDAY)
    assert "2026-11-22" in page.flag.text()
    assert page.model.rowCount() == 2 and not page.close_button.isEnabled()
    assert not page.record_omissions.isHidden()
    page.record_omissions.setChecked(True)
    assert page.close_button.isEnabled()
    assert page.close_day()
    assert page.review is not None and page.review.closure is not None and page.review.closure.omissions == 2
    assert "2026-11-22" not in page.flag.text()
    assert section.board.banner.unclosed == [YESTERDAY]  # the board re-reads its flag the next office day


def test_f6_only_a_supervisor_may_close_the_day(app, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    section = desk_section(qtbot, demo_db, clock, "desk")
    page = section.open_review(YESTERDAY)
    page.record_omissions.setChecked(True)
    assert not page.close_button.isEnabled() and page.close_button.toolTip()
    assert not page.close_day()  # asked anyway: the service says who may
    assert "只有主管可以日清" in page.message.text() and "F6" not in page.message.text()


def test_the_figures_screen_shows_the_table_the_chart_and_exports_xlsx(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock, tmp_path: Path, qtmodeltester
) -> None:
    page = FiguresPage(demo_db, clock)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtmodeltester.check(page.model)
    page.set_period(date(2026, 11, 1), TODAY)
    assert page.model.rowCount() == 15
    cells = [page.model.data(page.model.index(0, c)) for c in range(4)]
    assert cells == ["受理工单", "10", "", ""]
    arrival = next(n for n, line in enumerate(page.model.rows()) if line.key == "arrival")
    assert page.model.data(page.model.index(arrival, 3)) == "75.0%"
    assert "报修 4" in page.by_kind.text()
    assert len(page.chart.lines) == 11  # the rates; plain counts have no bar and not page.chart.grab().isNull()
    out = tmp_path / "figures.xlsx"
    assert page.export_to(out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet.cell(1, 1).value == "指标" and sheet.cell(2, 1).value == "受理工单"
    page.period.setCurrentIndex(page.period.findData("today"))
    assert page.start.date() == page.end.date() and page.model.rowCount() == 15
    page.set_period(TODAY, YESTERDAY)
    assert page.message.text() and not page.export_button.isEnabled()


def test_the_figures_redraw_when_tickets_change_here_or_at_another_workstation(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    """Issue 20: the figures follow the change feed — redrawn at once when shown, else when next shown."""
    from estate_desk.domain.desk.terms import Channel, TicketKind
    from estate_desk.services.desk import intake
    from estate_desk.store.change_feed import ARCHIVE, DESK

    section = desk_section(qtbot, demo_db, clock, "desk")
    section.tabs.setCurrentWidget(section.figures)
    section.figures.period.setCurrentIndex(section.figures.period.findData("today"))

    def received() -> str:
        return str(section.figures.model.data(section.figures.model.index(0, 1)))

    before = int(received())
    repair = sign_in(demo_db, clock, "repair")
    intake.open_ticket(demo_db, clock, repair, intake.TicketDraft(TicketKind.HELP, Channel.PATROL, "路灯不亮"))
    section.changes_arrived(frozenset({ARCHIVE}))  # another topic: nothing to redraw
    assert int(received()) == before
    section.changes_arrived(frozenset({DESK}))  # what the change listener says after another PC's save
    assert int(received()) == before + 1

    section.tabs.setCurrentWidget(section.board)  # hidden: read again only when shown
    intake.open_ticket(demo_db, clock, repair, intake.TicketDraft(TicketKind.HELP, Channel.PATROL, "井盖松动"))
    section.changes_arrived(frozenset({DESK}))
    assert int(received()) == before + 1
    section.tabs.setCurrentWidget(section.figures)
    assert int(received()) == before + 2
    section.shutdown()
