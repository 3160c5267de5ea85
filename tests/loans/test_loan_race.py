"""Double lending at the database level (A6): one open original loan per document, even when two
workstations lend the same original at the same moment."""

from __future__ import annotations

import multiprocessing
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.exc import IntegrityError

from database_support import PG_URL, START
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.store.loans import Loan
from loan_support import Archive, make_archive

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def test_a6_the_database_itself_refuses_a_second_open_original_loan(archive: Archive) -> None:
    no = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(no)
    [line] = archive.lend(request, no)
    with pytest.raises(IntegrityError), archive.db.session() as s:  # bypassing the service: the index holds
        first = s.get(Loan, line.loan_id)
        assert first is not None
        s.add(
            Loan(
                request_id=first.request_id,
                item_id=first.item_id,
                document_id=first.document_id,
                original=True,
                out_at=first.out_at,
                out_by=first.out_by,
                pages_out=1,
                due_on=first.due_on,
            )
        )
        s.flush()


def _lend_at_once(url: str, request_id: int, code: str, barrier: Any, results: Any) -> None:
    """A second workstation: sign in as the clerk, wait for the other, then lend."""
    from estate_desk.domain.clock import FakeClock
    from estate_desk.domain.errors import UserError
    from estate_desk.services.accounts import users as accounts
    from estate_desk.services.loans import desk as loan_desk
    from estate_desk.store.database import open_database

    clock = FakeClock(START)
    db = open_database(url)
    try:
        clerk = accounts.authenticate(db, clock, "clerk", "clerk-pass-1")
        barrier.wait(timeout=60)
        try:
            lines = loan_desk.check_out(db, clock, clerk, request_id, code)
            results.put(("lent", request_id, len(lines)))
        except UserError as exc:
            results.put(("refused", request_id, exc.zh))
    finally:
        db.dispose()


@pytest.mark.skipif(
    not PG_URL,
    reason="a race between two workstations needs a database server (PostgreSQL); on a SQLite file the two "
    "writers are serialised by its lock, and the index is proven by the test above",
)
def test_a6_two_workstations_lend_the_same_original_at_once_and_exactly_one_wins(archive: Archive) -> None:
    no = archive.by_grade[Grade.INTERNAL]
    first = archive.approved(no)
    second = archive.approved(no, borrower=archive.supervisor)
    url = archive.db.engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=_lend_at_once, args=(url, request.id, no, barrier, results))
        for request in (first, second)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    lent = [o for o in outcomes if o[0] == "lent"]
    refused = [o for o in outcomes if o[0] == "refused"]
    assert len(lent) == 1 and len(refused) == 1, outcomes
    winner = first if lent[0][1] == first.id else second
    assert f"借阅人 {winner.borrower_name}（{winner.number}）" in refused[0][2]
    with archive.db.session() as s:
        assert s.query(Loan).filter(Loan.document_id == archive.ids[no]).count() == 1
