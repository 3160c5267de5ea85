"""Accounts: adding users, signing in with lock-out, disabling (never deleting)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.domain.roles import USER_MANAGERS, Role
from estate_desk.domain.secrecy import Grade
from estate_desk.services.passwords import hash_password, verify_password
from estate_desk.store.accounts import User

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    user_id: int
    username: str
    display_name: str
    role: Role
    clearance: Grade

    @staticmethod
    def of(user: User) -> Actor:
        return Actor(user.id, user.username, user.display_name, Role(user.role), Grade(user.clearance))


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: Role
    clearance: Grade
    disabled: bool
    locked: bool


def _check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputProblem(
            zh=f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
            en=f"The password needs at least {MIN_PASSWORD_LENGTH} characters.",
        )


def _check_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 80 or any(ch.isspace() for ch in name):
        raise InputProblem(
            zh=f"用户名无效：“{username}”（不能为空或包含空格）。",
            en=f"Invalid user name: '{username}' (empty or containing spaces).",
        )
    return name


def count_users(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(User)) or 0


def create_user(
    db: Database,
    clock: Clock,
    *,
    username: str,
    password: str,
    role: Role,
    clearance: Grade | None = None,
    display_name: str | None = None,
    actor: Actor,
) -> UserRow:
    """Add an account; only an administrator may."""
    if actor.role not in USER_MANAGERS:
        raise PermissionDenied(zh=f"{actor.role.zh}无权添加用户。", en=f"A {actor.role.en.lower()} may not add users.")
    with db.session() as s:
        return add_user(
            s, clock, username=username, password=password, role=role, clearance=clearance, display_name=display_name
        )


def add_user(
    s: Session,
    clock: Clock,
    *,
    username: str,
    password: str,
    role: Role,
    clearance: Grade | None = None,
    display_name: str | None = None,
) -> UserRow:
    """Add an account inside the caller's unit of work (set-up, create_user); checks no permission."""
    name = _check_username(username)
    _check_password_rules(password)
    if s.scalar(select(User).where(User.username == name)) is not None:
        raise InputProblem(zh=f"用户名已存在：{name}", en=f"The user name is taken: {name}")
    grade = clearance if clearance is not None else default_clearance(role)
    user = User(
        username=name,
        display_name=(display_name or "").strip() or name,
        role=role.value,
        clearance=int(grade),
        password_hash=hash_password(password),
        failed_attempts=0,
        disabled=False,
        created_at=clock.now(),
    )
    s.add(user)
    return UserRow(name, user.display_name, role, grade, False, False)


def default_clearance(role: Role) -> Grade:
    return {
        Role.RECEPTIONIST: Grade.INTERNAL,
        Role.STAFF: Grade.INTERNAL,
        Role.ARCHIVE_CLERK: Grade.TOP_SECRET,  # keeps the owner files (绝密, A12)
        Role.SUPERVISOR: Grade.CONFIDENTIAL,
        Role.MANAGEMENT_OFFICE: Grade.TOP_SECRET,
        Role.ADMINISTRATOR: Grade.TOP_SECRET,
    }[role]


_BAD_LOGIN = PermissionDenied(zh="用户名或密码错误。", en="Wrong user name or password.")


def authenticate(db: Database, clock: Clock, username: str, password: str) -> Actor:
    """Sign in. Five failures in a row lock the account for 15 minutes; disabled users never sign in."""
    now = clock.now()
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise _BAD_LOGIN
        if user.disabled:
            raise PermissionDenied(zh="该账户已停用。", en="This account is disabled.")
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise PermissionDenied(
                zh=f"密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试。",
                en=f"Too many wrong passwords; the account is locked for {minutes} more minute(s).",
            )
        if not verify_password(password, user.password_hash):
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = now + LOCKOUT
                user.failed_attempts = 0
            s.commit()
            raise _BAD_LOGIN
        user.failed_attempts = 0
        user.locked_until = None
        return Actor.of(user)


def list_users(db: Database, clock: Clock, actor: Actor) -> list[UserRow]:
    if actor.role not in USER_MANAGERS | {Role.MANAGEMENT_OFFICE, Role.SUPERVISOR}:
        raise PermissionDenied(zh="无权查看用户列表。", en="You may not list the users.")
    now = clock.now()
    with db.session() as s:
        return [
            UserRow(
                u.username,
                u.display_name,
                Role(u.role),
                Grade(u.clearance),
                u.disabled,
                u.locked_until is not None and u.locked_until > now,
            )
            for u in s.scalars(select(User).order_by(User.username))
        ]


def disable_user(db: Database, actor: Actor, username: str) -> None:
    """Users are disabled, never deleted: their name stays on every record they touched."""
    if actor.role not in USER_MANAGERS:
        raise PermissionDenied(zh="只有管理员可以停用用户。", en="Only an administrator may disable users.")
    if username == actor.username:
        raise PermissionDenied(zh="不能停用自己的账户。", en="You cannot disable your own account.")
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(zh=f"没有这个用户：{username}", en=f"No such user: {username}")
        user.disabled = True
