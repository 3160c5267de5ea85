"""Injected time. Countdowns are computed from stored deadlines and ``clock.now()``.

All datetimes in Estate Desk are timezone-aware. Nothing outside this module calls
``datetime.now()``; services and widgets receive a :class:`Clock`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The machine's clock, in its local timezone."""

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that only moves when told to; for tests and the demo."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by ``delta`` or by ``timedelta(**kwargs)``; returns the new now."""
        step = delta if delta is not None else timedelta(**kwargs)
        if step < timedelta(0):
            raise ValueError("a FakeClock does not go backwards; use set()")
        self._now += step
        return self._now

    def set(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FakeClock needs timezone-aware instants")
        self._now = instant


CHINA_TZ = timezone(timedelta(hours=8), "CST")
"""China Standard Time, the office's zone when none is configured."""
