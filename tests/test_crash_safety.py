"""Crash safety (A5): SIGKILL in the middle of a roster import, of storing a large attachment, of a
destruction batch (A17) and of a backup. On restart the database opens, nothing half-written remains after the start-up sweep, and
everything committed before is there. The child processes are driven by ``tests/crash_support.py``."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from crash_support import kill_midway
from database_support import START, make_actor
from estate_desk.domain.clock import FakeClock
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import BatchState, Decision
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments, boxes, register
from estate_desk.services.archive import numbering as archive
from estate_desk.services.disposal import appraisal, destruction
from estate_desk.services.disposal import batches as destruction_batches
from estate_desk.services.maintenance import auto_backup, backup_check, backup_format, backup_write
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.database import open_database
from estate_desk.store.disposal import DestructionBatch, DestructionFile, DestructionItem
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.store.database import Database

COMMIT_BEFORE = """
from estate_desk.services.archive import numbering as archive
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
from estate_desk.services.estate import roster
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
from estate_desk.services.archive import attachments
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
from estate_desk.services.maintenance import backup_write
from estate_desk.services.archive import attachments
from estate_desk.store.archive import Document
with db.session() as s:
    doc = s.scalar(select(Document.id).where(Document.title == "崩溃前已保存"))
attachments.attach_file(db, clock, actor, doc, work / "scan.pdf")
backup_write.create_backup(db, clock, actor, work / "backups" / "first.edbackup")
def progress(done, total):
    if done >= total // 2:
        pause()
backup_write.create_backup(db, clock, actor, work / "backups" / "second.edbackup", progress=progress)
""",
    )

    db = _reopen(ready_db)
    try:
        _committed_before_is_there(db)
        folder = work / "backups"
        assert not (folder / "second.edbackup").exists()
        backup_check.check_file(folder / "first.edbackup")
        partial = sorted(folder.glob(f"{backup_format.PARTIAL_PREFIX}*"))
        assert partial  # the interrupted one, under a temporary name only
        assert backup_write.sweep_partial(folder, _a_day_after(partial[-1]).now() - timedelta(days=1)) == len(partial)
        assert [p.name for p in folder.iterdir()] == ["first.edbackup"]
    finally:
        db.dispose()


def test_a5_the_start_up_sweep_clears_both_the_store_and_the_backup_folder(ready_db: Database, tmp_path: Path) -> None:
    from estate_desk.services.maintenance import auto_backup

    auto_backup.configure(ready_db, folder=tmp_path / "auto")
    (tmp_path / "auto").mkdir()
    partial = tmp_path / "auto" / f"{backup_format.PARTIAL_PREFIX}x{backup_format.PARTIAL_SUFFIX}"
    partial.write_bytes(b"half a backup")
    store = attachments.blob_store()
    store.root.mkdir(parents=True)
    copy = store.root / ".incoming-x.part"
    copy.write_bytes(b"half a file")
    later = _a_day_after(partial)
    assert auto_backup.sweep_at_start(ready_db, later) == 2
    assert not partial.exists() and not copy.exists()


# --------------------------------------------------------------------------- a destruction batch (A17)

# Where the child is killed while it carries out an approved batch: after two of its four records became
# tombstones inside the unit of work; right after the commit, before any file is removed (the most
# dangerous point: the records say "destroyed", the files are all still there); after the first file.
DESTRUCTION_KILLS = {
    "records": """
destruction.carry_out(db, clock, actor, BATCH, witnesses=("李监销", "王监销"), method="shred", place="档案室",
                      progress=lambda done, total: pause() if done == 2 else None)
""",
    "commit": """
destruction.sweep_files = lambda db, clock, progress=None: pause()
destruction.carry_out(db, clock, actor, BATCH, witnesses=("李监销", "王监销"), method="shred", place="档案室")
""",
    "files": """
sweep = destruction.sweep_files
destruction.sweep_files = lambda db, clock: sweep(db, clock, lambda done, total: pause() if done == 1 else None)
destruction.carry_out(db, clock, actor, BATCH, witnesses=("李监销", "王监销"), method="shred", place="档案室")
""",
}


def _approved_batch(db: Database, tmp: Path) -> tuple[int, set[int], set[int]]:
    """An approved batch of four expired records (one sealed, one sharing its file's content with a living
    record, two boxed); returns the batch, the doomed and the living records, each with a file."""
    clock = FakeClock(START)
    clerk = make_actor(db, clock, "clerk", "archive_clerk")
    boss = make_actor(db, clock, "boss", "supervisor", int(Grade.TOP_SECRET))
    box = boxes.create_box(db, clock, clerk, category_code="XZ", year=2015, retention=Retention.years(10))

    def record(title: str, category: str, year: int, content: bytes, grade: Grade | None = None) -> int:
        document = register.register(db, clock, clerk, archive.DocumentDraft(category, title, year, secrecy=grade))
        path = tmp / f"{title}.pdf"
        path.write_bytes(b"%PDF-1.4 " + content * 200)
        attachments.attach_file(db, clock, clerk, document, path)
        return document

    doomed = {
        record("2015年值班记录", "XZ", 2015, b"duty log "),
        record("2015年巡查记录", "XZ", 2015, b"patrol log "),
        record("1990年装修申请", "ZX", 1990, b"secret drawing ", Grade.SECRET),
        record("2014年收费底单", "XZ", 2014, b"shared scan "),
    }
    living = {record("2026年收费底单", "XZ", 2026, b"shared scan "), record("2016年巡查记录", "XZ", 2016, b"young ")}
    for document in sorted(doomed)[:2]:
        boxes.put_in_box(db, clock, clerk, box, document_id=document)
    batch_id = destruction_batches.propose(db, clock, clerk, [(d, "保管期满，无保存价值") for d in sorted(doomed)])
    with db.session() as s:
        items = list(s.scalars(select(DestructionItem.id).where(DestructionItem.batch_id == batch_id)))
    for item in items:
        destruction_batches.decide(db, clock, boss, item, approve=True)
    return batch_id, doomed, living


def _wholly_or_not_at_all(db: Database, batch_id: int, doomed: set[int]) -> bool:
    """True when the batch was carried out in full, False when not at all; anything in between fails."""
    with db.session() as s:
        batch = s.get(DestructionBatch, batch_id)
        assert batch is not None
        items = {
            i.document_id: i for i in s.scalars(select(DestructionItem).where(DestructionItem.batch_id == batch_id))
        }
        documents = list(s.scalars(select(Document).where(Document.id.in_(doomed))))
        attached = set(s.scalars(select(Attachment.document_id).where(Attachment.document_id.in_(doomed))))
        listed = int(s.scalar(select(func.count()).select_from(DestructionFile)) or 0)
        if batch.state == BatchState.CARRIED_OUT.value:
            assert all(d.destroyed_in == batch_id and d.box_id is None for d in documents)
            assert attached == set() and listed == 4 and batch.manifest_document_id is not None
            return True
        assert batch.state == BatchState.APPROVED.value
        assert {i.decision for i in items.values()} == {Decision.APPROVED.value}
        assert all(d.destroyed_in is None for d in documents) and attached == doomed and listed == 0
        assert all(appraisal.fingerprint(s, d) == items[d.id].fingerprint for d in documents)  # untouched
        return False


def _store_holds_exactly_the_living_files(db: Database) -> None:
    store = attachments.blob_store()
    with db.session() as s:
        living = {
            store.path_of(sha, sealed=sealed)
            for sha, sealed in s.execute(select(Attachment.sha256, Attachment.encrypted))
        }
    on_disk = {p for p in store.root.rglob("*") if p.is_file()}
    assert on_disk == living  # no destroyed record's file left, no living record's file removed


@pytest.mark.parametrize("moment", sorted(DESTRUCTION_KILLS))
def test_a17_a_destruction_batch_killed_midway_is_carried_out_wholly_or_not_at_all(
    ready_db: Database, tmp_path: Path, moment: str
) -> None:
    batch_id, doomed, living = _approved_batch(ready_db, tmp_path)
    said = kill_midway(
        ready_db.url,
        tmp_path / "work",
        COMMIT_BEFORE
        + f"\nfrom estate_desk.services.disposal import destruction\nBATCH = {batch_id}\n"
        + DESTRUCTION_KILLS[moment]
        + '\nprint("the batch finished: the test could not kill it midway")\n',
    )

    db = _reopen(ready_db)
    try:
        assert "finished" not in said
        _committed_before_is_there(db)
        carried_out = _wholly_or_not_at_all(db, batch_id, doomed)
        assert carried_out is (moment != "records")  # the commit decides, never a part of the batch
        later = FakeClock(START + timedelta(days=1))
        auto_backup.sweep_at_start(db, later)  # the next start of the application finishes the files
        assert destruction.files_pending(db) == 0
        _store_holds_exactly_the_living_files(db)
        if not carried_out:  # still approved: the clerk carries it out after the restart, and it all goes
            clerk = accounts.authenticate(db, later, "clerk", "clerk-pass-1")
            destruction.carry_out(
                db, later, clerk, batch_id, witnesses=("李监销", "王监销"), method="shred", place="档案室"
            )
            assert _wholly_or_not_at_all(db, batch_id, doomed)
            _store_holds_exactly_the_living_files(db)
        with db.session() as s:
            assert set(s.scalars(select(Attachment.document_id).where(Attachment.document_id.in_(living)))) == living
        assert audit.verify(db).ok
    finally:
        db.dispose()
