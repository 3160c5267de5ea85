"""The live board's budget with 2,000 open tickets (issue 8), measured against a naive baseline.

Run from the repository root::

    python benchmarks/board.py [--tickets 2000] [--ticks 30] [--database URL]

(after ``python -m pip install -e .``).
It builds a throw-away SQLite archive (or uses ``--database``, an *empty* database) with
2,000 open tickets in every state (waiting for someone on site, explained in advance, postponed,
completed and waiting for the return visit, with progress notes and special services), then
times, in the same run:

* **board**: what the board does — load once (:func:`load_board`), then every second one poll
  of the desk's change counter (:func:`refresh_board`, nothing changed) plus both countdowns for
  every ticket and the sort (:meth:`Board.rows`);
* **one change**: the poll after another workstation changed one ticket (reloads only that one);
* **naive**: what a board without the change counter would do every second — reload each
  ticket with its own queries and compute its countdowns.

It prints a table; the figures and the method are written down in ``BENCHMARKS.md``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.desk.intake import open_ticket
from estate_desk.domain.desk.review import normalize_matter
from estate_desk.domain.desk.terms import Channel, NotifyMethod, TicketKind, TicketStatus
from estate_desk.domain.roles import Role
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import board as desk_board
from estate_desk.services.desk.tickets import CHANGES, load
from estate_desk.services.estate import buildings as estate
from estate_desk.store.accounts import User
from estate_desk.store.database import Database, open_database
from estate_desk.store.desk import DeskCounter, Ticket
from estate_desk.store.desk_records import (
    TicketArrivalExplanation,
    TicketCompletion,
    TicketPostponement,
    TicketProgressNote,
    TicketServiceLine,
)

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=CHINA_TZ)
KINDS = (TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.HELP, TicketKind.SUGGESTION, TicketKind.INQUIRY)


def build(db: Database, count: int) -> Actor:
    """An office, one receptionist, 100 rooms and ``count`` open tickets received over the last 5 days."""
    clock = FakeClock(NOW)
    setup.initialise(
        db, clock, office_name="基准测试", fonds_code="Z001", admin_username="admin", admin_password="bench-pass-1"
    )
    with db.session() as s:
        accounts.add_user(s, clock, username="desk", password="bench-pass-1", role=Role.RECEPTIONIST)
        building = estate.ensure_building(s, 1, 20)
        rooms = [estate.add_room(s, building, None, 100 * (1 + n // 5) + n % 5 + 1) for n in range(100)]
        s.flush()
        desk_id = s.scalar(select(User.id).where(User.username == "desk"))
        assert desk_id is not None
        for n in range(count):
            received = NOW - timedelta(minutes=(n * 3.6) % (5 * 24 * 60), seconds=n % 60)
            kind = KINDS[n % len(KINDS)]
            rules = open_ticket(
                number=f"GD{received:%Y%m%d}-{n:05d}",
                kind=kind,
                channel=Channel.PHONE,
                first_receiver_id=desk_id,
                now=received,
                promise_due_at=received + timedelta(days=2 if n % 7 else 6),
                room_id=rooms[n % 100].id,
                matter=f"事项{n % 40}",
                subject=f"第 {n} 号工单",
            )
            completed = n % 11 == 0
            row = Ticket(
                number=rules.number,
                kind=kind.value,
                channel=rules.channel.value,
                room_id=rules.room_id,
                subject=rules.subject,
                matter=rules.matter,
                matter_key=normalize_matter(rules.matter),
                first_receiver_id=desk_id,
                handler_id=desk_id if n % 3 else None,
                status=(TicketStatus.COMPLETED if completed else TicketStatus.OPEN).value,
                received_at=received,
                arrival_due_at=rules.arrival_due_at,
                arrived_at=received + timedelta(minutes=2) if rules.arrival_due_at and n % 4 else None,
                feedback_due_at=rules.feedback_due_at,
                promise_due_at=rules.promise_due_at,
                change_no=n + 1,
            )
            s.add(row)
            s.flush()
            if n % 13 == 0:
                s.add(
                    TicketPostponement(
                        ticket_id=row.id,
                        previous_due_at=received + timedelta(days=1),
                        new_due_at=rules.promise_due_at,
                        reason="等配件",
                        owner_told_at=received + timedelta(hours=2),
                        owner_told_how=NotifyMethod.PHONE.value,
                        recorded_by=desk_id,
                        recorded_at=received + timedelta(hours=2),
                    )
                )
            if rules.arrival_due_at and n % 4 == 0 and n % 8 == 0:
                s.add(
                    TicketArrivalExplanation(
                        ticket_id=row.id,
                        reason="师傅在路上",
                        owner_told_at=received + timedelta(minutes=1),
                        owner_told_how=NotifyMethod.PHONE.value,
                        expected_arrival_at=received + timedelta(minutes=15),
                        recorded_by=desk_id,
                        recorded_at=received + timedelta(minutes=1),
                    )
                )
            if completed:
                s.add(
                    TicketCompletion(
                        ticket_id=row.id,
                        handler_id=desk_id,
                        completed_at=received + timedelta(hours=3),
                        explanation="已处理",
                        confirmation="phone",
                        record="电话确认",
                        recorded_by=desk_id,
                    )
                )
            for day in range(n % 3):
                s.add(
                    TicketProgressNote(
                        ticket_id=row.id,
                        author_id=desk_id,
                        written_at=received + timedelta(hours=1 + day),
                        text="已跟进",
                        owner_told=True,
                        owner_told_how=NotifyMethod.PHONE.value,
                    )
                )
            if n % 17 == 0:
                s.add(
                    TicketServiceLine(
                        ticket_id=row.id, code="water", name_zh="送桶装水", name_en="Water", unit_price=Decimal("18.00")
                    )
                )
        s.add(DeskCounter(name=CHANGES, value=count))
    return accounts.authenticate(db, clock, "desk", "bench-pass-1")


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def naive_tick(db: Database, ids: list[int], now: datetime) -> None:
    """Without the change counter: every ticket reloaded with its own queries, every second."""
    with db.session() as s:
        rows = []
        for ticket_id in ids:
            ticket = load(s, ticket_id, lock=False).ticket
            rows.append((ticket.urgency_key(now), ticket.arrival_clock(now), ticket.promise_clock(now)))
        rows.sort(key=lambda row: row[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--ticks", type=int, default=30)
    parser.add_argument("--database", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="estate-desk-bench-")
    os.environ.setdefault("ESTATE_DESK_HOME", folder)
    url = args.database or f"sqlite+pysqlite:///{folder}/bench.sqlite3"
    db = open_database(url)
    started = time.perf_counter()
    actor = build(db, args.tickets)
    print(f"built {args.tickets} open tickets in {time.perf_counter() - started:.1f} s ({db.masked_url})")

    clock = FakeClock(NOW)
    load_ms = [timed(lambda: desk_board.load_board(db, actor)) for _ in range(5)]
    board = desk_board.load_board(db, actor)
    assert len(board) == args.tickets
    poll_ms, rows_ms, tick_ms = [], [], []
    for _ in range(args.ticks):
        now = clock.advance(seconds=1)
        poll_ms.append(timed(lambda: desk_board.refresh_board(db, board)))
        rows_ms.append(timed(lambda: board.rows(now)))  # noqa: B023 - used at once
        tick_ms.append(poll_ms[-1] + rows_ms[-1])
    one_ms = []
    ids = sorted(board.entries)
    for n in range(10):
        desk_actions.add_progress_note(
            db, clock, actor, ids[n * 7], "已电话告知业主", owner_told_how=NotifyMethod.PHONE
        )
        started = time.perf_counter()
        board = desk_board.refresh_board(db, board)
        one_ms.append((time.perf_counter() - started) * 1000)
    reload_ms = [timed(lambda: desk_board.load_board(db, actor).rows(clock.now())) for _ in range(5)]
    naive_ms = [timed(lambda: naive_tick(db, ids, clock.now())) for _ in range(3)]

    def line(name: str, values: list[float]) -> str:
        return f"| {name} | {statistics.median(values):8.1f} | {max(values):8.1f} |"

    print(f"\n{args.tickets} open tickets, {args.ticks} one-second ticks (ms)\n")
    print("| step | median | worst |\n|---|---:|---:|")
    print(line("load the board once", load_ms))
    print(line("poll: nothing changed", poll_ms))
    print(line("countdowns + sort for every ticket", rows_ms))
    print(line("**one board tick** (poll + countdowns)", tick_ms))
    print(line("poll after one ticket changed elsewhere", one_ms))
    print(line("reload tick: the whole board reloaded every second", reload_ms))
    print(line("naive tick: each ticket reloaded with its own queries", naive_ms))
    ratio = statistics.median(naive_ms) / statistics.median(tick_ms)
    reload_ratio = statistics.median(reload_ms) / statistics.median(tick_ms)
    print(
        f"\nthe board's tick is {reload_ratio:.0f}× cheaper than reloading it and {ratio:.0f}× cheaper than the naive one"
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
