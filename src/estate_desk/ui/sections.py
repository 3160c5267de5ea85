"""The main window's sections: Archive (档案), Front desk (前台), Printing (打印), Administration (管理)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.ticket_terms import TicketKind
from estate_desk.services import accounts, browse
from estate_desk.ui import i18n
from estate_desk.ui.models import LazyTableModel
from estate_desk.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.services.browse import DocumentRow
    from estate_desk.store.database import Database


def _table_view(name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ArchiveSection(QWidget):
    """The category tree, the documents of the chosen category, and where each one is (paper/digital)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.tree = QTreeWidget(objectName="categoryTree")
        self.tree.setHeaderLabels([self.tr("Category"), self.tr("Documents")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
            self.tr("Paper"),
        ]
        self.model: LazyTableModel[DocumentRow] = LazyTableModel(
            headers, self._cell, lambda ids: browse.document_rows(db, actor, ids), self
        )
        self.table = _table_view("documentTable")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 300)
        self.detail = QLabel(objectName="documentDetail", wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 4)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 900])
        QVBoxLayout(self).addWidget(split)
        self.tree.currentItemChanged.connect(self._category_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.reload()

    def _cell(self, row: DocumentRow, column: int) -> Any:
        lang = i18n.lang_code()
        paper = self.tr("paper") if row.has_paper else self.tr("no paper original")
        values = (
            row.archive_no,
            row.title,
            row.year,
            row.pages,
            row.secrecy.label(lang),
            row.retention.label(lang),
            row.room_code or "",
            row.owner_name or "",
            row.box_code or "",
            row.place or "",
            paper,
        )
        return values[column]

    def reload(self) -> None:
        lang = i18n.lang_code()
        self.tree.clear()
        everything = QTreeWidgetItem([self.tr("All categories"), ""])
        everything.setData(0, Qt.ItemDataRole.UserRole, None)
        self.tree.addTopLevelItem(everything)
        total = 0
        for node in browse.categories(self._db, self._actor):
            name = node.name_zh if lang == "zh" else node.name_en
            item = QTreeWidgetItem([f"{node.code} {name}", str(node.visible_documents)])
            item.setData(0, Qt.ItemDataRole.UserRole, node.id)
            everything.addChild(item)
            total += node.visible_documents
        everything.setText(1, str(total))
        everything.setExpanded(True)
        self.tree.setCurrentItem(everything)

    def _category_chosen(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        category_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.model.set_ids(browse.document_ids(self._db, self._actor, category_id))
        self.detail.clear()

    def _document_chosen(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        row = self.model.row_of(current.row())
        if row is None:
            return
        lang = i18n.lang_code()
        paper = (
            self.tr("Paper original: {place}").format(place=row.place or self.tr("not yet shelved"))
            if row.has_paper
            else self.tr("No paper original")
        )
        self.detail.setText(
            f"<b>{row.archive_no}</b> — {row.title}<br>"
            f"{self.tr('Grade')}: {row.secrecy.label(lang)} · {self.tr('Retention')}: {row.retention.label(lang)}"
            f" · {self.tr('Pages')}: {row.pages}<br>{paper}<br>{self.tr('Box')}: {row.box_code or '—'}"
        )


class DeskSection(QWidget):
    """Open tickets at the front desk."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._clock = db, actor, clock
        self.table = QTableWidget(0, 4, objectName="ticketTable")
        self.table.setHorizontalHeaderLabels([self.tr("Ticket"), self.tr("Kind"), self.tr("Room"), self.tr("About")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Open tickets")))
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        rows = browse.open_tickets(self._db, self._actor)
        self.table.setRowCount(len(rows))
        lang = i18n.lang_code()
        for r, t in enumerate(rows):
            kind = TicketKind(t.kind).label(lang)
            for c, value in enumerate((t.number, kind, t.room_code or "", t.subject)):
                self.table.setItem(r, c, QTableWidgetItem(value))


class PrintingSection(QWidget):
    """Boxes where they stand, for labels and catalogues."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, objectName="boxTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Box"),
                self.tr("Category"),
                self.tr("Year"),
                self.tr("Spine (mm)"),
                self.tr("Cabinet · shelf-position"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Boxes in the archive room")))
        layout.addWidget(self.table)
        boxes = browse.boxes(db, actor)
        self.table.setRowCount(len(boxes))
        lang = i18n.lang_code()
        for r, b in enumerate(boxes):
            values = (
                b.code,
                b.category_zh if lang == "zh" else b.category_en,
                str(b.year),
                str(b.spine_mm),
                b.place or "",
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))


class AdminSection(QWidget):
    """Accounts of the office."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, objectName="userTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("Clearance"), self.tr("State")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Users")))
        layout.addWidget(self.table)
        lang = i18n.lang_code()
        try:
            users = accounts.list_users(db, clock, actor)
        except UserError as exc:
            layout.addWidget(QLabel(exc.message(lang)))
            users = []
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            state = self.tr("disabled") if u.disabled else (self.tr("locked") if u.locked else self.tr("active"))
            for c, value in enumerate((u.username, u.display_name, u.role.label(lang), u.clearance.label(lang), state)):
                self.table.setItem(r, c, QTableWidgetItem(value))
