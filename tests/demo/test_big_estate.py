"""The big synthetic estate (issue 10) at a tiny scale: counts, determinism, and an index the same as the hooks'."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from estate_desk.domain.loans.rules import RequestState
from estate_desk.domain.routines.common import office_date
from estate_desk.services.accounts.users import authenticate
from estate_desk.services.archive import numbering as archive
from estate_desk.services.archive import search
from estate_desk.services.demo import big_estate, big_estate_names
from estate_desk.services.loans import approval as loan_approval
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.store import archive_counts
from estate_desk.store.archive import ArchiveBox, Category, Document
from estate_desk.store.database import open_database
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Building, Owner, Room
from estate_desk.store.loans import Loan, LoanDecision, LoanRequest, LoanRequestItem
from estate_desk.store.search_fill import rebuild_search_index
from estate_desk.store.search_tables import SearchEntry, SearchGram, SearchKey

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def _index(db: Database) -> dict[tuple[str, int], tuple[Any, ...]]:
    """Every entry by (kind, ref_id) with its keys and grams: independent of entry ids."""
    with db.session() as s:
        keys: dict[int, set[str]] = {}
        for entry_id, key in s.execute(select(SearchKey.entry_id, SearchKey.key)):
            keys.setdefault(entry_id, set()).add(key)
        gram_sets: dict[int, set[str]] = {}
        for entry_id, gram in s.execute(select(SearchGram.entry_id, SearchGram.gram)):
            gram_sets.setdefault(entry_id, set()).add(gram)
        return {
            (e.kind, e.ref_id): (
                e.secrecy,
                e.title,
                e.detail,
                e.text,
                frozenset(keys.get(e.id, ())),
                frozenset(gram_sets.get(e.id, ())),
            )
            for e in s.scalars(select(SearchEntry))
        }


def _digest(db: Database) -> str:
    with db.session() as s:
        rows = s.execute(
            select(Document.archive_no, Document.title, Document.box_id, Document.owner_id).order_by(Document.id)
        ).all()
        names = s.scalars(select(Owner.name).order_by(Owner.id)).all()
        requests = s.execute(
            select(LoanRequest.number, LoanRequest.state, LoanRequest.borrower_name, LoanRequest.due_on).order_by(
                LoanRequest.id
            )
        ).all()
        loans = s.execute(select(Loan.document_id, Loan.out_at, Loan.due_on, Loan.returned_at).order_by(Loan.id)).all()
    return hashlib.sha256(repr((rows, names, requests, loans)).encode()).hexdigest()


def test_big_estate_has_all_seven_categories_boxes_in_cabinets_and_2000_open_tickets(
    db: Database, clock: FakeClock
) -> None:
    summary = big_estate.build(db, clock, households=300, documents=3000)
    assert (summary.households, summary.documents, summary.tickets) == (300, 3000, 2000)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Room)) == 300
        assert s.scalar(select(func.count()).select_from(Owner)) == 300
        assert s.scalar(select(func.max(Building.floors))) <= 33
        per_category = dict(
            s.execute(select(Category.code, func.count(Document.id)).join(Document).group_by(Category.code)).all()
        )
        assert set(per_category) == {"GC", "YZ", "ZX", "WX", "FK", "YG", "XZ"}
        assert per_category["YZ"] == 1500  # half the archive is owner files
        unplaced = s.scalar(select(func.count()).select_from(ArchiveBox).where(ArchiveBox.cabinet_id.is_(None)))
        assert unplaced == 0
        assert s.scalar(select(func.count()).select_from(ArchiveBox)) == summary.boxes
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.status == "open")) == 2000
        assert s.scalar(select(func.count()).select_from(SearchEntry)) == summary.index_entries
    # the services carry on where the bulk writer stopped: numbering (A7) and, on PostgreSQL, the id sequences
    with db.session() as s:
        last = s.scalar(select(func.max(Document.item_no)).join(Category).where(Category.code == "XZ"))
        assert last is not None
        doc = archive.register_document(s, clock, archive.DocumentDraft("XZ", "新的值班记录", 2026), created_by=None)
        assert doc.item_no == s.scalar(
            select(func.count())
            .select_from(Document)
            .join(Category)
            .where(Category.code == "XZ", Document.year == 2026)
        )
    # and the new document was indexed by the session hooks next to the bulk-filled entries
    admin = authenticate(db, clock, "admin", big_estate.PASSWORD)
    assert any(h.title == "新的值班记录" for h in search.search(db, admin, "新的值班"))
    # the builder's bulk writes are counted once at the end, the registration after by the hooks (issue 18)
    with db.session() as s:
        kept = archive_counts.stored(s)
        assert kept and kept == archive_counts.counted(s)


def test_big_estate_is_deterministic(tmp_path: Path, clock: FakeClock) -> None:
    digests = []
    for n in (1, 2):
        db = open_database(f"sqlite+pysqlite:///{tmp_path}/big{n}.sqlite3")
        big_estate.build(db, clock, households=120, documents=900, seed=7)
        digests.append(_digest(db))
        db.dispose()
    assert digests[0] == digests[1]


def test_big_estate_names_include_rare_and_compound_surnames() -> None:
    import random

    rng = random.Random(1)
    names = [big_estate_names.person_name(rng) for _ in range(5000)]
    assert any(name[:2] in big_estate_names.RARE_SURNAMES for name in names)
    assert all(len(name) <= 4 and all(ord(ch) < 0x10000 for ch in name) for name in names)
    assert len(set(names)) > 1000


def test_bulk_fill_of_the_search_index_writes_the_same_rows_as_the_session_hooks(demo_db: Database) -> None:
    made_by_hooks = _index(demo_db)
    assert len(made_by_hooks) > 500
    with demo_db.session() as s:
        rebuilt = rebuild_search_index(s)
    assert rebuilt == len(made_by_hooks)
    assert _index(demo_db) == made_by_hooks


def test_cli_demo_with_households_and_documents_builds_the_big_estate(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.cli.__main__ import main

    monkeypatch.setenv("ESTATE_DESK_HOME", str(tmp_path))
    url = f"sqlite+pysqlite:///{tmp_path}/cli.sqlite3"
    assert main(["demo", "--households", "40", "--documents", "400", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "40" in out and "400" in out and "2000" in out
    db = open_database(url)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 400
    db.dispose()


def test_a12_big_estate_has_a_loan_ledger_the_loan_desk_works_on(db: Database, clock: FakeClock) -> None:
    big_estate.build(db, clock, households=300, documents=3000)
    today = office_date(clock.now())
    with db.session() as s:
        states = dict(s.execute(select(LoanRequest.state, func.count()).group_by(LoanRequest.state)).all())
        assert set(states) == {state.value for state in RequestState} and sum(states.values()) == 60
        out = s.scalars(select(Loan.document_id).where(Loan.original.is_(True), Loan.returned_at.is_(None))).all()
        assert out and len(out) == len(set(out))  # one open original loan per document (uq_loans_open_original)
        overdue = set(s.scalars(select(Loan.id).where(Loan.returned_at.is_(None), Loan.due_on < today)))
        returned = s.scalars(select(Loan).where(Loan.returned_at.is_not(None))).all()
        assert overdue and returned and all(loan.out_at < loan.returned_at <= clock.now() for loan in returned)
        for request in s.scalars(select(LoanRequest)):
            decisions = s.scalars(select(LoanDecision).where(LoanDecision.request_id == request.id)).all()
            steps = request.chain.split(",")
            settled = request.state in ("approved", "closed", "refused")
            assert len(decisions) == (len(steps) if settled else 0), request.number
            assert all(d.user_id not in (request.requested_by, request.borrower_user_id) for d in decisions)
            assert all(d.decided_at > request.requested_at for d in decisions)
            assert request.borrower_clearance >= request.grade
            lent = s.scalars(select(Loan).where(Loan.request_id == request.id)).all()
            assert not lent or request.state in ("approved", "closed")
            assert request.state != "closed" or (lent and all(loan.returned_at for loan in lent))
            items = s.scalars(select(LoanRequestItem).where(LoanRequestItem.request_id == request.id)).all()
            documents = {
                d.id: d for d in s.scalars(select(Document).where(Document.id.in_([i.target_id for i in items])))
            }
            assert all(documents[i.target_id].archive_no == i.code for i in items)
            assert request.grade == max(documents[i.target_id].secrecy for i in items)

    clerk = authenticate(db, clock, "clerk", big_estate.PASSWORD)
    lines = loan_ledger.overdue(db, clock, clerk)  # what is out past its due date, most overdue first
    assert {line.loan_id for line in lines} == overdue and all(line.overdue_days > 0 for line in lines)
    assert [line.overdue_days for line in lines] == sorted((line.overdue_days for line in lines), reverse=True)
    assert len(loan_ledger.ledger(db, clock, clerk)) == len(returned) + len(out) + len(_copies(db))  # the register
    # the desk takes the most overdue one back, and the ledger no longer calls it overdue
    late = lines[0]
    (back,) = [line for line in loan_desk.to_return(db, clock, clerk, late.archive_no) if line.loan_id == late.loan_id]
    loan_desk.check_in(db, clock, clerk, [loan_desk.ReturnCheck(back.loan_id or 0, back.pages_out)])
    assert late.loan_id not in {line.loan_id for line in loan_ledger.overdue(db, clock, clerk)}
    # the desk lends what an approved request has been waiting for, found by its slip's number
    with db.session() as s:
        waiting = s.scalars(
            select(LoanRequest.id)
            .where(LoanRequest.state == "approved", LoanRequest.form == "original")
            .where(~select(Loan.id).where(Loan.request_id == LoanRequest.id).exists())
            .order_by(LoanRequest.id)
        ).first()
    assert waiting is not None and loan_desk.request_for_code(db, clerk, f"JY{waiting:06d}") == waiting
    lent = loan_desk.check_out(db, clock, clerk, waiting, _first_code(db, waiting))
    assert lent and all(line.out and line.overdue_days == 0 for line in lent)
    # and the management office finds the pending requests that wait for it
    office = authenticate(db, clock, "office", big_estate.PASSWORD)
    mine = loan_approval.awaiting_decision(db, office)
    assert mine and all(view.state is RequestState.PENDING for view in mine)
    decided = loan_approval.decide(db, clock, office, mine[0].id, approve=True)
    assert decided.state is RequestState.APPROVED


def _copies(db: Database) -> list[int]:
    from estate_desk.store.loans import LoanCopy

    with db.session() as s:
        return list(s.scalars(select(LoanCopy.id)))


def _first_code(db: Database, request_id: int) -> str:
    with db.session() as s:
        code = s.scalar(
            select(LoanRequestItem.code).where(LoanRequestItem.request_id == request_id).order_by(LoanRequestItem.id)
        )
    assert code is not None
    return code
