"""Boxes (档案盒, A7, A9): making them, putting documents and volumes in, and what a box holds.

A box keeps one category (分类保存); a volume goes in whole. A box's first and last item numbers come from
what is in it, never typed. Owner files in a box are listed by building → floor → room (A9) whatever order
they were added in. A box lists what the reader may see and counts the rest (``services/secrecy/clearance.py``).
Every move is recorded (``services/archive/movements.py``); where a box stands is in ``services/archive/cabinets.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.archive.numbers import BOX_PATTERN
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services.archive.movements import box_place, record_move
from estate_desk.services.archive.numbering import category_by_code, next_in_series, the_office
from estate_desk.services.archive.register import place_text
from estate_desk.services.archive.volumes import get_volume
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import ArchiveBox, ArchiveCounter, Cabinet, Category, Document, Volume
from estate_desk.store.estate import Building, Room

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

SPINE_WIDTHS = (20, 30, 40, 50)


def get_box(s: Session, box_id: int) -> ArchiveBox:
    """The box ``box_id``; :class:`NotFound` if there is none."""
    box = s.get(ArchiveBox, box_id)
    if box is None:
        raise NotFound(zh=f"没有这个档案盒（编号 {box_id}）。", en=f"No box with id {box_id}.")
    return box


def create_box(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    category_code: str,
    year: int,
    retention: Retention | None = None,
    spine_mm: int = 30,
) -> int:
    """A new box; its number runs per category and year, its code is what the label's barcode carries."""
    require_role(actor, ARCHIVE_KEEPERS, zh="新建档案盒", en="create boxes")
    if spine_mm not in SPINE_WIDTHS:
        raise InputProblem(
            zh=f"盒脊宽度只能是 20/30/40/50 毫米：{spine_mm}", en=f"Spine width must be 20/30/40/50 mm: {spine_mm}"
        )
    with db.session() as s:
        office = the_office(s)
        category = category_by_code(s, category_code)
        series = f"box|{office.fonds_code}|{category.code}|{year}"
        existing = s.scalar(
            select(func.max(ArchiveBox.number)).where(ArchiveBox.category_id == category.id, ArchiveBox.year == year)
        )
        counter = s.scalar(select(ArchiveCounter).where(ArchiveCounter.series == series).with_for_update())
        if counter is None:  # boxes made before the counter existed (the demo, older archives)
            s.add(ArchiveCounter(series=series, last_item=existing or 0))
            s.flush()
        number = next_in_series(s, series)
        box = ArchiveBox(
            code=BOX_PATTERN.format(fonds=office.fonds_code, category=category.code, year=year, number=number),
            number=number,
            category_id=category.id,
            year=year,
            retention=(retention or Retention.parse(category.default_retention)).value,
            spine_mm=spine_mm,
        )
        s.add(box)
        s.flush()
        record_move(s, clock, actor, box_id=box.id, from_place="", to_place="未上架", reason="新建")
        return box.id


def put_in_box(
    db: Database,
    clock: Clock,
    actor: Actor,
    box_id: int,
    *,
    document_id: int | None = None,
    volume_id: int | None = None,
) -> None:
    """Put a document or a whole volume into a box of the same category; the move is recorded."""
    require_role(actor, ARCHIVE_KEEPERS, zh="装盒", en="box records")
    if (document_id is None) == (volume_id is None):
        raise ValueError("give exactly one of document_id and volume_id")
    with db.session() as s:
        box = get_box(s, box_id)
        if volume_id is not None:
            volume = get_volume(s, volume_id)
            _same_category(box, volume.category_id, volume.code)
            before = box_place(s, s.get(ArchiveBox, volume.box_id) if volume.box_id else None)
            volume.box_id = box.id
            for document in s.scalars(select(Document).where(Document.volume_id == volume.id)):
                document.box_id = box.id
            record_move(
                s,
                clock,
                actor,
                box_id=box.id,
                from_place=before,
                to_place=box_place(s, box),
                reason=f"案卷 {volume.code} 装盒",
            )
            return
        assert document_id is not None
        document = clearance.visible_document(s, actor, document_id)
        _same_category(box, document.category_id, document.archive_no)
        if document.volume_id is not None:
            own = s.get(Volume, document.volume_id)
            if own is not None and own.box_id not in (None, box.id):
                raise RuleViolation(
                    zh=f"{document.archive_no} 属于案卷 {own.code}，请整卷装盒。",
                    en=f"{document.archive_no} belongs to volume {own.code}; box the whole volume.",
                    rule="A3",
                )
        before = box_place(s, s.get(ArchiveBox, document.box_id) if document.box_id else None)
        document.box_id = box.id
        record_move(
            s, clock, actor, document_id=document.id, from_place=before, to_place=box_place(s, box), reason="装盒"
        )


def _same_category(box: ArchiveBox, category_id: int, what: str) -> None:
    if box.category_id != category_id:
        raise RuleViolation(
            zh=f"{what} 与档案盒 {box.code} 不是同一门类（分类保存）。",
            en=f"{what} is not of box {box.code}'s category.",
            rule="A7",
        )


@dataclass(frozen=True)
class BoxContents:
    id: int
    code: str
    category_zh: str
    category_en: str
    year: int
    retention: Retention
    spine_mm: int
    place: str | None
    first_no: str | None  # derived from the contents, never typed (A7)
    last_no: str | None
    document_ids: list[int]  # owner files by building → floor → room, the rest by item number (A9)
    hidden: int = 0  # items above the reader's clearance: counted, never named (A6)


def _ordered_contents(s: Session, box_id: int, actor: Actor) -> list[tuple[int, str, int]]:
    rows = s.execute(
        select(Document.id, Document.archive_no, Document.item_no, Building.number, Room.unit, Room.floor, Room.number)
        .outerjoin(Room, Document.room_id == Room.id)
        .outerjoin(Building, Room.building_id == Building.id)
        .where(Document.box_id == box_id, clearance.documents_visible(actor))
    ).all()

    def key(row: tuple[int, str, int, int | None, int | None, int | None, int | None]) -> tuple[object, ...]:
        doc_id, _no, item, building, unit, _floor, number = row
        if building is None or number is None:
            return (1, (0,), item, doc_id)
        return (0, room_sort_key(RoomCode.of(building, unit, number)), item, doc_id)

    return [(r[0], r[1], r[2]) for r in sorted(rows, key=key)]


def box_contents(db: Database, actor: Actor, box_id: int) -> BoxContents:
    with db.session() as s:
        box = get_box(s, box_id)
        category = s.get(Category, box.category_id)
        assert category is not None
        cabinet = s.get(Cabinet, box.cabinet_id) if box.cabinet_id else None
        contents = _ordered_contents(s, box.id, actor)
        first, last = number_range(s, box.id, actor)
        return BoxContents(
            box.id,
            box.code,
            category.name_zh,
            category.name_en,
            box.year,
            Retention.parse(box.retention),
            box.spine_mm,
            place_text(cabinet, box.shelf, box.position),
            first,
            last,
            [doc_id for doc_id, _, _ in contents],
            clearance.hidden_in_box(s, actor, box.id),
        )


def number_range(s: Session, box_id: int, actor: Actor) -> tuple[str | None, str | None]:
    """First and last archive number in a box, by item number, among the items the reader may see:
    what the label says it holds (a label prints only for a reader cleared for the whole box)."""
    return number_ranges(s, [box_id], actor).get(box_id, (None, None))


def number_ranges(s: Session, box_ids: Sequence[int], actor: Actor) -> dict[int, tuple[str | None, str | None]]:
    """:func:`number_range` of many boxes in one query per 500 boxes (a box with nothing visible is left out);
    equal item numbers are ordered by the document's id."""
    found: dict[int, tuple[str | None, str | None]] = {}
    for start in range(0, len(box_ids), 500):
        chunk = box_ids[start : start + 500]
        ranked = (
            select(
                Document.box_id,
                Document.archive_no,
                func.row_number()
                .over(partition_by=Document.box_id, order_by=(Document.item_no, Document.id))
                .label("up"),
                func.row_number()
                .over(partition_by=Document.box_id, order_by=(Document.item_no.desc(), Document.id.desc()))
                .label("down"),
            )
            .where(Document.box_id.in_(chunk), clearance.documents_visible(actor))
            .subquery()
        )
        ends = select(ranked.c.box_id, ranked.c.archive_no, ranked.c.up).where(
            (ranked.c.up == 1) | (ranked.c.down == 1)
        )
        for box_id, archive_no, up in s.execute(ends):
            first, last = found.get(box_id, (None, None))
            found[box_id] = (archive_no, last if last is not None else archive_no) if up == 1 else (first, archive_no)
    return found
