"""The desk's figures on hand-built tickets, counted exactly, and their .xlsx export."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook

from desk_support import Desk, make_desk, signature_png
from estate_desk.domain.desk.terms import Confirmation, NotifyMethod, Satisfaction, TicketKind
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import figures as desk_figures

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

MONDAY = date(2026, 11, 23)


@pytest.fixture
def d(ready_db: Database, clock: FakeClock) -> Desk:
    return make_desk(ready_db, clock)


def sign(d: Desk, ticket_id: int) -> None:
    desk_completion.complete(
        d.db,
        d.clock,
        d.handler,
        ticket_id,
        explanation="修好了",
        confirmation=Confirmation.SIGNATURE,
        signature_image=signature_png(),
    )


def phone(d: Desk, ticket_id: int) -> None:
    desk_completion.complete(
        d.db, d.clock, d.receptionist, ticket_id, explanation="已答复业主", confirmation=Confirmation.PHONE
    )


def visit(d: Desk, ticket_id: int, result: Satisfaction) -> None:
    desk_completion.return_visit(d.db, d.clock, d.receptionist, ticket_id, result)


def week_of_tickets(d: Desk) -> dict[str, int]:
    """Six tickets received on Monday and what became of them by Saturday 09:00."""
    c, db, t = d.clock, d.db, {}
    t["t1"] = d.open().id  # repair: on site in 2 min, done, satisfied
    c.advance(minutes=2)
    desk_actions.mark_arrived(db, c, d.handler, t["t1"])
    t["t2"] = d.open(subject="卫生间漏水").id  # repair: 3:01 late, postponed once, second refused, basically
    c.advance(minutes=3, seconds=1)
    desk_actions.mark_arrived(db, c, d.handler, t["t2"])
    t["t3"] = d.open(TicketKind.COMPLAINT, "电梯异响", matter="电梯异响").id  # explained in advance, never done
    c.advance(minutes=1)
    desk_actions.explain_arrival_delay(
        db,
        c,
        d.receptionist,
        t["t3"],
        reason="师傅在抢修",
        owner_told_how=NotifyMethod.PHONE,
        expected_arrival_at=c.now() + timedelta(minutes=10),
    )
    c.advance(minutes=7)
    desk_actions.mark_arrived(db, c, d.handler, t["t3"])
    t["t4"] = d.open(TicketKind.COMPLAINT, "电梯还在响", matter="电梯异响").id  # a repeat; nobody came
    t["t5"] = d.open(TicketKind.SUGGESTION, "建议增设快递柜").id  # not satisfied, then satisfied
    t["t6"] = d.open(TicketKind.INQUIRY, "咨询停车费").id  # answered, no return visit yet
    c.advance(hours=3)
    sign(d, t["t1"])
    phone(d, t["t5"])
    phone(d, t["t6"])
    visit(d, t["t1"], Satisfaction.SATISFIED)
    visit(d, t["t5"], Satisfaction.NOT_SATISFIED)
    c.advance(days=1)  # Tuesday
    desk_actions.postpone(
        db,
        c,
        d.receptionist,
        t["t2"],
        reason="等配件",
        owner_told_how=NotifyMethod.PHONE,
        new_due_at=c.now() + timedelta(days=3),
    )
    phone(d, t["t5"])
    visit(d, t["t5"], Satisfaction.SATISFIED)
    c.advance(days=1)  # Wednesday
    with pytest.raises(RuleViolation):
        desk_actions.postpone(
            db,
            c,
            d.receptionist,
            t["t2"],
            reason="配件还没到",
            owner_told_how=NotifyMethod.PHONE,
            new_due_at=c.now() + timedelta(days=3),
        )
    c.advance(days=1)  # Thursday
    sign(d, t["t2"])
    visit(d, t["t2"], Satisfaction.BASICALLY_SATISFIED)
    c.set(c.now().replace(hour=9, minute=0, second=0) + timedelta(days=2))  # Saturday 09:00
    return t


def test_figures_count_the_weeks_tickets_exactly(d: Desk) -> None:
    week_of_tickets(d)
    f = desk_figures.figures(d.db, d.clock, MONDAY, MONDAY + timedelta(days=6))
    assert f.as_of == d.clock.now()
    assert f.received == 6
    assert dict(f.by_kind) == {
        TicketKind.REPAIR: 2,
        TicketKind.COMPLAINT: 2,
        TicketKind.SUGGESTION: 1,
        TicketKind.INQUIRY: 1,
    }
    assert (f.decided, f.on_time, f.first_promise_kept) == (6, 4, 3)
    assert (f.feedback_known, f.feedback_on_time) == (6, 4)
    assert (f.arrival_on_time, f.arrival_explained, f.arrival_late) == (1, 1, 2)
    assert (f.postponed, f.second_postponements_refused, f.repeats) == (1, 1, 1)
    assert (f.handled, f.return_visited) == (4, 3)
    assert (f.satisfied, f.basically_satisfied, f.not_satisfied) == (2, 1, 1)
    assert f.line("arrival").rate == pytest.approx(1 / 3)  # explained in advance counted apart (F4)
    assert f.line("on_time").percent() == Decimal("66.7")
    assert f.line("satisfaction").rate == 0.75
    assert f.line("return_visits").rate == 0.75
    assert f.line("refused").rate is None and f.line("refused").count == 1


def test_figures_of_one_day_stop_at_its_end(d: Desk) -> None:
    week_of_tickets(d)
    f = desk_figures.figures(d.db, d.clock, MONDAY, MONDAY)
    assert f.received == 6
    assert (f.postponed, f.second_postponements_refused) == (0, 0)  # both happened later in the week
    assert (f.satisfied, f.not_satisfied, f.handled) == (1, 1, 3)
    assert f.decided == 2  # t1, t6: no promise had run out yet, and t5 was reopened that evening


def test_figures_by_kind_and_empty_periods(d: Desk) -> None:
    week_of_tickets(d)
    repairs = desk_figures.figures(d.db, d.clock, MONDAY, MONDAY + timedelta(days=6), kinds={TicketKind.REPAIR})
    assert (repairs.received, repairs.on_time, repairs.second_postponements_refused) == (2, 2, 1)
    empty = desk_figures.figures(d.db, d.clock, MONDAY - timedelta(days=7), MONDAY - timedelta(days=1))
    assert empty.received == 0 and all(line.rate is None for line in empty.lines())
    with pytest.raises(InputProblem):
        desk_figures.figures(d.db, d.clock, MONDAY, MONDAY - timedelta(days=1))


def test_figures_export_to_xlsx(d: Desk, tmp_path: Path) -> None:
    week_of_tickets(d)
    f = desk_figures.figures(d.db, d.clock, MONDAY, MONDAY + timedelta(days=6))
    out = tmp_path / "figures.xlsx"
    written = desk_figures.export_figures(f, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["指标", "数量", "基数", "比率（%）"]
    assert ["三分钟到场率", 1, 3, 33.3] in values
    assert ["第二次延期被拒", 1, None, None] in values
    assert len(values) == written + 1
    with pytest.raises(InputProblem):
        desk_figures.export_figures(f, tmp_path / "figures.csv")
    assert not list(tmp_path.glob(".export-*"))  # no temporary file left behind
