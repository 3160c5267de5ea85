"""Sealed files (加密附件): AES-256-GCM in chunks, so a 2 GB scan is encrypted and read in bounded memory.

Layout of a sealed file::

    header   MAGIC (8) | key id (16) | wrap nonce (12) | file key wrapped by the master key (48) | chunk size (4)
    chunk 0  AES-GCM(file key, nonce = 0 as 11 bytes + 0x00, data, associated data = header)
    chunk 1  …
    last     AES-GCM(file key, nonce = n as 11 bytes + 0x01, the rest (maybe nothing), associated data = header)

Every file has its own random 256-bit key, wrapped by the archive's master key; the master key is
named by its fingerprint (``key id``) so a file sealed under another archive's key is recognised.
Every full chunk holds exactly ``chunk size`` bytes and is never the last; the last chunk is shorter
(possibly empty) and says so in its nonce. So a chunk moved, swapped or changed fails its
authentication; a file cut short — mid-chunk or at a chunk boundary — lacks its last chunk; data
added after the last chunk is refused; a changed header fails every chunk. Any such damage raises
:class:`SealBroken` before the damaged chunk's bytes are returned.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from estate_desk.domain.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable

    from _typeshed import ReadableBuffer, WriteableBuffer

MAGIC = b"EDSEAL01"
KEY_ID_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
CHUNK = 1024 * 1024
_WRAPPED_BYTES = KEY_BYTES + TAG_BYTES
HEADER_BYTES = len(MAGIC) + KEY_ID_BYTES + NONCE_BYTES + _WRAPPED_BYTES + 4
_WRAP_AAD = b"estate-desk file key|" + MAGIC


class SealBroken(UserError):
    """A sealed file failed its authentication: damaged or tampered with. Nothing of it is shown."""


def _broken(detail_zh: str, detail_en: str, where: str | None = None) -> SealBroken:
    return SealBroken(
        zh=f"加密附件校验失败（{detail_zh}）：文件已损坏或被篡改，未显示任何内容。请从备份恢复。",
        en=f"The encrypted attachment failed its check ({detail_en}): the file is damaged or has been tampered with; "
        "nothing was shown. Restore it from a backup.",
        where=where,
    )


@dataclass(frozen=True)
class SealingKey:
    """The archive's master key as the store needs it; its bytes never appear in a repr or a log."""

    key: bytes = field(repr=False)
    key_id: bytes  # KEY_ID_BYTES: the fingerprint written into every sealed file

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.key_id) != KEY_ID_BYTES:
            raise ValueError("a sealing key is 32 bytes with a 16-byte fingerprint")


def fingerprint(master_key: bytes) -> bytes:
    """The master key's public name: an HMAC of a fixed text, which says nothing about the key."""
    return hmac.new(master_key, b"estate-desk key id", hashlib.sha256).digest()[:KEY_ID_BYTES]


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(NONCE_BYTES - 1, "big") + (b"\x01" if last else b"\x00")


class SealWriter:
    """Encrypts what is written to it into ``out``, chunk by chunk; :meth:`finish` writes the last chunk."""

    def __init__(self, write: Callable[[bytes], object], key: SealingKey, chunk_size: int = CHUNK) -> None:
        file_key = AESGCM.generate_key(bit_length=256)
        wrap_nonce = os.urandom(NONCE_BYTES)
        wrapped = AESGCM(key.key).encrypt(wrap_nonce, file_key, _WRAP_AAD + key.key_id)
        self.header = MAGIC + key.key_id + wrap_nonce + wrapped + chunk_size.to_bytes(4, "big")
        self._aead = AESGCM(file_key)
        self._write = write
        self._size = chunk_size
        self._buffer = bytearray()
        self._index = 0
        self._finished = False
        write(self.header)

    def write(self, data: ReadableBuffer) -> None:
        view = memoryview(data)
        while view:
            room = self._size - len(self._buffer)
            self._buffer += view[:room]
            view = view[room:]
            if len(self._buffer) == self._size:
                self._emit(last=False)

    def _emit(self, *, last: bool) -> None:
        self._write(self._aead.encrypt(_nonce(self._index, last), bytes(self._buffer), self.header))
        self._buffer.clear()
        self._index += 1

    def finish(self) -> None:
        if not self._finished:
            self._emit(last=True)
            self._finished = True


def read_header(
    raw: io.RawIOBase | io.BufferedIOBase, key: SealingKey, where: str | None = None
) -> tuple[bytes, AESGCM, int]:
    """Check a sealed file's header against the master key; returns (header, file cipher, chunk size)."""
    header = raw.read(HEADER_BYTES) or b""
    if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
        raise _broken("文件头无效", "not a sealed file", where)
    at = len(MAGIC)
    key_id = header[at : at + KEY_ID_BYTES]
    at += KEY_ID_BYTES
    wrap_nonce = header[at : at + NONCE_BYTES]
    at += NONCE_BYTES
    wrapped = header[at : at + _WRAPPED_BYTES]
    chunk_size = int.from_bytes(header[at + _WRAPPED_BYTES :], "big")
    if not hmac.compare_digest(key_id, key.key_id):
        raise SealBroken(
            zh="该附件是用另一个档案库的密钥加密的，无法打开。",
            en="This attachment was encrypted with another archive's key and cannot be opened.",
            where=where,
        )
    try:
        file_key = AESGCM(key.key).decrypt(wrap_nonce, wrapped, _WRAP_AAD + key_id)
    except InvalidTag as exc:
        raise _broken("文件密钥", "file key", where) from exc
    if not 1 <= chunk_size <= 64 * CHUNK:
        raise _broken("分块大小", "chunk size", where)
    return header, AESGCM(file_key), chunk_size


class SealedReader(io.RawIOBase):
    """Reads a sealed file back in the clear, one authenticated chunk at a time."""

    def __init__(self, raw: io.BufferedReader, key: SealingKey, where: str | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._where = where
        self._header, self._aead, self._size = read_header(raw, key, where)
        self._index = 0
        self._plain = b""
        self._offset = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        block = self._raw.read(self._size + TAG_BYTES) or b""
        last = len(block) < self._size + TAG_BYTES
        if not block:
            raise _broken("文件被截短", "the file was cut short", self._where)
        try:
            self._plain = self._aead.decrypt(_nonce(self._index, last), block, self._header)
        except InvalidTag as exc:
            raise _broken(f"第 {self._index + 1} 块", f"chunk {self._index + 1}", self._where) from exc
        self._offset = 0
        self._index += 1
        if last:
            if self._raw.read(1):
                raise _broken("末块之后有多余数据", "data after the last chunk", self._where)
            self._done = True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        while self._offset >= len(self._plain):
            if self._done:
                return 0
            self._next_chunk()
        n = min(len(view), len(self._plain) - self._offset)
        view[:n] = self._plain[self._offset : self._offset + n]
        self._offset += n
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            self._plain = b""
            super().close()


def open_sealed(path: os.PathLike[str] | str, key: SealingKey) -> io.BufferedReader:
    """The plain content of a sealed file, as a buffered reader (checked chunk by chunk)."""
    raw = open(path, "rb")  # noqa: SIM115 - the reader owns and closes it
    try:
        return io.BufferedReader(SealedReader(raw, key, str(path)), buffer_size=CHUNK)
    except BaseException:
        raw.close()
        raise


def sealed_size(plain_size: int, chunk_size: int = CHUNK) -> int:
    """How many bytes a sealed file of ``plain_size`` plain bytes takes."""
    chunks = plain_size // chunk_size + 1
    return HEADER_BYTES + plain_size + chunks * TAG_BYTES


def plain_size(size: int, chunk_size: int = CHUNK) -> int:
    """How many plain bytes a sealed file of ``size`` bytes holds (the inverse of :func:`sealed_size`)."""
    body = size - HEADER_BYTES
    return body - (body // (chunk_size + TAG_BYTES) + 1) * TAG_BYTES
