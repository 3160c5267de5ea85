"""The administrator's account dialogs (add a user, a new password, a clearance) and everyone's own
"Change password". Each calls one service of ``services/accounts/``, the same the command line calls;
the rules (who may, the password rules, nobody changes their own clearance, A6) live there, and a
refusal stands under the form until the field it names is changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import admin
from estate_desk.services.accounts import users as accounts
from estate_desk.ui.qt import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from estate_desk.ui.widgets import MessageLine, lang, ok_cancel

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts.users import UserRow
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def password_field(name: str) -> QLineEdit:
    return QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password)


def grade_box(name: str, chosen: Grade) -> QComboBox:
    box = QComboBox(objectName=name)
    for grade in Grade:
        box.addItem(grade.label(lang()), int(grade))
    box.setCurrentIndex(box.findData(int(chosen)))
    return box


class _Form(QDialog):
    """A form over one service call: OK runs it; a refusal stays under the form until a field changes."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.message = MessageLine("message")
        self.buttons = ok_cancel(self, ok_text)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def watch(self, *edits: QLineEdit) -> None:
        for edit in edits:
            edit.textEdited.connect(lambda _text: self.message.clear())

    def passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self.message.error(self.tr("The two passwords differ."))
            second.setFocus()
            return False
        return True

    def run(self, call: Callable[[], object]) -> bool:
        """Call the service; on a refusal say why and keep the dialog open."""
        try:
            call()
        except UserError as exc:
            self.message.problem(exc)
            return False
        return True


class AddUserDialog(_Form):
    """添加用户: the name, the person's name, the role, the clearance (the role's default) and a first password."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add user"), self.tr("Add user"), parent)
        self._db, self._clock, self._actor = db, clock, actor
        self.made: UserRow | None = None
        self.username = QLineEdit(objectName="newUsername")
        self.display_name = QLineEdit(objectName="displayName")
        self.role = QComboBox(objectName="role")
        for role in Role:
            self.role.addItem(role.label(lang()), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.ARCHIVE_CLERK.value))
        self.clearance = grade_box("clearance", accounts.default_clearance(Role.ARCHIVE_CLERK))
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.password = password_field("newPassword")
        self.again = password_field("passwordAgain")
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Clearance"), self.clearance)
        self.form.addRow(self.tr("First password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)
        self.form.addRow(QLabel(self.tr("Tell the user the first password; they change it after signing in.")))
        self.watch(self.username, self.display_name, self.password, self.again)

    def _role_chosen(self) -> None:
        default = accounts.default_clearance(Role(self.role.currentData()))
        self.clearance.setCurrentIndex(self.clearance.findData(int(default)))
        self.message.clear()

    def accept(self) -> None:
        if not self.passwords_match(self.password, self.again):
            return

        def add() -> None:
            self.made = accounts.create_user(
                self._db,
                self._clock,
                username=self.username.text(),
                password=self.password.text(),
                role=Role(self.role.currentData()),
                clearance=Grade(self.clearance.currentData()),
                display_name=self.display_name.text().strip() or None,
                actor=self._actor,
            )

        if self.run(add):
            super().accept()


class NewPasswordDialog(_Form):
    """A new password for someone else: resetting a forgotten one, or enabling a disabled account."""

    def __init__(self, title: str, ok_text: str, apply: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(title, ok_text, parent)
        self._apply = apply
        self.password = password_field("newPassword")
        self.again = password_field("passwordAgain")
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)
        self.watch(self.password, self.again)

    def accept(self) -> None:
        if self.passwords_match(self.password, self.again) and self.run(lambda: self._apply(self.password.text())):
            super().accept()


class ClearanceDialog(_Form):
    """密级权限: the grade up to which a user may see records (A6)."""

    def __init__(self, user: UserRow, apply: Callable[[Grade], None], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Clearance of {user}").format(user=user.display_name or user.username),
            self.tr("Set clearance"),
            parent,
        )
        self._apply = apply
        self.clearance = grade_box("clearance", user.clearance)
        self.clearance.currentIndexChanged.connect(lambda _index: self.message.clear())
        self.form.addRow(self.tr("Clearance"), self.clearance)

    def accept(self) -> None:
        if self.run(lambda: self._apply(Grade(self.clearance.currentData()))):
            super().accept()


class ChangePasswordDialog(_Form):
    """修改密码: the signed-in user's own password; their copy of the archive's key follows it."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change password"), self.tr("Change password"), parent)
        self._db, self._clock, self._actor = db, clock, actor
        self.old = password_field("oldPassword")
        self.password = password_field("newPassword")
        self.again = password_field("passwordAgain")
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)
        self.watch(self.old, self.password, self.again)

    def accept(self) -> None:
        if self.passwords_match(self.password, self.again) and self.run(
            lambda: admin.change_password(self._db, self._clock, self._actor, self.old.text(), self.password.text())
        ):
            super().accept()
