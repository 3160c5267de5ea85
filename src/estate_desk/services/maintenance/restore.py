"""Restoring a backup (恢复, A5): into an empty archive, or replacing one whole — never two mixed.

A restore first checks the whole file and opens it with a user name and password of the source
archive, or its recovery key (``backup_check.open_backup``); a wrong one touches nothing. It goes
into an empty database (migrated to the backup's revision) and an empty attachment store. An
archive that already holds records is refused unless forced, and forcing replaces it (its
attachment store is moved aside, not deleted): two archives are never mixed. A backup made on
SQLite restores onto PostgreSQL and back. The replacing is a journalled operation
(``services/maintenance/restore_journal.py``): the files are staged beside the store, the rows go in one
transaction that also records the restore's id, and only then is the staged store swapped in — so
a restore killed at any moment leaves, once the archive is next opened, the old archive entire or
the new one entire, database and files alike.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert
from sqlalchemy.exc import SQLAlchemyError

from estate_desk.domain.errors import DatabaseProblem, RuleViolation, UserError
from estate_desk.services.archive import attachments
from estate_desk.services.maintenance import backup_crypto, restore_journal
from estate_desk.services.maintenance.backup_check import damaged, index_line, open_backup
from estate_desk.services.maintenance.backup_crypto import BackupKey, Credentials, Undecryptable
from estate_desk.services.maintenance.backup_format import FILE_INDEX, TABLES, BackupInfo, store_files
from estate_desk.services.maintenance.backup_progress import Ticker, file_units
from estate_desk.store import archive_counts, snapshot
from estate_desk.store.blobs import CHUNK_SIZE, INCOMING_PREFIX, INCOMING_SUFFIX, BlobStore
from estate_desk.store.database import (
    Database,
    RevisionStatus,
    mask_url,
    open_database,
    resolve_url,
    revision_state,
)
from estate_desk.store.migrations import head_revision
from estate_desk.store.search_fill import rebuild_on

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import Clock

log = logging.getLogger(__name__)

_ROW_BATCH = 500


@dataclass(frozen=True)
class RestoreReport:
    info: BackupInfo
    rows: int
    files: int
    moved_aside: Path | None  # where a forced restore put the store it replaced


def _store_has_files(store: BlobStore) -> bool:
    return bool(store_files(store))


def _refuse_revision(info: BackupInfo) -> None:
    head = head_revision()
    if info.revision != head:
        raise RuleViolation(
            zh=f"该备份的数据库版本是 {info.revision}，本程序是 {head}。请用制作该备份的 Estate Desk 版本恢复，"
            "再升级软件。未恢复任何内容。",
            en=f"The backup is at database revision {info.revision}, this application at {head}. Restore it with "
            "the Estate Desk version that made it, then upgrade. Nothing was restored.",
            rule="A5",
            where=str(info.path),
        )


def restore_backup(
    url: URL | str | None,
    path: Path | str,
    credentials: Credentials,
    *,
    force: bool = False,
    store: BlobStore | None = None,
    clock: Clock | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> RestoreReport:
    """Restore a backup into the database at ``url`` and the attachment store (see the module docstring).

    Checks the whole file and opens it with ``credentials`` first (a user name and password of the
    source archive, or its recovery key: :func:`open_backup`); a wrong one touches nothing. Refuses
    (:class:`RuleViolation`) when the database or the store already holds an archive, unless
    ``force``: then both are replaced (the old store kept aside as ``attachments.replaced-<time>``).
    The files are staged beside the store and the rows go in one transaction
    (``services/maintenance/restore_journal.py``); if anything fails, the database says whether the restore went
    in, and the files follow it: the old archive entire, or the new one entire.
    """
    info = open_backup(path, credentials, progress=progress, cancel=cancel)
    _refuse_revision(info)
    resolved = url if not isinstance(url, str | None) else resolve_url(url)
    state = revision_state(resolved)
    if state.status in (RevisionStatus.NEWER, RevisionStatus.FOREIGN):
        open_database(resolved)  # refuses with the reason
    store = store or attachments.blob_store()
    db = open_database(resolved)
    try:
        restore_journal.recover(db, store.root)  # a restore stopped part-way is finished or undone first
        with db.engine.connect() as conn:
            occupied = snapshot.holds_an_archive(conn)
        if (occupied or _store_has_files(store)) and not force:
            raise RuleViolation(
                zh="目标数据库或附件库中已有档案，未恢复任何内容。恢复只能放入空的数据库和空的数据文件夹；"
                "如确要用备份替换现有档案，请使用“强制”（--force），现有数据将被清空，不会与备份混合。",
                en="The target database or attachment store already holds an archive; nothing was restored. A "
                "restore goes into an empty database and data folder; to replace the archive with the backup, "
                "force it (--force): what is there is emptied first, never mixed with the backup.",
                rule="A5",
                where=mask_url(resolved),
            )
        written: list[Path] = []
        ticker = Ticker(
            sum(info.counts.values()) + info.files + file_units(info.file_bytes), progress, cancel, "restore"
        )
        try:
            job = restore_journal.ReplaceJob.begin(db, store.root, info.path, clock)
            _extract_files(info, job.staging_store, written, ticker)
            job.staged()
            rows = _load_rows(db, info, ticker, job.mark_committed)
        except BaseException:
            _settle(db, store)
            raise
        try:
            moved = job.finish(db)
        except OSError as exc:  # the rows are in: the journal stays, and the next opening swaps the files in
            raise DatabaseProblem(
                zh=f"备份已恢复到数据库，但附件库未能换入（{exc.strerror or exc}）。下次打开档案库时会自动完成；"
                "在此之前请勿使用该档案库。",
                en=f"The backup was restored into the database, but the attachment store could not be swapped in "
                f"({exc.strerror or exc}). The next opening of the archive finishes it; do not use the archive "
                "until then.",
                where=str(store.root),
            ) from exc
    finally:
        db.dispose()
    log.info("restored %s (%d rows, %d files) into %s", info.path, rows, len(written), mask_url(resolved))
    if moved is not None:
        log.warning("forced restore: the previous attachment store was kept aside at %s", moved)
    return RestoreReport(info, rows, len(written), moved)


def _settle(db: Database, store: BlobStore) -> None:
    """After a failure: the database decides whether the restore went in (finish it) or not (undo it).
    Should even that fail, the journal stays, and the next opening of the archive settles it."""
    try:
        restore_journal.recover(db, store.root)
    except (OSError, UserError, SQLAlchemyError):
        log.exception("a failed restore could not be settled now; the next opening of the archive will")


def _extract_files(info: BackupInfo, store: BlobStore, written: list[Path], ticker: Ticker) -> None:
    """Decrypt every attachment file of the backup into the store, where the file index says."""
    assert info.key is not None
    path, key = info.path, info.key
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    with zipfile.ZipFile(path) as zf:
        try:
            with backup_crypto.open_plain(zf.open(FILE_INDEX), key, FILE_INDEX, compressed=True) as index:
                for line in index:
                    member, rel = index_line(str(path), line)
                    final = store.root / Path(*rel.split("/"))
                    final.parent.mkdir(parents=True, exist_ok=True)
                    fd, temp_name = tempfile.mkstemp(dir=store.root, prefix=INCOMING_PREFIX, suffix=INCOMING_SUFFIX)
                    temp = Path(temp_name)
                    try:
                        with (
                            os.fdopen(fd, "wb") as out,
                            backup_crypto.open_plain(zf.open(member), key, member, compressed=False) as src,
                        ):
                            while n := src.readinto(view):
                                out.write(view[:n])
                                ticker.step(n // 65536)
                            out.flush()
                            os.fsync(out.fileno())
                        os.replace(temp, final)
                    except BaseException:
                        temp.unlink(missing_ok=True)
                        raise
                    written.append(final)
                    ticker.step()
                    restore_journal.checkpoint("staging-file")
        except (Undecryptable, KeyError, ValueError) as exc:
            raise damaged(path, f"无法读取附件：{exc}", f"an attachment cannot be read: {exc}") from exc


def _rows_of(zf: zipfile.ZipFile, name: str, key: BackupKey) -> Iterator[dict[str, Any]]:
    with backup_crypto.open_plain(zf.open(name), key, name, compressed=True) as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _load_rows(
    db: Database, info: BackupInfo, ticker: Ticker, before_commit: Callable[[Any], None] | None = None
) -> int:
    tables = {t.name: t for t in snapshot.kept_tables()}
    key = info.key
    assert key is not None
    total = 0
    try:
        with zipfile.ZipFile(info.path) as zf, db.engine.begin() as conn:
            snapshot.wipe(conn)
            members = sorted(n for n in zf.namelist() if n.startswith(TABLES))
            for name in members:
                table_name = name[len(TABLES) :].split("-", 1)[1].removesuffix(".jsonl")
                table = tables.get(table_name)
                if table is None:
                    raise damaged(info.path, f"未知的数据表 {table_name}", f"unknown table {table_name}")
                batch: list[dict[str, Any]] = []
                for data in _rows_of(zf, name, key):
                    batch.append(snapshot.decode_row(table, data))
                    if len(batch) >= _ROW_BATCH:
                        conn.execute(insert(table), batch)
                        total += len(batch)
                        ticker.step(len(batch))
                        batch = []
                if batch:
                    conn.execute(insert(table), batch)
                    total += len(batch)
                    ticker.step(len(batch))
                if snapshot.count_rows(conn, table) != info.counts.get(table_name, 0):
                    raise damaged(info.path, f"{table_name} 行数不符", f"the row count of {table_name} differs")
            snapshot.reset_sequences(conn)
            rebuild_on(conn)
            archive_counts.rebuild_on(conn)  # derived, not in the backup: counted once from the rows
            if before_commit is not None:
                before_commit(conn)  # the restore's id, committed with the rows or not at all
    except SQLAlchemyError as exc:
        raise DatabaseProblem(
            zh=f"恢复时数据库出错，已撤销，数据库保持原样（{exc.__class__.__name__}: {str(exc).splitlines()[0]}）。",
            en=f"The database failed during the restore, which was undone; the database is as it was "
            f"({exc.__class__.__name__}: {str(exc).splitlines()[0]}).",
            where=db.masked_url,
        ) from exc
    return total
