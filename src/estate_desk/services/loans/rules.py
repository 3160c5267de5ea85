"""The office's borrowing settings (借阅规则, A12): approval chains by grade and the loan periods.

Kept as JSON in the settings table under :data:`~estate_desk.domain.loans.rules.RULES_SETTING` and
:data:`~estate_desk.domain.loans.rules.PERIOD_SETTING`; absent, the safe defaults of ``domain/loans/rules.py``
apply. The management office and the administrator change them; every change is checked
(``domain.loans.check_rules``) and audited with its before and after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.loans.rules import (
    DEFAULT_RULES,
    PERIOD_SETTING,
    RULE_EDITORS,
    RULES_SETTING,
    ApprovalRules,
    LoanPeriod,
    check_rules,
)
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import Setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def rules_in(s: Session) -> ApprovalRules:
    row = s.get(Setting, RULES_SETTING)
    return ApprovalRules.from_json(row.value) if row is not None else DEFAULT_RULES


def period_in(s: Session) -> LoanPeriod:
    row = s.get(Setting, PERIOD_SETTING)
    return LoanPeriod.from_json(row.value) if row is not None else LoanPeriod()


def approval_rules(db: Database) -> ApprovalRules:
    with db.session() as s:
        return rules_in(s)


def loan_period(db: Database) -> LoanPeriod:
    with db.session() as s:
        return period_in(s)


def _save(s: Session, clock: Clock, actor: Actor, key: str, value: str, before: str, what: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(
        s,
        actor,
        AuditAction.CHANGE,
        Target("setting", None, what),
        detail={"before": before, "after": value},
        clock=clock,
    )


def set_approval_rules(db: Database, clock: Clock, actor: Actor, rules: ApprovalRules) -> None:
    """Put the office's approval chains in force for requests made from now on (A12)."""
    require_role(actor, RULE_EDITORS, zh="修改借阅审批规则", en="change the loan approval rules")
    check_rules(rules)
    with db.session() as s:
        _save(s, clock, actor, RULES_SETTING, rules.to_json(), rules_in(s).to_json(), "借阅审批规则")


def set_loan_period(db: Database, clock: Clock, actor: Actor, period: LoanPeriod) -> None:
    """Set the default and longest loan periods and how often a loan may be renewed."""
    require_role(actor, RULE_EDITORS, zh="修改借阅期限", en="change the loan periods")
    with db.session() as s:
        _save(s, clock, actor, PERIOD_SETTING, period.to_json(), period_in(s).to_json(), "借阅期限")
