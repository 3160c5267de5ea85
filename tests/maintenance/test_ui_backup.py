"""Backup, restore and the archive check in the window (A5): the File menu's actions on the worker, and
the schedule that runs the automatic backup and the check when they are due."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from database_support import ADMIN_PASSWORD
from estate_desk.services.accounts import users as accounts
from estate_desk.services.maintenance import auto_backup, backup_check, integrity
from estate_desk.services.maintenance.backup_crypto import Credentials
from estate_desk.ui.app import make_application
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QApplication, QMessageBox

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def window(qapp: QApplication, qtbot, ready_db: Database, clock: FakeClock) -> MainWindow:  # type: ignore[no-untyped-def]
    make_application()
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    w = MainWindow(ready_db, admin, clock, "测试物业服务中心")
    qtbot.addWidget(w)
    w.show()
    return w


def test_a5_the_file_menu_backs_up_and_checks_on_the_worker(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert texts[:3] == ["备份档案库(&B)…", "从备份恢复(&R)…", "检查档案库(&C)"]
    out = tmp_path / "手动备份.edbackup"
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        window.backups.backup_to(out)
    backup_check.check_file(out)
    assert "已备份到" in window.statusBar().currentMessage() and window.backups.progress is None

    assert window.today is not None
    window.show_section(window.today)  # the today page exists (sections are built when first shown)…
    window.show_section(window.archive)  # …and is not on screen: the check's result reaches it all the same
    with qtbot.waitSignal(window.backups.checked, timeout=20_000) as checked:
        window.backups.check_now()
    assert checked.args[0].ok and "全部完好" in window.statusBar().currentMessage()
    assert window.today.cards["integrity"].section.status.value == "ok"


def test_a5_the_schedule_backs_up_then_checks_when_due_and_at_exit(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    auto_backup.configure(ready_db, folder=tmp_path / "auto", keep=2)
    assert window.backups.timer.isActive()
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        assert window.backups.run_due() == "backup"
    with qtbot.waitSignal(window.backups.checked, timeout=20_000):
        assert window.backups.run_due() == "check"
    assert window.backups.run_due() is None  # nothing due until the clock moves
    assert integrity.last_check(ready_db) is not None
    clock.advance(days=1)
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        assert window.backups.run_due() == "backup"
    exit_file = window.backups.backup_on_exit()
    assert exit_file is not None and exit_file.name.endswith("-exit.edbackup")
    assert len(list((tmp_path / "auto").glob("*.edbackup"))) == 2  # keep=2: the oldest went


def test_a5_restoring_from_the_window_replaces_the_archive_and_closes_it(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "b.edbackup"
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        window.backups.backup_to(out)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    with qtbot.waitSignal(window.backups.restored, timeout=30_000) as restored:
        window.backups.restore_from(out, Credentials(username="admin", password=ADMIN_PASSWORD))
    assert restored.args[0].rows > 0
    assert told and "重新启动" in told[0]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


def test_a5_a_damaged_backup_is_refused_in_a_message_not_a_traceback(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    out = tmp_path / "b.edbackup"
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        window.backups.backup_to(out)
    data = bytearray(out.read_bytes())
    data[100] ^= 1
    out.write_bytes(bytes(data))
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        window.backups.restore_from(out, Credentials(username="admin", password=ADMIN_PASSWORD))
    box = window.findChild(QMessageBox, "backupProblem")
    assert box is not None and "已损坏" in box.text()
    box.grab().save(str(tmp_path / "backup-problem.png"))  # looked at: the message, in Chinese, names the file
    box.close()
    assert window.isVisible()


def test_a5_a_receptionist_cannot_back_up_or_restore(qapp, qtbot, ready_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    from database_support import make_actor

    desk = make_actor(ready_db, clock, "desk", "receptionist")
    w = MainWindow(ready_db, desk, clock, "测试物业服务中心")
    qtbot.addWidget(w)
    assert not w.backups.backup_action.isEnabled() and not w.backups.restore_action.isEnabled()
    assert not w.backups.timer.isActive() and w.backups.backup_on_exit() is None


def test_a5_the_today_pages_archive_check_item_runs_the_check(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.today is not None
    window.nav.setCurrentRow(window.stack.indexOf(window.today))  # shown: the cards are made
    card = window.today.cards["integrity"]
    assert [(i.kind, i.text()) for i in card.section.items] == [("integrity", "检查档案库")]
    with qtbot.waitSignal(window.backups.checked, timeout=20_000):
        assert window.open_from_today("integrity", None)
    qtbot.waitUntil(
        lambda: window.today is not None and window.today.cards["integrity"].section.items == (), timeout=5_000
    )
    QApplication.processEvents()
    window.today.grab().save(str(tmp_path / "today.png"))  # looked at: the card says when and what was checked


def test_a5_a_closed_window_schedules_nothing(window: MainWindow) -> None:
    """The schedule's timer stops with the window: a closed window's worker never wakes again."""
    assert window.backups.timer.isActive()
    window.close()
    assert not window.backups.timer.isActive()


def test_a5_the_schedule_says_so_when_the_archive_cannot_be_reached(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from estate_desk.services.maintenance import auto_backup

    def gone(_db: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(auto_backup, "settings", gone)
    with qtbot.waitSignal(window.backups.status) as said:
        window.backups.timer.timeout.emit()  # the timer's turn, as after five minutes
    assert "无法连接档案库" in said.args[0] or "could not be reached" in said.args[0]
    assert not window.runner.busy


def test_a6_the_schedule_and_the_exit_backup_skip_a_session_not_cleared_for_the_whole_archive(  # type: ignore[no-untyped-def]
    qapp, qtbot, ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    from database_support import make_actor
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.estate.buildings import add_owner

    with ready_db.session() as s:
        add_owner(s, clock, "王某某")  # an owner file: the archive holds 绝密
    internal_clerk = make_actor(ready_db, clock, "clerk", "archive_clerk", int(Grade.INTERNAL))
    auto_backup.configure(ready_db, folder=tmp_path / "auto")
    w = MainWindow(ready_db, internal_clerk, clock, "测试物业服务中心")
    qtbot.addWidget(w)

    with qtbot.waitSignal(w.backups.status) as said:
        due = w.backups.run_due()
    assert due != "backup"  # the scheduled backup is not made; the check may still run
    assert "自动备份已跳过" in said.args[0] and "绝密" in said.args[0]
    if due == "check":
        qtbot.waitUntil(lambda: not w.runner.busy, timeout=20_000)
    assert w.backups.backup_on_exit() is None
    assert not list((tmp_path / "auto").glob("*.edbackup")) and w.findChild(QMessageBox, "backupProblem") is None


def test_a6_the_restore_dialog_asks_for_a_sign_in_or_the_recovery_key(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.ui.maintenance.backup_unlock import BackupUnlockDialog

    make_application()
    dialog = BackupUnlockDialog("b.edbackup")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.username.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)
    assert dialog.ok.isEnabled() and dialog.credentials() == Credentials(username="admin", password=ADMIN_PASSWORD)
    dialog.by_recovery.setChecked(True)
    assert not dialog.ok.isEnabled() and not dialog.password.isEnabled()
    dialog.recovery.setText("ABCD-EFGH")
    assert dialog.credentials() == Credentials(recovery_key="ABCD-EFGH")
