"""A cabinet's layout reads its boxes' first and last archive numbers together (issue 18, start-up):
the same numbers as one box at a time, in as many statements for a full cabinet as for a sparse one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from database_support import statements
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import cabinets
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def _one_box(db: Database, actor: Any, box_id: int) -> tuple[str | None, str | None]:
    """The first and last archive number of a box as the label read them before: a query for each end."""
    with db.session() as s:
        mine = select(Document.archive_no).where(Document.box_id == box_id, clearance.documents_visible(actor))
        first = s.scalar(mine.order_by(Document.item_no, Document.id).limit(1))
        last = s.scalar(mine.order_by(Document.item_no.desc(), Document.id.desc()).limit(1))
        return first, last


def test_a_cabinets_boxes_show_the_numbers_read_one_box_at_a_time(demo_db: Database, clock: FakeClock) -> None:
    counts: dict[int, int] = {}  # boxes in the cabinet → statements its layout took
    for username in ("clerk", "desk"):  # cleared for everything; a receptionist, who sees less
        actor = accounts.authenticate(demo_db, clock, username, DEMO_PASSWORD)
        for row in cabinets.cabinets(demo_db, actor):
            with statements(demo_db) as sent:
                layout = cabinets.cabinet_layout(demo_db, actor, row.id)
            if layout.slots:  # an empty cabinet reads no boxes at all
                counts[len(layout.slots)] = len(sent)
            for slot in layout.slots.values():
                assert (slot.first_no, slot.last_no) == _one_box(demo_db, actor, slot.box_id)
    assert len(counts) >= 2 and len(set(counts.values())) == 1, counts  # 1 box or 39: one count
