"""Importing an arrears list from .xlsx/.csv (A15): every row checked first, then all or nothing.

Finance's arrears list (欠费明细) names the room, the fee type, the amount and the date unpaid
since. A row for a room the estate does not have is a problem, not a new room. An unsettled
arrear already on record with the same room, fee type, amount and start date is left alone, so
importing the same list again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.rooms import format_room_code
from estate_desk.domain.estate.roster import Problem, problem_header
from estate_desk.domain.routines.arrears_sheet import ArrearsLine, check_arrears_row, guess_arrears_mapping
from estate_desk.domain.routines.common import ROUTINE_KEEPERS
from estate_desk.services.estate import buildings as estate
from estate_desk.services.permissions import require_role
from estate_desk.services.routines.arrears import enter_arrear
from estate_desk.services.spreadsheets import read_roster
from estate_desk.store.estate import Room
from estate_desk.store.routines import Arrear

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass
class ArrearsImportReport:
    file: str
    rows_total: int = 0
    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    unchanged: int = 0
    written: bool = False

    def lines(self, lang: str = "zh") -> list[str]:
        out = [problem_header(lang), *(p.line(lang) for p in self.problems)] if self.problems else []
        if lang.startswith("zh"):
            state = (
                f"发现 {len(self.problems)} 个问题，未写入任何数据。"
                if self.problems
                else ("已全部写入。" if self.written else "试运行，未写入。")
            )
            out.append(
                f"「{self.file}」：数据 {self.rows_total} 行，新欠费 {self.added}，已有 {self.unchanged}。{state}"
            )
        else:
            state = (
                f"{len(self.problems)} problems; nothing was written."
                if self.problems
                else ("All written." if self.written else "Dry run; nothing written.")
            )
            out.append(
                f"'{self.file}': {self.rows_total} data rows, {self.added} new arrears, "
                f"{self.unchanged} already on record. {state}"
            )
        return out


def _already_recorded(s: Session, room_id: int, line: ArrearsLine) -> bool:
    return (
        s.scalar(
            select(Arrear.id).where(
                Arrear.room_id == room_id,
                Arrear.fee_type == line.fee_type.value,
                Arrear.amount == line.amount,
                Arrear.since == line.since,
                Arrear.settled_on.is_(None),
            )
        )
        is not None
    )


def import_arrears(
    db: Database, clock: Clock, actor: Actor, path: Path, *, dry_run: bool = False
) -> ArrearsImportReport:
    """Check every row of the list; write the new arrears in one transaction only if no row has a problem."""
    require_role(actor, ROUTINE_KEEPERS, zh="导入欠费明细", en="import arrears lists")
    sheet = read_roster(path)
    mapping = guess_arrears_mapping(sheet.headers)
    mapping.require(where=str(path))
    report = ArrearsImportReport(file=path.name)
    lines: list[ArrearsLine] = []
    with db.session() as s:
        known = estate.known_rooms(s)
    for number, cells in sheet.rows:
        if number not in sheet.data_rows:
            continue
        report.rows_total += 1
        result = check_arrears_row(number, cells, mapping, known)
        if isinstance(result, list):
            report.problems.extend(result)
        else:
            lines.append(result)
    seen: dict[tuple[str, str, str, str], int] = {}
    with db.session() as s:
        rooms = {code: room_id for room_id, code in s.execute(select(Room.id, Room.code))}
        planned: list[tuple[int, ArrearsLine]] = []
        for line in lines:
            code = format_room_code(line.room)
            room_id = rooms.get(code)
            column = mapping.rooms.header(next(iter(mapping.rooms.columns)))
            if room_id is None:
                report.problems.append(
                    Problem(line.row, column, code, f"本小区没有房间 {code}", f"The estate has no room {code}")
                )
                continue
            key = (code, line.fee_type.value, str(line.amount), line.since.isoformat())
            if key in seen:
                report.problems.append(
                    Problem(line.row, column, code, f"与第 {seen[key]} 行重复", f"Duplicate of row {seen[key]}")
                )
                continue
            seen[key] = line.row
            if _already_recorded(s, room_id, line):
                report.unchanged += 1
            else:
                planned.append((room_id, line))
        report.problems.sort(key=lambda p: (p.row or 0, p.column))
        report.added = len(planned)
        if report.problems or dry_run:
            return report
        for room_id, line in planned:
            try:
                enter_arrear(
                    s,
                    clock,
                    room_id=room_id,
                    fee_type=line.fee_type,
                    amount=line.amount,
                    since=line.since,
                    note=line.note,
                )
            except InputProblem as exc:  # e.g. a start date in the future: the whole import stops
                raise InputProblem(zh=exc.zh, en=exc.en, rule=exc.rule, where=f"{path.name} 第 {line.row} 行") from exc
        report.written = True
    return report
