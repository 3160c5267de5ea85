"""The one place that imports the Qt binding (like Anki's aqt.qt); everything in ui/ imports from here."""

import os as _os

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtPdf import QPdfDocument as QPdfDocument
from PySide6.QtPdf import QPdfDocumentRenderOptions as QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView as QPdfView
from PySide6.QtPrintSupport import QPrintDialog as QPrintDialog
from PySide6.QtPrintSupport import QPrinter as QPrinter
from PySide6.QtWidgets import *  # noqa: F403

# The widget and icon libraries built on Qt, told to use this binding (they speak to Qt through qtpy,
# which otherwise looks for PyQt5 first): superqt (napari's) for searchable combo boxes and eliding
# labels; qtawesome (Spyder's) for the icon fonts (ui/icons.py).
_os.environ["QT_API"] = "pyside6"  # whatever the machine says: the window is PySide6
import qtawesome as qtawesome
from superqt import QElidingLabel as QElidingLabel
from superqt import QSearchableComboBox as QSearchableComboBox
