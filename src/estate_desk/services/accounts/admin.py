"""Looking after accounts: passwords, clearances, recovery — and who may not do what to themselves.

* :func:`change_password` — a user changes their own password; their copy of the master key is
  re-wrapped with the new one (no attachment is re-encrypted).
* :func:`reset_password` — an administrator sets a new password for someone who forgot theirs; the
  administrator's session gives them a fresh copy of the master key.
* :func:`enable_user` — an administrator lets a disabled user sign in again, with a new password: the
  old copy of the master key was destroyed when the user was disabled, so a fresh one comes with it.
* :func:`set_clearance` — an administrator changes a user's clearance (密级权限); nobody changes
  their own, up or down.
* :func:`recover_with` — the recovery key the management office keeps resets one account's password
  and gives it the master key again, when no administrator can sign in.
* :func:`issue_recovery_key` — a new recovery key from a session that holds the master key.

Each is audited; each refusal is explained in both languages and audited too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.domain.roles import USER_MANAGERS, Role
from estate_desk.services import audit
from estate_desk.services.accounts.passwords import hash_password, verify_password
from estate_desk.services.accounts.users import check_password_rules
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import keyring
from estate_desk.store.accounts import User

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

RECOVERY_ISSUERS = frozenset({Role.ADMINISTRATOR, Role.MANAGEMENT_OFFICE})


def _user(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound(zh=f"没有这个用户：{username}", en=f"No such user: {username}")
    return user


def change_password(db: Database, clock: Clock, actor: Actor, old_password: str, new_password: str) -> None:
    """The signed-in user changes their own password; their copy of the master key follows it."""
    check_password_rules(new_password)
    with db.session() as s:
        user = _user(s, actor.username)
        if not verify_password(old_password, user.password_hash):
            raise audit.refused(
                s,
                actor,
                PermissionDenied(zh="原密码不正确。", en="The current password is wrong."),
                Target("user", user.id, user.username),
            )
        keys = actor.keyring or keyring.unlock(s, user, old_password)
        user.password_hash = hash_password(new_password)
        if keys is not None:
            keyring.give_copy(s, clock, keys, user, new_password)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("user", user.id, user.username),
            detail={"password": "changed"},
            clock=clock,
        )


def _require_manager(db: Database, actor: Actor, zh: str, en: str, target: Target) -> None:
    if actor.role not in USER_MANAGERS:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(zh=f"{actor.role.zh}无权{zh}。", en=f"A {actor.role.en.lower()} may not {en}."),
            target,
        )


def reset_password(db: Database, clock: Clock, actor: Actor, username: str, new_password: str) -> None:
    """An administrator gives a user a new password (and, from the administrator's session, the key)."""
    target = Target("user", None, username)
    _require_manager(db, actor, "重设他人密码", "reset passwords", target)
    if username.strip() == actor.username:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh="请用“修改密码”更改自己的密码。", en="Change your own password with “Change password”."
            ),
            target,
        )
    check_password_rules(new_password)
    with db.session() as s:
        user = _user(s, username)
        user.password_hash = hash_password(new_password)
        user.failed_attempts, user.locked_until = 0, None
        if actor.keyring is not None:
            keyring.give_copy(s, clock, actor.keyring, user, new_password)
        else:
            keyring.drop_copy(s, user.id)  # the old copy would open with the old password only
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("user", user.id, user.username),
            detail={"password": "reset"},
            clock=clock,
        )


def enable_user(db: Database, clock: Clock, actor: Actor, username: str, new_password: str) -> None:
    """An administrator enables a disabled account again, with a new password (and, from the
    administrator's session, a new copy of the master key: disabling destroyed the old one)."""
    target = Target("user", None, username)
    _require_manager(db, actor, "启用用户", "enable users", target)
    check_password_rules(new_password)
    with db.session() as s:
        user = _user(s, username)
        if not user.disabled:
            raise InputProblem(zh=f"用户 {user.username} 没有停用。", en=f"User {user.username} is not disabled.")
        user.disabled = False
        user.password_hash = hash_password(new_password)
        user.failed_attempts, user.locked_until = 0, None
        if actor.keyring is not None:
            keyring.give_copy(s, clock, actor.keyring, user, new_password)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("user", user.id, user.username),
            detail={"disabled": False, "password": "reset"},
            clock=clock,
        )


def set_clearance(db: Database, clock: Clock, actor: Actor, username: str, clearance: Grade) -> None:
    """An administrator sets a user's clearance. Nobody changes their own (A6): refused and audited."""
    target = Target("user", None, username, granted=int(clearance))
    _require_manager(db, actor, "修改密级权限", "change clearances", target)
    if username.strip() == actor.username:
        lower = clearance < actor.clearance
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh=f"不能{'降低' if lower else '更改'}自己的密级权限，请由另一位管理员办理。",
                en=f"You cannot {'lower' if lower else 'change'} your own clearance; another administrator must.",
                rule="A6",
            ),
            target,
        )
    with db.session() as s:
        user = _user(s, username)
        before = user.clearance
        user.clearance = int(clearance)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("user", user.id, user.username, granted=int(clearance)),
            detail={"clearance_before": before, "clearance_after": int(clearance)},
            clock=clock,
        )


def issue_recovery_key(db: Database, clock: Clock, actor: Actor) -> str:
    """A new recovery key for the management office (the old one stops working). Shown once."""
    target = Target("key", None, "恢复密钥")
    if actor.role not in RECOVERY_ISSUERS:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh="只有管理处或管理员可以签发恢复密钥。",
                en="Only the management office or an administrator issues recovery keys.",
            ),
            target,
        )
    if actor.keyring is None:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh="本次登录没有打开档案库主密钥，无法签发恢复密钥。",
                en="This session holds no master key, so it cannot issue a recovery key.",
            ),
            target,
        )
    with db.session() as s:
        recovery = keyring.issue_recovery(s, clock, actor.keyring)
        audit.record(s, actor, AuditAction.KEY, target, detail={"recovery": "issued"}, clock=clock)
    return recovery


def recover_with(db: Database, clock: Clock, recovery_key: str, username: str, new_password: str) -> None:
    """Use the recovery key: ``username`` gets ``new_password`` and a fresh copy of the master key."""
    check_password_rules(new_password)
    target = Target("user", None, username)
    with db.session() as s:
        try:
            keys = keyring.open_with_recovery(s, recovery_key)
        except PermissionDenied as exc:
            raise audit.refused(s, None, exc, target) from None
        user = _user(s, username)
        if user.disabled:
            raise audit.refused(
                s,
                None,
                PermissionDenied(zh="该账户已停用。", en="This account is disabled."),
                Target("user", user.id, username),
            )
        user.password_hash = hash_password(new_password)
        user.failed_attempts, user.locked_until = 0, None
        keyring.give_copy(s, clock, keys, user, new_password)
        audit.record(
            s,
            None,
            AuditAction.KEY,
            Target("user", user.id, user.username),
            reason="用恢复密钥重设密码",
            username=user.username,
            clock=clock,
        )
