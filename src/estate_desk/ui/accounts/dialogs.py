"""Sign-in and first-run set-up. They call services; rules and checks live there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts.setup import SetupResult
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


class LoginDialog(QDialog):
    """登录: user name and password; wrong passwords count towards the lock-out."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        office_name: str,
        demo_logins: Sequence[tuple[str, str, str]] | None = None,
        parent: QWidget | None = None,
        *,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self._db, self._clock = db, clock
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — {office}").format(office=office_name))
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="message", wordWrap=True)
        style.set_state(self.message, "error")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{office_name}</b>"))
        layout.addLayout(form)
        if demo_logins:
            lines = "<br>".join(f"{u} / {p} — {r}" for u, p, r in demo_logins)
            hint = QLabel(self.tr("Demo logins (user / password):") + f"<br><tt>{lines}</tt>", objectName="demoHint")
            layout.addWidget(hint)
            self.username.setText(demo_logins[1][0] if len(demo_logins) > 1 else demo_logins[0][0])
            self.password.setFocus()
        if username:  # the administrator set-up has just made
            self.username.setText(username)
            self.password.setFocus()
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_sign_in(self) -> None:
        try:
            self.actor = accounts.authenticate(self._db, self._clock, self.username.text(), self.password.text())
        except UserError as exc:
            self.message.setText(exc.message(i18n.lang_code()))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class _CheckedPage(QWizardPage):
    """A wizard page checked as it is filled: each field has a check (the services' own rule) and the
    reason it fails stands under the field. Next/Finish is enabled exactly when every check passes
    (``isComplete``), never through Qt's mandatory fields, which take an untouched default for empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._checks: list[tuple[QLineEdit, QLabel, Callable[[], str]]] = []
        self._filled: set[QLineEdit] = set()

    def add_checked_row(self, label: str, edit: QLineEdit, check: Callable[[], str]) -> None:
        """A row for ``edit``; ``check`` gives the reason its text is refused, "" when it is fine."""
        problem = QLabel(objectName=f"{edit.objectName()}Problem", wordWrap=True)
        style.set_state(problem, "error")
        problem.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(problem)
        name = QLabel(label)
        name.setBuddy(edit)
        name.setFixedHeight(edit.sizeHint().height())  # level with the field, with or without a reason under it
        self.form.addRow(name, cell)
        self._checks.append((edit, problem, check))
        edit.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show each field's reason (once it has been typed in) and tell the wizard whether it may go on."""
        for edit, problem, check in self._checks:
            if edit.text():
                self._filled.add(edit)  # from now on, emptied, it says why it is needed
            reason = check() if edit in self._filled else ""
            problem.setText(reason)
            problem.setVisible(bool(reason))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(not check() for _edit, _problem, check in self._checks)

    def cleanupPage(self) -> None:
        """Back keeps what was typed on this page (Qt's default puts registered fields back)."""


def _reason(check: Callable[[str], object], text: str) -> str:
    """The reason a service's check refuses ``text``, in the window's language; "" when it passes."""
    try:
        check(text)
    except UserError as exc:
        return exc.message(i18n.lang_code())
    return ""


class _KeptPage(QWizardPage):
    """The recovery key: Finish waits until the box saying it was written down is ticked."""

    def __init__(self, kept: QCheckBox) -> None:
        super().__init__()
        self._kept = kept
        kept.toggled.connect(lambda _on: self.completeChanged.emit())

    def isComplete(self) -> bool:
        return self._kept.isChecked()


class SetupWizard(QWizard):
    """First run (首次设置): the office, its fonds code (全宗号), the first administrator — and then,
    once, the recovery key of the archive's master key for the management office to keep (A6).

    Each field is checked as it is typed, by the same service rules ``estate-desk setup`` applies."""

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._clock = db, clock
        self.setWindowTitle(self.tr("Set up Estate Desk"))
        self.office = QLineEdit(objectName="office", placeholderText=self.tr("e.g. 翠湖苑物业服务中心"))
        self.fonds = QLineEdit(objectName="fonds", placeholderText="Z001")
        self.admin = QLineEdit("admin", objectName="admin")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(objectName="password2", echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="message", wordWrap=True)  # what set-up itself refused
        style.set_state(self.message, "error")
        self.made: SetupResult | None = None

        office_page = _CheckedPage()
        office_page.setTitle(self.tr("The service centre"))
        office_page.setSubTitle(
            self.tr("The name printed on catalogues and the fonds code (全宗号) that starts every archive number.")
        )
        office_page.add_checked_row(
            self.tr("Service centre name"), self.office, lambda: _reason(setup.check_office_name, self.office.text())
        )
        office_page.add_checked_row(
            self.tr("Fonds code"), self.fonds, lambda: _reason(setup.check_fonds_code, self.fonds.text())
        )

        admin_page = _CheckedPage()
        admin_page.setTitle(self.tr("The first administrator"))
        admin_page.setSubTitle(self.tr("This account adds the other users. Keep the password safe."))
        admin_page.add_checked_row(
            self.tr("User name"), self.admin, lambda: _reason(accounts.check_username, self.admin.text())
        )
        admin_page.add_checked_row(
            self.tr("Password"), self.password, lambda: _reason(accounts.check_password_rules, self.password.text())
        )
        admin_page.add_checked_row(self.tr("Password again"), self.password2, self._passwords_differ)
        admin_page.form.addRow(self.message)
        admin_page.setCommitPage(True)  # the archive is made here; there is no going back
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Set up"))

        self.recovery_key = QLabel(objectName="recoveryKey")
        self.recovery_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.set_role(self.recovery_key, "key")
        self.kept = QCheckBox(
            self.tr("I have written the recovery key down for the management office to keep safe."), objectName="kept"
        )
        recovery_page = _KeptPage(self.kept)
        recovery_page.setTitle(self.tr("The recovery key"))
        recovery_page.setSubTitle(
            self.tr(
                "Attachments of confidential records are stored encrypted. If every administrator forgets "
                "their password, this key opens them again. It is shown only now."
            )
        )
        column = QVBoxLayout(recovery_page)
        column.addWidget(self.recovery_key)
        column.addWidget(self.kept)
        column.addStretch(1)
        self.addPage(office_page)
        self._admin_page = self.addPage(admin_page)
        self.addPage(recovery_page)

    def _passwords_differ(self) -> str:
        return "" if self.password2.text() == self.password.text() else self.tr("The two passwords differ.")

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if page is None or not page.isComplete():
            return False
        if self.currentId() != self._admin_page or self.made is not None:
            return True
        try:
            self.made = setup.initialise(
                self._db,
                self._clock,
                office_name=self.office.text(),
                fonds_code=self.fonds.text(),
                admin_username=self.admin.text(),
                admin_password=self.password.text(),
            )
        except UserError as exc:
            self.message.setText(exc.message(i18n.lang_code()))
            return False
        self.message.clear()
        self.recovery_key.setText(self.made.recovery_key)
        return True
