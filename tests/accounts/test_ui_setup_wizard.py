"""The first-run set-up wizard (issue 20): each page is checked as it is filled, by the services'
own rules; the reason stands under the field; Next/Finish is enabled exactly when the page is valid;
Back keeps what was typed; and the sign-in that follows names the new administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.services.accounts import setup
from estate_desk.ui.accounts.dialogs import LoginDialog, SetupWizard
from estate_desk.ui.qt import QDialog, QLabel, QPoint, Qt, QWizard

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


def _click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _problem(wizard: SetupWizard, name: str) -> str:
    label = wizard.findChild(QLabel, name)
    assert label is not None
    return label.text() if label.isVisible() else ""


@pytest.fixture
def wizard(app, qtbot, db: Database, clock: FakeClock) -> SetupWizard:  # type: ignore[no-untyped-def]
    w = SetupWizard(db, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_wizard_finishes_with_its_own_default_user_name(wizard: SetupWizard, qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(wizard.office, "Office")
    wizard.office.setText("翠湖苑物业服务中心")
    qtbot.keyClicks(wizard.fonds, "Z001")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.admin.text() == "admin"  # kept as it was offered
    set_up = wizard.button(QWizard.WizardButton.CommitButton)
    assert not set_up.isEnabled()  # no password yet
    qtbot.keyClicks(wizard.password, "admin-pass-1")
    qtbot.keyClicks(wizard.password2, "admin-pass-1")
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert setup.is_initialised(db) and wizard.made is not None
    assert wizard.made.admin_username == "admin"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # until the recovery key is written down
    qtbot.mouseClick(wizard.kept, Qt.MouseButton.LeftButton, pos=QPoint(8, wizard.kept.height() // 2))
    assert wizard.kept.isChecked()
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_a_bad_fonds_code_is_reported_on_the_first_page(wizard: SetupWizard, qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    wizard.office.setText("翠湖苑物业服务中心")
    qtbot.keyClicks(wizard.fonds, "Z-001")
    assert not next_button.isEnabled()
    assert _problem(wizard, "fondsProblem") == "全宗号只能由字母和数字组成（1–20 位）：Z-001"  # the service's words
    assert _problem(wizard, "officeProblem") == ""
    qtbot.keyClick(wizard.fonds, Qt.Key.Key_Backspace)
    qtbot.keyClick(wizard.fonds, Qt.Key.Key_Backspace)
    qtbot.keyClick(wizard.fonds, Qt.Key.Key_Backspace)
    qtbot.keyClick(wizard.fonds, Qt.Key.Key_Backspace)
    qtbot.keyClicks(wizard.fonds, "001")
    assert wizard.fonds.text() == "Z001"
    assert next_button.isEnabled()
    assert _problem(wizard, "fondsProblem") == ""  # the message clears when the field is fixed
    wizard.office.clear()
    assert not next_button.isEnabled()
    assert _problem(wizard, "officeProblem") == "请填写物业服务中心名称。"
    assert not setup.is_initialised(db)


def test_the_administrator_page_says_why_set_up_is_not_yet_possible(wizard: SetupWizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard.office.setText("翠湖苑物业服务中心")
    wizard.fonds.setText("Z001")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    set_up = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(wizard.password, "short")
    assert not set_up.isEnabled()
    assert _problem(wizard, "passwordProblem") == "密码至少需要 8 个字符。"
    qtbot.keyClicks(wizard.password, "-but-now-long")
    qtbot.keyClicks(wizard.password2, "short-but-now-lonG")
    assert not set_up.isEnabled()
    assert _problem(wizard, "passwordProblem") == ""
    assert _problem(wizard, "password2Problem") == "两次输入的密码不一致。"
    wizard.admin.setText("ad min")
    wizard.password2.setText("short-but-now-long")
    assert not set_up.isEnabled()
    assert _problem(wizard, "adminProblem") == "用户名无效：“ad min”（不能为空或包含空格）。"
    wizard.admin.setText("zhang")
    assert set_up.isEnabled()


def test_back_then_next_keeps_what_was_typed(wizard: SetupWizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(wizard.office, "Office")
    qtbot.keyClicks(wizard.fonds, "Z001")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.admin.clear()
    qtbot.keyClicks(wizard.admin, "zhang")
    qtbot.keyClicks(wizard.password, "admin-pass-1")
    _click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.office.text() == "Office" and wizard.fonds.text() == "Z001"
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.admin.text() == "zhang"
    assert wizard.password.text() == "admin-pass-1"


def test_the_sign_in_after_set_up_names_the_new_administrator(  # type: ignore[no-untyped-def]
    app, qtbot, db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estate_desk.ui import app as app_module

    def run_wizard(self: SetupWizard) -> int:
        self.show()  # as exec() does; it starts on the first page
        self.office.setText("翠湖苑物业服务中心")
        self.fonds.setText("z001")
        self.next()
        self.admin.setText(" zhang ")
        self.password.setText("admin-pass-1")
        self.password2.setText("admin-pass-1")
        self.next()
        self.kept.setChecked(True)
        self.next()  # on the last page: finish
        self.accept()
        return int(self.result())

    seen: list[str] = []

    def sign_in(self: LoginDialog) -> int:
        seen.append(self.username.text())
        self.password.setText("admin-pass-1")
        self.try_sign_in()
        return int(self.result())

    monkeypatch.setattr(SetupWizard, "exec", run_wizard)
    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    signed_in = app_module.set_up_and_sign_in(db, clock, None)
    assert seen == ["zhang"]  # filled in, as the service stored it
    assert signed_in is not None
    actor, office_name = signed_in
    assert actor.username == "zhang" and office_name == "翠湖苑物业服务中心"
