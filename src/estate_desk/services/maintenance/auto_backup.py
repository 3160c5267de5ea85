"""Automatic backups (自动备份, A5): on a schedule and when the window closes, keeping the last N.

The settings (office-wide, in the ``settings`` table):

* ``backup.every_hours`` — how often (default 24; 0 turns the schedule off);
* ``backup.keep`` — how many automatic backups stay in the folder (default 7; the oldest go);
* ``backup.on_exit`` — ``1``/``0``: one more backup when the window closes (default on);
* ``backup.folder`` — where (default: ``backups`` in the data folder);
* ``backup.last_at`` — when the last automatic backup was made (written here).

Whether one is due is :func:`backup_due`, a pure function of the last time, the clock and the
setting — the window asks it on a timer; nothing here sleeps or reads the machine's clock.

An automatic backup is made on behalf of the signed-in session, like any other: only one whose
user may back up the whole archive (``services/maintenance/backup_rights.py``) makes it, and its master key
encrypts the file. In any other session :func:`skipped_because` says why it is not made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk import paths
from estate_desk.services.maintenance import backup_format, backup_write
from estate_desk.store.accounts import Setting

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.errors import PermissionDenied
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

EVERY = "backup.every_hours"
KEEP = "backup.keep"
ON_EXIT = "backup.on_exit"
FOLDER = "backup.folder"
LAST_AT = "backup.last_at"
AUTO_PREFIX = "estate-desk-auto-"


@dataclass(frozen=True)
class AutoBackupSettings:
    every: timedelta | None  # None: no schedule
    keep: int
    on_exit: bool
    folder: Path
    last_at: datetime | None


def _get(s: Session, key: str) -> str | None:
    return s.scalar(select(Setting.value).where(Setting.key == key))


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def _int(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


def settings(db: Database) -> AutoBackupSettings:
    with db.session() as s:
        hours = max(0, _int(_get(s, EVERY), 24))
        keep = max(1, _int(_get(s, KEEP), 7))
        on_exit = _get(s, ON_EXIT) not in ("0", "false", "no")
        folder = _get(s, FOLDER)
        last = _get(s, LAST_AT)
    return AutoBackupSettings(
        timedelta(hours=hours) if hours else None,
        keep,
        on_exit,
        Path(folder) if folder else paths.backups_dir(),
        datetime.fromisoformat(last) if last else None,
    )


def configure(
    db: Database,
    *,
    every_hours: int | None = None,
    keep: int | None = None,
    on_exit: bool | None = None,
    folder: Path | None = None,
) -> None:
    """Change the automatic-backup settings (the ones given)."""
    with db.session() as s:
        if every_hours is not None:
            _put(s, EVERY, str(max(0, every_hours)))
        if keep is not None:
            _put(s, KEEP, str(max(1, keep)))
        if on_exit is not None:
            _put(s, ON_EXIT, "1" if on_exit else "0")
        if folder is not None:
            _put(s, FOLDER, str(folder))


def backup_due(last: datetime | None, now: datetime, every: timedelta | None) -> bool:
    """Whether the scheduled backup should run now: the schedule is on and never ran, or ``every`` has passed.

    A ``last`` in the future (a workstation's clock was wrong when it ran) counts as due, so a bad
    clock never stops backups for good.
    """
    if every is None:
        return False
    return last is None or last > now or now - last >= every


def prune(folder: Path, keep: int) -> list[Path]:
    """Remove the oldest automatic backups beyond ``keep``; hand-made ones are never touched."""
    autos = sorted(folder.glob(f"{AUTO_PREFIX}*{backup_format.SUFFIX}")) if folder.is_dir() else []
    gone = autos[: max(0, len(autos) - keep)]
    for old in gone:
        old.unlink(missing_ok=True)
    return gone


def skipped_because(db: Database, actor: Actor | None) -> PermissionDenied | None:
    """Why this session's automatic backups are not made (None: they are)."""
    from estate_desk.services.maintenance import backup_rights

    return backup_rights.refusal(db, actor)


def run_backup(
    db: Database,
    clock: Clock,
    actor: Actor | None,
    *,
    reason: str,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Make one automatic backup now on behalf of ``actor`` (``reason``: "schedule" | "exit"), record
    when, and prune. Refused (and audited) as any backup is when ``actor`` may not back up."""
    conf = settings(db)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = conf.folder / f"{AUTO_PREFIX}{stamp}-{reason}{backup_format.SUFFIX}"
    backup_write.create_backup(db, clock, actor, target, progress=progress, cancel=cancel)
    with db.session() as s:
        _put(s, LAST_AT, clock.now().isoformat())
    prune(conf.folder, conf.keep)
    backup_write.sweep_partial(conf.folder, clock.now() - timedelta(days=1))
    log.info("automatic backup (%s): %s", reason, target)
    return target


def run_if_due(
    db: Database,
    clock: Clock,
    actor: Actor | None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path | None:
    """The scheduled backup if it is due (see :func:`backup_due`), else None."""
    conf = settings(db)
    if not backup_due(conf.last_at, clock.now(), conf.every):
        return None
    return run_backup(db, clock, actor, reason="schedule", progress=progress, cancel=cancel)


def sweep_at_start(db: Database, clock: Clock) -> int:
    """What the application clears when it starts: temporary files a crash left in the attachment
    store and in the automatic-backup folder, a day old or more, and the files of destroyed records a crash
    left between a destruction batch's commit and their removal (A17). Returns how many."""
    from estate_desk.services.archive.attachments import sweep_leftovers
    from estate_desk.services.disposal import destruction

    pending = destruction.files_pending(db)
    destroyed = pending - destruction.sweep_files(db, clock) if pending else 0
    return (
        destroyed
        + sweep_leftovers(clock)
        + backup_write.sweep_partial(settings(db).folder, clock.now() - timedelta(days=1))
    )
