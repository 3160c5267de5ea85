"""Digitisation batches: made from a selection, moved step by step by the archive's keepers, read back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from stack_support import pass_acceptance, register

from estate_desk.domain.digitise.settings import ColourMode, make_settings
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.services.digitise import batches, returning

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def test_a_batch_from_document_ids_starts_at_preparation_with_its_records_in_archive_number_order(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    ids = register(ready_db, clock, ["甲", "乙", "丙"])
    settings = make_settings(dpi=400, colour_by_record={ids[1]: ColourMode.BINARY})
    batch_id = batches.new_batch(ready_db, clock, clerk, document_ids=reversed(ids), settings=settings)
    view = batches.batch_view(ready_db, clerk, batch_id)
    assert view.summary.step is Step.PREPARE and view.summary.code == "Z001-SM-2026-001"
    assert [r.document_id for r in view.records] == ids
    assert view.settings.dpi == 400 and view.settings.colour_of(ids[1]) is ColourMode.BINARY
    assert [(e.step, e.by) for e in view.log] == [(Step.PREPARE, "clerk")]


def test_a_batch_from_the_to_digitise_list_takes_the_records_without_a_file(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    ids = register(ready_db, clock, ["甲", "乙"])
    register(ready_db, clock, ["电子件"], has_paper=False)
    batch_id = batches.new_batch(ready_db, clock, clerk, to_digitise=True)
    assert [r.document_id for r in batches.batch_view(ready_db, clerk, batch_id).records] == ids


def test_an_empty_selection_or_a_record_already_in_an_open_batch_is_refused(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    ids = register(ready_db, clock, ["甲"])
    with pytest.raises(InputProblem, match="no records"):
        batches.new_batch(ready_db, clock, clerk, document_ids=[])
    batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    with pytest.raises(RuleViolation, match="already in digitisation batch"):
        batches.new_batch(ready_db, clock, clerk, document_ids=ids)


def test_steps_advance_one_at_a_time_each_logged_with_who_and_when(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    batch_id = batches.new_batch(ready_db, clock, clerk, document_ids=register(ready_db, clock, ["甲"]))
    for _ in range(3):
        view = batches.advance(ready_db, clock, clerk, batch_id)
    assert view.summary.step is Step.LINK
    view = batches.advance(ready_db, clock, clerk, batch_id)
    view = batches.advance(ready_db, clock, clerk, batch_id, Step.SCAN, note="第 3 页漏扫")
    assert [e.step for e in view.log] == [Step.PREPARE, Step.SCAN, Step.CHECK, Step.LINK, Step.ACCEPT, Step.SCAN]
    assert view.log[-1].note == "第 3 页漏扫"
    with pytest.raises(RuleViolation):
        batches.advance(ready_db, clock, clerk, batch_id, Step.RETURNED)


def test_a_receptionist_may_neither_make_nor_move_a_batch(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor
) -> None:
    ids = register(ready_db, clock, ["甲"])
    with pytest.raises(PermissionDenied):
        batches.new_batch(ready_db, clock, receptionist, document_ids=ids)
    batch_id = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    with pytest.raises(PermissionDenied):
        batches.advance(ready_db, clock, receptionist, batch_id)


def test_batches_are_listed_newest_first_and_found_by_code(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    first = batches.new_batch(ready_db, clock, clerk, document_ids=register(ready_db, clock, ["甲"]))
    second = batches.new_batch(ready_db, clock, clerk, document_ids=register(ready_db, clock, ["乙"]))
    assert [b.id for b in batches.batches(ready_db, clerk)] == [second, first]
    assert batches.find(ready_db, clerk, "Z001-SM-2026-002") == second


def test_the_cabinet_shows_a_box_at_the_scanner_from_scanning_until_it_is_back(
    demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    """Issue 17: taking the paper out (出库, the step 扫描) marks its boxes 在数字化 where they stand in the
    cabinet; 入库 puts them back."""
    from estate_desk.services.archive import cabinets

    cabinet = cabinets.cabinets(demo_db, demo_clerk)[0]

    def away() -> dict[str, str]:
        slots = cabinets.cabinet_layout(demo_db, demo_clerk, cabinet.id).slots.values()
        return {slot.code: slot.away for slot in slots if slot.away}

    box = min(cabinets.cabinet_layout(demo_db, demo_clerk, cabinet.id).slots.values(), key=lambda slot: slot.code)
    batch_id = batches.new_batch(demo_db, clock, demo_clerk, box_ids=[box.box_id])
    assert away() == {}  # 准备: still on the shelf
    view = batches.advance(demo_db, clock, demo_clerk, batch_id)  # 扫描
    assert away() == {box.code: view.summary.code}
    for step in (Step.CHECK, Step.LINK, Step.ACCEPT):
        batches.advance(demo_db, clock, demo_clerk, batch_id, step)
    assert away() == {box.code: view.summary.code}
    pass_acceptance(demo_db, clock, demo_clerk, batch_id)
    returning.return_batch(demo_db, clock, demo_clerk, batch_id, [box.code])
    assert away() == {}


def test_a_batch_is_back_only_when_every_box_that_went_to_the_scanner_is_scanned_back(
    demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    """Issue 17: 入库 checks that every box came back; a box of another batch, or none, is named."""
    from estate_desk.services.archive import cabinets

    cabinet = cabinets.cabinets(demo_db, demo_clerk)[0]
    first, second, other = sorted(
        cabinets.cabinet_layout(demo_db, demo_clerk, cabinet.id).slots.values(), key=lambda slot: slot.code
    )[:3]
    batch_id = batches.new_batch(demo_db, clock, demo_clerk, box_ids=[first.box_id, second.box_id])
    for _ in range(4):  # 扫描, 质检, 挂接, 验收
        batches.advance(demo_db, clock, demo_clerk, batch_id)
    pass_acceptance(demo_db, clock, demo_clerk, batch_id)
    with pytest.raises(RuleViolation, match="scanning each box"):
        batches.advance(demo_db, clock, demo_clerk, batch_id)  # not without the boxes
    with pytest.raises(RuleViolation) as missing:
        returning.return_batch(demo_db, clock, demo_clerk, batch_id, [first.code])
    assert missing.value.zh.endswith(f"还有 1 盒未归还：{second.code}")
    with pytest.raises(InputProblem) as stranger:
        returning.return_batch(demo_db, clock, demo_clerk, batch_id, [first.code, second.code, other.code])
    assert other.code in stranger.value.zh
    assert batches.batch_view(demo_db, demo_clerk, batch_id).summary.step is Step.ACCEPT  # nothing moved
    scanned = [first.code.replace("·", "-").lower(), "", second.code]  # as a scanner or a keyboard gives them
    view = returning.return_batch(demo_db, clock, demo_clerk, batch_id, scanned)
    assert view.summary.step is Step.RETURNED and view.log[-1].note == "入库 2 盒"
