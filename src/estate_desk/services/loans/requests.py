"""Loan requests and their approval (借阅申请与审批, A6, A11, A12).

A request names the borrower — a staff member, or an outside person with ID and organisation —
the items (documents, volumes or whole boxes, by the codes the clerk scans or types), original or
copy, reading room or taken out, the purpose and the due date. It is checked when made: the items
must exist within the requester's clearance, the borrower must be cleared for the most secret of
them (refused and audited otherwise: they may not read it), the due date must be within the
office's periods. The approval chain is fixed then, from the office's rules (``loan_rules``).

Approvers decide in order, and a request can be withdrawn until something is lent on it:
``loan_approval``. Check-out and return are ``loan_desk``; renewals, recalls and copies ``loan_due``;
the ledger and a record's history ``loan_ledger``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.domain.loans.rules import Form, ItemKind, Place, RequestState, due_date
from estate_desk.domain.roles import ARCHIVE_KEEPERS, Role
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade, most_secret
from estate_desk.services import audit
from estate_desk.services.archive import code_lookup
from estate_desk.services.audit import Target
from estate_desk.services.loans import rules as loan_rules
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import User
from estate_desk.store.archive import Document
from estate_desk.store.loans import LoanDecision, LoanRequest, LoanRequestItem

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

LOAN_DESK = ARCHIVE_KEEPERS
"""Who works the loan desk: makes requests for others, lends, takes back, renews, recalls, prints."""
LEDGER_READERS = ARCHIVE_KEEPERS | {Role.SUPERVISOR, Role.MANAGEMENT_OFFICE}
"""Who reads the whole ledger (借阅登记簿) and every request."""
MAX_PURPOSE = 500


@dataclass(frozen=True)
class Borrower:
    """Who borrows: a staff member (``user_id``; name, phone and clearance from the account), or an
    outside person named here with organisation, ID number and the clearance their letter grants."""

    user_id: int | None = None
    name: str = ""
    organisation: str = ""  # 部门 / 单位
    phone: str = ""
    id_no: str = ""
    clearance: Grade = Grade.PUBLIC


@dataclass(frozen=True)
class RequestDraft:
    borrower: Borrower
    codes: tuple[str, ...]  # documents' 档号 (as typed or scanned: normalise_code), volume and box codes
    purpose: str  # 借阅事由
    form: Form = Form.ORIGINAL
    place: Place = Place.READING_ROOM
    due_on: date | None = None  # None: the office's default period
    special: bool = False  # 特殊情况: goes to the management office


@dataclass(frozen=True)
class ItemView:
    id: int
    kind: ItemKind
    target_id: int
    code: str


@dataclass(frozen=True)
class DecisionView:
    step: int
    role: Role
    name: str
    approved: bool
    comment: str
    at: datetime


@dataclass(frozen=True)
class RequestView:
    """A request as the desk, the approver and the borrower see it."""

    id: int
    number: str
    state: RequestState
    borrower_user_id: int | None
    borrower_name: str
    borrower_org: str
    borrower_phone: str
    outside: bool
    form: Form
    place: Place
    purpose: str
    due_on: date
    special: bool
    grade: Grade
    chain: tuple[Role, ...]
    items: tuple[ItemView, ...]
    decisions: tuple[DecisionView, ...]
    requested_by: str
    requested_at: datetime

    @property
    def next_role(self) -> Role | None:
        return None if self.state is not RequestState.PENDING else self.chain[len(self.decisions)]

    @property
    def approvers(self) -> str:
        """Who approved, as the register prints it."""
        return "、".join(d.name for d in self.decisions if d.approved)


# --------------------------------------------------------------------------- making a request


def _item(db: Database, actor: Actor, code: str) -> tuple[ItemKind, int, str]:
    hit = code_lookup.find_by_code(db, actor, code)
    if hit is None:
        raise NotFound(
            zh=f"没有编号为 {code} 的档案、案卷或档案盒。", en=f"No record, volume or box with code {code}.", where=code
        )
    return ItemKind(hit.kind), hit.id, hit.code or code.strip()


def documents_of(s: Session, kind: ItemKind, target_id: int) -> list[Document]:
    """The documents an item stands for: itself, the volume's, or everything in the box."""
    if kind is ItemKind.DOCUMENT:
        found = s.get(Document, target_id)
        return [found] if found is not None else []
    column = Document.volume_id if kind is ItemKind.VOLUME else Document.box_id
    return list(s.scalars(select(Document).where(column == target_id).order_by(Document.archive_no)))


def _grade(s: Session, items: Sequence[tuple[ItemKind, int, str]]) -> Grade:
    levels: list[int] = []
    for kind, target_id, _code in items:
        if kind is ItemKind.BOX:
            levels += clearance.box_grades(s, [target_id]).values()
        elif kind is ItemKind.VOLUME:
            levels += clearance.volume_grades(s, [target_id]).values()
        else:
            levels += [d.secrecy for d in documents_of(s, kind, target_id)]
    return most_secret(levels)


def _borrower(s: Session, actor: Actor, who: Borrower) -> tuple[str, str, str, str, Grade, int | None]:
    if who.user_id is not None:
        user = s.get(User, who.user_id)
        if user is None or user.disabled:
            raise NotFound(zh=f"没有这位员工（编号 {who.user_id}）。", en=f"No staff member with id {who.user_id}.")
        org = who.organisation.strip() or Role(user.role).zh
        return user.display_name, org, who.phone.strip() or (user.phone or ""), "", Grade(user.clearance), user.id
    name = who.name.strip()
    if not name or not who.organisation.strip() or not who.id_no.strip():
        raise InputProblem(
            zh="外来借阅人须填写姓名、单位和证件号码。",
            en="An outside borrower needs a name, an organisation and an ID number.",
            where="借阅人",
        )
    return (
        name[:120],
        who.organisation.strip()[:200],
        who.phone.strip()[:40],
        who.id_no.strip()[:40],
        who.clearance,
        None,
    )


def request_loan(db: Database, clock: Clock, actor: Actor, draft: RequestDraft) -> RequestView:
    """Make a loan request (借阅申请); returns it, awaiting its first approver."""
    own = draft.borrower.user_id == actor.user_id
    if not own and actor.role not in LOAN_DESK:
        raise PermissionDenied(
            zh="只有档案管理员可以替他人或外来人员登记借阅申请。",
            en="Only the archive clerk registers requests for someone else or for outside persons.",
        )
    purpose = draft.purpose.strip()
    if not purpose or len(purpose) > MAX_PURPOSE:
        raise InputProblem(
            zh=f"请填写借阅事由（最多 {MAX_PURPOSE} 字）。",
            en=f"Give the purpose of the loan (at most {MAX_PURPOSE} characters).",
            where="借阅事由",
        )
    codes = list(dict.fromkeys(c.strip() for c in draft.codes if c.strip()))
    if not codes:
        raise InputProblem(zh="请至少列出一件要借阅的档案。", en="Name at least one item to borrow.", where="档号")
    # one item per record, under its stored code, however it was typed (Z001-YZ-2016-Y-0001 is Z001-YZ·2016-Y-0001)
    named = [_item(db, actor, code) for code in codes]
    items = list({(kind, target): (kind, target, stored) for kind, target, stored in named}.values())
    codes = [stored for _, _, stored in items]
    with db.session() as s:
        name, org, phone, id_no, cleared, user_id = _borrower(s, actor, draft.borrower)
        grade = _grade(s, items)
        if grade > cleared:
            raise audit.refused(
                db,
                actor,
                PermissionDenied(
                    zh=f"借阅人 {name} 的密级权限为“{cleared.label()}”，所借档案为“{grade.label()}”，无权阅读，不能借阅。",
                    en=f"The borrower {name} is cleared for '{cleared.label('en')}'; the items are "
                    f"'{grade.label('en')}': they may not read them, so they cannot borrow them.",
                    rule="A6",
                ),
                Target("loan", None, " ".join(codes), int(grade)),
            )
        if draft.form is Form.ORIGINAL:
            for kind, target_id, code in items:
                if not any(d.has_paper for d in documents_of(s, kind, target_id)):
                    raise InputProblem(
                        zh=f"{code} 没有纸质原件可借，请借复制件。",
                        en=f"{code} has no paper original; borrow a copy.",
                        where=code,
                    )
        today = office_date(clock.now())
        due = due_date(loan_rules.period_in(s), today, draft.due_on)
        special = draft.special or user_id is None  # an outside person's request goes to the management office
        chain = loan_rules.rules_in(s).chain(grade, special=special)
        request = LoanRequest(
            number="",
            state=RequestState.PENDING.value,
            requested_by=actor.user_id,
            requested_at=clock.now(),
            borrower_user_id=user_id,
            borrower_name=name,
            borrower_org=org,
            borrower_phone=phone,
            borrower_id_no=id_no,
            borrower_clearance=int(cleared),
            outside=user_id is None,
            form=draft.form.value,
            place=draft.place.value,
            purpose=purpose,
            due_on=due,
            special=special,
            grade=int(grade),
            chain=",".join(r.value for r in chain),
        )
        s.add(request)
        s.flush()
        request.number = f"JY{request.id:06d}"
        s.add_all(LoanRequestItem(request_id=request.id, kind=k.value, target_id=t, code=c) for k, t, c in items)
        s.flush()
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("loan", request.id, request.number, int(grade)),
            reason=purpose,
            detail={"borrower": name, "items": codes, "form": draft.form.value, "chain": request.chain},
            clock=clock,
        )
        return view_in(s, request)


# --------------------------------------------------------------------------- reading requests


def view_in(s: Session, request: LoanRequest) -> RequestView:
    return views_in(s, [request])[0]


_CHUNK = 500  # request ids per IN (...) list


def views_in(s: Session, requests: Sequence[LoanRequest]) -> list[RequestView]:
    """The requests as views, in the order given: one query for their items, one for their decisions and
    one for who made them per 500 requests, however many there are (never a query per request)."""
    ids = [r.id for r in requests]
    items: dict[int, list[ItemView]] = defaultdict(list)
    decisions: dict[int, list[DecisionView]] = defaultdict(list)
    requesters: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found = s.scalars(
            select(LoanRequestItem).where(LoanRequestItem.request_id.in_(chunk)).order_by(LoanRequestItem.id)
        )
        for i in found:
            items[i.request_id].append(ItemView(i.id, ItemKind(i.kind), i.target_id, i.code))
        decided = s.execute(
            select(LoanDecision, User.display_name)
            .join(User, User.id == LoanDecision.user_id)
            .where(LoanDecision.request_id.in_(chunk))
            .order_by(LoanDecision.request_id, LoanDecision.step)
        )
        for d, name in decided:
            decisions[d.request_id].append(
                DecisionView(d.step, Role(d.role), name, d.approved, d.comment, d.decided_at)
            )
        makers = {r.requested_by for r in requests[start : start + _CHUNK]} - requesters.keys()
        if makers:
            requesters.update(
                (u, name) for u, name in s.execute(select(User.id, User.display_name).where(User.id.in_(makers)))
            )
    return [_view(r, items[r.id], decisions[r.id], requesters.get(r.requested_by, "")) for r in requests]


def _view(
    request: LoanRequest, items: Sequence[ItemView], decisions: Sequence[DecisionView], requested_by: str
) -> RequestView:
    return RequestView(
        id=request.id,
        number=request.number,
        state=RequestState(request.state),
        borrower_user_id=request.borrower_user_id,
        borrower_name=request.borrower_name,
        borrower_org=request.borrower_org,
        borrower_phone=request.borrower_phone,
        outside=request.outside,
        form=Form(request.form),
        place=Place(request.place),
        purpose=request.purpose,
        due_on=request.due_on,
        special=request.special,
        grade=Grade(request.grade),
        chain=chain_of(request),
        items=tuple(items),
        decisions=tuple(decisions),
        requested_by=requested_by,
        requested_at=request.requested_at,
    )


def chain_of(request: LoanRequest) -> tuple[Role, ...]:
    return tuple(Role(r) for r in request.chain.split(",") if r)


def parties(request: LoanRequest) -> set[int]:
    return {request.requested_by} | ({request.borrower_user_id} if request.borrower_user_id is not None else set())


def request_in(s: Session, actor: Actor, request_id: int) -> LoanRequest:
    """The request, for someone who may see it: the requester and the borrower; the desk and the approvers
    when cleared for its grade (its items and purpose say what it is about). NotFound for anyone else;
    for a reader below its grade the attempt is audited, as for a record above their clearance."""
    request = s.get(LoanRequest, request_id)
    missing = NotFound(zh=f"没有这份借阅申请（编号 {request_id}）。", en=f"No loan request with id {request_id}.")
    if request is None:
        raise missing
    if actor.user_id in parties(request):
        return request
    if actor.role not in LEDGER_READERS and actor.role not in chain_of(request):
        raise missing
    if request.grade > actor.clearance:
        raise audit.refused(s, actor, missing, Target("loan", request.id, request.number, request.grade))
    return request


def loan_request(db: Database, actor: Actor, request_id: int) -> RequestView:
    with db.session() as s:
        return view_in(s, request_in(s, actor, request_id))


def request_by_number(db: Database, actor: Actor, number: str) -> RequestView | None:
    with db.session() as s:
        found = s.scalar(select(LoanRequest.id).where(LoanRequest.number == number.strip().upper()))
        return view_in(s, request_in(s, actor, found)) if found is not None else None


@dataclass(frozen=True)
class StaffBorrower:
    user_id: int
    name: str
    role: Role
    clearance: Grade


def staff_borrowers(db: Database, actor: Actor) -> list[StaffBorrower]:
    """The staff a request may name as borrower (active accounts): the desk's borrower picker."""
    if actor.role not in LEDGER_READERS:
        raise PermissionDenied(zh=f"{actor.role.zh}无权查看借阅人名单。", en="You may not list borrowers.")
    with db.session() as s:
        users = s.scalars(select(User).where(User.disabled.is_(False)).order_by(User.display_name))
        return [StaffBorrower(u.id, u.display_name, Role(u.role), Grade(u.clearance)) for u in users]
