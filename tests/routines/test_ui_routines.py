"""The clerk's routines in the window: inspections (A10), the household census (A14), arrears follow-up (A15)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.estate.owner_history import ChangeSource, OwnerField
from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.domain.routines.inspections import Check, IntervalUnit
from estate_desk.services.archive import listings
from estate_desk.services.estate import owners
from estate_desk.services.routines import arrears, census, inspections
from estate_desk.ui.qt import QDialog, QDialogButtonBox, Qt
from estate_desk.ui.routines.section import RoutinesSection, clerk_pages
from estate_desk.ui.routines.today_page import TodayPage
from estate_desk.ui.sections import ROUTINE_KINDS

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui
OK, DUE, OVERDUE = RoutineStatus.OK, RoutineStatus.DUE, RoutineStatus.OVERDUE


@pytest.fixture
def section(app, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor) -> RoutinesSection:  # type: ignore[no-untyped-def]
    widget = RoutinesSection(demo_db, clock, demo_clerk)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def click_ok(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox, "dialogButtons")
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def show_tab(section: RoutinesSection, page) -> None:  # type: ignore[no-untyped-def]
    section.tabs.setCurrentWidget(page)
    assert page.isVisible()


# --------------------------------------------------------------------------- A10


def test_a10_recording_an_inspection_through_the_dialog_makes_it_ok(  # type: ignore[no-untyped-def]
    section: RoutinesSection, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    page = section.inspections
    assert page.status_line.property("status") == "due"
    assert "应于 2026-11-19 检查" in page.status_line.text()
    before = page.model.rowCount()
    dialog = page.record_inspection()
    for check in list(Check)[:-1]:
        dialog.answer(check, True)
    click_ok(qtbot, dialog)  # the sixth check is not answered: the service says which
    assert dialog.isVisible() and "以下检查项未填写：整洁卫生" in dialog.message.text()
    dialog.answer(Check.CLEAN, False)
    dialog.temperature.setValue(21.5)
    dialog.humidity.setValue(65.0)
    assert "相对湿度 65.0% 偏高" in dialog.reading_hint.text()  # accepted, with the norm's warning
    dialog.notes.insertPlainText("档案柜顶部积灰，已安排清洁。")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.status_line.property("status") == "ok"
    assert "下次 2026-12-23" in page.status_line.text()
    assert page.model.rowCount() == before + 1
    assert page.model.index(0, 2).data() == "不合格：整洁卫生"
    assert page.model.index(0, 4).data() == "65.0 ⚠"
    assert "偏高" in page.message.text()
    last = inspections.inspection_status(demo_db, clock).last
    assert last is not None and last.notes == "档案柜顶部积灰，已安排清洁。" and last.failed == [Check.CLEAN]

    clock.advance(days=31)  # a month on, the next one is due
    page.refresh()
    assert page.status_line.property("status") == "due"


def test_a10_an_implausible_reading_is_refused_and_nothing_is_recorded(  # type: ignore[no-untyped-def]
    section: RoutinesSection, qtbot, demo_db: Database, demo_clerk: Actor
) -> None:
    page = section.inspections
    before = len(inspections.inspection_log(demo_db, demo_clerk, limit=None))
    dialog = page.record_inspection()
    for check in Check:
        dialog.answer(check, True)
    dialog.temperature.setValue(75.0)
    assert "不合理" in dialog.reading_hint.text()
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "温度读数 75.0°C 不合理" in dialog.message.text()
    assert len(inspections.inspection_log(demo_db, demo_clerk, limit=None)) == before
    dialog.temperature.setValue(dialog.temperature.minimum())  # "not measured"
    assert dialog.temperature.text() == "未测" and dialog.reading_hint.text() == ""
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a10_the_schedule_is_set_from_the_page(section: RoutinesSection, demo_db: Database) -> None:
    page = section.inspections
    assert page.interval.currentText() == "每月"
    page.interval.setCurrentText("每2周")
    page.set_interval_button.click()
    interval = inspections.inspection_interval(demo_db)
    assert (interval.count, interval.unit) == (2, IntervalUnit.WEEKS)
    assert page.message.text() == "档案室检查周期已设为每2周。"
    page.interval.setCurrentText("每年两次")
    page.set_interval_button.click()
    assert "无法识别检查周期" in page.message.text()


# --------------------------------------------------------------------------- A14


def test_a14_census_progress_start_again_and_check_a_household(  # type: ignore[no-untyped-def]
    section: RoutinesSection, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    page = section.census
    show_tab(section, page)
    progress = census.census_progress(demo_db, clock)
    assert (page.bar.value(), page.bar.maximum()) == (progress.done, progress.total)
    assert page.status_line.text().startswith("2026年第四季度：已普查")
    assert page.model.rowCount() == progress.open  # still to check, in room order
    page.start_census()  # idempotent: nothing to add
    assert page.message.text() == f"每户都已有普查任务（共 {progress.total} 户）。"
    assert census.census_progress(demo_db, clock).total == progress.total

    task = page.model.row_of(0)
    assert task.owner_id is not None
    page.table.setCurrentIndex(page.model.index(0, 0))
    dialog = page.check_household()
    assert dialog is not None and dialog.phone.text() == task.phone
    dialog.phone.setText("13900001111")
    dialog.note.insertPlainText("业主换了手机号。")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.bar.value() == progress.done + 1
    assert page.model.rowCount() == progress.open - 1
    assert "联系电话" in page.message.text() and "13900001111" in page.message.text()
    page.filter.setCurrentIndex(page.filter.findData("done"))
    assert page.model.find(lambda t: t.id == task.id) is not None
    history = owners.owner_file(demo_db, demo_clerk, task.owner_id).history
    assert any(h.field is OwnerField.PHONE and h.source is ChangeSource.CENSUS for h in history)


def test_a14_an_earlier_quarter_without_a_census_is_overdue(section: RoutinesSection) -> None:
    page = section.census
    show_tab(section, page)
    assert page.quarter.itemText(1) == "2026年第三季度"
    page.quarter.setCurrentIndex(1)
    assert page.progress is not None and page.progress.status is OVERDUE
    assert page.bar.text() == "未开始" and "普查尚未开始" in page.status_line.text()
    assert page.model.rowCount() == 0


# --------------------------------------------------------------------------- A15


def test_a15_a_followup_recorded_through_the_dialog_changes_the_households_state(  # type: ignore[no-untyped-def]
    section: RoutinesSection, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    page = section.arrears
    show_tab(section, page)
    rows = page.households.rows()
    assert {h.status for h in rows} == {OK, DUE, OVERDUE}
    household = next(h for h in rows if h.status is OVERDUE)
    row = page.households.find(lambda h: h.room_id == household.room_id)
    assert row is not None
    assert page.households.index(row, 7).data() == "逾期"
    assert page.households.index(row, 7).data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    assert page.select_room(household.room_id)
    history_before = page.history.rowCount()
    dialog = page.record_followup()
    assert dialog is not None
    assert not dialog.ok.isEnabled()  # what was said is required
    dialog.method.setCurrentIndex(dialog.method.findData("visit"))
    dialog.said.insertPlainText("业主答应本周五前缴清。")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = page.households.find(lambda h: h.room_id == household.room_id)
    assert row is not None and page.households.row_of(row).status is OK
    assert page.households.index(row, 7).data() == "正常"
    assert page.history.rowCount() == history_before + 1
    assert page.history.index(0, 2).data() == "上门" and page.history.index(0, 4).data() == "业主答应本周五前缴清。"
    assert household.room_id not in {h.room_id for h in arrears.followups_due(demo_db, clock, demo_clerk)}


def test_a15_enter_an_arrear_then_settle_it(  # type: ignore[no-untyped-def]
    section: RoutinesSection, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    page = section.arrears
    show_tab(section, page)
    owing = {h.room_id for h in page.households.rows()}
    home = next(h for h in listings.households(demo_db, demo_clerk) if h.owner_name and h.room_id not in owing)
    page.table.setCurrentIndex(page.households.index(-1, -1))  # no household chosen
    dialog = page.add_arrear()
    assert dialog is not None
    dialog.room.setCurrentIndex(dialog.room.findData(home.room_id))
    dialog.fee.setCurrentIndex(dialog.fee.findData("water"))
    dialog.amount.setText("一百")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "欠费金额不是数字" in dialog.message.text()
    dialog.amount.setText("120.50")
    dialog.since.setDate(dialog.since.date().addDays(-10))
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    current = page.current()
    assert current is not None and current.room_id == home.room_id and current.status is OK  # not yet a month
    assert page.arrears.rowCount() == 1 and page.arrears.index(0, 1).data() == "¥120.50"

    settle = page.settle_arrear()
    assert settle is not None
    click_ok(qtbot, settle)
    assert settle.result() == QDialog.DialogCode.Accepted
    assert home.room_id not in {h.room_id for h in page.households.rows()}
    assert "已于 2026-11-23 结清" in page.message.text()


def test_a15_an_arrear_a_month_old_is_due_and_shows_amber(  # type: ignore[no-untyped-def]
    section: RoutinesSection, demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    page = section.arrears
    show_tab(section, page)
    owing = {h.room_id for h in page.households.rows()}
    home = next(h for h in listings.households(demo_db, demo_clerk) if h.owner_name and h.room_id not in owing)
    arrears.add_arrear(
        demo_db, clock, demo_clerk, home.room_id, "management", "800", clock.now().date() - timedelta(days=40)
    )
    page.refresh()
    row = page.households.find(lambda h: h.room_id == home.room_id)
    assert row is not None and page.households.row_of(row).status is DUE
    assert page.households.index(row, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#8a5300"


# --------------------------------------------------------------------------- models and routing


def test_every_routine_model_is_sound(section: RoutinesSection, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for page in (section.inspections, section.census, section.arrears):
        show_tab(section, page)
    assert section.arrears.select_room(section.arrears.households.row_of(0).room_id)
    for model in (
        section.inspections.model,
        section.census.model,
        section.arrears.households,
        section.arrears.arrears,
        section.arrears.history,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_clerk_pages_and_routing_from_the_today_page(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    pages = clerk_pages(demo_db, clock, demo_clerk)
    assert [title for title, _ in pages] == ["今日待办", "日常工作"]
    today_page, routines = pages[0][1], pages[1][1]
    assert isinstance(today_page, TodayPage) and isinstance(routines, RoutinesSection)
    for _, widget in pages:
        qtbot.addWidget(widget)
    assert [routines.tabs.tabText(n) for n in range(routines.tabs.count())] == [
        "档案室检查",
        "家庭情况普查",
        "欠费跟进",
    ]
    routines.show()
    today_page.show()
    for key in ("census", "followups"):
        item = today_page.cards[key].section.items[0]
        assert item.kind in ROUTINE_KINDS
        assert routines.open(item.kind, item.ref)
    assert routines.tabs.currentWidget() is routines.arrears
    census_dialog = routines.census.dialog
    assert census_dialog is not None and census_dialog.isVisible()
    census_dialog.reject()
    assert routines.open("inspection", None)
    assert routines.tabs.currentWidget() is routines.inspections and routines.inspections.dialog is not None
    routines.inspections.dialog.reject()
    assert not routines.open("document", 1)
