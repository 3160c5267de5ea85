"""Loans in the big estate (issue 10): a realistic borrowing ledger for the benchmarks, written in bulk.

One loan request per 200 documents (at least 60), each asking for one to three documents, as the loan
desk leaves them after a year of work (A6, A11, A12):

* who borrows: a member of staff on their own request (王芳 at the front desk, the supervisor, the archive
  clerk), cleared for what they ask for and never the approver of their own request; or an outside person
  (a court, the housing bureau, the owners' committee) registered by the clerk — a special case for the
  management office, as the office's default rules say (``domain/loans.DEFAULT_RULES``: the big estate
  is freshly set up, so those are its rules);
* where it stands: pending (8 %), refused with a reason (5 %), withdrawn (3 %), and approved — for copies
  (15 % of those, the copies recorded), or for originals: approved and not yet lent, every original back
  (the request closed; a few came back short of pages or damaged, flagged), or out: some renewed once, some
  overdue against the build's clock (half of those with a recall notice printed);
* one decision per step of the request's chain, by the user holding that role, after the request.

An original is out to one borrower at a time (``uq_loans_open_original``): the documents of open loans
are all different. Rows get explicit ids, like the rest of the big estate, and the sequences are moved on.
No audit events are written for these historic rows (the big estate's documents have none either).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.loans.rules import DEFAULT_RULES, Form, ItemKind, Place, RequestState
from estate_desk.domain.roles import Role
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.demo.big_estate_names import person_name
from estate_desk.services.demo.big_estate_plan import next_id, table_of, write_rows
from estate_desk.store.accounts import User
from estate_desk.store.archive import Document
from estate_desk.store.loans import (
    Loan,
    LoanCopy,
    LoanDecision,
    LoanRecall,
    LoanRenewal,
    LoanRequest,
    LoanRequestItem,
)
from estate_desk.store.search_fill import sync_sequences

if TYPE_CHECKING:
    import random
    from datetime import date

    from sqlalchemy import Connection

    from estate_desk.services.demo.big_estate_plan import Plan

DOCUMENTS_PER_REQUEST = 200
MIN_REQUESTS = 60
PERIODS = (7, 7, 14, 30)  # days, within the office's default maximum of 30
PURPOSES = (
    "产权纠纷调查取证",
    "房屋交易核对产权资料",
    "维修方案编制查阅图纸",
    "业主投诉处理核实记录",
    "年度审计抽查",
    "消防检查调阅资料",
    "装修审批复核",
    "档案编研",
)
OUTSIDE_ORGS = ("区人民法院", "市住房和城乡建设局", "翠湖苑业主委员会", "区消防救援大队", "市公证处")
REFUSALS = ("事由不充分，请补充说明", "所借档案涉及他人隐私，不予借阅", "请改借复制件")


def loans(connection: Connection, plan: Plan) -> None:
    """The loan filler (:data:`estate_desk.services.demo.big_estate.FILLERS`)."""
    Ledger(connection, plan).write()


class Ledger:
    """Plans every row in memory (a few thousand requests at the full size), then writes them in batches."""

    def __init__(self, connection: Connection, plan: Plan) -> None:
        self.connection, self.plan, self.rng = connection, plan, plan.rng
        self.now = plan.clock.now()
        self.today = office_date(self.now)
        users = connection.execute(select(User.id, User.role, User.clearance, User.display_name)).all()
        self.by_role = {Role(role): user_id for user_id, role, _, _ in sorted(users)}
        self.staff = [
            (user_id, Grade(cleared), name)
            for user_id, role, cleared, name in users
            if role != Role.ADMINISTRATOR.value
        ]
        self.clerk = self.by_role[Role.ARCHIVE_CLERK]
        self.ids = {m: next_id(connection, m) for m in TABLES}
        self.rows: dict[Any, list[dict[str, Any]]] = {m: [] for m in TABLES}

    def _add(self, model: Any, **row: Any) -> int:
        row["id"] = self.ids[model]
        self.ids[model] += 1
        self.rows[model].append(row)
        return int(row["id"])

    def _documents(self, wanted: int) -> list[tuple[int, str, Grade, int, bool]]:
        """``wanted`` different documents picked at random: (id, 档号, grade, pages, has paper)."""
        picked = self.rng.sample(self.plan.document_ids, min(wanted, len(self.plan.document_ids)))
        found: dict[int, tuple[int, str, Grade, int, bool]] = {}
        for start in range(0, len(picked), 1000):
            chunk = picked[start : start + 1000]
            query = select(Document.id, Document.archive_no, Document.secrecy, Document.pages, Document.has_paper)
            for doc_id, archive_no, secrecy, pages, paper in self.connection.execute(
                query.where(Document.id.in_(chunk))
            ):
                found[doc_id] = (doc_id, archive_no, Grade(secrecy), pages, paper)
        return [found[d] for d in picked]

    def _at(self, day: date, rng: random.Random) -> datetime:
        """A moment in office hours of ``day`` (Asia/Shanghai), never after the build's clock."""
        moment = datetime.combine(day, time(8, 30), CHINA_TZ) + timedelta(minutes=rng.randint(0, 480))
        return min(moment, self.now - timedelta(minutes=rng.randint(5, 60)))

    def write(self) -> None:
        count = max(MIN_REQUESTS, len(self.plan.document_ids) // DOCUMENTS_PER_REQUEST)
        sizes = [self.rng.choice((1, 1, 1, 2, 3)) for _ in range(count)]
        pool = iter(self._documents(sum(sizes)))
        for n, size in enumerate(sizes):
            self._request(n, [next(pool) for _ in range(size)])
        for model in TABLES:
            write_rows(self.connection, table_of(model), self.rows[model])
        sync_sequences(self.connection, [table_of(model) for model in TABLES])

    def _borrower(self, grade: Grade, chain: tuple[Role, ...]) -> tuple[int, str] | None:
        """A member of staff cleared for ``grade`` who approves no step of the request, or None."""
        approvers = {self.by_role.get(role) for role in chain}
        fit = [
            (user_id, name) for user_id, cleared, name in self.staff if cleared >= grade and user_id not in approvers
        ]
        return self.rng.choice(fit) if fit else None

    def _request(self, n: int, documents: list[tuple[int, str, Grade, int, bool]]) -> None:
        rng = self.rng
        grade = max(d[2] for d in documents)
        roll, outcome = rng.random(), rng.random()
        state = (
            RequestState.PENDING
            if roll < 0.08
            else RequestState.REFUSED
            if roll < 0.13
            else RequestState.WITHDRAWN
            if roll < 0.16
            else RequestState.APPROVED
        )
        form = Form.COPY if rng.random() < 0.15 or not all(d[4] for d in documents) else Form.ORIGINAL
        staff = None if rng.random() < 0.2 else self._borrower(grade, DEFAULT_RULES.chain(grade))
        special = staff is None
        chain = DEFAULT_RULES.chain(grade, special=special)
        period = rng.choice(PERIODS)
        # when it was asked for: recent for what is pending or out, earlier for what is settled
        lent_out = state is RequestState.APPROVED and form is Form.ORIGINAL and outcome >= 0.6
        overdue = lent_out and outcome >= 0.85
        if state is RequestState.PENDING:
            days_ago = rng.randint(0, 3)
        elif overdue:
            days_ago = period + rng.randint(1, 60)
        elif lent_out or (state is RequestState.APPROVED and outcome < 0.08):
            days_ago = rng.randint(0, period - 1)
        else:
            days_ago = rng.randint(40, 365)
        asked_on = self.today - timedelta(days=days_ago)
        asked_at = self._at(asked_on, rng)
        if staff is not None:
            borrower_id, name = staff
            who: dict[str, Any] = {
                "borrower_user_id": borrower_id,
                "borrower_name": name,
                "borrower_org": "物业服务中心",
            }
            who |= {"borrower_phone": "", "borrower_id_no": "", "outside": False, "requested_by": borrower_id}
            cleared = next(c for u, c, _ in self.staff if u == borrower_id)
        else:
            who = {
                "borrower_user_id": None,
                "borrower_name": person_name(rng),
                "borrower_org": rng.choice(OUTSIDE_ORGS),
            }
            who |= {"borrower_phone": f"139{rng.randint(10**7, 10**8 - 1)}", "outside": True}
            who |= {"borrower_id_no": f"4403{rng.randint(10**13, 10**14 - 1)}", "requested_by": self.clerk}
            cleared = grade  # what the outside person's letter grants
        decided_at = asked_at + timedelta(minutes=rng.randint(20, 300))
        finished = {
            RequestState.REFUSED: decided_at,
            RequestState.WITHDRAWN: asked_at + timedelta(minutes=rng.randint(5, 120)),
        }.get(state)
        request_id = self._add(
            LoanRequest,
            number=f"JY{self.ids[LoanRequest]:06d}",
            state=state.value,
            requested_at=asked_at,
            borrower_clearance=int(cleared),
            form=form.value,
            place=(Place.READING_ROOM if rng.random() < 0.3 else Place.TAKEN_OUT).value,
            purpose=rng.choice(PURPOSES),
            due_on=asked_on + timedelta(days=period),
            special=special,
            grade=int(grade),
            chain=",".join(r.value for r in chain),
            finished_at=finished,
            **who,
        )
        items = [
            self._add(LoanRequestItem, request_id=request_id, kind=ItemKind.DOCUMENT.value, target_id=d[0], code=d[1])
            for d in documents
        ]
        if state in (RequestState.APPROVED, RequestState.REFUSED):
            for step, role in enumerate(chain, start=1):
                refused = state is RequestState.REFUSED and step == len(chain)
                self._add(
                    LoanDecision,
                    request_id=request_id,
                    step=step,
                    role=role.value,
                    user_id=self.by_role[role],
                    approved=not refused,
                    comment=rng.choice(REFUSALS) if refused else "同意",
                    decided_at=decided_at + timedelta(minutes=step - 1),
                )
        if state is not RequestState.APPROVED:
            return
        out_at = min(decided_at + timedelta(minutes=rng.randint(10, 180)), self.now - timedelta(minutes=1))
        if form is Form.COPY:
            for doc in documents:
                self._add(
                    LoanCopy,
                    request_id=request_id,
                    document_id=doc[0],
                    pages=doc[3],
                    made_by=self.clerk,
                    made_at=out_at,
                )
            return
        if outcome < 0.08 and not lent_out:
            return  # approved, waiting at the desk
        self._lend(request_id, items, documents, out_at, asked_on + timedelta(days=period), lent_out, overdue)

    def _lend(
        self,
        request_id: int,
        items: list[int],
        documents: list[tuple[int, str, Grade, int, bool]],
        out_at: datetime,
        due_on: date,
        still_out: bool,
        overdue: bool,
    ) -> None:
        rng = self.rng
        renewed = still_out and not overdue and (due_on - out_at.date()).days <= 14 and rng.random() < 0.15
        last_back = out_at
        for item_id, (doc_id, _, _, pages, _) in zip(items, documents, strict=True):
            back: dict[str, Any] = {"returned_at": None, "returned_by": None, "pages_back": None, "intact": None}
            back |= {"difference": "", "flagged": False}
            if not still_out:
                returned = min(out_at + timedelta(days=rng.randint(1, (due_on - out_at.date()).days + 5)), self.now)
                last_back = max(last_back, returned)
                short = rng.random() < 0.03
                damaged = rng.random() < 0.02
                short = short and pages > 1
                found = [f"页数不符：借出 {pages} 页，归还 {pages - 1} 页"] if short else []
                found += ["不完好：封皮破损"] if damaged else []
                back = {"returned_at": returned, "returned_by": self.clerk, "pages_back": pages - 1 if short else pages}
                back |= {"intact": not damaged, "difference": "；".join(found), "flagged": bool(found)}
            loan_id = self._add(
                Loan,
                request_id=request_id,
                item_id=item_id,
                document_id=doc_id,
                original=True,
                out_at=out_at,
                out_by=self.clerk,
                pages_out=pages,
                due_on=due_on + timedelta(days=7) if renewed else due_on,
                renewals=1 if renewed else 0,
                **back,
            )
            if renewed:
                renewed_at = out_at + (self.now - out_at) / 2  # before the due date, which is still ahead
                self._add(
                    LoanRenewal,
                    loan_id=loan_id,
                    from_due=due_on,
                    to_due=due_on + timedelta(days=7),
                    renewed_by=self.clerk,
                    renewed_at=renewed_at,
                )
        if overdue and rng.random() < 0.5:
            sent = min(datetime.combine(due_on + timedelta(days=1), time(9), CHINA_TZ), self.now - timedelta(minutes=1))
            self._add(
                LoanRecall,
                request_id=request_id,
                channel="print",
                note="",
                items=len(items),
                sent_by=self.clerk,
                sent_at=sent,
            )
        if not still_out:  # everything is back: the request is settled
            request = self.rows[LoanRequest][-1]
            request["state"], request["finished_at"] = RequestState.CLOSED.value, last_back


TABLES = (LoanRequest, LoanRequestItem, LoanDecision, Loan, LoanRenewal, LoanRecall, LoanCopy)
