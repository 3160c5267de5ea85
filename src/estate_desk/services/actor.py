"""The signed-in user on whose behalf every service acts (操作人): who, in which role, with which clearance.

Made at sign-in by ``services/accounts/users.py``; every feature takes it, checks its role and clearance
through ``services/permissions.py`` and ``services/secrecy/clearance.py``, and names it in the audit trail.
It lives apart from the accounts so that the audit trail, permissions and secrecy can name it without
importing the accounts' use cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.secrecy.keyring import Keyring
    from estate_desk.store.accounts import User


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts.

    ``keyring`` is the archive's master key unlocked at sign-in (None: this account holds no copy, or
    the actor was not signed in); ``clock`` the session's clock, which stamps its audit events. Neither
    takes part in the repr or in comparisons.
    """

    user_id: int
    username: str
    display_name: str
    role: Role
    clearance: Grade
    keyring: Keyring | None = field(default=None, repr=False, compare=False)
    clock: Clock | None = field(default=None, repr=False, compare=False)

    @staticmethod
    def of(user: User, keys: Keyring | None = None, clock: Clock | None = None) -> Actor:
        return Actor(user.id, user.username, user.display_name, Role(user.role), Grade(user.clearance), keys, clock)
