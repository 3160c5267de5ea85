"""The demo archive's working life: loans, appraisal, a legal hold and attachments (借阅、鉴定、冻结、附件).

So that 借阅, 鉴定销毁 and the digital track have work at the demo's ``now``, everything here goes through
the same services as the window, each step at its own moment (a :class:`FakeClock` per step), and the
records are picked with a seeded random generator of this module's own, so the demo is the same every
time and the rest of the estate does not move:

* **Loans (A6, A11, A12)** in every state of the ledger: one awaiting approval, one approved and waiting
  at the desk, one refused, one withdrawn, one lent and not yet due, two lent and overdue (one to an
  outside borrower, a court, approved by the management office as a special case) and one lent and
  returned, which closed its request.
* **Appraisal (A16, A17)**: an old box of administrative records from 2013, kept ten years, so their
  retention ran out at the end of 2023 and they stand on the review list (到期鉴定清单); and one record
  marked void (作废) more than the grace period ago, so it is due for review too.
* **A legal hold (冻结, A17)**: one of the old records is held for an audit, which keeps it off the
  review list; two others are proposed for destruction in a batch awaiting the supervisor's approval.
* **Attachments (附件, A5)**: a scanned drawing (PNG) and a few PDFs, made in memory, on unclassified
  records — so the digital track and the previews show something.
"""

from __future__ import annotations

import io
import random
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import select

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import HoldKind
from estate_desk.domain.loans.rules import Form, Place
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.actor import Actor
from estate_desk.services.archive import attachments, boxes, register
from estate_desk.services.archive.movements import box_place, record_move
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.disposal import batches, marks
from estate_desk.services.loans import approval
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans.requests import Borrower, RequestDraft, request_loan
from estate_desk.store.accounts import User
from estate_desk.store.archive import ArchiveBox, Cabinet, Category, Document

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database

OLD_YEAR = 2013  # ten years kept: expired at the end of 2023
OLD_RECORDS = ("2013年值班记录", "2013年消防巡查记录", "关于2013年春节放假的通知", "2013年度财务资料", "关于停水的通知")
VOID_REASON = "内容已被2021年修订版取代"
HOLD_REASON = "区审计局调阅2013年度财务资料，审计结束前不得销毁"
BATCH_REASON = "保管期限已满，经鉴定无继续保存价值"


@dataclass(frozen=True)
class ArchiveLife:
    """What was added: the old records registered (they count among the demo's documents)."""

    documents: int


class _Office:
    """The demo's archive staff, a clock per step and the records to work on."""

    def __init__(self, db: Database, clock: Clock, seed: int) -> None:
        self.db, self.now, self.rng = db, clock.now(), random.Random(seed)
        self.today = office_date(self.now)
        with db.session() as s:
            users = {u.username: u for u in s.scalars(select(User))}
            self.clerk, self.desk, self.super, self.office = (
                Actor.of(users[n]) for n in ("clerk", "desk", "super", "office")
            )
        self.used: set[int] = set()

    def at(self, days_ago: int, hour: int = 10, minute: int = 0) -> FakeClock:
        """A clock at ``hour:minute`` of ``days_ago`` days before today (China time), never after ``now``."""
        moment = datetime.combine(self.today - timedelta(days=days_ago), time(hour, minute), CHINA_TZ)
        return FakeClock(min(moment, self.now - timedelta(minutes=1)))

    def pick(self, category: str, *, grade: Grade | None = None) -> Document:
        """A record of ``category`` on the shelf (boxed, with paper, current), not picked before."""
        with self.db.session() as s:
            query = (
                select(Document)
                .join(Category, Category.id == Document.category_id)
                .where(
                    Category.code == category,
                    Document.box_id.is_not(None),
                    Document.has_paper.is_(True),
                    Document.void.is_(False),
                    Document.year > OLD_YEAR,
                )
                .order_by(Document.id)
            )
            if grade is not None:
                query = query.where(Document.secrecy <= int(grade))
            found = [d for d in s.scalars(query) if d.id not in self.used]
            document = self.rng.choice(found)
            s.expunge(document)
        self.used.add(document.id)
        return document


def fill_archive_life(db: Database, clock: Clock, *, seed: int = 20) -> ArchiveLife:
    """Loans, old and void records, a legal hold and attachments for the demo (see the module docstring)."""
    o = _Office(db, clock, seed)
    _loans(o)
    old = _old_box(o)
    marks.mark_void(
        db,
        o.at(430),
        o.clerk,
        "document",
        o.pick("FK").id,
        reason=VOID_REASON,
        on=o.today - timedelta(days=430),
    )
    marks.place_hold(db, o.at(12, 15), o.super, old[3], HoldKind.AUDIT, HOLD_REASON)
    batches.propose(db, o.at(5, 16), o.clerk, [(old[0], BATCH_REASON), (old[1], BATCH_REASON)])
    _attachments(o)
    return ArchiveLife(documents=len(old))


# --------------------------------------------------------------------------- loans


def _ask(o: _Office, clock: Clock, who: Actor, borrower: Borrower, doc: Document, purpose: str, days: int) -> int:
    draft = RequestDraft(
        borrower,
        (doc.archive_no,),
        purpose,
        form=Form.ORIGINAL,
        place=Place.TAKEN_OUT,
        due_on=office_date(clock.now()) + timedelta(days=days),
    )
    return request_loan(o.db, clock, who, draft).id


def _own(actor: Actor) -> Borrower:
    return Borrower(user_id=actor.user_id)


def _lend(o: _Office, days_ago: int, who: Actor, borrower: Borrower, doc: Document, purpose: str, days: int) -> int:
    """A request approved by the clerk (公开/内部) and lent the same morning; returns the request's id."""
    request_id = _ask(o, o.at(days_ago, 9, 30), who, borrower, doc, purpose, days)
    approval.decide(o.db, o.at(days_ago, 10), o.clerk, request_id, approve=True, comment="同意")
    loan_desk.check_out(o.db, o.at(days_ago, 10, 30), o.clerk, request_id, doc.archive_no)
    return request_id


def _loans(o: _Office) -> None:
    db, clerk, desk, sup = o.db, o.clerk, o.desk, o.super
    # returned: lent six weeks ago for a week, brought back complete five weeks ago (the request closed)
    drawing = o.pick("GC")
    _lend(o, 42, desk, _own(desk), drawing, "维修方案编制查阅图纸", 7)
    out = loan_desk.to_return(db, o.at(36, 16), clerk, drawing.archive_no)
    checks = [loan_desk.ReturnCheck(line.loan_id, drawing.pages) for line in out if line.loan_id is not None]
    loan_desk.check_in(db, o.at(36, 16), clerk, checks)
    # lent three days ago for ten days: out, not yet due
    _lend(o, 3, sup, _own(sup), o.pick("WX", grade=Grade.INTERNAL), "年度审计抽查", 10)
    # lent and overdue: a week's loan taken out three weeks ago, a recall not yet sent
    _lend(o, 21, desk, _own(desk), o.pick("FK", grade=Grade.INTERNAL), "业主投诉处理核实记录", 7)
    # lent and overdue: a court's request, a special case approved by the management office
    court = Borrower(
        name="周建国",
        organisation="区人民法院",
        phone="13912345678",
        id_no="440301198002023456",
        clearance=Grade.INTERNAL,
    )
    record = o.pick("GC")
    request_id = _ask(o, o.at(30, 9), clerk, court, record, "产权纠纷调查取证", 14)
    approval.decide(db, o.at(29, 11), o.office, request_id, approve=True, comment="同意，请按期归还")
    loan_desk.check_out(db, o.at(29, 14), clerk, request_id, record.archive_no)
    # approved yesterday, waiting at the desk to be lent
    waiting = _ask(o, o.at(1, 14), sup, _own(sup), o.pick("XZ"), "消防检查调阅资料", 7)
    approval.decide(db, o.at(1, 15), clerk, waiting, approve=True, comment="同意")
    # refused, with the reason
    refused = _ask(o, o.at(9, 10), desk, _own(desk), o.pick("WX", grade=Grade.INTERNAL), "个人查看", 7)
    approval.decide(db, o.at(9, 11), clerk, refused, approve=False, comment="事由不充分，请补充说明")
    # withdrawn by the borrower before it was decided
    gone = _ask(o, o.at(6, 9), desk, _own(desk), o.pick("GC"), "装修审批复核", 7)
    approval.withdraw(db, o.at(6, 10), desk, gone)
    # awaiting the clerk's approval, asked for this morning
    _ask(o, o.at(0, 8, 40), desk, _own(desk), o.pick("XZ"), "查阅物业服务中心管理制度", 7)


# --------------------------------------------------------------------------- old records (appraisal)


def _free_slot(s: Session) -> tuple[Cabinet, int, int]:
    taken = {(b.cabinet_id, b.shelf, b.position) for b in s.scalars(select(ArchiveBox))}
    for cabinet in s.scalars(select(Cabinet).order_by(Cabinet.code.desc())):  # the last cabinet first
        for shelf in range(1, cabinet.shelves + 1):
            for position in range(1, cabinet.positions_per_shelf + 1):
                if (cabinet.id, shelf, position) not in taken:
                    return cabinet, shelf, position
    raise LookupError("no free place in the demo's cabinets")


def _old_box(o: _Office) -> list[int]:
    """The 2013 box of administrative records, registered last year when the old papers were sorted, and
    shelved in the last cabinet."""
    clock = o.at(380, 10)
    box_id = boxes.create_box(o.db, clock, o.clerk, category_code="XZ", year=OLD_YEAR, retention=Retention.years(10))
    ids = []
    for n, title in enumerate(OLD_RECORDS, start=1):
        draft = DocumentDraft(
            "XZ",
            title,
            OLD_YEAR,
            doc_date=date(OLD_YEAR, 2 * n, 10 + n),
            responsible="翠湖苑物业服务中心",
            doc_number=f"翠物〔{OLD_YEAR}〕{n}号" if "通知" in title else "",
            pages=o.rng.randint(2, 30),
        )
        document_id = register.register(o.db, clock, o.clerk, draft)
        boxes.put_in_box(o.db, clock, o.clerk, box_id, document_id=document_id)
        ids.append(document_id)
    with o.db.session() as s:
        box = boxes.get_box(s, box_id)
        before = box_place(s, box)
        cabinet, shelf, position = _free_slot(s)
        box.cabinet_id, box.shelf, box.position = cabinet.id, shelf, position
        s.flush()
        record_move(s, clock, o.clerk, box_id=box.id, from_place=before, to_place=box_place(s, box), reason="上架")
    return ids


# --------------------------------------------------------------------------- attachments


def _scan_png(title: str) -> bytes:
    """A small greyish "scan" of a drawing: a frame, a floor plan's walls and a title block."""
    image = Image.new("RGB", (640, 452), (246, 244, 238))
    pen = ImageDraw.Draw(image)
    pen.rectangle((16, 16, 623, 435), outline=(40, 40, 40), width=3)
    pen.rectangle((80, 70, 420, 360), outline=(30, 30, 30), width=5)
    pen.line((250, 70, 250, 260), fill=(30, 30, 30), width=4)
    pen.line((80, 260, 330, 260), fill=(30, 30, 30), width=4)
    pen.rectangle((450, 340, 610, 420), outline=(40, 40, 40), width=2)
    pen.text((460, 352), title.encode("ascii", "ignore").decode() or "DRAWING", fill=(20, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _pdf(archive_no: str, pages: int) -> bytes:
    """A few pages with the record's 档号 on each, as a scanner's PDF would carry it."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setTitle(archive_no)
    for page in range(1, pages + 1):
        sheet.setFont("Helvetica", 14)
        sheet.drawString(72, 770, archive_no)
        sheet.setFont("Helvetica", 10)
        sheet.drawString(72, 750, f"page {page} / {pages}")
        sheet.rect(72, 120, 451, 600)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _attachments(o: _Office) -> None:
    """A scanned drawing and three PDFs, attached by the clerk a fortnight ago."""
    files = [(o.pick("GC"), "scan.png"), *((o.pick(code), "scan.pdf") for code in ("GC", "WX", "XZ"))]
    with tempfile.TemporaryDirectory(prefix="estate-desk-demo-") as folder:
        for n, (document, suffix) in enumerate(files):
            name = f"{document.archive_no.replace('·', '-')}-{suffix}"
            path = Path(folder) / name
            data = _scan_png(document.archive_no) if suffix.endswith(".png") else _pdf(document.archive_no, 2 + n)
            path.write_bytes(data)
            attachments.attach_file(o.db, o.at(14, 9, 10 * n), o.clerk, document.id, path, as_scan=True)
