"""The owner roster's pure rules (A2): header guesses, cells, row checks and the report."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.rooms import KnownRooms, RoomCode
from estate_desk.domain.estate.roster import (
    EXPORT_HEADERS,
    ColumnMapping,
    Field,
    Problem,
    RosterRow,
    check_row,
    check_rows,
    column_letter,
    guess_field,
    guess_mapping,
    problem_header,
)
from estate_desk.domain.estate.roster_cells import (
    cell_text,
    excel_serial,
    normalise_name,
    owner_kind,
    parse_area,
    parse_date,
    parse_phone,
    strip_number_suffix,
)
from estate_desk.domain.estate.roster_report import ImportReport, PlannedChange

HEADERS = ("楼栋", "单元", "房号", "业主姓名", "联系电话", "入住日期", "面积", "身份证号", "联系地址")
MAPPING = guess_mapping(HEADERS)

# --- headers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("楼栋", Field.BUILDING),
        ("栋号", Field.BUILDING),
        ("楼号", Field.BUILDING),
        ("单元", Field.UNIT),
        ("房号", Field.ROOM),
        ("房间号", Field.ROOM),
        ("室号", Field.ROOM),
        ("房间", Field.ROOM_CODE),
        ("房屋", Field.ROOM_CODE),
        ("房屋编号", Field.ROOM_CODE),
        ("房号全称", Field.ROOM_CODE),
        ("业主姓名", Field.OWNER_NAME),
        ("业主", Field.OWNER_NAME),
        ("姓名", Field.OWNER_NAME),
        ("联系电话", Field.PHONE),
        ("电话", Field.PHONE),
        ("手机", Field.PHONE),
        ("手机号", Field.PHONE),
        ("入住日期", Field.MOVE_IN),
        ("入住时间", Field.MOVE_IN),
        ("面积", Field.AREA),
        ("建筑面积", Field.AREA),
        ("证件号", Field.ID_NUMBER),
        ("身份证号", Field.ID_NUMBER),
        ("地址", Field.ADDRESS),
        ("联系地址", Field.ADDRESS),
        # as offices really type them
        (" 业主姓名 ", Field.OWNER_NAME),
        ("*业主姓名", Field.OWNER_NAME),
        ("联系电话（手机）", Field.PHONE),
        ("建筑面积(㎡)", Field.AREA),
        ("建筑面积（m²）", Field.AREA),
        ("入住日期：", Field.MOVE_IN),
        ("业 主 姓 名", Field.OWNER_NAME),
        ("Owner Name", Field.OWNER_NAME),
        ("move-in date", Field.MOVE_IN),
        ("room_code", Field.ROOM_CODE),
        ("Phone", Field.PHONE),
    ],
)
def test_a2_common_headers_are_guessed(header: str, field: Field) -> None:
    assert guess_field(header) is field


@pytest.mark.parametrize("header", ["", "序号", "备注", "车位", "交房日期", "面积差"])
def test_a2_unknown_headers_are_not_guessed(header: str) -> None:
    assert guess_field(header) is None


def test_a2_export_headers_are_all_guessed_back() -> None:
    mapping = guess_mapping([h for _, h in EXPORT_HEADERS])
    assert {f: mapping.column(f) for f, _ in EXPORT_HEADERS} == {f: i for i, (f, _) in enumerate(EXPORT_HEADERS)}
    assert mapping.missing() == []


def test_a2_the_first_column_wins_and_unknown_columns_stay_unmapped() -> None:
    mapping = guess_mapping(["序号", "业主姓名", "姓名", "房间", "备注"])
    assert dict(mapping.columns) == {Field.OWNER_NAME: 1, Field.ROOM_CODE: 3}


def test_a2_a_lone_room_column_holds_whole_codes() -> None:
    assert dict(guess_mapping(["房号", "业主"]).columns) == {Field.ROOM_CODE: 0, Field.OWNER_NAME: 1}
    assert dict(guess_mapping(["楼栋", "房号", "业主"]).columns) == {
        Field.BUILDING: 0,
        Field.ROOM: 1,
        Field.OWNER_NAME: 2,
    }


def test_a2_the_clerk_overrides_a_guess() -> None:
    mapping = guess_mapping(["楼", "房", "户名", "电话"])
    assert mapping.missing() == [Field.OWNER_NAME, Field.BUILDING, Field.ROOM]
    mapping = mapping.with_column(Field.BUILDING, 0).with_column(Field.ROOM, 1).with_column(Field.OWNER_NAME, 2)
    assert mapping.missing() == []
    assert mapping.header(Field.OWNER_NAME) == "户名"
    # one column holds one field: mapping column 3 to the name takes it from the phone
    moved = mapping.with_column(Field.OWNER_NAME, 3)
    assert moved.column(Field.PHONE) is None and moved.column(Field.OWNER_NAME) == 3
    assert mapping.with_column(Field.PHONE, None).column(Field.PHONE) is None
    with pytest.raises(InputProblem):
        mapping.with_column(Field.AREA, 4)


def test_a2_a_missing_required_column_is_named_with_the_headers_found() -> None:
    with pytest.raises(InputProblem) as info:
        guess_mapping(["楼栋", "房号", "电话"]).require(where="x.csv")
    assert "业主姓名" in info.value.zh and "楼栋、房号、电话" in info.value.zh
    assert "Owner name" in info.value.en and info.value.where == "x.csv"
    with pytest.raises(InputProblem) as info:
        guess_mapping(["业主姓名", "单元"]).require()
    assert "楼栋" in info.value.zh and "房号" in info.value.zh
    guess_mapping(["房屋编号", "业主姓名"]).require()


def test_blank_header_is_named_by_its_column_letter() -> None:
    mapping = ColumnMapping(("业主", ""), {Field.OWNER_NAME: 0, Field.ROOM_CODE: 1})
    assert mapping.header(Field.ROOM_CODE) == "B"
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


# --- dates --------------------------------------------------------------------------

OCT_9 = date(2023, 10, 9)


@pytest.mark.parametrize(
    "value",
    [
        "2023-10-09",
        "2023/10/9",
        "2023.10.9",
        "2023年10月9日",
        "2023年10月9号",
        "2023 年 10 月 9 日",
        "２０２３年１０月９日",
        "2023-10-09 00:00:00",
        "2023/10/9 14:30",
        "20231009",
        "45208",
        "45208.0",
        45208,
        45208.0,
        45208.75,
        Decimal(45208),
        datetime(2023, 10, 9),
        datetime(2023, 10, 9, 18, 5),
        OCT_9,
    ],
)
def test_a2_dates_in_mixed_formats_are_read(value: object) -> None:
    assert parse_date(value) == OCT_9  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        *("10/9/2023", "23-10-9", "2023-10", "2023-02-30", "2023-13-01", "下周", "", "1899-12-31", "2101-01-01"),
        *(5, 60, -1, 10**9, float("nan"), True, time(9, 0), None),
    ],
)
def test_a2_unreadable_dates_are_refused_with_the_value_quoted(value: object) -> None:
    with pytest.raises(InputProblem) as info:
        parse_date(value)  # type: ignore[arg-type]
    assert cell_text(value) in info.value.zh  # type: ignore[arg-type]


def test_a2_a_date_that_does_not_exist_says_why() -> None:
    with pytest.raises(InputProblem) as info:
        parse_date("2023-02-30")
    assert "2 月没有 30 日" in info.value.zh
    with pytest.raises(InputProblem) as info:
        parse_date("2023/13/9")
    assert "没有 13 月" in info.value.zh


ROSTER_DAYS = st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31))
FORMS = (
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}{d.month:02d}{d.day:02d}",
    lambda d: f"{d.year}-{d.month}-{d.day} 08:15:00",
    lambda d: f"{d.year}年{d.month}月{d.day}日".translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
)


@given(ROSTER_DAYS, st.sampled_from(FORMS))
def test_a2_every_written_form_of_a_day_reads_back_as_that_day(day: date, form) -> None:  # type: ignore[no-untyped-def]
    assert parse_date(form(day)) == day


@given(ROSTER_DAYS, st.floats(min_value=0, max_value=0.999))
def test_a2_excel_serials_read_back_as_the_day(day: date, fraction: float) -> None:
    serial = excel_serial(day)
    assert parse_date(serial) == day
    assert parse_date(str(serial)) == day
    assert parse_date(serial + fraction) == day
    assert parse_date(datetime.combine(day, time(23, 59))) == day


def test_excel_serial_matches_excel() -> None:
    assert excel_serial(date(2023, 10, 9)) == 45208
    assert excel_serial(date(1900, 3, 1)) == 61


@given(st.text(max_size=30))
def test_a2_the_date_reader_refuses_garbage_only_with_input_problem(text: str) -> None:
    with contextlib.suppress(InputProblem):
        parse_date(text)


# --- phones, areas, names, cells -----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "phone"),
    [
        ("13812345678", "13812345678"),
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("138 1234 5678", "138 1234 5678"),
        ("138  1234\t5678", "138 1234 5678"),
        ("0571-88886666", "0571-88886666"),
        ("+86 138 1234 5678", "+86 138 1234 5678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("8888666", "8888666"),
        ("", ""),
        (None, ""),
    ],
)
def test_a2_phones_are_read(value: object, phone: str) -> None:
    assert parse_phone(value) == phone  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["12ab", "138", "123456", "138-1234-5678-9999-0000", "13812345678/13987654321", "--"])
def test_a2_bad_phones_are_refused(value: str) -> None:
    with pytest.raises(InputProblem) as info:
        parse_phone(value)
    assert value in info.value.zh


@pytest.mark.parametrize(
    ("value", "area"),
    [
        ("89.5", Decimal("89.50")),
        (89.5, Decimal("89.50")),
        (105, Decimal("105.00")),
        ("89.5㎡", Decimal("89.50")),
        ("89.5 m²", Decimal("89.50")),
        ("126平方米", Decimal("126.00")),
        ("126平米", Decimal("126.00")),
        ("143.456", Decimal("143.46")),
        ("", None),
        (None, None),
    ],
)
def test_a2_areas_are_positive_numbers(value: object, area: Decimal | None) -> None:
    assert parse_area(value) == area  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["-89", "0", "abc", "NaN", "inf", "1e9", -5.0, "89..5"])
def test_a2_bad_areas_are_refused(value: object) -> None:
    with pytest.raises(InputProblem):
        parse_area(value)  # type: ignore[arg-type]


def test_names_cells_and_numbers_are_tidied() -> None:
    assert normalise_name("  王  堃 ") == "王堃"
    assert normalise_name("John  Smith") == "John Smith"
    assert normalise_name("𠮷 野家") == "𠮷野家"
    assert [strip_number_suffix(t) for t in ("3号楼", "3栋", "2单元", "１５０２室", " 7 ")] == [
        "3",
        "3",
        "2",
        "1502",
        "7",
    ]
    assert owner_kind("翠湖商贸有限公司") == "company" and owner_kind("王堃") == "person"
    assert [cell_text(v) for v in (None, " x ", 3, 3.0, 3.5, datetime(2023, 1, 2), date(2023, 1, 2), True)] == [
        "",
        "x",
        "3",
        "3",
        "3.5",
        "2023-01-02",
        "2023-01-02",
        "TRUE",
    ]
    assert cell_text(datetime(2023, 1, 2, 9, 30)) == "2023-01-02 09:30"


# --- rows ----------------------------------------------------------------------------


def row(**values: object) -> list[object]:
    cells: list[object] = [None] * len(HEADERS)
    for key, value in values.items():
        cells[HEADERS.index(key)] = value
    return cells


GOOD = {
    "楼栋": "3",
    "单元": "2",
    "房号": "1502",
    "业主姓名": "王堃",
    "联系电话": "13812345678",
    "入住日期": "2023/10/9",
}


def test_a2_a_good_row_combines_building_unit_and_room() -> None:
    result = check_row(2, row(**GOOD, 面积="89.5", 身份证号="110101199001011237", 联系地址="翠湖苑3栋"), MAPPING)
    assert result == RosterRow(
        2,
        RoomCode.of(3, 2, 1502),
        "王堃",
        "13812345678",
        OCT_9,
        Decimal("89.50"),
        "110101199001011237",
        "翠湖苑3栋",
    )
    assert isinstance(result, RosterRow) and result.room_code == "3栋2单元1502"


@pytest.mark.parametrize(
    ("building", "unit", "room", "code"),
    [("3栋", "2单元", "1502室", "3栋2单元1502"), ("03", "", "0301", "3栋301"), (12, 3, 3304, "12栋3单元3304")],
)
def test_a2_building_unit_room_cells_as_offices_write_them(
    building: object, unit: object, room: object, code: str
) -> None:
    result = check_row(5, row(**{**GOOD, "楼栋": building, "单元": unit, "房号": room}), MAPPING)
    assert isinstance(result, RosterRow) and result.room_code == code


def test_a2_a_whole_room_code_column() -> None:
    mapping = guess_mapping(["房屋编号", "业主姓名"])
    for written in ("3栋2单元1502", "3-2-1502", "３栋２单元１５０２室"):
        result = check_row(2, [written, "王堃"], mapping)
        assert isinstance(result, RosterRow) and result.room_code == "3栋2单元1502"
    assert check_row(7, ["3栋2单元15a02", "王堃"], mapping) == [
        Problem(
            7,
            "房屋编号",
            "3栋2单元15a02",
            "无法识别房号「3栋2单元15a02」，请按「3栋2单元1502」「3-2-1502」「3号楼1502室」「三栋二单元1502」等格式填写",
            "Cannot read the room code '3栋2单元15a02': write it like 3栋2单元1502, 3-2-1502, 3号楼1502室 "
            "or 三栋二单元1502",
        )
    ]


def test_a2_whole_code_and_parts_must_agree() -> None:
    mapping = guess_mapping(["房屋编号", "楼栋", "房号", "业主"])
    assert isinstance(check_row(2, ["3栋1502", "3", "1502", "王堃"], mapping), RosterRow)
    problems = check_row(2, ["3栋1502", "4", "1502", "王堃"], mapping)
    assert isinstance(problems, list) and [(p.column, "不一致" in p.message_zh) for p in problems] == [
        ("房屋编号", True)
    ]


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"房号": "15a02"}, "房号"),
        ({"房号": "1500"}, "房号"),
        ({"房号": ""}, "房号"),
        ({"楼栋": "A"}, "楼栋"),
        ({"楼栋": "0"}, "楼栋"),
        ({"楼栋": "1000"}, "楼栋"),
        ({"楼栋": "9" * 5000}, "楼栋"),
        ({"房号": "٣٠١"}, "房号"),
        ({"单元": "100"}, "单元"),
        ({"单元": "十十"}, "单元"),
        ({"楼栋": "3十"}, "楼栋"),
        ({"业主姓名": ""}, "业主姓名"),
        ({"联系电话": "12ab"}, "联系电话"),
        ({"入住日期": "2023-13-45"}, "入住日期"),
        ({"入住日期": "10/9/2023"}, "入住日期"),
        ({"面积": "-89"}, "面积"),
        ({"业主姓名": "王" * 121}, "业主姓名"),
        ({"身份证号": "1" * 41}, "身份证号"),
        ({"联系地址": "路" * 201}, "联系地址"),
    ],
)
def test_a2_each_bad_cell_is_reported_at_its_row_and_column(change: dict[str, str], column: str) -> None:
    values = {**GOOD, **change}
    problems = check_row(17, row(**values), MAPPING)
    assert isinstance(problems, list)
    assert [(p.row, p.column) for p in problems] == [(17, column)]
    assert problems[0].message_zh and problems[0].message_en


def test_a2_every_problem_of_a_row_is_reported_at_once() -> None:
    problems = check_row(9, row(楼栋="3", 房号="15a02", 联系电话="138", 入住日期="x", 面积="-1"), MAPPING)
    assert isinstance(problems, list)
    assert [p.column for p in problems] == ["房号", "业主姓名", "联系电话", "入住日期", "面积"]
    assert "联系电话、入住日期" in problems[1].message_zh


def test_a2_a_row_naming_only_a_room_registers_the_room() -> None:
    result = check_row(3, row(楼栋="3", 单元="2", 房号="1502", 面积="89.5"), MAPPING)
    assert isinstance(result, RosterRow) and result.owner_name == "" and result.area_m2 == Decimal("89.50")


def test_a2_rows_blank_duplicate_excluded() -> None:
    rows = [
        (2, row(**GOOD)),
        (3, row()),  # blank: skipped, never a problem
        (4, row(**{**GOOD, "房号": "1501"})),
        (5, row(**GOOD)),  # the same owner and room again
        (6, row(**{**GOOD, "业主姓名": "李喆"})),  # another owner for the same room
        (7, row(**{**GOOD, "房号": "x"})),  # excluded, so not even read
        (8, [" ", None, ""]),
    ]
    good, problems = check_rows(rows, MAPPING, exclude={7})
    assert [r.row for r in good] == [2, 4]
    assert [(p.row, p.column, p.value) for p in problems] == [(5, "房号", "3栋2单元1502"), (6, "房号", "3栋2单元1502")]
    assert "与第 2 行重复" in problems[0].message_zh
    assert "王堃" in problems[1].message_zh and "row 2" in problems[1].message_en
    # excluding the first of a pair leaves the second alone
    good, problems = check_rows(rows, MAPPING, exclude={2, 6, 7})
    assert [r.row for r in good] == [4, 5] and problems == []


@given(st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats()), max_size=len(HEADERS)))
def test_a2_any_row_gives_a_roster_row_or_problems_never_a_crash(cells: list[object]) -> None:
    result = check_row(2, cells, MAPPING)  # type: ignore[arg-type]
    assert isinstance(result, RosterRow) or all(isinstance(p, Problem) and p.row == 2 for p in result)


# --- the report ----------------------------------------------------------------------


def test_a2_report_lines_give_row_column_value_problem_in_the_language() -> None:
    problem = Problem(5, "联系电话", "12ab", "电话号码无效", "Bad phone")
    assert problem.line("zh") == "5\t联系电话\t12ab\t电话号码无效"
    assert problem.line("en") == "5\t联系电话\t12ab\tBad phone"
    report = ImportReport("名册.csv", rows_total=3, rows_ok=2, problems=[problem])
    assert report.lines("en") == [problem_header("en"), problem.line("en"), report.summary("en")]
    assert "nothing was written" in report.summary("en") and "未写入任何数据" in report.summary("zh")
    change = PlannedChange(2, "3栋2单元1502", "王堃", Field.PHONE, "", "13812345678")
    done = ImportReport("名册.csv", rows_total=1, rows_ok=1, changes=[change], written=True)
    assert done.lines("zh") == ["2\t3栋2单元1502\t王堃\t联系电话: — → 13812345678", done.summary("zh")]
    assert "已全部写入" in done.summary("zh")
    assert "Dry run" in ImportReport("x", dry_run=True).summary("en")


# --- issue 16: the building/unit/room cells as offices write them ----------------------------


@pytest.mark.parametrize(
    ("building", "unit", "room", "code"),
    [
        ("三栋", "二单元", "1502", "3栋2单元1502"),
        ("十二栋", "2", "1502室", "12栋2单元1502"),
        ("3#", "2", "1502", "3栋2单元1502"),
        ("3#楼", "2单元", "1502", "3栋2单元1502"),
        ("3＃", "两单元", "一五〇二", "3栋2单元1502"),
        ("九十九栋", "", "二〇三室", "99栋203"),
        ("０３栋", "０２", "０３０１", "3栋2单元301"),
        (3, 2, 1502, "3栋2单元1502"),  # numbers from Excel
    ],
)
def test_issue16_cells_in_chinese_numerals_and_with_number_signs_are_read(
    building: object, unit: object, room: object, code: str
) -> None:
    result = check_row(2, row(**{**GOOD, "楼栋": building, "单元": unit, "房号": room}), MAPPING)
    assert isinstance(result, RosterRow) and result.room_code == code


def test_issue16_a_whole_code_that_reads_two_ways_names_both_unless_the_estate_settles_it() -> None:
    mapping = guess_mapping(["房屋编号", "业主姓名"])
    problems = check_row(4, ["0302-2002", "黄磊"], mapping)
    assert isinstance(problems, list) and [(p.row, p.column, p.value) for p in problems] == [
        (4, "房屋编号", "0302-2002")
    ]
    assert "302栋2002" in problems[0].message_zh and "3栋2单元2002" in problems[0].message_zh
    settled = check_row(4, ["0302-2002", "黄磊"], mapping, KnownRooms({3: frozenset({1, 2})}))
    assert isinstance(settled, RosterRow) and settled.room_code == "3栋2单元2002"


def test_issue16_id_numbers_upper_case_x_and_a_wrong_check_character_is_a_notice_not_a_problem() -> None:
    right = check_row(2, row(**GOOD, 身份证号="11010519491231002x"), MAPPING)
    assert isinstance(right, RosterRow) and right.id_number == "11010519491231002X" and right.notices == ()
    wrong = check_row(2, row(**GOOD, 身份证号="110105194912310021"), MAPPING)
    assert isinstance(wrong, RosterRow) and wrong.id_number == "110105194912310021"
    assert [(n.row, n.column, n.value) for n in wrong.notices] == [(2, "身份证号", "110105194912310021")]
    assert wrong.notices[0].message("zh").startswith("提示：")
