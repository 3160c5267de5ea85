"""The change feed (变更通知): a workstation learns at once that another one saved something (A12).

Writing: every unit of work that changed rows says so on commit. On PostgreSQL a session hook
collects the tables a transaction wrote and, just before it commits, calls ``pg_notify`` on
:data:`CHANNEL` in the *same* transaction — so the notice goes out exactly when (and only if) the
change is committed. The payload names the topics: ``desk`` (tickets and the desk's records) and
``archive`` (records, volumes, boxes, owners …).

Reading: :class:`ChangeFeed` — ``poll()`` returns the topics changed since the last call, without
blocking. On PostgreSQL it LISTENs on a connection of its own whose socket (``fileno()``) the UI
watches, so it wakes the moment a notice arrives; on SQLite (one file, perhaps opened by a second
program) it reads ``PRAGMA data_version`` on a connection of its own, a query that costs nothing
and changes whenever any other connection commits — the UI asks it on a timer. Either way the board
and the archive views then reload only what moved.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import event, text

from estate_desk.store.backends import is_sqlite, sqlite_path

if TYPE_CHECKING:
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

CHANNEL = "estate_desk_changes"
DESK = "desk"
ARCHIVE = "archive"
EVERYTHING = frozenset({DESK, ARCHIVE})
DESK_TABLES = frozenset({"tickets", "desk_counters", "desk_days", "notifications"})
QUIET_TABLES = frozenset({"audit_events", "audit_chain", "users", "user_keys", "alembic_version"})  # sign-ins
_PENDING = "estate_desk_changed_topics"


def topic_of(table: str) -> str | None:
    """Which views a write to ``table`` concerns (None: none — e.g. the audit trail of a sign-in)."""
    if table in QUIET_TABLES:
        return None
    return DESK if table in DESK_TABLES or table.startswith("ticket") or table.startswith("desk") else ARCHIVE


# --------------------------------------------------------------------------- writing


def _note(session: Session, tables: set[str]) -> None:
    topics = {t for t in (topic_of(name) for name in tables) if t is not None}
    if topics:
        session.info.setdefault(_PENDING, set()).update(topics)


def _after_flush(session: Session, _context: Any) -> None:
    tables = {
        obj.__table__.name for obj in (*session.new, *session.dirty, *session.deleted) if hasattr(obj, "__table__")
    }
    _note(session, tables)


def _on_execute(state: Any) -> None:
    """Bulk UPDATE/DELETE/INSERT statements (counters, status sweeps) bypass the flush."""
    if state.is_update or state.is_delete or state.is_insert:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            _note(state.session, {name})


def _before_commit(session: Session) -> None:
    session.flush()  # commit would flush after this hook; the notice must know what that flush writes
    topics = session.info.pop(_PENDING, None)
    if topics:
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": ",".join(sorted(topics))}
        )


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


def install(sessions: sessionmaker[Session], url: URL) -> None:
    """Announce every commit of ``sessions`` on PostgreSQL (SQLite needs nothing: the file tells)."""
    if is_sqlite(url):
        return
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_rollback", _forget)


# --------------------------------------------------------------------------- reading


class ChangeFeed(Protocol):
    def fileno(self) -> int | None:
        """A socket that turns readable when a notice arrives (None: ask on a timer)."""
        ...

    def poll(self) -> frozenset[str]:
        """Topics changed since the last call; never blocks."""
        ...

    def close(self) -> None: ...


class NoFeed:
    """An in-memory database: no other workstation can change it."""

    def fileno(self) -> int | None:
        return None

    def poll(self) -> frozenset[str]:
        return frozenset()

    def close(self) -> None:
        return None


class SqliteFeed:
    """``PRAGMA data_version`` on a connection of its own: it moves when any other connection commits."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._version = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def fileno(self) -> int | None:
        return None

    def poll(self) -> frozenset[str]:
        try:
            version = self._read()
        except sqlite3.Error:
            log.warning("could not read the database's change counter", exc_info=True)
            return frozenset()
        if version == self._version:
            return frozenset()
        self._version = version
        return EVERYTHING  # the file does not say what changed

    def close(self) -> None:
        self._conn.close()


class PostgresFeed:
    """LISTEN on a dedicated autocommit connection; a lost connection is re-opened and reported as
    "everything may have changed" (notices sent meanwhile are gone)."""

    def __init__(self, url: URL) -> None:
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._conn: Any = None
        self._connect()

    def _connect(self) -> None:
        import psycopg

        self._conn = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int | None:
        return int(self._conn.fileno()) if self._conn is not None and not self._conn.closed else None

    def poll(self) -> frozenset[str]:
        import psycopg

        if self._conn is None or self._conn.closed:
            try:
                self._connect()
            except psycopg.Error:
                return frozenset()  # still away; the caller asks again later
            return EVERYTHING  # back: whatever was announced meanwhile is lost, so reload everything
        topics: set[str] = set()
        pgconn = self._conn.pgconn
        try:
            pgconn.consume_input()  # non-blocking: what the socket holds; a closed socket raises here
            while (notice := pgconn.notifies()) is not None:
                topics.update(t for t in notice.extra.decode("utf-8").split(",") if t)
        except psycopg.Error:
            log.warning("the change feed's connection was lost; reconnecting", exc_info=True)
            self._conn.close()
            try:
                self._connect()
            except psycopg.Error:
                log.warning("the change feed could not reconnect", exc_info=True)
            return EVERYTHING
        return frozenset(topics)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


def open_feed(url: URL) -> ChangeFeed:
    """The feed for the archive at ``url``."""
    if is_sqlite(url):
        path = sqlite_path(url)
        return SqliteFeed(str(path)) if path is not None else NoFeed()
    return PostgresFeed(url)
