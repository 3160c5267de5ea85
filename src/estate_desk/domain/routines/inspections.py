"""Archive-room inspections (档案室检查, A10): the checks, the schedule and the readings.

The archive room must be kept dry, ventilated and clean, fire-, insect-, rodent- and
damp-proof, and inspected regularly. An inspection answers each :class:`Check` and may
note the temperature and relative humidity. The schedule (:class:`InspectionInterval`,
monthly by default) says when the next one is due (:func:`inspection_due`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.routines.common import RoutineStatus, add_months, office_date


class Check(StrEnum):
    """One check of the archive-room inspection (档案室检查, A10); the value names the log column ``<value>_ok``."""

    FIRE = "fire"  # 消防器材齐全有效
    DAMP = "damp"  # 防潮
    PESTS = "pests"  # 防虫
    RODENTS = "rodents"  # 防鼠
    VENTILATION = "ventilation"  # 通风
    CLEAN = "clean"  # 清洁

    def label(self, lang: str = "zh") -> str:
        zh, en = _CHECK_LABELS[self]
        return zh if lang.startswith("zh") else en


_CHECK_LABELS = {
    Check.FIRE: ("消防器材齐全有效", "Fire equipment in place and in date"),
    Check.DAMP: ("无潮湿、渗漏（防潮）", "Dry, no damp or leaks"),
    Check.PESTS: ("无虫害（防虫）", "No insects"),
    Check.RODENTS: ("无鼠害（防鼠）", "No rodents"),
    Check.VENTILATION: ("通风良好", "Well ventilated"),
    Check.CLEAN: ("整洁卫生", "Clean and tidy"),
}


def check_results(results: dict[Check, bool] | dict[str, bool]) -> dict[Check, bool]:
    """Every check with its outcome (True = passed). Each of the six must be answered, none other given."""
    answered: dict[Check, bool] = {}
    for key, passed in results.items():
        try:
            check = Check(key)
        except ValueError:
            raise InputProblem(zh=f"没有这一检查项：{key}", en=f"No such inspection check: {key}", rule="A10") from None
        if not isinstance(passed, bool):
            raise InputProblem(
                zh=f"检查项「{check.label()}」只能填是或否。",
                en=f"The check '{check.label('en')}' is yes or no.",
                rule="A10",
            )
        answered[check] = passed
    missing = [c for c in Check if c not in answered]
    if missing:
        raise InputProblem(
            zh="以下检查项未填写：" + "、".join(c.label() for c in missing),
            en="These checks are not answered: " + ", ".join(c.label("en") for c in missing),
            rule="A10",
        )
    return {c: answered[c] for c in Check}


class IntervalUnit(StrEnum):
    DAYS = "d"
    WEEKS = "w"
    MONTHS = "m"


_INTERVAL_MAX = {IntervalUnit.DAYS: 366, IntervalUnit.WEEKS: 52, IntervalUnit.MONTHS: 12}
_UNIT_WORDS = {
    "d": IntervalUnit.DAYS,
    "天": IntervalUnit.DAYS,
    "日": IntervalUnit.DAYS,
    "day": IntervalUnit.DAYS,
    "days": IntervalUnit.DAYS,
    "w": IntervalUnit.WEEKS,
    "周": IntervalUnit.WEEKS,
    "星期": IntervalUnit.WEEKS,
    "week": IntervalUnit.WEEKS,
    "weeks": IntervalUnit.WEEKS,
    "m": IntervalUnit.MONTHS,
    "月": IntervalUnit.MONTHS,
    "个月": IntervalUnit.MONTHS,
    "month": IntervalUnit.MONTHS,
    "months": IntervalUnit.MONTHS,
}
_NAMED_INTERVALS = {
    "monthly": "1m",
    "每月": "1m",
    "weekly": "1w",
    "每周": "1w",
    "fortnightly": "2w",
    "quarterly": "3m",
    "每季度": "3m",
}
_INTERVAL_TEXT = re.compile(r"(?:每|every)?\s*([0-9]{1,4})?\s*(个月|星期|[a-z]+|[天日周月])")


@dataclass(frozen=True)
class InspectionInterval:
    """How often the archive room is inspected: every ``count`` days, weeks or calendar months."""

    count: int
    unit: IntervalUnit

    def __post_init__(self) -> None:
        limit = _INTERVAL_MAX[self.unit]
        if not 1 <= self.count <= limit:
            raise InputProblem(
                zh=f"检查周期不合理：{self.label()}（1–{limit}）",
                en=f"Unreasonable inspection interval: {self.label('en')} (1–{limit})",
                rule="A10",
            )

    @property
    def value(self) -> str:
        """The stored form: ``1m``, ``2w``, ``10d``."""
        return f"{self.count}{self.unit.value}"

    def label(self, lang: str = "zh") -> str:
        zh = lang.startswith("zh")
        if self.unit is IntervalUnit.MONTHS:
            return (
                ("每月" if zh else "every month")
                if self.count == 1
                else (f"每{self.count}个月" if zh else f"every {self.count} months")
            )
        if self.unit is IntervalUnit.WEEKS:
            return (
                ("每周" if zh else "every week")
                if self.count == 1
                else (f"每{self.count}周" if zh else f"every {self.count} weeks")
            )
        return (
            ("每天" if zh else "every day")
            if self.count == 1
            else (f"每{self.count}天" if zh else f"every {self.count} days")
        )

    def after(self, day: date) -> date:
        """The date one interval after ``day``."""
        if self.unit is IntervalUnit.MONTHS:
            return add_months(day, self.count)
        return day + timedelta(days=self.count * (7 if self.unit is IntervalUnit.WEEKS else 1))

    @staticmethod
    def parse(text: str) -> InspectionInterval:
        """``1m``, ``2w``, ``14d``, ``每月``, ``每2周``, ``每3个月``, ``every 2 weeks``, ``monthly``, ``quarterly``."""
        raw = text.strip().lower()
        raw = _NAMED_INTERVALS.get(raw, raw)
        match = _INTERVAL_TEXT.fullmatch(raw)
        unit = _UNIT_WORDS.get(match.group(2)) if match else None
        if match is None or unit is None:
            raise InputProblem(
                zh=f"无法识别检查周期「{text}」，请写成「每月」「每2周」「每3个月」等",
                en=f"Cannot read the inspection interval '{text}': write it like 1m, 2w, 14d or 'every 3 months'",
                rule="A10",
            )
        return InspectionInterval(int(match.group(1) or 1), unit)


MONTHLY = InspectionInterval(1, IntervalUnit.MONTHS)
"""The default schedule: the archive room is inspected every month."""

INSPECTION_GRACE_DAYS = 7
"""Days after the due date an inspection is still "due" before it is "overdue"."""


@dataclass(frozen=True)
class InspectionDue:
    """Where the archive-room inspections stand today.

    ``due_on`` is one interval after the last inspection's date (today when there never was
    one); the status is OK before ``due_on``, DUE from ``due_on`` through ``due_on + grace``
    days, OVERDUE from ``overdue_from`` on. With no inspection ever recorded it is DUE.
    """

    status: RoutineStatus
    last: date | None
    due_on: date
    overdue_from: date | None  # None when never inspected: due now, never late
    days_left: int  # due_on - today: negative once past
    interval: InspectionInterval


def inspection_due(
    last_inspected: datetime | None,
    now: datetime,
    interval: InspectionInterval = MONTHLY,
    grace_days: int = INSPECTION_GRACE_DAYS,
) -> InspectionDue:
    """The next inspection's due date and status, from the last inspection's instant and ``now``."""
    if grace_days < 0:
        raise ValueError("grace_days cannot be negative")
    today = office_date(now)
    if last_inspected is None:
        return InspectionDue(RoutineStatus.DUE, None, today, None, 0, interval)
    last = office_date(last_inspected)
    due_on = interval.after(last)
    overdue_from = due_on + timedelta(days=grace_days + 1)
    if today < due_on:
        status = RoutineStatus.OK
    elif today < overdue_from:
        status = RoutineStatus.DUE
    else:
        status = RoutineStatus.OVERDUE
    return InspectionDue(status, last, due_on, overdue_from, (due_on - today).days, interval)


# Readings. The archive-room norm is that of JGJ 25-2010《档案馆建筑设计规范》for paper
# archive stores (纸质档案库): 14–24 °C and 45–60 % relative humidity, the common archive
# standard. Readings outside the norm are accepted with a warning; readings outside the
# plausible limits are typing mistakes (or a broken thermometer) and refused.
ROOM_TEMPERATURE_C = (Decimal(14), Decimal(24))
ROOM_HUMIDITY_PCT = (Decimal(45), Decimal(60))
PLAUSIBLE_TEMPERATURE_C = (Decimal(-30), Decimal(60))
PLAUSIBLE_HUMIDITY_PCT = (Decimal(0), Decimal(100))
_TENTH = Decimal("0.1")


class Reading(StrEnum):
    TEMPERATURE = "temperature"
    HUMIDITY = "humidity"

    def label(self, lang: str = "zh") -> str:
        zh, en = ("温度", "Temperature") if self is Reading.TEMPERATURE else ("相对湿度", "Relative humidity")
        return zh if lang.startswith("zh") else en

    @property
    def unit(self) -> str:
        return "°C" if self is Reading.TEMPERATURE else "%"


def reading_value(value: Decimal | float | str | None, what: Reading) -> Decimal | None:
    """A reading as stored (rounded to 0.1), or None when not taken; implausible values are refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        number = (
            Decimal(value.strip().replace("，", ".").replace(",", "."))
            if isinstance(value, str)
            else Decimal(str(value))
        )
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise InputProblem(
            zh=f"{what.label()}读数不是数字：{value}",
            en=f"{what.label('en')} reading is not a number: {value}",
            rule="A10",
        ) from None
    number = number.quantize(_TENTH, rounding=ROUND_HALF_UP)
    low, high = PLAUSIBLE_TEMPERATURE_C if what is Reading.TEMPERATURE else PLAUSIBLE_HUMIDITY_PCT
    if not low <= number <= high:
        raise InputProblem(
            zh=f"{what.label()}读数 {number}{what.unit} 不合理（应在 {low}–{high}{what.unit} 之间）",
            en=f"{what.label('en')} reading {number}{what.unit} is implausible (expected {low}–{high}{what.unit})",
            rule="A10",
        )
    return number


@dataclass(frozen=True)
class ReadingWarning:
    """A reading outside the archive-room norm: accepted, but the clerk should act (heat, dehumidify …)."""

    reading: Reading
    value: Decimal
    low: Decimal
    high: Decimal

    def message(self, lang: str = "zh") -> str:
        unit = self.reading.unit
        if lang.startswith("zh"):
            side = "偏高" if self.value > self.high else "偏低"
            return f"{self.reading.label()} {self.value}{unit} {side}（档案库标准 {self.low}–{self.high}{unit}）"
        side = "high" if self.value > self.high else "low"
        return (
            f"{self.reading.label('en')} {self.value}{unit} is too {side} (archive norm {self.low}–{self.high}{unit})"
        )


def reading_warnings(temperature: Decimal | None, humidity: Decimal | None) -> list[ReadingWarning]:
    """Warnings for readings outside the archive-room norm (limits inclusive)."""
    warnings: list[ReadingWarning] = []
    for what, value, (low, high) in (
        (Reading.TEMPERATURE, temperature, ROOM_TEMPERATURE_C),
        (Reading.HUMIDITY, humidity, ROOM_HUMIDITY_PCT),
    ):
        if value is not None and not low <= value <= high:
            warnings.append(ReadingWarning(what, value, low, high))
    return warnings
