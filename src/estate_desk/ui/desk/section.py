"""The Front desk section (前台): the board, the daily review (F6) and the figures, as tabs.

F6 opens the daily review from anywhere in the section; F11 takes the board out of the window,
full screen, for a wall monitor, and F11 (or Esc) brings it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.store.change_feed import DESK as DESK_TOPIC
from estate_desk.ui.desk.board import BoardWidget
from estate_desk.ui.desk.figures import FiguresPage
from estate_desk.ui.desk.review import ReviewPage
from estate_desk.ui.desk.ticket_actions import TicketActions
from estate_desk.ui.qt import QAction, QCloseEvent, QKeySequence, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from datetime import date

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.change_listener import ChangeListener


class DeskSection(QWidget):
    """前台: tickets on the board, the day's review and the figures."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="deskSection")
        self._db, self._actor, self._clock = db, actor, clock
        self.ticket_actions = TicketActions(db, clock, actor, self)
        self.board = BoardWidget(db, actor, clock, self.ticket_actions)
        self.review = ReviewPage(db, clock, actor, self.ticket_actions)
        self.figures = FiguresPage(db, clock)
        self.tabs = QTabWidget(objectName="deskTabs")
        self._board_title = self.tr("Board")
        self.tabs.addTab(self.board, self._board_title)
        self.tabs.addTab(self.review, self.tr("Daily review (F6)"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.review_action = QAction(self.tr("Daily review"), self, objectName="desk_review")
        self.review_action.setShortcut(QKeySequence("F6"))
        self.review_action.triggered.connect(lambda: self.open_review())
        self.addAction(self.review_action)
        self.board.full_screen_requested.connect(self.set_board_full_screen)
        self.board.review_requested.connect(self.open_review)
        self.ticket_actions.changed.connect(lambda _id: self.figures.data_changed())

    def follow(self, listener: ChangeListener) -> None:
        """Other workstations' saves reach the board, the daily review and the figures (A12)."""
        self.board.follow(listener)
        listener.changed.connect(self.changes_arrived)

    def changes_arrived(self, topics: frozenset[str]) -> None:
        if DESK_TOPIC not in topics:
            return
        self.figures.data_changed()
        if self.review.isVisible():
            self.review.refresh()

    def open_review(self, day: date | None = None) -> ReviewPage:
        if self.board.isWindow():
            self.set_board_full_screen(False)
        self.tabs.setCurrentWidget(self.review)
        if day is not None:
            self.review.show_day(day)
        return self.review

    @property
    def board_full_screen(self) -> bool:
        return self.board.isWindow()

    def set_board_full_screen(self, on: bool) -> None:
        """The board alone on the screen (a wall monitor), or back in its tab."""
        if on == self.board.isWindow():
            return
        if on:
            self.tabs.removeTab(self.tabs.indexOf(self.board))
            self.board.setParent(None)
            self.board.setWindowTitle(self.tr("Front desk board"))
            self.board.set_wall_mode(True)
            self.board.showFullScreen()
        else:
            self.board.hide()
            self.board.set_wall_mode(False)
            self.tabs.insertTab(0, self.board, self._board_title)
            self.tabs.setCurrentIndex(0)
            self.board.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the board's timers and bring a full-screen board home (the window is closing)."""
        self.set_board_full_screen(False)
        self.board.stop()
