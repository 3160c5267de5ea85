"""Each role's own home (issue 20): where a user lands after signing in, the office's choice for the
archive clerk (set by an administrator, audited), and an empty archive's first steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.roles import Home, Role, home_of
from estate_desk.services.accounts import homes
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import register
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.secrecy import audit_log

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


@pytest.mark.parametrize(
    ("role", "home"),
    [
        (Role.RECEPTIONIST, Home.DESK),
        (Role.STAFF, Home.DESK),
        (Role.SUPERVISOR, Home.DESK),
        (Role.ARCHIVE_CLERK, Home.TODAY),
        (Role.MANAGEMENT_OFFICE, Home.TODAY),
        (Role.ADMINISTRATOR, Home.ADMIN),
    ],
)
def test_each_role_lands_on_its_own_home(role: Role, home: Home) -> None:
    assert home_of(role) is home


def test_the_clerk_lands_where_the_office_sets_and_builders_of_an_empty_archive_on_its_first_steps() -> None:
    assert home_of(Role.ARCHIVE_CLERK, Home.ARCHIVE) is Home.ARCHIVE
    assert home_of(Role.ARCHIVE_CLERK, Home.ADMIN) is Home.TODAY  # not a clerk's home: the default
    assert home_of(Role.RECEPTIONIST, Home.ARCHIVE) is Home.DESK  # the choice is the clerk's only
    for role in (Role.ARCHIVE_CLERK, Role.ADMINISTRATOR):
        assert home_of(role, archive_empty=True) is Home.FIRST_STEPS
    assert home_of(Role.RECEPTIONIST, archive_empty=True) is Home.DESK


@pytest.mark.db
def test_the_clerks_home_is_set_by_an_administrator_and_audited(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    administrator = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    assert homes.clerk_home(ready_db) is Home.TODAY
    with pytest.raises(PermissionDenied):
        homes.set_clerk_home(ready_db, clock, clerk, Home.ARCHIVE)  # not her own choice
    with pytest.raises(InputProblem):
        homes.set_clerk_home(ready_db, clock, administrator, Home.ADMIN)
    homes.set_clerk_home(ready_db, clock, administrator, Home.ARCHIVE)
    assert homes.clerk_home(ready_db) is Home.ARCHIVE
    changes = [e for e in audit_log.events(ready_db, administrator) if e.target_text == homes.CLERK_HOME]
    assert len(changes) == 1 and "archive" in changes[0].detail


@pytest.mark.db
def test_first_steps_count_what_a_new_office_has_done(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    assert homes.archive_is_empty(ready_db)
    before = homes.first_steps(ready_db)
    assert (before.rooms, before.users, before.documents, before.boxes) == (0, 1, 0, 0)  # the clerk was added
    assert homes.home_for(ready_db, clerk) is Home.FIRST_STEPS
    register.register(ready_db, clock, clerk, DocumentDraft(category_code="GC", title="竣工图", year=2024))
    assert not homes.archive_is_empty(ready_db) and homes.first_steps(ready_db).documents == 1
    assert homes.home_for(ready_db, clerk) is Home.TODAY
