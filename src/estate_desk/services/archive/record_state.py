"""What a record's state allows (档案状态): a destroyed record is a tombstone, a void one is not current.

A destroyed record keeps only its catalogue entry, which never changes again (A17); a void record stays
in the archive, marked, but is no longer lent or used as a current record (A16). Registering, attaching,
legal holds and the loan desk all ask here, so the rule is said once. The marks themselves are set and
lifted in ``services/disposal/marks.py``. A record whose box is out of the archive room for digitisation
(在数字化, from 扫描 to 入库 of its batch) is not lent either: the paper is at the scanner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from estate_desk.domain.digitise.steps import PAPER_OUT
from estate_desk.domain.errors import RuleViolation
from estate_desk.store.archive import Document, Volume
from estate_desk.store.digitise import DigitiseBatch, DigitiseRecord

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.orm import Session


def require_current(document: Document) -> None:
    """Refuse to treat a void or destroyed record as current (to lend it, for one): RuleViolation A16/A17."""
    if document.destroyed_in is not None:
        raise RuleViolation(
            zh=f"{document.archive_no} 已销毁，不能借出。",
            en=f"{document.archive_no} has been destroyed; it cannot be lent.",
            rule="A17",
        )
    if document.void:
        raise RuleViolation(
            zh=f"{document.archive_no} 已作废（{document.void_reason}），不能作为现行档案借出。",
            en=f"{document.archive_no} is void ({document.void_reason}); it cannot be lent as a current record.",
            rule="A16",
        )


def require_not_destroyed(document: Document) -> None:
    """Refuse to change a tombstone (its catalogue data stays as it was when destroyed)."""
    if document.destroyed_in is not None:
        raise RuleViolation(
            zh=f"{document.archive_no} 已销毁，只保留目录信息，不能修改。",
            en=f"{document.archive_no} has been destroyed; its catalogue entry is kept as it was and cannot change.",
            rule="A17",
        )


PAPER_BOX = func.coalesce(Document.box_id, Volume.box_id)
"""The box a record's paper stands in: its own, or its volume's (in a query that outer-joins the volume)."""


def _box_of(s: Session, document: Document) -> int | None:
    """The box the record's paper sits in: its own, or its volume's."""
    if document.box_id is not None or document.volume_id is None:
        return document.box_id
    return s.scalar(select(Volume.box_id).where(Volume.id == document.volume_id))


def _out_for_digitisation(*columns: Any) -> Select[Any]:
    """``columns`` of the records (with their documents and volumes) of batches between 扫描 and 入库."""
    return (
        select(*columns)
        .join(DigitiseRecord, DigitiseRecord.batch_id == DigitiseBatch.id)
        .join(Document, Document.id == DigitiseRecord.document_id)
        .outerjoin(Volume, Volume.id == Document.volume_id)
        .where(DigitiseBatch.step.in_([step.value for step in PAPER_OUT]))
    )


def digitising_batch(s: Session, document: Document) -> str | None:
    """The code of the digitisation batch that has this record's paper out of the archive room: the record
    itself, or any record of its box, in a batch between 扫描 and 入库; ``None`` when it is on the shelf."""
    box_id = _box_of(s, document)
    if box_id is not None:  # the whole box went to the scanner, whichever of its records the batch holds
        return boxes_at_scanner(s, [box_id]).get(box_id)
    code: str | None = s.scalar(
        _out_for_digitisation(DigitiseBatch.code).where(DigitiseRecord.document_id == document.id).limit(1)
    )
    return code


def boxes_at_scanner(s: Session, box_ids: list[int]) -> dict[int, str]:
    """Of these boxes, those out of the archive room for digitisation (在数字化), with the batch's code."""
    if not box_ids:
        return {}
    rows = s.execute(_out_for_digitisation(PAPER_BOX, DigitiseBatch.code).where(PAPER_BOX.in_(box_ids)))
    return {box_id: code for box_id, code in rows}


def require_in_archive_room(s: Session, document: Document) -> None:
    """Refuse to lend a record whose paper is out for digitisation (在数字化): RuleViolation A5."""
    batch = digitising_batch(s, document)
    if batch is not None:
        raise RuleViolation(
            zh=f"{document.archive_no} 所在档案盒正在数字化（批次 {batch}），入库后才能借出。",
            en=f"{document.archive_no} is out of the archive room for digitisation (batch {batch}); "
            "it can be lent once the batch is back.",
            rule="A5",
            where=document.archive_no,
        )
