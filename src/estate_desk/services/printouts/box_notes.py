"""What a box's notes sheet (备考表) says: contents, what is missing or moved, who arranged it (A7).

The facts of the box come from :func:`estate_desk.services.archive.boxes.box_contents`; counts and pages
are of the items the reader may see (A6), and the sheet says so when some are left out. Changes
are the recorded movements (A7) of the box itself and of items moved into or out of it; an item
whose original is missing (no paper side, A5) is listed as missing. The clerk printing the sheet
is its 整理人, with today's date from the injected clock; the checker signs on the blank line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.estate.rooms import natural_key
from estate_desk.printing.box_notes import BoxChange, BoxNotes
from estate_desk.services.archive import boxes
from estate_desk.services.printouts.scope import any_confidential, resolved, void_column
from estate_desk.services.secrecy.clearance import documents_visible, may_see
from estate_desk.store.accounts import User
from estate_desk.store.archive import ArchiveBox, Document, Movement

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Selection
    from estate_desk.store.database import Database

_BOX_EVENTS = ("新建", "上架", "移柜", "下架")


def _names_box(place: str, code: str) -> bool:
    """Whether a recorded place ("Z001-YZ-2016-H001（1号档案柜 · 第1层第1格）") is this box."""
    return place == code or place.startswith(code + "（")


def _changes(s: Session, actor: Actor, box: ArchiveBox) -> list[BoxChange]:
    rows = s.execute(
        select(Movement, User.display_name, Document.archive_no, Document.secrecy, void_column().label("void"))
        .outerjoin(User, User.id == Movement.moved_by)
        .outerjoin(Document, Document.id == Movement.document_id)
        .where(
            or_(
                Movement.box_id == box.id,
                Movement.from_place.like(f"{box.code}%"),
                Movement.to_place.like(f"{box.code}%"),
            )
        )
        .order_by(Movement.moved_at, Movement.id)
    ).all()
    changes: list[BoxChange] = []
    for move, who, archive_no, grade, voided in rows:
        when = move.moved_at.astimezone(CHINA_TZ)
        reason = f"（{move.reason}）" if move.reason else ""
        if move.document_id is not None:
            if archive_no is None or not may_see(actor, grade):
                continue  # an item the reader may not see
            if _names_box(move.to_place, box.code) and not _names_box(move.from_place, box.code):
                what, detail = "移入", f"来自 {move.from_place or '—'}{reason}"
            elif _names_box(move.from_place, box.code) and not _names_box(move.to_place, box.code):
                what, detail = "移出", f"移至 {move.to_place or '—'}{reason}"
            else:
                continue
            changes.append(BoxChange(when, what, archive_no, detail, who or "", bool(voided)))
        elif move.box_id == box.id:
            what = move.reason if move.reason in _BOX_EVENTS else "变动"
            detail = f"{move.from_place or '—'} → {move.to_place or '—'}"
            if what == "变动" and move.reason:
                detail += reason
            changes.append(BoxChange(when, what, "本盒", detail, who or ""))
    return changes


def box_notes(db: Database, clock: Clock, actor: Actor, selection: Selection) -> list[BoxNotes]:
    """The notes sheet of every box the selection names (boxes, or the boxes in a cabinet), in order."""
    scope = resolved(db, selection)
    today = clock.now().astimezone(CHINA_TZ).date()
    sheets: list[BoxNotes] = []
    for box_id in scope.box_ids or ():
        contents = boxes.box_contents(db, actor, box_id)
        with db.session() as s:
            box = s.get(ArchiveBox, box_id)
            assert box is not None  # resolved() checked it
            items = s.execute(
                select(
                    Document.archive_no,
                    Document.pages,
                    Document.has_paper,
                    Document.secrecy,
                    void_column().label("void"),
                ).where(Document.box_id == box_id, documents_visible(actor))
            ).all()
            total = s.scalar(select(func.count()).where(Document.box_id == box_id)) or 0
            changes = _changes(s, actor, box)
        numbers = sorted((row.archive_no for row in items), key=natural_key)
        sheets.append(
            BoxNotes(
                box_code=contents.code,
                office=scope.office,
                fonds_code=scope.fonds_code,
                category=contents.category_zh,
                year=contents.year,
                retention=contents.retention.label("zh"),
                place=contents.place or "",
                count=len(items),
                pages=sum(row.pages for row in items),
                first_no=numbers[0] if numbers else None,
                last_no=numbers[-1] if numbers else None,
                changes=tuple(changes),
                without_paper=tuple(sorted((r.archive_no for r in items if not r.has_paper), key=natural_key)),
                void_items=tuple(sorted((r.archive_no for r in items if r.void), key=natural_key)),
                incomplete=total > len(items),
                arranged_by=actor.display_name or actor.username,
                arranged_on=today,
                confidential=any_confidential([row.secrecy for row in items]),
            )
        )
    return sheets
