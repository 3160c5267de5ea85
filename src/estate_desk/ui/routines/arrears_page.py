"""Arrears follow-up (欠费催缴, A15): households in arrears, who is due, and each household's story.

The list shows every household with unsettled arrears in room order (A9) with its state —
due (amber), overdue (red) or OK (muted) — as the service decides it: in arrears over a month,
followed up at least every two weeks. Below it, the chosen household's arrears and its
follow-up history; the buttons record a follow-up, enter an arrear or settle one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.routines.common import RoutineStatus, office_date
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE
from estate_desk.services.archive import listings
from estate_desk.services.routines import arrears
from estate_desk.services.routines import today as today_service
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.routines.arrears_dialogs import ArrearDialog, FollowUpDialog, SettleDialog
from estate_desk.ui.routines.widgets import status_foreground, status_label, status_style
from estate_desk.ui.widgets import MessageLine, lang, local_time, table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.routines.arrears import ArrearRow, ArrearsHousehold, FollowUpRow
    from estate_desk.store.database import Database


def money(amount: Any) -> str:
    return f"¥{amount:,.2f}"


class ArrearsPage(QWidget):
    """欠费跟进: the households in arrears, their arrears and follow-ups, and the three actions."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="arrearsPage")
        self._db, self._clock, self._actor = db, clock, actor
        self.dialog: QDialog | None = None
        self.status_line = status_label("arrearsStatus")
        self.households: RowsTableModel[ArrearsHousehold] = RowsTableModel(
            [
                self.tr("Room"),
                self.tr("Owner"),
                self.tr("Phone"),
                self.tr("Fees"),
                self.tr("Owed"),
                self.tr("In arrears since"),
                self.tr("Last follow-up"),
                self.tr("State"),
                self.tr("Next follow-up"),
            ],
            self._household_cell,
            self,
            style=self._household_style,
        )
        self.table = table_view("arrearsTable")
        self.table.setModel(self.households)
        owners = {"at_least": OWNER_FILE_GRADE}  # owners' names and phones: their particulars are 绝密 (A12)
        self.export = ListExport(self.table, db, actor, clock, "欠费户", "Households in arrears", **owners)
        for column, width in enumerate((130, 80, 110, 130, 100, 110, 170, 60)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.record_followup())
        self.arrears: RowsTableModel[ArrearRow] = RowsTableModel(
            [self.tr("Fee"), self.tr("Amount"), self.tr("Since"), self.tr("Settled on"), self.tr("Note")],
            self._arrear_cell,
            self,
        )
        self.arrear_table = table_view("roomArrears")
        self.arrear_table.setModel(self.arrears)
        ListExport(self.arrear_table, db, actor, clock, "本户欠费", "The room's arrears", **owners)
        self.history: RowsTableModel[FollowUpRow] = RowsTableModel(
            [self.tr("When"), self.tr("By"), self.tr("How"), self.tr("Fee"), self.tr("What was said")],
            self._history_cell,
            self,
        )
        self.history_table = table_view("followUpHistory")
        self.history_table.setModel(self.history)
        ListExport(self.history_table, db, actor, clock, "催缴记录", "Follow-ups", **owners)
        for column, width in enumerate((130, 80, 90, 80)):
            self.history_table.setColumnWidth(column, width)
        self.tabs = QTabWidget(objectName="arrearsTabs")
        self.tabs.addTab(self.history_table, self.tr("Follow-ups"))
        self.tabs.addTab(self.arrear_table, self.tr("Arrears"))
        self.followup_button = QPushButton(self.tr("Record follow-up…"), objectName="recordFollowUp")
        self.followup_button.clicked.connect(self.record_followup)
        self.add_button = QPushButton(self.tr("Enter arrear…"), objectName="addArrear")
        self.add_button.clicked.connect(self.add_arrear)
        self.settle_button = QPushButton(self.tr("Settle…"), objectName="settleArrear")
        self.settle_button.setToolTip(self.tr("Settle the arrear chosen under “Arrears”"))
        self.settle_button.clicked.connect(self.settle_arrear)
        self.heading = QLabel(objectName="arrearsHousehold")
        self.message = MessageLine("arrearsMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.followup_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.settle_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export.button())
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.heading)
        lower_column.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._chosen(current.row()))
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # ------------------------------------------------------------------ cells

    def _household_cell(self, h: ArrearsHousehold, column: int) -> Any:
        last = h.last_followup
        values = (
            h.room_code,
            h.owner_name,
            h.phone,
            "、".join(f.label(lang()) for f in h.fee_types),
            money(h.total),
            str(h.oldest_since),
            f"{office_date(last.followed_at)} {last.method.label(lang())}" if last else self.tr("never"),
            h.status.label(lang()),
            str(h.state.due_on),
        )
        return values[column]

    def _household_style(self, h: ArrearsHousehold, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and (column in (7, 8) or h.status is not RoutineStatus.OK):
            return status_foreground(h.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _arrear_cell(self, a: ArrearRow, column: int) -> Any:
        settled = str(a.settled_on) if a.settled_on else self.tr("unpaid")
        return (a.fee_type.label(lang()), money(a.amount), str(a.since), settled, a.note)[column]

    def _history_cell(self, f: FollowUpRow, column: int) -> Any:
        return (local_time(f.followed_at), f.by, f.method.label(lang()), f.fee_type.label(lang()), f.said)[column]

    # ------------------------------------------------------------------ loading

    def current(self) -> ArrearsHousehold | None:
        index = self.table.currentIndex()
        return self.households.row_of(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        """Reload the list (keeping the chosen household where it still owes) and its details."""
        chosen = self.current()
        try:
            section = today_service.followups_section(self._db, self._clock, self._actor, 0)
            rows = arrears.arrears_households(self._db, self._clock, self._actor)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.status_line.setText(
            self.tr("{n} households in arrears. {summary}").format(n=len(rows), summary=section.summary(lang()))
        )
        self.status_line.setStyleSheet(status_style(section.status))
        self.households.set_rows(rows)
        if chosen is None or not self.select_room(chosen.room_id):
            self._chosen(-1)

    def select_room(self, room_id: int) -> bool:
        row = self.households.find(lambda h: h.room_id == room_id)
        if row is None:
            return False
        index = self.households.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._chosen(row)
        return True

    def _chosen(self, row: int) -> None:
        household = self.households.row_of(row) if 0 <= row < self.households.rowCount() else None
        if household is None:
            self.heading.setText(self.tr("Choose a household to see its arrears and follow-ups."))
            self.arrears.set_rows([])
            self.history.set_rows([])
        else:
            self.heading.setText(
                f"<b>{household.room_code}</b>　{household.owner_name}　"
                + self.tr("owes {total}").format(total=money(household.total))
            )
            try:
                self.arrears.set_rows(arrears.room_arrears(self._db, self._actor, household.room_id))
                self.history.set_rows(arrears.followup_history(self._db, self._actor, household.room_id))
            except UserError as exc:
                self.message.problem(exc)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.followup_button.setEnabled(chosen)
        self.settle_button.setEnabled(chosen)

    # ------------------------------------------------------------------ actions

    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(self._after)
        dialog.open()
        return dialog

    def record_followup(self) -> FollowUpDialog | None:
        household = self.current()
        if household is None:
            self.message.warning(self.tr("Choose a household in the list first."))
            return None
        dialog = FollowUpDialog(self._db, self._clock, self._actor, household, self)
        self._open(dialog)
        return dialog

    def add_arrear(self) -> ArrearDialog | None:
        chosen = self.current()
        try:
            homes = listings.households(self._db, self._actor)
        except UserError as exc:
            self.message.problem(exc)
            return None
        dialog = ArrearDialog(self._db, self._clock, self._actor, homes, chosen.room_id if chosen else None, self)
        self._open(dialog)
        return dialog

    def settle_arrear(self) -> SettleDialog | None:
        index = self.arrear_table.currentIndex()
        unpaid = [a for a in self.arrears.rows() if a.settled_on is None]
        if index.isValid() and self.arrears.row_of(index.row()).settled_on is None:
            arrear = self.arrears.row_of(index.row())
        elif len(unpaid) == 1:
            arrear = unpaid[0]
        else:
            self.tabs.setCurrentWidget(self.arrear_table)
            self.message.warning(self.tr("Choose the unpaid arrear to settle under “Arrears”."))
            return None
        dialog = SettleDialog(self._db, self._clock, self._actor, arrear, self)
        self._open(dialog)
        return dialog

    def _after(self) -> None:
        """A dialog did its work: reload, keep the household chosen, and say what happened."""
        dialog = self.dialog
        if isinstance(dialog, ArrearDialog) and dialog.added is not None:
            self.refresh()
            self.select_room(dialog.added.room_id)
            self.message.done(self.tr("Arrear entered for {room}.").format(room=dialog.added.room_code))
            return
        self.refresh()
        if isinstance(dialog, FollowUpDialog) and dialog.recorded is not None:
            self.tabs.setCurrentWidget(self.history_table)
            self.message.done(self.tr("Follow-up recorded for {room}.").format(room=dialog.recorded.room_code))
        elif isinstance(dialog, SettleDialog) and dialog.settled is not None:
            self.message.done(
                self.tr("{room}: {fee} settled on {day}.").format(
                    room=dialog.settled.room_code,
                    fee=dialog.settled.fee_type.label(lang()),
                    day=dialog.settled.settled_on,
                )
            )
