"""Looking back over tickets: repeat complaints (F7) and the daily review (F6).

F7 (同一件事只投诉一次): a complaint about a matter the same room already raised —
still open, or received or closed within the last 30 days — is a repeat, and a
repeat is a service failure.

F6 (日清日审): every day all matters are summed up and checked for on-time handling
and omissions; unfinished ones are followed every day and the owner told of the
progress. The review of a day is computed *as of* the end of that day (or ``now``,
if the day is still running), so yesterday's review does not change because of
what happened this morning.

Decisions:

* "Still open" means not closed by a satisfied return visit; tickets awaiting
  their return visit are listed apart as well.
* A daily progress note is owed by every *unfinished* ticket received before the
  day began. The owner counts as told that day by a progress note marked "owner
  told", a postponement or delay explanation told that day, the handler's
  explanation at a completion, or a return visit.
* Late = promise breached (listed every day while the ticket is open, and on the
  day it closes) or a plain arrival breach whose three minutes ended that day.
  Arrivals explained in advance are listed apart, not as late.
* Closing the day is blocked by an unfinished ticket without the owner told
  that day, and by an on-site ticket whose arrival is still not recorded.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.desk.terms import ArrivalOutcome, TicketKind
from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from estate_desk.domain.desk.tickets import Ticket

REPEAT_WINDOW = timedelta(days=30)


# ---- F7 ---------------------------------------------------------------------


def normalize_matter(matter: str) -> str:
    """The comparable form of a matter: full-width folded, case and spaces ignored."""
    folded = unicodedata.normalize("NFKC", matter).casefold()
    return "".join(folded.split())


def find_repeat(
    room_id: int | None,
    kind: TicketKind,
    matter: str,
    previous_tickets: Iterable[Ticket],
    now: datetime,
    *,
    window: timedelta = REPEAT_WINDOW,
    exclude_number: str | None = None,
) -> tuple[Ticket, ...]:
    """Earlier tickets that make a new one from ``room_id`` about ``matter`` a repeat (F7).

    A previous ticket of the same kind, same room and same matter counts when it
    is still open, or was received or closed within ``window`` before ``now``
    (the boundary itself is inside). Without a room or a matter nothing can be
    compared, so nothing is a repeat. Most recent first; empty when none.
    """
    key = normalize_matter(matter)
    if room_id is None or not key:
        return ()
    found = [
        ticket
        for ticket in previous_tickets
        if ticket.number != exclude_number
        and ticket.room_id == room_id
        and ticket.kind is kind
        and normalize_matter(ticket.matter) == key
        and ticket.received_at <= now
        and (ticket.is_open_at(now) or now - _last_activity(ticket, now) <= window)
    ]
    return tuple(sorted(found, key=lambda t: t.received_at, reverse=True))


def _last_activity(ticket: Ticket, now: datetime) -> datetime:
    if ticket.closed_at is not None and ticket.closed_at <= now:
        return ticket.closed_at
    return ticket.received_at


# ---- F6 ---------------------------------------------------------------------


def day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The day's first instant and the next day's first instant in ``tz``."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return start, end


def _in(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


def owner_told_between(ticket: Ticket, start: datetime, end: datetime) -> bool:
    """Did the owner hear from the office about this ticket in [start, end)?"""
    moments: list[datetime | None] = [n.written_at for n in ticket.progress_notes if n.owner_told]
    moments += [c.completed_at for c in ticket.completions]
    moments += [v.visited_at for v in ticket.return_visits]
    if ticket.postponement is not None:
        moments.append(ticket.postponement.owner_told_at)
    if ticket.arrival_explanation is not None:
        moments.append(ticket.arrival_explanation.owner_told_at)
    return any(_in(moment, start, end) for moment in moments)


@dataclass(frozen=True)
class DailyReview:
    """日清日审 of one day, as of ``as_of`` (the day's end, or now if earlier)."""

    day: date
    start: datetime
    end: datetime
    as_of: datetime
    received: tuple[Ticket, ...]
    completed: tuple[Ticket, ...]
    closed: tuple[Ticket, ...]
    late_promise: tuple[Ticket, ...]
    late_arrival: tuple[Ticket, ...]
    arrival_explained: tuple[Ticket, ...]
    still_open: tuple[Ticket, ...]
    awaiting_return_visit: tuple[Ticket, ...]
    missing_progress: tuple[Ticket, ...]
    repeats: tuple[Ticket, ...]

    @property
    def late(self) -> tuple[Ticket, ...]:
        """Breached promise or plain arrival breach, each ticket once."""
        seen: dict[str, Ticket] = {}
        for ticket in (*self.late_promise, *self.late_arrival):
            seen.setdefault(ticket.number, ticket)
        return tuple(seen.values())


def daily_review(
    tickets: Iterable[Ticket],
    day: date,
    tz: tzinfo,
    now: datetime,
    *,
    kinds: Collection[TicketKind] | None = None,
) -> DailyReview:
    """Sum up one day (F6). ``kinds`` limits the review (default: every kind)."""
    start, end = day_bounds(day, tz)
    if now < start:
        raise InputProblem(zh="不能审核尚未开始的日期。", en="A day that has not begun cannot be reviewed.", rule="F6")
    as_of = min(now, end - timedelta(microseconds=1))
    chosen = sorted(
        (t for t in tickets if (kinds is None or t.kind in kinds) and t.received_at <= as_of),
        key=lambda t: t.received_at,
    )
    active = [t for t in chosen if t.closed_at is None or t.closed_at >= start]
    still_open = [t for t in active if t.is_open_at(as_of)]
    unfinished = [t for t in still_open if t.completion_as_of(as_of) is None]
    unfinished_numbers = {t.number for t in unfinished}
    arrivals_today = [t for t in active if _in(t.arrival_due_at, start, end)]
    return DailyReview(
        day=day,
        start=start,
        end=end,
        as_of=as_of,
        received=tuple(t for t in chosen if _in(t.received_at, start, end)),
        completed=tuple(t for t in active if any(_in(c.completed_at, start, end) for c in t.completions)),
        closed=tuple(t for t in active if t.is_closed_as_of(as_of) and _in(t.closed_at, start, end)),
        late_promise=tuple(t for t in active if t.promise_breached(as_of)),
        late_arrival=tuple(t for t in arrivals_today if t.arrival_outcome(as_of) is ArrivalOutcome.LATE),
        arrival_explained=tuple(t for t in arrivals_today if t.arrival_outcome(as_of) is ArrivalOutcome.EXPLAINED),
        still_open=tuple(still_open),
        awaiting_return_visit=tuple(t for t in still_open if t.number not in unfinished_numbers),
        missing_progress=tuple(
            t for t in unfinished if t.received_at < start and not owner_told_between(t, start, end)
        ),
        repeats=tuple(t for t in chosen if t.is_repeat and _in(t.received_at, start, end)),
    )


class BlockReason(StrEnum):
    """Why a ticket keeps the day from being closed (日清)."""

    NO_PROGRESS_NOTE = "no_progress_note"
    ARRIVAL_NOT_RECORDED = "arrival_not_recorded"

    @property
    def label_zh(self) -> str:
        return {
            BlockReason.NO_PROGRESS_NOTE: "今日未跟进并告知业主",
            BlockReason.ARRIVAL_NOT_RECORDED: "未登记到场时间",
        }[self]

    @property
    def label_en(self) -> str:
        return {
            BlockReason.NO_PROGRESS_NOTE: "No progress told to the owner today",
            BlockReason.ARRIVAL_NOT_RECORDED: "Arrival on site not recorded",
        }[self]


@dataclass(frozen=True)
class DayBlocker:
    ticket: Ticket
    reasons: tuple[BlockReason, ...]


@dataclass(frozen=True)
class DayCloseCheck:
    review: DailyReview
    blockers: tuple[DayBlocker, ...]

    @property
    def can_close(self) -> bool:
        return not self.blockers


def can_close_day(
    tickets: Iterable[Ticket],
    day: date,
    tz: tzinfo,
    now: datetime,
    *,
    kinds: Collection[TicketKind] | None = None,
) -> DayCloseCheck:
    """Which tickets keep the day from being closed, and why (F6)."""
    review = daily_review(tickets, day, tz, now, kinds=kinds)
    missing = {t.number for t in review.missing_progress}
    blockers: list[DayBlocker] = []
    for ticket in review.still_open:
        reasons: list[BlockReason] = []
        if ticket.number in missing:
            reasons.append(BlockReason.NO_PROGRESS_NOTE)
        if ticket.arrival_due_at is not None and (ticket.arrived_at is None or ticket.arrived_at > review.as_of):
            reasons.append(BlockReason.ARRIVAL_NOT_RECORDED)
        if reasons:
            blockers.append(DayBlocker(ticket, tuple(reasons)))
    return DayCloseCheck(review, tuple(blockers))
