"""The digitisation progress (A5): per category and year, records and registered pages digitised, each
batch's pages per hour at the scanner, and the 待处理 items open — within the reader's clearance."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from stack_support import Stack, page_image, register, sheet_images

from database_support import make_actor
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.digitise import batches, inbox, progress

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def _year(rows: list[progress.CategoryYear], year: int) -> progress.Progress:
    return next(r.progress for r in rows if r.category == "YZ" and r.year == year)


def test_a5_progress_counts_records_and_registered_pages_digitised_per_category_and_year(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    ids = register(ready_db, clock, ["甲", "乙", "丙"], pages=2)  # 2023, 6 pages registered
    before = _year(progress.by_category_year(ready_db, clerk), 2023)
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids[:2])
    batches.advance(ready_db, clock, clerk, batch)  # 扫描
    a, b, end = sheet_images(ready_db, clerk, batch, tmp_path)
    clock.advance(timedelta(minutes=30))
    stack = Stack([page_image("stray"), a, page_image("A1"), page_image("A2"), b, page_image("B1"), end])
    inbox.import_stack(ready_db, clerk, stack.as_pdf(tmp_path / "s.pdf"), batch)

    after = _year(progress.by_category_year(ready_db, clerk), 2023)
    assert (after.records - before.records, after.pages - before.pages) == (0, 0)
    assert (after.digitised - before.digitised, after.digitised_pages - before.digitised_pages) == (2, 4)
    (rate,) = [r for r in progress.batch_rates(ready_db, clerk) if r.step is Step.SCAN]
    assert rate.pages == 7 and rate.hours == pytest.approx(0.5) and rate.per_hour == pytest.approx(14)
    seen = progress.overview(ready_db, clerk)
    assert seen.pending == 1 and seen.batches_open == 1
    assert seen.total.digitised >= 2 and 0 < (seen.total.share() or 0) <= 100
    with pytest.raises(PermissionDenied):
        progress.overview(ready_db, receptionist)


def test_a5_records_above_the_readers_clearance_are_not_counted(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    low = make_actor(ready_db, clock, "clerk2", "archive_clerk", clearance=int(Grade.SECRET))
    register(ready_db, clock, ["内部件"], pages=2, secrecy=Grade.INTERNAL)
    register(ready_db, clock, ["机密件"], pages=3, secrecy=Grade.CONFIDENTIAL)
    seen_by_clerk = _year(progress.by_category_year(ready_db, clerk), 2023)
    seen_by_low = _year(progress.by_category_year(ready_db, low), 2023)
    assert (seen_by_clerk.records, seen_by_clerk.pages) == (2, 5)
    assert (seen_by_low.records, seen_by_low.pages) == (1, 2)


def test_a5_the_today_page_tells_the_batches_under_way_and_the_pending_items(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    from estate_desk.services.routines import today

    ids = register(ready_db, clock, ["甲"])
    assert "批次" not in today.to_digitise_section(ready_db, clock, clerk, 5).summary("zh")
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, end = sheet_images(ready_db, clerk, batch, tmp_path)
    inbox.import_stack(
        ready_db, clerk, Stack([page_image("stray"), a, page_image("A1"), end]).as_pdf(tmp_path / "s.pdf"), batch
    )
    section = today.to_digitise_section(ready_db, clock, clerk, 5)
    assert "1 个数字化批次进行中，待处理 1 项" in section.summary("zh")
    assert "1 digitisation batch(es) under way, 1 pending" in section.summary("en")
