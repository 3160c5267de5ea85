"""The quarterly household census (家庭情况普查, A14): one task per household, who checked, when, what changed.

Starting a quarter's census gives every household — a room with a current owner — one
task; starting it again adds only households that have none yet. Completing a task
records who checked and when, and any changed details go into the owner's file (A13)
as changes from the census.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.estate.owner_history import ChangeSource, OwnerField
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.routines.census import CensusProgress, Quarter
from estate_desk.domain.routines.census import census_progress as progress_of
from estate_desk.domain.routines.common import ROUTINE_KEEPERS, ROUTINE_READERS, office_date
from estate_desk.services.estate.owners import change_owner, current_ownership
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import User
from estate_desk.store.estate import Building, Owner, Ownership, Room
from estate_desk.store.routines import CensusTask

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.store.estate import OwnerChange

_NOTE_MAX = 2000

# A task with its room, building number, the room's current owner (if any) and who checked it.
_TASKS = (
    select(CensusTask, Room, Building.number, Owner, User.display_name)
    .join(Room, Room.id == CensusTask.room_id)
    .join(Building, Building.id == Room.building_id)
    .outerjoin(Ownership, and_(Ownership.room_id == CensusTask.room_id, Ownership.end_date.is_(None)))
    .outerjoin(Owner, Owner.id == Ownership.owner_id)
    .outerjoin(User, User.id == CensusTask.checked_by)
)


@dataclass(frozen=True)
class CensusStart:
    """What starting a census did: tasks added now, and the quarter's tasks in all."""

    quarter: Quarter
    created: int
    total: int


@dataclass(frozen=True)
class CensusTaskRow:
    """One household's census task, with the household as it stands now."""

    id: int
    quarter: str
    room_id: int
    room_code: str
    owner_id: int | None  # None when the room has no current owner any more
    owner_name: str
    phone: str
    address: str
    done: bool
    checked_by: str  # display name of who checked, "" while open
    checked_at: datetime | None
    changes: str  # what changed, in words ("" when nothing did)
    note: str


def _quarter(clock: Clock, quarter: Quarter | str | None) -> Quarter:
    if quarter is None:
        return Quarter.of(office_date(clock.now()))
    return quarter if isinstance(quarter, Quarter) else Quarter.parse(quarter)


def start_census_in(s: Session, clock: Clock, quarter: Quarter) -> CensusStart:
    """Give every household without a task in ``quarter`` one; inside the caller's unit of work."""
    if quarter > Quarter.of(office_date(clock.now())):
        raise InputProblem(
            zh=f"{quarter.label()}尚未开始，不能提前普查。",
            en=f"{quarter.label('en')} has not begun; its census cannot start yet.",
            rule="A14",
        )
    have = set(s.scalars(select(CensusTask.room_id).where(CensusTask.quarter == quarter.code)))
    households = s.scalars(select(Ownership.room_id).where(Ownership.end_date.is_(None)).distinct())
    new = sorted(set(households) - have)
    s.add_all(CensusTask(quarter=quarter.code, room_id=room_id, done=False, changes="", note="") for room_id in new)
    s.flush()
    return CensusStart(quarter, len(new), len(have) + len(new))


def start_census(db: Database, clock: Clock, actor: Actor, quarter: Quarter | str | None = None) -> CensusStart:
    """Start the census of a quarter (this quarter by default); running it again adds only what is missing."""
    require_role(actor, ROUTINE_KEEPERS, zh="发起家庭情况普查", en="start the household census")
    wanted = _quarter(clock, quarter)
    try:
        with db.session() as s:
            return start_census_in(s, clock, wanted)
    except IntegrityError:  # another workstation started it at the same moment: add what is still missing
        with db.session() as s:
            return start_census_in(s, clock, wanted)


def census_progress_in(s: Session, clock: Clock, quarter: Quarter) -> CensusProgress:
    total, done = s.execute(
        select(func.count(CensusTask.id), func.count(CensusTask.id).filter(CensusTask.done.is_(True))).where(
            CensusTask.quarter == quarter.code
        )
    ).one()
    return progress_of(quarter, int(done or 0), int(total or 0), office_date(clock.now()))


def census_progress(db: Database, clock: Clock, quarter: Quarter | str | None = None) -> CensusProgress:
    """How far a quarter's census (this quarter by default) has got, and whether it is due or overdue."""
    wanted = _quarter(clock, quarter)
    with db.session() as s:
        return census_progress_in(s, clock, wanted)


def census_tasks(
    db: Database,
    clock: Clock,
    actor: Actor,
    quarter: Quarter | str | None = None,
    *,
    open_only: bool = False,
    limit: int | None = None,
) -> list[CensusTaskRow]:
    """A quarter's census tasks in the natural order of rooms (A9); ``open_only`` for those still to check."""
    require_role(actor, ROUTINE_READERS, zh="查看家庭情况普查", en="read the household census")
    wanted = _quarter(clock, quarter)
    query = _TASKS.where(CensusTask.quarter == wanted.code)
    if open_only:
        query = query.where(CensusTask.done.is_(False))
    with db.session() as s:
        rows = [_row(*found) for found in s.execute(query)]
    rows.sort(key=lambda r: r[0])
    tasks = [row for _, row in rows]
    return tasks if limit is None else tasks[: max(limit, 0)]


def census_task(db: Database, actor: Actor, task_id: int) -> CensusTaskRow:
    """One census task, with the household as it stands now."""
    require_role(actor, ROUTINE_READERS, zh="查看家庭情况普查", en="read the household census")
    with db.session() as s:
        found = s.execute(_TASKS.where(CensusTask.id == task_id)).one_or_none()
        if found is None:
            raise _no_task(task_id)
        return _row(*found)[1]


def complete_census_task(
    db: Database,
    clock: Clock,
    actor: Actor,
    task_id: int,
    *,
    changes: Mapping[str, str | None] | None = None,
    note: str = "",
) -> CensusTaskRow:
    """Mark a household checked in the census, now, by the actor.

    ``changes`` maps owner details (``phone``, ``address``, ``name``, ``id_number``, ``kind``)
    to the values found; those that really differ are written to the owner's file (A13)
    with the census as their source, and summed up in words on the task. A task is
    completed once; later corrections go through the owner's file.
    """
    require_role(actor, ROUTINE_KEEPERS, zh="登记家庭情况普查", en="record census checks")
    with db.session() as s:
        task = s.get(CensusTask, task_id)
        if task is None:
            raise _no_task(task_id)
        check_household(s, clock, task, by=actor.user_id, changes=changes, note=note)
        return _row(*s.execute(_TASKS.where(CensusTask.id == task_id)).one())[1]


def check_household(
    s: Session,
    clock: Clock,
    task: CensusTask,
    *,
    by: int | None,
    changes: Mapping[str, str | None] | None = None,
    note: str = "",
) -> list[OwnerChange]:
    """Complete a census task now, inside the caller's unit of work; checks no permission.

    Returns the changes written to the owner's file.
    """
    note = note.strip()
    if len(note) > _NOTE_MAX:
        raise InputProblem(
            zh=f"备注过长（最多 {_NOTE_MAX} 字）。", en=f"The note is too long (at most {_NOTE_MAX}).", rule="A14"
        )
    if task.done:
        raise RuleViolation(
            zh=f"{task.room.code} 本季度（{task.quarter}）已普查过；如需更正请修改业主档案。",
            en=f"{task.room.code} was already checked in {task.quarter}; correct the owner's file instead.",
            rule="A14",
        )
    recorded: list[OwnerChange] = []
    if changes:
        ownership = current_ownership(s, task.room_id)
        if ownership is None:
            raise RuleViolation(
                zh=f"{task.room.code} 目前没有业主，无法登记变更。",
                en=f"{task.room.code} has no current owner; there is nothing to change.",
                rule="A14",
            )
        recorded = change_owner(s, clock, ownership.owner, by=by, source=ChangeSource.CENSUS, **dict(changes))
        for change in recorded:
            change.room_id = task.room_id
    task.done = True
    task.checked_by = by
    task.checked_at = clock.now()
    task.changes = _in_words(recorded)
    task.note = note
    s.flush()
    return recorded


def _in_words(changes: list[OwnerChange]) -> str:
    """``联系电话：13800000001 → 13900000002；联系地址：（空） → 3栋2单元1502``."""
    return "；".join(
        f"{OwnerField(c.field).label()}：{c.old_value or '（空）'} → {c.new_value or '（空）'}" for c in changes
    )


def _no_task(task_id: int) -> NotFound:
    return NotFound(zh=f"没有这项普查任务（编号 {task_id}）。", en=f"No census task with id {task_id}.", rule="A14")


def _row(
    task: CensusTask, room: Room, building: int, owner: Owner | None, checker: str | None
) -> tuple[tuple[tuple[int, ...], int], CensusTaskRow]:
    key = (room_sort_key(RoomCode.of(building, room.unit, room.number)), task.id)
    return key, CensusTaskRow(
        task.id,
        task.quarter,
        room.id,
        room.code,
        owner.id if owner else None,
        owner.name if owner else "",
        (owner.phone or "") if owner else "",
        owner.address if owner else "",
        task.done,
        checker or "",
        task.checked_at,
        task.changes,
        task.note,
    )
