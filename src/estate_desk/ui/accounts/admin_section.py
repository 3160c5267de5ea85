"""The Administration section (管理) of the main window: the office's accounts — added, disabled and
enabled, passwords reset and clearances set by an administrator, read by the management office and
supervisors — and where the archive clerk lands after signing in; for the management office and
administrators also the audit trail and the secrecy settings (from ``ui/secrecy/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import CLERK_HOMES, USER_MANAGERS, USER_READERS, Home
from estate_desk.services.accounts import admin, homes
from estate_desk.services.accounts import users as accounts
from estate_desk.services.secrecy.audit_log import AUDIT_READERS
from estate_desk.services.secrecy.grades import SETTERS
from estate_desk.ui import icons
from estate_desk.ui.accounts.user_dialogs import AddUserDialog, ClearanceDialog, NewPasswordDialog
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QFormLayout,
    QKeySequence,
    QMessageBox,
    Qt,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.secrecy.audit_view import AuditView
from estate_desk.ui.secrecy.settings import SecrecySettings
from estate_desk.ui.tooltips import explain_all
from estate_desk.ui.widgets import MessageLine, lang, table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts.users import UserRow
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


class UsersPage(QWidget):
    """The accounts: a list for those who may read it, and for administrators the actions on it."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._clock = db, actor, clock
        self.model: RowsTableModel[UserRow] = RowsTableModel(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("Clearance"), self.tr("State")],
            self._user_cell,
            self,
        )
        self.table = table_view("userTable")
        self.table.setModel(self.model)
        self.export = ListExport(self.table, db, actor, clock, "用户", "Users")
        self.message = MessageLine("usersMessage")
        self.actions_: dict[str, QAction] = {}
        self.dialog: QDialog | None = None  # the account dialog open now
        layout = QVBoxLayout(self)
        self.manages = actor.role in USER_MANAGERS
        if self.manages:
            bar = QToolBar(self.tr("Users"), objectName="usersBar")
            for key, text, shortcut, slot in (
                ("add", self.tr("Add user…"), QKeySequence("Ctrl+Shift+N"), self.add_user),
                ("reset", self.tr("Reset password…"), None, self.reset_password),
                ("clearance", self.tr("Set clearance…"), None, self.set_clearance),
                ("disable", self.tr("Disable"), None, self.disable),
                ("enable", self.tr("Enable…"), None, self.enable),
            ):
                action = QAction(text, self, objectName=f"user_{key}")
                if shortcut is not None:
                    action.setShortcut(shortcut)
                action.triggered.connect(lambda _=False, f=slot: f())
                bar.addAction(action)
                self.actions_[key] = action
            explain_all(
                self.actions_,
                {
                    "add": self.tr("Add a user: role, clearance, name and first password"),
                    "reset": self.tr("Give the chosen user a new password, when theirs is forgotten"),
                    "clearance": self.tr("Set the highest grade of record the chosen user may see"),
                    "disable": self.tr("Stop the chosen user from signing in (the history stays)"),
                    "enable": self.tr("Let a disabled user sign in again"),
                },
            )
            icons.decorate(self.actions_)
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addAction(self.export.action)
            layout.addWidget(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.clerk_home: QComboBox | None = None
        if self.manages:
            self.clerk_home = QComboBox(objectName="clerkHome")
            for home in CLERK_HOMES:
                self.clerk_home.addItem(home.label(lang()), home.value)
            self.clerk_home.setCurrentIndex(self.clerk_home.findData(homes.clerk_home(db).value))
            self.clerk_home.activated.connect(self._clerk_home_chosen)
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            form.addRow(self.tr("The archive clerk starts on"), self.clerk_home)
            layout.addLayout(form)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable_actions())
        self.refresh()

    def refresh(self) -> None:
        chosen = self.current()
        try:
            users = accounts.list_users(self._db, self._clock, self._actor)
        except UserError as exc:
            self.message.problem(exc)
            users = []
        self.model.set_rows(users)
        if chosen is not None:
            self.select(chosen.username)
        self._enable_actions()

    def current(self) -> UserRow | None:
        index = self.table.currentIndex()
        return self.model.row_of(index.row()) if index.isValid() else None

    def select(self, username: str) -> None:
        for row, user in enumerate(self.model.rows()):
            if user.username == username:
                self.table.selectRow(row)
                return

    def _enable_actions(self) -> None:
        user = self.current()
        chosen = user is not None and user.username != self._actor.username
        for key in ("reset", "clearance"):
            if key in self.actions_:
                self.actions_[key].setEnabled(chosen)
        if "disable" in self.actions_:
            self.actions_["disable"].setEnabled(chosen and user is not None and not user.disabled)
            self.actions_["enable"].setEnabled(chosen and user is not None and user.disabled)

    def _user_cell(self, user: UserRow, column: int) -> str:
        state = self.tr("disabled") if user.disabled else (self.tr("locked") if user.locked else self.tr("active"))
        return (user.username, user.display_name, user.role.label(lang()), user.clearance.label(lang()), state)[column]

    # --- the administrator's actions: each a dialog over one service, then the list again

    def add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self._db, self._clock, self._actor, self)
        dialog.accepted.connect(lambda: self._done(dialog.made.username if dialog.made else None, self.tr("Added")))
        self._open(dialog)
        return dialog

    def reset_password(self) -> NewPasswordDialog | None:
        user = self.current()
        if user is None:
            return None
        dialog = NewPasswordDialog(
            self.tr("New password for {user}").format(user=user.display_name or user.username),
            self.tr("Reset password"),
            lambda password: admin.reset_password(self._db, self._clock, self._actor, user.username, password),
            self,
        )
        dialog.accepted.connect(lambda: self._done(user.username, self.tr("Password reset")))
        self._open(dialog)
        return dialog

    def set_clearance(self) -> ClearanceDialog | None:
        user = self.current()
        if user is None:
            return None
        dialog = ClearanceDialog(
            user, lambda grade: admin.set_clearance(self._db, self._clock, self._actor, user.username, grade), self
        )
        dialog.accepted.connect(lambda: self._done(user.username, self.tr("Clearance set")))
        self._open(dialog)
        return dialog

    def enable(self) -> NewPasswordDialog | None:
        user = self.current()
        if user is None:
            return None
        dialog = NewPasswordDialog(
            self.tr("Enable {user}").format(user=user.display_name or user.username),
            self.tr("Enable"),
            lambda password: admin.enable_user(self._db, self._clock, self._actor, user.username, password),
            self,
        )
        dialog.accepted.connect(lambda: self._done(user.username, self.tr("Enabled")))
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def disable(self) -> bool:
        """Disable the chosen user after asking: they can no longer sign in; nothing they did is removed."""
        user = self.current()
        if user is None or not self.confirm(
            self.tr("Disable user"),
            self.tr(
                "Disable {user}? They can no longer sign in; their name stays on everything they did. "
                "An administrator can enable the account again with a new password."
            ).format(user=user.display_name or user.username),
        ):
            return False
        try:
            accounts.disable_user(self._db, self._actor, user.username)
        except UserError as exc:
            self.message.problem(exc)
            return False
        self._done(user.username, self.tr("Disabled"))
        return True

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, username: str | None, what: str) -> None:
        self.refresh()
        if username:
            self.select(username)
            self.message.done(f"{what}: {username}")

    def _clerk_home_chosen(self) -> None:
        assert self.clerk_home is not None
        try:
            homes.set_clerk_home(self._db, self._clock, self._actor, Home(self.clerk_home.currentData()))
        except UserError as exc:
            self.message.problem(exc)
            return
        self.message.done(
            self.tr("Saved: the archive clerk starts on {home}").format(home=self.clerk_home.currentText())
        )


class AdminSection(QWidget):
    """Accounts of the office; for the management office and administrators also the audit trail and
    the secrecy settings (A6, A11, A12), each a tab."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(objectName="adminTabs")
        self.users = UsersPage(db, actor, clock) if actor.role in USER_READERS else None
        if self.users is not None:
            self.tabs.addTab(self.users, self.tr("Users"))
        self.audit = AuditView(db, actor, clock) if actor.role in AUDIT_READERS else None
        if self.audit is not None:
            self.tabs.addTab(self.audit, self.tr("Audit trail"))
        self.secrecy = SecrecySettings(db, actor, clock) if actor.role in SETTERS else None
        if self.secrecy is not None:
            self.tabs.addTab(self.secrecy, self.tr("Secrecy"))
        QVBoxLayout(self).addWidget(self.tabs)
