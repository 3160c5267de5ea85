"""The front desk's vocabulary: kinds, channels, statuses and the ticket policy.

Enum values are stable lowercase strings: the database stores them, so never
rename a value (add a new one instead). Every member has a Chinese and an
English label.

The fixed numbers come from the plan and are not configurable:

* F1 — the feedback promise: 二日内反馈处理结果 (2 days from reception);
* F2 — a promised handling time is at most a week after reception (一般不超过一周);
* F4 — someone on site within three minutes (这一过程不能超过三分钟).

What an office may configure lives in :class:`TicketPolicy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

FEEDBACK_WITHIN = timedelta(days=2)
"""F1: the owner hears the result within two days of reception."""

DEFAULT_PROMISE = timedelta(days=2)
"""F2: 承诺时间最好控制在1~2天 — the default promised handling time."""

PROMISE_LIMIT = timedelta(days=7)
"""F2: a promise (first or postponed) is never more than 7 days after reception."""

ARRIVAL_WITHIN = timedelta(minutes=3)
"""F4: from reception to someone on site. Arriving at exactly 3:00 is on time."""


class _Bilingual(StrEnum):
    """A StrEnum whose members have Chinese and English labels in ``_LABELS``."""

    @property
    def label_zh(self) -> str:
        return _LABELS[(type(self), self.value)][0]

    @property
    def label_en(self) -> str:
        return _LABELS[(type(self), self.value)][1]

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


class TicketKind(_Bilingual):
    REPAIR = "repair"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    HELP = "help"
    INQUIRY = "inquiry"
    SPECIAL_SERVICE = "special_service"


class Channel(_Bilingual):
    """How the matter reached the desk."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    WECHAT = "wechat"
    PATROL = "patrol"


class TicketStatus(_Bilingual):
    """OPEN → COMPLETED (handled, waiting for the return visit) → CLOSED.

    A return visit "not satisfied" sends a COMPLETED ticket back to OPEN.
    """

    OPEN = "open"
    COMPLETED = "completed"
    CLOSED = "closed"


class NotifyMethod(_Bilingual):
    """How the owner was told (of a postponement, a delay, progress)."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    WECHAT = "wechat"
    SMS = "sms"


class Confirmation(_Bilingual):
    """How the owner confirmed the work was done (F3)."""

    SIGNATURE = "signature"
    SIGNED_SLIP_PHOTO = "signed_slip_photo"
    PHONE = "phone"

    @property
    def is_signature(self) -> bool:
        return self is not Confirmation.PHONE


class Satisfaction(_Bilingual):
    """The result of the first receiver's return visit (回访)."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    NOT_SATISFIED = "not_satisfied"


class ArrivalOutcome(_Bilingual):
    """Where a ticket stands on the three-minute promise (F4).

    EXPLAINED: late against the three minutes, but the owner was told in advance
    and someone came by the agreed time — counted apart from LATE. Missing the
    agreed time as well is LATE.
    """

    NOT_REQUIRED = "not_required"
    WAITING = "waiting"
    ON_TIME = "on_time"
    EXPLAINED = "explained"
    LATE = "late"


_LABEL_ROWS: tuple[tuple[Enum, tuple[str, str]], ...] = (
    (TicketKind.REPAIR, ("报修", "Repair")),
    (TicketKind.COMPLAINT, ("投诉", "Complaint")),
    (TicketKind.SUGGESTION, ("建议", "Suggestion")),
    (TicketKind.HELP, ("求助", "Help request")),
    (TicketKind.INQUIRY, ("咨询", "Inquiry")),
    (TicketKind.SPECIAL_SERVICE, ("特约服务", "Special service")),
    (Channel.IN_PERSON, ("来访", "In person")),
    (Channel.PHONE, ("电话", "Phone")),
    (Channel.WECHAT, ("微信", "WeChat")),
    (Channel.PATROL, ("巡查发现", "Patrol")),
    (TicketStatus.OPEN, ("处理中", "Open")),
    (TicketStatus.COMPLETED, ("待回访", "Awaiting return visit")),
    (TicketStatus.CLOSED, ("已办结", "Closed")),
    (NotifyMethod.IN_PERSON, ("当面告知", "In person")),
    (NotifyMethod.PHONE, ("电话告知", "By phone")),
    (NotifyMethod.WECHAT, ("微信告知", "By WeChat")),
    (NotifyMethod.SMS, ("短信告知", "By text message")),
    (Confirmation.SIGNATURE, ("业主签字", "Owner's signature")),
    (Confirmation.SIGNED_SLIP_PHOTO, ("签字单照片", "Photo of the signed slip")),
    (Confirmation.PHONE, ("电话确认", "Confirmed by phone")),
    (Satisfaction.SATISFIED, ("满意", "Satisfied")),
    (Satisfaction.BASICALLY_SATISFIED, ("基本满意", "Basically satisfied")),
    (Satisfaction.NOT_SATISFIED, ("不满意", "Not satisfied")),
    (ArrivalOutcome.NOT_REQUIRED, ("无需到场", "No visit needed")),
    (ArrivalOutcome.WAITING, ("待到场", "Waiting")),
    (ArrivalOutcome.ON_TIME, ("按时到场", "On time")),
    (ArrivalOutcome.EXPLAINED, ("已事先解释", "Explained in advance")),
    (ArrivalOutcome.LATE, ("超时到场", "Late")),
)
# Keyed by (enum type, value): StrEnum members of different enums with the same value ("phone")
# are equal and hash alike, so keying by the member alone let NotifyMethod.PHONE overwrite Channel.PHONE.
_LABELS: dict[tuple[type[Enum], str], tuple[str, str]] = {
    (type(member), str(member.value)): labels for member, labels in _LABEL_ROWS
}


@dataclass(frozen=True)
class TicketPolicy:
    """What an office may configure about tickets.

    ``promise_defaults`` overrides the 2-day default promise per kind (each at most
    7 days). ``on_site_kinds`` start the three-minute arrival clock.
    ``signature_kinds`` cannot be completed without a kept signature (F3).
    """

    promise_defaults: Mapping[TicketKind, timedelta] = field(default_factory=dict)
    default_promise: timedelta = DEFAULT_PROMISE
    on_site_kinds: frozenset[TicketKind] = frozenset({TicketKind.REPAIR, TicketKind.HELP, TicketKind.COMPLAINT})
    signature_kinds: frozenset[TicketKind] = frozenset({TicketKind.REPAIR, TicketKind.SPECIAL_SERVICE})

    def __post_init__(self) -> None:
        for kind, promise in [(None, self.default_promise), *self.promise_defaults.items()]:
            if not timedelta(0) < promise <= PROMISE_LIMIT:
                which = f" ({kind})" if kind else ""
                raise ValueError(f"a default promise{which} must be more than 0 and at most 7 days (F2)")

    def promise_for(self, kind: TicketKind) -> timedelta:
        return self.promise_defaults.get(kind, self.default_promise)

    def needs_arrival(self, kind: TicketKind, channel: Channel | None = None) -> bool:
        """On-site kinds start the three-minute clock — unless a patrol found the
        matter: the finder is already there and no owner is waiting (F4)."""
        return kind in self.on_site_kinds and channel is not Channel.PATROL

    def needs_signature(self, kind: TicketKind) -> bool:
        return kind in self.signature_kinds


DEFAULT_POLICY = TicketPolicy()
