"""The replacing side of a forced restore (恢复), as a journalled operation: old archive or new, never half (A5).

A restore replaces two things that cannot change in one step together — the database's rows and
the attachment store's files — so it is written down first and done in phases. The journal is a
small JSON file beside the attachment store (``<store>.restore-journal.json``; for the default
store, in the data folder), written atomically (temporary file, fsync, rename, fsync of the
folder) *before* each phase begins:

``staging``
    The backup's files are written into a new folder beside the store,
    ``<store>.restoring-<id>``; the live store is not touched.
``committing``
    Every staged file is in place and fsynced. One database transaction empties the database,
    loads the backup's rows and writes the restore's id into ``settings`` under
    :data:`RESTORE_ID_KEY`; it commits, or it never happened.
``swapping``
    The database holds the new archive. The old store is renamed to the name the journal chose at
    the start (``<store>.replaced-<time>``) and the staging folder is renamed to the store's name.
    The journal is then removed, and after it the restore id; the old store stays aside as the
    user's safety copy (one that held no attachment at all — a marker only — is removed).

A store that holds no attachment at all (a new machine, a fresh network share — which may be a
mount point that cannot be renamed) is restored **in place** instead: the files go straight into
it, and undoing removes every attachment file there (there were none before); other files in the
folder are never touched, and a marker naming the archive the restore replaced is removed so the
next opening marks the folder for the new one.

**Recovery** (:func:`recover`) runs whenever the archive is opened — the window and every CLI
command that opens it (``services/maintenance/opening.open_store``, before the store is bound to the
archive), and a new restore before it starts. It never trusts the journal's phase for what the
database did: it **asks the database** whether the restore id is there.

* committed → roll forward: the old store aside (if it still is in place), the staging folder in;
* not committed → roll back: the staging folder removed, the old store put back if it was moved.

Both are repeatable, so a kill during recovery is recovered by the next opening. The journal is
removed once the files are settled (and only then the restore id). A journal that names another database than the one opened refuses the opening (the
other database alone can say whether the restore was committed), so the store is never bound
half-swapped.

Tests reach each phase boundary through :func:`checkpoint` (a no-op here; a crash test's child
process replaces it with one that stops and waits to be killed) — see ``tests/maintenance/test_restore_crash.py``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import uuid
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from estate_desk.domain.errors import DatabaseProblem
from estate_desk.store.accounts import Setting
from estate_desk.store.attachment_home import ARCHIVE_ID_KEY, MARKER, marker_of
from estate_desk.store.blobs import INCOMING_PREFIX, INCOMING_SUFFIX, BlobStore

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

FORMAT = "estate-desk-restore-journal/1"
JOURNAL_SUFFIX = ".restore-journal.json"
STAGING_INFIX = ".restoring-"
ASIDE_INFIX = ".replaced-"
RESTORE_ID_KEY = "restore.last_id"
"""The settings row the restore's own transaction writes: its presence is the commit, as the database sees it."""


class Mode(StrEnum):
    SWAP = "swap"
    IN_PLACE = "in-place"


class Phase(StrEnum):
    STAGING = "staging"
    COMMITTING = "committing"
    SWAPPING = "swapping"


def checkpoint(name: str) -> None:
    """A named moment of the restore (see the module docstring). Does nothing; crash tests replace it.

    The names, in order: ``journal-written``, ``staging-file`` (after each staged file),
    ``staged``, ``committing``, ``rows-loaded`` (inside the transaction, before its commit),
    ``committed``, ``swapping``, ``old-aside``, ``swapped``.
    """


# --------------------------------------------------------------------------- the journal file


@dataclass(frozen=True)
class Journal:
    id: str
    phase: str
    database: str  # the database's masked URL: only that database can say whether the restore committed
    store: str
    staging: str
    aside: str
    backup: str
    started_at: str
    mode: str = "swap"  # "swap": staged beside the store; "in-place": the store held no attachment
    old_archive_id: str | None = None  # the identity the database held before (the store's marker names it)
    format: str = FORMAT

    @property
    def store_path(self) -> Path:
        return Path(self.store)

    @property
    def staging_path(self) -> Path:
        return Path(self.staging)

    @property
    def aside_path(self) -> Path:
        return Path(self.aside)


def journal_path(store_root: Path) -> Path:
    return store_root.with_name(store_root.name + JOURNAL_SUFFIX)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(journal: Journal) -> None:
    """Temporary file, fsync, rename over the journal, fsync the folder: the old phase or the new, never half."""
    path = journal_path(journal.store_path)
    temp = path.with_name(path.name + ".tmp")
    with temp.open("w", encoding="utf-8") as fh:
        json.dump(asdict(journal), fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, path)
    _fsync_folder(path.parent)


def read_journal(store_root: Path) -> Journal | None:
    path = journal_path(store_root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Journal(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise DatabaseProblem(
            zh=f"上次恢复的记录文件 {path.name} 无法读取（{exc}），未打开档案库。请检查该文件夹。",
            en=f"The journal of an earlier restore, {path.name}, cannot be read ({exc}); the archive was not "
            "opened. Check the folder.",
            where=str(path),
        ) from exc


def _drop_journal(store_root: Path) -> None:
    path = journal_path(store_root)
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".tmp").unlink(missing_ok=True)
    _fsync_folder(path.parent)


def _free_name(base: Path) -> Path:
    candidate, n = base, 1
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


def _fsync_tree(root: Path) -> None:
    """Make every file's rename inside ``root`` durable (the files themselves were fsynced when written)."""
    for folder, _dirs, _files in os.walk(root):
        _fsync_folder(Path(folder))


_BLOB_PATH = re.compile(r"([0-9a-f]{2})/([0-9a-f]{2})/(\1\2[0-9a-f]{60})(\.enc)?")


def _attachment_files(store_root: Path) -> list[Path]:
    """The kept files of a store (``ab/cd/<sha256>[.enc]``) and copies in progress; nothing else in the folder."""
    found = []
    for path in store_root.rglob("*"):
        rel = path.relative_to(store_root).as_posix()
        name = path.name
        incoming = name.startswith(INCOMING_PREFIX) and name.endswith(INCOMING_SUFFIX)
        if path.is_file() and (_BLOB_PATH.fullmatch(rel) or incoming):
            found.append(path)
    return found


def _remove_attachment_files(store_root: Path) -> None:
    for path in _attachment_files(store_root):
        path.unlink(missing_ok=True)
        for folder in (path.parent, path.parent.parent):  # the two-level folders the files were in, if now empty
            if folder != store_root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    _fsync_tree(store_root)


def _archive_id(db: Database) -> str | None:
    with db.engine.connect() as conn:
        value = conn.execute(select(Setting.value).where(Setting.key == ARCHIVE_ID_KEY)).scalar()
    return str(value) if value is not None else None


def _holds_attachments(folder: Path) -> bool:
    """Anything kept in the folder besides the archive marker (a store of only a marker holds nothing)."""
    return any(p.is_file() and p.name != MARKER for p in folder.rglob("*"))


# --------------------------------------------------------------------------- one restore


class ReplaceJob:
    """The replacing side of one forced restore: :meth:`begin`, :meth:`staged`, :meth:`mark_committed`
    inside the database transaction, :meth:`finish`; :func:`recover` after any failure."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @classmethod
    def begin(cls, db: Database, store_root: Path, backup: Path, clock: Clock | None) -> ReplaceJob:
        """Write the journal (phase ``staging``) and make the empty staging folder."""
        from datetime import UTC, datetime

        now = clock.now() if clock else datetime.now(UTC)
        restore_id = uuid.uuid4().hex
        store_root.parent.mkdir(parents=True, exist_ok=True)
        stamp = now.strftime("%Y%m%d-%H%M%S")
        in_place = not (store_root.is_dir() and _attachment_files(store_root))
        journal = Journal(
            id=restore_id,
            phase=Phase.STAGING.value,
            database=db.masked_url,
            store=str(store_root),
            staging=str(
                store_root
                if in_place
                else _free_name(store_root.with_name(f"{store_root.name}{STAGING_INFIX}{restore_id[:12]}"))
            ),
            aside=str(_free_name(store_root.with_name(f"{store_root.name}{ASIDE_INFIX}{stamp}"))),
            backup=str(backup),
            started_at=now.isoformat(),
            mode=(Mode.IN_PLACE if in_place else Mode.SWAP).value,
            old_archive_id=_archive_id(db),
        )
        _write_journal(journal)
        checkpoint("journal-written")
        journal.staging_path.mkdir(exist_ok=in_place)
        return cls(journal)

    @property
    def staging_store(self) -> BlobStore:
        """Where the backup's files go meanwhile (the same layout as the store)."""
        return BlobStore(self.journal.staging_path)

    def _phase(self, phase: Phase) -> None:
        self.journal = Journal(**{**asdict(self.journal), "phase": phase.value})
        _write_journal(self.journal)

    def staged(self) -> None:
        """Every file is in the staging folder: make it durable, then the journal says ``committing``."""
        checkpoint("staged")
        _fsync_tree(self.journal.staging_path)
        self._phase(Phase.COMMITTING)
        checkpoint("committing")

    def mark_committed(self, conn: Connection) -> None:
        """Inside the restore's transaction: the row that says, once committed, that this restore happened."""
        conn.execute(delete(Setting).where(Setting.key == RESTORE_ID_KEY))
        conn.execute(insert(Setting).values(key=RESTORE_ID_KEY, value=self.journal.id))
        checkpoint("rows-loaded")

    def finish(self, db: Database) -> Path | None:
        """After the commit: swap the staged store in (phase ``swapping``); returns where the old store
        was kept, or None when it held nothing. Should it fail, the journal stays for the next opening."""
        checkpoint("committed")
        self._phase(Phase.SWAPPING)
        checkpoint("swapping")
        return _roll_forward(db, self.journal)


def _roll_forward(db: Database, journal: Journal) -> Path | None:
    store, staging, aside = journal.store_path, journal.staging_path, journal.aside_path
    if journal.mode == Mode.IN_PLACE.value:  # the files went straight in; only a stale marker remains to go
        if journal.old_archive_id not in (None, _archive_id(db)) and marker_of(store) == journal.old_archive_id:
            (store / MARKER).unlink()  # it named the archive the restore replaced; the next opening marks it anew
        _drop_journal(store)
        _forget(db, journal.id)
        return None
    if staging.exists():  # the swap is not done yet
        if store.exists():
            if aside.exists():  # never overwrite a kept store: choose another name
                aside = _free_name(aside)
            store.rename(aside)
            _fsync_folder(store.parent)
            log.warning("restore: the attachment store was moved aside to %s", aside)
        checkpoint("old-aside")
        staging.rename(store)
        _fsync_folder(store.parent)
        checkpoint("swapped")
    kept: Path | None = aside if aside.exists() else None
    if kept is not None and not _holds_attachments(kept):
        shutil.rmtree(kept)  # a store with only its marker: nothing of the user's to keep
        kept = None
    _drop_journal(store)
    _forget(db, journal.id)
    return kept


def _forget(db: Database, restore_id: str) -> None:
    """The restore id has done its work once the journal is gone; the archive keeps no trace of it (should
    a kill come first, the row stays: harmless, it names a restore no journal refers to any more)."""
    with db.engine.begin() as conn:
        conn.execute(delete(Setting).where(Setting.key == RESTORE_ID_KEY, Setting.value == restore_id))


def _roll_back(journal: Journal) -> None:
    store, staging, aside = journal.store_path, journal.staging_path, journal.aside_path
    if journal.mode == Mode.IN_PLACE.value:  # the store held no attachment before: every one there is the restore's
        if store.is_dir():
            _remove_attachment_files(store)
        _drop_journal(store)
        return
    if not staging.exists() and store.exists() and aside.exists() and journal.phase == Phase.SWAPPING.value:
        raise DatabaseProblem(
            zh=f"上次恢复的附件库已换入，但数据库中没有这次恢复（{journal.id}）：数据库可能已被另行更改。"
            f"未打开档案库。原附件库在 {aside}，请由管理员核对。",
            en=f"An earlier restore's attachment store was swapped in, but the database does not hold that restore "
            f"({journal.id}): it may have been changed elsewhere. The archive was not opened. The previous store "
            f"is at {aside}; an administrator must check.",
            where=str(store),
        )
    if staging.exists():
        shutil.rmtree(staging)
    if not store.exists() and aside.exists():
        aside.rename(store)
    _fsync_folder(store.parent)
    _drop_journal(store)


# --------------------------------------------------------------------------- recovery


@dataclass(frozen=True)
class Recovery:
    restore_id: str
    committed: bool  # True: rolled forward to the backup's archive; False: rolled back to the old one
    kept_aside: Path | None


def committed(db: Database, restore_id: str) -> bool:
    """Whether the database holds the restore ``restore_id`` — the database's word, never the journal's."""
    with db.engine.connect() as conn:
        value = conn.execute(select(Setting.value).where(Setting.key == RESTORE_ID_KEY)).scalar()
    return value == restore_id


def recover(db: Database, store_root: Path) -> Recovery | None:
    """Finish or undo a restore that was stopped part-way (see the module docstring); None when there was none."""
    journal = read_journal(store_root)
    if journal is None:
        journal_path(store_root).with_name(journal_path(store_root).name + ".tmp").unlink(missing_ok=True)
        return None
    if journal.database != db.masked_url:
        raise DatabaseProblem(
            zh=f"附件文件夹 {store_root} 有一次未完成的恢复（恢复到数据库 {journal.database}）。"
            "请先用该数据库打开一次档案库，以完成或撤销那次恢复；在此之前不能用别的数据库打开这个附件文件夹。",
            en=f"The attachment folder {store_root} holds a restore that did not finish (into the database "
            f"{journal.database}). Open the archive with that database once to finish or undo it; until then this "
            "attachment folder is not opened with another database.",
            where=str(journal_path(store_root)),
        )
    if committed(db, journal.id):
        kept = _roll_forward(db, journal)
        log.warning("restore %s stopped part-way was finished (the database had committed it)", journal.id)
        return Recovery(journal.id, True, kept)
    _roll_back(journal)
    log.warning("restore %s stopped part-way was undone (the database had not committed it)", journal.id)
    return Recovery(journal.id, False, None)
