"""Thin item models over ids (like Anki's browser table): rows are fetched by page into a cache."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from estate_desk.ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

Row = TypeVar("Row")
PAGE = 200

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    """A table over a list of ids; ``fetch(ids)`` loads the rows of one page when first shown."""

    def __init__(
        self,
        headers: Sequence[str],
        cell: Callable[[Row, int], Any],
        fetch: Callable[[Sequence[int]], dict[int, Row]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cell = cell
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, Row] = {}
        self.fetches = 0  # pages loaded; tests and benchmarks read it

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, row: int) -> Row | None:
        record_id = self._ids[row]
        if record_id not in self._cache:
            start = (row // PAGE) * PAGE
            page = self._ids[start : start + PAGE]
            self._cache.update(self._fetch(page))
            self.fetches += 1
        return self._cache.get(record_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_of(index.row())
        return None if row is None else self._cell(row, index.column())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
