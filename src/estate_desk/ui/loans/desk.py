"""The loan desk (借阅台, A12): scan to lend and to take back, decide requests, the ledger, a borrower's loans.

**Lend.** Scanning a request slip (``JY000012``) — or an item of an approved request — makes it
the current request; each code scanned after that is lent on it, checked by the service against
what the request covers. **Return.** In return mode a scan lists what is out under the code and
asks for each document's page count and condition (完好) before taking it back. The window's
scanner (``ui/scanner.py``) feeds :meth:`LoanDesk.scan` while the desk is shown; the code field
takes typed codes too. Every rule is the services'; refusals show under the scan field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.domain.loans.rules import RequestState
from estate_desk.domain.routines.common import office_date
from estate_desk.services.loans import approval as loan_approval
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans import due as loan_due
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.services.loans import requests as loans
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.loans.dialogs import DecisionDialog, RequestDialog, ReturnDialog
from estate_desk.ui.loans.views import BorrowerLoans, LedgerView, RulesView, loan_line_model
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import MessageLine, lang, table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.loans.requests import RequestView
    from estate_desk.store.database import Database


class LoanDesk(QWidget):
    """借阅: the desk (scan, lend, take back, decide), the ledger and a borrower's loans, as tabs."""

    status = Signal(str)

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="loanDesk")
        self._db, self._clock, self._actor = db, clock, actor
        self.current: RequestView | None = None
        self.dialog: Any = None
        self.desk_roles = actor.role in loans.LOAN_DESK

        self.lend_mode = QRadioButton(self.tr("Lend"), objectName="lendMode", checked=True)
        self.return_mode = QRadioButton(self.tr("Take back"), objectName="returnMode")
        self.copy_mode = QRadioButton(self.tr("Copy"), objectName="copyMode")
        self.copy_pages = QSpinBox(objectName="copyPages", minimum=1, maximum=10_000)
        self.copy_pages.setSuffix(self.tr(" pages"))
        self.code = QLineEdit(objectName="loanScan")
        self.code.setPlaceholderText(self.tr("Scan or type a request slip, archive number, volume or box code"))
        self.code.returnPressed.connect(self._typed)
        self.request_label = QLabel(self.tr("No request chosen."), objectName="loanRequestSummary", wordWrap=True)
        self.message = MessageLine("loanDeskMessage")
        self.lines = loan_line_model(self)
        self.lines_table = table_view("loanLines")
        self.lines_table.setModel(self.lines)
        ListExport(self.lines_table, db, actor, clock, "借阅条目", "Loan lines")
        self.new_button = QPushButton(self.tr("New request…"), objectName="newLoanRequest")
        self.new_button.clicked.connect(self.new_request)
        self.renew_button = QPushButton(self.tr("Renew"), objectName="renewLoan")
        self.renew_button.clicked.connect(self.renew)
        self.recall_button = QPushButton(self.tr("Record recall"), objectName="recallLoan")
        self.recall_button.clicked.connect(self.recall)
        self.withdraw_button = QPushButton(self.tr("Withdraw request"), objectName="withdrawLoan")
        self.withdraw_button.clicked.connect(self.withdraw)
        for button in (self.new_button, self.renew_button, self.recall_button, self.withdraw_button):
            button.setEnabled(self.desk_roles)

        self.awaiting: RowsTableModel[RequestView] = RowsTableModel(
            [self.tr("Request"), self.tr("Borrower"), self.tr("Grade"), self.tr("Items"), self.tr("Purpose")],
            self._awaiting_cell,
            self,
        )
        self.awaiting_table = table_view("awaitingDecision")
        self.awaiting_table.setModel(self.awaiting)
        ListExport(self.awaiting_table, db, actor, clock, "待我审批的借阅申请", "Requests awaiting my decision")
        self.decide_button = QPushButton(self.tr("Decide…"), objectName="decideLoan")
        self.decide_button.clicked.connect(self.decide_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.lend_mode)
        bar.addWidget(self.return_mode)
        bar.addWidget(self.copy_mode)
        bar.addWidget(self.copy_pages)
        bar.addWidget(self.code, 1)
        bar.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.renew_button)
        actions.addWidget(self.recall_button)
        actions.addWidget(self.withdraw_button)
        actions.addStretch(1)
        decide = QHBoxLayout()
        decide.addWidget(QLabel(self.tr("Requests awaiting my decision")))
        decide.addStretch(1)
        decide.addWidget(self.decide_button)
        desk = QWidget(objectName="loanDeskPage")
        column = QVBoxLayout(desk)
        column.addLayout(bar)
        column.addWidget(self.message)
        column.addWidget(self.request_label)
        column.addWidget(self.lines_table, 3)
        column.addLayout(actions)
        column.addLayout(decide)
        column.addWidget(self.awaiting_table, 1)

        self.ledger = LedgerView(db, clock, actor)
        self.borrower_loans = BorrowerLoans(db, clock, actor)
        self.rules = RulesView(db, clock, actor)
        self.tabs = QTabWidget(objectName="loanTabs")
        self.tabs.addTab(desk, self.tr("Desk"))
        self.tabs.addTab(self.ledger, self.tr("Ledger"))
        self.tabs.addTab(self.borrower_loans, self.tr("Borrower's loans"))
        self.tabs.addTab(self.rules, self.tr("Rules"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh_awaiting()

    # ------------------------------------------------------------------ scanning

    def _typed(self) -> None:
        text = self.code.text()
        self.code.clear()
        self.scan(text)

    def scan(self, code: str) -> bool:
        """A scanned (or typed) code: lend it on the current request, or take it back. True when done."""
        self.tabs.setCurrentIndex(0)
        code = code.strip()
        if not code:
            return False
        try:
            if self.return_mode.isChecked():
                self._take_back(code)
            elif self.copy_mode.isChecked():
                self._copy(code)
            else:
                self._lend(code)
        except UserError as exc:
            self.message.problem(exc)
            return False
        return True

    def _lend(self, code: str) -> None:
        if code.upper().startswith("JY"):  # a request slip
            self.open_request(loan_desk.request_for_code(self._db, self._actor, code))
            return
        if self.current is None or self.current.state is not RequestState.APPROVED:
            self.open_request(loan_desk.request_for_code(self._db, self._actor, code))
        assert self.current is not None
        lent = loan_desk.check_out(self._db, self._clock, self._actor, self.current.id, code)
        self.message.done(
            self.tr("Lent {count} item(s): {numbers}").format(
                count=len(lent), numbers="、".join(line.archive_no for line in lent)
            )
        )
        self.refresh()

    def _copy(self, code: str) -> None:
        """A copy for the borrower (复制): the print authorisation decides; it is recorded on the request."""
        if code.upper().startswith("JY"):
            self.open_request(loan_desk.request_for_code(self._db, self._actor, code))
            return
        if self.current is None:
            raise InputProblem(
                zh="请先扫描借阅申请单，再扫描要复制的档案。",
                en="Scan the request slip first, then the record to copy.",
            )
        line = loan_due.record_copy(self._db, self._clock, self._actor, self.current.id, code, self.copy_pages.value())
        self.message.done(
            self.tr("Copy recorded: {number}, {pages} pages").format(number=line.archive_no, pages=line.pages_out)
        )
        self.refresh()

    def _take_back(self, code: str) -> None:
        out = loan_desk.to_return(self._db, self._clock, self._actor, code)
        self.dialog = ReturnDialog(self._db, self._clock, self._actor, out, self)
        self.dialog.accepted.connect(self._returned)
        self.dialog.open()

    def _returned(self) -> None:
        dialog = self.dialog
        if isinstance(dialog, ReturnDialog) and dialog.returned:
            flagged = [line.archive_no for line in dialog.returned if line.flagged]
            text = self.tr("Taken back: {numbers}").format(numbers="、".join(x.archive_no for x in dialog.returned))
            if flagged:
                self.message.warning(
                    text + " " + self.tr("— differences recorded for {n}").format(n="、".join(flagged))
                )
            else:
                self.message.done(text)
            self.open_request(dialog.returned[0].request_id)

    # ------------------------------------------------------------------ the current request

    def open_request(self, request_id: int) -> bool:
        """Make a request the current one (from a scan, the today page or the approvals list)."""
        try:
            self.current = loans.loan_request(self._db, self._actor, request_id)
        except UserError as exc:
            self.message.problem(exc)
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        request = self.current
        if request is None:
            return
        self.current = request = loans.loan_request(self._db, self._actor, request.id)
        self.request_label.setText(
            self.tr(
                "{number} · {state} · {borrower} ({org}) · {form}, {place} · due {due} · approved by {approvers}"
            ).format(
                number=request.number,
                state=request.state.label(lang()),
                borrower=request.borrower_name,
                org=request.borrower_org,
                form=request.form.label(lang()),
                place=request.place.label(lang()),
                due=request.due_on,
                approvers=request.approvers or "—",
            )
        )
        self.lines.set_rows(loan_ledger.request_lines(self._db, self._clock, self._actor, request.id))
        self.lines_table.resizeColumnsToContents()
        self.refresh_awaiting()

    def refresh_awaiting(self) -> None:
        self.awaiting.set_rows(loan_approval.awaiting_decision(self._db, self._actor))
        self.decide_button.setEnabled(bool(self.awaiting.rows()))

    def _awaiting_cell(self, request: RequestView, column: int) -> Any:
        return (
            request.number,
            request.borrower_name,
            request.grade.label(lang()),
            "、".join(i.code for i in request.items),
            request.purpose,
        )[column]

    # ------------------------------------------------------------------ actions

    def new_request(self) -> RequestDialog:
        dialog = RequestDialog(self._db, self._clock, self._actor, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._made(dialog))
        dialog.open()
        return dialog

    def _made(self, dialog: RequestDialog) -> None:
        if dialog.made is not None:
            self.open_request(dialog.made.id)
            self.message.done(
                self.tr("Request {number} made; it awaits the {role}.").format(
                    number=dialog.made.number, role=dialog.made.chain[0].label(lang())
                )
            )

    def decide_selected(self) -> DecisionDialog | None:
        rows = self.awaiting_table.selectionModel().selectedRows() if self.awaiting_table.selectionModel() else []
        row = rows[0].row() if rows else 0
        if row >= len(self.awaiting.rows()):
            return None
        dialog = DecisionDialog(self._db, self._clock, self._actor, self.awaiting.row_of(row), self)
        self.dialog = dialog
        dialog.accepted.connect(self.refresh_awaiting)
        dialog.open()
        return dialog

    def renew(self) -> None:
        if self.current is None:
            return
        try:
            lines = loan_due.renew(self._db, self._clock, self._actor, self.current.id)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.done(self.tr("Renewed until {due}").format(due=lines[0].due_on))
        self.refresh()

    def withdraw(self) -> None:
        if self.current is None:
            return
        try:
            loan_approval.withdraw(self._db, self._clock, self._actor, self.current.id)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.done(self.tr("Request {number} withdrawn").format(number=self.current.number))
        self.refresh()

    def recall(self) -> None:
        if self.current is None or self.current.state is not RequestState.APPROVED:
            return
        try:
            count = loan_due.recall(self._db, self._clock, self._actor, self.current.id, channel="message")
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.done(
            self.tr("Recall recorded for {count} item(s) on {day}").format(
                count=count, day=office_date(self._clock.now())
            )
        )
