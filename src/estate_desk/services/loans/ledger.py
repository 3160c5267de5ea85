"""Reading the borrowing ledger (借阅登记簿, A12): loans by period, borrower or record, what is out,
what is overdue, and a record's history of paper loans and on-screen consultations.

Lines above the reader's clearance are left out, like every other list (``services/secrecy/clearance.py``).
The whole ledger is for the desk and the approvers; anyone may see their own loans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.loans.rules import Form, Place, days_overdue
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive.numbering import code_forms_in
from estate_desk.services.loans.requests import LEDGER_READERS, views_in
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import User
from estate_desk.store.archive import Document
from estate_desk.store.loans import Consultation, Loan, LoanCopy, LoanRequest

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.orm import Session
    from sqlalchemy.sql.elements import ColumnElement

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class LoanLine:
    """One document lent (or one copy made) on a request: a line of the register."""

    loan_id: int | None  # None for a copy
    request_id: int
    request_number: str
    document_id: int
    archive_no: str
    title: str
    grade: Grade
    borrower_name: str
    borrower_org: str
    borrower_phone: str
    purpose: str
    approvers: str
    form: Form
    place: Place
    out_at: datetime
    due_on: date | None
    returned_at: datetime | None
    pages_out: int
    pages_back: int | None
    intact: bool | None
    difference: str
    flagged: bool
    renewals: int
    overdue_days: int

    @property
    def out(self) -> bool:
        return self.loan_id is not None and self.returned_at is None

    def remarks(self) -> str:
        """备注 as the register prints it: copies, the reading room, renewals and what differed."""
        parts = []
        if self.form is Form.COPY:
            parts.append(f"复制件 {self.pages_out} 页")
        elif self.place is Place.READING_ROOM:
            parts.append("阅览室查阅")
        if self.renewals:
            parts.append(f"续借 {self.renewals} 次")
        if self.overdue_days:
            parts.append(f"逾期 {self.overdue_days} 天")
        if self.difference:
            parts.append(self.difference)
        return "；".join(parts)


def _approvers(s: Session, requests: Iterable[LoanRequest]) -> dict[int, str]:
    """Who approved each request, as the register prints it: every request read at once."""
    distinct = list({r.id: r for r in requests}.values())
    return {v.id: v.approvers for v in views_in(s, distinct)}


def _lines(s: Session, clock: Clock, actor: Actor, *where: ColumnElement[bool]) -> list[LoanLine]:
    today = office_date(clock.now())
    rows = s.execute(
        select(Loan, LoanRequest, Document)
        .join(LoanRequest, LoanRequest.id == Loan.request_id)
        .join(Document, Document.id == Loan.document_id)
        .where(clearance.documents_visible(actor), *where)
        .order_by(Loan.out_at, Loan.id)
    ).all()
    approvers = _approvers(s, [request for _loan, request, _document in rows])
    lines = []
    for loan, request, document in rows:
        late = days_overdue(loan.due_on, today) if loan.returned_at is None else 0
        lines.append(
            LoanLine(
                loan.id,
                request.id,
                request.number,
                document.id,
                document.archive_no,
                document.title,
                Grade(document.secrecy),
                request.borrower_name,
                request.borrower_org,
                request.borrower_phone,
                request.purpose,
                approvers[request.id],
                Form(request.form),
                Place(request.place),
                loan.out_at,
                loan.due_on,
                loan.returned_at,
                loan.pages_out,
                loan.pages_back,
                loan.intact,
                loan.difference,
                loan.flagged,
                loan.renewals,
                late,
            )
        )
    return lines


def loan_lines(s: Session, clock: Clock, actor: Actor, loan_ids: Iterable[int]) -> list[LoanLine]:
    return _lines(s, clock, actor, Loan.id.in_(list(loan_ids)))


def _copy_lines(s: Session, actor: Actor, *where: ColumnElement[bool]) -> list[LoanLine]:
    rows = s.execute(
        select(LoanCopy, LoanRequest, Document)
        .join(LoanRequest, LoanRequest.id == LoanCopy.request_id)
        .join(Document, Document.id == LoanCopy.document_id)
        .where(clearance.documents_visible(actor), *where)
    ).all()
    approvers = _approvers(s, [r for _c, r, _d in rows])
    return [
        LoanLine(
            None,
            r.id,
            r.number,
            d.id,
            d.archive_no,
            d.title,
            Grade(d.secrecy),
            r.borrower_name,
            r.borrower_org,
            r.borrower_phone,
            r.purpose,
            approvers[r.id],
            Form.COPY,
            Place(r.place),
            c.made_at,
            None,
            None,
            c.pages,
            None,
            None,
            "",
            False,
            0,
            0,
        )
        for c, r, d in rows
    ]


def _start(day: date) -> datetime:
    return datetime.combine(day, time(0), CHINA_TZ).astimezone(UTC)


def _require_reader(actor: Actor) -> None:
    if actor.role not in LEDGER_READERS:
        raise PermissionDenied(
            zh=f"{actor.role.zh}无权查看借阅登记簿。", en=f"A {actor.role.en.lower()} may not read the loan ledger."
        )


def ledger(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    since: date | None = None,
    until: date | None = None,
    borrower: str | None = None,
    record: str | None = None,
) -> list[LoanLine]:
    """The register (借阅登记簿): loans and copies made in a period (office dates, inclusive), of a
    borrower (name, or part of it) or of a record (档号), in the order they were lent."""
    _require_reader(actor)
    loans: list[ColumnElement[bool]] = []
    copies: list[ColumnElement[bool]] = []
    if since is not None:
        loans.append(Loan.out_at >= _start(since))
        copies.append(LoanCopy.made_at >= _start(since))
    if until is not None:
        loans.append(Loan.out_at < _start(until + timedelta(days=1)))
        copies.append(LoanCopy.made_at < _start(until + timedelta(days=1)))
    if borrower:
        who = LoanRequest.borrower_name.contains(borrower.strip())
        loans.append(who)
        copies.append(who)
    with db.session() as s:
        if record and record.strip():  # the 档号 however it was typed or scanned (normalise_code)
            matches = Document.archive_no.in_(code_forms_in(s, record))
            loans.append(matches)
            copies.append(matches)
        lines = _lines(s, clock, actor, *loans) + _copy_lines(s, actor, *copies)
    return sorted(lines, key=lambda line: (line.out_at, line.loan_id or 0))


def overdue(db: Database, clock: Clock, actor: Actor) -> list[LoanLine]:
    """What is out past its due date, most overdue first (A12)."""
    _require_reader(actor)
    today = office_date(clock.now())
    with db.session() as s:
        lines = _lines(s, clock, actor, Loan.returned_at.is_(None), Loan.due_on < today)
    return sorted(lines, key=lambda line: (-line.overdue_days, line.archive_no))


def current_loans(
    db: Database, clock: Clock, actor: Actor, *, user_id: int | None = None, name: str | None = None
) -> list[LoanLine]:
    """A borrower's current loans in one view: a staff member's (``user_id``), or by name.
    Anyone may see their own; the desk and the approvers anyone's."""
    if not (user_id == actor.user_id and name is None):
        _require_reader(actor)
    where: list[ColumnElement[bool]] = [Loan.returned_at.is_(None)]
    if user_id is not None:
        where.append(LoanRequest.borrower_user_id == user_id)
    if name:
        where.append(LoanRequest.borrower_name == name.strip())
    with db.session() as s:
        return _lines(s, clock, actor, *where)


# --------------------------------------------------------------------------- a record's history


@dataclass(frozen=True)
class HistoryEntry:
    """A paper loan or an on-screen consultation of one record, for its history."""

    at: datetime
    kind: str  # "loan" | "copy" | "consultation"
    who: str
    text_zh: str
    text_en: str


def record_history(db: Database, clock: Clock, actor: Actor, document_id: int) -> list[HistoryEntry]:
    """A record's paper loans and copies next to its on-screen consultations, oldest first."""
    _require_reader(actor)
    with db.session() as s:
        clearance.visible_document(s, actor, document_id)
        lines = _lines(s, clock, actor, Loan.document_id == document_id)
        lines += _copy_lines(s, actor, LoanCopy.document_id == document_id)
        seen = s.execute(
            select(Consultation.at, User.display_name)
            .join(User, User.id == Consultation.user_id)
            .where(Consultation.document_id == document_id)
        ).all()
    entries = [
        HistoryEntry(at, "consultation", who, "在屏幕上查阅附件", "consulted the attachments on screen")
        for at, who in seen
    ]
    for line in lines:
        if line.form is Form.COPY:
            zh, en = (
                f"复制 {line.pages_out} 页（{line.request_number}）",
                f"copy of {line.pages_out} pages ({line.request_number})",
            )
        else:
            back = f"，{office_date(line.returned_at)} 归还" if line.returned_at else "，未还"
            back_en = f", returned {office_date(line.returned_at)}" if line.returned_at else ", still out"
            zh = f"借出原件（{line.request_number}）至 {line.due_on}{back}"
            en = f"original lent ({line.request_number}) until {line.due_on}{back_en}"
        entries.append(
            HistoryEntry(line.out_at, "copy" if line.form is Form.COPY else "loan", line.borrower_name, zh, en)
        )
    return sorted(entries, key=lambda e: e.at)


def request_lines(db: Database, clock: Clock, actor: Actor, request_id: int) -> list[LoanLine]:
    """What has been lent (and copied) on one request, for the desk."""
    _require_reader(actor)
    with db.session() as s:
        return _lines(s, clock, actor, Loan.request_id == request_id) + _copy_lines(
            s, actor, LoanCopy.request_id == request_id
        )
