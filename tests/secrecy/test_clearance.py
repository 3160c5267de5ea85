"""Retrieval by clearance (A6, A12): a receptionist cleared for 内部 cannot find a 绝密 owner file by any
path — name, pinyin, initials, room, archive number, its box, a catalogue, an export, the command line —
while a manager cleared for 绝密 can. Every direct request above clearance is refused and audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from estate_desk.cli.__main__ import main
from estate_desk.domain.errors import NotFound, PermissionDenied
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import (
    attachments,
    boxes,
    browse,
    cabinets,
    code_lookup,
    listings,
    register,
    search,
    worklists,
)
from estate_desk.services.archive.search import HitKind
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.estate import owners, roster
from estate_desk.services.printouts.kinds import Selection
from estate_desk.services.printouts.registry import printout
from estate_desk.services.routines import today
from estate_desk.store.archive import ArchiveBox, Category, Document
from estate_desk.store.audit import AuditEvent
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@dataclass(frozen=True)
class OwnerFile:
    """One owner's 绝密 file in the demo estate, and every handle on it."""

    document_id: int
    archive_no: str
    owner_id: int
    name: str
    pinyin: str
    initials: str
    room_id: int
    room_code: str
    box_id: int
    box_code: str
    in_box: int


@pytest.fixture
def secret(demo_db: Database) -> OwnerFile:
    with demo_db.session() as s:
        doc = s.scalars(
            select(Document).join(Category).where(Category.code == "YZ").order_by(Document.archive_no).limit(1)
        ).one()
        owner = s.get(Owner, doc.owner_id)
        room = s.get(Room, doc.room_id)
        box = s.get(ArchiveBox, doc.box_id)
        assert owner is not None and room is not None and box is not None and doc.secrecy == Grade.TOP_SECRET
        in_box = len(s.scalars(select(Document.id).where(Document.box_id == box.id)).all())
        return OwnerFile(
            doc.id,
            doc.archive_no,
            owner.id,
            owner.name,
            owner.pinyin,
            owner.pinyin_initials,
            room.id,
            room.code,
            box.id,
            box.code,
            in_box,
        )


@pytest.fixture
def desk(demo_db: Database, clock: FakeClock) -> Actor:
    actor = accounts.authenticate(demo_db, clock, "desk", DEMO_PASSWORD)
    assert (actor.role, actor.clearance) == (Role.RECEPTIONIST, Grade.INTERNAL)
    return actor


@pytest.fixture
def manager(demo_db: Database, clock: FakeClock) -> Actor:
    actor = accounts.authenticate(demo_db, clock, "office", DEMO_PASSWORD)
    assert (actor.role, actor.clearance) == (Role.MANAGEMENT_OFFICE, Grade.TOP_SECRET)
    return actor


def _refusals(db: Database) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == "refuse").order_by(AuditEvent.seq)))


def _hits(db: Database, actor: Actor, text: str) -> set[tuple[HitKind, int]]:
    return {(h.kind, h.id) for h in search.search(db, actor, text)}


# --------------------------------------------------------------------------- search


def test_a12_search_by_name_pinyin_initials_room_or_archive_number(
    demo_db: Database, desk: Actor, manager: Actor, secret: OwnerFile
) -> None:
    for text in (secret.name, secret.pinyin, secret.initials, secret.archive_no):
        assert (HitKind.OWNER, secret.owner_id) not in _hits(demo_db, desk, text)
        assert (HitKind.DOCUMENT, secret.document_id) not in _hits(demo_db, desk, text)
    assert (HitKind.OWNER, secret.owner_id) in _hits(demo_db, manager, secret.name)
    assert (HitKind.OWNER, secret.owner_id) in _hits(demo_db, manager, secret.pinyin)
    assert (HitKind.DOCUMENT, secret.document_id) in _hits(demo_db, manager, secret.archive_no)

    room_for_desk = [h for h in search.search(demo_db, desk, secret.room_code) if h.kind is HitKind.ROOM]
    room_for_manager = [h for h in search.search(demo_db, manager, secret.room_code) if h.kind is HitKind.ROOM]
    assert room_for_desk[0].id == secret.room_id and secret.name not in room_for_desk[0].detail
    assert secret.name in room_for_manager[0].detail
    assert not [
        h
        for h in search.search(demo_db, desk, secret.room_code)
        if h.kind is HitKind.DOCUMENT and h.id == secret.document_id
    ]


# --------------------------------------------------------------------------- lists, counts, direct requests


def test_a6_lists_and_counts_leave_it_out(demo_db: Database, desk: Actor, manager: Actor, secret: OwnerFile) -> None:
    yz = {c.code: c for c in browse.categories(demo_db, desk)}["YZ"]
    assert (
        yz.visible_documents == 0
        and {c.code: c for c in browse.categories(demo_db, manager)}["YZ"].visible_documents > 0
    )
    assert browse.document_ids(demo_db, desk, yz.id) == []
    assert secret.document_id not in browse.document_ids(demo_db, desk, None)
    assert browse.document_rows(demo_db, desk, [secret.document_id]) == {}
    assert browse.document_rows(demo_db, manager, [secret.document_id])[secret.document_id].owner_name == secret.name
    for count, ids in (
        (worklists.to_digitise_count, worklists.to_digitise),
        (worklists.paper_missing_count, worklists.paper_missing),
    ):
        assert secret.document_id not in ids(demo_db, desk) and count(demo_db, desk) == len(ids(demo_db, desk))
    assert all(h.owner_name is None and h.phone is None for h in listings.households(demo_db, desk))
    assert any(h.owner_name == secret.name for h in listings.households(demo_db, manager))


def test_a6_a_guessed_id_or_number_is_not_found_and_the_attempt_audited(
    demo_db: Database, desk: Actor, manager: Actor, secret: OwnerFile
) -> None:
    with pytest.raises(NotFound) as refused:
        register.document_detail(demo_db, desk, secret.document_id)
    with pytest.raises(NotFound) as never_given:
        register.document_detail(demo_db, desk, 9_999_999)
    assert refused.value.en.replace(str(secret.document_id), "N") == never_given.value.en.replace("9999999", "N")
    with pytest.raises(NotFound):
        attachments.attachments_of(demo_db, desk, secret.document_id)
    with pytest.raises(NotFound):
        owners.owner_file(demo_db, desk, secret.owner_id)
    assert code_lookup.find_by_code(demo_db, desk, secret.archive_no) is None
    refusals = [(e.username, e.target_kind, e.target_id) for e in _refusals(demo_db)]
    assert refusals == [
        ("desk", "document", secret.document_id),
        ("desk", "document", secret.document_id),
        ("desk", "owner", secret.owner_id),
        ("desk", "document", secret.document_id),
    ]
    detail = register.document_detail(demo_db, manager, secret.document_id)
    assert detail.owner_name == secret.name
    assert owners.owner_file(demo_db, manager, secret.owner_id).name == secret.name
    with demo_db.session() as s:
        views = s.execute(select(AuditEvent.username, AuditEvent.target_kind).where(AuditEvent.action == "view")).all()
    assert views == [("office", "document"), ("office", "owner")]


def test_a6_its_box_is_found_but_lists_only_what_the_reader_may_see_and_counts_the_rest(
    demo_db: Database, desk: Actor, manager: Actor, secret: OwnerFile
) -> None:
    hit = code_lookup.find_by_code(demo_db, desk, secret.box_code)
    assert hit is not None and (hit.kind, hit.id) == ("box", secret.box_id)
    for_desk = boxes.box_contents(demo_db, desk, secret.box_id)
    assert for_desk.document_ids == [] and for_desk.hidden == secret.in_box
    assert for_desk.first_no is None and for_desk.last_no is None
    for_manager = boxes.box_contents(demo_db, manager, secret.box_id)
    assert secret.document_id in for_manager.document_ids and for_manager.hidden == 0
    row = next(b for b in browse.boxes(demo_db, desk) if b.id == secret.box_id)
    assert (row.grade, row.hidden) == (Grade.TOP_SECRET, secret.in_box)
    with demo_db.session() as s:
        cabinet_id = s.get(ArchiveBox, secret.box_id).cabinet_id  # type: ignore[union-attr]
    assert cabinet_id is not None
    slot = next(
        v for v in cabinets.cabinet_layout(demo_db, desk, cabinet_id).slots.values() if v.box_id == secret.box_id
    )
    assert (slot.first_no, slot.hidden) == (None, secret.in_box)


def test_a6_the_today_page_of_a_clerk_cleared_for_internal_leaves_it_out(
    demo_db: Database, clock: FakeClock, secret: OwnerFile
) -> None:
    admin = accounts.authenticate(demo_db, clock, "admin", DEMO_PASSWORD)
    accounts.create_user(
        demo_db,
        clock,
        username="clerk2",
        password="clerk2-pass-1",
        role=Role.ARCHIVE_CLERK,
        clearance=Grade.INTERNAL,
        actor=admin,
    )
    low = accounts.authenticate(demo_db, clock, "clerk2", "clerk2-pass-1")
    page = today.today(demo_db, clock, low, limit=10_000)
    section = page.section("to_digitise")
    assert section is not None and section.count == worklists.to_digitise_count(demo_db, low)
    assert not any("YZ" in item.text() for item in section.items)


# --------------------------------------------------------------------------- catalogues, labels, exports


def test_a11_a12_catalogues_labels_and_exports_never_carry_it(
    demo_db: Database, clock: FakeClock, desk: Actor, manager: Actor, secret: OwnerFile, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied, match="above your clearance"):
        printout("owner-catalogue").render(demo_db, clock, desk, Selection(), tmp_path / "o.pdf")
    for key, selection in (
        ("catalogue", Selection(category_code="YZ")),
        ("catalogue", Selection(box_ids=(secret.box_id,))),
        ("register", Selection()),
        ("volume-catalogue", Selection()),
        ("box-notes", Selection(box_ids=(secret.box_id,))),
    ):
        made = printout(key).render(demo_db, clock, desk, selection, tmp_path / f"{key}.pdf")
        assert secret.archive_no not in _pdf_text(made.path) and secret.name not in _pdf_text(made.path), key
    exported = printout("register").xlsx(demo_db, clock, desk, Selection(), tmp_path / "r.xlsx")  # type: ignore[misc]
    assert secret.archive_no not in _xlsx_text(exported.path)
    with pytest.raises(PermissionDenied):
        printout("labels").render(demo_db, clock, desk, Selection(box_ids=(secret.box_id,)), tmp_path / "l.pdf")
    with pytest.raises(PermissionDenied):
        roster.export_roster(demo_db, desk, tmp_path / "owners.xlsx")
    assert not (tmp_path / "o.pdf").exists() and not (tmp_path / "l.pdf").exists()
    assert [e.target_kind for e in _refusals(demo_db)][:1] == ["printout"]

    made = printout("owner-catalogue").render(demo_db, clock, manager, Selection(), tmp_path / "om.pdf")
    assert secret.name in _pdf_text(made.path)
    books = printout("catalogue").render(
        demo_db, clock, manager, Selection(box_ids=(secret.box_id,)), tmp_path / "cm.pdf"
    )
    assert secret.archive_no in _pdf_text(books.path)


def _pdf_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert sheet is not None
    return "\n".join(" ".join(str(v) for v in row if v is not None) for row in sheet.values)


# --------------------------------------------------------------------------- the command line


def _cli(url: object, *args: str) -> int:
    return main(["--database", url.render_as_string(hide_password=False), *args])  # type: ignore[attr-defined]


def test_a6_a12_the_command_line_refuses_the_receptionist_and_serves_the_manager(  # type: ignore[no-untyped-def]
    demo_url, secret: OwnerFile, capsys, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert _cli(demo_url, "search", secret.name, "--user", "desk") == 0
    assert secret.archive_no not in capsys.readouterr().out
    assert _cli(demo_url, "record", str(secret.document_id), "--user", "desk") == 1
    assert "没有这份档案" in capsys.readouterr().err
    assert _cli(demo_url, "record", secret.archive_no, "--user", "desk") == 1
    assert _cli(demo_url, "owner", str(secret.owner_id), "--user", "desk") == 1
    assert _cli(demo_url, "print", "owner-catalogue", "-o", str(tmp_path / "o.pdf"), "--user", "desk") == 1
    assert "高于本人密级" in capsys.readouterr().err and not (tmp_path / "o.pdf").exists()

    assert _cli(demo_url, "search", secret.name, "--user", "office") == 0
    assert secret.name in capsys.readouterr().out
    assert _cli(demo_url, "record", secret.archive_no, "--user", "office") == 0
    out = capsys.readouterr().out
    assert secret.archive_no in out and secret.name in out
    assert _cli(demo_url, "owner", str(secret.owner_id), "--user", "office") == 0
    assert secret.room_code in capsys.readouterr().out
    reason = ["--reason", "季度核对"]
    assert _cli(demo_url, "print", "owner-catalogue", "-o", str(tmp_path / "o.pdf"), "--user", "office", *reason) == 0
    assert (tmp_path / "o.pdf").exists()
    capsys.readouterr()
    assert _cli(demo_url, "audit", "list", "--person", "desk", "--action", "refuse", "--user", "office") == 0
    refused = capsys.readouterr().out.splitlines()
    assert len(refused) == 4 and all("\tdesk\t拒绝\t" in line for line in refused)
    assert _cli(demo_url, "audit", "list", "--action", "print", "--user", "office") == 0
    assert "季度核对" in capsys.readouterr().out
