"""Making a backup (备份, A5, A6): the whole archive written to one encrypted file, or no file at all.

The file is laid out as ``backup_format.py`` says: the header in clear, then the description,
every table's rows (read from one consistent snapshot of the database, ``store/snapshot.py``) and
every file of the attachment store, each member encrypted and authenticated on its own
(``backup_crypto.py``), then the manifest and the whole-file checksum. Only a signed-in user whose
role may keep the archive and whose clearance covers its highest grade makes one
(``backup_rights.py``). Rows and files are streamed (a 200 MB scan never sits in memory). The file
is written under a temporary name in the target folder and renamed when complete: a cancelled,
failed or killed backup leaves no file that looks like a backup (:func:`sweep_partial` clears the
temporary ones a crash left).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from estate_desk import __version__
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem
from estate_desk.services import audit
from estate_desk.services.archive import attachments
from estate_desk.services.maintenance import backup_crypto
from estate_desk.services.maintenance.backup_crypto import BackupKey
from estate_desk.services.maintenance.backup_format import (
    COMMENT_PREFIX,
    DESCRIPTION,
    FILE_INDEX,
    FILES,
    FORMAT,
    HEADER,
    MANIFEST,
    PARTIAL_PREFIX,
    PARTIAL_SUFFIX,
    SUFFIX,
    BackupInfo,
    file_member,
    info_from,
    seal_file,
    store_files,
    table_member,
)
from estate_desk.services.maintenance.backup_progress import Ticker, file_units
from estate_desk.services.maintenance.backup_rights import BACKUP_TARGET, require_backup_rights
from estate_desk.store import snapshot
from estate_desk.store.accounts import Office
from estate_desk.store.backends import is_sqlite, sqlite_path
from estate_desk.store.blobs import CHUNK_SIZE, BlobStore
from estate_desk.store.keys import ArchiveKey

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import datetime

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.secrecy.keyring import Keyring
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)


def _cannot_write(path: Path, exc: OSError) -> InputProblem:
    return InputProblem(
        zh=f"无法写入备份文件“{path}”（{exc.strerror or exc}），未留下不完整的备份。",
        en=f"Cannot write the backup file '{path}' ({exc.strerror or exc}); no partial backup was left.",
        where=str(path),
    )


class _HashingWriter:
    """Feeds what is written to a zip member through SHA-256 too."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out, self.hash, self.size = out, hashlib.sha256(), 0

    def write(self, data: bytes | memoryview) -> None:
        self.hash.update(data)
        self.size += len(data)
        self.out.write(data)


def _describe(conn: Any, clock: Clock, db: Database, counts: dict[str, int], files: list[Any]) -> dict[str, Any]:
    office = conn.execute(select(Office.name, Office.fonds_code).order_by(Office.id).limit(1)).first()
    key_id = conn.execute(select(ArchiveKey.key_id).limit(1)).scalar()
    return {
        "format": FORMAT,
        "revision": conn.execute(select(_alembic_version())).scalar(),
        "office": office[0] if office else "",
        "fonds_code": office[1] if office else "",
        "key_id": key_id,
        "created_at": clock.now().isoformat(),
        "backend": "sqlite" if is_sqlite(db.url) else "postgresql",
        "database": db.masked_url,
        "application": __version__,
        "tables": [t.name for t in snapshot.kept_tables()],
        "counts": counts,
        "members": [table_member(i, t.name) for i, t in enumerate(snapshot.kept_tables())],
        "files": len(files),
        "file_bytes": sum(size for _, _, size in files),
        "left_out": sorted(snapshot.DERIVED_TABLES),
    }


def _alembic_version() -> Any:
    from sqlalchemy import column, table

    return table("alembic_version", column("version_num")).c.version_num


def create_backup(
    db: Database,
    clock: Clock,
    actor: Actor | None,
    out: Path | str,
    *,
    store: BlobStore | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BackupInfo:
    """Write one encrypted backup file of the whole archive to ``out`` (see the module docstring).

    ``actor`` must be signed in, archive staff, cleared for the archive's highest grade and hold the
    master key (``backup_rights.py``); a refusal is audited, and so is the backup. Raises
    :class:`BackupCancelled` when cancelled; in every failure no file is left at ``out``.
    """
    signed_in = require_backup_rights(db, actor)
    keys = signed_in.keyring
    assert keys is not None  # require_backup_rights refuses a session without the key
    target = Path(out)
    store = store or attachments.blob_store()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX, dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    temp = Path(temp_name)
    try:
        info = _write(db, clock, store, temp, keys, progress, cancel)
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from exc
        raise
    with db.session() as s:
        audit.record(
            s,
            signed_in,
            AuditAction.EXPORT,
            BACKUP_TARGET,
            detail={"file": str(target), "encrypted": backup_crypto.CIPHER},
            clock=clock,
        )
    log.info("backup written to %s", target)
    return BackupInfo(**{**info.__dict__, "path": target})


def _write(
    db: Database,
    clock: Clock,
    store: BlobStore,
    temp: Path,
    keys: Keyring,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> BackupInfo:
    manifest: list[dict[str, Any]] = []
    salt = backup_crypto.new_salt()
    key = BackupKey(keys, salt)
    with zipfile.ZipFile(temp, "w", allowZip64=True) as zf:
        with snapshot.consistent_connection(db, _snapshot_scratch(db)) as conn:
            tables = snapshot.kept_tables()
            counts = {t.name: snapshot.count_rows(conn, t) for t in tables}
            files = store_files(store)
            units = sum(counts.values()) + sum(file_units(s) for _, _, s in files)
            ticker = Ticker(units, progress, cancel, "backup")
            description = _describe(conn, clock, db, counts, files)
            with OrmSession(bind=conn) as s:
                material = backup_crypto.key_material(s)
            header = {
                "format": FORMAT,
                "cipher": backup_crypto.CIPHER,
                "kdf": "HKDF-SHA256",
                "info": backup_crypto.INFO.decode(),
                "chunk": backup_crypto.CHUNK,
                "salt": base64.b64encode(salt).decode("ascii"),
                "key_id": keys.key_id,
                "created_at": description["created_at"],
                **material,
            }
            _member(zf, manifest, HEADER, json.dumps(header, ensure_ascii=False, indent=1).encode())
            with _sealed(zf, manifest, key, DESCRIPTION, compress=True) as sink:
                sink.write(json.dumps(description, ensure_ascii=False, indent=1).encode())
            for index, table in enumerate(tables):
                with _sealed(zf, manifest, key, table_member(index, table.name), compress=True) as sink:
                    for row in snapshot.read_rows(conn, table):
                        sink.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
                        ticker.step()
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        for index, (_name, path, _size) in enumerate(files):
            with path.open("rb") as src, _sealed(zf, manifest, key, file_member(index), compress=False) as sink:
                while n := src.readinto(view):
                    sink.write(view[:n])
                    ticker.step(n // 65536)
                ticker.step()
        with _sealed(zf, manifest, key, FILE_INDEX, compress=True) as sink:
            for index, (name, _path, _size) in enumerate(files):
                sink.write(json.dumps([file_member(index), name[len(FILES) :]]).encode() + b"\n")
        _member(zf, [], MANIFEST, json.dumps({"format": FORMAT, "members": manifest}, indent=0).encode())
        zf.comment = COMMENT_PREFIX + b"0" * 64
    seal_file(temp)
    return info_from(temp, description, key)


def _snapshot_scratch(db: Database) -> Path | None:
    """Where SQLite's consistent copy is made while the backup is written: beside the database, never in
    the target folder (which may be a USB stick), since the copy is the archive in clear."""
    path = sqlite_path(db.url) if is_sqlite(db.url) else None
    return path.parent if path is not None else None


@contextmanager
def _sealed(
    zf: zipfile.ZipFile, manifest: list[dict[str, Any]], key: BackupKey, name: str, *, compress: bool
) -> Iterator[backup_crypto.SealedWriter]:
    """One encrypted member: what is written to the writer is encrypted chunk by chunk, and the
    manifest gets the size and SHA-256 of what is stored."""
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    with zf.open(info, "w", force_zip64=True) as raw:
        stored = _HashingWriter(raw)
        sink = backup_crypto.SealedWriter(stored, key, name, compress=compress)
        yield sink
        sink.close()
    manifest.append({"name": name, "size": stored.size, "sha256": stored.hash.hexdigest()})


def _member(zf: zipfile.ZipFile, manifest: list[dict[str, Any]], name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)
    manifest.append({"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})


def sweep_partial(folder: Path, older_than: datetime) -> int:
    """Remove the temporary files of backups a crash interrupted, untouched since ``older_than``."""
    if not folder.is_dir():
        return 0
    removed = 0
    for temp in folder.glob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"):
        try:
            if temp.stat().st_mtime < older_than.timestamp():
                temp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def default_name(clock: Clock) -> str:
    return f"estate-desk-{clock.now().strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
