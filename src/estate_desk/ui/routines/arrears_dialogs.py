"""The arrears dialogs (欠费催缴, A15): record a follow-up, enter an arrear, settle one.

Each dialog calls its service in ``accept`` and stays open with the service's message when it
refuses (no note of what was said, an amount that is no amount, a date in the future …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.routines.arrears import FeeType, FollowUpMethod
from estate_desk.domain.routines.common import office_date
from estate_desk.services.routines import arrears
from estate_desk.ui.models import Choice, set_choices
from estate_desk.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, date_edit, lang, ok_cancel, searchable_combo

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.listings import Household
    from estate_desk.services.routines.arrears import ArrearRow, ArrearsHousehold, FollowUpRow
    from estate_desk.store.database import Database


class FollowUpDialog(QDialog):
    """登记跟进: how the household was reached and what was said (required)."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, household: ArrearsHousehold, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="followUpDialog")
        self._db, self._clock, self._actor, self.household = db, clock, actor, household
        self.recorded: FollowUpRow | None = None
        self.setWindowTitle(self.tr("Record a follow-up: {room}").format(room=household.room_code))
        self.method = QComboBox(objectName="followUpMethod")
        for method in FollowUpMethod:
            self.method.addItem(method.label(lang()), method.value)
        self.said = QPlainTextEdit(objectName="followUpSaid")
        self.said.setPlaceholderText(self.tr("What was said: the owner's answer, a promised date …"))
        self.said.setFixedHeight(100)
        owes = self.tr("{owner} owes ¥{total} since {since}").format(
            owner=household.owner_name or household.room_code,
            total=f"{household.total:,.2f}",
            since=household.oldest_since,
        )
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{household.room_code}</b>　{owes}", objectName="followUpHousehold"))
        form.addRow(self.tr("How"), self.method)
        form.addRow(self.tr("What was said"), self.said)
        self.message = MessageLine("followUpMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.tr("Record follow-up"))
        layout.addWidget(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.said.textChanged.connect(lambda: self.ok.setEnabled(bool(self.said.toPlainText().strip())))
        self.resize(520, 300)

    def accept(self) -> None:
        try:
            self.recorded = arrears.record_followup(
                self._db,
                self._clock,
                self._actor,
                room_id=self.household.room_id,
                method=str(self.method.currentData()),
                said=self.said.toPlainText(),
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()


class ArrearDialog(QDialog):
    """登记欠费: a household's unpaid fee — type, amount in yuan, unpaid since when."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        households: list[Household],
        room_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="arrearDialog")
        self._db, self._clock, self._actor = db, clock, actor
        self.added: ArrearRow | None = None
        self.setWindowTitle(self.tr("Enter an arrear"))
        self.room = searchable_combo("arrearRoom")  # finds "1502" or "王伟" anywhere in a line
        set_choices(  # every household: 50,000 on a large estate
            self.room, [Choice(f"{h.room_code}　{h.owner_name or ''}".strip(), h.room_id) for h in households]
        )
        if room_id is not None:
            self.room.setCurrentIndex(max(self.room.findData(room_id), 0))
        self.fee = QComboBox(objectName="arrearFee")
        for fee in FeeType:
            self.fee.addItem(fee.label(lang()), fee.value)
        self.amount = QLineEdit(objectName="arrearAmount", placeholderText="1230.00")
        self.since = date_edit("arrearSince", office_date(clock.now()))
        self.note = QLineEdit(objectName="arrearNote")
        form = QFormLayout()
        form.addRow(self.tr("Household"), self.room)
        form.addRow(self.tr("Fee"), self.fee)
        form.addRow(self.tr("Amount (¥)"), self.amount)
        form.addRow(self.tr("Unpaid since"), self.since)
        form.addRow(self.tr("Note"), self.note)
        self.message = MessageLine("arrearMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Enter arrear")))
        self.resize(460, 260)

    def chosen_room(self) -> int | None:
        """The household chosen, also when its text was typed rather than picked."""
        index = self.room.findText(self.room.currentText().strip())
        return None if index < 0 else int(self.room.itemData(index))

    def accept(self) -> None:
        room_id = self.chosen_room()
        if room_id is None:
            self.message.error(self.tr("Choose a household from the list."))
            return
        try:
            self.added = arrears.add_arrear(
                self._db,
                self._clock,
                self._actor,
                room_id,
                str(self.fee.currentData()),
                self.amount.text(),
                self.since.date().toPython(),
                self.note.text(),
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()


class SettleDialog(QDialog):
    """登记结清: an arrear paid, on a day between its start and today."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, arrear: ArrearRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="settleDialog")
        self._db, self._clock, self._actor, self.arrear = db, clock, actor, arrear
        self.settled: ArrearRow | None = None
        self.setWindowTitle(self.tr("Settle an arrear"))
        self.on = date_edit("settledOn", office_date(clock.now()))
        what = self.tr("{room}: {fee} ¥{amount} unpaid since {since}").format(
            room=arrear.room_code, fee=arrear.fee_type.label(lang()), amount=f"{arrear.amount:,.2f}", since=arrear.since
        )
        form = QFormLayout()
        form.addRow(QLabel(what, objectName="settleWhat"))
        form.addRow(self.tr("Paid on"), self.on)
        self.message = MessageLine("settleMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Settle")))

    def accept(self) -> None:
        try:
            self.settled = arrears.settle_arrear(
                self._db, self._clock, self._actor, self.arrear.id, self.on.date().toPython()
            )
        except UserError as exc:
            self.message.problem(exc)
            return
        super().accept()
