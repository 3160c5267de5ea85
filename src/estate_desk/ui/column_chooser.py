"""The column chooser (显示的列): a table header's context menu hides and shows columns, remembered per user.

The choice is kept in the workstation's preferences under the signed-in user's name and the
table's name, by the columns' names, so a shared front-desk PC keeps each user's own columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui import prefs
from estate_desk.ui.qt import QMenu, QObject, Qt

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from estate_desk.ui.qt import QPoint, QTableView


class ColumnChooser(QObject):
    """Installed on one table view: ``names[n]`` names logical column ``n`` in the preferences."""

    def __init__(
        self, view: QTableView, table: str, username: str, names: Sequence[str], withheld: Collection[int] = ()
    ) -> None:
        """``withheld``: columns this reader may not use (an owner's name without the owner files' clearance,
        A12): always hidden and not offered, whatever was stored."""
        super().__init__(view)
        self._view, self._table, self._username, self._names = view, table, username, list(names)
        self._withheld = frozenset(withheld)
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        hidden = prefs.hidden_columns(username, table)
        for column, name in enumerate(self._names):
            view.setColumnHidden(column, name in hidden or column in self._withheld)
        if len(self.hidden()) + len(self._withheld) >= len(self._names):  # never a table without a column
            view.setColumnHidden(0, False)

    def hidden(self) -> set[str]:
        return {
            name
            for column, name in enumerate(self._names)
            if self._view.isColumnHidden(column) and column not in self._withheld  # the reader's choice only
        }

    def set_shown(self, column: int, shown: bool) -> bool:
        """Show or hide one column and remember it; False when it would hide the last column shown."""
        if column in self._withheld:
            return False
        if (
            not shown
            and len(self.hidden()) >= len(self._names) - len(self._withheld) - 1
            and not self._view.isColumnHidden(column)
        ):
            return False
        self._view.setColumnHidden(column, not shown)
        if shown and self._view.columnWidth(column) == 0:
            self._view.resizeColumnToContents(column)
        prefs.set_hidden_columns(self._username, self._table, self.hidden())
        return True

    def menu(self) -> QMenu:
        """The header's context menu: one tickable entry per column."""
        menu = QMenu(self._view)
        model = self._view.model()
        for column in range(len(self._names)):
            if column in self._withheld:
                continue
            text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            action = menu.addAction(str(text))
            action.setCheckable(True)
            action.setChecked(not self._view.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_shown(c, shown))
        return menu

    def _menu(self, at: QPoint) -> None:
        menu = self.menu()
        menu.exec(self._view.horizontalHeader().mapToGlobal(at))
        menu.deleteLater()
