"""Tooltips for toolbar actions: what the action does, then the keys that do it.

The keys are read from the action itself, so a tooltip never names a shortcut the action lacks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui.qt import QCoreApplication, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Mapping

    from estate_desk.ui.qt import QAction


def explain(action: QAction, what: str, keys: str = "") -> None:
    """``what`` the action does, followed by its shortcut (or ``keys``, for one handled elsewhere)."""
    keys = keys or action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if keys:  # "Postpone a promise … (F2)", in Chinese "…（F2）"
        what = QCoreApplication.translate("Tooltips", "{what} ({keys})").format(what=what, keys=keys)
    action.setToolTip(what)


def explain_all(actions: Mapping[str, QAction], tips: Mapping[str, str]) -> None:
    """One tooltip per action, by the key the section files its actions under."""
    for key, what in tips.items():
        explain(actions[key], what)
