"""What the archive clerk's three routines share: statuses, office dates, who keeps them.

The routines themselves are in :mod:`estate_desk.domain.routines.inspections` (archive-room
inspections, A10), :mod:`estate_desk.domain.routines.census` (quarterly household census, A14)
and :mod:`estate_desk.domain.routines.arrears` (arrears follow-ups, A15).

Every rule here works on **office dates**: an instant is turned into a date in China
Standard Time (:data:`~estate_desk.domain.clock.CHINA_TZ`) by :func:`office_date`, and
"days ago" means calendar days between office dates, never 24-hour periods. The
current instant always comes in as ``now`` (from an injected clock).

Each routine says where it stands with one :class:`RoutineStatus`: ``ok`` (nothing to
do yet), ``due`` (to do now, not late) or ``overdue`` (late).
"""

from __future__ import annotations

import calendar
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.roles import ARCHIVE_KEEPERS, Role

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date, datetime

ROUTINE_KEEPERS = ARCHIVE_KEEPERS
"""Roles that record inspections, census checks, arrears and follow-ups: the archive clerk and the administrator."""

ROUTINE_READERS = ARCHIVE_KEEPERS | {Role.SUPERVISOR, Role.MANAGEMENT_OFFICE}
"""Roles that may read the inspection log, census lists and arrears lists (the clerk's overseers too)."""


class RoutineStatus(StrEnum):
    """Where a routine stands today."""

    OK = "ok"  # 正常: nothing to do yet
    DUE = "due"  # 待办: to do now
    OVERDUE = "overdue"  # 逾期: late

    @property
    def rank(self) -> int:
        """0 for OVERDUE (most urgent) … 2 for OK."""
        return {RoutineStatus.OVERDUE: 0, RoutineStatus.DUE: 1, RoutineStatus.OK: 2}[self]

    def label(self, lang: str = "zh") -> str:
        zh, en = {
            RoutineStatus.OK: ("正常", "OK"),
            RoutineStatus.DUE: ("待办", "Due"),
            RoutineStatus.OVERDUE: ("逾期", "Overdue"),
        }[self]
        return zh if lang.startswith("zh") else en


def worst(statuses: Iterable[RoutineStatus]) -> RoutineStatus:
    """The most urgent of several statuses (OK for none)."""
    return min(statuses, key=lambda st: st.rank, default=RoutineStatus.OK)


def office_date(instant: datetime) -> date:
    """The calendar date of an instant at the office (China Standard Time)."""
    if instant.tzinfo is None:
        raise ValueError("office_date needs a timezone-aware instant")
    return instant.astimezone(CHINA_TZ).date()


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, kept inside short months (01-31 + 1 → 02-28/29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))
