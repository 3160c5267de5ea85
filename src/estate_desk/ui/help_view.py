"""Help → 使用说明 (F1): the short illustrated user guide, in the language in force.

The guide is Markdown under ``resources/help`` (``guide.zh_CN.md``, ``guide.en.md``) with its
screenshots beside it (``today.zh_CN.png`` …, made by ``tools/help_screenshots.py``). The browser
reads the file as its source, so the pictures' relative names resolve in the source tree, the
wheel and the frozen bundle alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.resources import resource_path
from estate_desk.ui import i18n
from estate_desk.ui.qt import QDialog, QTextBrowser, QTextDocument, QUrl, QVBoxLayout

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.ui.qt import QWidget

GUIDE_LANGUAGES = {"zh": "zh_CN", "en": "en"}  # i18n.lang_code() → the guide's file suffix


def guide_path(lang_code: str) -> Path:
    """The guide in ``lang_code`` ("zh" or "en"), as ``i18n.lang_code()`` names it."""
    return resource_path("help", f"guide.{GUIDE_LANGUAGES[lang_code]}.md")


class GuideWindow(QDialog):
    """The user guide beside the main window, not modal: the clerk reads it while working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="userGuideWindow")
        self.setWindowTitle(self.tr("User guide"))
        self.setModal(False)
        self.resize(1080, 820)
        self.browser = QTextBrowser(objectName="userGuide")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.show_guide(i18n.lang_code())

    def show_guide(self, lang_code: str) -> None:
        path = guide_path(lang_code)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)


def open_guide(parent: QWidget) -> GuideWindow:
    """Show the guide (the one already open, brought to the front, or a new one)."""
    window = parent.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
