"""Sign-in and first-run set-up. They call services; rules and checks live there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services import accounts, setup
from estate_desk.ui import i18n
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
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.services.setup import SetupResult
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
    ) -> None:
        super().__init__(parent)
        self._db, self._clock = db, clock
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — {office}").format(office=office_name))
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet("color: #b00020")
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


class SetupWizard(QWizard):
    """First run (首次设置): the office, its fonds code (全宗号), the first administrator — and then,
    once, the recovery key of the archive's master key for the management office to keep (A6)."""

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._clock = db, clock
        self.setWindowTitle(self.tr("Set up Estate Desk"))
        self.office = QLineEdit(objectName="office", placeholderText=self.tr("e.g. 翠湖苑物业服务中心"))
        self.fonds = QLineEdit(objectName="fonds", placeholderText="Z001")
        self.admin = QLineEdit("admin", objectName="admin")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(objectName="password2", echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet("color: #b00020")
        self.made: SetupResult | None = None

        office_page = QWizardPage()
        office_page.setTitle(self.tr("The service centre"))
        office_page.setSubTitle(
            self.tr("The name printed on catalogues and the fonds code (全宗号) that starts every archive number.")
        )
        form = QFormLayout(office_page)
        form.addRow(self.tr("Service centre name"), self.office)
        form.addRow(self.tr("Fonds code"), self.fonds)
        office_page.registerField("office*", self.office)
        office_page.registerField("fonds*", self.fonds)

        admin_page = QWizardPage()
        admin_page.setTitle(self.tr("The first administrator"))
        admin_page.setSubTitle(self.tr("This account adds the other users. Keep the password safe."))
        form2 = QFormLayout(admin_page)
        form2.addRow(self.tr("User name"), self.admin)
        form2.addRow(self.tr("Password"), self.password)
        form2.addRow(self.tr("Password again"), self.password2)
        form2.addRow(self.message)
        admin_page.registerField("admin*", self.admin)
        admin_page.registerField("password*", self.password)
        admin_page.setCommitPage(True)  # the archive is made here; there is no going back
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Set up"))

        recovery_page = QWizardPage()
        recovery_page.setTitle(self.tr("The recovery key"))
        recovery_page.setSubTitle(
            self.tr(
                "Attachments of confidential records are stored encrypted. If every administrator forgets "
                "their password, this key opens them again. It is shown only now."
            )
        )
        self.recovery_key = QLabel(objectName="recoveryKey")
        self.recovery_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_key.setStyleSheet("font-family: monospace; font-size: 16px; padding: 8px")
        self.kept = QCheckBox(
            self.tr("I have written the recovery key down for the management office to keep safe."), objectName="kept"
        )
        column = QVBoxLayout(recovery_page)
        column.addWidget(self.recovery_key)
        column.addWidget(self.kept)
        column.addStretch(1)
        recovery_page.registerField("kept*", self.kept)
        self.addPage(office_page)
        self._admin_page = self.addPage(admin_page)
        self.addPage(recovery_page)

    def validateCurrentPage(self) -> bool:
        if self.currentId() != self._admin_page or self.made is not None:
            return True
        if self.password.text() != self.password2.text():
            self.message.setText(self.tr("The two passwords differ."))
            return False
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
        self.recovery_key.setText(self.made.recovery_key)
        return True
