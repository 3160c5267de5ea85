"""The main window's other sections: Front desk (前台), Administration (管理).

The archive section (档案) lives in archive_section.py, Printing (打印) in printing_section.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.ticket_terms import TicketKind
from estate_desk.services import accounts, browse
from estate_desk.ui import i18n
from estate_desk.ui.qt import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.store.database import Database


class DeskSection(QWidget):
    """Open tickets at the front desk."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._clock = db, actor, clock
        self.table = QTableWidget(0, 4, objectName="ticketTable")
        self.table.setHorizontalHeaderLabels([self.tr("Ticket"), self.tr("Kind"), self.tr("Room"), self.tr("About")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Open tickets")))
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        rows = browse.open_tickets(self._db, self._actor)
        self.table.setRowCount(len(rows))
        lang = i18n.lang_code()
        for r, t in enumerate(rows):
            kind = TicketKind(t.kind).label(lang)
            for c, value in enumerate((t.number, kind, t.room_code or "", t.subject)):
                self.table.setItem(r, c, QTableWidgetItem(value))


class AdminSection(QWidget):
    """Accounts of the office."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, objectName="userTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("Clearance"), self.tr("State")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
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
