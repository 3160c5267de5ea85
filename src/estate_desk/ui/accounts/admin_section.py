"""The Administration section (管理) of the main window: the office's accounts, and for the management
office and administrators the audit trail and the secrecy settings (from ``ui/secrecy/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services.accounts import users as accounts
from estate_desk.services.secrecy.audit_log import AUDIT_READERS
from estate_desk.services.secrecy.grades import SETTERS
from estate_desk.ui import i18n
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import QLabel, QTabWidget, QVBoxLayout, QWidget
from estate_desk.ui.secrecy.audit_view import AuditView
from estate_desk.ui.secrecy.settings import SecrecySettings
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts.users import UserRow
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


class AdminSection(QWidget):
    """Accounts of the office; for the management office and administrators also the audit trail and
    the secrecy settings (A6, A11, A12), each a tab."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(objectName="adminTabs")
        users_page = QWidget()
        self.tabs.addTab(users_page, self.tr("Users"))
        self.audit = AuditView(db, actor, clock) if actor.role in AUDIT_READERS else None
        if self.audit is not None:
            self.tabs.addTab(self.audit, self.tr("Audit trail"))
        self.secrecy = SecrecySettings(db, actor, clock) if actor.role in SETTERS else None
        if self.secrecy is not None:
            self.tabs.addTab(self.secrecy, self.tr("Secrecy"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.model: RowsTableModel[UserRow] = RowsTableModel(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("Clearance"), self.tr("State")],
            self._user_cell,
            self,
        )
        self.table = table_view("userTable")
        self.table.setModel(self.model)
        layout = QVBoxLayout(users_page)
        layout.addWidget(QLabel(self.tr("Users")))
        layout.addWidget(self.table)
        lang = i18n.lang_code()
        try:
            users = accounts.list_users(db, clock, actor)
        except UserError as exc:
            layout.addWidget(QLabel(exc.message(lang)))
            users = []
        self.model.set_rows(users)

    def _user_cell(self, user: UserRow, column: int) -> str:
        lang = i18n.lang_code()
        state = self.tr("disabled") if user.disabled else (self.tr("locked") if user.locked else self.tr("active"))
        return (user.username, user.display_name, user.role.label(lang), user.clearance.label(lang), state)[column]
