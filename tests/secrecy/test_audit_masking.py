"""The audit trail masked by the reader's clearance (issue 16 part 2; A6, A11, A12).

A management-office user cleared to 内部 reads the trail: rows about 绝密 records keep who, when, what
action and the grade, but never the record's 档号, title or the owner's name — in ``audit list``, in
its ``--export`` (.xlsx and .csv) and in the window's viewer, which all read through
``services/audit_log``. Their own refusal is no more readable one command later than the "not found"
they were given. ``--record`` cannot be used as an oracle. The chain verifies across the migration
that gave each row its target's grade.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, select, text

from estate_desk.cli.__main__ import main
from estate_desk.domain.audit import GENESIS, AuditAction, AuditRecord, record_hash
from estate_desk.domain.errors import NotFound
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts import admin as account_admin
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import register
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.estate import owners
from estate_desk.services.secrecy import audit_log
from estate_desk.services.secrecy.audit_log import MASKED, AuditFilter
from estate_desk.store import migrations
from estate_desk.store.archive import Category, Document
from estate_desk.store.audit import AuditEvent
from estate_desk.store.database import open_database
from estate_desk.store.estate import Owner

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

READER_PASSWORD = "neibu-pass-1"
READERS = ("mo1", "mo2", "mo3", "mo4")  # four management-office users cleared to 内部, as in the issue


@dataclass(frozen=True)
class OwnerFile:
    document_id: int
    archive_no: str
    title: str
    owner_id: int
    name: str


@pytest.fixture
def secret(demo_db: Database) -> OwnerFile:
    with demo_db.session() as s:
        doc = s.scalars(
            select(Document).join(Category).where(Category.code == "YZ").order_by(Document.archive_no).limit(1)
        ).one()
        owner = s.get(Owner, doc.owner_id)
        assert owner is not None and doc.secrecy == Grade.TOP_SECRET
        return OwnerFile(doc.id, doc.archive_no, doc.title, owner.id, owner.name)


@pytest.fixture
def readers(demo_db: Database, clock: FakeClock) -> list[Actor]:
    admin = accounts.authenticate(demo_db, clock, "admin", DEMO_PASSWORD)
    made = []
    for name in READERS:
        accounts.create_user(
            demo_db,
            clock,
            username=name,
            password=READER_PASSWORD,
            role=Role.MANAGEMENT_OFFICE,
            clearance=Grade.INTERNAL,
            actor=admin,
        )
        made.append(accounts.authenticate(demo_db, clock, name, READER_PASSWORD))
    assert all(r.clearance == Grade.INTERNAL for r in made)
    return made


def _cli(url: URL, *args: str) -> int:
    return main(["--database", url.render_as_string(hide_password=False), *args])


def _secrets(f: OwnerFile) -> tuple[str, ...]:
    return (f.archive_no, f.title, f.name, f"编号 {f.document_id}")


def _leaks(out: str, f: OwnerFile) -> list[str]:
    return [s for s in _secrets(f) if s in out]


# --------------------------------------------------------------------------- the leak, as the issue found it


def test_a6_a12_audit_list_masks_top_secret_targets_for_a_reader_cleared_to_internal(  # type: ignore[no-untyped-def]
    demo_url, secret: OwnerFile, readers: list[Actor], capsys, monkeypatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    # the clerk, cleared for 绝密, opens the owner's file and its record: both recorded with their names
    assert _cli(demo_url, "owner", str(secret.owner_id), "--user", "clerk") == 0
    assert _cli(demo_url, "record", secret.archive_no, "--user", "clerk") == 0
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", READER_PASSWORD)
    # the 内部 reader asks for the record: "not found", as if it never existed
    assert _cli(demo_url, "record", str(secret.document_id), "--user", "mo1") == 1
    assert "没有这份档案" in capsys.readouterr().err
    # … and one command later reads the trail
    assert _cli(demo_url, "audit", "list", "--user", "mo1") == 0
    out = capsys.readouterr().out
    assert _leaks(out, secret) == []
    lines = out.splitlines()
    refusal = [line for line in lines if "\tmo1\t拒绝\t" in line]
    assert len(refusal) == 1
    assert f"\t{MASKED[0]}\t绝密\t" in refusal[0]  # who, when, what action, the grade: kept
    views = [line for line in lines if "\tclerk\t查看\t" in line]
    assert len(views) == 2 and all(f"\t{MASKED[0]}\t绝密" in line for line in views)
    # every other reader cleared to 内部 reads the same masked rows
    for name in READERS[1:]:
        assert _cli(demo_url, "audit", "list", "--user", name) == 0
        assert _leaks(capsys.readouterr().out, secret) == []
    # the management office's own manager, cleared for 绝密, reads them whole
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    assert _cli(demo_url, "audit", "list", "--person", "mo1", "--action", "refuse", "--user", "office") == 0
    whole = capsys.readouterr().out
    assert secret.archive_no in whole and f"编号 {secret.document_id}" in whole
    assert _cli(demo_url, "audit", "list", "--person", "clerk", "--action", "view", "--user", "office") == 0
    whole = capsys.readouterr().out
    assert secret.name in whole and secret.archive_no in whole


def test_a6_a12_the_export_masks_the_same_rows_in_xlsx_and_csv(  # type: ignore[no-untyped-def]
    demo_url, secret: OwnerFile, readers: list[Actor], capsys, monkeypatch, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    assert _cli(demo_url, "owner", str(secret.owner_id), "--user", "clerk") == 0
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", READER_PASSWORD)
    assert _cli(demo_url, "record", secret.archive_no, "--user", "mo2") == 1
    for name in ("trail.xlsx", "trail.csv"):
        out = tmp_path / name
        assert _cli(demo_url, "audit", "list", "--export", str(out), "--reason", "季度检查", "--user", "mo2") == 0
        if out.suffix == ".csv":
            rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
        else:
            sheet = load_workbook(out).active
            assert sheet is not None
            rows = [["" if v is None else str(v) for v in row] for row in sheet.values]
        assert rows[0] == list(audit_log.HEADERS)
        flat = "\n".join("\t".join(r) for r in rows)
        assert _leaks(flat, secret) == [], name
        masked = [r for r in rows[1:] if r[4] == MASKED[0]]
        assert {(r[2], r[3], r[5]) for r in masked} == {("clerk", "查看", "绝密"), ("mo2", "拒绝", "绝密")}
        assert all(r[6] == "" and r[7] == "" for r in masked)  # nor the reason (the refusal) nor the details
    capsys.readouterr()


def test_a6_record_filter_is_no_oracle_for_what_the_reader_is_not_cleared_for(  # type: ignore[no-untyped-def]
    demo_url, demo_db: Database, secret: OwnerFile, readers: list[Actor], capsys, monkeypatch, clock: FakeClock
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    manager = accounts.authenticate(demo_db, clock, "office", DEMO_PASSWORD)
    clerk = accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
    owners.owner_file(demo_db, clerk, secret.owner_id)
    register.document_detail(demo_db, clerk, secret.document_id)
    reader = readers[0]
    for typed in (secret.archive_no, secret.name, str(secret.document_id), str(secret.owner_id), secret.archive_no[:8]):
        # the manager finds the clerk's views by any of these …
        assert audit_log.events(demo_db, manager, AuditFilter(person="clerk", record=typed)), typed
        # … the reader cleared to 内部 finds nothing of it: not even a masked row that says "it matched"
        # (a bare number may still match the clerk's work on an open record with that id, a demo loan request)
        found = audit_log.events(demo_db, reader, AuditFilter(person="clerk", record=typed))
        assert not [r for r in found if r.masked or (r.target_kind, r.target_id) == ("document", secret.document_id)]
        assert all(r.grade is None or r.grade <= Grade.INTERNAL for r in found), typed
    # an unrelated 内部 row is still found by its text
    with demo_db.session() as s:
        audit.record(s, clerk, AuditAction.CHANGE, audit.Target("setting", None, "值班表"))
    assert [r.target_text for r in audit_log.events(demo_db, reader, AuditFilter(record="值班表"))] == ["值班表"]
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", READER_PASSWORD)
    capsys.readouterr()
    assert _cli(demo_url, "audit", "list", "--record", secret.archive_no, "--user", "mo1") == 0
    assert capsys.readouterr().out.strip() == "没有符合条件的审计记录。"


def test_a6_an_export_that_searched_for_a_record_is_as_secret_as_its_exporter(
    demo_db: Database, secret: OwnerFile, readers: list[Actor], clock: FakeClock, tmp_path: Path
) -> None:
    """The manager exports "--record <a 绝密 title>": the export's own row names that text in its details,
    so a reader cleared to 内部 sees the export happened, not what was searched for."""
    manager = accounts.authenticate(demo_db, clock, "office", DEMO_PASSWORD)
    clerk = accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
    owners.owner_file(demo_db, clerk, secret.owner_id)
    audit_log.export_events(demo_db, clock, manager, tmp_path / "a.csv", AuditFilter(record=secret.name))
    row = audit_log.events(demo_db, readers[0], AuditFilter(person="office", action=AuditAction.EXPORT))[0]
    assert row.masked and row.grade == Grade.TOP_SECRET and secret.name not in "".join(row.cells())
    seen = audit_log.events(demo_db, manager, AuditFilter(person="office", action=AuditAction.EXPORT))[0]
    assert not seen.masked and secret.name in seen.detail


def test_a6_a_clearance_granted_is_shown_and_masks_nothing(ready_db: Database, clock: FakeClock) -> None:
    """A user's clearance is written in the grade column; the user's name is no secret."""
    admin = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    accounts.create_user(
        ready_db, clock, username="mo", password=READER_PASSWORD, role=Role.MANAGEMENT_OFFICE,
        clearance=Grade.INTERNAL, actor=admin,
    )  # fmt: skip
    accounts.create_user(ready_db, clock, username="li", password=READER_PASSWORD, role=Role.STAFF, actor=admin)
    account_admin.set_clearance(ready_db, clock, admin, "li", Grade.TOP_SECRET)
    reader = accounts.authenticate(ready_db, clock, "mo", READER_PASSWORD)
    row = audit_log.events(ready_db, reader, AuditFilter(record="li", action=AuditAction.CHANGE))[0]
    assert (row.masked, row.target_text, row.grade) == (False, "li", Grade.TOP_SECRET)
    assert audit.verify(ready_db).ok


# --------------------------------------------------------------------------- the migration and the chain


def _rechain_as_before_0011(url: URL) -> None:
    """Rewrite the trail as the code before 0011 wrote it: every row hashed without its target's grade."""
    engine = create_engine(url)
    table = AuditEvent.__table__
    before = [c for c in table.c if c.name not in ("target_grade", "chain_format")]
    with engine.begin() as conn:
        prev = GENESIS
        rows = conn.execute(select(*before).order_by(table.c.seq)).mappings().all()
        for r in rows:
            record = AuditRecord(
                r["seq"], r["at"], r["user_id"], r["username"], r["action"], r["target_kind"], r["target_id"],
                r["target_text"], r["grade"], r["reason"], r["detail"], r["workstation"],
            )  # fmt: skip
            digest = record_hash(record, prev)
            conn.execute(
                text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE seq = :s"),
                {"p": prev, "h": digest, "s": r["seq"]},
            )
            prev = digest
        conn.execute(text("UPDATE audit_chain SET last_seq = :s, last_hash = :h"), {"s": rows[-1]["seq"], "h": prev})
    engine.dispose()


def test_a6_migration_0011_backfills_target_grades_and_the_chain_verifies_old_and_new_rows(
    demo_url: URL, demo_db: Database, secret: OwnerFile, readers: list[Actor], clock: FakeClock
) -> None:
    clerk = accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
    owners.owner_file(demo_db, clerk, secret.owner_id)
    with pytest.raises(NotFound):
        register.document_detail(demo_db, readers[0], secret.document_id)
    admin = accounts.authenticate(demo_db, clock, "admin", DEMO_PASSWORD)
    account_admin.set_clearance(demo_db, clock, admin, "mo4", Grade.TOP_SECRET)
    demo_db.dispose()
    engine = create_engine(demo_url)
    migrations.downgrade_engine(engine, "0010_big_estate_indexes")
    engine.dispose()
    _rechain_as_before_0011(demo_url)  # an archive as it was before this migration

    migrations.upgrade_engine(create_engine(demo_url))
    db = open_database(demo_url)
    try:
        report = audit.verify(db)
        assert report.ok, report.message("en")
        with db.session() as s:
            old = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            assert {e.chain_format for e in old} == {1}
            grades = {(e.username, e.action, e.target_kind): e.target_grade for e in old}
        assert grades[("clerk", "view", "owner")] == Grade.TOP_SECRET
        assert grades[("mo1", "refuse", "document")] == Grade.TOP_SECRET
        assert grades[("admin", "change", "user")] is None  # a clearance granted is not a secret target
        reader = accounts.authenticate(db, clock, "mo1", READER_PASSWORD)
        rows = audit_log.events(db, reader, AuditFilter(person="mo1", action=AuditAction.REFUSE))
        assert [(r.masked, r.target_text, r.reason) for r in rows] == [(True, "", "")]
        # new rows, in the new format, chain on from the old ones
        owners.owner_file(db, accounts.authenticate(db, clock, "clerk", DEMO_PASSWORD), secret.owner_id)
        assert audit.verify(db).ok
        with db.session() as s:
            last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
            assert (last.chain_format, last.target_grade) == (2, Grade.TOP_SECRET)
            seq = last.seq
            # lowering a new row's target grade to unmask it breaks the chain at that row
            s.execute(text("UPDATE audit_events SET target_grade = 1 WHERE seq = :s"), {"s": seq})
            s.commit()
        broken = audit.verify(db)
        assert broken.broken is not None and (broken.broken.seq, broken.broken.kind) == (seq, "edited")
    finally:
        db.dispose()


def test_a6_format_2_hashes_cover_the_target_grade_and_format_1_hashes_stay_as_they_were() -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    old = AuditRecord(1, datetime(2026, 1, 1, tzinfo=UTC), 2, "clerk", "view", "owner", 3, "刘建", 4)
    legacy = record_hash(old, GENESIS)
    # a row from before 0011: its hash is what it always was, whatever grade was filled in afterwards
    assert record_hash(replace(old, target_grade=4), GENESIS) == legacy
    new = replace(old, target_grade=4, chain_format=2)
    assert record_hash(new, GENESIS) != legacy
    assert record_hash(replace(new, target_grade=1), GENESIS) != record_hash(new, GENESIS)
    assert record_hash(replace(new, chain_format=1), GENESIS) != record_hash(new, GENESIS)
