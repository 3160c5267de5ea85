"""Borrowing (借阅): loan requests, approval by grade, due dates and renewals (A6, A11, A12).

**Approval by grade (A12).** Who approves a request depends on the most secret thing it asks for
and on whether it is a special case (特殊情况). The office edits the rules (:class:`ApprovalRules`,
kept as JSON in the settings table); the safe defaults are 公开/内部 → the archive clerk, 秘密 → a
supervisor, 机密 and 绝密 (owner files) → the management office, special cases → the management
office. A rule may name several approvers, who decide in order. A request by an outside person is a
special case by this office's rule. The chain is fixed when the request is made, so an edit to the
rules never changes what a pending request needs.

**Who may decide.** Nobody approves a request they made or one in which they are the borrower; one
person decides one step only; an approver must be cleared for the request's grade.

**Periods.** A request names its due date; without one it gets the office's default period (e.g.
7 days). A due date in the past, or beyond the office's maximum, is refused. A renewal (续借) moves
the due date on within the same maximum, counted from the day of the renewal, at most
``max_renewals`` times, and not once the loan is overdue. A loan is overdue from the day after its
due date (:func:`days_overdue`), computed from the stored due date and the clock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade

RULES_SETTING = "loans.approval_rules"
PERIOD_SETTING = "loans.period"


class RequestState(StrEnum):
    """Where a loan request (借阅申请) stands."""

    PENDING = "pending"  # 待审批
    APPROVED = "approved"  # 已批准
    REFUSED = "refused"  # 未批准
    WITHDRAWN = "withdrawn"  # 已撤回
    CLOSED = "closed"  # 已结清: everything lent has come back

    def label(self, lang: str = "zh") -> str:
        return _STATE[self][0 if lang.startswith("zh") else 1]


_STATE = {
    RequestState.PENDING: ("待审批", "Awaiting approval"),
    RequestState.APPROVED: ("已批准", "Approved"),
    RequestState.REFUSED: ("未批准", "Refused"),
    RequestState.WITHDRAWN: ("已撤回", "Withdrawn"),
    RequestState.CLOSED: ("已结清", "Closed"),
}


class ItemKind(StrEnum):
    DOCUMENT = "document"  # 件
    VOLUME = "volume"  # 案卷
    BOX = "box"  # 整盒

    def label(self, lang: str = "zh") -> str:
        zh = {"document": "件", "volume": "案卷", "box": "整盒"}[self.value]
        return zh if lang.startswith("zh") else self.value


class Form(StrEnum):
    """What the borrower gets: the original (原件) or a copy (复制件)."""

    ORIGINAL = "original"
    COPY = "copy"

    def label(self, lang: str = "zh") -> str:
        return ("原件" if self is Form.ORIGINAL else "复制件") if lang.startswith("zh") else self.value


class Place(StrEnum):
    """Where the borrower may use it: in the reading room only (仅限阅览室) or taken out (带出)."""

    READING_ROOM = "reading_room"
    TAKEN_OUT = "taken_out"

    def label(self, lang: str = "zh") -> str:
        return ("阅览室查阅" if self is Place.READING_ROOM else "借出") if lang.startswith("zh") else self.value


APPROVER_ROLES = (Role.ARCHIVE_CLERK, Role.SUPERVISOR, Role.MANAGEMENT_OFFICE)
"""The roles a rule may name (the responsible persons of A12)."""
RULE_EDITORS = frozenset({Role.MANAGEMENT_OFFICE, Role.ADMINISTRATOR})
"""Who may change the approval rules and periods."""


@dataclass(frozen=True)
class ApprovalRules:
    """Who approves, in order: a chain of roles for each grade, and one for special cases (A12)."""

    by_grade: dict[Grade, tuple[Role, ...]]
    special: tuple[Role, ...]

    def chain(self, grade: Grade, *, special: bool = False) -> tuple[Role, ...]:
        """The approvers a request of this (highest) grade needs, in order."""
        return self.special if special else self.by_grade[grade]

    def to_json(self) -> str:
        data = {
            "by_grade": {g.name.lower(): [r.value for r in roles] for g, roles in sorted(self.by_grade.items())},
            "special": [r.value for r in self.special],
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> ApprovalRules:
        try:
            data = json.loads(text)
            by_grade = {Grade[k.upper()]: tuple(Role(r) for r in v) for k, v in data["by_grade"].items()}
            special = tuple(Role(r) for r in data["special"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputProblem(
                zh=f"借阅审批规则无法读取：{exc}", en=f"The loan approval rules cannot be read: {exc}", rule="A12"
            ) from None
        return check_rules(ApprovalRules({**DEFAULT_RULES.by_grade, **by_grade}, special))


DEFAULT_RULES = ApprovalRules(
    {
        Grade.PUBLIC: (Role.ARCHIVE_CLERK,),
        Grade.INTERNAL: (Role.ARCHIVE_CLERK,),
        Grade.SECRET: (Role.SUPERVISOR,),
        Grade.CONFIDENTIAL: (Role.MANAGEMENT_OFFICE,),
        Grade.TOP_SECRET: (Role.MANAGEMENT_OFFICE,),
    },
    (Role.MANAGEMENT_OFFICE,),
)


def check_rules(rules: ApprovalRules) -> ApprovalRules:
    """Refuse rules that would let a request through unsafely; returns them unchanged when sound.

    Every grade needs at least one approver, only :data:`APPROVER_ROLES`, none twice in a chain;
    special cases must go to the management office (A12), and so must 绝密 (owner files).
    """
    for grade in Grade:
        roles = rules.by_grade.get(grade, ())
        _check_chain(roles, grade.label(), grade.label("en"))
    _check_chain(rules.special, "特殊情况", "special cases")
    for roles, zh, en in (
        (rules.special, "特殊情况", "Special cases"),
        (rules.by_grade[Grade.TOP_SECRET], "绝密（业主档案）", "Top-secret (owner-file)"),
    ):
        if Role.MANAGEMENT_OFFICE not in roles:
            raise InputProblem(
                zh=f"{zh}借阅须报管理处审批，规则中不能去掉管理处。",
                en=f"{en} loans go to the management office; the rule cannot leave it out.",
                rule="A12",
                where=zh,
            )
    return rules


def _check_chain(roles: tuple[Role, ...], zh: str, en: str) -> None:
    if not roles:
        raise InputProblem(
            zh=f"“{zh}”至少需要一位审批人。", en=f"'{en}' needs at least one approver.", rule="A12", where=zh
        )
    for role in roles:
        if role not in APPROVER_ROLES:
            raise InputProblem(
                zh=f"{role.zh}不能审批借阅（“{zh}”）。",
                en=f"A {role.en.lower()} cannot approve loans ('{en}').",
                rule="A12",
                where=zh,
            )
    if len(set(roles)) != len(roles):
        raise InputProblem(
            zh=f"“{zh}”的审批顺序中同一角色出现了两次。",
            en=f"'{en}' names the same role twice.",
            rule="A12",
            where=zh,
        )


# --------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class LoanPeriod:
    """The office's periods: the default, the maximum from the day of lending or renewing, renewals."""

    default_days: int = 7
    max_days: int = 30
    max_renewals: int = 1

    def __post_init__(self) -> None:
        if not (1 <= self.default_days <= self.max_days <= 365) or not (0 <= self.max_renewals <= 10):
            raise InputProblem(
                zh="借阅期限须满足 1 ≤ 默认天数 ≤ 最长天数 ≤ 365，续借次数 0–10。",
                en="Loan periods need 1 ≤ default days ≤ maximum days ≤ 365 and 0–10 renewals.",
            )

    def to_json(self) -> str:
        return json.dumps(
            {"default_days": self.default_days, "max_days": self.max_days, "max_renewals": self.max_renewals}
        )

    @staticmethod
    def from_json(text: str) -> LoanPeriod:
        try:
            data = json.loads(text)
            return LoanPeriod(int(data["default_days"]), int(data["max_days"]), int(data["max_renewals"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputProblem(
                zh=f"借阅期限设置无法读取：{exc}", en=f"The loan periods cannot be read: {exc}"
            ) from None


def due_date(period: LoanPeriod, today: date, wanted: date | None) -> date:
    """The due date of a new request: ``wanted`` checked, or today + the default period."""
    if wanted is None:
        return today + timedelta(days=period.default_days)
    if wanted < today:
        raise InputProblem(
            zh=f"归还日期 {wanted} 已经过去。", en=f"The due date {wanted} is in the past.", where="归还日期"
        )
    return _within(period, today, wanted)


def _within(period: LoanPeriod, start: date, wanted: date) -> date:
    latest = start + timedelta(days=period.max_days)
    if wanted > latest:
        raise RuleViolation(
            zh=f"借阅期限最长 {period.max_days} 天（至 {latest}），{wanted} 超出了。",
            en=f"Loans run at most {period.max_days} days (to {latest}); {wanted} is beyond that.",
            rule="A12",
        )
    return wanted


def renewed_due(period: LoanPeriod, today: date, current: date, renewals: int, wanted: date | None) -> date:
    """The new due date of a renewal (续借), or a refusal saying which rule stops it."""
    if renewals >= period.max_renewals:
        raise RuleViolation(
            zh=f"已续借 {renewals} 次，最多可续借 {period.max_renewals} 次。",
            en=f"Already renewed {renewals} time(s); at most {period.max_renewals} allowed.",
            rule="A12",
        )
    if days_overdue(current, today) > 0:
        raise RuleViolation(
            zh=f"已逾期（应于 {current} 归还），不能续借，请先归还。",
            en=f"Overdue (due on {current}); it cannot be renewed — return it first.",
            rule="A12",
        )
    new = wanted if wanted is not None else current + timedelta(days=period.default_days)
    if new <= current:
        raise InputProblem(
            zh=f"续借后的归还日期须晚于原日期 {current}。",
            en=f"The renewed due date must be after {current}.",
            where="归还日期",
        )
    return _within(period, today, new)


def days_overdue(due: date, today: date) -> int:
    """How many days past its due date a loan is (0 while it is not overdue)."""
    return max((today - due).days, 0)


# --------------------------------------------------------------------------- decisions


@dataclass(frozen=True)
class Step:
    """One decision already taken on a request."""

    role: Role
    user_id: int
    approved: bool


@dataclass(frozen=True)
class Approval:
    """A request's approval chain and the decisions so far."""

    chain: tuple[Role, ...]
    steps: tuple[Step, ...] = field(default=())

    @property
    def refused(self) -> bool:
        return any(not s.approved for s in self.steps)

    @property
    def complete(self) -> bool:
        return not self.refused and len(self.steps) >= len(self.chain)

    @property
    def next_role(self) -> Role | None:
        if self.refused or self.complete:
            return None
        return self.chain[len(self.steps)]


def check_decider(approval: Approval, *, role: Role, user_id: int, parties: set[int]) -> Role:
    """Refuse a decision this person may not take; returns the role of the step they decide."""
    if user_id in parties:
        raise RuleViolation(
            zh="不能审批本人提出或本人借阅的申请。", en="Nobody approves their own request.", rule="A12"
        )
    wanted = approval.next_role
    if wanted is None:
        raise RuleViolation(zh="这份申请已不需要审批。", en="This request needs no more decisions.", rule="A12")
    if any(s.user_id == user_id for s in approval.steps):
        raise RuleViolation(
            zh="同一人只能审批其中一步，下一步须由另一位审批人决定。",
            en="One person decides one step only; the next step needs another approver.",
            rule="A12",
        )
    if role is not wanted:
        raise RuleViolation(
            zh=f"这一步须由{wanted.zh}审批，{role.zh}不能代为审批。",
            en=f"This step is for the {wanted.en.lower()}; a {role.en.lower()} cannot decide it.",
            rule="A12",
        )
    return wanted
