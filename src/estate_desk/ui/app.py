"""Starting the window: Qt, fonts, language, the database (with clear messages), set-up, sign-in — and
signing out, so that the next user of a shared front-desk PC signs in without restarting."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from estate_desk.domain.clock import SystemClock
from estate_desk.domain.errors import UserError
from estate_desk.services.accounts import setup
from estate_desk.services.maintenance.opening import open_store
from estate_desk.store.database import Database, open_database
from estate_desk.store.server_clock import workstation_clock
from estate_desk.ui import errors, fonts, i18n, prefs, style
from estate_desk.ui.qt import QApplication, QDialog, QIcon, QObject

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or ["estate-desk"]))
    app.setApplicationName("Estate Desk")
    app.setOrganizationName("EstateDesk")
    fonts.register_bundled_fonts()
    app.setFont(fonts.ui_font())
    style.apply(app)
    i18n.install(app, prefs.language())
    # Qt ends every window's title with this name ("登录 — 物业档案与前台") unless the title already ends
    # with it, as the main window's does ("翠湖苑物业服务中心 — 物业档案与前台"): one name, said once.
    app.setApplicationDisplayName(app.translate("App", "Estate Desk"))
    from estate_desk.resources import resource_path

    icon = resource_path("icons", "estate-desk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def set_up_and_sign_in(
    db: Database, clock: Clock, demo_logins: Sequence[tuple[str, str, str]] | None
) -> tuple[Actor, str] | None:
    """The set-up wizard on an empty archive, then the sign-in (filled in with the administrator set-up
    just made). The signed-in actor and the office's name, or None when either was cancelled."""
    from estate_desk.ui.accounts.dialogs import LoginDialog, SetupWizard

    username = ""
    if not setup.is_initialised(db):
        wizard = SetupWizard(db, clock)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.made is None:
            return None
        username = wizard.made.admin_username
    office = setup.office(db)
    office_name = office.name if office else ""
    login = LoginDialog(db, clock, office_name, demo_logins, username=username)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return None
    return login.actor, office_name


def sign_in_again(
    db: Database, clock: Clock, office_name: str, demo_logins: Sequence[tuple[str, str, str]] | None = None
) -> Actor | None:
    """The sign-in after someone signed out, for the next user. None when cancelled."""
    from estate_desk.ui.accounts.dialogs import LoginDialog

    login = LoginDialog(db, clock, office_name, demo_logins)
    if login.exec() != QDialog.DialogCode.Accepted:
        return None
    return login.actor


class Sessions(QObject):
    """The one signed-in window of this workstation. Signing out closes it (its timers and worker
    stop as at exit) and opens the sign-in; the next user gets a window of their own, with their own
    sections and home. Cancelling the sign-in ends the application."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        office_name: str,
        *,
        demo_logins: Sequence[tuple[str, str, str]] | None = None,
        sign_in: Callable[[], Actor | None] | None = None,
    ) -> None:
        super().__init__()
        self._db, self._clock, self._office = db, clock, office_name
        self._sign_in = sign_in or (lambda: sign_in_again(db, clock, office_name, demo_logins))
        self.window: MainWindow | None = None

    def open(self, actor: Actor) -> MainWindow:
        from estate_desk.ui.main_window import MainWindow

        window = MainWindow(self._db, actor, self._clock, self._office)
        window.sign_out_requested.connect(self.switch_user)
        window.show()
        self.window = window
        return window

    def switch_user(self) -> MainWindow | None:
        """Close the signed-in window and sign in again; the new window, or None when nobody signed in."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # between the two windows none is open
        try:
            if self.window is not None:
                old, self.window = self.window, None
                old.close()
                old.deleteLater()
                log.info("signed out: %s", old.actor.username)
            actor = self._sign_in()
            if actor is None:
                app.quit()
                return None
            return self.open(actor)
        finally:
            app.setQuitOnLastWindowClosed(quits)


def run_app(database: str | None, demo_logins: Sequence[tuple[str, str, str]] | None = None) -> int:
    app = make_application()
    errors.install_excepthook()
    try:
        db: Database = open_database(database)
        open_store(db)  # this workstation's attachment folder (the shared one on a LAN) is this archive's
    except UserError as exc:
        errors.show_problem(None, exc, app.translate("App", "The archive cannot be opened"))
        return 1
    clock = workstation_clock(db, SystemClock())  # on PostgreSQL the server's time decides (issue 9)
    signed_in = set_up_and_sign_in(db, clock, demo_logins)
    if signed_in is None:
        return 0
    actor, office_name = signed_in
    from estate_desk.services.maintenance.auto_backup import sweep_at_start

    sweep_at_start(db, clock)  # temp files of copies and backups a crash interrupted
    from estate_desk.ui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(app)  # garbage is collected on this thread only, never on the worker
    sessions = Sessions(db, clock, office_name, demo_logins=demo_logins)
    sessions.open(actor)
    code = app.exec()
    if sessions.window is not None:  # the automatic backup at exit (A5), when the settings ask for it
        sessions.window.backups.backup_on_exit()
    collector.stop()
    db.dispose()
    return int(code)
