"""验收 by sample: the office's share drawn reproducibly (at least one record, the seed recorded), each sampled
record compared with its original, and 入库 only when the sample is compared in full within the error-rate limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from stack_support import register

from estate_desk.domain.digitise.acceptance import (
    DEFAULT_ERROR_LIMIT,
    DEFAULT_SHARE,
    SamplePolicy,
    SampleTally,
    check_passed,
    draw,
    sample_size,
)
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.services.accounts import users as accounts
from estate_desk.services.digitise import acceptance, batches, sampling
from estate_desk.store.digitise import DigitiseSample

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def test_the_sample_is_the_share_rounded_up_and_never_empty() -> None:
    assert (DEFAULT_SHARE, DEFAULT_ERROR_LIMIT) == (10, 5)
    assert [sample_size(n, 10) for n in (0, 1, 9, 10, 11, 25, 100)] == [0, 1, 1, 1, 2, 3, 10]
    assert sample_size(7, 100) == 7


def test_the_same_records_and_seed_draw_the_same_sample_in_the_batchs_order() -> None:
    ids = list(range(101, 151))
    first = draw(ids, 20, seed=424242)
    assert first == draw(ids, 20, seed=424242) and len(first) == 10 and first == sorted(first)
    assert set(draw(list(reversed(ids)), 20, seed=424242)) == set(first)  # whatever order they are read in
    assert any(draw(ids, 20, seed=s) != first for s in range(5))


def test_the_office_settings_stay_in_range() -> None:
    for share, limit in ((0, 5), (101, 5), (10, -1), (10, 101)):
        with pytest.raises(InputProblem):
            SamplePolicy(share, limit)


def test_the_gate_names_each_reason_to_refuse() -> None:
    with pytest.raises(RuleViolation, match="has not been sampled"):
        check_passed("B1", None, 5)
    with pytest.raises(RuleViolation, match="still has 2 sampled record"):
        check_passed("B1", SampleTally(3, 1, 0), 5)
    with pytest.raises(RuleViolation, match=r"1 of 3 sampled records have errors \(33.3 %\)"):
        check_passed("B1", SampleTally(3, 3, 1), 5)
    check_passed("B1", SampleTally(20, 20, 1), 5)  # 5 %: within the limit


def _at_acceptance(db: Database, clock: FakeClock, clerk: Actor, records: int) -> tuple[int, list[int]]:
    ids = register(db, clock, [f"件{n}" for n in range(records)])
    batch = batches.new_batch(db, clock, clerk, document_ids=ids)
    for _ in range(4):  # 扫描, 质检, 挂接, 验收
        batches.advance(db, clock, clerk, batch)
    return batch, ids


@pytest.mark.db
def test_a_drawn_sample_is_recorded_with_its_seed_and_drawn_once(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    batch, ids = _at_acceptance(ready_db, clock, clerk, 25)
    view = sampling.draw_sample(ready_db, clock, clerk, batch, seed=99)
    chosen = [r.document_id for r in view.records]
    assert chosen == draw(ids, 10, 99) and len(chosen) == 3  # 10 % of 25, rounded up
    assert (view.seed, view.share, view.error_limit) == (99, 10, 5)
    assert view.tally == SampleTally(3, 0, 0) and not view.passed
    again = sampling.draw_sample(ready_db, clock, clerk, batch)  # shown, not drawn anew
    assert [r.document_id for r in again.records] == chosen and again.seed == 99
    with ready_db.session() as s:
        rows = s.scalars(select(DigitiseSample).where(DigitiseSample.batch_id == batch)).all()
        assert {(r.seed, r.share, r.drawn_by, r.drawn_at) for r in rows} == {(99, 10, clerk.user_id, clock.now())}


@pytest.mark.db
def test_the_office_sets_the_share_and_the_limit_not_the_clerk(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    from database_support import ADMIN_PASSWORD

    with pytest.raises(PermissionDenied):
        acceptance.set_sample_policy(ready_db, clerk, 20, 10)
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    with pytest.raises(InputProblem, match="between 1 % and 100 %"):
        acceptance.set_sample_policy(ready_db, admin, 0, 10)
    acceptance.set_sample_policy(ready_db, admin, 20, 10)
    assert acceptance.sample_policy(ready_db) == SamplePolicy(20, 10)
    batch, _ = _at_acceptance(ready_db, clock, clerk, 12)
    view = sampling.draw_sample(ready_db, clock, clerk, batch, seed=1)
    assert (len(view.records), view.share, view.error_limit) == (3, 20, 10)


@pytest.mark.db
def test_the_batch_goes_back_only_when_the_sample_is_compared_and_within_the_limit(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    batch, _ = _at_acceptance(ready_db, clock, clerk, 25)
    with pytest.raises(RuleViolation, match="has not been sampled for acceptance"):
        batches.advance(ready_db, clock, clerk, batch)
    view = sampling.draw_sample(ready_db, clock, clerk, batch, seed=7)
    first, second, third = (r.document_id for r in view.records)
    sampling.compare(ready_db, clock, clerk, batch, first, matches=True)
    with pytest.raises(RuleViolation, match="still has 2 sampled record"):
        batches.advance(ready_db, clock, clerk, batch)
    sampling.compare(ready_db, clock, clerk, batch, second, matches=True)
    view = sampling.compare(ready_db, clock, clerk, batch, third, matches=False, note="第 2 页缺角未扫全")
    assert view.tally == SampleTally(3, 3, 1) and round(view.tally.rate, 1) == 33.3
    assert view.refusal is not None and "33.3 %" in view.refusal.en and "33.3%" in view.refusal.zh
    with pytest.raises(RuleViolation, match=r"above the limit of 5 %"):
        batches.advance(ready_db, clock, clerk, batch)
    assert batches.batch_view(ready_db, clerk, batch).summary.step is Step.ACCEPT
    compared = next(r for r in view.records if r.document_id == third)
    assert (compared.result, compared.note, compared.compared_by) == ("error", "第 2 页缺角未扫全", "clerk")
    # the record is rescanned (back to 扫描 and round again), then compared anew
    sampling.compare(ready_db, clock, clerk, batch, third, matches=True)
    assert sampling.sample_of(ready_db, clerk, batch).passed  # type: ignore[union-attr]
    assert batches.advance(ready_db, clock, clerk, batch).summary.step is Step.RETURNED


@pytest.mark.db
def test_every_refusal_of_sampling_and_comparing(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor
) -> None:
    batch, ids = _at_acceptance(ready_db, clock, clerk, 12)
    with pytest.raises(PermissionDenied):
        sampling.draw_sample(ready_db, clock, receptionist, batch)
    early = batches.new_batch(ready_db, clock, clerk, document_ids=register(ready_db, clock, ["早"]))
    with pytest.raises(RuleViolation, match="taken at 'Acceptance'"):
        sampling.draw_sample(ready_db, clock, clerk, early)
    assert sampling.sample_of(ready_db, clerk, early) is None
    view = sampling.draw_sample(ready_db, clock, clerk, batch, seed=3)
    sampled = [r.document_id for r in view.records]
    assert len(sampled) == 2  # 10 % of 12, rounded up
    outside = next(i for i in ids if i not in sampled)
    with pytest.raises(RuleViolation, match=r"is not in digitisation batch .*'s acceptance sample"):
        sampling.compare(ready_db, clock, clerk, batch, outside, matches=True)
    with pytest.raises(InputProblem, match="Say what is wrong"):
        sampling.compare(ready_db, clock, clerk, batch, sampled[0], matches=False, note="  ")
    with pytest.raises(PermissionDenied):
        sampling.compare(ready_db, clock, receptionist, batch, sampled[0], matches=True)
    batches.advance(ready_db, clock, clerk, batch, Step.SCAN)  # back to scanning: no comparing meanwhile
    with pytest.raises(RuleViolation, match="taken at 'Acceptance'"):
        sampling.compare(ready_db, clock, clerk, batch, sampled[0], matches=True)
