"""What the desk's window tests share (not a test module): signing in a demo user, opening the Front
desk section as a user, and pressing a dialog's OK as the receptionist would."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo import estate as demo
from estate_desk.ui.desk.section import DeskSection
from estate_desk.ui.qt import QDialogButtonBox, Qt

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def sign_in(db: Database, clock: FakeClock, username: str) -> Actor:
    """A user of the demo estate (``desk``, ``super``, ``clerk`` …), signed in with the demo password."""
    return accounts.authenticate(db, clock, username, demo.DEMO_PASSWORD)


def desk_section(qtbot, db: Database, clock: FakeClock, username: str) -> DeskSection:  # type: ignore[no-untyped-def]
    """The Front desk section as ``username`` sees it, shown and active: window shortcuts (Ctrl+T, F2 …)
    need the active window. The caller shuts it down."""
    section = DeskSection(db, sign_in(db, clock, username), clock)
    qtbot.addWidget(section)
    section.resize(1500, 900)
    section.show()
    section.activateWindow()
    qtbot.waitUntil(section.isActiveWindow)
    return section


def click_ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    ok = dialog.findChild(QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
