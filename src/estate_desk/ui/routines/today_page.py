"""The clerk's today page (今日待办): one card per section of :func:`estate_desk.services.routines.today.today`.

Each card shows the section's title, its status in colour (due amber, overdue red, OK muted),
how many things wait, the one-line summary and the first items. Double-clicking an item (or
Enter on it) emits :attr:`TodayPage.open_requested` with the item's ``kind`` and ``ref``; the
main window routes it. The page computes nothing: the clock is injected and the service
decides what is due. It reloads when shown and on Refresh (F5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.services.routines import today
from estate_desk.ui import style
from estate_desk.ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QAction,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListView,
    QModelIndex,
    QPushButton,
    QScrollArea,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.routines.widgets import STATUS_COLOURS, StatusBadge, status_foreground
from estate_desk.ui.widgets import MessageLine, lang

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.routines.today import TodayItem, TodaySection
    from estate_desk.store.database import Database
    from estate_desk.ui.models import Index

TARGET = Qt.ItemDataRole.UserRole  # (kind, ref) of an item
ROW_HEIGHT = 24


class TodayItemsModel(QAbstractListModel):
    """The items of one today section: their text, coloured by how urgent each is."""

    def __init__(self, items: tuple[TodayItem, ...] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._items = list(items)

    def set_items(self, items: tuple[TodayItem, ...]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> TodayItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item.text(lang())
        if role == Qt.ItemDataRole.ForegroundRole:
            return status_foreground(item.status)
        if role == TARGET:
            return (item.kind, item.ref)
        return None


class SectionCard(QFrame):
    """One section of the today page, as a card: title, status badge with count, summary, items."""

    open_requested = Signal(str, object)  # kind, ref (None for forms that need none)

    def __init__(self, section: TodaySection, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=f"todayCard_{section.key}")
        self.section = section
        border = STATUS_COLOURS[section.status][2]
        self.setStyleSheet(
            f"QFrame#todayCard_{section.key} {{ background: {style.PALETTE['card']}; border: 1px solid {style.PALETTE['rule']};"
            f" border-left: 6px solid {border}; border-radius: 4px; }}"
        )
        self.title = QLabel(f"<b>{section.title(lang())}</b>", objectName="cardTitle")
        self.badge = StatusBadge("cardStatus")
        self.badge.show_status(section.status, section.count)
        self.summary = QLabel(section.summary(lang()), objectName="cardSummary", wordWrap=True)
        self.model = TodayItemsModel(section.items, self)
        self.items = QListView(objectName="cardItems")
        self.items.setModel(self.model)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setUniformItemSizes(True)
        self.items.setFrameShape(QFrame.Shape.NoFrame)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row_height = self.items.sizeHintForRow(0) if section.items else ROW_HEIGHT
        self.items.setFixedHeight(max(1, len(section.items)) * max(row_height, 1) + 2 * self.items.frameWidth() + 4)
        self.items.setVisible(bool(section.items))
        self.items.activated.connect(self._activated)
        more = section.count - len(section.items)
        self.more = QLabel(
            self.tr("… and {n} more").format(n=more) if more > 0 and section.items else "", objectName="cardMore"
        )
        style.set_state(self.more, "muted")
        self.more.setVisible(bool(self.more.text()))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.badge)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.summary)
        column.addWidget(self.items)
        column.addWidget(self.more)
        column.addStretch(1)

    def _activated(self, index: QModelIndex) -> None:
        kind, ref = index.data(TARGET)
        self.open_requested.emit(kind, ref)


class TodayPage(QWidget):
    """今日待办: inspections, census and follow-ups due or overdue, the to-digitise list — and later more."""

    open_requested = Signal(str, object)  # kind, ref: what a double-clicked item names

    COLUMNS = 2

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="todayPage")
        self._db, self._clock, self._actor = db, clock, actor
        self.page: today.TodayPage | None = None
        self.cards: dict[str, SectionCard] = {}
        self.heading = QLabel(objectName="todayHeading")
        style.set_role(self.heading, "title")
        self.waiting = QLabel(objectName="todayWaiting")
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="todayRefresh")
        self.refresh_button.setToolTip(self.tr("Reload the page (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_action = QAction(self.tr("Refresh"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.message = MessageLine("todayMessage")
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addWidget(self.waiting, 1)
        head.addWidget(self.refresh_button)
        self.grid_host = QWidget(objectName="todayCards")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(12)
        scroll = QScrollArea(objectName="todayScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        """Ask the service for today's page again and rebuild the cards."""
        try:
            page = today.today(self._db, self._clock, self._actor)
        except UserError as exc:
            self.message.problem(exc, full=True)
            return
        self.message.clear()
        self.page = page
        self.heading.setText(self.tr("Today, {day}").format(day=page.day.isoformat()))
        self.waiting.setText(
            self.tr("{n} things waiting").format(n=page.waiting) if page.waiting else self.tr("Nothing waiting")
        )
        lists = [f"{s.title(lang())} {s.count}" for s in page.work_lists if s.count]
        if lists:  # standing work lists, apart from today's to-dos
            self.waiting.setText(
                self.waiting.text() + " · " + self.tr("work lists: {lists}").format(lists=", ".join(lists))
            )
        self.waiting.setStyleSheet(f"color: {STATUS_COLOURS[page.status][1]}; padding-left: 12px;")
        for card in self.cards.values():
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        for n, section in enumerate(page.sections):
            card = SectionCard(section, self.grid_host)
            card.open_requested.connect(self.open_requested)
            self.grid.addWidget(card, n // self.COLUMNS, n % self.COLUMNS, Qt.AlignmentFlag.AlignTop)
            self.cards[section.key] = card
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        self.grid.setRowStretch((len(page.sections) + self.COLUMNS - 1) // self.COLUMNS, 1)
