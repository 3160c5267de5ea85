"""A dialog that asks for what a service needs and calls it: a form, a confirmation text, a message line
for the service's refusal (in the user's language, never a traceback), OK and Cancel. OK closes the dialog
only when the service accepted; a refusal keeps what was typed. Used by the disposal marks and batches
(``ui/disposal/dialogs.py``) and the digitisation workbench (``ui/digitise/``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


class ServiceDialog(QDialog):
    """A form, a confirmation text, a message line for refusals, OK and Cancel; ``run`` calls the service."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._db, self._clock, self._actor = db, clock, actor
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.confirm = QLabel(objectName="confirm", wordWrap=True)
        self.message = QLabel(objectName="message", wordWrap=True)
        style.set_state(self.message, "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def run(self) -> None:  # the service call
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            self.run()
        except UserError as exc:
            self.message.setText(exc.message(i18n.lang_code()))
            return
        self.accept()
