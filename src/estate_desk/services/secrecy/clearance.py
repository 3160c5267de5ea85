"""Retrieval by clearance (按密级检索, A6, A12): the one place that says who may see what.

Every read path — lists, counts, search, the today page, previews, owner files, catalogues, labels,
exports and the command line — filters with these predicates, so no screen can forget.

**Records.** A document (件) is seen by a reader whose clearance (密级权限) is at least its grade.
For anyone else it does not exist: a direct request (a guessed id, a scanned or typed 档号) is
answered :class:`NotFound`, exactly as for an id that was never given, and the refusal is written to
the audit trail (:func:`visible_document`).

**Containers.** A volume (案卷) or a box (档案盒) is as secret as the most secret thing in it
(:func:`box_grades`, :func:`volume_grades`). A *volume* above the reader's clearance is hidden whole
(its title describes its contents). A *box* is a physical thing on a shelf: its code and place stay
visible so the clerk can be handed it, but it lists only what the reader may see and says how many
items are hidden (:func:`hidden_in_box`); its label, which states its full range, prints only for a
reader cleared for the box's grade.

**Owners (A12: 业主档案为绝密).** What is top secret is the owner's *file* (业主档案): the owner's
particulars (ID number, address, phone), the history of changes and transfers, the documents filed
for them, the owner-file catalogue, the roster export, and finding an owner by name, pinyin or
initials. All of these need clearance :data:`OWNER_FILE_GRADE` (:func:`may_see_owner_files`).

The front desk must still serve the person standing at it. The decision, written down: for **one
room the reader names** (a ticket's room, a room code typed or scanned) the *room card* says who owns
it now — the owner's name, nothing more — at clearance 内部, so a receptionist can open a ticket for
3栋2单元1502 and greet 王女士 (``register.room_by_code``, the desk's tickets). A room card is never a
list and never found by the owner's name; lists that would make a directory of owners (households,
documents with their owners) show owners' names only from :data:`OWNER_FILE_GRADE`. The clerk's
routine lists (census, arrears follow-ups) name the household they are about and are governed by
role (``domain.routines.ROUTINE_READERS``), not by clearance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import NotFound
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade, is_classified, most_secret
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import ColumnElement

    from estate_desk.services.actor import Actor

__all__ = [
    "OWNER_FILE_GRADE",
    "box_grades",
    "documents_visible",
    "hidden_counts",
    "hidden_in_box",
    "may_see",
    "may_see_owner_files",
    "owner_name_for",
    "require_owner_files",
    "visible_document",
    "visible_volume_ids",
    "volume_grades",
]


def may_see(actor: Actor, grade: int) -> bool:
    """Whether the reader's clearance reaches this grade."""
    return int(grade) <= int(actor.clearance)


def documents_visible(actor: Actor) -> ColumnElement[bool]:
    """The filter every query over documents carries: grade at most the reader's clearance."""
    return Document.secrecy <= int(actor.clearance)


def may_see_owner_files(actor: Actor) -> bool:
    """Owner files are 绝密 (A12): particulars, history, documents, search by name, the catalogue."""
    return actor.clearance >= OWNER_FILE_GRADE


def owner_name_for(actor: Actor, name: str | None) -> str | None:
    """An owner's name in a list that could become a directory of owners: only for owner-file readers."""
    return name if may_see_owner_files(actor) else None


def _no_document(document_id: int) -> NotFound:
    return NotFound(zh=f"没有这份档案（编号 {document_id}）。", en=f"No document with id {document_id}.")


def visible_document(s: Session, actor: Actor, document_id: int, *, viewing: bool = False) -> Document:
    """The document, if the reader may see it; otherwise :class:`NotFound`, and a refusal in the audit
    trail when the document exists above the reader's clearance (a guessed id, a scanned number).

    ``viewing``: the reader opens the record itself; opening a classified one (秘密 and up) is recorded.
    """
    document = s.get(Document, document_id)
    if document is None:
        raise _no_document(document_id)
    if not may_see(actor, document.secrecy):
        raise audit.refused(
            s,
            actor,
            _no_document(document_id),
            Target("document", document.id, document.archive_no, document.secrecy),
        )
    if viewing and is_classified(document.secrecy):
        audit.record(s, actor, AuditAction.VIEW, Target("document", document.id, document.archive_no, document.secrecy))
    return document


def require_owner_files(s: Session, actor: Actor, owner_id: int, name: str) -> None:
    """Refuse (NotFound, audited) a reader not cleared for owner files: for them the file does not exist."""
    if may_see_owner_files(actor):
        return
    raise audit.refused(
        s,
        actor,
        NotFound(zh=f"没有这位业主（编号 {owner_id}）。", en=f"No owner with id {owner_id}.", rule="A12"),
        Target("owner", owner_id, name, int(OWNER_FILE_GRADE)),
    )


# --------------------------------------------------------------------------- containers


def box_grades(s: Session, box_ids: Collection[int]) -> dict[int, Grade]:
    """Each box's grade: that of the most secret document in it (an empty box is 公开)."""
    ids = list(box_ids)
    found = dict(
        s.execute(
            select(Document.box_id, func.max(Document.secrecy))
            .where(Document.box_id.in_(ids))
            .group_by(Document.box_id)
        ).all()
    )
    return {box_id: most_secret([found[box_id]] if box_id in found else []) for box_id in ids}


def volume_grades(s: Session, volume_ids: Collection[int]) -> dict[int, Grade]:
    """Each volume's grade: that of the most secret document bound into it."""
    ids = list(volume_ids)
    found = dict(
        s.execute(
            select(Document.volume_id, func.max(Document.secrecy))
            .where(Document.volume_id.in_(ids))
            .group_by(Document.volume_id)
        ).all()
    )
    return {volume_id: most_secret([found[volume_id]] if volume_id in found else []) for volume_id in ids}


def visible_volume_ids(s: Session, actor: Actor, volume_ids: Collection[int]) -> set[int]:
    """The volumes the reader may see: those no more secret than the reader's clearance."""
    return {v for v, grade in volume_grades(s, volume_ids).items() if may_see(actor, grade)}


def hidden_in_box(s: Session, actor: Actor, box_id: int) -> int:
    """How many documents in a box are above the reader's clearance (shown as a count, never named)."""
    return hidden_counts(s, actor, [box_id]).get(box_id, 0)


def hidden_counts(s: Session, actor: Actor, box_ids: Collection[int]) -> dict[int, int]:
    """For each box with any, how many of its documents are above the reader's clearance."""
    rows = s.execute(
        select(Document.box_id, func.count(Document.id))
        .where(Document.box_id.in_(list(box_ids)), Document.secrecy > int(actor.clearance))
        .group_by(Document.box_id)
    )
    return {int(box_id): int(count) for box_id, count in rows if box_id is not None}
