"""The big synthetic estate (issue 10) at a tiny scale: counts, determinism, and an index the same as the hooks'."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from estate_desk.services import archive, big_estate, search
from estate_desk.services.accounts import authenticate
from estate_desk.store.archive import ArchiveBox, Category, Document
from estate_desk.store.database import open_database
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Building, Owner, Room
from estate_desk.store.search_index import SearchEntry, SearchGram, SearchKey, rebuild_search_index

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
    return hashlib.sha256(repr((rows, names)).encode()).hexdigest()


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
    names = [big_estate.person_name(rng) for _ in range(5000)]
    assert any(name[:2] in big_estate.RARE_SURNAMES for name in names)
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
    from estate_desk.cli import main

    monkeypatch.setenv("ESTATE_DESK_HOME", str(tmp_path))
    url = f"sqlite+pysqlite:///{tmp_path}/cli.sqlite3"
    assert main(["demo", "--households", "40", "--documents", "400", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "40" in out and "400" in out and "2000" in out
    db = open_database(url)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 400
    db.dispose()
