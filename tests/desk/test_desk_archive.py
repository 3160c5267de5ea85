"""A closed ticket files itself into the archive (A2, A4): the record, its slip and the signature."""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta
from typing import TYPE_CHECKING

import pdfplumber
import pytest
from PIL import Image
from sqlalchemy import func, select

from desk_support import Desk, make_desk, signature_png
from estate_desk.domain.archive.dual_track import AttachmentKind
from estate_desk.domain.desk.terms import Confirmation, Satisfaction, TicketKind
from estate_desk.domain.errors import InputProblem
from estate_desk.services.archive import attachments
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import detail as desk_detail
from estate_desk.store.archive import Category, Document

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@pytest.fixture
def d(ready_db: Database, clock: FakeClock) -> Desk:
    return make_desk(ready_db, clock)


def close(d: Desk, kind: TicketKind, subject: str, **done: object) -> int:
    opened = d.open(kind, subject)
    desk_actions.assign_handler(d.db, d.clock, d.receptionist, opened.id, d.handler.user_id)
    d.clock.advance(minutes=2)
    if opened.arrival_due_at is not None:
        desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    desk_actions.add_progress_note(d.db, d.clock, d.handler, opened.id, "已查明原因", owner_told_how=None)
    d.clock.advance(hours=3)
    desk_completion.complete(d.db, d.clock, d.handler, opened.id, explanation="已修好，业主试用正常", **done)  # type: ignore[arg-type]
    d.clock.advance(hours=20)
    desk_completion.return_visit(d.db, d.clock, d.receptionist, opened.id, Satisfaction.SATISFIED, note="业主表示感谢")
    return opened.id


def filed(d: Desk, ticket_id: int) -> tuple[Document, str]:
    with d.db.session() as s:
        found = s.execute(
            select(Document, Category.code)
            .join(Category, Document.category_id == Category.id)
            .where(Document.ticket_id == ticket_id)
        ).one()
        return found[0], found[1]


def test_a2_closed_repair_files_into_wx_with_its_slip_and_signature(d: Desk, clerk: Actor) -> None:
    ticket_id = close(
        d, TicketKind.REPAIR, "厨房水管漏水", confirmation=Confirmation.SIGNATURE, signature_image=signature_png()
    )
    document, category = filed(d, ticket_id)
    assert category == "WX"  # 维修资料
    assert document.title == "3栋1单元1502 报修单 GD20261123-001：厨房水管漏水"
    assert (document.room_id, document.owner_id) == (d.room_id, d.owner_id)
    assert document.doc_number == "GD20261123-001" and not document.has_paper
    shown = desk_detail.ticket_detail(d.db, d.clock, d.receptionist, ticket_id)
    assert shown.document_id == document.id and shown.archive_no == document.archive_no

    files = attachments.attachments_of(d.db, clerk, document.id)
    assert [(f.original_name, f.kind) for f in files] == [
        ("报修单-GD20261123-001.pdf", AttachmentKind.SCAN),
        ("业主签字-GD20261123-001.png", AttachmentKind.PHOTO),
    ]
    slip, signature = files
    assert signature.sha256 == hashlib.sha256(signature_png()).hexdigest()
    assert signature.sha256 == shown.completions[0].signature_sha256
    for f in files:
        data = attachments.stored_path(f.sha256).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f.sha256 and f.size == len(data)
    with pdfplumber.open(io.BytesIO(attachments.stored_path(slip.sha256).read_bytes())) as pdf:
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text() or ""
        assert len(pdf.pages[0].images) == 1  # the signature, drawn on the slip
    for expected in ("测试物业服务中心", "报修单", "GD20261123-001", "3栋1单元1502", "张三", "厨房水管漏水", "已修好"):
        assert expected in text
    assert "回访：满意" in text and "业主确认：业主签字" in text and "第 1 页 共 1 页" in text


def test_a4_closed_complaint_and_suggestion_file_under_owner_feedback(d: Desk) -> None:
    complaint = close(d, TicketKind.COMPLAINT, "楼道灯常亮", confirmation=Confirmation.PHONE, phone_record="电话确认")
    suggestion = close(d, TicketKind.SUGGESTION, "建议增设快递柜", confirmation=Confirmation.PHONE)
    (doc, category), (doc2, category2) = filed(d, complaint), filed(d, suggestion)
    assert (category, category2) == ("FK", "FK")  # 业主反馈信息
    assert "投诉及处理记录" in doc.title and "服务回访记录" in doc2.title
    with d.db.session() as s:
        signatures = s.scalar(
            select(func.count()).select_from(Document).where(Document.id.in_([doc.id, doc2.id]), Document.has_paper)
        )
    assert signatures == 0


def test_a2_a_photo_of_a_signed_slip_files_a_paper_original_too(d: Desk, clerk: Actor) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "white").save(buffer, "JPEG")
    ticket_id = close(
        d, TicketKind.REPAIR, "门锁坏", confirmation=Confirmation.SIGNED_SLIP_PHOTO, signature_image=buffer.getvalue()
    )
    document, _ = filed(d, ticket_id)
    assert document.has_paper  # the signed paper slip goes into a box
    names = [f.original_name for f in attachments.attachments_of(d.db, clerk, document.id)]
    assert names[1].endswith(".jpg")


def test_f3_a_damaged_signature_image_is_refused_at_completion(d: Desk) -> None:
    opened = d.open()
    desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    with pytest.raises(InputProblem) as refused:
        desk_completion.complete(
            d.db,
            d.clock,
            d.handler,
            opened.id,
            explanation="修好",
            confirmation=Confirmation.SIGNED_SLIP_PHOTO,
            signature_image=b"\xff\xd8\xff\xe0 not really a photo",
        )
    assert refused.value.rule == "F3"


def test_a2_a_reopened_ticket_files_only_once_it_is_closed(d: Desk) -> None:
    opened = d.open(TicketKind.COMPLAINT, "噪音")
    desk_actions.mark_arrived(d.db, d.clock, d.handler, opened.id)
    desk_completion.complete(d.db, d.clock, d.handler, opened.id, explanation="已协调", confirmation=Confirmation.PHONE)
    desk_completion.return_visit(d.db, d.clock, d.receptionist, opened.id, Satisfaction.NOT_SATISFIED)
    with d.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
    d.clock.advance(hours=1)
    desk_completion.complete(
        d.db, d.clock, d.handler, opened.id, explanation="再次协调", confirmation=Confirmation.PHONE
    )
    d.clock.advance(timedelta(hours=1))
    desk_completion.return_visit(d.db, d.clock, d.receptionist, opened.id, Satisfaction.SATISFIED)
    assert filed(d, opened.id)[1] == "FK"
