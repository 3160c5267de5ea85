"""The archive's keys (密钥), as stored: never a key in the clear, only wrapped copies (A6).

* :class:`ArchiveKey` — one row: the master key's fingerprint and the copy wrapped by the recovery
  key the management office keeps (shown once at set-up).
* :class:`UserKey` — per user: the master key wrapped by a key derived from that user's password
  (scrypt, its own salt), so signing in unlocks it and nobody types a shared passphrase.

Every attachment file of a classified record carries its own random key, wrapped by the master key,
in its header (``store/sealed.py``). Changing a password re-wraps one copy here; no file is touched.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class ArchiveKey(Base):
    """The archive's master key (档案库主密钥): its fingerprint and the recovery copy. One row (id 1)."""

    __tablename__ = "archive_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    key_id: Mapped[str] = mapped_column(String(32))  # hex fingerprint; sealed files name the key they need
    recovery_wrapped: Mapped[str | None] = mapped_column(Text, nullable=True)  # base64 nonce + ciphertext
    recovery_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UserKey(Base):
    """One user's copy of the master key, wrapped by a key derived from their password."""

    __tablename__ = "user_keys"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, autoincrement=False)
    key_id: Mapped[str] = mapped_column(String(32))
    kdf: Mapped[str] = mapped_column(String(60))  # "scrypt$n$r$p$salt(base64)"
    wrapped: Mapped[str] = mapped_column(Text)  # base64 nonce + ciphertext
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
