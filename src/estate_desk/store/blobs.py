"""The attachment store (附件库): files named by their SHA-256, in the data folder (A5).

A file is always *copied* in — never linked to, nor moved from, the user's original —
in chunks while it is hashed, into a temporary file inside the store folder that is
flushed, fsynced and then renamed to ``ab/cd/<sha256>`` in one step. So the store holds
either the whole file or nothing; the same content is kept once; a 2 GB video never sits
in memory. The copy reports progress and can be cancelled between chunks.

One function writes (:meth:`BlobStore.put`) and one reads (:meth:`BlobStore.open`). Given the
archive's :class:`~estate_desk.store.sealed.SealingKey`, both seal: the file is encrypted while it
is copied (AES-256-GCM in chunks, ``store/sealed.py``) and kept as ``ab/cd/<sha256>.enc``, named
by the SHA-256 of its plain content; reading it decrypts chunk by chunk. :meth:`BlobStore.reseal`
turns one form into the other when a record's grade is raised or lowered (A6); the plain content's
checksum is checked on the way, so a damaged file is never sealed or unsealed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk import paths
from estate_desk.domain.errors import InputProblem, NotFound, UserError
from estate_desk.store.sealed import SealingKey, SealWriter, open_sealed, plain_size, sealed_size

if TYPE_CHECKING:
    import io
    from collections.abc import Callable
    from datetime import datetime

CHUNK_SIZE = 1024 * 1024  # 1 MiB: the most of a file held in memory at once
SPACE_RESERVE = 32 * 1024 * 1024  # left free on the disk so the database can still write
INCOMING_PREFIX = ".incoming-"
INCOMING_SUFFIX = ".part"
SEALED_SUFFIX = ".enc"
_SHA256 = re.compile(r"[0-9a-f]{64}")


class CopyCancelled(UserError):
    """The user cancelled a copy; nothing was kept. The UI closes its progress dialog quietly."""


@dataclass(frozen=True)
class StoredBlob:
    """A file now in the store; ``created`` is False when the same content was already there."""

    sha256: str
    size: int
    created: bool


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


def _read_failed(source: Path, exc: OSError) -> InputProblem:
    return InputProblem(
        zh=f"读取“{source.name}”时出错（{exc.strerror or exc}）：文件可能已被移走、删除，或所在的设备已断开。未保存任何内容。",
        en=f"Reading '{source.name}' failed ({exc.strerror or exc}): the file may have been moved or deleted, "
        "or its drive disconnected. Nothing was kept.",
        where=str(source),
    )


def _write_failed(source: Path, root: Path, exc: OSError) -> UserError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return InputProblem(
            zh=f"复制“{source.name}”时磁盘已满，附件库（{root}）没有足够空间。未保存任何内容。",
            en=f"The disk filled up while copying '{source.name}'; the attachment store ({root}) has no room. "
            "Nothing was kept.",
            where=str(source),
        )
    return InputProblem(
        zh=f"无法把“{source.name}”写入附件库（{root}）：{exc.strerror or exc}。未保存任何内容。",
        en=f"Cannot write '{source.name}' into the attachment store ({root}): {exc.strerror or exc}. Nothing was kept.",
        where=str(source),
    )


def _changed(source: Path, what_zh: str, what_en: str) -> InputProblem:
    return InputProblem(
        zh=f"“{source.name}”在复制过程中{what_zh}，未保存任何内容。请确认文件完整后重试。",
        en=f"'{source.name}' {what_en} while it was being copied; nothing was kept. Check the file and try again.",
        where=str(source),
    )


def write_chunk(out: io.FileIO, chunk: memoryview) -> None:
    """Write all of ``chunk`` (a raw file may take it in parts)."""
    while chunk:
        written = out.write(chunk)
        if written is None:  # pragma: no cover - only non-blocking files do this
            continue
        chunk = chunk[written:]


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class BlobStore:
    """A content-addressed folder of files, laid out as ``ab/cd/<sha256>``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def default() -> BlobStore:
        """The store in the data folder (``ESTATE_DESK_HOME`` respected)."""
        return BlobStore(paths.data_dir() / "attachments")

    # ------------------------------------------------------------------ naming

    def path_of(self, sha256: str, *, sealed: bool = False) -> Path:
        """Where the file with this SHA-256 is (or would be) kept; ``sealed``: its encrypted form."""
        if not _SHA256.fullmatch(sha256):
            raise NotFound(zh=f"附件编号无效：{sha256}", en=f"Not an attachment checksum: {sha256}")
        return self.root / sha256[:2] / sha256[2:4] / (sha256 + (SEALED_SUFFIX if sealed else ""))

    def exists(self, sha256: str, *, sealed: bool = False) -> bool:
        return self.path_of(sha256, sealed=sealed).is_file()

    # ------------------------------------------------------------------ writing

    def put(
        self,
        source: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        seal: SealingKey | None = None,
    ) -> StoredBlob:
        """Copy ``source`` into the store; the one way in. ``cancel`` is asked before every chunk;
        with ``seal`` the copy is encrypted on the way (the plain content never reaches the store).

        Raises an :class:`InputProblem` naming the file when it cannot be read, changes or vanishes
        while being copied, or does not fit; :class:`CopyCancelled` when cancelled. In every such
        case the temporary file is removed and the store is as it was.
        """
        where = str(source)
        try:
            src = open(source, "rb", buffering=0)  # noqa: SIM115 - closed below, in every path
        except FileNotFoundError as exc:
            raise InputProblem(
                zh=f"找不到文件“{source.name}”。", en=f"File not found: '{source.name}'.", where=where
            ) from exc
        except IsADirectoryError as exc:
            raise InputProblem(
                zh=f"“{source.name}”是一个文件夹，不是文件。",
                en=f"'{source.name}' is a folder, not a file.",
                where=where,
            ) from exc
        except OSError as exc:
            raise _read_failed(source, exc) from exc
        with src:
            before = os.fstat(src.fileno())
            if not stat.S_ISREG(before.st_mode):
                raise InputProblem(
                    zh=f"“{source.name}”不是普通文件，无法作为附件。",
                    en=f"'{source.name}' is not a regular file and cannot be attached.",
                    where=where,
                )
            total = before.st_size
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _write_failed(source, self.root, exc) from exc
            self._check_space(source, sealed_size(total) if seal is not None else total)
            tmp = self._incoming(source)
            try:
                digest, done = self._write_temp(source, src, tmp, total, progress, cancel, seal)
                self._check_unchanged(source, src, before, done)
                return self._settle(source, tmp, digest, done, sealed=seal is not None)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise

    def _incoming(self, source: Path) -> Path:
        try:
            fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=INCOMING_PREFIX, suffix=INCOMING_SUFFIX)
        except OSError as exc:
            raise _write_failed(source, self.root, exc) from exc
        os.close(fd)
        return Path(tmp_name)

    def _write_temp(
        self,
        source: Path,
        src: io.RawIOBase | io.BufferedIOBase,
        tmp: Path,
        total: int,
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
        seal: SealingKey | None,
    ) -> tuple[str, int]:
        """Stream ``src`` into the temporary file (sealing it on the way when asked), flushed and fsynced."""
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            raise _write_failed(source, self.root, exc) from exc
        with os.fdopen(fd, "wb", buffering=0) as out:

            def write(data: bytes | memoryview) -> None:
                try:
                    write_chunk(out, memoryview(data))
                except OSError as exc:
                    raise _write_failed(source, self.root, exc) from exc

            sealer = SealWriter(write, seal) if seal is not None else None
            digest, done = self._copy(source, src, sealer.write if sealer else write, total, progress, cancel)
            if sealer is not None:
                sealer.finish()
            try:
                out.flush()
                os.fsync(out.fileno())
            except OSError as exc:
                raise _write_failed(source, self.root, exc) from exc
        return digest, done

    def _check_space(self, source: Path, total: int) -> None:
        free = shutil.disk_usage(self.root).free
        if free < total + SPACE_RESERVE:
            raise InputProblem(
                zh=f"磁盘空间不足：“{source.name}”有 {_mib(total)}，附件库（{self.root}）所在磁盘只剩 {_mib(free)}"
                f"（还需保留 {_mib(SPACE_RESERVE)}）。未复制任何内容。",
                en=f"Not enough disk space: '{source.name}' is {_mib(total)}, the disk of the attachment store "
                f"({self.root}) has {_mib(free)} free ({_mib(SPACE_RESERVE)} must stay free). Nothing was copied.",
                where=str(source),
            )

    def _copy(
        self,
        source: Path,
        src: io.RawIOBase | io.BufferedIOBase,
        write: Callable[[memoryview], None],
        total: int,
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> tuple[str, int]:
        """Stream ``src`` to ``write`` through one reused buffer while hashing; returns (sha256, bytes)."""
        hasher = hashlib.sha256()
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        done = 0
        if progress is not None:
            progress(0, total)
        while True:
            if cancel is not None and cancel():
                raise CopyCancelled(
                    zh=f"已取消复制“{source.name}”，未保存任何内容。",
                    en=f"Copying '{source.name}' was cancelled; nothing was kept.",
                    where=str(source),
                )
            try:
                n = src.readinto(view)
            except OSError as exc:
                raise _read_failed(source, exc) from exc
            if not n:
                break
            chunk = view[:n]
            hasher.update(chunk)
            write(chunk)
            done += n
            if progress is not None:
                progress(done, total)
        return hasher.hexdigest(), done

    @staticmethod
    def _check_unchanged(
        source: Path, src: io.RawIOBase | io.BufferedIOBase, before: os.stat_result, done: int
    ) -> None:
        """The copy is the file the user chose, whole: same size, not modified, still where it was."""
        after = os.fstat(src.fileno())
        if done != before.st_size or after.st_size != before.st_size or after.st_mtime_ns != before.st_mtime_ns:
            raise _changed(source, "被修改或截断", "was modified or truncated")
        try:
            now = os.stat(source)
        except OSError as exc:
            raise _changed(source, "被移走或删除", "was moved or deleted") from exc
        if (now.st_dev, now.st_ino) != (after.st_dev, after.st_ino):
            raise _changed(source, "被替换", "was replaced")

    def _settle(self, source: Path, tmp: Path, digest: str, size: int, *, sealed: bool = False) -> StoredBlob:
        """Give the temporary file its final name, or drop it when the content is already kept."""
        final = self.path_of(digest, sealed=sealed)
        if final.is_file():
            tmp.unlink(missing_ok=True)
            return StoredBlob(digest, size, created=False)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
        except OSError as exc:
            raise _write_failed(source, self.root, exc) from exc
        _fsync_folder(final.parent)
        return StoredBlob(digest, size, created=True)

    def remove(self, sha256: str, *, sealed: bool = False) -> None:
        """Forget a file no record refers to any more (e.g. the record could not be saved)."""
        self.path_of(sha256, sealed=sealed).unlink(missing_ok=True)

    def reseal(self, sha256: str, key: SealingKey, *, sealed: bool) -> StoredBlob:
        """Make the ``sealed`` (True) or plain (False) form of a stored file from its other form.

        Streams through one chunk at a time; the plain content must still have its checksum, or
        nothing is kept (:class:`InputProblem`). The other form stays until the caller removes it.
        """
        if self.exists(sha256, sealed=sealed):
            return StoredBlob(sha256, self._plain_size(sha256, sealed), created=False)
        source = self.path_of(sha256, sealed=not sealed)
        with self.open(sha256, seal=key if not sealed else None) as src:
            total = source.stat().st_size
            self._check_space(source, sealed_size(total) if sealed else total)
            tmp = self._incoming(source)
            try:
                digest, done = self._write_temp(source, src, tmp, total, None, None, key if sealed else None)
                if digest != sha256:
                    raise _changed(source, "内容与校验值不符", "no longer matches its checksum")
                return self._settle(source, tmp, digest, done, sealed=sealed)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise

    def _plain_size(self, sha256: str, sealed: bool) -> int:
        size = self.path_of(sha256, sealed=sealed).stat().st_size
        return plain_size(size) if sealed else size

    def sweep_incoming(self, older_than: datetime) -> int:
        """Remove temporary files a crash left behind, untouched since ``older_than``; returns how many."""
        if not self.root.is_dir():
            return 0
        limit = older_than.timestamp()
        removed = 0
        for tmp in self.root.glob(f"{INCOMING_PREFIX}*{INCOMING_SUFFIX}"):
            try:
                if tmp.stat().st_mtime < limit:
                    tmp.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def incoming(self) -> list[Path]:
        """Temporary files in the store right now (a copy in progress, or a crash's leftovers)."""
        if not self.root.is_dir():
            return []
        return sorted(self.root.glob(f"{INCOMING_PREFIX}*{INCOMING_SUFFIX}"))

    # ------------------------------------------------------------------ reading

    def open(self, sha256: str, *, seal: SealingKey | None = None) -> io.BufferedReader:
        """The stored content for reading; the one way out. With ``seal``: the sealed form, decrypted
        chunk by chunk as it is read (a damaged chunk raises :class:`~estate_desk.store.sealed.SealBroken`)."""
        path = self.path_of(sha256, sealed=seal is not None)
        try:
            if seal is not None:
                return open_sealed(path, seal)
            return open(path, "rb")  # the caller closes it
        except FileNotFoundError as exc:
            raise NotFound(
                zh="附件库中缺少该文件（可能被手工删除），请从备份恢复。",
                en="The file is missing from the attachment store (deleted by hand?); restore it from a backup.",
                where=str(path),
            ) from exc

    def verify(self, sha256: str, *, seal: SealingKey | None = None) -> bool:
        """Re-hash the stored file (decrypted, with ``seal``): True when it is there, intact and still
        has the checksum it is named by."""
        hasher = hashlib.sha256()
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        try:
            with self.open(sha256, seal=seal) as fh:
                while n := fh.readinto(view):
                    hasher.update(view[:n])
        except (UserError, OSError):
            return False
        return hasher.hexdigest() == sha256
