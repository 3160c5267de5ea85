"""Thin item models over ids (like Anki's browser table): rows are fetched by page into a cache.

:class:`LazyTableModel` holds only the ids of a list and loads rows a page at a time when they
are first shown, so a list of hundreds of thousands of records scrolls smoothly.
:class:`RowsTableModel` is its small sibling for short lists already in memory (volumes, rooms).
Both answer the display and tool-tip roles through ``cell(row, column)`` and, where given,
colours and alignment through ``style(row, column, role)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from estate_desk.ui.qt import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

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
    ) -> None:
        super().__init__(headers, cell, style, parent)
        self._fetch = fetch
        self._ids: Sequence[int] = []
        self._rows_by_id: dict[int, int] | None = None
        self._cache: dict[int, Row] = {}
        self._by_row: dict[int, Row] = {}
        self.fetches = 0  # pages loaded; tests and benchmarks read it

    def set_ids(self, ids: Sequence[int]) -> None:
        """The list's ids: a list, or a paged sequence with ``position(id)`` (``document_window.DocumentWindow``)
        that is kept as it is, so a list of 500,000 documents is never read whole."""
        self.beginResetModel()
        self._ids = ids if hasattr(ids, "position") else list(ids)
        self._rows_by_id = None
        self._cache.clear()
        self._by_row.clear()
        self.endResetModel()

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
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._headers) - 1))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_for_id(self, record_id: int) -> int | None:
        """The row showing ``record_id``, or None when it is not in this list."""
        if hasattr(self._ids, "position"):
            return self._ids.position(record_id)  # type: ignore[no-any-return]
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
        return 0 if parent.isValid() else len(self._ids)


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
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
    ) -> None:
        super().__init__(headers, cell, fetch, parent, style=style)
        self._tickable = tickable
        self._ticked: set[int] = set()

    def set_ids(self, ids: Sequence[int]) -> None:
        self._ticked.clear()
        super().set_ids(ids)

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
