"""Who is on duty when (F5).

护卫班、维修班实行24小时专人服务；客户服务中心实行16小时专人服务，并在无专人值班的
时间段出示客户服务中心所有人员的联系电话。

Guards and repairs are staffed around the clock. The service-centre desk is staffed
16 hours a day, 07:00–23:00 by default (configurable, overnight spans allowed).
Whenever nobody is at the desk, every service-centre staff number is shown.

Opening is inclusive and closing exclusive: at 07:00:00 the desk is staffed, at
23:00:00 it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ

if TYPE_CHECKING:
    from collections.abc import Iterable


class Team(StrEnum):
    """Teams whose hours F5 names."""

    SERVICE_DESK = "service_desk"
    GUARDS = "guards"
    REPAIRS = "repairs"

    @property
    def label_zh(self) -> str:
        return {Team.SERVICE_DESK: "客户服务中心", Team.GUARDS: "护卫班", Team.REPAIRS: "维修班"}[self]

    @property
    def label_en(self) -> str:
        return {Team.SERVICE_DESK: "Service centre", Team.GUARDS: "Guards", Team.REPAIRS: "Repairs"}[self]


ROUND_THE_CLOCK = frozenset({Team.GUARDS, Team.REPAIRS})


@dataclass(frozen=True)
class OfficeHours:
    """When the service-centre desk is staffed, in the office's time zone."""

    desk_opens: time = time(7, 0)
    desk_closes: time = time(23, 0)
    tz: tzinfo = CHINA_TZ

    def __post_init__(self) -> None:
        if self.desk_opens.tzinfo is not None or self.desk_closes.tzinfo is not None:
            raise ValueError("desk hours are wall-clock times; give the zone in tz")
        if self.desk_opens == self.desk_closes:
            raise ValueError("the desk must open and close at different times")

    @property
    def overnight(self) -> bool:
        """True when the staffed span crosses midnight (e.g. 20:00–04:00)."""
        return self.desk_closes < self.desk_opens

    @property
    def staffed_per_day(self) -> timedelta:
        """Length of the staffed span on an ordinary day (16 h by default)."""
        opens = datetime.combine(date(2000, 1, 1), self.desk_opens)
        closes = datetime.combine(date(2000, 1, 1), self.desk_closes)
        span = closes - opens
        return span if span > timedelta(0) else span + timedelta(days=1)


DEFAULT_OFFICE_HOURS = OfficeHours()


def _local_time(at: datetime, hours: OfficeHours) -> time:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be timezone-aware")
    return at.astimezone(hours.tz).time().replace(tzinfo=None)


def is_desk_staffed(at: datetime, hours: OfficeHours = DEFAULT_OFFICE_HOURS) -> bool:
    """Is someone at the service-centre desk at ``at``?"""
    local = _local_time(at, hours)
    if hours.overnight:
        return local >= hours.desk_opens or local < hours.desk_closes
    return hours.desk_opens <= local < hours.desk_closes


def is_team_staffed(team: Team, at: datetime, hours: OfficeHours = DEFAULT_OFFICE_HOURS) -> bool:
    """Guards and repairs: always. The desk: during its hours."""
    if team in ROUND_THE_CLOCK:
        return True
    return is_desk_staffed(at, hours)


def should_show_on_call_list(at: datetime, hours: OfficeHours = DEFAULT_OFFICE_HOURS) -> bool:
    """Show every service-centre staff number whenever nobody is at the desk."""
    return not is_desk_staffed(at, hours)


@dataclass(frozen=True)
class OnCallContact:
    """A number shown while the desk is unstaffed."""

    name: str
    phone: str
    role: str = ""
    team: Team = Team.SERVICE_DESK


def contacts_to_show(
    at: datetime,
    contacts: Iterable[OnCallContact],
    hours: OfficeHours = DEFAULT_OFFICE_HOURS,
) -> tuple[OnCallContact, ...]:
    """All contacts (the plan says *all* staff numbers) when the desk is unstaffed, else none."""
    if is_desk_staffed(at, hours):
        return ()
    return tuple(contacts)


def next_desk_change(at: datetime, hours: OfficeHours = DEFAULT_OFFICE_HOURS) -> datetime:
    """The next instant after ``at`` when the desk opens or closes.

    A UI schedules one single-shot timer for this instant and re-asks
    :func:`is_desk_staffed` then, instead of polling.
    """
    _local_time(at, hours)
    local_day = at.astimezone(hours.tz).date()
    candidates = [
        datetime.combine(local_day + timedelta(days=offset), moment, tzinfo=hours.tz)
        for offset in (0, 1, 2)
        for moment in (hours.desk_opens, hours.desk_closes)
    ]
    return min(candidate for candidate in candidates if candidate > at)
