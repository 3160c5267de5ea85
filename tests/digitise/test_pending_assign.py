"""Assigning a 待处理 item's pages by hand: the record gets exactly those pages of the kept source file, through
the inbox's own linking, and only where the rule allows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops
from sqlalchemy import select
from stack_support import Stack, page_image, register, sheet_images, smudge

from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import NotFound, PermissionDenied, RuleViolation
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, decisions, inbox, pending
from estate_desk.store.archive import Attachment
from estate_desk.store.digitise import DigitiseScan, PendingItem

if TYPE_CHECKING:
    from pathlib import Path

    from PIL import Image

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def _rendered(db: Database, actor: Actor, attachment_id: int) -> list[Image.Image]:
    preview = attachments.open_for_preview(db, actor, attachment_id)
    pdf = pdfium.PdfDocument(preview.data if preview.data is not None else preview.path)
    try:
        return [page.render(scale=1).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


def _differing(got: Image.Image, drawn: Image.Image) -> int:
    """How many pixels of a rendered page differ clearly from the page as drawn."""
    difference = ImageChops.difference(got, drawn.convert("L").resize(got.size))
    return difference.point(lambda v: 255 if v > 96 else 0).histogram()[255]


class Waiting:
    """Records A (秘密, so the stack is kept sealed) and B of one batch; A's cover sheet is smudged, so A's three
    pages wait as an unreadable code (item 1) while B links; a stray page before the first sheet is item 0."""

    def __init__(self, db: Database, clock: FakeClock, clerk: Actor, folder: Path) -> None:
        self.a = register(db, clock, ["甲"], secrecy=Grade.SECRET)[0]
        self.b = register(db, clock, ["乙"])[0]
        self.batch = batches.new_batch(db, clock, clerk, document_ids=[self.a, self.b])
        batches.advance(db, clock, clerk, self.batch)
        sheet_a, sheet_b, end = sheet_images(db, clerk, self.batch, folder)
        self.a_pages = [page_image("A1"), page_image("A2"), page_image("A3")]
        pages = [page_image("stray"), smudge(sheet_a), *self.a_pages, sheet_b, page_image("B1"), end]
        result = inbox.import_stack(db, clerk, Stack(pages).as_pdf(folder / "stack.pdf"), self.batch)
        assert [x.document_id for x in result.linked] == [self.b]
        self.stray, self.unreadable = (i.id for i in pending.open_items(db, clerk, self.batch))


@pytest.fixture
def waiting(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Waiting:
    return Waiting(ready_db, clock, clerk, tmp_path)


def test_assigning_gives_the_record_exactly_those_pages_of_the_kept_source(
    ready_db: Database, clock: FakeClock, clerk: Actor, waiting: Waiting
) -> None:
    attachment_id = pending.assign(ready_db, clock, clerk, waiting.unreadable, waiting.a)
    pages = _rendered(ready_db, clerk, attachment_id)
    assert len(pages) == 3
    for n, got in enumerate(pages):  # the very pages, in order: each closest to its own drawing (A1, A2, A3)
        distances = [_differing(got, drawn) for drawn in waiting.a_pages]
        assert distances.index(min(distances)) == n and distances[n] < got.width * got.height * 0.01
    with ready_db.session() as s:
        scan = s.scalars(select(DigitiseScan).where(DigitiseScan.document_id == waiting.a)).one()
        item = s.get(PendingItem, waiting.unreadable)
        attachment = s.get(Attachment, attachment_id)
        assert (scan.source_pages, scan.page_count, scan.current) == ("3,4,5", 3, True)
        assert item is not None and attachment is not None
        assert (item.settled, item.settled_by, item.settled_at, item.assigned_scan_id) == (
            "assigned",
            clerk.user_id,
            clock.now(),
            scan.id,
        )
        assert attachment.encrypted and attachment.kind == "scan"  # 秘密: sealed like any attachment
    record = next(r for r in batches.batch_view(ready_db, clerk, waiting.batch).records if r.document_id == waiting.a)
    assert record.status == "scanned"
    assert [i.id for i in pending.open_items(ready_db, clerk, waiting.batch)] == [waiting.stray]


def test_assigning_is_refused_where_the_rule_says_no(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, waiting: Waiting
) -> None:
    with pytest.raises(PermissionDenied):
        pending.assign(ready_db, clock, receptionist, waiting.unreadable, waiting.a)
    with pytest.raises(RuleViolation, match="has a scan in this batch already; send it to be rescanned"):
        pending.assign(ready_db, clock, clerk, waiting.unreadable, waiting.b)
    outsider = register(ready_db, clock, ["丙"])[0]
    with pytest.raises(NotFound, match="is not in digitisation batch"):
        pending.assign(ready_db, clock, clerk, waiting.unreadable, outsider)
    pending.settle(ready_db, clock, clerk, waiting.stray, pending.Settlement.DROPPED)
    with pytest.raises(RuleViolation, match="settled already"):
        pending.assign(ready_db, clock, clerk, waiting.stray, waiting.a)
    with pytest.raises(NotFound, match="No such pending item"):
        pending.assign(ready_db, clock, clerk, 9999, waiting.a)
    for _ in range(2):  # 质检, 挂接
        batches.advance(ready_db, clock, clerk, waiting.batch)
    with pytest.raises(RuleViolation, match="1 unsettled"):  # not to 验收 while the unreadable item waits
        batches.advance(ready_db, clock, clerk, waiting.batch)
    with ready_db.session() as s:
        assert s.scalars(select(DigitiseScan).where(DigitiseScan.document_id == waiting.a)).all() == []


def test_a_record_sent_to_be_rescanned_takes_assigned_pages_in_place_of_its_scan(
    ready_db: Database, clock: FakeClock, clerk: Actor, waiting: Waiting
) -> None:
    batches.advance(ready_db, clock, clerk, waiting.batch)  # 质检
    decisions.rescan(ready_db, clock, clerk, waiting.batch, waiting.b, "B 的页面其实在无法识读的分隔页之后")
    batches.advance(ready_db, clock, clerk, waiting.batch, Step.SCAN)
    pending.assign(ready_db, clock, clerk, waiting.unreadable, waiting.b)
    with ready_db.session() as s:
        scans = s.scalars(
            select(DigitiseScan).where(DigitiseScan.document_id == waiting.b).order_by(DigitiseScan.id)
        ).all()
        assert [(x.current, x.page_count) for x in scans] == [(False, 1), (True, 3)]


def test_a5_a_batch_goes_to_acceptance_only_once_every_pending_item_is_settled(
    ready_db: Database, clock: FakeClock, clerk: Actor, waiting: Waiting
) -> None:
    batches.advance(ready_db, clock, clerk, waiting.batch)  # 扫描 → 质检
    decisions.accept(ready_db, clock, clerk, waiting.batch, [waiting.b])
    batches.advance(ready_db, clock, clerk, waiting.batch)  # → 挂接: pages may still be assigned here
    with pytest.raises(RuleViolation, match="2 unsettled"):
        batches.advance(ready_db, clock, clerk, waiting.batch)
    pending.assign(ready_db, clock, clerk, waiting.unreadable, waiting.a)
    pending.settle(ready_db, clock, clerk, waiting.stray, pending.Settlement.DROPPED, "空白页")
    assert batches.advance(ready_db, clock, clerk, waiting.batch).summary.step is Step.ACCEPT
