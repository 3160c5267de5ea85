"""验收 on the batch's page: draw the sample (the office's share of the records, ``services/digitise/sampling.py``),
mark each sampled record as matching its original or with an error (a note saying what), and see the error
rate against the office's limit. Whether the batch may go back (入库) is the service's verdict, shown as it
says it; moving the batch on asks the same gate, and its refusal stays on the step dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import UserError
from estate_desk.services.digitise import sampling
from estate_desk.ui import i18n, style
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget, Signal
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.sampling import SampledRecord, SampleView
    from estate_desk.store.database import Database


class SamplePanel(QWidget):
    """The acceptance sample of the batch shown; ``compared`` after each draw or mark (the page reads again)."""

    compared = Signal()

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="samplePanel")
        self._db, self._clock, self._actor = db, clock, actor
        self.batch_id: int | None = None
        self.sample: SampleView | None = None
        results = {"": self.tr("Not compared"), sampling.MATCHES: self.tr("Matches"), sampling.ERROR: self.tr("Error")}

        def cell(r: SampledRecord, column: int) -> Any:
            return (r.archive_no, r.title, results.get(r.result, r.result), r.note, r.compared_by or "")[column]

        headers = [self.tr("Archive no."), self.tr("Title"), self.tr("Result"), self.tr("Note"), self.tr("Compared by")]
        self.model: RowsTableModel[SampledRecord] = RowsTableModel(headers, cell, self)
        self.table = table_view("acceptanceSample")
        self.table.setModel(self.model)
        self.summary = QLabel(objectName="sampleSummary", wordWrap=True)
        self.draw_button = QPushButton(self.tr("Draw the sample"), objectName="drawSample")
        self.draw_button.clicked.connect(self.draw)
        self.note = QLineEdit(objectName="sampleNote", placeholderText=self.tr("What is wrong (for an error)"))
        self.match_button = QPushButton(self.tr("Matches the original"), objectName="sampleMatches")
        self.match_button.clicked.connect(lambda: self.mark(True))
        self.error_button = QPushButton(self.tr("Error"), objectName="sampleError")
        self.error_button.clicked.connect(lambda: self.mark(False))
        row = QHBoxLayout()
        for widget in (self.draw_button, self.match_button, self.error_button):
            row.addWidget(widget)
        row.addWidget(self.note, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addLayout(row)

    def show_batch(self, batch_id: int | None, step: Step | None) -> None:
        self.batch_id = batch_id
        self.sample = None
        if batch_id is not None:
            try:
                self.sample = sampling.sample_of(self._db, self._actor, batch_id)
            except UserError as exc:
                self._say(exc.message(i18n.lang_code()), "error")
        self.model.set_rows(list(self.sample.records) if self.sample else [])
        at_acceptance = step is Step.ACCEPT
        self.draw_button.setEnabled(at_acceptance and self.sample is None)
        for widget in (self.match_button, self.error_button, self.note):
            widget.setEnabled(at_acceptance and self.sample is not None)
        self._show_tally()

    def _show_tally(self) -> None:
        sample = self.sample
        if sample is None:
            self._say(self.tr("No sample drawn yet: it is drawn at 验收 (acceptance)."), "muted")
            return
        text = self.tr("{share} % drawn: {compared} of {drawn} compared, {errors} error(s) — error rate {rate:.1f} % "
                       "(limit {limit} %).").format(share=sample.share, compared=sample.tally.compared,
                       drawn=sample.tally.drawn, errors=sample.tally.errors, rate=sample.tally.rate,
                       limit=sample.error_limit)  # fmt: skip
        if sample.refusal is not None:
            self._say(text + " " + sample.refusal.message(i18n.lang_code()), "warning")
        else:
            self._say(text + " " + self.tr("The batch may go back (入库)."), "ok")

    def _say(self, text: str, state: str) -> None:
        self.summary.setText(text)
        style.set_state(self.summary, state)

    def draw(self) -> None:
        if self.batch_id is None:
            return
        try:
            sampling.draw_sample(self._db, self._clock, self._actor, self.batch_id)
        except UserError as exc:
            self._say(exc.message(i18n.lang_code()), "error")
            return
        self.compared.emit()

    def mark(self, matches: bool) -> None:
        """The chosen sampled record matches its original, or has the error the note says."""
        index = self.table.currentIndex()
        if self.batch_id is None or not index.isValid():
            self._say(self.tr("Choose a sampled record first."), "warning")
            return
        record = self.model.row_of(index.row())
        try:
            sampling.compare(
                self._db, self._clock, self._actor, self.batch_id, record.document_id, matches, self.note.text()
            )
        except UserError as exc:
            self._say(exc.message(i18n.lang_code()), "error")
            return
        self.note.clear()
        self.compared.emit()
