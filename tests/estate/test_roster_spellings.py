"""Every way an office writes a room, read right or refused — never mis-stored (issue 16, A2, A9).

A realistic roster, as GBK CSV and as .xlsx: eleven good rows spelling their rooms the ways offices
do (三栋, 十二栋, 3#楼, 3＃, 二〇三, full-width digits, 0302-2002 …) and a few bad ones. Each good row
must land on its room, and the one search service (the window's field, ``estate-desk search``) must
find each owner by six written forms of the room.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from test_roster_import import counts, write_csv, write_xlsx

from estate_desk.domain.estate.roster import Notice
from estate_desk.services.archive import search
from estate_desk.services.archive.search import HitKind
from estate_desk.services.estate import buildings as estate
from estate_desk.services.estate import roster
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

HEADERS = ["楼栋", "单元", "房号", "房屋编号", "业主姓名", "联系电话", "身份证号", "入住日期"]
# 楼栋, 单元, 房号 | the whole code | owner, phone, ID number, move-in — and the room each good row means
GOOD: list[tuple[list[str], str]] = [
    (["三栋", "二单元", "1502", "", "王堃", "+86 138-0013-8000", "11010519491231002x", "2019-05-01"], "3栋2单元1502"),
    (["十二栋", "2", "1502室", "", "李娜", "138 0013 8001", "110105194912310021", "2019/5/2"], "12栋2单元1502"),
    (["", "", "", "3#楼2-1501", "张伟", "0086 13800138002", "", "2019.5.3"], "3栋2单元1501"),
    (["", "", "", "5＃301", "刘芳", "86-138-0013-8003", "", "2019年5月4日"], "5栋301"),
    (["3#楼", "一单元", "二〇三", "", "陈静", "13800138004", "", ""], "3栋1单元203"),
    (["", "", "", "十二栋二单元十五楼零三室", "杨洋", "13800138005", "", ""], "12栋2单元1503"),
    (["", "", "", "0302-2002", "黄磊", "13800138006", "", ""], "3栋2单元2002"),
    (["", "", "", "１２栋２单元１５０４", "赵敏", "13800138007", "", ""], "12栋2单元1504"),
    (["二栋", "1", "101", "", "吴勇", "13800138008", "", ""], "2栋1单元101"),
    (["", "", "", "12-2-1505", "周杰", "13800138009", "", ""], "12栋2单元1505"),
    (["二十栋", "3单元", "0601", "", "徐子涵", "13800138010", "", ""], "20栋3单元601"),
]
# the bad rows, and the column each is reported at
BAD: list[tuple[list[str], str]] = [
    (["", "", "", "3栋2单元15a02", "孙晓明", "13800138011", "", ""], "房屋编号"),  # no room
    (["三十十栋", "1", "101", "", "马婧", "13800138012", "", ""], "楼栋"),  # no number
    (["", "", "", "0305-101", "朱玥", "13800138013", "", ""], "房屋编号"),  # 305栋101 or 3栋5单元101
    (["4栋", "1", "101", "", "胡喆", "12ab", "", ""], "联系电话"),
]
BAD_ROWS = {len(GOOD) + 2 + i: column for i, (_, column) in enumerate(BAD)}  # sheet rows after the good ones


def _rows(as_excel: bool) -> list[list[object]]:
    rows: list[list[object]] = [list(cells) for cells, _ in GOOD] + [list(cells) for cells, _ in BAD]
    if as_excel:  # Excel keeps a typed 1 as a number, and a date as a date
        rows[8][1] = 1
        rows[0][7] = date(2019, 5, 1)
    return rows


@pytest.fixture(params=["gbk.csv", "xlsx"])
def roster_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "xlsx":
        return write_xlsx(tmp_path / "业主名册.xlsx", _rows(True), HEADERS)
    return write_csv(tmp_path / "业主名册.csv", _rows(False), "gbk", HEADERS)


def _estate_with_building_3(db: Database) -> None:
    """An estate whose building 3 has units 1 and 2 (and no building 5, 12, 20, 302 or 305)."""
    with db.session() as s:
        building = estate.ensure_building(s, 3, 33)
        estate.add_room(s, building, 1, 101)
        estate.add_room(s, building, 2, 101)


def _six_forms(code: str) -> list[str]:
    """Six ways the office writes the room ``code`` (canonical): dashed, 3#楼, Chinese numerals, full-width …"""
    building, rest = code.split("栋")
    unit, room = rest.split("单元") if "单元" in rest else ("", rest)
    chinese = "〇一二三四五六七八九"

    def spoken(n: str) -> str:  # 12 → 十二, 20 → 二十, 3 → 三
        tens, ones = divmod(int(n), 10)
        return ("" if tens == 0 else ("" if tens == 1 else chinese[tens]) + "十") + ("" if ones == 0 else chinese[ones])

    by_digit = "".join(chinese[int(d)] for d in room)
    full_width = code.translate({ord(str(d)): chr(0xFF10 + d) for d in range(10)})
    if unit:
        return [
            f"{building}-{unit}-{room}",
            f"{building}#楼{unit}-{room}",
            f"{spoken(building)}栋{spoken(unit)}单元{by_digit}",
            f"{building}号楼{unit}单元{room}室",
            full_width,
            f"0{building}栋0{unit}单元{room}室",
        ]
    return [
        f"{building}-{room}",
        f"{building}#{room}",
        f"{spoken(building)}栋{by_digit}",
        f"{building}号楼{room}室",
        full_width,
        f"0{building}栋{room}号",
    ]


def test_issue16_every_good_row_lands_on_its_room_and_is_found_by_six_forms_of_it(
    roster_file: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _estate_with_building_3(ready_db)
    before = counts(ready_db)

    report = roster.import_roster(ready_db, clock, clerk, roster_file)
    assert sorted((p.row, p.column) for p in report.problems) == sorted(BAD_ROWS.items())
    ambiguous = next(p for p in report.problems if p.value == "0305-101")
    for message in (ambiguous.message_zh, ambiguous.message_en):
        assert "305栋101" in message and "3栋5单元101" in message
    assert not report.written and counts(ready_db) == before  # all or nothing: nothing

    report = roster.import_roster(ready_db, clock, clerk, roster_file, exclude_rows=BAD_ROWS)
    assert report.problems == [] and report.written and report.rows_ok == len(GOOD)
    # a building the import creates is listed, once, at the row that first names it; building 3 is not new
    new = [n for n in report.notices if "新建楼栋" in n.message_zh]
    assert [(n.row, n.value) for n in new] == [
        (3, "12栋2单元1502"),
        (5, "5栋301"),
        (10, "2栋1单元101"),
        (12, "20栋3单元601"),
    ]
    assert report.new_buildings == 4
    assert all(isinstance(n, Notice) for n in report.notices)
    assert any("新建楼栋「20栋」" in line for line in report.lines("zh"))
    assert any("Creates building 20栋" in line for line in report.lines("en"))

    with ready_db.session() as s:
        landed = dict(
            s.execute(
                select(Owner.name, Room.code)
                .join(Ownership, Ownership.owner_id == Owner.id)
                .join(Room, Room.id == Ownership.room_id)
            ).all()
        )
        assert sorted(s.scalars(select(Building.number))) == [2, 3, 5, 12, 20]  # no building 302, none by guess
    assert landed == {cells[4]: code for cells, code in GOOD}

    for cells, code in GOOD:
        for form in _six_forms(code):
            hits = search.search(ready_db, clerk, form)
            rooms = [h for h in hits if h.kind is HitKind.ROOM and h.title == code]
            assert rooms and cells[4] in rooms[0].detail, (form, code, hits)

    again = roster.import_roster(ready_db, clock, clerk, roster_file, exclude_rows=BAD_ROWS)
    assert again.written and again.changes == [] and again.unchanged == len(GOOD)
    assert (again.new_buildings, again.new_rooms, again.new_owners, again.new_ownerships) == (0, 0, 0, 0)
    assert not [n for n in again.notices if "新建楼栋" in n.message_zh]


def test_issue16_id_numbers_are_stored_with_an_upper_case_x_and_a_wrong_check_digit_warns(
    roster_file: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _estate_with_building_3(ready_db)
    report = roster.import_roster(ready_db, clock, clerk, roster_file, exclude_rows=BAD_ROWS)
    assert report.written
    warned = [n for n in report.notices if n.column == "身份证号"]
    assert [(n.row, n.value) for n in warned] == [(3, "110105194912310021")]  # 李娜's: should end in X
    assert "X" in warned[0].message_zh and "X" in warned[0].message_en
    with ready_db.session() as s:
        ids = dict(s.execute(select(Owner.name, Owner.id_number)).all())
    assert ids["王堃"] == "11010519491231002X"  # typed with a lower-case x
    assert ids["李娜"] == "110105194912310021"  # kept as written, with the warning


def test_issue16_an_owner_is_found_by_the_phone_in_any_written_form(
    roster_file: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _estate_with_building_3(ready_db)
    assert roster.import_roster(ready_db, clock, clerk, roster_file, exclude_rows=BAD_ROWS).written
    with ready_db.session() as s:
        phones = dict(s.execute(select(Owner.name, Owner.phone)).all())
    assert phones["王堃"] == "+86 138-0013-8000"  # what was typed is kept
    for typed in ("13800138000", "+86 138-0013-8000", "0086 13800138000", "86-138-0013-8000", "138 0013 8000"):
        owners = [h.title for h in search.search(ready_db, clerk, typed) if h.kind is HitKind.OWNER]
        assert owners == ["王堃"], typed
    for typed, name in (("13800138003", "刘芳"), ("138-0013-8002", "张伟"), ("+8613800138001", "李娜")):
        assert [h.title for h in search.search(ready_db, clerk, typed) if h.kind is HitKind.OWNER] == [name]


def test_issue16_a_phone_typed_another_way_is_no_change_and_no_conflict(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    first = write_csv(tmp_path / "a.csv", [["3", "1", "101", "", "王堃", "+86 138-0013-8000", "", ""]], "gbk", HEADERS)
    assert roster.import_roster(ready_db, clock, clerk, first).written
    retyped = [
        ["3", "1", "101", "", "王堃", "138 0013 8000", "", ""],
        ["3", "1", "102", "", "王堃", "13800138000", "", ""],  # the same owner again, same number
    ]
    second = write_csv(tmp_path / "b.csv", retyped, "gbk", HEADERS)
    report = roster.validate(ready_db, clerk, second)
    assert report.problems == [] and report.changes == []


def test_issue16_0302_2002_is_ambiguous_on_an_estate_without_building_3_or_302(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    rows = [["", "", "", "0302-2002", "黄磊", "13800138006", "", ""], ["1", "1", "101", "", "吴勇", "", "", ""]]
    path = write_csv(tmp_path / "名册.csv", rows, "gbk", HEADERS)
    before = counts(ready_db)
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert [(p.row, p.column, p.value) for p in report.problems] == [(2, "房屋编号", "0302-2002")]
    for message in (report.problems[0].message_zh, report.problems[0].message_en):
        assert "302栋2002" in message and "3栋2单元2002" in message
    assert not report.written and counts(ready_db) == before

    with ready_db.session() as s:  # once building 3 has a unit 2, the form means 3栋2单元2002
        estate.add_room(s, estate.ensure_building(s, 3, 20), 2, 101)
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert report.problems == [] and report.written
    with ready_db.session() as s:
        assert s.scalar(select(Room.code).where(Room.code.like("%2002"))) == "3栋2单元2002"
        assert 302 not in set(s.scalars(select(Building.number)))


def test_issue16_0302_2002_is_building_302_where_the_estate_has_building_302(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    with ready_db.session() as s:
        estate.add_room(s, estate.ensure_building(s, 302, 20), None, 101)
    path = write_csv(tmp_path / "名册.csv", [["", "", "", "0302-2002", "黄磊", "", "", ""]], "gbk", HEADERS)
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert report.problems == [] and report.written and report.notices == []
    with ready_db.session() as s:
        assert s.scalar(select(Room.code).where(Room.number == 2002)) == "302栋2002"
