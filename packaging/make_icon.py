"""Draw the application icon (应用图标) ``resources/icons/estate-desk.png`` with Qt, and an ``.ico`` with Pillow.

The PNG is kept in the repository (the window sets it as its icon); run this again only to redraw it:
``python packaging/make_icon.py``. ``build.py`` calls :func:`make_ico` for the Windows installer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PNG = ROOT / "resources" / "icons" / "estate-desk.png"


def draw_png(target: Path = PNG, size: int = 256) -> Path:
    """A dark-teal rounded square with a white archive box and the character 档."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    family = "Sans"
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "NotoSansSC-Bold.ttf"))
    if font_id >= 0:
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5f6b"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(48 * s, 56 * s, 160 * s, 150 * s), 14 * s, 14 * s)
    p.setPen(QPen(QColor("#1f5f6b"), 6 * s))
    p.drawLine(int(48 * s), int(92 * s), int(208 * s), int(92 * s))
    p.setPen(QColor("#1f5f6b"))
    font = QFont(family)
    font.setPixelSize(int(96 * s))
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(48 * s, 92 * s, 160 * s, 114 * s), Qt.AlignmentFlag.AlignCenter, "档")
    p.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(target), "PNG")
    return target


def make_ico(target: Path, source: Path = PNG) -> Path | None:
    """The Windows icon (16–256 px) from the PNG; None when Pillow is not installed."""
    try:
        from PIL import Image
    except ImportError:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as im:
        im.save(target, format="ICO", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    return target


if __name__ == "__main__":
    print(draw_png())
