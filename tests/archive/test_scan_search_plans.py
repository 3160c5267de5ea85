"""Issue 18: the window's page search (kind ``page``, the OCR text of scans) runs on every keystroke, so it
goes through the search index with a LIMIT — the pair table for one or two characters, the trigram index
for more — and never reads the pages' text whole: one statement, whose limited lookup drives primary-key
reads of the pages it found (with ids in an IN list SQLite scanned the demo's small table instead)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from benchmarks import scan_pages
from benchmarks.rows_search import scans_documents
from sqlalchemy import event

from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import scan_search
from estate_desk.services.demo import estate as demo

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def statements(db: Database, actor: Any, query: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and (
            "scan_page_text" in statement or "search_" in statement
        ):
            found.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        scan_search.search_pages(db, actor, query)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return found


def test_the_page_search_reads_the_index_with_a_limit_never_every_page(demo_db: Database, clock: FakeClock) -> None:
    if demo_db.engine.dialect.name != "sqlite":
        pytest.skip("the plans are SQLite's EXPLAIN QUERY PLAN")
    assert scan_pages.ensure_pages(demo_db, 60) >= 60  # synthetic OCR text, indexed as OCR's pages are
    clerk = accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD)
    with demo_db.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")
        c.commit()
    for query in ("装", "装修", "维修基金", scan_pages.RARE, "业主装修基金"):
        assert scan_search.search_pages(demo_db, clerk, query, limit=5) or query == "业主装修基金"
        found = statements(demo_db, clerk, query)
        assert len(found) == 1 and "LIMIT" in found[0][0].upper(), (query, found)  # one statement, limited
        with demo_db.engine.connect() as c:
            for statement, params in found:
                plan = [r[-1] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
                assert not scans_documents(plan), (query, statement, plan)
                assert not any(line.startswith("SCAN scan_page_text") for line in plan), (query, plan)
                assert "SEARCH scan_page_text USING INTEGER PRIMARY KEY (rowid=?)" in plan, (query, plan)
