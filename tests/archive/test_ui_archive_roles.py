"""What a role can't use in the archive is hidden, not offered and then refused (issue 20)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo import estate as demo
from estate_desk.ui.archive.browser import OWNER_COLUMN
from estate_desk.ui.archive.section import OWNERS_TAB
from estate_desk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui

FILING = ("register", "edit", "attach", "file", "box", "place")


def _window(qtbot, db: Database, clock: FakeClock, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, accounts.authenticate(db, clock, username, demo.DEMO_PASSWORD), clock, "翠湖苑")
    qtbot.addWidget(window)
    return window


def test_the_receptionist_sees_no_filing_and_no_owner_files(app, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, clock, "desk")
    assert window.printing.choice.currentData() == "daily-review"  # the desk's printout, not box labels
    archive = window.archive
    assert [k for k in FILING if archive.actions_[k].isVisible()] == []
    assert archive.actions_["refresh"].isVisible()
    detail = archive.browser.detail
    assert all(b.isHidden() for b in (*detail.buttons.values(), detail.void_button))
    assert archive.cabinets.new_cabinet.isHidden() and archive.cabinets.box_panel.place_button.isHidden()
    assert not archive.tabs.isTabVisible(OWNERS_TAB)  # owner files are 绝密 (A12): not an empty tab
    browser = archive.browser  # nor an empty owner column, and the column chooser doesn't offer it
    assert browser.table.isColumnHidden(OWNER_COLUMN) and not browser.columns.set_shown(OWNER_COLUMN, True)
    assert "业主" not in [a.text() for a in browser.columns.menu().actions()]
    assert "owner" not in browser.columns.hidden()  # withheld, not the reader's own choice to remember
    messages: list[str] = []
    archive.status.connect(messages.append)
    room_id = 1
    assert archive.open_record("room", room_id) is False and "绝密" in messages[-1]


def test_the_clerk_and_the_supervisor_keep_what_is_theirs(app, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    clerk = _window(qtbot, demo_db, clock, "clerk").archive
    assert all(clerk.actions_[k].isVisible() for k in FILING) and clerk.tabs.isTabVisible(OWNERS_TAB)
    assert not clerk.browser.table.isColumnHidden(OWNER_COLUMN)
    supervisor = _window(qtbot, demo_db, clock, "super").archive
    detail = supervisor.browser.detail
    assert not supervisor.actions_["register"].isVisible()
    assert not detail.void_button.isHidden() and not detail.buttons["hold"].isHidden()  # A16, A17
    assert detail.buttons["edit"].isHidden()
