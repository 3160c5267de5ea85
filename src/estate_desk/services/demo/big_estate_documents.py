"""The big estate's documents, boxes and cabinets (issue 10), written in bulk.

Documents in all seven categories, half of them owner files (业主档案), numbered category by category and
year by year with the real 档号 pattern, 30 to a box, the boxes standing in cabinets of 5 shelves × 10
positions; the numbering counters are left where the next registration continues. The step ``documents``
of ``services/demo/big_estate.py``.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, insert, select

from estate_desk.domain.archive.categories import SEVEN_CATEGORIES
from estate_desk.domain.archive.numbers import BOX_PATTERN, DEFAULT_PATTERN, NumberingKey, format_archive_number
from estate_desk.domain.disposal.retention import Retention
from estate_desk.services.demo.big_estate_plan import BATCH, next_id, table_of, write_rows
from estate_desk.store.accounts import Office
from estate_desk.store.archive import ArchiveBox, ArchiveCounter, Cabinet, Category, Document

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from estate_desk.services.demo.big_estate_plan import Plan

BOX_SIZE = 30  # documents per box
YEARS = tuple(range(2008, 2027))

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


def _category_counts(total: int) -> dict[str, int]:
    counts = {code: int(total * share) for code, share in OTHER_SHARES.items()}
    counts["YZ"] = total - sum(counts.values())
    return counts


def write_documents(connection: Connection, plan: Plan) -> None:
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
