"""A ticket at the front desk and the rules it carries (F1–F4, F8).

首按责任制 (F1): whoever receives the matter is its *first receiver* for good, and
the owner is promised feedback within two days of reception.
承诺时限 (F2): a promised handling time, 2 days by default, never more than 7 days
after reception; at most one postponement, told to the owner in time.
处理完毕 (F3): the handler explains, the owner confirms (signature where needed),
the first receiver does the return visit; "not satisfied" reopens the ticket.
三分钟服务承诺 (F4): someone on site within three minutes, or the owner told in
advance.

A :class:`Ticket` is immutable: every transition checks the rules and returns a
new ticket, or raises a :class:`~estate_desk.domain.errors.UserError` that quotes
the rule. Times are passed in (``now`` from the injected clock; ``at`` when the
event happened, defaulting to ``now``). Queries take an instant and answer *as
of* that instant, so a daily review of an earlier day sees that day's truth.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from estate_desk.domain.desk.countdown import Countdown, arrival_countdown, most_urgent_key, promise_countdown
from estate_desk.domain.desk.records import (
    ArrivalExplanation,
    Completion,
    Postponement,
    ProgressNote,
    ReturnVisit,
    check_aware,
    check_event_time,
    check_promise,
    required_text,
    shown,
)
from estate_desk.domain.desk.special_services import ChosenService, services_total
from estate_desk.domain.desk.terms import (
    DEFAULT_POLICY,
    PROMISE_LIMIT,
    ArrivalOutcome,
    Channel,
    Confirmation,
    NotifyMethod,
    Satisfaction,
    TicketKind,
    TicketPolicy,
    TicketStatus,
)
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime
    from decimal import Decimal

__all__ = [  # the ticket's vocabulary and records are re-exported for callers' convenience
    "DEFAULT_POLICY",
    "PROMISE_LIMIT",
    "ArrivalExplanation",
    "ArrivalOutcome",
    "Channel",
    "ChosenService",
    "Completion",
    "Confirmation",
    "NotifyMethod",
    "Postponement",
    "ProgressNote",
    "ReturnVisit",
    "Satisfaction",
    "Ticket",
    "TicketKind",
    "TicketPolicy",
    "TicketStatus",
]


@dataclass(frozen=True)
class Ticket:
    """A matter received at the desk (工单).

    Intake fields (``number`` … ``arrival_due_at``) never change after
    :func:`open_ticket`, except ``promise_due_at`` through the one postponement.
    ``completions``, ``return_visits``, ``progress_notes`` and ``special_services``
    are histories (child rows), oldest first.
    """

    number: str
    kind: TicketKind
    channel: Channel
    first_receiver_id: int
    received_at: datetime
    feedback_due_at: datetime
    promise_due_at: datetime
    arrival_due_at: datetime | None = None
    room_id: int | None = None
    matter: str = ""
    subject: str = ""
    place: str = ""
    repeat_of: str | None = None
    status: TicketStatus = TicketStatus.OPEN
    handler_id: int | None = None
    arrived_at: datetime | None = None
    arrival_explanation: ArrivalExplanation | None = None
    postponement: Postponement | None = None
    completions: tuple[Completion, ...] = ()
    return_visits: tuple[ReturnVisit, ...] = ()
    progress_notes: tuple[ProgressNote, ...] = ()
    special_services: tuple[ChosenService, ...] = ()
    closed_at: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("received_at", "feedback_due_at", "promise_due_at"):
            check_aware(getattr(self, name), name)
        for name in ("arrival_due_at", "arrived_at", "closed_at"):
            value = getattr(self, name)
            if value is not None:
                check_aware(value, name)

    # ---- facts --------------------------------------------------------------

    @property
    def is_repeat(self) -> bool:
        """A repeat of an earlier matter from the same room: a service failure (F7)."""
        return self.repeat_of is not None

    @property
    def original_promise_due_at(self) -> datetime:
        return self.postponement.previous_due_at if self.postponement else self.promise_due_at

    @property
    def special_services_total(self) -> Decimal:
        return services_total(self.special_services)

    @property
    def return_visit_by(self) -> int | None:
        """Who must do the return visit now: the first receiver, once handling is done (F3)."""
        return self.first_receiver_id if self.status is TicketStatus.COMPLETED else None

    def promise_due_as_of(self, at: datetime) -> datetime:
        """The promise in force at ``at`` (a postponement counts from when the owner was told)."""
        if self.postponement and self.postponement.owner_told_at <= at:
            return self.postponement.new_due_at
        return self.original_promise_due_at

    def completion_as_of(self, at: datetime) -> Completion | None:
        """The completion standing at ``at``: the latest one not undone by a
        "not satisfied" return visit at or before ``at``."""
        done = [c for c in self.completions if c.completed_at <= at]
        if not done:
            return None
        latest = done[-1]
        for visit in self.return_visits:
            if latest.completed_at <= visit.visited_at <= at and visit.result is Satisfaction.NOT_SATISFIED:
                return None
        return latest

    def is_closed_as_of(self, at: datetime) -> bool:
        return self.closed_at is not None and self.closed_at <= at

    def is_open_at(self, at: datetime) -> bool:
        """Received by ``at`` and not closed (awaiting a return visit still counts as open)."""
        return self.received_at <= at and not self.is_closed_as_of(at)

    def is_unfinished_at(self, at: datetime) -> bool:
        """Open and not handled yet (or reopened)."""
        return self.is_open_at(at) and self.completion_as_of(at) is None

    def promise_breached(self, now: datetime) -> bool:
        """Handled after the promise, or still unhandled past it (F2)."""
        done = self.completion_as_of(now)
        end = done.completed_at if done else now
        return end > self.promise_due_as_of(now)

    def arrival_outcome(self, now: datetime) -> ArrivalOutcome:
        """F4 as of ``now``; arriving at exactly the deadline is on time."""
        if self.arrival_due_at is None:
            return ArrivalOutcome.NOT_REQUIRED
        arrived = self.arrived_at if self.arrived_at is not None and self.arrived_at <= now else None
        moment = arrived if arrived is not None else now
        if moment <= self.arrival_due_at:
            return ArrivalOutcome.ON_TIME if arrived is not None else ArrivalOutcome.WAITING
        explained = self.arrival_explanation
        if explained is not None and explained.owner_told_at <= now and moment <= explained.expected_arrival_at:
            return ArrivalOutcome.EXPLAINED if arrived is not None else ArrivalOutcome.WAITING
        return ArrivalOutcome.LATE

    def arrival_breached(self, now: datetime) -> bool:
        """A plain breach of the three minutes (an explanation in advance is not one)."""
        return self.arrival_outcome(now) is ArrivalOutcome.LATE

    @property
    def feedback_given_at(self) -> datetime | None:
        """When the owner first heard back: a progress note told to the owner, the
        postponement notice, or the handler's explanation at completion (F1)."""
        moments = [n.written_at for n in self.progress_notes if n.owner_told]
        moments += [c.completed_at for c in self.completions]
        if self.postponement:
            moments.append(self.postponement.owner_told_at)
        return min(moments) if moments else None

    def feedback_overdue(self, now: datetime) -> bool:
        given = self.feedback_given_at
        if given is not None and given <= now:
            return given > self.feedback_due_at
        return now > self.feedback_due_at

    # ---- clocks -------------------------------------------------------------

    def arrival_clock(self, now: datetime) -> Countdown | None:
        """The three-minute clock; after an explanation in advance it runs to the
        agreed arrival and is marked ``excused``."""
        if self.arrival_due_at is None:
            return None
        arrived = self.arrived_at if self.arrived_at is not None and self.arrived_at <= now else None
        deadline, excused = self.arrival_due_at, False
        explained = self.arrival_explanation
        late = (arrived or now) > self.arrival_due_at
        if explained is not None and explained.owner_told_at <= now and late:
            deadline, excused = max(explained.expected_arrival_at, self.arrival_due_at), True
        return arrival_countdown(self.received_at, deadline, now, stopped_at=arrived, excused=excused)

    def promise_clock(self, now: datetime) -> Countdown:
        done = self.completion_as_of(now)
        return promise_countdown(
            self.received_at,
            self.promise_due_as_of(now),
            now,
            stopped_at=done.completed_at if done else None,
        )

    def clocks(self, now: datetime) -> tuple[Countdown, ...]:
        arrival = self.arrival_clock(now)
        promise = self.promise_clock(now)
        return (arrival, promise) if arrival is not None else (promise,)

    def urgency_key(self, now: datetime) -> tuple[int, float]:
        """Sort key for the board: most urgent ticket first."""
        return most_urgent_key(self.clocks(now))

    # ---- transitions --------------------------------------------------------

    def _require_open(self, rule: str, doing_zh: str, doing_en: str) -> None:
        if self.status is not TicketStatus.OPEN:
            raise RuleViolation(
                zh=f"工单 {self.number} 当前为“{self.status.label_zh}”，不能{doing_zh}。",
                en=f"Ticket {self.number} is '{self.status.label_en}'; cannot {doing_en}.",
                rule=rule,
            )

    def dispatch(self, handler_id: int) -> Ticket:
        """Assign the handler the office sends (F1: the first receiver stays the owner)."""
        self._require_open("F1", "派工", "dispatch it")
        return replace(self, handler_id=handler_id)

    def record_arrival(self, *, now: datetime, at: datetime | None = None) -> Ticket:
        """Someone reached the place the owner named (F4)."""
        self._require_open("F4", "登记到场", "record an arrival")
        when = check_event_time(at or now, now, self.received_at, "F4", "到场时间", "The arrival time")
        if self.arrived_at is not None:
            raise InputProblem(zh="到场时间已登记。", en="The arrival is already recorded.", rule="F4")
        return replace(self, arrived_at=when)

    def explain_arrival_delay(
        self,
        *,
        reason: str,
        owner_told_how: NotifyMethod,
        expected_arrival_at: datetime,
        recorded_by: int,
        now: datetime,
        owner_told_at: datetime | None = None,
    ) -> Ticket:
        """The owner told *before* the three minutes ran out why it takes longer (F4)."""
        self._require_open("F4", "登记延迟到场说明", "record a delay explanation")
        if self.arrival_due_at is None:
            raise InputProblem(
                zh=f"{self.kind.label_zh}不需要三分钟到场。",
                en=f"A {self.kind.label_en.lower()} has no three-minute arrival clock.",
                rule="F4",
            )
        if self.arrived_at is not None:
            raise RuleViolation(zh="已经到场，无需事先解释。", en="Already on site; nothing to explain.", rule="F4")
        if self.arrival_explanation is not None:
            raise RuleViolation(zh="延迟到场已解释过一次。", en="The delay has already been explained once.", rule="F4")
        text = required_text(reason, "F4", "请填写无法三分钟到场的原因。", "Give the reason for the delay.")
        told = check_event_time(owner_told_at or now, now, self.received_at, "F4", "告知时间", "The time told")
        if told > self.arrival_due_at:
            raise RuleViolation(
                zh="三分钟已过：应在事先向业主解释，现在只能记为超时到场。",
                en="The three minutes are over: the owner had to be told in advance; this is a late arrival.",
                rule="F4",
            )
        check_aware(expected_arrival_at, "expected_arrival_at")
        if expected_arrival_at < told:
            raise InputProblem(
                zh="预计到场时间不能早于告知时间。",
                en="The expected arrival cannot be before the owner was told.",
                rule="F4",
            )
        explanation = ArrivalExplanation(text, told, owner_told_how, expected_arrival_at, recorded_by, now)
        return replace(self, arrival_explanation=explanation)

    def postpone(
        self,
        *,
        reason: str,
        owner_told_how: NotifyMethod,
        new_due_at: datetime,
        recorded_by: int,
        now: datetime,
        owner_told_at: datetime | None = None,
    ) -> Ticket:
        """The one postponement (F2): a reason, the owner told in time, a later due
        time still within 7 days of reception."""
        if self.postponement is not None:
            raise RuleViolation(
                zh=(
                    f"同一件事不得两次延期：工单 {self.number} 已于"
                    f"{shown(self.postponement.recorded_at)}延期一次"
                    f"（原因：{self.postponement.reason}）。"
                ),
                en=(
                    f"The same matter may never be postponed twice: ticket {self.number} "
                    f"was already postponed once ({self.postponement.reason})."
                ),
                rule="F2",
            )
        self._require_open("F2", "延期", "postpone it")
        text = required_text(reason, "F2", "延期必须说明原因。", "A postponement needs a reason.")
        told = check_event_time(owner_told_at or now, now, self.received_at, "F2", "告知时间", "The time told")
        if told > self.promise_due_at:
            raise RuleViolation(
                zh="未在承诺时间内通知业主，不能再延期；此单已超时。",
                en="The owner was not told before the promised time; it can no longer be postponed.",
                rule="F2",
            )
        check_aware(new_due_at, "new_due_at")
        if new_due_at <= self.promise_due_at:
            raise RuleViolation(
                zh="新的承诺时间必须晚于原承诺时间。",
                en="The new promised time must be later than the current one.",
                rule="F2",
            )
        check_promise(new_due_at, self.received_at, now)
        record = Postponement(self.promise_due_at, new_due_at, text, told, owner_told_how, recorded_by, now)
        return replace(self, promise_due_at=new_due_at, postponement=record)

    def add_progress_note(
        self,
        *,
        author_id: int,
        text: str,
        now: datetime,
        owner_told_how: NotifyMethod | None = None,
        at: datetime | None = None,
    ) -> Ticket:
        """Today's follow-up (F6). Giving ``owner_told_how`` means the owner was told."""
        if self.status is TicketStatus.CLOSED:
            raise RuleViolation(
                zh=f"工单 {self.number} 已办结，无需跟进。",
                en=f"Ticket {self.number} is closed; no follow-up needed.",
                rule="F6",
            )
        body = required_text(text, "F6", "跟进记录不能为空。", "A progress note cannot be empty.")
        when = check_event_time(at or now, now, self.received_at, "F6", "跟进时间", "The note's time")
        note = ProgressNote(author_id, when, body, owner_told_how is not None, owner_told_how)
        return replace(self, progress_notes=(*self.progress_notes, note))

    def complete(
        self,
        *,
        handler_id: int,
        explanation: str,
        confirmation: Confirmation,
        now: datetime,
        signature_record: str = "",
        policy: TicketPolicy = DEFAULT_POLICY,
        at: datetime | None = None,
    ) -> Ticket:
        """Handling done (F3): the handler explained it to the owner, who confirmed."""
        self._require_open("F3", "办结", "complete it")
        if self.arrival_due_at is not None and self.arrived_at is None:
            raise RuleViolation(
                zh="请先登记到场时间，再办结。",
                en="Record the arrival on site before completing.",
                rule="F4",
            )
        text = required_text(
            explanation, "F3", "请填写处理人对业主的交代。", "Give the handler's explanation to the owner."
        )
        if policy.needs_signature(self.kind) and not (confirmation.is_signature and signature_record.strip()):
            raise RuleViolation(
                zh=f"{self.kind.label_zh}办结须业主签字确认并留存签字记录。",
                en=f"A {self.kind.label_en.lower()} needs the owner's signature, kept on record.",
                rule="F3",
            )
        earliest = max(
            [self.received_at]
            + ([self.arrived_at] if self.arrived_at else [])
            + [v.visited_at for v in self.return_visits]
        )
        when = check_event_time(at or now, now, earliest, "F3", "办结时间", "The completion time")
        done = Completion(handler_id, when, text, confirmation, signature_record.strip())
        return replace(
            self, status=TicketStatus.COMPLETED, handler_id=handler_id, completions=(*self.completions, done)
        )

    def record_return_visit(
        self,
        *,
        visitor_id: int,
        result: Satisfaction,
        now: datetime,
        visitor_is_supervisor: bool = False,
        note: str = "",
        at: datetime | None = None,
    ) -> Ticket:
        """The return visit (回访). Satisfied closes; not satisfied reopens with
        every deadline unchanged (F1: followed until the owner is satisfied)."""
        if self.status is not TicketStatus.COMPLETED:
            raise RuleViolation(
                zh=f"工单 {self.number} 当前为“{self.status.label_zh}”，不能回访。",
                en=f"Ticket {self.number} is '{self.status.label_en}'; no return visit is due.",
                rule="F3",
            )
        if visitor_id != self.first_receiver_id and not visitor_is_supervisor:
            raise PermissionDenied(
                zh="回访须由第一接待人或主管进行。",
                en="Only the first receiver or a supervisor may record the return visit.",
                rule="F1",
            )
        earliest = self.completions[-1].completed_at if self.completions else self.received_at
        when = check_event_time(at or now, now, earliest, "F3", "回访时间", "The visit's time")
        visit = ReturnVisit(visitor_id, when, result, visitor_is_supervisor, note.strip())
        visits = (*self.return_visits, visit)
        if result is Satisfaction.NOT_SATISFIED:
            return replace(self, status=TicketStatus.OPEN, return_visits=visits)
        return replace(self, status=TicketStatus.CLOSED, closed_at=when, return_visits=visits)

    def with_special_services(self, lines: Iterable[ChosenService]) -> Ticket:
        """The special services the owner chose (F8); fixed once the work is done."""
        self._require_open("F8", "修改特约服务", "change its special services")
        return replace(self, special_services=tuple(lines))
