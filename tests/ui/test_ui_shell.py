"""The window on the demo estate: sign-in, set-up, sections, search, status bar (foundation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo import estate as demo
from estate_desk.ui.accounts.dialogs import LoginDialog, SetupWizard
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QAction, QApplication, QDialog, QKeySequence, QLabel, Qt

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def window(app, qtbot, demo_db: Database, clock: FakeClock) -> MainWindow:  # type: ignore[no-untyped-def]
    actor = accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD)
    w = MainWindow(demo_db, actor, clock, "翠湖苑物业服务中心")
    qtbot.addWidget(w)
    w.show()
    return w


def test_window_speaks_chinese_and_shows_the_user(window: MainWindow, demo_db: Database) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "档案",
        "前台",
        "打印",
        "今日待办",
        "日常工作",
        "借阅",
        "鉴定销毁",
        "数字化",
    ]  # no 管理: nothing there for her
    assert window.stack.currentWidget() is window.today  # the clerk's home, as the office left it (issue 20)
    status = window.findChild(QLabel, "statusUser")
    assert status is not None and "李秀英（档案管理员）" in status.text()
    # the database as a user reads it, never the raw URL: this computer's, or the server's (CI's PostgreSQL pass)
    where = "本机数据库" if demo_db.url.get_backend_name() == "sqlite" else "服务器 "
    assert where in status.text() and "sqlite" not in status.text() and "postgresql" not in status.text()
    assert "@" not in status.text()  # no user name or password
    assert window.windowTitle() == "翠湖苑物业服务中心 — 物业档案与前台"  # office — product, said once
    assert QApplication.applicationDisplayName() == "物业档案与前台"  # so Qt appends nothing more


def test_archive_lists_all_seven_categories(window: MainWindow) -> None:
    tree = window.archive.browser.tree
    root = tree.topLevelItem(0)
    assert root.childCount() == 7
    assert root.child(1).text(0) == "YZ 业主及各办公部门档案"
    assert int(root.text(1)) == window.archive.browser.model.rowCount()
    assert window.archive.browser.model.rowCount() > 700


def test_a_section_is_built_when_first_shown_not_at_start(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: the window opens with its home page and the archive; the board, the loan desk, printing,
    disposal and the routines read their data only when the clerk first goes there."""
    assert window.sections.built("today") is window.today and window.sections.built("archive") is window.archive
    for key in ("desk", "printing", "routines", "loans", "disposal", "digitise"):
        assert window.sections.built(key) is None, key
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # 借阅
    loans = window.sections.built("loans")
    assert loans is not None and window.stack.currentWidget() is loans and loans.isVisible()
    assert window.stack.count() == window.nav.count()  # the placeholder gave way; rows and pages in step
    assert window.sections.built("desk") is None
    window.show_loans()  # the same page again, never a second one
    assert window.sections.built("loans") is loans and window.stack.indexOf(loans) == 5


def test_keyboard_switches_sections_and_focuses_search(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.desk
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.routines
    find = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)]
    assert len(find) == 1
    window.activateWindow()
    find[0].trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_field)


def test_search_finds_a_two_character_owner_name(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search_field.insert("王堃")  # what an input method commits; QTest cannot type Chinese keys
    texts = [window.results.item(i).text() for i in range(window.results.count())]
    assert texts[0] == "业主"
    assert any("王堃" in t for t in texts)


def test_an_owner_found_brings_their_documents_and_the_panel_grows(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    """Issue 20: the owner's documents stand under the name, within clearance; the panel fits the results."""
    from estate_desk.services.archive import owner_hits
    from estate_desk.ui.search_results import HIT

    window.resize(1400, 860)
    QApplication.processEvents()
    tall = window.height()
    window.search_field.insert("王堃")
    items = [window.results.item(i) for i in range(window.results.count())]
    owner_row = next(n for n, item in enumerate(items) if "王堃" in item.text())
    owner_kind, owner_id = items[owner_row].data(HIT)
    files = owner_hits.owner_documents(demo_db, window.actor, [owner_id])
    assert owner_kind == "owner" and files[owner_id].shown  # the demo owner has an owner file
    under = [items[owner_row + 1 + n].data(HIT) for n in range(len(files[owner_id].shown))]
    assert under == [("document", doc.id) for doc in files[owner_id].shown]
    QApplication.processEvents()  # the layout settles
    assert window.results.height() >= window.results.count() * window.results.sizeHintForRow(0)
    one = window.results.height()
    window.search_field.setText("王")  # many more hits: the panel grows, up to three fifths of the body
    QApplication.processEvents()
    assert window.results.count() > len(items) and window.results.height() > one
    assert window.results.height() <= window.centralWidget().height() * 3 // 5 + 2
    assert window.height() == tall  # the window keeps its size

    desk = accounts.authenticate(demo_db, clock, "desk", demo.DEMO_PASSWORD)  # clearance 内部: no owner files (A12)
    assert owner_hits.owner_documents(demo_db, desk, [owner_id]) == {}


def test_search_by_pinyin_initials(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search_field, "wk")
    texts = [window.results.item(i).text() for i in range(window.results.count())]
    assert any("王堃" in t for t in texts)


def test_document_table_model_is_sound(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.archive.browser.model)


def test_table_fetches_rows_by_page_not_all_at_once(window: MainWindow) -> None:
    model = window.archive.browser.model
    assert model.rowCount() > 700
    fetched_pages = model.fetches
    assert fetched_pages * 200 < model.rowCount()  # only what was shown was loaded


def test_login_dialog_wrong_then_right_password(app, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(demo_db, clock, "翠湖苑物业服务中心", demo_logins=[("admin", "x", "y"), ("clerk", "x", "y")])
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "clerk"
    dialog.password.setText("wrong-password")
    dialog.try_sign_in()
    assert dialog.message.text() == "用户名或密码错误。"
    assert dialog.password.text() == ""
    dialog.password.setText(demo.DEMO_PASSWORD)
    dialog.try_sign_in()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "clerk"


def test_setup_wizard_sets_up_an_empty_archive(app, qtbot, db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.services.accounts import setup

    wizard = SetupWizard(db, clock)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office.setText("翠湖苑物业服务中心")
    wizard.fonds.setText("Z001")
    wizard.next()
    wizard.admin.setText("admin")
    wizard.password.setText("admin-pass-1")
    wizard.password2.setText("admin-pass-2")
    assert not wizard.validateCurrentPage()
    differ = wizard.findChild(QLabel, "password2Problem")
    assert differ is not None and differ.text() == "两次输入的密码不一致。"
    assert not setup.is_initialised(db)
    wizard.password2.setText("admin-pass-1")
    assert wizard.validateCurrentPage()
    assert setup.is_initialised(db)
    wizard.close()


def test_simhei_can_be_chosen_only_where_installed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from estate_desk.printing.font_files import find_simhei
    from estate_desk.ui import prefs

    action = window.findChild(QAction, "preferSimhei")
    assert action is not None
    assert action.isEnabled() == (find_simhei() is not None)
    assert not prefs.prefer_simhei()
    prefs.set_prefer_simhei(True)
    assert prefs.prefer_simhei()


def test_the_today_page_opens_a_routine_where_it_is_kept(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.today
    assert window.open_from_today("inspection", None)
    assert window.stack.currentWidget() is window.routines and window.nav.currentRow() == 4
    assert window.routines is not None and window.routines.tabs.currentWidget() is window.routines.inspections
    assert window.routines.inspections.dialog is not None and window.routines.inspections.dialog.isVisible()
    window.routines.inspections.dialog.reject()


def test_a_receptionist_has_no_clerk_pages(demo_db, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    actor = accounts.authenticate(demo_db, clock, "desk", demo.DEMO_PASSWORD)
    w = MainWindow(demo_db, actor, clock, "翠湖苑物业服务中心")
    qtbot.addWidget(w)
    assert w.today is None and w.admin is None and w.nav.count() == 3
    assert w.stack.currentWidget() is w.desk  # the receptionist lands on the board (issue 20)
