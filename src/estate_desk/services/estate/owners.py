"""Owner files: contact changes and transfers, each kept with old value, new value, who and when (A13)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.estate.id_numbers import normalise_id_number
from estate_desk.domain.estate.owner_history import CONTACT_FIELDS, ChangeSource, OwnerField, normalise
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE
from estate_desk.services import audit, conflicts
from estate_desk.services.audit import Target
from estate_desk.services.estate.buildings import name_pinyin
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import User
from estate_desk.store.archive import Document
from estate_desk.store.estate import Owner, OwnerChange, Ownership, Room

if TYPE_CHECKING:
    from datetime import date, datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

OWNER_KINDS = ("person", "company")


def change_owner(
    s: Session, clock: Clock, owner: Owner, /, *, by: int | None, source: str = ChangeSource.EDIT, **fields: str | None
) -> list[OwnerChange]:
    """Set an owner's details; every value that really changes is recorded in the owner's history.

    ``fields`` are OwnerField values other than ``owner`` (name, kind, phone, address, id_number).
    Returns the changes recorded (none when nothing differs, so re-applying is harmless).
    """
    source = ChangeSource(source)
    changes: list[OwnerChange] = []
    now = clock.now()
    for key, raw in fields.items():
        try:
            field = OwnerField(key)
        except ValueError:
            field = None
        if field is None or field not in CONTACT_FIELDS:
            raise InputProblem(zh=f"业主档案没有这一项：{key}", en=f"An owner's file has no field {key!r}.")
        new = normalise(raw)
        if field is OwnerField.ID_NUMBER:
            new = normalise_id_number(new)  # 身份证 as GB 11643 writes it: upper-case X
        if field is OwnerField.NAME and not new:
            raise InputProblem(zh="业主姓名/名称不能为空。", en="The owner's name cannot be empty.")
        if field is OwnerField.KIND and new not in OWNER_KINDS:
            raise InputProblem(zh=f"业主类型只能是个人或单位：{new}", en=f"An owner is a person or a company: {new}")
        old = normalise(getattr(owner, field.value))
        if old == new:
            continue
        setattr(owner, field.value, new if (new or field is not OwnerField.PHONE) else None)
        if field is OwnerField.NAME:
            owner.pinyin, owner.pinyin_initials = name_pinyin(new)
        changes.append(
            OwnerChange(
                owner_id=owner.id,
                field=field.value,
                old_value=old,
                new_value=new,
                source=source.value,
                changed_by=by,
                changed_at=now,
            )
        )
    s.add_all(changes)
    s.flush()
    return changes


def current_ownership(s: Session, room_id: int) -> Ownership | None:
    """The ownership of a room still open (no end date), if anyone owns it now."""
    return s.scalar(select(Ownership).where(Ownership.room_id == room_id, Ownership.end_date.is_(None)))


def transfer_room(
    s: Session,
    clock: Clock,
    room: Room,
    new_owner: Owner,
    *,
    on: date,
    move_in: date | None = None,
    by: int | None,
) -> Ownership:
    """A transfer (过户): the current ownership ends on ``on`` and the new owner's begins that day.

    The old ownership stays, dated; both owners' files get the change.
    """
    current = current_ownership(s, room.id)
    if current is not None:
        if current.owner_id == new_owner.id:
            raise RuleViolation(
                zh=f"{room.code} 已经属于 {new_owner.name}，无需过户。",
                en=f"{room.code} already belongs to {new_owner.name}; nothing to transfer.",
                rule="A13",
            )
        if on < current.start_date:
            raise InputProblem(
                zh=f"过户日期 {on} 早于上一任业主的起始日期 {current.start_date}。",
                en=f"The transfer date {on} is before the previous owner's start date {current.start_date}.",
                rule="A13",
            )
        current.end_date = on
    ownership = Ownership(room_id=room.id, owner_id=new_owner.id, start_date=on, move_in_date=move_in)
    s.add(ownership)
    old_name = current.owner.name if current is not None else ""
    now = clock.now()
    owners = {new_owner.id} | ({current.owner_id} if current is not None else set())
    for owner_id in sorted(owners):
        s.add(
            OwnerChange(
                owner_id=owner_id,
                room_id=room.id,
                field=OwnerField.OWNER.value,
                old_value=old_name,
                new_value=new_owner.name,
                source=ChangeSource.TRANSFER.value,
                changed_by=by,
                changed_at=now,
            )
        )
    s.flush()
    return ownership


# ---- reading an owner's file -------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    field: OwnerField
    old_value: str
    new_value: str
    source: ChangeSource
    room_code: str
    changed_by: str  # display name, "" when the system did it
    changed_at: datetime


@dataclass(frozen=True)
class OwnershipRow:
    room_id: int
    room_code: str
    start_date: date
    end_date: date | None
    move_in_date: date | None


@dataclass(frozen=True)
class OwnerFile:
    """An owner's file (业主档案) as the clerk reads it: details, rooms then and now, and the history."""

    id: int
    name: str
    kind: str
    phone: str
    address: str
    id_number: str
    ownerships: list[OwnershipRow]
    history: list[HistoryRow]  # newest first
    document_ids: list[int]  # within the reader's clearance
    version: int = 0  # the row's version when read: pass it back to edit_owner (LAN edit conflicts)


def owner_file(db: Database, actor: Actor, owner_id: int) -> OwnerFile:
    """An owner's file (业主档案). Owner files are 绝密 (A12): for a reader not cleared for them it does
    not exist (NotFound, and the refusal audited); every opening of one is audited."""
    with db.session() as s:
        owner = s.get(Owner, owner_id)
        if owner is None:
            raise NotFound(zh=f"没有这位业主（编号 {owner_id}）。", en=f"No owner with id {owner_id}.")
        clearance.require_owner_files(s, actor, owner.id, owner.name)
        audit.record(s, actor, AuditAction.VIEW, Target("owner", owner.id, owner.name, int(OWNER_FILE_GRADE)))
        ownerships = [
            OwnershipRow(o.room_id, code, o.start_date, o.end_date, o.move_in_date)
            for o, code in s.execute(
                select(Ownership, Room.code)
                .join(Room, Room.id == Ownership.room_id)
                .where(Ownership.owner_id == owner_id)
                .order_by(Ownership.start_date, Ownership.id)
            )
        ]
        history = [
            HistoryRow(
                OwnerField(c.field),
                c.old_value,
                c.new_value,
                ChangeSource(c.source),
                code or "",
                who or "",
                c.changed_at,
            )
            for c, code, who in s.execute(
                select(OwnerChange, Room.code, User.display_name)
                .outerjoin(Room, Room.id == OwnerChange.room_id)
                .outerjoin(User, User.id == OwnerChange.changed_by)
                .where(OwnerChange.owner_id == owner_id)
                .order_by(OwnerChange.changed_at.desc(), OwnerChange.id.desc())
            )
        ]
        documents = list(
            s.scalars(
                select(Document.id)
                .where(Document.owner_id == owner_id, clearance.documents_visible(actor))
                .order_by(Document.archive_no)
            )
        )
        return OwnerFile(
            owner.id,
            owner.name,
            owner.kind,
            owner.phone or "",
            owner.address,
            owner.id_number,
            ownerships,
            history,
            documents,
            owner.row_version,
        )


# ---- use cases the window and the CLI call ------------------------------------------------------


def edit_owner(
    db: Database,
    clock: Clock,
    actor: Actor,
    owner_id: int,
    /,
    *,
    expected_version: int | None = None,
    **fields: str | None,
) -> list[OwnerChange]:
    """The clerk edits an owner's details in the owner's file. ``expected_version``: the file's
    ``version`` when the clerk opened it; saved since at another workstation, the edit is refused
    with the difference (:class:`~estate_desk.domain.errors.EditConflict`), nothing saved."""
    require_role(actor, ARCHIVE_KEEPERS, zh="修改业主档案", en="edit owner files")
    with db.session() as s:
        owner = s.get(Owner, owner_id)
        if owner is None:
            raise NotFound(zh=f"没有这位业主（编号 {owner_id}）。", en=f"No owner with id {owner_id}.")
        clearance.require_owner_files(s, actor, owner.id, owner.name)
        conflicts.check_version(s, owner, expected_version, "owner", owner.name, fields)
        # mypy cannot tell that fields never hold "by" or "source"; change_owner refuses other names
        changes = change_owner(s, clock, owner, by=actor.user_id, **fields)  # type: ignore[arg-type]
        conflicts.flush_or_conflict(s, owner, "owner", owner.name, fields)
        if changes:
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                Target("owner", owner.id, owner.name, int(OWNER_FILE_GRADE)),
                detail={"fields": sorted(c.field for c in changes)},
                clock=clock,
            )
        return changes


def transfer(
    db: Database,
    clock: Clock,
    actor: Actor,
    room_id: int,
    *,
    new_owner_id: int | None = None,
    new_owner_name: str = "",
    phone: str | None = None,
    on: date,
    move_in: date | None = None,
) -> Ownership:
    """Record a transfer (过户) of a room to an existing owner or to a new one (by name)."""
    from estate_desk.services.estate.buildings import add_owner

    require_role(actor, ARCHIVE_KEEPERS, zh="办理过户", en="record transfers")
    with db.session() as s:
        room = s.get(Room, room_id)
        if room is None:
            raise NotFound(zh=f"没有这个房间（编号 {room_id}）。", en=f"No room with id {room_id}.")
        clearance.require_owner_files(s, actor, new_owner_id or 0, room.code)
        if new_owner_id is not None:
            owner = s.get(Owner, new_owner_id)
            if owner is None:
                raise NotFound(zh=f"没有这位业主（编号 {new_owner_id}）。", en=f"No owner with id {new_owner_id}.")
        else:
            if not new_owner_name.strip():
                raise InputProblem(zh="请填写新业主的姓名。", en="Give the new owner's name.")
            owner = add_owner(s, clock, new_owner_name, phone)
            s.flush()
        ownership = transfer_room(s, clock, room, owner, on=on, move_in=move_in, by=actor.user_id)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("owner", owner.id, f"{room.code} 过户给 {owner.name}", int(OWNER_FILE_GRADE)),
            clock=clock,
        )
        return ownership
