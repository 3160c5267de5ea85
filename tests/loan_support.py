"""A small archive on ``ready_db`` for the loan tests: people of every approving role, records of
every grade, a volume and a box. Not a test module: ``test_loans_*`` build a :class:`Archive`."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from database_support import make_actor
from estate_desk.domain.loans.rules import Form, Place
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import boxes, register, volumes
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.loans import approval as loan_approval
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans import requests as loans
from estate_desk.services.loans.requests import Borrower, RequestDraft

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

    from estate_desk.domain.clock import FakeClock
    from estate_desk.domain.errors import UserError
    from estate_desk.services.actor import Actor
    from estate_desk.services.loans.requests import RequestView
    from estate_desk.store.database import Database


@dataclass
class Archive:
    db: Database
    clock: FakeClock
    clerk: Actor  # 档案管理员, 绝密
    clerk2: Actor  # a second archive clerk
    supervisor: Actor  # 主管, 机密
    office: Actor  # 管理处, 绝密
    office2: Actor  # a second person at the management office
    staff: Actor  # 工作人员, 内部
    by_grade: dict[Grade, str]  # an archive number of each grade
    ids: dict[str, int]  # archive number → document id
    volume_code: str
    volume_docs: list[str]
    box_code: str
    box_docs: list[str]  # the box holds the volume's documents and one more

    def ask(
        self,
        *codes: str,
        borrower: Actor | None = None,
        by: Actor | None = None,
        form: Form = Form.ORIGINAL,
        due_on: date | None = None,
        special: bool = False,
    ) -> RequestView:
        who = borrower or self.staff
        draft = RequestDraft(
            Borrower(user_id=who.user_id), tuple(codes), "查阅竣工图纸", form, Place.TAKEN_OUT, due_on, special
        )
        return loans.request_loan(self.db, self.clock, by or who, draft)

    def approved(self, *codes: str, borrower: Actor | None = None, form: Form = Form.ORIGINAL) -> RequestView:
        request = self.ask(*codes, borrower=borrower, form=form)
        for role in request.chain:
            approver = next(
                a
                for a in (self.clerk, self.supervisor, self.office)
                if a.role is role and a.user_id != request.borrower_user_id
            )
            request = loan_approval.decide(self.db, self.clock, approver, request.id, approve=True, comment="同意")
        return request

    def lend(self, request: RequestView, code: str) -> list[loan_desk.LoanLine]:
        return loan_desk.check_out(self.db, self.clock, self.clerk, request.id, code)


def make_archive(db: Database, clock: FakeClock) -> Archive:
    clerk = make_actor(db, clock, "clerk", "archive_clerk")
    people = {
        "clerk2": make_actor(db, clock, "clerk2", "archive_clerk"),
        "supervisor": make_actor(db, clock, "supervisor", "supervisor"),
        "office": make_actor(db, clock, "office", "management_office"),
        "office2": make_actor(db, clock, "office2", "management_office"),
        "staff": make_actor(db, clock, "staff", "staff"),
    }

    def add(title: str, grade: Grade, pages: int = 12) -> str:
        draft = DocumentDraft("GC", title, 2024, pages=pages, secrecy=grade)
        document_id = register.register(db, clock, clerk, draft)
        detail = register.document_detail(db, clerk, document_id)
        ids[detail.archive_no] = document_id
        return detail.archive_no

    ids: dict[str, int] = {}
    by_grade = {grade: add(f"{grade.label()}图纸", grade) for grade in Grade}
    volume_id = volumes.create_volume(db, clock, clerk, category_code="GC", title="1栋竣工资料", year=2024)
    volume_docs = [add(f"1栋竣工图 {n}", Grade.INTERNAL, pages=5) for n in (1, 2)]
    for no in volume_docs:
        volumes.file_into_volume(db, clock, clerk, ids[no], volume_id)
    box_id = boxes.create_box(db, clock, clerk, category_code="GC", year=2024)
    loose = add("1栋验收记录", Grade.INTERNAL, pages=3)
    boxes.put_in_box(db, clock, clerk, box_id, volume_id=volume_id)
    boxes.put_in_box(db, clock, clerk, box_id, document_id=ids[loose])
    box_code = _box_code(db, box_id)
    volume_code = _volume_code(db, volume_id)
    return Archive(
        db, clock, clerk, by_grade=by_grade, ids=ids, volume_code=volume_code, volume_docs=volume_docs,
        box_code=box_code, box_docs=[*volume_docs, loose], **people,
    )  # fmt: skip


def _box_code(db: Database, box_id: int) -> str:
    from estate_desk.store.archive import ArchiveBox

    with db.session() as s:
        box = s.get(ArchiveBox, box_id)
        assert box is not None
        return box.code


def _volume_code(db: Database, volume_id: int) -> str:
    from estate_desk.store.archive import Volume

    with db.session() as s:
        volume = s.get(Volume, volume_id)
        assert volume is not None
        return volume.code


@contextmanager
def raises_zh(kind: type[UserError], words: str) -> Iterator[None]:
    """Like ``pytest.raises``, matching the Chinese message the user reads."""
    with pytest.raises(kind) as caught:
        yield
    assert words in caught.value.zh, caught.value.zh
