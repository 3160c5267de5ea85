"""Void marks, legal holds and the office's retention settings (作废、冻结、保管期限, A16, A17).

* **Void (作废).** The clerk (or a supervising leader) marks a document or a volume void with a reason and a
  date; only a supervising leader takes the mark off. Both directions are audited. A void record stays
  where it is, marked everywhere it is shown and printed, left out of default searches, and cannot be lent
  as current (``services/archive/record_state.require_current``, for the loans ledger).
* **Legal holds (冻结).** A hold — owner dispute, audit, lawsuit — with its reason and who set it keeps a
  record off the review list and out of any destruction batch until it is lifted.
* **Retention.** Besides 永久, 30 and 10 years an office adds its own periods (``retention.custom_years``),
  sets each category's default and the grace period after which a void record comes up for review
  (``retention.void_grace_days``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.disposal.retention import Retention, offered_periods
from estate_desk.domain.disposal.rules import DEFAULT_VOID_GRACE_DAYS, HOLDERS, SUPERVISING_LEADERS, VOIDERS, HoldKind
from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.roles import Role
from estate_desk.services import audit
from estate_desk.services.archive.record_state import require_not_destroyed
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Setting, User
from estate_desk.store.archive import Category, Document, Volume
from estate_desk.store.disposal import LegalHold

if TYPE_CHECKING:
    from datetime import date, datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

SETTERS = frozenset({Role.ADMINISTRATOR, *SUPERVISING_LEADERS})
GRACE = "retention.void_grace_days"
CUSTOM = "retention.custom_years"
MAX_REASON = 500


def today(clock: Clock) -> date:
    """The office's date now (China time)."""
    return clock.now().astimezone(CHINA_TZ).date()


def _reason(text: str, zh: str, en: str) -> str:
    reason = text.strip()
    if not reason:
        raise InputProblem(zh=f"请填写{zh}。", en=f"Give the {en}.")
    return reason[:MAX_REASON]


# --------------------------------------------------------------------------- void (作废, A16)


@dataclass(frozen=True)
class VoidMark:
    """A record's void mark as lists and the detail pane show it."""

    reason: str
    on: date | None
    by: str | None  # display name


def _visible_volume(s: Session, actor: Actor, volume_id: int) -> Volume:
    volume = s.get(Volume, volume_id)
    if volume is None or volume_id not in clearance.visible_volume_ids(s, actor, [volume_id]):
        raise NotFound(zh=f"没有这个案卷（编号 {volume_id}）。", en=f"No volume with id {volume_id}.")
    return volume


def _record(
    s: Session, actor: Actor, kind: str, volume_id: int | None = None, document_id: int | None = None
) -> Document | Volume:
    if kind == "document" and document_id is not None:
        return clearance.visible_document(s, actor, document_id)
    if kind == "volume" and volume_id is not None:
        return _visible_volume(s, actor, volume_id)
    raise InputProblem(zh="只能作废文件或案卷。", en="Only a document or a volume can be marked void.")


def _target(s: Session, record: Document | Volume) -> Target:
    if isinstance(record, Document):
        return Target("document", record.id, record.archive_no, record.secrecy)
    return Target("volume", record.id, record.code, clearance.volume_grades(s, [record.id])[record.id])


def mark_void(
    db: Database, clock: Clock, actor: Actor, kind: str, record_id: int, *, reason: str, on: date | None = None
) -> None:
    """Mark a document or volume void (作废) with a reason, a date (today unless given) and who did it."""
    require_role(actor, VOIDERS, zh="作废档案", en="mark records void")
    why = _reason(reason, "作废原因", "reason for voiding")
    with db.session() as s:
        record = _record(
            s, actor, kind, record_id if kind == "volume" else None, record_id if kind == "document" else None
        )
        if isinstance(record, Document) and record.destroyed_in is not None:
            raise RuleViolation(
                zh=f"{record.archive_no} 已销毁。", en=f"{record.archive_no} has been destroyed.", rule="A17"
            )
        if record.void:
            raise InputProblem(zh="该档案已是作废状态。", en="The record is already marked void.")
        day = on or today(clock)
        if day > today(clock):
            raise InputProblem(zh="作废日期不能晚于今天。", en="The void date cannot be in the future.")
        record.void, record.void_reason, record.void_on, record.void_by = True, why, day, actor.user_id
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            _target(s, record),
            reason=why,
            detail={"void": True, "on": day.isoformat()},
            clock=clock,
        )


def lift_void(db: Database, clock: Clock, actor: Actor, kind: str, record_id: int, *, reason: str) -> None:
    """Take a void mark off (撤销作废): a supervising leader only, with a reason; audited."""
    require_role(actor, SUPERVISING_LEADERS, zh="撤销作废", en="lift a void mark")
    why = _reason(reason, "撤销原因", "reason for lifting the mark")
    with db.session() as s:
        record = _record(
            s, actor, kind, record_id if kind == "volume" else None, record_id if kind == "document" else None
        )
        if isinstance(record, Document) and record.destroyed_in is not None:
            raise RuleViolation(
                zh=f"{record.archive_no} 已销毁。", en=f"{record.archive_no} has been destroyed.", rule="A17"
            )
        if not record.void:
            raise InputProblem(zh="该档案没有作废标记。", en="The record is not marked void.")
        was = {"reason": record.void_reason, "on": record.void_on.isoformat() if record.void_on else None}
        record.void, record.void_reason, record.void_on, record.void_by = False, "", None, None
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            _target(s, record),
            reason=why,
            detail={"void": False, "was": was},
            clock=clock,
        )


def void_mark(s: Session, record: Document | Volume) -> VoidMark | None:
    """The record's void mark, or None."""
    if not record.void:
        return None
    by = s.get(User, record.void_by) if record.void_by else None
    return VoidMark(record.void_reason, record.void_on, by.display_name if by else None)


# --------------------------------------------------------------------------- legal holds (冻结)


@dataclass(frozen=True)
class HoldRow:
    id: int
    document_id: int
    archive_no: str
    kind: HoldKind
    reason: str
    set_by: str | None
    set_at: datetime


def held_ids(s: Session) -> set[int]:
    """Documents under a hold not yet lifted."""
    return set(s.scalars(select(LegalHold.document_id).where(LegalHold.lifted_at.is_(None))))


def place_hold(db: Database, clock: Clock, actor: Actor, document_id: int, kind: HoldKind, reason: str) -> int:
    """Put a legal hold on a record (an owner dispute, an audit, a lawsuit); audited."""
    require_role(actor, HOLDERS, zh="冻结档案", en="put records on legal hold")
    why = _reason(reason, "冻结原因", "reason for the hold")
    with db.session() as s:
        document = clearance.visible_document(s, actor, document_id)
        require_not_destroyed(document)
        hold = LegalHold(
            document_id=document.id,
            kind=kind.value,
            reason=why,
            set_by=actor.user_id,
            set_at=clock.now(),
            lift_reason="",
        )
        s.add(hold)
        s.flush()
        audit.record(
            s, actor, AuditAction.CHANGE, _target(s, document), reason=why, detail={"hold": kind.value}, clock=clock
        )
        return hold.id


def lift_hold(db: Database, clock: Clock, actor: Actor, hold_id: int, reason: str) -> None:
    """Lift a legal hold; audited."""
    require_role(actor, HOLDERS, zh="解除冻结", en="lift legal holds")
    why = _reason(reason, "解除原因", "reason for lifting the hold")
    with db.session() as s:
        hold = s.get(LegalHold, hold_id)
        if hold is None or hold.lifted_at is not None:
            raise NotFound(zh=f"没有生效中的冻结（编号 {hold_id}）。", en=f"No hold in force with id {hold_id}.")
        document = clearance.visible_document(s, actor, hold.document_id)
        hold.lifted_by, hold.lifted_at, hold.lift_reason = actor.user_id, clock.now(), why
        audit.record(
            s, actor, AuditAction.CHANGE, _target(s, document), reason=why, detail={"hold_lifted": hold.id}, clock=clock
        )


def holds(db: Database, actor: Actor) -> list[HoldRow]:
    """Holds in force on records the reader may see."""
    with db.session() as s:
        rows = s.execute(
            select(LegalHold, Document.archive_no, User.display_name)
            .join(Document, Document.id == LegalHold.document_id)
            .outerjoin(User, User.id == LegalHold.set_by)
            .where(LegalHold.lifted_at.is_(None), clearance.documents_visible(actor))
            .order_by(LegalHold.set_at, LegalHold.id)
        )
        return [HoldRow(h.id, h.document_id, no, HoldKind(h.kind), h.reason, who, h.set_at) for h, no, who in rows]


# --------------------------------------------------------------------------- retention settings


def _setting(s: Session, key: str) -> str | None:
    row = s.get(Setting, key)
    return row.value if row is not None else None


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def grace_days(s: Session) -> int:
    """How long a void record waits before it comes up for review (days)."""
    raw = (_setting(s, GRACE) or "").strip()
    return int(raw) if raw.isdigit() else DEFAULT_VOID_GRACE_DAYS


def custom_years(s: Session) -> list[int]:
    raw = _setting(s, CUSTOM) or ""
    return sorted({int(p) for p in raw.split(",") if p.strip().isdigit()})


def periods(db: Database) -> tuple[Retention, ...]:
    """The retention periods this office offers: 永久, 30, 10 years and its own."""
    with db.session() as s:
        return offered_periods(custom_years(s))


def _require_setter(actor: Actor) -> None:
    require_role(actor, SETTERS, zh="修改保管期限设置", en="change the retention settings")


def set_grace_days(db: Database, clock: Clock, actor: Actor, days: int) -> None:
    _require_setter(actor)
    if not 0 <= days <= 3650:
        raise InputProblem(
            zh=f"作废宽限期应在 0 至 3650 天之间：{days}", en=f"The void grace period is 0 to 3650 days: {days}"
        )
    with db.session() as s:
        before = grace_days(s)
        _put(s, GRACE, str(days))
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("setting", None, GRACE),
            detail={"changed": [before, days]},
            clock=clock,
        )


def add_period(db: Database, clock: Clock, actor: Actor, years: int) -> Retention:
    """Offer another period of ``years`` (the office's own, e.g. 5 or 15 years)."""
    _require_setter(actor)
    period = Retention.years(years)
    with db.session() as s:
        current = custom_years(s)
        if period.years_kept in current or period in offered_periods([]):
            raise InputProblem(zh=f"已有保管期限 {period.label()}。", en=f"{period.label('en')} is already offered.")
        _put(s, CUSTOM, ",".join(str(n) for n in sorted([*current, years])))
        audit.record(
            s, actor, AuditAction.CHANGE, Target("setting", None, CUSTOM), detail={"added": years}, clock=clock
        )
    return period


def set_category_default(db: Database, clock: Clock, actor: Actor, category_code: str, retention: Retention) -> None:
    """The period new records of a category get unless the clerk chooses another."""
    _require_setter(actor)
    with db.session() as s:
        if retention not in offered_periods(custom_years(s)):
            raise InputProblem(
                zh=f"本单位没有保管期限 {retention.label()}，请先添加。",
                en=f"The office offers no period of {retention.label('en')}; add it first.",
            )
        category = s.scalar(select(Category).where(Category.code == category_code))
        if category is None:
            raise NotFound(zh=f"没有这个门类：{category_code}", en=f"No such category: {category_code}")
        before = category.default_retention
        category.default_retention = retention.value
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("category", category.id, category.code),
            detail={"default_retention": [before, retention.value]},
            clock=clock,
        )
