"""The one place that imports the Qt binding (like Anki's aqt.qt); everything in ui/ imports from here."""

import os as _os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtPdf import QPdfDocument as QPdfDocument
from PySide6.QtPdf import QPdfDocumentRenderOptions as QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView as QPdfView
from PySide6.QtPrintSupport import QPrintDialog as QPrintDialog
from PySide6.QtPrintSupport import QPrinter as QPrinter
from PySide6.QtWidgets import *  # noqa: F403

# The widget and icon libraries built on Qt, told to use this binding (they speak to Qt through qtpy,
# which otherwise looks for PyQt5 first): superqt (napari's) for searchable combo boxes (eliding
# labels are our own, ui/widgets.py); qtawesome (Spyder's) for the icon fonts (ui/icons.py).
_os.environ["QT_API"] = "pyside6"  # whatever the machine says: the window is PySide6
import qtawesome as qtawesome

if TYPE_CHECKING:
    from superqt import QSearchableComboBox as QSearchableComboBox

# superqt's package imports every widget it has (sliders, spin boxes, the colour combo and pygments for its
# code highlighter): 40–60 ms that the first screen does not need. Its searchable combo box is looked up
# here when first asked for (``searchable_combo()`` in ``ui/widgets.py``), so superqt loads with the first
# dialog that shows one, not at start (issue 18; tests/ui/test_lazy_imports.py).
_SUPERQT = frozenset({"QSearchableComboBox"})


def __getattr__(name: str) -> Any:
    if name in _SUPERQT:
        import superqt

        return getattr(superqt, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
