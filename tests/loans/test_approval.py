"""Loan requests and approval by grade (A12): the rules, who may decide, and bad input."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from database_support import make_actor
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.domain.loans.rules import DEFAULT_RULES, ApprovalRules, LoanPeriod, RequestState, check_rules
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.loans import approval as loan_approval
from estate_desk.services.loans import requests as loans
from estate_desk.services.loans import rules as loan_rules
from estate_desk.services.loans.requests import Borrower, RequestDraft
from estate_desk.store.audit import AuditEvent
from estate_desk.store.loans import LoanDecision, LoanRequest
from loan_support import Archive, make_archive, raises_zh

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("grade", "chain"),
    [
        (Grade.PUBLIC, (Role.ARCHIVE_CLERK,)),
        (Grade.INTERNAL, (Role.ARCHIVE_CLERK,)),
        (Grade.SECRET, (Role.SUPERVISOR,)),
        (Grade.CONFIDENTIAL, (Role.MANAGEMENT_OFFICE,)),
        (Grade.TOP_SECRET, (Role.MANAGEMENT_OFFICE,)),
    ],
)
def test_a12_the_highest_grade_decides_who_approves(archive: Archive, grade: Grade, chain: tuple[Role, ...]) -> None:
    borrower = archive.office2  # cleared for 绝密, so every grade can be asked for
    request = archive.ask(archive.by_grade[Grade.PUBLIC], archive.by_grade[grade], borrower=borrower)
    assert request.grade is grade and request.chain == chain
    assert request.state is RequestState.PENDING and request.next_role is chain[0]


def test_a12_special_cases_go_to_the_management_office(archive: Archive) -> None:
    request = archive.ask(archive.by_grade[Grade.PUBLIC], special=True)
    assert request.chain == (Role.MANAGEMENT_OFFICE,)
    with raises_zh(RuleViolation, "管理处"):
        loan_approval.decide(archive.db, archive.clock, archive.clerk, request.id, approve=True)
    approved = loan_approval.decide(archive.db, archive.clock, archive.office, request.id, approve=True, comment="特批")
    assert approved.state is RequestState.APPROVED


def test_a12_an_outside_person_is_a_special_case(archive: Archive) -> None:
    outsider = Borrower(
        name="李警官", organisation="某派出所", phone="110", id_no="310101199001011234", clearance=Grade.INTERNAL
    )
    draft = RequestDraft(outsider, (archive.by_grade[Grade.INTERNAL],), "案件调查")
    request = loans.request_loan(archive.db, archive.clock, archive.clerk, draft)
    assert request.outside and request.chain == (Role.MANAGEMENT_OFFICE,)
    with raises_zh(InputProblem, "证件号码"):
        loans.request_loan(
            archive.db, archive.clock, archive.clerk, RequestDraft(Borrower(name="某人"), draft.codes, "调查")
        )


def test_a12_a_rule_of_several_approvers_is_decided_in_order_by_different_people(archive: Archive) -> None:
    rules = ApprovalRules(
        {**DEFAULT_RULES.by_grade, Grade.SECRET: (Role.SUPERVISOR, Role.MANAGEMENT_OFFICE)}, DEFAULT_RULES.special
    )
    loan_rules.set_approval_rules(archive.db, archive.clock, archive.office, rules)
    request = archive.ask(archive.by_grade[Grade.SECRET], borrower=archive.office2)
    assert request.chain == (Role.SUPERVISOR, Role.MANAGEMENT_OFFICE)
    with raises_zh(RuleViolation, "主管"):  # the management office cannot go first
        loan_approval.decide(archive.db, archive.clock, archive.office, request.id, approve=True)
    step1 = loan_approval.decide(
        archive.db, archive.clock, archive.supervisor, request.id, approve=True, comment="可以"
    )
    assert step1.state is RequestState.PENDING and step1.next_role is Role.MANAGEMENT_OFFICE
    done = loan_approval.decide(archive.db, archive.clock, archive.office, request.id, approve=True, comment="同意")
    assert done.state is RequestState.APPROVED
    assert [(d.role, d.name, d.comment) for d in done.decisions] == [
        (Role.SUPERVISOR, "supervisor", "可以"),
        (Role.MANAGEMENT_OFFICE, "office", "同意"),
    ]
    assert done.decisions[0].at == archive.clock.now()


def test_a12_a_rule_change_does_not_touch_a_pending_request(archive: Archive) -> None:
    request = archive.ask(archive.by_grade[Grade.INTERNAL])
    rules = ApprovalRules({**DEFAULT_RULES.by_grade, Grade.INTERNAL: (Role.SUPERVISOR,)}, DEFAULT_RULES.special)
    loan_rules.set_approval_rules(archive.db, archive.clock, archive.office, rules)
    assert loans.loan_request(archive.db, archive.clerk, request.id).chain == (Role.ARCHIVE_CLERK,)
    assert archive.ask(archive.by_grade[Grade.INTERNAL]).chain == (Role.SUPERVISOR,)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({Grade.SECRET: ()}, "至少需要一位审批人"),
        ({Grade.SECRET: (Role.RECEPTIONIST,)}, "不能审批借阅"),
        ({Grade.SECRET: (Role.SUPERVISOR, Role.SUPERVISOR)}, "两次"),
        ({Grade.TOP_SECRET: (Role.SUPERVISOR,)}, "管理处"),
    ],
)
def test_a12_unsafe_rules_are_refused(change: dict[Grade, tuple[Role, ...]], words: str) -> None:
    with raises_zh(InputProblem, words):
        check_rules(ApprovalRules({**DEFAULT_RULES.by_grade, **change}, DEFAULT_RULES.special))
    with raises_zh(InputProblem, "管理处"):
        check_rules(ApprovalRules(DEFAULT_RULES.by_grade, (Role.SUPERVISOR,)))


def test_a12_only_the_management_office_or_administrator_edits_the_rules(archive: Archive) -> None:
    with pytest.raises(PermissionDenied):
        loan_rules.set_approval_rules(archive.db, archive.clock, archive.clerk, DEFAULT_RULES)
    assert ApprovalRules.from_json(DEFAULT_RULES.to_json()) == DEFAULT_RULES


def test_a12_nobody_approves_their_own_request(archive: Archive) -> None:
    own = archive.ask(archive.by_grade[Grade.INTERNAL], borrower=archive.clerk)  # the clerk borrows
    before = _count(archive.db, LoanDecision)
    with raises_zh(RuleViolation, "本人"):
        loan_approval.decide(archive.db, archive.clock, archive.clerk, own.id, approve=True)
    assert _count(archive.db, LoanDecision) == before
    # made by the clerk for the staff member: the clerk made it, so the clerk cannot approve it either
    made = archive.ask(archive.by_grade[Grade.INTERNAL], by=archive.clerk)
    with raises_zh(RuleViolation, "本人"):
        loan_approval.decide(archive.db, archive.clock, archive.clerk, made.id, approve=True)
    assert (
        loan_approval.decide(archive.db, archive.clock, archive.clerk2, made.id, approve=True).state
        is RequestState.APPROVED
    )
    with archive.db.session() as s:
        refusals = s.scalars(select(AuditEvent.reason).where(AuditEvent.action == "refuse")).all()
    assert sum("本人" in r for r in refusals) == 2


def test_a6_a_request_above_the_borrowers_clearance_is_refused_and_nothing_is_kept(archive: Archive) -> None:
    before = _count(archive.db, LoanRequest)
    with raises_zh(PermissionDenied, "无权阅读"):
        archive.ask(archive.by_grade[Grade.SECRET], borrower=archive.staff, by=archive.clerk)
    assert _count(archive.db, LoanRequest) == before
    with archive.db.session() as s:
        assert (
            s.scalar(select(func.count()).where(AuditEvent.action == "refuse", AuditEvent.target_kind == "loan")) == 1
        )


def test_a12_refusing_needs_a_reason_and_is_recorded(archive: Archive) -> None:
    request = archive.ask(archive.by_grade[Grade.INTERNAL])
    with raises_zh(InputProblem, "理由"):
        loan_approval.decide(archive.db, archive.clock, archive.clerk, request.id, approve=False)
    refused = loan_approval.decide(
        archive.db, archive.clock, archive.clerk, request.id, approve=False, comment="用途不明"
    )
    assert refused.state is RequestState.REFUSED
    assert [(d.approved, d.comment) for d in refused.decisions] == [(False, "用途不明")]


def test_a12_an_approver_not_cleared_for_the_grade_cannot_decide(archive: Archive, ready_db: Database) -> None:
    low = make_actor(ready_db, archive.clock, "sup2", "supervisor", int(Grade.INTERNAL))
    request = archive.ask(archive.by_grade[Grade.SECRET], borrower=archive.office2)
    with raises_zh(NotFound, "没有这份借阅申请"):  # above their clearance: it does not exist for them
        loan_approval.decide(archive.db, archive.clock, low, request.id, approve=True)
    with archive.db.session() as s:
        assert (
            s.scalar(select(func.count()).where(AuditEvent.action == "refuse", AuditEvent.target_kind == "loan")) == 1
        )
    assert loans.loan_request(archive.db, archive.clerk, request.id).decisions == ()
    assert loan_approval.awaiting_decision(archive.db, low) == []
    assert [r.id for r in loan_approval.awaiting_decision(archive.db, archive.supervisor)] == [request.id]


def test_a12_an_approval_after_withdrawal_is_refused_and_changes_nothing(archive: Archive) -> None:
    request = archive.ask(archive.by_grade[Grade.INTERNAL])
    withdrawn = loan_approval.withdraw(archive.db, archive.clock, archive.staff, request.id)
    assert withdrawn.state is RequestState.WITHDRAWN
    with raises_zh(RuleViolation, "已撤回"):
        loan_approval.decide(archive.db, archive.clock, archive.clerk, request.id, approve=True)
    again = loans.loan_request(archive.db, archive.clerk, request.id)
    assert again.state is RequestState.WITHDRAWN and again.decisions == ()


def test_bad_input_due_date_in_the_past_or_beyond_the_maximum(archive: Archive) -> None:
    today = date(2026, 11, 23)
    before = _count(archive.db, LoanRequest)
    with raises_zh(InputProblem, "已经过去"):
        archive.ask(archive.by_grade[Grade.INTERNAL], due_on=today - timedelta(days=1))
    with raises_zh(RuleViolation, "最长 30 天"):
        archive.ask(archive.by_grade[Grade.INTERNAL], due_on=today + timedelta(days=31))
    assert _count(archive.db, LoanRequest) == before
    assert archive.ask(archive.by_grade[Grade.INTERNAL]).due_on == today + timedelta(days=7)
    loan_rules.set_loan_period(archive.db, archive.clock, archive.office, LoanPeriod(14, 60, 2))
    assert archive.ask(archive.by_grade[Grade.INTERNAL]).due_on == today + timedelta(days=14)


def test_bad_input_unknown_codes_no_purpose_and_someone_elses_request(archive: Archive) -> None:
    with raises_zh(NotFound, "NOPE-1"):
        archive.ask("NOPE-1")
    with raises_zh(InputProblem, "借阅事由"):
        loans.request_loan(
            archive.db,
            archive.clock,
            archive.staff,
            RequestDraft(Borrower(user_id=archive.staff.user_id), (archive.by_grade[Grade.PUBLIC],), "  "),
        )
    with pytest.raises(PermissionDenied):  # staff cannot file a request in someone else's name
        archive.ask(archive.by_grade[Grade.PUBLIC], borrower=archive.supervisor, by=archive.staff)


def test_a6_a_request_above_the_readers_clearance_is_not_shown_to_them(archive: Archive, ready_db: Database) -> None:
    request = archive.ask(archive.by_grade[Grade.TOP_SECRET], borrower=archive.office2)
    with raises_zh(NotFound, "没有这份借阅申请"):
        loans.loan_request(archive.db, archive.supervisor, request.id)  # cleared for 机密 only
    assert loans.loan_request(archive.db, archive.office2, request.id).number == request.number  # the borrower
