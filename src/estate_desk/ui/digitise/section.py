"""The Digitisation section (数字化, A5, DA/T 31), for the archive's keepers: the batches above, the chosen
batch's page below (``ui/digitise/batch_page.py``), and "New batch…" from the 待数字化 list or from boxes.

The batches are read when the section is first shown, and again after anything the page changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services.digitise import batches
from estate_desk.ui import i18n
from estate_desk.ui.digitise import tables
from estate_desk.ui.digitise.batch_page import BatchPage
from estate_desk.ui.digitise.dialogs import NewBatchDialog
from estate_desk.ui.digitise.progress_view import ProgressView
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.qt import (
    QAction,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.tooltips import explain
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner


PROGRESS_TAB = 1


class DigitiseSection(QWidget):
    """The batch list and the page of the batch chosen in it; the progress of the whole archive in a tab."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="digitiseSection")
        self._db, self._actor, self._clock = db, actor, clock
        self._stale = True
        self.dialog: NewBatchDialog | None = None
        self.batch_model = tables.batch_model(self)
        self.batch_list = table_view("digitiseBatches")
        self.batch_list.setModel(self.batch_model)
        ListExport(self.batch_list, db, actor, clock, "数字化批次", "Digitisation batches")
        self.batch_list.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.page = BatchPage(db, actor, clock, runner, self)
        self.page.changed.connect(self.reload)
        self.new_action = QAction(self.tr("New batch…"), self, objectName="digitise_new")
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.ask_new)
        explain(self.new_action, self.tr("Make a batch from the to-digitise list or from boxes"))
        self.addAction(self.new_action)
        new_button = QPushButton(self.tr("New batch…"), objectName="newBatch")
        new_button.setToolTip(self.new_action.toolTip())
        new_button.clicked.connect(self.ask_new)
        self.message = QLabel(objectName="digitiseMessage", wordWrap=True)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.batch_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(self.message, 1)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, objectName="digitiseSplit")
        split.addWidget(top)
        split.addWidget(self.page)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        self.tabs = QTabWidget(objectName="digitiseTabs")
        self.tabs.addTab(split, self.tr("Batches"))
        self.progress: ProgressView | None = None  # built when its tab is first shown
        self.tabs.addTab(QWidget(), self.tr("Progress"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _tab_shown(self, index: int) -> None:
        """The progress tab reads its figures (a pass over the archive) only when it is first opened."""
        if index != PROGRESS_TAB or self.progress is not None:
            return
        self.progress = ProgressView(self._db, self._actor)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(PROGRESS_TAB)
        self.tabs.insertTab(PROGRESS_TAB, self.progress, self.tr("Progress"))
        self.tabs.setCurrentIndex(PROGRESS_TAB)
        self.tabs.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the batches again, keeping the chosen one."""
        self._stale = False
        self.message.clear()  # what was said of the last action is not news at the next
        chosen = self.page.batch_id
        try:
            rows = batches.batches(self._db, self._actor)
        except UserError as exc:
            self.message.setText(exc.message(i18n.lang_code()))
            return
        self.batch_model.set_rows(rows)
        if chosen is not None and self.choose(chosen):
            return
        if chosen is None and rows:
            self.choose(rows[0].id)

    def choose(self, batch_id: int) -> bool:
        row = self.batch_model.find(lambda b: b.id == batch_id)
        if row is None:
            return False
        self.batch_list.setCurrentIndex(self.batch_model.index(row, 0))
        self.page.show_batch(batch_id)
        return True

    def _chosen(self) -> None:
        index = self.batch_list.currentIndex()
        self.page.show_batch(self.batch_model.row_of(index.row()).id if index.isValid() else None)

    def ask_new(self) -> NewBatchDialog:
        dialog = NewBatchDialog(self._db, self._clock, self._actor, self)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._made(dialog.batch_id))
        dialog.finished.connect(lambda _=0: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _made(self, batch_id: int | None) -> None:
        self.reload()
        if batch_id is not None:
            self.choose(batch_id)
            self.message.setText(self.tr("Batch made; print its cover sheets next (Ctrl+P)."))
