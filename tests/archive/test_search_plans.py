"""Issue 10: no search kind reads the documents table (or the search entries) whole — on SQLite too."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from benchmarks.rows_search import plans, queries, scans_documents

from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo import estate as demo

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def test_every_search_kind_uses_indexes_never_a_full_scan_of_documents(demo_db: Database, clock: FakeClock) -> None:
    if demo_db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's plans are checked in test_search.py")
    clerk = accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD)
    with demo_db.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")  # as the big estate's builder leaves it
        c.commit()
    kinds = queries(demo_db)
    assert len(kinds) == 11  # the bare room number (issue 18) among them
    for label, query in kinds:
        found = plans(demo_db, clerk, query)
        assert found, label
        for statement, plan in found:
            assert not scans_documents(plan), (label, statement, plan)


def test_the_plan_check_sees_a_full_scan() -> None:
    assert scans_documents(["SCAN documents"])
    assert scans_documents(["Seq Scan on documents  (cost=0.00..1.00 rows=1 width=4)"])
    assert scans_documents(["SCAN search_entries USING INDEX ix_x"])
    assert not scans_documents(["SEARCH documents USING INDEX ix_documents_category_archive_no (category_id=?)"])
    assert not scans_documents(["SCAN search_fts VIRTUAL TABLE INDEX 0:M6"])
