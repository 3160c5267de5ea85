"""A16, A17 in the window: a void document shows its mark in the list and the detail pane, the clerk marks
one void through the dialog, and a batch goes through the appraisal page to its manifest."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from database_support import make_actor
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import BatchState
from estate_desk.services.archive import numbering as archive
from estate_desk.services.archive import register
from estate_desk.services.disposal import appraisal
from estate_desk.services.disposal import batches as destruction_batches
from estate_desk.services.disposal import marks as disposal
from estate_desk.ui.app import make_application
from estate_desk.ui.disposal.dialogs import CarryOutDialog, ProposeDialog, VoidDialog
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QColor, Qt

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.disposal.page import DisposalSection

pytestmark = pytest.mark.ui


def _document(db: Database, clock: FakeClock, clerk: Actor, title: str, year: int) -> int:
    return register.register(db, clock, clerk, archive.DocumentDraft("XZ", title, year, retention=Retention.years(10)))


@pytest.fixture
def window(qapp, qtbot, ready_db: Database, clerk: Actor, clock: FakeClock):  # type: ignore[no-untyped-def]
    make_application()
    w = MainWindow(ready_db, clerk, clock, "测试物业服务中心")
    qtbot.addWidget(w)
    w.show()
    w.show_section(w.archive)  # the clerk lands on her home; these tests work in the archive
    return w


def _show_disposal(window: MainWindow) -> DisposalSection:
    page = window.disposal
    assert page is not None
    window.nav.setCurrentRow(window.stack.indexOf(page))
    assert page.isVisible()
    return page


def _title_cell(window: MainWindow, document_id: int) -> tuple[str, object]:
    browser = window.archive.browser
    row = browser.model.row_for_id(document_id)
    assert row is not None
    index = browser.model.index(row, 1)
    return browser.model.data(index), browser.model.data(index, Qt.ItemDataRole.ForegroundRole)


def test_a16_a_void_document_shows_its_mark_in_the_window(  # type: ignore[no-untyped-def]
    window: MainWindow, ready_db: Database, clerk: Actor, clock: FakeClock, qtbot
) -> None:
    void = _document(ready_db, clock, clerk, "停水通知（旧）", 2024)
    current = _document(ready_db, clock, clerk, "停水通知", 2025)
    disposal.mark_void(ready_db, clock, clerk, "document", void, reason="已被新通知替代", on=date(2026, 11, 1))
    window.archive.refresh()
    assert window.archive.open_record("document", void)
    text, colour = _title_cell(window, void)
    assert text == "【作废】停水通知（旧）" and colour == QColor("#c00000")
    assert _title_cell(window, current)[0] == "停水通知"
    mark = window.archive.browser.detail.mark
    qtbot.waitUntil(mark.isVisible)
    assert "作废" in mark.text() and "已被新通知替代" in mark.text() and "2026-11-01" in mark.text()
    window.archive.browser.detail.grab().save("/tmp/estate-void-detail.png")

    # searching leaves it out unless asked, then marks it
    window.search_field.setText("停水通知")
    listed = [window.results.item(n).text() for n in range(window.results.count())]
    assert not any("旧" in t for t in listed)
    window.include_void.setChecked(True)
    listed = [window.results.item(n).text() for n in range(window.results.count())]
    assert any("【作废】停水通知（旧）" in t for t in listed)


def test_a16_the_clerk_marks_a_document_void_after_confirming(  # type: ignore[no-untyped-def]
    window: MainWindow, ready_db: Database, clerk: Actor, clock: FakeClock, qtbot
) -> None:
    document = _document(ready_db, clock, clerk, "旧收费标准", 2023)
    window.archive.refresh()
    assert window.archive.open_record("document", document)
    detail = window.archive.browser.detail
    assert not detail.mark.isVisible()
    detail.void_button.click()
    dialog = window.archive.dialog
    assert isinstance(dialog, VoidDialog) and "作废" in dialog.confirm.text()
    dialog.buttons.accepted.emit()  # no reason: refused in the dialog, which stays open
    assert dialog.message.text() and window.archive.dialog is dialog
    dialog.reason.setText("标准已调整")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.archive.dialog is None)
    assert register.document_detail(ready_db, clerk, document).void
    qtbot.waitUntil(detail.mark.isVisible)
    assert "标准已调整" in detail.mark.text()


def test_a17_a_batch_goes_through_the_appraisal_page_to_its_manifest(  # type: ignore[no-untyped-def]
    window: MainWindow, ready_db: Database, clerk: Actor, clock: FakeClock, qtbot
) -> None:
    old = _document(ready_db, clock, clerk, "2015年值班记录", 2015)
    page = _show_disposal(window)
    model = page.review_model
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "2015年值班记录"
    first = model.index(0, 0)
    assert model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    page.review.setCurrentIndex(first)
    qtbot.keyClick(page.review, Qt.Key.Key_Space)  # ticked as the clerk ticks it, in the view
    assert model.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    page.propose_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ProposeDialog)
    assert dialog.model.items() == [(old, "保管期满")]
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.dialog is None)
    batch_id = page.current_batch_id()
    assert batch_id is not None and page.item_model.rowCount() == 1
    assert not page.buttons["approve"].isEnabled()  # a clerk does not approve
    boss = make_actor(ready_db, clock, "boss", "supervisor", 4)
    item_id = destruction_batches.batch(ready_db, boss, batch_id)[1][0].id
    destruction_batches.decide(ready_db, clock, boss, item_id, approve=True)
    page.reload()
    assert page.buttons["carry_out"].isEnabled()
    page.buttons["carry_out"].click()
    carry = page.dialog
    assert isinstance(carry, CarryOutDialog)
    carry.witnesses.setPlainText("李监销\n王监销")
    carry.place.setText("档案室")
    carry.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert destruction_batches.batch(ready_db, clerk, batch_id)[0].state is BatchState.CARRIED_OUT
    page.grab().save("/tmp/estate-disposal.png")
    page.buttons["manifest"].click()
    manifest = window.archive.browser.detail.document
    assert manifest is not None and "销毁清册" in manifest.title
    assert window.archive.open_record("document", old)
    assert "已销毁" in window.archive.browser.detail.mark.text()
    assert _title_cell(window, old)[0].startswith("【已销毁】")


def test_a17_a_hold_is_placed_from_the_detail_pane_and_lifted_on_the_holds_tab(  # type: ignore[no-untyped-def]
    window: MainWindow, ready_db: Database, clerk: Actor, clock: FakeClock, qtbot
) -> None:
    from estate_desk.ui.disposal.dialogs import HoldDialog, LiftHoldDialog

    document = _document(ready_db, clock, clerk, "收费争议记录", 2014)
    window.archive.refresh()
    assert window.archive.open_record("document", document)
    window.archive.browser.detail.buttons["hold"].click()
    dialog = window.archive.dialog
    assert isinstance(dialog, HoldDialog)
    dialog.reason.setText("业主诉讼")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.archive.dialog is None)
    assert "业主诉讼" in window.archive.browser.detail.mark.text()
    page = _show_disposal(window)
    assert page.hold_model.rowCount() == 1 and page.review_model.rowCount() == 0
    page.holds.setCurrentIndex(page.hold_model.index(0, 0))
    page.lift_hold_button.click()
    lift = page.dialog
    assert isinstance(lift, LiftHoldDialog)
    lift.reason.setText("已结案")
    lift.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.dialog is None)
    page.tabs.setCurrentIndex(0)
    assert page.hold_model.rowCount() == 0 and page.review_model.rowCount() == 1


def test_a17_the_review_list_is_read_only_when_its_page_is_first_shown_a_page_at_a_time(  # type: ignore[no-untyped-def]
    qapp, qtbot, ready_db: Database, clerk: Actor, clock: FakeClock, monkeypatch
) -> None:
    """Issue 16 part 0: the appraisal page read the whole review list into item widgets at start-up (126,314
    rows on the big estate, and an abort). Now nothing is read until the page is shown, then ids only, and rows
    a page at a time."""
    from estate_desk.ui import models

    for n in range(models.PAGE + 30):
        _document(ready_db, clock, clerk, f"{2000 + n % 10}年旧记录{n}", 2000 + n % 10)
    calls: list[str] = []
    for name in ("review_list", "review_ids", "review_rows"):
        real = getattr(appraisal, name, None)
        if real is None:
            continue
        monkeypatch.setattr(
            appraisal, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k)
        )
    make_application()
    window = MainWindow(ready_db, clerk, clock, "测试物业服务中心")
    qtbot.addWidget(window)
    window.show()
    assert calls == []  # signed in: nothing of the review list read
    page = _show_disposal(window)
    model = page.review_model
    assert calls[0] == "review_ids" and "review_list" not in calls
    assert model.rowCount() == models.PAGE + 30
    shown = model.fetches
    assert shown <= 1  # at most the page on screen
    assert "旧记录" in model.data(model.index(model.rowCount() - 1, 1))
    assert model.fetches == shown + 1  # the last page, fetched when asked for
    page.tabs.setCurrentIndex(1)
    page.tabs.setCurrentIndex(0)
    assert calls.count("review_ids") == 1  # shown again: not read again until something changed


def test_the_review_list_model_passes_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, window: MainWindow, ready_db: Database, clerk: Actor, clock: FakeClock
) -> None:
    for n in range(12):
        _document(ready_db, clock, clerk, f"旧记录{n}", 2010)
    page = _show_disposal(window)
    model = page.review_model
    assert model.rowCount() == 12
    model.tick(model.id_at(3))
    qtmodeltester.check(model)
    assert model.ticked_ids() == [model.id_at(3)]
    qtmodeltester.check(page.batch_model)
    qtmodeltester.check(page.hold_model)
    qtmodeltester.check(page.item_model)


def test_a_header_click_sorts_the_review_list_in_the_database_and_the_ticks_stay(  # type: ignore[no-untyped-def]
    window: MainWindow, ready_db: Database, clerk: Actor, clock: FakeClock
) -> None:
    """Issue 20: the review list can hold hundreds of thousands of records, so a header sorts it in the database
    (archive no., title, year); a column the database does not sort by leaves the list as it is."""
    for title, year in (("丙记录", 2005), ("甲记录", 2001), ("乙记录", 2003)):
        _document(ready_db, clock, clerk, title, year)
    page = _show_disposal(window)
    model = page.review_model
    ticked = model.id_at(0)
    model.tick(ticked)
    page.review.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # year
    assert [model.row_of(n).year for n in range(model.rowCount())] == [2005, 2003, 2001]
    page.review.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # title, as the database orders it
    by_title = [model.row_of(n).title for n in range(model.rowCount())]
    assert sorted(by_title) == sorted(["丙记录", "甲记录", "乙记录"]) and model.sort_column() == (1, False)
    page.review.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # retention: not sorted, the arrow goes back
    assert [model.row_of(n).title for n in range(model.rowCount())] == by_title
    assert page.review.horizontalHeader().sortIndicatorSection() == 1
    assert model.ticked_ids() == [ticked]
