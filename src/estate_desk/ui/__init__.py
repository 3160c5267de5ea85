"""PySide6 widgets, dialogs and item models. The only package that imports Qt (through ``ui.qt``)."""
