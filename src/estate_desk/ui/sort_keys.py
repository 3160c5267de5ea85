"""The order a clerk expects when a list is sorted by a column (点击表头排序), without Qt or a database.

Numbers sort as numbers, also inside text ("9 页" before "12 页", room "3-902" before "3-1502"),
dates and times in time order, Chinese by its pinyin (张 among the z's), other text case-folded,
and empty cells last whichever way the list is sorted. The sort is stable.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

_PARTS = re.compile(r"(\d+(?:\.\d+)?)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # ¥2,460.00 is one number
_HAN = re.compile(r"[\u3400-\u9fff]")
NUMBER, TEXT = 0, 1  # a number part sorts before a text part at the same place ("3" before "A")
TIME_KIND, VALUE_KIND = 0, 1


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@lru_cache(maxsize=100_000)
def _text_key(text: str) -> tuple[str, str]:
    """Chinese by pinyin (without tones), other text case-folded; the text itself breaks ties."""
    if _HAN.search(text):
        from pypinyin import Style, lazy_pinyin  # its dictionaries take half a second to load: not at start-up

        return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default")).casefold(), text
    return text.casefold(), text


@lru_cache(maxsize=100_000)
def _natural(text: str) -> tuple[tuple[int, Any], ...]:
    parts: list[tuple[int, Any]] = []
    for n, piece in enumerate(_PARTS.split(_THOUSANDS.sub("", text.strip()))):
        if not piece:
            continue
        if n % 2:
            parts.append((NUMBER, float(piece) if "." in piece else int(piece)))
        else:
            parts.append((TEXT, _text_key(piece)))
    return tuple(parts)


def natural_key(value: Any) -> tuple[int, Any]:
    """The sort key of one non-empty cell (see the module docstring)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return TIME_KIND, value.timestamp()
        return TIME_KIND, value.toordinal() * 86400.0 + _seconds(value.time())
    if isinstance(value, date):
        return TIME_KIND, value.toordinal() * 86400.0
    if isinstance(value, time):
        return TIME_KIND, _seconds(value)
    if isinstance(value, (bool, int, float, Decimal)):
        return VALUE_KIND, ((NUMBER, value),)
    return VALUE_KIND, _natural(str(value))


def _seconds(moment: time) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6


def sorted_positions(values: Sequence[Any], descending: bool = False) -> list[int]:
    """The positions of ``values`` in sorted order: stable, empty cells last in both orders."""
    filled = [n for n, v in enumerate(values) if not is_empty(v)]
    empty = [n for n, v in enumerate(values) if is_empty(v)]
    try:
        keys = {n: natural_key(values[n]) for n in filled}
        ordered = sorted(filled, key=keys.__getitem__, reverse=descending)
    except TypeError:  # a column mixing kinds that do not compare (a time and a text): compare the text
        texts = {n: natural_key(str(values[n])) for n in filled}
        ordered = sorted(filled, key=texts.__getitem__, reverse=descending)
    return ordered + empty  # ``reverse`` keeps equal keys in their first order: stable both ways
