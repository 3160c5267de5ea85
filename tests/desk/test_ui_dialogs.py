"""The desk's dialogs on the demo estate (F1–F4, F7, F8): intake with repeats and special services,
handler and arrival, the delay explained, the one postponement (the second refused with F2's
words), the signature drawn on screen, the return visit and the ticket's own window."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pytest
from desk_window_support import click_ok, sign_in
from PIL import Image

from estate_desk.domain.desk.terms import Confirmation, Satisfaction, TicketKind, TicketStatus
from estate_desk.services.archive.attachments import stored_path
from estate_desk.services.desk import actions as desk_actions
from estate_desk.services.desk import detail as desk_detail
from estate_desk.services.desk import figures as desk_figures
from estate_desk.ui.desk.board_model import Column
from estate_desk.ui.desk.detail import TicketDetailDialog
from estate_desk.ui.desk.handling import ExplainDelayDialog, HandlerDialog, NoteDialog, PostponeDialog
from estate_desk.ui.desk.intake import NewTicketDialog
from estate_desk.ui.desk.signoff import CompleteDialog, ReturnVisitDialog
from estate_desk.ui.qt import QPoint, Qt

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database
    from estate_desk.ui.desk.section import DeskSection

pytestmark = pytest.mark.ui


def ticket_id(section: DeskSection, matter: str) -> int:
    board = section.board.model.board
    assert board is not None
    return next(e.id for e in board.entries.values() if e.matter == matter)


def text_of(section: DeskSection, ticket: int, column: Column) -> str:
    model = section.board.model
    row = model.row_for_id(ticket)
    assert row is not None
    return str(model.data(model.index(row, column)))


# --------------------------------------------------------------------------- F2


def test_f2_the_second_postponement_is_refused_in_the_office_language(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    leak = ticket_id(section, "厨房水管漏水")
    assert section.board.select_ticket(leak)
    qtbot.keyClick(section.board.view, Qt.Key.Key_F2)
    first = section.ticket_actions.dialog
    assert isinstance(first, PostponeDialog) and first.message.isHidden()
    first.reason.insert("需要更换阀门，配件明天到")
    click_ok(qtbot, first)
    assert not first.isVisible()
    assert "延期一次" in text_of(section, leak, Column.FLAGS)
    assert text_of(section, leak, Column.PROMISE) == "2天23小时59分"  # the new promise: one day later

    qtbot.keyClick(section.board.view, Qt.Key.Key_F2)
    second = section.ticket_actions.dialog
    assert isinstance(second, PostponeDialog) and second is not first
    assert "只能延期一次" in second.message.text() and "F2" not in second.message.text()  # warned before trying
    second.reason.insert("师傅请假")
    click_ok(qtbot, second)
    assert second.isVisible()  # refused: the dialog stays with the service's words
    message = second.message.text()
    assert "同一件事不得两次延期" in message and "F2" not in message and "Traceback" not in message
    counted = desk_figures.figures(demo_db, clock, clock.now().date(), clock.now().date())
    assert counted.second_postponements_refused == 1


# --------------------------------------------------------------------------- F3


def draw_signature(qtbot, pad) -> None:  # type: ignore[no-untyped-def]
    points = [QPoint(40, 100), QPoint(80, 40), QPoint(120, 110), QPoint(170, 50), QPoint(230, 100), QPoint(300, 60)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def test_f3_a_signature_drawn_with_the_mouse_completes_the_repair(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    leak = ticket_id(section, "厨房水管漏水")
    repair = sign_in(demo_db, clock, "repair")
    clock.advance(seconds=40)
    desk_actions.mark_arrived(demo_db, clock, repair, leak)
    detail = desk_detail.ticket_detail(demo_db, clock, repair, leak)
    dialog = CompleteDialog(demo_db, clock, repair, detail, section)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.explanation.insertPlainText("更换了厨房水管接头，试水无渗漏")
    click_ok(qtbot, dialog)  # nobody signed yet: a repair needs the owner's signature (F3)
    assert dialog.isVisible() and "签字" in dialog.message.text()
    assert dialog.pad.is_empty()
    draw_signature(qtbot, dialog.pad)
    assert dialog.pad.strokes == 1
    png = dialog.pad.png_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "signed.png"
    out.write_bytes(png)
    with Image.open(out) as image:  # ink where the strokes went, white elsewhere
        assert image.convert("L").getpixel((80, 40)) < 128 and image.convert("L").getpixel((400, 150)) == 255
    click_ok(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result_detail is not None
    done = dialog.result_detail
    assert done.status is TicketStatus.COMPLETED and done.completions[-1].confirmation is Confirmation.SIGNATURE
    assert done.completions[-1].signature_sha256 == hashlib.sha256(png).hexdigest()
    assert stored_path(hashlib.sha256(png).hexdigest()).read_bytes() == png
    section.board.poll()
    assert section.board.badge.property("unread") == 2  # 王芳, the first receiver, is told (F3)
    assert text_of(section, leak, Column.ARRIVAL).startswith("✓")

    window = section.ticket_actions.detail(leak)
    assert isinstance(window, TicketDetailDialog)
    qtbot.addWidget(window)
    assert not window.signature.isHidden() and not window.signature.original().isNull()
    assert window.history.rowCount() == len(window.detail.events) >= 2
    window.close()


def test_f1_the_return_visit_not_satisfied_reopens_the_ticket(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, demo_db: Database
) -> None:
    noise = next(r.id for r in section.board.model.board.rows(section._clock.now()) if r.awaiting_return_visit)
    dialog = section.ticket_actions.open("visit", noise)
    assert isinstance(dialog, ReturnVisitDialog)
    dialog.set_satisfaction(Satisfaction.NOT_SATISFIED)
    dialog.note.insert("楼上仍在中午施工")
    click_ok(qtbot, dialog)
    assert dialog.result_detail is not None and dialog.result_detail.status is TicketStatus.OPEN
    assert "待回访" not in text_of(section, noise, Column.FLAGS)


# --------------------------------------------------------------------------- F4


def test_f4_handler_dispatch_delay_explained_and_arrival(section: DeskSection, qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    lamp = ticket_id(section, "厨房水管漏水")
    section.board.select_ticket(lamp)
    handler = section.board.run("handler")
    assert isinstance(handler, HandlerDialog)
    handler.choose(handler.handler.itemData(handler.handler.findText("张师傅", Qt.MatchFlag.MatchStartsWith)))
    click_ok(qtbot, handler)
    assert text_of(section, lamp, Column.HANDLER) == "张师傅"

    qtbot.keyClick(section.board.view, Qt.Key.Key_F4)
    explain = section.ticket_actions.dialog
    assert isinstance(explain, ExplainDelayDialog)
    click_ok(qtbot, explain)  # no reason given: the service asks for one
    assert explain.isVisible() and explain.message.text()
    explain.reason.insert("师傅正在 5 栋处理漏水")
    click_ok(qtbot, explain)
    assert not explain.isVisible()
    assert "已事先解释" in text_of(section, lamp, Column.FLAGS)
    assert text_of(section, lamp, Column.ARRIVAL) == "02:00"  # still within the three minutes
    clock.advance(minutes=3)
    section.board.tick()
    assert text_of(section, lamp, Column.ARRIVAL) == "07:00"  # past them: counting to the time agreed (F4)

    arrived = section.board.run("arrived")
    click_ok(qtbot, arrived)
    assert text_of(section, lamp, Column.ARRIVAL) == "✓ 07:00"

    note = section.board.run("note")
    assert isinstance(note, NoteDialog)
    note.text.insertPlainText("已到场检查，需更换阀门")
    click_ok(qtbot, note)
    assert note.result_detail is not None and note.result_detail.notes[-1].owner_told


# --------------------------------------------------------------------------- F7, F8


def test_f7_intake_shows_the_earlier_complaint_at_once_and_links_the_repeat(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot
) -> None:
    dialog = section.ticket_actions.new_ticket()
    assert isinstance(dialog, NewTicketDialog)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_2)  # 2 投诉
    assert dialog.chosen_kind is TicketKind.COMPLAINT
    qtbot.keyClicks(dialog.room_field, "3栋1单元302".replace("栋", "-").replace("单元", "-"))
    assert dialog.repeat_list.isHidden()
    dialog.matter.insert("装修噪音")
    assert dialog.repeat_warning.isVisible() and "GD20261123-001" in dialog.repeat_warning.text()
    assert dialog.repeat_list.count() == 2
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.matter, Qt.Key.Key_F7)
    assert dialog.repeat_list.hasFocus() and dialog.repeat_list.currentRow() == 0
    dialog.subject.insertPlainText("楼上第三次装修噪音")
    click_ok(qtbot, dialog)
    assert dialog.opened is not None and dialog.opened.repeat_of is not None
    assert dialog.opened.repeat_of.number == "GD20261123-001"
    assert "重复投诉" in text_of(section, dialog.opened.id, Column.FLAGS)


def test_f8_special_services_with_their_total_and_a_photo(  # type: ignore[no-untyped-def]
    section: DeskSection, qtbot, demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    dialog = section.ticket_actions.new_ticket()
    assert isinstance(dialog, NewTicketDialog)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_6)
    assert dialog.chosen_kind is TicketKind.SPECIAL_SERVICE and dialog.services_box.isChecked()
    dialog.services.choose("water", 2)
    dialog.services.choose("cleaning", 3)
    assert dialog.services.total.text().endswith("¥156.00")
    dialog.room_field.setText("1-1601")
    dialog.subject.insertPlainText("送水两桶，保洁三小时")
    photo = tmp_path / "门口.png"
    Image.new("RGB", (40, 30), "orange").save(photo)
    dialog.add_photos([photo])
    click_ok(qtbot, dialog)
    assert dialog.opened is not None
    detail = desk_detail.ticket_detail(demo_db, clock, sign_in(demo_db, clock, "desk"), dialog.opened.id)
    assert str(detail.services_total) == "156.00" and [p.original_name for p in detail.photos] == ["门口.png"]
    assert "¥156.00" in text_of(section, dialog.opened.id, Column.FLAGS)


def test_intake_refuses_a_room_that_does_not_exist_and_finds_owners_by_pinyin(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    clerk = sign_in(demo_db, clock, "clerk")  # cleared to see owner files, so owners are found by name
    dialog = NewTicketDialog(demo_db, clock, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.room_field, "wk")
    assert dialog.room is None and dialog.room_hits.isVisible()
    hits = [dialog.room_hits.item(n).text() for n in range(dialog.room_hits.count())]
    assert any("王堃" in hit for hit in hits)
    qtbot.keyClick(dialog.room_field, Qt.Key.Key_Return)  # the first hit
    assert dialog.room is not None and dialog.room.owner_name == "王堃"
    dialog.room_field.setText("9-9-999")
    dialog.subject.insertPlainText("门禁卡失效")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.opened is None
    assert "没有房间" in dialog.message.text()


def test_the_dialog_models_are_sound(section: DeskSection, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(section.review.model)
    qtmodeltester.check(section.figures.model)
