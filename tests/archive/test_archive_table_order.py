"""Issue 20: the archive table sorts and filters in the database — the order and the rows are those of
the demo estate's records fetched apart and sorted or filtered in Python; the current record stays chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event, func, select

from estate_desk.domain.archive.dual_track import Track
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import worklists
from estate_desk.services.archive.document_window import DocumentFilter, DocumentWindow, Order, SortKey, sortable
from estate_desk.store.archive import ArchiveBox, Category, Document

if TYPE_CHECKING:
    from estate_desk.store.database import Database

KEY = {
    SortKey.ARCHIVE_NO: lambda r: r.archive_no,
    SortKey.TITLE: lambda r: (r.title, r.archive_no),
    SortKey.YEAR: lambda r: (r.year, r.archive_no),
}


def rows_apart(db: Database, actor: Any, category_id: int | None) -> list[Any]:
    """The visible records, fetched without ORDER BY and without the window's code."""
    query = select(Document.id, Document.archive_no, Document.title, Document.year, Document.secrecy, Document.box_id)
    query = query.where(Document.secrecy <= int(actor.clearance))
    if category_id is not None:
        query = query.where(Document.category_id == category_id)
    with db.session() as s:
        return list(s.execute(query))


def biggest_category(db: Database) -> int:
    with db.session() as s:
        return s.execute(
            select(Document.category_id).group_by(Document.category_id).order_by(func.count().desc()).limit(1)
        ).scalar_one()


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
def test_database_order_equals_the_sorted_demo_rows_read_forwards_and_backwards(
    demo_db: Database, demo_clerk: Any, key: SortKey, descending: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DocumentWindow, "PAGE", 7)  # many pages: keyset on, keyset back, offset from both ends
    with demo_db.session() as s:
        categories = [c for c in s.scalars(select(Category.id))]
    checked = 0
    for category_id in [*categories, None]:
        if key not in sortable(category_id):
            continue
        rows = rows_apart(demo_db, demo_clerk, category_id)
        expected = [r.id for r in sorted(rows, key=KEY[key], reverse=descending)]
        forwards = DocumentWindow(demo_db, demo_clerk, category_id, Order(key, descending))
        assert list(forwards) == expected
        backwards = DocumentWindow(demo_db, demo_clerk, category_id, Order(key, descending))
        assert [backwards[i] for i in reversed(range(len(backwards)))] == expected[::-1]
        middle = DocumentWindow(demo_db, demo_clerk, category_id, Order(key, descending))
        if expected:
            assert middle[len(expected) // 2] == expected[len(expected) // 2]
            assert middle.position(expected[-1]) == len(expected) - 1
        checked += len(expected)
    assert checked > 50


def test_over_all_categories_only_the_archive_number_sorts(demo_db: Database, demo_clerk: Any) -> None:
    assert sortable(None) == {SortKey.ARCHIVE_NO}
    with pytest.raises(ValueError, match="year"):
        DocumentWindow(demo_db, demo_clerk, None, Order(SortKey.YEAR))


def test_filters_give_exactly_the_matching_rows(demo_db: Database, demo_clerk: Any) -> None:
    category_id = biggest_category(demo_db)
    rows = rows_apart(demo_db, demo_clerk, category_id)
    tracks = worklists.dual_track(demo_db, demo_clerk, [r.id for r in rows])
    year = sorted(r.year for r in rows)[len(rows) // 2]
    box_id = next(r.box_id for r in rows if r.box_id is not None)
    with demo_db.session() as s:
        box_code = s.scalar(select(ArchiveBox.code).where(ArchiveBox.id == box_id))
    assert box_code is not None

    def found(wanted: DocumentFilter) -> set[int]:
        return set(DocumentWindow(demo_db, demo_clerk, category_id, Order(SortKey.TITLE), wanted))

    cases: list[tuple[DocumentFilter, set[int]]] = [
        (DocumentFilter(year=year), {r.id for r in rows if r.year == year}),
        (DocumentFilter(box=box_code), {r.id for r in rows if r.box_id == box_id}),
        (DocumentFilter(box=box_code.lower()), {r.id for r in rows if r.box_id == box_id}),  # typed, not scanned
        (DocumentFilter(box="NO-SUCH-BOX"), set()),
        *[
            (DocumentFilter(grade=g), {r.id for r in rows if r.secrecy == g})
            for g in Grade
            if g <= demo_clerk.clearance
        ],
        *[(DocumentFilter(track=t), {i for i, tr in tracks.items() if tr is t}) for t in Track],
        (
            DocumentFilter(year=year, track=Track.PAPER_ONLY),
            {r.id for r in rows if r.year == year and tracks[r.id] is Track.PAPER_ONLY},
        ),
    ]
    nonempty = 0
    for wanted, expected in cases:
        assert found(wanted) == expected, wanted
        assert len(DocumentWindow(demo_db, demo_clerk, category_id, Order(), wanted)) == len(expected)
        nonempty += bool(expected)
    assert nonempty >= 5  # the demo has records on several sides of every filter


def plans_of_a_sorted_window(db: Database, actor: Any, category_id: int, order: Order) -> list[tuple[str, list[str]]]:
    statements: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        window = DocumentWindow(db, actor, category_id, order)  # pages of 5 (the caller's monkeypatch)
        ids = [window[i] for i in range(min(len(window), 12))]  # the first page, then the next by keyset
        window[len(window) - 1]  # a jump to the end
        window.position(ids[-1])
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with db.engine.connect() as c:
        return [
            (statement, [r[-1] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)])
            for statement, params in statements
        ]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
def test_a_sorted_page_of_the_big_category_is_an_index_range_not_a_sort(
    demo_db: Database, demo_clerk: Any, key: SortKey, descending: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if demo_db.engine.dialect.name != "sqlite":
        pytest.skip("the plans are SQLite's EXPLAIN QUERY PLAN")
    monkeypatch.setattr(DocumentWindow, "PAGE", 5)  # the first page, then the next by keyset
    with demo_db.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")  # as the big estate's builder leaves it
        c.commit()
    found = plans_of_a_sorted_window(demo_db, demo_clerk, biggest_category(demo_db), Order(key, descending))
    assert len(found) >= 5
    index = "ix_documents_category_archive_no" if key is SortKey.ARCHIVE_NO else f"ix_documents_category_{key}"
    for statement, plan in found:
        text = " ".join(plan)
        assert "TEMP B-TREE" not in text, (statement, plan)
        assert "SCAN documents" not in text, (statement, plan)
        if "ORDER BY" in statement:
            assert index in text, (statement, plan)
