"""The demo estate has work in 借阅, 鉴定销毁 and 冻结, and files on the digital track (issue 20).

Read back through the services' own read functions, as the window shows them, at the demo's "now"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.archive.dual_track import Track
from estate_desk.domain.disposal.rules import BatchState, Due, HoldKind
from estate_desk.domain.loans.rules import RequestState
from estate_desk.services.archive import attachments, register, worklists
from estate_desk.services.disposal import appraisal, batches, marks
from estate_desk.services.loans import approval, ledger, requests
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _requests(db: Database, clerk: Actor) -> list[requests.RequestView]:
    found = []
    for n in range(1, 100):
        view = requests.request_by_number(db, clerk, f"JY{n:06d}")
        if view is None:
            break
        found.append(view)
    return found


def test_the_demo_has_a_loan_in_every_state_and_some_overdue(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock
) -> None:
    made = _requests(demo_db, demo_clerk)
    states = {v.state for v in made}
    assert states == set(RequestState)  # pending, approved, refused, withdrawn, closed (everything returned)
    refused = [v for v in made if v.state is RequestState.REFUSED]
    assert refused and all(d.comment for v in refused for d in v.decisions if not d.approved)
    assert approval.awaiting_decision(demo_db, demo_clerk)  # the clerk has a request to decide
    lines = ledger.ledger(demo_db, clock, demo_clerk)
    out = [line for line in lines if line.out]
    assert [line for line in lines if line.returned_at is not None]  # lent and returned
    assert [line for line in out if not line.overdue_days]  # lent, not yet due
    late = ledger.overdue(demo_db, clock, demo_clerk)
    assert len(late) >= 2 and all(line.overdue_days > 0 and line.out for line in late)
    assert any(line.borrower_org == "区人民法院" for line in late)  # an outside borrower among them
    waiting = [v for v in made if v.state is RequestState.APPROVED]
    assert {v.id for v in waiting} - {line.request_id for line in lines}  # approved, and not lent yet


def test_the_appraisal_page_has_expired_and_void_records_and_a_hold_keeps_one_off(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock
) -> None:
    due = appraisal.review_list(demo_db, clock, demo_clerk)
    expired = [r for r in due if r.due is Due.EXPIRED]
    void = [r for r in due if r.due is Due.VOID]
    assert len(expired) >= 3 and all(r.expires_on and r.expires_on < clock.now().date() for r in expired)
    assert len(void) == 1 and void[0].void_reason
    detail = register.document_detail(demo_db, demo_clerk, void[0].id)
    assert detail.void and detail.void_reason == void[0].void_reason and detail.void_by == "李秀英"
    holds = marks.holds(demo_db, demo_clerk)
    assert len(holds) == 1 and holds[0].kind is HoldKind.AUDIT and holds[0].reason
    assert holds[0].document_id not in {r.id for r in due}  # held: off the review list, though expired
    held = register.document_detail(demo_db, demo_clerk, holds[0].document_id)
    assert held.holds == (f"审计：{holds[0].reason}",) and held.year == 2013  # expired, like the rest of its box
    proposed = batches.batches(demo_db, demo_clerk)  # a batch waits for the supervisor (A17)
    assert [(b.state, b.items, b.proposed_by) for b in proposed] == [(BatchState.PROPOSED, 2, "李秀英")]
    assert sum(1 for r in expired if r.in_batch == proposed[0].code) == 2  # shown on the review list as such


def test_the_demo_has_attachments_that_preview(demo_db: Database, demo_clerk: Actor) -> None:
    with demo_db.session() as s:
        ids = list(s.scalars(select(Document.id)))
    tracks = worklists.dual_track(demo_db, demo_clerk, ids)
    digital = [d for d, track in tracks.items() if track in (Track.BOTH, Track.DIGITAL_ONLY)]
    assert len(digital) >= 3
    files = [row for d in digital for row in attachments.attachments_of(demo_db, demo_clerk, d)]
    assert {row.media_type for row in files} >= {"image/png", "application/pdf"}
    for row in files:
        assert attachments.verify(row.sha256)  # the file is in this test's store, unchanged
        preview = attachments.open_for_preview(demo_db, demo_clerk, row.id)
        assert preview.inside and preview.path is not None and preview.path.stat().st_size == row.size
