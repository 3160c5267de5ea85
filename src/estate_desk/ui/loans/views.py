"""Views of the loan desk: the ledger (借阅登记簿) by period, borrower or record with a record's history,
a borrower's current loans in one view, and the office's borrowing rules. The register's columns are
the printed register's."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.loans.rules import RULE_EDITORS, ApprovalRules, LoanPeriod
from estate_desk.domain.roles import Role, parse_role
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import code_lookup
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.services.loans import requests as loans
from estate_desk.services.loans import rules as loan_rules
from estate_desk.ui import style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QShowEvent,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, date_edit, lang, local_time, table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.loans.ledger import LoanLine
    from estate_desk.store.database import Database

FLAG = style.colour("error")


def _cell(line: LoanLine, column: int) -> Any:
    translate = QCoreApplication.translate
    yes, no = translate("LoanViews", "Yes"), translate("LoanViews", "No")
    intact = "" if line.intact is None else (yes if line.intact else no)
    values = (
        line.borrower_name,
        line.borrower_org,
        line.borrower_phone,
        str(office_date(line.out_at)),
        line.archive_no,
        line.title,
        line.grade.label(lang()),
        line.purpose,
        line.approvers,
        str(line.due_on or ""),
        str(office_date(line.returned_at)) if line.returned_at else "",
        intact,
        line.remarks(),
    )
    return values[column]


def _style(line: LoanLine, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.ForegroundRole and (line.flagged or line.overdue_days):
        return FLAG
    return None


def loan_line_model(parent: QWidget) -> RowsTableModel[LoanLine]:
    """Loan lines with the register's columns; flagged and overdue lines in red."""
    translate = QCoreApplication.translate
    headers = [
        translate("LoanViews", "Borrower"),
        translate("LoanViews", "Department"),
        translate("LoanViews", "Contact"),
        translate("LoanViews", "Lent on"),
        translate("LoanViews", "Archive no."),
        translate("LoanViews", "Title"),
        translate("LoanViews", "Grade"),
        translate("LoanViews", "Purpose"),
        translate("LoanViews", "Approved by"),
        translate("LoanViews", "Due"),
        translate("LoanViews", "Returned on"),
        translate("LoanViews", "Intact"),
        translate("LoanViews", "Remarks"),
    ]
    return RowsTableModel(headers, _cell, parent, style=_style)


class LedgerView(QWidget):
    """借阅登记簿: every loan and copy of a period, a borrower or a record."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="loanLedger")
        self._db, self._clock, self._actor = db, clock, actor
        today = office_date(clock.now())
        self.since = date_edit("ledgerFrom", today - timedelta(days=30))
        self.until = date_edit("ledgerTo", today)
        self.borrower = QLineEdit(objectName="ledgerBorrower")
        self.borrower.setPlaceholderText(self.tr("Borrower"))
        self.record = QLineEdit(objectName="ledgerRecord")
        self.record.setPlaceholderText(self.tr("Archive no."))
        self.record.setMinimumWidth(220)
        self.show_button = QPushButton(self.tr("Show"), objectName="ledgerShow")
        self.show_button.clicked.connect(self.refresh)
        self.model = loan_line_model(self)
        self.table = table_view("ledgerTable")
        self.table.setModel(self.model)
        self.export = ListExport(self.table, db, actor, clock, "借阅登记簿", "Loan ledger")
        self.message = MessageLine("ledgerMessage")
        self.history = QListWidget(objectName="recordHistory")
        self.history_label = QLabel(self.tr("The record's history: paper loans and on-screen consultations"))
        bar = QHBoxLayout()
        for label, field in (
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
            ("", self.borrower),
            ("", self.record),
        ):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(field)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.export.button())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self.history_label.hide()
        self.history.hide()
        self._shown_once = False

    def showEvent(self, event: QShowEvent) -> None:
        """The last month's loans when the ledger is first opened, rather than an empty table."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def refresh(self) -> None:
        try:
            self._show_history()
            rows = loan_ledger.ledger(
                self._db,
                self._clock,
                self._actor,
                since=self.since.date().toPython(),
                until=self.until.date().toPython(),
                borrower=self.borrower.text() or None,
                record=self.record.text() or None,
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.clear()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _show_history(self) -> None:
        """With a record named, its history next to the ledger: loans, copies and consultations."""
        self.history.clear()
        code = self.record.text().strip()
        hit = code_lookup.find_by_code(self._db, self._actor, code) if code else None
        shown = hit is not None and hit.kind == "document"
        self.history.setVisible(shown)
        self.history_label.setVisible(shown)
        if hit is None or not shown:
            return
        for entry in loan_ledger.record_history(self._db, self._clock, self._actor, hit.id):
            text = entry.text_zh if lang().startswith("zh") else entry.text_en
            self.history.addItem(f"{local_time(entry.at)}  {entry.who}  {text}")


class BorrowerLoans(QWidget):
    """A borrower's current loans in one view (借阅人在借清单)."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="borrowerLoans")
        self._db, self._clock, self._actor = db, clock, actor
        self.borrower = QComboBox(objectName="borrowerPicker", editable=True)
        try:
            for person in loans.staff_borrowers(db, actor):
                self.borrower.addItem(person.name, person.user_id)
        except UserError:
            self.borrower.addItem(actor.display_name, actor.user_id)
        self.borrower.setCurrentIndex(-1)
        self.borrower.lineEdit().setPlaceholderText(self.tr("Type or choose a borrower, then Show"))
        self.show_button = QPushButton(self.tr("Show"), objectName="borrowerShow")
        self.show_button.clicked.connect(self.refresh)
        self.model = loan_line_model(self)
        self.table = table_view("borrowerLoansTable")
        self.table.setModel(self.model)
        ListExport(self.table, db, actor, clock, "借阅人在借档案", "Borrower's loans")
        self.message = MessageLine("borrowerMessage")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Borrower")))
        bar.addWidget(self.borrower, 1)
        bar.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        index = self.borrower.findText(self.borrower.currentText())
        user_id = self.borrower.itemData(index) if index >= 0 else None
        name = None if user_id is not None else self.borrower.currentText()
        try:
            rows = loan_ledger.current_loans(self._db, self._clock, self._actor, user_id=user_id, name=name)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.clear()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()


class RulesView(QWidget):
    """借阅规则: who approves each grade and special cases, in order, and the loan periods (A12).

    Everyone at the desk reads them; the management office and the administrator change them. The
    roles of a chain are typed in order, separated by 、 or commas (档案管理员、主管、管理处).
    """

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="loanRules")
        self._db, self._clock, self._actor = db, clock, actor
        editable = actor.role in RULE_EDITORS
        self.chains: dict[Grade | None, QLineEdit] = {}
        rows = QFormLayout()
        for grade in (*Grade, None):
            field = QLineEdit(objectName=f"rule_{grade.name.lower() if grade is not None else 'special'}")
            field.setReadOnly(not editable)
            self.chains[grade] = field
            rows.addRow(grade.label(lang()) if grade is not None else self.tr("Special cases"), field)
        self.default_days = QSpinBox(objectName="ruleDefaultDays", minimum=1, maximum=365)
        self.max_days = QSpinBox(objectName="ruleMaxDays", minimum=1, maximum=365)
        self.max_renewals = QSpinBox(objectName="ruleMaxRenewals", minimum=0, maximum=10)
        rows.addRow(self.tr("Default period (days)"), self.default_days)
        rows.addRow(self.tr("Longest period (days)"), self.max_days)
        rows.addRow(self.tr("Renewals allowed"), self.max_renewals)
        self.save_button = QPushButton(self.tr("Save rules"), objectName="saveLoanRules", enabled=editable)
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine("loanRulesMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(rows)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        rules, period = loan_rules.approval_rules(self._db), loan_rules.loan_period(self._db)
        for grade, field in self.chains.items():
            chain = rules.special if grade is None else rules.by_grade[grade]
            field.setText("、".join(role.label(lang()) for role in chain))
        self.default_days.setValue(period.default_days)
        self.max_days.setValue(period.max_days)
        self.max_renewals.setValue(period.max_renewals)

    def _chain(self, text: str) -> tuple[Role, ...]:
        return tuple(parse_role(part) for part in re.split(r"[、,，;；\s]+", text) if part.strip())

    def save(self) -> None:
        try:
            chains = {grade: self._chain(field.text()) for grade, field in self.chains.items()}
            special = chains.pop(None)
            rules = ApprovalRules({g: c for g, c in chains.items() if g is not None}, special)
            period = LoanPeriod(self.default_days.value(), self.max_days.value(), self.max_renewals.value())
            loan_rules.set_approval_rules(self._db, self._clock, self._actor, rules)
            loan_rules.set_loan_period(self._db, self._clock, self._actor, period)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.done(self.tr("Saved; requests made from now on follow these rules."))
        self.load()
