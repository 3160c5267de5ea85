"""A small front desk on ``ready_db`` for the desk tests: staff, two rooms with owners, helpers.

Not a test module: the ``test_desk_*`` files build a :class:`Desk` in their own ``desk`` fixture.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageDraw

from database_support import make_actor
from estate_desk.domain.desk.terms import Channel, TicketKind
from estate_desk.services.desk import intake as desk
from estate_desk.services.estate import buildings as estate

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass
class Desk:
    db: Database
    clock: FakeClock
    receptionist: Actor  # 王芳 at the desk: the first receiver of what she opens
    guard: Actor  # a guard on the night shift (staff), who may open tickets too
    handler: Actor  # 张师傅, the repair worker
    supervisor: Actor  # 陈主管
    room_id: int  # 3栋1单元1502, owner 张三
    other_room_id: int  # 5栋0801, owner 李四
    owner_id: int

    def open(
        self,
        kind: TicketKind = TicketKind.REPAIR,
        subject: str = "厨房水管漏水",
        *,
        by: Actor | None = None,
        channel: Channel = Channel.PHONE,
        **more: Any,
    ) -> desk.OpenedTicket:
        more.setdefault("room_id", self.room_id)
        draft = desk.TicketDraft(kind, channel, subject, **more)
        return desk.open_ticket(self.db, self.clock, by or self.receptionist, draft)


def make_desk(db: Database, clock: FakeClock) -> Desk:
    receptionist = make_actor(db, clock, "desk", "receptionist")
    guard = make_actor(db, clock, "guard", "staff")
    handler = make_actor(db, clock, "repair", "staff")
    supervisor = make_actor(db, clock, "super", "supervisor")
    with db.session() as s:
        three = estate.ensure_building(s, 3, 11)
        five = estate.ensure_building(s, 5, 11)
        room = estate.add_room(s, three, 1, 1502)
        other = estate.add_room(s, five, None, 801)
        zhang = estate.add_owner(s, clock, "张三", phone="13900000001")
        li = estate.add_owner(s, clock, "李四", phone="13900000002")
        estate.add_ownership(s, room, zhang, date(2020, 1, 1), date(2020, 1, 1))
        estate.add_ownership(s, other, li, date(2021, 5, 1), date(2021, 5, 1))
        s.flush()
        ids = room.id, other.id, zhang.id
    return Desk(db, clock, receptionist, guard, handler, supervisor, *ids)


def signature_png() -> bytes:
    """A signature as the on-screen pad saves it: a few black strokes on white, PNG."""
    image = Image.new("RGB", (300, 120), "white")
    pen = ImageDraw.Draw(image)
    pen.line([(20, 80), (60, 30), (90, 90), (130, 40), (170, 85), (260, 50)], fill="black", width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
