"""Charts drawn by QtCharts (PySide6-Addons), not painted by hand: rates as horizontal bars of 0–100 %.

QtCharts is the one Qt module imported outside ``ui/qt.py``, and only here: it is loaded when a chart is
first built (the desk's figures tab, the digitisation progress), never at start.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis

from estate_desk.ui import style
from estate_desk.ui.qt import QColor, QFont, QPainter, QSize, Qt, QWidget


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its rate in per cent (None: nothing to measure) and the text beside it."""

    label: str
    percent: float | None
    text: str


class PercentBars(QChartView):
    """Horizontal bars of 0–100 %, one per :class:`Bar`, the first at the top, each with its value."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "percentBars") -> None:
        chart = QChart()
        chart.legend().hide()
        chart.setBackgroundVisible(False)
        chart.setMargins(chart.margins() * 0)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # figures, not a show
        super().__init__(chart, parent)
        self.setObjectName(object_name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setMinimumHeight(200)
        self.bars: list[Bar] = []

    def sizeHint(self) -> QSize:
        return QSize(560, 28 * max(len(self.bars), 8) + 40)

    def set_bars(self, bars: list[Bar]) -> None:
        """Draw ``bars`` afresh (the chart keeps nothing of the last ones)."""
        self.bars = list(bars)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if not self.bars:
            return
        shown = list(reversed(self.bars))  # a horizontal bar chart counts from the bottom
        values = QBarSet("")
        values.setColor(style.colour("bar"))
        values.setBorderColor(QColor("white"))
        values.setLabelColor(style.colour("ink"))
        for bar in shown:
            values.append(0.0 if bar.percent is None else round(max(0.0, min(100.0, float(bar.percent))), 1))
        series = QHorizontalBarSeries()
        series.append(values)
        series.setBarWidth(0.6)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideBase)
        series.setLabelsFormat("@value%")
        series.setLabelsPrecision(4)  # significant digits: 5.1%, 64.1%, 100%
        chart.addSeries(series)
        labels = QBarCategoryAxis()
        labels.append([f"{bar.label}  {bar.text}" for bar in shown])
        font = QFont(self.font())
        labels.setLabelsFont(font)
        scale = QValueAxis()
        scale.setRange(0, 100)
        scale.setLabelFormat("%d%%")
        scale.setTickCount(6)
        scale.setLabelsFont(font)
        chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(scale, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(labels)
        series.attachAxis(scale)
        self.updateGeometry()
