"""The barcode scanner: a fast burst of keys and Enter opens the record, wherever the focus is.

Times come from a fake millisecond clock that moves a fixed step per key press, so nothing
sleeps: 8 ms a key is a scanner, 150 ms a key is a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.services.archive import boxes
from estate_desk.ui.app import make_application
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QApplication, QLineEdit, Qt, QVBoxLayout, QWidget
from estate_desk.ui.scanner import ScanListener
from scanner_support import FakeMs, type_text

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def form(qtbot):  # type: ignore[no-untyped-def]
    """A plain window with two line edits and a listener on it."""
    window = QWidget()
    first, second = QLineEdit(objectName="first"), QLineEdit(objectName="second")
    column = QVBoxLayout(window)
    column.addWidget(first)
    column.addWidget(second)
    qtbot.addWidget(window)
    clock = FakeMs()
    listener = ScanListener(window, clock)
    QApplication.instance().installEventFilter(listener)
    seen: list[str] = []
    listener.scanned.connect(seen.append)
    yield window, first, second, clock, seen
    QApplication.instance().removeEventFilter(listener)


def test_a_fast_burst_and_enter_is_a_scan_and_leaves_the_field_as_it_was(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, first, _second, _clock, seen = form
    first.setText("王堃")
    first.setCursorPosition(2)
    pressed: list[bool] = []
    first.returnPressed.connect(lambda: pressed.append(True))
    qtbot.keyClicks(first, "Z001-YZ-2018-H016")
    assert first.text() == "王堃Z001-YZ-2018-H016"  # typed while it could still be a person
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert seen == ["Z001-YZ-2018-H016"]
    assert first.text() == "王堃" and first.cursorPosition() == 2  # the burst is taken back
    assert pressed == []  # the Enter belonged to the scanner


def test_a_person_typing_is_left_alone(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, first, _second, clock, seen = form
    clock.step = 150.0
    pressed: list[bool] = []
    first.returnPressed.connect(lambda: pressed.append(True))
    qtbot.keyClicks(first, "ABCD-1234")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert seen == [] and first.text() == "ABCD-1234" and pressed == [True]


def test_too_short_a_burst_is_not_a_scan(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, first, _second, _clock, seen = form
    qtbot.keyClicks(first, "abc")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert seen == [] and first.text() == "abc"


def test_a_pause_before_enter_is_not_a_scan(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, first, _second, clock, seen = form
    qtbot.keyClicks(first, "Z001-YZ")
    clock.now += 500  # the person stopped to think, then pressed Enter
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert seen == [] and first.text() == "Z001-YZ"


def test_a_burst_after_slow_typing_is_recognised_on_its_own(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, first, _second, clock, seen = form
    clock.step = 200.0
    qtbot.keyClicks(first, "ab")
    clock.step = 5.0
    clock.now += 1000
    qtbot.keyClicks(first, "J001-XZ")
    qtbot.keyClick(first, Qt.Key.Key_Enter)  # the keypad Enter some scanners send
    assert seen == ["J001-XZ"] and first.text() == "ab"


def test_a_control_key_breaks_a_burst(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, first, _second, _clock, seen = form
    qtbot.keyClicks(first, "abcd")
    qtbot.keyClick(first, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(first, "ef")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert seen == []


def test_a_scan_is_recognised_without_a_text_field(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _first, _second, _clock, seen = form
    qtbot.keyClicks(window, "Z001-GC-2019-H001")
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert seen == ["Z001-GC-2019-H001"]


def test_other_windows_are_not_watched(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, _first, _second, _clock, seen = form
    other = QLineEdit()
    qtbot.addWidget(other)
    qtbot.keyClicks(other, "Z001-GC-2019-H001")
    qtbot.keyClick(other, Qt.Key.Key_Return)
    assert seen == [] and other.text() == "Z001-GC-2019-H001"  # a dialog's box field takes the scan as text


# ---- in the main window, on the demo estate ---------------------------------------------------


@pytest.fixture
def window(qapp, qtbot, demo_db: Database, demo_clerk, clock: FakeClock):  # type: ignore[no-untyped-def]
    make_application()
    w = MainWindow(demo_db, demo_clerk, clock, "翠湖苑物业服务中心", now_ms=FakeMs())
    qtbot.addWidget(w)
    w.show()
    return w


def test_scanning_a_box_label_opens_the_box_while_typing_in_the_search_field(
    window: MainWindow, qtbot, demo_db, demo_clerk
) -> None:  # type: ignore[no-untyped-def]
    box = boxes.box_contents(demo_db, demo_clerk, 20)
    window.nav.setCurrentRow(1)  # the clerk is on the front desk page
    window.search_field.setText("zs")
    qtbot.keyClicks(window.search_field, box.code)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.archive
    assert window.archive.tabs.currentWidget() is window.archive.cabinets
    assert window.archive.cabinets.box_panel.box is not None
    assert window.archive.cabinets.box_panel.box.id == 20
    slot = window.archive.cabinets.model.slot(window.archive.cabinets.grid.currentIndex())
    assert slot is not None and slot.code == box.code
    assert window.search_field.text() == "zs"
    assert box.code in window.statusBar().currentMessage()


def test_scanning_a_document_number_opens_the_document(window: MainWindow, qtbot, demo_db, demo_clerk) -> None:  # type: ignore[no-untyped-def]
    document_id = window.archive.browser.model.id_at(100)
    number = window.archive.browser.model.row_of(100).row.archive_no  # Z001-YZ·2017-Y-0042: has a ·
    assert "·" in number
    type_text(qtbot, window.search_field, number)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    detail = window.archive.browser.detail
    assert detail.document is not None and detail.document.id == document_id
    assert window.search_field.text() == ""


def test_an_unknown_code_is_a_message_in_the_status_bar_not_a_dialog(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search_field, "NOPE-0000")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "扫描到“NOPE-0000”：没有档案盒、案卷或档案使用此编号。"
    assert QApplication.activeModalWidget() is None
    assert window.search_field.text() == ""


def test_a_number_scanned_or_typed_without_the_dot_opens_the_document(
    window: MainWindow, qtbot, demo_db, demo_clerk
) -> None:  # type: ignore[no-untyped-def]
    """Issue 20: a keyboard-wedge scanner or a person types "-" (or a full-width "－", lower case) for the "·"."""
    document_id = window.archive.browser.model.id_at(100)
    number = window.archive.browser.model.row_of(100).row.archive_no  # Z001-YZ·2017-Y-0042
    assert "·" in number
    qtbot.keyClicks(window.search_field, number.replace("·", "-").lower())
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    detail = window.archive.browser.detail
    assert detail.document is not None and detail.document.id == document_id
    other_id = window.archive.browser.model.id_at(101)
    other = window.archive.browser.model.row_of(101).row.archive_no
    assert window.open_code(other.replace("·", "－").replace("-", "－"))  # the scan slot, fed full-width dashes
    assert detail.document is not None and detail.document.id == other_id
