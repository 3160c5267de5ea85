"""Small pieces the front desk's screens share: the clocks' colours, times in the office's zone,
"how the owner was told", and the board's sound preference.

The colours follow the state the rules computed (:class:`~estate_desk.domain.desk.countdown.CountdownState`):
green while in time, amber near the end, red once breached. The widgets never decide a state.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.desk.countdown import CountdownState
from estate_desk.domain.desk.terms import NotifyMethod
from estate_desk.ui import prefs, style
from estate_desk.ui.qt import QColor, QComboBox, QDate, QDateTime, QDateTimeEdit, QTime, QTimeZone
from estate_desk.ui.widgets import lang

if TYPE_CHECKING:
    from estate_desk.domain.desk.countdown import Countdown

# per state: (background, text)
CLOCK_COLOURS = {
    CountdownState.GREEN: (style.PALETTE["ok_light"], style.PALETTE["ok"]),
    CountdownState.AMBER: (style.PALETTE["amber"], style.PALETTE["amber_text"]),
    CountdownState.RED: (style.PALETTE["overdue"], style.PALETTE["overdue_text"]),
}
STOPPED_MARK = "✓ "
"""Before a clock that has stopped (someone arrived, the work is done): its final time, not a countdown."""

SOUND_PREF = "desk_sound_on_red"
OFFICE_ZONE = QTimeZone(8 * 3600)  # China Standard Time, as CHINA_TZ


def clock_background(state: CountdownState) -> QColor:
    return QColor(CLOCK_COLOURS[state][0])


def clock_foreground(state: CountdownState) -> QColor:
    return QColor(CLOCK_COLOURS[state][1])


def clock_style(state: CountdownState) -> str:
    """A label's style sheet in a clock's colours (the detail dialog's two clocks)."""
    background, text = CLOCK_COLOURS[state]
    return f"QLabel {{ background: {background}; color: {text}; border-radius: 4px; padding: 2px 8px; font-weight: bold; }}"


def clock_text(countdown: Countdown | None, language: str) -> str:
    """What a clock's cell shows: the rules' text, marked when the clock has stopped."""
    if countdown is None:
        return ""
    return (STOPPED_MARK if countdown.stopped else "") + countdown.text(language)


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone(CHINA_TZ)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), OFFICE_ZONE)


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), CHINA_TZ)


def datetime_edit(name: str, moment: datetime) -> QDateTimeEdit:
    """A date-and-time field in the office's time zone, to the minute, with a calendar."""
    edit = QDateTimeEdit(objectName=name, calendarPopup=True)
    edit.setTimeZone(OFFICE_ZONE)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setDateTime(to_qdatetime(moment))
    return edit


def notify_combo(name: str) -> QComboBox:
    """How the owner was told (电话告知、当面告知 …)."""
    combo = QComboBox(objectName=name)
    for method in (NotifyMethod.PHONE, NotifyMethod.IN_PERSON, NotifyMethod.WECHAT, NotifyMethod.SMS):
        combo.addItem(method.label(lang()), method.value)
    return combo


def chosen_method(combo: QComboBox) -> NotifyMethod:
    return NotifyMethod(str(combo.currentData()))


def sound_on_red() -> bool:
    """Whether this workstation beeps when a clock turns red (off unless chosen)."""
    return bool(prefs.load().get(SOUND_PREF, False))


def set_sound_on_red(value: bool) -> None:
    values = prefs.load()
    values[SOUND_PREF] = bool(value)
    prefs.save(values)
