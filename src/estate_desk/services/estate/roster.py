"""Importing and exporting the owner roster (业主名册, A2): rooms, owners and who owns what now.

The import wizard and ``estate-desk import owners`` both call :func:`preview`, then
:func:`validate` or :func:`import_roster`. Every row is checked first — the file's own problems
(:mod:`estate_desk.domain.estate.roster`) and how each row meets the archive (a room that already has
another owner) — and the :class:`ImportReport` lists them by row, column and value. While any
problem remains (rows can be excluded), nothing is written; otherwise the whole file is written
in one transaction. Rooms are matched by their canonical code and owners by name within the
room's current ownership, so importing the same file again changes nothing; a changed phone,
address or ID number is written through the owner's history (A13, source "import").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from estate_desk.domain.errors import UserError
from estate_desk.domain.estate.owner_history import ChangeSource, normalise
from estate_desk.domain.estate.phones import phone_digits
from estate_desk.domain.estate.roster import (
    ColumnMapping,
    Field,
    Notice,
    Problem,
    RosterRow,
    check_rows,
    guess_mapping,
)
from estate_desk.domain.estate.roster_cells import Cell, cell_text, normalise_name, owner_kind
from estate_desk.domain.estate.roster_report import ImportReport, PlannedChange
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services.estate import buildings as estate
from estate_desk.services.estate.owners import change_owner
from estate_desk.services.estate.roster_export import export_roster
from estate_desk.services.permissions import require_role
from estate_desk.services.spreadsheets import RosterFile, read_roster
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

    Progress = Callable[[int, int], object]
    """Called with (rows done, rows in all) as the import goes; the UI moves its progress bar."""
    Cancelled = Callable[[], bool]
    """Asked before each row; True stops the import and nothing is written."""

log = logging.getLogger(__name__)
__all__ = [
    "ImportCancelled",
    "ImportReport",
    "PlannedChange",
    "Preview",
    "export_roster",
    "import_roster",
    "preview",
    "validate",
]
CONTACT = (Field.PHONE, Field.ADDRESS, Field.ID_NUMBER)
_CENT = Decimal("0.01")
FLUSH_ROWS = 1000  # rows written per flush: bigger batches of INSERTs and of search-index entries


class ImportCancelled(UserError):
    """The clerk cancelled the import; nothing was written. The UI closes its progress dialog quietly."""


@dataclass(frozen=True)
class Preview:
    """What the wizard's first page shows: the headers, the guessed columns and the first rows."""

    file: str
    kind: str  # "xlsx" | "csv"
    encoding: str
    header_row: int
    mapping: ColumnMapping
    rows: list[tuple[int, tuple[str, ...]]]
    total_rows: int
    missing: list[Field]  # required fields the guess found no column for


class _Ticker:
    """Progress and cancel, asked once per row (a plain function, no threads)."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.done, self.total, self.progress, self.cancelled = 0, total, progress, cancelled

    def tick(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled(zh="导入已取消，未写入任何数据。", en="Import cancelled; nothing was written.")
        self.done += 1
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def each(self, items: Iterable[tuple[int, Sequence[Cell]]]) -> Iterator[tuple[int, Sequence[Cell]]]:
        for item in items:
            if any(cell_text(c) for c in item[1]):
                self.tick()
            yield item

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def preview(path: Path, rows: int = 20) -> Preview:
    """Read a roster file and guess its columns, for the wizard's first page (no database)."""
    roster = read_roster(path)
    mapping = guess_mapping(roster.headers)
    first = [(n, tuple(cell_text(c) for c in cells)) for n, cells in roster.rows if any(cell_text(c) for c in cells)]
    return Preview(
        path.name,
        roster.kind,
        roster.encoding,
        roster.header_row,
        mapping,
        first[:rows],
        len(first),
        mapping.missing(),
    )


def validate(
    db: Database,
    actor: Actor,
    path: Path,
    mapping: ColumnMapping | None = None,
    *,
    exclude_rows: Collection[int] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Check every row against the file's rules and the archive, and plan the import; writes nothing."""
    return _run(db, None, actor, path, mapping, exclude_rows, progress, cancelled)


def import_roster(
    db: Database,
    clock: Clock,
    actor: Actor,
    path: Path,
    mapping: ColumnMapping | None = None,
    *,
    exclude_rows: Collection[int] = (),
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import the roster: all rows in one transaction, or — while any problem remains — nothing at all."""
    return _run(db, None if dry_run else clock, actor, path, mapping, exclude_rows, progress, cancelled)


def _run(
    db: Database,
    clock: Clock | None,
    actor: Actor,
    path: Path,
    mapping: ColumnMapping | None,
    exclude_rows: Collection[int],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportReport:
    require_role(actor, ARCHIVE_KEEPERS, zh="导入业主名册", en="import the owner roster")
    roster = read_roster(path)
    mapping = mapping or guess_mapping(roster.headers)
    mapping.require(where=str(path))
    exclude = set(exclude_rows)
    data_rows = roster.data_rows
    report = ImportReport(path.name, dry_run=clock is None, rows_total=len(data_rows))
    report.excluded = sorted(exclude & set(data_rows))
    ticker = _Ticker(2 * len(data_rows), progress, cancelled)
    with db.session() as s:
        known = estate.known_rooms(s)
    good, problems = check_rows(ticker.each(roster.rows), mapping, exclude=exclude, known=known)
    problems += _unknown_exclusions(roster, exclude)
    with db.session() as s:
        steps = _plan(s, good, mapping, report, problems)
        report.notices = sorted([*report.notices, *(n for r in good for n in r.notices)], key=lambda n: n.row or 0)
        report.problems = sorted(problems, key=lambda p: p.row or 0)
        good_rows = {r.row for r in good}
        report.rows_ok = len(good_rows - {p.row for p in problems})
        if report.problems or clock is None:
            ticker.finish()
            return report
        _apply(s, clock, actor, steps, ticker)
    report.written = True
    ticker.finish()
    log.info("%s imported %s: %s", actor.username, path, report.summary("en"))
    return report


def _new_building(row: RosterRow, mapping: ColumnMapping) -> Notice:
    """The report line for a building the import creates: the clerk sees it before committing."""
    column = mapping.header(Field.ROOM_CODE if Field.ROOM_CODE in mapping.columns else Field.BUILDING)
    number = row.room.building
    return Notice(
        row.row,
        column,
        row.room_code,
        f"将新建楼栋「{number}栋」（小区现无此楼栋；如非新楼，请核对房号）",
        f"Creates building {number}栋, which the estate does not have yet (if it is no new building, check the room)",
    )


def _unknown_exclusions(roster: RosterFile, exclude: set[int]) -> list[Problem]:
    known = {n for n, _ in roster.rows}
    return [
        Problem(n, "", "", f"没有第 {n} 行数据，无法排除", f"There is no data row {n} to exclude")
        for n in sorted(exclude - known)
    ]


@dataclass
class _Step:
    """What one good row does: its room (existing or new), its owner, and the changes."""

    row: RosterRow
    room: Room | None  # None: a new room
    ownership: Ownership | None = None  # the room's current ownership this row matches
    owner: Owner | None = None  # an owner already in the archive
    identity: tuple[object, ...] = ()
    owner_fields: dict[str, str] = field(default_factory=dict)
    move_in: bool = False
    area: bool = False


def _chunks(items: Sequence[object], size: int = 500) -> Iterator[list[object]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _area(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(_CENT)


def _plan(
    s: Session, rows: list[RosterRow], mapping: ColumnMapping, report: ImportReport, problems: list[Problem]
) -> list[_Step]:
    """Meet every good row with the archive; count what would be written and add any problems found."""
    rooms: dict[str, Room] = {}
    for codes in _chunks(sorted({r.room_code for r in rows})):
        rooms.update((room.code, room) for room in s.scalars(select(Room).where(Room.code.in_(codes))))
    current: dict[int, list[Ownership]] = {}
    for ids in _chunks([room.id for room in rooms.values()]):
        query = (
            select(Ownership)
            .options(joinedload(Ownership.owner))
            .where(Ownership.room_id.in_(ids), Ownership.end_date.is_(None))
        )
        for ownership in s.scalars(query):
            current.setdefault(ownership.room_id, []).append(ownership)
    by_id_number: dict[tuple[str, str], Owner] = {}
    for numbers in _chunks(sorted({r.id_number for r in rows if r.id_number})):
        for owner in s.scalars(select(Owner).where(Owner.id_number.in_(numbers)).order_by(Owner.id)):
            by_id_number.setdefault((normalise_name(owner.name), owner.id_number), owner)
    buildings = set(s.scalars(select(Building.number)))
    claimed: dict[tuple[object, ...], dict[Field, tuple[int, str]]] = {}
    steps: list[_Step] = []
    for row in rows:
        step = _Step(row, rooms.get(row.room_code))
        steps.append(step)
        if step.room is None:
            report.new_rooms += 1
            if row.room.building not in buildings:
                buildings.add(row.room.building)
                report.new_buildings += 1
                report.notices.append(_new_building(row, mapping))
        elif row.area_m2 is not None and _area(step.room.area_m2) != row.area_m2:
            step.area = True
            old = _area(step.room.area_m2)
            report.changes.append(
                PlannedChange(row.row, row.room_code, row.owner_name, Field.AREA, str(old or ""), str(row.area_m2))
            )
        if not row.owner_name:
            report.unchanged += int(step.room is not None and not step.area)
            continue
        owners_now = current.get(step.room.id, []) if step.room is not None else []
        match = next((o for o in owners_now if normalise_name(o.owner.name) == row.owner_name), None)
        if owners_now and match is None:
            names = "、".join(o.owner.name for o in owners_now)
            problems.append(
                Problem(
                    row.row,
                    mapping.header(Field.OWNER_NAME),
                    row.owner_name,
                    f"房间 {row.room_code} 的现业主是「{names}」；更换业主（过户）请在业主档案中办理，或排除此行",
                    f"Room {row.room_code} is owned by '{names}' now; record a transfer in the owner's file, "
                    "or exclude this row",
                )
            )
            continue
        if match is not None:
            step.ownership, step.owner = match, match.owner
            step.move_in = row.move_in is not None and row.move_in != match.move_in_date
            if step.move_in:
                old_day = match.move_in_date.isoformat() if match.move_in_date else ""
                report.changes.append(
                    PlannedChange(
                        row.row, row.room_code, row.owner_name, Field.MOVE_IN, old_day, str(row.move_in or "")
                    )
                )
        else:
            report.new_ownerships += 1
            step.owner = by_id_number.get((row.owner_name, row.id_number)) if row.id_number else None
        if step.owner is not None:
            step.identity = ("archive", step.owner.id)
        else:
            step.identity = ("file", row.owner_name, row.id_number) if row.id_number else ("row", row.row)
            report.new_owners += int(step.identity not in claimed)
        _claim(step, claimed.setdefault(step.identity, {}), mapping, report, problems)
        if step.ownership is not None and not (step.owner_fields or step.move_in or step.area):
            report.unchanged += 1
    return steps


def _same(f: Field, old: str, new: str) -> bool:
    """Whether two values of a detail are the same: phones by their digits (138 0013 8000 is
    +86 138-0013-8000), so re-typing a number another way is neither a change nor a conflict."""
    if f is Field.PHONE:
        return phone_digits(old) == phone_digits(new)
    return old == new


def _claim(
    step: _Step,
    claims: dict[Field, tuple[int, str]],
    mapping: ColumnMapping,
    report: ImportReport,
    problems: list[Problem],
) -> None:
    """The owner's contact details this row gives: a change for an owner in the archive, a conflict
    when another row gave the same owner a different value."""
    row = step.row
    for f in CONTACT:
        value = str(getattr(row, f.value))
        if not value:
            continue
        earlier = claims.get(f)
        if earlier is not None:
            if not _same(f, earlier[1], value):
                problems.append(
                    Problem(
                        row.row,
                        mapping.header(f),
                        value,
                        f"与第 {earlier[0]} 行同一业主的{f.label('zh')}（{earlier[1]}）不一致",
                        f"Row {earlier[0]} gives the same owner another {f.label('en').lower()} ({earlier[1]})",
                    )
                )
            continue
        claims[f] = (row.row, value)
        if step.owner is not None:
            old = normalise(getattr(step.owner, f.value))
            if not _same(f, old, value):
                step.owner_fields[f.value] = value
                report.changes.append(PlannedChange(row.row, row.room_code, row.owner_name, f, old, value))


def _apply(s: Session, clock: Clock, actor: Actor, steps: list[_Step], ticker: _Ticker) -> None:
    """Write the planned rows inside the caller's transaction."""
    today = clock.now().date()
    buildings = {b.number: b for b in s.scalars(select(Building))}
    top_floor: dict[int, int] = {}
    for step in steps:
        code = step.row.room
        top_floor[code.building] = max(top_floor.get(code.building, 1), code.floor)
    new_owners: dict[tuple[object, ...], Owner] = {}
    for count, step in enumerate(steps, start=1):
        ticker.tick()
        row, room = step.row, step.room
        if room is None:
            building = buildings.get(row.room.building)
            if building is None:
                building = estate.ensure_building(s, row.room.building, top_floor[row.room.building])
                buildings[building.number] = building
            building.floors = max(building.floors, row.room.floor)
            area = None if row.area_m2 is None else float(row.area_m2)
            room = estate.add_room(s, building, row.room.unit, row.room.room, area_m2=area)
        elif step.area:
            room.area_m2 = None if row.area_m2 is None else float(row.area_m2)
        if row.owner_name:
            owner = step.owner or new_owners.get(step.identity)
            if owner is None:
                owner = estate.add_owner(s, clock, row.owner_name, row.phone or None, kind=owner_kind(row.owner_name))
                owner.address, owner.id_number = row.address, row.id_number
                new_owners[step.identity] = owner
            elif step.owner_fields:
                change_owner(s, clock, owner, by=actor.user_id, source=ChangeSource.IMPORT, **step.owner_fields)
            elif step.owner is None:  # a new owner named again (same name and ID number): fill what was blank
                for f in CONTACT:
                    if getattr(row, f.value) and not getattr(owner, f.value):
                        setattr(owner, f.value, getattr(row, f.value))
            if step.ownership is None:
                estate.add_ownership(s, room, owner, row.move_in or today, row.move_in)
            elif step.move_in:
                step.ownership.move_in_date = row.move_in
        if count % FLUSH_ROWS == 0:
            s.flush()
    s.flush()
