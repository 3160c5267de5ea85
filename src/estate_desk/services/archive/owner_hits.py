"""An owner found by the search field, with the owner's documents under the name (issue 20).

The clerk who types 欧阳 wants the owner's file, not only the owner: each owner hit brings the first
few of that owner's documents the reader may see (A6: within clearance; owner files are 绝密, A12, so a
receptionist sees none), in archive-number order, and how many there are in all. Void and destroyed
records are left out unless the search asks for them (A16, A17), as the search itself does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.disposal.rules import STATUS_DESTROYED, VOID_MARK
from estate_desk.services.archive.search import Hit, HitKind
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

EACH = 5  # documents listed under one owner; the rest are counted


@dataclass(frozen=True)
class OwnerDocuments:
    shown: tuple[Hit, ...]
    total: int  # all the owner's documents the reader may see (shown or not)


def owner_documents(
    db: Database, actor: Actor, owner_ids: Sequence[int], *, each: int = EACH, include_void: bool = False
) -> dict[int, OwnerDocuments]:
    """For each owner, up to ``each`` of their documents within the reader's clearance, and the count."""
    if not owner_ids:
        return {}
    query = (
        select(
            Document.owner_id, Document.id, Document.archive_no, Document.title, Document.void, Document.destroyed_in
        )
        .where(Document.owner_id.in_(list(owner_ids)), Document.secrecy <= int(actor.clearance))
        .order_by(Document.owner_id, Document.archive_no)
    )
    if not include_void:
        query = query.where(Document.void.is_(False), Document.destroyed_in.is_(None))
    found: dict[int, list[Hit]] = {}
    with db.session() as s:
        for owner_id, doc_id, number, title, void, destroyed in s.execute(query):
            status = STATUS_DESTROYED if destroyed is not None else (VOID_MARK if void else "")
            hit = Hit(HitKind.DOCUMENT, doc_id, title, number, void=bool(status), status=status)
            if owner_id is not None:  # always: the query asks for these owners' documents
                found.setdefault(owner_id, []).append(hit)
    return {owner: OwnerDocuments(tuple(hits[:each]), len(hits)) for owner, hits in found.items()}
