"""Server time (服务器时间) for a LAN archive: one workstation's wrong clock must not decide.

On PostgreSQL every workstation reads the time through :class:`ServerClock`: the local clock
plus the offset to the database server's clock, measured with ``SELECT clock_timestamp()`` when
it is first asked and again every few minutes (or when the local clock jumps back). A clerk's PC
that runs hours fast or slow therefore still stamps tickets, deadlines and the audit trail with
the office's one time. A single SQLite workstation has no server: its own clock decides.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from estate_desk.domain.clock import SystemClock
from estate_desk.store.backends import is_sqlite

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

REMEASURE_EVERY = timedelta(minutes=5)
WARN_OFFSET = timedelta(minutes=2)  # a local clock further off than this is logged


class ServerClock:
    """The local clock corrected by its measured offset to the database server's clock."""

    def __init__(self, db: Database, local: Clock | None = None, *, remeasure_every: timedelta = REMEASURE_EVERY):
        self._db = db
        self._local: Clock = local or SystemClock()
        self._every = remeasure_every
        self._offset = timedelta(0)
        self._measured_at: datetime | None = None

    @property
    def offset(self) -> timedelta:
        """Server time minus local time, as last measured."""
        return self._offset

    def measure(self) -> timedelta:
        """Ask the server for its time now; the offset is taken at the middle of the round trip."""
        before = self._local.now()
        with self._db.engine.connect() as conn:
            server = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        after = self._local.now()
        if server.tzinfo is None:  # pragma: no cover - PostgreSQL returns timestamptz
            server = server.replace(tzinfo=UTC)
        self._offset = server - (before + (after - before) / 2)
        self._measured_at = after
        if abs(self._offset) > WARN_OFFSET:
            log.warning("this workstation's clock is %s off the server's; server time is used", -self._offset)
        return self._offset

    def now(self) -> datetime:
        local = self._local.now()
        due = self._measured_at is None or local < self._measured_at or local - self._measured_at >= self._every
        if due:
            try:
                self.measure()
                local = self._local.now()
            except SQLAlchemyError:
                self._measured_at = local  # try again after the interval, not on every call
                log.warning("could not read the server's time; keeping the last offset", exc_info=True)
        return local + self._offset


def workstation_clock(db: Database, local: Clock | None = None) -> Clock:
    """The clock this workstation's services use: the server's time on PostgreSQL, its own on SQLite."""
    if is_sqlite(db.url):
        return local or SystemClock()
    return ServerClock(db, local)
