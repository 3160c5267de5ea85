"""Issue 20: one reading of a typed or scanned code — a 档号 typed without its "·" is still that 档号."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.archive.numbers import (
    BOX_PATTERN,
    VOLUME_PATTERN,
    NumberingKey,
    barcode_form,
    code_forms,
    format_archive_number,
    normalise_code,
)
from estate_desk.domain.disposal.retention import Retention

NUMBER = "Z001-YZ·2016-Y-0001"


@pytest.mark.parametrize(
    "typed",
    [
        "Z001-YZ-2016-Y-0001",  # the "·" is on no keyboard
        "Z001-YZ.2016-Y-0001",  # a label's barcode carries "."
        "Z001-YZ．2016-Y-0001",
        "Z001-YZ・2016-Y-0001",
        "Z001-YZ･2016-Y-0001",
        "Z001－YZ—2016－Y－0001",
        "Z001-YZ——2016-Y-0001",  # shift-minus under a Chinese input method
        "Z001-YZ。2016-Y-0001",
        "Ｚ００１－ＹＺ－２０１６－Ｙ－０００１",
        "z001-yz-2016-y-0001",
        "  Z001-YZ·2016-Y-0001\t",
        "Z001 - YZ · 2016 - Y - 0001",
        NUMBER,
    ],
)
def test_every_way_of_writing_an_archive_number_reads_as_the_stored_one(typed: str) -> None:
    assert normalise_code(typed) == NUMBER


@pytest.mark.parametrize(
    ("typed", "prefix"),
    [
        ("Z001-YZ-2016-Y-0", "Z001-YZ·2016-Y-0"),
        ("z001-yz-2016-", "Z001-YZ·2016-"),
        ("Z001-YZ-20", "Z001-YZ·20"),
        ("Z001-YZ-", "Z001-YZ·"),
        ("Z001-YZ-2016-D", "Z001-YZ·2016-D"),
    ],
)
def test_the_beginning_of_an_archive_number_reads_as_the_beginning_of_the_stored_one(typed: str, prefix: str) -> None:
    assert normalise_code(typed) == prefix


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("z001-yz-2016-h001", "Z001-YZ-2016-H001"),
        ("Z001-YZ·2016-H001", "Z001-YZ-2016-H001"),
        ("Ｚ００１－ＹＺ－２０１６－Ｊ００３", "Z001-YZ-2016-J003"),
        ("Z001-YZ-2016-H", "Z001-YZ-2016-H"),
    ],
)
def test_box_and_volume_codes_are_read_the_same_way(typed: str, code: str) -> None:
    assert normalise_code(typed) == code


@pytest.mark.parametrize(
    "text",
    ["张三", "zhang san", "zs", "Z001", "3-2-1502", "138-0013-8000", "Z001-YZ·2016-X-0001", NUMBER + "-2", "JY000012"],
)
def test_what_has_no_code_shape_is_not_a_code(text: str) -> None:
    assert normalise_code(text) is None


def test_an_office_pattern_decides_where_the_dot_goes() -> None:
    pattern = "{fonds}·{year}-{category}-{item:05d}"
    assert normalise_code("z001-2016-yz-00007", pattern) == "Z001·2016-YZ-00007"
    assert normalise_code("Z001-YZ-2016-Y-0001", pattern) is None
    chinese = "{fonds}-业主·{year}-{item:04d}"
    assert normalise_code("z001-业主-2016-0003", chinese) == "Z001-业主·2016-0003"


def test_the_lookup_forms_are_the_reading_and_the_text_as_typed() -> None:
    assert code_forms(" z001-yz-2016-y-0001 ") == [NUMBER, "z001-yz-2016-y-0001"]
    assert code_forms(NUMBER) == [NUMBER]
    assert code_forms("NOPE-0000") == ["NOPE-0000"]
    assert code_forms("   ") == []


# ---- the property: every canonical number, in any of its variants, reads back as itself -----------

_DASHES = ["-", "－", "—", "–", "−", "﹣", "——"]
_DOTS = ["·", ".", "．", "・", "･", "。", "-", "－", "—"]
_retentions = st.one_of(st.just(Retention.permanent()), st.integers(1, 999).map(lambda n: Retention(n)))
_keys = st.builds(
    NumberingKey,
    fonds=st.from_regex(r"[A-Z0-9]{1,20}", fullmatch=True),
    category=st.from_regex(r"[A-Z]{2}[A-Z0-9]{0,4}", fullmatch=True),
    year=st.integers(1000, 9999),
    retention=_retentions,
)


def _wide(ch: str) -> str:
    return chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch


@st.composite
def _written(draw: st.DrawFn, canonical: str) -> str:
    """``canonical`` as someone might type it: other separators, full-width, lower case, spaces around."""
    out = []
    for ch in canonical:
        if ch == "·":
            out.append(draw(st.sampled_from(_DOTS)))
        elif ch == "-":
            out.append(draw(st.sampled_from(_DASHES)))
        else:
            ch = draw(st.sampled_from([ch, ch.lower()]))
            out.append(draw(st.sampled_from([ch, _wide(ch)])))
    space = st.sampled_from(["", " ", "  ", "\u3000", "\t"])
    return draw(space) + "".join(out) + draw(space)


@given(data=st.data(), key=_keys, item=st.integers(1, 99999))
def test_property_every_canonical_number_in_any_variant_reads_back_as_itself(
    data: st.DataObject, key: NumberingKey, item: int
) -> None:
    number = format_archive_number(key, item)
    assert normalise_code(number) == number  # a fixed point
    assert normalise_code(data.draw(_written(number))) == number
    assert normalise_code(barcode_form(number) or "") == number
    cut = data.draw(st.integers(number.index("-") + 1, len(number)))
    assert normalise_code(data.draw(_written(number[:cut]))) == number[:cut]  # and every beginning of it


@given(data=st.data(), key=_keys, number=st.integers(1, 999), volume=st.booleans())
def test_property_box_and_volume_codes_in_any_variant_read_back_as_themselves(
    data: st.DataObject, key: NumberingKey, number: int, volume: bool
) -> None:
    code = (VOLUME_PATTERN if volume else BOX_PATTERN).format(
        fonds=key.fonds, category=key.category, year=key.year, number=number
    )
    assert normalise_code(code) == code
    assert normalise_code(data.draw(_written(code))) == code


@given(st.text(max_size=40))
def test_property_a_reading_is_a_fixed_point(text: str) -> None:
    once = normalise_code(text)
    if once is not None:
        assert normalise_code(once) == once
        assert once == unicodedata.normalize("NFKC", once) and once == once.strip()
