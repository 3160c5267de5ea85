"""Volumes (案卷, A3): forming, closing and filing into them, and listing them.

A volume holds one category; once closed (装订成册) nothing more goes in and nothing comes out. A document
filed into a volume follows the volume's box, and the move is recorded (``services/archive/movements.py``). A volume
above the reader's clearance is not listed (``services/secrecy/clearance.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.archive.numbers import VOLUME_PATTERN
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services.archive.movements import box_place, record_move
from estate_desk.services.archive.numbering import category_by_code, next_in_series, the_office
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import ArchiveBox, Document, Volume

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def get_volume(s: Session, volume_id: int) -> Volume:
    """The volume ``volume_id``; :class:`NotFound` if there is none."""
    volume = s.get(Volume, volume_id)
    if volume is None:
        raise NotFound(zh=f"没有这个案卷（编号 {volume_id}）。", en=f"No volume with id {volume_id}.")
    return volume


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
        office = the_office(s)
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
        volume = get_volume(s, volume_id)
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
        volume = get_volume(s, volume_id)
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
            else box_place(s, s.get(ArchiveBox, document.box_id) if document.box_id else None)
        )
        document.volume_id = volume.id
        if volume.box_id is not None:
            document.box_id = volume.box_id
        record_move(s, clock, actor, document_id=document.id, from_place=before, to_place=volume.code, reason="组卷")


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


def grades(db: Database, volume_ids: Collection[int]) -> dict[int, Grade]:
    """Each volume's grade, that of the most secret document bound into it (what a volume list is graded by)."""
    with db.session() as s:
        return clearance.volume_grades(s, volume_ids)


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
