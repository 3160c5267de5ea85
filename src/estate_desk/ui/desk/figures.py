"""The desk's figures (服务质量统计): any period, as a table, as bars, and as ``.xlsx``.

The figures — on-time handling, the three minutes (explained in advance apart), promises kept,
postponements and refused second ones, repeat complaints, return visits, satisfaction — are
computed by :func:`estate_desk.services.desk.figures.figures`; the chart draws the rates with QtCharts
(``ui/charts.py``).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.domain.routines.common import office_date
from estate_desk.services.desk import figures as desk_figures
from estate_desk.ui.charts import Bar, PercentBars
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import (
    QComboBox,
    QDate,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import MessageLine, date_edit, lang, table_view

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.desk.figures import DeskFigures, FigureLine
    from estate_desk.store.database import Database


class RateChart(PercentBars):
    """Horizontal bars, one per rate (0–100 %), labelled with the figure and its count (QtCharts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, object_name="figuresChart")
        self.lines: list[FigureLine] = []

    def set_lines(self, lines: list[FigureLine]) -> None:
        self.lines = [line for line in lines if line.base is not None]
        language = lang()
        self.set_bars(
            [
                Bar(
                    line.label(language),
                    None if (percent := line.percent()) is None else float(percent),
                    "—" if percent is None else f"({line.count}/{line.base})",
                )
                for line in self.lines
            ]
        )


class FiguresPage(QWidget):
    """服务质量统计 for a period; see the module docstring."""

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="figuresPage")
        self._stale = False  # tickets changed since the figures were read (or never read yet)
        self._db, self._clock = db, clock
        self.result: DeskFigures | None = None
        today = office_date(clock.now())
        self.start = date_edit("figuresFrom", today.replace(day=1))
        self.end = date_edit("figuresTo", today)
        self.period = QComboBox(objectName="figuresPeriod")
        for key, title in (
            ("month", self.tr("This month")),
            ("today", self.tr("Today")),
            ("week", self.tr("Last 7 days")),
            ("last_month", self.tr("Last month")),
            ("days30", self.tr("Last 30 days")),
            ("custom", self.tr("Chosen dates")),
        ):
            self.period.addItem(title, key)
        self.period.currentIndexChanged.connect(lambda _: self._period_chosen())
        show = QPushButton(self.tr("Show"), objectName="figuresShow")
        show.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export .xlsx…"), objectName="figuresExport")
        self.export_button.clicked.connect(self._export_asked)
        self.model: RowsTableModel[FigureLine] = RowsTableModel(
            [self.tr("Figure"), self.tr("Count"), self.tr("Of"), self.tr("Rate")], self._cell, self, style=self._style
        )
        self.table = table_view("figuresTable")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 200)
        self.chart = RateChart()
        self.by_kind = QLabel(objectName="figuresByKind", wordWrap=True)
        self.message = MessageLine("figuresMessage")
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.end)
        top.addWidget(show)
        top.addStretch(1)
        top.addWidget(self.export_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([420, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.by_kind)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self._stale = True  # read when first shown: the tab sits behind the board at start (issue 18)

    def set_period(self, start: date, end: date) -> None:
        self.period.setCurrentIndex(self.period.findData("custom"))
        for edit, day in ((self.start, start), (self.end, end)):
            edit.setDate(QDate(day.year, day.month, day.day))
        self.refresh()

    def _period_chosen(self) -> None:
        key = self.period.currentData()
        today = office_date(self._clock.now())
        first_of_month = today.replace(day=1)
        spans = {
            "today": (today, today),
            "week": (today - timedelta(days=6), today),
            "month": (first_of_month, today),
            "last_month": ((first_of_month - timedelta(days=1)).replace(day=1), first_of_month - timedelta(days=1)),
            "days30": (today - timedelta(days=29), today),
        }
        if key in spans:
            start, end = spans[key]
            for edit, day in ((self.start, start), (self.end, end)):
                edit.setDate(QDate(day.year, day.month, day.day))
            self.refresh()

    def data_changed(self) -> None:
        """Tickets changed, here or at another workstation: redraw now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _dates(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        self._stale = False
        start, end = self._dates()
        try:
            self.result = desk_figures.figures(self._db, self._clock, start, end)
        except UserError as exc:
            self.result = None
            self.message.problem(exc)
            self.model.set_rows([])
            self.chart.set_lines([])
            self.export_button.setEnabled(False)
            return
        self.message.clear()
        lines = self.result.lines()
        self.model.set_rows(lines)
        self.chart.set_lines(lines)
        self.export_button.setEnabled(True)
        language = lang()
        self.by_kind.setText(
            self.tr("Received {start} – {end}: {kinds}").format(
                start=f"{start:%Y-%m-%d}",
                end=f"{end:%Y-%m-%d}",
                kinds="　".join(f"{k.label(language)} {n}" for k, n in self.result.by_kind) or "—",
            )
        )

    def _cell(self, line: FigureLine, column: int) -> Any:
        if column == 0:
            return line.label(lang())
        if column == 1:
            return str(line.count)
        if column == 2:
            return "" if line.base is None else str(line.base)
        percent = line.percent()
        return "" if line.base is None else ("—" if percent is None else f"{percent}%")

    def _style(self, line: FigureLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _export_asked(self) -> None:
        start, end = self._dates()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the figures"), f"服务质量统计-{start:%Y%m%d}-{end:%Y%m%d}.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        if self.result is None:
            return False
        try:
            desk_figures.export_figures(self.result, path, lang=lang())
        except UserError as exc:
            self.message.problem(exc)
            return False
        self.message.done(self.tr("Exported to {path}").format(path=str(path)))
        return True
