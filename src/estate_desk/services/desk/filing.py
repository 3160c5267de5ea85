"""A closed ticket files itself into the archive (A2, A4): a document with its slip and signature.

Repairs go under 维修资料 (WX) as a 报修单; complaints under 业主反馈信息 (FK) as 投诉及处理记录;
every other kind, closed by its return visit, under 业主反馈信息 as 服务回访记录. The document is
linked to the ticket, the room and the owner, and carries two attachments: the ticket slip PDF
(:mod:`estate_desk.printing.ticket_slip`) and the owner's signature image. It is registered in
the same unit of work that closes the ticket, so a ticket is never closed without its record.
A paper original exists only when the owner signed a paper slip (its photo was taken).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.archive.dual_track import AttachmentKind
from estate_desk.domain.desk.records import shown
from estate_desk.domain.desk.terms import Confirmation, TicketKind
from estate_desk.domain.routines.common import office_date
from estate_desk.services.archive.attachments import attach_bytes, blob_store
from estate_desk.services.archive.numbering import DocumentDraft, register_document
from estate_desk.services.desk.tickets import EventKind, record_event, user_names
from estate_desk.store.accounts import Office
from estate_desk.store.desk_records import TicketEvent
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.tickets import Ticket as DomainTicket
    from estate_desk.printing.ticket_slip import TicketSlip
    from estate_desk.store.archive import Document
    from estate_desk.store.desk import Ticket


def archive_category_for(kind: TicketKind) -> str:
    """维修资料 (WX) for repairs; 业主反馈信息 (FK) for complaints, suggestions and other return visits (A4)."""
    return "WX" if kind is TicketKind.REPAIR else "FK"


def slip_title(kind: TicketKind) -> str:
    """The document type, in the words of the category's suggestions (A4)."""
    if kind is TicketKind.REPAIR:
        return "报修单"
    if kind is TicketKind.COMPLAINT:
        return "投诉及处理记录"
    return "服务回访记录"


def _signature_bytes(ticket: DomainTicket) -> tuple[bytes | None, str]:
    """The latest completion's image, read back from the attachment store, and its file suffix."""
    for completion in reversed(ticket.completions):
        if completion.confirmation.is_signature and completion.signature_record:
            with blob_store().open(completion.signature_record) as fh:
                data = fh.read()
            return data, ".jpg" if data[:3] == b"\xff\xd8\xff" else ".png"
    return None, ""


def build_slip(s: Session, row: Ticket, ticket: DomainTicket, signature: bytes | None) -> TicketSlip:
    from estate_desk.printing.ticket_slip import SlipSection, TicketSlip  # reportlab: when a ticket is filed

    office = s.scalar(select(Office))
    events = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == row.id).order_by(TicketEvent.id)).all()
    names = user_names(
        s,
        [row.first_receiver_id, row.handler_id]
        + [e.actor_id for e in events]
        + [c.handler_id for c in ticket.completions]
        + [v.visitor_id for v in ticket.return_visits],
    )
    room = s.get(Room, row.room_id) if row.room_id else None
    owner = s.get(Owner, row.owner_id) if row.owner_id else None
    facts = [
        ("类别", f"{ticket.kind.label_zh}（{ticket.channel.label_zh}）"),
        ("房间", room.code if room else "—"),
        ("业主", owner.name if owner else (row.contact or "—")),
        ("联系人", row.contact or "—"),
        ("受理时间", shown(ticket.received_at)),
        ("第一接待人", names.get(row.first_receiver_id, "")),
        ("处理人", names.get(row.handler_id, "—") if row.handler_id else "—"),
        ("承诺时间", shown(ticket.promise_due_as_of(ticket.closed_at or ticket.received_at))),
        ("到场", shown(ticket.arrived_at) if ticket.arrived_at else "—"),
        ("办结时间", shown(ticket.closed_at) if ticket.closed_at else "—"),
        ("地点", ticket.place or "—"),
        ("事由", ticket.subject),
    ]
    history = tuple(
        f"{shown(e.at)} {EventKind(e.kind).label_zh} {names.get(e.actor_id, '') if e.actor_id else ''} {e.detail}".strip()
        for e in events
        if e.kind not in (EventKind.COMPLETED, EventKind.RETURN_VISIT, EventKind.CLOSED)
    )
    done = tuple(
        f"{shown(c.completed_at)} {names.get(c.handler_id, '')}：{c.explanation}（{c.confirmation.label_zh}"
        + (f"，{c.signature_record}" if c.confirmation is Confirmation.PHONE and c.signature_record else "")
        + "）"
        for c in ticket.completions
    )
    visits = tuple(
        f"{shown(v.visited_at)} {names.get(v.visitor_id, '')} 回访：{v.result.label_zh}"
        + (f"，{v.note}" if v.note else "")
        for v in ticket.return_visits
    )
    sections = [SlipSection("处理经过", history), SlipSection("处理结果", done), SlipSection("回访", visits)]
    if ticket.special_services:
        lines = tuple(
            f"{x.name_zh} {x.unit_price} 元 × {x.quantity} = {x.line_total} 元" for x in ticket.special_services
        )
        sections.append(SlipSection("特约服务", (*lines, f"合计 {ticket.special_services_total} 元")))
    last = ticket.completions[-1] if ticket.completions else None
    caption = f"业主确认：{last.confirmation.label_zh}" if last else "业主确认"
    return TicketSlip(
        office_name=office.name if office else "",
        title=slip_title(ticket.kind),
        number=ticket.number,
        facts=tuple(facts),
        sections=tuple(sections),
        signature_png=signature,
        signature_caption=caption,
        footer=f"工单 {ticket.number} · 第一接待人 {names.get(row.first_receiver_id, '')}"
        + (f" · 重复投诉（原工单 {ticket.repeat_of}）" if ticket.repeat_of else ""),
    )


def file_closed_ticket(s: Session, clock: Clock, row: Ticket, ticket: DomainTicket, *, filed_by: int) -> Document:
    """Register the closed ticket as an archive document with its slip and signature attached."""
    signature, suffix = _signature_bytes(ticket)
    office = s.scalar(select(Office))
    closed = ticket.closed_at or clock.now()
    room = s.get(Room, row.room_id) if row.room_id else None
    title = slip_title(ticket.kind)
    last = ticket.completions[-1] if ticket.completions else None
    draft = DocumentDraft(
        category_code=archive_category_for(ticket.kind),
        title=f"{room.code + ' ' if room else ''}{title} {ticket.number}：{ticket.matter or ticket.subject}"[:400],
        year=office_date(closed).year,
        doc_date=office_date(closed),
        responsible=office.name if office else names_of(s, row.first_receiver_id),
        doc_number=ticket.number,
        pages=1,
        remarks=f"{ticket.kind.label_zh}工单，{shown(ticket.received_at)} 受理，{shown(closed)} 办结。",
        room_id=row.room_id,
        owner_id=row.owner_id,
        has_paper=last is not None and last.confirmation is Confirmation.SIGNED_SLIP_PHOTO,
        ticket_id=row.id,
    )
    document = register_document(s, clock, draft, created_by=filed_by)
    from estate_desk.printing.ticket_slip import render_ticket_slip

    slip = render_ticket_slip(build_slip(s, row, ticket, signature))
    attach_bytes(
        s,
        clock,
        document_id=document.id,
        data=slip,
        name=f"{title}-{ticket.number}.pdf",
        kind=AttachmentKind.SCAN,
        added_by=filed_by,
    )
    if signature is not None:
        attach_bytes(
            s,
            clock,
            document_id=document.id,
            data=signature,
            name=f"业主签字-{ticket.number}{suffix}",
            kind=AttachmentKind.PHOTO,
            added_by=filed_by,
        )
    record_event(s, row.id, EventKind.FILED, filed_by, clock.now(), document.archive_no)
    return document


def names_of(s: Session, user_id: int) -> str:
    return user_names(s, [user_id]).get(user_id, "")
