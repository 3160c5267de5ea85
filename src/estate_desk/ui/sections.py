"""The main window's other sections: Administration (管理), and the Front desk (前台) re-exported.

The archive section (档案) lives in archive_section.py, Printing (打印) in printing_section.py,
the Front desk in desk_section.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services import accounts
from estate_desk.services.audit_log import AUDIT_READERS
from estate_desk.services.grades import SETTERS
from estate_desk.ui import i18n
from estate_desk.ui.audit_view import AuditView
from estate_desk.ui.desk_section import DeskSection
from estate_desk.ui.qt import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.secrecy_settings import SecrecySettings

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.store.database import Database

__all__ = ["AdminSection", "DeskSection"]


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
        self.table = QTableWidget(0, 5, objectName="userTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("Clearance"), self.tr("State")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(users_page)
        layout.addWidget(QLabel(self.tr("Users")))
        layout.addWidget(self.table)
        lang = i18n.lang_code()
        try:
            users = accounts.list_users(db, clock, actor)
        except UserError as exc:
            layout.addWidget(QLabel(exc.message(lang)))
            users = []
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            state = self.tr("disabled") if u.disabled else (self.tr("locked") if u.locked else self.tr("active"))
            for c, value in enumerate((u.username, u.display_name, u.role.label(lang), u.clearance.label(lang), state)):
                self.table.setItem(r, c, QTableWidgetItem(value))
