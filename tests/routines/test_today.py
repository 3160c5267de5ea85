"""The clerk's today page (今日待办): inspections, census, follow-ups and the to-digitise list in one call."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from database_support import make_actor
from estate_desk.domain.estate.owner_history import ChangeSource
from estate_desk.domain.routines.census import CensusProgress, Quarter
from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.domain.routines.inspections import Check
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import numbering as archive
from estate_desk.services.demo import estate as demo
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.services.routines import arrears, census, inspections, today
from estate_desk.store.estate import OwnerChange
from estate_desk.store.routines import Arrear, CensusTask, Inspection

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

OK, DUE, OVERDUE = RoutineStatus.OK, RoutineStatus.DUE, RoutineStatus.OVERDUE
KEYS = ["inspection", "census", "followups", "to_digitise", "integrity", "loans_overdue"]


def _estate(db: Database, clock: FakeClock) -> list[int]:
    ids = []
    with db.session() as s:
        building = ensure_building(s, 3, 18)
        for number, name in ((1502, "张三"), (901, "李四"), (1201, "王五")):
            room = add_room(s, building, 2, number)
            owner = add_owner(s, clock, name, "13800000000")
            s.flush()
            add_ownership(s, room, owner, date(2020, 1, 1), None)
            ids.append(room.id)
    return ids


def test_today_on_an_empty_archive_asks_for_the_first_inspection_and_census(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    page = today.today(ready_db, clock, clerk)
    assert page.day == date(2026, 11, 23)
    assert [s.key for s in page.sections] == KEYS
    inspection = page.section("inspection")
    assert inspection is not None and inspection.status is DUE and inspection.count == 1
    assert [(i.kind, i.ref) for i in inspection.items] == [("inspection", None)]
    assert "首次" in inspection.summary() and "No inspection" in inspection.summary("en")
    census_section = page.section("census")
    assert census_section is not None and census_section.status is DUE
    assert [(i.kind, i.ref) for i in census_section.items] == [("census_start", None)]
    followups, to_digitise = page.section("followups"), page.section("to_digitise")
    assert followups is not None and (followups.status, followups.count, followups.items) == (OK, 0, ())
    assert to_digitise is not None and (to_digitise.status, to_digitise.count) == (OK, 0)
    assert page.status is DUE and page.section("loans") is None


def test_today_on_hand_built_data(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    room_1502, room_901, room_1201 = _estate(ready_db, clock)
    clock.set(clock.now() - timedelta(days=40))
    inspections.record_inspection(
        ready_db, clock, clerk, checks={**{c: True for c in Check}, Check.RODENTS: False}, humidity="63"
    )
    clock.advance(days=40)  # back to 2026-11-23: last inspected 2026-10-14, due 11-14, overdue from 11-22
    census.start_census(ready_db, clock, clerk)
    first = census.census_tasks(ready_db, clock, clerk)[0]
    census.complete_census_task(ready_db, clock, clerk, first.id)
    arrears.add_arrear(ready_db, clock, clerk, room_1502, "management", "1230", date(2026, 9, 1))
    arrears.add_arrear(ready_db, clock, clerk, room_901, "water", "45.5", date(2026, 10, 10))
    arrears.add_arrear(ready_db, clock, clerk, room_1201, "water", "12", date(2026, 11, 1))  # not yet a month
    with ready_db.session() as s:
        doc = archive.register_document(
            s, clock, archive.DocumentDraft("YZ", "3栋2单元1502 业主公约", 2020, room_id=room_1502), created_by=None
        )
        doc_id, doc_no = doc.id, doc.archive_no

    page = today.today(ready_db, clock, clerk, limit=5)
    inspection = page.section("inspection")
    assert inspection is not None and inspection.status is OVERDUE
    assert "已逾期" in inspection.summary() and "无鼠害" in inspection.summary() and "湿度" in inspection.summary()
    census_section = page.section("census")
    assert census_section is not None and census_section.status is DUE and census_section.count == 2
    assert isinstance(census_section.detail, CensusProgress) and census_section.detail.done == 1
    assert [i.text() for i in census_section.items] == [
        "3栋2单元1201 王五",
        "3栋2单元1502 张三",
    ]  # 901 done, room order
    assert "1/3" in census_section.summary()
    followups = page.section("followups")
    assert followups is not None and followups.count == 2 and followups.status is OVERDUE
    assert [(i.ref, i.status) for i in followups.items] == [(room_901, DUE), (room_1502, OVERDUE)]
    assert followups.items[1].text() == "3栋2单元1502 张三 欠费 ¥1,230.00（物业费），自 2026-09-01 起；尚未跟进"
    assert "待跟进 1 户，逾期 1 户" in followups.summary()
    to_digitise = page.section("to_digitise")
    assert to_digitise is not None and to_digitise.count == 1 and to_digitise.status is DUE
    assert [(i.kind, i.ref) for i in to_digitise.items] == [("document", doc_id)]
    assert to_digitise.items[0].text().startswith(doc_no)
    # today's to-dos: inspection, census (2), follow-ups (2), the archive never checked; the to-digitise
    # list is a standing work list, counted apart (issue 20)
    assert page.status is OVERDUE and page.waiting == 1 + 2 + 2 + 1
    assert [(s.key, s.count) for s in page.work_lists] == [("to_digitise", 1)]

    # the clerk works through the page
    inspections.record_inspection(ready_db, clock, clerk, checks={c: True for c in Check})
    for task in census.census_tasks(ready_db, clock, clerk, open_only=True):
        census.complete_census_task(ready_db, clock, clerk, task.id)
    for room in (room_901, room_1502):
        arrears.record_followup(ready_db, clock, clerk, room_id=room, said="已电话提醒")
    after = today.today(ready_db, clock, clerk)
    assert [s.status for s in after.sections] == [OK, OK, OK, DUE, DUE, OK]
    assert [s.count for s in after.sections] == [0, 0, 0, 1, 1, 0]


def test_today_lists_at_most_limit_items_but_counts_all(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    _estate(ready_db, clock)
    census.start_census(ready_db, clock, clerk)
    page = today.today(ready_db, clock, clerk, limit=1)
    section = page.section("census")
    assert section is not None and section.count == 3 and len(section.items) == 1
    assert all(len(s.items) == 0 for s in today.today(ready_db, clock, clerk, limit=0).sections)


def test_today_shows_a_receptionist_nothing_of_the_clerks_routines(
    ready_db: Database, clock: FakeClock, receptionist: Actor
) -> None:
    assert today.today(ready_db, clock, receptionist).sections == ()
    supervisor = make_actor(ready_db, clock, "super", "supervisor")
    assert [s.key for s in today.today(ready_db, clock, supervisor).sections] == KEYS


def test_today_on_the_demo_estate(demo_db: Database, clock: FakeClock, demo_clerk: Actor) -> None:
    page = today.today(demo_db, clock, demo_clerk)
    assert [s.key for s in page.sections] == KEYS
    inspection, census_section, followups, to_digitise, _integrity, _loans = page.sections

    assert inspection.status is DUE  # the last one five weeks ago, a monthly schedule
    assert isinstance(inspection.detail, inspections.InspectionStatus)
    assert inspection.detail.due.last == date(2026, 10, 19) and inspection.detail.due.due_on == date(2026, 11, 19)
    assert inspection.detail.last is not None and inspection.detail.last.warnings  # humidity a little high

    progress = census_section.detail
    assert isinstance(progress, CensusProgress) and progress.quarter == Quarter(2026, 4)
    assert census_section.status is DUE and progress.total == 236 and 0 < progress.done < progress.total
    assert len(census_section.items) == today.DEFAULT_ITEMS

    statuses = [i.status for i in followups.items]
    assert (statuses.count(DUE), statuses.count(OVERDUE)) == (2, 3)
    assert followups.status is OVERDUE and followups.count == 5

    assert to_digitise.status is DUE and to_digitise.count > 700 and len(to_digitise.items) == today.DEFAULT_ITEMS


def test_demo_routines_are_deterministic_and_feed_the_owner_history(
    demo_db: Database, clock: FakeClock, demo_clerk: Actor
) -> None:
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 5
        assert s.scalar(select(func.count()).select_from(CensusTask)) == 236
        assert s.scalar(select(func.count()).select_from(Arrear).where(Arrear.settled_on.is_(None))) == 10
        census_changes = s.scalar(
            select(func.count()).select_from(OwnerChange).where(OwnerChange.source == ChangeSource.CENSUS.value)
        )
        assert census_changes and census_changes > 5
    households = arrears.arrears_households(demo_db, clock, demo_clerk)
    assert len(households) == 9  # ten households in arrears, one of them paid up
    assert [h.status for h in households].count(OK) == 4
    office = accounts.authenticate(demo_db, clock, "office", demo.DEMO_PASSWORD)
    assert [h.room_code for h in arrears.followups_due(demo_db, clock, office)] == [
        h.room_code for h in households if h.status is not OK
    ]
