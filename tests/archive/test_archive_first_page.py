"""Issue 18, first page first: the archive table shows a category's first page from one index-ordered LIMIT
before it knows the length — taken from the maintained counts for an unfiltered list, else counted on the
worker after the first rows are shown — and the rows are the same as before."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event, func, select

from estate_desk.services.archive.document_window import DocumentFilter, DocumentWindow, Order, SortKey
from estate_desk.store.archive import Category, Document
from estate_desk.ui.app import make_application
from estate_desk.ui.archive.browser import ArchiveBrowser
from estate_desk.ui.worker import Runner

if TYPE_CHECKING:
    from collections.abc import Iterator

    from estate_desk.store.database import Database

PAGE = 5  # pages of five: the demo's categories run to many pages


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DocumentWindow, "PAGE", PAGE)


def visible_ids(db: Database, actor: Any, category_id: int | None, year: int | None = None) -> list[int]:
    query = select(Document.id).where(Document.secrecy <= int(actor.clearance))
    if category_id is not None:
        query = query.where(Document.category_id == category_id)
    if year is not None:
        query = query.where(Document.year == year)
    with db.session() as s:
        return list(s.scalars(query.order_by(Document.archive_no)))


def biggest(db: Database) -> tuple[int, int]:
    """The category with most documents, and its most common year."""
    with db.session() as s:
        category_id = s.execute(
            select(Document.category_id).group_by(Document.category_id).order_by(func.count().desc()).limit(1)
        ).scalar_one()
        year = s.execute(
            select(Document.year)
            .where(Document.category_id == category_id)
            .group_by(Document.year)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()
    return category_id, year


class Counted:
    """The SELECT … count(*) statements run while it is open."""

    def __init__(self, db: Database) -> None:
        self.db, self.counts = db, 0

    def _record(self, conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if "count(" in statement.lower() and "from documents" in statement.lower():
            self.counts += 1

    def __enter__(self) -> Counted:
        event.listen(self.db.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self._record)


def test_a_category_opens_without_counting_its_documents(demo_db: Database, demo_clerk: Any) -> None:
    with demo_db.session() as s:
        categories: list[int | None] = [*s.scalars(select(Category.id)), None]
    for category_id in categories:
        expected = visible_ids(demo_db, demo_clerk, category_id)
        with Counted(demo_db) as counted:
            window = DocumentWindow(demo_db, demo_clerk, category_id)
            assert window.known == len(expected)  # the maintained counts (or a short first page) say it
            assert list(window) == expected
        assert counted.counts == 0, category_id
        assert window.reads == max(1, -(-len(expected) // PAGE))


def test_a_filtered_list_shows_its_first_page_and_counts_when_asked(demo_db: Database, demo_clerk: Any) -> None:
    category_id, year = biggest(demo_db)
    expected = visible_ids(demo_db, demo_clerk, category_id, year)
    assert len(expected) > PAGE
    with Counted(demo_db) as counted:
        window = DocumentWindow(demo_db, demo_clerk, category_id, Order(), DocumentFilter(year=year))
        assert window.known is None and window.first_rows == PAGE
        assert [window[i] for i in range(PAGE)] == expected[:PAGE]  # the first page, still not counted
    assert counted.counts == 0
    assert window.count_rows() == len(expected) and window.known == len(expected)
    assert list(window) == expected
    # len() is exact without a count first: it counts there and then
    again = DocumentWindow(demo_db, demo_clerk, category_id, Order(SortKey.ARCHIVE_NO), DocumentFilter(year=year))
    assert len(again) == len(expected)


@pytest.fixture
def runner(qapp: Any) -> Iterator[Runner]:
    worker = Runner()
    yield worker
    worker.shutdown()


@pytest.mark.ui
def test_the_table_shows_the_first_page_then_the_count_from_the_worker(
    qtbot: Any, demo_db: Database, demo_clerk: Any, runner: Runner
) -> None:
    make_application()
    category_id, year = biggest(demo_db)
    expected = visible_ids(demo_db, demo_clerk, category_id, year)
    browser = ArchiveBrowser(demo_db, demo_clerk, runner=runner)
    qtbot.addWidget(browser)
    browser.show()
    with qtbot.waitSignal(runner.finished):  # the list without a filter: counts kept, nothing for the worker
        browser.choose_node("category", category_id)
        assert browser.model.rowCount() == len(visible_ids(demo_db, demo_clerk, category_id))
        browser.filters.year.setText(str(year))
        assert browser.model.rowCount() == PAGE  # the first page is there before the count
        assert [browser.model.id_at(i) for i in range(PAGE)] == expected[:PAGE]
    assert browser.model.rowCount() == len(expected)
    assert [browser.model.id_at(i) for i in range(len(expected))] == expected
    # choosing a record after the first page before the count came: counted there and then
    browser.filters.year.clear()
    with qtbot.waitSignal(runner.finished):
        browser.filters.year.setText(str(year))
        assert browser.select_document(expected[-1])
        assert browser.current_document_id() == expected[-1]
    assert browser.model.rowCount() == len(expected)


@pytest.mark.ui
def test_without_a_worker_the_table_counts_at_once(qtbot: Any, demo_db: Database, demo_clerk: Any) -> None:
    make_application()
    category_id, year = biggest(demo_db)
    browser = ArchiveBrowser(demo_db, demo_clerk)
    qtbot.addWidget(browser)
    browser.choose_node("category", category_id)
    browser.filters.year.setText(str(year))
    assert browser.model.rowCount() == len(visible_ids(demo_db, demo_clerk, category_id, year))
