"""Resident ID numbers as GB 11643-1999 writes them: upper-case X, and the ISO 7064 MOD 11-2 check (issue 16)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.estate.id_numbers import (
    id_check_character,
    id_number_warning,
    is_resident_id,
    normalise_id_number,
)


@pytest.mark.parametrize(
    ("first17", "check"),
    [
        ("11010519491231002", "X"),  # the standard's own example
        ("44052418800101001", "4"),
        ("11010119900101123", "7"),
    ],
)
def test_check_character_by_iso_7064_mod_11_2(first17: str, check: str) -> None:
    assert id_check_character(first17) == check


def test_check_character_needs_17_digits() -> None:
    for bad in (
        "",
        "1101051949123100",
        "110105194912310021",
        "1101051949123100x",
        "１１０１０５１９４９１２３１００２",
    ):
        with pytest.raises(ValueError, match="17 digits"):
            id_check_character(bad)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("11010519491231002x", "11010519491231002X"),
        (" 11010519491231002X ", "11010519491231002X"),
        ("110105 19491231 002x", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        ("E12345678", "E12345678"),  # a passport: kept as typed
        ("91310000x", "91310000x"),  # not a resident ID: kept as typed
        ("", ""),
    ],
)
def test_an_id_number_is_stored_as_gb_11643_writes_it(typed: str, stored: str) -> None:
    assert normalise_id_number(typed) == stored


def test_a_wrong_check_character_warns_in_both_languages() -> None:
    assert id_number_warning("11010519491231002X") is None
    warning = id_number_warning("110105194912310021")
    assert warning is not None
    zh, en = warning
    assert "校验码" in zh and "「X」" in zh
    assert "check character X" in en
    assert id_number_warning("E12345678") is None  # no check character to check


_SEVENTEEN = st.text(alphabet="0123456789", min_size=17, max_size=17)


@given(_SEVENTEEN)
def test_exactly_one_check_character_passes(first17: str) -> None:
    right = id_check_character(first17)
    assert id_number_warning(first17 + right) is None
    for other in "0123456789X":
        if other != right:
            assert id_number_warning(first17 + other) is not None


@given(_SEVENTEEN)
def test_a_lower_case_x_reads_as_the_upper_case_one(first17: str) -> None:
    stored = normalise_id_number(first17 + "x")
    assert stored == first17 + "X" and is_resident_id(stored)
    assert normalise_id_number(stored) == stored


@given(_SEVENTEEN, st.integers(0, 16), st.integers(1, 9))
def test_every_single_digit_slip_is_caught(first17: str, position: int, shift: int) -> None:
    number = first17 + id_check_character(first17)
    slipped = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert id_number_warning(slipped) is not None
