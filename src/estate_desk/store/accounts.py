"""Accounts: the office, its users and settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.base import Base, UTCDateTime


class Office(Base):
    """The estate's service centre (物业服务中心): one row per archive."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    fonds_code: Mapped[str] = mapped_column(String(40))  # 全宗号
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class User(Base):
    """A staff member who signs in. Disabled, never deleted."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(40))
    clearance: Mapped[int] = mapped_column(Integer, default=1)  # a secrecy grade level
    password_hash: Mapped[str] = mapped_column(String(400))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Setting(Base):
    """Office-wide settings as key/value text (JSON where structured)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
