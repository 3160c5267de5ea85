"""Checking the archive (A5): ``estate-desk verify`` names a damaged attachment, a broken seal, a missing
file and a broken audit chain; the scheduled check's outcome shows on the today page."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select, update

from database_support import ADMIN_PASSWORD
from estate_desk.cli.__main__ import main
from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments, worklists
from estate_desk.services.archive import numbering as archive
from estate_desk.services.maintenance import integrity
from estate_desk.services.routines import today
from estate_desk.store.archive_counts import ArchiveCount
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.attachments import AttachmentRow
    from estate_desk.store.database import Database


@pytest.fixture
def admin(ready_db: Database, clock: FakeClock) -> Actor:
    return accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)


def _attach(db: Database, clock: FakeClock, actor: Actor, tmp_path: Path, name: str, grade: Grade) -> AttachmentRow:
    with db.session() as s:
        doc = archive.register_document(
            s, clock, archive.DocumentDraft("YZ", f"档案 {name}", 2024, secrecy=grade), created_by=None
        )
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(150_000))
    return attachments.attach_file(db, clock, actor, doc.id, path)


def _flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x20
    path.write_bytes(bytes(data))


def test_a5_verify_passes_an_intact_archive(ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path) -> None:
    _attach(ready_db, clock, admin, tmp_path, "open.pdf", Grade.INTERNAL)
    _attach(ready_db, clock, admin, tmp_path, "sealed.pdf", Grade.CONFIDENTIAL)

    report = integrity.check_archive(ready_db, clock, keyring=admin.keyring)

    assert report.ok, report.lines("en")
    assert (report.files, report.sealed_checked, report.sealed_unchecked) == (2, 1, 0)
    assert report.audit_rows > 0 and report.tables > 20
    assert "all intact" in report.summary("en") and "全部完好" in report.summary("zh")


def test_a5_verify_names_a_damaged_attachment_a_broken_seal_and_a_missing_file(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    damaged = _attach(ready_db, clock, admin, tmp_path, "竣工图.pdf", Grade.INTERNAL)
    sealed = _attach(ready_db, clock, admin, tmp_path, "产权证.pdf", Grade.CONFIDENTIAL)
    missing = _attach(ready_db, clock, admin, tmp_path, "missing.pdf", Grade.INTERNAL)
    _attach(ready_db, clock, admin, tmp_path, "intact.pdf", Grade.INTERNAL)
    store = attachments.blob_store()
    _flip(store.path_of(damaged.sha256), 70_000)
    _flip(store.path_of(sealed.sha256, sealed=True), 90_000)
    store.path_of(missing.sha256).unlink()

    report = integrity.check_archive(ready_db, clock, keyring=admin.keyring)

    assert not report.ok
    by_check = {(f.check, f.where.split(" → ")[0]) for f in report.findings}
    assert ("fixity", f"{_archive_no(ready_db, damaged)}「竣工图.pdf」(attachment #{damaged.id})") in by_check
    assert ("sealed", f"{_archive_no(ready_db, sealed)}「产权证.pdf」(attachment #{sealed.id})") in by_check
    assert ("fixity", f"{_archive_no(ready_db, missing)}「missing.pdf」(attachment #{missing.id})") in by_check
    assert len(report.findings) == 3 and not any("intact.pdf" in f.where for f in report.findings)
    assert any(str(store.path_of(damaged.sha256)) in f.where for f in report.findings)  # the file, by its path
    assert any("SHA-256" in f.message("en") for f in report.findings)
    # the outcome is kept: the today page says the archive check found problems
    section = today.today(ready_db, clock, admin).section("integrity")
    assert section is not None and section.status is RoutineStatus.OVERDUE and section.count == 3
    assert any("竣工图.pdf" in item.text() for item in section.items)


def _archive_no(db: Database, row: AttachmentRow) -> str:
    from estate_desk.store.archive import Document

    with db.session() as s:
        return str(s.scalar(select(Document.archive_no).where(Document.id == row.document_id)))


def test_a5_without_the_key_sealed_files_are_counted_not_checked(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    _attach(ready_db, clock, admin, tmp_path, "sealed.pdf", Grade.CONFIDENTIAL)
    report = integrity.check_archive(ready_db, clock)
    assert report.ok and (report.sealed_checked, report.sealed_unchecked) == (0, 1)
    assert "not, as this session holds no key" in report.summary("en")


def test_a5_verify_finds_a_broken_audit_chain(ready_db: Database, clock: FakeClock, admin: Actor) -> None:
    with ready_db.session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 1).values(username="mallory"))
    report = integrity.check_archive(ready_db, clock)
    assert [f.check for f in report.findings] == ["audit"]
    assert "1" in report.findings[0].message("en")


def test_a5_the_cli_verify_names_the_damaged_file_and_exits_non_zero(
    ready_db: Database,
    clock: FakeClock,
    admin: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = _attach(ready_db, clock, admin, tmp_path, "坏文件.pdf", Grade.INTERNAL)
    url = ready_db.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["verify", "--database", url]) == 0
    assert "all intact" in capsys.readouterr().out
    _flip(attachments.blob_store().path_of(row.sha256), 10)

    assert main(["verify", "--database", url]) == 1
    out = capsys.readouterr().out
    assert "坏文件.pdf" in out and row.sha256 in out and "1 problem(s)" in out

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
    assert main(["verify", "--database", url, "--user", "admin"]) == 1
    assert "发现 1 个问题" in capsys.readouterr().out


def test_a5_the_scheduled_check_is_due_weekly_and_shows_on_the_today_page(
    ready_db: Database, clock: FakeClock, admin: Actor
) -> None:
    section = today.today(ready_db, clock, admin).section("integrity")
    assert section is not None and section.status is RoutineStatus.DUE and "never" in section.summary("en")
    integrity.check_archive(ready_db, clock)
    section = today.today(ready_db, clock, admin).section("integrity")
    assert section is not None and section.status is RoutineStatus.OK and section.items == ()
    assert "2026-11-23" in section.summary("en") and "all intact" in section.summary("en")
    clock.advance(days=6, hours=23)
    assert not integrity.check_due(integrity.last_check(ready_db).at, clock.now(), integrity.check_every(ready_db))  # type: ignore[union-attr]
    clock.advance(hours=1)
    section = today.today(ready_db, clock, admin).section("integrity")
    assert section is not None and section.status is RoutineStatus.DUE and section.count == 1


def test_a5_check_due_is_a_pure_function_of_the_clock() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 23, 1, tzinfo=UTC)
    week = timedelta(days=7)
    assert integrity.check_due(None, now, week)
    assert not integrity.check_due(now - timedelta(days=6), now, week)
    assert integrity.check_due(now - week, now, week)


def test_issue18_verify_names_a_drift_in_the_counts_and_rebuilds_them(
    ready_db: Database,
    clock: FakeClock,
    admin: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _attach(ready_db, clock, admin, tmp_path, "扫描件.pdf", Grade.INTERNAL)
    with ready_db.session() as s:  # one paper record still to digitise: the counts say it
        doc = archive.register_document(s, clock, archive.DocumentDraft("YZ", "待扫描", 2024), created_by=None)
        cell = (ArchiveCount.list_name == "to_digitise", ArchiveCount.category_id == doc.category_id)
        grade = doc.secrecy
    assert integrity.check_archive(ready_db, clock, keyring=admin.keyring, remember=False).ok
    with ready_db.session() as s:  # a drift, as a write that bypassed the hooks would leave
        s.execute(
            update(ArchiveCount).where(*cell, ArchiveCount.grade == grade).values(documents=ArchiveCount.documents + 5)
        )

    report = integrity.check_archive(ready_db, clock, keyring=admin.keyring, remember=False)
    assert [f.check for f in report.findings] == ["counts"]
    (finding,) = report.findings
    assert "待数字化" in finding.zh and "记为 6，实际为 1" in finding.zh and "--rebuild-counts" in finding.zh
    assert "to digitise" in finding.en and "the counts say 6, the records 1" in finding.en

    url = ready_db.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["verify", "--database", url]) == 1
    assert "--rebuild-counts" in capsys.readouterr().out
    assert main(["verify", "--database", url, "--rebuild-counts"]) == 0
    assert "all intact" in capsys.readouterr().out
    assert worklists.to_digitise_count(ready_db, admin) == len(worklists.to_digitise(ready_db, admin))
