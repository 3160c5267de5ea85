"""The demo estate's routines: inspections, this quarter's census half done, households in arrears.

Everything is dated back from the demo clock's ``now`` and chosen by index, never at
random, so the demo is the same every time and the today page has something in every
section: an inspection due (the last one five weeks ago), a census partly done with a few
changed phone numbers and addresses in the owners' files, and ten households in arrears
of which some are due, some overdue and some not yet.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.routines.census import Quarter
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.routines.inspections import Check
from estate_desk.services.routines import arrears, census, inspections
from estate_desk.store.accounts import User
from estate_desk.store.estate import Room
from estate_desk.store.routines import CensusTask

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock

# (weeks ago, failed checks, temperature °C, humidity %, notes); the latest first
_INSPECTIONS: tuple[tuple[int, tuple[Check, ...], str, str, str], ...] = (
    (5, (), "21.5", "61.0", "湿度略高，已开启除湿机。"),
    (9, (), "24.5", "55.0", "灭火器已年检，在有效期内。"),
    (13, (Check.PESTS,), "26.0", "66.5", "梅雨季节湿度偏高；发现少量蠹虫，已放置防虫剂。"),
    (18, (), "19.0", "52.0", ""),
    (22, (Check.CLEAN,), "16.5", "48.0", "档案柜顶部积灰，已安排清洁。"),
)

# (room index, [(fee type, amount, days unpaid)], follow-ups days ago, settled days ago or None)
_ARREARS: tuple[tuple[int, tuple[tuple[str, str, int], ...], tuple[int, ...], int | None], ...] = (
    (5, (("management", "2460.00", 120),), (40, 26, 12), None),  # followed up 12 days ago: not yet
    (23, (("water", "186.50", 75), ("electricity", "312.80", 60)), (20,), None),  # 20 days ago: overdue
    (38, (("management", "1230.00", 50),), (14,), None),  # exactly 14 days ago: due today
    (61, (("other", "300.00", 40),), (), None),  # over a month, never followed up: due
    (84, (("management", "820.00", 20),), (), None),  # not yet a month
    (97, (("management", "4920.00", 200),), (60, 45, 30), None),  # 30 days ago: overdue
    (120, (("electricity", "95.20", 95),), (3,), None),  # 3 days ago: not yet
    (143, (("water", "58.00", 65),), (), None),  # over a month for weeks, never followed up: overdue
    (171, (("water", "64.30", 10),), (), None),  # ten days: not yet
    (205, (("management", "2050.00", 150),), (50, 36), 30),  # paid 30 days ago: history only
)
_SAID = (
    "业主表示月底前缴清。",
    "电话无人接听，已发短信提醒。",
    "业主对楼道维修不满，暂缓缴费，已转客服部跟进。",
    "已上门送达催缴通知书，家人代收。",
    "业主出差在外，答应回来后缴纳。",
)
_METHODS = ("phone", "message", "phone", "notice", "visit")

# every how-many-th household of the census is checked already, and whose details changed
_CENSUS_DONE = (0, 1, 3, 4, 6)  # index % 9 in these: a little over half the households
_NEW_ADDRESSES = ("翠湖苑3栋2单元1502（常住）", "市区人民路88号（工作地址）", "外省，由子女代管")


def fill_routines(s: Session, clock: Clock) -> None:
    """Add the demo's inspections, census and arrears (the estate, owners and users must exist)."""
    clerk = s.scalar(select(User.id).where(User.username == "clerk"))
    now = clock.now()
    _inspections(s, now, clerk)
    _census(s, clock, clerk)
    _arrears(s, now, clerk)


def _inspections(s: Session, now: datetime, clerk: int | None) -> None:
    for weeks, failed, temperature, humidity, notes in reversed(_INSPECTIONS):
        checks = {c: c not in failed for c in Check}
        inspections.add_inspection(
            s,
            FakeClock(now - timedelta(weeks=weeks)),
            inspector_id=clerk,
            checks=checks,
            temperature=temperature,
            humidity=humidity,
            notes=notes,
        )


def _census(s: Session, clock: Clock, clerk: int | None) -> None:
    now = clock.now()
    quarter = Quarter.of(office_date(now))
    census.start_census_in(s, clock, quarter)
    tasks = list(s.scalars(select(CensusTask).where(CensusTask.quarter == quarter.code).order_by(CensusTask.room_id)))
    begun = datetime.combine(quarter.start, time(9), tzinfo=CHINA_TZ)
    span = max(now - begun, timedelta(0))
    done = [t for i, t in enumerate(tasks) if i % 9 in _CENSUS_DONE]
    for n, task in enumerate(done):
        at = min(begun + span * n / max(len(done), 1), now)
        changes: dict[str, str | None] = {}
        if n % 17 == 5:
            changes["phone"] = f"139{(task.room_id * 7919) % 10**8:08d}"
        if n % 29 == 11:
            changes["address"] = _NEW_ADDRESSES[(n // 29) % len(_NEW_ADDRESSES)]
        note = "业主不在家，电话核实。" if n % 13 == 0 else ""
        census.check_household(s, FakeClock(at), task, by=clerk, changes=changes, note=note)


def _arrears(s: Session, now: datetime, clerk: int | None) -> None:
    rooms = list(s.scalars(select(Room).order_by(Room.id)))
    today = office_date(now)
    said = 0
    for index, fees, followups, settled in _ARREARS:
        room = rooms[index % len(rooms)]
        owed = [
            arrears.enter_arrear(
                s,
                FakeClock(now - timedelta(days=days)),
                room_id=room.id,
                fee_type=fee,
                amount=amount,
                since=today - timedelta(days=days),
            )
            for fee, amount, days in fees
        ]
        for days in sorted(followups, reverse=True):
            arrears.add_followup(
                s,
                FakeClock(now - timedelta(days=days)),
                owed[0],
                by=clerk,
                method=_METHODS[said % len(_METHODS)],
                said=_SAID[said % len(_SAID)],
            )
            said += 1
        if settled is not None:
            for arrear in owed:
                arrear.settled_on = today - timedelta(days=settled)
    s.flush()
