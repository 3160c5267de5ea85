"""The owner roster (业主名册) as offices keep it in Excel: columns, cells and row checks (A2).

A roster arrives with whatever headers the office typed — 楼栋, 单元, 房号, 业主姓名, 联系电话,
入住日期, 面积 … — in any order. :func:`guess_mapping` reads the headers into a
:class:`ColumnMapping` that the clerk may correct; :func:`check_rows` then reads every row into
a :class:`RosterRow` or into :class:`Problem` entries that say where the trouble is, with row
numbers as Excel shows them (the header is row 1). Nothing here touches a database or a file.
Reading single cells (dates in mixed formats, phones, areas) lives in
:mod:`estate_desk.domain.estate.roster_cells`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.id_numbers import id_number_warning, normalise_id_number
from estate_desk.domain.estate.rooms import (
    MAX_BUILDING,
    MAX_UNIT,
    KnownRooms,
    RoomCode,
    format_room_code,
    parse_room_code,
)
from estate_desk.domain.estate.roster_cells import (
    Cell,
    cell_text,
    check_text,
    normalise_name,
    number_in_cell,
    parse_area,
    parse_date,
    parse_phone,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
    from datetime import date
    from decimal import Decimal

T = TypeVar("T")


class Field(StrEnum):
    """What a roster column holds."""

    BUILDING = "building"  # 楼栋
    UNIT = "unit"  # 单元
    ROOM = "room"  # 房号 (1502)
    ROOM_CODE = "room_code"  # the whole code in one cell: 3栋2单元1502
    OWNER_NAME = "owner_name"  # 业主姓名
    PHONE = "phone"  # 联系电话
    MOVE_IN = "move_in"  # 入住日期
    AREA = "area_m2"  # 面积 (m²)
    ID_NUMBER = "id_number"  # 证件号
    ADDRESS = "address"  # 联系地址

    def label(self, lang: str = "zh") -> str:
        zh, en = _LABELS[self]
        return zh if lang.startswith("zh") else en


_LABELS = {
    Field.BUILDING: ("楼栋", "Building"),
    Field.UNIT: ("单元", "Unit"),
    Field.ROOM: ("房号", "Room"),
    Field.ROOM_CODE: ("房间", "Room code"),
    Field.OWNER_NAME: ("业主姓名", "Owner name"),
    Field.PHONE: ("联系电话", "Phone"),
    Field.MOVE_IN: ("入住日期", "Move-in date"),
    Field.AREA: ("建筑面积", "Area (m²)"),
    Field.ID_NUMBER: ("证件号", "ID number"),
    Field.ADDRESS: ("联系地址", "Address"),
}

EXPORT_HEADERS: tuple[tuple[Field, str], ...] = (
    (Field.BUILDING, "楼栋"),
    (Field.UNIT, "单元"),
    (Field.ROOM, "房号"),
    (Field.OWNER_NAME, "业主姓名"),
    (Field.PHONE, "联系电话"),
    (Field.MOVE_IN, "入住日期"),
    (Field.AREA, "建筑面积"),
    (Field.ID_NUMBER, "证件号"),
    (Field.ADDRESS, "联系地址"),
)
"""The columns an exported roster has, in order; every header is one :func:`guess_field` knows."""

_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.BUILDING: ("楼栋", "栋号", "楼号", "栋", "楼栋号", "幢号", "楼宇", "building", "bldg"),
    Field.UNIT: ("单元", "单元号", "unit"),
    Field.ROOM: ("房号", "房间号", "室号", "room", "roomno", "roomnumber"),
    Field.ROOM_CODE: ("房间", "房屋", "房屋编号", "房号全称", "房间编号", "房屋号", "roomcode"),
    Field.OWNER_NAME: ("业主姓名", "业主", "姓名", "业主名称", "户主", "户主姓名", "owner", "ownername", "name"),
    Field.PHONE: ("联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "phone", "mobile", "tel"),
    Field.MOVE_IN: ("入住日期", "入住时间", "movein", "moveindate"),
    Field.AREA: ("面积", "建筑面积", "房屋面积", "area", "aream2"),
    Field.ID_NUMBER: ("证件号", "身份证号", "身份证号码", "证件号码", "身份证", "idnumber", "id"),
    Field.ADDRESS: ("地址", "联系地址", "通讯地址", "address"),
}
_BY_HEADER = {word: f for f, words in _SYNONYMS.items() for word in words}
_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|【.*?】")
_NOISE = re.compile(r"[\s_\-*:：.#]+")

OWNER_DETAILS = (Field.PHONE, Field.MOVE_IN, Field.ID_NUMBER, Field.ADDRESS)
"""Columns that belong to an owner: a row filling any of them needs an owner name."""


def guess_field(header: str) -> Field | None:
    """The field a header means: 联系电话（手机）→ phone, 建筑面积(㎡) → area, *业主姓名 → owner name."""
    text = unicodedata.normalize("NFKC", header).lower()
    text = _NOISE.sub("", _BRACKETED.sub("", text))
    return _BY_HEADER.get(text)


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (0-based) holds which field, with the file's headers to name columns by.

    Each field has at most one column and each column at most one field.
    """

    headers: tuple[str, ...]
    columns: Mapping[Field, int] = field(default_factory=dict)

    def column(self, f: Field) -> int | None:
        return self.columns.get(f)

    def header(self, f: Field) -> str:
        """The column as the user sees it: its header, or its letter when the header is blank."""
        index = self.columns.get(f)
        if index is None:
            return f.label("zh")
        text = self.headers[index].strip() if index < len(self.headers) else ""
        return text or column_letter(index)

    def with_column(self, f: Field, index: int | None) -> ColumnMapping:
        """The mapping with ``f`` read from column ``index`` (``None``: not read at all)."""
        columns = {k: v for k, v in self.columns.items() if k is not f and v != index}
        if index is not None:
            if not 0 <= index < len(self.headers):
                raise InputProblem(
                    zh=f"没有第 {index + 1} 列（共 {len(self.headers)} 列）",
                    en=f"There is no column {index + 1} (the file has {len(self.headers)})",
                )
            columns[f] = index
        return ColumnMapping(self.headers, columns)

    def missing(self) -> list[Field]:
        """Required fields without a column: the owner name, and a room (the whole code, or 楼栋 + 房号)."""
        lacking = [] if Field.OWNER_NAME in self.columns else [Field.OWNER_NAME]
        if Field.ROOM_CODE not in self.columns:
            lacking += [f for f in (Field.BUILDING, Field.ROOM) if f not in self.columns]
        return lacking

    def require(self, *, where: str | None = None) -> None:
        """Refuse a mapping that lacks a required column, naming what is missing and what was found."""
        lacking = self.missing()
        if not lacking:
            return
        found = "、".join(h.strip() for h in self.headers if h.strip()) or "—"
        found_en = ", ".join(h.strip() for h in self.headers if h.strip()) or "—"
        raise InputProblem(
            zh=f"缺少必需的列：{'、'.join(f.label('zh') for f in lacking)}（房间可用一列「房间」写全称，或用「楼栋」+「房号」两列）。"
            f"第 1 行的表头为：{found}",
            en=f"Required column(s) missing: {', '.join(f.label('en') for f in lacking)} (a room is one column "
            f"with the whole code, or a building column and a room column). The headers in row 1 are: {found_en}",
            where=where,
        )


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """Guess each column's field from its header; the first column wins when two say the same.

    A lone 房号 column with no 楼栋 column is taken to hold whole codes (3栋2单元1502).
    """
    columns: dict[Field, int] = {}
    for index, header in enumerate(headers):
        f = guess_field(header)
        if f is not None and f not in columns:
            columns[f] = index
    if Field.ROOM in columns and Field.BUILDING not in columns and Field.ROOM_CODE not in columns:
        columns[Field.ROOM_CODE] = columns.pop(Field.ROOM)
    return ColumnMapping(tuple(headers), columns)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: the row as Excel numbers it, the column's header, the value as written."""

    row: int | None
    column: str
    value: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def line(self, lang: str = "zh") -> str:
        """The report line: row, column, value, problem — tab-separated so it pastes into Excel."""
        row = "" if self.row is None else str(self.row)
        return f"{row}\t{self.column}\t{self.value}\t{self.message(lang)}"


@dataclass(frozen=True)
class Notice(Problem):
    """A line of the report the clerk should see before committing, which does not stop the import:
    a new building, an ID number whose check character is wrong."""

    def message(self, lang: str = "zh") -> str:
        return f"提示：{self.message_zh}" if lang.startswith("zh") else f"Note: {self.message_en}"


def problem_header(lang: str = "zh") -> str:
    return "行\t列\t值\t问题" if lang.startswith("zh") else "row\tcolumn\tvalue\tproblem"


@dataclass(frozen=True)
class RosterRow:
    """One good row: a room and, unless the row names only a room, its owner."""

    row: int
    room: RoomCode
    owner_name: str  # "" for a row that registers only the room
    phone: str = ""
    move_in: date | None = None
    area_m2: Decimal | None = None
    id_number: str = ""
    address: str = ""
    notices: tuple[Notice, ...] = ()

    @property
    def room_code(self) -> str:
        return format_room_code(self.room)


def _bounded(digits: str) -> int:
    """A number cell's value, any absurdly long one capped (int() never meets 5,000 digits)."""
    return int(digits) if len(digits) <= 9 else 10**9


def _room(cells: Sequence[Cell], mapping: ColumnMapping, row: int, known: KnownRooms | None) -> RoomCode | Problem:
    """The room a row names: the whole-code column, else 楼栋 + 单元 + 房号 combined.

    A whole code that reads two ways (0302-2002) is the reading that fits ``known`` (the estate's
    buildings and units), or a problem naming both readings — never a guess."""

    def text(f: Field) -> str:
        index = mapping.column(f)
        return cell_text(cells[index]) if index is not None and index < len(cells) else ""

    def problem(f: Field, value: str, exc: InputProblem) -> Problem:
        return Problem(row, mapping.header(f), value, exc.zh, exc.en)

    whole = text(Field.ROOM_CODE)
    parts = {f: text(f) for f in (Field.BUILDING, Field.UNIT, Field.ROOM)}
    combined: RoomCode | None = None
    if any(parts.values()) and Field.BUILDING in mapping.columns and Field.ROOM in mapping.columns:
        numbers: dict[Field, str] = {}
        for f, value in parts.items():
            number = number_in_cell(value) if value else ""
            if (value or f is not Field.UNIT) and not number:
                what = f.label("zh")
                return Problem(
                    row,
                    mapping.header(f),
                    value,
                    f"{what}应为数字（如 3、03、三、3#楼）" + ("" if value else "，不能为空"),
                    f"The {f.label('en').lower()} must be a number" + ("" if value else " and cannot be empty"),
                )
            numbers[f] = number or ""
        unit = f"{numbers[Field.UNIT]}单元" if numbers[Field.UNIT] else ""
        written = f"{numbers[Field.BUILDING]}栋{unit}{numbers[Field.ROOM]}"
        try:
            combined = parse_room_code(written)
        except InputProblem as exc:
            blamed = Field.ROOM
            if not 1 <= _bounded(numbers[Field.BUILDING]) <= MAX_BUILDING:
                blamed = Field.BUILDING
            elif numbers[Field.UNIT] and not 1 <= _bounded(numbers[Field.UNIT]) <= MAX_UNIT:
                blamed = Field.UNIT
            return problem(blamed, parts[blamed], exc)
    if whole:
        try:
            code = parse_room_code(whole, fits=None if known is None else known.fits)
        except InputProblem as exc:
            return problem(Field.ROOM_CODE, whole, exc)
        if combined is not None and combined != code:
            return Problem(
                row,
                mapping.header(Field.ROOM_CODE),
                whole,
                f"与楼栋/单元/房号列（{format_room_code(combined)}）不一致",
                f"Disagrees with the building/unit/room columns ({format_room_code(combined)})",
            )
        return code
    if combined is not None:
        return combined
    f = Field.ROOM_CODE if Field.ROOM_CODE in mapping.columns else Field.ROOM
    return Problem(row, mapping.header(f), "", "缺少房号", "The room is missing")


def room_in_row(
    cells: Sequence[Cell], mapping: ColumnMapping, row: int, known: KnownRooms | None = None
) -> RoomCode | Problem:
    """The room a row of any sheet names (rosters, arrears lists): whole-code column, else 楼栋 + 单元 + 房号."""
    return _room(cells, mapping, row, known)


def check_row(
    row: int, cells: Sequence[Cell], mapping: ColumnMapping, known: KnownRooms | None = None
) -> RosterRow | list[Problem]:
    """Read one row: the :class:`RosterRow`, or every problem found in it (one per column).

    ``known`` (the estate's buildings and units) settles a room code that reads two ways."""
    problems: list[Problem] = []

    def raw(f: Field) -> Cell:
        index = mapping.column(f)
        return cells[index] if index is not None and index < len(cells) else None

    room = _room(cells, mapping, row, known)
    if isinstance(room, Problem):
        problems.append(room)
    name = normalise_name(cell_text(raw(Field.OWNER_NAME)))
    details = [f for f in OWNER_DETAILS if cell_text(raw(f))]
    if not name and details:
        problems.append(
            Problem(
                row,
                mapping.header(Field.OWNER_NAME),
                "",
                f"缺少业主姓名（本行填写了{'、'.join(mapping.header(f) for f in details)}）",
                f"The owner's name is missing (the row gives {', '.join(mapping.header(f) for f in details)})",
            )
        )

    def attempt(f: Field, read: Callable[[Cell], T]) -> T | None:
        try:
            return read(raw(f))
        except InputProblem as exc:
            problems.append(Problem(row, mapping.header(f), cell_text(raw(f)), exc.zh, exc.en))
            return None

    attempt(Field.OWNER_NAME, lambda c: check_text(name, 120, "业主姓名", "owner name"))
    phone = attempt(Field.PHONE, parse_phone)
    move_in = attempt(Field.MOVE_IN, lambda c: parse_date(c) if cell_text(c) else None)
    area = attempt(Field.AREA, parse_area)
    id_number = attempt(
        Field.ID_NUMBER, lambda c: check_text(normalise_id_number(cell_text(c)), 40, "证件号", "ID number")
    )
    address = attempt(Field.ADDRESS, lambda c: check_text(cell_text(c), 200, "地址", "address"))
    if problems or isinstance(room, Problem):
        return problems
    notices: tuple[Notice, ...] = ()
    warning = id_number_warning(id_number or "")
    if warning is not None:
        notices = (Notice(row, mapping.header(Field.ID_NUMBER), cell_text(raw(Field.ID_NUMBER)), *warning),)
    return RosterRow(row, room, name, phone or "", move_in, area, id_number or "", address or "", notices)


def check_rows(
    rows: Iterable[tuple[int, Sequence[Cell]]],
    mapping: ColumnMapping,
    *,
    exclude: Collection[int] = (),
    known: KnownRooms | None = None,
) -> tuple[list[RosterRow], list[Problem]]:
    """Read every numbered row (blank ones are skipped, excluded ones not read at all).

    ``known`` is the estate's buildings and units, which settle a room code that reads two ways.

    A room named a second time is a problem on the later row — the same owner again (a duplicate)
    or another owner (one room has one current owner; a transfer is recorded in the owner's file).
    """
    good: list[RosterRow] = []
    problems: list[Problem] = []
    first: dict[RoomCode, RosterRow] = {}
    for number, cells in rows:
        if number in exclude or not any(cell_text(c) for c in cells):
            continue
        result = check_row(number, cells, mapping, known)
        if isinstance(result, list):
            problems.extend(result)
            continue
        earlier = first.get(result.room)
        if earlier is None:
            first[result.room] = result
            good.append(result)
            continue
        column = mapping.header(Field.ROOM_CODE if Field.ROOM_CODE in mapping.columns else Field.ROOM)
        code = result.room_code
        if earlier.owner_name == result.owner_name:
            zh, en = f"与第 {earlier.row} 行重复（同一房间 {code}）", f"Duplicate of row {earlier.row} (room {code})"
        else:
            zh = f"房间 {code} 已在第 {earlier.row} 行登记业主「{earlier.owner_name}」，一个房间只登记一位现业主"
            en = f"Room {code} already has owner '{earlier.owner_name}' in row {earlier.row}; a room has one current owner"
        problems.append(Problem(number, column, code, zh, en))
    return good, problems
