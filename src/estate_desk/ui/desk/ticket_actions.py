"""What can be done to a ticket from anywhere at the desk — the board, the ticket's own window,
the daily review: each opens its dialog on the ticket as it stands now and says when it changed.

Dialogs open window-modal (``open()``, not ``exec()``), so the board keeps ticking behind them
and tests drive them directly; :attr:`TicketActions.dialog` is the one open last.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import detail as desk_detail
from estate_desk.ui.desk.handling import (
    ArrivedDialog,
    ExplainDelayDialog,
    HandlerDialog,
    NoteDialog,
    postpone_dialog,
)
from estate_desk.ui.desk.signoff import CompleteDialog, NotificationsDialog, ReturnVisitDialog
from estate_desk.ui.errors import show_problem
from estate_desk.ui.qt import QDialog, QFileDialog, QObject, QWidget, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.desk.handling import TicketDialog

DIALOGS: dict[str, Callable[..., TicketDialog]] = {
    "handler": HandlerDialog,
    "arrived": ArrivedDialog,
    "explain": ExplainDelayDialog,
    "postpone": postpone_dialog,
    "note": NoteDialog,
    "complete": CompleteDialog,
    "visit": ReturnVisitDialog,
}


class TicketActions(QObject):
    """Opens the desk's dialogs for a ticket; ``changed(ticket_id)`` after any of them succeeded."""

    changed = Signal(int)

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self._db, self._clock, self._actor, self._window = db, clock, actor, parent
        self.dialog: QDialog | None = None

    def _show(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None and self.dialog is not dialog and not self.dialog.isVisible():
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def open(self, kind: str, ticket_id: int) -> TicketDialog | None:
        """Open the ``kind`` dialog ("handler", "arrived", "explain", "postpone", "note", "complete",
        "visit") on the ticket; None when the ticket cannot be loaded (the problem is shown)."""
        try:
            detail = desk_detail.ticket_detail(self._db, self._clock, self._actor, ticket_id)
        except UserError as exc:
            show_problem(self._window, exc)
            return None
        dialog = DIALOGS[kind](self._db, self._clock, self._actor, detail, self._window)
        dialog.accepted.connect(lambda: self.changed.emit(ticket_id))
        self._show(dialog)
        return dialog

    def new_ticket(self) -> QDialog:
        from estate_desk.ui.desk.intake import NewTicketDialog

        dialog = NewTicketDialog(self._db, self._clock, self._actor, self._window)
        dialog.accepted.connect(lambda: self.changed.emit(dialog.opened.id if dialog.opened is not None else 0))
        return self._show(dialog)

    def detail(self, ticket_id: int) -> QDialog | None:
        from estate_desk.ui.desk.detail import TicketDetailDialog

        try:
            dialog = TicketDetailDialog(self._db, self._clock, self._actor, ticket_id, self, self._window)
        except UserError as exc:
            show_problem(self._window, exc)
            return None
        dialog.setModal(False)
        dialog.show()
        return dialog

    def notifications(self) -> NotificationsDialog:
        dialog = NotificationsDialog(self._db, self._clock, self._actor, self._window)

        def visit(ticket_id: int) -> None:
            dialog.accept()
            self.open("visit", ticket_id)

        dialog.visit_requested.connect(visit)
        dialog.finished.connect(lambda _: self.changed.emit(0))
        self._show(dialog)
        return dialog

    def add_photo(self, ticket_id: int, path: Path | None = None) -> bool:
        """Keep a photo with the ticket (asks for the file when ``path`` is not given)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Photo for the ticket"), "", "Images (*.jpg *.jpeg *.png)"
            )
            if not name:
                return False
            path = Path(name)
        try:
            desk_actions.add_photo(self._db, self._clock, self._actor, ticket_id, path)
        except UserError as exc:
            show_problem(self._window, exc)
            return False
        self.changed.emit(ticket_id)
        return True
