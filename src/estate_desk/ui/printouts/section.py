"""The Printing section (打印): choose a document and what it covers, preview it, print it, save it.
Every document comes from the printout registry (``services/printouts/registry.py``), the one ``estate-desk
print`` uses, so both make the same files. Documents are made on the window's worker (progress, cancel),
shown with QtPdf and printed through Qt's print dialog (``ui/printouts/pdf_printer.py``)."""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import PermissionDenied, UserError
from estate_desk.services.archive import browse, cabinets, volumes
from estate_desk.services.printouts import labels as print_labels
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.kinds import Scope, Selection
from estate_desk.ui import i18n, prefs
from estate_desk.ui.models import Choice, RowsTableModel, set_choices
from estate_desk.ui.printouts.label_options import LabelOptionsPanel
from estate_desk.ui.printouts.pdf_printer import print_pdf
from estate_desk.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPdfDocument,
    QPdfView,
    QPrintDialog,
    QPrinter,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QShowEvent,
    QSpinBox,
    QSplitter,
    Qt,
    QTemporaryDir,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.browse import BoxRow
    from estate_desk.services.printouts.kinds import Printout, PrintResult
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner, TaskState

PROGRESS_STEPS = 1000
REDRAW_MS = 600  # a shown preview is made again this long after the last change
LABELS = "labels"


class PrintingSection(QWidget):
    """Pick a printout and a selection; preview, print, save as PDF, export .xlsx."""

    status = Signal(str)  # a message for the status bar
    job_ended = Signal(str)  # "done", "failed" or "cancelled": after a job's outcome was handled

    def __init__(self, db: Database, actor: Actor, clock: Clock, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="printingSection")
        self._db, self._actor, self._clock, self._runner = db, actor, clock, runner
        self._lang = i18n.lang_code()
        self._temp = QTemporaryDir()
        self._names = itertools.count(1)
        self._printer: QPrinter | None = None
        self.task: TaskState | None = None
        self.last_result: PrintResult | None = None
        self.printouts = printouts.printouts()

        self.choice = QComboBox(objectName="printoutChoice")
        for printout in self.printouts:
            self.choice.addItem(printout.title(self._lang), printout.key)
        self.box_model: RowsTableModel[BoxRow] = RowsTableModel(
            [self.tr("Box"), self.tr("Category"), self.tr("Spine"), self.tr("Place")], self._box_cell, self
        )  # a model, not 130,000 table items (33,000 boxes on a large archive)
        self.boxes = table_view("boxList")  # sorts by a header click, like every list
        self.boxes.setModel(self.box_model)
        self.boxes.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several boxes at once
        self.clear_boxes = QPushButton(self.tr("Clear box choice"), objectName="clearBoxes")
        self.clear_boxes.clicked.connect(self.boxes.clearSelection)
        self.cabinet = QComboBox(objectName="cabinetChoice")
        self.category = QComboBox(objectName="categoryChoice")
        self.volume = QComboBox(objectName="volumeChoice")
        self.building = QSpinBox(objectName="buildingChoice")
        self.building.setRange(0, 999)
        self.building.setSpecialValueText(self.tr("any"))
        self.year = QComboBox(objectName="yearChoice")
        self.day = QDateEdit(objectName="dayChoice", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(clock.now().date())
        self.label_options = LabelOptionsPanel()
        self.reason = QLineEdit(objectName="printReason", placeholderText=self.tr("why (kept in the audit trail)"))
        self._filled = False  # the choices (every box of the archive …) are read when first needed, not at start-up

        selection = QGroupBox(self.tr("What to print"))
        form = QFormLayout(selection)
        form.addRow(self.tr("Document"), self.choice)
        form.addRow(self.tr("Boxes"), self.boxes)
        form.addRow("", self.clear_boxes)
        form.addRow(self.tr("Cabinet"), self.cabinet)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Building"), self.building)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Volume"), self.volume)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Reason"), self.reason)
        self._scope_widgets: dict[Scope, tuple[QWidget, ...]] = {
            Scope.BOX: (self.boxes, self.clear_boxes),
            Scope.CABINET: (self.cabinet,),
            Scope.CATEGORY: (self.category,),
            Scope.BUILDING: (self.building,),
            Scope.YEAR: (self.year,),
            Scope.VOLUME: (self.volume,),
            Scope.DATE: (self.day,),
        }

        self.preview_button = QPushButton(self.tr("Preview"), objectName="previewButton")
        self.print_button = QPushButton(self.tr("Print…"), objectName="printButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="savePdfButton")
        self.xlsx_button = QPushButton(self.tr("Export .xlsx…"), objectName="exportXlsxButton")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save_pdf)
        self.xlsx_button.clicked.connect(self.ask_export_xlsx)
        self.buttons = (self.preview_button, self.print_button, self.save_button, self.xlsx_button)
        actions = QHBoxLayout()
        for button in self.buttons:
            actions.addWidget(button)
        self.progress = QProgressBar(objectName="printProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="printCancel")
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.message = QLabel(objectName="printMessage", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        choices = QWidget()  # scrolls, so the section fits a 768-pixel screen and leaves the search room
        QVBoxLayout(choices).addWidget(selection, 1)
        choices.layout().addWidget(self.label_options)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame, widget=choices), 1)
        column.addLayout(actions)
        column.addLayout(running)
        column.addWidget(self.message)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self, objectName="printPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        split = QSplitter()
        split.addWidget(side)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        with contextlib.suppress(UserError):
            self.label_options.set_options(print_labels.sheet_defaults(db))
        self.choice.currentIndexChanged.connect(self._printout_changed)
        self._printout_changed()
        self._set_running(False)
        self.previewed = self._stale = False  # a shown preview is made again when what it shows changes
        self.redraw_timer = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self.redraw_timer.timeout.connect(self._redraw)
        self._follow_choices()

    # ---- choices ---------------------------------------------------------------------------------

    def _box_cell(self, box: BoxRow, column: int) -> Any:
        name = box.category_zh if self._lang == "zh" else box.category_en
        return (box.code, name, f"{box.spine_mm} mm", box.place or "")[column]

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_choices()
        super().showEvent(event)
        if self._stale:  # what a preview shows changed while the section was hidden
            self._stale = False
            self.redraw_timer.start()

    def _ensure_choices(self) -> None:
        """Read the boxes, years, cabinets and categories once, when the section is first shown or used:
        with 33,000 boxes that is seconds a clerk opening the archive should not wait at start-up."""
        if not self._filled:
            self._filled = True
            self._fill_choices()

    def _fill_choices(self) -> None:
        any_text = self.tr("(any)")
        rows = browse.boxes(self._db, self._actor)
        self.box_model.set_rows(rows)
        self.boxes.resizeColumnsToContents()  # by the rows on screen: Qt reads 1,000 rows at most for this
        self.year.addItem(any_text, None)
        for year in sorted({box.year for box in rows}, reverse=True):
            self.year.addItem(str(year), year)
        self.cabinet.addItem(any_text, None)
        for cabinet in cabinets.cabinets(self._db, self._actor):
            self.cabinet.addItem(f"{cabinet.code} {cabinet.name}", cabinet.id)
        self.category.addItem(any_text, None)
        for node in browse.categories(self._db, self._actor):
            name = node.name_zh if self._lang == "zh" else node.name_en
            self.category.addItem(f"{node.code} {name}", node.code)
        volume_choices = [Choice(any_text, None)]
        volume_choices += [Choice(f"{v.code} {v.title}", v.id) for v in volumes.volumes(self._db, self._actor)]
        set_choices(self.volume, volume_choices)

    def current_printout(self) -> Printout:
        return printouts.printout(str(self.choice.currentData()))

    def choose(self, key: str) -> None:
        """Select the printout ``key`` (``labels``, ``catalogue`` …)."""
        index = self.choice.findData(key)
        if index < 0:
            raise KeyError(key)
        self.choice.setCurrentIndex(index)

    def _printout_changed(self) -> None:
        if self.choice.count() == 0:
            return
        printout = self.current_printout()
        for scope, widgets in self._scope_widgets.items():
            for widget in widgets:
                widget.setEnabled(scope in printout.scopes)
        self.label_options.setVisible(printout.key == LABELS)
        self.xlsx_button.setEnabled(printout.xlsx is not None and not self._runner_busy())

    def selection(self) -> Selection:
        self._ensure_choices()
        """The selection as the widgets show it (only what the chosen printout accepts)."""
        printout = self.current_printout()
        scopes = printout.scopes
        rows = sorted({index.row() for index in self.boxes.selectionModel().selectedRows()})
        box_ids = tuple(self.box_model.row_of(r).id for r in rows) if Scope.BOX in scopes else ()
        options: dict[str, str] = {}
        if printout.key == LABELS:
            options = self.label_options.options()
            if prefs.prefer_simhei():
                options["font"] = "simhei"
        if self.reason.text().strip():  # why, for confidential records (A11): checked and recorded by the service
            options["reason"] = self.reason.text().strip()
        return Selection(
            box_ids=box_ids,
            cabinet_id=self.cabinet.currentData() if Scope.CABINET in scopes else None,
            category_code=self.category.currentData() if Scope.CATEGORY in scopes else None,
            building=(self.building.value() or None) if Scope.BUILDING in scopes else None,
            year=self.year.currentData() if Scope.YEAR in scopes else None,
            volume_id=self.volume.currentData() if Scope.VOLUME in scopes else None,
            day=self.day.date().toString("yyyy-MM-dd") if Scope.DATE in scopes else None,
            options=options,
        )

    # ---- jobs ------------------------------------------------------------------------------------

    def _runner_busy(self) -> bool:
        return self.task is not None

    def _follow_choices(self) -> None:
        """Every choice and label option makes a shown preview again, once the clerk stops changing it."""
        for combo in (self.choice, self.cabinet, self.category, self.volume, self.year):
            combo.currentIndexChanged.connect(self.data_changed)
        self.building.valueChanged.connect(self.data_changed)
        self.day.dateChanged.connect(self.data_changed)
        self.boxes.selectionModel().selectionChanged.connect(self.data_changed)
        for spin in [*self.label_options.findChildren(QSpinBox), *self.label_options.findChildren(QDoubleSpinBox)]:
            spin.valueChanged.connect(self.data_changed)
        for combo in self.label_options.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.data_changed)
        for box in self.label_options.findChildren(QCheckBox):
            box.toggled.connect(self.data_changed)

    def data_changed(self, *_args: object) -> None:
        """What the preview shows changed (a choice, an option, or the archive at another workstation)."""
        if not self.previewed:
            return
        if self.isVisible():
            self.redraw_timer.start()
        else:
            self._stale = True  # made again when the section is next shown

    def _redraw(self) -> None:
        if not self.isVisible():
            self._stale = self.previewed
        elif self._running:
            self.redraw_timer.start()  # after the job that runs now
        elif self.previewed:
            self.preview()

    def _set_running(self, running: bool) -> None:
        self._running = running
        for button in self.buttons:
            button.setEnabled(not running)
        if not running:
            self.xlsx_button.setEnabled(self.choice.count() > 0 and self.current_printout().xlsx is not None)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setValue(0)

    def _start(self, job: Callable[[TaskState], Any], done: Callable[[Any], None], what: str) -> TaskState:
        self._set_running(True)
        self.message.setText(what)
        self.task = self._runner.submit(
            job,
            on_done=lambda value: self._ended("done", lambda: done(value)),
            on_failed=lambda exc: self._ended("failed", lambda: self._failed(exc)),
            on_cancelled=lambda: self._ended("cancelled", self._cancelled),
            on_progress=lambda n, total: self.progress.setValue(int(PROGRESS_STEPS * n / max(1, total))),
        )
        return self.task

    def _ended(self, how: str, then: Callable[[], None]) -> None:
        self.task = None
        self._printer = None
        self._set_running(False)
        try:
            then()
        finally:
            self.job_ended.emit(how)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self.message.setText(exc.message(self._lang))
        self.status.emit(exc.zh if self._lang == "zh" else exc.en)

    def _cancelled(self) -> None:
        self.message.setText(self.tr("Cancelled; no file was written."))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _render_job(self, out: Path, *, xlsx: bool = False) -> Callable[[TaskState], PrintResult]:
        printout, selection = self.current_printout(), self.selection()
        render = printout.xlsx if xlsx and printout.xlsx is not None else printout.render
        db, clock, actor = self._db, self._clock, self._actor

        def job(state: TaskState) -> PrintResult:
            return render(db, clock, actor, selection, out, progress=state.report, cancelled=state.is_cancelled)

        return job

    def _made(self, result: PrintResult, text: str) -> None:
        self.last_result = result
        lines = [text, *result.warnings]
        self.message.setText("\n".join(lines))
        self.status.emit(text)
        if self.current_printout().key == LABELS:
            with contextlib.suppress(PermissionDenied):
                print_labels.save_sheet_defaults(self._db, self._actor, self.label_options.options())

    def preview(self) -> TaskState:
        """Make the document in a temporary file and show it here."""
        self.pdf.close()
        out = Path(self._temp.path()) / f"preview-{next(self._names)}.pdf"

        def shown(result: PrintResult) -> None:
            self.last_result = result
            self.previewed = True
            self.pdf.load(str(result.path))
            shown_text = self.tr("{pages} page(s), {items} item(s).").format(pages=result.pages, items=result.items)
            self.message.setText("\n".join([shown_text, *result.warnings]))

        return self._start(self._render_job(out), shown, self.tr("Making the preview…"))

    def save_pdf(self, path: Path) -> TaskState:
        """Make the document as a PDF at ``path``."""

        def saved(result: PrintResult) -> None:
            self._made(result, self.tr("Saved {pages} page(s) to {path}.").format(pages=result.pages, path=path))

        return self._start(self._render_job(Path(path)), saved, self.tr("Saving the PDF…"))

    def export_xlsx(self, path: Path) -> TaskState:
        """The same table as .xlsx at ``path`` (for printouts that are tables)."""

        def saved(result: PrintResult) -> None:
            self._made(result, self.tr("Exported {items} row(s) to {path}.").format(items=result.items, path=path))

        return self._start(self._render_job(Path(path), xlsx=True), saved, self.tr("Exporting…"))

    def print_to(self, printer: QPrinter) -> TaskState:
        """Make the document and send its pages to ``printer`` (chosen in the print dialog)."""
        out = Path(self._temp.path()) / f"print-{next(self._names)}.pdf"
        render = self._render_job(out)
        self._printer = printer

        def job(state: TaskState) -> tuple[PrintResult, int]:
            result = render(state)
            return result, print_pdf(result.path, printer, state)

        def printed(value: tuple[PrintResult, int]) -> None:
            result, pages = value
            self._made(result, self.tr("Sent {pages} page(s) to the printer.").format(pages=pages))

        return self._start(job, printed, self.tr("Printing…"))

    # ---- dialogs (the buttons) -------------------------------------------------------------------

    def _ask_path(self, caption: str, suffix: str, kinds: str) -> Path | None:
        suggested = str(Path.home() / f"{self.current_printout().key}{suffix}")
        chosen, _filter = QFileDialog.getSaveFileName(self, caption, suggested, kinds)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def ask_save_pdf(self) -> None:
        path = self._ask_path(self.tr("Save as PDF"), ".pdf", self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.save_pdf(path)

    def ask_export_xlsx(self) -> None:
        path = self._ask_path(self.tr("Export .xlsx"), ".xlsx", self.tr("Excel workbooks (*.xlsx)"))
        if path is not None:
            self.export_xlsx(path)

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print {document}").format(document=self.current_printout().title(self._lang)))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
