"""Backup and restore (A5): one checked file; the demo estate round-trips exactly, SQLite ↔ PostgreSQL.

The round trip compares every kept table's row count, the attachment files' SHA-256 (plain and
sealed) and that the audit chain still verifies. A backup with one flipped byte — wherever it
is — is refused before anything is written; so is a restore onto an archive that holds records,
unless forced, and forcing replaces, never mixes.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from database_support import ADMIN_PASSWORD, PG_URL, START, pg_create, pg_drop
from estate_desk.domain.clock import FakeClock
from estate_desk.domain.errors import DatabaseProblem, InputProblem, PermissionDenied, RuleViolation
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments
from estate_desk.services.archive import numbering as archive
from estate_desk.services.demo import estate as demo
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.maintenance import backup_check, backup_format, backup_progress, backup_write, restore
from estate_desk.services.maintenance.backup_crypto import Credentials
from estate_desk.store import archive_counts, snapshot
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.blobs import BlobStore
from estate_desk.store.database import Database, open_database

if TYPE_CHECKING:
    from collections.abc import Iterator

    from estate_desk.services.actor import Actor


ADMIN = Credentials(username="admin", password=ADMIN_PASSWORD)  # a sign-in of ready_db: opens its backups
DEMO_ADMIN = Credentials(username="admin", password=DEMO_PASSWORD)


def _store() -> BlobStore:
    return attachments.blob_store()


def _admin(db: Database, clock: FakeClock, password: str = ADMIN_PASSWORD) -> Actor:
    """The administrator, signed in: cleared for everything, holding the master key that encrypts backups."""
    return accounts.authenticate(db, clock, "admin", password)


def add_attachments(db: Database, clock: FakeClock, tmp_path: Path) -> None:
    """A plain scan on an open record and a sealed one on a 机密 record (so both forms are backed up)."""
    clerk = accounts.authenticate(db, clock, "admin", DEMO_PASSWORD)
    with db.session() as s:
        plain = s.scalar(select(Document.id).where(Document.secrecy <= int(Grade.INTERNAL)).limit(1))
        secret = archive.register_document(
            s, clock, archive.DocumentDraft("YZ", "机密的产权证明", 2024, secrecy=Grade.CONFIDENTIAL), created_by=None
        ).id
    assert plain is not None
    for doc, name, size in ((plain, "竣工图.pdf", 3 * 1024 * 1024 + 5), (secret, "产权证.pdf", 70_000)):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4\n" + os.urandom(size))
        attachments.attach_file(db, clock, clerk, doc, path)


def fingerprint(db: Database, store: BlobStore) -> dict[str, object]:
    """What must survive a round trip: row counts of every table, the store's files, the audit chain."""
    with db.engine.connect() as conn:
        counts = {t.name: snapshot.count_rows(conn, t) for t in snapshot.kept_tables()}
        searchable = conn.execute(select(func.count()).select_from(snapshot.Base.metadata.tables["search_entries"]))
        search_rows = searchable.scalar()
        rows = conn.execute(select(Attachment.sha256, Attachment.encrypted).order_by(Attachment.sha256)).all()
    files = {p.relative_to(store.root).as_posix(): _sha(p) for p in store.root.rglob("*") if p.is_file()}
    chain = audit.verify(db)
    assert chain.ok, chain.message("en")
    for sha, encrypted in rows:  # every attachment's file is there, and a plain one still has its checksum
        assert store.exists(sha, sealed=encrypted)
        assert encrypted or store.verify(sha)
    return {"counts": counts, "files": files, "audit_rows": chain.rows, "search": search_rows}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sqlite(tmp_path: Path, name: str) -> URL:
    return URL.create("sqlite+pysqlite", database=str(tmp_path / f"{name}.sqlite3"))


def _move_store(to: Path) -> BlobStore:
    """Take the current attachment store away (as if this were another machine) and return it there."""
    current = _store().root
    current.rename(to)
    return BlobStore(to)


@pytest.fixture
def pg_empty() -> Iterator[URL]:
    if not PG_URL:
        pytest.skip("ESTATE_DESK_TEST_DATABASE_URL is not set: the PostgreSQL leg needs a server")
    name = f"estate_r_{uuid.uuid4().hex[:12]}"
    yield pg_create(name)
    pg_drop(name)


# --------------------------------------------------------------------------- round trips


def test_a5_backup_wipe_restore_round_trips_the_demo_estate_exactly(
    demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    add_attachments(demo_db, clock, tmp_path)
    admin = _admin(demo_db, clock, DEMO_PASSWORD)  # signing in is an audit event: before the fingerprint
    before = fingerprint(demo_db, _store())
    seen: list[tuple[int, int]] = []
    file = tmp_path / "out" / "demo.edbackup"

    info = backup_write.create_backup(demo_db, clock, admin, file, progress=lambda d, t: seen.append((d, t)))

    assert file.is_file() and info.path == file and not list(file.parent.glob(".*"))
    assert info.counts == before["counts"] and info.files == len(before["files"])  # type: ignore[arg-type]
    assert info.office == "翠湖苑物业服务中心" and info.fonds_code == "Z001" and info.key_id
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))

    _move_store(tmp_path / "old-store")  # wipe: a new machine, an empty data folder
    target = _sqlite(tmp_path, "restored")
    report = restore.restore_backup(target, file, DEMO_ADMIN)
    restored = open_database(target)
    try:
        assert fingerprint(restored, _store()) == before
        assert report.rows == sum(before["counts"].values())  # type: ignore[attr-defined]
        with restored.session() as s:  # derived, not in the backup: rebuilt by the restore (issue 18)
            assert archive_counts.stored(s) and archive_counts.stored(s) == archive_counts.counted(s)
        # and the restored archive works: the admin signs in and unlocks the key, a new record gets a new id
        admin = accounts.authenticate(restored, clock, "admin", DEMO_PASSWORD)
        assert admin.keyring is not None
        with restored.session() as s:
            doc = archive.register_document(
                s, clock, archive.DocumentDraft("YZ", "恢复后新登记", 2026), created_by=None
            )
            assert doc.id > max(s.scalars(select(Document.id).where(Document.id != doc.id)))
    finally:
        restored.dispose()


@pytest.mark.db
def test_a5_a_sqlite_backup_restores_onto_postgresql_and_back(
    tmp_path: Path, clock: FakeClock, pg_empty: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    source_url = _sqlite(tmp_path, "source")
    source = open_database(source_url)
    demo.fill(source, FakeClock(START))
    add_attachments(source, clock, tmp_path)
    admin = _admin(source, clock, DEMO_PASSWORD)  # signing in is an audit event: before the fingerprint
    before = fingerprint(source, _store())
    source.dispose()
    first = tmp_path / "from-sqlite.edbackup"
    source = open_database(source_url)
    backup_write.create_backup(source, clock, admin, first)
    source.dispose()

    # onto PostgreSQL, with an empty data folder
    monkeypatch.setenv("ESTATE_DESK_HOME", str(tmp_path / "pg-home"))
    restore.restore_backup(pg_empty, first, DEMO_ADMIN)
    on_pg = open_database(pg_empty)
    try:
        assert fingerprint(on_pg, _store()) == before
        second = tmp_path / "from-postgresql.edbackup"
        pg_admin = _admin(on_pg, clock, DEMO_PASSWORD)  # the restored accounts sign in and unlock the key
        on_pg_before = fingerprint(on_pg, _store())  # … which is one more audit event, backed up too
        assert on_pg_before["audit_rows"] == before["audit_rows"] + 1  # type: ignore[operator]
        info = backup_write.create_backup(on_pg, clock, pg_admin, second)
        assert info.backend == "postgresql"
        with on_pg.session() as s:  # the sequences were moved past the restored rows
            doc = archive.register_document(
                s, clock, archive.DocumentDraft("YZ", "恢复后新登记", 2026), created_by=None
            )
            assert doc.id > max(s.scalars(select(Document.id).where(Document.id != doc.id)))
    finally:
        on_pg.dispose()

    # and back to SQLite
    monkeypatch.setenv("ESTATE_DESK_HOME", str(tmp_path / "back-home"))
    back_url = _sqlite(tmp_path, "back")
    restore.restore_backup(back_url, second, DEMO_ADMIN)
    back = open_database(back_url)
    try:
        assert fingerprint(back, _store()) == on_pg_before
    finally:
        back.dispose()


# --------------------------------------------------------------------------- damage


@pytest.fixture
def small_backup(ready_db: Database, clock: FakeClock, tmp_path: Path) -> Path:
    admin = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    with ready_db.session() as s:
        doc = archive.register_document(s, clock, archive.DocumentDraft("YZ", "一份档案", 2024), created_by=None).id
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(20_000))
    attachments.attach_file(ready_db, clock, admin, doc, scan)
    file = tmp_path / "small.edbackup"
    backup_write.create_backup(ready_db, clock, admin, file)
    return file


@pytest.mark.parametrize("where", [0, 3, 40, 0.25, 0.5, 0.75, 0.9, -200, -80, -30, -1])
def test_a5_a_backup_with_one_flipped_byte_is_refused_and_nothing_is_written(
    small_backup: Path, tmp_path: Path, where: float
) -> None:
    data = bytearray(small_backup.read_bytes())
    at = int(where * len(data)) if isinstance(where, float) else where % len(data)
    data[at] ^= 0x01
    small_backup.write_bytes(bytes(data))
    _move_store(tmp_path / "old-store")
    target = _sqlite(tmp_path, "untouched")

    with pytest.raises(InputProblem) as info:
        restore.restore_backup(target, small_backup, ADMIN)

    assert "damaged" in info.value.message("en") and "已损坏" in info.value.message("zh")
    assert not Path(str(target.database)).exists()
    assert not _store().root.exists()


def test_a5_a_truncated_or_foreign_file_is_refused(small_backup: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.edbackup"
    cut.write_bytes(small_backup.read_bytes()[:-1000])
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("hello.txt", "not a backup")
    for bad in (cut, foreign, tmp_path / "missing.edbackup"):
        with pytest.raises(InputProblem):
            backup_check.check_file(bad)


def test_a5_a_restore_onto_an_archive_with_records_is_refused_unless_forced_and_never_mixes(
    ready_db: Database, small_backup: Path, clock: FakeClock, tmp_path: Path
) -> None:
    with ready_db.session() as s:
        archive.register_document(
            s, clock, archive.DocumentDraft("YZ", "另一份档案（恢复后不应存在）", 2025), created_by=None
        )
    before_store = sorted(p.name for p in _store().root.rglob("*") if p.is_file())

    with pytest.raises(RuleViolation) as refused:
        restore.restore_backup(ready_db.url, small_backup, ADMIN)
    assert "--force" in refused.value.message("en")
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 2

    report = restore.restore_backup(ready_db.url, small_backup, ADMIN, force=True, clock=clock)

    with ready_db.session() as s:
        titles = s.scalars(select(Document.title)).all()
        kept = archive_counts.stored(s)  # rebuilt from the restored rows, not the wiped archive's (issue 18)
        assert (
            kept == archive_counts.counted(s) and sum(n for (name, _, _), n in kept.items() if name == "documents") == 1
        )
    assert titles == ["一份档案"]  # the other archive's record is gone, not merged
    assert report.moved_aside is not None
    assert sorted(p.name for p in report.moved_aside.rglob("*") if p.is_file()) == before_store
    assert audit.verify(ready_db).ok


def test_a5_a_forced_restore_that_fails_leaves_the_archive_and_its_files_as_they_were(
    ready_db: Database, small_backup: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ready_db.session() as s:
        archive.register_document(s, clock, archive.DocumentDraft("YZ", "留在原处的档案", 2025), created_by=None)
    with ready_db.session() as s:
        titles = sorted(s.scalars(select(Document.title)))
    store_root = _store().root
    (store_root / "ab").mkdir(parents=True, exist_ok=True)
    (store_root / "ab" / "kept.txt").write_bytes(b"the archive's own file")
    before_store = sorted(str(p.relative_to(store_root)) for p in store_root.rglob("*") if p.is_file())

    def fail(*_args: object) -> int:
        raise DatabaseProblem(zh="数据库断开", en="the database went away")

    monkeypatch.setattr(restore, "_load_rows", fail)
    with pytest.raises(DatabaseProblem):
        restore.restore_backup(ready_db.url, small_backup, ADMIN, force=True, clock=clock)

    with ready_db.session() as s:
        assert sorted(s.scalars(select(Document.title))) == titles and "留在原处的档案" in titles
    assert sorted(str(p.relative_to(store_root)) for p in store_root.rglob("*") if p.is_file()) == before_store
    assert not list(store_root.parent.glob("*.replaced-*"))


def test_a5_a_restore_into_an_empty_database_with_a_non_empty_store_is_refused(
    small_backup: Path, tmp_path: Path
) -> None:
    with pytest.raises(RuleViolation):
        restore.restore_backup(_sqlite(tmp_path, "fresh"), small_backup, ADMIN)  # the store still holds files


# --------------------------------------------------------------------------- the writing side


def test_a5_a_cancelled_or_failed_backup_leaves_no_file(ready_db: Database, clock: FakeClock, tmp_path: Path) -> None:
    out = tmp_path / "b" / "x.edbackup"
    admin = _admin(ready_db, clock)
    with pytest.raises(backup_progress.BackupCancelled):
        backup_write.create_backup(ready_db, clock, admin, out, cancel=lambda: True)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []

    def fail(done: int, total: int) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(InputProblem) as info:
        backup_write.create_backup(ready_db, clock, admin, out, progress=fail)
    assert "No space left" in info.value.message("en")
    assert list(out.parent.iterdir()) == []


def test_a5_only_archive_staff_back_up_and_a_backup_is_audited(
    ready_db: Database, clock: FakeClock, receptionist: Actor, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        backup_write.create_backup(ready_db, clock, receptionist, tmp_path / "no.edbackup")
    admin = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    backup_write.create_backup(ready_db, clock, admin, tmp_path / "yes.edbackup")
    from estate_desk.store.audit import AuditEvent

    with ready_db.session() as s:
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
    assert last is not None and last.action == "export" and "yes.edbackup" in last.detail


def test_a5_a_crash_left_partial_backup_is_swept_after_a_day(tmp_path: Path, clock: FakeClock) -> None:
    partial = tmp_path / f"{backup_format.PARTIAL_PREFIX}abc{backup_format.PARTIAL_SUFFIX}"
    partial.write_bytes(b"half")
    kept = tmp_path / "real.edbackup"
    kept.write_bytes(b"x")
    os.utime(partial, (clock.now().timestamp() - 3600,) * 2)  # an hour old: maybe still being written
    assert backup_write.sweep_partial(tmp_path, clock.now() - timedelta(days=1)) == 0 and partial.exists()
    os.utime(partial, (clock.now().timestamp() - 2 * 86400,) * 2)
    assert backup_write.sweep_partial(tmp_path, clock.now() - timedelta(days=1)) == 1
    assert not partial.exists() and kept.exists()


# --------------------------------------------------------------------------- automatic backups and the CLI


def test_a5_automatic_backups_run_on_schedule_and_keep_the_last_n(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    from estate_desk.services.maintenance import auto_backup

    folder = tmp_path / "auto"
    admin = _admin(ready_db, clock)
    auto_backup.configure(ready_db, every_hours=24, keep=3, folder=folder)
    hand_made = folder / "before-the-move.edbackup"
    folder.mkdir()
    hand_made.write_bytes(b"kept")
    made = []
    for _ in range(5):
        made.append(auto_backup.run_if_due(ready_db, clock, admin))
        assert auto_backup.run_if_due(ready_db, clock, admin) is None  # not again until a day has passed
        clock.advance(hours=23, minutes=59)
        assert auto_backup.run_if_due(ready_db, clock, admin) is None
        clock.advance(minutes=1)
    assert all(made)
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([hand_made.name] + [p.name for p in made[-3:] if p])  # the oldest two went
    assert admin.keyring is not None
    backup_check.check_backup(made[-1], admin.keyring)  # type: ignore[arg-type]
    on_exit = auto_backup.run_backup(ready_db, clock, admin, reason="exit")
    assert on_exit.name.endswith("-exit.edbackup") and len(list(folder.glob("estate-desk-auto-*"))) == 3


def test_a5_backup_due_is_a_pure_function_of_the_clock_and_survives_a_wrong_clock() -> None:
    from estate_desk.services.maintenance.auto_backup import backup_due

    now = START
    day = timedelta(days=1)
    assert backup_due(None, now, day)
    assert not backup_due(now - timedelta(hours=23), now, day)
    assert backup_due(now - day, now, day)
    assert backup_due(now + timedelta(hours=5), now, day)  # last written by a clock hours ahead: run anyway
    assert not backup_due(None, now, None)  # the schedule switched off


def test_a5_the_cli_backs_up_and_restores(
    ready_db: Database,
    small_backup: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from estate_desk.cli.__main__ import main

    url = ready_db.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
    out = tmp_path / "cli.edbackup"
    assert main(["backup", "-o", str(out), "--database", url, "--user", "admin"]) == 0
    assert "Backed up to" in capsys.readouterr().out and out.is_file()

    assert main(["restore", str(out), "--database", url, "--user", "admin"]) == 1  # an archive is there
    assert "--force" in capsys.readouterr().err
    _move_store(tmp_path / "elsewhere")
    target = f"sqlite+pysqlite:///{tmp_path / 'cli-restored.sqlite3'}"
    assert main(["restore", str(out), "--database", target, "--user", "admin"]) == 0
    assert "Restored" in capsys.readouterr().out
    damaged = bytearray(out.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    out.write_bytes(bytes(damaged))
    assert (
        main(["restore", str(out), "--database", f"sqlite+pysqlite:///{tmp_path / 'x.sqlite3'}", "--user", "admin"])
        == 1
    )
    assert "damaged" in capsys.readouterr().err


def test_a5_a_200_mb_attachment_is_backed_up_and_restored_in_bounded_memory(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    import tracemalloc

    mib = 1024 * 1024
    admin = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    with ready_db.session() as s:
        doc = archive.register_document(
            s, clock, archive.DocumentDraft("YZ", "监控录像", 2024, secrecy=Grade.INTERNAL), created_by=None
        ).id
    video = tmp_path / "录像.mp4"
    with video.open("wb") as fh:
        for n in range(200):
            fh.write(bytes([n]) * mib)
    row = attachments.attach_file(ready_db, clock, admin, doc, video)
    video.unlink()
    out = tmp_path / "big.edbackup"

    tracemalloc.start()
    try:
        backup_write.create_backup(ready_db, clock, admin, out)
        _, backup_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        _move_store(tmp_path / "old-store")
        restore.restore_backup(_sqlite(tmp_path, "big"), out, ADMIN)
        _, restore_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert backup_peak < 16 * mib, f"peak Python allocations while backing up: {backup_peak / mib:.1f} MiB"
    assert restore_peak < 16 * mib, f"peak Python allocations while restoring: {restore_peak / mib:.1f} MiB"
    assert out.stat().st_size > 200 * mib
    assert _store().verify(row.sha256)


def test_a5_files_in_the_store_that_are_no_attachments_are_neither_backed_up_nor_in_the_way(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    store = _store()
    store.root.mkdir(parents=True, exist_ok=True)
    (store.root / ".store-identity").write_text("the archive this shared folder belongs to")
    (store.root / "ab").mkdir(exist_ok=True)
    (store.root / "ab" / "notes.txt").write_text("someone's notes")
    out = tmp_path / "b.edbackup"
    backup_write.create_backup(ready_db, clock, _admin(ready_db, clock), out)
    with zipfile.ZipFile(out) as zf:
        assert [n for n in zf.namelist() if n.startswith(backup_format.FILES)] == []

    _move_store(tmp_path / "old")
    store.root.mkdir(parents=True)
    (store.root / ".store-identity").write_text("a new archive's marker")  # a LAN set-up made it first
    restore.restore_backup(_sqlite(tmp_path, "fresh"), out, ADMIN)
    assert (store.root / ".store-identity").read_text() == "a new archive's marker"
