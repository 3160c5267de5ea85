"""开始使用: the page an empty archive opens on, for those who build it (the clerk, the administrator).

Four steps, each a button that opens where the work is done — import the roster, add the office's
accounts, register the first records, print box labels — and each shows whether it is done yet (from
``services/accounts/homes.first_steps``). The main window decides what each button opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.services.accounts import homes
from estate_desk.ui import style
from estate_desk.ui.qt import QGridLayout, QLabel, QPushButton, QShowEvent, Qt, QVBoxLayout, QWidget, Signal

if TYPE_CHECKING:
    from estate_desk.services.accounts.homes import FirstSteps
    from estate_desk.store.database import Database

STEPS = ("roster", "accounts", "register", "labels")


class FirstStepsPage(QWidget):
    step = Signal(str)  # one of STEPS: the main window opens where it is done

    def __init__(self, db: Database, offered: frozenset[str], parent: QWidget | None = None) -> None:
        """``offered``: the steps this user may take (the others are shown, without a button)."""
        super().__init__(parent)
        self._db = db
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}
        title = QLabel(self.tr("First steps of a new archive"), objectName="firstStepsTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        texts = {
            "roster": (
                self.tr("1. Import the owner roster"),
                self.tr("Buildings, rooms and owners from the developer's or the last company's spreadsheet."),
                self.tr("Import roster…"),
            ),
            "accounts": (
                self.tr("2. Add the office's accounts"),
                self.tr("The archive clerk, the receptionists and the other staff, each with a role and a clearance."),
                self.tr("Add user…"),
            ),
            "register": (
                self.tr("3. Register the first records"),
                self.tr("Each record gets its archive number as it is registered; owner files go with their room."),
                self.tr("Register…"),
            ),
            "labels": (
                self.tr("4. Put records in boxes and print the labels"),
                self.tr("Box labels carry the category in bold, the archive numbers and a barcode to scan."),
                self.tr("Print labels…"),
            ),
        }
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(14)
        for row, key in enumerate(STEPS):
            heading, explanation, button_text = texts[key]
            words = QLabel(f"<b>{heading}</b><br>{explanation}", wordWrap=True)
            state = QLabel(objectName=f"state_{key}")
            self.states[key] = state
            grid.addWidget(state, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(words, row, 1)
            if key in offered:
                button = QPushButton(button_text, objectName=f"step_{key}")
                button.clicked.connect(lambda _=False, k=key: self.step.emit(k))
                self.buttons[key] = button
                grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.done: FirstSteps | None = None
        self.refresh()

    def refresh(self) -> None:
        self.done = homes.first_steps(self._db)
        counts = {
            "roster": (self.done.rooms, self.tr("{n} rooms")),
            "accounts": (self.done.users, self.tr("{n} users")),
            "register": (self.done.documents, self.tr("{n} records")),
            "labels": (self.done.boxes, self.tr("{n} boxes")),
        }
        for key, (count, text) in counts.items():
            label = self.states[key]
            label.setText("✓ " + text.format(n=count) if count else "○")
            style.set_state(label, "ok" if count else "")

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # what was done in another section since
        super().showEvent(event)
