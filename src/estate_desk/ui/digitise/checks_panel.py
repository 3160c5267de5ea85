"""The batch's hand-over checks on its page: the four-properties check (四性检测, DA/T 70,
``services/digitise/four_properties.py``) with its results, its report saved as PDF or .xlsx and filed as a
record (``four_properties_report.py``), and reading the scans' text (OCR, ``services/digitise/ocr.py``).

Both run on the window's one worker through the page's job line: progress, Esc to cancel. Without the ``ocr``
extra the OCR service refuses with its own message, said on that line. ``reader`` is the OCR page reader
(None: the PP-OCR engine); tests put a fake one there.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.digitise.four_properties import Outcome
from estate_desk.services.digitise import four_properties, four_properties_report, ocr
from estate_desk.ui import i18n, style
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import QFileDialog, QHBoxLayout, QPushButton, Qt, QVBoxLayout, QWidget
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.digitise.four_properties import Inspection, ItemResult
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.ocr import OcrResult, PageReader
    from estate_desk.store.database import Database
    from estate_desk.ui.digitise.job_strip import JobStrip
    from estate_desk.ui.worker import TaskState

FAILED = style.colour("error")


class ChecksPanel(QWidget):
    """Four-properties check, its report, and OCR of the batch ``batch_of()`` names."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        jobs: JobStrip,
        batch_of: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="checksPanel")
        self._db, self._clock, self._actor, self._jobs, self._batch_of = db, clock, actor, jobs, batch_of
        self.inspection: Inspection | None = None
        self.reader: PageReader | None = None
        lang = i18n.lang_code

        def cell(r: ItemResult, column: int) -> Any:
            zh = lang() == "zh"
            prop, item = r.item.prop, r.item
            outcome = r.outcome.zh if zh else r.outcome.en
            return (prop.zh if zh else prop.en, item.zh if zh else item.en, outcome, r.where, r.reason(lang()))[column]

        def colour(r: ItemResult, column: int, role: int) -> Any:
            failed = r.outcome is Outcome.FAILED and role == Qt.ItemDataRole.ForegroundRole
            return FAILED if failed and column == 2 else None

        headers = [self.tr("Property"), self.tr("Item"), self.tr("Outcome"), self.tr("Where"), self.tr("Reason")]
        self.model: RowsTableModel[ItemResult] = RowsTableModel(headers, cell, self, style=colour)
        self.table = table_view("fourProperties")
        self.table.setModel(self.model)
        self.check_button = self._button("runFourProperties", self.tr("Four-properties check"), self.run_check)
        self.save_button = self._button("saveReport", self.tr("Save report…"), self.ask_save)
        self.file_button = self._button("fileReport", self.tr("File the report"), self.file_report)
        self.ocr_button = self._button("runOcr", self.tr("Read the text (OCR)"), self.run_ocr)
        row = QHBoxLayout()
        for button in (self.check_button, self.save_button, self.file_button, self.ocr_button):
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.table, 1)
        self.enable(False)

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(lambda _=False: slot())
        return button

    def enable(self, on: bool) -> None:
        """``on``: a batch with scans is shown and no job runs."""
        self.check_button.setEnabled(on)
        self.ocr_button.setEnabled(on)
        self.save_button.setEnabled(on and self.inspection is not None)
        self.file_button.setEnabled(on and self.inspection is not None)

    def forget(self) -> None:
        """Another batch is shown: the last check's results are not its."""
        self.inspection = None
        self.model.set_rows([])

    @staticmethod
    def _progress(state: TaskState) -> Callable[[int, int], bool]:
        def progress(done: int, total: int) -> bool:
            state.report(done, total)
            return not state.cancelled

        return progress

    def run_check(self) -> TaskState | None:
        """Check every record of the batch (the hand-over), on the worker; cancelling keeps nothing."""
        batch_id = self._batch_of()
        if batch_id is None:
            return None
        db, actor = self._db, self._actor

        def job(state: TaskState) -> Inspection:
            return four_properties.inspect_batch(db, actor, batch_id, progress=self._progress(state))

        return self._jobs.start(job, self._checked, self.tr("Four-properties check…"))

    def _checked(self, inspection: Inspection) -> None:
        self.inspection = inspection
        self.model.set_rows(list(inspection.results))
        failed = len(inspection.failures())
        text = self.tr("{records} record(s) checked: {failed} item(s) failed.").format(
            records=inspection.records, failed=failed
        )
        self._jobs.say(text, "warning" if failed else "ok")
        self.enable(True)

    def ask_save(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / "四性检测报告.pdf"), "PDF (*.pdf);;Excel (*.xlsx)"
        )
        if chosen:
            self.save_report(Path(chosen))

    def save_report(self, path: Path) -> TaskState | None:
        """The report of the last check as PDF, or as .xlsx when the name ends so."""
        inspection = self.inspection
        if inspection is None:
            return None
        db, actor, clock = self._db, self._actor, self._clock
        write = (
            four_properties_report.write_xlsx if path.suffix.lower() == ".xlsx" else four_properties_report.write_pdf
        )

        def saved(_count: int) -> None:
            self._jobs.say(self.tr("Report saved to {path}.").format(path=path), "ok")

        return self._jobs.start(
            lambda state: write(db, actor, inspection, path, clock=clock), saved, self.tr("Writing the report…"),
            busy=True,
        )  # fmt: skip

    def file_report(self) -> TaskState | None:
        """Print the last check's report and register it as a record of the archive (行政)."""
        inspection = self.inspection
        if inspection is None:
            return None
        db, actor, clock = self._db, self._actor, self._clock

        def job(state: TaskState) -> int:
            with tempfile.TemporaryDirectory() as folder:
                pdf = Path(folder) / "四性检测报告.pdf"
                four_properties_report.write_pdf(db, actor, inspection, pdf, clock=clock)
                return four_properties_report.file_report(db, actor, inspection, pdf, clock=clock)

        def filed(_document_id: int) -> None:
            self._jobs.say(self.tr("The report is filed as a record of the archive."), "ok")

        return self._jobs.start(job, filed, self.tr("Filing the report…"), busy=True)

    def run_ocr(self) -> TaskState | None:
        """Read the text of the batch's scans, page by page, on the worker; pages read before are skipped."""
        batch_id = self._batch_of()
        if batch_id is None:
            return None
        db, actor, clock, reader = self._db, self._actor, self._clock, self.reader

        def job(state: TaskState) -> OcrResult:
            scans = ocr.scans_of_batch(db, actor, batch_id)
            return ocr.read_scans(db, clock, actor, scans, reader=reader, progress=self._progress(state))

        return self._jobs.start(job, self._read, self.tr("Reading the text of the scans…"))

    def _read(self, result: OcrResult) -> None:
        text = self.tr("Text read: {read} page(s) now, {already} before, {withheld} kept sealed.").format(
            read=result.read, already=result.already, withheld=result.withheld
        )
        if result.cancelled:
            text = self.tr("Stopped. ") + text
        self._jobs.say(text, "warning" if result.cancelled else "ok")
