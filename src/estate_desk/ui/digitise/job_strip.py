"""The line under a batch's page: what happened last, and while a job runs on the worker its progress bar
and Cancel (Esc). A refusal from a service is said here in the user's language, never as a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import QAction, QHBoxLayout, QKeySequence, QLabel, QProgressBar, QPushButton, Qt, QWidget, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.ui.worker import Runner, TaskState

PROGRESS_STEPS = 1000


class JobStrip(QWidget):
    """The message line, the progress bar and Cancel; ``running`` tells the page to enable its actions.
    The page adds ``cancel_action`` to itself, so that Esc cancels wherever the focus is in it."""

    running = Signal(bool)
    job_ended = Signal(str)  # "done", "failed" or "cancelled": tests wait on it

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="jobStrip")
        self._runner = runner
        self.task: TaskState | None = None
        self.message = QLabel(objectName="batchMessage", wordWrap=True)
        self.progress = QProgressBar(objectName="digitiseProgress", maximum=PROGRESS_STEPS, textVisible=False)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelJob")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_action = QAction(self.tr("Cancel"), self, objectName="cancelJobAction")
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))  # wherever the focus is in the page
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_action.triggered.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        self._show_running(False)

    def say(self, text: str, state: str = "") -> None:
        self.message.setText(text)
        style.set_state(self.message, state)

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setValue(0)
        else:
            self.progress.setMaximum(PROGRESS_STEPS)
        self.running.emit(running)

    def start(
        self, job: Callable[[TaskState], Any], done: Callable[[Any], None], what: str, *, busy: bool = False
    ) -> TaskState:
        """Run ``job`` on the worker; ``done(value)`` on the main thread. ``busy``: the job reports no
        progress, so the bar only says it is working."""
        self.say(what)
        self.task = self._runner.submit(
            job,
            on_done=lambda value: self._ended("done", lambda: done(value)),
            on_failed=lambda exc: self._ended("failed", lambda: self._failed(exc)),
            on_cancelled=lambda: self._ended("cancelled", lambda: self.say(self.tr("Cancelled."))),
            on_progress=lambda n, total: self.progress.setValue(int(PROGRESS_STEPS * n / max(1, total))),
        )
        self._show_running(True)
        if busy:
            self.progress.setMaximum(0)
        return self.task

    def _ended(self, how: str, then: Callable[[], None]) -> None:
        self.task = None
        self._show_running(False)
        try:
            then()
        finally:
            self.job_ended.emit(how)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # the window's excepthook logs it and says something unexpected happened
        self.say(exc.message(i18n.lang_code()), "error")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
