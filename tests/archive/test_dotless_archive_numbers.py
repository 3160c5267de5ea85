"""Issue 20: a 档号 typed without its "·" (the "·" is on no keyboard), full-width or in lower case, finds
the record everywhere — search (whole and by prefix, over the index), ``estate-desk record``, a loan
request, the loan ledger — all through ``archive_numbers.normalise_code``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from benchmarks.rows_search import captured_statements, plans, scans_documents
from sqlalchemy import select

from estate_desk.cli.__main__ import main
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import code_lookup, search
from estate_desk.services.archive.search import HitKind
from estate_desk.services.demo import estate as demo
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.store.archive import ArchiveBox, Document, Volume
from estate_desk.store.search_entries import normalise
from loan_support import Archive, make_archive

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _typed(number: str) -> str:
    """How a clerk types it on a keyboard: a dash for the "·"."""
    return number.replace("·", "-")


def _wide(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def _a_number(db: Database) -> tuple[int, str]:
    with db.session() as s:
        row = s.execute(
            select(Document.id, Document.archive_no)
            .where(Document.archive_no.contains("·"), Document.void.is_(False), Document.destroyed_in.is_(None))
            .order_by(Document.id)
            .offset(40)
            .limit(1)
        ).one()
        return row.id, row.archive_no


def _documents(hits: list[search.Hit]) -> list[tuple[int, str]]:
    return [(h.id, h.detail) for h in hits if h.kind is HitKind.DOCUMENT]


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    "write",
    [_typed, lambda n: _typed(n).lower(), lambda n: _wide(_typed(n)), lambda n: f"  {n.replace('·', '．')} "],
    ids=["dash", "lower", "full-width", "full-width-dot"],
)
def test_search_finds_a_record_by_its_number_typed_without_the_dot(demo_db: Database, demo_clerk: Actor, write) -> None:  # type: ignore[no-untyped-def]
    document_id, number = _a_number(demo_db)
    found = _documents(search.search(demo_db, demo_clerk, write(number)))
    assert found[0] == (document_id, number)  # the exact match first


def test_search_by_the_beginning_of_a_number_typed_without_the_dot(demo_db: Database, demo_clerk: Actor) -> None:
    _, number = _a_number(demo_db)
    prefix = number[: number.rfind("-") + 2]  # Z001-YZ·2017-Y-0
    with demo_db.session() as s:
        expected = set(
            s.scalars(
                select(Document.archive_no).where(
                    Document.archive_no.startswith(prefix), Document.void.is_(False), Document.destroyed_in.is_(None)
                )
            )
        )
    assert len(expected) > 1
    found = {no for _, no in _documents(search.search(demo_db, demo_clerk, _typed(prefix), limit=200))}
    assert found == expected


def test_search_finds_box_and_volume_codes_typed_in_lower_case_and_full_width(
    demo_db: Database, demo_clerk: Actor
) -> None:
    with demo_db.session() as s:
        box_id, box_code = s.execute(select(ArchiveBox.id, ArchiveBox.code).order_by(ArchiveBox.id)).first()  # type: ignore[misc]
        volume = s.execute(select(Volume.id, Volume.code).order_by(Volume.id)).first()
    hits = search.search(demo_db, demo_clerk, _wide(box_code.lower()).replace("－", "—"))
    assert [h.id for h in hits if h.kind is HitKind.BOX][:1] == [box_id]
    if volume is not None:
        hits = search.search(demo_db, demo_clerk, volume.code.lower().replace("-", "·", 1))
        assert [h.id for h in hits if h.kind is HitKind.VOLUME][:1] == [volume.id]


def test_a_dotless_number_and_its_prefix_are_searched_over_the_index(demo_db: Database, demo_clerk: Actor) -> None:
    """The stored form of what was typed is looked up as a key range of search_keys, never by a scan."""
    if demo_db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's plans are checked in test_search.py")
    with demo_db.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")
        c.commit()
    _, number = _a_number(demo_db)
    prefix = number[: number.rfind("-") + 2]
    for query, stored in ((_typed(prefix), prefix), (_wide(_typed(number)).lower(), number)):
        key = normalise(stored)  # z001-yz·2017-y-0: the key the index holds
        statements = captured_statements(demo_db, demo_clerk, query)
        by_key = [(sql, params) for sql, params in statements if key in params and "search_keys" in sql]
        assert by_key, (query, statements)
        with demo_db.engine.connect() as c:
            for sql, params in by_key:
                plan = " ".join(r[-1] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                assert "SEARCH search_keys USING" in plan and "key>? AND key<?" in plan, plan
        for statement, plan in plans(demo_db, demo_clerk, query):
            assert not scans_documents(plan), (query, statement, plan)


# --------------------------------------------------------------------------- estate-desk record


def test_record_finds_a_record_by_its_number_typed_without_the_dot(
    demo_url: URL, demo_db: Database, demo_clerk: Actor, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    document_id, number = _a_number(demo_db)
    hit = code_lookup.find_by_code(demo_db, demo_clerk, f" {_typed(number).lower()} ")
    assert hit is not None and (hit.kind, hit.id, hit.code) == ("document", document_id, number)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", demo.DEMO_PASSWORD)
    capsys.readouterr()
    url = demo_url.render_as_string(hide_password=False)
    assert main(["--database", url, "record", _wide(_typed(number)), "--user", "clerk"]) == 0
    assert capsys.readouterr().out.startswith(f"{number}\t")


def test_box_and_volume_codes_are_found_however_typed(demo_db: Database, demo_clerk: Actor) -> None:
    with demo_db.session() as s:
        box_id, box_code = s.execute(select(ArchiveBox.id, ArchiveBox.code).order_by(ArchiveBox.id)).first()  # type: ignore[misc]
    hit = code_lookup.find_by_code(demo_db, demo_clerk, _wide(box_code).lower())
    assert hit is not None and (hit.kind, hit.id, hit.code) == ("box", box_id, box_code)


# --------------------------------------------------------------------------- loans


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def test_a_loan_request_takes_a_number_typed_without_the_dot(archive: Archive) -> None:
    number = archive.by_grade[Grade.INTERNAL]
    assert "·" in number
    request = archive.ask(_typed(number), _wide(_typed(number)).lower(), f" {number} ")
    assert [(i.kind.value, i.code) for i in request.items] == [("document", number)]  # one item, as stored


def test_a_loan_request_takes_box_and_volume_codes_in_lower_case(archive: Archive) -> None:
    request = archive.ask(archive.box_code.lower(), _wide(archive.volume_code))
    assert sorted(i.code for i in request.items) == sorted([archive.box_code, archive.volume_code])


def test_the_desk_lends_and_the_ledger_finds_a_number_typed_without_the_dot(archive: Archive) -> None:
    number = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(_typed(number))
    [line] = archive.lend(request, _typed(number).lower())
    assert line.archive_no == number
    [out] = loan_ledger.ledger(archive.db, archive.clock, archive.clerk, record=_wide(_typed(number)))
    assert out.archive_no == number
