"""Resident ID numbers (居民身份证号码) as GB 11643-1999 writes them, with their check digit.

An 18-character ID number is 17 digits and a check character computed over them by
ISO 7064 MOD 11-2; a check value of 10 is written as the Roman numeral ``X`` — upper case.
Rosters carry lower-case ``x``, full-width digits and stray spaces: :func:`normalise_id_number`
writes the number the standard's way, and :func:`id_number_warning` says when the check
character does not match (a typing slip, most often), which the import reports without refusing
the row: the office may hold a document it cannot correct on the spot. Anything that is not an
18-character resident ID (a passport, a company's credit code, an old 15-digit card) is kept as
typed, apart from the spaces and full-width forms.
"""

from __future__ import annotations

import re
import unicodedata

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_CHECK = "10X98765432"  # check character by (sum of weighted digits) mod 11
_RESIDENT_ID = re.compile(r"[0-9]{17}[0-9X]")
_SPACES = re.compile(r"\s+")


def id_check_character(first17: str) -> str:
    """The check character of 17 digits by ISO 7064 MOD 11-2: ``11010519491231002`` → ``X``."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"17 digits expected, got {first17!r}")
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def normalise_id_number(text: str) -> str:
    """An ID number as stored: trimmed, full-width forms and inner spaces gone, and an 18-character
    resident ID's check character upper-case (``…123x`` → ``…123X``); anything else as typed."""
    compact = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    candidate = compact.upper()
    return candidate if _RESIDENT_ID.fullmatch(candidate) else text.strip()


def is_resident_id(number: str) -> bool:
    """Whether ``number`` (normalised) has the form of an 18-character resident ID."""
    return _RESIDENT_ID.fullmatch(number) is not None


def id_number_warning(number: str) -> tuple[str, str] | None:
    """(zh, en) when ``number`` (normalised) is a resident ID whose check character is wrong, else None."""
    if not is_resident_id(number):
        return None
    expected = id_check_character(number[:17])
    if number[17] == expected:
        return None
    return (
        f"身份证号「{number}」的校验码应为「{expected}」，而不是「{number[17]}」，请核对证件（已照录）",
        f"The ID number {number} should end in check character {expected}, not {number[17]}; "
        "check the card (kept as written)",
    )
