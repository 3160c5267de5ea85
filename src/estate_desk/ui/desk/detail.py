"""One ticket in full (工单详情): its facts, both clocks, the promise and its postponement, the
notes, the sign-off with the owner's signature, the return visits and the whole history.

The buttons open the same dialogs as the board (:class:`~estate_desk.ui.desk.ticket_actions.TicketActions`);
the window reloads the ticket whenever one of them changed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from estate_desk.services.archive.attachments import stored_path
from estate_desk.services.desk import detail as desk_detail
from estate_desk.ui import style
from estate_desk.ui.desk.widgets import clock_style, clock_text
from estate_desk.ui.preview import ScaledImage, open_with_system
from estate_desk.ui.qt import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import lang, local_time

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.desk.detail import TicketDetail
    from estate_desk.store.database import Database
    from estate_desk.ui.qt import SignalInstance


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # in time order until a click
    table.setSortingEnabled(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setSortingEnabled(False)  # rows would move while they are filled in
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setSortingEnabled(True)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)


class TicketActing(Protocol):
    """What the ticket window asks of the desk's actions (``ui/desk/ticket_actions.TicketActions``, which
    opens this window too): open a dialog on the ticket, add a photo, and say when a ticket changed."""

    changed: SignalInstance

    def open(self, kind: str, ticket_id: int) -> object: ...

    def add_photo(self, ticket_id: int) -> bool: ...


class TicketDetailDialog(QDialog):
    """工单详情: everything about one ticket, with buttons for what can be done next."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        ticket_id: int,
        actions: TicketActing,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="ticketDetail")
        self._db, self._clock, self._actor, self.ticket_id, self._actions = db, clock, actor, ticket_id, actions
        self.detail: TicketDetail = desk_detail.ticket_detail(db, clock, actor, ticket_id)
        self.heading = QLabel(objectName="detailHeading", wordWrap=True)
        style.set_role(self.heading, "heading")
        self.arrival = QLabel(objectName="detailArrival")
        self.promise = QLabel(objectName="detailPromise")
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in (
            ("status", self.tr("Status")),
            ("room", self.tr("Room and owner")),
            ("place", self.tr("Place")),
            ("subject", self.tr("About")),
            ("people", self.tr("First receiver / handler")),
            ("times", self.tr("Received / promised")),
            ("postponement", self.tr("Postponement")),
            ("explanation", self.tr("Delay explained")),
            ("services", self.tr("Special services")),
            ("archive", self.tr("Filed in the archive")),
        ):
            label = QLabel(objectName=f"fact_{key}", wordWrap=True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            self.facts.addRow(title, label)
        self.history = _table("detailHistory", [self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Detail")])
        self.notes = _table(
            "detailNotes", [self.tr("When"), self.tr("Who"), self.tr("Owner told"), self.tr("Progress")]
        )
        self.signoff = _table("detailSignoff", [self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Detail")])
        self.signature = ScaledImage()
        self.signature.setObjectName("detailSignature")
        self.photos = QListWidget(objectName="detailPhotos")
        self.photos.itemActivated.connect(self._open_photo)
        signoff_page = QWidget()
        signoff_column = QVBoxLayout(signoff_page)
        signoff_column.addWidget(self.signoff, 1)
        signoff_column.addWidget(self.signature, 1)
        self.tabs = QTabWidget(objectName="detailTabs")
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.notes, self.tr("Progress notes"))
        self.tabs.addTab(signoff_page, self.tr("Sign-off and return visits"))
        self.tabs.addTab(self.photos, self.tr("Photos"))
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for n, (kind, text) in enumerate(
            (
                ("handler", self.tr("Handler / dispatch…")),
                ("arrived", self.tr("Arrived on site…")),
                ("explain", self.tr("Explain delay… (F4)")),
                ("postpone", self.tr("Postpone… (F2)")),
                ("note", self.tr("Progress note…")),
                ("complete", self.tr("Work done…")),
                ("visit", self.tr("Return visit…")),
                ("photo", self.tr("Add photo…")),
            )
        ):
            button = QPushButton(text, objectName=f"detail_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.act(k))
            self.buttons[kind] = button
            buttons.addWidget(button, n // 4, n % 4)
        clocks = QHBoxLayout()
        clocks.addWidget(QLabel(self.tr("Arrival")))
        clocks.addWidget(self.arrival)
        clocks.addSpacing(20)
        clocks.addWidget(QLabel(self.tr("Promise")))
        clocks.addWidget(self.promise)
        clocks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(clocks)
        layout.addLayout(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        actions.changed.connect(self._changed)
        self.resize(860, 760)
        self.show_detail(self.detail)

    def act(self, kind: str) -> object:
        if kind == "photo":
            return self._actions.add_photo(self.ticket_id)
        return self._actions.open(kind, self.ticket_id)

    def _changed(self, ticket_id: int) -> None:
        if ticket_id == self.ticket_id and self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.show_detail(desk_detail.ticket_detail(self._db, self._clock, self._actor, self.ticket_id))

    def show_detail(self, d: TicketDetail) -> None:
        self.detail = d
        language = lang()
        self.setWindowTitle(self.tr("Ticket {number}").format(number=d.number))
        repeat = self.tr("　repeat of {number}").format(number=d.repeat_of_number) if d.repeat_of_number else ""
        self.heading.setText(f"<b>{d.number}</b>　{d.kind.label(language)}　{d.channel.label(language)}{repeat}")
        for label, countdown in ((self.arrival, d.arrival), (self.promise, d.promise)):
            label.setText(clock_text(countdown, language) if countdown else self.tr("none"))
            label.setStyleSheet(clock_style(countdown.state) if countdown else "")
        facts = self.fact_labels
        facts["status"].setText(f"{d.status.label(language)}　{d.arrival_outcome.label(language)}")
        owner = d.owner_name or ""
        facts["room"].setText(f"{d.room_code or '—'}　{owner}　{d.contact}".strip())
        facts["place"].setText(d.place or "—")
        facts["subject"].setText(d.subject)
        facts["people"].setText(f"{d.first_receiver} / {d.handler or '—'}")
        original = (
            self.tr("　(first promised {time})").format(time=local_time(d.original_promise_due_at))
            if d.original_promise_due_at != d.promise_due_at
            else ""
        )
        facts["times"].setText(f"{local_time(d.received_at)} → {local_time(d.promise_due_at)}{original}")
        p = d.postponement
        facts["postponement"].setText(
            f"{local_time(p.previous_due_at)} → {local_time(p.new_due_at)}：{p.reason}（{p.owner_told_how.label(language)}，"
            f"{p.recorded_by}）"
            if p
            else "—"
        )
        e = d.arrival_explanation
        facts["explanation"].setText(
            f"{e.reason}　→ {local_time(e.expected_arrival_at)}（{e.owner_told_how.label(language)}）" if e else "—"
        )
        lines = "；".join(f"{x.name_zh if language == 'zh' else x.name_en}×{x.quantity}" for x in d.services)
        facts["services"].setText(f"{lines}　¥{d.services_total:,.2f}" if d.services else "—")
        facts["archive"].setText(d.archive_no or "—")
        _fill(self.history, [(local_time(x.at), x.label(language), x.actor, x.detail) for x in d.events])
        _fill(
            self.notes,
            [
                (
                    local_time(n.written_at),
                    n.author,
                    n.owner_told_how.label(language) if n.owner_told_how else (self.tr("yes") if n.owner_told else ""),
                    n.text,
                )
                for n in d.notes
            ],
        )
        signoff = [
            (
                local_time(c.completed_at),
                self.tr("Work done"),
                c.handler,
                f"{c.confirmation.label(language)}：{c.explanation}",
            )
            for c in d.completions
        ] + [
            (
                local_time(v.visited_at),
                self.tr("Return visit"),
                v.visitor,
                f"{v.result.label(language)} {v.note}".strip(),
            )
            for v in d.return_visits
        ]
        _fill(self.signoff, signoff)
        signed = next((c.signature_sha256 for c in reversed(d.completions) if c.signature_sha256), None)
        self.signature.set_image(QPixmap(str(stored_path(signed))) if signed else QPixmap())
        self.signature.setVisible(signed is not None)
        self.photos.clear()
        for photo in d.photos:
            item = QListWidgetItem(f"{photo.original_name}　{local_time(photo.added_at)}")
            item.setData(Qt.ItemDataRole.UserRole, photo.sha256)
            self.photos.addItem(item)
        self.buttons["arrived"].setEnabled(d.awaiting_arrival)
        self.buttons["explain"].setEnabled(d.awaiting_arrival)
        self.buttons["visit"].setEnabled(d.awaiting_return_visit)

    def _open_photo(self, item: QListWidgetItem) -> None:
        sha = item.data(Qt.ItemDataRole.UserRole)
        if sha:
            open_with_system(stored_path(str(sha)))
