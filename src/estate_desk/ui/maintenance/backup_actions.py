"""Backup, restore and the archive check in the window (备份、恢复与完整性检查, A5).

The File menu gets three actions — back up now, restore from a backup, check the archive — that
run on the window's worker with a progress dialog and Cancel. For archive staff the window also
runs the automatic backup and the scheduled check when they are due (asked every few minutes;
the decision is ``services/auto_backup.backup_due`` and ``services/integrity.check_due``, pure
functions of the clock), and one more backup when the window closes, when the settings ask for it.
The check, asked or scheduled, is ``services/maintenance/archive_check.py``: the five integrity checks
and the four-properties check over the whole archive, with progress and Cancel (the scheduled one's
progress dialog does not block the window, and shows only when the check takes a while); a cancelled
check keeps the previous outcome.
The automatic backups are made only in a session that may back up the whole archive
(``services/maintenance/backup_rights.py``); in any other they are skipped with a line on the status bar.
Restoring asks what opens the backup's key (``ui/maintenance/backup_unlock.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS, Role
from estate_desk.services.maintenance import archive_check, auto_backup, backup_format, backup_write, integrity, restore
from estate_desk.ui import i18n
from estate_desk.ui.maintenance.backup_unlock import BackupUnlockDialog
from estate_desk.ui.qt import (
    QAction,
    QApplication,
    QFileDialog,
    QMessageBox,
    QObject,
    QProgressDialog,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.maintenance.backup_crypto import Credentials
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner, TaskState

log = logging.getLogger(__name__)

STEPS = 1000
SCHEDULE_CHECK_MS = 5 * 60 * 1000  # how often the window asks whether a backup or a check is due


class BackupActions(QObject):
    """The window's backup, restore and check actions, and the schedule that runs them unasked."""

    status = Signal(str)
    checked = Signal(object)  # the ArchiveCheck, after a check
    restored = Signal(object)  # the RestoreReport; the window must close (its data is replaced)

    def __init__(self, parent: QWidget, db: Database, actor: Actor, clock: Clock, runner: Runner) -> None:
        super().__init__(parent)
        self._window, self._db, self._actor, self._clock, self._runner = parent, db, actor, clock, runner
        self.progress: QProgressDialog | None = None
        self.task: TaskState | None = None
        self._said_skipped = False  # the status line says once a session why automatic backups are skipped
        keeper = actor.role in ARCHIVE_KEEPERS
        self.backup_action = QAction(self.tr("&Back up the archive…"), self, objectName="backupNow")
        self.backup_action.triggered.connect(self.ask_backup)
        self.backup_action.setEnabled(keeper)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self, objectName="restoreBackup")
        self.restore_action.triggered.connect(self.ask_restore)
        self.restore_action.setEnabled(actor.role is Role.ADMINISTRATOR)
        self.check_action = QAction(self.tr("&Check the archive"), self, objectName="checkArchive")
        self.check_action.triggered.connect(self.check_now)
        self.check_action.setEnabled(keeper)
        self.timer = QTimer(self, interval=SCHEDULE_CHECK_MS)
        self.timer.timeout.connect(self._scheduled)
        if keeper:
            self.timer.start()

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action, self.check_action]

    # ------------------------------------------------------------------ running a job

    def _start(
        self, label: str, job: Callable[[TaskState], Any], done: Callable[[Any], None], *, unasked: bool = False
    ) -> TaskState:
        """Run ``job`` with a progress dialog and Cancel; ``unasked`` (the schedule's): not modal, and shown
        only when the job takes a while (the dialog's minimum duration)."""
        progress = QProgressDialog(label, self.tr("Cancel"), 0, STEPS, self._window)
        progress.setObjectName("backupProgress")
        progress.setWindowModality(Qt.WindowModality.NonModal if unasked else Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        if not unasked:
            progress.show()
        self.progress = progress

        def finished(value: Any) -> None:
            self._close()
            done(value)

        def cancelled() -> None:
            self._close()
            self.status.emit(self.tr("Cancelled; nothing was kept."))

        self.task = self._runner.submit(
            job,
            on_done=finished,
            on_failed=self._failed,
            on_cancelled=cancelled,
            on_progress=lambda d, t: progress.setValue(int(STEPS * d / max(1, t))),
        )
        progress.canceled.connect(self.task.cancel)
        return self.task

    def _close(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if isinstance(exc, UserError):
            text = exc.message(i18n.lang_code())
        else:
            log.error("backup job failed", exc_info=exc)
            text = self.tr("Something unexpected went wrong; details are in the log.")
        self.status.emit(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Estate Desk"), text, QMessageBox.StandardButton.Ok)
        box.setObjectName("backupProblem")
        box.setParent(self._window, box.windowFlags())
        box.open()

    # ------------------------------------------------------------------ the actions

    def ask_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Back up the archive"),
            str(Path.home() / backup_write.default_name(self._clock)),
            self.tr("Estate Desk backup (*.edbackup)"),
        )
        if name:
            self.backup_to(Path(name))

    def backup_to(self, path: Path) -> TaskState:
        db, clock, actor = self._db, self._clock, self._actor

        def job(state: TaskState) -> backup_format.BackupInfo:
            return backup_write.create_backup(db, clock, actor, path, progress=state.report, cancel=state.is_cancelled)

        def done(info: backup_format.BackupInfo) -> None:
            self.status.emit(self.tr("Backed up to {file}.").format(file=info.path))

        return self._start(self.tr("Backing up the archive to {file}…").format(file=path.name), job, done)

    def ask_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Restore from a backup"), "", self.tr("Estate Desk backup (*.edbackup)")
        )
        if not name:
            return
        answer = QMessageBox.question(
            self._window,
            self.tr("Restore from a backup"),
            self.tr(
                "The archive in this database and its attachment store will be replaced by the backup "
                "{file}; what is there now is emptied first, never mixed with it (the old attachment store is "
                "moved aside). Estate Desk closes afterwards. Go on?"
            ).format(file=Path(name).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        unlock = BackupUnlockDialog(Path(name).name, self._window)
        if unlock.exec() == BackupUnlockDialog.DialogCode.Accepted:
            self.restore_from(Path(name), unlock.credentials())

    def restore_from(self, path: Path, credentials: Credentials) -> TaskState:
        url, clock = self._db.url, self._clock

        def job(state: TaskState) -> restore.RestoreReport:
            return restore.restore_backup(
                url, path, credentials, force=True, clock=clock, progress=state.report, cancel=state.is_cancelled
            )

        def done(report: restore.RestoreReport) -> None:
            self.status.emit(report.info.summary(i18n.lang_code()))
            self.restored.emit(report)

        return self._start(self.tr("Checking and restoring {file}…").format(file=path.name), job, done)

    def check_now(self, *, unasked: bool = False) -> TaskState:
        """The archive check (the five checks and the four-properties check), asked or (``unasked``) scheduled."""
        db, clock, actor = self._db, self._clock, self._actor

        def job(state: TaskState) -> archive_check.ArchiveCheck:
            return archive_check.run_check(db, clock, actor, progress=state.report, cancel=state.is_cancelled)

        def done(report: archive_check.ArchiveCheck) -> None:
            self.status.emit(report.summary(i18n.lang_code()))
            self.checked.emit(report)

        return self._start(self.tr("Checking the archive…"), job, done, unasked=unasked)

    # ------------------------------------------------------------------ the schedule

    def _scheduled(self) -> None:
        """The timer's turn: a database out of reach is said on the status bar, and asked again next time."""
        try:
            self.run_due()
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
        except SQLAlchemyError as exc:
            log.warning("scheduled backup/check skipped: %s", exc)
            self.status.emit(self.tr("The archive could not be reached; the scheduled backup waits for the next turn."))

    def run_due(self) -> str | None:
        """Start what is due (the scheduled backup first, then the check); returns which, or None."""
        if self._runner.busy or self.progress is not None:
            return None
        now = self._clock.now()
        conf = auto_backup.settings(self._db)
        if auto_backup.backup_due(conf.last_at, now, conf.every) and self._may_back_up():
            db, clock, actor = self._db, self._clock, self._actor

            def job(state: TaskState) -> Path:
                return auto_backup.run_backup(
                    db, clock, actor, reason="schedule", progress=state.report, cancel=state.is_cancelled
                )

            self._runner.submit(
                job,
                on_done=lambda p: self.status.emit(self.tr("Automatic backup: {file}").format(file=p.name)),
                on_failed=lambda exc: self.status.emit(
                    exc.message(i18n.lang_code()) if isinstance(exc, UserError) else str(exc)
                ),
            )
            return "backup"
        last = integrity.last_check(self._db)
        if integrity.check_due(last.at if last else None, now, integrity.check_every(self._db)):
            self.check_now(unasked=True)
            return "check"
        return None

    def _may_back_up(self) -> bool:
        """Whether this session makes the automatic backups; if not, the status bar says why (once)."""
        why = auto_backup.skipped_because(self._db, self._actor)
        if why is None:
            return True
        if not self._said_skipped:
            self._said_skipped = True
            reason = why.zh if i18n.lang_code().startswith("zh") else why.en
            self.status.emit(self.tr("Automatic backup skipped: {reason}").format(reason=reason))
        return False

    def backup_on_exit(self) -> Path | None:
        """The backup made as the window closes (in a session that may back up the whole archive, when
        the settings ask for it)."""
        self.timer.stop()
        if self._actor.role not in ARCHIVE_KEEPERS or not auto_backup.settings(self._db).on_exit:
            return None
        if auto_backup.skipped_because(self._db, self._actor) is not None:
            log.info("backup at exit skipped: this session may not back up the whole archive")
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return auto_backup.run_backup(self._db, self._clock, self._actor, reason="exit")
        except UserError as exc:
            log.warning("backup at exit failed: %s", exc.log_text())
            return None
        except Exception:  # closing must never fail because of the backup; the log says why
            log.exception("backup at exit failed")
            return None
        finally:
            QApplication.restoreOverrideCursor()
