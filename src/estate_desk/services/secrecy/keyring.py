"""The archive's keys (密钥管理, A6): a master key unlocked at sign-in, never typed, never stored in the clear.

* Set-up makes a random 256-bit master key and a **recovery key** shown once for the management
  office to keep (:func:`create_archive_key`); the master key is kept wrapped by it.
* Every user gets a copy of the master key wrapped (AES-256-GCM) by a key derived from their own
  password with scrypt and a salt of its own (:func:`give_copy`); :func:`unlock` opens it at sign-in
  and the session holds a :class:`Keyring`. A user added by an administrator gets a copy from the
  administrator's session; a password change re-wraps that one copy and never touches a file.
* The recovery key opens the master key when every administrator has forgotten their password
  (:func:`recover_with`). A new recovery key can be issued from a session holding the master key.

A :class:`Keyring` is never printed, logged or pickled; it says only which key it holds.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from typing import TYPE_CHECKING, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, select

from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.store.keys import ArchiveKey, UserKey
from estate_desk.store.sealed import KEY_BYTES, SealingKey, fingerprint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.store.accounts import User

ARCHIVE_KEY_ID = 1
_N, _R, _P = 2**14, 8, 1  # as for password hashes: ~50 ms per sign-in on the office PCs
_NONCE = 12
_RECOVERY_BYTES = 32
_GROUP = 4


class Keyring:
    """The archive's master key, unlocked for one signed-in session (会话密钥)."""

    __slots__ = ("_key", "key_id")

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a master key is 32 bytes")
        self._key = key
        self.key_id = fingerprint(key).hex()

    def sealing_key(self) -> SealingKey:
        return SealingKey(self._key, bytes.fromhex(self.key_id))

    def wrap_for(self, kek: bytes, aad: bytes) -> str:
        return _wrap(self._key, kek, aad)

    def derive(self, salt: bytes, info: bytes) -> bytes:
        """A key for one purpose (``info``), derived from the master key with HKDF-SHA256 and ``salt``;
        the master key itself never leaves the keyring."""
        return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(self._key)

    def __repr__(self) -> str:
        return f"<Keyring {self.key_id[:8]}… unlocked>"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("a keyring is never pickled or copied out of the session")


# --------------------------------------------------------------------------- wrapping


def _wrap(secret: bytes, kek: bytes, aad: bytes) -> str:
    nonce = os.urandom(_NONCE)
    return base64.b64encode(nonce + AESGCM(kek).encrypt(nonce, secret, aad)).decode("ascii")


def _unwrap(wrapped: str, kek: bytes, aad: bytes) -> bytes | None:
    try:
        raw = base64.b64decode(wrapped, validate=True)
        return AESGCM(kek).decrypt(raw[:_NONCE], raw[_NONCE:], aad)
    except (InvalidTag, ValueError, binascii.Error):
        return None


def _user_aad(user_id: int, key_id: str) -> bytes:
    return f"estate-desk master key|user {user_id}|{key_id}".encode()


def _password_kek(password: str, kdf: str) -> bytes:
    name, n, r, p, salt = kdf.split("$")
    if name != "scrypt":
        raise ValueError(kdf)
    return hashlib.scrypt(
        password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=KEY_BYTES
    )


def _new_kdf() -> str:
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(secrets.token_bytes(16)).decode('ascii')}"


# --------------------------------------------------------------------------- recovery keys


def format_recovery_key(raw: bytes) -> str:
    """32 random bytes as 13 groups of 4 letters and digits (base32): easy to write down and type."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except binascii.Error:
        raw = b""
    if len(raw) != _RECOVERY_BYTES:
        raise InputProblem(
            zh="恢复密钥格式不对：应为 52 个字母和数字（可带短横线）。",
            en="That is not a recovery key: it has 52 letters and digits (dashes allowed).",
        )
    return raw


def _recovery_kek(raw: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"estate-desk recovery key").derive(raw)


def _recovery_aad(key_id: str) -> bytes:
    return f"estate-desk master key|recovery|{key_id}".encode()


# --------------------------------------------------------------------------- the archive's key


def archive_key(s: Session) -> ArchiveKey | None:
    return s.get(ArchiveKey, ARCHIVE_KEY_ID)


def create_archive_key(s: Session, clock: Clock, *, with_recovery: bool = True) -> tuple[Keyring, str | None]:
    """Make the archive's master key; returns its keyring and the recovery key (shown once, never stored)."""
    if archive_key(s) is not None:
        raise InputProblem(zh="档案库已有主密钥。", en="The archive already has a master key.")
    keyring = Keyring(AESGCM.generate_key(bit_length=256))
    row = ArchiveKey(id=ARCHIVE_KEY_ID, key_id=keyring.key_id, created_at=clock.now())
    s.add(row)
    recovery = issue_recovery(s, clock, keyring) if with_recovery else None
    s.flush()
    return keyring, recovery


def issue_recovery(s: Session, clock: Clock, keyring: Keyring) -> str:
    """A new recovery key for the master key; the previous one stops working. Returned once."""
    row = archive_key(s)
    if row is None:
        row = ArchiveKey(id=ARCHIVE_KEY_ID, key_id=keyring.key_id, created_at=clock.now())
        s.add(row)
    raw = secrets.token_bytes(_RECOVERY_BYTES)
    row.recovery_wrapped = keyring.wrap_for(_recovery_kek(raw), _recovery_aad(keyring.key_id))
    row.recovery_issued_at = clock.now()
    return format_recovery_key(raw)


def open_with_recovery(s: Session, recovery_key: str) -> Keyring:
    """The master key, opened with the recovery key; PermissionDenied when it is not the right one."""
    row = archive_key(s)
    keys = (
        open_recovery_copy(row.key_id, row.recovery_wrapped, recovery_key)
        if row is not None and row.recovery_wrapped
        else None
    )
    if keys is None:
        parse_recovery_key(recovery_key)  # a malformed key says so
        raise PermissionDenied(zh="恢复密钥不正确。", en="That recovery key is not this archive's.")
    return keys


def open_recovery_copy(key_id: str, wrapped: str, recovery_key: str) -> Keyring | None:
    """The master key from its recovery-wrapped copy (as stored, or as a backup carries it); None when
    the recovery key does not open it. A malformed recovery key raises :class:`InputProblem`."""
    raw = parse_recovery_key(recovery_key)
    master = _unwrap(wrapped, _recovery_kek(raw), _recovery_aad(key_id))
    if master is None:
        return None
    keys = Keyring(master)
    return keys if keys.key_id == key_id else None


def wrapped_copies(s: Session) -> tuple[ArchiveKey | None, list[tuple[UserKey, User]]]:
    """Every wrapped copy of the master key there is — the recovery copy and each enabled user's — for a
    backup to carry (wrapped forms only: each needs a password or the recovery key to open)."""
    from estate_desk.store.accounts import User

    users = s.execute(
        select(UserKey, User).join(User, User.id == UserKey.user_id).where(User.disabled.is_(False))
    ).all()
    return archive_key(s), [(k, u) for k, u in users]


# --------------------------------------------------------------------------- users' copies


def give_copy(s: Session, clock: Clock, keyring: Keyring, user: User, password: str) -> None:
    """Wrap the master key for ``user`` with a key derived from ``password`` (replacing any copy)."""
    s.flush()  # the user has an id
    kdf = _new_kdf()
    wrapped = keyring.wrap_for(_password_kek(password, kdf), _user_aad(user.id, keyring.key_id))
    row = s.get(UserKey, user.id)
    if row is None:
        s.add(UserKey(user_id=user.id, key_id=keyring.key_id, kdf=kdf, wrapped=wrapped, updated_at=clock.now()))
    else:
        row.key_id, row.kdf, row.wrapped, row.updated_at = keyring.key_id, kdf, wrapped, clock.now()


def unlock(s: Session, user: User, password: str) -> Keyring | None:
    """The master key from the user's copy (the password already checked); None when they have none."""
    row = s.get(UserKey, user.id)
    if row is None:
        return None
    return unlock_copy(user.id, row.key_id, row.kdf, row.wrapped, password)


def unlock_copy(user_id: int, key_id: str, kdf: str, wrapped: str, password: str) -> Keyring | None:
    """The master key from one user's password-wrapped copy (as stored, or as a backup carries it);
    None when the password does not open it."""
    try:
        kek = _password_kek(password, kdf)
    except (ValueError, TypeError, binascii.Error):
        return None
    master = _unwrap(wrapped, kek, _user_aad(user_id, key_id))
    if master is None:
        return None
    keyring = Keyring(master)
    return keyring if keyring.key_id == key_id else None


def drop_copy(s: Session, user_id: int) -> None:
    """A disabled user keeps no copy of the master key."""
    s.execute(delete(UserKey).where(UserKey.user_id == user_id))


def has_copy(s: Session, user_id: int) -> bool:
    return s.scalar(select(UserKey.user_id).where(UserKey.user_id == user_id)) is not None
