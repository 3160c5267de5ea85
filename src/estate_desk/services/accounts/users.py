"""Accounts: adding users, signing in with lock-out, disabling (never deleting).

Signing in also unlocks the user's copy of the archive's master key (``services/secrecy/keyring.py``): the
:class:`Actor` carries it for the session, with the session's clock, and shows neither in its repr.
Every sign-in, failed sign-in and change to an account is written to the audit trail; a refusal too.
Changing a password, setting a clearance and resetting a password live in ``services/accounts/admin.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.domain.roles import USER_MANAGERS, USER_READERS, Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts.passwords import hash_password, verify_password
from estate_desk.services.actor import Actor
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import keyring
from estate_desk.store.accounts import User

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.secrecy.keyring import Keyring
    from estate_desk.store.database import Database

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: Role
    clearance: Grade
    disabled: bool
    locked: bool


def check_password_rules(password: str) -> None:
    """Refuse a password that breaks the rules for every account (set-up, adding, changing, resetting)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputProblem(
            zh=f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
            en=f"The password needs at least {MIN_PASSWORD_LENGTH} characters.",
        )


def check_username(username: str) -> str:
    """The user name as it is stored (trimmed); refused when empty, too long or containing spaces."""
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
    """Add an account; only an administrator may. The new user gets a copy of the master key from
    the administrator's session."""
    if actor.role not in USER_MANAGERS:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(zh=f"{actor.role.zh}无权添加用户。", en=f"A {actor.role.en.lower()} may not add users."),
            Target("user", None, username),
        )
    with db.session() as s:
        row = add_user(
            s,
            clock,
            username=username,
            password=password,
            role=role,
            clearance=clearance,
            display_name=display_name,
            keys=actor.keyring,
        )
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("user", None, row.username),
            detail={"added": row.username, "role": row.role.value, "clearance": int(row.clearance)},
            clock=clock,
        )
        return row


def add_user(
    s: Session,
    clock: Clock,
    *,
    username: str,
    password: str,
    role: Role,
    clearance: Grade | None = None,
    display_name: str | None = None,
    keys: Keyring | None = None,
) -> UserRow:
    """Add an account inside the caller's unit of work (set-up, create_user); checks no permission.

    With ``keys`` (the master key of the session adding the user) the new user gets a wrapped copy.
    """
    name = check_username(username)
    check_password_rules(password)
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
    if keys is not None:
        keyring.give_copy(s, clock, keys, user, password)
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


def _failed(
    s: Session, clock: Clock, user: User | None, username: str, error: PermissionDenied, why: str
) -> PermissionDenied:
    """Record a refused sign-in in the same unit of work as the failure count; hand the error back."""
    actor = Actor.of(user) if user is not None else None
    audit.record(
        s,
        actor,
        AuditAction.SIGN_IN_FAILED,
        Target("user", user.id if user is not None else None, username.strip()[:80]),
        reason=why,
        username=username.strip()[:80],
        clock=clock,
    )
    s.commit()
    return error


def authenticate(db: Database, clock: Clock, username: str, password: str) -> Actor:
    """Sign in. Five failures in a row lock the account for 15 minutes; disabled users never sign in.

    The returned actor holds the archive's master key, unlocked with the password. An archive that
    has no master key yet (one upgraded from before encryption) gets one at an administrator's
    sign-in; its recovery key is then issued with ``estate-desk keys recovery``.
    """
    from estate_desk.services.secrecy import grades

    now = clock.now()
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise _failed(s, clock, None, username, _BAD_LOGIN, "没有这个用户名")
        if user.disabled:
            raise _failed(
                s,
                clock,
                user,
                username,
                PermissionDenied(zh="该账户已停用。", en="This account is disabled."),
                "账户已停用",
            )
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            locked = PermissionDenied(
                zh=f"密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试。",
                en=f"Too many wrong passwords; the account is locked for {minutes} more minute(s).",
            )
            raise _failed(s, clock, user, username, locked, "账户已锁定")
        if not verify_password(password, user.password_hash):
            user.failed_attempts += 1
            why = "密码错误"
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = now + LOCKOUT
                user.failed_attempts = 0
                why = "密码错误，账户锁定 15 分钟"
            raise _failed(s, clock, user, username, _BAD_LOGIN, why)
        user.failed_attempts = 0
        user.locked_until = None
        keys = keyring.unlock(s, user, password)
        if keys is None and user.role == Role.ADMINISTRATOR and keyring.archive_key(s) is None:
            keys, _ = keyring.create_archive_key(s, clock, with_recovery=False)
            keyring.give_copy(s, clock, keys, user, password)
            audit.record(s, Actor.of(user), AuditAction.KEY, Target("key", None, "建立档案库主密钥"), clock=clock)
        actor = Actor.of(user, keys, clock)
        audit.record(
            s,
            actor,
            AuditAction.SIGN_IN,
            Target("user", user.id, user.username),
            detail=None if keys is not None else {"keys": "none"},
            clock=clock,
        )
    grades.apply_office_names(db)
    return actor


def list_users(db: Database, clock: Clock, actor: Actor) -> list[UserRow]:
    if actor.role not in USER_READERS:
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
    """Users are disabled, never deleted: their name stays on every record they touched.

    A disabled user's copy of the master key is destroyed, so their old password opens nothing.
    """
    target = Target("user", None, username)
    if actor.role not in USER_MANAGERS:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(zh="只有管理员可以停用用户。", en="Only an administrator may disable users."),
            target,
        )
    if username == actor.username:
        raise audit.refused(
            db, actor, PermissionDenied(zh="不能停用自己的账户。", en="You cannot disable your own account."), target
        )
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(zh=f"没有这个用户：{username}", en=f"No such user: {username}")
        user.disabled = True
        keyring.drop_copy(s, user.id)
        audit.record(s, actor, AuditAction.CHANGE, Target("user", user.id, username), detail={"disabled": True})
