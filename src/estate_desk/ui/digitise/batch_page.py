"""One digitisation batch on screen (数字化批次): its records and decisions (``decide.py``), the check's findings
(pages upside down turned by ``turn_bar.py``), 待处理 queue, step log, last import, 验收 sample (``sample_panel.py``),
four-properties check and OCR (``checks_panel.py``), the watched folder (``watch_bar.py``). Long work runs on
the one worker through the job line (``job_strip.py``): progress, and Esc cancels.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.digitise.decisions import DECIDING_STEPS
from estate_desk.domain.digitise.steps import LAST, Step, allowed_moves, next_step
from estate_desk.domain.errors import UserError
from estate_desk.services.digitise import batches, inbox, pending, sheets
from estate_desk.ui import i18n, style
from estate_desk.ui.digitise import checks_panel, decide, tables, turn_bar
from estate_desk.ui.digitise.dialogs import ReturnBoxesDialog, SettleDialog, StepDialog
from estate_desk.ui.digitise.job_strip import JobStrip
from estate_desk.ui.digitise.sample_panel import SamplePanel
from estate_desk.ui.digitise.watch_bar import WatchBar
from estate_desk.ui.printouts.pdf_printer import print_pdf
from estate_desk.ui.qt import (
    QAction,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPrintDialog,
    QPrinter,
    QPushButton,
    Qt,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.tooltips import explain
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.batches import BatchRecord, BatchView
    from estate_desk.services.digitise.inbox import ImportResult
    from estate_desk.services.digitise.quality_check import RecordCheck
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner, TaskState

RECORDS, FINDINGS, PENDING, LOG, IMPORTED, ACCEPTANCE, CHECKS = range(7)
SCAN_FILES = "*.pdf *.tif *.tiff *.jpg *.jpeg *.png"


class BatchPage(QWidget):
    """The page of the batch chosen in the list; ``changed`` when a step, a count or the queue moved."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, clock: Clock, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="batchPage")
        self._db, self._actor, self._clock, self._runner = db, actor, clock, runner
        self.view: BatchView | None = None
        self.dialog: QDialog | None = None
        self.sheets_pdf: Path | None = None  # the cover sheets written last, to send to a printer
        self.flaws: dict[int, int] = {}  # document id → findings of the last check, for the records' table

        self.header = QLabel(objectName="batchHeader", wordWrap=True)
        self.settings = QLabel(objectName="batchSettings", wordWrap=True)
        style.set_state(self.settings, "muted")
        self.actions_: dict[str, QAction] = {}
        self.toolbar = QToolBar(self.tr("Batch"), objectName="batchBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key, text, keys, tip, slot in self.action_table():
            action = QAction(text, self, objectName=f"digitise_{key}")
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, f=slot: f())
            explain(action, tip)
            self.toolbar.addAction(action)
            self.actions_[key] = action

        self.records_model = tables.record_model(self, self.flaws)
        self.findings_model = tables.finding_model(self)
        self.pending_model = tables.pending_model(self)
        self.log_model = tables.log_model(self)
        self.imported_model = tables.imported_model(self)
        self.jobs = JobStrip(runner, self)
        self.deciding = decide.DecisionBar(db, clock, actor, self.jobs, self._chosen_record, self._batch, self)
        self.deciding.decided.connect(self.refresh)
        self.tabs = QTabWidget(objectName="batchTabs")
        self.records = self._tab("batchRecords", self.records_model, self.tr("Records"), self.deciding)
        self.turning = turn_bar.TurnBar(db, clock, actor, self.jobs, self._batch, self)
        self.turning.turned.connect(self.refresh)
        self.turning.turned.connect(self.run_check)  # the findings of the scans as they are now
        self.findings = self._tab("batchFindings", self.findings_model, self.tr("Findings"), self.turning)
        self.pending = self._tab("pendingQueue", self.pending_model, self.tr("Pending (待处理)"), self._settle_row())
        self.log = self._tab("stepLog", self.log_model, self.tr("Step log"))
        self.imported = self._tab("lastImport", self.imported_model, self.tr("Last import"))
        self.sample = SamplePanel(db, clock, actor, self)
        self.sample.compared.connect(self.refresh)
        self.tabs.addTab(self.sample, self.tr("Acceptance (验收)"))
        self.checks = checks_panel.ChecksPanel(db, clock, actor, self.jobs, self._batch, self)
        self.tabs.addTab(self.checks, self.tr("Four properties · OCR"))

        self.addAction(self.jobs.cancel_action)
        self.jobs.running.connect(lambda _running: self._enable())
        self.watcher = WatchBar(db, actor, runner, self._scanning_batch, self)
        self.watcher.linked.connect(self._imported)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.settings)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.watcher)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.jobs)
        self.show_batch(None)

    def action_table(self) -> list[tuple[str, str, str, str, Callable[[], Any]]]:
        """Key, text, shortcut, tooltip and method of each action on the batch's toolbar."""
        return [
            ("next", self.tr("Next step…"), "Ctrl+Return", self.tr("Move the batch to its next step"), self.ask_next),
            ("rescan", self.tr("Back to scanning…"), "", self.tr("Send the batch back to 扫描 for a rescan"),
             self.ask_rescan),
            ("sheets", self.tr("Cover sheets…"), "Ctrl+P", self.tr("Write the cover sheets as a PDF"), self.ask_sheets),
            ("print_sheets", self.tr("Print sheets…"), "", self.tr("Send the cover sheets written to a printer"),
             self.ask_print_sheets),
            ("import", self.tr("Import files…"), "Ctrl+I", self.tr("Import a scanned stack: split and link"),
             self.ask_import),
            ("check", self.tr("Quality check"), "Ctrl+K", self.tr("Check every record's scan, page by page"),
             self.run_check),
            ("return", self.tr("Return boxes…"), "Ctrl+B", self.tr("Scan each box back into the archive room"),
             self.ask_return),
            ("refresh", self.tr("Refresh"), "Ctrl+R", self.tr("Read the batch again"), self.refresh),
        ]  # fmt: skip

    def _tab(self, name: str, model: Any, title: str, below: QWidget | None = None) -> Any:
        view = table_view(name)
        view.setModel(model)
        if below is None:
            self.tabs.addTab(view, title)
            return view
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view, 1)
        column.addWidget(below)
        self.tabs.addTab(page, title)
        return view

    def _settle_row(self) -> QWidget:
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.drop_button = QPushButton(self.tr("Drop…"), objectName="dropPending")
        self.drop_button.clicked.connect(lambda: self.ask_settle(pending.Settlement.DROPPED))
        self.rescan_button = QPushButton(self.tr("Rescan…"), objectName="rescanPending")
        self.rescan_button.clicked.connect(lambda: self.ask_settle(pending.Settlement.RESCAN))
        self.assign_button = QPushButton(self.tr("Assign to a record…"), objectName="assignPending")
        self.assign_button.clicked.connect(self.ask_assign)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.drop_button)
        buttons.addWidget(self.rescan_button)
        buttons.addStretch(1)
        return row

    # ------------------------------------------------------------------ showing

    @property
    def batch_id(self) -> int | None:
        return self.view.summary.id if self.view is not None else None

    def show_batch(self, batch_id: int | None) -> None:
        """Show a batch (None: none chosen); the findings of another batch's check are forgotten."""
        if batch_id != self.batch_id:
            self.flaws.clear()
            self.findings_model.set_rows([])
            self.imported_model.set_rows([])
            self.sheets_pdf = None
            self.checks.forget()
            self.turning.show_checks([])
        self.view = None
        if batch_id is not None:
            try:
                self.view = batches.batch_view(self._db, self._actor, batch_id)
                queue = pending.open_items(self._db, self._actor, batch_id)
            except UserError as exc:
                self.say(exc.message(i18n.lang_code()), "error")
        if self.view is None:
            self.header.setText(self.tr("Choose a batch, or make a new one (Ctrl+Shift+B)."))
            self.settings.clear()
            for model in (self.records_model, self.pending_model, self.log_model):
                model.set_rows([])
            self._enable()
        else:
            self._show(self.view, queue)
        self.sample.show_batch(batch_id if self.view else None, self.view.summary.step if self.view else None)

    def _show(self, view: BatchView, queue: Sequence[pending.PendingRow]) -> None:
        lang, s = i18n.lang_code(), view.summary
        self.header.setText(
            self.tr("{code} {title} — {step}: {scanned} of {records} records scanned, {pending} pending").format(
                code=s.code, title=s.title, step=s.step.label(lang), scanned=s.scanned, records=s.records,
                pending=s.pending,
            )
        )  # fmt: skip
        colour = view.settings.colour.zh if lang == "zh" else view.settings.colour.value
        self.settings.setText(
            self.tr("{dpi} dpi at least, {colour}, one format: {format}").format(
                dpi=view.settings.dpi, colour=colour, format=view.settings.file_format.value.upper()
            )
        )
        self.records_model.set_rows(view.records)
        self.pending_model.set_rows(queue)
        self.log_model.set_rows(view.log)
        self._enable()

    def say(self, text: str, state: str = "") -> None:
        self.jobs.say(text, state)

    def reload(self) -> None:
        self.show_batch(self.batch_id)

    def refresh(self) -> None:
        """F5: the batch and the list above read again (another workstation may have moved it)."""
        self.reload()
        self.changed.emit()

    def _enable(self) -> None:
        step = self.view.summary.step if self.view is not None else None
        running = self.jobs.task is not None
        nxt = next_step(step) if step is not None else None
        allowed = {
            "next": nxt is not None and nxt is not LAST,
            "rescan": step is not None and Step.SCAN in allowed_moves(step),
            "sheets": step is not None and step is not LAST,
            "print_sheets": self.sheets_pdf is not None,
            "import": step is Step.SCAN,
            "check": step is not None and step is not Step.PREPARE,
            "return": nxt is LAST,
            "refresh": step is not None,
        }
        for key, action in self.actions_.items():
            action.setEnabled(allowed.get(key, True) and not running)
        has_queue = self.pending_model.rowCount() > 0 and not running
        self.drop_button.setEnabled(has_queue)
        self.rescan_button.setEnabled(has_queue)
        self.assign_button.setEnabled(has_queue and step in pending.ASSIGN_STEPS)
        self.deciding.enable(step in DECIDING_STEPS and not running)
        self.checks.enable(step is not None and step is not Step.PREPARE and not running)
        self.turning.enable(step, running)

    # ------------------------------------------------------------------ dialogs

    def _open(self, dialog: QDialog, then: Callable[[], None]) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(then)
        dialog.finished.connect(lambda _=0: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _moved(self) -> None:
        self.reload()
        self.changed.emit()
        if self.view is not None:
            self.say(self.tr("Batch {code} is now at “{step}”.").format(
                code=self.view.summary.code, step=self.view.summary.step.label(i18n.lang_code())), "ok")  # fmt: skip

    def ask_next(self) -> QDialog | None:
        target = next_step(self.view.summary.step) if self.view is not None else None
        if self.view is None or target is None:
            return None
        if target is LAST:
            return self.ask_return()
        return self._open(StepDialog(self._db, self._clock, self._actor, self.view, target, self), self._moved)

    def ask_rescan(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(StepDialog(self._db, self._clock, self._actor, self.view, Step.SCAN, self), self._moved)

    def ask_return(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(ReturnBoxesDialog(self._db, self._clock, self._actor, self.view, self), self._moved)

    def ask_settle(self, how: pending.Settlement) -> QDialog | None:
        index = self.pending.currentIndex()
        if not index.isValid():
            self.say(self.tr("Choose a pending item first."), "warning")
            return None
        item = self.pending_model.row_of(index.row())
        return self._open(SettleDialog(self._db, self._clock, self._actor, item, how, self), self._settled)

    def _settled(self) -> None:
        self.reload()
        self.changed.emit()
        self.say(self.tr("Settled; the item stays in the batch's record."), "ok")

    # ------------------------------------------------------------------ work on the worker

    def _batch(self) -> int | None:
        if self.batch_id is None:
            self.say(self.tr("Choose a batch first."), "warning")
        return self.batch_id

    # cover sheets

    def ask_sheets(self) -> None:
        if self.view is None:
            return
        suggested = str(Path.home() / f"{self.view.summary.code}-cover-sheets.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the cover sheets"), suggested, "PDF (*.pdf)")
        if chosen:
            self.write_sheets(Path(chosen))

    def write_sheets(self, path: Path) -> TaskState | None:
        """Write the batch's cover sheets and its end sheet to ``path`` (then they can go to a printer)."""
        batch_id = self._batch()
        if batch_id is None:
            return None
        db, actor = self._db, self._actor

        def written(pages: int) -> None:
            self.sheets_pdf = path
            self._enable()
            self.say(self.tr("Wrote {pages} cover sheet page(s) to {path}.").format(pages=pages, path=path), "ok")

        return self.jobs.start(
            lambda state: sheets.print_cover_sheets(db, actor, batch_id, path), written, self.tr("Writing the sheets…")
        )

    def ask_print_sheets(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the cover sheets"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_sheets(printer)

    def print_sheets(self, printer: QPrinter) -> TaskState | None:
        """Send the cover sheets written last to ``printer``, page by page at its resolution."""
        path = self.sheets_pdf
        if path is None:
            return None

        def printed(pages: int) -> None:
            self.say(self.tr("Sent {pages} page(s) to the printer.").format(pages=pages), "ok")

        return self.jobs.start(lambda state: print_pdf(path, printer, state), printed, self.tr("Printing…"))

    # importing a scanned stack

    def ask_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import scanned files"), str(Path.home()), self.tr("Scans ({kinds})").format(kinds=SCAN_FILES)
        )
        if chosen:
            self.import_files([Path(c) for c in chosen])

    def import_files(self, files: Sequence[Path]) -> TaskState | None:
        """Split a scanned stack (a PDF, a TIFF, or a set of page images in order) and link its records."""
        batch_id = self._batch()
        if batch_id is None:
            return None
        db, actor = self._db, self._actor

        def job(state: TaskState) -> ImportResult:
            def progress(done: int, total: int) -> bool:
                state.report(done, total)
                return not state.cancelled

            return inbox.import_stack(db, actor, list(files), batch_id, progress)

        return self.jobs.start(job, self._imported, self.tr("Importing {n} file(s)…").format(n=len(files)))

    def _scanning_batch(self) -> int | None:
        """The batch the watched folder feeds: the one shown when it is at 扫描, else the one at 扫描."""
        return self.batch_id if self.view is not None and self.view.summary.step is Step.SCAN else None

    def _imported(self, result: ImportResult) -> None:
        if result.cancelled:
            self.say(self.tr("Import cancelled; nothing was stored."), "warning")
            return
        self.imported_model.set_rows(tables.imported_rows(result))
        self.reload()
        self.changed.emit()
        if result.already:
            self.say(self.tr("This stack was imported before; nothing was attached again."), "warning")
            return
        self.tabs.setCurrentIndex(IMPORTED)
        self.say(
            self.tr("{pages} pages: {linked} record(s) linked, {pending} pending.").format(
                pages=result.pages, linked=len(result.linked), pending=len(result.pending)
            ),
            "warning" if result.pending else "ok",
        )

    # the quality check

    def run_check(self) -> TaskState | None:
        """Measure and judge every record's scan (质检); cancelling keeps what was checked so far."""
        batch_id = self._batch()
        if batch_id is None:
            return None
        db, actor = self._db, self._actor
        return self.jobs.start(
            lambda state: turn_bar.check_job(db, actor, batch_id, state), self._checked, self.tr("Checking the scans…")
        )

    def _checked(self, outcome: tuple[list[RecordCheck], bool]) -> None:
        checks, stopped = outcome
        self.flaws.clear()
        self.flaws.update({c.document_id: len(c.findings) for c in checks})
        self.findings_model.set_rows(
            [tables.FindingRow(c.document_id, c.archive_no, f) for c in checks for f in c.findings]
        )
        self.records_model.set_rows(self.records_model.rows())  # the findings column
        self.turning.show_checks(checks)
        self.tabs.setCurrentIndex(FINDINGS)
        failed = sum(not c.passed for c in checks)
        text = self.tr("{checked} record(s) checked, {failed} with findings.").format(
            checked=len(checks), failed=failed
        )
        if stopped:
            text = self.tr("Stopped. ") + text
        self.say(text, "warning" if failed or stopped else "ok")

    # deciding on the records (ui/digitise/decide.py) and assigning pending pages

    def _chosen_record(self) -> tuple[int, BatchRecord] | None:
        index = self.records.currentIndex()
        if self.view is None or not index.isValid():
            self.say(self.tr("Choose a record first."), "warning")
            return None
        return self.view.summary.id, self.records_model.row_of(index.row())

    def ask_assign(self) -> QDialog | None:
        index = self.pending.currentIndex()
        if self.view is None or not index.isValid():
            self.say(self.tr("Choose a pending item first."), "warning")
            return None
        item = self.pending_model.row_of(index.row())
        dialog = decide.AssignDialog(self._db, self._clock, self._actor, item, self.view.records, self)
        return self._open(dialog, self._settled)
