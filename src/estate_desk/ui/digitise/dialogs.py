"""The workbench's dialogs: a new batch with its DA/T 31 settings, moving a batch on, settling a 待处理 item,
and taking the boxes back (入库) by scanning each one.

Each dialog says what will happen, calls one service on OK, and stays open with the refusal on its message
line when the service says no. A barcode scanner "types" a code and Enter: the code fields take each code
into their list on Enter, so a scanner works there as well as typing does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.digitise.settings import DEFAULT_DPI, MAX_DPI, MIN_DPI, ColourMode, FileFormat, make_settings
from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.services.archive.code_lookup import find_by_code
from estate_desk.services.digitise import batches, pending, returning
from estate_desk.ui import i18n
from estate_desk.ui.qt import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QKeyEvent,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.domain.digitise.steps import Step
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.batches import BatchView
    from estate_desk.services.digitise.pending import PendingRow, Settlement
    from estate_desk.store.database import Database


class CodeField(QLineEdit):
    """A line for box codes: Enter (a scanner's, or the clerk's) hands the code over and clears the line,
    instead of pressing the dialog's OK."""

    entered = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code = self.text().strip()
            self.clear()
            if code:
                self.entered.emit(code)
            event.accept()
            return
        super().keyPressEvent(event)


class CodeList(QWidget):
    """Codes scanned or typed one by one, listed; a code scanned twice is listed once."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = CodeField(objectName="codeField", placeholderText=placeholder)
        self.list = QListWidget(objectName="codeList")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeCode")
        self.remove_button.clicked.connect(self._remove)
        self.field.entered.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.list)

    def add(self, code: str) -> None:
        if code not in self.codes():
            self.list.addItem(code)
        self.list.scrollToBottom()

    def codes(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())]

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class NewBatchDialog(ServiceDialog):
    """新建批次: the records (the 待数字化 list, or the boxes scanned) and the scan settings of DA/T 31."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, clock, actor, self.tr("New digitisation batch"), parent)
        self.batch_id: int | None = None
        self.title_field = QLineEdit(objectName="batchTitle")
        self.from_list = QRadioButton(self.tr("Every record on the to-digitise list"), objectName="fromList")
        self.from_boxes = QRadioButton(self.tr("The records in these boxes:"), objectName="fromBoxes")
        self.source = QButtonGroup(self)
        self.source.addButton(self.from_list)
        self.source.addButton(self.from_boxes)
        self.from_boxes.setChecked(True)
        self.boxes = CodeList(self.tr("Scan or type a box code, then Enter"), self)
        self.boxes.setObjectName("boxCodes")
        self.boxes.field.entered.connect(lambda _code: self.from_boxes.setChecked(True))
        self.dpi = QSpinBox(objectName="dpi", minimum=MIN_DPI, maximum=MAX_DPI, value=DEFAULT_DPI, suffix=" dpi")
        self.dpi.setSingleStep(100)
        self.colour = QComboBox(objectName="colour")
        names = {
            ColourMode.COLOUR: self.tr("Colour"),
            ColourMode.GREY: self.tr("Greyscale"),
            ColourMode.BINARY: self.tr("Black and white"),
        }
        for mode in ColourMode:
            self.colour.addItem(names[mode], mode.value)
        self.file_format = QComboBox(objectName="fileFormat")
        for fmt in FileFormat:
            self.file_format.addItem(fmt.value.upper(), fmt.value)
        self.form.addRow(self.tr("Name"), self.title_field)
        self.form.addRow(self.from_list)
        self.form.addRow(self.from_boxes)
        self.form.addRow(self.boxes)
        self.form.addRow(self.tr("Resolution"), self.dpi)
        self.form.addRow(self.tr("Colour mode"), self.colour)
        self.form.addRow(self.tr("File format"), self.file_format)
        self.confirm.setText(
            self.tr(
                "DA/T 31: at least 200 dpi (300 by default); colour keeps red seals and headers; "
                "one file format for the whole batch. The batch starts at 准备."
            )
        )
        self.resize(520, 560)

    def box_ids(self) -> list[int]:
        ids = []
        for code in self.boxes.codes():
            hit = find_by_code(self._db, self._actor, code)
            if hit is None or hit.kind != "box":
                raise NotFound(zh=f"没有档案盒 {code}。", en=f"No box {code}.")
            ids.append(hit.id)
        return ids

    def run(self) -> None:
        settings = make_settings(self.dpi.value(), str(self.colour.currentData()), str(self.file_format.currentData()))
        boxes = self.box_ids() if self.from_boxes.isChecked() else []
        if self.from_boxes.isChecked() and not boxes:
            raise InputProblem(zh="请扫描或输入至少一个档案盒编号。", en="Scan or type at least one box code.")
        self.batch_id = batches.new_batch(
            self._db,
            self._clock,
            self._actor,
            settings=settings,
            box_ids=boxes,
            to_digitise=self.from_list.isChecked(),
            title=self.title_field.text(),
        )


class StepDialog(ServiceDialog):
    """推进: move the batch to ``target`` (the next step, or back to 扫描 for a rescan), with a note."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, view: BatchView, target: Step, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Move the batch on"), parent)
        self.batch_id, self.target = view.summary.id, target
        self.note = QLineEdit(objectName="stepNote")
        self.form.addRow(self.tr("Note"), self.note)
        lang = i18n.lang_code()
        self.confirm.setText(
            self.tr("Move batch {code} from “{now}” to “{to}”? Who and when go to its step log.").format(
                code=view.summary.code, now=view.summary.step.label(lang), to=target.label(lang)
            )
        )

    def run(self) -> None:
        batches.advance(self._db, self._clock, self._actor, self.batch_id, self.target, self.note.text())


class SettleDialog(ServiceDialog):
    """处理待处理项: drop the pages, or mark them for a rescan; the item stays in the queue, settled."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        item: PendingRow,
        how: Settlement,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Settle a pending item"), parent)
        self.item_id, self.how = item.id, how
        self.note = QLineEdit(objectName="settleNote")
        self.form.addRow(self.tr("Note"), self.note)
        reason = item.reason.label(i18n.lang_code())
        if how is pending.Settlement.DROPPED:
            text = self.tr("Drop pages {pages} ({reason})? They stay in the kept source file; nothing is deleted.")
        else:
            text = self.tr("Mark pages {pages} ({reason}) for a rescan? The record is scanned again.")
        self.confirm.setText(text.format(pages=item.pages, reason=reason))

    def run(self) -> None:
        pending.settle(self._db, self._clock, self._actor, self.item_id, self.how, self.note.text())


class ReturnBoxesDialog(ServiceDialog):
    """入库: each box is scanned as it goes back on its shelf; a box missing or of another batch is named."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, view: BatchView, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, clock, actor, self.tr("Return the boxes (入库)"), parent)
        self.batch_id = view.summary.id
        self.boxes = CodeList(self.tr("Scan each box as it goes back, or type its code and Enter"), self)
        self.boxes.setObjectName("returnedBoxes")
        self.form.addRow(self.boxes)
        self.confirm.setText(
            self.tr("Batch {code} goes back to the archive room when every one of its boxes is scanned.").format(
                code=view.summary.code
            )
        )
        self.resize(480, 420)

    def run(self) -> None:
        returning.return_batch(self._db, self._clock, self._actor, self.batch_id, self.boxes.codes())
