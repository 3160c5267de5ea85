"""The box labels' options in the Printing section (标签选项): label kind, sheet or thermal, the A4 grid.

The panel only collects text options for :mod:`estate_desk.services.printouts.labels`
(``Selection.options``); the service checks them and says what is wrong.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from estate_desk.ui.qt import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

MAX_GRID = 20  # rows or columns offered; the service refuses what does not fit on A4
MAX_POSITION = 400


def _spin(name: str, maximum: int, auto_text: str = "") -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(0 if auto_text else 1, maximum)
    if auto_text:
        spin.setSpecialValueText(auto_text)  # 0 shows as "auto": as many as fit
    return spin


def _mm(name: str, low: float, high: float, value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(objectName=name)
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSuffix(" mm")
    spin.setValue(value)
    return spin


class LabelOptionsPanel(QGroupBox):
    """Front or spine labels, A4 sheet or thermal printer, and the sheet's grid and start position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="labelOptions")
        self.setTitle(self.tr("Labels"))
        self.kind = QComboBox(objectName="labelKind")
        self.kind.addItem(self.tr("Front label (upper left of the box side)"), "front")
        self.kind.addItem(self.tr("Spine label (fits the spine width)"), "spine")
        self.format = QComboBox(objectName="labelFormat")
        self.format.addItem(self.tr("A4 label sheet"), "sheet")
        self.format.addItem(self.tr("Thermal label printer (one label per page)"), "thermal")
        auto = self.tr("auto")
        self.rows = _spin("labelRows", MAX_GRID, auto)
        self.cols = _spin("labelCols", MAX_GRID, auto)
        self.start = _spin("labelStart", MAX_POSITION)
        self.start.setToolTip(self.tr("Reuse a half-used sheet: positions count row by row from the top left."))
        self.margin = _mm("labelMargin", 0, 50, 10)
        self.gap = _mm("labelGap", 0, 50, 2)
        self.offset_x = _mm("labelOffsetX", -30, 30, 0)
        self.offset_y = _mm("labelOffsetY", -30, 30, 0)
        self.offset_x.setToolTip(self.tr("Moves everything right (negative: left), to match the printer."))
        self.offset_y.setToolTip(self.tr("Moves everything down (negative: up), to match the printer."))
        self.outline = QCheckBox(self.tr("Cut lines around labels (plain paper)"), objectName="labelOutline")
        self.outline.setChecked(True)
        grid = QWidget()
        row = QHBoxLayout(grid)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rows)
        row.addWidget(self.cols)
        offsets = QWidget()
        shift = QHBoxLayout(offsets)
        shift.setContentsMargins(0, 0, 0, 0)
        shift.addWidget(self.offset_x)
        shift.addWidget(self.offset_y)
        form = QFormLayout(self)
        form.addRow(self.tr("Label"), self.kind)
        form.addRow(self.tr("Print on"), self.format)
        form.addRow(self.tr("Rows × columns"), grid)
        form.addRow(self.tr("Start at position"), self.start)
        form.addRow(self.tr("Margin"), self.margin)
        form.addRow(self.tr("Gap"), self.gap)
        form.addRow(self.tr("Printer offset x / y"), offsets)
        form.addRow("", self.outline)
        self.sheet_widgets: tuple[QWidget, ...] = (
            self.rows,
            self.cols,
            self.start,
            self.margin,
            self.gap,
            self.offset_x,
            self.offset_y,
            self.outline,
        )
        self.format.currentIndexChanged.connect(self._format_changed)

    def _format_changed(self) -> None:
        on_sheet = self.format.currentData() == "sheet"
        for widget in self.sheet_widgets:
            widget.setEnabled(on_sheet)

    def options(self) -> dict[str, str]:
        """The options as ``Selection.options`` text."""
        values = {
            "spine": str(self.kind.currentData()),
            "format": str(self.format.currentData()),
            "start": str(self.start.value()),
            "margin_mm": f"{self.margin.value():g}",
            "gap_mm": f"{self.gap.value():g}",
            "offset_x_mm": f"{self.offset_x.value():g}",
            "offset_y_mm": f"{self.offset_y.value():g}",
            "outline": "yes" if self.outline.isChecked() else "no",
        }
        for name, spin in (("rows", self.rows), ("cols", self.cols)):
            if spin.value():
                values[name] = str(spin.value())
        return values

    def set_options(self, values: Mapping[str, str]) -> None:
        """Show saved options (the office's last sheet layout); unknown or bad values are skipped."""
        for combo, name in ((self.kind, "spine"), (self.format, "format")):
            index = combo.findData(values.get(name, ""))
            if index >= 0:
                combo.setCurrentIndex(index)
        for spin, name in ((self.rows, "rows"), (self.cols, "cols"), (self.start, "start")):
            text = values.get(name, "")
            if text.isdigit():
                spin.setValue(int(text))
        for box, name in (
            (self.margin, "margin_mm"),
            (self.gap, "gap_mm"),
            (self.offset_x, "offset_x_mm"),
            (self.offset_y, "offset_y_mm"),
        ):
            with contextlib.suppress(KeyError, ValueError):
                box.setValue(float(values[name]))
        if "outline" in values:
            self.outline.setChecked(values["outline"] not in ("no", "false", "0", "off"))
        self._format_changed()
