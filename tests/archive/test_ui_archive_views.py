"""The parts of the archive window: models, the registration dialog's checks, previews, work lists,
cabinets, owners, volumes, and attaching off the UI thread (progress, cancel, a vanished file)."""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.archive.dual_track import Track
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments, boxes, browse, listings, volumes, worklists
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.archive.register import register
from estate_desk.services.demo import estate as demo
from estate_desk.services.estate import owners
from estate_desk.store.blobs import CopyCancelled
from estate_desk.ui import preview as preview_module
from estate_desk.ui.app import make_application
from estate_desk.ui.archive.browser import PAPER_MISSING, TO_DIGITISE
from estate_desk.ui.archive.document_dialog import DocumentDialog
from estate_desk.ui.archive.filing_dialogs import CabinetDialog
from estate_desk.ui.archive.section import CABINETS_TAB, OWNERS_TAB
from estate_desk.ui.main_window import MainWindow
from estate_desk.ui.qt import QColor, QImage, QPushButton, Qt

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def window(qapp, qtbot, demo_db: Database, demo_clerk, clock: FakeClock):  # type: ignore[no-untyped-def]
    make_application()
    w = MainWindow(demo_db, demo_clerk, clock, "翠湖苑物业服务中心", now_ms=lambda: 0.0)
    qtbot.addWidget(w)
    w.show()
    w.show_section(w.archive)  # the clerk lands on her home; these tests work in the archive
    return w


def new_document(db, clock, actor, title: str = "业主公约", **fields) -> int:  # type: ignore[no-untyped-def]
    return register(db, clock, actor, DocumentDraft("YZ", title, 2026, **fields))


# ---- models --------------------------------------------------------------------------------------


def test_every_archive_model_is_sound(window: MainWindow, qtmodeltester, demo_db, demo_clerk, clock) -> None:  # type: ignore[no-untyped-def]
    archive = window.archive
    document_id = archive.browser.model.id_at(0)
    volume_id = volumes.create_volume(demo_db, clock, demo_clerk, category_code="FK", title="回访记录卷", year=2019)
    volumes.file_into_volume(demo_db, clock, demo_clerk, document_id, volume_id)
    archive.refresh()
    assert archive.open_record("volume", volume_id)
    assert archive.open_record("box", 1)
    assert archive.open_record("owner", listings.households(demo_db, demo_clerk)[0].owner_id)
    for model in (
        archive.browser.model,
        archive.browser.volume_model,
        archive.browser.detail.volume_model,
        archive.cabinets.model,
        archive.cabinets.box_panel.contents,
        archive.owners.model,
        archive.owners.documents,
    ):
        assert model.rowCount() > 0, model
        qtmodeltester.check(model, force_py=True)


def test_empty_models_are_sound(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    archive = window.archive
    archive.browser.volume_model.set_rows([])
    archive.cabinets.model.set_layout(None)
    for model in (archive.browser.volume_model, archive.cabinets.model):
        qtmodeltester.check(model, force_py=True)


def test_the_track_column_is_coloured_by_track(window: MainWindow) -> None:
    model = window.archive.browser.model
    index = model.index(0, 10)
    assert model.data(index) == "仅纸质"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == QColor("#ffe0b2")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None


# ---- registration and editing ------------------------------------------------------------------


def test_registration_validates_the_room_code_as_you_type(qapp, qtbot, demo_db, demo_clerk, clock) -> None:  # type: ignore[no-untyped-def]
    make_application()
    dialog = DocumentDialog(demo_db, clock, demo_clerk, category_code="YZ")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # no title yet
    dialog.title.insert("业主入住验房表")
    assert dialog.ok.isEnabled()  # a record need not be about a room
    qtbot.keyClicks(dialog.room_code, "3-")
    assert not dialog.ok.isEnabled() and dialog.room_hint.property("state") == "error"
    assert dialog.room_hint.text().startswith("房号格式不对")
    dialog.room_code.setText("99栋1单元101")  # a proper code, but no such building here
    assert not dialog.ok.isEnabled() and dialog.room_hint.text() == "本小区没有房间 99栋1单元101。"
    home = listings.households(demo_db, demo_clerk)[40]
    dialog.room_code.setText(f"{home.building}号楼{home.unit}单元{home.number}室".replace("None单元", ""))
    assert dialog.ok.isEnabled() and dialog.room is not None and dialog.room.room_id == home.room_id
    assert home.owner_name in dialog.room_hint.text()
    dialog.room_code.setText(home.room_code.translate(str.maketrans("0123456789", "０１２３４５６７８９")))
    assert dialog.room is not None and dialog.room.room_id == home.room_id  # full-width digits
    dialog.title.clear()
    assert not dialog.ok.isEnabled() and "请填写题名" in dialog.message.text()


def test_registration_a_role_may_not_do_is_refused_in_the_dialog(qapp, qtbot, demo_db, clock) -> None:  # type: ignore[no-untyped-def]
    make_application()
    desk = accounts.authenticate(demo_db, clock, "desk", demo.DEMO_PASSWORD)
    dialog = DocumentDialog(demo_db, clock, desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.insert("规划图纸")
    dialog.save()
    assert dialog.isVisible() and dialog.document_id is None
    assert dialog.message.text() == "前台接待无权登记档案。"


def test_editing_changes_the_record_but_never_its_archive_number(
    window: MainWindow, qtbot, demo_db, demo_clerk, clock
) -> None:  # type: ignore[no-untyped-def]
    document_id = new_document(demo_db, clock, demo_clerk, pages=3)
    archive = window.archive
    archive.refresh()
    archive.edit_document(document_id)
    dialog = archive.dialog
    assert isinstance(dialog, DocumentDialog)
    assert not dialog.category.isEnabled() and not dialog.year.isEnabled() and not dialog.retention.isEnabled()
    assert dialog.ok.text() == "保存"
    dialog.title.clear()
    dialog.title.insert("业主公约（补签）")
    dialog.pages.setValue(4)
    dialog.has_paper.setChecked(False)
    assert dialog.changes() == {"title": "业主公约（补签）", "pages": 4, "has_paper": False}
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    detail = archive.browser.detail
    assert detail.document is not None and detail.document.id == document_id
    assert detail.document.title == "业主公约（补签）" and detail.document.pages == 4
    assert detail.paper_text.text() == "无纸质原件（仅电子档案）。"
    assert detail.badge.track is Track.NEITHER


# ---- the dual track: work lists, previews, attaching off the UI thread -------------------------


def test_the_two_work_lists_are_in_the_tree(window: MainWindow, demo_db, demo_clerk, clock) -> None:  # type: ignore[no-untyped-def]
    new_document(demo_db, clock, demo_clerk)
    browser = window.archive.browser
    browser.reload()
    browser.choose_node("worklist", TO_DIGITISE)
    assert browser.model.ids() == worklists.to_digitise(demo_db, demo_clerk)
    browser.choose_node("worklist", PAPER_MISSING)
    assert browser.model.ids() == worklists.paper_missing(demo_db, demo_clerk) != []
    texts = {browser.tree.topLevelItem(1).child(i).text(0) for i in range(2)}
    assert texts == {"待数字化", "纸质件未归位"}


def test_images_preview_inside_and_audio_opens_in_the_system_player(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, demo_db, demo_clerk, clock, tmp_path, monkeypatch
) -> None:
    document_id = new_document(demo_db, clock, demo_clerk, secrecy=Grade.INTERNAL)  # kept unencrypted (A6)
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(tmp_path / "房屋照片.png"))
    (tmp_path / "回访录音.mp3").write_bytes(b"ID3" + bytes(2048))
    for name in ("房屋照片.png", "回访录音.mp3"):
        attachments.attach_file(demo_db, clock, demo_clerk, document_id, tmp_path / name)
    opened: list[Path] = []
    monkeypatch.setattr(preview_module, "open_with_system", lambda path: opened.append(path) or True)
    archive = window.archive
    archive.refresh()
    assert archive.open_record("document", document_id)
    detail = archive.browser.detail
    assert [a.kind.value for a in detail.attachments] == ["photo", "audio"]
    assert detail.attachment_list.topLevelItem(0).text(1) == "照片"
    assert detail.preview.showing == "image" and detail.preview.image.original().width() == 400
    detail.attachment_list.setCurrentItem(detail.attachment_list.topLevelItem(1))
    assert detail.preview.showing == "external" and detail.preview.open_button.isVisible()
    qtbot.mouseClick(detail.preview.open_button, Qt.MouseButton.LeftButton)
    assert opened == [attachments.stored_path(detail.attachments[1].sha256)]
    assert detail.badge.track is Track.BOTH


def test_a_file_that_vanished_is_reported_not_a_traceback(
    window: MainWindow, qtbot, demo_db, demo_clerk, clock, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    document_id = new_document(demo_db, clock, demo_clerk)
    archive = window.archive
    with qtbot.waitSignal(archive.attached, timeout=10000):
        archive.attach_files(document_id, [tmp_path / "不在了.pdf"])
    assert "找不到文件" in window.statusBar().currentMessage()
    assert attachments.attachments_of(demo_db, demo_clerk, document_id) == []
    assert archive.progress is None


def test_cancelling_a_copy_keeps_nothing(
    window: MainWindow, qtbot, demo_db, demo_clerk, clock, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    document_id = new_document(demo_db, clock, demo_clerk)
    reached_half, go_on = threading.Event(), threading.Event()
    on_worker: list[bool] = []

    def slow_attach(db, clock_, actor, doc_id, path, *, as_scan=False, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        on_worker.append(threading.current_thread() is not threading.main_thread())
        progress(512, 1024)
        reached_half.set()
        go_on.wait(10)
        if cancel():
            raise CopyCancelled(zh="已取消复制。", en="Copy cancelled.")
        raise AssertionError("the copy should have been cancelled")

    monkeypatch.setattr(attachments, "attach_file", slow_attach)
    (tmp_path / "scan.pdf").write_bytes(bytes(1024))
    archive = window.archive
    archive.attach_files(document_id, [tmp_path / "scan.pdf"])
    progress = archive.progress
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: progress.value() == 500, timeout=10000)  # the window stayed responsive meanwhile
    assert reached_half.is_set() and on_worker == [True]
    with qtbot.waitSignal(archive.attached, timeout=10000):
        progress.findChild(QPushButton).click()  # Cancel
        go_on.set()
    assert window.statusBar().currentMessage() == "已取消复制，未保留任何内容。"
    assert archive.progress is None and not window.runner.busy


# ---- volumes, cabinets, owners, search hits ------------------------------------------------------


def test_closing_a_volume_and_an_empty_one_refused(window: MainWindow, qtbot, demo_db, demo_clerk, clock) -> None:  # type: ignore[no-untyped-def]
    document_id = new_document(demo_db, clock, demo_clerk)
    volume_id = volumes.create_volume(demo_db, clock, demo_clerk, category_code="YZ", title="业主档案卷", year=2026)
    empty_id = volumes.create_volume(demo_db, clock, demo_clerk, category_code="YZ", title="空卷", year=2026)
    volumes.file_into_volume(demo_db, clock, demo_clerk, document_id, volume_id)
    archive = window.archive
    archive.refresh()
    assert archive.open_record("volume", empty_id)
    qtbot.mouseClick(archive.browser.detail.close_volume_button, Qt.MouseButton.LeftButton)
    assert "是空的，不能封卷" in window.statusBar().currentMessage()
    assert archive.open_record("volume", volume_id)
    detail = archive.browser.detail
    assert detail.volume_model.ids() == [document_id]
    qtbot.mouseClick(detail.close_volume_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "案卷已封卷。"
    assert detail.volume is not None and detail.volume.closed and not detail.close_volume_button.isEnabled()


def test_cabinet_view_opens_a_box_and_adds_a_cabinet(window: MainWindow, qtbot, demo_db, demo_clerk) -> None:  # type: ignore[no-untyped-def]
    archive = window.archive
    archive.tabs.setCurrentIndex(CABINETS_TAB)
    view = archive.cabinets
    first = view.model.index(0, 0)
    slot = view.model.slot(first)
    assert slot is not None and view.model.data(first).startswith(slot.code.split("-", 1)[1])
    assert view.model.headerData(0, Qt.Orientation.Vertical) == "第1层"
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=view.grid.visualRect(first).center())
    box = view.box_panel.box
    assert box is not None and box.id == slot.box_id
    assert view.box_panel.contents.ids() == boxes.box_contents(demo_db, demo_clerk, slot.box_id).document_ids
    qtbot.mouseClick(view.findChild(QPushButton, "newCabinet"), Qt.MouseButton.LeftButton)
    dialog = archive.dialog
    assert isinstance(dialog, CabinetDialog) and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.code, "G09")
    dialog.name.insert("9号档案柜")
    dialog.shelves.setValue(3)
    dialog.positions.setValue(4)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    view.cabinet.setCurrentIndex(view.cabinet.findData(dialog.cabinet_id))
    assert (view.model.rowCount(), view.model.columnCount()) == (3, 4)
    assert all(view.model.slot(view.model.index(r, c)) is None for r in range(3) for c in range(4))


def test_owner_view_lists_households_in_natural_order_with_the_history(  # type: ignore[no-untyped-def]
    window: MainWindow, demo_db, demo_clerk, clock
) -> None:
    view = window.archive.owners
    assert view.model.rows() == []  # the households are read when the tab is first shown, not at start-up
    window.archive.tabs.setCurrentWidget(view)
    rows = view.model.rows()
    keys = [room_sort_key(RoomCode.of(h.building, h.unit, h.number)) for h in rows]
    assert keys == sorted(keys) and len(rows) == 236
    buildings = [h.building for h in rows]
    assert buildings.index(2) < buildings.index(10)  # 2栋 before 10栋
    home = rows[10]
    owners.edit_owner(demo_db, clock, demo_clerk, home.owner_id, phone="13900000000")
    clock.advance(days=1)
    owners.transfer(demo_db, clock, demo_clerk, home.room_id, new_owner_name="周杰", on=date(2026, 11, 24))
    view.reload()
    assert view.select_owner(home.owner_id)
    history = [
        [view.history.topLevelItem(n).text(c) for c in range(6)] for n in range(view.history.topLevelItemCount())
    ]
    assert history[0][1].startswith("业主变更（过户）") and history[0][2:5] == [home.owner_name, "周杰", "过户"]
    assert history[1][2:6] == [home.phone, "13900000000", "修改", "李秀英"]
    assert history[1][0] == "2026-11-23 09:00"
    assert "–" in view.detail_labels["rooms"].text()  # the old ownership is kept, dated
    assert view.select_room(home.room_id) and view.file is not None and view.file.name == "周杰"
    assert "– 至今)" in view.detail_labels["rooms"].text()  # the current ownership, in the window's language


def test_search_hits_for_a_box_and_a_room_open_them(window: MainWindow, qtbot, demo_db, demo_clerk) -> None:  # type: ignore[no-untyped-def]
    box = browse.boxes(demo_db, demo_clerk)[5]
    window.search_field.setText(box.code)
    hit = next(
        window.results.item(n)
        for n in range(window.results.count())
        if window.results.item(n).data(Qt.ItemDataRole.UserRole) == ("box", box.id)
    )
    assert window.open_hit(hit)
    assert window.archive.tabs.currentIndex() == CABINETS_TAB and window.archive.cabinets.box_panel.box.id == box.id
    home = listings.households(demo_db, demo_clerk)[3]
    window.search_field.setText(home.room_code)
    window.open_first_hit()
    assert window.archive.tabs.currentIndex() == OWNERS_TAB
    assert window.archive.owners.file is not None


def test_issue16_registration_takes_a_room_in_chinese_numerals_and_names_both_readings(  # type: ignore[no-untyped-def]
    qapp, qtbot, demo_db, demo_clerk, clock
) -> None:
    make_application()
    dialog = DocumentDialog(demo_db, clock, demo_clerk, category_code="YZ")
    qtbot.addWidget(dialog)
    dialog.title.insert("业主入住验房表")
    home = next(h for h in listings.households(demo_db, demo_clerk) if h.unit is not None and h.building < 10)
    dialog.room_code.setText(f"{home.building}#楼{home.unit}-{home.number}")
    assert dialog.room is not None and dialog.room.room_id == home.room_id
    dialog.room_code.setText(f"0{home.building}0{home.unit}-{home.number}")  # the estate has no building {b}0{u}
    assert dialog.room is not None and dialog.room.room_id == home.room_id
    dialog.room_code.setText("0905-9999")  # neither 905栋9999 nor 9栋5单元9999 is here
    assert dialog.room is None and not dialog.ok.isEnabled()
    assert "两种读法" in dialog.room_hint.text()
