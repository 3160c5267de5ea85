"""The archive browser (档案浏览): category tree, the documents or volumes of the chosen node, the detail pane.

The tree holds the categories (门类, with their sub-categories) and the clerk's two work
lists of the dual track: "to digitise" (待数字化) and "paper missing" (纸质件未归位). The
document table is a lazy model over ids, so it stays smooth with hundreds of thousands of rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from estate_desk.domain.disposal.rules import VOID_MARK
from estate_desk.services.archive import browse, volumes, worklists
from estate_desk.ui import i18n
from estate_desk.ui.archive.detail_pane import DetailPane
from estate_desk.ui.models import LazyTableModel, RowsTableModel
from estate_desk.ui.qt import (
    QColor,
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

    from estate_desk.domain.archive.dual_track import Track
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.browse import CategoryNode, DocumentRow
    from estate_desk.services.archive.volumes import VolumeRow
    from estate_desk.store.database import Database

NODE = Qt.ItemDataRole.UserRole  # ("category", id | None) or ("worklist", name)
TO_DIGITISE = "to_digitise"
PAPER_MISSING = "paper_missing"
DOCUMENTS_TAB, VOLUMES_TAB = 0, 1
TRACK_COLUMN = 10
TITLE_COLUMN = 1
VOID_COLOUR = QColor("#c00000")


class Listed(NamedTuple):
    """A row of the document table: the record, its track (双轨) and its cells, worked out once."""

    row: DocumentRow
    track: Track | None
    cells: tuple[Any, ...] = ()


class ArchiveBrowser(QWidget):
    """Tree on the left, table in the middle, detail pane on the right."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="archiveBrowser")
        self._db, self._actor = db, actor
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
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 260)
        for column, width in ((2, 50), (3, 45), (4, 50), (5, 55), (6, 110), (7, 70), (8, 150), (9, 150)):
            self.table.setColumnWidth(column, width)
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
        column.addWidget(self.tables)
        split = QSplitter(objectName="archiveSplit")
        split.addWidget(self.tree)
        split.addWidget(middle)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([270, 610, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.tree.currentItemChanged.connect(lambda *_: self._load_node())
        self.view_tabs.currentChanged.connect(self._view_changed)
        self.table.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.volume_table.selectionModel().currentRowChanged.connect(self._volume_chosen)
        self.reload()

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
        current = self.current_document_id()
        if kind == "worklist":
            ids = (worklists.to_digitise if value == TO_DIGITISE else worklists.paper_missing)(self._db, self._actor)
            self.model.set_ids(ids)
            self.volume_model.set_rows([])
            self.view_tabs.setCurrentIndex(DOCUMENTS_TAB)
        else:
            self.model.set_ids(browse.DocumentWindow(self._db, self._actor, value))  # read by page
            self.volume_model.set_rows(volumes.volumes(self._db, self._actor, value))
        if current is not None and self.model.row_for_id(current) is not None:
            self.select_document(current)
        elif self.tables.currentIndex() == DOCUMENTS_TAB:
            self.detail.clear()

    def _view_changed(self, index: int) -> None:
        self.tables.setCurrentIndex(index)
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
