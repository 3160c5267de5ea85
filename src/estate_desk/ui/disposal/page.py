"""Appraisal and destruction (鉴定销毁, A17): the review list, the batches and the legal holds.

The clerk ticks records on the review list and proposes a batch; a supervisor approves or rejects each
item of a batch; the clerk carries an approved batch out with its witnesses, and the manifest it files
opens in the archive. Everything goes through ``services/disposal/appraisal.py``, ``services/disposal/batches.py``,
``services/disposal/destruction.py`` and ``services/disposal/marks.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.disposal.rules import SUPERVISING_LEADERS, BatchState
from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services import list_export
from estate_desk.services.disposal import appraisal, destruction
from estate_desk.services.disposal import batches as destruction_batches
from estate_desk.services.disposal import marks as disposal
from estate_desk.ui import i18n, style
from estate_desk.ui.disposal.dialogs import CarryOutDialog, LiftHoldDialog, ProposeDialog
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel, TickableLazyTableModel
from estate_desk.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import local_time, table_view

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.services.disposal.appraisal import DueRow
    from estate_desk.services.disposal.batches import BatchRow, ItemRow
    from estate_desk.services.disposal.marks import HoldRow
    from estate_desk.store.database import Database

CHANGED = style.colour("error")
REVIEW_TAB = 0


def _table(name: str, model: Any) -> QTableView:
    view = table_view(name)
    view.setModel(model)
    return view


class DisposalSection(QWidget):
    """Review list, batches and holds in tabs.

    Nothing is read at start-up: the batches and holds when the section is first shown, the review list
    (hundreds of thousands of records on a large archive) when its tab is first shown, and then as ids,
    a page of rows at a time (``appraisal.review_ids`` / ``review_rows``)."""

    open_record = Signal(str, int)  # a document (the manifest, a record in a batch) to show in the archive
    status = Signal(str)
    changed = Signal()  # records were destroyed and a manifest filed: the archive's lists read again

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="disposalSection")
        self._db, self._actor, self._clock = db, actor, clock
        self.dialog: QDialog | None = None
        self._lists_stale = True  # batches and holds: read when the section is next shown
        self._review_stale = True  # the review list: read when its tab is next shown
        keeper, leader = actor.role in ARCHIVE_KEEPERS, actor.role in SUPERVISING_LEADERS
        self.tabs = QTabWidget(objectName="disposalTabs")

        # the review list
        self.review_model: TickableLazyTableModel[DueRow] = TickableLazyTableModel(
            [self.tr("Archive no."), self.tr("Title"), self.tr("Year"), self.tr("Retention"), self.tr("Expires"),
             self.tr("Why due"), self.tr("In batch")],
            self._due_cell,
            self._fetch_due,
            lambda row: row.in_batch is None,
            self,
            order_ids=self._review_order,  # hundreds of thousands on a large archive: sorted in the database
        )  # fmt: skip
        self.review = _table("reviewList", self.review_model)
        self.review_export = self._export(self.review, "待鉴定档案", "Due for review", self.review_model.ids)
        self.review.setColumnWidth(0, 190)
        self.review.setColumnWidth(1, 300)
        self.propose_button = QPushButton(self.tr("Propose batch from ticked records…"), objectName="proposeBatch")
        self.propose_button.setEnabled(keeper or leader)
        self.propose_button.clicked.connect(self.propose)
        review_page = QWidget()
        column = QVBoxLayout(review_page)
        column.addWidget(
            QLabel(self.tr("Expired records and void records past the grace period, minus those on legal hold."))
        )
        column.addWidget(self.review, 1)
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.propose_button)
        review_buttons.addStretch(1)
        review_buttons.addWidget(self.review_export.button())
        column.addLayout(review_buttons)
        self.tabs.addTab(review_page, self.tr("Due for review"))

        # batches
        self.batch_model: RowsTableModel[BatchRow] = RowsTableModel(
            [self.tr("Batch"), self.tr("State"), self.tr("Items"), self.tr("Proposed by"), self.tr("Approved by")],
            self._batch_cell,
            self,
        )
        self.batch_list = _table("batchList", self.batch_model)
        ListExport(self.batch_list, db, actor, clock, "销毁批次", "Destruction batches")
        self.item_model: RowsTableModel[ItemRow] = RowsTableModel(
            [
                self.tr("No."),
                self.tr("Archive no."),
                self.tr("Title"),
                self.tr("Reason"),
                self.tr("Decision"),
                self.tr("Note"),
            ],
            self._item_cell,
            self,
            style=self._item_style,
        )
        self.items = _table("batchItems", self.item_model)
        items_export = self._export(
            self.items, "销毁批次条目", "Items of the batch", lambda: [i.document_id for i in self.item_model.rows()]
        )
        self.batch_list.selectionModel().currentRowChanged.connect(lambda *_: self.show_batch())
        self.items.doubleClicked.connect(
            lambda index: self.open_record.emit("document", self.item_model.row_of(index.row()).document_id)
        )
        self.buttons: dict[str, QPushButton] = {}
        self._allowed: dict[str, bool] = {}
        bar = QHBoxLayout()
        for key, text, slot, allowed in (
            ("approve", self.tr("Approve item"), lambda: self.decide(True), leader),
            ("reject", self.tr("Reject item"), lambda: self.decide(False), leader),
            ("renew", self.tr("Renew proposal"), self.renew, keeper or leader),
            ("carry_out", self.tr("Carry out…"), self.carry_out, keeper),
            ("manifest", self.tr("Open manifest"), self.open_manifest, True),
            ("sweep", self.tr("Delete remaining files"), self.sweep, keeper),
        ):
            button = QPushButton(text, objectName=f"batch_{key}")
            button.setEnabled(allowed)
            self._allowed[key] = allowed
            button.clicked.connect(lambda _=False, f=slot: f())
            bar.addWidget(button)
            self.buttons[key] = button
        self.buttons["sweep"].hide()  # shown for a batch whose files are not all deleted yet
        bar.addStretch(1)
        bar.addWidget(items_export.button())
        self.batch_info = QLabel(objectName="batchInfo", wordWrap=True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.batch_list)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.batch_info)
        lower_column.addWidget(self.items, 1)
        lower_column.addLayout(bar)
        split.addWidget(lower)
        self.tabs.addTab(split, self.tr("Destruction batches"))

        # holds
        self.hold_model: RowsTableModel[HoldRow] = RowsTableModel(
            [self.tr("Archive no."), self.tr("Kind"), self.tr("Reason"), self.tr("Set by"), self.tr("Since")],
            self._hold_cell,
            self,
        )
        self.holds = _table("holdList", self.hold_model)
        holds_export = self._export(
            self.holds, "冻结（法律保全）", "Legal holds", lambda: [h.document_id for h in self.hold_model.rows()]
        )
        self.holds.doubleClicked.connect(
            lambda index: self.open_record.emit("document", self.hold_model.row_of(index.row()).document_id)
        )
        self.lift_hold_button = QPushButton(self.tr("Lift hold…"), objectName="liftHold")
        self.lift_hold_button.setEnabled(keeper or leader)
        self.lift_hold_button.clicked.connect(self.lift_hold)
        holds_page = QWidget()
        holds_column = QVBoxLayout(holds_page)
        holds_column.addWidget(self.holds, 1)
        holds_buttons = QHBoxLayout()
        holds_buttons.addWidget(self.lift_hold_button)
        holds_buttons.addStretch(1)
        holds_buttons.addWidget(holds_export.button())
        holds_column.addLayout(holds_buttons)
        self.tabs.addTab(holds_page, self.tr("Legal holds"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _=0: self._load_shown())
        self.show_batch()

    def _export(self, view: QTableView, title_zh: str, title_en: str, ids: Callable[[], list[int]]) -> ListExport:
        """A list of records whose rows don't carry their grade: graded by its most secret record (A11)."""

        def grades() -> list[Grade]:
            return [list_export.documents_grade(self._db, ids())]

        return ListExport(view, self._db, self._actor, self._clock, title_zh, title_en, grades=grades)

    # ------------------------------------------------------------------ cells

    def _fetch_due(self, ids: Sequence[int]) -> dict[int, DueRow]:
        try:
            return appraisal.review_rows(self._db, self._clock, self._actor, ids)
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
            return {}

    def _due_cell(self, row: DueRow, column: int) -> Any:
        lang = i18n.lang_code()
        return (
            row.archive_no, row.title, row.year, row.retention.label(lang), str(row.expires_on or "—"),
            row.due.label(lang), row.in_batch or "",
        )[column]  # fmt: skip

    def _batch_cell(self, batch: BatchRow, column: int) -> Any:
        lang = i18n.lang_code()
        return (
            batch.code, batch.state.label(lang), f"{batch.approved_items}/{batch.items}", batch.proposed_by,
            batch.approved_by or "",
        )[column]  # fmt: skip

    def _item_cell(self, row: ItemRow, column: int) -> Any:
        note = self.tr("changed since proposed: renew") if row.changed else ""
        return (row.seq, row.archive_no, row.title, row.reason, row.decision.label(i18n.lang_code()), note)[column]

    def _item_style(self, row: ItemRow, column: int, role: int) -> Any:
        if column == 5 and row.changed and role == Qt.ItemDataRole.ForegroundRole:
            return CHANGED
        return None

    def _hold_cell(self, hold: HoldRow, column: int) -> Any:
        lang = i18n.lang_code()
        return (hold.archive_no, hold.kind.label(lang), hold.reason, hold.set_by or "", local_time(hold.set_at))[column]

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_shown()

    def reload(self) -> None:
        """Everything may have changed: read what is on screen now, the rest when it is next shown."""
        self._lists_stale = self._review_stale = True
        self._load_shown()

    def _load_shown(self) -> None:
        if not self.isVisible():
            return
        if self._lists_stale:
            self._lists_stale = False
            self._load_lists()
        if self._review_stale and self.tabs.currentIndex() == REVIEW_TAB:
            self._review_stale = False
            self._load_review()

    def _load_review(self) -> None:
        column, descending = self.review_model.sort_column() or (-1, False)
        ids = self._review_order(column, descending)
        if ids is not None:
            self.review_model.set_ids(ids)

    def _review_order(self, column: int, descending: bool) -> list[int] | None:
        """The review list's ids sorted by a header (archive no., title, year) in the database; None for the
        other columns, which do not sort, or when the list can't be read."""
        if column >= len(appraisal.REVIEW_ORDERS):
            return None
        order = appraisal.REVIEW_ORDERS[column] if column >= 0 else "archive_no"
        try:
            return appraisal.review_ids(self._db, self._clock, self._actor, order, descending)
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
            return None

    def _load_lists(self) -> None:
        try:
            batches = destruction_batches.batches(self._db, self._actor)
            holds = disposal.holds(self._db, self._actor)
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
            return
        chosen = self.current_batch_id()
        self.batch_model.set_rows(batches)
        self.hold_model.set_rows(holds)
        if chosen is not None:
            self.choose_batch(chosen)
        self.show_batch()

    def choose_batch(self, batch_id: int) -> bool:
        row = self.batch_model.find(lambda b: b.id == batch_id)
        if row is None:
            return False
        self.batch_list.setCurrentIndex(self.batch_model.index(row, 0))
        return True

    def current_batch(self) -> BatchRow | None:
        index = self.batch_list.currentIndex() if hasattr(self, "batch_list") else QModelIndex()
        return self.batch_model.row_of(index.row()) if index.isValid() else None

    def current_batch_id(self) -> int | None:
        batch = self.current_batch()
        return batch.id if batch is not None else None

    def show_batch(self) -> None:
        self.item_model.set_rows([])
        batch_id = self.current_batch_id()
        if batch_id is None:
            self.batch_info.setText(self.tr("Choose a batch."))
            return
        lang = i18n.lang_code()
        try:
            batch, items = destruction_batches.batch(self._db, self._actor, batch_id)
        except UserError as exc:
            self.batch_info.setText(exc.message(lang))
            return
        info = self.tr("{code}: {state}. Proposed by {who} on {when}.").format(
            code=batch.code, state=batch.state.label(lang), who=batch.proposed_by, when=local_time(batch.proposed_at)
        )
        if batch.files_left:
            info += " " + self.tr("{n} file(s) still to delete.").format(n=batch.files_left)
        self.batch_info.setText(info)
        self.item_model.set_rows(items)
        done = batch.state is BatchState.CARRIED_OUT
        self.buttons["manifest"].setEnabled(batch.manifest_document_id is not None)
        self.buttons["sweep"].setVisible(batch.files_left > 0)
        self.buttons["sweep"].setEnabled(self._allowed["sweep"])
        self.buttons["carry_out"].setEnabled(batch.state is BatchState.APPROVED and self._actor.role in ARCHIVE_KEEPERS)
        for key in ("approve", "reject", "renew"):
            self.buttons[key].setEnabled(not done and self._allowed[key])

    # ------------------------------------------------------------------ actions

    def _open_dialog(self, dialog: QDialog, done: object) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _=0: setattr(self, "dialog", None))
        dialog.open()

    def ticked(self) -> list[DueRow]:
        """The ticked records, read afresh (a page that scrolled out of the cache is fetched again)."""
        ids = self.review_model.ticked_ids()
        rows: dict[int, DueRow] = {}
        for start in range(0, len(ids), 500):
            rows.update(self._fetch_due(ids[start : start + 500]))
        return [rows[i] for i in ids if i in rows]

    def propose(self) -> None:
        rows = self.ticked()
        if not rows:
            self.status.emit(self.tr("Tick the records to propose first."))
            return
        dialog = ProposeDialog(self._db, self._clock, self._actor, rows, parent=self)
        self._open_dialog(dialog, lambda: self._proposed(dialog))

    def _proposed(self, dialog: ProposeDialog) -> None:
        self.reload()
        self.tabs.setCurrentIndex(1)
        if dialog.batch_id is not None:
            self.choose_batch(dialog.batch_id)
        self.status.emit(self.tr("Batch proposed; a supervisor approves it item by item."))

    def _current_item(self) -> int | None:
        index = self.items.currentIndex()
        if not index.isValid():
            self.status.emit(self.tr("Choose an item first."))
            return None
        return self.item_model.row_of(index.row()).id

    def _call(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
            return
        self.reload()

    def decide(self, approve: bool) -> None:
        item_id = self._current_item()
        if item_id is not None:
            self._call(lambda: destruction_batches.decide(self._db, self._clock, self._actor, item_id, approve=approve))

    def renew(self) -> None:
        item_id = self._current_item()
        if item_id is not None:
            self._call(lambda: destruction_batches.renew(self._db, self._clock, self._actor, item_id))

    def carry_out(self) -> None:
        batch = self.current_batch()
        if batch is None:
            return
        dialog = CarryOutDialog(self._db, self._clock, self._actor, batch.id, batch.code, parent=self)
        self._open_dialog(dialog, lambda: self._carried_out(dialog))

    def _carried_out(self, dialog: CarryOutDialog) -> None:
        self.reload()
        self.changed.emit()
        self.status.emit(self.tr("Batch carried out; the manifest is filed in the archive."))

    def lift_hold(self) -> None:
        index = self.holds.currentIndex()
        if not index.isValid():
            self.status.emit(self.tr("Choose a hold first."))
            return
        hold = self.hold_model.row_of(index.row())
        dialog = LiftHoldDialog(self._db, self._clock, self._actor, hold.id, hold.archive_no, parent=self)
        self._open_dialog(dialog, self.reload)

    def sweep(self) -> None:
        """Finish deleting files a carried-out batch left (the program stopped right after the commit)."""
        self._call(lambda: destruction.sweep_files(self._db, self._clock))

    def open_manifest(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        batch, _ = destruction_batches.batch(self._db, self._actor, batch_id)
        if batch.manifest_document_id is not None:
            self.open_record.emit("document", batch.manifest_document_id)
