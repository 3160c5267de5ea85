"""The archive-room inspection log (档案室检查记录, A10): when the next is due, the log, and recording one.

Recording goes through :class:`InspectionDialog`: each of the six checks is answered yes or
no, the temperature and humidity readings are optional, and the service decides — it refuses
an unanswered check or an implausible reading, and keeps a reading outside the archive-room
norm with a warning, which the dialog shows as soon as it is typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.domain.routines.inspections import (
    Check,
    InspectionInterval,
    Reading,
    reading_value,
    reading_warnings,
)
from estate_desk.services.routines import inspections
from estate_desk.services.routines import today as today_service
from estate_desk.ui import style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.routines.widgets import status_label, status_style
from estate_desk.ui.widgets import MessageLine, lang, local_time, ok_cancel, table_view

if TYPE_CHECKING:
    from decimal import Decimal

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.routines.inspections import InspectionRow
    from estate_desk.store.database import Database

YES, NO = 1, 0
INTERVAL_CHOICES = ("1w", "2w", "1m", "2m", "3m")
NOT_MEASURED = {Reading.TEMPERATURE: -99.9, Reading.HUMIDITY: -1.0}  # the spin boxes' "not measured" value


def reading_box(what: Reading, name: str, not_measured: str) -> QDoubleSpinBox:
    """A reading in tenths; its lowest value means "not measured". The range is wide on purpose:
    whether a reading is plausible is for the service to say."""
    box = QDoubleSpinBox(objectName=name)
    box.setDecimals(1)
    box.setRange(NOT_MEASURED[what], 99.9 if what is Reading.TEMPERATURE else 199.9)
    box.setSingleStep(0.5)
    box.setSuffix(f" {what.unit}")
    box.setSpecialValueText(not_measured)
    box.setValue(NOT_MEASURED[what])
    return box


class InspectionDialog(QDialog):
    """登记档案室检查: the six checks, the readings and notes of an inspection made now."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="inspectionDialog")
        self._db, self._clock, self._actor = db, clock, actor
        self.recorded: InspectionRow | None = None
        self.setWindowTitle(self.tr("Record an inspection of the archive room"))
        self.answers: dict[Check, QButtonGroup] = {}
        self.radios: dict[tuple[Check, bool], QRadioButton] = {}
        checks = QGridLayout()
        checks.addWidget(QLabel(self.tr("<b>Check</b>")), 0, 0)
        checks.addWidget(QLabel(self.tr("<b>Yes</b>")), 0, 1)
        checks.addWidget(QLabel(self.tr("<b>No</b>")), 0, 2)
        for row, check in enumerate(Check, start=1):
            group = QButtonGroup(self)
            group.setExclusive(True)
            checks.addWidget(QLabel(check.label(lang())), row, 0)
            for column, (passed, answer) in enumerate(((True, YES), (False, NO)), start=1):
                radio = QRadioButton(objectName=f"check_{check.value}_{'yes' if passed else 'no'}")
                group.addButton(radio, answer)
                checks.addWidget(radio, row, column)
                self.radios[check, passed] = radio
            self.answers[check] = group
        not_measured = self.tr("not measured")
        self.temperature = reading_box(Reading.TEMPERATURE, "temperature", not_measured)
        self.humidity = reading_box(Reading.HUMIDITY, "humidity", not_measured)
        self.reading_hint = MessageLine("readingHint")
        self.notes = QPlainTextEdit(objectName="inspectionNotes")
        self.notes.setPlaceholderText(self.tr("What was found and done (optional)"))
        self.notes.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Relative humidity"), self.humidity)
        form.addRow("", self.reading_hint)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = MessageLine("inspectionMessage")
        self.buttons = ok_cancel(self, self.tr("Record"))
        layout = QVBoxLayout(self)
        layout.addLayout(checks)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.temperature.valueChanged.connect(self._readings_changed)
        self.humidity.valueChanged.connect(self._readings_changed)

    def answer(self, check: Check, passed: bool) -> None:
        self.radios[check, passed].setChecked(True)

    def reading(self, what: Reading) -> str | None:
        """The reading as typed ("21.5"), or None when not measured."""
        box = self.temperature if what is Reading.TEMPERATURE else self.humidity
        return None if box.value() <= NOT_MEASURED[what] else f"{box.value():.1f}"

    def _readings_changed(self) -> None:
        """Tell at once what the rules say of the readings: refused, outside the norm, or fine."""
        try:
            values: dict[Reading, Decimal | None] = {w: reading_value(self.reading(w), w) for w in Reading}
        except InputProblem as exc:
            self.reading_hint.problem(exc)
            return
        warnings = reading_warnings(values[Reading.TEMPERATURE], values[Reading.HUMIDITY])
        if warnings:
            self.reading_hint.warning("\n".join(w.message(lang()) for w in warnings))
        else:
            self.reading_hint.clear()

    def accept(self) -> None:
        checks = {c: group.checkedId() == YES for c, group in self.answers.items() if group.checkedId() != -1}
        try:
            self.recorded = inspections.record_inspection(
                self._db,
                self._clock,
                self._actor,
                checks=checks,
                temperature=self.reading(Reading.TEMPERATURE),
                humidity=self.reading(Reading.HUMIDITY),
                notes=self.notes.toPlainText(),
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()


class InspectionsPage(QWidget):
    """档案室检查: the status line (next due / overdue), the schedule, the log, and Record inspection."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="inspectionsPage")
        self._db, self._clock, self._actor = db, clock, actor
        self.dialog: InspectionDialog | None = None
        self.status_line = status_label("inspectionStatus")
        self.record_button = QPushButton(self.tr("Record inspection…"), objectName="recordInspection")
        self.record_button.clicked.connect(self.record_inspection)
        self.interval = QComboBox(objectName="inspectionInterval", editable=True)
        for value in INTERVAL_CHOICES:
            self.interval.addItem(InspectionInterval.parse(value).label(lang()), value)
        self.interval.setToolTip(self.tr("Choose, or type e.g. 每6周 or “every 6 weeks”"))
        self.set_interval_button = QPushButton(self.tr("Set schedule"), objectName="setInterval")
        self.set_interval_button.clicked.connect(self.apply_interval)
        self.model: RowsTableModel[InspectionRow] = RowsTableModel(
            [
                self.tr("When"),
                self.tr("Inspector"),
                self.tr("Checks"),
                self.tr("Temperature (°C)"),
                self.tr("Humidity (%)"),
                self.tr("Notes"),
            ],
            self._cell,
            self,
            style=self._style,
        )
        self.table = table_view("inspectionLog")
        self.table.setModel(self.model)
        self.export = ListExport(self.table, db, actor, clock, "库房检查记录", "Inspection log")
        for column, width in enumerate((130, 80, 260, 110, 100)):
            self.table.setColumnWidth(column, width)
        self.message = MessageLine("inspectionsMessage")
        bar = QHBoxLayout()
        bar.addWidget(self.record_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Schedule")))
        bar.addWidget(self.interval)
        bar.addWidget(self.set_interval_button)
        bar.addWidget(self.export.button())
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Inspection log, newest first")))
        layout.addWidget(self.table, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def _cell(self, row: InspectionRow, column: int) -> Any:
        if column == 0:
            return local_time(row.inspected_at)
        if column == 1:
            return row.inspector
        if column == 2:
            if not row.failed:
                return self.tr("all passed")
            return self.tr("not passed: {checks}").format(checks="、".join(c.label(lang()) for c in row.failed))
        if column in (3, 4):
            value = row.temperature_c if column == 3 else row.humidity_pct
            what = Reading.TEMPERATURE if column == 3 else Reading.HUMIDITY
            text = "—" if value is None else str(value)
            flagged = [w for w in row.warnings if w.reading is what]
            return f"{text} ⚠" if flagged else text
        return row.notes

    def _style(self, row: InspectionRow, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if column == 2 and row.failed:
            return style.colour("error")
        if column in (3, 4) and any(
            w.reading is (Reading.TEMPERATURE if column == 3 else Reading.HUMIDITY) for w in row.warnings
        ):
            return style.colour("warning")
        return None

    def refresh(self) -> None:
        try:
            section = today_service.inspection_section(self._db, self._clock, self._actor, 0)
            log = inspections.inspection_log(self._db, self._actor, limit=200)
            interval = inspections.inspection_interval(self._db)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.status_line.setText(section.summary(lang()))
        self.status_line.setStyleSheet(status_style(section.status))
        self.status_line.setProperty("status", section.status.value)
        self.model.set_rows(log)
        self.interval.setCurrentText(interval.label(lang()))

    def record_inspection(self) -> InspectionDialog:
        """Open the dialog (window-modal); the log and status reload when it is recorded."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = InspectionDialog(self._db, self._clock, self._actor, self)
        self.dialog.accepted.connect(self._recorded)
        self.dialog.open()
        return self.dialog

    def _recorded(self) -> None:
        row = self.dialog.recorded if self.dialog is not None else None
        self.refresh()
        if row is not None and row.warnings:
            self.message.warning(
                self.tr("Inspection recorded. Readings outside the norm: {warnings}").format(
                    warnings="; ".join(w.message(lang()) for w in row.warnings)
                )
            )
        elif row is not None:
            self.message.done(self.tr("Inspection recorded."))

    def apply_interval(self) -> None:
        """Set the schedule to the chosen interval, or to what was typed (the service reads it)."""
        text = self.interval.currentText().strip()
        chosen = next(
            (self.interval.itemData(n) for n in range(self.interval.count()) if self.interval.itemText(n) == text),
            text,
        )
        try:
            interval = inspections.set_inspection_interval(self._db, self._actor, chosen)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.refresh()
        self.message.done(
            self.tr("The archive room is now inspected {interval}.").format(interval=interval.label(lang()))
        )
