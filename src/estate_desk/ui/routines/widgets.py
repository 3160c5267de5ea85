"""Small pieces the clerk's routine pages share: status colours (正常/待办/逾期), a message line, dialog buttons.

Due is amber, overdue is red and OK is muted, everywhere: on the today page's cards, in the
inspection, census and arrears lists, and in their status lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.ui import i18n
from estate_desk.ui.qt import QColor, QDialog, QDialogButtonBox, QLabel, QSizePolicy, Qt, QWidget
from estate_desk.ui.widgets import short_message

if TYPE_CHECKING:
    from estate_desk.domain.errors import UserError

# per status: (background, text, border)
STATUS_COLOURS = {
    RoutineStatus.OK: ("#f4f4f4", "#6b6b6b", "#bdbdbd"),
    RoutineStatus.DUE: ("#fff4d6", "#8a5300", "#f0a500"),
    RoutineStatus.OVERDUE: ("#fde7e9", "#b00020", "#d32f2f"),
}
ERROR_STYLE = "color: #b00020"
WARNING_STYLE = "color: #8a5300"
DONE_STYLE = "color: #1b5e20"


def status_foreground(status: RoutineStatus) -> QColor:
    return QColor(STATUS_COLOURS[status][1])


def status_background(status: RoutineStatus) -> QColor:
    return QColor(STATUS_COLOURS[status][0])


def status_style(status: RoutineStatus) -> str:
    """A label's style sheet for a status line in that status's colours."""
    background, text, border = STATUS_COLOURS[status]
    return f"QLabel {{ background: {background}; color: {text}; border-left: 5px solid {border}; padding: 6px 10px; }}"


def status_label(name: str) -> QLabel:
    """A wrapped status line that keeps its full height above a stretching list."""
    label = QLabel(objectName=name, wordWrap=True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class StatusBadge(QLabel):
    """A rounded badge saying where a routine stands (正常 / 待办 / 逾期), optionally with a count."""

    def __init__(self, name: str = "statusBadge", parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.status: RoutineStatus | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_status(self, status: RoutineStatus, count: int | None = None) -> None:
        self.status = status
        background, text, border = STATUS_COLOURS[status]
        label = status.label(i18n.lang_code())
        self.setText(label if count is None else f"{label} · {count}")
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text}; border: 1px solid {border};"
            " border-radius: 9px; padding: 1px 10px; }"
        )


class MessageLine(QLabel):
    """One line under a form or a list: what just happened, or why it was refused."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name, wordWrap=True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def problem(self, exc: UserError, *, full: bool = False) -> None:
        """A refusal in the user's language; ``full`` adds the place and the rule."""
        self._say(exc.message(i18n.lang_code()) if full else short_message(exc), ERROR_STYLE)

    def error(self, text: str) -> None:
        self._say(text, ERROR_STYLE)

    def warning(self, text: str) -> None:
        self._say(text, WARNING_STYLE)

    def done(self, text: str) -> None:
        self._say(text, DONE_STYLE)

    def clear(self) -> None:
        self.setText("")
        self.hide()

    def _say(self, text: str, style: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.setVisible(bool(text))


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel; OK runs the dialog's ``accept``, which calls the service."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, objectName="dialogButtons"
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def lang() -> str:
    """Which side of a bilingual domain label to show: "zh" or "en"."""
    return i18n.lang_code()
