"""Fonts for the window: the bundled bold Noto Sans SC, registered at start; SimHei where chosen."""

from __future__ import annotations

import logging

from estate_desk.resources import resource_path
from estate_desk.ui.qt import QFont, QFontDatabase

log = logging.getLogger(__name__)
BUNDLED_FONT = "NotoSansSC-Bold.ttf"


def register_bundled_fonts() -> list[str]:
    """Add the bundled font(s) to Qt's database; returns the family names found."""
    families: list[str] = []
    folder = resource_path("fonts")
    for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def hei_family(prefer_simhei: bool = False) -> str | None:
    """The Hei face for headings: SimHei (黑体) where installed and chosen, else the bundled one."""
    available = set(QFontDatabase.families())
    if prefer_simhei:
        for name in ("SimHei", "黑体"):
            if name in available:
                return name
    for name in ("Noto Sans SC", "Noto Sans SC Bold"):
        if name in available:
            return name
    return None


def ui_font() -> QFont:
    """The application font: the system's CJK face if it has one, else the bundled face."""
    font = QFont()
    available = set(QFontDatabase.families())
    for name in ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        if name in available:
            font.setFamilies([name])
            return font
    family = hei_family()
    if family:
        font.setFamilies([family])
    return font
