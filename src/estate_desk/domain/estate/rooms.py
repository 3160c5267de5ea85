"""Room codes (房号) and the one natural order of owner files (A9).

A room is written many ways at the service centre: ``3栋2单元1502``, ``3-2-1502``,
``3号楼1502室``, ``03-1502``, ``3幢2单元1502室``, ``3座1502``, ``3#楼2-1502``, ``三栋二单元1502``,
``十二栋2单元15楼02室``, with full-width digits and dashes, Chinese numerals, spaces and leading
zeros. :func:`parse_room_code` reads all of them into a :class:`RoomCode`; :func:`format_room_code`
writes the one canonical form ``3栋2单元1502``.

One form fits two rooms: ``0302-2002`` is building 302, room 2002 — or 03栋02单元2002, the way
many offices pad building and unit to two digits each. :func:`room_readings` gives both;
:func:`parse_room_code` picks the one that fits the buildings and units the estate already has
(``fits``), and otherwise refuses the text as ambiguous (:class:`AmbiguousRoom`), naming both. It
never guesses, so a mistyped roster cannot create a building that does not exist.

Owner files are ordered by building (栋), floor (楼层), room (房间), numerically — 2栋
before 10栋, 9楼 before 12楼 — using :func:`room_sort_key`. Free text (box labels, names
with numbers) is ordered with :func:`natural_key`.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.numerals import with_ascii_digits

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

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
        "＃": "#",  # U+FF03 full-width number sign: 3＃楼
    }
)
_SPACE = re.compile(r"\s+")
# A number as written, leading zeros included (0302-2002 needs them); its size is checked after.
_NUM = r"([0-9]+)"
_SUFFIX = r"(?:室|号|房)?"
_BUILDING_MARK = r"(?:栋|幢|座|号楼|#楼|#)"
# 3栋2单元1502, 3#楼2-1502, 3栋2单元15楼02, 3号楼1502室
_WRITTEN = re.compile(rf"{_NUM}{_BUILDING_MARK}(?:{_NUM}(?:单元|-))?(?:{_NUM}(?:楼|层))?{_NUM}{_SUFFIX}")
_DASHED = re.compile(rf"{_NUM}-(?:{_NUM}-)?{_NUM}{_SUFFIX}")
_DIGITS = re.compile(r"[0-9]+")
_FORMS_ZH = "请按「3栋2单元1502」「3-2-1502」「3号楼1502室」「三栋二单元1502」等格式填写"
_FORMS_EN = "write it like 3栋2单元1502, 3-2-1502, 3号楼1502室 or 三栋二单元1502"
_HUGE = 10**9  # what a number of more than nine digits counts as: out of every range, never int()-ed


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


def _number(digits: str) -> int:
    """A digit group's value; one of more than nine digits (after leading zeros) counts as huge."""
    significant = digits.lstrip("0")
    return int(significant or "0") if len(significant) <= 9 else _HUGE


class AmbiguousRoom(InputProblem):
    """A room code two rooms fit (``0302-2002``): 302栋2002 or 3栋2单元2002. ``readings`` holds both."""

    def __init__(self, text: str, readings: tuple[RoomCode, ...], *, where: str | None = None) -> None:
        self.readings = readings
        zh = "或".join(f"「{format_room_code(r)}」" for r in readings)
        en = " or ".join(format_room_code(r) for r in readings)
        super().__init__(
            zh=f"房号「{_quote(text)}」有两种读法：{zh}，按小区现有的楼栋和单元无法判定，"
            f"请写明楼栋和单元（如「{format_room_code(readings[-1])}」）",
            en=f"The room code '{_quote(text)}' reads two ways: {en}; the estate's buildings and units do not "
            f"tell which, so write building and unit out (like {format_room_code(readings[-1])})",
            where=where,
        )


@dataclass(frozen=True)
class KnownRooms:
    """The buildings an estate has and the units in each (``None`` for rooms without a unit).

    What :func:`parse_room_code` checks the readings of an ambiguous code against.
    """

    units: Mapping[int, Collection[int | None]]

    def fits(self, code: RoomCode) -> bool:
        """Whether the estate has this room's building, and the unit in it (a building still empty fits any)."""
        units = self.units.get(code.building)
        return units is not None and (not units or code.unit in units)


def _checked(building: int, unit: int | None, room: int, text: str, where: str | None) -> RoomCode:
    _check_numbers(building, unit, room, _quote(text), where)
    return RoomCode.of(building, unit, room)


def _with_floor(floor_digits: str | None, room: int, text: str, where: str | None) -> int:
    """The room number a written floor gives: 15楼02 → 1502; 15楼1502 must agree (1502 is on floor 15)."""
    if floor_digits is None:
        return room
    floor = _number(floor_digits)
    if not 1 <= floor <= 99:
        raise InputProblem(
            zh=f"房号「{_quote(text)}」的楼层应在 1–99 之间",
            en=f"Room code '{_quote(text)}': the floor must be 1–99",
            where=where,
        )
    if room < 100:
        return floor * 100 + room
    if derive_floor(room) != floor:
        raise InputProblem(
            zh=f"房号「{_quote(text)}」写的是 {floor} 楼，房间号 {room} 却在 {derive_floor(room)} 楼",
            en=f"Room code '{_quote(text)}' says floor {floor}, but room {room} is on floor {derive_floor(room)}",
            where=where,
        )
    return room


def room_readings(text: str, *, where: str | None = None) -> tuple[RoomCode, ...]:
    """Every room ``text`` can mean: one for nearly every form, two for ``0302-2002``.

    Accepted: ``3栋2单元1502``, ``3-2-1502``, ``3号楼1502室``, ``03-1502`` (building-room),
    ``3栋1502``, ``3幢2单元1502室``, ``3座1502``, ``3#1502``, ``3#楼2-1502``, ``3栋2单元15楼02``;
    Chinese numerals (``三栋二单元1502``, ``十二栋``, ``两单元``, ``二〇三``), spaces anywhere,
    full-width digits, dashes and ＃, leading zeros and a trailing 室/号/房.

    A building-room form whose building is written in four digits (``0302-2002``) also reads as
    two digits of building and two of unit (03栋02单元2002): both readings that are valid rooms
    are returned, the plain one first. Anything that is no room raises :class:`InputProblem`
    quoting the text — never any other exception.
    """
    cleaned = _SPACE.sub("", text.translate(_NORMALISE))
    if not cleaned:
        raise InputProblem(zh="房号不能为空", en="The room code is empty", where=where)
    ascii_text = with_ascii_digits(cleaned)
    written = None if ascii_text is None else _WRITTEN.fullmatch(ascii_text)
    dashed = None if ascii_text is None or written else _DASHED.fullmatch(ascii_text)
    if written is not None:
        building, unit, floor, room = written.groups()
        number = _with_floor(floor, _number(room), text, where)
        return (_checked(_number(building), None if unit is None else _number(unit), number, text, where),)
    if dashed is None:
        raise InputProblem(
            zh=f"无法识别房号「{_quote(text)}」，{_FORMS_ZH}",
            en=f"Cannot read the room code '{_quote(text)}': {_FORMS_EN}",
            where=where,
        )
    building, unit, room = dashed.groups()
    plain: RoomCode | InputProblem
    try:
        plain = _checked(_number(building), None if unit is None else _number(unit), _number(room), text, where)
    except InputProblem as exc:
        plain = exc
    readings = [] if isinstance(plain, InputProblem) else [plain]
    if unit is None and len(building) == 4:  # 0302-2002: 03栋02单元2002 too
        with contextlib.suppress(InputProblem):  # 0300-2002 has no unit 00: the plain reading only
            readings.append(_checked(_number(building[:2]), _number(building[2:]), _number(room), text, where))
    if not readings:
        assert isinstance(plain, InputProblem)
        raise plain
    return tuple(readings)


def parse_room_code(text: str, *, where: str | None = None, fits: Callable[[RoomCode], bool] | None = None) -> RoomCode:
    """Read a room code as the office writes it (the forms of :func:`room_readings`).

    A code that reads two ways is the reading that ``fits`` the estate (see :class:`KnownRooms`)
    when exactly one does; otherwise it is refused with :class:`AmbiguousRoom`, naming both.
    """
    readings = room_readings(text, where=where)
    if len(readings) == 1:
        return readings[0]
    fitting = [r for r in readings if fits(r)] if fits is not None else []
    if len(fitting) == 1:
        return fitting[0]
    raise AmbiguousRoom(text, readings, where=where)


def try_parse_room_code(text: str) -> RoomCode | None:
    """The room code in ``text``, or ``None`` while it is not one yet (search-as-you-type) or reads two ways."""
    try:
        return parse_room_code(text)
    except InputProblem:
        return None


def reads_as_room(text: str) -> bool:
    """Whether ``text`` is a room code in some reading (``0302-2002`` is, though which room needs the estate)."""
    try:
        room_readings(text)
    except InputProblem:
        return False
    return True


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
