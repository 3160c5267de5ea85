"""The board's item model (工单看板): a thin table over the ids of the open tickets, most urgent first.

The model keeps the :class:`~estate_desk.services.desk.board.Board` the services loaded and the
order of its ids. A cell's clock is computed when the view asks for it — from the stored
deadlines and the instant of the last tick (:func:`~estate_desk.services.desk.board.row_at`) —
and kept until the next tick, so only the rows on screen cost anything. A tick changes no row:
it only says that the two countdown columns of the visible rows have new values
(``dataChanged``). A poll that found changes moves rows in and out one by one and re-sorts with
``layoutChanged``, so the selection and the scroll position survive; only a new filter resets it.
A click on a header sorts the board by that column instead (the clocks by urgency, the other columns
by their text in natural order); a third click gives back the rules' order of urgency.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from estate_desk.domain.desk.terms import TicketStatus
from estate_desk.services.desk.board import row_at
from estate_desk.ui.desk.widgets import clock_background, clock_foreground, clock_text
from estate_desk.ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt
from estate_desk.ui.sort_keys import sorted_positions
from estate_desk.ui.widgets import lang, local_time

if TYPE_CHECKING:
    from datetime import datetime

    from estate_desk.domain.desk.countdown import Countdown
    from estate_desk.services.desk.board import Board, BoardRow

Index = QModelIndex | QPersistentModelIndex
TICKET_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "green" / "amber" / "red": the clock's (or the row's) state


class Column(IntEnum):
    ARRIVAL = 0
    PROMISE = 1
    NUMBER = 2
    KIND = 3
    ROOM = 4
    PLACE = 5
    MATTER = 6
    HANDLER = 7
    RECEIVER = 8
    FLAGS = 9


CLOCK_COLUMNS = (Column.ARRIVAL, Column.PROMISE)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        STATE_ROLE,
        TICKET_ID_ROLE,
    }
)
_FONT: list[QFont] = []


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as runs of consecutive ones: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _clock_font() -> QFont:
    """The countdowns' bold monospace font, made once."""
    if not _FONT:
        font = QFont()
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        _FONT.append(font)
    return _FONT[0]


class BoardModel(QAbstractTableModel):
    """Open tickets with both countdowns, most urgent first; see the module docstring."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._board: Board | None = None
        self._order: list[int] = []
        self._rows_by_id: dict[int, int] = {}
        self._now: datetime | None = None
        self._cache: dict[int, BoardRow] = {}
        self._cells: dict[tuple[int, int], dict[int, Any]] = {}  # (ticket id, column) → role → value, per tick
        self._sort: tuple[Column, bool] | None = None  # a header's sort: (column, descending)
        self.computed = 0  # rows whose clocks were computed; tests and benchmarks read it
        self._headers = [
            self.tr("Arrival (3 min)"),
            self.tr("Promise"),
            self.tr("Ticket"),
            self.tr("Kind"),
            self.tr("Room"),
            self.tr("Place"),
            self.tr("About"),
            self.tr("Handler"),
            self.tr("First receiver"),
            self.tr("Notes"),
        ]

    # ------------------------------------------------------------------ the board

    @property
    def board(self) -> Board | None:
        return self._board

    @property
    def now(self) -> datetime | None:
        return self._now

    def set_board(self, board: Board, now: datetime) -> None:
        """A new board (a new filter, the first load): the one place the model resets."""
        self.beginResetModel()
        self._board, self._now = board, now
        self._cache.clear()
        self._cells.clear()
        self._set_order(self._sorted([row.id for row in board.rows(now)], now))
        self.endResetModel()

    def update_board(self, board: Board, now: datetime, changed: tuple[int, ...] | None = None) -> None:
        """The board after a poll: tickets that left are removed, new ones inserted, moved ones
        re-sorted (``layoutChanged``) and changed ones repainted. ``changed`` None: compare entries."""
        old = self._board
        if old is None:
            self.set_board(board, now)
            return
        gone = [i for i in self._order if i not in board.entries]
        for ticket_id in sorted(gone, key=lambda i: self._rows_by_id[i], reverse=True):
            row = self._rows_by_id[ticket_id]
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._order[row]
            self._set_order(self._order)
            self.endRemoveRows()
        known = set(self._order)
        new = [i for i in board.entries if i not in known]
        self._board, self._now = board, now
        self._cache.clear()
        self._cells.clear()
        if new:
            first = len(self._order)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._set_order(self._order + new)
            self.endInsertRows()
        self.resort(now)
        touched = (
            [i for i in board.entries if old.entries.get(i) is not board.entries[i]]
            if changed is None
            else [i for i in changed if i in board.entries]
        )
        for ticket_id in touched:
            row = self._rows_by_id[ticket_id]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def resort(self, now: datetime) -> bool:
        """Put the rows in the rules' order of urgency again; True when anything moved."""
        if self._board is None:
            return False
        wanted = self._sorted([row.id for row in self._board.rows(now)], now)
        if wanted == self._order:
            return False
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old_order = list(self._order)
        self._set_order(wanted)
        after = [self.index(self._rows_by_id[old_order[i.row()]], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        return True

    def tick(self, now: datetime, first: int, last: int) -> None:
        """A new second: work out the countdowns of rows first..last afresh and repaint only the
        cells whose text or colour changed (a promise shows minutes; most cells stay as they are)."""
        previous = self._cells
        self._now = now
        self._cache.clear()
        self._cells = {}
        if not self._order or first < 0:
            return
        last = min(max(first, last), len(self._order) - 1)
        changed: dict[Column, list[int]] = {column: [] for column in CLOCK_COLUMNS}
        for row in range(first, last + 1):
            ticket_id = self._order[row]
            for column in CLOCK_COLUMNS:
                key = (ticket_id, int(column))
                cell = self._cell(self.row_at(row), column)
                self._cells[key] = cell
                if previous.get(key) != cell:
                    changed[column].append(row)
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            STATE_ROLE,
        ]
        for column, rows in changed.items():
            for start, end in _runs(rows):
                self.dataChanged.emit(self.index(start, column), self.index(end, column), roles)

    sorts = True  # ``widgets.table_view`` turns header sorting on

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a header (-1: the rules' order of urgency); the rows keep it through ticks and polls."""
        valid = 0 <= column < len(Column)
        self._sort = (Column(column), order == Qt.SortOrder.DescendingOrder) if valid else None
        if self._now is not None:
            self.resort(self._now)

    def sort_column(self) -> tuple[int, bool] | None:
        return None if self._sort is None else (int(self._sort[0]), self._sort[1])

    def _sorted(self, urgent_first: list[int], now: datetime) -> list[int]:
        if self._sort is None or self._board is None:
            return urgent_first
        column, descending = self._sort
        if column in CLOCK_COLUMNS:  # a countdown sorts by urgency, the rules' own order
            return urgent_first[::-1] if descending else urgent_first
        entries = self._board.entries
        texts = [self._text(row_at(entries[i], now), column) for i in urgent_first]
        return [urgent_first[n] for n in sorted_positions(texts, descending)]

    def _set_order(self, ids: list[int]) -> None:
        self._order = ids
        self._rows_by_id = {ticket_id: n for n, ticket_id in enumerate(ids)}

    # ------------------------------------------------------------------ rows

    def ids(self) -> list[int]:
        return list(self._order)

    def id_at(self, row: int) -> int:
        return self._order[row]

    def row_for_id(self, ticket_id: int) -> int | None:
        return self._rows_by_id.get(ticket_id)

    def row_at(self, row: int) -> BoardRow:
        """The ticket on ``row`` with its clocks as of the last tick (computed once per tick)."""
        ticket_id = self._order[row]
        found = self._cache.get(ticket_id)
        if found is None:
            assert self._board is not None and self._now is not None
            found = row_at(self._board.entries[ticket_id], self._now)
            self._cache[ticket_id] = found
            self.computed += 1
        return found

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Painting asks for many roles of every cell on screen, every second: each cell's values are
        worked out once per tick and then answered from a dictionary (the board's CPU budget)."""
        if role not in _ROLES:
            return None
        row = index.row()
        if not (0 <= row < len(self._order)) or not index.isValid():
            return None
        ticket_id = self._order[row]
        if role == TICKET_ID_ROLE:
            return ticket_id
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:  # rare: computed when asked
            return self._tooltip(self.row_at(row), Column(column))
        key = (ticket_id, column)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cell(self.row_at(row), Column(column))
            self._cells[key] = cell
        return cell.get(role)

    def _cell(self, row: BoardRow, column: Column) -> dict[int, Any]:
        if column in CLOCK_COLUMNS:
            countdown = row.arrival if column == Column.ARRIVAL else row.promise
            if countdown is None:
                return {}
            return {
                Qt.ItemDataRole.DisplayRole: clock_text(countdown, lang()),
                STATE_ROLE: countdown.state.value,
                Qt.ItemDataRole.BackgroundRole: clock_background(countdown.state),
                Qt.ItemDataRole.ForegroundRole: clock_foreground(countdown.state),
                Qt.ItemDataRole.TextAlignmentRole: int(Qt.AlignmentFlag.AlignCenter),
                Qt.ItemDataRole.FontRole: _clock_font(),
            }
        return {Qt.ItemDataRole.DisplayRole: self._text(row, column), STATE_ROLE: row.state.value}

    def _tooltip(self, row: BoardRow, column: Column) -> Any:
        if column in CLOCK_COLUMNS:
            return self._clock_data(row, column, Qt.ItemDataRole.ToolTipRole)
        return row.entry.subject if column == Column.MATTER else self._text(row, column) or None

    def _clock_data(self, row: BoardRow, column: Column, role: int) -> Any:
        countdown = row.arrival if column == Column.ARRIVAL else row.promise
        if countdown is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return clock_text(countdown, lang())
        if role == STATE_ROLE:
            return countdown.state.value
        if role == Qt.ItemDataRole.BackgroundRole:
            return clock_background(countdown.state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return clock_foreground(countdown.state)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return _clock_font()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._clock_tip(countdown, column)
        return None

    def _clock_tip(self, countdown: Countdown, column: Column) -> str:
        due = local_time(countdown.deadline)
        if column == Column.ARRIVAL:
            if countdown.stopped:
                return self.tr("Someone arrived on site at {time}").format(time=local_time(countdown.at))
            if countdown.excused:
                return self.tr("Delay explained in advance: someone is expected by {time}").format(time=due)
            return self.tr("Someone must be on site by {time} (3 minutes)").format(time=due)
        if countdown.stopped:
            return self.tr("Handled at {time}; promised by {due}").format(time=local_time(countdown.at), due=due)
        return self.tr("Promised by {time}").format(time=due)

    def _text(self, row: BoardRow, column: Column) -> str:
        e = row.entry
        if column == Column.NUMBER:
            return e.number
        if column == Column.KIND:
            return e.kind.label(lang())
        if column == Column.ROOM:
            return e.room_code or ""
        if column == Column.PLACE:
            return e.place
        if column == Column.MATTER:
            return e.matter
        if column == Column.HANDLER:
            return e.handler or ""
        if column == Column.RECEIVER:
            return e.first_receiver
        return self._flags(row)

    def _flags(self, row: BoardRow) -> str:
        flags = []
        if row.entry.status is TicketStatus.COMPLETED:
            flags.append(self.tr("awaiting return visit"))
        if row.is_repeat:
            flags.append(self.tr("repeat complaint"))
        if row.postponed:
            flags.append(self.tr("postponed once"))
        if row.entry.ticket.arrival_explanation is not None:
            flags.append(self.tr("delay explained"))
        if row.services_total:
            flags.append(f"¥{row.services_total:,.2f}")
        return " · ".join(flags)
