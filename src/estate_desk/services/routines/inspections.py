"""The archive-room inspection log (档案室检查记录, A10): record an inspection, read the log, know when the next is due.

The schedule (monthly unless the office sets another interval) is kept in the settings
table under :data:`INTERVAL_SETTING` as ``1m`` / ``2w`` / ``14d``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.routines.common import ROUTINE_KEEPERS, ROUTINE_READERS
from estate_desk.domain.routines.inspections import (
    MONTHLY,
    Check,
    InspectionDue,
    InspectionInterval,
    Reading,
    ReadingWarning,
    check_results,
    inspection_due,
    reading_value,
    reading_warnings,
)
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import Setting, User
from estate_desk.store.routines import Inspection

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime
    from decimal import Decimal

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

INTERVAL_SETTING = "inspection_interval"
"""Settings key of the inspection schedule (``1m`` by default)."""

_NOTES_MAX = 2000


@dataclass(frozen=True)
class InspectionRow:
    """One line of the inspection log, as the clerk reads it."""

    id: int
    inspected_at: datetime
    inspector: str  # display name, "" when unknown
    results: dict[Check, bool]  # every check, in the order of Check
    temperature_c: Decimal | None
    humidity_pct: Decimal | None
    notes: str
    warnings: tuple[ReadingWarning, ...]  # readings outside the archive-room norm

    @property
    def failed(self) -> list[Check]:
        """The checks that did not pass."""
        return [c for c, ok in self.results.items() if not ok]

    @property
    def all_ok(self) -> bool:
        return not self.failed and not self.warnings


@dataclass(frozen=True)
class InspectionStatus:
    """When the archive room is next to be inspected, and the last inspection (None if never)."""

    due: InspectionDue
    last: InspectionRow | None


def _column(check: Check) -> str:
    return f"{check.value}_ok"


def _row(inspection: Inspection, inspector: str | None) -> InspectionRow:
    results = {c: bool(getattr(inspection, _column(c))) for c in Check}
    temperature, humidity = inspection.temperature_c, inspection.humidity_pct
    return InspectionRow(
        inspection.id,
        inspection.inspected_at,
        inspector or "",
        results,
        temperature,
        humidity,
        inspection.notes,
        tuple(reading_warnings(temperature, humidity)),
    )


def add_inspection(
    s: Session,
    clock: Clock,
    *,
    inspector_id: int | None,
    checks: Mapping[Check, bool] | Mapping[str, bool],
    temperature: Decimal | float | str | None = None,
    humidity: Decimal | float | str | None = None,
    notes: str = "",
) -> Inspection:
    """Write an inspection done now into the log, inside the caller's unit of work; checks no permission."""
    results = check_results(dict(checks))
    notes = notes.strip()
    if len(notes) > _NOTES_MAX:
        raise InputProblem(
            zh=f"备注过长（最多 {_NOTES_MAX} 字）。", en=f"The notes are too long (at most {_NOTES_MAX}).", rule="A10"
        )
    inspection = Inspection(
        inspected_at=clock.now(),
        inspector_id=inspector_id,
        temperature_c=reading_value(temperature, Reading.TEMPERATURE),
        humidity_pct=reading_value(humidity, Reading.HUMIDITY),
        notes=notes,
        **{_column(c): passed for c, passed in results.items()},
    )
    s.add(inspection)
    s.flush()
    return inspection


def record_inspection(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    checks: Mapping[Check, bool] | Mapping[str, bool],
    temperature: Decimal | float | str | None = None,
    humidity: Decimal | float | str | None = None,
    notes: str = "",
) -> InspectionRow:
    """The clerk records an inspection of the archive room made now: each check, the readings, notes.

    Every check must be answered; implausible readings are refused; readings outside the
    archive-room norm are kept and come back as warnings on the row.
    """
    require_role(actor, ROUTINE_KEEPERS, zh="登记档案室检查", en="record archive-room inspections")
    with db.session() as s:
        inspection = add_inspection(
            s, clock, inspector_id=actor.user_id, checks=checks, temperature=temperature, humidity=humidity, notes=notes
        )
        return _row(inspection, actor.display_name)


def inspection_log(db: Database, actor: Actor, limit: int | None = 50) -> list[InspectionRow]:
    """The inspection log (检查记录), newest first."""
    require_role(actor, ROUTINE_READERS, zh="查看档案室检查记录", en="read the inspection log")
    return _latest(db, limit)


def _latest(db: Database, limit: int | None) -> list[InspectionRow]:
    if limit is not None and limit <= 0:
        return []
    query = (
        select(Inspection, User.display_name)
        .outerjoin(User, User.id == Inspection.inspector_id)
        .order_by(Inspection.inspected_at.desc(), Inspection.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    with db.session() as s:
        return [_row(inspection, name) for inspection, name in s.execute(query)]


def inspection_count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Inspection)) or 0


# --------------------------------------------------------------------------- the schedule


def interval_in(s: Session) -> InspectionInterval:
    """The office's inspection schedule (monthly when never set)."""
    stored = s.get(Setting, INTERVAL_SETTING)
    return MONTHLY if stored is None else InspectionInterval.parse(stored.value)


def inspection_interval(db: Database) -> InspectionInterval:
    with db.session() as s:
        return interval_in(s)


def set_inspection_interval(db: Database, actor: Actor, interval: InspectionInterval | str) -> InspectionInterval:
    """The office sets how often the archive room is inspected (``每2周``, ``3m`` …)."""
    require_role(actor, ROUTINE_KEEPERS, zh="设置档案室检查周期", en="set the inspection schedule")
    chosen = interval if isinstance(interval, InspectionInterval) else InspectionInterval.parse(interval)
    with db.session() as s:
        stored = s.get(Setting, INTERVAL_SETTING)
        if stored is None:
            s.add(Setting(key=INTERVAL_SETTING, value=chosen.value))
        else:
            stored.value = chosen.value
    return chosen


def inspection_status(db: Database, clock: Clock) -> InspectionStatus:
    """Whether an inspection is due today: from the last one, the schedule and ``clock.now()``."""
    with db.session() as s:
        interval = interval_in(s)
    latest = _latest(db, 1)
    last = latest[0] if latest else None
    due = inspection_due(last.inspected_at if last else None, clock.now(), interval)
    return InspectionStatus(due, last)
