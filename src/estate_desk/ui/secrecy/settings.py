"""Secrecy settings (密级设置) in the Administration section, for the management office and administrators.

The grades' names, the grade from which attachments are stored encrypted, whether the text read from
encrypted scans is searchable (OCR, issue 17: the trade-off said plainly), who may print and export
up to which grade (A11), and a new recovery key for the archive's master key. The widgets only
collect values; ``services/secrecy/grades.py`` and ``services/accounts/admin.py`` check, save and audit them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade, default_label
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services.accounts import admin as account_admin
from estate_desk.services.secrecy import grades, threshold
from estate_desk.ui import i18n, style
from estate_desk.ui.qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSignalBlocker,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _grade_box(name: str, chosen: Grade) -> QComboBox:
    box = QComboBox(objectName=name)
    for grade in Grade:
        box.addItem(grade.label(i18n.lang_code()), int(grade))
    box.setCurrentIndex(int(chosen))
    return box


class SecrecySettings(QWidget):
    """Grade names, the encryption grade, print and export rights, and the recovery key."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="secrecySettings")
        self._db, self._actor, self._clock = db, actor, clock
        with db.session() as s:
            names = grades.office_names(s)
            encrypt_from = threshold.encrypt_from(s)
            rights = grades.output_rights(s)

        self.names: dict[Grade, tuple[QLineEdit, QLineEdit]] = {}
        names_box = QGroupBox(self.tr("Names of the grades"))
        form = QFormLayout(names_box)
        for grade in Grade:
            zh, en = names.get(grade, (default_label(grade), default_label(grade, "en")))
            row = (QLineEdit(zh, objectName=f"gradeZh{int(grade)}"), QLineEdit(en, objectName=f"gradeEn{int(grade)}"))
            self.names[grade] = row
            pair = QHBoxLayout()
            pair.addWidget(row[0])
            pair.addWidget(row[1])
            form.addRow(default_label(grade, i18n.lang_code()), pair)
        self.save_names = QPushButton(self.tr("Save the names"), objectName="saveGradeNames")
        self.save_names.clicked.connect(self.store_names)
        form.addRow("", self.save_names)

        self.encrypt_from = _grade_box("encryptFrom", encrypt_from)
        self.save_encryption = QPushButton(self.tr("Apply"), objectName="saveEncryptFrom")
        self.save_encryption.clicked.connect(self.store_encryption)
        crypt_box = QGroupBox(self.tr("Encryption at rest"))
        crypt = QHBoxLayout(crypt_box)
        crypt.addWidget(QLabel(self.tr("Attachments are stored encrypted from the grade")))
        crypt.addWidget(self.encrypt_from)
        crypt.addWidget(self.save_encryption)
        crypt.addStretch(1)

        crypt.addStretch(1)
        ocr_box = self._sealed_text_box(grades.indexes_sealed_text(db))

        self.limits: dict[tuple[Output, Role], QComboBox] = {}
        rights_box = QGroupBox(self.tr("Who may print and export up to which grade"))
        grid = QGridLayout(rights_box)
        grid.addWidget(QLabel(self.tr("Print")), 0, 1)
        grid.addWidget(QLabel(self.tr("Export")), 0, 2)
        for r, role in enumerate(Role, start=1):
            grid.addWidget(QLabel(role.label(i18n.lang_code())), r, 0)
            for c, output in enumerate(Output, start=1):
                box = _grade_box(f"limit_{output.value}_{role.value}", rights.limit(output, role))
                box.activated.connect(lambda _i, o=output, rl=role: self.store_limit(o, rl))
                self.limits[(output, role)] = box
                grid.addWidget(box, r, c)

        self.recovery_button = QPushButton(self.tr("Issue a new recovery key…"), objectName="issueRecovery")
        self.recovery_button.clicked.connect(self.issue_recovery)
        self.recovery_key = QLabel(objectName="recoveryKey")
        self.recovery_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(objectName="secrecyMessage", wordWrap=True)

        layout = QVBoxLayout(self)
        layout.addWidget(names_box)
        layout.addWidget(crypt_box)
        layout.addWidget(ocr_box)
        layout.addWidget(rights_box)
        keys = QHBoxLayout()
        keys.addWidget(self.recovery_button)
        keys.addWidget(self.recovery_key, 1)
        layout.addLayout(keys)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _sealed_text_box(self, on: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Text read from encrypted scans (OCR)"))
        column = QVBoxLayout(box)
        self.index_sealed = QCheckBox(self.tr("Read and search the text of encrypted scans"), objectName="indexSealed")
        self.index_sealed.setChecked(on)
        self.index_sealed.toggled.connect(self.store_index_sealed)
        why = QLabel(
            self.tr(
                "Scans of records at or above the encryption grade stay encrypted either way. When this is on, "
                "the words read from them are kept in the database unencrypted so that search finds them: "
                "only readers cleared for the grade see the hits, but anyone who copies the database file "
                "could read that text. Off by default. Switching it off removes the text already read; "
                "switching it on reads those scans the next time text recognition runs."
            ),
            objectName="indexSealedWhy",
            wordWrap=True,
        )
        style.set_state(why, "muted")
        column.addWidget(self.index_sealed)
        column.addWidget(why)
        return box

    def store_index_sealed(self, on: bool) -> bool:
        """Switch the office setting; a refusal puts the box back as it was."""
        try:
            emptied = grades.set_index_sealed_text(self._db, self._clock, self._actor, on)
        except UserError as exc:
            with QSignalBlocker(self.index_sealed):
                self.index_sealed.setChecked(not on)
            self._say(exc.message(i18n.lang_code()), ok=False)
            return False
        if on:
            self._say(
                self.tr("The text of encrypted scans is read and searchable from the next recognition run."), ok=True
            )
        else:
            self._say(
                self.tr("The text of encrypted scans is not kept: {pages} page(s) emptied.").format(pages=emptied),
                ok=True,
            )
        return True

    def _run(self, job: Callable[[], object], done: str) -> bool:
        try:
            job()
        except UserError as exc:
            self._say(exc.message(i18n.lang_code()), ok=False)
            return False
        self._say(done, ok=True)
        return True

    def store_names(self) -> bool:
        names = {g: (zh.text(), en.text()) for g, (zh, en) in self.names.items()}
        return self._run(lambda: grades.rename_grades(self._db, self._clock, self._actor, names), self.tr("Saved."))

    def store_encryption(self) -> bool:
        grade = Grade(int(self.encrypt_from.currentData()))
        return self._run(
            lambda: grades.set_encrypt_from(self._db, self._clock, self._actor, grade),
            self.tr("Attachments are now stored to match the new grade."),
        )

    def store_limit(self, output: Output, role: Role) -> bool:
        grade = Grade(int(self.limits[(output, role)].currentData()))
        return self._run(
            lambda: grades.set_output_limit(self._db, self._clock, self._actor, output, role, grade), self.tr("Saved.")
        )

    def issue_recovery(self) -> bool:
        try:
            key = account_admin.issue_recovery_key(self._db, self._clock, self._actor)
        except UserError as exc:
            self._say(exc.message(i18n.lang_code()), ok=False)
            return False
        self.recovery_key.setText(f"<tt>{key}</tt>")
        self._say(
            self.tr("Write the new recovery key down now and give it to the management office; it is not shown again."),
            ok=True,
        )
        return True

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        style.set_state(self.message, "ok" if ok else "error")
