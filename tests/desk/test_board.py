"""The live board: both countdowns from stored deadlines and the fake clock, most urgent first,
filters, and tickets from another workstation picked up by polling (F2, F4, F5)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from desk_support import Desk, make_desk
from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.desk.countdown import CountdownState
from estate_desk.domain.desk.office_hours import OnCallContact, Team
from estate_desk.domain.desk.terms import NotifyMethod, TicketKind
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import board as desk_board
from estate_desk.services.desk import settings as desk_settings
from estate_desk.services.desk.board import BoardFilter
from estate_desk.store.accounts import User
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from estate_desk.store.database import Database

GREEN, AMBER, RED = CountdownState.GREEN, CountdownState.AMBER, CountdownState.RED


@pytest.fixture
def d(ready_db: Database, clock: FakeClock) -> Desk:
    return make_desk(ready_db, clock)


def rows(d: Desk, filters: BoardFilter | None = None) -> list[desk_board.BoardRow]:
    return desk_board.board_rows(d.db, d.clock, d.receptionist, filters)


def test_f4_the_arrival_countdown_on_the_board_goes_green_amber_red(d: Desk) -> None:
    opened = d.open()
    (row,) = rows(d)
    assert (row.arrival_text(), row.arrival.state if row.arrival else None) == ("03:00", GREEN)
    d.clock.advance(minutes=2, seconds=1)
    (row,) = rows(d)
    assert (row.arrival_text(), row.state) == ("00:59", AMBER)
    d.clock.advance(seconds=58)  # 2:59
    assert rows(d)[0].arrival_text() == "00:01"
    d.clock.advance(seconds=2)  # 3:01
    (row,) = rows(d)
    assert (row.arrival_text(), row.state) == ("+00:01", RED)
    assert row.promise.state is GREEN and row.promise_text() == "1天23小时57分"
    assert row.id == opened.id


def test_f4_an_excused_arrival_clock_counts_to_the_agreed_time(d: Desk) -> None:
    opened = d.open()
    d.clock.advance(minutes=1)
    desk_actions.explain_arrival_delay(
        d.db,
        d.clock,
        d.receptionist,
        opened.id,
        reason="师傅在路上",
        owner_told_how=NotifyMethod.PHONE,
        expected_arrival_at=d.clock.now() + timedelta(minutes=10),
    )
    d.clock.advance(minutes=5)
    (row,) = rows(d)
    assert row.arrival_excused and row.state is GREEN and row.arrival_text() == "05:00"


def test_f2_board_shows_the_promise_in_days_hours_minutes_and_sorts_most_urgent_first(d: Desk) -> None:
    old = d.open(TicketKind.SUGGESTION, "建议一", received_at=d.clock.now())
    d.clock.advance(days=2, minutes=5)  # its promise is 5 minutes over
    fresh = d.open(TicketKind.INQUIRY, "咨询")
    repair = d.open()
    d.clock.advance(minutes=4)  # the repair's three minutes are 1 minute over
    order = rows(d)
    assert [r.id for r in order] == [old.id, repair.id, fresh.id]
    assert order[0].promise_text() == "超时9分" and order[0].promise_text("en") == "overdue 9m"
    assert order[1].arrival_text() == "+01:00"
    assert order[2].arrival is None and order[2].promise.state is GREEN


def test_the_board_filters_by_kind_handler_building_and_mine(d: Desk) -> None:
    repair = d.open()
    complaint = d.open(TicketKind.COMPLAINT, "噪音", room_id=d.other_room_id, by=d.guard)
    desk_actions.assign_handler(d.db, d.clock, d.receptionist, repair.id, d.handler.user_id)
    assert [r.id for r in rows(d, BoardFilter(kinds=frozenset({TicketKind.COMPLAINT})))] == [complaint.id]
    assert [r.id for r in rows(d, BoardFilter(handler_id=d.handler.user_id))] == [repair.id]
    assert [r.id for r in rows(d, BoardFilter(building=5))] == [complaint.id]
    assert [r.id for r in rows(d, BoardFilter(mine_only=True))] == [repair.id]
    mine = desk_board.board_rows(d.db, d.clock, d.guard, BoardFilter(mine_only=True))
    assert [r.id for r in mine] == [complaint.id]
    assert rows(d, BoardFilter(building=5))[0].entry.room_code == "5栋801"


def test_a_ticket_opened_at_another_workstation_reaches_the_board_by_polling(d: Desk) -> None:
    board = desk_board.load_board(d.db, d.receptionist)
    assert len(board) == 0
    assert desk_board.refresh_board(d.db, board) is board  # nothing changed: the same board, no reload
    other = open_database(d.db.url)  # a second workstation on the same database
    try:
        elsewhere = Desk(other, FakeClock(d.clock.now()), d.guard, d.guard, d.handler, d.supervisor, d.room_id, 0, 0)
        opened = elsewhere.open(TicketKind.HELP, "电梯困人", by=d.guard)
    finally:
        other.dispose()
    changes = desk_board.changed_since(d.db, board.change_no)
    assert changes.ticket_ids == (opened.id,)
    board = desk_board.refresh_board(d.db, board)
    assert list(board.entries) == [opened.id] and board.change_no == changes.change_no
    assert board.rows(d.clock.now())[0].entry.first_receiver == "guard"


def test_a_refresh_reloads_only_what_changed_and_drops_closed_tickets(d: Desk) -> None:
    first, second = d.open(), d.open(TicketKind.INQUIRY, "咨询停车")
    board = desk_board.load_board(d.db, d.receptionist)
    before = board.entries[first.id]
    desk_actions.assign_handler(d.db, d.clock, d.receptionist, second.id, d.handler.user_id)
    board = desk_board.refresh_board(d.db, board)
    assert board.entries[first.id] is before  # untouched rows are not reloaded
    assert board.entries[second.id].handler == "repair"


def test_turned_red_names_the_rows_that_just_breached(d: Desk) -> None:
    opened = d.open()
    board = desk_board.load_board(d.db, d.receptionist)
    d.clock.advance(minutes=2, seconds=59)
    before = board.rows(d.clock.now())
    d.clock.advance(seconds=2)
    after = board.rows(d.clock.now())
    assert desk_board.turned_red(before, after) == [opened.id]
    assert desk_board.turned_red(after, board.rows(d.clock.advance(seconds=1))) == []


# ---- F5 值班 -------------------------------------------------------------------


def test_f5_the_desk_is_staffed_16_hours_and_shows_every_number_when_not(d: Desk) -> None:
    desk_settings.set_on_call_contacts(d.db, d.supervisor, [OnCallContact("护卫班", "110-0001", team=Team.GUARDS)])
    with d.db.session() as s:
        for user in s.scalars(select(User).where(User.username.in_(["desk", "repair"]))):
            user.phone = f"1380000{user.id:04d}"
    day = desk_settings.on_call_board(d.db, d.clock)  # 09:00
    assert day.staffed and day.contacts == () and day.next_change.time() == time(23, 0)
    night = desk_settings.on_call_board(d.db, FakeClock(datetime(2026, 11, 23, 23, 0, tzinfo=CHINA_TZ)))
    assert not night.staffed
    assert [c.name for c in night.contacts] == ["护卫班", "desk", "repair"]
    desk_settings.set_office_hours(d.db, d.supervisor, time(8, 0), time(22, 0))
    assert not desk_settings.on_call_board(d.db, FakeClock(datetime(2026, 11, 23, 22, 0, tzinfo=CHINA_TZ))).staffed


def test_handlers_to_choose_from_come_handlers_first(d: Desk) -> None:
    choices = desk_board.staff_choices(d.db)
    assert [c.name for c in choices][:2] == ["guard", "repair"]
    assert {"desk", "super"} <= {c.name for c in choices}
