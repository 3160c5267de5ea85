"""The databases of the tests (not a test module): the start time every fake clock begins at, the
template databases made once per session, PostgreSQL's create and drop, and a signed-in user.

``tests/conftest.py`` builds its fixtures on these; a test that needs one of them imports it from
here (never from ``conftest``, which a folder's own conftest would shadow).
"""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, make_url

from estate_desk.domain.clock import CHINA_TZ, FakeClock
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from estate_desk.store.database import Database

PG_ENV = "ESTATE_DESK_TEST_DATABASE_URL"
PG_URL = os.environ.get(PG_ENV)
ADMIN_PASSWORD = "admin-pass-1"
START = datetime(2026, 11, 23, 9, 0, tzinfo=CHINA_TZ)


def _admin_engine():  # type: ignore[no-untyped-def]
    assert PG_URL
    return create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")


def pg_create(name: str, template: str | None = None) -> URL:
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine.dispose()
    return make_url(PG_URL).set(database=name)  # type: ignore[arg-type]


def pg_drop(name: str) -> None:
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


class Templates:
    """Migrated (and demo-filled) template databases, made once per session."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[str, str] = {}

    def get(self, kind: str) -> str:
        if kind not in self.made:
            self.made[kind] = self._make(kind)
        return self.made[kind]

    def _make(self, kind: str) -> str:
        if PG_URL:
            name = f"estate_tmpl_{kind}_{os.getpid()}"
            url = pg_create(name)
        else:
            url = URL.create("sqlite+pysqlite", database=str(self.folder / f"template-{kind}.sqlite3"))
        from estate_desk.store import attachment_home

        before = os.environ.get("ESTATE_DESK_HOME")
        os.environ["ESTATE_DESK_HOME"] = str(self.home_of(kind))  # the files it stores stay with the template
        attachment_home.unbind()
        try:
            db = open_database(url)
            if kind == "demo":
                from estate_desk.services.demo import estate as demo

                demo.fill(db, FakeClock(START))
            db.dispose()
        finally:
            if before is None:
                os.environ.pop("ESTATE_DESK_HOME", None)
            else:
                os.environ["ESTATE_DESK_HOME"] = before
            attachment_home.unbind()
        return name if PG_URL else str(url.database)

    def home_of(self, kind: str) -> Path:
        return self.folder / f"home-{kind}"

    def files_of(self, kind: str) -> Path:
        """The attachment store the template's files went to (the demo's daily-review reports)."""
        self.get(kind)
        return self.home_of(kind) / "data" / "attachments"

    def copy_files(self, kind: str, home: Path) -> None:
        """The template's stored files (the demo's attachments and daily-review reports) into the attachment
        store of ``home`` (a test's ESTATE_DESK_HOME), so every attachment row of a clone has its file."""
        from estate_desk.store import attachment_home

        source = self.files_of(kind)
        store = home / "data" / "attachments"
        for path in source.rglob("*") if source.is_dir() else ():
            if path.is_file() and path.name != attachment_home.MARKER:
                target = store / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)

    def clone(self, kind: str, target: Path) -> tuple[URL, str | None]:
        source = self.get(kind)
        if PG_URL:
            name = f"estate_t_{uuid.uuid4().hex[:12]}"
            return pg_create(name, template=source), name
        shutil.copyfile(source, target)
        return URL.create("sqlite+pysqlite", database=str(target)), None

    def drop_all(self) -> None:
        if PG_URL:
            for name in self.made.values():
                pg_drop(name)


def make_actor(db: Database, clock: FakeClock, username: str, role: str, clearance: int | None = None):  # type: ignore[no-untyped-def]
    """Add a user (as the ``admin`` of ``ready_db``) and return them signed in, as an Actor."""
    from estate_desk.domain.roles import Role
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.accounts import users as accounts

    admin = accounts.authenticate(db, clock, "admin", ADMIN_PASSWORD)
    password = f"{username}-pass-1"
    accounts.create_user(
        db,
        clock,
        username=username,
        password=password,
        role=Role(role),
        clearance=Grade(clearance) if clearance is not None else None,
        display_name=username,
        actor=admin,
    )
    return accounts.authenticate(db, clock, username, password)


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """Every SQL statement the engine sends while the block runs."""
    sent: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
