"""Registering (登记) and editing a document (件): one dialog that validates as you type.

The category's typical document types are offered as titles; the room is typed in any form
the office writes (3栋2单元1502, 3-2-1502, 3号楼1502室 …) and checked on every keystroke;
OK stays disabled until everything is valid. Scans chosen here are attached after saving,
with progress (the archive section runs the copy off the UI thread).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import UserError
from estate_desk.domain.estate.rooms import reads_as_room
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import browse, register
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStringListModel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from estate_desk.ui.widgets import short_message

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.register import DocumentDetail, RoomMatch
    from estate_desk.store.database import Database

RETENTIONS = ("permanent", "30y", "10y")


def choose_files(parent: QWidget) -> list[str]:
    """The file dialog for scans and media (tests replace this function)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("DocumentDialog", "Attach scans and media"),
        "",
        "PDF, images, audio, video (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.mp3 *.wav *.m4a *.mp4 *.mov *.avi);;* (*)",
    )
    return list(names)


class DocumentDialog(QDialog):
    """登记/修改档案: the fields of a document; ``detail`` given means editing that document."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        detail: DocumentDetail | None = None,
        *,
        category_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="documentDialog")
        self._db, self._clock, self._actor, self._detail = db, clock, actor, detail
        self.document_id: int | None = detail.id if detail else None
        self.room: RoomMatch | None = None
        self.pending_files: list[Path] = []
        self.setWindowTitle(self.tr("Edit document") if detail else self.tr("Register a document"))
        self.setMinimumWidth(520)
        lang = i18n.lang_code()
        today = clock.now().date()

        self.category = QComboBox(objectName="category")
        for node in browse.categories(db, actor):
            self.category.addItem(f"{node.code} {node.name_zh if lang == 'zh' else node.name_en}", node.code)
        self.title = QLineEdit(objectName="title")
        self.suggestions = QStringListModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.title.setCompleter(completer)
        self.year = QSpinBox(objectName="year", minimum=1949, maximum=today.year + 1, value=today.year)
        self.doc_date = QDateEdit(QDate(today.year, today.month, today.day), objectName="docDate")
        self.doc_date.setCalendarPopup(True)
        self.doc_date.setDisplayFormat("yyyy-MM-dd")
        self.undated = QCheckBox(self.tr("undated"), objectName="undated")
        self.undated.toggled.connect(lambda on: self.doc_date.setEnabled(not on))
        self.responsible = QLineEdit(objectName="responsible")
        self.doc_number = QLineEdit(objectName="docNumber", placeholderText=self.tr("e.g. 翠物〔2026〕12号"))
        self.pages = QSpinBox(objectName="pages", minimum=0, maximum=99999)
        self.remarks = QPlainTextEdit(objectName="remarks")
        self.remarks.setFixedHeight(52)
        self.secrecy = QComboBox(objectName="secrecy")
        if detail is None:
            self.secrecy.addItem(self.tr("Category default"), None)
        for grade in Grade:
            if grade <= actor.clearance:
                self.secrecy.addItem(grade.label(lang), int(grade))
        self.retention = QComboBox(objectName="retention")
        self.retention.addItem(self.tr("Category default"), None)
        for value in RETENTIONS:
            self.retention.addItem(Retention.parse(value).label(lang), value)
        self.room_code = QLineEdit(
            objectName="roomCode", placeholderText=self.tr("3栋2单元1502, 3-2-1502, 3号楼1502室 …")
        )
        self.room_hint = QLabel(objectName="roomHint", wordWrap=True)
        self.has_paper = QCheckBox(self.tr("A paper original exists"), objectName="hasPaper", checked=True)
        self.files = QListWidget(objectName="pendingFiles")
        self.files.setFixedHeight(56)
        attach = QPushButton(self.tr("Attach scan…"), objectName="attachScan")
        attach.clicked.connect(self.choose_scans)
        self.message = QLabel(objectName="message", wordWrap=True)
        style.set_state(self.message, "error")

        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Year"), self.year)
        dated = QHBoxLayout()
        dated.addWidget(self.doc_date, 1)
        dated.addWidget(self.undated)
        form.addRow(self.tr("Date"), dated)
        form.addRow(self.tr("Responsible party"), self.responsible)
        form.addRow(self.tr("Document no. (文号)"), self.doc_number)
        form.addRow(self.tr("Pages"), self.pages)
        form.addRow(self.tr("Secrecy grade"), self.secrecy)
        form.addRow(self.tr("Retention"), self.retention)
        form.addRow(self.tr("Room"), self.room_code)
        form.addRow("", self.room_hint)
        form.addRow(self.tr("Remarks"), self.remarks)
        form.addRow("", self.has_paper)
        scans = QHBoxLayout()
        scans.addWidget(self.files, 1)
        scans.addWidget(attach, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Scans and media"), scans)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Save") if detail else self.tr("Register"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.category.currentIndexChanged.connect(self._category_changed)
        self.title.textChanged.connect(self.validate)
        self.room_code.textChanged.connect(self._room_changed)
        if detail is not None:
            self._fill(detail)
        elif category_code:
            self.category.setCurrentIndex(max(0, self.category.findData(category_code)))
        self._category_changed()
        self._room_changed(self.room_code.text())

    def _fill(self, d: DocumentDetail) -> None:
        self.category.setCurrentIndex(max(0, self.category.findData(d.category_code)))
        self.title.setText(d.title)
        self.year.setValue(d.year)
        if d.doc_date is None:
            self.undated.setChecked(True)
        else:
            self.doc_date.setDate(QDate(d.doc_date.year, d.doc_date.month, d.doc_date.day))
        self.responsible.setText(d.responsible)
        self.doc_number.setText(d.doc_number)
        self.pages.setValue(d.pages)
        self.remarks.setPlainText(d.remarks)
        self.secrecy.setCurrentIndex(max(0, self.secrecy.findData(int(d.secrecy))))
        self.retention.insertItem(0, d.retention.label(i18n.lang_code()), d.retention.value)
        self.retention.setCurrentIndex(0)
        self.room_code.setText(d.room_code or "")
        self.has_paper.setChecked(d.has_paper)
        for fixed in (self.category, self.year, self.retention):  # they make up the archive number (A7)
            fixed.setEnabled(False)
            fixed.setToolTip(self.tr("Part of the archive number, which never changes."))

    # ------------------------------------------------------------------ validating as you type

    def _category_changed(self, *_: Any) -> None:
        code = self.category.currentData()
        try:
            self.suggestions.setStringList(register.suggestions(self._db, code) if code else [])
        except UserError:
            self.suggestions.setStringList([])
        self.title.setPlaceholderText(
            self.tr("e.g. {example}").format(example=self.suggestions.stringList()[0])
            if self.suggestions.rowCount()
            else ""
        )
        self.validate()

    def _room_changed(self, text: str) -> None:
        self.room = None
        if not text.strip():
            self.room_hint.setText(self.tr("No room: the record is not about one household."))
            style.set_state(self.room_hint, "")
        elif not reads_as_room(text):  # 0302-2002 reads as a room: the estate settles which one
            self.room_hint.setText(self.tr("Not a room code yet: write it like 3栋2单元1502, 3-2-1502 or 3号楼1502室."))
            style.set_state(self.room_hint, "error")
        else:
            try:
                self.room = register.room_by_code(self._db, text)
            except UserError as exc:
                self.room_hint.setText(short_message(exc))
                style.set_state(self.room_hint, "error")
            else:
                owner = self.room.owner_name or self.tr("no owner on record")
                self.room_hint.setText(f"✔ {self.room.code} · {owner}")
                style.set_state(self.room_hint, "ok")
        self.validate()

    def problems(self) -> list[str]:
        """What still stops OK; empty when the form is valid."""
        found = []
        if not self.title.text().strip():
            found.append(self.tr("The title is required."))
        if self.room_code.text().strip() and self.room is None:
            found.append(self.tr("The room code is not valid."))
        if self.category.currentData() is None:
            found.append(self.tr("Choose a category."))
        return found

    def validate(self) -> bool:
        problems = self.problems()
        self.ok.setEnabled(not problems)
        self.message.setText(" ".join(problems) if self.title.text() or self.room_code.text() else "")
        return not problems

    # ------------------------------------------------------------------ scans

    def choose_scans(self) -> None:
        for name in choose_files(self):
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        if path not in self.pending_files:
            self.pending_files.append(path)
            self.files.addItem(path.name)

    # ------------------------------------------------------------------ saving

    def _date(self) -> date | None:
        if self.undated.isChecked():
            return None
        d = self.doc_date.date()
        return date(d.year(), d.month(), d.day())

    def draft(self) -> DocumentDraft:
        retention = self.retention.currentData()
        secrecy = self.secrecy.currentData()
        return DocumentDraft(
            category_code=str(self.category.currentData()),
            title=self.title.text().strip(),
            year=self.year.value(),
            doc_date=self._date(),
            responsible=self.responsible.text().strip(),
            doc_number=self.doc_number.text().strip(),
            pages=self.pages.value(),
            remarks=self.remarks.toPlainText().strip(),
            secrecy=Grade(secrecy) if secrecy is not None else None,
            retention=Retention.parse(retention) if retention else None,
            room_id=self.room.room_id if self.room else None,
            owner_id=self.room.owner_id if self.room else None,
            has_paper=self.has_paper.isChecked(),
        )

    def changes(self) -> dict[str, object]:
        """What an edit changes, field by field (only those the clerk touched)."""
        d = self._detail
        assert d is not None
        draft = self.draft()
        wanted: dict[str, object] = {
            "title": draft.title,
            "doc_date": draft.doc_date,
            "responsible": draft.responsible,
            "doc_number": draft.doc_number,
            "pages": draft.pages,
            "remarks": draft.remarks,
            "secrecy": int(draft.secrecy) if draft.secrecy is not None else int(d.secrecy),
            "has_paper": draft.has_paper,
            "room_id": draft.room_id,
        }
        if draft.room_id != d.room_id:
            wanted["owner_id"] = draft.owner_id
        current = {
            "title": d.title,
            "doc_date": d.doc_date,
            "responsible": d.responsible,
            "doc_number": d.doc_number,
            "pages": d.pages,
            "remarks": d.remarks,
            "secrecy": int(d.secrecy),
            "has_paper": d.has_paper,
            "room_id": d.room_id,
            "owner_id": d.owner_id,
        }
        return {key: value for key, value in wanted.items() if current.get(key) != value}

    def save(self) -> None:
        """Register or save through the services; a refusal is shown here and the dialog stays open."""
        if not self.validate():
            return
        try:
            if self._detail is None:
                self.document_id = register.register(self._db, self._clock, self._actor, self.draft())
            else:
                changes = self.changes()
                if changes:
                    register.edit_document(
                        self._db,
                        self._clock,
                        self._actor,
                        self._detail.id,
                        expected_version=self._detail.version,
                        **changes,
                    )
        except UserError as exc:
            self.message.setText(exc.message(i18n.lang_code()))
            return
        self.accept()
