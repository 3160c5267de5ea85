"""Reading an arrears list (欠费明细) as finance hands it over: one row per household and fee (A15).

The room columns are the roster's (楼栋/单元/房号 or one 房间 column); the rest are the fee type,
the amount owed and the date it has been unpaid since. Pure: the service reads the file and the
database, this module says what each row means or what is wrong with it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.roster import ColumnMapping, Field, Problem, guess_mapping, room_in_row
from estate_desk.domain.estate.roster_cells import cell_text, parse_date
from estate_desk.domain.routines.arrears import FeeType, arrear_amount

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from estate_desk.domain.estate.rooms import KnownRooms, RoomCode
    from estate_desk.domain.estate.roster_cells import Cell


class ArrearsColumn(StrEnum):
    FEE_TYPE = "fee_type"
    AMOUNT = "amount"
    SINCE = "since"
    NOTE = "note"

    def label(self, lang: str = "zh") -> str:
        zh, en = _LABELS[self]
        return zh if lang.startswith("zh") else en


_LABELS = {
    ArrearsColumn.FEE_TYPE: ("费用类型", "Fee type"),
    ArrearsColumn.AMOUNT: ("欠费金额", "Amount owed"),
    ArrearsColumn.SINCE: ("欠费起始日期", "Unpaid since"),
    ArrearsColumn.NOTE: ("备注", "Note"),
}
_SYNONYMS = {
    ArrearsColumn.FEE_TYPE: ("费用类型", "欠费类型", "费用名称", "收费项目", "类型", "项目", "feetype", "fee"),
    ArrearsColumn.AMOUNT: ("欠费金额", "金额", "欠款金额", "欠缴金额", "应收金额", "amount", "amountowed"),
    ArrearsColumn.SINCE: ("欠费起始日期", "欠费起始", "起始日期", "欠费日期", "欠费开始", "起欠日期", "since"),
    ArrearsColumn.NOTE: ("备注", "说明", "note", "notes", "remarks"),
}
_BY_HEADER = {word: column for column, words in _SYNONYMS.items() for word in words}
_NOISE = re.compile(r"[\s_\-*:：.#]+|\(.*?\)|（.*?）")
REQUIRED = (ArrearsColumn.FEE_TYPE, ArrearsColumn.AMOUNT, ArrearsColumn.SINCE)


@dataclass(frozen=True)
class ArrearsMapping:
    """Where each column is: the roster's room columns plus the arrears columns."""

    rooms: ColumnMapping
    columns: dict[ArrearsColumn, int]
    headers: tuple[str, ...]

    def header(self, column: ArrearsColumn) -> str:
        index = self.columns.get(column)
        return self.headers[index] if index is not None else column.label()

    def missing(self) -> list[str]:
        """Labels of the required columns the sheet lacks (room, fee type, amount, since)."""
        absent = [column.label() for column in REQUIRED if column not in self.columns]
        has_room = Field.ROOM_CODE in self.rooms.columns or (
            Field.BUILDING in self.rooms.columns and Field.ROOM in self.rooms.columns
        )
        return ([] if has_room else ["房间（或楼栋+房号）"]) + absent

    def require(self, *, where: str) -> None:
        absent = self.missing()
        if absent:
            names = "、".join(absent)
            raise InputProblem(
                zh=f"欠费明细缺少必需的列：{names}",
                en=f"The arrears list lacks required columns: {names}",
                where=where,
            )


def guess_arrears_mapping(headers: Sequence[str]) -> ArrearsMapping:
    columns: dict[ArrearsColumn, int] = {}
    for index, header in enumerate(headers):
        text = _NOISE.sub("", unicodedata.normalize("NFKC", header).lower())
        column = _BY_HEADER.get(text)
        if column is not None and column not in columns:
            columns[column] = index
    return ArrearsMapping(guess_mapping(headers), columns, tuple(headers))


@dataclass(frozen=True)
class ArrearsLine:
    row: int
    room: RoomCode
    fee_type: FeeType
    amount: Decimal
    since: date
    note: str


def check_arrears_row(
    row: int, cells: Sequence[Cell], mapping: ArrearsMapping, known: KnownRooms | None = None
) -> ArrearsLine | list[Problem]:
    """One row read: the arrear it states, or every problem in it (one per column).

    ``known`` (the estate's buildings and units) settles a room code that reads two ways (0302-2002)."""
    problems: list[Problem] = []

    def raw(column: ArrearsColumn) -> Cell:
        index = mapping.columns.get(column)
        return cells[index] if index is not None and index < len(cells) else None

    room = room_in_row(cells, mapping.rooms, row, known)
    if isinstance(room, Problem):
        problems.append(room)
    fee: FeeType | None = None
    amount: Decimal | None = None
    since: date | None = None
    try:
        fee = FeeType.parse(cell_text(raw(ArrearsColumn.FEE_TYPE)))
    except InputProblem as exc:
        problems.append(_problem(row, mapping, ArrearsColumn.FEE_TYPE, raw(ArrearsColumn.FEE_TYPE), exc))
    try:
        value = raw(ArrearsColumn.AMOUNT)
        amount = arrear_amount(value if isinstance(value, Decimal | int) else cell_text(value).replace(",", ""))
    except InputProblem as exc:
        problems.append(_problem(row, mapping, ArrearsColumn.AMOUNT, raw(ArrearsColumn.AMOUNT), exc))
    try:
        since = parse_date(raw(ArrearsColumn.SINCE))
    except InputProblem as exc:
        problems.append(_problem(row, mapping, ArrearsColumn.SINCE, raw(ArrearsColumn.SINCE), exc))
    if problems or isinstance(room, Problem) or fee is None or amount is None or since is None:
        return problems
    return ArrearsLine(row, room, fee, amount, since, cell_text(raw(ArrearsColumn.NOTE)))


def _problem(row: int, mapping: ArrearsMapping, column: ArrearsColumn, value: Cell, exc: InputProblem) -> Problem:
    return Problem(row, mapping.header(column), cell_text(value), exc.zh, exc.en)
