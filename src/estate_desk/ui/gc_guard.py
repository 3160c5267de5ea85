"""Python's garbage collector runs only on the main (GUI) thread.

Automatic collection can start on whichever thread happens to allocate — the database worker
too — and finalising Qt wrappers there (widgets, QPdfDocuments of closed previews) crashes the
process. So automatic collection is switched off and a timer on the main thread collects when
the allocation counters say it is time, as PyQt/PySide applications with worker threads do.
"""

from __future__ import annotations

import gc

from estate_desk.ui.qt import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose counters passed their thresholds (what gc would have done)."""
        counts = gc.get_count()
        if counts[0] <= self.threshold[0]:
            return
        generation = 0
        if counts[1] > self.threshold[1]:
            generation = 2 if counts[2] > self.threshold[2] else 1
        gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
