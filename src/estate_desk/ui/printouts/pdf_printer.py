"""Sending a finished PDF to a printer chosen in Qt's print dialog (打印到打印机).

Qt cannot hand a PDF's vector pages to a printer, so each page is rendered by QtPdf (pdfium)
at the printer's own resolution and painted on the :class:`QPrinter`, in strips to keep
memory small. Every printer page takes the size of the PDF page (A4 sheet or the label
itself for thermal printers), and at a 203 dpi label printer a 2-dot bar stays 2 dots.
Runs on the worker thread (QPainter may paint on a QPrinter outside the GUI thread).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.printing.pages import PrintCancelled
from estate_desk.ui.qt import (
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfDocument,
    QPdfDocumentRenderOptions,
    QPoint,
    QPrinter,
    QRect,
    QSize,
    QSizeF,
)

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.ui.worker import TaskState

STRIP_PX = 512  # rows rendered at a time
PDF_OUTPUT_DPI = 300  # when "printing" to a PDF file
MAX_DPI = 600  # finer printers get 600 dpi images: sharp enough, a fraction of the memory


def page_layout(size_pt: QSizeF) -> QPageLayout:
    """A margin-free layout of exactly ``size_pt`` (landscape when wider than tall)."""
    w, h = size_pt.width(), size_pt.height()
    landscape = w > h
    page = QPageSize(
        QSizeF(h, w) if landscape else QSizeF(w, h), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(path: Path, printer: QPrinter, state: TaskState | None = None) -> int:
    """Paint every page of the PDF at ``path`` on ``printer``; returns the pages printed.

    ``state`` reports progress per page and is asked for cancellation before each page; a
    cancelled job aborts the printer and raises :class:`PrintCancelled`.
    """
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise UserError(zh=f"无法读取要打印的文件：{path}", en=f"The file to print cannot be read: {path}")
    pages = document.pageCount()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        printer.setResolution(PDF_OUTPUT_DPI)
    elif printer.resolution() > MAX_DPI:
        printer.setResolution(MAX_DPI)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise UserError(
            zh="打印机无法开始打印，请检查打印机是否连接、是否有纸。",
            en="The printer could not start; check that it is connected and has paper.",
        )
    try:
        for n in range(pages):
            if state is not None and state.cancelled:
                printer.abort()
                raise PrintCancelled()
            if n:
                printer.setPageLayout(page_layout(document.pagePointSize(n)))
                printer.newPage()
            _paint_page(document, n, painter, printer.resolution())
            if state is not None:
                state.report(n + 1, pages)
    finally:
        painter.end()
        document.close()
    return pages


def _paint_page(document: QPdfDocument, page: int, painter: QPainter, dpi: int) -> None:
    size = document.pagePointSize(page)
    width, height = round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)
    for top in range(0, height, STRIP_PX):
        rows = min(STRIP_PX, height - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, top, width, rows))
        painter.drawImage(QPoint(0, top), document.render(page, QSize(width, rows), options))
