"""What a scanned or typed code names (扫码查找, A6, A7): a box, a volume or a document.

Read within the reader's clearance (``services/secrecy/clearance.py``): a box is always found, a volume or a document
above the reader's clearance is not, and the attempt is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.errors import NotFound
from estate_desk.services import audit
from estate_desk.services.archive.numbering import code_forms_in
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import ArchiveBox, Document, Volume

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


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
