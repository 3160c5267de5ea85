"""Parts of the board: its filters (kind, handler, building, "mine") and the banner above it —
the on-call numbers when nobody is at the desk (F5) and the flag of a day left unclosed (F6)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from estate_desk.domain.desk.terms import TicketKind
from estate_desk.services.desk.board import BoardFilter
from estate_desk.services.desk.choices import on_call_list
from estate_desk.ui import style
from estate_desk.ui.qt import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget, Signal
from estate_desk.ui.widgets import lang

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.desk.office_hours import OnCallContact
    from estate_desk.services.desk.board import StaffChoice
    from estate_desk.services.desk.settings import OnCallBoard
    from estate_desk.store.database import Database

_P = style.PALETTE
FLAG_STYLE = (
    f"QLabel {{ background: {_P['error_light']}; color: {_P['error']}; border-left: 5px solid {_P['overdue']};"
    " padding: 6px 10px; }"
)
PANEL_STYLE = f"QLabel {{ background: {_P['panel_blue']}; color: {_P['banner']}; padding: 8px 12px; }}"


def contacts_text(contacts: Sequence[OnCallContact]) -> str:
    zh = lang() == "zh"
    return "　·　".join(
        f"{c.team.label_zh if zh else c.team.label_en} {c.name}{f'（{c.role}）' if c.role else ''} {c.phone}"
        for c in contacts
    )


class BoardBanner(QWidget):
    """What the desk must see before the tickets: who to call now, and yesterday's review."""

    review_clicked = Signal(object)  # the unclosed date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="boardBanner")
        self.on_call = QLabel(objectName="onCallBanner", wordWrap=True)
        style.set_role(self.on_call, "banner")
        self.panel = QLabel(objectName="onCallPanel", wordWrap=True)
        self.panel.setStyleSheet(PANEL_STYLE)
        self.flag = QLabel(objectName="unclosedFlag", wordWrap=True)
        self.flag.setStyleSheet(FLAG_STYLE)
        self.flag.linkActivated.connect(lambda link: self.review_clicked.emit(date.fromisoformat(link)))
        for label in (self.on_call, self.panel, self.flag):
            label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.on_call)
        layout.addWidget(self.panel)
        layout.addWidget(self.flag)
        self.unclosed: list[date] = []

    def show_on_call(self, board: OnCallBoard) -> None:
        """Outside the service centre's hours, every number to call (F5)."""
        if board.staffed:
            self.on_call.hide()
            return
        hours = f"{board.hours.desk_opens:%H:%M}–{board.hours.desk_closes:%H:%M}"
        self.on_call.setText(
            self.tr("Nobody is at the service desk now (staffed {hours}). Call: {contacts}").format(
                hours=hours, contacts=contacts_text(board.contacts)
            )
        )
        self.on_call.show()

    def toggle_on_call(self, db: Database) -> bool:
        """F5: the on-call numbers at any hour, shown or hidden again."""
        if self.panel.isVisible():
            self.panel.hide()
            return False
        self.panel.setText(self.tr("On call: {contacts}").format(contacts=contacts_text(on_call_list(db))))
        self.panel.show()
        return True

    def show_unclosed(self, days: Sequence[date]) -> None:
        """A past day whose review was not closed (日清), flagged the next morning (F6)."""
        self.unclosed = list(days)
        if not days:
            self.flag.hide()
            return
        links = "、".join(f'<a href="{d.isoformat()}">{d:%Y-%m-%d}</a>' for d in days)
        self.flag.setText(self.tr("Not closed (日清): {days} — open the daily review (F6).").format(days=links))
        self.flag.show()


class FilterBar(QWidget):
    """Kind, handler, building and "only mine" for the board."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="boardFilters")
        self.kind = QComboBox(objectName="filterKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in TicketKind:
            self.kind.addItem(kind.label(lang()), kind.value)
        self.handler = QComboBox(objectName="filterHandler")
        self.building = QComboBox(objectName="filterBuilding")
        self.mine = QCheckBox(self.tr("Only mine"), objectName="filterMine")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(4, 0, 4, 0)
        for title, widget in ((self.tr("Kind"), self.kind), (self.tr("Handler"), self.handler)):
            self._row.addWidget(QLabel(title))
            self._row.addWidget(widget)
        self._row.addWidget(QLabel(self.tr("Building")))
        self._row.addWidget(self.building)
        self._row.addWidget(self.mine)
        self._row.addStretch(1)
        for combo in (self.kind, self.handler, self.building):
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.mine.toggled.connect(lambda _: self.changed.emit())

    def add_right(self, widget: QWidget) -> None:
        self._row.addWidget(widget)

    def set_choices(self, staff: Sequence[StaffChoice], buildings: Sequence[int]) -> None:
        for combo in (self.handler, self.building):
            combo.blockSignals(True)
            combo.clear()
        self.handler.addItem(self.tr("Anyone"), None)
        for choice in staff:
            self.handler.addItem(choice.name, choice.user_id)
        self.building.addItem(self.tr("All buildings"), None)
        for number in buildings:
            self.building.addItem(self.tr("Building {n}").format(n=number), number)
        for combo in (self.handler, self.building):
            combo.blockSignals(False)

    def board_filter(self) -> BoardFilter:
        kind = self.kind.currentData()
        return BoardFilter(
            kinds=frozenset({TicketKind(kind)}) if kind else frozenset(),
            handler_id=self.handler.currentData(),
            building=self.building.currentData(),
            mine_only=self.mine.isChecked(),
        )
