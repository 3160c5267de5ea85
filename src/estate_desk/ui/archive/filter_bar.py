"""The archive table's filters (筛选): year, grade (密级), box (typed or scanned) and the dual track's state.

The bar only says what the clerk chose (:meth:`FilterBar.wanted`); the database applies it
(``services/archive/document_window.py``), together with the category chosen in the tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.archive.dual_track import Track
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive.document_window import NO_FILTER, DocumentFilter
from estate_desk.ui import i18n
from estate_desk.ui.qt import QComboBox, QHBoxLayout, QIntValidator, QLineEdit, QPushButton, QWidget, Signal

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor

YEAR_DIGITS = 4


class FilterBar(QWidget):
    """One row above the table; ``changed`` is emitted when the filter it describes changes."""

    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="archiveFilters")
        lang = i18n.lang_code()
        self.year = QLineEdit(objectName="filterYear", placeholderText=self.tr("Year"))
        self.year.setValidator(QIntValidator(1, 9999, self.year))
        self.year.setMaxLength(YEAR_DIGITS)
        self.year.setFixedWidth(70)
        self.year.setClearButtonEnabled(True)
        self.year.setToolTip(self.tr("Only the records of this year"))
        self.grade = QComboBox(objectName="filterGrade")
        self.grade.addItem(self.tr("Any grade"), None)
        for grade in Grade:
            if grade <= actor.clearance:  # grades above the reader's clearance would list nothing
                self.grade.addItem(grade.label(lang), int(grade))
        self.box = QLineEdit(objectName="filterBox", placeholderText=self.tr("Box code (type or scan)"))
        self.box.setMinimumWidth(200)
        self.box.setClearButtonEnabled(True)
        self.box.setToolTip(self.tr("Only the records in this box; press Enter after typing"))
        self.track = QComboBox(objectName="filterTrack")
        self.track.addItem(self.tr("Paper and digital: any"), None)
        for track in Track:
            self.track.addItem(track.label(lang), track.value)
        self.clear_button = QPushButton(self.tr("Clear filters"), objectName="clearFilters")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (self.year, self.grade, self.box, self.track, self.clear_button):
            row.addWidget(widget)
        row.addStretch(1)
        self._last = NO_FILTER
        self.year.textChanged.connect(self._year_typed)
        self.grade.currentIndexChanged.connect(self._apply)
        self.track.currentIndexChanged.connect(self._apply)
        self.box.returnPressed.connect(self._apply)  # a scanner ends its code with Enter
        self.box.editingFinished.connect(self._apply)
        self.box.textChanged.connect(lambda text: None if text else self._apply())  # cleared: at once
        self.clear_button.clicked.connect(self.clear)

    def wanted(self) -> DocumentFilter:
        year = self.year.text().strip()
        grade = self.grade.currentData()
        track = self.track.currentData()
        return DocumentFilter(
            year=int(year) if len(year) == YEAR_DIGITS else None,
            grade=Grade(grade) if grade is not None else None,
            box=self.box.text().strip() or None,
            track=Track(track) if track is not None else None,
        )

    def clear(self) -> None:
        for widget in (self.year, self.grade, self.box, self.track):
            widget.blockSignals(True)
        self.year.clear()
        self.box.clear()
        self.grade.setCurrentIndex(0)
        self.track.setCurrentIndex(0)
        for widget in (self.year, self.grade, self.box, self.track):
            widget.blockSignals(False)
        self._apply()

    def _year_typed(self, text: str) -> None:
        if not text or len(text) == YEAR_DIGITS:  # not on every digit of a year being typed
            self._apply()

    def _apply(self) -> None:
        wanted = self.wanted()
        if wanted != self._last:
            self._last = wanted
            self.changed.emit()
