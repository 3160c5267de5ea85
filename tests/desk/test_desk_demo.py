"""The demo estate's front desk at the demo's now, and migration 0004 with desk data in it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, func, select, text

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.desk.countdown import CountdownState
from estate_desk.domain.desk.terms import TicketKind
from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.desk import board as desk_board
from estate_desk.services.desk import review as desk_review
from estate_desk.services.desk import settings as desk_settings
from estate_desk.store import migrations
from estate_desk.store.desk import Ticket
from estate_desk.store.desk_records import TicketPostponement

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from estate_desk.store.database import Database

ALL = {CountdownState.GREEN, CountdownState.AMBER, CountdownState.RED}


def test_the_demo_board_shows_every_colour_of_both_clocks(demo_db: Database, clock: FakeClock) -> None:
    desk = accounts.authenticate(demo_db, clock, "desk", DEMO_PASSWORD)
    rows = desk_board.board_rows(demo_db, clock, desk)
    arrival = {r.arrival.state for r in rows if r.arrival is not None and not r.arrival.stopped}
    promise = {r.promise.state for r in rows if not r.promise.stopped}
    assert arrival == ALL and promise == ALL
    assert rows[0].state is CountdownState.RED
    assert any(r.arrival_excused for r in rows)
    assert any(r.postponed for r in rows)
    assert any(r.awaiting_return_visit for r in rows)
    assert [r.entry.matter for r in rows if r.is_repeat] == ["装修噪音"]
    special = [r for r in rows if r.entry.kind is TicketKind.SPECIAL_SERVICE]
    assert [r.services_total for r in special] == [Decimal("156.00")]


def test_the_demo_flags_yesterday_as_not_closed(demo_db: Database, clock: FakeClock) -> None:
    today = clock.now().date()
    assert desk_review.unclosed_days(demo_db, clock) == [today - timedelta(days=1)]
    earlier = desk_review.review(demo_db, clock, today - timedelta(days=2))
    assert earlier.is_closed and earlier.closure is not None and earlier.closure.closed_by == "陈主管"


def test_f5_the_demo_shows_the_on_call_numbers_at_night(demo_db: Database) -> None:
    night = FakeClock(datetime(2026, 11, 23, 23, 30, tzinfo=CHINA_TZ))
    board = desk_settings.on_call_board(demo_db, night)
    assert not board.staffed
    names = [c.name for c in board.contacts]
    assert names[:2] == ["护卫班值班室", "维修班值班"] and "王芳" in names


def test_migration_0004_keeps_tickets_and_gives_them_their_matter(demo_url: URL) -> None:
    engine = create_engine(demo_url)
    with engine.connect() as conn:
        tickets = conn.scalar(select(func.count()).select_from(Ticket))
        postponed = conn.scalar(select(func.count()).select_from(TicketPostponement))
    assert tickets and postponed == 1
    migrations.downgrade_engine(engine, "0003")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM tickets")).scalar() == tickets
        conn.execute(text("UPDATE tickets SET subject = ' 楼道  灯不亮 ' WHERE id = 1"))
        conn.commit()
    migrations.upgrade_engine(engine)
    with engine.connect() as conn:
        row = conn.execute(select(Ticket.matter, Ticket.matter_key, Ticket.change_no).where(Ticket.id == 1)).one()
        assert conn.scalar(select(func.count()).select_from(TicketPostponement)) == 0  # the histories went with 0004
    engine.dispose()
    assert tuple(row) == ("楼道  灯不亮", "楼道灯不亮", 0)


def test_a_demo_day_is_in_office_time(demo_db: Database, clock: FakeClock) -> None:
    review = desk_review.review(demo_db, clock, date(2026, 11, 23))
    assert {line.number[:10] for line in review.received} == {"GD20261123"}
