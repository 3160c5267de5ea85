"""A believable demo estate, deterministic, so a newcomer sees a living archive at once.

Six buildings and 236 households (the source plan's estate has 236), owners with Chinese
names (rare characters included), documents in all seven categories filed into boxes that
stand in cabinets, tickets at the front desk in every state of their clocks, and the clerk's
routines (inspections, this quarter's census, arrears follow-ups) with something due today,
and the archive's working life (``archive_life.py``): loans in every state, records due for
appraisal, a legal hold and attachments.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.archive.categories import SEVEN_CATEGORIES
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.roles import Role
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import numbering as archive
from estate_desk.services.demo import desk as desk_demo
from estate_desk.services.demo import routines as demo_routines
from estate_desk.services.demo.archive_life import fill_archive_life
from estate_desk.services.estate import buildings as estate
from estate_desk.store.accounts import Office

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.store.archive import ArchiveBox, Document
    from estate_desk.store.database import Database
    from estate_desk.store.estate import Room

DEMO_PASSWORD = "demo-2024"
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "系统管理员", Role.ADMINISTRATOR),
    ("clerk", "李秀英", Role.ARCHIVE_CLERK),
    ("desk", "王芳", Role.RECEPTIONIST),
    ("repair", "张师傅", Role.STAFF),
    ("super", "陈主管", Role.SUPERVISOR),
    ("office", "刘经理", Role.MANAGEMENT_OFFICE),
)
# (building number, floors, units (None for one stairwell), rooms per floor): 236 households
BUILDINGS: tuple[tuple[int, int, tuple[int | None, ...], int], ...] = (
    (1, 18, (None,), 2),
    (2, 18, (None,), 2),
    (3, 11, (1, 2), 2),
    (5, 11, (1, 2), 2),
    (6, 8, (1, 2), 2),
    (10, 11, (1, 2), 2),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢欧阳"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建平国峰霞宇浩凯鹏辉玲桂兰志红晨阳婷雪琳博文斌"
RARE_NAMES = ("张喆", "王堃", "李彧", "陈昇", "刘玥", "吉𠮷")


@dataclass(frozen=True)
class DemoSummary:
    households: int
    owners: int
    documents: int
    boxes: int
    cabinets: int
    logins: tuple[tuple[str, str, str], ...]  # username, password, role (zh)


def _name(rng: random.Random) -> str:
    surname = "欧阳" if rng.random() < 0.01 else rng.choice(SURNAMES[:-2])
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.35 else 2))
    return surname + given


def fill(db: Database, clock: Clock, *, seed: int = 236) -> DemoSummary:
    """Set up an empty database as the demo estate. Refused when the archive is already set up."""
    made = setup.initialise(
        db,
        clock,
        office_name="翠湖苑物业服务中心",
        fonds_code="Z001",
        admin_username="admin",
        admin_password=DEMO_PASSWORD,
        admin_display_name="系统管理员",
    )
    rng = random.Random(seed)
    today = clock.now().date()
    with db.session() as s:
        for username, display, role in DEMO_USERS[1:]:
            accounts.add_user(
                s, clock, username=username, password=DEMO_PASSWORD, role=role, display_name=display, keys=made.keys
            )
        rooms = _estate(s, clock, rng, today)
        docs = _documents(s, clock, rng, rooms, today)
        boxes, cabinets = _boxes(s, rng, docs)
        demo_routines.fill_routines(s, clock)
        households = owners = len(rooms)
    desk_demo.fill_desk(db, clock, rooms)  # through the desk's own services, each its own unit of work
    life = fill_archive_life(db, clock)  # loans, old and void records, a hold, attachments: the same way
    logins = tuple((u, DEMO_PASSWORD, r.zh) for u, _, r in DEMO_USERS)
    return DemoSummary(households, owners, len(docs) + life.documents, boxes + 1, cabinets, logins)


def _estate(s: Session, clock: Clock, rng: random.Random, today: date) -> list[tuple[Room, int]]:
    rooms: list[tuple[Room, int]] = []
    index = 0
    for number, floors, units, per_floor in BUILDINGS:
        building = estate.ensure_building(s, number, floors)
        for unit in units:
            for floor in range(1, floors + 1):
                for r in range(1, per_floor + 1):
                    room = estate.add_room(s, building, unit, floor * 100 + r, area_m2=rng.choice((89, 105, 126, 143)))
                    index += 1
                    if index % 40 == 7 and index // 40 < len(RARE_NAMES):  # every rare name, spread out
                        name = RARE_NAMES[index // 40]
                    elif rng.random() < 0.02:
                        name = rng.choice(("翠湖商贸有限公司", "恒信咨询有限公司"))
                    else:
                        name = _name(rng)
                    owner = estate.add_owner(
                        s,
                        clock,
                        name,
                        phone=f"13{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}",
                        kind="company" if name.endswith("公司") else "person",
                    )
                    move_in = date(2016, 3, 1) + timedelta(days=rng.randint(0, 900))
                    estate.add_ownership(s, room, owner, move_in, move_in)
                    s.flush()
                    rooms.append((room, owner.id))
    return rooms


_OWNER_DOCS = ("业主公约", "消防安全责任书", "业主家庭情况登记表", "业主入住验房表", "钥匙领用登记表")
_OTHER_DOCS: dict[str, tuple[str, ...]] = {
    "GC": ("{b}栋竣工图", "{b}栋施工许可证", "小区地质勘察报告", "电梯设备说明书", "消防系统验收报告"),
    "ZX": ("{room}二次装修申请审批表", "{room}装修责任书", "{room}装修竣工图"),
    "WX": ("{room}报修单", "{room}维修回访记录", "{b}栋电梯巡检记录", "水泵房设备巡检记录"),
    "FK": ("{room}服务回访记录", "{year}年度业主满意度调查", "{room}投诉及处理记录"),
    "YG": ("员工培训计划（{year}）", "保安员聘用记录", "客服部业绩考核记录", "维修工薪金变动记录"),
    "XZ": ("{year}年值班记录", "关于停水的通知", "消防巡查记录", "物业服务中心管理制度"),
}


def _documents(
    s: Session, clock: Clock, rng: random.Random, rooms: list[tuple[Room, int]], today: date
) -> list[Document]:
    docs: list[Document] = []
    for room, owner_id in rooms:
        year = 2016 + (room.id % 3)
        for title in rng.sample(_OWNER_DOCS, rng.randint(2, 3)):
            draft = archive.DocumentDraft(
                "YZ",
                f"{room.code} {title}",
                year,
                doc_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                responsible="翠湖苑物业服务中心",
                pages=rng.randint(1, 6),
                room_id=room.id,
                owner_id=owner_id,
                has_paper=rng.random() > 0.03,
            )
            docs.append(archive.register_document(s, clock, draft, created_by=None))
    for code, titles in _OTHER_DOCS.items():
        for i in range(45):
            room, owner_id = rng.choice(rooms)
            year = rng.choice((2019, 2021, 2023))
            title = rng.choice(titles).format(b=room.code.split("栋")[0], room=room.code, year=year)
            linked = "{room}" in title or room.code in title
            draft = archive.DocumentDraft(
                code,
                title,
                year,
                doc_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                responsible=rng.choice(("翠湖苑物业服务中心", "市建设工程公司", "华信设计院")),
                doc_number=f"翠物〔{year}〕{i + 1}号" if code == "XZ" else "",
                pages=rng.randint(1, 40),
                room_id=room.id if linked else None,
                owner_id=owner_id if linked else None,
            )
            docs.append(archive.register_document(s, clock, draft, created_by=None))
    return docs


def _boxes(s: Session, rng: random.Random, docs: list[Document]) -> tuple[int, int]:
    office = s.scalar(select(Office))
    assert office is not None
    cabinets = [
        archive.add_cabinet(s, f"G{n:02d}", f"{n}号档案柜", "档案室", shelves=5, positions=8) for n in (1, 2, 3, 4)
    ]
    slots = [
        (c, shelf, pos)
        for c in cabinets
        for shelf in range(1, c.shelves + 1)
        for pos in range(1, c.positions_per_shelf + 1)
    ]
    groups: dict[tuple[int, int, str], list[Document]] = {}
    for doc in docs:
        groups.setdefault((doc.category_id, doc.year, doc.retention), []).append(doc)
    order = {c.code: i for i, c in enumerate(SEVEN_CATEGORIES)}
    boxes: list[ArchiveBox] = []
    numbers: dict[int, int] = {}
    for (category_id, year, retention), members in sorted(groups.items()):
        category = members[0].category
        for start in range(0, len(members), 30):
            numbers[category_id] = numbers.get(category_id, 0) + 1
            box = archive.add_box(
                s,
                office,
                category,
                year,
                Retention.parse(retention),
                numbers[category_id],
                spine_mm=rng.choice((20, 30, 40, 50)),
            )
            for doc in members[start : start + 30]:
                doc.box_id = box.id
            boxes.append(box)
    boxes.sort(key=lambda b: (order.get(b.category.code, 99), b.year, b.number))
    for box, (cabinet, shelf, pos) in zip(boxes, slots, strict=False):
        archive.place_box(box, cabinet, shelf, pos)
    for doc in rng.sample(docs, 3):  # originals taken out and not yet back: the "paper missing" list (A5)
        doc.box_id = None
    return len(boxes), len(cabinets)
