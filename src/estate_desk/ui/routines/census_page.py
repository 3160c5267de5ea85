"""The quarterly household census (家庭情况普查, A14): progress, starting a quarter, checking households.

Starting a quarter's census is safe to repeat (the service adds only missing households). A
household is checked through :class:`CensusTaskDialog`: the phone and address as found, and a
note; what really changed goes into the owner's file (A13) — the service decides what differs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.routines.census import Quarter
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE
from estate_desk.services.routines import census
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.routines.widgets import STATUS_COLOURS, status_foreground, status_label, status_style
from estate_desk.ui.widgets import MessageLine, lang, local_time, ok_cancel, table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.domain.routines.census import CensusProgress
    from estate_desk.services.actor import Actor
    from estate_desk.services.routines.census import CensusTaskRow
    from estate_desk.store.database import Database

QUARTERS_SHOWN = 4  # this quarter and the three before it


class CensusTaskDialog(QDialog):
    """登记普查: a household checked now — its phone and address as found, and a note."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, task: CensusTaskRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="censusTaskDialog")
        self._db, self._clock, self._actor, self.task = db, clock, actor, task
        self.completed: CensusTaskRow | None = None
        self.setWindowTitle(self.tr("Household census: {room}").format(room=task.room_code))
        heading = f"<b>{task.room_code}</b>　{task.owner_name}" if task.owner_name else f"<b>{task.room_code}</b>"
        self.phone = QLineEdit(task.phone, objectName="censusPhone")
        self.address = QLineEdit(task.address, objectName="censusAddress")
        self.note = QPlainTextEdit(objectName="censusNote")
        self.note.setPlaceholderText(self.tr("What the household said, anything to follow up (optional)"))
        self.note.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(QLabel(heading, objectName="censusHousehold"))
        if task.owner_id is None:
            form.addRow(QLabel(self.tr("The room has no current owner; only a note can be recorded.")))
            self.phone.setEnabled(False)
            self.address.setEnabled(False)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Note"), self.note)
        self.message = MessageLine("censusMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Mark as checked")))
        self.resize(520, 300)

    def accept(self) -> None:
        changes = None if self.task.owner_id is None else {"phone": self.phone.text(), "address": self.address.text()}
        try:
            self.completed = census.complete_census_task(
                self._db, self._clock, self._actor, self.task.id, changes=changes, note=self.note.toPlainText()
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()


class CensusPage(QWidget):
    """家庭情况普查: the quarter's progress, Start census, the households in room order (A9), Check household."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="censusPage")
        self._db, self._clock, self._actor = db, clock, actor
        self.progress: CensusProgress | None = None
        self.dialog: CensusTaskDialog | None = None
        self.quarter = QComboBox(objectName="censusQuarter")
        self.quarter.currentIndexChanged.connect(lambda _n: self.refresh())
        self.start_button = QPushButton(self.tr("Start the census"), objectName="startCensus")
        self.start_button.setToolTip(self.tr("Gives every household without one a task; safe to repeat."))
        self.start_button.clicked.connect(self.start_census)
        self.bar = QProgressBar(objectName="censusProgress")
        self.status_line = status_label("censusStatus")
        self.filter = QComboBox(objectName="censusFilter")
        self.filter.addItem(self.tr("Still to check"), "open")
        self.filter.addItem(self.tr("Checked"), "done")
        self.filter.addItem(self.tr("All households"), "all")
        self.filter.currentIndexChanged.connect(lambda _n: self.reload_tasks())
        self.check_button = QPushButton(self.tr("Check household…"), objectName="checkHousehold")
        self.check_button.clicked.connect(lambda: self.check_household())
        self.model: RowsTableModel[CensusTaskRow] = RowsTableModel(
            [
                self.tr("Room"),
                self.tr("Owner"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("State"),
                self.tr("By"),
                self.tr("When"),
                self.tr("Changes"),
                self.tr("Note"),
            ],
            self._cell,
            self,
            style=self._style,
        )
        self.table = table_view("censusTasks")
        self.table.setModel(self.model)
        self.export = ListExport(  # owners' names, phones and addresses: their particulars are 绝密 (A12)
            self.table, db, actor, clock, "住户普查", "Household census", at_least=OWNER_FILE_GRADE
        )
        for column, width in enumerate((130, 80, 110, 160, 60, 70, 120, 220)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.check_household(self.model.row_of(index.row()).id))
        self.message = MessageLine("censusPageMessage")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Quarter")))
        top.addWidget(self.quarter)
        top.addWidget(self.bar, 1)
        top.addWidget(self.start_button)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Show")))
        tools.addWidget(self.filter)
        tools.addStretch(1)
        tools.addWidget(self.check_button)
        tools.addWidget(self.export.button())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_line)
        layout.addWidget(self.message)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self._fill_quarters()

    def _fill_quarters(self) -> None:
        """This quarter (by the clock) and the ones before it; the chosen one stays chosen while listed."""
        chosen = self.quarter.currentData()
        self.quarter.blockSignals(True)
        self.quarter.clear()
        q = Quarter.of(office_date(self._clock.now()))
        for _ in range(QUARTERS_SHOWN):
            self.quarter.addItem(q.label(lang()), q.code)
            q = q.previous()
        self.quarter.setCurrentIndex(max(self.quarter.findData(chosen), 0) if chosen else 0)
        self.quarter.blockSignals(False)

    def chosen_quarter(self) -> str:
        return str(self.quarter.currentData())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self._fill_quarters()  # the clock may have moved into a new quarter
            self.refresh()

    def _cell(self, row: CensusTaskRow, column: int) -> Any:
        checked = self.tr("checked") if row.done else self.tr("open")
        when = local_time(row.checked_at) if row.checked_at else ""
        values = (row.room_code, row.owner_name, row.phone, row.address, checked, row.checked_by, when)
        return values[column] if column < len(values) else (row.changes, row.note)[column - len(values)]

    def _style(self, row: CensusTaskRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and self.progress is not None and not row.done:
            return status_foreground(self.progress.status)
        return None

    def refresh(self) -> None:
        """The chosen quarter's progress and its tasks."""
        try:
            progress = census.census_progress(self._db, self._clock, self.chosen_quarter())
        except UserError as exc:
            self.message.problem(exc)
            return
        self.progress = progress
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        self.bar.setFormat(self.tr("%v of %m households checked") if progress.started else self.tr("not started"))
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {STATUS_COLOURS[progress.status][2]}; }}")
        quarter, status = progress.quarter.label(lang()), progress.status.label(lang())
        if progress.started:
            text = self.tr("{quarter}: {done} of {total} households checked, {open} to go — {status}").format(
                quarter=quarter, done=progress.done, total=progress.total, open=progress.open, status=status
            )
        else:
            text = self.tr("{quarter}: the census has not been started — {status}").format(
                quarter=quarter, status=status
            )
        self.status_line.setText(text)
        self.status_line.setStyleSheet(status_style(progress.status))
        self.start_button.setEnabled(not progress.complete)
        self.reload_tasks()

    def reload_tasks(self) -> None:
        shown = self.filter.currentData()
        try:
            tasks = census.census_tasks(
                self._db, self._clock, self._actor, self.chosen_quarter(), open_only=shown == "open"
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        self.model.set_rows([t for t in tasks if t.done] if shown == "done" else tasks)

    def start_census(self) -> None:
        try:
            started = census.start_census(self._db, self._clock, self._actor, self.chosen_quarter())
        except UserError as exc:
            self.message.problem(exc)
            return
        self.refresh()
        if started.created:
            self.message.done(
                self.tr("{n} households were given a census task ({total} in all).").format(
                    n=started.created, total=started.total
                )
            )
        else:
            self.message.done(
                self.tr("Every household already has a task ({total} in all).").format(total=started.total)
            )

    def select_task(self, task_id: int) -> bool:
        """Show a task in the list (switching to all households where the filter hides it)."""
        row = self.model.find(lambda t: t.id == task_id)
        if row is None:
            self.filter.setCurrentIndex(self.filter.findData("all"))
            row = self.model.find(lambda t: t.id == task_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def check_household(self, task_id: int | None = None) -> CensusTaskDialog | None:
        """Open the check dialog for a task (the selected one by default); the list reloads when done."""
        if task_id is None:
            current = self.table.currentIndex()
            if not current.isValid():
                self.message.warning(self.tr("Choose a household in the list first."))
                return None
            task_id = self.model.row_of(current.row()).id
        try:
            task = census.census_task(self._db, self._actor, task_id)
        except UserError as exc:
            self.message.problem(exc)
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CensusTaskDialog(self._db, self._clock, self._actor, task, self)
        self.dialog.accepted.connect(self._checked)
        self.dialog.open()
        return self.dialog

    def _checked(self) -> None:
        done = self.dialog.completed if self.dialog is not None else None
        self.refresh()
        if done is not None:
            what = done.changes or self.tr("no changes")
            self.message.done(self.tr("{room} checked: {changes}.").format(room=done.room_code, changes=what))
