"""Phone numbers: one normalised form for search and duplicate checks, whatever was typed (issue 16)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.estate.phones import phone_digits


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138-0013-8000",
        "+86 13800138000",
        "+8613800138000",
        "0086 13800138000",
        "0086-138-0013-8000",
        "86-138-0013-8000",
        "86 138 0013 8000",
        "8613800138000",
        "(86) 138 0013 8000",
        "＋８６　１３８００１３８０００",
    ],
)
def test_every_way_of_typing_a_mobile_number_is_the_same_digits(typed: str) -> None:
    assert phone_digits(typed) == "13800138000"


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("010-12345678", "01012345678"),
        ("+86 10 1234 5678", "01012345678"),  # the trunk 0 comes back: as dialled at home
        ("0086-21-87654321", "02187654321"),
        ("87654321", "87654321"),  # a local number has no country code to remove
        ("", ""),
        (None, ""),
    ],
)
def test_fixed_lines_and_blanks(typed: str | None, digits: str) -> None:
    assert phone_digits(typed) == digits


@given(st.integers(10**10, 2 * 10**10 - 1), st.sampled_from(["", "+86 ", "0086", "86-", "+86-"]), st.booleans())
def test_a_mobile_number_with_any_prefix_and_separators_is_its_digits(number: int, prefix: str, spaced: bool) -> None:
    digits = str(number)
    written = f"{digits[:3]} {digits[3:7]}-{digits[7:]}" if spaced else digits
    assert phone_digits(prefix + written) == digits
