"""Daily clear, daily review (日清日审, F6): the lists, the blockers, closing with its PDF, the flag
the next morning, and the daily review in the printout registry."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pdfplumber
import pytest
from sqlalchemy import select

from desk_support import Desk, make_desk
from estate_desk.domain.desk.review import BlockReason
from estate_desk.domain.desk.terms import Confirmation, NotifyMethod, TicketKind
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.services.archive import attachments
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import review as desk_review
from estate_desk.services.printouts.kinds import Selection
from estate_desk.services.printouts.registry import printout
from estate_desk.store.desk import DeskDay

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)


@pytest.fixture
def d(ready_db: Database, clock: FakeClock) -> Desk:
    return make_desk(ready_db, clock)


def pdf_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def yesterdays_repair(d: Desk) -> int:
    """A repair received Monday 09:00, reached in two minutes; the clock is then Tuesday 09:00."""
    opened = d.open()
    d.clock.advance(minutes=2)
    desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    d.clock.set(opened.received_at + timedelta(days=1))
    return opened.id


def test_f6_the_review_lists_received_completed_late_and_still_open(d: Desk) -> None:
    late = d.open(TicketKind.SUGGESTION, "建议一", promise_due_at=d.clock.now() + timedelta(hours=1))
    repair = d.open()
    d.clock.advance(minutes=4)  # the repair's three minutes are over, nobody there
    inquiry = d.open(TicketKind.INQUIRY, "咨询")
    desk_completion.complete(
        d.db, d.clock, d.receptionist, inquiry.id, explanation="已答复", confirmation=Confirmation.PHONE
    )
    d.clock.advance(hours=2)
    r = desk_review.review(d.db, d.clock, MONDAY)
    assert [x.ticket_id for x in r.received] == [late.id, repair.id, inquiry.id]
    assert [x.ticket_id for x in r.completed] == [inquiry.id]
    assert [x.ticket_id for x in r.late] == [late.id, repair.id]
    assert [x.ticket_id for x in r.late_arrival] == [repair.id]
    assert [x.ticket_id for x in r.still_open] == [late.id, repair.id, inquiry.id]
    assert [x.ticket_id for x in r.awaiting_return_visit] == [inquiry.id]
    assert [(b.ticket_id, b.reasons) for b in r.blockers] == [(repair.id, (BlockReason.ARRIVAL_NOT_RECORDED,))]
    assert r.received[1].room_code == "3栋1单元1502" and r.received[1].first_receiver == "desk"


def test_f6_closing_is_blocked_until_every_open_ticket_has_todays_note_with_the_owner_told(d: Desk) -> None:
    ticket_id = yesterdays_repair(d)
    r = desk_review.review(d.db, d.clock, TUESDAY)
    assert [(b.ticket_id, b.reasons) for b in r.blockers] == [(ticket_id, (BlockReason.NO_PROGRESS_NOTE,))]
    with pytest.raises(RuleViolation) as refused:
        desk_review.close_day(d.db, d.clock, d.supervisor, TUESDAY)
    assert refused.value.rule == "F6" and "跟进" in refused.value.zh and "GD20261123-001" in refused.value.zh
    desk_actions.add_progress_note(d.db, d.clock, d.handler, ticket_id, "配件已订，明天上门")  # owner not told
    assert desk_review.day_blockers(d.db, d.clock, TUESDAY)
    desk_actions.add_progress_note(
        d.db, d.clock, d.receptionist, ticket_id, "已告知业主明天上门", owner_told_how=NotifyMethod.PHONE
    )
    assert desk_review.day_blockers(d.db, d.clock, TUESDAY) == ()
    closure = desk_review.close_day(d.db, d.clock, d.supervisor, TUESDAY)
    assert closure.closed_by == "super" and closure.omissions == 0
    assert closure.report_sha256 is not None and attachments.verify(closure.report_sha256)
    assert desk_review.review(d.db, d.clock, TUESDAY).is_closed


def test_f6_only_a_supervisor_closes_the_day_and_only_once(d: Desk) -> None:
    d.open(TicketKind.INQUIRY, "咨询")
    with pytest.raises(PermissionDenied) as refused:
        desk_review.close_day(d.db, d.clock, d.receptionist, MONDAY)
    assert refused.value.rule == "F6"
    desk_review.close_day(d.db, d.clock, d.supervisor, MONDAY)
    with pytest.raises(RuleViolation):
        desk_review.close_day(d.db, d.clock, d.supervisor, MONDAY)
    with pytest.raises(InputProblem):
        desk_review.close_day(d.db, d.clock, d.supervisor, TUESDAY)  # has not begun


def test_f6_the_report_pdf_lists_the_day_with_headers_repeated_and_page_numbers(d: Desk, tmp_path: Path) -> None:
    for n in range(45):
        d.open(TicketKind.INQUIRY, f"咨询第{n + 1}号问题")
    out = tmp_path / "review.pdf"
    closure = desk_review.close_day(d.db, d.clock, d.supervisor, MONDAY, out=out)
    pages = pdf_text(out.read_bytes())
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text
    assert "日清日审表" in pages[0] and "2026-11-23" in pages[0] and "日清：super" in pages[0]
    assert "GD20261123-045" in "".join(pages)
    assert sum(text.count("工单号") for text in pages) >= 2  # the header row again on the next page
    assert attachments.stored_path(closure.report_sha256 or "").read_bytes() == out.read_bytes()


def test_f6_a_day_left_unclosed_is_flagged_the_next_morning_and_may_be_closed_late(d: Desk) -> None:
    ticket_id = yesterdays_repair(d)
    assert desk_review.unclosed_days(d.db, d.clock) == [MONDAY]
    desk_review.close_day(d.db, d.clock, d.supervisor, MONDAY)  # Monday itself had nothing missing
    assert desk_review.unclosed_days(d.db, d.clock) == []
    d.clock.advance(days=1)  # Wednesday: Tuesday passed without a note
    assert desk_review.unclosed_days(d.db, d.clock) == [TUESDAY]
    with pytest.raises(RuleViolation):
        desk_review.close_day(d.db, d.clock, d.supervisor, TUESDAY)
    closure = desk_review.close_day(d.db, d.clock, d.supervisor, TUESDAY, record_omissions=True)
    assert closure.omissions == 1
    with d.db.session() as s:
        assert s.scalar(select(DeskDay.omissions).where(DeskDay.day == TUESDAY)) == 1
    report = pdf_text(attachments.stored_path(closure.report_sha256 or "").read_bytes())
    assert "日清时的遗漏" in "".join(report) and "遗漏 1 张" in report[0]
    assert "GD20261123-001" in report[-1]
    assert desk_review.review(d.db, d.clock, TUESDAY).blockers[0].ticket_id == ticket_id


def test_f6_a_day_without_tickets_needs_no_closing(d: Desk) -> None:
    d.clock.advance(days=3)
    assert desk_review.unclosed_days(d.db, d.clock) == []


def test_f6_the_daily_review_prints_through_the_registry(d: Desk, tmp_path: Path) -> None:
    d.open()
    entry = printout("daily-review")
    assert entry.title_zh == "日清日审表"
    result = entry.render(d.db, d.clock, d.receptionist, Selection(day="2026-11-23"), tmp_path / "day.pdf")
    assert result.pages == 1 and result.items >= 2
    (text,) = pdf_text(result.path.read_bytes())
    assert "尚未日清" in text and "GD20261123-001" in text and "第 1 页 共 1 页" in text
    with pytest.raises(InputProblem):
        entry.render(d.db, d.clock, d.receptionist, Selection(day="23/11/2026"), tmp_path / "x.pdf")
