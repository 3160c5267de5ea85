"""Where each user lands after signing in, and an empty archive's first steps.

The rule (which role lands where) is :func:`estate_desk.domain.roles.home_of`; this module reads what
it depends on: the office's choice for the archive clerk (今日待办 or 档案, set by an administrator and
audited), and whether the archive holds anything yet. :func:`first_steps` says which of the new office's
first steps are done: the roster imported, accounts added, the first records registered and boxed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem
from estate_desk.domain.roles import CLERK_HOMES, USER_MANAGERS, Home, home_of
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import Setting, User
from estate_desk.store.archive import ArchiveBox, Document
from estate_desk.store.estate import Room

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

CLERK_HOME = "home.archive_clerk"  # the settings key


def clerk_home(db: Database) -> Home:
    """Where the office sends the archive clerk: 今日待办 unless an administrator chose 档案."""
    with db.session() as s:
        row = s.get(Setting, CLERK_HOME)
    try:
        home = Home(row.value) if row is not None else Home.TODAY
    except ValueError:
        return Home.TODAY
    return home if home in CLERK_HOMES else Home.TODAY


def set_clerk_home(db: Database, clock: Clock, actor: Actor, home: Home) -> None:
    """An administrator sets where the archive clerk lands (audited)."""
    require_role(actor, USER_MANAGERS, zh="设置档案管理员的首页", en="set the archive clerk's home")
    if home not in CLERK_HOMES:
        choices_zh = "、".join(h.label("zh") for h in CLERK_HOMES)
        choices_en = ", ".join(h.label("en") for h in CLERK_HOMES)
        raise InputProblem(
            zh=f"档案管理员的首页只能是：{choices_zh}。", en=f"The archive clerk's home can only be: {choices_en}."
        )
    with db.session() as s:
        row = s.get(Setting, CLERK_HOME)
        before = row.value if row is not None else Home.TODAY.value
        if row is None:
            s.add(Setting(key=CLERK_HOME, value=home.value))
        else:
            row.value = home.value
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("setting", None, CLERK_HOME),
            detail={"before": before, "after": home.value},
            clock=clock,
        )


def archive_is_empty(db: Database) -> bool:
    with db.session() as s:
        return not s.scalar(select(exists().where(Document.id.is_not(None))))


def home_for(db: Database, actor: Actor) -> Home:
    """The section ``actor`` lands on now (:func:`~estate_desk.domain.roles.home_of`)."""
    return home_of(actor.role, clerk_home(db), archive_empty=archive_is_empty(db))


@dataclass(frozen=True)
class FirstSteps:
    """What a new office has done of its first steps, each counted."""

    rooms: int  # the roster imported (rooms and their owners)
    users: int  # accounts besides the first administrator
    documents: int  # records registered
    boxes: int  # boxes made (then labels printed for them)

    @property
    def all_done(self) -> bool:
        return all((self.rooms, self.users, self.documents, self.boxes))


def first_steps(db: Database) -> FirstSteps:
    with db.session() as s:

        def count(column) -> int:  # type: ignore[no-untyped-def]
            return int(s.scalar(select(func.count(column))) or 0)

        return FirstSteps(
            rooms=count(Room.id),
            users=max(count(User.id) - 1, 0),
            documents=count(Document.id),
            boxes=count(ArchiveBox.id),
        )
