"""The watched scan folder in the workbench (扫描收件夹): which folder this workstation watches (remembered in
``ui/prefs.py``), Watch / Stop, and what became of each stack, in the user's language.

About once a second the timer asks for one look at the folder (``services/digitise/watch.py``'s ``poll``) on
the window's one worker, never two at once: while a look (or an import it started) runs, the ticks pass.
When a look linked something, ``linked`` carries the import's result, so the page shows it and reads again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.services.digitise import watch
from estate_desk.ui import i18n, prefs, style
from estate_desk.ui.qt import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTimer, QWidget, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.watch import WatchEvent
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner, TaskState

TICK_MS = 1000


class WatchBar(QWidget):
    """The folder, Choose…, Watch/Stop and the last event; ``batch_of()`` names the batch the scans feed (None:
    the one batch at 扫描)."""

    linked = Signal(object)  # the ImportResult of a stack that linked or queued pages
    polled = Signal(list)  # the events of one look (possibly none): tests wait on it

    def __init__(
        self, db: Database, actor: Actor, runner: Runner, batch_of: Callable[[], int | None], parent: QWidget | None
    ) -> None:
        super().__init__(parent, objectName="watchBar")
        self._db, self._actor, self._runner, self._batch_of = db, actor, runner, batch_of
        self.watch: watch.Watch | None = None
        self.looking: TaskState | None = None  # the look on the worker, if one is queued or running
        self.folder = Path(prefs.watch_folder()) if prefs.watch_folder() else None
        self.folder_label = QLabel(objectName="watchFolder")
        self.choose_button = QPushButton(self.tr("Watched folder…"), objectName="chooseWatchFolder")
        self.choose_button.setToolTip(self.tr("The folder the scanner saves into (remembered on this computer)"))
        self.choose_button.clicked.connect(self.ask_folder)
        self.toggle = QPushButton(self.tr("Watch"), objectName="watchToggle", checkable=True)
        self.toggle.toggled.connect(self._toggled)
        self.event_line = QLabel(objectName="watchEvent", wordWrap=True)
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choose_button)
        row.addWidget(self.folder_label)
        row.addWidget(self.toggle)
        row.addWidget(self.event_line, 1)
        self._show_folder()

    def _show_folder(self) -> None:
        self.folder_label.setText(str(self.folder) if self.folder else self.tr("(no folder chosen)"))
        self.toggle.setEnabled(self.folder is not None)

    def ask_folder(self) -> None:
        start = str(self.folder or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the watched scan folder"), start)
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> None:
        """Watch ``folder`` from now on (remembered on this workstation); a running watch moves to it."""
        self.folder = folder
        prefs.set_watch_folder(str(folder))
        self._show_folder()
        if self.watch is not None:
            self.watch = watch.Watch(folder)

    def start(self) -> None:
        self.toggle.setChecked(True)

    def stop(self) -> None:
        self.toggle.setChecked(False)

    @property
    def watching(self) -> bool:
        return self.watch is not None

    def _toggled(self, on: bool) -> None:
        if on and self.folder is not None:
            self.watch = watch.Watch(self.folder)
            self.toggle.setText(self.tr("Stop watching"))
            self.say(self.tr("Watching {folder}: each stack is read once it has stopped growing.").format(
                folder=self.folder), "ok")  # fmt: skip
            self.timer.start()
            return
        self.timer.stop()
        self.watch = None
        self.toggle.setText(self.tr("Watch"))
        if not on:
            self.say(self.tr("Not watching."))

    def say(self, text: str, state: str = "") -> None:
        self.event_line.setText(text)
        style.set_state(self.event_line, state)

    def tick(self) -> TaskState | None:
        """One look at the folder on the worker, unless the last one has not come back yet."""
        current = self.watch
        if current is None or self.looking is not None:
            return None
        current.batch_id = self._batch_of()
        db, actor = self._db, self._actor
        self.looking = self._runner.submit(
            lambda state: watch.poll(db, actor, current),
            on_done=self._looked,
            on_failed=self._failed,
            on_cancelled=lambda: self._looked([]),
        )
        return self.looking

    def _looked(self, events: list[WatchEvent]) -> None:
        self.looking = None
        lang = i18n.lang_code()
        for event in events:
            state = {watch.Outcome.IMPORTED: "ok", watch.Outcome.ALREADY: "warning"}.get(event.outcome, "error")
            names = ", ".join(event.files)
            self.say(f"{names}: {event.message(lang)}", state)
            if event.result is not None and (event.result.linked or event.result.pending):
                self.linked.emit(event.result)
        self.polled.emit(events)

    def _failed(self, exc: BaseException) -> None:
        self.looking = None
        if not isinstance(exc, UserError):
            self.stop()
            raise exc  # the window's excepthook logs it and says something unexpected happened
        self.say(exc.message(i18n.lang_code()), "error")
        self.polled.emit([])
