"""The front desk's board in the window (F2, F4, F5, F6): live countdowns from the fake clock,
colours, the model's signals, polling for other workstations, filters, full screen, sound,
the on-call banner and the return-visit badge — driven through the real widgets on the demo estate."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from desk_window_support import click_ok, sign_in

from estate_desk.domain.desk.countdown import CountdownState
from estate_desk.domain.desk.terms import Channel, TicketKind
from estate_desk.services.desk import intake as desk
from estate_desk.store.database import open_database
from estate_desk.ui.desk.board_model import STATE_ROLE, TICKET_ID_ROLE, Column
from estate_desk.ui.desk.intake import NewTicketDialog
from estate_desk.ui.desk.signoff import ReturnVisitDialog
from estate_desk.ui.desk.widgets import clock_background, clock_foreground
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QApplication, Qt

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database
    from estate_desk.ui.desk.board import BoardWidget
    from estate_desk.ui.desk.section import DeskSection

pytestmark = pytest.mark.ui
GREEN, AMBER, RED = CountdownState.GREEN, CountdownState.AMBER, CountdownState.RED


def cell(board: BoardWidget, ticket_id: int, column: Column) -> tuple[str, str, object]:
    """(text, state, background) of a ticket's cell on the board."""
    row = board.model.row_for_id(ticket_id)
    assert row is not None
    index = board.model.index(row, column)
    return (
        board.model.data(index),
        board.model.data(index, STATE_ROLE),
        board.model.data(index, Qt.ItemDataRole.BackgroundRole),
    )


def test_the_demo_board_shows_all_three_colours_most_urgent_first(section: DeskSection) -> None:
    board = section.board
    model = board.model
    assert model.rowCount() == 10
    states = {model.data(model.index(r, c), STATE_ROLE) for r in range(10) for c in (0, 1)}
    assert {"green", "amber", "red"} <= states
    first = model.index(0, Column.PROMISE)
    assert (model.data(first), model.data(first, STATE_ROLE)) == ("超时1天", "red")  # two days over, overdue since
    assert model.data(model.index(0, Column.ARRIVAL)) == "✓ 00:40"  # arrived in time: a stopped clock
    assert [model.id_at(r) for r in range(10)] == [r.id for r in model.board.rows(section._clock.now())]
    assert board.count_label.text() == "未办结 10 张"


def test_f4_a_ticket_opened_through_the_dialog_counts_down_green_amber_red(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, clock: FakeClock
) -> None:
    board = section.board
    qtbot.keyClick(board.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = section.ticket_actions.dialog
    assert isinstance(dialog, NewTicketDialog) and dialog.isVisible()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_1)  # 1 报修
    qtbot.keyClicks(dialog.room_field, "2-1502")
    assert dialog.room is not None and dialog.room.code == "2栋1502"
    dialog.place.insert("卫生间")
    dialog.subject.insertPlainText("卫生间下水道堵塞")
    click_ok(qtbot, dialog)
    assert dialog.opened is not None and not dialog.isVisible()
    ticket = dialog.opened.id
    assert board.model.row_for_id(ticket) is not None  # on the board at once, without waiting for the poll

    assert cell(board, ticket, Column.ARRIVAL) == ("03:00", "green", clock_background(GREEN))
    assert cell(board, ticket, Column.PROMISE)[:2] == ("2天", "green")
    clock.advance(minutes=2, seconds=1)
    board.tick()
    assert cell(board, ticket, Column.ARRIVAL) == ("00:59", "amber", clock_background(AMBER))
    clock.advance(seconds=58)
    board.tick()
    assert cell(board, ticket, Column.ARRIVAL)[:2] == ("00:01", "amber")
    clock.advance(seconds=2)
    board.tick()
    text, state, background = cell(board, ticket, Column.ARRIVAL)
    assert (text, state, background) == ("+00:01", "red", clock_background(RED))
    row = board.model.row_for_id(ticket)
    assert board.model.data(board.model.index(row, Column.ARRIVAL), Qt.ItemDataRole.ForegroundRole) == clock_foreground(
        RED
    )
    clock.advance(minutes=1, seconds=4)
    board.tick()
    assert cell(board, ticket, Column.ARRIVAL)[:2] == ("+01:05", "red")  # counting up once breached
    assert cell(board, ticket, Column.PROMISE)[:2] == ("1天23小时56分", "green")


def test_a_tick_repaints_only_the_countdowns_of_visible_rows_and_never_resets(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, clock: FakeClock
) -> None:
    board = section.board
    section.resize(900, 330)  # only a few rows fit
    qtbot.waitUntil(lambda: board.visible_rows()[1] < board.model.rowCount() - 1)
    resets, layouts, changed = [], [], []
    board.model.modelReset.connect(lambda: resets.append(1))
    board.model.layoutChanged.connect(lambda *_: layouts.append(1))
    board.model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), a.column(), b.row(), b.column())))
    first, last = board.visible_rows()
    computed = board.model.computed
    clocks = (Column.ARRIVAL, Column.PROMISE)
    for _ in range(5):
        before = {(r, c): cell(board, board.model.id_at(r), c) for r in range(first, last + 1) for c in clocks}
        changed.clear()
        clock.advance(seconds=1)
        board.tick()
        # only countdown cells on screen are repainted, and only those whose text or colour changed
        assert all(first <= a <= b <= last and c == d and c in clocks for a, c, b, d in changed)
        repainted = {(r, c) for a, c, b, _ in changed for r in range(a, b + 1)}
        for (r, c), seen in before.items():
            if (r, c) not in repainted:
                assert cell(board, board.model.id_at(r), c) == seen
    assert resets == [] and layouts == []
    QApplication.processEvents()  # the view repaints what is on screen
    assert board.model.computed - computed <= 6 * (last - first + 1)  # once per row on screen per tick


def test_the_board_model_is_sound_through_ticks_polls_and_closing(  # type: ignore[no-untyped-def]
    section: DeskSection, qtmodeltester, demo_db: Database, clock: FakeClock
) -> None:
    board = section.board
    qtmodeltester.check(board.model)
    clock.advance(seconds=30)
    board.tick()
    desk.open_ticket(
        demo_db, clock, sign_in(demo_db, clock, "repair"), desk.TicketDraft(TicketKind.HELP, Channel.PATROL, "路灯不亮")
    )
    board.poll()
    assert board.model.rowCount() == 11
    done = next(r.id for r in board.model.board.rows(clock.now()) if r.awaiting_return_visit)
    dialog = section.ticket_actions.open("visit", done)
    assert isinstance(dialog, ReturnVisitDialog)
    dialog.accept()  # satisfied: closed, filed, off the board
    assert board.model.row_for_id(done) is None and board.model.rowCount() == 10
    qtmodeltester.check(board.model)


def test_a_ticket_opened_at_another_workstation_appears_within_a_poll(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    board = section.board
    assert board.poll_timer.isActive() and board.tick_timer.isActive()
    resets: list[int] = []
    board.model.modelReset.connect(lambda: resets.append(1))
    other = open_database(demo_db.url)  # a second workstation on the same database
    try:
        opened = desk.open_ticket(
            other,
            clock,
            sign_in(other, clock, "super"),
            desk.TicketDraft(TicketKind.REPAIR, Channel.PHONE, "电梯按钮失灵", place="电梯厅"),
        )
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: board.model.row_for_id(opened.id) is not None, timeout=5000)  # the poll timer's work
    assert resets == []
    assert cell(board, opened.id, Column.ARRIVAL)[0] == "03:00"


def test_the_board_filters_by_kind_handler_building_and_mine(section: DeskSection) -> None:
    board, filters = section.board, section.board.filters
    model = board.model

    def kinds() -> set[str]:
        return {model.data(model.index(r, Column.KIND)) for r in range(model.rowCount())}

    filters.kind.setCurrentIndex(filters.kind.findData(TicketKind.COMPLAINT.value))
    assert kinds() == {"投诉"} and model.rowCount() == 2
    filters.kind.setCurrentIndex(0)
    filters.handler.setCurrentIndex(filters.handler.findText("张师傅"))
    assert {model.data(model.index(r, Column.HANDLER)) for r in range(model.rowCount())} == {"张师傅"}
    filters.handler.setCurrentIndex(0)
    filters.building.setCurrentIndex(filters.building.findData(3))
    assert {model.data(model.index(r, Column.ROOM))[:2] for r in range(model.rowCount())} == {"3栋"}
    filters.building.setCurrentIndex(0)
    filters.mine.setChecked(True)
    assert model.rowCount() == 10  # 王芳 received every demo ticket
    assert model.data(model.index(0, 0), TICKET_ID_ROLE) == model.id_at(0)


def test_f11_shows_the_board_alone_full_screen_and_brings_it_back(section: DeskSection, qtbot) -> None:  # type: ignore[no-untyped-def]
    board = section.board
    qtbot.keyClick(board.view, Qt.Key.Key_F11)
    assert board.isWindow() and board.isFullScreen() and section.tabs.indexOf(board) == -1
    assert board.view.font().pointSizeF() > section.font().pointSizeF()
    assert board.tick_timer.isActive()
    qtbot.keyClick(board.view, Qt.Key.Key_Escape)
    assert not board.isWindow() and section.tabs.indexOf(board) == 0 and board.isVisible()
    assert board.tick_timer.isActive()


def test_a_clock_turning_red_beeps_only_when_chosen(section: DeskSection, clock: FakeClock) -> None:
    board = section.board
    assert not board.sound.isChecked()  # off by default
    clock.advance(seconds=35)  # the help call's arrival clock (0:30 left at 09:00) turns red
    board.tick()
    assert board.beeps == 0
    board.sound.setChecked(True)
    board.tick()
    clock.advance(seconds=89)  # the kitchen leak's (2:00 left) turns red
    board.tick()
    assert board.beeps == 1
    board.tick()
    assert board.beeps == 1


def test_f5_outside_the_desk_hours_the_banner_lists_every_on_call_number(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, clock: FakeClock
) -> None:
    banner = section.board.banner
    assert banner.on_call.isHidden()  # 09:00: the desk is staffed
    qtbot.keyClick(section.board.view, Qt.Key.Key_F5)
    assert banner.panel.isVisible() and "护卫班值班室" in banner.panel.text() and "13800000101" in banner.panel.text()
    qtbot.keyClick(section.board.view, Qt.Key.Key_F5)
    assert banner.panel.isHidden()
    clock.advance(hours=14, minutes=30)  # 23:30
    section.board.poll()
    assert banner.on_call.isVisible()
    assert "0571-88000110" in banner.on_call.text() and "07:00–23:00" in banner.on_call.text()


def test_f6_the_unclosed_day_is_flagged_and_opens_its_review(section: DeskSection, qtbot) -> None:  # type: ignore[no-untyped-def]
    flag = section.board.banner.flag
    assert flag.isVisible() and "2026-11-22" in flag.text()
    flag.linkActivated.emit("2026-11-22")
    assert section.tabs.currentWidget() is section.review
    assert str(section.review.chosen_day) == "2026-11-22"
    section.tabs.setCurrentWidget(section.board)
    qtbot.keyClick(section.board.view, Qt.Key.Key_F6)
    assert section.tabs.currentWidget() is section.review


def test_the_badge_counts_return_visits_due_and_opens_them(section: DeskSection, qtbot) -> None:  # type: ignore[no-untyped-def]
    board = section.board
    assert board.badge.property("unread") == 1 and "1" in board.badge.text()
    qtbot.mouseClick(board.badge, Qt.MouseButton.LeftButton)
    notices = section.ticket_actions.dialog
    assert notices is not None and notices.list.count() == 1
    notices.list.setCurrentRow(0)
    notices._visit(notices.list.item(0))
    visit = section.ticket_actions.dialog
    assert isinstance(visit, ReturnVisitDialog)
    click_ok(qtbot, visit)
    assert board.badge.property("unread") == 0


def test_f5_in_the_main_window_reaches_the_board_not_the_archive(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    window = MainWindow(demo_db, sign_in(demo_db, clock, "desk"), clock, "翠湖苑物业服务中心")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.nav.setCurrentRow(1)
    board = window.desk.board
    assert board.tick_timer.isActive()
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_F5)
    assert board.banner.panel.isVisible()
    window.nav.setCurrentRow(0)
    assert not board.tick_timer.isActive()  # a hidden board does not tick
    window.close()
