"""The clerk's today page in the window (今日待办): cards, colours, double-click to open, refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.domain.routines.inspections import Check
from estate_desk.services.routines import inspections
from estate_desk.ui.qt import QKeySequence, Qt
from estate_desk.ui.routines.today_page import TARGET, TodayPage
from estate_desk.ui.routines.widgets import STATUS_COLOURS

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def page(app, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor) -> TodayPage:  # type: ignore[no-untyped-def]
    widget = TodayPage(demo_db, clock, demo_clerk)
    qtbot.addWidget(widget)
    widget.resize(1200, 820)
    widget.show()
    return widget


def double_click(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    """A real double-click: QTest's mouseDClick alone does not press first, so item views ignore it."""
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def _texts(page: TodayPage, key: str) -> list[str]:
    model = page.cards[key].model
    return [model.index(n, 0).data() for n in range(model.rowCount())]


def test_a10_a14_a15_the_demo_shows_the_due_inspection_census_and_followups(page: TodayPage) -> None:
    assert page.page is not None  # loaded when shown
    assert list(page.cards) == ["inspection", "census", "followups", "to_digitise", "integrity", "loans_overdue"]
    assert page.heading.text() == "今天，2026-11-23"
    inspection, census, followups = page.cards["inspection"], page.cards["census"], page.cards["followups"]
    assert inspection.title.text() == "<b>档案室检查</b>"
    assert inspection.badge.status is RoutineStatus.DUE and inspection.badge.text() == "待办 · 1"
    assert _texts(page, "inspection") == ["进行档案室检查"]
    assert census.badge.status is RoutineStatus.DUE
    assert "2026年第四季度" in census.summary.text()
    assert census.model.rowCount() == 10 and census.more.isVisible()  # the first ten, and "… and n more"
    assert followups.badge.status is RoutineStatus.OVERDUE
    followup_texts = _texts(page, "followups")
    assert len(followup_texts) == followups.section.count == 5  # the demo's due and overdue households
    assert all("欠费" in t for t in followup_texts)
    assert "逾期" in followups.summary.text()
    assert page.page is not None
    waiting = page.waiting.text()  # today's to-dos, and the standing work list apart from them (issue 20)
    assert waiting.startswith(f"共 {page.page.waiting} 项待办") and "工作清单：待数字化 " in waiting
    assert page.page.waiting == sum(c.section.count for key, c in page.cards.items() if key != "to_digitise")


def test_items_are_coloured_by_status(page: TodayPage) -> None:
    model = page.cards["followups"].model
    for n in range(model.rowCount()):
        item = model.item(n)
        colour = model.index(n, 0).data(Qt.ItemDataRole.ForegroundRole)
        assert colour.name() == STATUS_COLOURS[item.status][1]
    assert {model.item(n).status for n in range(model.rowCount())} == {RoutineStatus.DUE, RoutineStatus.OVERDUE}


def test_the_items_models_are_sound(page: TodayPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for card in page.cards.values():
        qtmodeltester.check(card.model)


def test_double_click_asks_to_open_what_the_item_names(page: TodayPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    card = page.cards["followups"]
    view = card.items
    index = card.model.index(0, 0)
    kind, ref = index.data(TARGET)
    with qtbot.waitSignal(page.open_requested, timeout=2000) as opened:
        double_click(qtbot, view, index)
    assert opened.args == ["arrears", ref] and kind == "arrears" and isinstance(ref, int)

    inspection = page.cards["inspection"]
    with qtbot.waitSignal(page.open_requested, timeout=2000) as opened:
        double_click(qtbot, inspection.items, inspection.model.index(0, 0))
    assert opened.args == ["inspection", None]


def test_f5_refreshes_after_the_inspection_is_recorded(  # type: ignore[no-untyped-def]
    page: TodayPage, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    assert page.cards["inspection"].badge.status is RoutineStatus.DUE
    inspections.record_inspection(demo_db, clock, demo_clerk, checks={c: True for c in Check})
    assert page.cards["inspection"].badge.status is RoutineStatus.DUE  # not until asked
    assert page.refresh_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    page.activateWindow()
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.cards["inspection"].badge.status is RoutineStatus.OK, timeout=2000)
    assert page.cards["inspection"].model.rowCount() == 0
    assert "下次" in page.cards["inspection"].summary.text()


def test_the_clock_comes_from_outside(page: TodayPage, clock: FakeClock) -> None:
    clock.advance(days=40)  # the next quarter's census has not started; inspection overdue
    page.refresh()
    assert page.heading.text() == "今天，2027-01-02"
    assert page.cards["inspection"].badge.status is RoutineStatus.OVERDUE
    assert [i.kind for i in page.cards["census"].section.items] == ["census_start"]


def test_screenshot_of_the_today_page(page: TodayPage) -> None:
    assert page.grab().save("/tmp/estate-today.png")
