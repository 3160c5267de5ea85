"""Dialogs of A16/A17: marking void and lifting the mark, legal holds, proposing and carrying out a batch.

Each asks for what the rule needs, says plainly what will happen (the confirmation), and calls the service;
a refusal is shown in the dialog, which stays open. Rules and checks live in the services.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from estate_desk.domain.disposal.rules import HoldKind, Method
from estate_desk.services.disposal import batches as destruction_batches
from estate_desk.services.disposal import destruction
from estate_desk.services.disposal import marks as disposal
from estate_desk.ui import i18n
from estate_desk.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QDate,
    QDateEdit,
    QLineEdit,
    QModelIndex,
    QPlainTextEdit,
    Qt,
    QTableView,
    QWidget,
)
from estate_desk.ui.service_dialog import ServiceDialog
from estate_desk.ui.sort_keys import sorted_positions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.disposal.appraisal import DueRow
    from estate_desk.store.database import Database


class VoidDialog(ServiceDialog):
    """作废 / 撤销作废: a reason (and for voiding, the date), after a plain confirmation."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        kind: str,
        record_id: int,
        what: str,
        *,
        lift: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Lift the void mark") if lift else self.tr("Mark void (作废)")
        super().__init__(db, clock, actor, title, parent)
        self.kind, self.record_id, self.lift = kind, record_id, lift
        self.reason = QLineEdit(objectName="reason")
        self.form.addRow(self.tr("Reason"), self.reason)
        today = disposal.today(clock)
        self.on = QDateEdit(QDate(today.year, today.month, today.day), objectName="voidOn", calendarPopup=True)
        if not lift:
            self.form.addRow(self.tr("Void since"), self.on)
            self.confirm.setText(
                self.tr(
                    "{what} will be marked 作废 everywhere it is shown and printed, and left out of searches. "
                    "Only a supervisor can lift the mark."
                ).format(what=what)
            )
        else:
            self.confirm.setText(self.tr("{what} will be current again. The change is recorded.").format(what=what))

    def run(self) -> None:
        if self.lift:
            disposal.lift_void(self._db, self._clock, self._actor, self.kind, self.record_id, reason=self.reason.text())
            return
        chosen = self.on.date()
        on = date(chosen.year(), chosen.month(), chosen.day())
        disposal.mark_void(
            self._db, self._clock, self._actor, self.kind, self.record_id, reason=self.reason.text(), on=on
        )


class HoldDialog(ServiceDialog):
    """冻结: why a record must not be destroyed for now."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, document_id: int, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Legal hold (冻结)"), parent)
        self.document_id = document_id
        self.hold_kind = QComboBox(objectName="holdKind")
        for kind in HoldKind:
            self.hold_kind.addItem(kind.label(i18n.lang_code()), kind.value)
        self.reason = QLineEdit(objectName="reason")
        self.form.addRow(self.tr("Kind"), self.hold_kind)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.confirm.setText(self.tr("{what} cannot be destroyed until the hold is lifted.").format(what=what))

    def run(self) -> None:
        kind = HoldKind(self.hold_kind.currentData())
        disposal.place_hold(self._db, self._clock, self._actor, self.document_id, kind, self.reason.text())


class LiftHoldDialog(ServiceDialog):
    """解除冻结: why the hold is no longer needed."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, hold_id: int, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Lift legal hold"), parent)
        self.hold_id = hold_id
        self.reason = QLineEdit(objectName="reason")
        self.form.addRow(self.tr("Reason"), self.reason)
        self.confirm.setText(self.tr("{what} can come up for destruction again once it is due.").format(what=what))

    def run(self) -> None:
        disposal.lift_hold(self._db, self._clock, self._actor, self.hold_id, self.reason.text())


class ProposedItems(QAbstractTableModel):
    """The records of a proposal, with the reason for each one editable in the last column (a model, not a
    line edit per row: a clerk may propose thousands of records at once)."""

    REASON = 2

    def __init__(self, headers: Sequence[str], rows: Sequence[DueRow], lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = list(rows)
        self.reasons = [row.due.label(lang) + (f"：{row.void_reason}" if row.void_reason else "") for row in rows]

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        row = self._rows[index.row()]
        return (row.archive_no, row.title, self.reasons[index.row()])[index.column()]

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.REASON or role != Qt.ItemDataRole.EditRole:
            return False
        self.reasons[index.row()] = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: Any) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == self.REASON else flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    sorts = True  # ``widgets.table_view`` reads it; ProposeDialog turns sorting on itself

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a header; each reason moves with its record. -1 keeps the order the rows are in."""
        if not 0 <= column < len(self._headers):
            return
        values = [
            (row.archive_no, row.title, reason)[column] for row, reason in zip(self._rows, self.reasons, strict=True)
        ]
        positions = sorted_positions(values, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        place = {old: new for new, old in enumerate(positions)}
        self._rows = [self._rows[n] for n in positions]
        self.reasons = [self.reasons[n] for n in positions]
        self.changePersistentIndexList(before, [self.index(place[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def items(self) -> list[tuple[int, str]]:
        """(document id, reason) for each record, as ``destruction_batches.propose`` takes them."""
        return [(row.id, reason) for row, reason in zip(self._rows, self.reasons, strict=True)]


class ProposeDialog(ServiceDialog):
    """提出销毁: the chosen records with a reason each (prefilled with why they are due)."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, rows: Sequence[DueRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Propose a destruction batch"), parent)
        self.batch_id: int | None = None
        self.model = ProposedItems(
            [self.tr("Archive no."), self.tr("Title"), self.tr("Reason for destruction")], rows, i18n.lang_code(), self
        )
        self.items = QTableView(objectName="proposedItems")
        self.items.setModel(self.model)
        self.items.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as proposed, until a click
        self.items.setSortingEnabled(True)
        self.items.verticalHeader().hide()
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.items.setColumnWidth(0, 180)
        self.items.setColumnWidth(1, 220)
        self.form.addRow(self.items)
        self.confirm.setText(
            self.tr("{n} record(s) go to a supervisor for approval, item by item.").format(n=len(rows))
        )
        self.resize(720, 380)

    def run(self) -> None:
        self.batch_id = destruction_batches.propose(self._db, self._clock, self._actor, self.model.items())


class CarryOutDialog(ServiceDialog):
    """实施销毁: at least two witnesses, the method and the place; then the records become tombstones."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, batch_id: int, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Carry out batch {code}").format(code=code), parent)
        self.batch_id = batch_id
        self.manifest_id: int | None = None
        self.witnesses = QPlainTextEdit(objectName="witnesses")
        self.witnesses.setPlaceholderText(self.tr("One witness (监销人) per line, at least two"))
        self.witnesses.setFixedHeight(70)
        self.method = QComboBox(objectName="method")
        for method in Method:
            self.method.addItem(method.label(i18n.lang_code()), method.value)
        self.place = QLineEdit(objectName="place")
        self.form.addRow(self.tr("Witnesses"), self.witnesses)
        self.form.addRow(self.tr("Method"), self.method)
        self.form.addRow(self.tr("Place"), self.place)
        self.confirm.setText(
            self.tr(
                "The approved records become 已销毁 (their catalogue entries stay), their files are deleted "
                "and the manifest is filed in the archive. This cannot be undone."
            )
        )

    def run(self) -> None:
        self.manifest_id = destruction.carry_out(
            self._db,
            self._clock,
            self._actor,
            self.batch_id,
            witnesses=self.witnesses.toPlainText().splitlines(),
            method=Method(self.method.currentData()),
            place=self.place.text(),
        )
