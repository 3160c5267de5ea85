"""Deciding on a batch's records after 质检 (``services/digitise/decisions.py``): accept the chosen record, send it
to be rescanned with a reason, accept every record that passed the check, and assign a 待处理 item's pages to a
record of the batch (``pending.assign``, from the page's 待处理 tab). The rules (which step, which record) are the services'; a refusal is
said on the page or on the dialog's message line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services.digitise import decisions, pending
from estate_desk.services.digitise.quality_check import optional_direction_reader
from estate_desk.ui import i18n
from estate_desk.ui.qt import QComboBox, QDialog, QHBoxLayout, QLineEdit, QPushButton, Qt, QWidget, Signal
from estate_desk.ui.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.batches import BatchRecord
    from estate_desk.services.digitise.pending import PendingRow
    from estate_desk.store.database import Database
    from estate_desk.ui.digitise.job_strip import JobStrip
    from estate_desk.ui.worker import TaskState


class RescanRecordDialog(ServiceDialog):
    """退回重扫: one record of the batch goes back to the scanner; the reason is kept with the decision."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, batch_id: int, record: BatchRecord, parent: QWidget | None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Send a record to be rescanned"), parent)
        self.batch_id, self.document_id = batch_id, record.document_id
        self.reason = QLineEdit(objectName="rescanReason")
        self.form.addRow(self.tr("Reason"), self.reason)
        self.confirm.setText(
            self.tr("{code} is scanned again; its next scan replaces this one in the batch.").format(
                code=record.archive_no
            )
        )

    def run(self) -> None:
        decisions.rescan(self._db, self._clock, self._actor, self.batch_id, self.document_id, self.reason.text())


class AssignDialog(ServiceDialog):
    """挂接待处理页面: the item's pages become the scan of the record chosen from the batch."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        item: PendingRow,
        records: Sequence[BatchRecord],
        parent: QWidget | None,
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Assign pending pages to a record"), parent)
        self.item_id = item.id
        self.record = QComboBox(objectName="assignRecord")
        for r in records:
            self.record.addItem(f"{r.archive_no} {r.title}", r.document_id)
        waiting = next((n for n, r in enumerate(records) if r.status != "scanned"), 0)
        self.record.setCurrentIndex(waiting)  # the first record still without a scan is the likely one
        self.form.addRow(self.tr("Record"), self.record)
        self.confirm.setText(
            self.tr("Pages {pages} ({reason}) become the chosen record's scan.").format(
                pages=item.pages, reason=item.reason.label(i18n.lang_code())
            )
        )

    def choose(self, document_id: int) -> None:
        self.record.setCurrentIndex(self.record.findData(document_id))

    def run(self) -> None:
        document_id = self.record.currentData()
        if document_id is None:
            return
        pending.assign(self._db, self._clock, self._actor, self.item_id, int(document_id))


class DecisionBar(QWidget):
    """The buttons under the batch's records: accept the chosen record, send it to be rescanned (with a
    reason), accept all that passed the check (on the worker: the check runs again). ``decided`` after each."""

    decided = Signal()

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        jobs: JobStrip,
        chosen: Callable[[], tuple[int, BatchRecord] | None],
        batch_of: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="decisionBar")
        self._db, self._clock, self._actor, self._jobs = db, clock, actor, jobs
        self._chosen, self._batch_of = chosen, batch_of
        self.dialog: QDialog | None = None
        self.accept_button = QPushButton(self.tr("Accept record"), objectName="acceptRecord")
        self.accept_button.setToolTip(self.tr("Accept the chosen record's scan"))
        self.accept_button.clicked.connect(self.accept_record)
        self.rescan_button = QPushButton(self.tr("Rescan record…"), objectName="rescanRecord")
        self.rescan_button.setToolTip(self.tr("Send the chosen record to be rescanned, saying why"))
        self.rescan_button.clicked.connect(self.ask_rescan)
        self.passed_button = QPushButton(self.tr("Accept all that passed"), objectName="acceptPassed")
        self.passed_button.setToolTip(self.tr("Accept every undecided record whose scan passes the quality check"))
        self.passed_button.clicked.connect(self.run_accept_passed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.accept_button, self.rescan_button, self.passed_button):
            row.addWidget(button)
        row.addStretch(1)

    def enable(self, on: bool) -> None:
        for button in (self.accept_button, self.rescan_button, self.passed_button):
            button.setEnabled(on)

    def accept_record(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        batch_id, record = chosen
        try:
            decisions.accept(self._db, self._clock, self._actor, batch_id, [record.document_id])
        except UserError as exc:
            self._jobs.say(exc.message(i18n.lang_code()), "error")
            return
        self.decided.emit()
        self._jobs.say(self.tr("{code} accepted.").format(code=record.archive_no), "ok")

    def ask_rescan(self) -> QDialog | None:
        chosen = self._chosen()
        if chosen is None:
            return None
        batch_id, record = chosen
        dialog = RescanRecordDialog(self._db, self._clock, self._actor, batch_id, record, self)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._sent(record.archive_no))
        dialog.finished.connect(lambda _=0: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _sent(self, code: str) -> None:
        self.decided.emit()
        self._jobs.say(self.tr("{code} goes back to be rescanned.").format(code=code), "ok")

    def run_accept_passed(self) -> TaskState | None:
        batch_id = self._batch_of()
        if batch_id is None:
            return None
        db, clock, actor = self._db, self._clock, self._actor

        def accepted(ids: list[int]) -> None:
            self.decided.emit()
            self._jobs.say(self.tr("{n} record(s) that passed the check were accepted.").format(n=len(ids)), "ok")

        return self._jobs.start(
            lambda state: decisions.accept_passed(db, clock, actor, batch_id, optional_direction_reader()), accepted, self.tr("Accepting…"),
            busy=True,
        )  # fmt: skip
