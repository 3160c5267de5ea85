"""Fee arrears and their follow-ups (欠费催缴, A15).

The plan: owners in arrears of management, water/electricity or other fees for over a
month are followed up by the clerk, "至少每两周跟进一次" (at least every two weeks).
Precisely, on office dates:

* **Over a month.** An arrear unpaid since ``since`` is a month old on the same day of
  the next month (:func:`add_months`, kept inside short months) and **over** a month from
  the day after: since 2026-10-23 → over a month from 2026-11-24; since 2026-01-31 → a
  month on 2026-02-28, over a month from 2026-03-01. A household is *under the rule* from
  the day its oldest unsettled arrear is over a month old (:func:`over_a_month_from`).
* **Which follow-ups count.** Any follow-up of the household (of any of its arrears) made
  on or after the ``since`` of its oldest unsettled arrear. Older ones were about debts
  since settled and do not count.
* **Due and overdue** (:func:`followup_state`), with S the day the household is under the
  rule and L the last follow-up that counts:

  - no follow-up yet: DUE from S, OVERDUE once 14 days have passed since S with still
    none (from S + 15);
  - a follow-up on L: OK while it is less than 14 days ago, DUE on the day it is exactly
    14 days ago (L + 14, the last day the rule allows), OVERDUE once it is over 14 days ago
    — except that a household is never late before it has been under the rule for 14
    days: a follow-up made before S leaves the deadline at S + 14.

  In general: DUE from ``due_on`` through ``deadline``, OVERDUE after ``deadline``, where
  ``due_on`` = S (no follow-up) or max(L + 14, S), and ``deadline`` = max(L, S) + 14
  (L = S without a follow-up). Before ``due_on`` the household is OK (also before S).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.routines.common import RoutineStatus, add_months

FOLLOW_UP_EVERY_DAYS = 14
"""至少每两周跟进一次: the longest gap between two follow-ups of a household in arrears."""

MAX_AMOUNT = Decimal("9999999999.99")  # what the ledger column holds
_CENT = Decimal("0.01")


class FeeType(StrEnum):
    """The kinds of fee a household can owe."""

    MANAGEMENT = "management"  # 物业费
    WATER = "water"  # 水费
    ELECTRICITY = "electricity"  # 电费
    OTHER = "other"  # 其他

    def label(self, lang: str = "zh") -> str:
        zh, en = _FEE_LABELS[self]
        return zh if lang.startswith("zh") else en

    @staticmethod
    def parse(text: str) -> FeeType:
        """A fee type from its value or its Chinese or English name (``management``, ``物业费``, ``Water``)."""
        return _parse(text, FeeType, _FEE_WORDS, "费用类型", "fee type")


_FEE_LABELS = {
    FeeType.MANAGEMENT: ("物业费", "Management fee"),
    FeeType.WATER: ("水费", "Water"),
    FeeType.ELECTRICITY: ("电费", "Electricity"),
    FeeType.OTHER: ("其他", "Other"),
}
_FEE_WORDS = {
    "物业管理费": FeeType.MANAGEMENT,
    "管理费": FeeType.MANAGEMENT,
    "其它": FeeType.OTHER,
    "electric": FeeType.ELECTRICITY,
}


class FollowUpMethod(StrEnum):
    """How the clerk followed up (催缴方式)."""

    PHONE = "phone"  # 电话
    VISIT = "visit"  # 上门
    NOTICE = "notice"  # 书面催缴通知
    MESSAGE = "message"  # 短信/微信

    def label(self, lang: str = "zh") -> str:
        zh, en = _METHOD_LABELS[self]
        return zh if lang.startswith("zh") else en

    @staticmethod
    def parse(text: str) -> FollowUpMethod:
        return _parse(text, FollowUpMethod, _METHOD_WORDS, "跟进方式", "follow-up method")


_METHOD_LABELS = {
    FollowUpMethod.PHONE: ("电话", "Phone call"),
    FollowUpMethod.VISIT: ("上门", "Visit"),
    FollowUpMethod.NOTICE: ("书面通知", "Written notice"),
    FollowUpMethod.MESSAGE: ("短信/微信", "Message"),
}
_METHOD_WORDS = {
    "电话催缴": FollowUpMethod.PHONE,
    "上门催缴": FollowUpMethod.VISIT,
    "催缴通知": FollowUpMethod.NOTICE,
    "短信": FollowUpMethod.MESSAGE,
    "微信": FollowUpMethod.MESSAGE,
}


_E = TypeVar("_E", "FeeType", "FollowUpMethod")


def _parse(text: str, enum: type[_E], extra: dict[str, _E], what_zh: str, what_en: str) -> _E:
    wanted = text.strip()
    for member in enum:
        if wanted.lower() in (member.value, member.label("en").lower()) or wanted == member.label("zh"):
            return member
    if wanted.lower() in extra:
        return extra[wanted.lower()]
    choices = "、".join(m.label() for m in enum)
    raise InputProblem(
        zh=f"未知的{what_zh}：{text}（可选：{choices}）",
        en=f"Unknown {what_en}: {text} (choose from {', '.join(m.value for m in enum)})",
        rule="A15",
    )


def arrear_amount(value: Decimal | int | str) -> Decimal:
    """An amount owed in yuan: more than zero, at most two decimals (fen)."""
    try:
        if isinstance(value, bool | float):
            raise InvalidOperation  # floats lose fen; the UI passes text
        amount = Decimal(value.strip().replace(",", "").replace("，", "")) if isinstance(value, str) else Decimal(value)
        if not amount.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise InputProblem(
            zh=f"欠费金额不是数字：{value}", en=f"The amount owed is not a number: {value}", rule="A15"
        ) from None
    if amount <= 0:
        raise InputProblem(zh="欠费金额必须大于零。", en="The amount owed must be more than zero.", rule="A15")
    if amount != amount.quantize(_CENT):
        raise InputProblem(zh="欠费金额最多精确到分。", en="The amount has at most two decimals (fen).", rule="A15")
    if amount > MAX_AMOUNT:
        raise InputProblem(zh=f"欠费金额过大：{amount}", en=f"The amount is too large: {amount}", rule="A15")
    return amount.quantize(_CENT)


def over_a_month_from(since: date) -> date:
    """The first day an arrear unpaid since ``since`` is over a month old (2026-10-23 → 2026-11-24)."""
    return add_months(since, 1) + timedelta(days=1)


@dataclass(frozen=True)
class FollowUpState:
    """Where a household in arrears stands with its follow-ups (see the module's rules)."""

    status: RoutineStatus
    under_rule_from: date  # the first day its oldest unsettled arrear is over a month old
    due_on: date  # the next follow-up falls due on this day
    deadline: date  # the last day before it is overdue
    last_followup: date | None  # the last follow-up that counts
    under_rule: bool  # over a month in arrears today

    @property
    def needs_followup(self) -> bool:
        return self.status is not RoutineStatus.OK


def followup_state(oldest_since: date, last_followup: date | None, today: date) -> FollowUpState:
    """A household's follow-up status on ``today`` (all office dates).

    ``oldest_since`` is the ``since`` of its oldest unsettled arrear, ``last_followup`` the
    date of its latest follow-up of any arrear (one before ``oldest_since`` is ignored).
    """
    start = over_a_month_from(oldest_since)
    every = timedelta(days=FOLLOW_UP_EVERY_DAYS)
    last = last_followup if last_followup is not None and last_followup >= oldest_since else None
    if last is None:
        due_on, deadline = start, start + every
    else:
        due_on, deadline = max(last + every, start), max(last, start) + every
    if today < due_on:
        status = RoutineStatus.OK
    elif today <= deadline:
        status = RoutineStatus.DUE
    else:
        status = RoutineStatus.OVERDUE
    return FollowUpState(status, start, due_on, deadline, last, today >= start)
