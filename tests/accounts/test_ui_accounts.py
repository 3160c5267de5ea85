"""A new office's first day in the window (issue 20): set up with the default name, add a clerk and a
receptionist in 管理 → 用户, sign out, sign in as each; everyone lands on their own home; the
administrator's other account actions (reset, clearance, disable, enable) and everyone's own password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.roles import Home, Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import admin, homes
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import register
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.secrecy import audit_log
from estate_desk.ui.accounts.dialogs import LoginDialog, SetupWizard
from estate_desk.ui.accounts.user_dialogs import AddUserDialog, ChangePasswordDialog, NewPasswordDialog
from estate_desk.ui.app import Sessions
from estate_desk.ui.qt import QDialogButtonBox, QLabel, QPoint, QPushButton, Qt, QWizard

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.ui
OFFICE = "翠湖苑物业服务中心"


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, dialog.findChild(QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok))


def set_up_with_the_defaults(qtbot, db: Database, clock: FakeClock) -> str:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(db, clock)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.office, "Office")  # typed; QTest types ASCII only, so the Chinese name is set
    wizard.office.setText(OFFICE)
    qtbot.keyClicks(wizard.fonds, "Z001")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.admin.text() == "admin"  # the default name, kept
    qtbot.keyClicks(wizard.password, "admin-pass-1")
    qtbot.keyClicks(wizard.password2, "admin-pass-1")
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.mouseClick(wizard.kept, Qt.MouseButton.LeftButton, pos=QPoint(8, wizard.kept.height() // 2))
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.made is not None
    return wizard.made.admin_username


class SignIns:
    """The sign-in dialog as the next user fills it: each call takes the next (name, password)."""

    def __init__(self, qtbot, db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.db, self.clock = qtbot, db, clock
        self.queue: list[tuple[str, str]] = []

    def __call__(self, username: str = "") -> Actor | None:
        login = LoginDialog(self.db, self.clock, OFFICE, username=username)
        self.qtbot.addWidget(login)
        name, password = self.queue.pop(0)
        if not username:
            self.qtbot.keyClicks(login.username, name)
        assert login.username.text() == name
        self.qtbot.keyClicks(login.password, password)
        login.try_sign_in()
        return login.actor


def home_of(window: MainWindow) -> str:
    return window.nav.currentItem().text()


def add_user(qtbot, window: MainWindow, username: str, name: str, role: Role) -> None:  # type: ignore[no-untyped-def]
    assert window.admin is not None and window.admin.users is not None
    window.admin.users.actions_["add"].trigger()
    dialog = window.admin.users.dialog
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.username, username)
    dialog.display_name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role.value))
    assert Grade(dialog.clearance.currentData()) == accounts.default_clearance(role)  # the role's default
    qtbot.keyClicks(dialog.password, f"{username}-pass-1")
    qtbot.keyClicks(dialog.again, f"{username}-pass-2")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.message.isVisible()  # the passwords differ: said, nothing added
    qtbot.keyClicks(dialog.again, "x")  # typing again clears the message
    assert not dialog.message.isVisible()
    dialog.again.setText(f"{username}-pass-1")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()


def test_a_new_office_adds_its_users_in_the_window_and_each_lands_on_their_home(  # type: ignore[no-untyped-def]
    app, qtbot, db: Database, clock: FakeClock
) -> None:
    sign_ins = SignIns(qtbot, db, clock)
    admin_name = set_up_with_the_defaults(qtbot, db, clock)
    sign_ins.queue.append((admin_name, "admin-pass-1"))
    administrator = sign_ins(admin_name)  # the sign-in names the administrator set-up made
    assert administrator is not None
    sessions = Sessions(db, clock, OFFICE, sign_in=sign_ins)
    window = sessions.open(administrator)
    qtbot.addWidget(window)

    # the empty archive opens on its first steps; the step "add the office's accounts" opens the form
    assert window.first_steps is not None and window.stack.currentWidget() is window.first_steps
    assert window.first_steps.states["accounts"].text() == "○"
    click(qtbot, window.first_steps.findChild(QPushButton, "step_accounts"))
    assert window.stack.currentWidget() is window.admin
    opened = window.admin.users.dialog if window.admin and window.admin.users else None
    assert isinstance(opened, AddUserDialog) and opened.isVisible()
    opened.reject()
    add_user(qtbot, window, "li", "李秀英", Role.ARCHIVE_CLERK)
    add_user(qtbot, window, "wang", "王芳", Role.RECEPTIONIST)
    assert [(u.username, u.role) for u in window.admin.users.model.rows()] == [
        ("admin", Role.ADMINISTRATOR),
        ("li", Role.ARCHIVE_CLERK),
        ("wang", Role.RECEPTIONIST),
    ]
    window.first_steps.refresh()
    assert window.first_steps.states["accounts"].text() == "✓ 2 个用户"
    added = [row for row in audit_log.events(db, administrator) if row.target_text in ("li", "wang")]
    assert len(added) == 2  # each addition audited, by the same service as `estate-desk user add`

    # sign out: the receptionist signs in and lands on the board; 管理 is not shown to her
    sign_ins.queue.append(("wang", "wang-pass-1"))
    window.findChild(type(window.menuBar().actions()[0]), "signOut").trigger()
    desk_window = sessions.window
    assert desk_window is not None and desk_window is not window and not window.isVisible()
    qtbot.addWidget(desk_window)
    assert desk_window.actor.username == "wang"
    assert desk_window.stack.currentWidget() is desk_window.desk and home_of(desk_window) == "前台"
    sections = [desk_window.nav.item(n).text() for n in range(desk_window.nav.count())]
    assert "管理" not in sections and "开始使用" not in sections

    # the clerk: the archive still empty, so its first steps (without "add users": not hers)
    sign_ins.queue.append(("li", "li-pass-1"))
    desk_window.sign_out()
    clerk_window = sessions.window
    assert clerk_window is not None and clerk_window.actor.username == "li"
    qtbot.addWidget(clerk_window)
    assert clerk_window.stack.currentWidget() is clerk_window.first_steps
    assert clerk_window.first_steps is not None and "accounts" not in clerk_window.first_steps.buttons

    # once a record is registered, the clerk lands on 今日待办 — or on the archive, as the office sets it
    register.register(db, clock, clerk_window.actor, DocumentDraft(category_code="GC", title="竣工图", year=2024))
    sign_ins.queue.append(("li", "li-pass-1"))
    clerk_window.sign_out()
    assert sessions.window is not None and sessions.window.stack.currentWidget() is sessions.window.today
    qtbot.addWidget(sessions.window)
    homes.set_clerk_home(db, clock, administrator, Home.ARCHIVE)
    sign_ins.queue.append(("li", "li-pass-1"))
    sessions.window.sign_out()
    assert sessions.window is not None and sessions.window.stack.currentWidget() is sessions.window.archive
    qtbot.addWidget(sessions.window)
    sessions.window.close()


def test_signing_out_and_cancelling_the_sign_in_ends_the_application(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(type(app), "quit", staticmethod(lambda: quits.append(True)))
    sessions = Sessions(ready_db, clock, OFFICE, sign_in=lambda: None)
    window = sessions.open(accounts.authenticate(ready_db, clock, "admin", "admin-pass-1"))
    qtbot.addWidget(window)
    window.sign_out()
    assert sessions.window is None and not window.isVisible() and quits == [True]
    assert app.quitOnLastWindowClosed()  # as it was


def test_the_administrator_resets_sets_disables_and_enables_in_the_window(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    from estate_desk.ui.accounts.admin_section import AdminSection

    administrator = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    section = AdminSection(ready_db, administrator, clock)
    qtbot.addWidget(section)
    section.show()
    users = section.users
    assert users is not None
    users.select("admin")
    assert not users.actions_["reset"].isEnabled()  # not on oneself: "Change password" is for that
    users.select("clerk")
    assert users.actions_["disable"].isEnabled() and not users.actions_["enable"].isEnabled()

    reset = users.reset_password()
    assert isinstance(reset, NewPasswordDialog)
    reset.password.setText("short")
    reset.again.setText("short")
    click_ok(qtbot, reset)
    assert reset.isVisible() and "8" in reset.message.text()  # the password rule, from the service
    reset.password.setText("clerk-new-pass")
    reset.again.setText("clerk-new-pass")
    click_ok(qtbot, reset)
    assert accounts.authenticate(ready_db, clock, "clerk", "clerk-new-pass").username == "clerk"

    clearance = users.set_clearance()
    assert clearance is not None
    clearance.clearance.setCurrentIndex(clearance.clearance.findData(int(Grade.INTERNAL)))
    click_ok(qtbot, clearance)
    assert {u.username: u.clearance for u in users.model.rows()}["clerk"] == Grade.INTERNAL

    users.confirm = lambda _title, _text: False  # type: ignore[method-assign]
    assert not users.disable()  # asked first; "no" changes nothing
    users.confirm = lambda _title, _text: True  # type: ignore[method-assign]
    assert users.disable()
    assert {u.username: u.disabled for u in users.model.rows()}["clerk"]
    with pytest.raises(PermissionDenied):
        accounts.authenticate(ready_db, clock, "clerk", "clerk-new-pass")
    assert users.actions_["enable"].isEnabled()
    enable = users.enable()
    assert enable is not None
    enable.password.setText("clerk-back-pass")
    enable.again.setText("clerk-back-pass")
    click_ok(qtbot, enable)
    back = accounts.authenticate(ready_db, clock, "clerk", "clerk-back-pass")
    assert back.keyring is not None  # a fresh copy of the archive's key came with the new password
    assert "Enabled" in users.message.text() or "已启用" in users.message.text()


def test_everyone_changes_their_own_password_from_the_file_menu(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock, receptionist: Actor
) -> None:
    from estate_desk.ui.main_window import MainWindow

    window = MainWindow(ready_db, receptionist, clock, OFFICE)
    qtbot.addWidget(window)
    window.findChild(type(window.menuBar().actions()[0]), "changePassword").trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.old.setText("wrong-pass-1")
    dialog.password.setText("desk-new-pass")
    dialog.again.setText("desk-new-pass")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.findChild(QLabel, "message").isVisible()
    dialog.old.setText("desk-pass-1")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert accounts.authenticate(ready_db, clock, "desk", "desk-new-pass").username == "desk"
    window.close()


def test_enabling_needs_an_administrator_and_a_disabled_account(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    from estate_desk.domain.errors import InputProblem

    administrator = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
    with pytest.raises(InputProblem):
        admin.enable_user(ready_db, clock, administrator, "clerk", "clerk-back-pass")  # not disabled
    accounts.disable_user(ready_db, administrator, "clerk")
    with pytest.raises(PermissionDenied):
        admin.enable_user(ready_db, clock, clerk, "clerk", "clerk-back-pass")
    admin.enable_user(ready_db, clock, administrator, "clerk", "clerk-back-pass")
    assert accounts.authenticate(ready_db, clock, "clerk", "clerk-back-pass").username == "clerk"
