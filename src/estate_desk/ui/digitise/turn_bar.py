"""Pages upside down inside a record, on the batch's findings (issue 17): found by the quality check, turned here.

The check (:func:`check_job`, on the worker) looks for pages whose text runs upside down when the ``ocr`` extra
is there (``services/digitise/text_direction.py``) and says plainly when it is not: "not checked", never
passed. Under the findings, :class:`TurnBar` turns every page found upright — each record's scan gets a new
version with the page's PDF rotation turned (``services/digitise/page_turns.py``; the earlier kept, the turn
in the audit trail). The rule of which step allows it is the service's; a refusal is said on the job line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.digitise.quality import Flaw
from estate_desk.services.digitise import page_turns, quality_check
from estate_desk.ui import style
from estate_desk.ui.qt import QHBoxLayout, QLabel, QPushButton, QWidget, Signal

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.digitise.steps import Step
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.page_turns import TurnedScan
    from estate_desk.services.digitise.quality_check import RecordCheck
    from estate_desk.store.database import Database
    from estate_desk.ui.digitise.job_strip import JobStrip
    from estate_desk.ui.worker import TaskState


def check_job(db: Database, actor: Actor, batch_id: int, state: TaskState) -> tuple[list[RecordCheck], bool]:
    """The batch's quality check on the worker, pages upside down included when OCR is installed; cancelling
    keeps what was checked so far. Returns the checks and whether it was stopped."""

    def progress(done: int, total: int) -> bool:
        state.report(done, total)
        return not state.cancelled

    direction = quality_check.optional_direction_reader()
    return quality_check.check_batch(db, actor, batch_id, progress, direction=direction), state.cancelled


class TurnBar(QWidget):
    """Under the findings: whether pages upside down were looked for, and "Turn pages upright". ``turned``
    after the pages were turned (the batch is read again, and checked again)."""

    turned = Signal()

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        jobs: JobStrip,
        batch_of: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="turnBar")
        self._db, self._clock, self._actor, self._jobs, self._batch_of = db, clock, actor, jobs, batch_of
        self.found: dict[int, list[int]] = {}  # document id → its pages upside down, from the last check
        self.allowed = False  # the batch stands where pages may be turned, and nothing else runs
        self.note = QLabel(objectName="turnNote", wordWrap=True)
        self.turn_button = QPushButton(self.tr("Turn pages upright"), objectName="turnPages")
        self.turn_button.setToolTip(
            self.tr("Turn every page found upside down: a new version of each scan, the earlier kept")
        )
        self.turn_button.clicked.connect(self.run_turn)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(self.turn_button)
        self.show_checks([])

    def show_checks(self, checks: Sequence[RecordCheck]) -> None:
        """What the last check found (none: the bar is quiet)."""
        self.found = {
            c.document_id: pages
            for c in checks
            if (pages := [f.page for f in c.findings if f.flaw is Flaw.UPSIDE_DOWN and f.page is not None])
        }
        unchecked = any(not c.direction_checked and not _unscanned(c) for c in checks)
        if unchecked:
            self.note.setText(
                self.tr("Pages upside down: not checked — text recognition (OCR) is not installed on this PC.")
            )
            style.set_state(self.note, "warning")
        elif self.found:
            pages = sum(len(p) for p in self.found.values())
            self.note.setText(
                self.tr("{pages} page(s) upside down in {records} record(s).").format(
                    pages=pages, records=len(self.found)
                )
            )
            style.set_state(self.note, "warning")
        else:
            self.note.setText(self.tr("No page upside down.") if checks else "")
            style.set_state(self.note, "muted")
        self.turn_button.setEnabled(self.allowed and bool(self.found))

    def enable(self, step: Step | None, running: bool) -> None:
        """Pages are turned while the batch stands where the service allows it, and nothing else runs."""
        self.allowed = step in page_turns.TURN_STEPS and not running
        self.turn_button.setEnabled(self.allowed and bool(self.found))

    def run_turn(self) -> TaskState | None:
        batch_id = self._batch_of()
        if batch_id is None or not self.found:
            return None
        db, clock, actor, found = self._db, self._clock, self._actor, dict(self.found)

        def job(state: TaskState) -> list[TurnedScan]:
            return [page_turns.turn_pages(db, clock, actor, batch_id, d, pages) for d, pages in found.items()]

        def done(turned: list[TurnedScan]) -> None:
            self.found.clear()
            self.show_checks([])
            self.turned.emit()
            self._jobs.say(
                self.tr("{n} record(s): pages turned upright as a new version of the scan; checking again…").format(
                    n=len(turned)
                ),
                "ok",
            )

        return self._jobs.start(job, done, self.tr("Turning pages…"), busy=True)


def _unscanned(check: RecordCheck) -> bool:
    return any(f.flaw is Flaw.NOT_SCANNED for f in check.findings)
