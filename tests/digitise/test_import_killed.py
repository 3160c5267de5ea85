"""A scanned stack killed (SIGKILL) at every phase of its import loses nothing and never links a page twice.

The phases: while its pages are read; after the scans are written to the store but before the unit of work
commits; after it commits but before the watched folder moves the file out of the inbox. Each time the
archive reopens, the next look at the watched folder finishes or repeats the work, and every record ends
with exactly one scan of exactly its pages.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from sqlalchemy import func, select
from stack_support import Stack, page_image, register, sheet_images

from crash_support import kill_midway
from estate_desk.domain.archive.dual_track import AttachmentKind
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches
from estate_desk.services.digitise.watch import DONE, Outcome, Watch, poll
from estate_desk.store.archive import Attachment
from estate_desk.store.database import open_database
from estate_desk.store.digitise import DigitiseScan, InboxSource

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db

WHILE_READING = """
from estate_desk.services.digitise import inbox
def progress(done, total):
    if done == 4:
        pause()
    return True
inbox.import_stack(db, actor, [work / "inbox" / "stack.pdf"], BATCH, progress=progress)
"""

BEFORE_COMMIT = """
from estate_desk.services.digitise import inbox
class Stop:
    @staticmethod
    def record(*args, **kwargs):
        pause()  # the scans are in the store, the unit of work not yet committed
inbox.audit = Stop
inbox.import_stack(db, actor, [work / "inbox" / "stack.pdf"], BATCH)
"""

BEFORE_THE_MOVE = """
from datetime import timedelta
from estate_desk.services.digitise import watch
watch._move = lambda *args, **kwargs: pause()  # committed; the file not yet out of the inbox
seen = watch.Watch(work / "inbox", BATCH, quiet=timedelta(0))
watch.poll(db, actor, seen)
watch.poll(db, actor, seen)
"""


@pytest.mark.parametrize(
    ("scenario", "linked_before", "outcome"),
    [
        pytest.param(WHILE_READING, 0, Outcome.IMPORTED, id="while-reading"),
        pytest.param(BEFORE_COMMIT, 0, Outcome.IMPORTED, id="before-commit"),
        pytest.param(BEFORE_THE_MOVE, 2, Outcome.ALREADY, id="before-the-move"),
    ],
)
def test_a5_an_import_killed_at_any_phase_is_finished_on_the_next_look_and_links_nothing_twice(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    scenario: str,
    linked_before: int,
    outcome: Outcome,
) -> None:
    ids = register(ready_db, clock, ["甲", "乙"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, b, end = sheet_images(ready_db, clerk, batch, tmp_path / "sheets")
    work = tmp_path / "work"
    (work / "inbox").mkdir(parents=True)
    Stack([a, page_image("A1"), page_image("A2"), b, page_image("B1"), end]).as_pdf(work / "inbox" / "stack.pdf")

    kill_midway(ready_db.url, work, f"BATCH = {batch}\n" + scenario)

    db = open_database(ready_db.url)
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(DigitiseScan)) == linked_before
        again = Watch(work / "inbox", batch, quiet=timedelta(0))
        assert poll(db, clerk, again) == []
        (event,) = poll(db, clerk, again)
        assert event.outcome is outcome
        assert not (work / "inbox" / "stack.pdf").exists()
        assert [p.name for p in (work / "inbox" / DONE).rglob("*.pdf")] == ["stack.pdf"]
        with db.session() as s:
            scans = s.execute(
                select(Attachment.document_id, Attachment.id).where(Attachment.kind == AttachmentKind.SCAN.value)
            ).all()
            assert sorted(d for d, _ in scans) == sorted(ids)  # one scan each
            assert s.scalar(select(func.count()).select_from(DigitiseScan)) == 2
            recorded = set(s.scalars(select(Attachment.sha256))) | set(s.scalars(select(InboxSource.sha256)))
        store = attachments.blob_store()
        kept = {p.name.removesuffix(".enc") for p in store.root.rglob("*") if p.is_file()}
        assert recorded <= kept  # every scan and the scanner's file is there; a killed run's scans written
        # before a commit that never came may stay behind as files nothing refers to (never shown, never used)
        for (document_id, attachment_id), pages in zip(sorted(scans), (2, 1), strict=True):
            preview = attachments.open_for_preview(db, clerk, attachment_id)
            data = preview.data if preview.data is not None else preview.path.read_bytes()  # type: ignore[union-attr]
            assert len(pdfium.PdfDocument(data)) == pages, document_id
    finally:
        db.dispose()


def test_an_import_stopped_while_its_pages_are_read_stores_nothing(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    from estate_desk.services.digitise import inbox

    ids = register(ready_db, clock, ["甲"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, end = sheet_images(ready_db, clerk, batch, tmp_path / "sheets")
    stack = Stack([a, page_image("A1"), end]).as_pdf(tmp_path / "stack.pdf")
    told: list[tuple[int, int]] = []

    def stop_at_two(done: int, total: int) -> bool:
        told.append((done, total))
        return done < 2

    result = inbox.import_stack(ready_db, clerk, stack, batch, progress=stop_at_two)
    assert result.cancelled and not result.linked and told == [(1, 3), (2, 3)]
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboxSource)) == 0
    again = inbox.import_stack(ready_db, clerk, stack, batch)  # and it can be imported afterwards
    assert not again.cancelled and len(again.linked) == 1
