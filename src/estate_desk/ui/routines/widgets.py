"""Small pieces the clerk's routine pages share: status colours (正常/待办/逾期), a message line, dialog buttons.

Due is amber, overdue is red and OK is muted, everywhere: on the today page's cards, in the
inspection, census and arrears lists, and in their status lines.
"""

from __future__ import annotations

from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import QColor, QLabel, QSizePolicy, Qt, QWidget

# per status: (background, text, border)
STATUS_COLOURS = {
    RoutineStatus.OK: (style.PALETTE["panel"], style.PALETTE["quiet_text"], style.PALETTE["quiet_border"]),
    RoutineStatus.DUE: (style.PALETTE["warning_light"], style.PALETTE["warning"], style.PALETTE["warning_strong"]),
    RoutineStatus.OVERDUE: (style.PALETTE["error_light"], style.PALETTE["error"], style.PALETTE["overdue"]),
}


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
