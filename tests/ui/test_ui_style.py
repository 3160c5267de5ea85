"""The look in one place (issue 20, "It looks designed"): one stylesheet filled from one palette, icons
from one table for the sections, the toolbars and the main actions, and no colour written anywhere else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo import estate as demo
from estate_desk.ui import icons, style
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QApplication, QLabel, QToolBar

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui

UI = Path(__file__).resolve().parents[2] / "src" / "estate_desk" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def test_the_stylesheet_is_filled_from_the_palette_and_given_to_the_application(app) -> None:  # type: ignore[no-untyped-def]
    sheet = style.stylesheet()
    assert not re.search(r"\{[a-z_]+\}", sheet), "a name of the stylesheet is not in the palette"
    assert style.PALETTE["error"] in sheet and style.PALETTE["accent"] in sheet
    assert QApplication.instance().styleSheet() == sheet  # type: ignore[union-attr]


def test_no_colour_is_written_outside_the_palette() -> None:
    """Every colour of state comes from ui/style.py: a new red is added there, once, with its name."""
    offenders = [
        f"{path.relative_to(UI)}:{n}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "style.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX.search(line)
    ]
    assert offenders == []


def test_a_label_says_its_state_and_the_stylesheet_colours_it(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("同一件事不能第二次延期")
    qtbot.addWidget(label)
    label.show()
    plain = label.palette().color(label.foregroundRole()).name()
    style.set_state(label, "error")
    assert label.property("state") == "error"
    assert label.palette().color(label.foregroundRole()).name() == style.PALETTE["error"] != plain
    style.set_state(label, "")  # the field fixed: the message goes back to plain
    assert label.palette().color(label.foregroundRole()).name() == plain
    with pytest.raises(ValueError, match="no such state"):
        style.set_state(label, "purple")


def test_grades_grow_warmer_and_the_highest_are_bold() -> None:
    colours = [style.grade_colour(g).name() for g in (Grade.SECRET, Grade.CONFIDENTIAL, Grade.TOP_SECRET)]
    assert len(set(colours)) == 3 and colours[-1] == style.PALETTE["error"]
    assert style.grade_font(Grade.SECRET) is None
    font = style.grade_font(Grade.TOP_SECRET)
    assert font is not None and font.bold()


def test_every_named_icon_draws(app) -> None:  # type: ignore[no-untyped-def]
    for name in icons.GLYPHS:
        assert not icons.icon(name).pixmap(20, 20).isNull(), name
    assert icons.icon("no-such-meaning").isNull()


@pytest.mark.parametrize("username", ["admin", "clerk", "desk"])
def test_every_section_and_toolbar_action_has_its_icon(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock, username: str
) -> None:
    window = MainWindow(demo_db, accounts.authenticate(demo_db, clock, username, demo.DEMO_PASSWORD), clock, "翠湖苑")
    qtbot.addWidget(window)
    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().isNull(), window.nav.item(row).text()
    bars = [bar for bar in window.findChildren(QToolBar) if bar.objectName() != "searchBar"]
    assert bars
    for bar in bars:
        for action in bar.actions():
            if action.isSeparator() or not action.text():
                continue  # a widget's place (the board's badge)
            assert not action.icon().isNull(), f"{bar.objectName()}: {action.text()}"
    # the list of sections is as wide as its longest name: nothing cut in English either
    metrics = window.nav.fontMetrics()
    for row in range(window.nav.count()):
        assert metrics.horizontalAdvance(window.nav.item(row).text()) + icons.ICON_SIZE + 24 < window.nav.width()


def test_a_searchable_combo_finds_an_entry_by_any_part(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    """superqt's searchable combo, fed through set_choices as the arrears dialog's 50,000 households are."""
    from estate_desk.ui.models import Choice, set_choices
    from estate_desk.ui.widgets import searchable_combo

    combo = searchable_combo("households")
    qtbot.addWidget(combo)
    set_choices(combo, [Choice("3栋1单元1502　王伟", 1), Choice("3栋2单元1502　李娜", 2), Choice("5栋0301　张喆", 3)])
    completer = combo.completer()
    assert combo.objectName() == "households" and completer is not None
    completer.setCompletionPrefix("1502")  # the room, from the middle of the line
    assert completer.completionCount() == 2
    completer.setCompletionPrefix("张喆")  # the owner, from the end
    assert completer.completionCount() == 1 and completer.currentCompletion() == "5栋0301　张喆"
