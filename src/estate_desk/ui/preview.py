"""Previewing an attachment (附件预览): PDFs and images inside the window, the rest in the system player.

An encrypted attachment arrives decrypted in memory (``Preview.data``) and is shown from there — a
PDF through a QBuffer, an image from bytes — so its plain content never touches the disk (A6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui.qt import (
    QBuffer,
    QByteArray,
    QDesktopServices,
    QIODevice,
    QLabel,
    QPdfDocument,
    QPdfView,
    QPixmap,
    QPushButton,
    QResizeEvent,
    QSize,
    QStackedWidget,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.services.archive.attachments import Preview


def open_with_system(path: Path) -> bool:
    """Hand a file to the system's own program (audio, video, spreadsheets)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class ScaledImage(QLabel):
    """An image scaled to fit, keeping its proportions, re-scaled when the pane is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="imagePreview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(120, 120)
        self._original = QPixmap()

    def set_image(self, pixmap: QPixmap) -> None:
        self._original = pixmap
        self._rescale()

    def original(self) -> QPixmap:
        return self._original

    def _rescale(self) -> None:
        if self._original.isNull():
            self.clear()
            return
        size = self.size().boundedTo(self._original.size()).expandedTo(QSize(40, 40))
        self.setPixmap(
            self._original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()


class AttachmentPreview(QWidget):
    """One attachment shown: a PDF in QtPdf's viewer, an image scaled, anything else with an Open button."""

    def __init__(self, parent: QWidget | None = None, open_file: Callable[[Path], bool] | None = None) -> None:
        super().__init__(parent, objectName="attachmentPreview")
        self._open_file = open_file
        self._path: Path | None = None
        self._buffer: QBuffer | None = None  # an encrypted PDF's plain bytes, in memory only
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self, objectName="pdfPreview")
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.document)
        self.image = ScaledImage(self)
        self.message = QLabel(objectName="previewMessage", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(self.tr("Open with the system program"), objectName="openExternally")
        self.open_button.clicked.connect(self.open_externally)
        outside = QWidget()
        column = QVBoxLayout(outside)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        self.stack = QStackedWidget()
        for page in (outside, self.pdf_view, self.image):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.clear()

    @property
    def showing(self) -> str:
        """ "pdf", "image", "external" or "none": what the preview shows (tests and the status bar read it)."""
        if self.stack.currentWidget() is self.pdf_view:
            return "pdf"
        if self.stack.currentWidget() is self.image:
            return "image"
        return "external" if self._path is not None else "none"

    def clear(self) -> None:
        self._path = None
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer = None
        self.image.set_image(QPixmap())
        self.message.setText(self.tr("Choose an attachment to preview it."))
        self.open_button.hide()
        self.stack.setCurrentIndex(0)

    def show_problem(self, text: str) -> None:
        self.clear()
        self.message.setText(text)

    def show_preview(self, preview: Preview) -> None:
        self.clear()
        if preview.data is not None:
            self._show_in_memory(preview)
            return
        self._path = preview.path
        if preview.inside and preview.media_type == "application/pdf":
            if self.document.load(str(preview.path)) == QPdfDocument.Error.None_:
                self.stack.setCurrentWidget(self.pdf_view)
                return
        elif preview.inside:
            pixmap = QPixmap(str(preview.path))
            if not pixmap.isNull():
                self.image.set_image(pixmap)
                self.stack.setCurrentWidget(self.image)
                return
        self.message.setText(
            self.tr("“{name}” opens in the system's own program.").format(name=preview.original_name)
            if not preview.inside
            else self.tr("“{name}” cannot be shown here; open it with the system program.").format(
                name=preview.original_name
            )
        )
        self.open_button.show()

    def _show_in_memory(self, preview: Preview) -> None:
        """A decrypted attachment: shown from memory, or not at all (it is never handed to another program)."""
        assert preview.data is not None
        if preview.media_type == "application/pdf":
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(preview.data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            if self.document.status() == QPdfDocument.Status.Ready:
                self.stack.setCurrentWidget(self.pdf_view)
                return
        else:
            pixmap = QPixmap()
            if pixmap.loadFromData(preview.data):
                self.image.set_image(pixmap)
                self.stack.setCurrentWidget(self.image)
                return
        self.message.setText(
            self.tr("The encrypted attachment “{name}” cannot be shown here.").format(name=preview.original_name)
        )

    def open_externally(self) -> None:
        if self._path is not None:
            (self._open_file or open_with_system)(self._path)
