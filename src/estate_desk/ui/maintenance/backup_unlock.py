"""What opens an encrypted backup (打开加密备份, A6): a sign-in of the archive it came from, or its recovery key.

The dialog only gathers them; ``services/backup_check.open_backup`` decides whether they open the key and
says so (a wrong password or recovery key touches nothing).
"""

from __future__ import annotations

from estate_desk.services.maintenance.backup_crypto import Credentials
from estate_desk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class BackupUnlockDialog(QDialog):
    """Asks for a user name and password of the source archive, or for its recovery key."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="backupUnlockDialog")
        self.setWindowTitle(self.tr("Open the backup {file}").format(file=file_name))
        intro = QLabel(
            self.tr(
                "Backups are encrypted with the key of the archive that made them. Sign in as a user of that "
                "archive, or give its recovery key."
            ),
            wordWrap=True,
        )
        self.by_password = QRadioButton(self.tr("User name and password"), objectName="unlockByPassword")
        self.by_recovery = QRadioButton(self.tr("Recovery key"), objectName="unlockByRecovery")
        self.by_password.setChecked(True)
        self.username = QLineEdit(objectName="unlockUsername")
        self.password = QLineEdit(objectName="unlockPassword", echoMode=QLineEdit.EchoMode.Password)
        self.recovery = QLineEdit(objectName="unlockRecoveryKey", echoMode=QLineEdit.EchoMode.Password)
        self.recovery.setPlaceholderText("XXXX-XXXX-…")
        form = QFormLayout()
        form.addRow(self.by_password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.by_recovery)
        form.addRow(self.tr("Recovery key"), self.recovery)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, objectName="unlockButtons"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for signal in (
            self.by_password.toggled,
            self.username.textChanged,
            self.password.textChanged,
            self.recovery.textChanged,
        ):
            signal.connect(self._update)
        self._update()
        self.resize(460, 260)

    def _update(self) -> None:
        by_password = self.by_password.isChecked()
        self.username.setEnabled(by_password)
        self.password.setEnabled(by_password)
        self.recovery.setEnabled(not by_password)
        ready = (
            bool(self.username.text().strip() and self.password.text())
            if by_password
            else bool(self.recovery.text().strip())
        )
        self.ok.setEnabled(ready)

    def credentials(self) -> Credentials:
        if self.by_recovery.isChecked():
            return Credentials(recovery_key=self.recovery.text())
        return Credentials(username=self.username.text().strip(), password=self.password.text())
