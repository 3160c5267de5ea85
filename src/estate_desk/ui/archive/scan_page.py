"""One page of a scan, opened from a search hit inside it: the page with the lines holding the words marked.

The page and the boxes come from ``services/archive/scan_search.page_view`` (through the attachments'
own door: within clearance, a sealed scan decrypted in memory); the marks are drawn over the image as
translucent yellow, as a highlighter would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui.qt import (
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QImage,
    QLabel,
    QPainter,
    QPen,
    QPixmap,
    QPointF,
    QPolygonF,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from estate_desk.services.archive.scan_search import PageView

MARK = QColor(255, 214, 0, 110)
EDGE = QColor(230, 150, 0)


def marked_pixmap(view: PageView) -> QPixmap:
    """The page's image with every mark painted over it."""
    image = QImage.fromData(view.png, "PNG")
    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(EDGE, 2))
    painter.setBrush(QBrush(MARK))
    for quad in view.marks:
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in quad]))
    painter.end()
    return pixmap


class ScanPageDialog(QDialog):
    """The page a search hit found, its words marked; see the module docstring."""

    def __init__(self, view: PageView, words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="scanPageDialog")
        self.view = view
        self.setWindowTitle(
            self.tr("{number}, page {page}: “{words}”").format(number=view.archive_no, page=view.page, words=words)
        )
        self.page = QLabel(objectName="scanPageImage")
        self.page.setPixmap(marked_pixmap(view))
        scroll = QScrollArea()
        scroll.setWidget(self.page)
        self.found = QLabel(
            self.tr("{n} line(s) marked.").format(n=len(view.marks))
            if view.marks
            else self.tr("The words run across lines here: nothing is marked."),
            objectName="scanPageFound",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(900, 1000)
        if view.marks:  # the first mark in sight
            first = view.marks[0][0]
            scroll.ensureVisible(int(first[0]), int(first[1]), 50, 200)
