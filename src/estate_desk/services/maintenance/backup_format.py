"""The backup file (备份文件, A5, A6): its members, its names, its whole-file checksum, what it says.

A backup is a zip file, encrypted at rest (``services/maintenance/backup_crypto.py``; 🔒 = encrypted and
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

and the zip comment ends with the SHA-256 of every byte before it (:func:`seal_file`), so one
flipped byte anywhere — in a member, a header or the directory — is found before anything is
written. Writing it is ``backup_write.py``; checking and opening it ``backup_check.py``; restoring
it ``restore.py``. :class:`BackupInfo` is what ``backup.json`` says, which both ends return.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from estate_desk.store import snapshot
from estate_desk.store.blobs import CHUNK_SIZE

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.services.maintenance.backup_crypto import BackupKey
    from estate_desk.store.blobs import BlobStore

FORMAT = "estate-desk-backup/2"
UNENCRYPTED_FORMAT = "estate-desk-backup/1"  # before backups were encrypted: refused, see backup_check
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
COMMENT_PREFIX = b"estate-desk-backup sha256="
COMMENT_LENGTH = len(COMMENT_PREFIX) + 64


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


def info_from(path: Path, description: dict[str, Any], key: BackupKey | None = None) -> BackupInfo:
    """The :class:`BackupInfo` of the file at ``path``, from its description (``backup.json``)."""
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


# --------------------------------------------------------------------------- members


BLOB_PATH = re.compile(r"([0-9a-f]{2})/([0-9a-f]{2})/(\1\2[0-9a-f]{60})(\.enc)?")


def store_files(store: BlobStore) -> list[tuple[str, Path, int]]:
    """(member name, path, size) of every kept file in the store (``ab/cd/<sha256>[.enc]``), in a stable
    order. Anything else in the folder — a copy in progress, a marker naming the archive the folder
    belongs to — is not an attachment and is left out."""
    if not store.root.is_dir():
        return []
    found = []
    for path in sorted(store.root.rglob("*")):
        rel = path.relative_to(store.root).as_posix()
        if path.is_file() and BLOB_PATH.fullmatch(rel):
            found.append((FILES + rel, path, path.stat().st_size))
    return found


def table_member(index: int, name: str) -> str:
    return f"{TABLES}{index:03d}-{name}.jsonl"


def file_member(index: int) -> str:
    """Files are named by their place in the backup, not by their checksum (which would say which
    files an archive holds to anyone holding the same file)."""
    return f"{FILES}{index:07d}"


def compressed(name: str) -> bool:
    return not name.startswith(FILES)


# --------------------------------------------------------------------------- the whole-file checksum


def hash_before_comment(fh: IO[bytes], length: int) -> str:
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


def seal_file(temp: Path) -> None:
    """Write the SHA-256 of every byte before the zip comment into the comment's last 64 bytes."""
    with temp.open("rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        body = size - COMMENT_LENGTH
        digest = hash_before_comment(fh, body)
        fh.seek(body + len(COMMENT_PREFIX))
        fh.write(digest.encode("ascii"))
