"""The loan desk (借阅台): lending by scanned code and taking back (A6, A12).

**Check-out.** The clerk scans the request slip (``JY000012``) or one of its items; each code then
scanned must be something the approved request covers — a requested document, a requested volume
or box (all its documents), or a document inside one. An original already out cannot be lent
again: the partial unique index on open original loans decides when two workstations try at once
(one wins; the other is told who has it).

**Return.** Scanning a code lists what is out under it (:func:`to_return`); the clerk confirms
each document's page count against the catalogue and its condition (完好) and :func:`check_in`
records them. A difference is written down and flagged. Partial returns are normal; the request
is closed when everything is back.

Renewals, recalls and copies are ``loan_due``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.domain.loans.rules import Form, ItemKind, RequestState
from estate_desk.services import audit
from estate_desk.services.archive import code_lookup
from estate_desk.services.archive.record_state import require_current, require_in_archive_room
from estate_desk.services.audit import Target
from estate_desk.services.loans.ledger import LoanLine, loan_lines
from estate_desk.services.loans.requests import LOAN_DESK, documents_of, request_in
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import Document
from estate_desk.store.loans import Loan, LoanRequest, LoanRequestItem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.code_lookup import CodeHit
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class ReturnCheck:
    """What the clerk confirmed for one document coming back: its page count and condition."""

    loan_id: int
    pages: int
    intact: bool = True
    note: str = ""


def desk_only(actor: Actor, zh: str, en: str) -> None:
    require_role(actor, LOAN_DESK, zh=zh, en=en)


def hit_of(db: Database, actor: Actor, code: str) -> CodeHit:
    hit = code_lookup.find_by_code(db, actor, code)
    if hit is None:
        raise NotFound(
            zh=f"条码 {code.strip()} 不属于任何借阅申请，也不是本馆的档案、案卷或档案盒。",
            en=f"The barcode {code.strip()} belongs to no request and to no record, volume or box.",
            where=code.strip(),
        )
    return hit


def covers(s: Session, item: LoanRequestItem, hit: CodeHit) -> list[Document] | None:
    """The documents of ``hit`` this request item covers, or None when it covers none of them."""
    kind = ItemKind(item.kind)
    if item.kind == hit.kind and item.target_id == hit.id:
        return documents_of(s, kind, item.target_id)
    if kind is ItemKind.DOCUMENT:
        return None
    inside = {d.id for d in documents_of(s, kind, item.target_id)}
    wanted = documents_of(s, ItemKind(hit.kind), hit.id)
    return wanted if wanted and {d.id for d in wanted} <= inside else None


def _require_lendable(s: Session, document: Document) -> None:
    """Refuse lending a document that cannot be lent as a current record.

    The one place for such checks: a void (作废, A16) or destroyed (已销毁, A17) record, a record with
    no paper original here, and one whose box is at the scanner (在数字化).
    """
    require_current(document)
    if not document.has_paper:
        raise RuleViolation(
            zh=f"{document.archive_no} 没有纸质原件，不能借出原件。",
            en=f"{document.archive_no} has no paper original to lend.",
            where=document.archive_no,
        )
    require_in_archive_room(s, document)


def _holder(db: Database, document_id: int, archive_no: str) -> RuleViolation:
    with db.session() as s:
        found = s.execute(
            select(LoanRequest.borrower_name, LoanRequest.number, Loan.due_on)
            .join(Loan, Loan.request_id == LoanRequest.id)
            .where(Loan.document_id == document_id, Loan.original.is_(True), Loan.returned_at.is_(None))
        ).first()
    who, number, due = found if found is not None else ("另一工作站", "?", "?")
    return RuleViolation(
        zh=f"{archive_no} 的原件已借出：借阅人 {who}（{number}），应于 {due} 归还。",
        en=f"The original of {archive_no} is already out: borrowed by {who} ({number}), due {due}.",
        rule="A6",
        where=archive_no,
    )


def check_out(
    db: Database, clock: Clock, actor: Actor, request_id: int, code: str, *, pages: dict[int, int] | None = None
) -> list[LoanLine]:
    """Lend what ``code`` names on an approved request (借出); ``pages`` the counts the clerk confirmed
    per document id (default: the catalogue's). Returns the new loans."""
    desk_only(actor, "办理借出", "lend records")
    hit = hit_of(db, actor, code)
    document_id = 0
    archive_no = hit.code or code.strip()
    try:
        with db.session() as s:
            request = request_in(s, actor, request_id)
            target = Target("loan", request.id, request.number, request.grade)
            if request.state != RequestState.APPROVED.value:
                state = RequestState(request.state)
                raise audit.refused(
                    db,
                    actor,
                    RuleViolation(
                        zh=f"借阅申请 {request.number} {state.label()}，不能借出。",
                        en=f"Loan request {request.number} is {state.label('en').lower()}; nothing can be lent on it.",
                        rule="A12",
                    ),
                    target,
                )
            if request.form == Form.COPY.value:
                raise RuleViolation(
                    zh=f"{request.number} 是复制件申请，不借出原件；请登记复制。",
                    en=f"{request.number} asks for copies, not originals: record the copy instead.",
                    rule="A11",
                )
            items = s.scalars(select(LoanRequestItem).where(LoanRequestItem.request_id == request.id))
            covered = next(((i, docs) for i in items if (docs := covers(s, i, hit)) is not None), None)
            if covered is None:
                raise audit.refused(
                    db,
                    actor,
                    InputProblem(
                        zh=f"借阅申请 {request.number} 不包括 {archive_no}。",
                        en=f"Loan request {request.number} does not cover {archive_no}.",
                        where=archive_no,
                    ),
                    target,
                )
            item, documents = covered
            already = set(s.scalars(select(Loan.document_id).where(Loan.request_id == request.id)))
            todo = [d for d in documents if d.id not in already and d.has_paper]
            if not todo:
                raise InputProblem(
                    zh=f"{archive_no} 已在本申请下借出过。",
                    en=f"{archive_no} was already lent on this request.",
                    where=archive_no,
                )
            made = []
            for document in todo:
                document_id, archive_no = document.id, document.archive_no
                if not clearance.may_see(actor, document.secrecy):
                    raise PermissionDenied(
                        zh="所借档案高于本人密级，请由有权限的管理员办理。",
                        en="The items are above your clearance; a cleared clerk must hand them over.",
                        rule="A6",
                    )
                _require_lendable(s, document)
                loan = Loan(
                    request_id=request.id,
                    item_id=item.id,
                    document_id=document.id,
                    original=True,
                    out_at=clock.now(),
                    out_by=actor.user_id,
                    pages_out=(pages or {}).get(document.id, document.pages),
                    due_on=request.due_on,
                )
                s.add(loan)
                s.flush()  # the partial unique index speaks here
                made.append(loan.id)
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                target,
                reason="借出",
                detail={"lent": [d.archive_no for d in todo], "due": str(request.due_on)},
                clock=clock,
            )
            return loan_lines(s, clock, actor, made)
    except IntegrityError:
        raise _holder(db, document_id, archive_no) from None


def request_for_code(db: Database, actor: Actor, code: str) -> int:
    """The request a scanned code belongs to at the desk: a request slip's number, or the one approved
    request that covers this item and has not lent it yet. NotFound when it belongs to none."""
    desk_only(actor, "办理借阅", "work the loan desk")
    text = code.strip().upper()
    with db.session() as s:
        found = s.scalar(select(LoanRequest.id).where(LoanRequest.number == text))
    if found is not None:
        return found
    hit = hit_of(db, actor, code)
    with db.session() as s:
        approved = s.scalars(
            select(LoanRequest).where(
                LoanRequest.state == RequestState.APPROVED.value, LoanRequest.form == Form.ORIGINAL.value
            )
        )
        for request in approved:
            items = s.scalars(select(LoanRequestItem).where(LoanRequestItem.request_id == request.id))
            lent = set(s.scalars(select(Loan.document_id).where(Loan.request_id == request.id)))
            if any((docs := covers(s, i, hit)) and {d.id for d in docs} - lent for i in items):
                return request.id
    raise NotFound(
        zh=f"条码 {code.strip()} 不属于任何待借出的借阅申请。",
        en=f"The barcode {code.strip()} belongs to no approved request waiting to be lent.",
        where=code.strip(),
    )


# --------------------------------------------------------------------------- return


def to_return(db: Database, clock: Clock, actor: Actor, code: str) -> list[LoanLine]:
    """What is out under a scanned code (a document, or every document of a volume or box), to confirm."""
    desk_only(actor, "办理归还", "take records back")
    hit = hit_of(db, actor, code)
    with db.session() as s:
        ids = [d.id for d in documents_of(s, ItemKind(hit.kind), hit.id)]
        open_ids = list(s.scalars(select(Loan.id).where(Loan.document_id.in_(ids), Loan.returned_at.is_(None))))
        if not open_ids:
            raise InputProblem(
                zh=f"{code.strip()} 没有借出记录，无需归还。",
                en=f"{code.strip()} is not out on loan.",
                where=code.strip(),
            )
        return loan_lines(s, clock, actor, open_ids)


def check_in(db: Database, clock: Clock, actor: Actor, checks: Sequence[ReturnCheck]) -> list[LoanLine]:
    """Take documents back (归还) with the page count and condition the clerk confirmed."""
    desk_only(actor, "办理归还", "take records back")
    if not checks:
        raise InputProblem(zh="没有要归还的档案。", en="Nothing to take back.")
    with db.session() as s:
        touched: set[int] = set()
        for check in checks:
            loan = s.get(Loan, check.loan_id)
            if loan is None or loan.returned_at is not None:
                raise InputProblem(
                    zh=f"借出记录 {check.loan_id} 不存在或已归还。",
                    en=f"Loan {check.loan_id} is not out.",
                    where=str(check.loan_id),
                )
            document = s.get(Document, loan.document_id)
            assert document is not None
            if check.pages < 0 or check.pages > 100_000:
                raise InputProblem(
                    zh=f"页数不对：{check.pages}", en=f"Not a page count: {check.pages}", where=document.archive_no
                )
            if not check.intact and not check.note.strip():
                raise InputProblem(
                    zh=f"{document.archive_no} 不完好，请写明情况。",
                    en=f"{document.archive_no} is not intact: describe what is wrong.",
                    where=document.archive_no,
                )
            found = []
            if check.pages != loan.pages_out:
                found.append(f"页数不符：借出 {loan.pages_out} 页，归还 {check.pages} 页")
            if not check.intact:
                found.append(f"不完好：{check.note.strip()}")
            elif check.note.strip():
                found.append(check.note.strip())
            loan.returned_at, loan.returned_by = clock.now(), actor.user_id
            loan.pages_back, loan.intact = check.pages, check.intact
            loan.difference = "；".join(found)[:2000]
            loan.flagged = check.pages != loan.pages_out or not check.intact
            touched.add(loan.request_id)
            request = s.get(LoanRequest, loan.request_id)
            assert request is not None
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                Target("document", document.id, document.archive_no, document.secrecy),
                reason="归还",
                detail={
                    "request": request.number,
                    "pages": check.pages,
                    "intact": check.intact,
                    "flagged": loan.flagged,
                },
                clock=clock,
            )
        s.flush()
        for request_id in touched:
            still_out = s.scalar(
                select(Loan.id).where(Loan.request_id == request_id, Loan.returned_at.is_(None)).limit(1)
            )
            request = s.get(LoanRequest, request_id)
            if still_out is None and request is not None and _all_lent(s, request):
                request.state, request.finished_at = RequestState.CLOSED.value, clock.now()
        return loan_lines(s, clock, actor, [c.loan_id for c in checks])


def _all_lent(s: Session, request: LoanRequest) -> bool:
    items = s.scalars(select(LoanRequestItem).where(LoanRequestItem.request_id == request.id))
    lent = set(s.scalars(select(Loan.document_id).where(Loan.request_id == request.id)))
    wanted = {d.id for i in items for d in documents_of(s, ItemKind(i.kind), i.target_id) if d.has_paper}
    return wanted <= lent
