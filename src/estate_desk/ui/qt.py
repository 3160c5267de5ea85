"""The one place that imports the Qt binding (like Anki's aqt.qt); everything in ui/ imports from here."""

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtPdf import QPdfDocument as QPdfDocument
from PySide6.QtPdf import QPdfDocumentRenderOptions as QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView as QPdfView
from PySide6.QtPrintSupport import QPrintDialog as QPrintDialog
from PySide6.QtPrintSupport import QPrinter as QPrinter
from PySide6.QtWidgets import *  # noqa: F403
