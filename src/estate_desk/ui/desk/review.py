"""The daily review screen (日清日审, F6): the day's received, closed, late and open tickets, what
keeps the day from being closed, closing it (supervisor) and its report.

Every unfinished ticket needs the day's progress note with the owner told; until then "Close
day" stays disabled and the blockers are listed with their reasons. Closing makes the report
(PDF), shown at once in the preview. A past day left unclosed is flagged; a supervisor may
still close it, recording the tickets that lacked their note as omissions.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.routines.common import office_date
from estate_desk.services.archive.attachments import Preview, stored_path
from estate_desk.services.desk import review as desk_review
from estate_desk.services.desk.tickets import DESK_SUPERVISORS
from estate_desk.ui import style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.preview import AttachmentPreview
from estate_desk.ui.qt import (
    QCheckBox,
    QDate,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, date_edit, lang, local_time, table_view

if TYPE_CHECKING:
    from datetime import date

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.desk.review import DayReview, ReviewLine
    from estate_desk.store.database import Database
    from estate_desk.ui.desk.ticket_actions import TicketActions

BLOCKERS = "blockers"
LIST_KEYS = (
    BLOCKERS,
    "received",
    "completed",
    "closed",
    "late",
    "late_arrival",
    "arrival_explained",
    "still_open",
    "awaiting_return_visit",
    "missing_progress",
    "repeats",
)


class ReviewPage(QWidget):
    """日清日审 of one day; see the module docstring."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, actions: TicketActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="reviewPage")
        self._db, self._clock, self._actor, self._actions = db, clock, actor, actions
        self.review: DayReview | None = None
        today = office_date(clock.now())
        self.day = date_edit("reviewDate", today)
        self.day.dateChanged.connect(lambda _: self.refresh())
        today_button = QPushButton(self.tr("Today"), objectName="reviewToday")
        today_button.clicked.connect(lambda: self.show_day(office_date(self._clock.now())))
        yesterday = QPushButton(self.tr("Yesterday"), objectName="reviewYesterday")
        yesterday.clicked.connect(lambda: self.show_day(office_date(self._clock.now()) - timedelta(days=1)))
        self.flag = QLabel(objectName="reviewUnclosed", wordWrap=True)
        style.set_state(self.flag, "alert")
        self.summary = QLabel(objectName="reviewSummary", wordWrap=True)
        self.lists = QListWidget(objectName="reviewLists")
        self.lists.setMaximumWidth(260)
        self.lists.currentRowChanged.connect(lambda _: self._show_list())
        self.model: RowsTableModel[ReviewLine] = RowsTableModel(
            [
                self.tr("Ticket"),
                self.tr("Kind"),
                self.tr("Room"),
                self.tr("About"),
                self.tr("First receiver"),
                self.tr("Handler"),
                self.tr("Received"),
                self.tr("Promised by"),
                self.tr("Why it blocks"),
            ],
            self._cell,
            self,
            style=self._style,
        )
        self.table = table_view("reviewTable")
        self.table.setModel(self.model)
        self.export = ListExport(self.table, db, actor, clock, "日清复核", "Daily review")
        for column, width in enumerate((140, 70, 110, 200, 80, 80, 130, 130)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _: self._open("detail"))
        note = QPushButton(self.tr("Progress note…"), objectName="reviewNote")
        note.clicked.connect(lambda: self._open("note"))
        self.record_omissions = QCheckBox(
            self.tr("Record the missing notes as omissions"), objectName="recordOmissions"
        )
        self.record_omissions.toggled.connect(lambda _: self._show_close_state())
        self.close_button = QPushButton(self.tr("Close day (日清)"), objectName="closeDay")
        self.close_button.clicked.connect(self.close_day)
        self.report_button = QPushButton(self.tr("Show the report"), objectName="showReport")
        self.report_button.clicked.connect(self.show_report)
        self.close_state = QLabel(objectName="closeState", wordWrap=True)
        self.message = MessageLine("reviewMessage")
        self.preview = AttachmentPreview()
        self.preview.setObjectName("reportPreview")
        self.preview.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day)
        top.addWidget(today_button)
        top.addWidget(yesterday)
        top.addWidget(self.flag, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(note)
        bottom.addWidget(self.close_state, 1)
        bottom.addWidget(self.record_omissions)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.export.button())
        lists = QSplitter()
        lists.addWidget(self.lists)
        lists.addWidget(self.table)
        lists.setStretchFactor(1, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(lists)
        body.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        actions.changed.connect(self._ticket_changed)
        # read when shown (showEvent), not here: the tab sits behind the board at start (issue 18)

    def _ticket_changed(self, _ticket_id: int) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    @property
    def chosen_day(self) -> date:
        chosen: date = self.day.date().toPython()  # type: ignore[assignment]
        return chosen

    def show_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.review = desk_review.review(self._db, self._clock, self.chosen_day)
            unclosed = desk_review.unclosed_days(self._db, self._clock)
        except UserError as exc:
            self.review = None
            self.message.problem(exc)
            self.model.set_rows([])
            self._show_close_state()
            return
        self.message.clear()
        self.flag.setText(
            self.tr("Not closed: {days}").format(days="、".join(f"{d:%Y-%m-%d}" for d in unclosed)) if unclosed else ""
        )
        r = self.review
        counts = [(key, self._title(key), len(getattr(r, key))) for key in LIST_KEYS]
        current = max(0, self.lists.currentRow())
        self.lists.blockSignals(True)
        self.lists.clear()
        for key, title, n in counts:
            item = QListWidgetItem(f"{title}（{n}）")
            item.setData(Qt.ItemDataRole.UserRole, key)
            if key == BLOCKERS and n:
                item.setForeground(style.colour("error"))
            self.lists.addItem(item)
        self.lists.setCurrentRow(current)
        self.lists.blockSignals(False)
        self.summary.setText("　".join(f"{title} {n}" for key, title, n in counts if key != BLOCKERS))
        self._show_list()
        self._show_close_state()

    def _title(self, key: str) -> str:
        return {
            BLOCKERS: self.tr("Keeping the day open"),
            "received": self.tr("Received"),
            "completed": self.tr("Handled"),
            "closed": self.tr("Closed"),
            "late": self.tr("Late"),
            "late_arrival": self.tr("Late on site"),
            "arrival_explained": self.tr("Delay explained in advance"),
            "still_open": self.tr("Still open"),
            "awaiting_return_visit": self.tr("Awaiting return visit"),
            "missing_progress": self.tr("No note with the owner told"),
            "repeats": self.tr("Repeat complaints"),
        }[key]

    def current_list(self) -> str:
        item = self.lists.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else BLOCKERS

    def show_list(self, key: str) -> None:
        self.lists.setCurrentRow(LIST_KEYS.index(key))

    def _show_list(self) -> None:
        self.model.set_rows(list(getattr(self.review, self.current_list())) if self.review else [])

    def _show_close_state(self) -> None:
        r = self.review
        supervisor = self._actor.role in DESK_SUPERVISORS
        past = r is not None and r.day < office_date(self._clock.now())
        self.record_omissions.setVisible(past and r is not None and r.closure is None and bool(r.blockers))
        if r is None:
            self.close_state.setText("")
        elif r.closure is not None:
            c = r.closure
            omitted = self.tr("　{n} omission(s) recorded").format(n=c.omissions) if c.omissions else ""
            self.close_state.setText(
                self.tr("Closed by {name} at {time}").format(name=c.closed_by, time=local_time(c.closed_at)) + omitted
            )
        elif r.blockers:
            self.close_state.setText(
                self.tr("{n} ticket(s) keep the day open: see why in the list.").format(n=len(r.blockers))
            )
        else:
            self.close_state.setText(self.tr("Every open ticket has its note: the day can be closed."))
        omissions = past and self.record_omissions.isChecked()
        can = r is not None and r.closure is None and (not r.blockers or omissions)
        self.close_button.setEnabled(supervisor and can)
        self.close_button.setToolTip("" if supervisor else self.tr("Only a supervisor may close the day."))
        self.report_button.setEnabled(r is not None and r.closure is not None and r.closure.report_sha256 is not None)

    def _cell(self, line: ReviewLine, column: int) -> Any:
        language = lang()
        if column == 8:
            return "、".join(reason.label_zh if language == "zh" else reason.label_en for reason in line.reasons)
        return (
            line.number,
            line.kind.label(language),
            line.room_code or "—",
            line.matter,
            line.first_receiver,
            line.handler or "—",
            local_time(line.received_at),
            local_time(line.promise_due_at),
        )[column]

    def _style(self, line: ReviewLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and line.reasons:
            return style.colour("error")
        return None

    def _open(self, kind: str) -> object:
        index = self.table.currentIndex()
        if not index.isValid():
            self.message.warning(self.tr("Choose a ticket in the list first."))
            return None
        ticket_id = self.model.row_of(index.row()).ticket_id
        if kind == "detail":
            return self._actions.detail(ticket_id)
        return self._actions.open(kind, ticket_id)

    def close_day(self) -> bool:
        """日清: the service closes the day (or says why not) and the report is shown."""
        try:
            closure = desk_review.close_day(
                self._db,
                self._clock,
                self._actor,
                self.chosen_day,
                record_omissions=not self.record_omissions.isHidden() and self.record_omissions.isChecked(),
            )
        except UserError as exc:
            self.message.problem(exc, full=True)
            return False
        self.refresh()
        self.message.done(self.tr("{day} closed; the report is below.").format(day=f"{closure.day:%Y-%m-%d}"))
        self.show_report()
        return True

    def show_report(self) -> bool:
        closure = self.review.closure if self.review is not None else None
        if closure is None or closure.report_sha256 is None:
            return False
        path = stored_path(closure.report_sha256)
        self.preview.show_preview(Preview(path, "application/pdf", closure.report_name, True))
        self.preview.show()
        return self.preview.showing == "pdf"
