"""The window's scheduled archive check runs the four-properties check too (A5, DA/T 70; issue 17): on the
worker when the fake clock says it is due, its failed items on the today page named by record, and Cancel
on its progress dialog keeps the previous outcome."""

from __future__ import annotations

import io
import threading
from datetime import date
from typing import TYPE_CHECKING, Any

import img2pdf
import pytest
from PIL import Image
from sqlalchemy import select

from database_support import ADMIN_PASSWORD
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.archive.register import register
from estate_desk.services.maintenance import auto_backup, integrity
from estate_desk.store.archive import Document
from estate_desk.ui.app import make_application
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QPushButton

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database
    from estate_desk.ui.qt import QApplication

pytestmark = pytest.mark.ui


def _two_page_scan(path: Path) -> Path:
    pages = []
    for n in range(2):
        out = io.BytesIO()
        Image.new("L", (120, 170), 240 - 30 * n).save(out, format="PNG")
        pages.append(out.getvalue())
    path.write_bytes(img2pdf.convert(pages))
    return path


def test_the_scheduled_check_shows_its_four_properties_failures_and_cancel_keeps_them(  # type: ignore[no-untyped-def]
    qapp: QApplication, qtbot, ready_db: Database, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_application()
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    draft = DocumentDraft(
        "WX",
        "维修记录 页数不符",
        2023,
        doc_date=date(2023, 5, 4),
        responsible="物业服务中心",
        pages=5,
        secrecy=Grade.INTERNAL,
    )
    document_id = register(ready_db, clock, admin, draft)
    attachments.attach_file(ready_db, clock, admin, document_id, _two_page_scan(tmp_path / "scan.pdf"))
    with ready_db.session() as s:
        archive_no = s.scalar(select(Document.archive_no).where(Document.id == document_id))
    auto_backup.configure(ready_db, folder=tmp_path / "auto", keep=2)
    window = MainWindow(ready_db, admin, clock, "测试物业服务中心")
    qtbot.addWidget(window)
    window.show()
    assert window.today is not None
    window.nav.setCurrentRow(window.stack.indexOf(window.today))

    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        assert window.backups.run_due() == "backup"
    with qtbot.waitSignal(window.backups.checked, timeout=30_000) as checked:
        assert window.backups.run_due() == "check"
    assert checked.args[0].four_properties is not None and not checked.args[0].ok
    qtbot.waitUntil(lambda: "四性检测" in window.today.cards["integrity"].section.summary("zh"), timeout=5_000)
    card = window.today.cards["integrity"]
    assert card.section.status.value == "overdue"
    assert any(archive_no in item.text("zh") and "页数" in item.text("zh") for item in card.section.items)
    kept = integrity.last_check(ready_db)
    assert kept is not None and kept.four_properties is not None and kept.four_properties.failed == 1
    qapp.processEvents()  # the rebuilt cards laid out
    window.today.grab().save(str(tmp_path / "today.png"))  # looked at: the card names the record and the report

    clock.advance(days=8)  # due again; the clerk cancels the run from its progress dialog
    with qtbot.waitSignal(window.runner.finished, timeout=20_000):
        assert window.backups.run_due() == "backup"
    gate = threading.Event()  # the check waits on the worker until Cancel was pressed: no race with a fast check
    checking = integrity.check_archive

    def held(*args: Any, **kwargs: Any) -> integrity.IntegrityReport:
        gate.wait(20)
        return checking(*args, **kwargs)

    monkeypatch.setattr(integrity, "check_archive", held)
    assert window.backups.run_due() == "check"
    progress = window.backups.progress
    assert progress is not None and not progress.isModal()  # the schedule's dialog does not block the window
    with qtbot.waitSignal(window.runner.finished, timeout=30_000) as finished:
        progress.findChild(QPushButton).click()  # its Cancel button
        gate.set()
    assert finished.args[0].cancelled and window.backups.progress is None
    assert integrity.last_check(ready_db) == kept
