"""Closing a ticket at the desk (F1, F3): completion with the owner's confirmation, the first
receiver's return visit (回访), and the notices that ask for it.

The owner confirms by signing on the :class:`~estate_desk.ui.desk.signature_pad.SignaturePad`, by a
photo of the signed slip, or on the phone; kinds that need a kept signature are refused by the
service without one. "Not satisfied" reopens the ticket with its clocks as they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.domain.desk.terms import Confirmation, Satisfaction
from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.services.desk import completion as desk_completion
from estate_desk.ui.desk.handling import TicketDialog
from estate_desk.ui.desk.signature_pad import SignaturePad
from estate_desk.ui.qt import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import lang, local_time

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.desk.detail import TicketDetail
    from estate_desk.store.database import Database

PHOTO_FILTER = "Images (*.jpg *.jpeg *.png)"


class CompleteDialog(TicketDialog):
    """处理完毕 (F3): what was done, and the owner's confirmation — signed on screen, a photo of the
    signed slip, or by phone."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db, clock, actor, detail, self.tr("Work done"), self.tr("Record completion"), "completeDialog", parent
        )
        self.explanation = self._text_edit("completionExplanation", self.tr("What was done, as told to the owner"))
        self.how = QButtonGroup(self)
        choices = QHBoxLayout()
        for n, confirmation in enumerate(Confirmation):
            button = QRadioButton(confirmation.label(lang()), objectName=f"confirm_{confirmation.value}")
            self.how.addButton(button, n)
            choices.addWidget(button)
        self.pad = SignaturePad()
        clear = QPushButton(self.tr("Clear the signature"), objectName="clearSignature")
        clear.clicked.connect(self.pad.clear)
        sign_page = QWidget()
        sign_column = QVBoxLayout(sign_page)
        sign_column.setContentsMargins(0, 0, 0, 0)
        sign_column.addWidget(QLabel(self.tr("Owner, please sign here:")))
        sign_column.addWidget(self.pad, 1)
        sign_column.addWidget(clear, 0, Qt.AlignmentFlag.AlignRight)
        self.slip_path: Path | None = None
        self.slip_label = QLabel(self.tr("No photo chosen"), objectName="slipPhoto")
        choose = QPushButton(self.tr("Choose the photo…"), objectName="chooseSlip")
        choose.clicked.connect(self._choose_slip)
        slip_page = QWidget()
        slip_row = QHBoxLayout(slip_page)
        slip_row.addWidget(choose)
        slip_row.addWidget(self.slip_label, 1)
        self.phone_record = QLineEdit(objectName="phoneRecord")
        self.phone_record.setPlaceholderText(self.tr("Who confirmed, at which number, when"))
        phone_page = QWidget()
        phone_row = QHBoxLayout(phone_page)
        phone_row.addWidget(self.phone_record)
        self.pages = QStackedWidget(objectName="confirmationPages")
        for page in (sign_page, slip_page, phone_page):
            self.pages.addWidget(page)
        self.how.idToggled.connect(self._confirmation_toggled)
        self.form.addRow(self.tr("Done"), self.explanation)
        self.form.addRow(self.tr("Owner confirmed by"), choices)
        self.form.addRow(self.pages)
        if detail.needs_signature:
            self.form.addRow(QLabel(self.tr("This kind needs the owner's signature kept with the ticket.")))
        self.how.button(0).setChecked(True)
        self.resize(640, 520)

    def _confirmation_toggled(self, n: int, on: bool) -> None:
        if on:
            self.pages.setCurrentIndex(n)

    @property
    def confirmation(self) -> Confirmation:
        return list(Confirmation)[max(0, self.how.checkedId())]

    def set_confirmation(self, confirmation: Confirmation) -> None:
        self.how.button(list(Confirmation).index(confirmation)).setChecked(True)

    def set_slip_photo(self, path: Path) -> None:
        self.slip_path = path
        self.slip_label.setText(path.name)

    def _choose_slip(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the signed slip"), "", PHOTO_FILTER)
        if name:
            self.set_slip_photo(Path(name))

    def _image(self) -> bytes | None:
        if self.confirmation is Confirmation.SIGNATURE:
            return self.pad.png_bytes() or None
        if self.confirmation is Confirmation.SIGNED_SLIP_PHOTO and self.slip_path is not None:
            try:
                return self.slip_path.read_bytes()
            except OSError as exc:
                raise InputProblem(
                    zh=f"无法读取照片：{exc.strerror}",
                    en=f"The photo cannot be read: {exc.strerror}",
                    where=str(exc.filename),
                ) from exc
        return None

    def act(self) -> TicketDetail:
        return desk_completion.complete(
            self._db,
            self._clock,
            self._actor,
            self.detail.id,
            explanation=self.explanation.toPlainText(),
            confirmation=self.confirmation,
            signature_image=self._image(),
            phone_record=self.phone_record.text(),
        )


class ReturnVisitDialog(TicketDialog):
    """回访 by the first receiver (or a supervisor): satisfied, basically, or not — which reopens it."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db, clock, actor, detail, self.tr("Return visit"), self.tr("Record return visit"), "visitDialog", parent
        )
        self.result_group = QButtonGroup(self)
        row = QHBoxLayout()
        for n, result in enumerate(Satisfaction):
            button = QRadioButton(result.label(lang()), objectName=f"visit_{result.value}")
            self.result_group.addButton(button, n)
            row.addWidget(button)
        self.result_group.button(0).setChecked(True)
        self.note = QLineEdit(objectName="visitNote")
        self.note.setPlaceholderText(self.tr("What the owner said"))
        done = detail.completions[-1] if detail.completions else None
        if done is not None:
            said = f"{done.handler} · {local_time(done.completed_at)} · {done.explanation}"
            self.form.addRow(self.tr("Work done"), QLabel(said, wordWrap=True))
        self.form.addRow(self.tr("The owner is"), row)
        self.form.addRow(self.tr("Note"), self.note)

    @property
    def satisfaction(self) -> Satisfaction:
        return list(Satisfaction)[max(0, self.result_group.checkedId())]

    def set_satisfaction(self, result: Satisfaction) -> None:
        self.result_group.button(list(Satisfaction).index(result)).setChecked(True)

    def act(self) -> TicketDetail:
        return desk_completion.return_visit(
            self._db, self._clock, self._actor, self.detail.id, self.satisfaction, note=self.note.text()
        )


class NotificationsDialog(QDialog):
    """The signed-in user's notices: tickets done and waiting for their return visit."""

    visit_requested = Signal(int)  # a ticket id

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="notificationsDialog")
        self._db, self._clock, self._actor = db, clock, actor
        self.setWindowTitle(self.tr("Return visits due"))
        self.list = QListWidget(objectName="notificationList")
        self.list.itemActivated.connect(self._visit)
        self.list.itemDoubleClicked.connect(self._visit)
        visit = QPushButton(self.tr("Return visit…"), objectName="visitFromNotice")
        visit.clicked.connect(self._visit_current)
        read_all = QPushButton(self.tr("Mark all read"), objectName="markAllRead")
        read_all.clicked.connect(self.mark_all_read)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(visit)
        buttons.addWidget(read_all)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.resize(520, 320)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        try:
            notices = desk_completion.notifications(self._db, self._actor)
        except UserError as exc:
            self.list.addItem(exc.message(lang()))
            return
        for notice in notices:
            item = QListWidgetItem(f"{local_time(notice.created_at)}　{notice.text(lang())}")
            item.setData(Qt.ItemDataRole.UserRole, notice.ticket_id)
            self.list.addItem(item)
        if not notices:
            self.list.addItem(self.tr("Nothing waiting for you."))

    def _visit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._visit(item)

    def _visit(self, item: QListWidgetItem) -> None:
        ticket_id = item.data(Qt.ItemDataRole.UserRole)
        if ticket_id is not None:
            self.visit_requested.emit(int(ticket_id))

    def mark_all_read(self) -> None:
        desk_completion.mark_read(self._db, self._clock, self._actor)
        self.reload()
