"""The clerk's routines on a real database, moved through time by a fake clock (A10, A14, A15)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from database_support import make_actor
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.domain.estate.owner_history import ChangeSource, OwnerField
from estate_desk.domain.routines.arrears import FeeType, FollowUpMethod
from estate_desk.domain.routines.census import Quarter
from estate_desk.domain.routines.common import RoutineStatus, office_date
from estate_desk.domain.routines.inspections import Check, InspectionInterval, IntervalUnit, Reading
from estate_desk.services.estate import owners
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.services.routines import arrears, census, inspections
from estate_desk.store.accounts import Setting
from estate_desk.store.routines import ArrearsFollowUp, CensusTask, Inspection

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

OK, DUE, OVERDUE = RoutineStatus.OK, RoutineStatus.DUE, RoutineStatus.OVERDUE
ALL_PASS = {c: True for c in Check}


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=CHINA_TZ)


def households(db: Database, clock: FakeClock, *specs: tuple[int, int | None, int, str | None]) -> dict[str, int]:
    """Rooms (building, unit, number) with an owner of that name, or vacant for None; code → room id."""
    ids: dict[str, int] = {}
    with db.session() as s:
        for building, unit, number, name in specs:
            room = add_room(s, ensure_building(s, building, 33), unit, number)
            s.flush()
            if name is not None:
                owner = add_owner(s, clock, name, f"1380000{number:04d}")
                s.flush()
                add_ownership(s, room, owner, date(2020, 1, 1), date(2020, 2, 1))
            ids[room.code] = room.id
    return ids


# =========================================================================== A10


def test_a10_no_inspection_yet_is_due_then_ok_until_a_month_later(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    assert inspections.inspection_status(ready_db, clock).due.status is DUE
    row = inspections.record_inspection(ready_db, clock, clerk, checks=ALL_PASS, temperature="20", humidity="50")
    assert row.inspector == "clerk" and row.inspected_at == clock.now() and row.all_ok
    status = inspections.inspection_status(ready_db, clock)
    assert (status.due.status, status.due.due_on, status.last) == (OK, date(2026, 12, 23), row)

    clock.set(at(2026, 12, 22, 23, 59))
    assert inspections.inspection_status(ready_db, clock).due.status is OK
    clock.set(at(2026, 12, 23, 0, 0))
    assert inspections.inspection_status(ready_db, clock).due.status is DUE
    clock.set(at(2026, 12, 30, 23, 59))
    assert inspections.inspection_status(ready_db, clock).due.status is DUE
    clock.set(at(2026, 12, 31, 0, 0))
    assert inspections.inspection_status(ready_db, clock).due.status is OVERDUE

    inspections.record_inspection(ready_db, clock, clerk, checks=ALL_PASS)
    assert inspections.inspection_status(ready_db, clock).due.due_on == date(2027, 1, 31)


def test_a10_the_office_can_inspect_every_two_weeks(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    assert inspections.inspection_interval(ready_db) == InspectionInterval(1, IntervalUnit.MONTHS)
    assert inspections.set_inspection_interval(ready_db, clerk, "每2周").value == "2w"
    with ready_db.session() as s:
        assert s.get(Setting, inspections.INTERVAL_SETTING).value == "2w"  # type: ignore[union-attr]
    inspections.record_inspection(ready_db, clock, clerk, checks=ALL_PASS)
    clock.advance(days=14)
    status = inspections.inspection_status(ready_db, clock)
    assert (status.due.status, status.due.due_on) == (DUE, date(2026, 12, 7))
    inspections.set_inspection_interval(ready_db, clerk, InspectionInterval(3, IntervalUnit.MONTHS))
    assert inspections.inspection_status(ready_db, clock).due.due_on == date(2027, 2, 23)
    with pytest.raises(InputProblem):
        inspections.set_inspection_interval(ready_db, clerk, "whenever")


def test_a10_the_log_is_newest_first_with_failed_checks_and_warnings(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    inspections.record_inspection(ready_db, clock, clerk, checks=ALL_PASS, temperature=19, humidity=52, notes="正常")
    clock.advance(days=30)
    second = inspections.record_inspection(
        ready_db,
        clock,
        clerk,
        checks={**{c.value: True for c in Check}, "pests": False},
        temperature="26.0",
        humidity="66.5",
        notes="  发现蠹虫，已放防虫剂  ",
    )
    assert second.failed == [Check.PESTS] and not second.all_ok
    assert [(w.reading, w.value) for w in second.warnings] == [
        (Reading.TEMPERATURE, Decimal("26.0")),
        (Reading.HUMIDITY, Decimal("66.5")),
    ]
    log = inspections.inspection_log(ready_db, clerk)
    assert [r.id for r in log] == [second.id, second.id - 1]
    assert log[0].notes == "发现蠹虫，已放防虫剂" and log[0].results[Check.PESTS] is False
    assert log[1].temperature_c == Decimal("19.0") and log[1].warnings == ()
    assert inspections.inspection_log(ready_db, clerk, limit=1) == log[:1]
    supervisor = make_actor(ready_db, clock, "super", "supervisor")
    assert len(inspections.inspection_log(ready_db, supervisor)) == 2


def test_a10_an_implausible_reading_or_missing_check_writes_nothing(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    with pytest.raises(InputProblem):
        inspections.record_inspection(ready_db, clock, clerk, checks=ALL_PASS, humidity="101")
    with pytest.raises(InputProblem):
        inspections.record_inspection(ready_db, clock, clerk, checks={Check.FIRE: True})
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 0


def test_a10_only_the_clerk_and_admin_record_inspections(
    ready_db: Database, clock: FakeClock, receptionist: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        inspections.record_inspection(ready_db, clock, receptionist, checks=ALL_PASS)
    with pytest.raises(PermissionDenied):
        inspections.set_inspection_interval(ready_db, receptionist, "1m")
    with pytest.raises(PermissionDenied):
        inspections.inspection_log(ready_db, receptionist)
    admin = make_actor(ready_db, clock, "admin2", "administrator")
    assert inspections.record_inspection(ready_db, clock, admin, checks=ALL_PASS).inspector == "admin2"


# =========================================================================== A14


def test_a14_each_household_gets_one_task_and_starting_twice_changes_nothing(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    rooms = households(
        ready_db, clock, (3, 2, 1502, "张三"), (3, 2, 1501, "李四"), (2, None, 901, "王五"), (2, None, 902, None)
    )
    first = census.start_census(ready_db, clock, clerk)
    assert (first.quarter, first.created, first.total) == (Quarter(2026, 4), 3, 3)
    again = census.start_census(ready_db, clock, clerk, "2026Q4")
    assert (again.created, again.total) == (0, 3)
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(CensusTask)) == 3
        assert rooms["2栋902"] not in set(s.scalars(select(CensusTask.room_id)))
    households(ready_db, clock, (5, 1, 101, "赵六"))
    assert census.start_census(ready_db, clock, clerk).created == 1
    assert census.start_census(ready_db, clock, clerk, Quarter(2026, 3)).created == 4  # a past quarter, caught up
    with pytest.raises(InputProblem):
        census.start_census(ready_db, clock, clerk, "2027Q1")


def test_a14_progress_is_due_in_the_quarter_and_overdue_once_it_has_ended(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    households(ready_db, clock, (1, None, 101, "甲"), (1, None, 102, "乙"), (1, None, 201, "丙"))
    assert census.census_progress(ready_db, clock).status is DUE and not census.census_progress(ready_db, clock).started
    census.start_census(ready_db, clock, clerk)
    tasks = census.census_tasks(ready_db, clock, clerk)
    for task in tasks[:2]:
        census.complete_census_task(ready_db, clock, clerk, task.id)
    progress = census.census_progress(ready_db, clock, "2026Q4")
    assert (progress.done, progress.total, progress.status) == (2, 3, DUE)
    assert [t.id for t in census.census_tasks(ready_db, clock, clerk, open_only=True)] == [tasks[2].id]

    clock.set(at(2026, 12, 31, 23, 59))
    assert census.census_progress(ready_db, clock, "2026Q4").status is DUE
    clock.set(at(2027, 1, 1, 0, 0))
    assert census.census_progress(ready_db, clock, "2026Q4").status is OVERDUE
    assert census.census_progress(ready_db, clock).quarter == Quarter(2027, 1)  # a new quarter, not started
    assert census.census_progress(ready_db, clock).status is DUE
    census.complete_census_task(ready_db, clock, clerk, tasks[2].id)
    done = census.census_progress(ready_db, clock, "2026Q4")
    assert (done.status, done.complete, done.percent) == (OK, True, 100)


def test_a14_census_changes_appear_in_the_owner_history(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    census.start_census(ready_db, clock, clerk)
    (task,) = census.census_tasks(ready_db, clock, clerk)
    assert (task.room_code, task.owner_name, task.phone, task.done) == ("3栋2单元1502", "张三", "13800001502", False)
    clock.advance(days=2, hours=3)
    done = census.complete_census_task(
        ready_db, clock, clerk, task.id, changes={"phone": "13900000002", "address": "市区人民路88号"}, note="电话核实"
    )
    assert (done.done, done.checked_by, done.checked_at, done.note) == (True, "clerk", clock.now(), "电话核实")
    assert done.phone == "13900000002" and done.address == "市区人民路88号"
    assert done.changes == "联系电话：13800001502 → 13900000002；联系地址：（空） → 市区人民路88号"

    assert done.owner_id is not None
    file = owners.owner_file(ready_db, clerk, done.owner_id)
    census_changes = {(h.field, h.old_value, h.new_value) for h in file.history if h.source is ChangeSource.CENSUS}
    assert census_changes == {
        (OwnerField.PHONE, "13800001502", "13900000002"),
        (OwnerField.ADDRESS, "", "市区人民路88号"),
    }
    assert all(h.changed_by == "clerk" and h.changed_at == clock.now() for h in file.history)
    assert {h.room_code for h in file.history} == {"3栋2单元1502"}
    assert rooms["3栋2单元1502"] == done.room_id


def test_a14_nothing_changed_records_no_history_and_a_task_is_done_once(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    households(ready_db, clock, (3, 2, 1502, "张三"))
    census.start_census(ready_db, clock, clerk)
    (task,) = census.census_tasks(ready_db, clock, clerk)
    done = census.complete_census_task(ready_db, clock, clerk, task.id, changes={"phone": " 13800001502 "})
    assert done.changes == "" and done.done
    assert owners.owner_file(ready_db, clerk, done.owner_id or 0).history == []
    with pytest.raises(RuleViolation) as info:
        census.complete_census_task(ready_db, clock, clerk, task.id, note="again")
    assert info.value.rule == "A14"
    with pytest.raises(NotFound):
        census.complete_census_task(ready_db, clock, clerk, 9999)


def test_a14_a_bad_change_leaves_the_task_open(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    households(ready_db, clock, (3, 2, 1502, "张三"))
    census.start_census(ready_db, clock, clerk)
    (task,) = census.census_tasks(ready_db, clock, clerk)
    with pytest.raises(InputProblem):
        census.complete_census_task(ready_db, clock, clerk, task.id, changes={"phone": "139", "shoe_size": "42"})
    again = census.census_task(ready_db, clerk, task.id)
    assert not again.done and again.phone == "13800001502"


def test_a14_tasks_are_listed_in_natural_room_order(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    households(
        ready_db,
        clock,
        (10, None, 101, "甲"),
        (2, None, 1201, "乙"),
        (2, None, 901, "丙"),
        (3, 2, 101, "丁"),
        (3, 1, 201, "戊"),
        (3, 1, 101, "己"),
        (2, None, 902, "庚"),
    )
    census.start_census(ready_db, clock, clerk)
    codes = [t.room_code for t in census.census_tasks(ready_db, clock, clerk)]
    assert codes == ["2栋901", "2栋902", "2栋1201", "3栋1单元101", "3栋2单元101", "3栋1单元201", "10栋101"]
    assert [t.room_code for t in census.census_tasks(ready_db, clock, clerk, limit=2)] == codes[:2]


def test_a14_only_the_clerk_and_admin_run_the_census(ready_db: Database, clock: FakeClock, receptionist: Actor) -> None:
    with pytest.raises(PermissionDenied):
        census.start_census(ready_db, clock, receptionist)
    with pytest.raises(PermissionDenied):
        census.census_tasks(ready_db, clock, receptionist)
    with pytest.raises(PermissionDenied):
        census.complete_census_task(ready_db, clock, receptionist, 1)


# =========================================================================== A15


def test_a15_a_household_is_due_only_once_over_a_month_in_arrears(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    arrears.add_arrear(ready_db, clock, clerk, rooms["3栋2单元1502"], "物业费", "1,230.00", date(2026, 10, 23))
    (household,) = arrears.arrears_households(ready_db, clock, clerk)
    assert household.status is OK and not household.state.under_rule  # a month exactly, not over
    assert arrears.followups_due(ready_db, clock, clerk) == []
    clock.set(at(2026, 11, 24, 0, 0))
    (due,) = arrears.followups_due(ready_db, clock, clerk)
    assert (due.room_code, due.owner_name, due.total, due.status, due.last_followup) == (
        "3栋2单元1502",
        "张三",
        Decimal("1230.00"),
        DUE,
        None,
    )
    clock.set(at(2026, 12, 8, 23, 59))
    assert arrears.followups_due(ready_db, clock, clerk)[0].status is DUE  # 14 days under the rule, still none
    clock.set(at(2026, 12, 9, 0, 0))
    assert arrears.followups_due(ready_db, clock, clerk)[0].status is OVERDUE


def test_a15_a_followup_is_due_again_after_14_days(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    room = rooms["3栋2单元1502"]
    arrears.add_arrear(ready_db, clock, clerk, room, FeeType.WATER, "86.50", date(2026, 9, 1))
    assert arrears.followups_due(ready_db, clock, clerk)[0].status is OVERDUE  # over a month since October
    made = arrears.record_followup(ready_db, clock, clerk, room_id=room, method="电话", said="业主答应月底缴清")
    assert (made.by, made.method, made.followed_at, made.fee_type) == (
        "clerk",
        FollowUpMethod.PHONE,
        clock.now(),
        FeeType.WATER,
    )
    assert arrears.followups_due(ready_db, clock, clerk) == []

    clock.set(at(2026, 12, 6, 23, 59))  # 13 days later
    assert arrears.followups_due(ready_db, clock, clerk) == []
    clock.set(at(2026, 12, 7, 0, 0))  # 14 days later
    (household,) = arrears.followups_due(ready_db, clock, clerk)
    assert (household.status, household.state.due_on, household.state.deadline) == (
        DUE,
        date(2026, 12, 7),
        date(2026, 12, 7),
    )
    assert household.last_followup == made
    clock.set(at(2026, 12, 8, 0, 0))  # 15 days later
    assert arrears.followups_due(ready_db, clock, clerk)[0].status is OVERDUE


def test_a15_the_list_sums_a_household_and_follows_room_order(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    rooms = households(ready_db, clock, (10, None, 101, "甲"), (2, None, 1201, "乙"), (2, None, 901, "丙"))
    for code, fee, amount, since in (
        ("10栋101", "management", "100.00", date(2026, 8, 1)),
        ("2栋1201", "water", "20.50", date(2026, 9, 10)),
        ("2栋1201", "electricity", "30.25", date(2026, 7, 5)),
        ("2栋901", "other", "300", date(2026, 11, 1)),  # not yet a month
    ):
        arrears.add_arrear(ready_db, clock, clerk, rooms[code], fee, amount, since)
    everyone = arrears.arrears_households(ready_db, clock, clerk)
    assert [h.room_code for h in everyone] == ["2栋901", "2栋1201", "10栋101"]
    two = everyone[1]
    assert (two.total, two.oldest_since, two.fee_types) == (
        Decimal("50.75"),
        date(2026, 7, 5),
        (FeeType.ELECTRICITY, FeeType.WATER),
    )
    assert [h.room_code for h in arrears.followups_due(ready_db, clock, clerk)] == ["2栋1201", "10栋101"]

    made = arrears.record_followup(
        ready_db, clock, clerk, room_id=rooms["2栋1201"], said="已发催缴通知", method="notice"
    )
    assert made.arrear_id == two.arrear_ids[0]  # the oldest unsettled one
    history = arrears.followup_history(ready_db, clerk, rooms["2栋1201"])
    assert [(f.method, f.said) for f in history] == [(FollowUpMethod.NOTICE, "已发催缴通知")]


def test_a15_settled_arrears_leave_the_list_and_take_no_followups(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    room = rooms["3栋2单元1502"]
    owed = arrears.add_arrear(
        ready_db, clock, clerk, room, "management", "500", date(2026, 8, 1), note="2026年第三季度"
    )
    with pytest.raises(InputProblem):
        arrears.settle_arrear(ready_db, clock, clerk, owed.id, on=date(2026, 7, 1))  # before it was owed
    with pytest.raises(InputProblem):
        arrears.settle_arrear(ready_db, clock, clerk, owed.id, on=date(2026, 11, 24))  # tomorrow
    paid = arrears.settle_arrear(ready_db, clock, clerk, owed.id)
    assert paid.settled_on == date(2026, 11, 23)
    assert arrears.arrears_households(ready_db, clock, clerk) == []
    with pytest.raises(RuleViolation):
        arrears.settle_arrear(ready_db, clock, clerk, owed.id)
    with pytest.raises(RuleViolation):
        arrears.record_followup(ready_db, clock, clerk, arrear_id=owed.id, said="?")
    with pytest.raises(RuleViolation):
        arrears.record_followup(ready_db, clock, clerk, room_id=room, said="?")
    assert [(a.fee_type, a.amount, a.settled_on, a.note) for a in arrears.room_arrears(ready_db, clerk, room)] == [
        (FeeType.MANAGEMENT, Decimal("500.00"), date(2026, 11, 23), "2026年第三季度")
    ]


def test_a15_followups_before_the_current_debt_do_not_count(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    room = rooms["3栋2单元1502"]
    clock.set(at(2026, 3, 1))
    old = arrears.add_arrear(ready_db, clock, clerk, room, "water", "40", date(2026, 1, 1))
    arrears.record_followup(ready_db, clock, clerk, arrear_id=old.id, said="已缴")
    arrears.settle_arrear(ready_db, clock, clerk, old.id)
    clock.set(at(2026, 11, 23))
    arrears.add_arrear(ready_db, clock, clerk, room, "water", "60", date(2026, 9, 1))
    (household,) = arrears.followups_due(ready_db, clock, clerk)
    assert household.last_followup is not None and household.state.last_followup is None
    assert household.status is OVERDUE  # over a month since 2026-10-02, never followed up since


def test_a15_bad_arrears_and_followups_are_refused(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    room = rooms["3栋2单元1502"]
    with pytest.raises(InputProblem):
        arrears.add_arrear(ready_db, clock, clerk, room, "停车费", "10", date(2026, 10, 1))
    with pytest.raises(InputProblem):
        arrears.add_arrear(ready_db, clock, clerk, room, "water", "0", date(2026, 10, 1))
    with pytest.raises(InputProblem):
        arrears.add_arrear(ready_db, clock, clerk, room, "water", "10", date(2026, 11, 24))  # tomorrow
    with pytest.raises(NotFound):
        arrears.add_arrear(ready_db, clock, clerk, 9999, "water", "10", date(2026, 10, 1))
    owed = arrears.add_arrear(ready_db, clock, clerk, room, "water", "10", date(2026, 10, 1))
    with pytest.raises(InputProblem):
        arrears.record_followup(ready_db, clock, clerk, room_id=room, said="   ")
    with pytest.raises(InputProblem):
        arrears.record_followup(ready_db, clock, clerk, room_id=room, arrear_id=owed.id, said="两个都给了")
    with pytest.raises(InputProblem):
        arrears.record_followup(ready_db, clock, clerk, said="都没给")
    with pytest.raises(InputProblem):
        arrears.record_followup(ready_db, clock, clerk, room_id=room, method="飞鸽传书", said="x")
    with pytest.raises(NotFound):
        arrears.record_followup(ready_db, clock, clerk, arrear_id=9999, said="x")
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(ArrearsFollowUp)) == 0


def test_a15_only_the_clerk_and_admin_record_and_overseers_read(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor
) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    room = rooms["3栋2单元1502"]
    with pytest.raises(PermissionDenied):
        arrears.add_arrear(ready_db, clock, receptionist, room, "water", "10", date(2026, 9, 1))
    owed = arrears.add_arrear(ready_db, clock, clerk, room, "water", "10", date(2026, 9, 1))
    with pytest.raises(PermissionDenied):
        arrears.record_followup(ready_db, clock, receptionist, room_id=room, said="x")
    with pytest.raises(PermissionDenied):
        arrears.settle_arrear(ready_db, clock, receptionist, owed.id)
    with pytest.raises(PermissionDenied):
        arrears.followups_due(ready_db, clock, receptionist)
    manager = make_actor(ready_db, clock, "office", "management_office")
    assert [h.room_code for h in arrears.followups_due(ready_db, clock, manager)] == ["3栋2单元1502"]
    with pytest.raises(PermissionDenied):
        arrears.record_followup(ready_db, clock, manager, room_id=room, said="x")


def test_a15_follow_up_every_two_weeks_over_months_keeps_it_never_overdue(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    rooms = households(ready_db, clock, (3, 2, 1502, "张三"))
    room = rooms["3栋2单元1502"]
    arrears.add_arrear(ready_db, clock, clerk, room, "management", "900", date(2026, 11, 1))
    seen = []
    for _ in range(120):
        clock.advance(days=1)
        due = arrears.followups_due(ready_db, clock, clerk)
        seen.append(due[0].status if due else OK)
        if due:
            arrears.record_followup(ready_db, clock, clerk, room_id=room, said="跟进")
    assert OVERDUE not in seen
    assert seen[: (date(2026, 12, 2) - date(2026, 11, 24)).days] == [OK] * 8  # over a month from 2026-12-02
    made = sorted(office_date(f.followed_at) for f in arrears.followup_history(ready_db, clerk, room))
    assert made == [date(2026, 12, 2) + timedelta(days=14 * k) for k in range(8)]  # 12-02, then every 14 days
    assert seen.count(DUE) == 8
