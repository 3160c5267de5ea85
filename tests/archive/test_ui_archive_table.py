"""Issue 20: the archive table's headers sort through the lazy model, the filter bar narrows it, and 房号,
业主 and 档案盒 are on screen at 1400×860 without dragging the splitter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from estate_desk.domain.archive.dual_track import Track
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import worklists
from estate_desk.services.demo import estate as demo
from estate_desk.store.archive import ArchiveBox, Document
from estate_desk.ui.app import make_application
from estate_desk.ui.archive.browser import BOX_COLUMN, OWNER_COLUMN, ROOM_COLUMN, SORT_KEYS, ArchiveBrowser
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import Qt

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui

KEYS = {0: lambda r: r.archive_no, 1: lambda r: (r.title, r.archive_no), 2: lambda r: (r.year, r.archive_no)}


@pytest.fixture
def browser(qapp, qtbot, demo_db: Database, demo_clerk):  # type: ignore[no-untyped-def]
    make_application()
    b = ArchiveBrowser(demo_db, demo_clerk)
    qtbot.addWidget(b)
    b.resize(1200, 700)
    b.show()
    return b


def category_rows(db: Database, actor: Any, category_id: int) -> list[Any]:
    with db.session() as s:
        return list(
            s.execute(
                select(Document.id, Document.archive_no, Document.title, Document.year, Document.box_id).where(
                    Document.category_id == category_id, Document.secrecy <= int(actor.clearance)
                )
            )
        )


def biggest(browser: ArchiveBrowser, db: Database, actor: Any) -> tuple[int, list[Any]]:
    tree = browser.tree.topLevelItem(0)
    items = [tree.child(i) for i in range(tree.childCount())]
    item = max(items, key=lambda it: int(it.text(1)))
    browser.tree.setCurrentItem(item)
    category_id = item.data(0, Qt.ItemDataRole.UserRole)[1]
    return category_id, category_rows(db, actor, category_id)


def test_sorting_by_each_header_through_the_model_equals_the_sorted_demo_rows(
    browser: ArchiveBrowser, demo_db: Database, demo_clerk: Any, qtmodeltester: Any
) -> None:
    _, rows = biggest(browser, demo_db, demo_clerk)
    assert sorted(browser.sortable_columns()) == sorted(SORT_KEYS) == [0, 1, 2]
    header = browser.table.horizontalHeader()
    for column in browser.sortable_columns():
        for descending in (False, True):
            assert browser.sort_by(column, descending)
            expected = [r.id for r in sorted(rows, key=KEYS[column], reverse=descending)]
            assert browser.model.ids() == expected, (column, descending)
            assert header.sortIndicatorSection() == column
            wanted = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            assert header.sortIndicatorOrder() == wanted
    qtmodeltester.check(browser.model)


def test_a_header_click_sorts_then_reverses_and_an_unsortable_header_changes_nothing(
    browser: ArchiveBrowser, demo_db: Database, demo_clerk: Any, qtbot: Any
) -> None:
    _, rows = biggest(browser, demo_db, demo_clerk)
    header = browser.table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))

    click(2)
    by_year = [r.id for r in sorted(rows, key=KEYS[2])]
    assert browser.model.ids() == by_year
    click(2)
    assert browser.model.ids() == by_year[::-1]
    click(ROOM_COLUMN)  # not sortable: same list, the indicator stays on 年度 descending
    assert browser.model.ids() == by_year[::-1]
    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_current_record_stays_chosen_after_a_resort_and_a_filter(
    browser: ArchiveBrowser, demo_db: Database, demo_clerk: Any
) -> None:
    _, rows = biggest(browser, demo_db, demo_clerk)
    chosen = sorted(rows, key=KEYS[0])[len(rows) // 3]
    assert browser.select_document(chosen.id)
    browser.sort_by(1, descending=True)
    assert browser.current_document_id() == chosen.id
    assert browser.detail.document is not None and browser.detail.document.id == chosen.id
    browser.filters.year.setText(str(chosen.year))
    assert browser.current_document_id() == chosen.id
    assert set(browser.model.ids()) == {r.id for r in rows if r.year == chosen.year}
    other = next(r.year for r in rows if r.year != chosen.year)
    browser.filters.year.setText(str(other))  # the record is no longer in the list
    assert browser.current_document_id() != chosen.id
    browser.filters.clear()
    assert len(browser.model.ids()) == len(rows)


def test_the_filter_bar_combines_with_the_category_and_the_order(
    browser: ArchiveBrowser, demo_db: Database, demo_clerk: Any, qtbot: Any
) -> None:
    _, rows = biggest(browser, demo_db, demo_clerk)
    box_id = next(r.box_id for r in rows if r.box_id is not None)
    with demo_db.session() as s:
        code = s.scalar(select(ArchiveBox.code).where(ArchiveBox.id == box_id))
    browser.sort_by(1)
    qtbot.keyClicks(browser.filters.box, code)
    qtbot.keyClick(browser.filters.box, Qt.Key.Key_Return)  # as a scanner ends a code
    assert browser.model.ids() == [r.id for r in sorted(rows, key=KEYS[1]) if r.box_id == box_id]
    browser.filters.box.clear()
    tracks = worklists.dual_track(demo_db, demo_clerk, [r.id for r in rows])
    browser.filters.track.setCurrentIndex(browser.filters.track.findData(Track.PAPER_ONLY.value))
    paper_only = [r.id for r in sorted(rows, key=KEYS[1]) if tracks[r.id] is Track.PAPER_ONLY]
    assert browser.model.ids() == paper_only
    assert paper_only
    browser.choose_node("worklist", "to_digitise")
    assert not browser.filters.isEnabled() and browser.sortable_columns() == []


def test_room_owner_and_box_are_on_screen_at_1400_by_860(
    qapp, qtbot, demo_db: Database, demo_clerk: Any, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    make_application()
    window = MainWindow(demo_db, demo_clerk, clock, "翠湖苑物业服务中心", now_ms=lambda: 0.0)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.show_section(window.archive)
    table = window.archive.browser.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    header = table.horizontalHeader()
    for column in (0, 1, ROOM_COLUMN, OWNER_COLUMN, BOX_COLUMN):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= table.viewport().width(), (column, right, table.viewport().width())


def test_the_column_chooser_hides_and_shows_columns_remembered_per_user(
    qapp, qtbot, demo_db: Database, demo_clerk: Any, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    make_application()
    first = ArchiveBrowser(demo_db, demo_clerk)
    qtbot.addWidget(first)
    menu = first.columns.menu()
    entries = menu.actions()
    assert [a.text() for a in entries][:2] == [first.model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)]
    assert all(a.isChecked() for a in entries)
    entries[OWNER_COLUMN].setChecked(False)  # as a click in the header's menu does
    entries[3].setChecked(False)
    assert first.table.isColumnHidden(OWNER_COLUMN) and first.table.isColumnHidden(3)
    menu.deleteLater()

    again = ArchiveBrowser(demo_db, demo_clerk)  # the same clerk, the next day
    qtbot.addWidget(again)
    assert again.columns.hidden() == {"owner", "pages"}
    assert again.columns.set_shown(3, True)
    admin = accounts.authenticate(demo_db, clock, "admin", demo.DEMO_PASSWORD)
    other = ArchiveBrowser(demo_db, admin)  # another user on the same PC keeps all columns
    qtbot.addWidget(other)
    assert other.columns.hidden() == set()
    third = ArchiveBrowser(demo_db, demo_clerk)
    qtbot.addWidget(third)
    assert third.columns.hidden() == {"owner"}

    for column in range(1, len(again.columns.menu().actions())):
        again.columns.set_shown(column, False)
    assert not again.columns.set_shown(0, False)  # the last column shown stays
    assert not again.table.isColumnHidden(0)
