"""Opening a ticket (受理, Ctrl+T) in a few keystrokes: kind and channel by their number, the room
typed in any form (3-2-1502, 3栋2单元1502) or found as you type, what it is about, the promise,
special services with their total (F8), photos.

While room, kind and matter are filled in, an earlier complaint from the same room about the
same matter is shown at once (F7) — the service links the new ticket to it when it is opened.
The person who opens it is its first receiver for good (F1).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.domain.desk.terms import PROMISE_LIMIT, Channel, TicketKind
from estate_desk.domain.errors import UserError
from estate_desk.services.archive import register, search
from estate_desk.services.archive.search import HitKind
from estate_desk.services.desk import intake as desk
from estate_desk.services.desk import settings as desk_settings
from estate_desk.ui import style
from estate_desk.ui.desk.services_picker import ServicesPicker
from estate_desk.ui.desk.widgets import datetime_edit, from_qdatetime, to_qdatetime
from estate_desk.ui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, eliding_label, lang, local_time, ok_cancel

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.register import RoomMatch
    from estate_desk.services.desk.intake import OpenedTicket, RepeatCandidate
    from estate_desk.store.database import Database

KIND_ORDER = (
    TicketKind.REPAIR,
    TicketKind.COMPLAINT,
    TicketKind.HELP,
    TicketKind.SUGGESTION,
    TicketKind.INQUIRY,
    TicketKind.SPECIAL_SERVICE,
)
CHANNEL_ORDER = (Channel.PHONE, Channel.IN_PERSON, Channel.WECHAT, Channel.PATROL)
ROOM_HITS = 8
ROOM_CODE_ROLE = Qt.ItemDataRole.UserRole


def numbered_combo(name: str, members: tuple[TicketKind, ...] | tuple[Channel, ...]) -> QComboBox:
    """A choice whose items start with a digit, so one key picks one (1 报修, 2 投诉 …)."""
    combo = QComboBox(objectName=name)
    for n, member in enumerate(members, start=1):
        combo.addItem(f"{n} {member.label(lang())}", member.value)
    return combo


class NewTicketDialog(QDialog):
    """受理工单: see the module docstring. ``opened`` is the ticket once the service opened it."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="newTicketDialog")
        self._db, self._clock, self._actor = db, clock, actor
        self.opened: OpenedTicket | None = None
        self.room: RoomMatch | None = None
        self.repeats: list[RepeatCandidate] = []
        self.photos: list[Path] = []
        self._settings = desk_settings.desk_settings(db)
        self._promise_touched = False
        self.setWindowTitle(self.tr("New ticket"))

        self.kind = numbered_combo("ticketKind", KIND_ORDER)
        self.channel = numbered_combo("ticketChannel", CHANNEL_ORDER)
        self.room_field = QLineEdit(objectName="ticketRoom")
        self.room_field.setPlaceholderText(self.tr("Room: 3-2-1502, 3栋2单元1502 … or the owner's name"))
        self.room_found = eliding_label("roomFound")
        self.room_hits = QListWidget(objectName="roomHits")
        self.room_hits.setMaximumHeight(110)
        self.room_hits.hide()
        self.place = QLineEdit(objectName="ticketPlace")
        self.place.setPlaceholderText(self.tr("Where the owner wants someone to come: kitchen, lift hall …"))
        self.contact = QLineEdit(objectName="ticketContact")
        self.contact.setPlaceholderText(self.tr("Who called and their number, when not the owner"))
        self.subject = QPlainTextEdit(objectName="ticketSubject")
        self.subject.setPlaceholderText(self.tr("What the owner said"))
        self.subject.setTabChangesFocus(True)
        self.subject.setFixedHeight(70)
        self.matter = QLineEdit(objectName="ticketMatter")
        self.matter.setPlaceholderText(self.tr("The matter in a few words (漏水, 装修噪音); default: the subject"))
        self.promise = datetime_edit("ticketPromise", clock.now())
        self.promise_hint = QLabel(objectName="promiseHint")
        self.services_box = QGroupBox(self.tr("Special services"), objectName="servicesBox", checkable=True)
        self.services_box.setChecked(False)
        self.services = ServicesPicker(desk_settings.price_list(db))
        box_layout = QVBoxLayout(self.services_box)
        box_layout.addWidget(self.services)
        self.services.setVisible(False)
        self.services_box.toggled.connect(self.services.setVisible)
        self.photo_list = QListWidget(objectName="ticketPhotos")
        self.photo_list.setMaximumHeight(60)
        add_photo = QPushButton(self.tr("Add photos…"), objectName="addPhotos")
        add_photo.clicked.connect(self._choose_photos)
        self.repeat_warning = QLabel(objectName="repeatWarning", wordWrap=True)
        style.set_state(self.repeat_warning, "caution")
        self.repeat_list = QListWidget(objectName="repeatList")
        self.repeat_list.setMaximumHeight(80)
        self.repeat_warning.hide()
        self.repeat_list.hide()

        form = QFormLayout()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(QLabel(self.tr("Channel")))
        kind_row.addWidget(self.channel, 1)
        form.addRow(self.tr("Kind"), kind_row)
        form.addRow(self.tr("Room"), self.room_field)
        form.addRow("", self.room_found)
        form.addRow("", self.room_hits)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("About"), self.subject)
        form.addRow(self.tr("Matter"), self.matter)
        promise_row = QHBoxLayout()
        promise_row.addWidget(self.promise)
        promise_row.addWidget(self.promise_hint, 1)
        form.addRow(self.tr("Promised by"), promise_row)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_list, 1)
        photo_row.addWidget(add_photo, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Photos"), photo_row)
        self.message = MessageLine("newTicketMessage")
        self.buttons = ok_cancel(self, self.tr("Open ticket"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.repeat_warning)
        layout.addWidget(self.repeat_list)
        layout.addWidget(self.services_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.show_repeats_action = QAction(self.tr("Show repeat complaints"), self, shortcut=QKeySequence("F7"))
        self.show_repeats_action.triggered.connect(self.show_repeats)
        self.addAction(self.show_repeats_action)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.room_field.textChanged.connect(self._room_typed)
        self.room_field.returnPressed.connect(self._pick_first_hit)
        self.room_hits.itemActivated.connect(self.pick_hit)
        self.room_hits.itemClicked.connect(self.pick_hit)
        self.matter.textChanged.connect(self.update_repeats)
        self.subject.textChanged.connect(self.update_repeats)
        self.promise.dateTimeChanged.connect(self._promise_edited)
        self._kind_changed()
        self.resize(680, 640)

    # ------------------------------------------------------------------ kind and promise

    @property
    def chosen_kind(self) -> TicketKind:
        return TicketKind(str(self.kind.currentData()))

    @property
    def chosen_channel(self) -> Channel:
        return Channel(str(self.channel.currentData()))

    def set_kind(self, kind: TicketKind) -> None:
        self.kind.setCurrentIndex(KIND_ORDER.index(kind))

    def set_channel(self, channel: Channel) -> None:
        self.channel.setCurrentIndex(CHANNEL_ORDER.index(channel))

    def _kind_changed(self) -> None:
        kind = self.chosen_kind
        now = self._clock.now()
        default = self._settings.policy.promise_for(kind)
        self.promise.blockSignals(True)
        self.promise.setMaximumDateTime(to_qdatetime(now + PROMISE_LIMIT))
        self.promise.setMinimumDateTime(to_qdatetime(now))
        if not self._promise_touched:
            self.promise.setDateTime(to_qdatetime(now + default))
        self.promise.blockSignals(False)
        hours = default.total_seconds() / 3600
        self.promise_hint.setText(self.tr("default {hours:g} h for this kind; at most 7 days").format(hours=hours))
        if kind is TicketKind.SPECIAL_SERVICE:
            self.services_box.setChecked(True)
        self.update_repeats()

    def _promise_edited(self) -> None:
        self._promise_touched = True

    # ------------------------------------------------------------------ the room

    def _room_typed(self, text: str) -> None:
        self.room = None
        self.room_hits.clear()
        wanted = text.strip()
        if wanted:
            try:
                self.room = register.room_by_code(self._db, wanted)
            except UserError:
                self._list_hits(wanted)
        self.room_hits.setVisible(self.room is None and self.room_hits.count() > 0)
        self._show_room()
        self.update_repeats()

    def _list_hits(self, text: str) -> None:
        for hit in search.search(self._db, self._actor, text, limit=ROOM_HITS):
            if hit.kind is HitKind.ROOM:
                pairs = [(hit.title, f"{hit.title}　{hit.detail}".strip())]
            elif hit.kind is HitKind.OWNER:
                pairs = [(code, f"{code}　{hit.title}") for code in hit.detail.split("、") if code]
            else:
                continue
            for code, shown in pairs:
                item = QListWidgetItem(shown)
                item.setData(ROOM_CODE_ROLE, code)
                self.room_hits.addItem(item)

    def _show_room(self) -> None:
        if self.room is not None:
            owner = self.room.owner_name or self.tr("no owner on record")
            self.room_found.setText(f"✓ {self.room.code}　{owner}")
        elif self.room_field.text().strip():
            self.room_found.setText(self.tr("Choose the room below, or type its code"))
        else:
            self.room_found.setText(self.tr("No room: a public place"))

    def pick_hit(self, item: QListWidgetItem) -> None:
        code = item.data(ROOM_CODE_ROLE)
        if code:
            self.room_field.setText(str(code))
            self.place.setFocus()

    def _pick_first_hit(self) -> None:
        if self.room is None and self.room_hits.count():
            self.pick_hit(self.room_hits.item(0))

    # ------------------------------------------------------------------ repeats (F7)

    def matter_text(self) -> str:
        return self.matter.text().strip() or self.subject.toPlainText().strip()

    def update_repeats(self) -> None:
        """Ask the service at once whether this would repeat an earlier complaint (F7)."""
        room_id = self.room.room_id if self.room is not None else None
        try:
            self.repeats = desk.repeats_for(
                self._db, self._clock, room_id=room_id, kind=self.chosen_kind, matter=self.matter_text()
            )
        except UserError as exc:
            self.message.problem(exc)
            self.repeats = []
        self.repeat_list.clear()
        for found in self.repeats:
            line = f"{found.number}　{local_time(found.received_at)}　{found.status.label(lang())}　{found.subject}"
            self.repeat_list.addItem(line)
        if self.repeats:
            self.repeat_warning.setText(
                self.tr(
                    "Repeat complaint: this room complained about “{matter}” before. The new ticket is linked "
                    "to {number} and counts as a service failure."
                ).format(matter=self.repeats[0].matter, number=self.repeats[0].number)
            )
        self.repeat_warning.setVisible(bool(self.repeats))
        self.repeat_list.setVisible(bool(self.repeats))

    def show_repeats(self) -> None:
        """F7: look again and put the cursor on the earlier complaints."""
        self.update_repeats()
        if self.repeats:
            self.repeat_list.setFocus()
            self.repeat_list.setCurrentRow(0)
        else:
            self.message.done(self.tr("No earlier complaint from this room about this matter."))

    # ------------------------------------------------------------------ photos and opening

    def _choose_photos(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos"), "", "Images (*.jpg *.jpeg *.png)")
        self.add_photos([Path(n) for n in names])

    def add_photos(self, paths: list[Path]) -> None:
        for path in paths:
            self.photos.append(path)
            self.photo_list.addItem(path.name)

    def draft(self) -> desk.TicketDraft:
        if self.room is None and self.room_field.text().strip():
            register.room_by_code(self._db, self.room_field.text())  # the service says what is wrong
        return desk.TicketDraft(
            kind=self.chosen_kind,
            channel=self.chosen_channel,
            subject=self.subject.toPlainText(),
            matter=self.matter.text(),
            room_id=self.room.room_id if self.room is not None else None,
            place=self.place.text(),
            contact=self.contact.text(),
            promise_due_at=from_qdatetime(self.promise.dateTime()) if self._promise_touched else None,
            services=self.services.lines() if self.services_box.isChecked() else (),
            photos=tuple(self.photos),
        )

    def accept(self) -> None:
        try:
            self.opened = desk.open_ticket(self._db, self._clock, self._actor, self.draft())
        except UserError as exc:
            self.message.problem(exc, full=True)
            return
        super().accept()
