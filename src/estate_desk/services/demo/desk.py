"""The demo estate's front desk: tickets in every state of their clocks at the demo's ``now``.

Opened and handled through the same services as the window, each step at its own moment (a
:class:`FakeClock` per step), so every ticket obeys the F-rules. At ``now`` the board shows the
three-minute clock green, amber and red and excused after an explanation in advance; the promise
clock green, amber and red; a postponed repair; a special-service ticket with priced lines; a
complaint handled and waiting for its return visit, and a repeat of it just received. The days
before yesterday are closed (日清); yesterday is not, so the desk flags it this morning.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.desk.office_hours import OnCallContact, Team
from estate_desk.domain.desk.terms import Channel, Confirmation, NotifyMethod, TicketKind
from estate_desk.domain.routines.common import office_date
from estate_desk.services.actor import Actor
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import review as desk_review
from estate_desk.services.desk import settings as desk_settings
from estate_desk.services.desk.intake import TicketDraft, open_ticket
from estate_desk.store.accounts import User

if TYPE_CHECKING:
    from datetime import date

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database
    from estate_desk.store.estate import Room

PHONES = {"desk": "13800000101", "repair": "13800000102", "super": "13800000103", "office": "13800000104"}
EXTRA_CONTACTS = (
    OnCallContact("护卫班值班室", "0571-88000110", "24小时", Team.GUARDS),
    OnCallContact("维修班值班", "0571-88000119", "24小时", Team.REPAIRS),
)


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12, 0), tzinfo=CHINA_TZ)


class _Desk:
    """The demo's staff and a clock per step."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.now = clock.now()
        with db.session() as s:
            users = {u.username: u for u in s.scalars(select(User))}
            for username, phone in PHONES.items():
                users[username].phone = phone
            self.desk, self.repair, self.super, self.admin = (
                Actor.of(users[n]) for n in ("desk", "repair", "super", "admin")
            )

    def at(self, moment: datetime) -> FakeClock:
        return FakeClock(min(moment, self.now))

    def ago(self, **kwargs: float) -> FakeClock:
        return self.at(self.now - timedelta(**kwargs))

    def open(
        self,
        clock: Clock,
        kind: TicketKind,
        channel: Channel,
        room: Room,
        subject: str,
        *,
        matter: str = "",
        place: str = "",
        services: tuple[tuple[str, int], ...] = (),
    ) -> int:
        draft = TicketDraft(kind, channel, subject, matter=matter, room_id=room.id, place=place, services=services)
        return open_ticket(self.db, clock, self.desk, draft).id


def fill_desk(db: Database, clock: Clock, rooms: list[tuple[Room, int]]) -> None:
    """Tickets, on-call numbers and closed days for the demo estate (see the module docstring)."""
    d = _Desk(db, clock)
    desk_settings.set_on_call_contacts(db, d.admin, EXTRA_CONTACTS)
    room = [r for r, _ in rooms]
    now = d.now

    # A complaint handled five days ago and waiting for its return visit …
    t0 = now - timedelta(days=6)
    earlier = d.open(d.at(t0), TicketKind.COMPLAINT, Channel.PHONE, room[77], "楼上装修噪音过大", matter="装修噪音")
    desk_actions.dispatch(db, d.at(t0 + timedelta(seconds=30)), d.desk, earlier, d.repair.user_id)
    desk_actions.mark_arrived(db, d.at(t0 + timedelta(seconds=150)), d.repair, earlier)
    desk_completion.complete(
        db,
        d.ago(days=5),
        d.repair,
        earlier,
        explanation="已与楼上业主沟通，装修时间调整为 9:00–12:00、14:00–18:00",
        confirmation=Confirmation.PHONE,
        phone_record="业主电话确认",
    )
    # … and the same room complaining about the same matter again: a repeat (F7), arrival red.
    d.open(d.ago(minutes=5), TicketKind.COMPLAINT, Channel.PHONE, room[77], "楼上又在装修，噪音很大", matter="装修噪音")

    # Three minutes (F4): green, amber (dispatched), explained in advance.
    d.open(d.ago(minutes=1), TicketKind.REPAIR, Channel.PHONE, room[12], "厨房水管漏水", place="厨房")
    lift = d.open(d.ago(seconds=150), TicketKind.HELP, Channel.IN_PERSON, room[40], "老人被困电梯，请求协助")
    desk_actions.dispatch(db, d.ago(seconds=120), d.desk, lift, d.repair.user_id)
    lamp = d.open(d.ago(minutes=4), TicketKind.REPAIR, Channel.WECHAT, room[101], "卫生间灯不亮", place="卫生间")
    desk_actions.explain_arrival_delay(
        db,
        d.ago(minutes=2),
        d.desk,
        lamp,
        reason="维修师傅正在 5 栋处理漏水，预计十分钟后到",
        owner_told_how=NotifyMethod.PHONE,
        expected_arrival_at=now + timedelta(minutes=10),
    )

    # The promise (F2): amber (a suggestion near its end), red (a repair two days over).
    d.open(
        d.ago(hours=42), TicketKind.SUGGESTION, Channel.IN_PERSON, room[150], "建议增加儿童游乐设施", place="中心花园"
    )
    t0 = now - timedelta(days=3)
    door = d.open(d.at(t0), TicketKind.REPAIR, Channel.PHONE, room[220], "阳台推拉门无法关闭", place="阳台")
    desk_actions.mark_arrived(db, d.at(t0 + timedelta(seconds=140)), d.repair, door)
    desk_actions.add_progress_note(
        db,
        d.at(_noon(office_date(now) - timedelta(days=2))),
        d.repair,
        door,
        "滑轮损坏，已订购配件",
        owner_told_how=NotifyMethod.PHONE,
    )

    # A postponed repair (F2, once): the owner told before the first promise ran out.
    t0 = now - timedelta(hours=50)
    wall = d.open(d.at(t0), TicketKind.REPAIR, Channel.PHONE, room[190], "外墙渗水，卧室墙面发霉", place="主卧")
    desk_actions.mark_arrived(db, d.at(t0 + timedelta(seconds=100)), d.repair, wall)
    desk_actions.postpone(
        db,
        d.ago(hours=30),
        d.desk,
        wall,
        reason="需等待外墙施工吊篮，天晴后施工",
        owner_told_how=NotifyMethod.PHONE,
        new_due_at=now + timedelta(days=3),
    )

    # A special service with priced lines (F8), and an inquiry.
    d.open(
        d.ago(hours=20),
        TicketKind.SPECIAL_SERVICE,
        Channel.PHONE,
        room[30],
        "预约家政保洁三小时，另送桶装水两桶",
        services=(("cleaning", 3), ("water", 2)),
    )
    d.open(d.ago(minutes=50), TicketKind.INQUIRY, Channel.PHONE, room[60], "咨询物业费缴纳方式")

    # Daily review (F6): the supervisor closed each day before yesterday the next morning; yesterday
    # is not closed, so the desk flags it.
    today = office_date(now)
    for back in range(6, 1, -1):
        day = today - timedelta(days=back)
        closing = d.at(datetime.combine(day + timedelta(days=1), time(8, 30), tzinfo=CHINA_TZ))
        desk_review.close_day(db, closing, d.super, day, record_omissions=True)
