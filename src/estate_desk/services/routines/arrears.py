"""Fee arrears and their follow-ups (欠费催缴, A15): enter, settle, follow up, and who is due.

A household's arrears are kept per fee (type, amount, since when). A follow-up is recorded
against one arrear; recorded for a room it goes to the household's oldest unsettled
arrear. Who is due and who is overdue is decided by
:func:`estate_desk.domain.routines.arrears.followup_state` from the household's oldest unsettled
arrear and its latest follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import and_, select

from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.routines.arrears import FeeType, FollowUpMethod, FollowUpState, arrear_amount, followup_state
from estate_desk.domain.routines.common import ROUTINE_KEEPERS, ROUTINE_READERS, RoutineStatus, office_date
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import User
from estate_desk.store.estate import Building, Owner, Ownership, Room
from estate_desk.store.routines import Arrear, ArrearsFollowUp

if TYPE_CHECKING:
    from datetime import date, datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

_TEXT_MAX = 2000


@dataclass(frozen=True)
class ArrearRow:
    """One fee a household owes or owed."""

    id: int
    room_id: int
    room_code: str
    fee_type: FeeType
    amount: Decimal
    since: date
    settled_on: date | None
    note: str


@dataclass(frozen=True)
class FollowUpRow:
    """One follow-up (催缴记录): when, by whom, how, what was said."""

    id: int
    arrear_id: int
    room_code: str
    fee_type: FeeType
    followed_at: datetime
    by: str  # display name, "" when unknown
    method: FollowUpMethod
    said: str


@dataclass(frozen=True)
class ArrearsHousehold:
    """A household with unsettled arrears, as the follow-up list shows it."""

    room_id: int
    room_code: str
    owner_id: int | None
    owner_name: str
    phone: str
    total: Decimal  # all its unsettled arrears
    oldest_since: date
    fee_types: tuple[FeeType, ...]
    arrear_ids: tuple[int, ...]  # unsettled, oldest first
    last_followup: FollowUpRow | None  # its latest follow-up of any arrear
    state: FollowUpState

    @property
    def status(self) -> RoutineStatus:
        return self.state.status


def _check_text(text: str, what_zh: str, what_en: str) -> str:
    text = text.strip()
    if len(text) > _TEXT_MAX:
        raise InputProblem(zh=f"{what_zh}过长（最多 {_TEXT_MAX} 字）。", en=f"The {what_en} is too long.", rule="A15")
    return text


def _arrear_row(arrear: Arrear, code: str) -> ArrearRow:
    return ArrearRow(
        arrear.id,
        arrear.room_id,
        code,
        FeeType(arrear.fee_type),
        arrear.amount,
        arrear.since,
        arrear.settled_on,
        arrear.note,
    )


def enter_arrear(
    s: Session,
    clock: Clock,
    *,
    room_id: int,
    fee_type: FeeType | str,
    amount: Decimal | int | str,
    since: date,
    note: str = "",
) -> Arrear:
    """Enter an arrear inside the caller's unit of work (the form, an import, the demo); checks no permission."""
    kind = fee_type if isinstance(fee_type, FeeType) else FeeType.parse(fee_type)
    owed = arrear_amount(amount)
    if since > office_date(clock.now()):
        raise InputProblem(
            zh=f"欠费起始日期 {since} 在今天之后。", en=f"The arrears start {since} is in the future.", rule="A15"
        )
    if s.get(Room, room_id) is None:
        raise NotFound(zh=f"没有这个房间（编号 {room_id}）。", en=f"No room with id {room_id}.")
    arrear = Arrear(
        room_id=room_id,
        fee_type=kind.value,
        amount=owed,
        since=since,
        settled_on=None,
        note=_check_text(note, "备注", "note"),
        created_at=clock.now(),
    )
    s.add(arrear)
    s.flush()
    return arrear


def add_arrear(
    db: Database,
    clock: Clock,
    actor: Actor,
    room_id: int,
    fee_type: FeeType | str,
    amount: Decimal | int | str,
    since: date,
    note: str = "",
) -> ArrearRow:
    """The clerk enters a household's arrear: fee type (物业费/水费/电费/其他), amount in yuan, unpaid since."""
    require_role(actor, ROUTINE_KEEPERS, zh="登记欠费", en="enter arrears")
    with db.session() as s:
        arrear = enter_arrear(s, clock, room_id=room_id, fee_type=fee_type, amount=amount, since=since, note=note)
        return _arrear_row(arrear, arrear.room.code)


def settle_arrear(db: Database, clock: Clock, actor: Actor, arrear_id: int, on: date | None = None) -> ArrearRow:
    """An arrear is paid (结清) on ``on`` (today by default); its follow-ups stay on record."""
    require_role(actor, ROUTINE_KEEPERS, zh="登记缴清欠费", en="settle arrears")
    today = office_date(clock.now())
    day = on or today
    with db.session() as s:
        arrear = _arrear(s, arrear_id)
        if arrear.settled_on is not None:
            raise RuleViolation(
                zh=f"这笔欠费已于 {arrear.settled_on} 结清。",
                en=f"This arrear was settled on {arrear.settled_on}.",
                rule="A15",
            )
        if not arrear.since <= day <= today:
            raise InputProblem(
                zh=f"结清日期 {day} 应在欠费起始日 {arrear.since} 与今天之间。",
                en=f"The settlement date {day} must be between {arrear.since} and today.",
                rule="A15",
            )
        arrear.settled_on = day
        return _arrear_row(arrear, arrear.room.code)


def _arrear(s: Session, arrear_id: int) -> Arrear:
    arrear = s.get(Arrear, arrear_id)
    if arrear is None:
        raise NotFound(zh=f"没有这笔欠费（编号 {arrear_id}）。", en=f"No arrear with id {arrear_id}.", rule="A15")
    return arrear


def add_followup(
    s: Session, clock: Clock, arrear: Arrear, *, by: int | None, method: FollowUpMethod | str, said: str
) -> ArrearsFollowUp:
    """Write a follow-up of an unsettled arrear made now, inside the caller's unit of work; checks no permission."""
    how = method if isinstance(method, FollowUpMethod) else FollowUpMethod.parse(method)
    said = _check_text(said, "跟进内容", "note of what was said")
    if not said:
        raise InputProblem(zh="请记录跟进时沟通的内容。", en="Write down what was said in the follow-up.", rule="A15")
    if arrear.settled_on is not None:
        raise RuleViolation(
            zh=f"这笔欠费已于 {arrear.settled_on} 结清，无需跟进。",
            en=f"This arrear was settled on {arrear.settled_on}; there is nothing to follow up.",
            rule="A15",
        )
    followup = ArrearsFollowUp(arrear_id=arrear.id, followed_at=clock.now(), by_user=by, method=how.value, said=said)
    s.add(followup)
    s.flush()
    return followup


def record_followup(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    room_id: int | None = None,
    arrear_id: int | None = None,
    method: FollowUpMethod | str = FollowUpMethod.PHONE,
    said: str,
) -> FollowUpRow:
    """Record a follow-up made now, of one arrear or of a household (then its oldest unsettled arrear)."""
    require_role(actor, ROUTINE_KEEPERS, zh="登记欠费跟进", en="record arrears follow-ups")
    if (room_id is None) == (arrear_id is None):
        raise InputProblem(zh="请指定房间或一笔欠费（二选一）。", en="Name either a room or an arrear.", rule="A15")
    with db.session() as s:
        if arrear_id is not None:
            arrear = _arrear(s, arrear_id)
        else:
            found = s.scalars(
                select(Arrear)
                .where(Arrear.room_id == room_id, Arrear.settled_on.is_(None))
                .order_by(Arrear.since, Arrear.id)
                .limit(1)
            ).first()
            if found is None:
                room = s.get(Room, room_id)
                code = room.code if room else str(room_id)
                raise RuleViolation(zh=f"{code} 没有未结清的欠费。", en=f"{code} has no unsettled arrears.", rule="A15")
            arrear = found
        followup = add_followup(s, clock, arrear, by=actor.user_id, method=method, said=said)
        return _followup_row(followup, arrear, arrear.room.code, actor.display_name)


def _followup_row(f: ArrearsFollowUp, arrear: Arrear, code: str, by: str | None) -> FollowUpRow:
    return FollowUpRow(
        f.id, arrear.id, code, FeeType(arrear.fee_type), f.followed_at, by or "", FollowUpMethod(f.method), f.said
    )


# --------------------------------------------------------------------------- reading


def room_arrears(db: Database, actor: Actor, room_id: int) -> list[ArrearRow]:
    """All arrears of a household, settled ones too, oldest first."""
    require_role(actor, ROUTINE_READERS, zh="查看欠费", en="read arrears")
    with db.session() as s:
        query = (
            select(Arrear, Room.code)
            .join(Room, Room.id == Arrear.room_id)
            .where(Arrear.room_id == room_id)
            .order_by(Arrear.since, Arrear.id)
        )
        return [_arrear_row(a, code) for a, code in s.execute(query)]


def followup_history(db: Database, actor: Actor, room_id: int, limit: int | None = None) -> list[FollowUpRow]:
    """A household's follow-ups of all its arrears, newest first."""
    require_role(actor, ROUTINE_READERS, zh="查看欠费跟进记录", en="read arrears follow-ups")
    query = (
        select(ArrearsFollowUp, Arrear, Room.code, User.display_name)
        .join(Arrear, Arrear.id == ArrearsFollowUp.arrear_id)
        .join(Room, Room.id == Arrear.room_id)
        .outerjoin(User, User.id == ArrearsFollowUp.by_user)
        .where(Arrear.room_id == room_id)
        .order_by(ArrearsFollowUp.followed_at.desc(), ArrearsFollowUp.id.desc())
    )
    if limit is not None:
        query = query.limit(max(limit, 0))
    with db.session() as s:
        return [_followup_row(f, a, code, who) for f, a, code, who in s.execute(query)]


def arrears_households(db: Database, clock: Clock, actor: Actor) -> list[ArrearsHousehold]:
    """Every household with unsettled arrears and where it stands with follow-ups, in room order (A9)."""
    require_role(actor, ROUTINE_READERS, zh="查看欠费跟进", en="read the arrears follow-up list")
    today = office_date(clock.now())
    with db.session() as s:
        unsettled: dict[int, list[Arrear]] = {}
        rooms: dict[int, tuple[Room, int, Owner | None]] = {}
        query = (
            select(Arrear, Room, Building.number, Owner)
            .join(Room, Room.id == Arrear.room_id)
            .join(Building, Building.id == Room.building_id)
            .outerjoin(Ownership, and_(Ownership.room_id == Room.id, Ownership.end_date.is_(None)))
            .outerjoin(Owner, Owner.id == Ownership.owner_id)
            .where(Arrear.settled_on.is_(None))
            .order_by(Arrear.since, Arrear.id)
        )
        for arrear, place, number, holder in s.execute(query):
            unsettled.setdefault(place.id, []).append(arrear)
            rooms[place.id] = (place, number, holder)
        latest = _latest_followups(s, set(unsettled))
    households = []
    for room_id, arrears in unsettled.items():
        room, building, owner = rooms[room_id]
        last = latest.get(room_id)
        oldest = arrears[0].since
        state = followup_state(oldest, office_date(last.followed_at) if last else None, today)
        household = ArrearsHousehold(
            room_id,
            room.code,
            owner.id if owner else None,
            owner.name if owner else "",
            (owner.phone or "") if owner else "",
            sum((a.amount for a in arrears), Decimal("0.00")),
            oldest,
            tuple(dict.fromkeys(FeeType(a.fee_type) for a in arrears)),
            tuple(a.id for a in arrears),
            last,
            state,
        )
        households.append((room_sort_key(RoomCode.of(building, room.unit, room.number)), room_id, household))
    households.sort(key=lambda h: (h[0], h[1]))
    return [h for _, _, h in households]


def followups_due(db: Database, clock: Clock, actor: Actor) -> list[ArrearsHousehold]:
    """Households due or overdue for a follow-up today (A15), in room order (A9)."""
    return [h for h in arrears_households(db, clock, actor) if h.status is not RoutineStatus.OK]


def _latest_followups(s: Session, room_ids: set[int]) -> dict[int, FollowUpRow]:
    """Each household's latest follow-up of any of its arrears."""
    if not room_ids:
        return {}
    query = (
        select(ArrearsFollowUp, Arrear, Room.code, User.display_name)
        .join(Arrear, Arrear.id == ArrearsFollowUp.arrear_id)
        .join(Room, Room.id == Arrear.room_id)
        .outerjoin(User, User.id == ArrearsFollowUp.by_user)
        .where(Arrear.room_id.in_(select(Arrear.room_id).where(Arrear.settled_on.is_(None))))
        .order_by(ArrearsFollowUp.followed_at, ArrearsFollowUp.id)
    )
    latest: dict[int, FollowUpRow] = {}
    for f, arrear, code, who in s.execute(query):
        latest[arrear.room_id] = _followup_row(f, arrear, code, who)  # later rows replace earlier ones
    return latest


def followups_due_count(db: Database, clock: Clock, actor: Actor) -> tuple[int, int]:
    """How many households are due and how many overdue for a follow-up today."""
    due = followups_due(db, clock, actor)
    overdue = sum(1 for h in due if h.status is RoutineStatus.OVERDUE)
    return len(due) - overdue, overdue
