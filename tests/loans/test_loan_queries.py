"""Reading loan requests costs the same number of statements however many are pending (issue 18).

The approvals awaiting a decision used to make three queries per pending request (1,330 statements when
the window opened on the big estate). Counting statements is not timing: the counts are exact."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from database_support import statements
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.loans import approval as loan_approval
from estate_desk.services.loans import requests as loans
from estate_desk.store.loans import LoanRequest
from loan_support import Archive, make_archive

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def _pending(archive: Archive, n: int) -> None:
    """n requests by a staff member for an internal record: each awaits the archive clerk."""
    for _ in range(n):
        archive.ask(archive.by_grade[Grade.INTERNAL])


def test_awaiting_decision_does_not_query_per_request(archive: Archive) -> None:
    _pending(archive, 3)
    with statements(archive.db) as few:
        assert len(loan_approval.awaiting_decision(archive.db, archive.clerk)) == 3
    _pending(archive, 27)
    with statements(archive.db) as many:
        assert len(loan_approval.awaiting_decision(archive.db, archive.clerk)) == 30
    assert len(many) == len(few) <= 5


def test_views_read_together_equal_views_read_one_by_one(archive: Archive) -> None:
    archive.approved(archive.by_grade[Grade.SECRET], borrower=archive.clerk2)  # decided by the supervisor
    archive.approved(archive.by_grade[Grade.TOP_SECRET], borrower=archive.clerk2)
    archive.ask(archive.box_code, archive.volume_code)  # several items
    archive.ask(archive.by_grade[Grade.PUBLIC], borrower=archive.staff, by=archive.clerk)  # made for someone
    _pending(archive, 2)
    with archive.db.session() as s:
        requests = list(s.scalars(select(LoanRequest).order_by(LoanRequest.id.desc())))
        together = loans.views_in(s, requests)
        one_by_one = [loans.view_in(s, r) for r in requests]
    assert together == one_by_one
    assert [v.id for v in together] == [r.id for r in requests]
    assert any(v.decisions for v in together) and any(len(v.items) > 1 for v in together)
