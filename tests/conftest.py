"""Test configuration: offscreen Qt, a template database migrated once and copied per test.

Database tests run on SQLite by default. With ``ESTATE_DESK_TEST_DATABASE_URL`` naming a
PostgreSQL server (``.ci/run`` starts one), the same tests run there: each test gets a
database cloned from a migrated template (``CREATE DATABASE … TEMPLATE …``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
import uuid
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.engine import URL, make_url

from database_support import ADMIN_PASSWORD, PG_URL, START, Templates, make_actor, pg_create, pg_drop
from estate_desk.domain.clock import FakeClock
from estate_desk.store.database import Database, open_database

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


DB_FIXTURES = {"db", "database_url", "ready_db", "demo_db", "empty_url", "demo_url"}


def pytest_report_header(config: pytest.Config) -> str:
    backend = make_url(PG_URL).render_as_string(hide_password=True) if PG_URL else "SQLite (temporary files)"
    return f"estate-desk database tests run on: {backend}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


# --------------------------------------------------------------------------- isolation


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data, config and logs of every test in its own folder; the user's are never touched."""
    from estate_desk.store import attachment_home

    attachment_home.unbind()  # an archive a previous test opened through the CLI is not this test's
    home = tmp_path / "home"
    monkeypatch.setenv("ESTATE_DESK_HOME", str(home))
    monkeypatch.delenv("ESTATE_DESK_ATTACHMENTS", raising=False)
    monkeypatch.delenv("ESTATE_DESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("ESTATE_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("ESTATE_DESK_USER", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """Fail a test that leaves a thread running (napari's _dangling_* idea)."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not left, f"threads left running: {left}"


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In Qt tests, Python's collector runs only here, on the main thread (as ui/gc_guard does in the app).

    Otherwise a collection that starts on the database worker can finalise Qt objects of earlier
    tests there and crash the interpreter.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    import gc

    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(autouse=True)
def _no_dangling_timers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a Qt test that leaves an active QTimer behind in a widget still shown."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from estate_desk.ui.qt import QApplication, QTimer

    app = QApplication.instance()
    if app is None:
        return
    active = [
        t for w in QApplication.topLevelWidgets() if w.isVisible() for t in w.findChildren(QTimer) if t.isActive()
    ]
    assert not active, f"active timers left in visible windows: {active}"


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    """The test's QApplication made ready as at start-up: the bundled fonts and the Chinese translation.

    Qt is imported here, not at the top, so the tests of the Qt-free core never load it."""
    from estate_desk.ui.app import make_application

    make_application()
    return qapp


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


# --------------------------------------------------------------------------- databases


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    t = Templates(tmp_path_factory.mktemp("templates"))
    yield t
    t.drop_all()


def _cloned(templates: Templates, kind: str, tmp_path: Path) -> Iterator[URL]:
    url, pg_name = templates.clone(kind, tmp_path / f"{kind}.sqlite3")
    yield url
    if pg_name:
        pg_drop(pg_name)


@pytest.fixture
def database_url(templates: Templates, tmp_path: Path) -> Iterator[URL]:
    """A migrated, empty archive database of this test's own."""
    yield from _cloned(templates, "migrated", tmp_path)


@pytest.fixture
def demo_url(templates: Templates, tmp_path: Path, _home: Path) -> Iterator[URL]:
    """A database holding the demo estate, of this test's own, with the demo's files in this test's store."""
    templates.copy_files("demo", _home)
    yield from _cloned(templates, "demo", tmp_path)


@pytest.fixture
def empty_url(tmp_path: Path) -> Iterator[URL]:
    """A database with nothing in it, not even migrations."""
    if PG_URL:
        name = f"estate_e_{uuid.uuid4().hex[:12]}"
        yield pg_create(name)
        pg_drop(name)
    else:
        yield URL.create("sqlite+pysqlite", database=str(tmp_path / "empty.sqlite3"))


@pytest.fixture
def db(database_url: URL) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def ready_db(db: Database, clock: FakeClock) -> Database:
    """A set-up archive with an administrator ``admin`` / ADMIN_PASSWORD and the seven categories."""
    from estate_desk.services.accounts import setup

    setup.initialise(
        db,
        clock,
        office_name="测试物业服务中心",
        fonds_code="Z001",
        admin_username="admin",
        admin_password=ADMIN_PASSWORD,
    )
    return db


@pytest.fixture
def demo_db(demo_url: URL) -> Iterator[Database]:
    database = open_database(demo_url)
    yield database
    database.dispose()


@pytest.fixture
def clerk(ready_db: Database, clock: FakeClock):  # type: ignore[no-untyped-def]
    """The archive clerk (档案管理员) of ``ready_db``, cleared for 绝密."""
    return make_actor(ready_db, clock, "clerk", "archive_clerk")


@pytest.fixture
def receptionist(ready_db: Database, clock: FakeClock):  # type: ignore[no-untyped-def]
    """A receptionist (前台接待) of ``ready_db`` with the default clearance."""
    return make_actor(ready_db, clock, "desk", "receptionist")


@pytest.fixture
def demo_clerk(demo_db: Database, clock: FakeClock):  # type: ignore[no-untyped-def]
    """The demo estate's archive clerk, signed in."""
    from estate_desk.services.accounts import users as accounts
    from estate_desk.services.demo.estate import DEMO_PASSWORD

    return accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
