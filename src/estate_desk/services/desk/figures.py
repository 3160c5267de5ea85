"""The desk's figures for any period (服务质量统计, F1–F4, F7): as a table, for a chart, and as ``.xlsx``.

The figures follow the tickets *received* in the period (office dates, both ends included) and
count what happened to them up to the period's end (or now, while it runs):

* on-time handling — handled within the promise in force (a proper postponement counts, F2);
  the base is every ticket whose outcome is known: handled, or past its promise unhandled;
* promises kept — handled within the *first* promise, with no postponement needed;
* feedback within two days (F1) — the owner heard back by the feedback promise;
* the three minutes (F4) — on time against on time + late; explained in advance counted apart;
* postponements, and second postponements refused (F2); repeat complaints (F7);
* return visits — visited against handled; satisfaction — satisfied or basically satisfied
  against every return visit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.desk.review import day_bounds
from estate_desk.domain.desk.terms import ArrivalOutcome, Satisfaction, TicketKind
from estate_desk.domain.errors import InputProblem
from estate_desk.services.desk.tickets import EventKind, domain_tickets
from estate_desk.services.spreadsheets import write_xlsx
from estate_desk.store.desk import Ticket
from estate_desk.store.desk_records import TicketEvent

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.tickets import Ticket as DomainTicket
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class FigureLine:
    """One line of the figures table: a count, its base (None: a plain count) and the rate."""

    key: str
    label_zh: str
    label_en: str
    count: int
    base: int | None = None

    @property
    def rate(self) -> float | None:
        if self.base is None or self.base == 0:
            return None
        return self.count / self.base

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en

    def percent(self) -> Decimal | None:
        """The rate in percent, one decimal (85.7)."""
        if self.rate is None:
            return None
        return (Decimal(self.count) * 100 / Decimal(self.base or 1)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class DeskFigures:
    start: date
    end: date
    as_of: datetime
    received: int
    by_kind: tuple[tuple[TicketKind, int], ...]
    decided: int
    on_time: int
    first_promise_kept: int
    feedback_known: int
    feedback_on_time: int
    arrival_on_time: int
    arrival_explained: int
    arrival_late: int
    postponed: int
    second_postponements_refused: int
    repeats: int
    handled: int
    return_visited: int
    satisfied: int
    basically_satisfied: int
    not_satisfied: int

    @property
    def visits(self) -> int:
        return self.satisfied + self.basically_satisfied + self.not_satisfied

    def lines(self) -> list[FigureLine]:
        """The table (and the chart's bars) in a fixed order."""
        arrivals = self.arrival_on_time + self.arrival_late
        return [
            FigureLine("received", "受理工单", "Tickets received", self.received),
            FigureLine("on_time", "按时处理率", "Handled on time", self.on_time, self.decided),
            FigureLine("promises_kept", "首次承诺兑现", "First promise kept", self.first_promise_kept, self.decided),
            FigureLine("feedback", "二日内反馈", "Feedback within 2 days", self.feedback_on_time, self.feedback_known),
            FigureLine("arrival", "三分钟到场率", "On site within 3 minutes", self.arrival_on_time, arrivals),
            FigureLine("arrival_explained", "事先解释、延迟到场", "Delay explained in advance", self.arrival_explained),
            FigureLine("arrival_late", "超时到场", "Late on site", self.arrival_late),
            FigureLine("postponed", "延期", "Postponed", self.postponed, self.received),
            FigureLine("refused", "第二次延期被拒", "Second postponements refused", self.second_postponements_refused),
            FigureLine("repeats", "重复投诉", "Repeat complaints", self.repeats, self.received),
            FigureLine("return_visits", "回访率", "Return visits", self.return_visited, self.handled),
            FigureLine(
                "satisfaction",
                "满意率（含基本满意）",
                "Satisfied or basically",
                self.satisfied + self.basically_satisfied,
                self.visits,
            ),
            FigureLine("satisfied", "满意", "Satisfied", self.satisfied, self.visits),
            FigureLine("basically", "基本满意", "Basically satisfied", self.basically_satisfied, self.visits),
            FigureLine("not_satisfied", "不满意", "Not satisfied", self.not_satisfied, self.visits),
        ]

    def line(self, key: str) -> FigureLine:
        return next(x for x in self.lines() if x.key == key)


def _count(tickets: Collection[DomainTicket], as_of: datetime) -> dict[str, int]:
    c: Counter[str] = Counter()
    for t in tickets:
        done = t.completion_as_of(as_of)
        breached = t.promise_breached(as_of)
        if done is not None or breached:
            c["decided"] += 1
            if not breached:
                c["on_time"] += 1
                postponed = t.postponement is not None and t.postponement.recorded_at <= as_of
                if not postponed:
                    c["first_promise_kept"] += 1
        given = t.feedback_given_at
        if (given is not None and given <= as_of) or as_of > t.feedback_due_at:
            c["feedback_known"] += 1
            if given is not None and given <= min(as_of, t.feedback_due_at):
                c["feedback_on_time"] += 1
        outcome = t.arrival_outcome(as_of)
        c["arrival_on_time"] += outcome is ArrivalOutcome.ON_TIME
        c["arrival_explained"] += outcome is ArrivalOutcome.EXPLAINED
        c["arrival_late"] += outcome is ArrivalOutcome.LATE
        c["postponed"] += t.postponement is not None and t.postponement.recorded_at <= as_of
        c["repeats"] += t.is_repeat
        visits = [v for v in t.return_visits if v.visited_at <= as_of]
        c["handled"] += any(x.completed_at <= as_of for x in t.completions)
        c["return_visited"] += bool(visits)
        for visit in visits:
            c[visit.result.value] += 1
    return c


def figures(
    db: Database, clock: Clock, start: date, end: date, *, kinds: Collection[TicketKind] | None = None
) -> DeskFigures:
    """The figures of tickets received from ``start`` to ``end`` (both included, office dates)."""
    if end < start:
        raise InputProblem(zh="结束日期不能早于开始日期。", en="The end date cannot be before the start date.")
    first, _ = day_bounds(start, CHINA_TZ)
    _, after = day_bounds(end, CHINA_TZ)
    now = clock.now()
    if now < first:
        raise InputProblem(zh="统计期尚未开始。", en="The period has not begun yet.")
    as_of = min(now, after - timedelta(microseconds=1))
    query = select(Ticket).where(Ticket.received_at >= first, Ticket.received_at < after, Ticket.received_at <= as_of)
    if kinds:
        query = query.where(Ticket.kind.in_(sorted(k.value for k in kinds)))
    with db.session() as s:
        rows = list(s.scalars(query))
        tickets = domain_tickets(s, rows)
        refused = 0
        if rows:
            refused = (
                s.scalar(
                    select(func.count()).where(
                        TicketEvent.kind == EventKind.POSTPONEMENT_REFUSED.value,
                        TicketEvent.at <= as_of,
                        TicketEvent.ticket_id.in_(query.with_only_columns(Ticket.id)),
                    )
                )
                or 0
            )
    c = _count(list(tickets.values()), as_of)
    kinds_seen = Counter(t.kind for t in tickets.values())
    return DeskFigures(
        start=start,
        end=end,
        as_of=as_of,
        received=len(tickets),
        by_kind=tuple((k, kinds_seen[k]) for k in TicketKind if kinds_seen[k]),
        decided=c["decided"],
        on_time=c["on_time"],
        first_promise_kept=c["first_promise_kept"],
        feedback_known=c["feedback_known"],
        feedback_on_time=c["feedback_on_time"],
        arrival_on_time=c["arrival_on_time"],
        arrival_explained=c["arrival_explained"],
        arrival_late=c["arrival_late"],
        postponed=c["postponed"],
        second_postponements_refused=refused,
        repeats=c["repeats"],
        handled=c["handled"],
        return_visited=c["return_visited"],
        satisfied=c[Satisfaction.SATISFIED.value],
        basically_satisfied=c[Satisfaction.BASICALLY_SATISFIED.value],
        not_satisfied=c[Satisfaction.NOT_SATISFIED.value],
    )


def export_figures(result: DeskFigures, path: Path, *, lang: str = "zh") -> int:
    """The figures as one ``.xlsx`` sheet (written to a temporary file, then renamed into place)."""
    if path.suffix.lower() != ".xlsx":
        raise InputProblem(
            zh="统计表导出为 .xlsx 文件", en="The figures are exported as an .xlsx file", where=str(path)
        )
    zh = lang.startswith("zh")
    headers = ["指标", "数量", "基数", "比率（%）"] if zh else ["Figure", "Count", "Of", "Rate (%)"]
    rows: list[list[str | int | Decimal | None]] = [
        [x.label(lang), x.count, x.base, x.percent()] for x in result.lines()
    ]
    rows += [[f"{'受理' if zh else 'Received'}：{k.label(lang)}", n, None, None] for k, n in result.by_kind]
    period = f"{result.start:%Y-%m-%d} – {result.end:%Y-%m-%d}"
    rows.append([("统计期" if zh else "Period") + f"：{period}", None, None, None])
    return write_xlsx(path, "服务质量统计" if zh else "Desk figures", headers, rows)
