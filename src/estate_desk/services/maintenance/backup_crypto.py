"""Backups encrypted at rest (备份加密, A6): nobody reads a backup without the archive's key.

As Borg and Vorta do by default, a backup is encrypted with authenticated encryption under a key
derived from the archive's master key — never with the master key itself, never with a passphrase
typed for the occasion:

* each backup file draws a random 32-byte salt; ``HKDF-SHA256(master key, salt, "estate-desk backup
  v2")`` gives the file's key (:class:`BackupKey`);
* each member of the zip gets its own AES-256-GCM key, ``HKDF-SHA256(file key, info = "member|" +
  its name)``, so the nonces of two members never meet;
* a member is a sequence of chunks of :data:`CHUNK` bytes of plaintext, each with its 16-byte tag.
  The nonce is the chunk's index and a final-chunk flag, the associated data the member's name: a
  chunk moved, dropped, swapped with another member's or cut off at a chunk boundary fails its tag;
* table rows are deflated before they are encrypted (ciphertext does not compress).

The file carries, in clear, only what opens the master key — the archive's copies of it wrapped by
each user's password (scrypt parameters and salt beside them) and by the recovery key — and the salt
(:func:`key_material`). Restoring therefore needs a sign-in that worked at the source archive, or its
recovery key (:func:`unlock`).
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.services.secrecy import keyring as keyring_service

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sqlalchemy.orm import Session

    from estate_desk.services.secrecy.keyring import Keyring

INFO = b"estate-desk backup v2"
CIPHER = "AES-256-GCM"
CHUNK = 1024 * 1024  # plaintext bytes per chunk
TAG = 16
SALT_BYTES = 32
_MEMBER_AAD = b"estate-desk backup v2|"
_INFLATE_STEP = 256 * 1024


class Undecryptable(Exception):
    """A chunk failed its tag, or the member ends without its final chunk."""


@dataclass(frozen=True)
class Credentials:
    """What opens a backup's key: a user name and password of the source archive, or its recovery key."""

    username: str | None = None
    password: str | None = field(default=None, repr=False)
    recovery_key: str | None = field(default=None, repr=False)


class BackupKey:
    """One backup file's key (derived from the master key and the file's salt); never printed."""

    __slots__ = ("_key",)

    def __init__(self, keys: Keyring, salt: bytes) -> None:
        self._key = keys.derive(salt, INFO)

    def member(self, name: str) -> AESGCM:
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"member|" + name.encode()).derive(
            self._key
        )
        return AESGCM(derived)

    def __repr__(self) -> str:
        return "<BackupKey>"

    def __reduce__(self) -> Any:
        raise TypeError("a backup key is never pickled")


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def _aad(name: str) -> bytes:
    return _MEMBER_AAD + name.encode()


# --------------------------------------------------------------------------- writing


class SealedWriter:
    """Encrypts what is written to one zip member, chunk by chunk (deflating it first when asked)."""

    def __init__(self, out: Any, key: BackupKey, name: str, *, compress: bool) -> None:
        self._out, self._cipher, self._aad = out, key.member(name), _aad(name)
        self._deflate = zlib.compressobj(6) if compress else None
        self._buffer = bytearray()
        self._index = 0

    def write(self, data: bytes | memoryview) -> None:
        self._buffer += self._deflate.compress(data) if self._deflate is not None else data
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]

    def close(self) -> None:
        """Write what is left as the final chunk (empty if need be: every member ends with one)."""
        if self._deflate is not None:
            self._buffer += self._deflate.flush()
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]
        self._emit(bytes(self._buffer), final=True)
        self._buffer = bytearray()

    def _emit(self, plain: bytes, *, final: bool) -> None:
        self._out.write(self._cipher.encrypt(_nonce(self._index, final), plain, self._aad))
        self._index += 1


# --------------------------------------------------------------------------- reading


def _read_exact(src: IO[bytes], size: int) -> bytes:
    parts, left = [], size
    while left > 0:
        piece = src.read(left)
        if not piece:
            break
        parts.append(piece)
        left -= len(piece)
    return b"".join(parts)


def plain_chunks(
    src: IO[bytes],
    key: BackupKey,
    name: str,
    *,
    compressed: bool,
    on_stored: Callable[[bytes], None] | None = None,
) -> Iterator[bytes]:
    """The plaintext of one member, a piece at a time; :class:`Undecryptable` when any chunk fails its
    tag or the member ends before its final chunk. ``on_stored`` sees every stored byte (to hash it)."""
    cipher, aad = key.member(name), _aad(name)
    inflate = zlib.decompressobj() if compressed else None
    piece = _read_exact(src, CHUNK + TAG)
    index = 0
    while True:
        if len(piece) < TAG:
            raise Undecryptable(name)
        if on_stored is not None:
            on_stored(piece)
        following = _read_exact(src, CHUNK + TAG)
        final = not following
        try:
            plain = cipher.decrypt(_nonce(index, final), piece, aad)
        except InvalidTag as exc:
            raise Undecryptable(name) from exc
        if inflate is None:
            yield plain
        else:
            data = plain
            while data:
                out = inflate.decompress(data, _INFLATE_STEP)
                data = inflate.unconsumed_tail
                if out:
                    yield out
        if final:
            break
        piece, index = following, index + 1
    if inflate is not None:
        if not inflate.eof:
            raise Undecryptable(name)
        rest = inflate.flush()
        if rest:
            yield rest


class PlainReader(io.RawIOBase):
    """A member's plaintext as a readable stream (``readinto``), for line iteration and file copies."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks, self._left = chunks, memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._left:
            nxt = next(self._chunks, None)
            if nxt is None:
                return 0
            self._left = memoryview(nxt)
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n


def open_plain(src: IO[bytes], key: BackupKey, name: str, *, compressed: bool) -> io.BufferedReader:
    return io.BufferedReader(PlainReader(plain_chunks(src, key, name, compressed=compressed)), 256 * 1024)


# --------------------------------------------------------------------------- the key material in clear


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def key_material(s: Session) -> dict[str, Any]:
    """What the backup's clear header carries to open the master key: wrapped copies only."""
    archive, copies = keyring_service.wrapped_copies(s)
    return {
        "accounts": [
            {"user_id": u.id, "username": u.username, "key_id": k.key_id, "kdf": k.kdf, "wrapped": k.wrapped}
            for k, u in copies
        ],
        "recovery": (
            {"key_id": archive.key_id, "wrapped": archive.recovery_wrapped}
            if archive is not None and archive.recovery_wrapped
            else None
        ),
    }


def unlock(header: dict[str, Any], credentials: Credentials, where: str) -> Keyring:
    """The source archive's master key, opened from the header's wrapped copies with ``credentials``.

    A wrong user name, password or recovery key is refused with :class:`PermissionDenied`; the caller
    has touched nothing yet."""
    key_id = header.get("key_id")
    if credentials.recovery_key is not None:
        recovery = header.get("recovery")
        if not recovery:
            raise PermissionDenied(
                zh="该备份中没有恢复密钥的副本（制作备份时档案库尚未发放恢复密钥），请用来源档案库的用户名和密码恢复。"
                "未恢复任何内容。",
                en="This backup holds no recovery-key copy (the archive had issued no recovery key when it was made); "
                "restore it with a user name and password of the source archive. Nothing was restored.",
                where=where,
            )
        keys = keyring_service.open_recovery_copy(
            str(recovery["key_id"]), str(recovery["wrapped"]), credentials.recovery_key
        )
        if keys is None or keys.key_id != key_id:
            raise PermissionDenied(
                zh="恢复密钥不正确：它不是制作该备份的档案库的恢复密钥。未恢复任何内容。",
                en="Wrong recovery key: it is not the recovery key of the archive that made this backup. "
                "Nothing was restored.",
                where=where,
            )
        return keys
    username = (credentials.username or "").strip()
    if not username or credentials.password is None:
        raise InputProblem(
            zh="该备份已加密：请提供来源档案库的用户名和密码，或恢复密钥。未恢复任何内容。",
            en="This backup is encrypted: give a user name and password of the source archive, or its recovery key. "
            "Nothing was restored.",
            where=where,
        )
    for account in header.get("accounts", []):
        if account.get("username") == username:
            keys = keyring_service.unlock_copy(
                int(account["user_id"]),
                str(account["key_id"]),
                str(account["kdf"]),
                str(account["wrapped"]),
                credentials.password,
            )
            if keys is not None and keys.key_id == key_id:
                return keys
            break
    raise PermissionDenied(
        zh=f"用户名或密码不正确：“{username}”不是制作该备份的档案库的账户，或密码不对。未恢复任何内容。",
        en=f"Wrong user name or password: '{username}' is not an account of the archive that made this backup, or "
        "the password is not theirs. Nothing was restored.",
        where=where,
    )
