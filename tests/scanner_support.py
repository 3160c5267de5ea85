"""What tests of the barcode scanner share (not a test module): a fake millisecond clock and typing as a scanner does.

A scanner is told from a person by the time between keys. The window takes that time from ``now_ms``;
these tests give it :class:`FakeMs`, which moves a fixed step on every reading, so nothing sleeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui.qt import QApplication, QEvent, QKeyEvent, Qt

if TYPE_CHECKING:
    from estate_desk.ui.qt import QWidget


class FakeMs:
    """A monotonic millisecond clock that moves ``step`` on every reading: 8 ms is a scanner, 150 ms a person."""

    def __init__(self, step: float = 8.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key presses as a scanner sends them; QTest cannot type non-ASCII (the · of an archive number), so raw events."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
