"""The loan desk in the main window (A12), driven with scanned codes from request to return."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.archive.numbers import barcode_form
from estate_desk.domain.loans.rules import RequestState
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.loans import requests as loans
from estate_desk.services.loans import rules as loan_rules
from estate_desk.ui.app import make_application
from estate_desk.ui.loans.desk import LoanDesk
from estate_desk.ui.loans.dialogs import DecisionDialog, RequestDialog, ReturnDialog
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QAction, QDialogButtonBox, Qt
from loan_support import Archive, make_archive
from scanner_support import FakeMs, type_text

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


@pytest.fixture
def window(qapp, qtbot, archive: Archive):  # type: ignore[no-untyped-def]
    make_application()
    w = MainWindow(archive.db, archive.clerk, archive.clock, "测试物业服务中心", now_ms=FakeMs())
    qtbot.addWidget(w)
    w.show()
    return w


def _ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _scan(qtbot, window: MainWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    """A scanner's burst into the desk's code field, ended by Enter."""
    field = window.loans.code if window.loans is not None else window.search_field
    field.setFocus()
    type_text(qtbot, field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a12_from_request_to_return_with_scanned_codes(window: MainWindow, archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.findChild(QAction, "loanDeskAction").trigger()  # Ctrl+L
    desk = window.loans
    assert desk is not None and window.stack.currentWidget() is desk

    # the clerk registers the staff member's request for a whole volume
    dialog = desk.new_request()
    assert isinstance(dialog, RequestDialog)
    dialog.choose_borrower(archive.staff.user_id)
    dialog.codes.setPlainText(archive.volume_code)
    _ok(qtbot, dialog)  # no purpose: refused under the form, the dialog stays
    assert dialog.isVisible() and dialog.message.text()
    dialog.purpose.setText("核对竣工图")
    _ok(qtbot, dialog)
    assert dialog.made is not None and not dialog.isVisible()
    request = dialog.made
    assert request.chain == (Role.ARCHIVE_CLERK,) and desk.awaiting.rows() == []  # not for the clerk who made it

    # a second clerk approves it at their own desk
    other = LoanDesk(archive.db, archive.clock, archive.clerk2)
    qtbot.addWidget(other)
    assert [r.number for r in other.awaiting.rows()] == [request.number]
    decision = other.decide_selected()
    assert isinstance(decision, DecisionDialog)
    decision.comment.setText("同意")
    _ok(qtbot, decision)
    assert loans.loan_request(archive.db, archive.clerk, request.id).state is RequestState.APPROVED

    # scan the request slip, then the items
    _scan(qtbot, window, request.number)
    assert desk.current is not None and desk.current.number == request.number
    first, second = archive.volume_docs
    _scan(qtbot, window, barcode_form(first) or first)
    assert desk.lines.rowCount() == 1 and first in desk.message.text()
    _scan(qtbot, window, archive.by_grade[Grade.PUBLIC])  # not on this request
    assert "不包括" in desk.message.text() or "does not cover" in desk.message.text()
    _scan(qtbot, window, archive.volume_code)  # the rest of the volume
    assert desk.lines.rowCount() == 2

    # return: one at a time, the first with a page missing
    qtbot.mouseClick(desk.return_mode, Qt.MouseButton.LeftButton)
    _scan(qtbot, window, barcode_form(first) or first)
    back = desk.dialog
    assert isinstance(back, ReturnDialog) and back.pages[0].value() == 5
    back.pages[0].setValue(4)
    _ok(qtbot, back)
    assert "4" in desk.lines.data(desk.lines.index(0, 12)) and first in desk.message.text()
    _scan(qtbot, window, barcode_form(second) or second)
    assert isinstance(desk.dialog, ReturnDialog) and desk.dialog is not back
    _ok(qtbot, desk.dialog)
    assert desk.current is not None and desk.current.state is RequestState.CLOSED
    _scan(qtbot, window, barcode_form(second) or second)  # never lent now: a message, no dialog
    assert "没有借出记录" in desk.message.text() or "not out" in desk.message.text()

    # the ledger and the borrower's view
    desk.tabs.setCurrentWidget(desk.ledger)
    desk.ledger.show_button.click()
    assert desk.ledger.model.rowCount() == 2
    desk.borrower_loans.borrower.setCurrentText("staff")
    desk.borrower_loans.show_button.click()
    assert desk.borrower_loans.model.rowCount() == 0  # everything is back


def test_a12_a_barcode_of_no_request_is_a_message_not_a_dialog(window: MainWindow, archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.findChild(QAction, "loanDeskAction").trigger()
    desk = window.loans
    assert desk is not None
    _scan(qtbot, window, "NOPE-0001")
    assert desk.message.isVisible() and desk.current is None
    _scan(qtbot, window, archive.by_grade[Grade.INTERNAL])  # on no approved request
    assert desk.message.isVisible() and desk.current is None


def test_a12_the_management_office_edits_the_approval_rules_on_the_rules_tab(archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    office = LoanDesk(archive.db, archive.clock, archive.office)
    qtbot.addWidget(office)
    rules = office.rules
    assert rules.chains[Grade.SECRET].text() == "主管"
    rules.chains[Grade.SECRET].setText("supervisor, management_office")
    rules.max_renewals.setValue(2)
    rules.save_button.click()
    assert loan_rules.approval_rules(archive.db).by_grade[Grade.SECRET] == (Role.SUPERVISOR, Role.MANAGEMENT_OFFICE)
    assert loan_rules.loan_period(archive.db).max_renewals == 2
    rules.chains[Grade.TOP_SECRET].setText("supervisor")  # owner files must go to the management office
    rules.save_button.click()
    assert "管理处" in rules.message.text()
    assert loan_rules.approval_rules(archive.db).by_grade[Grade.TOP_SECRET] == (Role.MANAGEMENT_OFFICE,)
    clerk = LoanDesk(archive.db, archive.clock, archive.clerk)
    qtbot.addWidget(clerk)
    assert clerk.rules.chains[Grade.SECRET].isReadOnly() and not clerk.rules.save_button.isEnabled()


def test_a12_the_ledger_shows_a_records_history_of_loans(window: MainWindow, archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    no = archive.by_grade[Grade.INTERNAL]
    archive.lend(archive.approved(no), no)
    desk = window.loans
    assert desk is not None
    desk.ledger.record.setText(barcode_form(no) or no)
    desk.ledger.show_button.click()
    assert desk.ledger.model.rowCount() == 1
    assert desk.ledger.history.count() == 1 and "staff" in desk.ledger.history.item(0).text()


def test_a11_a_copy_is_scanned_against_its_request_and_recorded(window: MainWindow, archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.domain.loans.rules import Form

    no = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(no, form=Form.COPY)
    window.findChild(QAction, "loanDeskAction").trigger()
    desk = window.loans
    assert desk is not None
    qtbot.mouseClick(desk.copy_mode, Qt.MouseButton.LeftButton)
    _scan(qtbot, window, no)  # no request scanned yet
    assert desk.message.text() and desk.lines.rowCount() == 0
    _scan(qtbot, window, request.number)
    desk.copy_pages.setValue(3)
    _scan(qtbot, window, barcode_form(no) or no)
    assert desk.lines.rowCount() == 1 and "复制件 3 页" in desk.lines.data(desk.lines.index(0, 12))


def test_a12_a_request_withdrawn_at_the_desk_cannot_then_be_lent(window: MainWindow, archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    no = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(no)
    desk = window.loans
    assert desk is not None and desk.open_request(request.id)
    desk.withdraw_button.click()
    assert desk.current is not None and desk.current.state is RequestState.WITHDRAWN
    window.findChild(QAction, "loanDeskAction").trigger()
    _scan(qtbot, window, no)
    assert desk.lines.rowCount() == 0 and desk.message.text()


def test_a_request_and_the_desk_take_a_number_typed_without_the_dot(
    window: MainWindow, archive: Archive, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Issue 20: the request dialog's codes field and the desk's scan field read "Z001-GC-2024-Y-0002" as the 档号."""
    no = archive.by_grade[Grade.INTERNAL]
    typed = no.replace("·", "-").lower()
    window.findChild(QAction, "loanDeskAction").trigger()
    desk = window.loans
    assert desk is not None
    dialog = desk.new_request()
    assert isinstance(dialog, RequestDialog)
    dialog.choose_borrower(archive.staff.user_id)
    dialog.codes.setPlainText(f"{typed}\n{no.replace('·', '－')}")
    dialog.purpose.setText("核对竣工图")
    _ok(qtbot, dialog)
    assert dialog.made is not None, dialog.message.text()
    assert [i.code for i in dialog.made.items] == [no]  # one item, under its stored number
    request = archive.approved(no)
    _scan(qtbot, window, request.number)
    _scan(qtbot, window, typed)
    assert desk.lines.rowCount() == 1 and no in desk.message.text()
