"""Garbage is collected on the main thread only, so a worker never finalises Qt objects."""

from __future__ import annotations

import gc
import weakref

from estate_desk.ui.gc_guard import MainThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_turns_automatic_collection_off_and_collects_on_its_timer(qtbot) -> None:  # type: ignore[no-untyped-def]
    gc.enable()
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled() and collector.timer.isActive()
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        del garbage
        for _ in range(collector.threshold[0] + 1):  # allocations past the first threshold
            _Cycle()
        assert gone() is not None  # nothing collects it behind the main thread's back
        collector.check()
        assert gone() is None
    finally:
        collector.stop()
    assert gc.isenabled() and not collector.timer.isActive()
