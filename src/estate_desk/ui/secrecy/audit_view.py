"""The audit viewer (审计记录): filter by person, record, action and time; check the chain; export.

Shown in the Administration section to the management office and administrators only
(``services/audit_log.AUDIT_READERS``); the services refuse anyone else in any case. The newest
:data:`SHOWN` matching rows are listed; an export writes every matching row.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import UserError
from estate_desk.services import audit
from estate_desk.services.secrecy import audit_log
from estate_desk.ui import i18n, style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

SHOWN = 500


class AuditView(QWidget):
    """The audit trail, newest first, with its filters."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="auditView")
        self._db, self._actor, self._clock = db, actor, clock
        self._lang = i18n.lang_code()
        self.person = QLineEdit(objectName="auditPerson", placeholderText=self.tr("user name"))
        self.record = QLineEdit(objectName="auditRecord", placeholderText=self.tr("archive number, name, printout…"))
        self.action = QComboBox(objectName="auditAction")
        self.action.addItem(self.tr("every action"), None)
        for action in AuditAction:
            self.action.addItem(action.label(self._lang), action.value)
        today = clock.now().astimezone(CHINA_TZ).date()
        self.use_since, self.use_until = QCheckBox(self.tr("From")), QCheckBox(self.tr("to"))
        self.since = QDateEdit(today - timedelta(days=30), objectName="auditSince", calendarPopup=True)
        self.until = QDateEdit(today, objectName="auditUntil", calendarPopup=True)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("Show"), objectName="auditShow")
        self.verify_button = QPushButton(self.tr("Check the chain"), objectName="auditVerify")
        self.export_button = QPushButton(self.tr("Export…"), objectName="auditExport")
        self.search_button.clicked.connect(self.reload)
        self.person.returnPressed.connect(self.reload)
        self.record.returnPressed.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.ask_export)

        self.model: RowsTableModel[Sequence[str]] = RowsTableModel(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Record"),
                self.tr("Grade"),
                self.tr("Why"),
                self.tr("Details"),
                self.tr("Workstation"),
            ],
            lambda cells, column: cells[column],
            self,
        )  # a model over the rows' cells, not a table item per cell
        self.table = table_view("auditTable")
        self.table.setModel(self.model)
        ListExport(self.table, db, actor, clock, "审计记录", "Audit trail")  # the button exports every match
        self.message = QLabel(objectName="auditMessage", wordWrap=True)

        filters = QHBoxLayout()
        for widget in (
            QLabel(self.tr("User")),
            self.person,
            QLabel(self.tr("Record")),
            self.record,
            self.action,
            self.use_since,
            self.since,
            self.use_until,
            self.until,
            self.search_button,
        ):
            filters.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.reload()

    def current_filter(self) -> audit_log.AuditFilter:
        """The filter the fields describe (a day runs from midnight to midnight, China time)."""
        value = self.action.currentData()
        since = (
            datetime.combine(self.since.date().toPython(), time(0), CHINA_TZ) if self.use_since.isChecked() else None
        )
        until = (
            datetime.combine(self.until.date().toPython(), time(0), CHINA_TZ) + timedelta(days=1)
            if self.use_until.isChecked()
            else None
        )
        return audit_log.AuditFilter(
            person=self.person.text().strip() or None,
            action=AuditAction(value) if value else None,
            record=self.record.text().strip() or None,
            since=since,
            until=until,
        )

    def reload(self) -> None:
        try:
            rows = audit_log.events(self._db, self._actor, self.current_filter(), limit=SHOWN)
        except UserError as exc:
            self.model.set_rows([])
            self._say(exc.message(self._lang), ok=False)
            return
        self.model.set_rows([row.shown_cells(self._lang) for row in rows])
        self.table.resizeColumnsToContents()
        shown = self.tr("{count} rows (the newest {limit} at most).").format(count=len(rows), limit=SHOWN)
        self._say(shown, ok=True)

    def verify(self) -> bool:
        report = audit.verify(self._db)
        self._say(report.message(self._lang), ok=report.ok)
        return report.ok

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        if not name:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Export the audit trail"), self.tr("Why is it exported?"))
        if ok:
            self.export_to(Path(name), reason)

    def export_to(self, path: Path, reason: str = "") -> int | None:
        """Write every row the filter matches to ``path``; the export is itself recorded."""
        try:
            rows = audit_log.export_events(
                self._db, self._clock, self._actor, path, self.current_filter(), reason=reason
            )
        except UserError as exc:
            self._say(exc.message(self._lang), ok=False)
            return None
        self.reload()
        self._say(self.tr("{count} rows exported to {file}.").format(count=rows, file=path.name), ok=True)
        return rows

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        style.set_state(self.message, "ok" if ok else "error")
