"""Appraisal and destruction (鉴定销毁, A17): the review list, the batches and the legal holds.

The clerk ticks records on the review list and proposes a batch; a supervisor approves or rejects each
item of a batch; the clerk carries an approved batch out with its witnesses, and the manifest it files
opens in the archive. Everything goes through ``services/destruction.py`` and ``services/disposal.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.disposal import SUPERVISING_LEADERS, BatchState
from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services import destruction, disposal
from estate_desk.ui import i18n
from estate_desk.ui.disposal_dialogs import CarryOutDialog, LiftHoldDialog, ProposeDialog
from estate_desk.ui.qt import (
    QColor,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import local_time

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.services.destruction import DueRow
    from estate_desk.store.database import Database

ID = Qt.ItemDataRole.UserRole
CHANGED = QColor("#b00020")


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(objectName=name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.setAlternatingRowColors(True)
    return tree


class DisposalSection(QWidget):
    """Review list, batches and holds in tabs."""

    open_record = Signal(str, int)  # a document (the manifest, a record in a batch) to show in the archive
    status = Signal(str)
    changed = Signal()  # records were destroyed and a manifest filed: the archive's lists read again

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="disposalSection")
        self._db, self._actor, self._clock = db, actor, clock
        self.dialog: QDialog | None = None
        self.due_rows: dict[int, DueRow] = {}
        keeper, leader = actor.role in ARCHIVE_KEEPERS, actor.role in SUPERVISING_LEADERS
        self.tabs = QTabWidget(objectName="disposalTabs")

        # the review list
        self.review = _tree(
            "reviewList",
            [self.tr("Archive no."), self.tr("Title"), self.tr("Year"), self.tr("Retention"), self.tr("Expires"),
             self.tr("Why due"), self.tr("In batch")],
        )  # fmt: skip
        self.propose_button = QPushButton(self.tr("Propose batch from ticked records…"), objectName="proposeBatch")
        self.propose_button.setEnabled(keeper or leader)
        self.propose_button.clicked.connect(self.propose)
        review_page = QWidget()
        column = QVBoxLayout(review_page)
        column.addWidget(
            QLabel(self.tr("Expired records and void records past the grace period, minus those on legal hold."))
        )
        column.addWidget(self.review, 1)
        column.addWidget(self.propose_button)
        self.tabs.addTab(review_page, self.tr("Due for review"))

        # batches
        self.batch_list = _tree(
            "batchList",
            [self.tr("Batch"), self.tr("State"), self.tr("Items"), self.tr("Proposed by"), self.tr("Approved by")],
        )
        self.items = _tree(
            "batchItems",
            [
                self.tr("No."),
                self.tr("Archive no."),
                self.tr("Title"),
                self.tr("Reason"),
                self.tr("Decision"),
                self.tr("Note"),
            ],
        )
        self.batch_list.currentItemChanged.connect(lambda *_: self.show_batch())
        self.items.itemDoubleClicked.connect(lambda item, _c: self.open_record.emit("document", int(item.data(1, ID))))
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
        self.holds = _tree(
            "holdList",
            [self.tr("Archive no."), self.tr("Kind"), self.tr("Reason"), self.tr("Set by"), self.tr("Since")],
        )
        self.holds.itemDoubleClicked.connect(lambda item, _c: self.open_record.emit("document", int(item.data(1, ID))))
        self.lift_hold_button = QPushButton(self.tr("Lift hold…"), objectName="liftHold")
        self.lift_hold_button.setEnabled(keeper or leader)
        self.lift_hold_button.clicked.connect(self.lift_hold)
        holds_page = QWidget()
        holds_column = QVBoxLayout(holds_page)
        holds_column.addWidget(self.holds, 1)
        holds_column.addWidget(self.lift_hold_button)
        self.tabs.addTab(holds_page, self.tr("Legal holds"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        lang = i18n.lang_code()
        try:
            due = destruction.review_list(self._db, self._clock, self._actor)
            batches = destruction.batches(self._db, self._actor)
            holds = disposal.holds(self._db, self._actor)
        except UserError as exc:
            self.status.emit(exc.message(lang))
            return
        self.review.clear()
        self.due_rows = {row.id: row for row in due}
        for row in due:
            item = QTreeWidgetItem(
                [row.archive_no, row.title, str(row.year), row.retention.label(lang), str(row.expires_on or "—"),
                 row.due.label(lang), row.in_batch or ""]
            )  # fmt: skip
            item.setData(0, ID, row.id)
            if row.in_batch is None:
                item.setCheckState(0, Qt.CheckState.Unchecked)
            self.review.addTopLevelItem(item)
        chosen = self.current_batch_id()
        self.batch_list.clear()
        for batch in batches:
            item = QTreeWidgetItem(
                [batch.code, batch.state.label(lang), f"{batch.approved_items}/{batch.items}", batch.proposed_by,
                 batch.approved_by or ""]
            )  # fmt: skip
            item.setData(0, ID, batch.id)
            self.batch_list.addTopLevelItem(item)
            if batch.id == chosen:
                self.batch_list.setCurrentItem(item)
        self.holds.clear()
        for hold in holds:
            item = QTreeWidgetItem(
                [hold.archive_no, hold.kind.label(lang), hold.reason, hold.set_by or "", local_time(hold.set_at)]
            )
            item.setData(0, ID, hold.id)
            item.setData(1, ID, hold.document_id)
            self.holds.addTopLevelItem(item)
        self.show_batch()

    def current_batch_id(self) -> int | None:
        item = self.batch_list.currentItem() if hasattr(self, "batch_list") else None
        return int(item.data(0, ID)) if item is not None else None

    def show_batch(self) -> None:
        self.items.clear()
        batch_id = self.current_batch_id()
        if batch_id is None:
            self.batch_info.setText(self.tr("Choose a batch."))
            return
        lang = i18n.lang_code()
        try:
            batch, items = destruction.batch(self._db, self._actor, batch_id)
        except UserError as exc:
            self.batch_info.setText(exc.message(lang))
            return
        info = self.tr("{code}: {state}. Proposed by {who} on {when}.").format(
            code=batch.code, state=batch.state.label(lang), who=batch.proposed_by, when=local_time(batch.proposed_at)
        )
        if batch.files_left:
            info += " " + self.tr("{n} file(s) still to delete.").format(n=batch.files_left)
        self.batch_info.setText(info)
        for row in items:
            note = self.tr("changed since proposed: renew") if row.changed else ""
            item = QTreeWidgetItem(
                [str(row.seq), row.archive_no, row.title, row.reason, row.decision.label(lang), note]
            )
            item.setData(0, ID, row.id)
            item.setData(1, ID, row.document_id)
            if row.changed:
                item.setForeground(5, CHANGED)
            self.items.addTopLevelItem(item)
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
        rows = []
        for n in range(self.review.topLevelItemCount()):
            item = self.review.topLevelItem(n)
            if item.checkState(0) == Qt.CheckState.Checked:
                rows.append(self.due_rows[int(item.data(0, ID))])
        return rows

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
        for n in range(self.batch_list.topLevelItemCount()):
            item = self.batch_list.topLevelItem(n)
            if int(item.data(0, ID)) == dialog.batch_id:
                self.batch_list.setCurrentItem(item)
        self.status.emit(self.tr("Batch proposed; a supervisor approves it item by item."))

    def _current_item(self) -> int | None:
        item = self.items.currentItem()
        if item is None:
            self.status.emit(self.tr("Choose an item first."))
            return None
        return int(item.data(0, ID))

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
            self._call(lambda: destruction.decide(self._db, self._clock, self._actor, item_id, approve=approve))

    def renew(self) -> None:
        item_id = self._current_item()
        if item_id is not None:
            self._call(lambda: destruction.renew(self._db, self._clock, self._actor, item_id))

    def carry_out(self) -> None:
        batch_id = self.current_batch_id()
        item = self.batch_list.currentItem()
        if batch_id is None or item is None:
            return
        dialog = CarryOutDialog(self._db, self._clock, self._actor, batch_id, item.text(0), parent=self)
        self._open_dialog(dialog, lambda: self._carried_out(dialog))

    def _carried_out(self, dialog: CarryOutDialog) -> None:
        self.reload()
        self.changed.emit()
        self.status.emit(self.tr("Batch carried out; the manifest is filed in the archive."))

    def lift_hold(self) -> None:
        item = self.holds.currentItem()
        if item is None:
            self.status.emit(self.tr("Choose a hold first."))
            return
        dialog = LiftHoldDialog(self._db, self._clock, self._actor, int(item.data(0, ID)), item.text(0), parent=self)
        self._open_dialog(dialog, self.reload)

    def sweep(self) -> None:
        """Finish deleting files a carried-out batch left (the program stopped right after the commit)."""
        self._call(lambda: destruction.sweep_files(self._db, self._clock))

    def open_manifest(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        batch, _ = destruction.batch(self._db, self._actor, batch_id)
        if batch.manifest_document_id is not None:
            self.open_record.emit("document", batch.manifest_document_id)
