"""The roster import wizard's last two pages: the check with its report (导入报告), and the import.

Both run their service on the window's worker with a progress bar and a Cancel button. The
check writes nothing; its report lists every problem by row, column and value, and the clerk
may exclude the rows with problems. Import stays disabled while any problem remains; the
import itself is all or nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from estate_desk.domain.errors import UserError
from estate_desk.domain.estate.roster import Notice
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE
from estate_desk.services.estate import roster
from estate_desk.ui import style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QCheckBox,
    QFont,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)
from estate_desk.ui.widgets import MessageLine, lang, table_view

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.estate.roster import ColumnMapping, Problem
    from estate_desk.services.actor import Actor
    from estate_desk.services.estate.roster import ImportReport
    from estate_desk.store.database import Database
    from estate_desk.ui.qt import SignalInstance
    from estate_desk.ui.worker import TaskState


class ImportWizard(Protocol):
    """What the last two pages read and set on their wizard (``ui/estate/import_wizard.ImportWizard``):
    the chosen file and columns, the check's report, the rows left out, and the running task."""

    db: Database
    clock: Clock
    actor: Actor
    path: Path
    mapping: ColumnMapping
    excluded: tuple[int, ...]
    report: ImportReport | None
    result_report: ImportReport | None
    task: TaskState | None
    imported: SignalInstance

    def submit(self, job: Any, **callbacks: Any) -> TaskState: ...

    def cancel_task(self) -> None: ...


STEPS = 1000  # the progress bars count in thousandths
Shown = tuple["Problem", bool]  # a problem (or a notice that blocks nothing), and whether its row is excluded


def progress_bar(name: str) -> QProgressBar:
    bar = QProgressBar(objectName=name)
    bar.setRange(0, STEPS)
    bar.setValue(0)
    return bar


def _step(done: int, total: int) -> int:
    return int(STEPS * done / total) if total else 0


class CheckPage(QWizardPage):
    """Check every row (nothing is written) and show the report; exclude the rows with problems if wanted."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, objectName="checkPage")
        self._wizard = wizard
        self.setTitle(self.tr("Check every row"))
        self.setSubTitle(self.tr("Nothing is written yet. Fix the file, or exclude the rows with problems."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.running = False
        self.base: ImportReport | None = None  # the check without exclusions: which rows have problems
        self.bar = progress_bar("checkProgress")
        self.cancel_button = QPushButton(self.tr("Cancel check"), objectName="cancelCheck")
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = QPushButton(self.tr("Check again"), objectName="checkAgain")
        self.again_button.clicked.connect(self.check)
        self.summary = MessageLine("checkSummary")
        self.model: RowsTableModel[Shown] = RowsTableModel(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")],
            self._cell,
            self,
            style=self._style,
        )
        self.table = table_view("reportTable")
        self.table.setModel(self.model)
        ListExport(  # the problems quote the file's cells: owners' particulars, 绝密 (A12)
            self.table, wizard.db, wizard.actor, wizard.clock, "名册检查结果", "Roster check", at_least=OWNER_FILE_GRADE
        )
        for column, width in enumerate((56, 100, 140)):
            self.table.setColumnWidth(column, width)
        self.exclude = QCheckBox(self.tr("Exclude the rows with problems"), objectName="excludeProblems")
        self.exclude.toggled.connect(lambda _on: self.check())
        bar = QHBoxLayout()
        bar.addWidget(self.bar, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.exclude)

    def _cell(self, shown: Shown, column: int) -> Any:
        problem, excluded = shown
        if column == 0:
            return "" if problem.row is None else problem.row
        if column == 3:
            text = problem.message(lang())
            return self.tr("{problem} (row excluded)").format(problem=text) if excluded else text
        return (problem.column, problem.value)[column - 1]

    def _style(self, shown: Shown, column: int, role: int) -> Any:
        if isinstance(shown[0], Notice):  # a new building, an ID check character: seen, but blocks nothing
            return style.colour("warning") if role == Qt.ItemDataRole.ForegroundRole and column == 3 else None
        if not shown[1]:
            return style.colour("error") if role == Qt.ItemDataRole.ForegroundRole and column == 3 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.colour("muted")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def problem_rows(self) -> list[int]:
        """Rows the check without exclusions found problems in."""
        return sorted({p.row for p in self.base.problems if p.row is not None}) if self.base else []

    def initializePage(self) -> None:
        self.base = None
        self.exclude.blockSignals(True)
        self.exclude.setChecked(False)
        self.exclude.setEnabled(False)
        self.exclude.blockSignals(False)
        self.check()

    def cleanupPage(self) -> None:  # Back: stop a running check
        self.cancel()

    def isComplete(self) -> bool:
        report = self._wizard.report
        return not self.running and report is not None and not report.problems

    def check(self) -> TaskState:
        """Check the file with the chosen columns (and exclusions) on the worker."""
        w = self._wizard
        path, mapping = w.path, w.mapping
        assert path is not None and mapping is not None
        excluded = tuple(self.problem_rows()) if self.exclude.isChecked() else ()
        w.report = None
        self.running = True
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.again_button.setEnabled(False)
        self.summary.done(self.tr("Checking every row…"))
        self.completeChanged.emit()

        def job(state: TaskState) -> ImportReport:
            return roster.validate(
                w.db,
                w.actor,
                path,
                mapping,
                exclude_rows=excluded,
                progress=state.report,
                cancelled=state.is_cancelled,
            )

        task: TaskState | None = None

        def mine() -> bool:
            return task is not None and w.task is task

        task = w.submit(
            job,
            on_done=lambda report: mine() and self._checked(report, excluded),
            on_failed=lambda exc: mine() and self._failed(exc),
            on_cancelled=lambda: mine() and self._stopped(self.tr("Check cancelled.")),
            on_progress=lambda done, total: mine() and self.bar.setValue(_step(done, total)),
        )
        return task

    def cancel(self) -> None:
        if self.running:
            self._wizard.cancel_task()
            self._stopped(self.tr("Check cancelled."))

    def _stopped(self, text: str) -> None:
        self.running = False
        self.cancel_button.setEnabled(False)
        self.again_button.setEnabled(True)
        self.summary.warning(text)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._wizard.task = None
        if not isinstance(exc, UserError):
            self._stopped("")
            raise exc
        self._stopped("")
        self.summary.problem(exc, full=True)

    def _checked(self, report: ImportReport, excluded: tuple[int, ...]) -> None:
        w = self._wizard
        w.task = None
        self.running = False
        self.bar.setValue(STEPS)
        self.cancel_button.setEnabled(False)
        self.again_button.setEnabled(True)
        if not excluded:
            self.base = report
        w.report, w.excluded = report, excluded
        shown: list[Shown] = [(p, False) for p in [*report.problems, *report.notices]]
        if excluded and self.base is not None:
            shown += [(p, True) for p in self.base.problems if p.row in excluded]
        shown.sort(key=lambda s: (s[0].row or 0, s[1]))
        self.model.set_rows(shown)
        rows = self.problem_rows()
        self.exclude.setEnabled(bool(rows))
        self.exclude.setText(
            self.tr("Exclude the {n} rows with problems").format(n=len(rows))
            if rows
            else self.tr("Exclude the rows with problems")
        )
        if report.problems:
            self.summary.error(report.summary(lang()))
        else:
            self.summary.done(report.summary(lang()))
        self.completeChanged.emit()


class ImportPage(QWizardPage):
    """Write the checked rows in one transaction, and say what was written."""

    COUNTS = ("new_buildings", "new_rooms", "new_owners", "new_ownerships", "changes", "unchanged")

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, objectName="importPage")
        self._wizard = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All rows are written together, or none at all."))
        self.running = False
        self.finished_ok = False
        self.bar = progress_bar("importProgress")
        self.cancel_button = QPushButton(self.tr("Cancel import"), objectName="cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = MessageLine("importSummary")
        titles = (
            self.tr("New buildings"),
            self.tr("New rooms"),
            self.tr("New owners"),
            self.tr("New ownerships"),
            self.tr("Changes"),
            self.tr("Unchanged"),
        )
        self.counts: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in zip(self.COUNTS, titles, strict=True):
            self.counts[key] = QLabel("—", objectName=f"count_{key}")
            form.addRow(title, self.counts[key])
        bar = QHBoxLayout()
        bar.addWidget(self.bar, 1)
        bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return not self.running

    def initializePage(self) -> None:
        w = self._wizard
        path, mapping, excluded = w.path, w.mapping, w.excluded
        assert path is not None and mapping is not None
        self.running, self.finished_ok = True, False
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.summary.done(self.tr("Importing…"))
        for label in self.counts.values():
            label.setText("—")
        self.completeChanged.emit()

        def job(state: TaskState) -> ImportReport:
            return roster.import_roster(
                w.db,
                w.clock,
                w.actor,
                path,
                mapping,
                exclude_rows=excluded,
                progress=state.report,
                cancelled=state.is_cancelled,
            )

        task: TaskState | None = None

        def mine() -> bool:
            return task is not None and w.task is task

        task = w.submit(
            job,
            on_done=lambda report: mine() and self._imported(report),
            on_failed=lambda exc: mine() and self._failed(exc),
            on_cancelled=lambda: mine() and self._ended(self.tr("Import cancelled; nothing was written.")),
            on_progress=lambda done, total: mine() and self.bar.setValue(_step(done, total)),
        )

    def cancel(self) -> None:
        if self.running:
            self._wizard.cancel_task()
            self._ended(self.tr("Import cancelled; nothing was written."))

    def _ended(self, text: str) -> None:
        self.running = False
        self.cancel_button.setEnabled(False)
        if text:
            self.summary.warning(text)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._wizard.task = None
        self._ended("")
        if not isinstance(exc, UserError):
            raise exc
        self.summary.problem(exc, full=True)

    def _imported(self, report: ImportReport) -> None:
        w = self._wizard
        w.task, w.result_report = None, report
        self.bar.setValue(STEPS)
        for key in self.COUNTS:
            value = getattr(report, key)
            self.counts[key].setText(str(len(value) if isinstance(value, list) else value))
        self._ended("")
        if report.written:
            self.finished_ok = True
            self.summary.done(report.summary(lang()))
            w.imported.emit(report)
        else:  # the archive changed since the check: problems again, nothing written
            self.summary.error(report.summary(lang()))
