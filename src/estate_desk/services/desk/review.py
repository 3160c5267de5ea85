"""Daily clear, daily review (日清日审, F6): the day's lists, what keeps it from being closed,
closing it with its report, and the days left unclosed.

The review of a day is computed as of that day's end (or now, while it runs) by
:func:`estate_desk.domain.desk.review.daily_review`: received, completed, closed, late, arrivals
explained in advance, still open, awaiting the return visit, missing today's follow-up, repeats.
Every unfinished ticket needs that day's follow-up with the owner told before a supervisor may
close the day; closing writes the daily report (PDF) into the attachment store. A day that ended
unclosed is flagged the next morning (:func:`unclosed_days`); a supervisor may still close it
late, and the tickets that lacked their follow-up are then written into the report as omissions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.desk.records import shown
from estate_desk.domain.desk.review import BlockReason, can_close_day, day_bounds
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.domain.routines.common import office_date
from estate_desk.services.archive.attachments import store_bytes
from estate_desk.services.desk.tickets import DESK_SUPERVISORS, domain_tickets, user_names
from estate_desk.store.accounts import Office
from estate_desk.store.desk import DeskDay, Ticket
from estate_desk.store.estate import Room

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.terms import ArrivalOutcome, TicketKind, TicketStatus
    from estate_desk.domain.desk.tickets import Ticket as DomainTicket
    from estate_desk.printing.daily_review import DailyReport
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

UNCLOSED_LOOKBACK = 7
"""How many past days the "day not closed" flag looks at."""


@dataclass(frozen=True)
class ReviewLine:
    """One ticket in one of the review's lists."""

    ticket_id: int
    number: str
    kind: TicketKind
    status: TicketStatus
    room_code: str | None
    matter: str
    first_receiver: str
    handler: str | None
    received_at: datetime
    promise_due_at: datetime  # the promise in force as of the review
    arrival_outcome: ArrivalOutcome
    is_repeat: bool
    reasons: tuple[BlockReason, ...] = ()  # why it keeps the day open (blockers only)


@dataclass(frozen=True)
class DayClosure:
    day: date
    closed_by: str
    closed_at: datetime
    report_name: str
    report_sha256: str | None
    omissions: int


@dataclass(frozen=True)
class DayReview:
    """日清日审 of one day, as of ``as_of``, with what blocks closing it and whether it is closed."""

    day: date
    as_of: datetime
    received: tuple[ReviewLine, ...]
    completed: tuple[ReviewLine, ...]
    closed: tuple[ReviewLine, ...]
    late: tuple[ReviewLine, ...]  # promise breached, or a plain breach of the three minutes
    late_arrival: tuple[ReviewLine, ...]
    arrival_explained: tuple[ReviewLine, ...]  # explained in advance: counted apart (F4)
    still_open: tuple[ReviewLine, ...]
    awaiting_return_visit: tuple[ReviewLine, ...]
    missing_progress: tuple[ReviewLine, ...]
    repeats: tuple[ReviewLine, ...]
    blockers: tuple[ReviewLine, ...]
    closure: DayClosure | None

    @property
    def can_close(self) -> bool:
        return self.closure is None and not self.blockers

    @property
    def is_closed(self) -> bool:
        return self.closure is not None


def _rows_for_day(s: Session, start: datetime, end: datetime) -> list[Ticket]:
    query = select(Ticket).where(Ticket.received_at < end, or_(Ticket.closed_at.is_(None), Ticket.closed_at >= start))
    return list(s.scalars(query.order_by(Ticket.received_at, Ticket.id)))


def _closure(s: Session, day: date) -> DayClosure | None:
    found = s.scalar(select(DeskDay).where(DeskDay.day == day))
    if found is None:
        return None
    name = user_names(s, [found.closed_by]).get(found.closed_by, "")
    return DayClosure(found.day, name, found.closed_at, found.report_name, found.report_sha256, found.omissions)


def review_in(s: Session, clock: Clock, day: date) -> DayReview:
    now = clock.now()
    start, end = day_bounds(day, CHINA_TZ)
    rows = _rows_for_day(s, start, end)
    tickets = domain_tickets(s, rows)
    by_number = {tickets[row.id].number: row for row in rows}
    check = can_close_day(tickets.values(), day, CHINA_TZ, now)
    review = check.review
    names = user_names(s, [r.first_receiver_id for r in rows] + [r.handler_id for r in rows])
    room_ids = {r.room_id for r in rows if r.room_id is not None}
    codes = {i: code for i, code in s.execute(select(Room.id, Room.code).where(Room.id.in_(sorted(room_ids))))}

    def line(t: DomainTicket, reasons: tuple[BlockReason, ...] = ()) -> ReviewLine:
        row = by_number[t.number]
        return ReviewLine(
            row.id,
            t.number,
            t.kind,
            t.status,
            codes.get(row.room_id) if row.room_id is not None else None,
            t.matter or t.subject,
            names.get(row.first_receiver_id, ""),
            names.get(row.handler_id) if row.handler_id is not None else None,
            t.received_at,
            t.promise_due_as_of(review.as_of),
            t.arrival_outcome(review.as_of),
            t.is_repeat,
            reasons,
        )

    def lines(found: Iterable[DomainTicket]) -> tuple[ReviewLine, ...]:
        return tuple(line(t) for t in found)

    return DayReview(
        day=day,
        as_of=review.as_of,
        received=lines(review.received),
        completed=lines(review.completed),
        closed=lines(review.closed),
        late=lines(review.late),
        late_arrival=lines(review.late_arrival),
        arrival_explained=lines(review.arrival_explained),
        still_open=lines(review.still_open),
        awaiting_return_visit=lines(review.awaiting_return_visit),
        missing_progress=lines(review.missing_progress),
        repeats=lines(review.repeats),
        blockers=tuple(line(b.ticket, b.reasons) for b in check.blockers),
        closure=_closure(s, day),
    )


def _cells(line: ReviewLine) -> tuple[str, ...]:
    state = [line.status.label_zh]
    if line.arrival_outcome.value in ("late", "explained"):
        state.append(line.arrival_outcome.label_zh)
    if line.is_repeat:
        state.append("重复投诉")
    state += [r.label_zh for r in line.reasons]
    return (
        line.number,
        line.kind.label_zh,
        line.room_code or "—",
        line.matter,
        line.first_receiver,
        line.handler or "—",
        shown(line.received_at),
        shown(line.promise_due_at),
        "；".join(state),
    )


def report_for(s: Session, review: DayReview, closure: DayClosure | None) -> DailyReport:
    """The review as the daily report prints it (日清日审表)."""
    from estate_desk.printing.daily_review import DailyReport, ReviewTable  # reportlab: only when it prints

    office = s.scalar(select(Office))
    lists = (
        ("当日受理", review.received),
        ("当日处理完毕", review.completed),
        ("当日办结", review.closed),
        ("逾期（超过承诺时间或三分钟未到场）", review.late),
        ("事先解释、延迟到场", review.arrival_explained),
        ("仍未办结", review.still_open),
        ("待回访", review.awaiting_return_visit),
        ("当日未跟进或未告知业主", review.missing_progress),
        ("重复投诉", review.repeats),
    )
    tables = [ReviewTable(title, tuple(_cells(x) for x in found)) for title, found in lists]
    if closure is not None and closure.omissions:
        tables.append(ReviewTable("日清时的遗漏", tuple(_cells(x) for x in review.blockers)))
    summary = tuple((title.split("（")[0], str(len(found))) for title, found in lists)
    if closure is None:
        closing = "尚未日清"
    else:
        closing = f"日清：{closure.closed_by} {shown(closure.closed_at)}"
        closing += f"（遗漏 {closure.omissions} 张）" if closure.omissions else ""
    name = office.name if office else ""
    weekday = "一二三四五六日"[review.day.weekday()]
    return DailyReport(
        office_name=name,
        day_text=f"{review.day:%Y-%m-%d}（星期{weekday}）",
        as_of_text=f"截至 {shown(review.as_of)}",
        summary=summary,
        tables=tuple(tables),
        closing=closing,
        footer=f"{name} · 日清日审 {review.day:%Y-%m-%d}",
    )


def review(db: Database, clock: Clock, day: date) -> DayReview:
    """The day's review (any signed-in staff member may look)."""
    if day > office_date(clock.now()):
        raise InputProblem(zh="不能审核尚未开始的日期。", en="A day that has not begun cannot be reviewed.", rule="F6")
    with db.session() as s:
        return review_in(s, clock, day)


def day_blockers(db: Database, clock: Clock, day: date) -> tuple[ReviewLine, ...]:
    """The tickets that keep ``day`` from being closed, each with its reasons (F6)."""
    return review(db, clock, day).blockers


def _blocked(day: date, blockers: tuple[ReviewLine, ...]) -> RuleViolation:
    listed = "；".join(f"{b.number}（{'、'.join(r.label_zh for r in b.reasons)}）" for b in blockers[:5])
    listed_en = "; ".join(f"{b.number} ({', '.join(r.label_en for r in b.reasons)})" for b in blockers[:5])
    more = f" …（共 {len(blockers)} 张）" if len(blockers) > 5 else ""
    return RuleViolation(
        zh=f"{day:%Y-%m-%d} 尚不能日清：每张未办结的工单当天都须跟进并告知业主。{listed}{more}",
        en=f"{day:%Y-%m-%d} cannot be closed yet: every open ticket needs the day's follow-up with the owner "
        f"told. {listed_en}{' …' if more else ''}",
        rule="F6",
    )


def close_day(
    db: Database,
    clock: Clock,
    actor: Actor,
    day: date,
    *,
    record_omissions: bool = False,
    out: Path | None = None,
) -> DayClosure:
    """Close the day (日清) and write its report into the attachment store (and to ``out``, if given).

    Only a supervisor (主管) or the management office may. Refused while a ticket lacks the day's
    follow-up — except for a day already over with ``record_omissions``: those tickets are then
    listed in the report as omissions.
    """
    if actor.role not in DESK_SUPERVISORS:
        raise PermissionDenied(zh="只有主管可以日清。", en="Only a supervisor may close the day.", rule="F6")
    now = clock.now()
    today = office_date(now)
    if day > today:
        raise InputProblem(zh="不能日清尚未开始的日期。", en="A day that has not begun cannot be closed.", rule="F6")
    with db.session() as s:
        current = review_in(s, clock, day)
        if current.closure is not None:
            c = current.closure
            raise RuleViolation(
                zh=f"{day:%Y-%m-%d} 已由{c.closed_by}于 {office_date(c.closed_at):%Y-%m-%d} 日清。",
                en=f"{day:%Y-%m-%d} was already closed by {c.closed_by}.",
                rule="F6",
            )
        if current.blockers and (day == today or not record_omissions):
            raise _blocked(day, current.blockers)
        name = f"日清日审-{day:%Y%m%d}.pdf"
        closure = DayClosure(day, actor.display_name, now, name, None, len(current.blockers))
        from estate_desk.printing.daily_review import render_daily_review

        data = render_daily_review(report_for(s, current, closure)).data
        stored = store_bytes(data, name)
        s.add(
            DeskDay(
                day=day,
                closed_by=actor.user_id,
                closed_at=now,
                report_name=name,
                report_sha256=stored.sha256,
                omissions=len(current.blockers),
            )
        )
        try:
            s.flush()
        except IntegrityError as exc:
            raise RuleViolation(
                zh=f"{day:%Y-%m-%d} 刚刚已由他人日清。",
                en=f"{day:%Y-%m-%d} was just closed by someone else.",
                rule="F6",
            ) from exc
    if out is not None:
        from estate_desk.printing.daily_review import write_pdf

        write_pdf(data, out)
    return DayClosure(day, actor.display_name, now, name, stored.sha256, len(current.blockers))


def unclosed_days(db: Database, clock: Clock, *, lookback: int = UNCLOSED_LOOKBACK) -> list[date]:
    """Past days (newest first, at most ``lookback`` back) that had tickets open and were not closed:
    the flag the desk shows the next morning (F6)."""
    today = office_date(clock.now())
    days = [today - timedelta(days=n) for n in range(1, lookback + 1)]
    first_start, _ = day_bounds(days[-1], CHINA_TZ)
    today_start, _ = day_bounds(today, CHINA_TZ)
    with db.session() as s:
        spans = s.execute(
            select(Ticket.received_at, Ticket.closed_at).where(
                Ticket.received_at < today_start, or_(Ticket.closed_at.is_(None), Ticket.closed_at >= first_start)
            )
        ).all()
        closed = set(s.scalars(select(DeskDay.day).where(DeskDay.day >= days[-1])))
    found = []
    for day in days:
        if day in closed:
            continue
        start, end = day_bounds(day, CHINA_TZ)
        if any(received < end and (done is None or done >= start) for received, done in spans):
            found.append(day)
    return found
