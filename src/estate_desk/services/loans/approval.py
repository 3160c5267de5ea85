"""Deciding on loan requests (审批, A12), and withdrawing them (撤回).

Approvers decide in the order the request's chain names (fixed when it was made, ``loans``);
nobody approves a request they made or borrow on; one person decides one step; an approver must be
cleared for the request's grade (``loans.request_in`` hides it from anyone else); a refusal must
say why. Each decision is kept with who, when and the comment, and audited; a refusal of the
decision itself (a self-approval, a withdrawn request) is audited too. Two approvers deciding the
same step at once: the unique step number lets one win.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.domain.loans.rules import Approval, RequestState, Step, check_decider
from estate_desk.domain.roles import Role
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.loans.requests import LOAN_DESK, RequestView, chain_of, parties, request_in, view_in, views_in
from estate_desk.store.loans import Loan, LoanDecision, LoanRequest

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def awaiting_decision(db: Database, actor: Actor) -> list[RequestView]:
    """Pending requests whose next step is the actor's role, and which the actor may decide."""
    with db.session() as s:
        pending = s.scalars(
            select(LoanRequest).where(LoanRequest.state == RequestState.PENDING.value).order_by(LoanRequest.id)
        )
        views = views_in(s, [r for r in pending if actor.user_id not in parties(r)])
    return [v for v in views if v.next_role is actor.role and v.grade <= actor.clearance]


# --------------------------------------------------------------------------- deciding, withdrawing


def _refuse(db: Database, actor: Actor, request: LoanRequest, error: RuleViolation | PermissionDenied) -> Exception:
    return audit.refused(db, actor, error, Target("loan", request.id, request.number, request.grade))


def _not_pending(request: LoanRequest) -> RuleViolation:
    state = RequestState(request.state)
    if state is RequestState.WITHDRAWN:
        return RuleViolation(
            zh=f"借阅申请 {request.number} 已撤回，不能再审批。",
            en=f"Loan request {request.number} was withdrawn; it cannot be decided.",
            rule="A12",
        )
    return RuleViolation(
        zh=f"借阅申请 {request.number} {state.label()}，不能再审批。",
        en=f"Loan request {request.number} is {state.label('en').lower()}; it cannot be decided.",
        rule="A12",
    )


def decide(
    db: Database, clock: Clock, actor: Actor, request_id: int, *, approve: bool, comment: str = ""
) -> RequestView:
    """Approve or refuse the next step of a request (审批); a refusal must say why (``comment``)."""
    comment = comment.strip()
    if not approve and not comment:
        raise InputProblem(zh="不批准时请写明理由。", en="Say why the request is refused.", where="审批意见")
    try:
        with db.session() as s:
            request = request_in(s, actor, request_id)
            if request.state != RequestState.PENDING.value:
                raise _refuse(db, actor, request, _not_pending(request))
            steps = s.scalars(select(LoanDecision).where(LoanDecision.request_id == request.id))
            approval = Approval(chain_of(request), tuple(Step(Role(d.role), d.user_id, d.approved) for d in steps))
            try:
                role = check_decider(approval, role=actor.role, user_id=actor.user_id, parties=parties(request))
            except RuleViolation as exc:
                raise _refuse(db, actor, request, exc) from None
            s.add(
                LoanDecision(
                    request_id=request.id,
                    step=len(approval.steps),
                    role=role.value,
                    user_id=actor.user_id,
                    approved=approve,
                    comment=comment,
                    decided_at=clock.now(),
                )
            )
            s.flush()
            if not approve:
                request.state, request.finished_at = RequestState.REFUSED.value, clock.now()
            elif len(approval.steps) + 1 >= len(approval.chain):
                request.state = RequestState.APPROVED.value
            audit.record(
                s,
                actor,
                AuditAction.APPROVE,
                Target("loan", request.id, request.number, request.grade),
                reason=comment,
                detail={"approved": approve, "step": len(approval.steps) + 1, "role": role.value},
                clock=clock,
            )
            return view_in(s, request)
    except IntegrityError:  # another approver decided this step a moment ago
        raise RuleViolation(
            zh="这一步刚刚已由他人审批，请刷新后再看。",
            en="Someone else decided this step a moment ago; refresh and look again.",
            rule="A12",
        ) from None


def withdraw(db: Database, clock: Clock, actor: Actor, request_id: int) -> RequestView:
    """Withdraw a request (撤回) before anything is lent on it: the requester, the borrower or the desk."""
    with db.session() as s:
        request = request_in(s, actor, request_id)
        if actor.user_id not in parties(request) and actor.role not in LOAN_DESK:
            raise PermissionDenied(
                zh="只有申请人、借阅人或档案管理员可以撤回申请。",
                en="Only the requester, the borrower or the archive clerk may withdraw a request.",
            )
        lent = s.scalar(select(Loan.id).where(Loan.request_id == request.id).limit(1))
        if request.state not in (RequestState.PENDING.value, RequestState.APPROVED.value) or lent is not None:
            raise RuleViolation(
                zh=f"借阅申请 {request.number} 已{'有借出' if lent else RequestState(request.state).label()}，不能撤回。",
                en=f"Loan request {request.number} cannot be withdrawn now.",
                rule="A12",
            )
        request.state, request.finished_at = RequestState.WITHDRAWN.value, clock.now()
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("loan", request.id, request.number, request.grade),
            reason="撤回",
            clock=clock,
        )
        return view_in(s, request)
