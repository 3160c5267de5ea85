"""Filing (组卷、装盒、上架): into a volume, into a box, a box onto a cabinet shelf; new cabinets.

Each dialog gathers what the clerk chooses and calls the filing services; a refusal (a closed
volume, a box of another category, a taken position) is shown in the dialog, which stays open.
The box field is editable, so scanning a box label into it chooses that box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.archive.numbers import code_forms
from estate_desk.domain.errors import UserError
from estate_desk.services.archive import boxes, browse, cabinets, listings, volumes
from estate_desk.ui import i18n, style
from estate_desk.ui.models import Choice, set_choices
from estate_desk.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import searchable_combo

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


class _FormDialog(QDialog):
    """A form, a message line and OK/Cancel; ``run`` calls the services and closes on success."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None, name: str) -> None:
        super().__init__(parent, objectName=name)
        self._db, self._clock, self._actor = db, clock, actor
        self.form = QFormLayout()
        self.message = QLabel(objectName="message", wordWrap=True)
        style.set_state(self.message, "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self, work: Callable[[], Any]) -> None:
        try:
            work()
        except UserError as exc:
            self.message.setText(exc.message(i18n.lang_code()))
            return
        self.accept()


def category_id_of(db: Database, actor: Actor, code: str) -> int | None:
    return next((c.id for c in browse.categories(db, actor) if c.code == code), None)


class VolumeDialog(_FormDialog):
    """组卷: file a document into an open volume of its category, or into a new one."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        *,
        document_id: int,
        category_code: str,
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, clock, actor, parent, "volumeDialog")
        self.document_id, self.category_code = document_id, category_code
        self.volume_id: int | None = None
        self.setWindowTitle(self.tr("File into a volume"))
        self.use_existing = QRadioButton(self.tr("An open volume"), objectName="useExisting")
        self.use_new = QRadioButton(self.tr("A new volume"), objectName="useNew")
        self.volumes = searchable_combo("volumes")  # a category holds hundreds: type a code or title
        category_id = category_id_of(db, actor, category_code)
        set_choices(
            self.volumes,
            [Choice(f"{v.code}  {v.title}", v.id) for v in volumes.volumes(db, actor, category_id) if not v.closed],
        )
        self.title = QLineEdit(objectName="volumeTitle")
        self.year = QSpinBox(objectName="volumeYear", minimum=1949, maximum=2999, value=year)
        self.form.addRow(self.use_existing, self.volumes)
        self.form.addRow(self.use_new)
        self.form.addRow(self.tr("Volume title"), self.title)
        self.form.addRow(self.tr("Year"), self.year)
        (self.use_existing if self.volumes.count() else self.use_new).setChecked(True)
        self.use_existing.setEnabled(bool(self.volumes.count()))
        for signal in (self.use_new.toggled, self.title.textChanged):
            signal.connect(self.validate)
        self.validate()

    def validate(self, *_: Any) -> None:
        new = self.use_new.isChecked()
        self.volumes.setEnabled(not new)
        self.title.setEnabled(new)
        self.year.setEnabled(new)
        self.ok.setEnabled(bool(self.title.text().strip()) if new else self.volumes.currentIndex() >= 0)

    def save(self) -> None:
        def work() -> None:
            if self.use_new.isChecked():
                self.volume_id = volumes.create_volume(
                    self._db,
                    self._clock,
                    self._actor,
                    category_code=self.category_code,
                    title=self.title.text(),
                    year=self.year.value(),
                )
            else:
                self.volume_id = int(self.volumes.currentData())
            volumes.file_into_volume(self._db, self._clock, self._actor, self.document_id, self.volume_id)

        self.run(work)


class BoxDialog(_FormDialog):
    """装盒: put a document or a whole volume into a box of its category, or into a new box."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        *,
        category_code: str,
        year: int,
        what: str,
        document_id: int | None = None,
        volume_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, clock, actor, parent, "boxDialog")
        self.document_id, self.volume_id, self.category_code = document_id, volume_id, category_code
        self.box_id: int | None = None
        self.setWindowTitle(self.tr("Put {what} in a box").format(what=what))
        self.use_existing = QRadioButton(self.tr("A box (choose, type or scan its code)"), objectName="useExisting")
        self.use_new = QRadioButton(self.tr("A new box"), objectName="useNew")
        self.boxes = QComboBox(objectName="boxes", editable=True)
        self.choices = listings.box_choices(db, actor, category_code)
        not_shelved = self.tr("not shelved")
        set_choices(self.boxes, [Choice(b.code, b.id, b.place or not_shelved) for b in self.choices])
        self.boxes.setCurrentIndex(-1)
        self.box_hint = QLabel(objectName="boxHint")
        self.year = QSpinBox(objectName="boxYear", minimum=1949, maximum=2999, value=year)
        self.spine = QComboBox(objectName="spine")
        for width in boxes.SPINE_WIDTHS:
            self.spine.addItem(self.tr("{mm} mm").format(mm=width), width)
        self.spine.setCurrentIndex(1)
        self.form.addRow(self.use_existing, self.boxes)
        self.form.addRow("", self.box_hint)
        self.form.addRow(self.use_new)
        self.form.addRow(self.tr("Year"), self.year)
        self.form.addRow(self.tr("Spine width"), self.spine)
        (self.use_existing if self.choices else self.use_new).setChecked(True)
        self.use_new.toggled.connect(self.validate)
        self.boxes.editTextChanged.connect(self.validate)
        self.validate()

    def chosen_box(self) -> int | None:
        forms = code_forms(self.boxes.currentText())  # z001-yz-2016-h001 and Ｈ００１ name the box too
        return next((b.id for b in self.choices if b.code in forms), None)

    def validate(self, *_: Any) -> None:
        new = self.use_new.isChecked()
        self.boxes.setEnabled(not new)
        self.year.setEnabled(new)
        self.spine.setEnabled(new)
        chosen = self.chosen_box()
        text = self.boxes.currentText().strip()
        self.box_hint.setText("" if new or not text or chosen else self.tr("No box of this category has that code."))
        style.set_state(self.box_hint, "error")
        self.ok.setEnabled(new or chosen is not None)

    def save(self) -> None:
        def work() -> None:
            if self.use_new.isChecked():
                self.box_id = boxes.create_box(
                    self._db,
                    self._clock,
                    self._actor,
                    category_code=self.category_code,
                    year=self.year.value(),
                    spine_mm=int(self.spine.currentData()),
                )
            else:
                self.box_id = self.chosen_box()
            assert self.box_id is not None
            boxes.put_in_box(
                self._db,
                self._clock,
                self._actor,
                self.box_id,
                document_id=self.document_id,
                volume_id=self.volume_id,
            )

        self.run(work)


class PlaceBoxDialog(_FormDialog):
    """上架: stand a box in a cabinet at a shelf and position."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        *,
        box_id: int | None = None,
        cabinet_id: int | None = None,
        shelf: int = 1,
        position: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, clock, actor, parent, "placeBoxDialog")
        self.setWindowTitle(self.tr("Put a box in a cabinet"))
        self.box = QComboBox(objectName="box", editable=True)
        unplaced = sorted(browse.boxes(db, actor), key=lambda b: (b.place is not None, b.code))
        not_shelved = self.tr("not shelved")
        set_choices(self.box, [Choice(b.code, b.id, b.place or not_shelved) for b in unplaced])  # 33,000 boxes
        self.box.setCurrentIndex(max(0, self.box.findData(box_id)) if box_id is not None else 0)
        self.cabinets = cabinets.cabinets(db, actor)
        self.cabinet = QComboBox(objectName="cabinet")
        for c in self.cabinets:
            self.cabinet.addItem(f"{c.code} {c.name}", c.id)
        if cabinet_id is not None:
            self.cabinet.setCurrentIndex(max(0, self.cabinet.findData(cabinet_id)))
        self.shelf = QSpinBox(objectName="shelf", minimum=1)
        self.position = QSpinBox(objectName="position", minimum=1)
        self.reason = QLineEdit(objectName="reason", placeholderText=self.tr("e.g. shelved after boxing"))
        self.form.addRow(self.tr("Box"), self.box)
        self.form.addRow(self.tr("Cabinet"), self.cabinet)
        self.form.addRow(self.tr("Shelf"), self.shelf)
        self.form.addRow(self.tr("Position"), self.position)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.cabinet.currentIndexChanged.connect(self._cabinet_changed)
        self.box.editTextChanged.connect(self.validate)
        self._cabinet_changed()
        self.shelf.setValue(shelf)
        self.position.setValue(position)
        self.validate()

    def _cabinet_changed(self, *_: Any) -> None:
        cabinet = next((c for c in self.cabinets if c.id == self.cabinet.currentData()), None)
        if cabinet is not None:
            self.shelf.setMaximum(cabinet.shelves)
            self.position.setMaximum(cabinet.positions)
        self.validate()

    def chosen_box(self) -> int | None:
        index = self.box.findText(self.box.currentText().strip())
        return int(self.box.itemData(index)) if index >= 0 else None

    def validate(self, *_: Any) -> None:
        self.ok.setEnabled(self.chosen_box() is not None and self.cabinet.currentIndex() >= 0)

    def save(self) -> None:
        box_id = self.chosen_box()
        if box_id is None:
            return
        self.run(
            lambda: cabinets.place_box(
                self._db,
                self._clock,
                self._actor,
                box_id,
                int(self.cabinet.currentData()),
                self.shelf.value(),
                self.position.value(),
                self.reason.text().strip(),
            )
        )


class CabinetDialog(_FormDialog):
    """新建档案柜: a cabinet with its shelves and positions."""

    def __init__(self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, clock, actor, parent, "cabinetDialog")
        self.cabinet_id: int | None = None
        self.setWindowTitle(self.tr("New cabinet"))
        self.code = QLineEdit(objectName="cabinetCode", placeholderText="G05")
        self.name = QLineEdit(objectName="cabinetName", placeholderText=self.tr("e.g. 5号档案柜"))
        self.location = QLineEdit(objectName="cabinetLocation", placeholderText=self.tr("e.g. 档案室"))
        self.shelves = QSpinBox(objectName="shelves", minimum=1, maximum=20, value=5)
        self.positions = QSpinBox(objectName="positions", minimum=1, maximum=60, value=8)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Shelves"), self.shelves)
        self.form.addRow(self.tr("Positions per shelf"), self.positions)
        for field in (self.code, self.name):
            field.textChanged.connect(self.validate)
        self.validate()

    def validate(self, *_: Any) -> None:
        self.ok.setEnabled(bool(self.code.text().strip() and self.name.text().strip()))

    def save(self) -> None:
        def work() -> None:
            self.cabinet_id = cabinets.create_cabinet(
                self._db,
                self._actor,
                self.code.text(),
                self.name.text(),
                self.location.text(),
                self.shelves.value(),
                self.positions.value(),
            )

        self.run(work)
