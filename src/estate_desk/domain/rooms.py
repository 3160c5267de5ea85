"""Room codes (房号) and the one natural order of owner files (A9).

A room is written many ways at the service centre: ``3栋2单元1502``, ``3-2-1502``,
``3号楼1502室``, ``03-1502``, ``3幢2单元1502室``, ``3座1502``, with full-width digits and
dashes, spaces and leading zeros. :func:`parse_room_code` reads all of them into a
:class:`RoomCode`; :func:`format_room_code` writes the one canonical form ``3栋2单元1502``.

Owner files are ordered by building (栋), floor (楼层), room (房间), numerically — 2栋
before 10栋, 9楼 before 12楼 — using :func:`room_sort_key`. Free text (box labels, names
with numbers) is ordered with :func:`natural_key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from estate_desk.domain.errors import InputProblem

MAX_BUILDING = 999
MAX_UNIT = 99
MAX_ROOM = 9999  # floors 1–99, up to 99 rooms a floor

# Full-width digits, full-width and typographic hyphens/dashes, and the ideographic space.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "－": "-",  # U+FF0D full-width hyphen-minus
        "‐": "-",  # U+2010 hyphen
        "‑": "-",  # U+2011 non-breaking hyphen
        "‒": "-",  # U+2012 figure dash
        "–": "-",  # U+2013 en dash
        "—": "-",  # U+2014 em dash
        "―": "-",  # U+2015 horizontal bar
        "−": "-",  # U+2212 minus sign
        "﹣": "-",  # U+FE63 small hyphen-minus
        "ー": "-",  # U+30FC, typed by Japanese-style IMEs for a dash
        "\u3000": " ",
    }
)
_SPACE = re.compile(r"\s+")
# Digit groups are bounded so int() never meets an absurdly long string.
_NUM = r"0*([0-9]{1,9})"
_SUFFIX = r"(?:室|号|房)?"
_WRITTEN = re.compile(rf"{_NUM}(?:栋|幢|座|号楼)(?:{_NUM}单元)?{_NUM}{_SUFFIX}")
_DASHED = re.compile(rf"{_NUM}-(?:{_NUM}-)?{_NUM}{_SUFFIX}")
_DIGITS = re.compile(r"[0-9]+")
_FORMS_ZH = "请按「3栋2单元1502」「3-2-1502」「3号楼1502室」等格式填写"
_FORMS_EN = "write it like 3栋2单元1502, 3-2-1502 or 3号楼1502室"


def derive_floor(room: int) -> int:
    """The floor a room number says it is on: 1502 → 15, 301 → 3; 1–2 digit rooms are on floor 1."""
    return room // 100 if room >= 100 else 1


@dataclass(frozen=True)
class RoomCode:
    """A room (房号): building (栋), unit (单元, ``None`` where the building has none),
    floor (楼层, derived from the room number) and the room number as written (1502).

    Construction checks that the numbers are in range and that ``floor`` matches the
    room number; build one with :meth:`RoomCode.of` to have the floor derived.
    """

    building: int
    unit: int | None
    floor: int
    room: int

    def __post_init__(self) -> None:
        _check_numbers(self.building, self.unit, self.room, _describe(self.building, self.unit, self.room))
        if self.floor != derive_floor(self.room):
            text = _describe(self.building, self.unit, self.room)
            raise InputProblem(
                zh=f"房号「{text}」的楼层 {self.floor} 与房间号不符（应为 {derive_floor(self.room)}）",
                en=f"Room code '{text}': floor {self.floor} does not match the room number "
                f"(expected {derive_floor(self.room)})",
            )

    @classmethod
    def of(cls, building: int, unit: int | None, room: int) -> RoomCode:
        """The room with its floor derived from the room number."""
        return cls(building=building, unit=unit, floor=derive_floor(room), room=room)


def _check_numbers(building: int, unit: int | None, room: int, text: str, where: str | None = None) -> None:
    """Refuse absurd numbers, quoting ``text`` (what the user wrote, or the canonical form)."""
    if not 1 <= building <= MAX_BUILDING:
        raise InputProblem(
            zh=f"房号「{text}」的楼栋号应在 1–{MAX_BUILDING} 之间",
            en=f"Room code '{text}': the building number must be 1–{MAX_BUILDING}",
            where=where,
        )
    if unit is not None and not 1 <= unit <= MAX_UNIT:
        raise InputProblem(
            zh=f"房号「{text}」的单元号应在 1–{MAX_UNIT} 之间",
            en=f"Room code '{text}': the unit number must be 1–{MAX_UNIT}",
            where=where,
        )
    if not 1 <= room <= MAX_ROOM or (room >= 100 and room % 100 == 0):
        raise InputProblem(
            zh=f"房号「{text}」的房间号无效（应为 1–{MAX_ROOM}，且末两位不为 00）",
            en=f"Room code '{text}': the room number must be 1–{MAX_ROOM} and not end in 00",
            where=where,
        )


def _describe(building: int, unit: int | None, room: int) -> str:
    return f"{building}栋{'' if unit is None else f'{unit}单元'}{room}"


def _quote(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_room_code(text: str, *, where: str | None = None) -> RoomCode:
    """Read a room code as the office writes it.

    Accepted: ``3栋2单元1502``, ``3-2-1502``, ``3号楼1502室``, ``03-1502`` (building-room),
    ``3栋1502``, ``3幢2单元1502室``, ``3座1502``; spaces anywhere, full-width digits and
    dashes, leading zeros and a trailing 室/号/房. Anything else raises
    :class:`InputProblem` quoting the text — never any other exception.
    """
    cleaned = _SPACE.sub("", text.translate(_NORMALISE))
    if not cleaned:
        raise InputProblem(zh="房号不能为空", en="The room code is empty", where=where)
    match = _WRITTEN.fullmatch(cleaned) or _DASHED.fullmatch(cleaned)
    if match is None:
        raise InputProblem(
            zh=f"无法识别房号「{_quote(text)}」，{_FORMS_ZH}",
            en=f"Cannot read the room code '{_quote(text)}': {_FORMS_EN}",
            where=where,
        )
    building_text, unit_text, room_text = match.groups()
    building, room = int(building_text), int(room_text)
    unit = None if unit_text is None else int(unit_text)
    _check_numbers(building, unit, room, _quote(text), where)
    return RoomCode.of(building, unit, room)


def try_parse_room_code(text: str) -> RoomCode | None:
    """The room code in ``text``, or ``None`` while it is not one yet (search-as-you-type)."""
    try:
        return parse_room_code(text)
    except InputProblem:
        return None


def format_room_code(code: RoomCode) -> str:
    """The canonical form ``3栋2单元1502`` (``3栋1502`` without a unit)."""
    return _describe(code.building, code.unit, code.room)


def room_sort_key(code: RoomCode) -> tuple[int, int, int, int, int]:
    """The one order of owner files (A9): building → floor → unit → room, all numerically.

    So 2栋 comes before 10栋 and 9楼 before 12楼. Within one floor of a building the
    units follow in order (rooms without a unit first), then the room numbers:
    3栋1单元101, 3栋1单元102, …, 3栋2单元101, …, 3栋3单元104, 3栋1单元201, …
    Any subset (one unit, one box) sorted with this key is still in A9 order.
    The key is ``(building, floor, 0 or 1 for no unit/unit, unit or 0, room)``.
    """
    has_unit = 0 if code.unit is None else 1
    return (code.building, code.floor, has_unit, code.unit or 0, code.room)


def natural_key(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """A total, natural sort key for free text: "2栋" < "10栋", "A2" < "A10".

    Full-width digits count as digits. The text is cut into runs of digits and of other
    characters; a digit run compares by its numeric value (by length once leading zeros
    are dropped, so arbitrarily long numbers are fine), other runs compare case-folded,
    and digit runs sort before text. Every run is a triple ``(kind, length, text)`` of the
    same types, so keys of any two strings compare; ties ("A01" vs "A1") fall back to the
    text itself, so different strings never get equal keys.

    For room codes use :func:`room_sort_key`: it puts the floor before the unit.
    """
    normalised = text.translate(_NORMALISE)
    parts: list[tuple[int, int, str]] = []
    position = 0
    for run in _DIGITS.finditer(normalised):
        if run.start() > position:
            parts.append((1, 0, normalised[position : run.start()].casefold()))
        digits = run.group().lstrip("0")
        parts.append((0, len(digits), digits))
        position = run.end()
    if position < len(normalised):
        parts.append((1, 0, normalised[position:].casefold()))
    return (tuple(parts), text)
