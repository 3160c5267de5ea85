"""The front desk's board (工单看板): every open ticket with its live countdowns, most urgent first.

Two timers run while the board is on screen (and stop when it is hidden or closed):

* every second, a **tick** takes ``clock.now()`` and repaints the two countdown columns of the
  rows on screen — nothing is counted down, every clock is computed from its stored deadline;
* every two seconds, a **poll** asks the database whether any ticket changed, at this
  workstation or another, and moves only those rows; it also refreshes the badge of return
  visits due, the on-call banner when the desk's hours turn (F5) and the flag of a day left
  unclosed (F6). A board that follows the window's change listener (:meth:`~BoardWidget.follow`) polls
  the moment another workstation commits (PostgreSQL's NOTIFY), and its timer becomes a slow
  safety net.

F11 shows the board alone, full screen, for a wall monitor; a setting beeps when a clock turns red.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.routines.common import office_date
from estate_desk.services.desk import board as desk_board
from estate_desk.services.desk import completion as desk_completion
from estate_desk.services.desk import review as desk_review
from estate_desk.services.desk import settings as desk_settings
from estate_desk.services.desk.choices import building_numbers
from estate_desk.store.change_feed import DESK as DESK_TOPIC
from estate_desk.ui import icons, style
from estate_desk.ui.desk.board_model import TICKET_ID_ROLE, BoardModel, Column
from estate_desk.ui.desk.board_parts import BoardBanner, FilterBar
from estate_desk.ui.desk.widgets import set_sound_on_red, sound_on_red
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QEvent,
    QFont,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QShowEvent,
    Qt,
    QTimer,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.tooltips import explain, explain_all
from estate_desk.ui.widgets import MessageLine, table_view

if TYPE_CHECKING:
    from datetime import date

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.desk.board import Board, BoardFilter, BoardRow
    from estate_desk.services.desk.settings import OnCallBoard
    from estate_desk.store.database import Database
    from estate_desk.ui.change_listener import ChangeListener
    from estate_desk.ui.desk.ticket_actions import TicketActions

TICK_MS = 1000
POLL_MS = 2000
FOLLOWING_POLL_MS = 15_000  # with instant change notices the poll is only a safety net
RESORT_TICKS = 60  # a safety net: the rules' order is checked again once a minute
WALL_FONT_SCALE = 1.6
COLUMN_WIDTHS = {
    Column.ARRIVAL: 90,
    Column.PROMISE: 130,
    Column.NUMBER: 130,
    Column.KIND: 110,  # "Special service" in English
    Column.ROOM: 110,
    Column.PLACE: 90,
    Column.MATTER: 220,
    Column.HANDLER: 90,
    Column.RECEIVER: 90,
}


class BoardWidget(QWidget):
    """The board: filters, the ticket table, the on-call banner and the actions on the chosen ticket."""

    full_screen_requested = Signal(bool)
    review_requested = Signal(object)  # a date: the day the unclosed-day flag names

    def __init__(
        self, db: Database, actor: Actor, clock: Clock, actions: TicketActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="deskBoard")
        self._db, self._actor, self._clock, self.ticket_actions = db, actor, clock, actions
        self.model = BoardModel(self)
        self.view = table_view("boardTable")
        self.view.fit_on_first_rows = False  # the board's widths are chosen for a wall monitor (COLUMN_WIDTHS)
        self.view.setModel(self.model)
        self.export = ListExport(self.view, db, actor, clock, "工单看板", "Ticket board")
        self.view.setWordWrap(False)
        for column, width in COLUMN_WIDTHS.items():
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(lambda _: self.run("detail"))  # Enter, or a double click
        self.banner = BoardBanner(self)
        self.banner.review_clicked.connect(self.review_requested.emit)
        self.filters = FilterBar(self)
        self.filters.changed.connect(self.reload)
        self.count_label = QLabel(objectName="boardCount")
        self.filters.add_right(self.count_label)
        self.message = MessageLine("boardMessage")
        self.toolbar = QToolBar(self.tr("Tickets"), objectName="boardActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)  # keys in the tooltips
        self.actions_: dict[str, QAction] = {}
        for key, text, keys in (
            ("new", self.tr("New ticket"), "Ctrl+T"),
            ("detail", self.tr("Open"), None),
            ("handler", self.tr("Handler / dispatch"), None),
            ("arrived", self.tr("Arrived"), None),
            ("explain", self.tr("Explain delay"), "F4"),
            ("postpone", self.tr("Postpone"), "F2"),
            ("note", self.tr("Progress note"), None),
            ("complete", self.tr("Work done"), None),
            ("visit", self.tr("Return visit"), None),
            ("on_call", self.tr("On call"), None),  # F5: see event(); Refresh owns it elsewhere
            ("full_screen", self.tr("Full screen"), "F11"),
        ):
            action = QAction(text, self, objectName=f"board_{key}")
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, k=key: self.run(k))
            self.toolbar.addAction(action)
            self.addAction(action)
            self.actions_[key] = action
        explain_all(
            self.actions_,
            {
                "new": self.tr("Take a call or a visitor as a new ticket"),
                "handler": self.tr("Name who handles the chosen ticket, or dispatch it"),
                "arrived": self.tr("Record that the handler is on site (the 3-minute promise)"),
                "explain": self.tr("Record why the chosen ticket is late"),
                "postpone": self.tr("Postpone a promise once, at the owner's request"),
                "note": self.tr("Add a progress note to the chosen ticket"),
                "complete": self.tr("Record the work as done and the owner's sign-off"),
                "visit": self.tr("Record the return visit to the owner"),
                "full_screen": self.tr(
                    "Show the board alone on the screen, for a wall monitor; again to bring it back"
                ),
            },
        )
        explain(self.actions_["on_call"], self.tr("Show or hide the on-call numbers"), "F5")
        explain(self.actions_["detail"], self.tr("Open the chosen ticket: its promises, notes and history"), "Enter")
        icons.decorate(self.actions_)
        self.sound = QAction(self.tr("Sound"), self, objectName="board_sound", checkable=True)
        self.sound.setToolTip(self.tr("Beep when a ticket's countdown turns red"))
        self.sound.setIcon(icons.icon("sound"))
        self.sound.setChecked(sound_on_red())
        self.sound.toggled.connect(set_sound_on_red)
        self.toolbar.addAction(self.sound)
        self.filters.add_right(self.export.button())  # beside the count: the toolbar is full in English
        self.badge = QToolButton(objectName="noticeBadge")
        self.badge.setToolTip(self.tr("Open the list of return visits waiting"))
        self.badge.clicked.connect(self.ticket_actions.notifications)
        self.toolbar.addWidget(self.badge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.tick_timer = QTimer(self, objectName="boardTick")
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.poll_timer = QTimer(self, objectName="boardPoll")
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.ticks = 0
        self.beeps = 0
        self._last_rows: list[BoardRow] | None = None
        self._on_call: OnCallBoard | None = None
        self._flag_day: date | None = None
        self._wall = False
        self.ticket_actions.changed.connect(lambda _: self.poll())
        self.filters.set_choices(desk_board.staff_choices(db), building_numbers(db))
        self.reload()

    # ------------------------------------------------------------------ timers follow visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.poll()
        self.tick()
        self.tick_timer.start()
        self.poll_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the full-screen board brings it back into the window instead."""
        if self.isWindow() and self._wall:
            event.ignore()
            self.run("full_screen")
            return
        super().closeEvent(event)

    def stop(self) -> None:
        self.tick_timer.stop()
        self.poll_timer.stop()

    def follow(self, listener: ChangeListener) -> None:
        """Poll as soon as any workstation changes a ticket (A12), not only on the timer."""
        listener.changed.connect(self.changes_arrived)
        if listener.instant:
            self.poll_timer.setInterval(FOLLOWING_POLL_MS)

    def changes_arrived(self, topics: frozenset[str]) -> None:
        if DESK_TOPIC in topics and self.isVisible():
            self.poll()

    # ------------------------------------------------------------------ loading

    def board_filter(self) -> BoardFilter:
        return self.filters.board_filter()

    def reload(self) -> None:
        """Load the board for the chosen filters (the model resets once)."""
        try:
            board = desk_board.load_board(self._db, self._actor, self.board_filter())
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.clear()
        self.model.set_board(board, self._clock.now())
        self._last_rows = None
        self._show_count()

    def poll(self) -> None:
        """Pick up tickets changed anywhere since the last poll; refresh the badge, banner and flag."""
        board = self.model.board
        now = self._clock.now()
        try:
            if board is not None:
                fresh = desk_board.refresh_board(self._db, board)
                if fresh is not board:
                    self.model.update_board(fresh, now)
                    self._show_count()
            self._show_badge(desk_completion.unread_count(self._db, self._actor))
            if self._on_call is None or now >= self._on_call.next_change:
                self._on_call = desk_settings.on_call_board(self._db, self._clock)
                self.banner.show_on_call(self._on_call)
            today = office_date(now)
            if self._flag_day != today:
                self._flag_day = today
                self.banner.show_unclosed(desk_review.unclosed_days(self._db, self._clock))
        except UserError as exc:
            self.message.problem(exc)

    def tick(self) -> None:
        """One second: repaint the visible countdowns; beep if a clock just turned red (when chosen)."""
        now = self._clock.now()
        first, last = self.visible_rows()
        self.model.tick(now, first, last)
        self.ticks += 1
        if self.ticks % RESORT_TICKS == 0:
            self.model.resort(now)
        if self.sound.isChecked() and self.model.board is not None:
            rows = self.model.board.rows(now)
            if self._last_rows is not None and desk_board.turned_red(self._last_rows, rows):
                self.beeps += 1
                QApplication.beep()
            self._last_rows = rows
        else:
            self._last_rows = None

    def visible_rows(self) -> tuple[int, int]:
        """The first and last row on screen (-1, -1 when none)."""
        count = self.model.rowCount()
        if count == 0:
            return -1, -1
        first = self.view.rowAt(0)
        last = self.view.rowAt(self.view.viewport().height() - 1)
        return max(first, 0), count - 1 if last < 0 else last

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{n} open").format(n=self.model.rowCount()))

    def _show_badge(self, unread: int) -> None:
        self.badge.setText(self.tr("Return visits due: {n}").format(n=unread))
        self.badge.setProperty("unread", unread)
        self.badge.setStyleSheet(
            (
                f"QToolButton {{ background: {style.PALETTE['overdue']}; color: {style.PALETTE['overdue_text']};"
                " border-radius: 8px; padding: 2px 8px; }"
            )
            if unread
            else ""
        )

    # ------------------------------------------------------------------ the chosen ticket

    def current_ticket_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return int(self.model.data(index, TICKET_ID_ROLE))

    def select_ticket(self, ticket_id: int) -> bool:
        row = self.model.row_for_id(ticket_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, Column.NUMBER))
        return True

    def run(self, key: str) -> object:
        """Do what the action ``key`` says, on the chosen ticket where it needs one."""
        if key == "new":
            return self.ticket_actions.new_ticket()
        if key == "on_call":
            return self.banner.toggle_on_call(self._db)
        if key == "full_screen":
            self._wall = not self._wall
            self.full_screen_requested.emit(self._wall)
            return self._wall
        ticket_id = self.current_ticket_id()
        if ticket_id is None:
            self.message.warning(self.tr("Choose a ticket on the board first."))
            return None
        self.message.clear()
        if key == "detail":
            return self.ticket_actions.detail(ticket_id)
        return self.ticket_actions.open(key, ticket_id)

    def set_wall_mode(self, on: bool) -> None:
        """Large print for the wall monitor; the toolbar and filters stay for the keyboard."""
        self._wall = on
        font = QFont(self.font())
        if on:
            font.setPointSizeF(font.pointSizeF() * WALL_FONT_SCALE)
        scale = WALL_FONT_SCALE if on else 1.0
        self.view.setFont(font)
        self.view.horizontalHeader().setFont(font)
        self.view.verticalHeader().setDefaultSectionSize(int(24 * scale))
        for column, width in COLUMN_WIDTHS.items():
            self.view.setColumnWidth(column, int(width * scale))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F5:
            self.run("on_call")
            return
        if event.key() == Qt.Key.Key_Escape and self._wall:
            self.run("full_screen")
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Claim F5 (and Esc on the wall) before any shortcut: F5 is the archive's Refresh elsewhere."""
        claimed = isinstance(event, QKeyEvent) and (
            event.key() == Qt.Key.Key_F5 or (event.key() == Qt.Key.Key_Escape and self._wall)
        )
        if claimed and event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def current_board(self) -> Board | None:
        return self.model.board
