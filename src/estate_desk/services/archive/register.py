"""Registering and editing documents (登记, A2/A7), handover batches (A1) and categories (A4)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.domain.estate.rooms import AmbiguousRoom, format_room_code, room_readings
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit, conflicts
from estate_desk.services.archive.numbering import category_by_code, register_document
from estate_desk.services.archive.record_state import require_not_destroyed
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import clearance, sealing
from estate_desk.store.accounts import User
from estate_desk.store.archive import ArchiveBox, Cabinet, Category, Document, HandoverBatch, Volume
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Owner, Ownership, Room

if TYPE_CHECKING:
    from datetime import date, datetime

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.numbering import DocumentDraft
    from estate_desk.store.database import Database


def _above_clearance(db: Database, actor: Actor, zh: str, en: str, target: Target) -> PermissionDenied:
    return audit.refused(
        db,
        actor,
        PermissionDenied(
            zh=f"不能{zh}高于本人密级（{actor.clearance.label('zh')}）。",
            en=f"You cannot {en} above your own clearance ({actor.clearance.label('en')}).",
            rule="A6",
        ),
        target,
    )


def _check_links(s: Session, draft_room: int | None, draft_owner: int | None, ticket: int | None) -> None:
    for model, value, zh, en in (
        (Room, draft_room, "房间", "room"),
        (Owner, draft_owner, "业主", "owner"),
        (Ticket, ticket, "工单", "ticket"),
    ):
        if value is not None and s.get(model, value) is None:
            raise NotFound(zh=f"没有这个{zh}（编号 {value}）。", en=f"No {en} with id {value}.")


def register(db: Database, clock: Clock, actor: Actor, draft: DocumentDraft) -> int:
    """Register a document: it gets the next archive number of its series (A7). Returns its id."""
    require_role(actor, ARCHIVE_KEEPERS, zh="登记档案", en="register records")
    grade = draft.secrecy
    if grade is not None and grade > actor.clearance:
        raise _above_clearance(
            db, actor, "登记密级", "register a record", Target("document", None, draft.title, int(grade))
        )
    with db.session() as s:
        _check_links(s, draft.room_id, draft.owner_id, draft.ticket_id)
        if draft.batch_id is not None and s.get(HandoverBatch, draft.batch_id) is None:
            raise NotFound(zh=f"没有这个移交批次（编号 {draft.batch_id}）。", en=f"No handover batch {draft.batch_id}.")
        document = register_document(s, clock, draft, created_by=actor.user_id)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("document", document.id, document.archive_no, document.secrecy),
            detail={"registered": document.title},
            clock=clock,
        )
        return document.id


EDITABLE = frozenset(
    {
        "title",
        "doc_date",
        "responsible",
        "doc_number",
        "pages",
        "remarks",
        "secrecy",
        "room_id",
        "owner_id",
        "equipment",
        "has_paper",
        "ticket_id",
    }
)
"""What may change after registration. Category, year and retention are part of the archive number, which never
changes (A7); void marks and destruction come with their own rules (A16, A17)."""


def edit_document(
    db: Database,
    clock: Clock,
    actor: Actor,
    document_id: int,
    /,
    *,
    expected_version: int | None = None,
    **fields: object,
) -> None:
    """Change what may change; a new grade (密级) seals or unseals the record's attachments (A6).

    Nobody sets a grade above their own clearance (refused and audited). The change — old and new
    values — is written to the audit trail in the same unit of work. ``expected_version``: the
    record's ``version`` when the user opened it; saved since at another workstation, the edit is
    refused with the difference (:class:`~estate_desk.domain.errors.EditConflict`), nothing saved.
    """
    require_role(actor, ARCHIVE_KEEPERS, zh="修改档案", en="edit records")
    unknown = set(fields) - EDITABLE
    if unknown:
        names = ", ".join(sorted(unknown))
        raise InputProblem(
            zh=f"登记后不能修改：{names}（档号由门类、年度、保管期限决定，不能改变）。",
            en=f"Cannot change after registration: {names} (they make up the archive number, which never changes).",
            rule="A7",
        )
    with db.session() as s:
        document = clearance.visible_document(s, actor, document_id)
        require_not_destroyed(document)
        conflicts.check_version(s, document, expected_version, "document", document.archive_no, fields)
        old_grade = document.secrecy
        if "title" in fields:
            title = str(fields["title"] or "").strip()
            if not title:
                raise InputProblem(zh="请填写题名。", en="The title (题名) is required.")
            fields["title"] = title
        if "pages" in fields and int(str(fields["pages"])) < 0:
            raise InputProblem(zh="页数不能为负数。", en="The page count cannot be negative.")
        if "secrecy" in fields:
            grade = Grade(int(str(fields["secrecy"])))
            if grade > actor.clearance:
                target = Target("document", document.id, document.archive_no, int(grade))
                raise _above_clearance(db, actor, "把密级设得", "set a grade", target)
            fields["secrecy"] = int(grade)
        _check_links(s, fields.get("room_id"), fields.get("owner_id"), fields.get("ticket_id"))  # type: ignore[arg-type]
    new_grade = int(str(fields.get("secrecy", old_grade)))
    plan = (
        sealing.prepare(db, actor, [document_id], {document_id: new_grade})
        if new_grade != old_grade
        else sealing.NOTHING
    )
    with db.session() as s:
        document = clearance.visible_document(s, actor, document_id)
        conflicts.check_version(s, document, expected_version, "document", document.archive_no, fields)
        before = {key: getattr(document, key) for key in fields}
        for key, value in fields.items():
            setattr(document, key, value)
        conflicts.flush_or_conflict(s, document, "document", document.archive_no, fields)
        sealing.apply(s, plan)
        changed = {key: [before[key], value] for key, value in fields.items() if before[key] != value}
        if changed:
            audit.record(
                s,
                actor,
                AuditAction.CHANGE,
                Target("document", document.id, document.archive_no, max(old_grade, new_grade)),
                detail={"changed": changed, "attachments_resealed": len(plan.moves)},
                clock=clock,
            )
    sealing.finish(db, plan)


@dataclass(frozen=True)
class DocumentDetail:
    """Everything the detail pane shows of one document: the record, its paper side and its links."""

    id: int
    archive_no: str
    category_code: str
    category_zh: str
    category_en: str
    year: int
    item_no: int
    title: str
    doc_date: date | None
    responsible: str
    doc_number: str
    pages: int
    remarks: str
    secrecy: Grade
    retention: Retention
    equipment: str
    has_paper: bool
    volume_id: int | None
    volume_code: str | None
    box_id: int | None
    box_code: str | None
    place: str | None  # "档案柜1 · 第2层第3格", None when the box stands nowhere (or there is no box)
    room_id: int | None
    room_code: str | None
    owner_id: int | None
    owner_name: str | None
    ticket_number: str | None
    batch: str | None  # "开发商 某某公司 2019-06-01"
    created_at: datetime
    version: int = 0  # the row's version when read: pass it back to edit_document (LAN edit conflicts)
    void: bool = False  # 作废 (A16), with why, when and who
    void_reason: str = ""
    void_on: date | None = None
    void_by: str | None = None
    destroyed_in: str | None = None  # 已销毁 (A17): the batch's code
    holds: tuple[str, ...] = ()  # legal holds in force (冻结), as "审计：reason"


def place_text(cabinet: Cabinet | None, shelf: int | None, position: int | None) -> str | None:
    """Where a box stands, as the clerk says it."""
    if cabinet is None or shelf is None or position is None:
        return None
    return f"{cabinet.name} · 第{shelf}层第{position}格"


def _disposal_facts(s: Session, d: Document) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Who voided a record, the batch that destroyed it, the holds on it (A16, A17)."""
    from estate_desk.domain.disposal.rules import HoldKind
    from estate_desk.store.disposal import DestructionBatch, LegalHold

    voider = s.get(User, d.void_by) if d.void_by else None
    batch = s.get(DestructionBatch, d.destroyed_in) if d.destroyed_in else None
    holds = s.scalars(select(LegalHold).where(LegalHold.document_id == d.id, LegalHold.lifted_at.is_(None)))
    return (
        voider.display_name if voider else None,
        batch.code if batch else None,
        tuple(f"{HoldKind(h.kind).label()}：{h.reason}" for h in holds),
    )


def document_detail(db: Database, actor: Actor, document_id: int) -> DocumentDetail:
    """One record as the detail pane (and ``estate-desk record``) shows it; opening a classified record is
    audited, one above the reader's clearance refused (NotFound) and audited. The owner is named only
    to readers cleared for owner files (A12); the room always."""
    with db.session() as s:
        d = clearance.visible_document(s, actor, document_id, viewing=True)
        category = s.get(Category, d.category_id)
        assert category is not None
        volume = s.get(Volume, d.volume_id) if d.volume_id else None
        box = s.get(ArchiveBox, d.box_id) if d.box_id else None
        cabinet = s.get(Cabinet, box.cabinet_id) if box is not None and box.cabinet_id else None
        room = s.get(Room, d.room_id) if d.room_id else None
        owner = s.get(Owner, d.owner_id) if d.owner_id and clearance.may_see_owner_files(actor) else None
        ticket = s.get(Ticket, d.ticket_id) if d.ticket_id else None
        batch = s.get(HandoverBatch, d.batch_id) if d.batch_id else None
        void_by, destroyed_in, holds = _disposal_facts(s, d)
        return DocumentDetail(
            id=d.id,
            archive_no=d.archive_no,
            category_code=category.code,
            category_zh=category.name_zh,
            category_en=category.name_en,
            year=d.year,
            item_no=d.item_no,
            title=d.title,
            doc_date=d.doc_date,
            responsible=d.responsible,
            doc_number=d.doc_number,
            pages=d.pages,
            remarks=d.remarks,
            secrecy=Grade(d.secrecy),
            retention=Retention.parse(d.retention),
            equipment=d.equipment,
            has_paper=d.has_paper,
            volume_id=d.volume_id,
            volume_code=volume.code if volume else None,
            box_id=d.box_id,
            box_code=box.code if box else None,
            place=place_text(cabinet, box.shelf, box.position) if box else None,
            room_id=d.room_id,
            room_code=room.code if room else None,
            owner_id=owner.id if owner else None,
            owner_name=owner.name if owner else None,
            ticket_number=ticket.number if ticket else None,
            batch=f"{PARTY_KINDS.get(batch.party_kind, batch.party_kind)} {batch.party_name} {batch.received_on}"
            if batch
            else None,
            created_at=d.created_at,
            version=d.row_version,
            void=d.void,
            void_reason=d.void_reason,
            void_on=d.void_on,
            void_by=void_by,
            destroyed_in=destroyed_in,
            holds=holds,
        )


@dataclass(frozen=True)
class RoomMatch:
    room_id: int
    code: str
    owner_id: int | None
    owner_name: str | None


def room_by_code(db: Database, text: str) -> RoomMatch:
    """The room a code in any written form names (3栋2单元1502, 3-2-1502, ３栋…), with its owner now.

    This is the *room card* of ``services/secrecy/clearance.py``: for one room the caller names, who owns it
    now, at any clearance — what the desk and the registration form need. Never a list, never by name.
    """
    readings = room_readings(text)
    with db.session() as s:
        codes = [format_room_code(r) for r in readings]
        found = list(s.scalars(select(Room).where(Room.code.in_(codes))))
        if len(readings) > 1 and len(found) != 1:  # 0302-2002: only a room the estate has settles it
            raise AmbiguousRoom(text, readings)
        canonical = codes[0]
        room = found[0] if found else None
        if room is None:
            raise InputProblem(
                zh=f"本小区没有房间 {canonical}。", en=f"The estate has no room {canonical}.", where=text
            )
        row = s.execute(
            select(Owner.id, Owner.name)
            .join(Ownership, Ownership.owner_id == Owner.id)
            .where(Ownership.room_id == room.id, Ownership.end_date.is_(None))
        ).first()
        return RoomMatch(room.id, room.code, row[0] if row else None, row[1] if row else None)


# ---- handover batches (A1) ---------------------------------------------------------------------

PARTY_KINDS = {"developer": "开发商", "designer": "设计单位", "builder": "施工单位", "other": "其他"}


@dataclass(frozen=True)
class BatchRow:
    id: int
    party_kind: str
    party_name: str
    received_on: date
    contents: str
    documents: int


def create_handover_batch(
    db: Database, clock: Clock, actor: Actor, *, party_kind: str, party_name: str, received_on: date, contents: str = ""
) -> int:
    """A handover batch (移交批次) from the developer, designer or builder; documents then register into it."""
    require_role(actor, ARCHIVE_KEEPERS, zh="登记移交批次", en="register handover batches")
    if party_kind not in PARTY_KINDS:
        raise InputProblem(
            zh=f"移交单位类型只能是：{'、'.join(PARTY_KINDS.values())}",
            en=f"Party kind must be one of {list(PARTY_KINDS)}",
        )
    if not party_name.strip():
        raise InputProblem(zh="请填写移交单位名称。", en="Give the handing-over party's name.")
    with db.session() as s:
        batch = HandoverBatch(
            party_kind=party_kind,
            party_name=party_name.strip(),
            received_on=received_on,
            contents=contents.strip(),
            received_by=actor.user_id,
            created_at=clock.now(),
        )
        s.add(batch)
        s.flush()
        return batch.id


def handover_batches(db: Database, actor: Actor) -> list[BatchRow]:
    from sqlalchemy import func

    with db.session() as s:
        counts = dict(
            s.execute(
                select(Document.batch_id, func.count())
                .where(Document.batch_id.is_not(None))
                .group_by(Document.batch_id)
            ).all()
        )
        return [
            BatchRow(b.id, b.party_kind, b.party_name, b.received_on, b.contents, counts.get(b.id, 0))
            for b in s.scalars(select(HandoverBatch).order_by(HandoverBatch.received_on, HandoverBatch.id))
        ]


# ---- categories (A4) ---------------------------------------------------------------------------

_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,4}$")


def add_subcategory(db: Database, actor: Actor, parent_code: str, code: str, name_zh: str, name_en: str = "") -> int:
    """A sub-category (子类) under one of the categories; it numbers its documents in its own series."""
    require_role(actor, ARCHIVE_KEEPERS, zh="增加子类", en="add sub-categories")
    code = code.strip().upper()
    if not _CODE.match(code):
        raise InputProblem(
            zh=f"门类代码须为 2–6 位大写字母或数字，且以两个字母开头：{code}",
            en=f"A category code is 2–6 capital letters or digits, starting with two letters: {code}",
        )
    if not name_zh.strip():
        raise InputProblem(zh="请填写子类名称。", en="Give the sub-category a name.")
    with db.session() as s:
        parent = category_by_code(s, parent_code)
        if s.scalar(select(Category.id).where(Category.code == code)) is not None:
            raise InputProblem(zh=f"门类代码 {code} 已被使用。", en=f"The category code {code} is taken.")
        sub = Category(
            code=code,
            name_zh=name_zh.strip(),
            name_en=name_en.strip() or name_zh.strip(),
            parent_id=parent.id,
            sort_order=parent.sort_order,
            default_grade=parent.default_grade,
            default_retention=parent.default_retention,
            suggestions="",
        )
        s.add(sub)
        s.flush()
        return sub.id


def rename_category(db: Database, actor: Actor, code: str, name_zh: str, name_en: str | None = None) -> None:
    """Rename a category. Its code — and so every archive number already given — stays (A7)."""
    require_role(actor, ARCHIVE_KEEPERS, zh="修改门类名称", en="rename categories")
    if not name_zh.strip():
        raise InputProblem(zh="门类名称不能为空。", en="A category needs a name.")
    with db.session() as s:
        category = category_by_code(s, code)
        category.name_zh = name_zh.strip()
        if name_en is not None and name_en.strip():
            category.name_en = name_en.strip()


def suggestions(db: Database, category_code: str) -> list[str]:
    """Typical document types of a category (A4), offered as titles while typing."""
    with db.session() as s:
        category = category_by_code(s, category_code)
        own = [line for line in category.suggestions.splitlines() if line.strip()]
        if not own and category.parent_id is not None:
            parent = s.get(Category, category.parent_id)
            own = [line for line in (parent.suggestions if parent else "").splitlines() if line.strip()]
        return own
