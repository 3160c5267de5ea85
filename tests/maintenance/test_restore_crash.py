"""A forced restore stopped at any moment — SIGKILL or an exception — leaves the old archive entire or the new
one entire, database and attachment files alike, once the archive is next opened (A5, issue 16 part 3).

The moments are the restore's own phase boundaries (``services/restore_journal.checkpoint``), not times:
the child process (``tests/crash_support.py``) replaces ``checkpoint`` with one that stops at the named
moment and is killed there. Then the next CLI command (``estate-desk verify``), or the window's own
opening path (``opening.open_store``), finishes or undoes the restore, as the database says.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from crash_support import kill_midway
from database_support import ADMIN_PASSWORD, START
from estate_desk.domain.clock import FakeClock
from estate_desk.domain.errors import DatabaseProblem
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments
from estate_desk.services.archive import numbering as archive
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.maintenance import backup_write, integrity, opening, restore, restore_journal
from estate_desk.services.maintenance.backup_crypto import Credentials
from estate_desk.store import attachment_home, snapshot
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.database import Database, open_database

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

    from database_support import Templates

START_CLOCK = FakeClock(START)
BEFORE_COMMIT = ("journal-written", "staging-file", "staged", "committing", "rows-loaded")
AFTER_COMMIT = ("committed", "swapping", "old-aside", "swapped")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_files(db: Database, clock: FakeClock, tmp_path: Path, password: str, tag: str) -> None:
    """A plain scan on an open record and a sealed one on a 机密 record, with contents of their own."""
    admin = accounts.authenticate(db, clock, "admin", password)
    with db.session() as s:
        plain = s.scalar(select(Document.id).where(Document.secrecy <= int(Grade.INTERNAL)).limit(1))
        if plain is None:
            plain = archive.register_document(
                s, clock, archive.DocumentDraft("YZ", f"{tag}的档案", 2024), created_by=None
            ).id
        secret = archive.register_document(
            s,
            clock,
            archive.DocumentDraft("YZ", f"{tag}的机密产权证明", 2024, secrecy=Grade.CONFIDENTIAL),
            created_by=None,
        ).id
    for doc, name, size in ((plain, f"{tag}-竣工图.pdf", 300_000), (secret, f"{tag}-产权证.pdf", 70_000)):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4\n" + os.urandom(size))
        attachments.attach_file(db, clock, admin, doc, path)


def _demos_own_files(templates: Templates) -> None:
    """The demo estate's own files (its daily-review reports) into this test's store."""
    source = templates.files_of("demo")
    store = attachments.blob_store().root
    for path in source.rglob("*"):
        if path.is_file() and path.name != attachment_home.MARKER:
            target = store / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def fingerprint(db: Database) -> dict[str, Any]:
    """One archive entire: every kept table's row count, every attachment row's file there with its
    SHA-256 (the file's name is its checksum; a plain one is re-hashed), and the audit chain holding."""
    store = attachments.blob_store()
    with db.engine.connect() as conn:
        counts = {t.name: snapshot.count_rows(conn, t) for t in snapshot.kept_tables()}
        checked = conn.execute(select(Setting.key).where(Setting.key == integrity.LAST_SETTING)).first()
        counts["settings"] -= 1 if checked else 0  # `verify` (and the check below) notes when it last ran
        rows = conn.execute(select(Attachment.sha256, Attachment.encrypted).order_by(Attachment.sha256)).all()
    for sha, sealed in rows:
        assert store.exists(sha, sealed=sealed), f"the file of attachment {sha} is missing"
        assert sealed or store.verify(sha)
    chain = audit.verify(db)
    assert chain.ok, chain.message("en")
    check = integrity.check_archive(db, START_CLOCK)  # every kept file of every table, not only attachments
    assert check.ok, check.lines("en")
    files = {
        p.relative_to(store.root).as_posix(): _sha(p)
        for p in store.root.rglob("*")
        if p.is_file() and p.name != attachment_home.MARKER
    }
    return {"counts": counts, "attachments": len(rows), "files": files, "audit": chain.rows}


def _leftovers(store_root: Path) -> list[str]:
    """What a finished or undone restore must not leave: its journal, a staging folder."""
    return sorted(
        p.name
        for p in store_root.parent.iterdir()
        if p.name.endswith(restore_journal.JOURNAL_SUFFIX)
        or ".restore-journal" in p.name
        or restore_journal.STAGING_INFIX in p.name
    )


def _kept_aside(store_root: Path) -> list[Path]:
    return sorted(store_root.parent.glob(f"{store_root.name}{restore_journal.ASIDE_INFIX}*"))


def _cli(url: URL, *argv: str) -> int:
    from estate_desk.cli.__main__ import main

    return main([*argv, "--database", url.render_as_string(hide_password=False)])


class Archives:
    """The backup of a small archive (``new``), and the demo estate with attachments (``old``) it replaces."""

    def __init__(
        self, file: Path, url: URL, old: dict[str, Any], new: dict[str, Any], old_files: set[str], password: str
    ) -> None:
        self.file, self.url, self.old, self.new, self.old_files = file, url, old, new, old_files
        self.password = password  # the source archive's admin: what opens the backup

    @property
    def credentials(self) -> Credentials:
        return Credentials(username="admin", password=self.password)


@pytest.fixture
def over_the_demo(
    ready_db: Database, demo_db: Database, clock: FakeClock, tmp_path: Path, templates: Templates
) -> Archives:
    _add_files(ready_db, clock, tmp_path, ADMIN_PASSWORD, "备份里")
    file = tmp_path / "new.edbackup"
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    new = fingerprint(ready_db)  # what the backup holds: the backup's own audit row comes after it
    backup_write.create_backup(ready_db, clock, admin, file)
    ready_db.dispose()
    attachments.blob_store().root.rename(tmp_path / "the-backups-own-store")  # made on another machine

    attachment_home.unbind()
    _demos_own_files(templates)
    opening.open_store(demo_db)  # the demo's own attachment folder, marked as the demo's
    _add_files(demo_db, clock, tmp_path, DEMO_PASSWORD, "原有")
    old = fingerprint(demo_db)
    assert old["attachments"] >= 2 and new["attachments"] >= 2 and old["counts"] != new["counts"]
    demo_db.dispose()
    attachment_home.unbind()
    return Archives(file, demo_db.url, old, new, set(old["files"]), ADMIN_PASSWORD)


def _restore_killed_at(archives: Archives, work: Path, password: str, scenario: str) -> str:
    said = kill_midway(
        archives.url,
        work,
        f"from estate_desk.services.maintenance import restore, restore_journal\nfrom estate_desk.services.maintenance.backup_crypto import Credentials\n"
        f"FILE = {str(archives.file)!r}\nCREDENTIALS = Credentials(username='admin', password={archives.password!r})\n"
        + scenario
        + "\nrestore.restore_backup(db.url, FILE, CREDENTIALS, force=True, clock=clock)"
        + '\nprint("the restore finished: the test could not kill it midway")\n',
        password=password,
    )
    assert "finished" not in said
    return said


def _at(phase: str) -> str:
    return f"""
def stop_at(name):
    if name == {phase!r}:
        pause()
restore_journal.checkpoint = stop_at
"""


def _signed_in_once_more(old: dict[str, Any]) -> dict[str, Any]:
    """The old archive as the killed process left it: its admin signed in (one audit row) before restoring."""
    counts = {**old["counts"], "audit_events": old["counts"]["audit_events"] + 1}
    return {**old, "counts": counts, "audit": old["audit"] + 1}


def _old_or_new_entire(archives: Archives, committed: bool, *, child: bool = True) -> None:
    """After the next opening: the one archive or the other, whole, and nothing of the restore's machinery left.
    ``child``: the restore ran in a child process, whose admin signed in to the old archive first."""
    db = open_database(archives.url)
    try:
        store_root = attachments.blob_store().root
        old = _signed_in_once_more(archives.old) if child else archives.old
        expected, found = (archives.new if committed else old), fingerprint(db)
        differ = {
            t: (n, expected["counts"].get(t)) for t, n in found["counts"].items() if n != expected["counts"].get(t)
        }
        assert differ == {}, f"row counts (found, expected): {differ}"
        assert found == expected
        assert _leftovers(store_root) == []
        aside = _kept_aside(store_root)
        if committed and archives.old_files:  # the old store is the user's safety copy, whole
            assert len(aside) == 1
            kept = {p.relative_to(aside[0]).as_posix() for p in aside[0].rglob("*") if p.is_file()}
            assert kept - {attachment_home.MARKER} == archives.old_files
        else:
            assert aside == []  # nothing moved aside, or put back; an empty store is restored in place
        with db.engine.connect() as conn:
            restore_ids = conn.execute(select(Setting.value).where(Setting.key == restore_journal.RESTORE_ID_KEY)).all()
        assert restore_ids == []  # the restore's id went with its journal
    finally:
        db.dispose()


# --------------------------------------------------------------------------- SIGKILL at every phase


@pytest.mark.parametrize("phase", BEFORE_COMMIT + AFTER_COMMIT)
def test_a5_a_forced_restore_killed_at_any_phase_leaves_the_old_or_the_new_archive_entire(
    over_the_demo: Archives, tmp_path: Path, phase: str
) -> None:
    _restore_killed_at(over_the_demo, tmp_path / "work", DEMO_PASSWORD, _at(phase))

    assert _cli(over_the_demo.url, "verify") == 0  # the next CLI command finishes or undoes it, then checks

    _old_or_new_entire(over_the_demo, committed=phase in AFTER_COMMIT)


def test_a5_a_forced_restore_killed_while_loading_rows_keeps_the_old_archives_files(
    over_the_demo: Archives, tmp_path: Path
) -> None:
    """The case of the report: killed while the rows go in, the files had been moved aside and never came back."""
    _restore_killed_at(over_the_demo, tmp_path / "work", DEMO_PASSWORD, "restore._load_rows = lambda *a, **k: pause()")

    assert _cli(over_the_demo.url, "verify") == 0

    _old_or_new_entire(over_the_demo, committed=False)


@pytest.mark.parametrize("phase", ["committing", "swapping"])
def test_a5_the_windows_opening_path_recovers_a_killed_restore_too(
    over_the_demo: Archives, tmp_path: Path, phase: str
) -> None:
    _restore_killed_at(over_the_demo, tmp_path / "work", DEMO_PASSWORD, _at(phase))

    db = open_database(over_the_demo.url)  # ui/app.run_app: open_database, then open_store
    try:
        recovered = restore_journal.read_journal(attachments.blob_store().root)
        assert recovered is not None and recovered.phase == phase
        opening.open_store(db)
    finally:
        db.dispose()

    _old_or_new_entire(over_the_demo, committed=phase == "swapping")


def test_a5_a_restore_killed_then_restored_again_starts_from_the_old_archive(
    over_the_demo: Archives, tmp_path: Path
) -> None:
    """A restore run again after a kill settles the first one itself before it begins."""
    _restore_killed_at(over_the_demo, tmp_path / "work", DEMO_PASSWORD, _at("staging-file"))

    report = restore.restore_backup(over_the_demo.url, over_the_demo.file, over_the_demo.credentials, force=True)

    assert report.moved_aside is not None
    _old_or_new_entire(over_the_demo, committed=True)


# --------------------------------------------------------------------------- an empty store: restored in place


@pytest.fixture
def demo_into_an_empty_store(
    ready_db: Database, demo_db: Database, clock: FakeClock, tmp_path: Path, templates: Templates
) -> Archives:
    """The demo estate's backup (with its attachments) over a set-up archive whose store holds none."""
    _demos_own_files(templates)
    _add_files(demo_db, clock, tmp_path, DEMO_PASSWORD, "演示")
    file = tmp_path / "demo.edbackup"
    admin = accounts.authenticate(demo_db, clock, "admin", DEMO_PASSWORD)
    new = fingerprint(demo_db)  # what the backup holds: the backup's own audit row comes after it
    backup_write.create_backup(demo_db, clock, admin, file)
    demo_db.dispose()
    attachments.blob_store().root.rename(tmp_path / "the-demos-own-store")
    attachment_home.unbind()
    opening.open_store(ready_db)  # an empty folder, marked as the set-up archive's
    old = fingerprint(ready_db)
    assert old["files"] == {}
    ready_db.dispose()
    attachment_home.unbind()
    return Archives(file, ready_db.url, old, new, set(), DEMO_PASSWORD)


@pytest.mark.parametrize("phase", ["staging-file", "rows-loaded", "committed", "swapping"])
def test_a5_a_restore_into_an_empty_store_killed_at_any_phase_is_undone_or_finished(
    demo_into_an_empty_store: Archives, tmp_path: Path, phase: str
) -> None:
    archives = demo_into_an_empty_store
    _restore_killed_at(archives, tmp_path / "work", ADMIN_PASSWORD, _at(phase))

    assert _cli(archives.url, "verify") == 0  # the folder's marker, if stale, was renewed for the new archive

    _old_or_new_entire(archives, committed=phase in ("committed", "swapping"))


# --------------------------------------------------------------------------- an exception instead of a kill


class Stopped(RuntimeError):
    pass


@pytest.mark.parametrize("phase", BEFORE_COMMIT + AFTER_COMMIT)
def test_a5_a_forced_restore_that_fails_at_any_phase_is_undone_or_finished(
    over_the_demo: Archives, phase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed: list[str] = []

    def fail_at(name: str) -> None:
        if name == phase and not failed:  # once: the recovery that follows passes the same moments
            failed.append(name)
            raise Stopped(name)

    monkeypatch.setattr(restore_journal, "checkpoint", fail_at)
    with pytest.raises(Stopped):
        restore.restore_backup(over_the_demo.url, over_the_demo.file, over_the_demo.credentials, force=True)
    if phase in BEFORE_COMMIT:  # undone at once, in the same process
        assert _leftovers(attachments.blob_store().root) == []
    db = open_database(over_the_demo.url)
    try:
        opening.open_store(db)  # after the commit, the next opening swaps the new store in
    finally:
        db.dispose()

    _old_or_new_entire(over_the_demo, committed=phase in AFTER_COMMIT, child=False)
    assert failed == [phase]


def test_a5_a_journal_naming_another_database_refuses_to_open_the_folder(
    over_the_demo: Archives, tmp_path: Path, empty_url: URL
) -> None:
    _restore_killed_at(over_the_demo, tmp_path / "work", DEMO_PASSWORD, _at("swapping"))
    other = open_database(empty_url)
    try:
        with pytest.raises(DatabaseProblem) as refused:
            opening.open_store(other)  # it cannot know whether the restore committed
        assert "未完成的恢复" in refused.value.message("zh") and "did not finish" in refused.value.message("en")
    finally:
        other.dispose()
    assert _cli(over_the_demo.url, "verify") == 0
    _old_or_new_entire(over_the_demo, committed=True)
