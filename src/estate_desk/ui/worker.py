"""Long jobs off the UI thread (后台任务): one worker, results handed back to the main thread.

Like Anki's ``aqt/operations``: every job runs on a single worker thread (so the archive has
one writer at a time) and its success or failure comes back to the main thread as a signal.
A job reports progress and can be cancelled through its :class:`TaskState` (Orange's
``TaskState``). :func:`run_job` — what the worker does with a job — is a plain function,
tested without threads.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from estate_desk.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskState:
    """A running job's progress and its cancel flag, shared by the worker and the window."""

    def __init__(self, on_progress: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self.done = 0
        self.total = 0

    def cancel(self) -> None:
        """Ask the job to stop; it stops at its next check and keeps nothing."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_cancelled(self) -> bool:
        """For services' ``cancel=`` callbacks."""
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """For services' ``progress=`` callbacks: ``done`` of ``total`` (bytes, rows, labels …)."""
        self.done, self.total = done, total
        if self._on_progress is not None:
            self._on_progress(done, total)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How a job ended: its value, the error it raised, or cancelled (asked to stop, then raised)."""

    value: T | None = None
    error: BaseException | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


def run_job(job: Callable[[TaskState], T], state: TaskState) -> Outcome[T]:
    """Run one job and say how it ended; never raises (the worker must survive every job)."""
    if state.cancelled:
        return Outcome(cancelled=True)
    try:
        value = job(state)
    except Exception as exc:
        if state.cancelled:
            return Outcome(error=exc, cancelled=True)
        return Outcome(error=exc)
    return Outcome(value=value)


@dataclass
class _Ticket:
    state: TaskState
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None
    on_progress: Callable[[int, int], None] | None


class Runner(QObject):
    """The window's one worker: ``submit`` a job, get its outcome back on the main thread.

    ``finished`` is emitted (on the main thread) after a job's callbacks ran; tests wait on it.
    """

    finished = Signal(object)  # the Outcome
    _handback = Signal(object, object)  # (ticket, outcome), emitted from the worker thread
    _progress = Signal(object, int, int)  # (ticket, done, total), emitted from the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None
        self._running: list[TaskState] = []
        self._handback.connect(self._deliver)
        self._progress.connect(self._deliver_progress)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(
        self,
        job: Callable[[TaskState], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskState:
        """Queue ``job(state)`` on the worker; the callbacks run later on the main thread."""
        ticket = _Ticket(TaskState(), on_done, on_failed, on_cancelled, on_progress)
        ticket.state._on_progress = lambda done, total: self._progress.emit(ticket, done, total)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="estate-desk-worker")
        self._running.append(ticket.state)
        self._executor.submit(self._work, job, ticket)
        return ticket.state

    def _work(self, job: Callable[[TaskState], Any], ticket: _Ticket) -> None:  # on the worker thread
        self._handback.emit(ticket, run_job(job, ticket.state))

    def _deliver_progress(self, ticket: _Ticket, done: int, total: int) -> None:
        if ticket.on_progress is not None and not ticket.state.cancelled:
            ticket.on_progress(done, total)

    def _deliver(self, ticket: _Ticket, outcome: Outcome[Any]) -> None:
        if ticket.state in self._running:
            self._running.remove(ticket.state)
        try:
            if outcome.cancelled:
                if ticket.on_cancelled is not None:
                    ticket.on_cancelled()
            elif outcome.error is not None:
                if ticket.on_failed is not None:
                    ticket.on_failed(outcome.error)
                else:
                    log.error("background job failed", exc_info=outcome.error)
            elif ticket.on_done is not None:
                ticket.on_done(outcome.value)
        finally:
            self.finished.emit(outcome)

    def shutdown(self) -> None:
        """Stop the worker: running jobs are asked to cancel, then waited for (at window close)."""
        executor, self._executor = self._executor, None
        for state in self._running:
            state.cancel()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
