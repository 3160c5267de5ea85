"""Crash safety (A5): SIGKILL in the middle of a roster import, of storing a large attachment and of a
backup. On restart the database opens, nothing half-written remains after the start-up sweep, and
everything committed before is there. The child processes are driven by ``tests/crash_support.py``."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from crash_support import kill_midway
from estate_desk.domain.clock import FakeClock
from estate_desk.services import attachments, audit, backup
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.database import open_database
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.store.database import Database

COMMIT_BEFORE = """
from estate_desk.services import archive
with db.session() as s:
    archive.register_document(s, clock, archive.DocumentDraft("YZ", "崩溃前已保存", 2024), created_by=None)
"""


def _reopen(db: Database) -> Database:
    db.dispose()
    return open_database(db.url)  # the archive opens after the crash (SQLite recovers its WAL)


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _committed_before_is_there(db: Database) -> None:
    with db.session() as s:
        assert s.scalar(select(Document.title).where(Document.title == "崩溃前已保存")) == "崩溃前已保存"
    assert audit.verify(db).ok


def _a_day_after(path: Path) -> FakeClock:
    """The clock of the next start of the application, a day after ``path`` was last written."""
    return FakeClock(datetime.fromtimestamp(path.stat().st_mtime, UTC) + timedelta(days=1, seconds=1))


def _big_roster(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["楼栋", "单元", "房号", "业主姓名", "联系电话", "入住日期", "面积"])
        for n in range(rows):
            building, rest = divmod(n, 400)
            unit, room = divmod(rest, 100)
            floor, door = divmod(room, 4)
            out.writerow(
                [
                    f"{building + 1}栋",
                    f"{unit + 1}单元",
                    f"{floor + 1}{door + 1:02d}",
                    f"业主{n:05d}",
                    f"1380000{n:04d}",
                    "2020-05-01",
                    "89.5",
                ]
            )
    return path


def test_a5_a_roster_import_killed_midway_leaves_nothing_half_imported(ready_db: Database, tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    _big_roster(tmp_path / "work" / "名册.csv", 3000)

    said = kill_midway(
        ready_db.url,
        tmp_path / "work",
        COMMIT_BEFORE
        + """
from estate_desk.services import roster
def progress(done, total):
    if done > total * 0.8:  # three fifths of the rows written, inside the import's one transaction
        pause()
roster.import_roster(db, clock, actor, work / "名册.csv", progress=progress)
print("the import finished: the test could not kill it midway")
""",
    )

    db = _reopen(ready_db)
    try:
        assert "finished" not in said
        _committed_before_is_there(db)
        assert (_count(db, Owner), _count(db, Room)) == (0, 0)  # all of the roster or none of it
    finally:
        db.dispose()


def test_a5_storing_a_large_attachment_killed_midway_leaves_no_orphan_after_the_start_up_sweep(
    ready_db: Database, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    with (work / "录像.mp4").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # 200 MB (sparse: quick to make, read like any file)
    (work / "small.pdf").write_bytes(b"%PDF-1.4 committed before the crash\n" * 100)

    kill_midway(
        ready_db.url,
        work,
        COMMIT_BEFORE
        + """
from sqlalchemy import select
from estate_desk.services import attachments
from estate_desk.store.archive import Document
with db.session() as s:
    doc = s.scalar(select(Document.id).where(Document.title == "崩溃前已保存"))
attachments.attach_file(db, clock, actor, doc, work / "small.pdf")
def progress(done, total):
    if done >= total // 2:
        pause()
attachments.attach_file(db, clock, actor, doc, work / "录像.mp4", progress=progress)
""",
    )

    db = _reopen(ready_db)
    try:
        _committed_before_is_there(db)
        store = attachments.blob_store()
        leftovers = store.incoming()
        assert len(leftovers) == 1  # the interrupted copy, under its temporary name only
        assert attachments.sweep_leftovers(_a_day_after(leftovers[0])) == 1  # what the app does at start
        with db.session() as s:
            recorded = set(s.scalars(select(Attachment.sha256)))
        kept = {p.name.removesuffix(".enc") for p in store.root.rglob("*") if p.is_file()}
        assert kept == recorded and len(recorded) == 1  # the small file, and nothing else
        assert store.incoming() == []
    finally:
        db.dispose()


def test_a5_a_backup_killed_midway_leaves_no_backup_file_and_the_earlier_one_intact(
    ready_db: Database, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40_000)

    kill_midway(
        ready_db.url,
        work,
        COMMIT_BEFORE
        + """
from sqlalchemy import select
from estate_desk.services import attachments, backup
from estate_desk.store.archive import Document
with db.session() as s:
    doc = s.scalar(select(Document.id).where(Document.title == "崩溃前已保存"))
attachments.attach_file(db, clock, actor, doc, work / "scan.pdf")
backup.create_backup(db, clock, actor, work / "backups" / "first.edbackup")
def progress(done, total):
    if done >= total // 2:
        pause()
backup.create_backup(db, clock, actor, work / "backups" / "second.edbackup", progress=progress)
""",
    )

    db = _reopen(ready_db)
    try:
        _committed_before_is_there(db)
        folder = work / "backups"
        assert not (folder / "second.edbackup").exists()
        backup.check_backup(folder / "first.edbackup")
        partial = sorted(folder.glob(f"{backup.PARTIAL_PREFIX}*"))
        assert partial  # the interrupted one, under a temporary name only
        assert backup.sweep_partial(folder, _a_day_after(partial[-1]).now() - timedelta(days=1)) == len(partial)
        assert [p.name for p in folder.iterdir()] == ["first.edbackup"]
    finally:
        db.dispose()


def test_a5_the_start_up_sweep_clears_both_the_store_and_the_backup_folder(ready_db: Database, tmp_path: Path) -> None:
    from estate_desk.services import auto_backup

    auto_backup.configure(ready_db, folder=tmp_path / "auto")
    (tmp_path / "auto").mkdir()
    partial = tmp_path / "auto" / f"{backup.PARTIAL_PREFIX}x{backup.PARTIAL_SUFFIX}"
    partial.write_bytes(b"half a backup")
    store = attachments.blob_store()
    store.root.mkdir(parents=True)
    copy = store.root / ".incoming-x.part"
    copy.write_bytes(b"half a file")
    later = _a_day_after(partial)
    assert auto_backup.sweep_at_start(ready_db, later) == 2
    assert not partial.exists() and not copy.exists()
