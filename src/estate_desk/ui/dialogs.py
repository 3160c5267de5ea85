"""Sign-in and first-run set-up. They call services; rules and checks live there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services import accounts, setup
from estate_desk.ui import i18n
from estate_desk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
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
    """First run (首次设置): the office, its fonds code (全宗号) and the first administrator."""

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
        self.addPage(office_page)
        self.addPage(admin_page)

    def validateCurrentPage(self) -> bool:
        if self.currentId() != self.pageIds()[-1]:
            return True
        if self.password.text() != self.password2.text():
            self.message.setText(self.tr("The two passwords differ."))
            return False
        try:
            setup.initialise(
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
        return True
