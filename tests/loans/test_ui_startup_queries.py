"""Opening the main window costs the same number of statements however many loan requests await the
clerk (issue 18: the loan desk's approvals made three queries per pending request at start)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from database_support import statements
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.ui.app import make_application
from estate_desk.ui.main_window import MainWindow
from loan_support import Archive, make_archive
from scanner_support import FakeMs

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def _open(qtbot, archive: Archive) -> int:  # type: ignore[no-untyped-def]
    """Statements sent while the clerk's main window is built and shown."""
    with statements(archive.db) as sent:
        w = MainWindow(archive.db, archive.clerk, archive.clock, "测试物业服务中心", now_ms=FakeMs())
        qtbot.addWidget(w)
        w.show()
    assert w.loans is not None
    w.close()
    return len(sent)


def test_opening_the_window_does_not_query_per_pending_request(qapp, qtbot, archive: Archive) -> None:  # type: ignore[no-untyped-def]
    make_application()
    _open(qtbot, archive)  # once, so what is read once per process is not counted below
    for _ in range(3):
        archive.ask(archive.by_grade[Grade.INTERNAL])
    few = _open(qtbot, archive)
    for _ in range(27):
        archive.ask(archive.by_grade[Grade.INTERNAL])
    many = _open(qtbot, archive)
    assert many == few
