"""What happens to a ticket, as records the database keeps (F2–F4, F6), and the
time checks every transition shares.

Each record is a plain frozen dataclass that maps to a row: a postponement and
an arrival explanation are 1:1 with their ticket (at most one each); completions,
return visits and progress notes are 1:n histories, oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.desk.terms import (
    PROMISE_LIMIT,
    Confirmation,
    NotifyMethod,
    Satisfaction,
)
from estate_desk.domain.errors import InputProblem, RuleViolation

if TYPE_CHECKING:
    from datetime import datetime


def check_aware(value: datetime, name: str) -> None:
    """Naive datetimes are a programming error, never the user's."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def shown(moment: datetime) -> str:
    """A moment as messages show it: office time (China Standard Time), to the minute."""
    return f"{moment.astimezone(CHINA_TZ):%Y-%m-%d %H:%M}"


def check_event_time(when: datetime, now: datetime, earliest: datetime, rule: str, zh: str, en: str) -> datetime:
    """An event happened no later than ``now`` and no earlier than ``earliest``
    (reception, or the step before it)."""
    check_aware(when, en)
    check_aware(now, "now")
    if when > now:
        raise InputProblem(zh=f"{zh}不能在将来。", en=f"{en} cannot be in the future.", rule=rule)
    if when < earliest:
        raise InputProblem(
            zh=f"{zh}不能早于受理时间或上一步的时间（{shown(earliest)}）。",
            en=f"{en} cannot be before reception or the previous step ({shown(earliest)}).",
            rule=rule,
        )
    return when


def required_text(value: str, rule: str, zh: str, en: str) -> str:
    text = value.strip()
    if not text:
        raise RuleViolation(zh=zh, en=en, rule=rule)
    return text


@dataclass(frozen=True)
class Postponement:
    """The one postponement a matter may have (F2). 1:1 with its ticket."""

    previous_due_at: datetime
    new_due_at: datetime
    reason: str
    owner_told_at: datetime
    owner_told_how: NotifyMethod
    recorded_by: int
    recorded_at: datetime


@dataclass(frozen=True)
class ArrivalExplanation:
    """The owner told in advance that nobody can be there in three minutes (F4). 1:1."""

    reason: str
    owner_told_at: datetime
    owner_told_how: NotifyMethod
    expected_arrival_at: datetime
    recorded_by: int
    recorded_at: datetime


@dataclass(frozen=True)
class Completion:
    """The handler's report (F3). A reopened ticket gets another one; all are kept.

    ``signature_record`` says where the owner's signature is kept (an attachment id,
    a slip number); required when the policy wants a signature for the kind.
    """

    handler_id: int
    completed_at: datetime
    explanation: str
    confirmation: Confirmation
    signature_record: str = ""


@dataclass(frozen=True)
class ReturnVisit:
    """The first receiver's (or a supervisor's) return visit (回访, F1/F3)."""

    visitor_id: int
    visited_at: datetime
    result: Satisfaction
    by_supervisor: bool = False
    note: str = ""


@dataclass(frozen=True)
class ProgressNote:
    """Daily follow-up of an unfinished matter (F6); ``owner_told`` if the owner heard of it."""

    author_id: int
    written_at: datetime
    text: str
    owner_told: bool = False
    owner_told_how: NotifyMethod | None = None


def check_promise(due: datetime, received_at: datetime, now: datetime) -> None:
    """F2: after reception, in the future, and at most 7 days after reception."""
    if due <= received_at:
        raise InputProblem(
            zh="承诺时间不能早于受理时间。", en="The promised time cannot be before reception.", rule="F2"
        )
    if due <= now:
        raise InputProblem(zh="承诺时间已经过去，请重新承诺。", en="The promised time is already past.", rule="F2")
    if due - received_at > PROMISE_LIMIT:
        latest = received_at + PROMISE_LIMIT
        raise RuleViolation(
            zh=f"承诺时间一般不超过一周：最晚为 {shown(latest)}。",
            en=f"A promise may not be more than 7 days after reception (latest {shown(latest)}).",
            rule="F2",
        )
