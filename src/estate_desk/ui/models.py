"""Thin item models over ids (like Anki's browser table): rows are fetched by page into a cache.

:class:`LazyTableModel` holds only the ids of a list and loads rows a page at a time when they
are first shown, so a list of hundreds of thousands of records scrolls smoothly.
:class:`RowsTableModel` is its small sibling for short lists already in memory (volumes, rooms).
Both answer the display and tool-tip roles through ``cell(row, column)`` and, where given,
colours and alignment through ``style(row, column, role)``.

Sorting by a header (``sort``) reorders the model itself, in :mod:`estate_desk.ui.sort_keys`'s natural
order, so ``row_of(view_row)`` and ``find()`` keep answering for the row the clerk sees (a proxy model
would not). ``sort(-1, …)`` gives back the list's own order; new rows keep the chosen sort.
A lazy list sorts only when made with ``sort_rows=True`` (a short list by nature: one owner's
documents, one volume, one box: its rows are then all fetched and sorted in memory) or with
``order_ids(column, descending)`` (a long list: its service reads the ids again, sorted in the database;
None for a column it cannot sort by). The archive's list sorts in the database through its own header
handling (``document_window``) and leaves ``sort`` alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from estate_desk.ui.qt import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from estate_desk.ui.sort_keys import sorted_positions

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.ui.worker import Runner

Row = TypeVar("Row")
PAGE = 200

Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_STYLE_ROLES = (
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.FontRole,
)


class _TableBase(QAbstractTableModel):
    def __init__(
        self,
        headers: Sequence[str],
        cell: Callable[[Any, int], Any],
        style: Callable[[Any, int, int], Any] | None,
        parent: Any,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cell = cell
        self._style = style
        self._sort: tuple[int, bool] | None = None  # (column, descending), None for the list's own order

    sorts = False  # whether a header click may call ``sort`` (``widgets.table_view`` reads it)

    def sort_column(self) -> tuple[int, bool] | None:
        """The chosen sort: (column, descending), or None for the list's own order."""
        return self._sort

    def _choose_sort(self, column: int, order: Qt.SortOrder) -> None:
        valid = 0 <= column < len(self._headers)
        self._sort = (column, order == Qt.SortOrder.DescendingOrder) if valid else None

    def _order_of(self, rows: Sequence[Any]) -> list[int]:
        """The positions of ``rows`` (None for a row not fetched) in the chosen sort."""
        if self._sort is None:
            return list(range(len(rows)))
        column, descending = self._sort
        values = [None if row is None else self._cell(row, column) for row in rows]
        return sorted_positions(values, descending)

    def _reorder(self, move: Callable[[], dict[int, int]]) -> None:
        """Reorder the rows in place: ``move()`` does it and answers old row → new row, so the
        selection and the current row follow their records."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = move()
        after = [self.index(moved.get(i.row(), i.row()), i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _row_at(self, row: int) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 # pragma: no cover - overridden
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _TEXT_ROLES and (role not in _STYLE_ROLES or self._style is None):
            return None  # most of what painting asks, answered before any work
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        if role in _TEXT_ROLES:
            row = self._row_at(index.row())
            return None if row is None else self._cell(row, index.column())
        if role in _STYLE_ROLES and self._style is not None:
            row = self._row_at(index.row())
            return None if row is None else self._style(row, index.column(), role)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class LazyTableModel(_TableBase, Generic[Row]):
    """A table over a list of ids; ``fetch(ids)`` loads the rows of one page when first shown."""

    def __init__(
        self,
        headers: Sequence[str],
        cell: Callable[[Row, int], Any],
        fetch: Callable[[Sequence[int]], dict[int, Row]],
        parent: Any = None,
        *,
        style: Callable[[Row, int, int], Any] | None = None,
        sort_rows: bool = False,
        order_ids: Callable[[int, bool], Sequence[int] | None] | None = None,
    ) -> None:
        super().__init__(headers, cell, style, parent)
        self._fetch = fetch
        self._order_ids = order_ids
        self.sorts = sort_rows or order_ids is not None
        self._ids: Sequence[int] = []
        self._given: list[int] = []  # the ids in the list's own order, for sort(-1)
        self._rows_by_id: dict[int, int] | None = None
        self._cache: dict[int, Row] = {}
        self._by_row: dict[int, Row] = {}
        self._shown: int | None = None  # the rows shown while a paged list's length is being counted
        self.fetches = 0  # pages loaded; tests and benchmarks read it

    def set_ids(self, ids: Sequence[int], runner: Runner | None = None) -> None:
        """The list's ids: a list, or a paged sequence with ``position(id)`` (``document_window.DocumentWindow``)
        that is kept as it is, so a list of 500,000 documents is never read whole.

        First page first (issue 18): a paged list whose length is not known yet (``known`` is None)
        shows its ``first_rows`` at once; its ``count_rows()`` runs on ``runner`` and the rest of the rows
        appear when it is done (:meth:`settle`) — counted here and now when there is no runner."""
        self.beginResetModel()
        self._shown = ids.first_rows if getattr(ids, "known", 0) is None else None  # type: ignore[attr-defined]
        self._ids = ids if hasattr(ids, "position") else list(ids)
        self._rows_by_id = None
        self._cache.clear()
        self._by_row.clear()
        if self.sorts and self._order_ids is None and self._sort is not None and not hasattr(ids, "position"):
            self._given = list(self._ids)
            self._ids = self._sorted_ids()
        self.endResetModel()
        if self._shown is not None and runner is None:
            self.settle(ids)
        elif self._shown is not None and runner is not None:
            runner.submit(lambda _state: ids.count_rows(), on_done=lambda _n: self.settle(ids))  # type: ignore[attr-defined]

    def settle(self, ids: Sequence[int] | None = None) -> None:
        """The paged list (``ids``, if it is still the one shown) has its length: the rows after its
        first page appear (counted here if nobody has yet)."""
        if self._shown is None or (ids is not None and ids is not self._ids):
            return  # another list was chosen meanwhile: its own count settles it
        shown, total = self._shown, len(self._ids)
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._shown = None
            self.endInsertRows()
        elif total < shown:  # fewer than the first page: the archive changed under the window
            self.beginRemoveRows(QModelIndex(), total, shown - 1)
            self._shown = None
            self.endRemoveRows()
        else:
            self._shown = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort a short list by one column's cells (all its rows are fetched); -1 restores its own order."""
        if not self.sorts or hasattr(self._ids, "position") or (column < 0 and self._sort is None):
            return  # (the view calls sort(-1) when it turns sorting on: the list is in its own order already)
        if self._order_ids is not None:
            self._sort_in_database(column, order)
            return
        if self._sort is None:
            self._given = list(self._ids)
        self._choose_sort(column, order)

        def move() -> dict[int, int]:
            old = list(self._ids)
            self._ids = self._sorted_ids() if self._sort is not None else list(self._given)
            self._rows_by_id = None
            self._by_row.clear()
            place = {record_id: n for n, record_id in enumerate(self._ids)}
            return {n: place[record_id] for n, record_id in enumerate(old)}

        self._reorder(move)

    def _sort_in_database(self, column: int, order: Qt.SortOrder) -> None:
        assert self._order_ids is not None
        descending = order == Qt.SortOrder.DescendingOrder
        ids = self._order_ids(column if 0 <= column < len(self._headers) else -1, descending)
        if ids is None:
            return  # a column the database does not sort by: the list stays as it is
        self._choose_sort(column, order)
        if set(ids) != set(self._ids):  # the list changed meanwhile: read afresh
            LazyTableModel.set_ids(self, ids)
            return

        def move() -> dict[int, int]:
            old, self._ids = list(self._ids), list(ids)
            self._rows_by_id = None
            self._by_row.clear()
            place = {record_id: n for n, record_id in enumerate(self._ids)}
            return {n: place[record_id] for n, record_id in enumerate(old)}

        self._reorder(move)

    def _sorted_ids(self) -> list[int]:
        missing = [i for i in self._given if i not in self._cache]
        for start in range(0, len(missing), PAGE):
            self._cache.update(self._fetch(missing[start : start + PAGE]))
            self.fetches += 1
        return [self._given[n] for n in self._order_of([self._cache.get(i) for i in self._given])]

    def ids(self) -> list[int]:
        return list(self._ids)

    def refresh(self, record_ids: Sequence[int] | None = None) -> None:
        """Forget cached rows (all, or those of ``record_ids``) so they are fetched again when shown."""
        self._by_row.clear()
        if record_ids is None:
            self._cache.clear()
        else:
            for record_id in record_ids:
                self._cache.pop(record_id, None)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self._headers) - 1))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_for_id(self, record_id: int) -> int | None:
        """The row showing ``record_id``, or None when it is not in this list."""
        if hasattr(self._ids, "position"):
            row: int | None = self._ids.position(record_id)
            if row is not None and row >= self.rowCount():
                self.settle()  # a record after the first page, asked for before the count came: count now
            return row
        if self._rows_by_id is None:
            self._rows_by_id = {rid: n for n, rid in enumerate(self._ids)}
        return self._rows_by_id.get(record_id)

    def row_of(self, row: int) -> Row | None:
        known = self._by_row.get(row)  # painting asks for each cell's roles: answer from memory
        if known is not None:
            return known
        record_id = self._ids[row]
        if record_id not in self._cache:
            start = (row // PAGE) * PAGE
            page = self._ids[start : start + PAGE]
            self._cache.update(self._fetch(page))
            self.fetches += 1
        found = self._cache.get(record_id)
        if found is not None:
            self._by_row[row] = found
        return found

    def _row_at(self, row: int) -> Row | None:
        return self.row_of(row)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self._shown if self._shown is not None else len(self._ids)


class RowsTableModel(_TableBase, Generic[Row]):
    """A table over a short list of rows already fetched (volumes of a category, rooms of the estate)."""

    def __init__(
        self,
        headers: Sequence[str],
        cell: Callable[[Row, int], Any],
        parent: Any = None,
        *,
        style: Callable[[Row, int, int], Any] | None = None,
    ) -> None:
        super().__init__(headers, cell, style, parent)
        self._given: list[Row] = []  # in the list's own order
        self._positions: list[int] = []  # the given rows' positions in the order shown
        self._rows: list[Row] = []  # as shown: sorted when a header was clicked

    sorts = True

    def set_rows(self, rows: Sequence[Row]) -> None:
        """New rows, shown in the chosen sort (if any)."""
        self.beginResetModel()
        self._given = list(rows)
        self._positions = self._order_of(self._given)
        self._rows = [self._given[n] for n in self._positions]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the cells of ``column`` (see :mod:`estate_desk.ui.sort_keys`); -1 restores the rows' order."""
        if column < 0 and self._sort is None:
            return  # already in the rows' own order
        self._choose_sort(column, order)

        def move() -> dict[int, int]:
            old, self._positions = self._positions, self._order_of(self._given)
            self._rows = [self._given[n] for n in self._positions]
            place = {given: new for new, given in enumerate(self._positions)}
            return {shown: place[given] for shown, given in enumerate(old)}

        self._reorder(move)

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, row: int) -> Row:
        return self._rows[row]

    def find(self, predicate: Callable[[Row], bool]) -> int | None:
        """The first row number whose row satisfies ``predicate``."""
        return next((n for n, r in enumerate(self._rows) if predicate(r)), None)

    def _row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


class TickableLazyTableModel(LazyTableModel[Row]):
    """A lazy table whose first column carries a tick box on the rows ``tickable(row)`` allows (the review
    list's records not yet in a batch). Ticks are kept by id, so they survive paging and refetching."""

    def __init__(
        self,
        headers: Sequence[str],
        cell: Callable[[Row, int], Any],
        fetch: Callable[[Sequence[int]], dict[int, Row]],
        tickable: Callable[[Row], bool],
        parent: Any = None,
        *,
        style: Callable[[Row, int, int], Any] | None = None,
        order_ids: Callable[[int, bool], Sequence[int] | None] | None = None,
    ) -> None:
        super().__init__(headers, cell, fetch, parent, style=style, order_ids=order_ids)
        self._tickable = tickable
        self._ticked: set[int] = set()

    def set_ids(self, ids: Sequence[int], runner: Runner | None = None) -> None:
        self._ticked.clear()
        super().set_ids(ids, runner)

    def _can_tick(self, index: Index) -> bool:
        if not index.isValid() or index.column() != 0 or not (0 <= index.row() < self.rowCount()):
            return False
        row = self.row_of(index.row())
        return row is not None and self._tickable(row)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._can_tick(index) else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if not self._can_tick(index):
                return None
            ticked = self.id_at(index.row()) in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self._can_tick(index):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.tick(self.id_at(index.row()), state == Qt.CheckState.Checked)
        return True

    def tick(self, record_id: int, ticked: bool = True) -> None:
        """Tick (or untick) the row of ``record_id``."""
        (self._ticked.add if ticked else self._ticked.discard)(record_id)
        row = self.row_for_id(record_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def ticked_ids(self) -> list[int]:
        """The ticked ids, in the list's order."""
        return [i for i in self._ids if i in self._ticked] if self._ticked else []


class Choice(NamedTuple):
    """One entry of a combo box: what it shows, the value ``currentData()`` gives, and a tool tip."""

    text: str
    value: Any = None
    tip: str | None = None


class ChoiceListModel(QAbstractListModel):
    """The entries of a combo box that can run into thousands (every household, every box): one Python
    tuple each, answered on demand, instead of an ``addItem`` call and a Qt item per entry.
    ``combo.setModel(model)``; ``findData``/``currentData``/``findText`` and the completer work as before."""

    def __init__(self, choices: Sequence[Choice] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._choices)):
            return None
        choice = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return choice.text
        if role == Qt.ItemDataRole.UserRole:
            return choice.value
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.tip
        return None


def set_choices(combo: Any, choices: Sequence[Choice]) -> ChoiceListModel:
    """Give ``combo`` its entries through a :class:`ChoiceListModel` (kept as the combo's child)."""
    model = ChoiceListModel(choices, combo)
    combo.setModel(model)
    completer = combo.completer()
    if completer is not None:  # a searchable combo finds among the new entries
        completer.setModel(model)
    return model
