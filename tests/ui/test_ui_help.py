"""Help → 使用说明 (F1) and the toolbars' tooltips (issue 20: help and the demo)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from estate_desk.resources import resource_path
from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo import estate as demo
from estate_desk.ui import i18n
from estate_desk.ui.help_view import GuideWindow, guide_path
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QImage, QPixmap, Qt, QTextDocument, QTextImageFormat, QToolBar, QUrl, QWidgetAction

if TYPE_CHECKING:
    from collections.abc import Iterator

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui

SECTIONS = {
    "zh": ["档案管理员的一天", "前台接待的一天", "标签打印机的设置", "快捷键"],
    "en": ["The archive clerk's day", "The receptionist's day", "Setting up the label printer", "Keyboard shortcuts"],
}
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def _window(qtbot, db: Database, clock: FakeClock, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    actor = accounts.authenticate(db, clock, username, demo.DEMO_PASSWORD)
    window = MainWindow(db, actor, clock, "翠湖苑物业服务中心")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    return window


@pytest.fixture
def english(app) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The window in English for one test, then back to Chinese (the product's default)."""
    before = i18n.current_language()
    i18n.install(app, "en")
    yield
    i18n.install(app, before)


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("&", "").replace("…", "").replace("...", ""))


@pytest.mark.parametrize("username", ["clerk", "desk", "admin"])
def test_every_toolbar_action_says_what_it_does(app, qtbot, demo_db: Database, clock: FakeClock, username: str) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, clock, username)
    for row in range(window.nav.count()):  # every section built (they are built when first shown)
        window.nav.setCurrentRow(row)
    bars = window.findChildren(QToolBar)
    assert len(bars) >= 3  # the search bar, the archive's and the board's (and the users' for the administrator)
    bare: list[str] = []
    checked = 0
    for bar in bars:
        for action in bar.actions():
            if action.isSeparator() or isinstance(action, QWidgetAction):
                continue  # a field or a button placed on the bar, not an action
            checked += 1
            tip = action.toolTip()
            if not tip.strip() or _bare(tip) == _bare(action.text()):
                bare.append(f"{bar.objectName()}: {action.text()!r}")
    assert checked >= 18
    assert not bare, "toolbar actions without a tooltip of their own: " + ", ".join(bare)


def test_tooltips_name_the_shortcut(app, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, clock, "clerk")
    register = window.archive.actions_["register"]
    assert register.toolTip() == "在左侧所选门类中登记新档案（Ctrl+N）"
    board = window.desk.board.actions_
    assert board["postpone"].toolTip().endswith("（F2）")
    assert board["on_call"].toolTip().endswith("（F5）")  # handled by the board itself, not a shortcut
    assert board["note"].toolTip() and "（" not in board["note"].toolTip()  # no shortcut, none named
    assert window.desk.board.badge.toolTip() == "打开待回访清单"  # a button on the bar, not an action


def _images_resolve(guide: GuideWindow) -> list[str]:
    """The pictures the shown guide names, each loaded by the document (not only present on disk)."""
    document = guide.browser.document()
    names: list[str] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                name = QTextImageFormat(fmt).name()
                names.append(name)
                loaded = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
                assert isinstance(loaded, (QImage, QPixmap)), f"{name} was not loaded: {loaded!r}"
                assert loaded.width() >= 800, name  # the screenshot itself, not a broken-image mark
            it += 1
        block = block.next()
    return names


def test_f1_opens_the_guide_in_chinese(app, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, clock, "clerk")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideWindow)
    assert guide is not None
    qtbot.waitUntil(guide.isVisible)
    assert guide.windowTitle().startswith("使用说明")
    text = guide.browser.toPlainText()
    assert all(title in text for title in SECTIONS["zh"])
    assert guide.browser.source().toLocalFile().endswith("guide.zh_CN.md")
    assert sorted(_images_resolve(guide)) == [
        "archive.zh_CN.png",
        "board.zh_CN.png",
        "labels.zh_CN.png",
        "today.zh_CN.png",
    ]
    qtbot.keyClick(window, Qt.Key.Key_F1)  # again: the same window, not a second one
    assert window.findChildren(GuideWindow) == [guide]


def test_f1_opens_the_guide_in_english_under_en(app, english, qtbot, demo_db: Database, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, clock, "desk")
    help_menu = [a for a in window.menuBar().actions() if a.text() == "&Help"]
    assert help_menu and help_menu[0].menu().actions()[0].text() == "&User guide"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideWindow)
    assert guide is not None
    qtbot.waitUntil(guide.isVisible)
    assert guide.windowTitle().startswith("User guide")
    text = guide.browser.toPlainText()
    assert all(title in text for title in SECTIONS["en"])
    assert "档案管理员的一天" not in text
    assert sorted(_images_resolve(guide)) == ["archive.en.png", "board.en.png", "labels.en.png", "today.en.png"]


def _outline(lang: str) -> list[tuple[int, list[str]]]:
    """Each heading's level, with the pictures under it (named without their language)."""
    outline: list[tuple[int, list[str]]] = []
    suffix = ".zh_CN.png" if lang == "zh" else ".en.png"
    for line in guide_path(lang).read_text(encoding="utf-8").splitlines():
        heading = re.match(r"(#+) ", line)
        if heading:
            outline.append((len(heading.group(1)), []))
        for name in IMAGE.findall(line):
            assert name.endswith(suffix), f"{name} in the {lang} guide"
            outline[-1][1].append(name.removesuffix(suffix))
    return outline


def test_both_guides_name_the_same_sections_with_the_same_pictures() -> None:
    zh, en = _outline("zh"), _outline("en")
    assert zh == en  # the same headings, level by level, and the same pictures under each
    for lang, titles in SECTIONS.items():
        text = guide_path(lang).read_text(encoding="utf-8")
        second_level = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
        assert second_level == titles


def test_the_guides_pictures_are_small_and_each_is_used() -> None:
    folder = resource_path("help")
    pictures = sorted(p.name for p in folder.glob("*.png"))
    used = sorted(name for lang in SECTIONS for name in IMAGE.findall(guide_path(lang).read_text(encoding="utf-8")))
    assert pictures == used
    for name in pictures:
        assert (folder / name).stat().st_size <= 150 * 1024, name
