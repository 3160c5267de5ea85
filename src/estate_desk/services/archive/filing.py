"""Filing: volumes (案卷), boxes (档案盒) and cabinets (档案柜), and every move recorded (A3, A7, A9).

A box's first and last item numbers come from what is in it, never typed. Owner files in a box
are listed by building → floor → room (A9) whatever order they were added in. Reading is within
the reader's clearance (``services/secrecy/clearance.py``): a box lists what the reader may see and counts
the rest; a volume above the reader's clearance is not listed nor found by its code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import func, select

from estate_desk.domain.archive.numbers import BOX_PATTERN, VOLUME_PATTERN
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services import audit
from estate_desk.services.archive.numbering import category_by_code, code_forms_in, next_in_series
from estate_desk.services.archive.register import place_text
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import ArchiveBox, ArchiveCounter, Cabinet, Category, Document, Movement, Volume
from estate_desk.store.estate import Building, Room

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

SPINE_WIDTHS = (20, 30, 40, 50)
_T = TypeVar("_T")


def _office(s: Session) -> Office:
    office: Office | None = s.scalar(select(Office))
    if office is None:
        raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
    return office


def _get(s: Session, model: type[_T], ident: int, zh: str, en: str) -> _T:
    row = s.get(model, ident)
    if row is None:
        raise NotFound(zh=f"没有这个{zh}（编号 {ident}）。", en=f"No {en} with id {ident}.")
    return row


def _box_place(s: Session, box: ArchiveBox | None) -> str:
    if box is None:
        return ""
    cabinet = s.get(Cabinet, box.cabinet_id) if box.cabinet_id else None
    return f"{box.code}（{place_text(cabinet, box.shelf, box.position) or '未上架'}）"


def _moved(s: Session, box_id: int | None, document_id: int | None) -> Target:
    """What a movement is about: a box (its code and place are seen by everyone), or a document at its grade."""
    if box_id is not None:
        return Target("box", box_id)
    document = s.get(Document, document_id) if document_id is not None else None
    return Target("document", document_id, grade=document.secrecy if document is not None else None)


def _record(
    s: Session,
    clock: Clock,
    actor: Actor,
    *,
    box_id: int | None = None,
    document_id: int | None = None,
    from_place: str,
    to_place: str,
    reason: str = "",
) -> None:
    s.add(
        Movement(
            box_id=box_id,
            document_id=document_id,
            from_place=from_place[:200],
            to_place=to_place[:200],
            reason=reason[:200],
            moved_by=actor.user_id,
            moved_at=clock.now(),
        )
    )
    audit.record(
        s,
        actor,
        AuditAction.CHANGE,
        _moved(s, box_id, document_id),
        reason=reason[:200],
        detail={"from": from_place[:200], "to": to_place[:200]},
        clock=clock,
    )


# ---- volumes (案卷, A3) -----------------------------------------------------------------------


def create_volume(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    category_code: str,
    title: str,
    year: int,
    retention: Retention | None = None,
) -> int:
    """A new open volume of one category; its code is fonds-category-year-J###."""
    require_role(actor, ARCHIVE_KEEPERS, zh="组卷", en="form volumes")
    if not title.strip():
        raise InputProblem(zh="请填写案卷题名。", en="Give the volume a title.")
    with db.session() as s:
        office = _office(s)
        category = category_by_code(s, category_code)
        number = next_in_series(s, f"volume|{office.fonds_code}|{category.code}|{year}")
        volume = Volume(
            code=VOLUME_PATTERN.format(fonds=office.fonds_code, category=category.code, year=year, number=number),
            category_id=category.id,
            title=title.strip(),
            year=year,
            retention=(retention or Retention.parse(category.default_retention)).value,
            created_at=clock.now(),
        )
        s.add(volume)
        s.flush()
        return volume.id


def close_volume(db: Database, clock: Clock, actor: Actor, volume_id: int) -> None:
    """Close a volume once bound (装订成册): nothing more goes in (A3)."""
    require_role(actor, ARCHIVE_KEEPERS, zh="封卷", en="close volumes")
    with db.session() as s:
        volume = _get(s, Volume, volume_id, "案卷", "volume")
        if volume.closed:
            return
        if not s.scalar(select(func.count()).where(Document.volume_id == volume.id)):
            raise RuleViolation(
                zh=f"案卷 {volume.code} 是空的，不能封卷。", en=f"Volume {volume.code} is empty.", rule="A3"
            )
        volume.closed, volume.closed_at = True, clock.now()


def file_into_volume(db: Database, clock: Clock, actor: Actor, document_id: int, volume_id: int) -> None:
    """File a document into an open volume of its own category (A3); it follows the volume's box."""
    require_role(actor, ARCHIVE_KEEPERS, zh="组卷", en="form volumes")
    with db.session() as s:
        document = clearance.visible_document(s, actor, document_id)
        volume = _get(s, Volume, volume_id, "案卷", "volume")
        if volume.closed:
            raise RuleViolation(
                zh=f"案卷 {volume.code} 已封卷，不能再放入档案。", en=f"Volume {volume.code} is closed.", rule="A3"
            )
        if volume.category_id != document.category_id:
            raise RuleViolation(
                zh=f"案卷 {volume.code} 只收同一门类的档案。",
                en=f"Volume {volume.code} holds one category only.",
                rule="A3",
            )
        if document.volume_id == volume.id:
            return
        old_volume = s.get(Volume, document.volume_id) if document.volume_id else None
        if old_volume is not None and old_volume.closed:
            raise RuleViolation(
                zh=f"档案在已封卷的 {old_volume.code} 中，不能移出。",
                en=f"The document is in closed volume {old_volume.code}.",
                rule="A3",
            )
        before = (
            old_volume.code
            if old_volume
            else _box_place(s, s.get(ArchiveBox, document.box_id) if document.box_id else None)
        )
        document.volume_id = volume.id
        if volume.box_id is not None:
            document.box_id = volume.box_id
        _record(s, clock, actor, document_id=document.id, from_place=before, to_place=volume.code, reason="组卷")


# ---- boxes and cabinets (A7, A9) -----------------------------------------------------------------


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
        office = _office(s)
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
        _record(s, clock, actor, box_id=box.id, from_place="", to_place="未上架", reason="新建")
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
        box = _get(s, ArchiveBox, box_id, "档案盒", "box")
        if volume_id is not None:
            volume = _get(s, Volume, volume_id, "案卷", "volume")
            _same_category(box, volume.category_id, volume.code)
            before = _box_place(s, s.get(ArchiveBox, volume.box_id) if volume.box_id else None)
            volume.box_id = box.id
            for document in s.scalars(select(Document).where(Document.volume_id == volume.id)):
                document.box_id = box.id
            _record(
                s,
                clock,
                actor,
                box_id=box.id,
                from_place=before,
                to_place=_box_place(s, box),
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
        before = _box_place(s, s.get(ArchiveBox, document.box_id) if document.box_id else None)
        document.box_id = box.id
        _record(s, clock, actor, document_id=document.id, from_place=before, to_place=_box_place(s, box), reason="装盒")


def _same_category(box: ArchiveBox, category_id: int, what: str) -> None:
    if box.category_id != category_id:
        raise RuleViolation(
            zh=f"{what} 与档案盒 {box.code} 不是同一门类（分类保存）。",
            en=f"{what} is not of box {box.code}'s category.",
            rule="A7",
        )


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
        box = _get(s, ArchiveBox, box_id, "档案盒", "box")
        cabinet = _get(s, Cabinet, cabinet_id, "档案柜", "cabinet")
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
        before = _box_place(s, box)
        box.cabinet_id, box.shelf, box.position = cabinet.id, shelf, position
        s.flush()
        _record(s, clock, actor, box_id=box.id, from_place=before, to_place=_box_place(s, box), reason=reason or "上架")


# ---- reading ----------------------------------------------------------------------------------


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
        box = _get(s, ArchiveBox, box_id, "档案盒", "box")
        category = s.get(Category, box.category_id)
        assert category is not None
        cabinet = s.get(Cabinet, box.cabinet_id) if box.cabinet_id else None
        contents = _ordered_contents(s, box.id, actor)
        first, last = _range(s, box.id, actor)
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


def _range(s: Session, box_id: int, actor: Actor) -> tuple[str | None, str | None]:
    """First and last archive number in a box, by item number, among the items the reader may see:
    what the label says it holds (a label prints only for a reader cleared for the whole box)."""
    mine = select(Document.archive_no).where(Document.box_id == box_id, clearance.documents_visible(actor))
    first = s.scalar(mine.order_by(Document.item_no).limit(1))
    last = s.scalar(mine.order_by(Document.item_no.desc()).limit(1))
    return first, last


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
        c = _get(s, Cabinet, cabinet_id, "档案柜", "cabinet")
        slots: dict[tuple[int, int], BoxSlot] = {}
        boxes = s.execute(
            select(ArchiveBox, Category.name_zh, Category.name_en)
            .join(Category, Category.id == ArchiveBox.category_id)
            .where(ArchiveBox.cabinet_id == c.id)
        ).all()
        hidden = clearance.hidden_counts(s, actor, [box.id for box, _, _ in boxes])
        for box, zh, en in boxes:
            assert box.shelf is not None and box.position is not None
            first, last = _range(s, box.id, actor)
            slots[(box.shelf, box.position)] = BoxSlot(box.id, box.code, zh, en, first, last, hidden.get(box.id, 0))
        row = CabinetRow(c.id, c.code, c.name, c.location, c.shelves, c.positions_per_shelf, len(slots))
        return CabinetLayout(row, slots)


@dataclass(frozen=True)
class VolumeRow:
    id: int
    code: str
    title: str
    category_id: int
    year: int
    closed: bool
    box_code: str | None
    count: int
    void: bool = False  # 作废 (A16)
    void_reason: str = ""


def volumes(db: Database, actor: Actor, category_id: int | None = None) -> list[VolumeRow]:
    """Volumes the reader may see (none more secret than their clearance), with the items they may see."""
    with db.session() as s:
        counts = dict(
            s.execute(
                select(Document.volume_id, func.count())
                .where(Document.volume_id.is_not(None), clearance.documents_visible(actor))
                .group_by(Document.volume_id)
            ).all()
        )
        query = (
            select(Volume, ArchiveBox.code).outerjoin(ArchiveBox, ArchiveBox.id == Volume.box_id).order_by(Volume.code)
        )
        if category_id is not None:
            query = query.where(Volume.category_id == category_id)
        found = s.execute(query).all()
        visible = clearance.visible_volume_ids(s, actor, [v.id for v, _ in found])
        return [
            VolumeRow(
                v.id,
                v.code,
                v.title,
                v.category_id,
                v.year,
                v.closed,
                box_code,
                counts.get(v.id, 0),
                v.void,
                v.void_reason,
            )
            for v, box_code in found
            if v.id in visible
        ]


@dataclass(frozen=True)
class CodeHit:
    kind: str  # box | volume | document
    id: int
    code: str = field(default="", compare=False)  # as stored: the box or volume code, the 档号


def find_by_code(db: Database, actor: Actor, code: str) -> CodeHit | None:
    """What a scanned code names: a box, a volume or a document (within the actor's clearance).

    A box is always found (it then lists only what the reader may see); a volume or a document above
    the reader's clearance is not, and the attempt is audited. The code is read however it was typed or
    scanned (``Z001-YZ-2016-Y-0001``, full-width, lower case: :func:`~estate_desk.domain.archive.numbers.normalise_code`).
    """
    text = code.strip()
    if not text or any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None  # scanner noise: no code holds control characters (and PostgreSQL refuses NUL in text)
    with db.session() as s:
        forms = code_forms_in(s, text)
        box = s.execute(select(ArchiveBox.id, ArchiveBox.code).where(ArchiveBox.code.in_(forms))).first()
        if box is not None:
            return CodeHit("box", box.id, box.code)
        volume = s.execute(select(Volume.id, Volume.code).where(Volume.code.in_(forms))).first()
        if volume is not None:
            volume_id = volume.id
            if clearance.visible_volume_ids(s, actor, [volume_id]):
                return CodeHit("volume", volume_id, volume.code)
            audit.refused(
                s,
                actor,
                NotFound(zh=f"没有案卷 {text}。", en=f"No volume {text}."),
                Target("volume", volume_id, text, clearance.volume_grades(s, [volume_id])[volume_id]),
            )
            return None
        found = s.execute(
            select(Document.id, Document.secrecy, Document.archive_no).where(Document.archive_no.in_(forms))
        ).first()
        if found is None:
            return None
        if not clearance.may_see(actor, found.secrecy):
            audit.refused(
                s,
                actor,
                NotFound(zh=f"没有档案 {text}。", en=f"No record {text}."),
                Target("document", found.id, text, found.secrecy),
            )
            return None
        return CodeHit("document", found.id, found.archive_no)


@dataclass(frozen=True)
class MovementRow:
    from_place: str
    to_place: str
    reason: str
    moved_by: str
    moved_at: datetime


def movements_of(
    db: Database, actor: Actor, *, box_id: int | None = None, document_id: int | None = None
) -> list[MovementRow]:
    query = select(Movement, User.display_name).outerjoin(User, User.id == Movement.moved_by)
    if box_id is not None:
        query = query.where(Movement.box_id == box_id)
    if document_id is not None:
        with db.session() as s:
            clearance.visible_document(s, actor, document_id)
        query = query.where(Movement.document_id == document_id)
    with db.session() as s:
        return [
            MovementRow(m.from_place, m.to_place, m.reason, who or "", m.moved_at)
            for m, who in s.execute(query.order_by(Movement.moved_at, Movement.id))
        ]
