"""The watched scan folder: a stack is read once it has stopped growing, and leaves the inbox only after
everything it held is committed — to 已导入, or to 问题文件 with its reason; nothing is ever deleted."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select
from stack_support import Stack, page_image, register, sheet_images

from estate_desk.domain.digitise.settling import FileState, observe
from estate_desk.services.digitise import batches, inbox
from estate_desk.services.digitise.watch import DONE, PROBLEMS, REASON_SUFFIX, Outcome, Watch, poll, stacks_in
from estate_desk.store.digitise import DigitiseRecord, DigitiseScan

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
QUIET = timedelta(seconds=5)


def test_a_file_is_whole_only_after_it_stayed_the_same_for_the_quiet_period() -> None:
    half = (FileState("a.pdf", 100, 1),)
    full = (FileState("a.pdf", 200, 2),)
    seen, whole = observe(None, half, T0, QUIET)
    assert not whole
    seen, whole = observe(seen, half, T0 + timedelta(seconds=4), QUIET)
    assert not whole
    seen, whole = observe(seen, full, T0 + timedelta(seconds=6), QUIET)  # it grew: the wait starts again
    assert not whole
    assert seen.since == T0 + timedelta(seconds=6)
    seen, whole = observe(seen, full, T0 + timedelta(seconds=10), QUIET)
    assert not whole
    _, whole = observe(seen, full, T0 + timedelta(seconds=11), QUIET)
    assert whole


def test_a_set_of_images_is_not_whole_while_pages_are_still_arriving() -> None:
    one = (FileState("p1.png", 10, 1),)
    two = (*one, FileState("p2.png", 10, 2))
    seen, _ = observe(None, one, T0, QUIET)
    seen, whole = observe(seen, two, T0 + timedelta(seconds=5), QUIET)
    assert not whole
    _, whole = observe(seen, (), T0 + timedelta(seconds=20), QUIET)
    assert not whole  # nothing left to read


class Scanning:
    """Two records A (2 pages) and B (1 page) in a batch at 扫描, their sheets, and a watched folder."""

    def __init__(self, db: Database, clock: FakeClock, clerk: Actor, tmp: Path) -> None:
        self.db, self.clock, self.clerk = db, clock, clerk
        self.ids = register(db, clock, ["甲", "乙"])
        self.batch = batches.new_batch(db, clock, clerk, document_ids=self.ids)
        batches.advance(db, clock, clerk, self.batch)
        self.a, self.b, self.end = sheet_images(db, clerk, self.batch, tmp / "sheets")
        self.folder = tmp / "inbox"
        self.folder.mkdir()
        self.watch = Watch(self.folder, quiet=QUIET)

    def good(self) -> Stack:
        return Stack([self.a, page_image("A1"), page_image("A2"), self.b, page_image("B1"), self.end])

    def look_twice(self) -> list:  # type: ignore[type-arg]
        """Two looks at the folder, the quiet period apart: whatever was whole at the first is read."""
        assert poll(self.db, self.clerk, self.watch) == []
        self.clock.advance(QUIET)
        return poll(self.db, self.clerk, self.watch)

    def scans(self) -> int:
        with self.db.session() as s:
            return s.scalar(select(func.count()).select_from(DigitiseScan).where(DigitiseScan.batch_id == self.batch))

    def done_dir(self) -> Path:
        return self.folder / DONE / self.clock.now().date().isoformat()


@pytest.fixture
def scanning(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Scanning:
    return Scanning(ready_db, clock, clerk, tmp_path)


@pytest.mark.db
def test_a_whole_stack_is_linked_and_moved_to_imported(scanning: Scanning) -> None:
    scanning.good().as_pdf(scanning.folder / "scan-001.pdf")
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.IMPORTED
    assert event.result is not None and len(event.result.linked) == 2
    assert not (scanning.folder / "scan-001.pdf").exists()
    assert (scanning.done_dir() / "scan-001.pdf").is_file()
    assert scanning.scans() == 2


@pytest.mark.db
def test_a_file_still_being_written_is_not_read_until_it_stops_growing(scanning: Scanning, tmp_path: Path) -> None:
    whole = scanning.good().as_pdf(tmp_path / "whole.pdf").read_bytes()
    target = scanning.folder / "scan-002.pdf"
    target.write_bytes(whole[: len(whole) // 2])
    assert poll(scanning.db, scanning.clerk, scanning.watch) == []
    scanning.clock.advance(timedelta(seconds=3))
    with open(target, "ab") as f:
        f.write(whole[len(whole) // 2 :])
    scanning.clock.advance(timedelta(seconds=3))  # 6 s since first seen, but it grew 3 s ago
    assert poll(scanning.db, scanning.clerk, scanning.watch) == []
    assert target.exists() and scanning.scans() == 0
    scanning.clock.advance(QUIET)
    (event,) = poll(scanning.db, scanning.clerk, scanning.watch)
    assert event.outcome is Outcome.IMPORTED
    assert scanning.scans() == 2


@pytest.mark.db
def test_a_file_that_is_not_a_scan_goes_to_problems_with_its_reason(scanning: Scanning) -> None:
    (scanning.folder / "notes.pdf").write_text("这不是扫描件", encoding="utf-8")
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.PROBLEM
    assert (scanning.folder / PROBLEMS / "notes.pdf").read_text(encoding="utf-8") == "这不是扫描件"  # kept as it was
    reason = (scanning.folder / PROBLEMS / ("notes.pdf" + REASON_SUFFIX)).read_text(encoding="utf-8")
    assert "不是 PDF" in reason and "not a PDF" in reason
    assert scanning.scans() == 0


@pytest.mark.db
def test_a_stack_with_pages_left_pending_goes_to_problems_after_its_records_are_linked(scanning: Scanning) -> None:
    Stack([page_image("stray"), *scanning.good().pages]).as_tiff(scanning.folder / "scan-003.tif")
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.PROBLEM
    assert event.result is not None and len(event.result.linked) == 2 and len(event.result.pending) == 1
    assert scanning.scans() == 2
    reason = (scanning.folder / PROBLEMS / ("scan-003.tif" + REASON_SUFFIX)).read_text(encoding="utf-8")
    assert "第一张分隔页之前" in reason or "before" in reason


@pytest.mark.db
def test_the_same_stack_dropped_twice_attaches_nothing_and_keeps_both_files(scanning: Scanning, tmp_path: Path) -> None:
    original = scanning.good().as_pdf(tmp_path / "scan.pdf")
    shutil.copy(original, scanning.folder / "scan.pdf")
    scanning.look_twice()
    shutil.copy(original, scanning.folder / "scan.pdf")
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.ALREADY
    assert scanning.scans() == 2
    assert (scanning.done_dir() / "scan.pdf").is_file() and (scanning.done_dir() / "scan (2).pdf").is_file()


@pytest.mark.db
def test_a_stack_committed_just_before_a_crash_is_moved_on_the_next_look_and_not_linked_twice(
    scanning: Scanning,
) -> None:
    path = scanning.good().as_pdf(scanning.folder / "scan-004.pdf")
    inbox.import_stack(scanning.db, scanning.clerk, path, scanning.batch)  # committed; killed before the move
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.ALREADY
    assert scanning.scans() == 2 and not path.exists()


@pytest.mark.db
def test_a_folder_of_page_images_is_one_stack_and_moves_whole(scanning: Scanning) -> None:
    scanning.good().as_images(scanning.folder / "job-7", fmt="png")
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.IMPORTED
    assert event.result is not None and event.result.pages == 6
    assert sorted(p.name for p in (scanning.done_dir() / "job-7").iterdir())[0] == "scan-0001.png"
    with scanning.db.session() as s:
        assert set(s.scalars(select(DigitiseRecord.status).where(DigitiseRecord.batch_id == scanning.batch))) == {
            "scanned"
        }


@pytest.mark.db
def test_scans_stay_in_the_inbox_when_no_batch_is_scanning(scanning: Scanning) -> None:
    batches.advance(scanning.db, scanning.clock, scanning.clerk, scanning.batch)  # on to 质检
    path = scanning.good().as_pdf(scanning.folder / "scan-005.pdf")
    (event,) = scanning.look_twice()
    assert event.outcome is Outcome.STAYED
    assert "扫描" in event.zh and "Scanning" in event.en
    assert path.exists() and scanning.scans() == 0


def test_files_being_written_by_others_and_the_outcome_folders_are_not_stacks(tmp_path: Path) -> None:
    for name in ("a.pdf.part", ".hidden.pdf", "~lock.pdf", "b.pdf", "p1.jpg", "p2.png"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / DONE).mkdir()
    (tmp_path / DONE / "c.pdf").write_bytes(b"x")
    (tmp_path / PROBLEMS).mkdir()
    found = stacks_in(tmp_path)
    assert {k: [p.name for p in v] for k, v in found.items()} == {"b.pdf": ["b.pdf"], "*": ["p1.jpg", "p2.png"]}
