"""Small pieces every window shares: table views (sorting by a header, first column widths), a message line
under a form, OK/Cancel named for what they do, a date field, the dual-track badge, sizes and times, and
which side of a bilingual label to show."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from estate_desk.domain.archive.dual_track import Track
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import (
    QAbstractItemView,
    QColor,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSize,
    QSizePolicy,
    QStyle,
    Qt,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    from datetime import date, datetime

    from estate_desk.domain.errors import UserError
    from estate_desk.ui.qt import QAbstractItemModel, QResizeEvent, QSearchableComboBox

log = logging.getLogger(__name__)

# badge colours per track: (background, text), from the one palette (ui/style.py)
TRACK_COLOURS = {
    track: (style.PALETTE[name], style.PALETTE[f"{name}_text"])
    for track, name in (
        (Track.BOTH, "track_both"),
        (Track.PAPER_ONLY, "track_paper"),
        (Track.DIGITAL_ONLY, "track_digital"),
        (Track.NEITHER, "track_neither"),
    )
}


WIDTH_CAP = 360  # no column starts wider than this; the clerk can still drag it wider
WIDTH_SAMPLE = 50  # rows looked at to size the columns: never every row of a long list
CELL_PADDING = 24


class ListTable(QTableView):
    """A table view that sorts by a header click where its model can sort (``model.sorts``), and sizes its
    columns the first time its model has rows (unless ``fit_on_first_rows`` is turned off)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.fit_on_first_rows = True
        self.fitted = False

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.fitted = False
        if model is None:
            return
        if getattr(model, "sorts", False):
            header = self.horizontalHeader()
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # no sort until clicked
            header.setSortIndicatorClearable(True)  # a third click gives back the list's own order
            self.setSortingEnabled(True)
            header.sortIndicatorChanged.connect(self._indicator_follows_model)
        model.modelReset.connect(self._rows_set)
        model.rowsInserted.connect(self._rows_set)
        self._rows_set()

    def _indicator_follows_model(self, *_: Any) -> None:
        """A column the model would not sort by (``sort_column()`` unchanged): the arrow goes back."""
        model, header = self.model(), self.horizontalHeader()
        chosen = getattr(model, "sort_column", lambda: ...)()
        if chosen is ...:
            return
        column, order = (-1, Qt.SortOrder.AscendingOrder) if chosen is None else chosen
        if isinstance(order, bool):
            order = Qt.SortOrder.DescendingOrder if order else Qt.SortOrder.AscendingOrder
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    def _rows_set(self, *_: Any) -> None:
        model = self.model()
        if self.fitted or not self.fit_on_first_rows or model is None or model.rowCount() == 0:
            return
        self.fitted = True
        fit_columns(self)


def fit_columns(view: QTableView, sample: int = WIDTH_SAMPLE, cap: int = WIDTH_CAP) -> None:
    """Size each column to its header and the first ``sample`` rows, at most ``cap`` pixels; the last
    column stretches."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    header_metrics = header.fontMetrics()
    rows = min(model.rowCount(), sample)
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        width = header_metrics.horizontalAdvance(str(title or "")) + CELL_PADDING + 12  # room for the sort arrow
        if rows and model.data(model.index(0, column), Qt.ItemDataRole.CheckStateRole) is not None:
            tick = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8  # a tick box before the text
        else:
            tick = 0
        for row in range(rows):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if value is not None:
                width = max(width, metrics.horizontalAdvance(str(value)) + CELL_PADDING + tick)
            if width >= cap:
                break
        view.setColumnWidth(column, min(width, cap))
    header.setStretchLastSection(True)


def table_view(name: str, parent: QWidget | None = None) -> ListTable:
    """A read-only table of whole rows, as every list in the archive is: sorted by a header click where the
    model can sort, its columns sized to the first rows."""
    view = ListTable(name, parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def searchable_combo(name: str, parent: QWidget | None = None) -> QSearchableComboBox:
    """A combo box that finds its entry from any part typed ("1502", "王伟"): superqt's, named (superqt is
    imported here, with the first one made, not at start: ``ui/qt.py``)."""
    from estate_desk.ui.qt import QSearchableComboBox

    combo = QSearchableComboBox(parent)
    combo.setObjectName(name)
    return combo


class ElidingLabel(QLabel):
    """A one-line label that ends its text with "…" rather than widen the window, its whole text in the
    tooltip; ``text()`` is the whole text. (superqt's ``QElidingLabel`` did this, but importing superqt
    imports all its widgets: 40–60 ms at start for two labels, issue 18.)"""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self._whole = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._whole = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._whole

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") + 2 * self.margin(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._whole) + 2 * self.margin()
        return QSize(width, super().sizeHint().height())

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)


def eliding_label(name: str, parent: QWidget | None = None) -> ElidingLabel:
    """A label that ends its text with "…" rather than widen the window, named."""
    return ElidingLabel(name, parent)


def track_background(track: Track) -> QColor:
    return QColor(TRACK_COLOURS[track][0])


def track_foreground(track: Track) -> QColor:
    return QColor(TRACK_COLOURS[track][1])


class TrackBadge(QLabel):
    """The dual-track badge (双轨): paper only, digital only, or both — in colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="trackBadge")
        self.track: Track | None = None
        self.hide()

    def show_track(self, track: Track | None) -> None:
        self.track = track
        if track is None:
            self.hide()
            return
        background, text = TRACK_COLOURS[track]
        self.setText(track.label(i18n.lang_code()))
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text}; border-radius: 8px; padding: 2px 10px; }}"
        )
        self.show()


def short_message(exc: UserError) -> str:
    """A refusal in the user's language, without the place line (for hints under a field)."""
    return exc.zh if i18n.lang_code() == "zh" else exc.en


def human_size(size: int) -> str:
    """1536 → "1.5 KB": sizes as the clerk reads them."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover


def local_time(moment: datetime) -> str:
    """A stored instant in the office's time (China Standard Time), to the minute."""
    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")


def lang() -> str:
    """Which side of a bilingual domain label to show: "zh" or "en"."""
    return i18n.lang_code()


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel; OK runs the dialog's ``accept``, which calls the service."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, objectName="dialogButtons"
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


class MessageLine(QLabel):
    """One line under a form or a list: what just happened, or why it was refused."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name, wordWrap=True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def problem(self, exc: UserError, *, full: bool = False) -> None:
        """A refusal in the user's language; ``full`` adds the place. The rule id goes to the log."""
        log.info("refused: %s", exc.log_text())
        self._say(exc.message(i18n.lang_code()) if full else short_message(exc), "error")

    def error(self, text: str) -> None:
        self._say(text, "error")

    def warning(self, text: str) -> None:
        self._say(text, "warning")

    def done(self, text: str) -> None:
        self._say(text, "ok")

    def clear(self) -> None:
        self.setText("")
        self.hide()

    def _say(self, text: str, state: str) -> None:
        self.setText(text)
        style.set_state(self, state)
        self.setVisible(bool(text))
