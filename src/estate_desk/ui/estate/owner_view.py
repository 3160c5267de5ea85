"""The owner view (业主档案): households by building → floor → room, and the chosen owner's file.

The file shows the owner's details, the rooms owned then and now, the history of every change
(old → new, who, when, and whether it came from an edit, a transfer 过户, the census or an
import — A13) and the owner's documents, which open in the archive browser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE
from estate_desk.services.archive import browse, listings
from estate_desk.services.estate import owners
from estate_desk.ui import i18n
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import LazyTableModel, RowsTableModel
from estate_desk.ui.qt import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QShowEvent,
    QSplitter,
    Qt,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import local_time, table_view

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.browse import DocumentRow
    from estate_desk.services.archive.listings import Household
    from estate_desk.services.estate.owners import OwnerFile
    from estate_desk.store.database import Database


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(objectName=name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return tree


class OwnerView(QWidget):
    """Households on the left (A9 order), the owner's file (业主档案) on the right."""

    open_record = Signal(str, int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="ownerView")
        self._db, self._actor = db, actor
        self.file: OwnerFile | None = None
        self.model: RowsTableModel[Household] = RowsTableModel(
            [self.tr("Room"), self.tr("Owner"), self.tr("Phone"), self.tr("Move-in")],
            self._cell,
            self,
        )
        self.table = table_view("householdTable")
        self.table.setModel(self.model)
        owner_files = {"at_least": OWNER_FILE_GRADE, "shortcut": False}  # 绝密 (A12); Ctrl+E edits in the archive
        ListExport(self.table, db, actor, None, "住户", "Households", **owner_files)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 110)
        self.heading = QLabel(self.tr("Choose a household to open the owner's file."), objectName="ownerHeading")
        self.details = QFormLayout()
        self.detail_labels = {
            key: QLabel(objectName=f"owner_{key}", wordWrap=True)
            for key in ("kind", "phone", "address", "id_number", "rooms")
        }
        for key, title in (
            ("kind", self.tr("Kind")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
            ("id_number", self.tr("ID number")),
            ("rooms", self.tr("Rooms")),
        ):
            self.details.addRow(title, self.detail_labels[key])
        self.history = _tree(
            "ownerHistory",
            [self.tr("When"), self.tr("What"), self.tr("Old"), self.tr("New"), self.tr("Source"), self.tr("By")],
        )
        self.documents: LazyTableModel[DocumentRow] = LazyTableModel(
            [self.tr("Archive no."), self.tr("Title")],
            lambda row, column: (row.archive_no, row.title)[column],
            lambda ids: browse.document_rows(db, actor, ids),
            self,
            sort_rows=True,  # one owner's documents: a short list, sorted in memory
        )
        self.document_table = table_view("ownerDocuments")
        self.document_table.setModel(self.documents)
        ListExport(self.document_table, db, actor, None, "业主档案", "Owner's documents", **owner_files)
        self.document_table.setColumnWidth(0, 180)
        self.document_table.doubleClicked.connect(
            lambda index: self.open_record.emit("document", self.documents.id_at(index.row()))
        )
        self.tabs = QTabWidget(objectName="ownerTabs")
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.document_table, self.tr("Documents"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.heading)
        column.addLayout(self.details)
        column.addWidget(self.tabs, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([480, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self._loaded = False  # 50,000 households are read when the tab is first shown, not at start-up

    def _cell(self, h: Household, column: int) -> Any:
        return (h.room_code, h.owner_name or "", h.phone or "", str(h.move_in or ""))[column]

    def reload(self) -> None:
        self._loaded = True
        self.model.set_rows(listings.households(self._db, self._actor))

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_loaded()
        super().showEvent(event)

    def _chosen(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        household = self.model.row_of(current.row())
        if household.owner_id is not None:
            self.show_owner(household.owner_id)
        else:
            self.file = None
            self.heading.setText(self.tr("{room}: no owner on record.").format(room=household.room_code))

    def _select_row(self, row: int | None) -> bool:
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_room(self, room_id: int) -> bool:
        self._ensure_loaded()
        return self._select_row(self.model.find(lambda h: h.room_id == room_id))

    def select_owner(self, owner_id: int) -> bool:
        """Open an owner's file; their current room is chosen in the list where they have one."""
        self._ensure_loaded()
        if not self._select_row(self.model.find(lambda h: h.owner_id == owner_id)):
            self.table.clearSelection()
            return self.show_owner(owner_id)
        return self.file is not None and self.file.id == owner_id

    def show_owner(self, owner_id: int) -> bool:
        try:
            file = owners.owner_file(self._db, self._actor, owner_id)
        except UserError as exc:
            self.heading.setText(exc.message(i18n.lang_code()))
            return False
        self.file = file
        lang = i18n.lang_code()
        self.heading.setText(f"<b>{file.name}</b>")
        kinds = {"person": self.tr("person"), "company": self.tr("company")}
        until_now = self.tr("present", "an ownership that has not ended: 2019-05-01 – present")
        rooms = [
            f"{o.room_code} ({o.start_date} – {o.end_date or until_now})"
            + (self.tr(", moved in {date}").format(date=o.move_in_date) if o.move_in_date else "")
            for o in file.ownerships
        ]
        values = {
            "kind": kinds.get(file.kind, file.kind),
            "phone": file.phone or "—",
            "address": file.address or "—",
            "id_number": file.id_number or "—",
            "rooms": "<br>".join(rooms) or "—",
        }
        for key, text in values.items():
            self.detail_labels[key].setText(text)
        self.history.clear()
        for h in file.history:
            item = QTreeWidgetItem(
                [
                    local_time(h.changed_at),
                    h.field.label(lang) + (f" · {h.room_code}" if h.room_code else ""),
                    h.old_value or "—",
                    h.new_value or "—",
                    h.source.label(lang),
                    h.changed_by or self.tr("system"),
                ]
            )
            item.setToolTip(2, h.old_value)
            item.setToolTip(3, h.new_value)
            self.history.addTopLevelItem(item)
        if not file.history:
            empty = QTreeWidgetItem([self.tr("No changes recorded yet."), "", "", "", "", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addTopLevelItem(empty)
        self.documents.set_ids(file.document_ids)
        self.tabs.setTabText(1, self.tr("Documents ({n})").format(n=len(file.document_ids)))
        return True
