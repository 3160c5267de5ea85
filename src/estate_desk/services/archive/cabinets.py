"""Cabinets (档案柜, A7): making them, standing boxes in them (分柜保存), and what each shelf holds.

A box stands in one place only, at a shelf and a position of one cabinet; the move is recorded
(``services/archive/movements.py``). A cabinet's layout shows each box's first and last number among what the reader
may see, and counts the rest (``services/secrecy/clearance.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services.archive.boxes import get_box, number_ranges
from estate_desk.services.archive.movements import box_place, record_move
from estate_desk.services.archive.record_state import boxes_at_scanner
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import ArchiveBox, Cabinet, Category

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _cabinet(s: Session, cabinet_id: int) -> Cabinet:
    cabinet = s.get(Cabinet, cabinet_id)
    if cabinet is None:
        raise NotFound(zh=f"没有这个档案柜（编号 {cabinet_id}）。", en=f"No cabinet with id {cabinet_id}.")
    return cabinet


def create_cabinet(
    db: Database, actor: Actor, code: str, name: str, location: str = "", shelves: int = 5, positions: int = 10
) -> int:
    require_role(actor, ARCHIVE_KEEPERS, zh="新建档案柜", en="create cabinets")
    if not code.strip() or not name.strip():
        raise InputProblem(zh="请填写档案柜编号和名称。", en="Give the cabinet a code and a name.")
    if not (1 <= shelves <= 20 and 1 <= positions <= 60):
        raise InputProblem(zh="层数 1–20，每层格数 1–60。", en="Shelves 1–20, positions per shelf 1–60.")
    with db.session() as s:
        if s.scalar(select(Cabinet.id).where(Cabinet.code == code.strip())) is not None:
            raise InputProblem(zh=f"档案柜编号 {code} 已被使用。", en=f"Cabinet code {code} is taken.")
        cabinet = Cabinet(
            code=code.strip(),
            name=name.strip(),
            location=location.strip(),
            shelves=shelves,
            positions_per_shelf=positions,
        )
        s.add(cabinet)
        s.flush()
        return cabinet.id


def place_box(
    db: Database, clock: Clock, actor: Actor, box_id: int, cabinet_id: int, shelf: int, position: int, reason: str = ""
) -> None:
    """Stand a box in a cabinet at a shelf and position (分柜保存); a box stands in one place only."""
    require_role(actor, ARCHIVE_KEEPERS, zh="上架", en="shelve boxes")
    with db.session() as s:
        box = get_box(s, box_id)
        cabinet = _cabinet(s, cabinet_id)
        if not (1 <= shelf <= cabinet.shelves and 1 <= position <= cabinet.positions_per_shelf):
            raise InputProblem(
                zh=f"{cabinet.name} 没有第 {shelf} 层第 {position} 格。",
                en=f"{cabinet.name} has no shelf {shelf}, position {position}.",
            )
        taken = s.scalar(
            select(ArchiveBox).where(
                ArchiveBox.cabinet_id == cabinet.id, ArchiveBox.shelf == shelf, ArchiveBox.position == position
            )
        )
        if taken is not None and taken.id != box.id:
            raise RuleViolation(
                zh=f"{cabinet.name} 第 {shelf} 层第 {position} 格已放着 {taken.code}。",
                en=f"{cabinet.name} shelf {shelf} position {position} already holds {taken.code}.",
                rule="A7",
            )
        if taken is not None:
            return
        before = box_place(s, box)
        box.cabinet_id, box.shelf, box.position = cabinet.id, shelf, position
        s.flush()
        record_move(
            s, clock, actor, box_id=box.id, from_place=before, to_place=box_place(s, box), reason=reason or "上架"
        )


@dataclass(frozen=True)
class CabinetRow:
    id: int
    code: str
    name: str
    location: str
    shelves: int
    positions: int
    boxes: int


@dataclass(frozen=True)
class BoxSlot:
    box_id: int
    code: str
    category_zh: str
    category_en: str
    first_no: str | None
    last_no: str | None
    hidden: int = 0  # items above the reader's clearance
    away: str = ""  # the digitisation batch that has the box at the scanner (在数字化), if one has


@dataclass(frozen=True)
class CabinetLayout:
    cabinet: CabinetRow
    slots: dict[tuple[int, int], BoxSlot]  # (shelf, position) → the box standing there


def cabinets(db: Database, actor: Actor) -> list[CabinetRow]:
    with db.session() as s:
        counts = dict(
            s.execute(
                select(ArchiveBox.cabinet_id, func.count())
                .where(ArchiveBox.cabinet_id.is_not(None))
                .group_by(ArchiveBox.cabinet_id)
            ).all()
        )
        return [
            CabinetRow(c.id, c.code, c.name, c.location, c.shelves, c.positions_per_shelf, counts.get(c.id, 0))
            for c in s.scalars(select(Cabinet).order_by(Cabinet.code))
        ]


def cabinet_layout(db: Database, actor: Actor, cabinet_id: int) -> CabinetLayout:
    with db.session() as s:
        c = _cabinet(s, cabinet_id)
        slots: dict[tuple[int, int], BoxSlot] = {}
        boxes = s.execute(
            select(ArchiveBox, Category.name_zh, Category.name_en)
            .join(Category, Category.id == ArchiveBox.category_id)
            .where(ArchiveBox.cabinet_id == c.id)
        ).all()
        hidden = clearance.hidden_counts(s, actor, [box.id for box, _, _ in boxes])
        ranges = number_ranges(s, [box.id for box, _, _ in boxes], actor)
        away = boxes_at_scanner(s, [box.id for box, _, _ in boxes])
        for box, zh, en in boxes:
            assert box.shelf is not None and box.position is not None
            first, last = ranges.get(box.id, (None, None))
            slots[(box.shelf, box.position)] = BoxSlot(
                box.id, box.code, zh, en, first, last, hidden.get(box.id, 0), away.get(box.id, "")
            )
        row = CabinetRow(c.id, c.code, c.name, c.location, c.shelves, c.positions_per_shelf, len(slots))
        return CabinetLayout(row, slots)
