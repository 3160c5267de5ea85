"""A big synthetic estate on demand (issue 10): 50,000 households and a million documents in minutes.

What a property company running dozens of estates keeps in one archive, for the benchmarks in
``benchmarks/``: buildings of up to 33 floors, owners with realistic Chinese names (common and
rare surnames, compound ones such as 欧阳 and 亓官), documents in all seven categories — half of
them owner files (业主档案) — boxes standing in cabinets, 2,000 open tickets at the front desk, and a
year's borrowing ledger (``services/demo/big_estate_loans.py``: requests, decisions, loans out, overdue
and returned).

It is deterministic: the same seed and sizes give the same archive, row for row. It does not go
through the UI's one-at-a-time path: rows are planned in Python and written in batches with
SQLAlchemy Core (``executemany``), with explicit ids so nothing has to be read back; the search
index is filled in bulk afterwards (:func:`estate_desk.store.search_index.fill_index`, the same
entries the session hooks write one by one). Numbering counters (档号, box numbers, the desk's
change counter) are left where the next registration through the services continues.

Further fillers (the loans first) extend it through :data:`FILLERS`: each gets the connection and the
:class:`Plan` after the archive, the estate and the tickets are written, before the index.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import bindparam, func, insert, select

from estate_desk.domain.archive.categories import SEVEN_CATEGORIES
from estate_desk.domain.archive.numbers import BOX_PATTERN, DEFAULT_PATTERN, NumberingKey, format_archive_number
from estate_desk.domain.desk.intake import open_ticket
from estate_desk.domain.desk.review import normalize_matter
from estate_desk.domain.desk.terms import Channel, TicketKind, TicketStatus
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.estate.rooms import RoomCode, format_room_code
from estate_desk.domain.roles import Role
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo.big_estate_loans import loans
from estate_desk.services.desk.tickets import CHANGES
from estate_desk.services.estate import buildings as estate
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import ArchiveBox, ArchiveCounter, Cabinet, Category, Document
from estate_desk.store.desk import DeskCounter, Ticket
from estate_desk.store.estate import Building, Owner, Ownership, Room
from estate_desk.store.search_index import fill_index, sync_sequences

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sqlalchemy import Connection, Table

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database

PASSWORD = "demo-2024"
USERS: tuple[tuple[str, str, Role], ...] = (
    ("clerk", "李秀英", Role.ARCHIVE_CLERK),
    ("desk", "王芳", Role.RECEPTIONIST),
    ("boss", "张建国", Role.SUPERVISOR),  # approves secret loans (A12)
    ("office", "赵敏", Role.MANAGEMENT_OFFICE),  # approves owner files and special cases (A12)
)
BATCH = 10_000  # rows per executemany
BOX_SIZE = 30  # documents per box
OPEN_TICKETS = 2000
YEARS = tuple(range(2008, 2027))

# Surnames with rough weights (the common hundred cover most people); then rare and compound ones.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
RARE_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "鲜于",
    "亓官",
    "澹台",
    "宇文",
    "长孙",
    "亓",
    "佘",
    "璩",
    "芈",
    "禤",
    "冼",
    "晁",
    "闵",
    "訾",
    "燕",
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建平国峰霞宇浩凯鹏辉玲桂兰志红晨阳婷雪琳博文斌"
    "子涵梓轩一诺欣怡思远嘉懿梦瑶俊杰宏亮春梅海燕淑珍玉兰德福永康"
)
RARE_GIVEN = "喆堃彧昇玥璟曌淼犇鑫垚焱燚赟翀昊昕珺琰琪瑄"

OWNER_TITLES = (
    "业主公约",
    "消防安全责任书",
    "业主家庭情况登记表",
    "业主入住验房表",
    "钥匙领用登记表",
    "房屋交付确认书",
    "前期物业服务协议",
    "车位使用协议",
    "装修押金收据",
    "产权证复印件",
)
OTHER_TITLES: dict[str, tuple[str, ...]] = {
    "GC": ("{b}栋竣工图", "{b}栋施工许可证", "{b}栋地质勘察报告", "{b}栋电梯设备说明书", "{b}栋消防系统验收报告"),
    "ZX": ("{room}二次装修申请审批表", "{room}装修责任书", "{room}装修竣工图", "{room}装修巡查记录"),
    "WX": ("{room}报修单", "{room}维修回访记录", "{b}栋电梯巡检记录", "{b}栋水泵房设备巡检记录"),
    "FK": ("{room}服务回访记录（{name}）", "{year}年度业主满意度调查", "{name}投诉及处理记录"),
    "YG": ("员工培训计划（{year}）", "保安员{name}聘用记录", "客服部业绩考核记录", "维修工{name}薪金变动记录"),
    "XZ": ("{year}年值班记录", "关于{b}栋停水的通知", "消防巡查记录", "物业服务中心管理制度"),
}
# Shares of the documents that are not owner files (YZ takes half of all).
OTHER_SHARES = {"GC": 0.05, "ZX": 0.10, "WX": 0.15, "FK": 0.10, "YG": 0.05, "XZ": 0.05}
RESPONSIBLE = ("翠湖苑物业服务中心", "市建设工程公司", "华信设计院", "恒安消防工程公司")


@dataclass
class Plan:
    """What the builder has written so far, for fillers: sizes, id ranges, the clock and the random source."""

    households: int
    documents: int
    seed: int
    clock: Clock
    rng: random.Random
    room_ids: list[int] = field(default_factory=list)  # room i is owned by owner_ids[i]
    owner_ids: list[int] = field(default_factory=list)
    room_codes: list[str] = field(default_factory=list)
    owner_names: list[str] = field(default_factory=list)
    document_ids: range = range(0)
    box_ids: range = range(0)
    cabinets: int = 0
    user_ids: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # step → seconds


FILLERS: list[Callable[[Connection, Plan], None]] = [loans]  # further fillers run in order


@dataclass(frozen=True)
class BigSummary:
    households: int
    documents: int
    boxes: int
    cabinets: int
    tickets: int
    index_entries: int
    seconds: float
    timings: dict[str, float]


def person_name(rng: random.Random) -> str:
    """A Chinese name: mostly common surnames, about 3 % rare or compound ones, sometimes a rare given name."""
    roll = rng.random()
    if roll < 0.03:
        surname = rng.choice(RARE_SURNAMES)
    else:  # a skew towards the first surnames, as in life (王 李 张 刘 陈 …)
        surname = COMMON_SURNAMES[int(len(COMMON_SURNAMES) * rng.random() ** 2)]
    length = 1 if rng.random() < 0.3 else 2
    given = "".join(rng.choice(RARE_GIVEN) if rng.random() < 0.04 else rng.choice(GIVEN) for _ in range(length))
    return surname + given


def write_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), rows[start : start + BATCH])


def next_id(connection: Connection, model: Any) -> int:
    return int(connection.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1


def table_of(model: Any) -> Table:
    return cast("Table", model.__table__)


def build(
    db: Database,
    clock: Clock,
    *,
    households: int = 50_000,
    documents: int = 1_000_000,
    seed: int = 2024,
    progress: Callable[[str], None] | None = None,
) -> BigSummary:
    """Set up an empty database as the big estate. Refused when the archive is already set up."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    made = setup.initialise(
        db,
        clock,
        office_name="翠湖物业集团档案中心",
        fonds_code="Z001",
        admin_username="admin",
        admin_password=PASSWORD,
        admin_display_name="系统管理员",
    )
    plan = Plan(households, documents, seed, clock, random.Random(seed))
    with db.session() as s:
        for username, display, role in USERS:
            accounts.add_user(
                s, clock, username=username, password=PASSWORD, role=role, display_name=display, keys=made.keys
            )
        s.flush()
        plan.user_ids = {name: user_id for name, user_id in s.execute(select(User.username, User.id))}
        connection = s.connection()
        steps: tuple[tuple[str, Callable[[Connection, Plan], None]], ...] = (
            ("estate", _estate),
            ("documents", _documents),
            ("tickets", _tickets),
            *((f.__name__, f) for f in FILLERS),
        )
        for name, step in steps:
            began = time.perf_counter()
            step(connection, plan)
            plan.timings[name] = time.perf_counter() - began
            say(f"{name}: {plan.timings[name]:.1f} s")
        began = time.perf_counter()
        entries = fill_index(connection)
        plan.timings["search index"] = time.perf_counter() - began
        say(f"search index: {plan.timings['search index']:.1f} s")
        sync_sequences(connection, [table_of(m) for m in (Building, Room, Owner, Ownership, Cabinet, ArchiveBox)])
        sync_sequences(connection, [table_of(m) for m in (Document, Ticket)])
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")
    elif db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("ANALYZE")
    return BigSummary(
        households,
        len(plan.document_ids),
        len(plan.box_ids),
        plan.cabinets,
        OPEN_TICKETS,
        entries,
        time.perf_counter() - started,
        plan.timings,
    )


# --------------------------------------------------------------------------- buildings, rooms, owners


def _buildings(rng: random.Random, households: int) -> Iterator[tuple[int, int, tuple[int | None, ...], int]]:
    """(number, floors, units, rooms per floor) until there are enough households; up to 33 floors."""
    number, total = 0, 0
    while total < households:
        number += 1
        floors = rng.choice((6, 11, 18, 26, 32, 33))
        unit_count = rng.choice((1, 2, 2, 3, 4))
        units: tuple[int | None, ...] = (None,) if unit_count == 1 else tuple(range(1, unit_count + 1))
        per_floor = rng.choice((2, 2, 3, 4))
        total += floors * len(units) * per_floor
        yield number, floors, units, per_floor


def _estate(connection: Connection, plan: Plan) -> None:
    rng = plan.rng
    now = plan.clock.now()
    building_id, room_id, owner_id = (next_id(connection, m) for m in (Building, Room, Owner))
    ownership_id = next_id(connection, Ownership)
    buildings: list[dict[str, Any]] = []
    rooms: list[dict[str, Any]] = []
    owners: list[dict[str, Any]] = []
    ownerships: list[dict[str, Any]] = []
    pinyin_cache: dict[str, tuple[str, str]] = {}
    for number, floors, units, per_floor in _buildings(rng, plan.households):
        buildings.append({"id": building_id, "number": number, "name": f"{number}栋", "floors": floors})
        for unit in units:
            for floor in range(1, floors + 1):
                for r in range(1, per_floor + 1):
                    if len(rooms) >= plan.households:
                        break
                    code = format_room_code(RoomCode.of(number, unit, floor * 100 + r))
                    rooms.append(
                        {
                            "id": room_id,
                            "building_id": building_id,
                            "unit": unit,
                            "floor": floor,
                            "number": floor * 100 + r,
                            "code": code,
                            "area_m2": rng.choice((68, 89, 105, 126, 143, 168)),
                        }
                    )
                    name = rng.choice(("翠湖商贸有限公司", "恒信咨询有限公司")) if rng.random() < 0.01 else ""
                    name = name or person_name(rng)
                    if name not in pinyin_cache:
                        pinyin_cache[name] = estate.name_pinyin(name)
                    full, initials = pinyin_cache[name]
                    owners.append(
                        {
                            "id": owner_id,
                            "name": name,
                            "kind": "company" if name.endswith("公司") else "person",
                            "phone": (phone := f"13{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}"),
                            "phone_digits": phone,  # digits already: the normalised form is the number
                            "address": "",
                            "id_number": "",
                            "pinyin": full,
                            "pinyin_initials": initials,
                            "created_at": now,
                        }
                    )
                    move_in = date(2008, 3, 1) + timedelta(days=rng.randint(0, 6000))
                    ownerships.append(
                        {
                            "id": ownership_id,
                            "room_id": room_id,
                            "owner_id": owner_id,
                            "move_in_date": move_in,
                            "start_date": move_in,
                            "end_date": None,
                        }
                    )
                    plan.room_ids.append(room_id)
                    plan.owner_ids.append(owner_id)
                    plan.room_codes.append(code)
                    plan.owner_names.append(name)
                    room_id, owner_id, ownership_id = room_id + 1, owner_id + 1, ownership_id + 1
        building_id += 1
    write_rows(connection, table_of(Building), buildings)
    write_rows(connection, table_of(Room), rooms)
    write_rows(connection, table_of(Owner), owners)
    write_rows(connection, table_of(Ownership), ownerships)


# --------------------------------------------------------------------------- documents, boxes, cabinets


def _category_counts(total: int) -> dict[str, int]:
    counts = {code: int(total * share) for code, share in OTHER_SHARES.items()}
    counts["YZ"] = total - sum(counts.values())
    return counts


def _documents(connection: Connection, plan: Plan) -> None:
    """Documents category by category and year by year, so that boxes fill in order (30 to a box)."""
    rng = plan.rng
    now = plan.clock.now()
    fonds = connection.scalar(select(Office.fonds_code)) or "Z001"
    categories = {c.code: c for c in connection.execute(select(Category)).all()}
    first_document = document_id = next_id(connection, Document)
    first_box = box_id = next_id(connection, ArchiveBox)
    counters: dict[str, int] = dict(connection.execute(select(ArchiveCounter.series, ArchiveCounter.last_item)).all())
    counts = _category_counts(plan.documents)
    households = len(plan.room_ids)
    batch: list[dict[str, Any]] = []
    boxes: list[dict[str, Any]] = []
    for default in SEVEN_CATEGORIES:
        code = default.code
        category = categories[code]
        retention = Retention.parse(category.default_retention)
        total = counts.get(code, 0)
        owner_files = code == "YZ"
        per_household = max(1, math.ceil(total / max(households, 1)))
        for year_index, year in enumerate(YEARS):
            lo, hi = total * year_index // len(YEARS), total * (year_index + 1) // len(YEARS)
            if hi <= lo:
                continue
            key = NumberingKey(fonds, code, year, retention)
            box_series = f"box|{fonds}|{code}|{year}"
            in_box = BOX_SIZE
            for j in range(lo, hi):
                if in_box == BOX_SIZE:  # a new box for this category and year
                    counters[box_series] = number = counters.get(box_series, 0) + 1
                    boxes.append(
                        {
                            "id": box_id,
                            "code": BOX_PATTERN.format(fonds=fonds, category=code, year=year, number=number),
                            "number": number,
                            "category_id": category.id,
                            "year": year,
                            "retention": retention.value,
                            "spine_mm": rng.choice((20, 30, 40, 50)),
                            "note": "",
                        }
                    )
                    box_id += 1
                    in_box = 0
                in_box += 1
                counters[key.series] = item = counters.get(key.series, 0) + 1
                template = ""
                if owner_files:
                    h = min(j // per_household, households - 1)
                    title = f"{plan.room_codes[h]} {OWNER_TITLES[j % per_household % len(OWNER_TITLES)]}"
                else:
                    h = rng.randrange(households)
                    template = rng.choice(OTHER_TITLES[code])
                    code_of_room = plan.room_codes[h]
                    title = template.format(
                        b=code_of_room.split("栋")[0], room=code_of_room, year=year, name=plan.owner_names[h]
                    )
                linked = owner_files or "{room}" in template or "{name}" in template
                batch.append(
                    {
                        "id": document_id,
                        "archive_no": format_archive_number(key, item, DEFAULT_PATTERN),
                        "category_id": category.id,
                        "year": year,
                        "item_no": item,
                        "title": title,
                        "doc_date": date(year, rng.randint(1, 12), rng.randint(1, 28)),
                        "responsible": RESPONSIBLE[0] if owner_files else rng.choice(RESPONSIBLE),
                        "doc_number": f"翠物〔{year}〕{item}号" if code == "XZ" else "",
                        "pages": rng.randint(1, 40),
                        "remarks": "",
                        "secrecy": category.default_grade,
                        "retention": retention.value,
                        "volume_id": None,
                        "box_id": None if rng.random() < 0.0005 else box_id - 1,  # a few originals out
                        "room_id": plan.room_ids[h] if linked else None,
                        "owner_id": plan.owner_ids[h] if linked else None,
                        "has_paper": rng.random() > 0.03,
                        "equipment": "",
                        "ticket_id": None,
                        "batch_id": None,
                        "created_at": now,
                        "created_by": None,
                    }
                )
                document_id += 1
                if len(batch) >= BATCH:
                    _flush_documents(connection, boxes, batch)
    _flush_documents(connection, boxes, batch)
    plan.cabinets = _cabinets(connection, plan, first_box, box_id)
    connection.execute(
        insert(table_of(ArchiveCounter)),
        [{"series": k, "last_item": v} for k, v in sorted(counters.items()) if k not in _existing_series(connection)],
    )
    plan.document_ids = range(first_document, document_id)
    plan.box_ids = range(first_box, box_id)


def _existing_series(connection: Connection) -> set[str]:
    return set(connection.scalars(select(ArchiveCounter.series)))


def _flush_documents(connection: Connection, boxes: list[dict[str, Any]], batch: list[dict[str, Any]]) -> None:
    write_rows(connection, table_of(ArchiveBox), boxes)  # boxes first: documents point at them
    write_rows(connection, table_of(Document), batch)
    boxes.clear()
    batch.clear()


def _cabinets(connection: Connection, plan: Plan, first_box: int, end_box: int) -> int:
    """Cabinets of 5 shelves × 10 positions in the archive rooms, the boxes standing in them in order."""
    slots = 50
    count = math.ceil((end_box - first_box) / slots)
    cabinet_id = next_id(connection, Cabinet)
    rows = [
        {
            "id": cabinet_id + n,
            "code": f"G{n + 1:04d}",
            "name": f"{n + 1}号档案柜",
            "location": f"档案室{n // 40 + 1}",
            "shelves": 5,
            "positions_per_shelf": 10,
        }
        for n in range(count)
    ]
    write_rows(connection, table_of(Cabinet), rows)
    boxes = table_of(ArchiveBox)
    places = [
        {"b_id": box, "c": cabinet_id + (box - first_box) // slots, "sh": (box - first_box) % slots // 10 + 1}
        | {"pos": (box - first_box) % 10 + 1}
        for box in range(first_box, end_box)
    ]
    statement = (
        boxes.update()
        .where(boxes.c.id == bindparam("b_id"))
        .values(cabinet_id=bindparam("c"), shelf=bindparam("sh"), position=bindparam("pos"))
    )
    for start in range(0, len(places), BATCH):
        connection.execute(statement, places[start : start + BATCH])
    return count


# --------------------------------------------------------------------------- the front desk

_KINDS = (TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.HELP, TicketKind.SUGGESTION, TicketKind.INQUIRY)
_MATTERS = ("漏水", "电梯故障", "装修噪音", "停车位", "门禁卡", "路灯不亮", "下水道堵塞", "绿化修剪")


def _tickets(connection: Connection, plan: Plan) -> None:
    """2,000 open tickets received over the last five days, in every state of their clocks."""
    now = plan.clock.now()
    desk = plan.user_ids["desk"]
    first = next_id(connection, Ticket)
    rows: list[dict[str, Any]] = []
    for n in range(OPEN_TICKETS):
        received = now - timedelta(minutes=(n * 3.6) % (5 * 24 * 60), seconds=n % 60)
        kind = _KINDS[n % len(_KINDS)]
        h = plan.rng.randrange(len(plan.room_ids))
        matter = _MATTERS[n % len(_MATTERS)]
        rules = open_ticket(
            number=f"GD{received:%Y%m%d}-{n:05d}",
            kind=kind,
            channel=Channel.PHONE if n % 3 else Channel.IN_PERSON,
            first_receiver_id=desk,
            now=received,
            promise_due_at=received + timedelta(days=2 if n % 7 else 6),
            room_id=plan.room_ids[h],
            matter=matter,
            subject=f"{plan.room_codes[h]} {matter}",
        )
        rows.append(
            {
                "id": first + n,
                "number": rules.number,
                "kind": kind.value,
                "channel": rules.channel.value,
                "room_id": rules.room_id,
                "owner_id": plan.owner_ids[h],
                "contact": "",
                "place": "",
                "subject": rules.subject,
                "matter": rules.matter,
                "matter_key": normalize_matter(rules.matter),
                "repeat_of_id": None,
                "first_receiver_id": desk,
                "handler_id": desk if n % 3 else None,
                "status": TicketStatus.OPEN.value,
                "received_at": received,
                "arrival_due_at": rules.arrival_due_at,
                "arrived_at": received + timedelta(minutes=2) if rules.arrival_due_at and n % 4 else None,
                "feedback_due_at": rules.feedback_due_at,
                "promise_due_at": rules.promise_due_at,
                "closed_at": None,
                "change_no": n + 1,
            }
        )
    write_rows(connection, table_of(Ticket), rows)
    counter = connection.scalar(select(DeskCounter.value).where(DeskCounter.name == CHANGES))
    if counter is None:
        connection.execute(insert(table_of(DeskCounter)), [{"name": CHANGES, "value": OPEN_TICKETS}])
    else:
        connection.execute(
            table_of(DeskCounter).update().where(DeskCounter.name == CHANGES).values(value=counter + OPEN_TICKETS)
        )
