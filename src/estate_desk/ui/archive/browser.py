"""The archive browser (档案浏览): category tree, the documents or volumes of the chosen node, the detail pane.

The tree holds the categories (门类, with their sub-categories) and the clerk's two work
lists of the dual track: "to digitise" (待数字化) and "paper missing" (纸质件未归位). The
document table is a lazy model over ids, so it stays smooth with hundreds of thousands of rows.
A click on the 档号, 题名 or 年度 header sorts a category's list in the database, and the filter bar
(year, grade, box, paper/digital) narrows it there too; the model only receives ids in that order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from estate_desk.domain.disposal.rules import VOID_MARK
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import browse, volumes, worklists
from estate_desk.services.archive.document_window import ARCHIVE_ORDER, DocumentWindow, Order, SortKey, sortable
from estate_desk.services.secrecy import clearance
from estate_desk.ui import i18n, style
from estate_desk.ui.archive.detail_pane import DetailPane
from estate_desk.ui.archive.filter_bar import FilterBar
from estate_desk.ui.column_chooser import ColumnChooser
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import LazyTableModel, RowsTableModel
from estate_desk.ui.qt import (
    QHeaderView,
    QSplitter,
    QStackedWidget,
    Qt,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import table_view, track_background, track_foreground

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from estate_desk.domain.archive.dual_track import Track
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.browse import CategoryNode, DocumentRow
    from estate_desk.services.archive.volumes import VolumeRow
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner

NODE = Qt.ItemDataRole.UserRole  # ("category", id | None) or ("worklist", name)
TO_DIGITISE = "to_digitise"
PAPER_MISSING = "paper_missing"
DOCUMENTS_TAB, VOLUMES_TAB = 0, 1
TRACK_COLUMN = 10
TITLE_COLUMN = 1
GRADE_COLUMN = 4
ROOM_COLUMN, OWNER_COLUMN, BOX_COLUMN = 6, 7, 8
# The headers that sort, each by an index (document_window.sortable). The others do not: grade,
# retention and pages have no index to sort by; room, owner, box and place are in other tables, so
# a category of 500,000 would be sorted whole for each page (and an owner order would tell a reader
# not cleared for owner files whom the names belong to); the track is worked out per row.
SORT_KEYS = {0: SortKey.ARCHIVE_NO, TITLE_COLUMN: SortKey.TITLE, 2: SortKey.YEAR}
# the columns' names in the preferences (the column chooser remembers hidden ones per user)
COLUMN_NAMES = ("archive_no", "title", "year", "pages", "grade", "retention", "room", "owner", "box", "place", "track")
VOID_COLOUR = style.colour("void")


class Listed(NamedTuple):
    """A row of the document table: the record, its track (双轨) and its cells, worked out once."""

    row: DocumentRow
    track: Track | None
    cells: tuple[Any, ...] = ()


class ArchiveBrowser(QWidget):
    """Tree on the left, table in the middle, detail pane on the right."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, runner: Runner | None = None
    ) -> None:
        """``runner``: the window's worker, which counts a long filtered list after its first rows show."""
        super().__init__(parent, objectName="archiveBrowser")
        self._db, self._actor, self._runner = db, actor, runner
        self.tree = QTreeWidget(objectName="categoryTree")
        self.tree.setHeaderLabels([self.tr("Category"), self.tr("Documents")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        headers = [
            self.tr("Archive no."),
            self.tr("Title"),
            self.tr("Year"),
            self.tr("Pages"),
            self.tr("Grade"),
            self.tr("Retention"),
            self.tr("Room"),
            self.tr("Owner"),
            self.tr("Box"),
            self.tr("Place"),
            self.tr("Track"),
        ]
        self.model: LazyTableModel[Listed] = LazyTableModel(headers, self._cell, self._fetch, self, style=self._style)
        self.table = table_view("documentTable")
        self.table.fit_on_first_rows = False  # its widths are set below; the column chooser hides columns per user
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for place, column in enumerate((ROOM_COLUMN, OWNER_COLUMN, BOX_COLUMN), start=TITLE_COLUMN + 1):
            header.moveSection(header.visualIndex(column), place)  # who and where, next to the title
        widths = {
            0: 165,
            1: 210,
            ROOM_COLUMN: 95,
            OWNER_COLUMN: 70,
            BOX_COLUMN: 150,
            2: 50,
            3: 45,
            4: 55,
            5: 55,
            9: 150,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._order = ARCHIVE_ORDER
        withheld = () if clearance.may_see_owner_files(actor) else (OWNER_COLUMN,)  # owners are 绝密 (A12)
        self.columns = ColumnChooser(self.table, "archive_documents", actor.username, COLUMN_NAMES, withheld)
        self.filters = FilterBar(actor)
        self.volume_model: RowsTableModel[VolumeRow] = RowsTableModel(
            [
                self.tr("Volume"),
                self.tr("Title"),
                self.tr("Year"),
                self.tr("State"),
                self.tr("Box"),
                self.tr("Documents"),
            ],
            self._volume_cell,
            self,
        )
        self.volume_table = table_view("volumeTable")
        self.volume_table.setModel(self.volume_model)
        no_key = {"shortcut": False}  # the archive's Ctrl+E edits the chosen record
        self.document_export = ListExport(self.table, db, actor, None, "档案列表", "Archive list", **no_key)
        self.volume_export = ListExport(
            self.volume_table, db, actor, None, "案卷列表", "Volume list", **no_key,
            grades=lambda: volumes.grades(db, [v.id for v in self.volume_model.rows()]).values(),
        )  # fmt: skip
        self.volume_table.setColumnWidth(0, 170)
        self.volume_table.setColumnWidth(1, 240)
        self.view_tabs = QTabBar(objectName="viewTabs")
        self.view_tabs.setExpanding(False)
        self.view_tabs.addTab(self.tr("Documents"))
        self.view_tabs.addTab(self.tr("Volumes"))
        self.tables = QStackedWidget()
        self.tables.addWidget(self.table)
        self.tables.addWidget(self.volume_table)
        self.detail = DetailPane(db, actor)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.view_tabs)
        column.addWidget(self.filters)
        column.addWidget(self.tables)
        split = QSplitter(objectName="archiveSplit")
        split.addWidget(self.tree)
        split.addWidget(middle)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([225, 735, 310])  # at 1400 wide: 档号, 题名, 房号, 业主 and 档案盒 without dragging
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.tree.currentItemChanged.connect(lambda *_: self._load_node())
        self.view_tabs.currentChanged.connect(self._view_changed)
        header.sectionClicked.connect(self._header_clicked)
        self.filters.changed.connect(self._load_documents)
        self.table.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.volume_table.selectionModel().currentRowChanged.connect(self._volume_chosen)
        self.reload()
        # the categories' names whole, in English too ("YZ Owner & office records"): from the detail pane
        wanted = self.tree.sizeHintForColumn(0) + self.tree.header().sectionSize(1) + 24
        if wanted > 225:
            split.setSizes([wanted, 735, max(220, 310 - (wanted - 225))])

    # ------------------------------------------------------------------ the table

    def _fetch(self, ids: Sequence[int]) -> dict[int, Listed]:
        rows = browse.document_rows(self._db, self._actor, ids)
        tracks = worklists.dual_track(self._db, self._actor, list(rows))
        return {i: self._listed(row, tracks.get(i)) for i, row in rows.items()}

    def _cell(self, listed: Listed, column: int) -> Any:
        return listed.cells[column]  # painting asks for every cell on screen again and again

    def _listed(self, row: DocumentRow, track: Track | None) -> Listed:
        lang = i18n.lang_code()
        values = (
            row.archive_no,
            f"【{row.status}】{row.title}" if row.status else row.title,
            row.year,
            row.pages,
            row.secrecy.label(lang),
            row.retention.label(lang),
            row.room_code or "",
            row.owner_name or "",
            row.box_code or "",
            row.place or "",
            track.label(lang) if track else "",
        )
        return Listed(row, track, values)

    def _style(self, listed: Listed, column: int, role: int) -> Any:
        if column == TITLE_COLUMN and listed.row.status and role == Qt.ItemDataRole.ForegroundRole:
            return VOID_COLOUR  # 作废 / 已销毁 (A16, A17)
        if column == GRADE_COLUMN and listed.row.secrecy >= Grade.SECRET:  # the classified stand out (A6)
            if role == Qt.ItemDataRole.ForegroundRole:
                return style.grade_colour(listed.row.secrecy)
            if role == Qt.ItemDataRole.FontRole:
                return style.grade_font(listed.row.secrecy)
        if column != TRACK_COLUMN or listed.track is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return track_background(listed.track)
        if role == Qt.ItemDataRole.ForegroundRole:
            return track_foreground(listed.track)
        return None

    def _volume_cell(self, volume: VolumeRow, column: int) -> Any:
        state = self.tr("closed") if volume.closed else self.tr("open")
        title = f"【{VOID_MARK}】{volume.title}" if volume.void else volume.title
        return (volume.code, title, volume.year, state, volume.box_code or "", volume.count)[column]

    # ------------------------------------------------------------------ the tree

    def reload(self) -> None:
        """Rebuild the tree (counts change as records are registered and filed), keeping the chosen node."""
        chosen = self.current_node()
        lang = i18n.lang_code()
        self.tree.blockSignals(True)
        self.tree.clear()
        everything = QTreeWidgetItem([self.tr("All categories"), ""])
        everything.setData(0, NODE, ("category", None))
        self.tree.addTopLevelItem(everything)
        nodes: list[CategoryNode] = browse.categories(self._db, self._actor)
        items: dict[int, QTreeWidgetItem] = {}
        total = 0
        for node in nodes:
            name = node.name_zh if lang == "zh" else node.name_en
            item = QTreeWidgetItem([f"{node.code} {name}", str(node.visible_documents)])
            item.setData(0, NODE, ("category", node.id))
            item.setData(1, Qt.ItemDataRole.UserRole, node.code)
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            (parent or everything).addChild(item)
            items[node.id] = item
            total += node.visible_documents
        everything.setText(1, str(total))
        everything.setExpanded(True)
        lists = QTreeWidgetItem([self.tr("Work lists"), ""])
        lists.setData(0, NODE, None)
        lists.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(lists)
        for name, title, count in (
            (TO_DIGITISE, self.tr("To digitise"), worklists.to_digitise_count(self._db, self._actor)),
            (PAPER_MISSING, self.tr("Paper missing"), worklists.paper_missing_count(self._db, self._actor)),
        ):
            item = QTreeWidgetItem([title, str(count)])
            item.setData(0, NODE, ("worklist", name))
            item.setToolTip(
                0,
                self.tr("Paper originals without a scan")
                if name == TO_DIGITISE
                else self.tr("Originals that stand in no box"),
            )
            lists.addChild(item)
        lists.setExpanded(True)
        self.tree.blockSignals(False)
        self.tree.setCurrentItem(self._find_node(chosen) or everything)  # a new item: loads its list

    def current_node(self) -> tuple[str, Any] | None:
        item = self.tree.currentItem()
        return item.data(0, NODE) if item is not None else None

    def _find_node(self, node: tuple[str, Any] | None) -> QTreeWidgetItem | None:
        if node is None:
            return None
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.data(0, NODE) == node:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def choose_node(self, kind: str, value: Any) -> None:
        """Show a category (``"category", id | None``) or a work list (``"worklist", name``)."""
        item = self._find_node((kind, value))
        if item is not None:
            self.tree.setCurrentItem(item)

    def current_category(self) -> tuple[int | None, str | None]:
        """The chosen category's id and code (None, None for "all" and the work lists)."""
        item = self.tree.currentItem()
        node = item.data(0, NODE) if item is not None else None
        if not node or node[0] != "category" or node[1] is None:
            return None, None
        return node[1], item.data(1, Qt.ItemDataRole.UserRole)

    def _load_node(self) -> None:
        node = self.current_node()
        if not node:
            return
        kind, value = node
        if kind == "worklist":
            self.volume_model.set_rows([])
            self.view_tabs.setCurrentIndex(DOCUMENTS_TAB)
        else:
            self.volume_model.set_rows(volumes.volumes(self._db, self._actor, value))
        self._load_documents()

    def _load_documents(self) -> None:
        """The document list of the chosen node, filtered and sorted, keeping the current record if still in it."""
        node = self.current_node()
        if not node:
            return
        kind, value = node
        current = self.current_document_id()
        order = self._shown_order()
        self._show_order(order)
        if kind == "worklist":  # short lists in archive-number order; the filters are for categories
            ids = (worklists.to_digitise if value == TO_DIGITISE else worklists.paper_missing)(self._db, self._actor)
            self.filters.setEnabled(False)
            self.model.set_ids(ids)
        else:
            self.filters.setEnabled(True)
            window = DocumentWindow(self._db, self._actor, value, order, self.filters.wanted())
            self.model.set_ids(window, self._runner)  # first page first; the count follows (issue 18)
        if current is not None and self.model.row_for_id(current) is not None:
            self.select_document(current)
        elif self.tables.currentIndex() == DOCUMENTS_TAB:
            self.detail.clear()

    def sortable_columns(self) -> list[int]:
        """The columns whose header sorts the list now shown."""
        node = self.current_node()
        if not node or node[0] != "category":
            return []
        keys = sortable(node[1])
        return [column for column, key in SORT_KEYS.items() if key in keys]

    def sort_by(self, column: int, descending: bool = False) -> bool:
        """Sort the document list by a column's header, in the database; False for a column that does not sort."""
        if column not in self.sortable_columns():
            return False
        self._order = Order(SORT_KEYS[column], descending)
        self._load_documents()
        return True

    def _shown_order(self) -> Order:
        """The order of the list shown: the one chosen, where the chosen node's list can be sorted by it."""
        node = self.current_node()
        if not node or node[0] != "category" or self._order.key not in sortable(node[1]):
            return ARCHIVE_ORDER
        return self._order

    def _show_order(self, order: Order) -> None:
        column = next(c for c, key in SORT_KEYS.items() if key is order.key)
        direction = Qt.SortOrder.DescendingOrder if order.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, direction)

    def _header_clicked(self, column: int) -> None:
        shown = self._shown_order()
        same = SORT_KEYS.get(column) is shown.key
        if not self.sort_by(column, descending=same and not shown.descending):
            self._show_order(shown)  # a header that does not sort: the indicator stays where the order is

    def export_list(self) -> Path | None:
        """ "Export to Excel…" for the list shown: the documents or the volumes."""
        shown = self.volume_export if self.tables.currentIndex() == VOLUMES_TAB else self.document_export
        return shown.export()

    def _view_changed(self, index: int) -> None:
        self.tables.setCurrentIndex(index)
        self.filters.setVisible(index == DOCUMENTS_TAB)  # the filters are the document list's
        self.detail.clear()

    # ------------------------------------------------------------------ choosing

    def current_document_id(self) -> int | None:
        if self.tables.currentIndex() != DOCUMENTS_TAB:
            return None
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def current_volume(self) -> VolumeRow | None:
        if self.tables.currentIndex() != VOLUMES_TAB:
            return None
        index = self.volume_table.currentIndex()
        return self.volume_model.row_of(index.row()) if index.isValid() else None

    def _document_chosen(self, current: Any, _previous: Any = None) -> None:
        if current.isValid():
            self.detail.show_document(self.model.id_at(current.row()))

    def _volume_chosen(self, current: Any, _previous: Any = None) -> None:
        if current.isValid():
            self.detail.show_volume(self.volume_model.row_of(current.row()))

    def select_document(self, document_id: int) -> bool:
        """Show one document: in the current list if it is there, else under "All categories"."""
        self.view_tabs.setCurrentIndex(DOCUMENTS_TAB)
        if self.model.row_for_id(document_id) is None:
            self.choose_node("category", None)
        row = self.model.row_for_id(document_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if self.detail.document is None or self.detail.document.id != document_id:
            self.detail.show_document(document_id)
        return True

    def select_volume(self, volume_id: int) -> bool:
        self.view_tabs.setCurrentIndex(VOLUMES_TAB)
        if self.volume_model.find(lambda v: v.id == volume_id) is None:
            self.choose_node("category", None)
            self.view_tabs.setCurrentIndex(VOLUMES_TAB)
        row = self.volume_model.find(lambda v: v.id == volume_id)
        if row is None:
            return False
        index = self.volume_model.index(row, 0)
        self.volume_table.setCurrentIndex(index)
        self.volume_table.scrollTo(index)
        self.detail.show_volume(self.volume_model.row_of(row))
        return True

    def refresh_after_change(self, document_id: int | None = None) -> None:
        """After a registration, edit or filing: counts, lists and the detail pane read again."""
        volume = self.current_volume()
        self.reload()
        if document_id is not None:
            self.select_document(document_id)
            self.detail.show_document(document_id)
        elif volume is not None:
            self.select_volume(volume.id)
