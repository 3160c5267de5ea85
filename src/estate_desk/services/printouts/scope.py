"""Which records a printout covers: a selection checked against the scopes it accepts and the database.

A :class:`~estate_desk.services.printouts.kinds.Selection` names boxes, a cabinet, a category, a building,
a year or a volume; :func:`check_scopes` refuses what a document does not take, :func:`resolve`
checks every id and code and turns the selection into document filters — always within the
reader's clearance (A6): what the reader may not see does not exist for them, on paper too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import false, select

from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.domain.estate.rooms import natural_key
from estate_desk.domain.secrecy.grades import Grade, is_classified
from estate_desk.services.printouts.kinds import Scope, Selection
from estate_desk.services.secrecy.clearance import documents_visible
from estate_desk.store.accounts import Office
from estate_desk.store.archive import ArchiveBox, Cabinet, Category, Document, Volume
from estate_desk.store.estate import Building, Room

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import ColumnElement

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

SCOPE_ZH = {
    Scope.BOX: "档案盒",
    Scope.CABINET: "档案柜",
    Scope.CATEGORY: "门类",
    Scope.BUILDING: "楼栋",
    Scope.YEAR: "年度",
    Scope.VOLUME: "案卷",
    Scope.ESTATE: "全部",
    Scope.DATE: "日期",
    Scope.BATCH: "销毁批次",
}


def void_column() -> ColumnElement[bool]:
    """Whether a document is void (作废, A16). Documents have no void flag yet; when the column
    arrives (``Document.void``) every catalogue marks void items through this one place."""
    column: ColumnElement[bool] | None = getattr(Document, "void", None)
    return column if column is not None else false()


@dataclass(frozen=True)
class Resolved:
    """A selection checked against the database: the filters it makes and how it is described."""

    office: str
    fonds_code: str
    box_ids: tuple[int, ...] | None  # None: not chosen by box; () a cabinet with no boxes
    category_ids: tuple[int, ...] | None  # the category and its sub-categories
    category_names: tuple[str, ...]
    year: int | None
    volume_id: int | None
    building_id: int | None
    text: str  # "档案盒 Z001-YZ-2016-H001，2016年度"; "全部" when nothing narrows it

    def document_filters(self, actor: Actor) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = [documents_visible(actor)]
        if self.box_ids is not None:
            filters.append(Document.box_id.in_(self.box_ids))
        if self.category_ids is not None:
            filters.append(Document.category_id.in_(self.category_ids))
        if self.year is not None:
            filters.append(Document.year == self.year)
        if self.volume_id is not None:
            filters.append(Document.volume_id == self.volume_id)
        if self.building_id is not None:
            filters.append(Document.room_id.in_(select(Room.id).where(Room.building_id == self.building_id)))
        return filters


def _named(selection: Selection) -> list[Scope]:
    named = {
        Scope.BOX: bool(selection.box_ids),
        Scope.CABINET: selection.cabinet_id is not None,
        Scope.CATEGORY: selection.category_code is not None,
        Scope.BUILDING: selection.building is not None,
        Scope.YEAR: selection.year is not None,
        Scope.VOLUME: selection.volume_id is not None,
        Scope.DATE: selection.day is not None,
    }
    return [scope for scope, on in named.items() if on]


def check_scopes(selection: Selection, scopes: frozenset[Scope], title: str, title_en: str) -> None:
    """Refuse a selection the document does not take, or no selection where it needs one."""
    allowed = [s for s in Scope if s in scopes]
    choices_zh = "、".join(SCOPE_ZH[s] for s in allowed)
    choices_en = ", ".join(s.value for s in allowed)
    wrong = [s for s in _named(selection) if s not in scopes]
    if wrong:
        raise InputProblem(
            zh=f"{title}不能按{'、'.join(SCOPE_ZH[s] for s in wrong)}选择（可选：{choices_zh}）。",
            en=f"The {title_en.lower()} cannot be chosen by {', '.join(s.value for s in wrong)} (choose: {choices_en}).",
        )
    if not _named(selection) and Scope.ESTATE not in scopes:
        raise InputProblem(
            zh=f"请选择要打印{title}的范围：{choices_zh}。",
            en=f"Choose what the {title_en.lower()} covers: {choices_en}.",
        )


def category_tree(s: Session, code: str) -> tuple[list[int], str]:
    categories = list(s.scalars(select(Category)))
    root = next((c for c in categories if c.code == code), None)
    if root is None:
        raise NotFound(zh=f"没有这个门类：{code}", en=f"No such category: {code}")
    ids, frontier = [root.id], [root.id]
    while frontier:
        frontier = [c.id for c in categories if c.parent_id in frontier and c.id not in ids]
        ids += frontier
    return ids, root.name_zh


def _boxes(s: Session, selection: Selection) -> tuple[tuple[int, ...] | None, list[str]]:
    parts: list[str] = []
    if not selection.box_ids and selection.cabinet_id is None:
        return None, parts
    chosen: dict[int, ArchiveBox] = {}
    for box_id in selection.box_ids:
        box = s.get(ArchiveBox, box_id)
        if box is None:
            raise NotFound(zh=f"没有这个档案盒（编号 {box_id}）。", en=f"No box with id {box_id}.")
        chosen[box.id] = box
    ordered = sorted(chosen.values(), key=lambda b: natural_key(b.code))
    if ordered:
        codes = [b.code for b in ordered]
        parts.append(f"档案盒 {'、'.join(codes) if len(codes) <= 3 else f'{codes[0]} 等 {len(codes)} 盒'}")
    if selection.cabinet_id is not None:
        cabinet = s.get(Cabinet, selection.cabinet_id)
        if cabinet is None:
            raise NotFound(
                zh=f"没有这个档案柜（编号 {selection.cabinet_id}）。", en=f"No cabinet with id {selection.cabinet_id}."
            )
        shelved = s.scalars(
            select(ArchiveBox)
            .where(ArchiveBox.cabinet_id == cabinet.id)
            .order_by(ArchiveBox.shelf, ArchiveBox.position)
        )
        ordered += [b for b in shelved if b.id not in chosen]
        parts.append(cabinet.name)
    return tuple(b.id for b in ordered), parts


def resolve(s: Session, selection: Selection) -> Resolved:
    """Check every id and code the selection names; say what it covers."""
    office = s.scalar(select(Office))
    if office is None:
        raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
    box_ids, parts = _boxes(s, selection)
    category_ids: tuple[int, ...] | None = None
    names: tuple[str, ...] = ()
    if selection.category_code is not None:
        ids, name = category_tree(s, selection.category_code)
        category_ids, names = tuple(ids), (name,)
        parts.append(f"门类 {name}")
    building_id = None
    if selection.building is not None:
        building = s.scalar(select(Building).where(Building.number == selection.building))
        if building is None:
            raise NotFound(
                zh=f"本小区没有 {selection.building} 栋。", en=f"The estate has no building {selection.building}."
            )
        building_id = building.id
        parts.append(building.name or f"{building.number}栋")
    if selection.volume_id is not None:
        volume = s.get(Volume, selection.volume_id)
        if volume is None:
            raise NotFound(
                zh=f"没有这个案卷（编号 {selection.volume_id}）。", en=f"No volume with id {selection.volume_id}."
            )
        parts.append(f"案卷 {volume.code}")
    if selection.year is not None:
        parts.append(f"{selection.year}年度")
    return Resolved(
        office.name,
        office.fonds_code,
        box_ids,
        category_ids,
        names,
        selection.year,
        selection.volume_id,
        building_id,
        "，".join(parts) or "全部",
    )


def resolved(db: Database, selection: Selection) -> Resolved:
    with db.session() as s:
        return resolve(s, selection)


def grade_label(level: int) -> str:
    return Grade(level).label("zh")


def retention_label(value: str) -> str:
    return Retention.parse(value).label("zh")


def any_confidential(levels: Sequence[int]) -> bool:
    """Whether a printout holds classified (涉密, 秘密 and up) records: then every page says who printed it (A11)."""
    return any(is_classified(level) for level in levels)
