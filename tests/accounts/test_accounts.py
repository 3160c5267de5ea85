"""Accounts: scrypt hashes, sign-in with lock-out (fake clock), roles, disabled users (foundation)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from database_support import ADMIN_PASSWORD
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.roles import Role, parse_role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.accounts.passwords import hash_password, verify_password

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def test_hashes_are_salted_scrypt_and_verify() -> None:
    a, b = hash_password("correct horse"), hash_password("correct horse")
    assert a.startswith("scrypt$") and a != b
    assert verify_password("correct horse", a)
    assert not verify_password("correct hors", a)
    assert not verify_password("x", "garbage")


def test_admin_adds_a_receptionist_who_signs_in(ready_db: Database, clock: FakeClock) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    row = accounts.create_user(
        ready_db,
        clock,
        username="wangfang",
        password="desk-pass-1",
        role=Role.RECEPTIONIST,
        display_name="王芳",
        actor=admin,
    )
    assert row.clearance is Grade.INTERNAL
    actor = accounts.authenticate(ready_db, clock, "wangfang", "desk-pass-1")
    assert actor.role is Role.RECEPTIONIST and actor.display_name == "王芳"


def test_only_an_administrator_adds_users(ready_db: Database, clock: FakeClock) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    accounts.create_user(
        ready_db, clock, username="clerk", password="clerk-pass-1", role=Role.ARCHIVE_CLERK, actor=admin
    )
    clerk = accounts.authenticate(ready_db, clock, "clerk", "clerk-pass-1")
    with pytest.raises(PermissionDenied):
        accounts.create_user(ready_db, clock, username="x", password="xxxxxxxx1", role=Role.STAFF, actor=clerk)


def test_bad_user_names_and_short_passwords_are_refused(ready_db: Database, clock: FakeClock) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    with pytest.raises(InputProblem, match="at least 8"):
        accounts.create_user(ready_db, clock, username="a", password="short", role=Role.STAFF, actor=admin)
    with pytest.raises(InputProblem):
        accounts.create_user(
            ready_db, clock, username="two words", password="long-enough", role=Role.STAFF, actor=admin
        )
    with pytest.raises(InputProblem, match="taken"):
        accounts.create_user(ready_db, clock, username="admin", password="long-enough", role=Role.STAFF, actor=admin)


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(ready_db: Database, clock: FakeClock) -> None:
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(PermissionDenied, match="Wrong user name or password"):
            accounts.authenticate(ready_db, clock, "admin", "wrong")
    with pytest.raises(PermissionDenied) as info:  # even the right password is refused while locked
        accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    assert "锁定" in info.value.message("zh")
    clock.advance(accounts.LOCKOUT - timedelta(seconds=1))
    with pytest.raises(PermissionDenied):
        accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    clock.advance(seconds=2)
    assert accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD).username == "admin"


def test_disabled_users_cannot_sign_in_and_are_still_listed(ready_db: Database, clock: FakeClock) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    accounts.create_user(ready_db, clock, username="guard", password="guard-pass", role=Role.STAFF, actor=admin)
    accounts.disable_user(ready_db, admin, "guard")
    with pytest.raises(PermissionDenied, match="disabled"):
        accounts.authenticate(ready_db, clock, "guard", "guard-pass")
    rows = {r.username: r for r in accounts.list_users(ready_db, clock, admin)}
    assert rows["guard"].disabled
    with pytest.raises(PermissionDenied):
        accounts.disable_user(ready_db, admin, "admin")


def test_roles_parse_in_both_languages() -> None:
    assert parse_role("archive_clerk") is Role.ARCHIVE_CLERK
    assert parse_role("前台接待") is Role.RECEPTIONIST
    assert parse_role("Management office") is Role.MANAGEMENT_OFFICE
    with pytest.raises(InputProblem):
        parse_role("janitor")
