"""The barcode scanner (扫码枪): a USB scanner "types" a code very fast and ends it with Enter.

:class:`ScanListener` is an application-level event filter. It watches key presses going to
the widgets of one window, wherever the focus is, and recognises a burst: at least
``min_length`` printable characters, each within ``max_gap_ms`` of the previous one, ended by
Return/Enter as fast. Then it takes back what the burst typed into a line edit (so the code
does not stay in, say, the search field), swallows the Enter and emits :attr:`scanned`.
A person typing is far slower than 50 ms a key, so their typing passes untouched.

The time source is injected (a callable returning monotonic milliseconds), so tests drive
the listener with fake times and never sleep.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.ui.qt import (
    QComboBox,
    QEvent,
    QKeyEvent,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    Qt,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from collections.abc import Callable

MAX_GAP_MS = 50.0
MIN_LENGTH = 4
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _Snapshot:
    """What an editable field held before a burst began, to put back when the burst was a scan."""

    widget: QWidget
    text: str
    cursor: int


def _editor(widget: QWidget) -> QLineEdit | QPlainTextEdit | None:
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QPlainTextEdit):
        return widget
    return None


def _snapshot(widget: QWidget) -> _Snapshot | None:
    editor = _editor(widget)
    if isinstance(editor, QLineEdit):
        return _Snapshot(editor, editor.text(), editor.cursorPosition())
    if isinstance(editor, QPlainTextEdit):
        return _Snapshot(editor, editor.toPlainText(), editor.textCursor().position())
    return None


def _restore(snap: _Snapshot) -> None:
    editor = snap.widget
    if isinstance(editor, QLineEdit):
        if editor.text() != snap.text:
            editor.setText(snap.text)
        editor.setCursorPosition(snap.cursor)
    elif isinstance(editor, QPlainTextEdit) and editor.toPlainText() != snap.text:
        editor.setPlainText(snap.text)
        cursor = editor.textCursor()
        cursor.setPosition(min(snap.cursor, len(snap.text)))
        editor.setTextCursor(cursor)


class ScanListener(QObject):
    """Recognises scanner bursts typed into ``window`` (install with ``QApplication.installEventFilter``)."""

    scanned = Signal(str)

    def __init__(
        self,
        window: QWidget,
        now_ms: Callable[[], float] = monotonic_ms,
        *,
        max_gap_ms: float = MAX_GAP_MS,
        min_length: int = MIN_LENGTH,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._now = now_ms
        self._max_gap = max_gap_ms
        self._min_length = min_length
        self._chars: list[str] = []
        self._last = 0.0
        self._receiver: QWidget | None = None
        self._snapshot: _Snapshot | None = None

    def reset(self) -> None:
        self._chars.clear()
        self._receiver = None
        self._snapshot = None

    def _propagated(self, widget: QWidget) -> bool:
        """True when this is the same key press travelling up to a parent (Qt calls filters again)."""
        receiver = self._receiver
        return receiver is not None and widget is not receiver and widget.isAncestorOf(receiver)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window or not isinstance(event, QKeyEvent):
            return False
        if self._propagated(watched):
            return False
        return self._key(watched, event)

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        now = self._now()
        fast = bool(self._chars) and now - self._last <= self._max_gap
        if event.key() in _ENTER:
            if fast and len(self._chars) >= self._min_length:
                code = "".join(self._chars)
                if self._snapshot is not None:
                    _restore(self._snapshot)
                self.reset()
                self.scanned.emit(code)
                return True  # the Enter belongs to the scanner, not to the field or the dialog
            self.reset()
            return False
        text = event.text()
        printable = len(text) == 1 and text.isprintable() and not text.isspace()
        if event.isAutoRepeat() or not printable or event.modifiers() & _COMMAND_MODIFIERS:
            self.reset()
            return False
        if not fast:  # a new burst may begin here: remember the field as it was before it
            self.reset()
            self._snapshot = _snapshot(widget)
        self._chars.append(text)
        self._last = now
        self._receiver = widget
        return False
