"""Registering documents with archive numbers (A7), and boxes and cabinets to keep them in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.archive.numbers import (
    BOX_PATTERN,
    DEFAULT_PATTERN,
    NumberingKey,
    code_forms,
    format_archive_number,
)
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.store.accounts import Office, Setting
from estate_desk.store.archive import ArchiveBox, ArchiveCounter, Cabinet, Category, Document

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock

PATTERN_SETTING = "archive_number_pattern"


@dataclass(frozen=True)
class DocumentDraft:
    """What the clerk types when registering a document (件)."""

    category_code: str
    title: str
    year: int
    doc_date: date | None = None
    responsible: str = ""
    doc_number: str = ""
    pages: int = 0
    remarks: str = ""
    secrecy: Grade | None = None  # None: the category's default
    retention: Retention | None = None  # None: the category's default
    room_id: int | None = None
    owner_id: int | None = None
    has_paper: bool = True
    equipment: str = ""  # 设备, for equipment operation files (A2)
    ticket_id: int | None = None  # the ticket a repair/complaint record belongs to (A2)
    batch_id: int | None = None  # the handover batch it came in (A1)


def number_pattern(s: Session) -> str:
    """The office's archive number pattern (档号规则): its own if set, else the DA/T 22 default."""
    return s.scalar(select(Setting.value).where(Setting.key == PATTERN_SETTING)) or DEFAULT_PATTERN


def code_forms_in(s: Session, code: str) -> list[str]:
    """What a typed or scanned code is looked up as, read by the office's pattern (:func:`code_forms`)."""
    return code_forms(code, number_pattern(s))


def the_office(s: Session) -> Office:
    """The office whose archive this is (its fonds code numbers volumes and boxes); refused before set-up."""
    office: Office | None = s.scalar(select(Office))
    if office is None:
        raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
    return office


def category_by_code(s: Session, code: str) -> Category:
    category = s.scalar(select(Category).where(Category.code == code))
    if category is None:
        raise NotFound(zh=f"没有这个门类：{code}", en=f"No such category: {code}")
    return category


def next_in_series(s: Session, series: str) -> int:
    """The next number of a series (items, volumes, boxes); counters only grow, so nothing is given twice."""
    counter = s.scalar(select(ArchiveCounter).where(ArchiveCounter.series == series).with_for_update())
    if counter is None:
        counter = ArchiveCounter(series=series, last_item=0)
        s.add(counter)
    counter.last_item += 1
    s.flush()
    return counter.last_item


def next_item_number(s: Session, key: NumberingKey) -> int:
    """The next item number (件号) of a numbering series (A7)."""
    return next_in_series(s, key.series)


def register_document(s: Session, clock: Clock, draft: DocumentDraft, *, created_by: int | None) -> Document:
    title = draft.title.strip()
    if not title:
        raise InputProblem(zh="请填写题名。", en="The title (题名) is required.")
    if draft.pages < 0:
        raise InputProblem(zh="页数不能为负数。", en="The page count cannot be negative.")
    office = s.scalar(select(Office))
    if office is None:
        raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
    category = category_by_code(s, draft.category_code)
    retention = draft.retention or Retention.parse(category.default_retention)
    grade = draft.secrecy if draft.secrecy is not None else Grade(category.default_grade)
    pattern = number_pattern(s)
    key = NumberingKey(office.fonds_code, category.code, draft.year, retention)
    item = next_item_number(s, key)
    document = Document(
        archive_no=format_archive_number(key, item, pattern),
        category_id=category.id,
        year=draft.year,
        item_no=item,
        title=title,
        doc_date=draft.doc_date,
        responsible=draft.responsible,
        doc_number=draft.doc_number,
        pages=draft.pages,
        remarks=draft.remarks,
        secrecy=int(grade),
        retention=retention.value,
        room_id=draft.room_id,
        owner_id=draft.owner_id,
        has_paper=draft.has_paper,
        equipment=draft.equipment.strip(),
        ticket_id=draft.ticket_id,
        batch_id=draft.batch_id,
        created_at=clock.now(),
        created_by=created_by,
    )
    s.add(document)
    s.flush()
    return document


def add_cabinet(s: Session, code: str, name: str, location: str = "", shelves: int = 5, positions: int = 10) -> Cabinet:
    cabinet = Cabinet(code=code, name=name, location=location, shelves=shelves, positions_per_shelf=positions)
    s.add(cabinet)
    s.flush()
    return cabinet


def add_box(
    s: Session, office: Office, category: Category, year: int, retention: Retention, number: int, spine_mm: int = 30
) -> ArchiveBox:
    """A box; its code (what the barcode carries) is fonds-category-year-number."""
    if spine_mm not in (20, 30, 40, 50):
        raise InputProblem(
            zh=f"盒脊宽度只能是 20/30/40/50 毫米：{spine_mm}", en=f"Spine width must be 20/30/40/50 mm: {spine_mm}"
        )
    box = ArchiveBox(
        code=BOX_PATTERN.format(fonds=office.fonds_code, category=category.code, year=year, number=number),
        number=number,
        category_id=category.id,
        year=year,
        retention=retention.value,
        spine_mm=spine_mm,
    )
    s.add(box)
    s.flush()
    return box


def place_box(box: ArchiveBox, cabinet: Cabinet, shelf: int, position: int) -> None:
    if not (1 <= shelf <= cabinet.shelves and 1 <= position <= cabinet.positions_per_shelf):
        raise InputProblem(
            zh=f"{cabinet.name} 没有第 {shelf} 层第 {position} 格。",
            en=f"{cabinet.name} has no shelf {shelf}, position {position}.",
        )
    box.cabinet_id, box.shelf, box.position = cabinet.id, shelf, position
