"""Room codes (房号) and the natural order of owner files (A9)."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.rooms import (
    AmbiguousRoom,
    KnownRooms,
    RoomCode,
    format_room_code,
    natural_key,
    parse_room_code,
    room_readings,
    room_sort_key,
    try_parse_room_code,
)

# --- RoomCode ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("room", "floor"),
    [(1502, 15), (301, 3), (101, 1), (9901, 99), (5, 1), (12, 1), (3304, 33)],
)
def test_floor_is_derived_from_the_room_number(room: int, floor: int) -> None:
    assert RoomCode.of(3, 2, room).floor == floor


def test_floor_that_contradicts_the_room_number_is_refused() -> None:
    with pytest.raises(InputProblem):
        RoomCode(building=3, unit=2, floor=7, room=1502)


def test_room_code_is_frozen() -> None:
    code = RoomCode.of(3, 2, 1502)
    with pytest.raises(AttributeError):
        code.room = 1503  # type: ignore[misc]


# --- parsing the forms the office writes ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3栋2单元1502", RoomCode(3, 2, 15, 1502)),
        ("3-2-1502", RoomCode(3, 2, 15, 1502)),
        ("3号楼1502室", RoomCode(3, None, 15, 1502)),
        ("03-1502", RoomCode(3, None, 15, 1502)),
        ("3栋1502", RoomCode(3, None, 15, 1502)),
        ("3幢2单元1502室", RoomCode(3, 2, 15, 1502)),
        ("3座1502", RoomCode(3, None, 15, 1502)),
        ("3栋2单元0301", RoomCode(3, 2, 3, 301)),
        ("3-2-1502号", RoomCode(3, 2, 15, 1502)),
        ("3栋1502房", RoomCode(3, None, 15, 1502)),
        ("003栋02单元01502室", RoomCode(3, 2, 15, 1502)),
        ("12栋3单元8", RoomCode(12, 3, 1, 8)),
    ],
)
def test_written_forms(text: str, expected: RoomCode) -> None:
    assert parse_room_code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        " 3 栋 2 单元 1502 ",
        "3栋\t2单元\n1502",
        "３栋２单元１５０２",
        "3－2－1502",
        "３－２－１５０２",
        "3—2—1502",
        "3–2–1502",
        "3栋\u30002单元\u30001502",
        "３幢　２单元　１５０２室",
    ],
)
def test_spaces_and_full_width_input(text: str) -> None:
    assert parse_room_code(text) == RoomCode.of(3, 2, 1502)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "3栋",
        "栋1502",
        "3栋2单元",
        "3-2-3-1502",
        "3-",
        "-1502",
        "3楼1502",
        "3栋2单元1502室室",
        "三十十栋1502",
        "十2栋1502",
        "3十栋1502",
        "百三栋1502",
        "3#",
        "3栋2单元15楼1602",
        "3栋2单元100楼02",
        "0栋101",
        "1000栋101",
        "3栋0单元101",
        "3栋100单元101",
        "3栋0",
        "3栋1500",
        "3栋10001",
        "3栋" + "9" * 5000,
        "9" * 5000 + "-101",
        "٣栋١٥٠٢",  # Arabic-Indic digits are not room numbers
    ],
)
def test_bad_input_is_an_input_problem_with_chinese_text(text: str) -> None:
    with pytest.raises(InputProblem) as caught:
        parse_room_code(text)
    assert caught.value.zh
    assert "房号" in caught.value.zh
    assert caught.value.en


def test_unreadable_text_is_quoted_in_both_languages() -> None:
    with pytest.raises(InputProblem) as caught:
        parse_room_code("abc")
    assert "「abc」" in caught.value.zh
    assert "'abc'" in caught.value.en


def test_very_long_text_is_quoted_shortened() -> None:
    with pytest.raises(InputProblem) as caught:
        parse_room_code("x" * 1000)
    assert len(caught.value.zh) < 200


def test_where_is_passed_on() -> None:
    with pytest.raises(InputProblem) as caught:
        parse_room_code("1000栋101", where="业主档案第 3 行")
    assert caught.value.where == "业主档案第 3 行"
    assert "楼栋号" in caught.value.zh
    assert "「1000栋101」" in caught.value.zh  # the text as the user wrote it


def test_try_parse_for_search_as_you_type() -> None:
    assert try_parse_room_code("3栋") is None
    assert try_parse_room_code("3栋2单元") is None
    assert try_parse_room_code("3栋2单元15") == RoomCode.of(3, 2, 15)
    assert try_parse_room_code("3栋2单元1502") == RoomCode.of(3, 2, 1502)


# --- formatting ----------------------------------------------------------------------


def test_canonical_form() -> None:
    assert format_room_code(RoomCode.of(3, 2, 1502)) == "3栋2单元1502"
    assert format_room_code(RoomCode.of(3, None, 301)) == "3栋301"
    assert format_room_code(parse_room_code("03-0301")) == "3栋301"


_room_numbers = st.one_of(
    st.integers(min_value=1, max_value=99),
    st.builds(lambda floor, pos: floor * 100 + pos, st.integers(1, 99), st.integers(1, 99)),
)
room_codes = st.builds(
    RoomCode.of,
    st.integers(min_value=1, max_value=999),
    st.none() | st.integers(min_value=1, max_value=99),
    _room_numbers,
)


@given(room_codes)
def test_format_then_parse_is_the_same_room(code: RoomCode) -> None:
    assert parse_room_code(format_room_code(code)) == code


_office_alphabet = st.sampled_from(list("0123456789０１２３栋幢座号楼层单元室房-－—– 　\t#＃abc三十百两〇零"))


@given(st.text() | st.text(alphabet=_office_alphabet, max_size=20))
def test_parse_raises_nothing_but_input_problem(text: str) -> None:
    try:
        code = parse_room_code(text)
    except InputProblem as problem:
        assert problem.zh
        assert problem.en
    else:
        assert parse_room_code(format_room_code(code)) == code
        assert try_parse_room_code(text) == code


# --- A9: one natural order -----------------------------------------------------------


def test_A9_two_before_ten() -> None:
    codes = [RoomCode.of(10, None, 101), RoomCode.of(2, None, 101)]
    assert sorted(codes, key=room_sort_key) == [RoomCode.of(2, None, 101), RoomCode.of(10, None, 101)]


def test_A9_nine_before_twelve() -> None:
    codes = [RoomCode.of(3, 1, 1201), RoomCode.of(3, 1, 901)]
    assert sorted(codes, key=room_sort_key) == [RoomCode.of(3, 1, 901), RoomCode.of(3, 1, 1201)]


def test_A9_floor_before_unit_and_no_unit_first() -> None:
    codes = [RoomCode.of(3, 1, 201), RoomCode.of(3, 2, 101), RoomCode.of(3, None, 101)]
    assert sorted(codes, key=room_sort_key) == [
        RoomCode.of(3, None, 101),
        RoomCode.of(3, 2, 101),
        RoomCode.of(3, 1, 201),
    ]


@given(st.lists(room_codes, max_size=60))
def test_A9_sort_key_is_the_numeric_order(codes: list[RoomCode]) -> None:
    def numeric(c: RoomCode) -> tuple[int, int, int, int]:
        return (c.building, c.floor, -1 if c.unit is None else c.unit, c.room)

    assert sorted(codes, key=room_sort_key) == sorted(codes, key=numeric)


def test_A9_owner_catalogue_order_of_a_building() -> None:
    expected: list[str] = []
    for building in (2, 3, 10):
        for floor in range(1, 34):
            for unit in range(1, 4):
                for position in range(1, 5):
                    expected.append(f"{building}栋{unit}单元{floor}{position:02d}")
    assert expected[:3] == ["2栋1单元101", "2栋1单元102", "2栋1单元103"]
    assert len(expected) == 3 * 33 * 3 * 4

    written = [text.replace("栋", "-").replace("单元", "-") for text in expected]
    random.Random(9).shuffle(written)
    codes = sorted((parse_room_code(text) for text in written), key=room_sort_key)
    assert [format_room_code(code) for code in codes] == expected


# --- natural_key for free text -------------------------------------------------------


def test_A9_natural_key_two_before_ten() -> None:
    assert sorted(["10栋", "2栋", "1栋"], key=natural_key) == ["1栋", "2栋", "10栋"]
    assert sorted(["9楼", "12楼"], key=natural_key) == ["9楼", "12楼"]
    assert sorted(["A10", "A2", "a1"], key=natural_key) == ["a1", "A2", "A10"]


def test_natural_key_reads_full_width_digits() -> None:
    assert sorted(["１０栋", "2栋", "３栋"], key=natural_key) == ["2栋", "３栋", "１０栋"]


def test_natural_key_takes_huge_numbers_and_mixed_text() -> None:
    items = ["9" * 5000, "1" + "0" * 5000, "", "abc", "3栋", "栋3", "001", "1", "-"]
    ordered = sorted(items, key=natural_key)
    assert ordered.index("9" * 5000) < ordered.index("1" + "0" * 5000)
    assert abs(ordered.index("1") - ordered.index("001")) == 1  # equal numbers side by side


@given(st.integers(min_value=0, max_value=10**30), st.integers(min_value=0, max_value=10**30))
def test_natural_key_follows_numeric_order(a: int, b: int) -> None:
    key_a, key_b = natural_key(f"{a}栋"), natural_key(f"{b}栋")
    assert (key_a < key_b) == (a < b)
    assert (key_a == key_b) == (a == b)


@given(st.text(), st.text(), st.text())
def test_natural_key_is_a_total_order(a: str, b: str, c: str) -> None:
    ka, kb, kc = natural_key(a), natural_key(b), natural_key(c)
    assert sum([ka < kb, ka == kb, ka > kb]) == 1
    assert (ka == kb) == (a == b)
    if ka <= kb and kb <= kc:
        assert ka <= kc


@given(st.lists(st.text(alphabet=_office_alphabet) | st.text(), max_size=30))
def test_natural_key_sorts_any_list(items: list[str]) -> None:
    ordered = sorted(items, key=natural_key)
    keys = [natural_key(item) for item in ordered]
    assert all(x <= y for x, y in itertools.pairwise(keys))


# --- Chinese numerals, 3#楼, and the form that reads two ways (issue 16) ---------------

_CN = "〇一二三四五六七八九"


def _positional(n: int) -> str:
    """n (1–9999) as it is said: 十二, 一百零三, 一千五百零二."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += ("" if unit == "十" and digit == 1 and not out else _CN[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _digit_by_digit(n: int) -> str:
    return "".join(_CN[int(d)] for d in str(n))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三栋二单元1502", RoomCode.of(3, 2, 1502)),
        ("十二栋2单元1502室", RoomCode.of(12, 2, 1502)),
        ("九十九栋1502", RoomCode.of(99, None, 1502)),
        ("两栋两单元301", RoomCode.of(2, 2, 301)),
        ("三栋二单元二〇三", RoomCode.of(3, 2, 203)),
        ("三栋二单元一五零二室", RoomCode.of(3, 2, 1502)),
        ("三栋二单元一千五百零二", RoomCode.of(3, 2, 1502)),
        ("叁栋贰单元1502", RoomCode.of(3, 2, 1502)),
        ("3#1502", RoomCode.of(3, None, 1502)),
        ("3#楼1502", RoomCode.of(3, None, 1502)),
        ("3＃楼2单元1502", RoomCode.of(3, 2, 1502)),
        ("3#楼2-1502", RoomCode.of(3, 2, 1502)),
        ("３＃楼２－１５０２", RoomCode.of(3, 2, 1502)),
        ("3栋2单元15楼02室", RoomCode.of(3, 2, 1502)),
        ("3栋2单元15层1502", RoomCode.of(3, 2, 1502)),
        ("三栋二单元十五楼零二", RoomCode.of(3, 2, 1502)),
    ],
)
def test_issue16_chinese_numerals_and_number_signs_are_read(text: str, expected: RoomCode) -> None:
    assert parse_room_code(text) == expected


@given(room_codes, st.booleans())
def test_issue16_every_canonical_code_in_chinese_numerals_is_the_same_room(code: RoomCode, by_digit: bool) -> None:
    spell = _digit_by_digit if by_digit else _positional
    unit = "" if code.unit is None else f"{spell(code.unit)}单元"
    written = f"{spell(code.building)}栋{unit}{spell(code.room)}"
    assert parse_room_code(written) == code
    assert parse_room_code(f"{code.building}#楼{'' if code.unit is None else f'{code.unit}-'}{code.room}") == code


def test_issue16_0302_2002_reads_two_ways_and_is_never_guessed() -> None:
    assert room_readings("0302-2002") == (RoomCode.of(302, None, 2002), RoomCode.of(3, 2, 2002))
    with pytest.raises(AmbiguousRoom) as caught:
        parse_room_code("0302-2002")
    assert "302栋2002" in caught.value.zh and "3栋2单元2002" in caught.value.zh
    assert "302栋2002" in caught.value.en and "3栋2单元2002" in caught.value.en
    assert try_parse_room_code("0302-2002") is None


def test_issue16_the_reading_that_fits_the_estate_wins() -> None:
    with_unit = KnownRooms({3: {1, 2}, 5: {None}})
    assert parse_room_code("0302-2002", fits=with_unit.fits) == RoomCode.of(3, 2, 2002)
    plain = KnownRooms({302: {None}})
    assert parse_room_code("0302-2002", fits=plain.fits) == RoomCode.of(302, None, 2002)
    neither = KnownRooms({3: {1}, 7: {2}})
    with pytest.raises(AmbiguousRoom):
        parse_room_code("0302-2002", fits=neither.fits)
    both = KnownRooms({3: {2}, 302: {None}})
    with pytest.raises(AmbiguousRoom):
        parse_room_code("0302-2002", fits=both.fits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03-1502", RoomCode.of(3, None, 1502)),  # two digits: a building
        ("302-2002", RoomCode.of(302, None, 2002)),  # three digits: a building
        ("1202-1502", RoomCode.of(12, 2, 1502)),  # no building 1202: only the padded reading is a room
        ("0300-2002", RoomCode.of(300, None, 2002)),  # no unit 00: only the plain reading
        ("0302-02-2002", RoomCode.of(302, 2, 2002)),  # the unit is written: one reading
    ],
)
def test_issue16_other_dashed_forms_read_one_way(text: str, expected: RoomCode) -> None:
    assert room_readings(text) == (expected,)


@given(st.integers(1, 99), st.integers(1, 99), _room_numbers)
def test_issue16_padded_building_unit_is_always_one_of_the_readings(building: int, unit: int, room: int) -> None:
    readings = room_readings(f"{building:02d}{unit:02d}-{room}")
    assert RoomCode.of(building, unit, room) in readings
    if len(readings) == 1:  # unambiguous only when no building has that four-digit number
        assert building * 100 + unit > 999
