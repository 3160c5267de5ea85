"""Handling a ticket at the desk (处理): handler and dispatch, arrival on site, a delay explained in
advance (F4), the one postponement (F2) and the day's progress note (F6).

Every dialog calls its service in ``accept`` and stays open with the service's refusal, in the
office's words, when the rules say no, never a traceback. A ticket postponed once opens a notice
instead of the postponement form (F2: there is no second one); it can still record that the owner
asked again, which the figures count. ``result_detail`` is the ticket as the service returned it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from estate_desk.domain.desk.terms import PROMISE_LIMIT
from estate_desk.domain.errors import UserError
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import board as desk_board
from estate_desk.ui.desk.widgets import chosen_method, datetime_edit, from_qdatetime, notify_combo
from estate_desk.ui.qt import (
    QCheckBox,
    QCoreApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, lang, local_time, ok_cancel, searchable_combo

if TYPE_CHECKING:
    from datetime import datetime

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.desk.detail import TicketDetail
    from estate_desk.store.database import Database


class TicketDialog(QDialog):
    """A dialog about one ticket: its heading, a form, the service's message and OK/Cancel."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        detail: TicketDetail,
        title: str,
        ok_text: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName=name)
        self._db, self._clock, self._actor, self.detail = db, clock, actor, detail
        self.result_detail: TicketDetail | None = None
        self.setWindowTitle(f"{title} — {detail.number}")
        room = detail.room_code or QCoreApplication.translate("TicketDialog", "no room")
        heading = QLabel(f"<b>{detail.number}</b>　{detail.kind.label(lang())}　{room}　{detail.matter}")
        heading.setObjectName("ticketHeading")
        heading.setWordWrap(True)
        self.form = QFormLayout()
        self.message = MessageLine(f"{name}Message")
        self.buttons = ok_cancel(self, ok_text)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, 260)

    def act(self) -> TicketDetail:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_detail = self.act()
        except UserError as exc:
            self.message.problem(exc, full=True)
            return
        super().accept()

    def _text_edit(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(objectName=name)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(80)
        return edit


class HandlerDialog(TicketDialog):
    """指定处理人 / 派工: who handles it, and whether to send them now (the three minutes run, F4)."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(db, clock, actor, detail, self.tr("Handler"), self.tr("Assign"), "handlerDialog", parent)
        self.handler = searchable_combo("handlerChoice")  # type a name or a trade
        for choice in desk_board.staff_choices(db):
            phone = f"　{choice.phone}" if choice.phone else ""
            self.handler.addItem(f"{choice.name}（{choice.role.label(lang())}）{phone}", choice.user_id)
        if detail.handler_id is not None:
            self.handler.setCurrentIndex(max(0, self.handler.findData(detail.handler_id)))
        self.send_now = QCheckBox(self.tr("Dispatch now (派工)"), objectName="dispatchNow", checked=True)
        self.form.addRow(self.tr("Handler"), self.handler)
        self.form.addRow("", self.send_now)

    def choose(self, user_id: int) -> None:
        self.handler.setCurrentIndex(self.handler.findData(user_id))

    def act(self) -> TicketDetail:
        handler_id = int(self.handler.currentData())
        if self.send_now.isChecked():
            return desk_actions.dispatch(self._db, self._clock, self._actor, self.detail.id, handler_id)
        return desk_actions.assign_handler(self._db, self._clock, self._actor, self.detail.id, handler_id)


class _WhenMixin:
    """A time that defaults to "now": left untouched, the service takes its own now."""

    def _when(self, edit_name: str, moment: datetime) -> None:
        self._moment_edit = datetime_edit(edit_name, moment)
        self._moment_default = self._moment_edit.dateTime()

    def _moment(self) -> datetime | None:
        value = self._moment_edit.dateTime()
        return None if value == self._moment_default else from_qdatetime(value)


class ArrivedDialog(_WhenMixin, TicketDialog):
    """到场: someone reached the place the owner named (F4); a later report gives the time it happened."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db, clock, actor, detail, self.tr("Arrived on site"), self.tr("Record arrival"), "arrivedDialog", parent
        )
        self._when("arrivedAt", clock.now())
        due = local_time(detail.arrival_due_at) if detail.arrival_due_at else "—"
        self.form.addRow(self.tr("Due on site by"), QLabel(due))
        self.form.addRow(self.tr("Arrived at"), self._moment_edit)

    def act(self) -> TicketDetail:
        return desk_actions.mark_arrived(self._db, self._clock, self._actor, self.detail.id, at=self._moment())


class ExplainDelayDialog(TicketDialog):
    """事先解释 (F4): why nobody can be there in three minutes, how the owner was told, and when someone comes."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db,
            clock,
            actor,
            detail,
            self.tr("Explain the delay in advance"),
            self.tr("Record explanation"),
            "explainDialog",
            parent,
        )
        self.reason = QLineEdit(objectName="delayReason")
        self.reason.setPlaceholderText(self.tr("e.g. the repair worker is on another job in building 5"))
        self.told_how = notify_combo("delayToldHow")
        self.expected = datetime_edit("expectedArrival", clock.now() + timedelta(minutes=10))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Owner told"), self.told_how)
        self.form.addRow(self.tr("Someone arrives by"), self.expected)

    def act(self) -> TicketDetail:
        return desk_actions.explain_arrival_delay(
            self._db,
            self._clock,
            self._actor,
            self.detail.id,
            reason=self.reason.text(),
            owner_told_how=chosen_method(self.told_how),
            expected_arrival_at=from_qdatetime(self.expected.dateTime()),
        )


def postpone_dialog(
    db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None
) -> TicketDialog:
    """The postponement form — or, for a ticket postponed once already, the notice that says so (F2)."""
    if detail.postponement is not None:
        return PostponedOnceNotice(db, clock, actor, detail, parent)
    return PostponeDialog(db, clock, actor, detail, parent)


class PostponedOnceNotice(TicketDialog):
    """The same matter is never postponed twice (F2): what the first postponement was, nothing to fill in.

    If the owner asked again, "Record the owner's request" lets the service refuse it: the refused
    attempt is kept in the ticket's history and counted in the figures.
    """

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db,
            clock,
            actor,
            detail,
            self.tr("Already postponed"),
            self.tr("Record the owner's request"),
            "postponedOnceNotice",
            parent,
        )
        first = detail.postponement
        assert first is not None
        self._first = first
        self.form.addRow(
            QLabel(
                self.tr(
                    "This matter was postponed once on {time}, to {due} ({reason}). The same matter "
                    "cannot be postponed a second time: finish it by the promised time."
                ).format(time=local_time(first.recorded_at), due=local_time(first.new_due_at), reason=first.reason),
                objectName="postponedOnce",
                wordWrap=True,
            )
        )
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Close"))
        self.recorded = False

    def act(self) -> TicketDetail:
        return desk_actions.postpone(
            self._db,
            self._clock,
            self._actor,
            self.detail.id,
            reason=self.tr("the owner asked for a second postponement"),
            owner_told_how=self._first.owner_told_how,
            new_due_at=self.detail.promise_due_at,
        )

    def accept(self) -> None:
        """The service refuses (F2) and keeps the attempt; the notice says it was recorded."""
        try:
            self.act()
        except UserError:
            self.recorded = True
            self.message.done(self.tr("Recorded: the request was refused and is counted in the figures."))
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
            return
        super().accept()  # pragma: no cover - the service never allows a second postponement


class PostponeDialog(TicketDialog):
    """延期 (F2): once only — a reason, the owner told, a new time within 7 days of reception."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db, clock, actor, detail, self.tr("Postpone the promise"), self.tr("Postpone"), "postponeDialog", parent
        )
        latest = detail.received_at + PROMISE_LIMIT
        proposed = min(detail.promise_due_at + timedelta(days=1), latest)
        self.reason = QLineEdit(objectName="postponeReason")
        self.reason.setPlaceholderText(self.tr("e.g. waiting for a spare part"))
        self.told_how = notify_combo("postponeToldHow")
        self.new_due = datetime_edit("newDue", proposed)
        self.form.addRow(self.tr("Promised now"), QLabel(local_time(detail.promise_due_at)))
        self.form.addRow(self.tr("Latest possible"), QLabel(local_time(latest)))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Owner told"), self.told_how)
        self.form.addRow(self.tr("New promised time"), self.new_due)

    def act(self) -> TicketDetail:
        return desk_actions.postpone(
            self._db,
            self._clock,
            self._actor,
            self.detail.id,
            reason=self.reason.text(),
            owner_told_how=chosen_method(self.told_how),
            new_due_at=from_qdatetime(self.new_due.dateTime()),
        )


class NoteDialog(TicketDialog):
    """跟进 (F6): today's progress, and whether and how the owner was told."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, detail: TicketDetail, parent: QWidget | None = None):
        super().__init__(
            db, clock, actor, detail, self.tr("Progress note"), self.tr("Record note"), "noteDialog", parent
        )
        self.text = self._text_edit("noteText", self.tr("What was done or found today"))
        self.owner_told = QCheckBox(self.tr("Owner told of the progress"), objectName="noteOwnerTold", checked=True)
        self.told_how = notify_combo("noteToldHow")
        self.owner_told.toggled.connect(self.told_how.setEnabled)
        self.form.addRow(self.tr("Progress"), self.text)
        self.form.addRow(self.owner_told, self.told_how)

    def act(self) -> TicketDetail:
        told = chosen_method(self.told_how) if self.owner_told.isChecked() else None
        return desk_actions.add_progress_note(
            self._db, self._clock, self._actor, self.detail.id, self.text.toPlainText(), owner_told_how=told
        )
