"""Hearing other workstations (A12): one listener per window turns the change feed into a signal.

On PostgreSQL a :class:`QSocketNotifier` watches the LISTEN connection's socket, so a ticket opened
at the next desk wakes this board the moment its transaction commits — no timer involved. On SQLite
a one-second timer asks the file's change counter (``PRAGMA data_version``), which costs nothing.
``changed`` carries the topics (``desk``, ``archive``); the board and the archive views reload what moved.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from estate_desk.store import change_feed
from estate_desk.ui.qt import QObject, QSocketNotifier, QTimer, Signal

if TYPE_CHECKING:
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

SQLITE_POLL_MS = 1000
RECONNECT_MS = 10_000  # a lost LISTEN connection is tried again this often (the board polls meanwhile)


class ChangeListener(QObject):
    """Emits ``changed(frozenset[str])`` when another connection — any workstation — committed."""

    changed = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None, *, poll_ms: int = SQLITE_POLL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("changeListener")
        self.notifier: QSocketNotifier | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("changePoll")
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.drain)
        try:
            self.feed: change_feed.ChangeFeed = change_feed.open_feed(db.url)
        except Exception:  # the window still works without it: the board polls on its own
            log.warning("no change feed; other workstations' changes show on the board's own poll", exc_info=True)
            self.feed = change_feed.NoFeed()
        fileno = self.feed.fileno()
        if fileno is not None:
            self.notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(self.drain)
        elif not isinstance(self.feed, change_feed.NoFeed):
            self.timer.start()

    @property
    def instant(self) -> bool:
        """True when changes arrive as they happen (PostgreSQL), not on a timer."""
        return self.notifier is not None

    def drain(self) -> None:
        topics = self.feed.poll()
        if self.notifier is not None:
            fileno = self.feed.fileno()
            if fileno is None:  # the server went away: try again on a slow timer, not on a dead socket
                self.notifier.setEnabled(False)
                self.timer.start(RECONNECT_MS)
            elif int(self.notifier.socket()) != fileno or not self.notifier.isEnabled():
                self._watch(fileno)  # the feed reconnected on a new socket
                self.timer.stop()
        if topics:
            self.changed.emit(topics)

    def _watch(self, fileno: int) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
        self.notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.drain)

    def stop(self) -> None:
        self.timer.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        self.feed.close()
