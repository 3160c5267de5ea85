"""The roster import wizard (业主名册导入, A2) and the Import/Export roster actions.

Four pages: choose the file → see its first rows and which column holds what (the guesses
preselected, the clerk's corrections remembered for the next file) → check every row in the
background and read the report (row, column, value, problem), optionally excluding the rows
with problems → import, all or nothing, and read what was written. A file that cannot be read
(not a spreadsheet, empty, header only, a required column missing) is refused on the first
page with the service's own message, and nothing in the archive is touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.domain.estate.roster import ColumnMapping, Field, column_letter
from estate_desk.services.estate import roster
from estate_desk.ui import errors, prefs
from estate_desk.ui.estate.import_report import CheckPage, ImportPage
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QAction,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)
from estate_desk.ui.widgets import MessageLine, lang, table_view
from estate_desk.ui.worker import Runner

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.estate.roster import ImportReport, Preview
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import TaskState

REMEMBERED = "roster_columns"  # preferences key: {header: field value, or "" for "not read"}
NOT_READ = -1


# --------------------------------------------------------------------------- remembered columns


def remembered(mapping: ColumnMapping) -> ColumnMapping:
    """The guessed mapping with the clerk's earlier corrections for the same headers applied."""
    choices = prefs.load().get(REMEMBERED, {})
    if not isinstance(choices, dict):
        return mapping
    for index, header in enumerate(mapping.headers):
        chosen = choices.get(header.strip())
        if chosen is None or not header.strip():
            continue
        if chosen == "":
            current = next((f for f, i in mapping.columns.items() if i == index), None)
            if current is not None:
                mapping = mapping.with_column(current, None)
        elif chosen in {f.value for f in Field}:
            mapping = mapping.with_column(Field(chosen), index)
    return mapping


def remember(guessed: ColumnMapping, chosen: ColumnMapping) -> None:
    """Keep the clerk's corrections (where the choice differs from the guess) for the next file."""
    values = prefs.load()
    choices = values.get(REMEMBERED, {})
    choices = dict(choices) if isinstance(choices, dict) else {}
    for index, header in enumerate(chosen.headers):
        if not header.strip():
            continue
        was = next((f.value for f, i in guessed.columns.items() if i == index), "")
        now = next((f.value for f, i in chosen.columns.items() if i == index), "")
        if was != now:
            choices[header.strip()] = now
        elif choices.get(header.strip(), now) != now:
            choices.pop(header.strip())
    values[REMEMBERED] = choices
    prefs.save(values)


# --------------------------------------------------------------------------- pages


class FilePage(QWizardPage):
    """Choose the roster file; it is read here, and refused here with the reason when it cannot be."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, objectName="filePage")
        self._wizard = wizard
        self.setTitle(self.tr("Choose the roster file"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK, as Chinese Excel saves it), one row per room."
            )
        )
        self.path = QLineEdit(objectName="rosterPath")
        self.path.setPlaceholderText("业主名册.xlsx")
        browse = QPushButton(self.tr("Browse…"), objectName="browseRoster")
        browse.clicked.connect(self.browse)
        self.message = MessageLine("fileMessage")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.registerField("path*", self.path)

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster file"), "", self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)")
        )
        if chosen:
            self.path.setText(chosen)

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip())
        try:
            seen = roster.preview(path)
            mapping = remembered(seen.mapping)
            taken = set(mapping.columns.values())
            if mapping.missing() and all(i in taken for i in range(len(mapping.headers))):
                mapping.require(where=str(path))  # no column left that could hold what is missing
        except UserError as exc:
            self.message.problem(exc, full=True)
            return False
        self.message.clear()
        self._wizard.start(path, seen, mapping)
        return True


class MappingPage(QWizardPage):
    """The file's first rows, and a choice per field of the column that holds it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, objectName="mappingPage")
        self._wizard = wizard
        self.setTitle(self.tr("Which column holds what"))
        self.setSubTitle(self.tr("The guesses are chosen already; correct any that are wrong."))
        self.about = QLabel(objectName="previewAbout", wordWrap=True)
        self.table = table_view("previewTable")
        self.model: RowsTableModel[tuple[int, tuple[str, ...]]] | None = None
        self.combos: dict[Field, QComboBox] = {}
        form_host = QWidget()
        form = QFormLayout(form_host)
        for f in Field:
            combo = QComboBox(objectName=f"map_{f.value}")
            combo.currentIndexChanged.connect(lambda _n, f=f: self._changed(f))
            self.combos[f] = combo
            form.addRow(f.label(lang()), combo)
        self.message = MessageLine("mappingMessage")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(form_host)
        split.setSizes([560, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        seen = self._wizard.preview
        mapping = self._wizard.mapping
        assert seen is not None and mapping is not None
        headers = mapping.headers
        self.about.setText(
            self.tr("{file}: {kind}{encoding}, headers in row {row}, {n} data rows. The first rows:").format(
                file=seen.file,
                kind=seen.kind.upper(),
                encoding=f" ({seen.encoding.upper()})" if seen.encoding else "",
                row=seen.header_row,
                n=seen.total_rows,
            )
        )
        titles = [self.tr("Row"), *(f"{column_letter(i)} {h}".strip() for i, h in enumerate(headers))]
        self.model = RowsTableModel(titles, _preview_cell, self)
        self.model.set_rows(seen.rows)
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 48)
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), NOT_READ)
            for i, h in enumerate(headers):
                combo.addItem(f"{column_letter(i)}: {h}" if h.strip() else column_letter(i), i)
            combo.blockSignals(False)
        self._show(mapping)

    def _show(self, mapping: ColumnMapping) -> None:
        for f, combo in self.combos.items():
            column = mapping.column(f)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(NOT_READ if column is None else column))
            combo.blockSignals(False)
        try:
            mapping.require()
            self.message.clear()
        except InputProblem as exc:
            self.message.problem(exc)
        self.completeChanged.emit()

    def choose(self, f: Field, column: int | None) -> None:
        """Read ``f`` from ``column`` (None: not at all), as picking it in the field's list does."""
        combo = self.combos[f]
        combo.setCurrentIndex(combo.findData(NOT_READ if column is None else column))

    def _changed(self, f: Field) -> None:
        mapping = self._wizard.mapping
        if mapping is None:
            return
        column = int(self.combos[f].currentData())
        self._wizard.mapping = mapping.with_column(f, None if column == NOT_READ else column)
        self._show(self._wizard.mapping)

    def isComplete(self) -> bool:
        mapping = self._wizard.mapping
        return mapping is not None and not mapping.missing()

    def validatePage(self) -> bool:
        seen, mapping = self._wizard.preview, self._wizard.mapping
        if seen is not None and mapping is not None:
            remember(seen.mapping, mapping)
        return True


def _preview_cell(row: tuple[int, tuple[str, ...]], column: int) -> Any:
    number, cells = row
    if column == 0:
        return number
    return cells[column - 1] if column - 1 < len(cells) else ""


# --------------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """导入业主名册: file → columns → check (report) → import. ``imported`` carries the written report."""

    imported = Signal(object)  # ImportReport

    FILE, MAPPING, CHECK, IMPORT = range(4)

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None, *, runner: Runner | None = None
    ) -> None:
        super().__init__(parent, objectName="importWizard")
        self.db, self.clock, self.actor = db, clock, actor
        self.runner = runner if runner is not None else Runner(self)
        self._own_runner = runner is None
        self.task: TaskState | None = None
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.mapping: ColumnMapping | None = None
        self.excluded: tuple[int, ...] = ()
        self.report: ImportReport | None = None  # the last check
        self.result_report: ImportReport | None = None  # what the import did
        self.setWindowTitle(self.tr("Import the owner roster"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.check_page, self.import_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.resize(960, 640)

    def start(self, path: Path, seen: Preview, mapping: ColumnMapping) -> None:
        """A file was read: begin again from its guessed (and remembered) columns."""
        self.path, self.preview, self.mapping = path, seen, mapping
        self.excluded, self.report, self.result_report = (), None, None

    def submit(self, job: Any, **callbacks: Any) -> TaskState:
        self.cancel_task()
        self.task = self.runner.submit(job, **callbacks)
        return self.task

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def done(self, result: int) -> None:
        """Closing stops a running check or import (nothing is written) and the wizard's own worker."""
        self.cancel_task()
        if self._own_runner:
            self.runner.shutdown()
        super().done(result)


class RosterActions(QObject):
    """The roster actions: Import roster… (the wizard) and Export roster… (a file dialog, then the export)."""

    status = Signal(str)  # what was done, for the status bar

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, parent: QWidget, *, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._clock, self._actor, self._widget, self._runner = db, clock, actor, parent, runner
        self.wizard: ImportWizard | None = None
        self.import_action = QAction(self.tr("Import roster…"), parent, objectName="importRoster")
        self.import_action.setToolTip(self.tr("Import owners and rooms from .xlsx or .csv"))
        self.import_action.triggered.connect(self.open_import_wizard)
        self.export_action = QAction(self.tr("Export roster…"), parent, objectName="exportRoster")
        self.export_action.setToolTip(self.tr("Save every room and its owner to .xlsx"))
        self.export_action.triggered.connect(self.export_roster)

    def open_import_wizard(self) -> ImportWizard:
        if self.wizard is not None:
            self.wizard.deleteLater()
        self.wizard = ImportWizard(self._db, self._clock, self._actor, self._widget, runner=self._runner)
        self.wizard.imported.connect(lambda report: self.status.emit(report.summary(lang())))
        self.wizard.open()
        return self.wizard

    def export_roster(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self._widget,
            self.tr("Export roster"),
            str(Path.home() / (self.tr("owner roster") + ".xlsx")),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        try:
            self.export_to(path)
        except UserError as exc:
            errors.show_problem(self._widget, exc, self.tr("Export roster"))

    def export_to(self, path: Path) -> int:
        """Write the roster to ``path``; returns the rows written (a refusal raises UserError)."""
        rows = roster.export_roster(self._db, self._actor, path)
        self.status.emit(self.tr("Exported {n} rows to {file}.").format(n=rows, file=path))
        return rows
