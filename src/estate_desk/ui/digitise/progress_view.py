"""数字化进度: how far the paper has come into the computer archive, as a chart and in figures (A5).

Per category, the share of registered pages digitised (a QtCharts bar each, ``ui/charts.py``); per
category and year, records and pages digitised; each batch's pages per hour at the scanner; and the
待处理 items still open. The figures come from ``services/digitise/progress.py`` and are read when the
view is first shown and on Refresh, not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.services.digitise import progress
from estate_desk.ui.charts import Bar, PercentBars
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import QHBoxLayout, QLabel, QPushButton, QShowEvent, QSplitter, Qt, QVBoxLayout, QWidget
from estate_desk.ui.widgets import MessageLine, lang, table_view

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.progress import BatchRate, CategoryYear
    from estate_desk.store.database import Database

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


class ProgressView(QWidget):
    """The digitisation progress; see the module docstring."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="digitiseProgress")
        self._db, self._actor = db, actor
        self._stale = True
        self.summary = QLabel(objectName="digitiseProgressSummary", wordWrap=True)
        refresh = QPushButton(self.tr("Refresh"), objectName="digitiseProgressRefresh")
        refresh.clicked.connect(self.refresh)
        self.chart = PercentBars(object_name="digitiseProgressChart")
        self.years: RowsTableModel[CategoryYear] = RowsTableModel(
            [
                self.tr("Category"),
                self.tr("Year"),
                self.tr("Records"),
                self.tr("Digitised"),
                self.tr("Pages"),
                self.tr("Pages digitised"),
                self.tr("Share of pages"),
            ],
            self._year_cell,
            self,
            style=self._right,
        )
        self.years_table = table_view("digitiseProgressYears")
        self.years_table.setModel(self.years)
        self.rates: RowsTableModel[BatchRate] = RowsTableModel(
            [self.tr("Batch"), self.tr("Step"), self.tr("Pages scanned"), self.tr("Hours"), self.tr("Pages per hour")],
            self._rate_cell,
            self,
            style=self._right,
        )
        self.rates_table = table_view("digitiseProgressRates")
        self.rates_table.setModel(self.rates)
        self.message = MessageLine("digitiseProgressMessage")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(self.years_table)
        tables.addWidget(self.rates_table)
        split = QSplitter()
        split.addWidget(self.chart)
        split.addWidget(tables)
        split.setSizes([560, 760])  # the chart wide enough for a long category name beside its bar
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the figures again and show them."""
        self._stale = False
        try:
            years = progress.by_category_year(self._db, self._actor)
            rates = progress.batch_rates(self._db, self._actor)
            seen = progress.overview(self._db, self._actor)
        except UserError as exc:
            self.message.problem(exc)
            return
        self.years.set_rows(years)
        self.rates.set_rows(rates)
        for table in (self.years_table, self.rates_table):
            table.resizeColumnsToContents()
        language = lang()
        by_category: dict[str, list[CategoryYear]] = {}
        for row in years:
            by_category.setdefault(row.category, []).append(row)
        bars = []
        for rows in by_category.values():
            total = progress.total_of(rows)
            name = rows[0].name_zh if language.startswith("zh") else rows[0].name_en
            bars.append(Bar(name, total.share(), f"({total.digitised}/{total.records})"))
        self.chart.set_bars(bars)
        total = seen.total
        self.summary.setText(
            self.tr(
                "Digitised: {done} of {records} records with a paper original, {share} of the registered pages. "
                "Pending (待处理): {pending}. Batches out: {out}."
            ).format(
                done=total.digitised,
                records=total.records,
                share=_percent(total.share()),
                pending=seen.pending,
                out=seen.batches_open,
            )
        )
        self.message.clear()

    def _year_cell(self, row: CategoryYear, column: int) -> Any:
        p = row.progress
        if column == 0:
            return f"{row.category} {row.name_zh if lang().startswith('zh') else row.name_en}"
        values = (str(row.year), str(p.records), str(p.digitised), str(p.pages), str(p.digitised_pages))
        return values[column - 1] if column <= len(values) else _percent(p.share())

    def _rate_cell(self, row: BatchRate, column: int) -> Any:
        if column == 0:
            return row.code
        if column == 1:
            return row.step.label(lang())
        if column == 2:
            return str(row.pages)
        if column == 3:
            return "—" if row.hours is None else f"{row.hours:.1f}"
        return "—" if row.per_hour is None else f"{row.per_hour:.0f}"

    def _right(self, row: object, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        return None
