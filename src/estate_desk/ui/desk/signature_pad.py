"""The signature pad (业主签字): the owner signs on screen with a finger, a pen or the mouse.

Strokes are drawn straight into a white :class:`QImage` the size of the pad, so what is kept is
exactly what the owner saw; :meth:`SignaturePad.png_bytes` gives it as PNG for the completion
(F3). Mouse, tablet (pen) and touch events all draw; the pad grows its image when it is resized
and never loses what was already signed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui import style
from estate_desk.ui.qt import (
    QBuffer,
    QByteArray,
    QColor,
    QEvent,
    QImage,
    QIODevice,
    QPainter,
    QPen,
    QPointF,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
)

if TYPE_CHECKING:
    from estate_desk.ui.qt import QMouseEvent, QPaintEvent, QResizeEvent, QTabletEvent, QTouchEvent

INK = style.colour("signature_ink")
INK_WIDTH = 3.0


class SignaturePad(QWidget):
    """A white pad that records strokes; empty until the first stroke."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(360, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._image = self._blank(QSize(480, 180))
        self._last: QPointF | None = None
        self.strokes = 0  # finished strokes; tests and the dialog read it

    def sizeHint(self) -> QSize:
        return QSize(480, 180)

    @staticmethod
    def _blank(size: QSize) -> QImage:
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        return image

    # ------------------------------------------------------------------ what was signed

    def is_empty(self) -> bool:
        return self.strokes == 0 and self._last is None

    def clear(self) -> None:
        self._image = self._blank(self._image.size())
        self._last = None
        self.strokes = 0
        self.update()

    def image(self) -> QImage:
        return self._image.copy()

    def png_bytes(self) -> bytes:
        """The signature as PNG (empty bytes when nothing was signed)."""
        if self.is_empty():
            return b""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # ------------------------------------------------------------------ drawing

    def begin_stroke(self, point: QPointF) -> None:
        self._last = point
        self._draw(point, point)

    def continue_stroke(self, point: QPointF) -> None:
        if self._last is None:
            return
        self._draw(self._last, point)
        self._last = point

    def end_stroke(self, point: QPointF | None = None) -> None:
        if self._last is None:
            return
        if point is not None:
            self._draw(self._last, point)
        self._last = None
        self.strokes += 1

    def _draw(self, start: QPointF, end: QPointF) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(INK, INK_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(start, end)
        painter.end()
        self.update()

    # ------------------------------------------------------------------ events

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.continue_stroke(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.end_stroke(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin_stroke(event.position())
        elif kind == QEvent.Type.TabletMove:
            self.continue_stroke(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end_stroke(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            touch: QTouchEvent = event  # type: ignore[assignment]
            points = touch.points()
            if points:
                where = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin_stroke(where)
                elif kind == QEvent.Type.TouchUpdate:
                    self.continue_stroke(where)
                else:
                    self.end_stroke(where)
            event.accept()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        if size.width() > self._image.width() or size.height() > self._image.height():
            grown = self._blank(size.expandedTo(self._image.size()))
            painter = QPainter(grown)
            painter.drawImage(0, 0, self._image)
            painter.end()
            self._image = grown
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(event.rect(), self._image, event.rect())
        painter.setPen(QPen(style.colour("guide"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 30
        painter.drawLine(20, baseline, self.width() - 20, baseline)
        painter.end()
