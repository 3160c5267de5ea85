"""Backup and restore (备份与恢复, A5): one file holding the whole archive, checked before it is trusted.

A backup is a zip file, encrypted at rest (``services/backup_crypto.py``; 🔒 = encrypted and
authenticated under a key derived from the archive's master key, each member on its own)::

    header.json                    in clear: format, cipher, the file's salt, the master key's fingerprint,
                                   when, and the master key's *wrapped* copies (each user's, by password;
                                   the recovery key's) — what a restore needs to open the key, nothing else
    backup.json                  🔒 what it is: alembic revision, office, 全宗号, from which database, row
                                   counts, the table members, the number of files
    tables/NNN-<table>.jsonl     🔒 every table's rows, parents first (``store/snapshot.py``), deflated
    attachments/NNNNNNN          🔒 every file of the attachment store, sealed (``.enc``) and plain, as is
    attachments.jsonl            🔒 which store path (``ab/cd/<sha256>[.enc]``) each of them goes back to
    MANIFEST.json                  size and SHA-256 of every member above, as stored

and the zip comment ends with the SHA-256 of every byte before it, so one flipped byte anywhere —
in a member, a header or the directory — is found before anything is written; then every chunk of
every member is authenticated before anything is written. Only a signed-in user whose role may
keep the archive and whose clearance covers its highest grade makes one (``backup_rights.py``);
restoring needs a user name and password of the source archive, or its recovery key. Rows and files are
streamed (a 200 MB scan never sits in memory). The file is written under a temporary name in the
target folder and renamed when complete: a cancelled, failed or killed backup leaves no file that
looks like a backup (:func:`sweep_partial` clears the temporary ones a crash left).

Restoring goes into an empty database (migrated to the backup's revision) and an empty attachment
store; every checksum is checked first. An archive that already holds records is refused unless
forced, and forcing replaces it (its attachment store is moved aside, not deleted): two archives
are never mixed. A backup made on SQLite restores onto PostgreSQL and back. The replacing is a
journalled operation (``services/restore_journal.py``): the files are staged beside the store, the
rows go in one transaction that also records the restore's id, and only then is the staged store
swapped in — so a restore killed at any moment leaves, once the archive is next opened, the old
archive entire or the new one entire, database and files alike.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import logging
import os
import re
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession

from estate_desk import __version__
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import DatabaseProblem, InputProblem, RuleViolation, UserError
from estate_desk.services import attachments, audit, backup_crypto, restore_journal
from estate_desk.services.backup_crypto import BackupKey, Credentials, Undecryptable
from estate_desk.services.backup_rights import BACKUP_TARGET, require_backup_rights
from estate_desk.store import snapshot
from estate_desk.store.accounts import Office
from estate_desk.store.backends import is_sqlite, sqlite_path
from estate_desk.store.blobs import CHUNK_SIZE, INCOMING_PREFIX, INCOMING_SUFFIX, BlobStore
from estate_desk.store.database import (
    Database,
    RevisionStatus,
    mask_url,
    open_database,
    resolve_url,
    revision_state,
)
from estate_desk.store.keys import ArchiveKey
from estate_desk.store.migrations import head_revision
from estate_desk.store.search_fill import rebuild_on

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import datetime

    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.services.keyring import Keyring

log = logging.getLogger(__name__)

FORMAT = "estate-desk-backup/2"
UNENCRYPTED_FORMAT = "estate-desk-backup/1"  # before backups were encrypted: refused, see _refuse_old_format
SUFFIX = ".edbackup"
HEADER = "header.json"
DESCRIPTION = "backup.json"
MANIFEST = "MANIFEST.json"
TABLES = "tables/"
FILES = "attachments/"
FILE_INDEX = "attachments.jsonl"
IN_CLEAR = frozenset({HEADER, MANIFEST})
PARTIAL_PREFIX = snapshot.SCRATCH_PREFIX
PARTIAL_SUFFIX = snapshot.SCRATCH_SUFFIX
_COMMENT_PREFIX = b"estate-desk-backup sha256="
_COMMENT_LENGTH = len(_COMMENT_PREFIX) + 64
_ROW_BATCH = 500


class BackupCancelled(UserError):
    """The user stopped a backup or restore; nothing was kept."""


@dataclass(frozen=True)
class BackupInfo:
    """What ``backup.json`` says, once every checksum has been checked."""

    path: Path
    revision: str
    office: str
    fonds_code: str
    key_id: str | None
    created_at: str
    backend: str
    counts: dict[str, int]
    files: int
    file_bytes: int
    description: dict[str, Any] = field(repr=False)
    key: BackupKey | None = field(default=None, repr=False, compare=False)  # opens the members

    def summary(self, lang: str = "zh") -> str:
        rows = sum(self.counts.values())
        if lang.startswith("zh"):
            return (
                f"{self.office}（全宗号 {self.fonds_code}）于 {self.created_at} 在 {self.backend} 上的备份："
                f"{rows} 行记录，{self.files} 个附件文件，数据库版本 {self.revision}"
            )
        return (
            f"Backup of {self.office} (fonds {self.fonds_code}) made {self.created_at} on {self.backend}: "
            f"{rows} rows, {self.files} attachment files, database revision {self.revision}"
        )


@dataclass(frozen=True)
class RestoreReport:
    info: BackupInfo
    rows: int
    files: int
    moved_aside: Path | None  # where a forced restore put the store it replaced


# --------------------------------------------------------------------------- helpers


class _Ticker:
    """Progress in work units (a row, or 64 KiB of a file) and the cancel check between them."""

    def __init__(
        self, total: int, progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None, what: str
    ) -> None:
        self.total, self.done = max(total, 1), 0
        self.progress, self.cancel, self.what = progress, cancel, what

    def step(self, units: int = 1) -> None:
        self.done = min(self.done + units, self.total)
        if self.cancel is not None and self.cancel():
            zh, en = {"backup": ("备份", "The backup"), "restore": ("恢复", "The restore")}[self.what]
            raise BackupCancelled(zh=f"已取消{zh}，未留下任何内容。", en=f"{en} was cancelled; nothing was kept.")
        if self.progress is not None:
            self.progress(self.done, self.total)


def _file_units(size: int) -> int:
    return size // 65536 + 1


_BLOB_PATH = re.compile(r"([0-9a-f]{2})/([0-9a-f]{2})/(\1\2[0-9a-f]{60})(\.enc)?")


def _store_files(store: BlobStore) -> list[tuple[str, Path, int]]:
    """(member name, path, size) of every kept file in the store (``ab/cd/<sha256>[.enc]``), in a stable
    order. Anything else in the folder — a copy in progress, a marker naming the archive the folder
    belongs to — is not an attachment and is left out."""
    if not store.root.is_dir():
        return []
    found = []
    for path in sorted(store.root.rglob("*")):
        rel = path.relative_to(store.root).as_posix()
        if path.is_file() and _BLOB_PATH.fullmatch(rel):
            found.append((FILES + rel, path, path.stat().st_size))
    return found


def _damaged(path: Path, detail_zh: str, detail_en: str) -> InputProblem:
    return InputProblem(
        zh=f"备份文件“{path.name}”已损坏或不完整（{detail_zh}），未恢复任何内容。请换一份备份。",
        en=f"The backup file '{path.name}' is damaged or incomplete ({detail_en}); nothing was restored. "
        "Use another backup.",
        where=str(path),
    )


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


# --------------------------------------------------------------------------- backup


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
        "members": [_table_member(i, t.name) for i, t in enumerate(snapshot.kept_tables())],
        "files": len(files),
        "file_bytes": sum(size for _, _, size in files),
        "left_out": sorted(snapshot.DERIVED_TABLES),
    }


def _table_member(index: int, name: str) -> str:
    return f"{TABLES}{index:03d}-{name}.jsonl"


def _file_member(index: int) -> str:
    """Files are named by their place in the backup, not by their checksum (which would say which
    files an archive holds to anyone holding the same file)."""
    return f"{FILES}{index:07d}"


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
            files = _store_files(store)
            units = sum(counts.values()) + sum(_file_units(s) for _, _, s in files)
            ticker = _Ticker(units, progress, cancel, "backup")
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
                with _sealed(zf, manifest, key, _table_member(index, table.name), compress=True) as sink:
                    for row in snapshot.read_rows(conn, table):
                        sink.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
                        ticker.step()
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        for index, (_name, path, _size) in enumerate(files):
            with path.open("rb") as src, _sealed(zf, manifest, key, _file_member(index), compress=False) as sink:
                while n := src.readinto(view):
                    sink.write(view[:n])
                    ticker.step(n // 65536)
                ticker.step()
        with _sealed(zf, manifest, key, FILE_INDEX, compress=True) as sink:
            for index, (name, _path, _size) in enumerate(files):
                sink.write(json.dumps([_file_member(index), name[len(FILES) :]]).encode() + b"\n")
        _member(zf, [], MANIFEST, json.dumps({"format": FORMAT, "members": manifest}, indent=0).encode())
        zf.comment = _COMMENT_PREFIX + b"0" * 64
    _seal_file(temp)
    return _info(temp, description, key)


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


def _hash_before_comment(fh: IO[bytes], length: int) -> str:
    hasher = hashlib.sha256()
    fh.seek(0)
    left = length
    while left > 0:
        chunk = fh.read(min(CHUNK_SIZE, left))
        if not chunk:
            break
        hasher.update(chunk)
        left -= len(chunk)
    return hasher.hexdigest()


def _seal_file(temp: Path) -> None:
    """Write the SHA-256 of every byte before the zip comment into the comment's last 64 bytes."""
    with temp.open("rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        body = size - _COMMENT_LENGTH
        digest = _hash_before_comment(fh, body)
        fh.seek(body + len(_COMMENT_PREFIX))
        fh.write(digest.encode("ascii"))


def _info(path: Path, description: dict[str, Any], key: BackupKey | None = None) -> BackupInfo:
    return BackupInfo(
        path=path,
        revision=str(description["revision"]),
        office=str(description.get("office", "")),
        fonds_code=str(description.get("fonds_code", "")),
        key_id=description.get("key_id"),
        created_at=str(description["created_at"]),
        backend=str(description.get("backend", "")),
        counts={str(k): int(v) for k, v in description["counts"].items()},
        files=int(description.get("files", 0)),
        file_bytes=int(description.get("file_bytes", 0)),
        description=description,
        key=key,
    )


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


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class SealedBackup:
    """What a backup says in clear, once its checksums hold: when, and which key opens it."""

    path: Path
    created_at: str
    key_id: str
    usernames: tuple[str, ...]  # the accounts whose password opens it
    has_recovery: bool
    header: dict[str, Any] = field(repr=False)


def check_file(
    path: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SealedBackup:
    """Check every stored byte of a backup file without its key: the whole-file checksum, then each
    member against the manifest. A damaged file is refused with :class:`InputProblem`."""
    header, _description, _key = _verify(Path(path), None, progress, cancel)
    return _sealed_backup(Path(path), header)


def check_backup(
    path: Path | str,
    keys: Keyring,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BackupInfo:
    """Check every byte of a backup file of the archive whose master key ``keys`` is (a session's):
    the checksums, then every chunk of every member decrypted and authenticated."""
    _header, description, key = _verify(Path(path), lambda _found: keys, progress, cancel)
    assert description is not None
    return _info(Path(path), description, key)


def open_backup(
    path: Path | str,
    credentials: Credentials,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BackupInfo:
    """Check a backup file and open it with a sign-in of its source archive or its recovery key
    (``credentials``): the checksums first, then the key (a wrong password or recovery key is refused
    with :class:`PermissionDenied`), then every chunk of every member authenticated. Touches nothing."""
    source = Path(path)
    _header, description, key = _verify(
        source, lambda found: backup_crypto.unlock(found, credentials, str(source)), progress, cancel
    )
    assert description is not None
    return _info(source, description, key)


def _sealed_backup(path: Path, header: dict[str, Any]) -> SealedBackup:
    return SealedBackup(
        path,
        str(header.get("created_at", "")),
        str(header.get("key_id", "")),
        tuple(str(a.get("username", "")) for a in header.get("accounts", [])),
        bool(header.get("recovery")),
        header,
    )


def _verify(
    source: Path,
    unlock: Callable[[dict[str, Any]], Keyring] | None,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> tuple[dict[str, Any], dict[str, Any] | None, BackupKey | None]:
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise InputProblem(
            zh=f"无法读取备份文件“{source}”（{exc.strerror or exc}）。",
            en=f"Cannot read the backup file '{source}' ({exc.strerror or exc}).",
            where=str(source),
        ) from exc
    if size <= _COMMENT_LENGTH:
        raise _damaged(source, "文件太短", "the file is too short")
    ticker = _Ticker(_file_units(size) * 2, progress, cancel, "restore")
    with source.open("rb") as fh:
        fh.seek(size - _COMMENT_LENGTH)
        tail = fh.read()
        if not tail.startswith(_COMMENT_PREFIX):
            raise _damaged(
                source, "不是 Estate Desk 备份，或结尾缺失", "not an Estate Desk backup, or its end is missing"
            )
        expected = tail[len(_COMMENT_PREFIX) :].decode("ascii", "replace")
        if _hash_before_comment(fh, size - _COMMENT_LENGTH) != expected:
            raise _damaged(source, "整体校验值不符", "the whole-file checksum does not match")
    ticker.step(_file_units(size))
    try:
        with zipfile.ZipFile(source) as zf:
            listed = json.loads(zf.read(MANIFEST))
            members = {m["name"]: m for m in listed["members"]}
            present = set(zf.namelist()) - {MANIFEST}
            if present != set(members):
                raise _damaged(source, "清单与内容不符", "the manifest does not list what the file holds")
            _refuse_old_format(source, listed.get("format"))
            if HEADER not in members or _member_hash(zf, HEADER, ticker) != (
                members[HEADER]["sha256"],
                members[HEADER]["size"],
            ):
                raise _damaged(source, "文件头的校验值不符", "the checksum of the header does not match")
            header = json.loads(zf.read(HEADER))
            if header.get("format") != FORMAT or header.get("cipher") != backup_crypto.CIPHER:
                raise _damaged(source, "格式不认识", "unknown format")
            key = BackupKey(unlock(header), base64.b64decode(header["salt"], validate=True)) if unlock else None
            description: dict[str, Any] | None = None
            for name, entry in members.items():
                if name == HEADER:
                    continue
                if key is None or name in IN_CLEAR:
                    found = _member_hash(zf, name, ticker)
                else:
                    found, plain = _member_opened(zf, name, key, ticker, keep=name == DESCRIPTION)
                    if name == DESCRIPTION:
                        description = json.loads(plain)
                if found != (entry["sha256"], entry["size"]):
                    raise _damaged(source, f"“{name}”的校验值不符", f"the checksum of '{name}' does not match")
    except Undecryptable as exc:
        raise _damaged(
            source, f"“{exc}”无法解密或认证失败", f"'{exc}' does not decrypt or fails its authentication"
        ) from exc
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, EOFError, OSError, binascii.Error) as exc:
        raise _damaged(source, f"无法读取：{exc}", f"unreadable: {exc}") from exc
    if key is not None:
        _check_members(source, description, set(members))
    return header, description, key


def _member_opened(
    zf: zipfile.ZipFile, name: str, key: BackupKey, ticker: _Ticker, *, keep: bool
) -> tuple[tuple[str, int], bytes]:
    """The SHA-256 and size of a member as stored, while every chunk of it is decrypted and
    authenticated (and the index's paths checked); its plaintext when ``keep``."""
    hasher, size = hashlib.sha256(), [0]

    def stored(piece: bytes) -> None:
        hasher.update(piece)
        size[0] += len(piece)
        ticker.step(len(piece) // 65536)

    kept: list[bytes] = []
    with zf.open(name) as fh:
        chunks = backup_crypto.plain_chunks(fh, key, name, compressed=_compressed(name), on_stored=stored)
        if name == FILE_INDEX:
            for line in io.BufferedReader(backup_crypto.PlainReader(chunks)):
                _index_line(zf.filename or "", line)
        else:
            for plain in chunks:
                if keep:
                    kept.append(plain)
    return (hasher.hexdigest(), size[0]), b"".join(kept)


def _compressed(name: str) -> bool:
    return not name.startswith(FILES)


def _index_line(path: str, line: bytes) -> tuple[str, str]:
    """(member, store path) of one line of the file index; a path outside the store is refused."""
    member, rel = json.loads(line)
    if not isinstance(member, str) or not isinstance(rel, str) or not _BLOB_PATH.fullmatch(rel):
        raise _damaged(Path(path), f"附件路径不对：{rel}", f"a bad attachment path: {rel}")
    return member, rel


def _check_members(source: Path, description: dict[str, Any] | None, present: set[str]) -> None:
    """Every member the encrypted description names is there, and nothing else is."""
    if description is None:
        raise _damaged(source, "缺少说明", "its description is missing")
    expected = (
        {HEADER, DESCRIPTION, FILE_INDEX}
        | {str(m) for m in description.get("members", [])}
        | {_file_member(i) for i in range(int(description.get("files", 0)))}
    )
    if present != expected:
        odd = sorted(present ^ expected)
        raise _damaged(
            source, f"内容与说明不符：{', '.join(odd[:3])}", f"it does not hold what it says: {', '.join(odd[:3])}"
        )


def _refuse_old_format(source: Path, found: object) -> None:
    """Backups made before encryption (``estate-desk-backup/1``) are not read: they would restore
    without any sign-in. Restore one with the version that made it, then back up again."""
    if found == UNENCRYPTED_FORMAT:
        raise InputProblem(
            zh=f"备份文件“{source.name}”是旧格式（未加密，{UNENCRYPTED_FORMAT}），本版本只恢复加密的备份。"
            "请用制作它的 Estate Desk 版本恢复，再用本版本重新备份。未恢复任何内容。",
            en=f"The backup file '{source.name}' is in the old, unencrypted format ({UNENCRYPTED_FORMAT}); this "
            "version restores encrypted backups only. Restore it with the Estate Desk version that made it, then "
            "back up again with this one. Nothing was restored.",
            where=str(source),
        )


def _member_hash(zf: zipfile.ZipFile, name: str, ticker: _Ticker) -> tuple[str, int]:
    hasher, size = hashlib.sha256(), 0
    with zf.open(name) as fh:
        while chunk := fh.read(CHUNK_SIZE):
            hasher.update(chunk)
            size += len(chunk)
            ticker.step(len(chunk) // 65536)
    return hasher.hexdigest(), size


# --------------------------------------------------------------------------- restore


def _store_has_files(store: BlobStore) -> bool:
    return bool(_store_files(store))


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
    (``services/restore_journal.py``); if anything fails, the database says whether the restore went
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
        ticker = _Ticker(
            sum(info.counts.values()) + info.files + _file_units(info.file_bytes), progress, cancel, "restore"
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


def _extract_files(info: BackupInfo, store: BlobStore, written: list[Path], ticker: _Ticker) -> None:
    """Decrypt every attachment file of the backup into the store, where the file index says."""
    assert info.key is not None
    path, key = info.path, info.key
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    with zipfile.ZipFile(path) as zf:
        try:
            with backup_crypto.open_plain(zf.open(FILE_INDEX), key, FILE_INDEX, compressed=True) as index:
                for line in index:
                    member, rel = _index_line(str(path), line)
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
            raise _damaged(path, f"无法读取附件：{exc}", f"an attachment cannot be read: {exc}") from exc


def _rows_of(zf: zipfile.ZipFile, name: str, key: BackupKey) -> Iterator[dict[str, Any]]:
    with backup_crypto.open_plain(zf.open(name), key, name, compressed=True) as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _load_rows(
    db: Database, info: BackupInfo, ticker: _Ticker, before_commit: Callable[[Any], None] | None = None
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
                    raise _damaged(info.path, f"未知的数据表 {table_name}", f"unknown table {table_name}")
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
                    raise _damaged(info.path, f"{table_name} 行数不符", f"the row count of {table_name} differs")
            snapshot.reset_sequences(conn)
            rebuild_on(conn)
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


# --------------------------------------------------------------------------- helpers for callers


def default_name(clock: Clock) -> str:
    return f"estate-desk-{clock.now().strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
