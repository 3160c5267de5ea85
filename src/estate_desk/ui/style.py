"""The look in one place (样式): the colours of state, the type sizes and the spacing.

:data:`PALETTE` names every colour the window uses for a state — a refusal, a warning, done, a void
record, an overdue promise, each grade of secrecy, the dual-track badge — and
``resources/styles/estate-desk.qss`` is the one stylesheet, written with those names (``{error}``)
and filled from the palette when the application starts (:func:`apply`). Widgets don't write colours
or sizes of their own: a label says what state it is in (:func:`set_state`) or what role it plays
(:func:`set_role`), and the stylesheet decides how that looks; item models ask :func:`colour` for the
brush of a cell.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from estate_desk import resources
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.ui.qt import QColor, QFont

if TYPE_CHECKING:
    from estate_desk.ui.qt import QApplication, QWidget

log = logging.getLogger(__name__)

PALETTE: dict[str, str] = {
    "text": "#37474f",  # icons and quiet text
    "muted": "#8a8a8a",  # what is there but not the point: hints, disabled icons, dropped rows
    "accent": "#1565c0",  # the chosen section, links, bars of the figures
    "accent_light": "#e3f2fd",
    "rule": "#dddddd",  # hairlines between parts of a page
    "panel": "#f4f4f4",  # a quiet background: empty shelves, headers
    "error": "#b00020",  # a refusal, something overdue or lost
    "error_light": "#fde7e9",
    "warning": "#8a5300",  # needs attention soon
    "warning_light": "#fff4d6",
    "warning_strong": "#f0a500",
    "ok": "#1b5e20",  # done, kept, passed
    "ok_light": "#c8e6c9",
    "void": "#c00000",  # 作废 and 已销毁 (A16, A17)
    "overdue": "#d32f2f",  # a promise past its deadline (F1–F3)
    "overdue_text": "#ffffff",
    "amber": "#ffd54f",  # a promise running out (F1–F3)
    "amber_text": "#5d3a00",
    "quiet_border": "#bdbdbd",
    "quiet_text": "#6b6b6b",
    "banner": "#263238",  # the desk's dark banner
    "banner_text": "#ffffff",
    "panel_blue": "#eceff1",  # the on-call panel
    "ink": "#212121",  # text drawn by hand (the figures' numbers)
    "signature_ink": "#0d1b4c",  # the owner's signature (F5)
    "guide": "#9e9e9e",  # the signature pad's base line
    "bar": "#1e88e5",  # the figures' bars
    "card": "#ffffff",
    # the dual-track badge (A5): paper and digital, paper only, digital only, neither
    "track_both": "#c8e6c9",
    "track_both_text": "#1b5e20",
    "track_paper": "#ffe0b2",
    "track_paper_text": "#8a4b00",
    "track_digital": "#bbdefb",
    "track_digital_text": "#0d47a1",
    "track_neither": "#e0e0e0",
    "track_neither_text": "#424242",
    # the grades (A6): quiet for what anyone may see, warmer as the grade rises
    "grade_public": "#37474f",
    "grade_internal": "#37474f",
    "grade_secret": "#8a5300",
    "grade_confidential": "#bf360c",
    "grade_top_secret": "#b00020",
}

CATEGORY_TINTS = ("#e3f2fd", "#fff3e0", "#e8f5e9", "#fce4ec", "#ede7f6", "#e0f7fa", "#f9fbe7")
"""The seven categories' tints on the cabinet's shelves (A1), in the categories' order."""

# type sizes: the stylesheet uses them by name
SIZES: dict[str, str] = {"title_size": "16pt", "heading_size": "14pt", "banner_size": "12pt", "key_size": "16px"}

_GRADE_NAMES = {
    Grade.PUBLIC: "grade_public",
    Grade.INTERNAL: "grade_internal",
    Grade.SECRET: "grade_secret",
    Grade.CONFIDENTIAL: "grade_confidential",
    Grade.TOP_SECRET: "grade_top_secret",
}

STATES = ("error", "warning", "ok", "muted", "void", "alert", "caution")
"""What a label may say it is (:func:`set_state`); "" is the plain state. "alert" and "caution" are
"error" and "warning" said in bold, for a flag that must not be missed."""

ROLES = ("title", "heading", "banner", "mark", "key")
"""What part a label plays on its page (:func:`set_role`)."""


def colour(name: str) -> QColor:
    """The palette's colour called ``name``."""
    return QColor(PALETTE[name])


def grade_colour(grade: int) -> QColor:
    """The colour a grade's name is written in (A6): warmer as the grade rises."""
    try:
        return colour(_GRADE_NAMES[Grade(grade)])
    except ValueError:
        return colour("text")


def grade_font(grade: int, base: QFont | None = None) -> QFont | None:
    """Bold for 机密 and above, so the most secret records stand out in a list; None otherwise."""
    if grade < Grade.CONFIDENTIAL:
        return None
    font = QFont(base) if base is not None else QFont()
    font.setBold(True)
    return font


def stylesheet() -> str:
    """The one stylesheet, its ``{names}`` filled from :data:`PALETTE` and :data:`SIZES`."""
    text = resources.resource_path("styles", "estate-desk.qss").read_text(encoding="utf-8")
    return text.format(**PALETTE, **SIZES)


def apply(app: QApplication) -> None:
    """Give the application the stylesheet; without it (a damaged install) the window still works."""
    try:
        app.setStyleSheet(stylesheet())
    except (OSError, KeyError, IndexError, ValueError, TypeError):
        log.exception("the stylesheet could not be read; the window keeps Qt's own look")


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_state(widget: QWidget, state: str = "") -> None:
    """Say what state a label is in ("error", "warning", "ok", "muted", "void", or "" for plain)."""
    if state and state not in STATES:
        raise ValueError(f"no such state: {state!r}")
    if widget.property("state") != state:
        widget.setProperty("state", state)
        _repolish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Say what part a label plays: "title" of a page, "heading" of a panel, a "banner", a "mark"."""
    if role not in ROLES:
        raise ValueError(f"no such role: {role!r}")
    widget.setProperty("role", role)
    _repolish(widget)
