"""The backup of the big estate (issue 10: "at disk speed order, memory bounded").

Ours: :func:`estate_desk.services.maintenance.backup_write.create_backup` of the whole archive (a consistent snapshot,
every table's rows as JSON lines, deflated, every attachment file, all of it encrypted with
AES-256-GCM in 1 MiB chunks, the manifest of SHA-256 checksums, fsync and rename), as the menu action and ``estate-desk backup`` make it. The disk-speed reference,
measured in the same run: a plain copy of the database file and the attachment store folder
(``shutil``, fsynced like the backup) — the least any backup has to do. Memory: the child process's
peak resident memory (VmHWM) before and after the backups, the backups running first.
"""

from __future__ import annotations

import os
import shutil
from functools import partial
from typing import TYPE_CHECKING

from benchmarks.common import Context, Line, peak_rss_mb, row, rss_mb, timed_ms
from benchmarks.rows_search import admin
from estate_desk.domain.clock import SystemClock
from estate_desk.services.archive import attachments
from estate_desk.services.maintenance import backup_write
from estate_desk.store.backends import is_sqlite, sqlite_path
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from pathlib import Path

SAME_ORDER = 10  # "at disk speed order": within ten times the plain copy's time
MEMORY_MB = 400  # the process's bound, as for the archive table


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _fsync_tree(path: Path) -> None:
    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        if p.is_file():
            with p.open("rb") as fh:
                os.fsync(fh.fileno())


def _plain_copy(database: Path, store: Path, target: Path) -> None:
    """The naive reference: copy the database file and the store folder, as a person would."""
    target.mkdir(parents=True)
    shutil.copyfile(database, target / database.name)
    if store.is_dir():
        shutil.copytree(store, target / "attachments")
    _fsync_tree(target)


@row("backup", "backup of the big estate")
def backup_row(context: Context) -> list[Line]:
    db = open_database(context.url)
    clock = SystemClock()
    store = attachments.blob_store()
    runs = 1 if context.tiny else min(context.repeat, 3)  # each run writes the whole archive
    base_mb = rss_mb()
    out = context.workdir / "bench.edbackup"
    actor = admin(db)  # a backup is made by a signed-in user cleared for the whole archive; their key encrypts it
    ours: list[float] = []
    size = 0
    for _ in range(runs):
        ours.append(timed_ms(lambda: backup_write.create_backup(db, clock, actor, out, store=store)))
        size = out.stat().st_size
        out.unlink()
    peak = peak_rss_mb()  # the backups ran first: this peak is theirs (or the start's)
    database = sqlite_path(db.url) if is_sqlite(db.url) else None
    naive: list[float] = []
    source = 0
    if database is not None:
        source = _size(database) + _size(store.root)
        for n in range(runs):
            target = context.workdir / f"plain-copy-{n}"
            naive.append(timed_ms(partial(_plain_copy, database, store.root, target)))
            shutil.rmtree(target)
    db.dispose()
    ours_s = sorted(ours)[len(ours) // 2] / 1000
    note = f"backup file {size / 1e6:,.1f} MB at {size / 1e6 / ours_s:,.1f} MB/s of file written"
    note += f" ({source / 1e6 / ours_s:,.1f} MB/s of archive read)" if source else ""
    if naive:
        naive_s = sorted(naive)[len(naive) // 2] / 1000
        note += (
            f"; naive: plain copy of the database file + store, {source / 1e6:,.1f} MB at "
            f"{source / 1e6 / naive_s:,.0f} MB/s (the disk-speed reference)"
        )
    else:
        note += "; no plain-copy reference on a server database"
    return [
        Line(
            "backup of the big estate",
            "disk speed order (≤ 10× the plain copy)",
            ours,
            naive,
            note=note,
            met=bool(naive) and ours_s <= SAME_ORDER * sorted(naive)[len(naive) // 2] / 1000,
        ),
        Line(
            "backup: peak memory of the process",
            f"bounded (≤ {MEMORY_MB} MB)",
            [peak],
            unit="MB",
            note=f"peak RSS (VmHWM) over {runs} backup(s); {base_mb:.0f} MB before the first",
            met=peak <= MEMORY_MB,
        ),
    ]
