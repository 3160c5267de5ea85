"""Dialogs of the loan desk (借阅台): a new loan request, a decision, and confirming a return.

Each dialog's OK calls one service; a refusal is shown under the form and the dialog stays open.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.loans.rules import Form, Place
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.loans import approval as loan_approval
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans import requests as loans
from estate_desk.services.loans import rules as loan_rules
from estate_desk.services.loans.desk import ReturnCheck
from estate_desk.services.loans.requests import Borrower, RequestDraft
from estate_desk.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, date_edit, lang, ok_cancel, searchable_combo

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.loans.ledger import LoanLine
    from estate_desk.services.loans.requests import RequestView
    from estate_desk.store.database import Database

OUTSIDE = -1  # the borrower picker's entry for an outside person


class RequestDialog(QDialog):
    """借阅申请: borrower, items (codes, one per line — scanned or typed), form, place, purpose, due date."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="loanRequestDialog")
        self._db, self._clock, self._actor = db, clock, actor
        self.made: RequestView | None = None
        self.setWindowTitle(self.tr("New loan request"))
        self.borrower = searchable_combo("loanBorrower")  # type part of a name
        for person in loans.staff_borrowers(db, actor):
            self.borrower.addItem(f"{person.name}（{person.role.label(lang())}）", person.user_id)
        self.borrower.addItem(self.tr("Outside person…"), OUTSIDE)
        self.outside_name = QLineEdit(objectName="outsideName")
        self.outside_org = QLineEdit(objectName="outsideOrg")
        self.outside_id = QLineEdit(objectName="outsideIdNo")
        self.outside_clearance = QComboBox(objectName="outsideClearance")
        for grade in Grade:
            self.outside_clearance.addItem(grade.label(lang()), int(grade))
        self.phone = QLineEdit(objectName="loanPhone")
        self.codes = QPlainTextEdit(objectName="loanCodes")
        self.codes.setPlaceholderText(self.tr("Archive numbers, volume or box codes — one per line; scan them here"))
        self.codes.setFixedHeight(90)
        self.form = QComboBox(objectName="loanForm")
        for kind in Form:
            self.form.addItem(kind.label(lang()), kind.value)
        self.place = QComboBox(objectName="loanPlace")
        for place in Place:
            self.place.addItem(place.label(lang()), place.value)
        self.purpose = QLineEdit(objectName="loanPurpose")
        self.due = date_edit(
            "loanDue", office_date(clock.now()) + timedelta(days=loan_rules.loan_period(db).default_days)
        )
        self.special = QCheckBox(self.tr("Special case (goes to the management office)"), objectName="loanSpecial")
        rows = QFormLayout()
        rows.addRow(self.tr("Borrower"), self.borrower)
        rows.addRow(self.tr("Outside person's name"), self.outside_name)
        rows.addRow(self.tr("Organisation / department"), self.outside_org)
        rows.addRow(self.tr("ID number"), self.outside_id)
        rows.addRow(self.tr("Clearance granted"), self.outside_clearance)
        rows.addRow(self.tr("Contact"), self.phone)
        rows.addRow(self.tr("Items"), self.codes)
        rows.addRow(self.tr("Original or copy"), self.form)
        rows.addRow(self.tr("Where"), self.place)
        rows.addRow(self.tr("Purpose"), self.purpose)
        rows.addRow(self.tr("Due back"), self.due)
        rows.addRow("", self.special)
        self.message = MessageLine("loanRequestMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(rows)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Submit request")))
        self.borrower.currentIndexChanged.connect(self._borrower_changed)
        self._borrower_changed()

    def _borrower_changed(self) -> None:
        outside = self.borrower.currentData() == OUTSIDE
        for field in (self.outside_name, self.outside_id, self.outside_clearance):
            field.setEnabled(outside)

    def choose_borrower(self, user_id: int) -> None:
        self.borrower.setCurrentIndex(self.borrower.findData(user_id))

    def draft(self) -> RequestDraft:
        chosen = self.borrower.currentData()
        if chosen == OUTSIDE:
            who = Borrower(
                name=self.outside_name.text(),
                organisation=self.outside_org.text(),
                phone=self.phone.text(),
                id_no=self.outside_id.text(),
                clearance=Grade(self.outside_clearance.currentData()),
            )
        else:
            who = Borrower(user_id=int(chosen), organisation=self.outside_org.text(), phone=self.phone.text())
        return RequestDraft(
            who,
            tuple(self.codes.toPlainText().split()),
            self.purpose.text(),
            Form(self.form.currentData()),
            Place(self.place.currentData()),
            self.due.date().toPython(),
            self.special.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.made = loans.request_loan(self._db, self._clock, self._actor, self.draft())
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()


class DecisionDialog(QDialog):
    """审批: approve or refuse the next step of a request, with a comment (a refusal must say why)."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, request: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="loanDecisionDialog")
        self._db, self._clock, self._actor, self.request = db, clock, actor, request
        self.decided: RequestView | None = None
        self.setWindowTitle(self.tr("Decide on loan request {number}").format(number=request.number))
        items = "、".join(i.code for i in request.items)
        summary = QLabel(
            self.tr("{borrower} asks for {items} ({grade}), {form}, until {due}.\nPurpose: {purpose}").format(
                borrower=request.borrower_name,
                items=items,
                grade=request.grade.label(lang()),
                form=request.form.label(lang()),
                due=request.due_on,
                purpose=request.purpose,
            ),
            objectName="decisionSummary",
            wordWrap=True,
        )
        self.approve = QCheckBox(self.tr("Approve"), objectName="decisionApprove", checked=True)
        self.comment = QLineEdit(objectName="decisionComment")
        self.comment.setPlaceholderText(self.tr("Comment; when refusing, say why"))
        self.message = MessageLine("decisionMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.approve)
        layout.addWidget(self.comment)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Record decision")))

    def accept(self) -> None:
        try:
            self.decided = loan_approval.decide(
                self._db,
                self._clock,
                self._actor,
                self.request.id,
                approve=self.approve.isChecked(),
                comment=self.comment.text(),
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()


class ReturnDialog(QDialog):
    """归还确认: for each document coming back, its page count against the catalogue and 完好."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, lines: list[LoanLine], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="loanReturnDialog")
        self._db, self._clock, self._actor, self.lines = db, clock, actor, lines
        self.returned: list[LoanLine] = []
        self.setWindowTitle(self.tr("Confirm the return"))
        grid = QGridLayout()
        for column, title in enumerate(
            (
                self.tr("Archive no."),
                self.tr("Title"),
                self.tr("Pages lent"),
                self.tr("Pages back"),
                self.tr("Intact"),
                self.tr("Note"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.pages: list[QSpinBox] = []
        self.intact: list[QCheckBox] = []
        self.notes: list[QLineEdit] = []
        for row, line in enumerate(lines, start=1):
            pages = QSpinBox(objectName=f"returnPages{row - 1}")
            pages.setRange(0, 100_000)
            pages.setValue(line.pages_out)
            intact = QCheckBox(objectName=f"returnIntact{row - 1}", checked=True)
            note = QLineEdit(objectName=f"returnNote{row - 1}")
            for column, widget in enumerate(
                (QLabel(line.archive_no), QLabel(line.title), QLabel(str(line.pages_out)), pages, intact, note)
            ):
                grid.addWidget(widget, row, column)
            self.pages.append(pages)
            self.intact.append(intact)
            self.notes.append(note)
        self.message = MessageLine("returnMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Take back")))

    def accept(self) -> None:
        checks = [
            ReturnCheck(line.loan_id or 0, pages.value(), intact.isChecked(), note.text())
            for line, pages, intact, note in zip(self.lines, self.pages, self.intact, self.notes, strict=True)
        ]
        try:
            self.returned = loan_desk.check_in(self._db, self._clock, self._actor, checks)
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()
