"""Checking and opening a backup file (校验备份, A5, A6): every byte checked before it is trusted.

Nothing in a backup file is believed until it has been checked, in this order: the whole-file
SHA-256 in the zip comment (one flipped byte anywhere — in a member, a header or the directory — is
found there), then every member against the manifest (``backup_format.py``), then — when the key is
at hand — every chunk of every member decrypted and authenticated (``backup_crypto.py``), and the
members the encrypted description names compared with what the file holds. :func:`check_file` does
the part that needs no key; :func:`check_backup` opens the file with a session's master key;
:func:`open_backup` with a user name and password of the source archive, or its recovery key, as a
restore does (``restore.py``). None of them writes anything; a damaged file is refused with
:class:`InputProblem`, a backup in the old unencrypted format likewise.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import InputProblem
from estate_desk.services.maintenance import backup_crypto
from estate_desk.services.maintenance.backup_crypto import BackupKey, Credentials, Undecryptable
from estate_desk.services.maintenance.backup_format import (
    BLOB_PATH,
    COMMENT_LENGTH,
    COMMENT_PREFIX,
    DESCRIPTION,
    FILE_INDEX,
    FORMAT,
    HEADER,
    IN_CLEAR,
    MANIFEST,
    UNENCRYPTED_FORMAT,
    BackupInfo,
    compressed,
    file_member,
    hash_before_comment,
    info_from,
)
from estate_desk.services.maintenance.backup_progress import Ticker, file_units
from estate_desk.store.blobs import CHUNK_SIZE

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.services.secrecy.keyring import Keyring


@dataclass(frozen=True)
class SealedBackup:
    """What a backup says in clear, once its checksums hold: when, and which key opens it."""

    path: Path
    created_at: str
    key_id: str
    usernames: tuple[str, ...]  # the accounts whose password opens it
    has_recovery: bool
    header: dict[str, Any] = field(repr=False)


def damaged(path: Path, detail_zh: str, detail_en: str) -> InputProblem:
    """The refusal of a backup file that is damaged or incomplete; nothing was restored."""
    return InputProblem(
        zh=f"备份文件“{path.name}”已损坏或不完整（{detail_zh}），未恢复任何内容。请换一份备份。",
        en=f"The backup file '{path.name}' is damaged or incomplete ({detail_en}); nothing was restored. "
        "Use another backup.",
        where=str(path),
    )


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
    return info_from(Path(path), description, key)


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
    return info_from(source, description, key)


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
    if size <= COMMENT_LENGTH:
        raise damaged(source, "文件太短", "the file is too short")
    ticker = Ticker(file_units(size) * 2, progress, cancel, "restore")
    with source.open("rb") as fh:
        fh.seek(size - COMMENT_LENGTH)
        tail = fh.read()
        if not tail.startswith(COMMENT_PREFIX):
            raise damaged(
                source, "不是 Estate Desk 备份，或结尾缺失", "not an Estate Desk backup, or its end is missing"
            )
        expected = tail[len(COMMENT_PREFIX) :].decode("ascii", "replace")
        if hash_before_comment(fh, size - COMMENT_LENGTH) != expected:
            raise damaged(source, "整体校验值不符", "the whole-file checksum does not match")
    ticker.step(file_units(size))
    try:
        with zipfile.ZipFile(source) as zf:
            listed = json.loads(zf.read(MANIFEST))
            members = {m["name"]: m for m in listed["members"]}
            present = set(zf.namelist()) - {MANIFEST}
            if present != set(members):
                raise damaged(source, "清单与内容不符", "the manifest does not list what the file holds")
            _refuse_old_format(source, listed.get("format"))
            if HEADER not in members or _member_hash(zf, HEADER, ticker) != (
                members[HEADER]["sha256"],
                members[HEADER]["size"],
            ):
                raise damaged(source, "文件头的校验值不符", "the checksum of the header does not match")
            header = json.loads(zf.read(HEADER))
            if header.get("format") != FORMAT or header.get("cipher") != backup_crypto.CIPHER:
                raise damaged(source, "格式不认识", "unknown format")
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
                    raise damaged(source, f"“{name}”的校验值不符", f"the checksum of '{name}' does not match")
    except Undecryptable as exc:
        raise damaged(
            source, f"“{exc}”无法解密或认证失败", f"'{exc}' does not decrypt or fails its authentication"
        ) from exc
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, EOFError, OSError, binascii.Error) as exc:
        raise damaged(source, f"无法读取：{exc}", f"unreadable: {exc}") from exc
    if key is not None:
        _check_members(source, description, set(members))
    return header, description, key


def _member_opened(
    zf: zipfile.ZipFile, name: str, key: BackupKey, ticker: Ticker, *, keep: bool
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
        chunks = backup_crypto.plain_chunks(fh, key, name, compressed=compressed(name), on_stored=stored)
        if name == FILE_INDEX:
            for line in io.BufferedReader(backup_crypto.PlainReader(chunks)):
                index_line(zf.filename or "", line)
        else:
            for plain in chunks:
                if keep:
                    kept.append(plain)
    return (hasher.hexdigest(), size[0]), b"".join(kept)


def index_line(path: str, line: bytes) -> tuple[str, str]:
    """(member, store path) of one line of the file index; a path outside the store is refused."""
    member, rel = json.loads(line)
    if not isinstance(member, str) or not isinstance(rel, str) or not BLOB_PATH.fullmatch(rel):
        raise damaged(Path(path), f"附件路径不对：{rel}", f"a bad attachment path: {rel}")
    return member, rel


def _check_members(source: Path, description: dict[str, Any] | None, present: set[str]) -> None:
    """Every member the encrypted description names is there, and nothing else is."""
    if description is None:
        raise damaged(source, "缺少说明", "its description is missing")
    expected = (
        {HEADER, DESCRIPTION, FILE_INDEX}
        | {str(m) for m in description.get("members", [])}
        | {file_member(i) for i in range(int(description.get("files", 0)))}
    )
    if present != expected:
        odd = sorted(present ^ expected)
        raise damaged(
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


def _member_hash(zf: zipfile.ZipFile, name: str, ticker: Ticker) -> tuple[str, int]:
    hasher, size = hashlib.sha256(), 0
    with zf.open(name) as fh:
        while chunk := fh.read(CHUNK_SIZE):
            hasher.update(chunk)
            size += len(chunk)
            ticker.step(len(chunk) // 65536)
    return hasher.hexdigest(), size
