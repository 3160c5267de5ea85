"""Void marks, legal holds, appraisal and destruction (作废、冻结、鉴定销毁, A16, A17): the rules.

* The review list (到期鉴定清单) holds a record when its retention period has run out (counted from the
  end of its year, ``domain/disposal/retention.py``) or when it has been void longer than the office's grace
  period — and never while a legal hold is on it, nor once it is destroyed.
* A destruction batch (销毁批次) is proposed by the clerk, each item approved or rejected by a supervising
  leader who is not the proposer, and carried out with at least two witnesses (监销人), a method and a
  place. A record that changed after it was proposed must be proposed again before anyone approves or
  destroys it: the proposal keeps the record's fingerprint (:func:`record_fingerprint`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.disposal.retention import Retention, is_expired
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.roles import ARCHIVE_KEEPERS, Role

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

SUPERVISING_LEADERS = frozenset({Role.SUPERVISOR, Role.MANAGEMENT_OFFICE})
VOIDERS = ARCHIVE_KEEPERS | SUPERVISING_LEADERS  # who may mark a record void (A16)
HOLDERS = ARCHIVE_KEEPERS | SUPERVISING_LEADERS  # who may put a record on legal hold (A17)
"""Who approves destruction and lifts a void mark (A16, A17: the supervising leader, 主管领导)."""

DEFAULT_VOID_GRACE_DAYS = 365
MIN_WITNESSES = 2


class Due(StrEnum):
    """Why a record is on the review list."""

    EXPIRED = "expired"  # 保管期满
    VOID = "void"  # 作废逾期

    def label(self, lang: str = "zh") -> str:
        return {Due.EXPIRED: ("保管期满", "Retention expired"), Due.VOID: ("作废已过宽限期", "Void past grace")}[self][
            0 if lang.startswith("zh") else 1
        ]


class BatchState(StrEnum):
    PROPOSED = "proposed"  # 待审批
    APPROVED = "approved"  # 已审批
    CARRIED_OUT = "carried_out"  # 已销毁

    def label(self, lang: str = "zh") -> str:
        names = {
            BatchState.PROPOSED: ("待审批", "Awaiting approval"),
            BatchState.APPROVED: ("已审批，待销毁", "Approved, to carry out"),
            BatchState.CARRIED_OUT: ("已销毁", "Carried out"),
        }
        return names[self][0 if lang.startswith("zh") else 1]


class Decision(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"

    def label(self, lang: str = "zh") -> str:
        names = {
            Decision.PENDING: ("待审批", "Pending"),
            Decision.APPROVED: ("同意销毁", "Approved"),
            Decision.REJECTED: ("不同意", "Rejected"),
        }
        return names[self][0 if lang.startswith("zh") else 1]


class Method(StrEnum):
    """How the originals are destroyed (销毁方式)."""

    SHRED = "shred"  # 粉碎
    PULP = "pulp"  # 打浆
    BURN = "burn"  # 焚烧

    def label(self, lang: str = "zh") -> str:
        names = {
            Method.SHRED: ("粉碎", "Shredding"),
            Method.PULP: ("打浆", "Pulping"),
            Method.BURN: ("焚烧", "Incineration"),
        }
        return names[self][0 if lang.startswith("zh") else 1]

    @staticmethod
    def parse(text: str) -> Method:
        wanted = text.strip().lower()
        for method in Method:
            if wanted in (method.value, method.label("zh"), method.label("en").lower()):
                return method
        choices = "、".join(f"{m.label()}（{m.value}）" for m in Method)
        raise InputProblem(zh=f"销毁方式只能是：{choices}", en=f"The method is one of: {', '.join(Method)}")


class HoldKind(StrEnum):
    """Why a record is held (冻结原因)."""

    DISPUTE = "dispute"  # 业主纠纷
    AUDIT = "audit"  # 审计
    LAWSUIT = "lawsuit"  # 诉讼
    OTHER = "other"  # 其他

    def label(self, lang: str = "zh") -> str:
        names = {
            HoldKind.DISPUTE: ("业主纠纷", "Owner dispute"),
            HoldKind.AUDIT: ("审计", "Audit"),
            HoldKind.LAWSUIT: ("诉讼", "Lawsuit"),
            HoldKind.OTHER: ("其他", "Other"),
        }
        return names[self][0 if lang.startswith("zh") else 1]


STATUS_DESTROYED = "已销毁"
VOID_MARK = "作废"


@dataclass(frozen=True)
class Standing:
    """What the review rule needs to know of one record."""

    retention: Retention
    year: int
    void_on: date | None  # None: not void
    on_hold: bool
    destroyed: bool


def due_for_review(record: Standing, today: date, grace_days: int) -> Due | None:
    """Why the record belongs on the review list today, or None (held and destroyed ones never do)."""
    if record.destroyed or record.on_hold:
        return None
    if is_expired(record.retention, record.year, today):
        return Due.EXPIRED
    if record.void_on is not None and today > record.void_on + timedelta(days=grace_days):
        return Due.VOID
    return None


def why_not_due(record: Standing, today: date, grace_days: int, archive_no: str) -> RuleViolation | None:
    """The refusal to propose a record that is not due, with the reason; None when it is due."""
    if record.destroyed:
        return RuleViolation(zh=f"{archive_no} 已销毁。", en=f"{archive_no} has already been destroyed.", rule="A17")
    if record.on_hold:
        return RuleViolation(
            zh=f"{archive_no} 处于冻结（法律保全）中，解除冻结前不能销毁。",
            en=f"{archive_no} is on legal hold; it cannot be destroyed until the hold is lifted.",
            rule="A17",
        )
    if due_for_review(record, today, grace_days) is not None:
        return None
    last = record.retention.expires_on(record.year)
    if last is None:
        kept_zh, kept_en = "永久保存", "is kept permanently"
    else:
        kept_zh, kept_en = f"保管期限至 {last.isoformat()} 才届满", f"is kept until {last.isoformat()}"
    if record.void_on is not None:
        until = record.void_on + timedelta(days=grace_days)
        kept_zh += f"，作废宽限期至 {until.isoformat()}"
        kept_en += f", and its void grace period runs until {until.isoformat()}"
    return RuleViolation(
        zh=f"{archive_no} 未到销毁时间：{kept_zh}。",
        en=f"{archive_no} is not due for destruction: it {kept_en}.",
        rule="A17",
    )


def check_witnesses(names: Iterable[str]) -> tuple[str, ...]:
    """At least two different witnesses (监销人), each named; returns the names cleaned."""
    cleaned = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
    if len(cleaned) < MIN_WITNESSES:
        raise RuleViolation(
            zh=f"销毁须有至少 {MIN_WITNESSES} 名监销人在场（现有 {len(cleaned)} 名）。",
            en=f"Destruction needs at least {MIN_WITNESSES} witnesses (监销人); {len(cleaned)} named.",
            rule="A17",
        )
    return cleaned


def record_fingerprint(fields: Mapping[str, object]) -> str:
    """A SHA-256 over what a record says (catalogue fields, void mark, attachments): any change shows."""
    text = json.dumps({k: str(v) for k, v in fields.items()}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
