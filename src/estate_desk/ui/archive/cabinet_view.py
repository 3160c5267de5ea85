"""The cabinet view (档案柜): shelves × positions with the boxes where they stand, and the open box.

Clicking a box shows it on the right — code, category, item range (derived from the
contents), place, its documents in A9 order and every move. Double-clicking an empty
position asks which box to stand there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.services.archive import boxes, browse, cabinets, movements
from estate_desk.ui import i18n, style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import LazyTableModel
from estate_desk.ui.qt import (
    QAbstractTableModel,
    QColor,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import eliding_label, local_time, table_view

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.boxes import BoxContents
    from estate_desk.services.archive.browse import DocumentRow
    from estate_desk.services.archive.cabinets import BoxSlot, CabinetLayout
    from estate_desk.store.database import Database

Index = QModelIndex | QPersistentModelIndex
BOX_ID = Qt.ItemDataRole.UserRole
EMPTY = style.colour("panel")
PALETTE = style.CATEGORY_TINTS


def short_code(code: str) -> str:
    """A box code without the fonds code in front (Z001-GC-2019-H001 → GC-2019-H001), to fit a slot."""
    head, _, rest = code.partition("-")
    return rest or head


def item_number(archive_no: str | None) -> str:
    """The item number at the end of an archive number (…-0012 → 0012), for the short range on a slot."""
    if not archive_no:
        return ""
    return archive_no.rsplit("-", 1)[-1]


class CabinetGridModel(QAbstractTableModel):
    """One cabinet: a row per shelf (层), a column per position (格), a box where one stands."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.layout_: CabinetLayout | None = None

    def set_layout(self, layout: CabinetLayout | None) -> None:
        self.beginResetModel()
        self.layout_ = layout
        self.endResetModel()

    def slot(self, index: Index) -> BoxSlot | None:
        if self.layout_ is None or not index.isValid():
            return None
        return self.layout_.slots.get((index.row() + 1, index.column() + 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.layout_ is None else self.layout_.cabinet.shelves

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.layout_ is None else self.layout_.cabinet.positions

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.layout_ is None:
            return None
        slot = self.slot(index)
        if role == Qt.ItemDataRole.BackgroundRole:
            return EMPTY if slot is None else QColor(PALETTE[sum(map(ord, slot.category_zh)) % len(PALETTE)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if slot is None:
            return None
        category = slot.category_zh if i18n.lang_code() == "zh" else slot.category_en
        if role == Qt.ItemDataRole.DisplayRole:
            span = f"{item_number(slot.first_no)}–{item_number(slot.last_no)}" if slot.first_no else "—"
            lines = [short_code(slot.code), category, span]
            if slot.away:  # 在数字化: out of the archive room
                lines.append(self.tr("At the scanner"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            away = self.tr("\nOut for digitisation, batch {batch}").format(batch=slot.away) if slot.away else ""
            return f"{slot.code}\n{category}\n{slot.first_no or '—'} … {slot.last_no or '—'}{away}"
        if role == Qt.ItemDataRole.ForegroundRole and slot.away:
            return style.colour("muted")  # the slot stands empty in the room meanwhile
        if role == BOX_ID:
            return slot.box_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.layout_ is None:
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.layout_.cabinet.shelves:
            return self.tr("Shelf {n}").format(n=section + 1)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.layout_.cabinet.positions:
            return str(section + 1)
        return None

    def index_of_box(self, box_id: int) -> QModelIndex:
        if self.layout_ is not None:
            for (shelf, position), slot in self.layout_.slots.items():
                if slot.box_id == box_id:
                    return self.index(shelf - 1, position - 1)
        return QModelIndex()


class BoxPanel(QWidget):
    """One box (档案盒) opened: what it is, where it stands, what is in it, how it moved."""

    open_record = Signal(str, int)
    place_requested = Signal(int)  # box id

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="boxPanel")
        self._db, self._actor = db, actor
        self.box: BoxContents | None = None
        self.heading = QLabel(self.tr("Click a box to open it."), objectName="boxHeading", wordWrap=True)
        self.info = QLabel(objectName="boxInfo", wordWrap=True)
        self.contents: LazyTableModel[DocumentRow] = LazyTableModel(
            [self.tr("Archive no."), self.tr("Title"), self.tr("Room")],
            lambda row, column: (row.archive_no, row.title, row.room_code or "")[column],
            lambda ids: browse.document_rows(db, actor, ids),
            self,
            sort_rows=True,  # one box's contents: a short list, sorted in memory
        )
        self.table = table_view("boxContents")
        self.table.setModel(self.contents)
        ListExport(self.table, db, actor, None, "盒内档案", "Box contents", shortcut=False)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 220)
        self.table.doubleClicked.connect(lambda i: self.open_record.emit("document", self.contents.id_at(i.row())))
        self.movements = QTreeWidget(objectName="boxMovements")
        self.movements.setRootIsDecorated(False)
        self.movements.setHeaderLabels([self.tr("When"), self.tr("From"), self.tr("To"), self.tr("Why"), self.tr("By")])
        self.movements.setMaximumHeight(130)
        self.movements.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.movements.setSortingEnabled(True)
        self.place_button = QPushButton(self.tr("Move box…"), objectName="moveBox")
        self.place_button.clicked.connect(lambda: self.box and self.place_requested.emit(self.box.id))
        self.place_button.setEnabled(False)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.info)
        column.addWidget(self.table, 1)
        column.addWidget(QLabel(self.tr("Moves")))
        column.addWidget(self.movements)
        column.addWidget(self.place_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_box(self, box_id: int) -> BoxContents | None:
        try:
            box = boxes.box_contents(self._db, self._actor, box_id)
            moves = movements.movements_of(self._db, self._actor, box_id=box_id)
        except UserError as exc:
            self.heading.setText(exc.message(i18n.lang_code()))
            return None
        self.box = box
        lang = i18n.lang_code()
        self.heading.setText(f"<b>{box.code}</b>")
        self.info.setText(
            self.tr(
                "{category} · {year} · {retention} · spine {spine} mm<br>"
                "Items {first} … {last} ({count})<br>Place: {place}"
            ).format(
                category=box.category_zh if lang == "zh" else box.category_en,
                year=box.year,
                retention=box.retention.label(lang),
                spine=box.spine_mm,
                first=box.first_no or "—",
                last=box.last_no or "—",
                count=len(box.document_ids),
                place=box.place or self.tr("not shelved"),
            )
            + (
                "<br>" + self.tr("{hidden} more item(s) above your clearance are not shown.").format(hidden=box.hidden)
                if box.hidden
                else ""
            )
        )
        self.contents.set_ids(box.document_ids)
        self.movements.clear()
        for m in reversed(moves):
            self.movements.addTopLevelItem(
                QTreeWidgetItem([local_time(m.moved_at), m.from_place, m.to_place, m.reason, m.moved_by])
            )
        self.place_button.setEnabled(True)
        return box


class CabinetView(QWidget):
    """The cabinets of the archive room, one at a time, and the box opened from it."""

    open_record = Signal(str, int)
    place_requested = Signal(int, int, int)  # cabinet, shelf, position (an empty slot)
    move_requested = Signal(int)  # box id
    new_cabinet_requested = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cabinetView")
        self._db, self._actor = db, actor
        self.cabinet = QComboBox(objectName="cabinetChoice")
        self.summary = eliding_label("cabinetSummary")  # "…" rather than a wider window
        self.new_cabinet = new_cabinet = QPushButton(self.tr("New cabinet…"), objectName="newCabinet")
        new_cabinet.clicked.connect(self.new_cabinet_requested)
        self.model = CabinetGridModel(self)
        self.grid = table_view("cabinetGrid")
        self.grid.fit_on_first_rows = False  # a picture of the shelves: it neither sorts nor fits
        self.grid.setSelectionBehavior(self.grid.SelectionBehavior.SelectItems)
        self.grid.setAlternatingRowColors(False)
        self.grid.setWordWrap(True)  # a long category name takes two lines rather than losing its end
        self.grid.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid.setModel(self.model)
        self.grid.verticalHeader().show()
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().lineSpacing() * 4 + 10)
        self.grid.horizontalHeader().setDefaultSectionSize(150)
        self.grid.horizontalHeader().setStretchLastSection(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.clicked.connect(self._clicked)
        self.grid.doubleClicked.connect(self._double_clicked)
        self.box_panel = BoxPanel(db, actor)
        self.box_panel.open_record.connect(self.open_record)
        self.box_panel.place_requested.connect(self.move_requested)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Cabinet")))
        bar.addWidget(self.cabinet)
        bar.addWidget(self.summary, 1)
        bar.addWidget(new_cabinet)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.grid, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.box_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.cabinet.currentIndexChanged.connect(lambda *_: self._show_cabinet())
        self.reload()

    def reload(self) -> None:
        chosen = self.cabinet.currentData()
        self.cabinet.blockSignals(True)
        self.cabinet.clear()
        for c in cabinets.cabinets(self._db, self._actor):
            self.cabinet.addItem(f"{c.code} {c.name}", c.id)
        self.cabinet.setCurrentIndex(max(0, self.cabinet.findData(chosen)) if chosen is not None else 0)
        self.cabinet.blockSignals(False)
        self._show_cabinet()
        if self.box_panel.box is not None:
            self.box_panel.show_box(self.box_panel.box.id)

    def _show_cabinet(self) -> None:
        cabinet_id = self.cabinet.currentData()
        layout = cabinets.cabinet_layout(self._db, self._actor, cabinet_id) if cabinet_id is not None else None
        self.model.set_layout(layout)
        if layout is not None:
            c = layout.cabinet
            self.summary.setText(
                self.tr("{location} · {shelves} shelves × {positions} positions · {boxes} boxes").format(
                    location=c.location or "—", shelves=c.shelves, positions=c.positions, boxes=c.boxes
                )
            )

    def _clicked(self, index: QModelIndex) -> None:
        slot = self.model.slot(index)
        if slot is not None:
            self.box_panel.show_box(slot.box_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.slot(index) is None and self.cabinet.currentData() is not None:
            self.place_requested.emit(int(self.cabinet.currentData()), index.row() + 1, index.column() + 1)

    def show_box(self, box_id: int) -> bool:
        """Open a box: its cabinet and slot chosen where it stands, its contents on the right."""
        box = self.box_panel.show_box(box_id)
        if box is None:
            return False
        for n in range(self.cabinet.count()):
            layout = cabinets.cabinet_layout(self._db, self._actor, int(self.cabinet.itemData(n)))
            if any(slot.box_id == box_id for slot in layout.slots.values()):
                self.cabinet.setCurrentIndex(n)
                index = self.model.index_of_box(box_id)
                self.grid.setCurrentIndex(index)
                self.grid.scrollTo(index)
                break
        else:
            self.grid.clearSelection()
        return True
