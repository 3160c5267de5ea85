"""The front desk's settings, with the plan's defaults (F1, F2, F3, F5, F7, F8).

Kept in the ``settings`` table as JSON under the ``desk.*`` keys; whatever is not set there has
its default: promises of 2 days for every kind (never more than 7, F2), a signature for repairs
and special services (F3), a 30-day window for repeat complaints (F7), the service centre staffed
07:00–23:00 (16 hours, F5) and a starting price list of special services (F8). The on-call list
shown when nobody is at the desk is every active staff member with a phone number, after any
contacts the office adds (guard room, repair duty phone).

Changing a setting is for a supervisor, the management office or the administrator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from estate_desk.domain.desk.office_hours import (
    DEFAULT_OFFICE_HOURS,
    OfficeHours,
    OnCallContact,
    Team,
    contacts_to_show,
    is_desk_staffed,
    next_desk_change,
)
from estate_desk.domain.desk.review import REPEAT_WINDOW
from estate_desk.domain.desk.special_services import PriceList, SpecialService
from estate_desk.domain.desk.terms import DEFAULT_POLICY, PROMISE_LIMIT, TicketKind, TicketPolicy
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.roles import Role
from estate_desk.services.desk.tickets import DESK_SUPERVISORS
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import Setting, User

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

PROMISES_SETTING = "desk.promise_hours"  # {"repair": 24, ...}
SIGNATURES_SETTING = "desk.signature_kinds"  # ["repair", "special_service"]
REPEAT_WINDOW_SETTING = "desk.repeat_window_days"  # 30
OFFICE_HOURS_SETTING = "desk.office_hours"  # {"opens": "07:00", "closes": "23:00"}
ON_CALL_SETTING = "desk.on_call"  # [{"name": …, "phone": …, "role": …, "team": "guards"}]
PRICE_LIST_SETTING = "desk.price_list"  # [{"code": …, "name_zh": …, "name_en": …, "price": "10.00", "unit_zh": "桶"}]

SETTINGS_KEEPERS = DESK_SUPERVISORS | {Role.ADMINISTRATOR}

DEFAULT_PRICE_LIST = PriceList(
    (
        SpecialService("water", "送桶装水", "Bottled water delivery", Decimal("18.00"), "桶", "bottle"),
        SpecialService("cleaning", "家政保洁", "Housekeeping", Decimal("40.00"), "小时", "hour"),
        SpecialService("pipe", "管道疏通", "Unblocking drains", Decimal("80.00"), "次", "time"),
        SpecialService("fixture", "灯具、水龙头更换（人工）", "Fitting lamps or taps (labour)", Decimal("30.00")),
        SpecialService("appliance", "家电清洗", "Appliance cleaning", Decimal("120.00"), "台", "unit"),
        SpecialService("laundry", "衣物代洗", "Laundry", Decimal("15.00"), "件", "piece"),
        SpecialService("parcel", "代收代送快递", "Parcel collection and delivery", Decimal("2.00"), "件", "parcel"),
        SpecialService("moving", "搬运", "Carrying and moving", Decimal("60.00"), "小时", "hour"),
    )
)

_ON_CALL_ROLES = frozenset({Role.RECEPTIONIST, Role.STAFF, Role.SUPERVISOR, Role.MANAGEMENT_OFFICE})


@dataclass(frozen=True)
class DeskSettings:
    """Everything the desk's rules read from the settings, defaults filled in."""

    policy: TicketPolicy
    repeat_window: timedelta
    office_hours: OfficeHours
    price_list: PriceList
    extra_contacts: tuple[OnCallContact, ...]


@dataclass(frozen=True)
class OnCallBoard:
    """Whether the service centre is staffed now (F5), the numbers to show when it is not
    (empty while staffed), and when that next changes (for one single-shot timer)."""

    staffed: bool
    contacts: tuple[OnCallContact, ...]
    next_change: datetime
    hours: OfficeHours


def _raw(s: Session, key: str) -> Any:
    value = s.scalar(select(Setting.value).where(Setting.key == key))
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None  # a hand-edited value that is not JSON: the default applies


def _put(s: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=text))
    else:
        row.value = text


def _policy(s: Session) -> TicketPolicy:
    promises = _raw(s, PROMISES_SETTING)
    signatures = _raw(s, SIGNATURES_SETTING)
    try:
        defaults = {
            TicketKind(k): timedelta(hours=float(h))
            for k, h in (promises if isinstance(promises, dict) else {}).items()
            if k in set(TicketKind)
        }
        return TicketPolicy(
            promise_defaults=defaults,
            signature_kinds=(
                frozenset(TicketKind(k) for k in signatures if k in set(TicketKind))
                if isinstance(signatures, list)
                else DEFAULT_POLICY.signature_kinds
            ),
        )
    except (TypeError, ValueError):  # a hand-edited value the rules refuse: the defaults apply
        return DEFAULT_POLICY


def _hours(s: Session) -> OfficeHours:
    raw = _raw(s, OFFICE_HOURS_SETTING)
    if not isinstance(raw, dict):
        return DEFAULT_OFFICE_HOURS
    try:
        return OfficeHours(time.fromisoformat(raw["opens"]), time.fromisoformat(raw["closes"]))
    except (KeyError, TypeError, ValueError):
        return DEFAULT_OFFICE_HOURS


def _price_list(s: Session) -> PriceList:
    raw = _raw(s, PRICE_LIST_SETTING)
    if not isinstance(raw, list):
        return DEFAULT_PRICE_LIST
    return PriceList(_service(entry) for entry in raw)


def _service(entry: dict[str, Any]) -> SpecialService:
    try:
        price = Decimal(str(entry["price"]))
    except (KeyError, InvalidOperation) as exc:
        raise InputProblem(zh="价目表中的价格无效。", en="A price in the price list is invalid.", rule="F8") from exc
    return SpecialService(
        str(entry.get("code", "")),
        str(entry.get("name_zh", "")),
        str(entry.get("name_en", "")),
        price,
        str(entry.get("unit_zh") or "次"),
        str(entry.get("unit_en") or "time"),
    )


def _contacts(s: Session) -> tuple[OnCallContact, ...]:
    raw = _raw(s, ON_CALL_SETTING)
    if not isinstance(raw, list):
        return ()
    found = []
    for entry in raw:
        if isinstance(entry, dict) and entry.get("name") and entry.get("phone"):
            team = entry.get("team", Team.SERVICE_DESK.value)
            found.append(
                OnCallContact(
                    str(entry["name"]),
                    str(entry["phone"]),
                    str(entry.get("role", "")),
                    Team(team) if team in set(Team) else Team.SERVICE_DESK,
                )
            )
    return tuple(found)


def settings_in(s: Session) -> DeskSettings:
    """The desk's settings inside a unit of work."""
    window = _raw(s, REPEAT_WINDOW_SETTING)
    days = int(window) if isinstance(window, int | float) and 1 <= window <= 365 else REPEAT_WINDOW.days
    return DeskSettings(_policy(s), timedelta(days=days), _hours(s), _price_list(s), _contacts(s))


def desk_settings(db: Database) -> DeskSettings:
    with db.session() as s:
        return settings_in(s)


def _keeper(actor: Actor) -> None:
    require_role(actor, SETTINGS_KEEPERS, zh="修改前台设置", en="change the desk's settings")


def set_promise_default(db: Database, actor: Actor, kind: TicketKind, promise: timedelta) -> None:
    """The promised handling time a new ticket of ``kind`` gets (F2: more than 0, at most 7 days)."""
    _keeper(actor)
    if not timedelta(0) < promise <= PROMISE_LIMIT:
        raise RuleViolation(
            zh="承诺时间必须大于 0，且一般不超过一周（7 天）。",
            en="A promised time must be more than 0 and at most a week (7 days).",
            rule="F2",
        )
    with db.session() as s:
        promises = dict(_raw(s, PROMISES_SETTING) or {})
        promises[kind.value] = promise.total_seconds() / 3600
        _put(s, PROMISES_SETTING, promises)


def set_signature_required(db: Database, actor: Actor, kind: TicketKind, required: bool) -> None:
    """Whether completing a ticket of ``kind`` needs the owner's kept signature (F3)."""
    _keeper(actor)
    with db.session() as s:
        kinds = set(_policy(s).signature_kinds)
        (kinds.add if required else kinds.discard)(kind)
        _put(s, SIGNATURES_SETTING, sorted(k.value for k in kinds))


def set_repeat_window(db: Database, actor: Actor, days: int) -> None:
    """How far back an earlier complaint makes a new one a repeat (F7; 30 days by default)."""
    _keeper(actor)
    if not 1 <= days <= 365:
        raise InputProblem(zh="重复投诉的判断期为 1 到 365 天。", en="The repeat window is 1 to 365 days.", rule="F7")
    with db.session() as s:
        _put(s, REPEAT_WINDOW_SETTING, days)


def set_office_hours(db: Database, actor: Actor, opens: time, closes: time) -> None:
    """The service centre's staffed hours (F5; 07:00–23:00 by default; may span midnight)."""
    _keeper(actor)
    try:
        OfficeHours(opens, closes)
    except ValueError as exc:
        raise InputProblem(
            zh="值班开始和结束时间不能相同。", en="The desk must open and close at different times.", rule="F5"
        ) from exc
    with db.session() as s:
        _put(s, OFFICE_HOURS_SETTING, {"opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")})


def set_on_call_contacts(db: Database, actor: Actor, contacts: Iterable[OnCallContact]) -> None:
    """Numbers shown before the staff's own when nobody is at the desk (guard room, repair duty)."""
    _keeper(actor)
    entries = []
    for c in contacts:
        if not c.name.strip() or not c.phone.strip():
            raise InputProblem(
                zh="值班联系人需要姓名和电话。", en="An on-call contact needs a name and a phone.", rule="F5"
            )
        entries.append({"name": c.name.strip(), "phone": c.phone.strip(), "role": c.role, "team": c.team.value})
    with db.session() as s:
        _put(s, ON_CALL_SETTING, entries)


def set_price_list(db: Database, actor: Actor, services: Iterable[SpecialService]) -> None:
    """Replace the price list (F8). Tickets keep the prices their owners agreed to."""
    _keeper(actor)
    listed = PriceList(services)  # checks codes are unique
    entries = [
        {
            "code": x.code,
            "name_zh": x.name_zh,
            "name_en": x.name_en,
            "price": str(x.price),
            "unit_zh": x.unit_zh,
            "unit_en": x.unit_en,
        }
        for x in listed
    ]
    with db.session() as s:
        _put(s, PRICE_LIST_SETTING, entries)


def price_list(db: Database) -> list[SpecialService]:
    """The special services on offer, as the intake dialog lists them (F8)."""
    return list(desk_settings(db).price_list)


def on_call_contacts_in(s: Session) -> tuple[OnCallContact, ...]:
    """Every number to show when nobody is at the desk: the office's extra contacts, then every
    active service-centre and handling staff member with a phone (F5)."""
    extra = _contacts(s)
    seen = {c.phone for c in extra}
    staff: list[OnCallContact] = []
    query = select(User).where(User.disabled.is_(False), User.phone.is_not(None)).order_by(User.role, User.id)
    for user in s.scalars(query):
        role = Role(user.role)
        if role not in _ON_CALL_ROLES or not user.phone or user.phone in seen:
            continue
        seen.add(user.phone)
        team = Team.REPAIRS if role is Role.STAFF else Team.SERVICE_DESK
        staff.append(OnCallContact(user.display_name, user.phone, role.zh, team))
    return (*extra, *staff)


def on_call_board(db: Database, clock: Clock) -> OnCallBoard:
    """What the desk shows about who can be reached now (F5)."""
    now = clock.now()
    with db.session() as s:
        hours = _hours(s)
        contacts = on_call_contacts_in(s)
    return OnCallBoard(
        is_desk_staffed(now, hours), contacts_to_show(now, contacts, hours), next_desk_change(now, hours), hours
    )
