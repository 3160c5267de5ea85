"""Countdowns computed from a stored deadline and ``now`` (F2, F4).

A countdown is never kept by counting timer ticks: the board asks for a fresh
:class:`Countdown` from the stored start and deadline and ``clock.now()`` each
time it repaints, so it cannot drift and tells the truth after a laptop wakes up.

Two clocks exist:

* the **arrival clock** (三分钟服务承诺, F4): three minutes from reception until
  someone is on site. Text ``mm:ss`` (``"02:59"``), ``"+00:05"`` once breached.
  Amber in the last minute.
* the **promise clock** (承诺处理时限, F2): from reception to the promised
  handling time. Text in days/hours/minutes (``"1天3小时20分"`` / ``"1d 3h 20m"``),
  with a leading ``"超时"`` / ``"overdue"`` once breached. Amber in the last fifth
  of the promised period.

Colours: GREEN while comfortably in time, AMBER near the deadline, RED once
breached (and the text then counts UP). The deadline instant itself is still in
time ("不能超过三分钟": arriving at exactly 3:00 keeps the promise).

A stopped clock (arrived on site / handling completed) keeps showing its final
remaining or overdue time; it is GREEN if it stopped in time and RED if not —
never AMBER, since nothing is pending any more.

Displayed numbers round away from the deadline (1.2 s left shows ``"00:02"``,
0.2 s over shows ``"+00:01"``), so ``"00:00"`` only ever means "exactly now" and
a breached clock never reads ``"+00:00"``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

ARRIVAL_AMBER = timedelta(minutes=1)
"""The arrival clock turns amber in its last minute."""

PROMISE_AMBER_FRACTION = 5
"""The promise clock turns amber in the last 1/5 of the promised period."""


class ClockKind(StrEnum):
    ARRIVAL = "arrival"
    PROMISE = "promise"


class CountdownState(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def rank(self) -> int:
        """0 for RED (most urgent) … 2 for GREEN."""
        return {CountdownState.RED: 0, CountdownState.AMBER: 1, CountdownState.GREEN: 2}[self]


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True)
class Countdown:
    """One clock of one ticket, evaluated at ``at`` (``now``, or when it stopped).

    ``remaining`` is ``deadline - at``: positive while in time, negative once
    breached. ``excused`` marks an arrival clock whose deadline is the expected
    arrival the owner agreed to after an explanation in advance (F4).
    """

    kind: ClockKind
    start: datetime
    deadline: datetime
    at: datetime
    stopped: bool = False
    excused: bool = False

    def __post_init__(self) -> None:
        _aware(self.start, "start")
        _aware(self.deadline, "deadline")
        _aware(self.at, "at")
        if self.deadline < self.start:
            raise ValueError("a deadline cannot come before its start")

    @property
    def remaining(self) -> timedelta:
        return self.deadline - self.at

    @property
    def breached(self) -> bool:
        """True once ``at`` is strictly after the deadline."""
        return self.at > self.deadline

    @property
    def amber_within(self) -> timedelta:
        if self.kind is ClockKind.ARRIVAL:
            return ARRIVAL_AMBER
        return (self.deadline - self.start) / PROMISE_AMBER_FRACTION

    @property
    def state(self) -> CountdownState:
        if self.breached:
            return CountdownState.RED
        if not self.stopped and self.remaining <= self.amber_within:
            return CountdownState.AMBER
        return CountdownState.GREEN

    @property
    def seconds(self) -> int:
        """Whole seconds left (positive) or over (negative), rounded away from the deadline."""
        exact = self.remaining.total_seconds()
        return int(math.copysign(math.ceil(abs(exact)), exact)) if exact else 0

    def text(self, lang: str = "zh") -> str:
        """``"02:59"`` / ``"+00:05"`` for arrival; ``"1天3小时20分"`` / ``"超时5分"`` for a promise."""
        if self.kind is ClockKind.ARRIVAL:
            return arrival_text(self.remaining)
        return promise_text(self.remaining, lang)

    @property
    def sort_key(self) -> tuple[int, float]:
        """Most urgent first: running clocks before stopped ones, then least time left
        (the most overdue is the most negative, so it comes first)."""
        return (1 if self.stopped else 0, self.remaining.total_seconds())


def arrival_countdown(
    start: datetime,
    deadline: datetime,
    now: datetime,
    *,
    stopped_at: datetime | None = None,
    excused: bool = False,
) -> Countdown:
    """The three-minute clock (F4); ``stopped_at`` is the arrival on site."""
    at = stopped_at if stopped_at is not None else now
    return Countdown(ClockKind.ARRIVAL, start, deadline, at, stopped=stopped_at is not None, excused=excused)


def promise_countdown(
    start: datetime,
    deadline: datetime,
    now: datetime,
    *,
    stopped_at: datetime | None = None,
) -> Countdown:
    """The promised-handling clock (F2); ``stopped_at`` is the completion."""
    at = stopped_at if stopped_at is not None else now
    return Countdown(ClockKind.PROMISE, start, deadline, at, stopped=stopped_at is not None)


def _away_from_zero(value: timedelta, unit_seconds: int) -> int:
    """The absolute value of ``value`` in whole units, rounded up."""
    return math.ceil(abs(value.total_seconds()) / unit_seconds)


def arrival_text(remaining: timedelta) -> str:
    """``mm:ss`` left, or ``+mm:ss`` over. Minutes are not capped at 59 (``"+75:00"``)."""
    total = _away_from_zero(remaining, 1)
    minutes, seconds = divmod(total, 60)
    sign = "+" if remaining < timedelta(0) else ""
    return f"{sign}{minutes:02d}:{seconds:02d}"


def promise_text(remaining: timedelta, lang: str = "zh") -> str:
    """Days, hours and minutes; units that are zero are left out (``"1天20分"``),
    except that at least the minutes always show (``"0分"``)."""
    total_minutes = _away_from_zero(remaining, 60)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    zh = lang.startswith("zh")
    parts: list[str] = []
    if days:
        parts.append(f"{days}天" if zh else f"{days}d")
    if hours:
        parts.append(f"{hours}小时" if zh else f"{hours}h")
    if minutes or not parts:
        parts.append(f"{minutes}分" if zh else f"{minutes}m")
    body = "".join(parts) if zh else " ".join(parts)
    if remaining < timedelta(0):
        return f"超时{body}" if zh else f"overdue {body}"
    return body


def most_urgent_key(countdowns: Iterable[Countdown]) -> tuple[int, float]:
    """Sort key for a row with several clocks: its most urgent clock's key.

    A row with no clock at all sorts after every row that has one.
    """
    keys = [countdown.sort_key for countdown in countdowns]
    return min(keys) if keys else (2, math.inf)
