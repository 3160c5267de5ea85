"""Due dates and copies at the loan desk (A11, A12): renewals (续借), recall notices (催还), copies (复制).

:func:`renew` moves the due date of what a request still has out, within the office's periods
(``domain.loans.renewed_due``); :func:`recall` records a notice printed or sent for what is still out;
:func:`record_copy` passes the print authorisation (``print_rights.require_output``) and records
the copy against the request. All are audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.loans.rules import RequestState, renewed_due
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.loans import rules as loan_rules
from estate_desk.services.loans.desk import covers, desk_only, hit_of
from estate_desk.services.loans.ledger import LoanLine, ledger, loan_lines
from estate_desk.services.loans.requests import request_in
from estate_desk.services.secrecy import print_rights
from estate_desk.store.loans import Loan, LoanCopy, LoanRecall, LoanRenewal, LoanRequest, LoanRequestItem

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _open_loans(s: Session, request: LoanRequest) -> list[Loan]:
    return list(s.scalars(select(Loan).where(Loan.request_id == request.id, Loan.returned_at.is_(None))))


def renew(db: Database, clock: Clock, actor: Actor, request_id: int, *, until: date | None = None) -> list[LoanLine]:
    """Renew what a request still has out (续借), to ``until`` or by the default period."""
    desk_only(actor, "办理续借", "renew loans")
    today = office_date(clock.now())
    with db.session() as s:
        request = request_in(s, actor, request_id)
        loans = _open_loans(s, request)
        if not loans:
            raise RuleViolation(zh=f"{request.number} 没有未还的档案。", en=f"{request.number} has nothing out.")
        period = loan_rules.period_in(s)
        for loan in loans:
            new = renewed_due(period, today, loan.due_on, loan.renewals, until)
            s.add(
                LoanRenewal(
                    loan_id=loan.id, from_due=loan.due_on, to_due=new, renewed_by=actor.user_id, renewed_at=clock.now()
                )
            )
            loan.due_on, loan.renewals = new, loan.renewals + 1
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("loan", request.id, request.number, request.grade),
            reason="续借",
            detail={"until": str(loans[0].due_on)},
            clock=clock,
        )
        s.flush()
        return loan_lines(s, clock, actor, [loan.id for loan in loans])


def recall(db: Database, clock: Clock, actor: Actor, request_id: int, *, channel: str = "print", note: str = "") -> int:
    """Record a recall notice (催还) for what a request still has out; returns how many items it names."""
    desk_only(actor, "催还", "recall loans")
    if channel not in ("print", "message"):
        raise InputProblem(zh=f"催还方式只能是打印或通知：{channel}", en=f"Recall by print or message: {channel}")
    with db.session() as s:
        request = request_in(s, actor, request_id)
        loans = _open_loans(s, request)
        if not loans:
            raise RuleViolation(
                zh=f"{request.number} 没有未还的档案，无需催还。", en=f"{request.number} has nothing out to recall."
            )
        s.add(
            LoanRecall(
                request_id=request.id,
                channel=channel,
                note=note.strip(),
                items=len(loans),
                sent_by=actor.user_id,
                sent_at=clock.now(),
            )
        )
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("loan", request.id, request.number, request.grade),
            reason="催还",
            detail={"channel": channel, "items": len(loans)},
            clock=clock,
        )
        return len(loans)


def record_copy(db: Database, clock: Clock, actor: Actor, request_id: int, code: str, pages: int) -> LoanLine:
    """Record a copy printed for the borrower against the request, after the print authorisation (A11)."""
    desk_only(actor, "为借阅人复制档案", "make copies for borrowers")
    if not 0 < pages <= 10_000:
        raise InputProblem(zh=f"复制页数不对：{pages}", en=f"Not a page count: {pages}", where="页数")
    hit = hit_of(db, actor, code)
    with db.session() as s:
        request = request_in(s, actor, request_id)
        if request.state not in (RequestState.APPROVED.value, RequestState.CLOSED.value):
            raise RuleViolation(
                zh=f"借阅申请 {request.number} 尚未批准，不能复制。",
                en=f"Loan request {request.number} is not approved.",
                rule="A11",
            )
        items = s.scalars(select(LoanRequestItem).where(LoanRequestItem.request_id == request.id))
        documents = next((docs for i in items if (docs := covers(s, i, hit)) is not None), None)
        if documents is None or len(documents) != 1:
            raise InputProblem(
                zh=f"借阅申请 {request.number} 不包括 {code.strip()}（复制请逐件扫描）。",
                en=f"Loan request {request.number} does not cover {code.strip()} (scan copies one record at a time).",
                where=code.strip(),
            )
        document = documents[0]
        target = Target("document", document.id, document.archive_no, document.secrecy)
        number, purpose = request.number, request.purpose
    print_rights.require_output(db, actor, Output.PRINT, Grade(document.secrecy), target, "复制件", "Copy")
    with db.session() as s:
        copy = LoanCopy(
            request_id=request_id, document_id=document.id, pages=pages, made_by=actor.user_id, made_at=clock.now()
        )
        s.add(copy)
        audit.record(
            s, actor, AuditAction.PRINT, target, reason=purpose, detail={"request": number, "pages": pages}, clock=clock
        )
    made = [
        line
        for line in ledger(db, clock, actor, record=document.archive_no)
        if line.loan_id is None and line.request_id == request_id
    ]
    return made[-1]
