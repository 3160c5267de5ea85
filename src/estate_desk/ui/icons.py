"""Icons (图标) for the sections, the toolbars and the main actions, in one place.

They are drawn from the Material Design Icons font that qtawesome (Spyder's icon library, MIT) ships
inside its wheel, so nothing is fetched at run time and the installer carries them like any package
data; the licences are in ``resources/licences/icons.txt``. Every icon is named here by what it
means to the office ("register", "postpone"), not by its glyph, so one meaning has one picture
everywhere and a glyph is changed in one line. An icon takes the colour of the text it stands beside
(the palette's window text), and a paler one when its action is disabled.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from estate_desk.ui import style
from estate_desk.ui.qt import QIcon, QSize, qtawesome

if TYPE_CHECKING:
    from collections.abc import Mapping

    from estate_desk.ui.qt import QAction, QListWidget

log = logging.getLogger(__name__)

ICON_SIZE = 20  # the sections' icons; toolbars keep the style's size

GLYPHS: dict[str, str] = {
    # sections (the list on the left)
    "first_steps": "flag-checkered",
    "archive": "archive-outline",
    "desk": "face-agent",
    "printing": "printer-outline",
    "admin": "shield-account-outline",
    "today": "calendar-today",
    "routines": "clipboard-check-outline",
    "loans": "book-open-page-variant-outline",
    "disposal": "delete-clock-outline",
    "digitise": "scanner",
    # the archive's toolbar
    "register": "file-document-plus-outline",
    "edit": "file-document-edit-outline",
    "attach": "paperclip",
    "file": "folder-arrow-right-outline",
    "box": "archive-arrow-down-outline",
    "place": "file-cabinet",
    "refresh": "refresh",
    # the front desk's board
    "new": "plus-circle-outline",
    "detail": "open-in-new",
    "handler": "account-hard-hat",
    "arrived": "map-marker-check-outline",
    "explain": "timer-alert-outline",
    "postpone": "calendar-clock",
    "note": "note-edit-outline",
    "complete": "check-circle-outline",
    "visit": "phone-return-outline",
    "on_call": "phone-in-talk-outline",
    "full_screen": "fullscreen",
    "sound": "volume-high",
    # accounts
    "add": "account-plus-outline",
    "reset": "lock-reset",
    "clearance": "shield-key-outline",
    "disable": "account-cancel-outline",
    "enable": "account-check-outline",
    "password": "key-variant",
    "sign_out": "logout",
    # everywhere
    "search": "magnify",
    "export": "microsoft-excel",
    "import": "file-import-outline",
    "print": "printer-outline",
    "pdf": "file-pdf-box",
    "preview": "eye-outline",
    "backup": "database-export-outline",
    "restore": "database-import-outline",
    "verify": "database-check-outline",
    "help": "help-circle-outline",
    "about": "information-outline",
    "quit": "exit-to-app",
    "language": "translate",
    "void": "cancel",
    "approve": "check-decagram-outline",
    "reject": "close-octagon-outline",
    "lend": "book-arrow-right-outline",
    "return": "book-arrow-left-outline",
    "owners": "account-group-outline",
    "rooms": "home-city-outline",
    "scan": "barcode-scan",
    "lock": "lock-outline",
    "save": "content-save-outline",
}


@cache
def icon(name: str) -> QIcon:
    """The icon that means ``name``; an empty icon (and a log line) for a name not in :data:`GLYPHS`."""
    glyph = GLYPHS.get(name)
    if glyph is None:
        log.warning("no icon is named %r", name)
        return QIcon()
    return qtawesome.icon(
        f"mdi6.{glyph}",
        color=style.colour("text"),
        color_active=style.colour("text"),
        color_selected="white",  # on the chosen section's blue
        color_disabled=style.colour("muted"),
    )


def decorate(actions: Mapping[str, QAction], names: Mapping[str, str] | None = None) -> None:
    """Give each action the icon of its key (or of ``names[key]``), where there is one."""
    for key, action in actions.items():
        name = (names or {}).get(key, key)
        if name in GLYPHS:
            action.setIcon(icon(name))


def fit_sections(nav: QListWidget, least: int = 150) -> None:
    """Make the list of sections as wide as its longest name with its icon, so "Disposal"
    fits as well as "鉴定销毁"."""
    nav.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
    metrics = nav.fontMetrics()
    widest = max((metrics.horizontalAdvance(nav.item(n).text()) for n in range(nav.count())), default=0)
    width = max(least, widest + ICON_SIZE + 40)  # the icon, its gap, the item's padding
    nav.setFixedWidth(width)
    nav.setSpacing(1)
    for n in range(nav.count()):  # one height for all, the chosen one included
        nav.item(n).setSizeHint(QSize(width - 8, ICON_SIZE + 14))
