"""Qt translations: ``resources/translations/estate_desk_<lang>.qm`` built from the ``.ts`` sources."""

from __future__ import annotations

import logging

from estate_desk.resources import resource_path
from estate_desk.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = "zh_CN"


def current_language() -> str:
    return _current


def lang_code() -> str:
    """ "zh" or "en", for choosing a side of a bilingual domain message."""
    return "zh" if _current.startswith("zh") else "en"


def install(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for ``lang``; True when Estate Desk's own translation was found."""
    global _current
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current = lang
    if lang == "en":
        return True  # the source strings are English
    ours = QTranslator(app)
    found = ours.load(str(resource_path("translations", f"estate_desk_{lang}.qm")))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found", lang)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return found
