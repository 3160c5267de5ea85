"""Registering, volumes, boxes and cabinets (A1, A3, A4, A7, A9), through the services the window calls."""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.archive.numbers import barcode_form
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.domain.estate.rooms import AmbiguousRoom
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import boxes, cabinets, code_lookup, movements, register, volumes
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.store.archive import Document, Movement

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _doc(
    db: Database, clock: FakeClock, actor: Actor, title: str = "业主家庭情况登记表", code: str = "YZ", **kw
) -> int:  # type: ignore[no-untyped-def]
    return register.register(db, clock, actor, DocumentDraft(category_code=code, title=title, year=2024, **kw))


def test_a7_registration_numbers_one_by_one_in_one_order(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    ids = [_doc(ready_db, clock, clerk, f"第{i}件") for i in range(3)]
    numbers = [register.document_detail(ready_db, clerk, i).archive_no for i in ids]
    assert numbers == ["Z001-YZ·2024-Y-0001", "Z001-YZ·2024-Y-0002", "Z001-YZ·2024-Y-0003"]


def test_a7_only_keepers_register_and_never_above_their_clearance(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        _doc(ready_db, clock, receptionist)
    from database_support import make_actor

    low = make_actor(ready_db, clock, "clerk2", "archive_clerk", clearance=int(Grade.SECRET))
    with pytest.raises(PermissionDenied):
        _doc(ready_db, clock, low, secrecy=Grade.TOP_SECRET)
    with ready_db.session() as s:
        assert s.query(Document).count() == 0


def test_a7_the_archive_number_parts_cannot_be_edited(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    doc = _doc(ready_db, clock, clerk)
    register.edit_document(ready_db, clock, clerk, doc, title="钥匙领用登记表", pages=3)
    detail = register.document_detail(ready_db, clerk, doc)
    assert (detail.title, detail.pages, detail.archive_no) == ("钥匙领用登记表", 3, "Z001-YZ·2024-Y-0001")
    for field in ("category_id", "year", "retention", "archive_no"):
        with pytest.raises(InputProblem):
            register.edit_document(ready_db, clock, clerk, doc, **{field: 1})
    with pytest.raises(InputProblem):
        register.edit_document(ready_db, clock, clerk, doc, title="  ")


def test_a1_documents_register_into_a_handover_batch(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    batch = register.create_handover_batch(
        ready_db, clock, clerk, party_kind="developer", party_name="某某置业有限公司", received_on=date(2019, 6, 1)
    )
    doc = _doc(ready_db, clock, clerk, "竣工图", code="GC", batch_id=batch)
    assert register.document_detail(ready_db, clerk, doc).batch == "开发商 某某置业有限公司 2019-06-01"
    assert [(b.party_name, b.documents) for b in register.handover_batches(ready_db, clerk)] == [
        ("某某置业有限公司", 1)
    ]
    with pytest.raises(InputProblem):
        register.create_handover_batch(ready_db, clock, clerk, party_kind="x", party_name="y", received_on=date.today())


def test_a4_subcategories_and_renames_keep_numbers_already_given(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    doc = _doc(ready_db, clock, clerk, "竣工图", code="GC")
    register.rename_category(ready_db, clerk, "GC", "工程资料")
    register.add_subcategory(ready_db, clerk, "GC", "GC1", "给排水")
    sub_doc = _doc(ready_db, clock, clerk, "给排水竣工图", code="GC1")
    assert register.document_detail(ready_db, clerk, doc).archive_no == "Z001-GC·2024-Y-0001"
    assert register.document_detail(ready_db, clerk, doc).category_zh == "工程资料"
    assert register.document_detail(ready_db, clerk, sub_doc).archive_no == "Z001-GC1·2024-Y-0001"
    assert "竣工图" in register.suggestions(ready_db, "GC1")  # inherits the parent's typical documents
    with pytest.raises(InputProblem):
        register.add_subcategory(ready_db, clerk, "GC", "GC1", "重复")


def test_a3_a_volume_holds_one_category_and_closes(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    volume = volumes.create_volume(ready_db, clock, clerk, category_code="YZ", title="3栋业主档案", year=2024)
    yz, gc = _doc(ready_db, clock, clerk), _doc(ready_db, clock, clerk, "竣工图", code="GC")
    with pytest.raises(RuleViolation):
        volumes.close_volume(ready_db, clock, clerk, volume)  # empty
    volumes.file_into_volume(ready_db, clock, clerk, yz, volume)
    with pytest.raises(RuleViolation) as wrong:
        volumes.file_into_volume(ready_db, clock, clerk, gc, volume)
    assert wrong.value.rule == "A3"
    volumes.close_volume(ready_db, clock, clerk, volume)
    with pytest.raises(RuleViolation):
        volumes.file_into_volume(ready_db, clock, clerk, _doc(ready_db, clock, clerk), volume)
    rows = volumes.volumes(ready_db, clerk)
    assert [(v.code, v.closed, v.count) for v in rows] == [("Z001-YZ-2024-J001", True, 1)]


def _households(db: Database, clock: FakeClock, rooms: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    out = {}
    with db.session() as s:
        for building, number in rooms:
            room = add_room(s, ensure_building(s, building, 33), None, number)
            owner = add_owner(s, clock, f"业主{building}-{number}")
            s.flush()
            add_ownership(s, room, owner, date(2020, 1, 1), None)
            out[(building, number)] = room.id
    return out


def test_a9_owner_files_in_a_box_stay_in_building_floor_room_order(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    wanted = [(2, 901), (2, 1201), (2, 1202), (10, 101), (10, 902)]
    rooms = _households(ready_db, clock, wanted)
    box = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2024)
    shuffled = list(wanted)
    random.Random(7).shuffle(shuffled)
    docs = {}
    for key in shuffled:
        docs[key] = _doc(ready_db, clock, clerk, f"{key}业主档案", room_id=rooms[key])
        boxes.put_in_box(ready_db, clock, clerk, box, document_id=docs[key])
    contents = boxes.box_contents(ready_db, clerk, box)
    assert contents.document_ids == [docs[k] for k in wanted]
    # the range is derived from the contents: the lowest and highest item numbers
    assert (contents.first_no, contents.last_no) == ("Z001-YZ·2024-Y-0001", "Z001-YZ·2024-Y-0005")


def test_a7_boxes_stand_in_one_place_and_every_move_is_recorded(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    cabinet = cabinets.create_cabinet(ready_db, clerk, "G01", "档案柜1", shelves=3, positions=4)
    a = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2024, spine_mm=40)
    b = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2024)
    assert boxes.box_contents(ready_db, clerk, b).code == "Z001-YZ-2024-H002"
    cabinets.place_box(ready_db, clock, clerk, a, cabinet, 1, 1)
    with pytest.raises(RuleViolation):
        cabinets.place_box(ready_db, clock, clerk, b, cabinet, 1, 1)
    with pytest.raises(InputProblem):
        cabinets.place_box(ready_db, clock, clerk, b, cabinet, 4, 1)
    clock.advance(minutes=5)
    cabinets.place_box(ready_db, clock, clerk, a, cabinet, 2, 3, reason="调整")
    layout = cabinets.cabinet_layout(ready_db, clerk, cabinet)
    assert set(layout.slots) == {(2, 3)} and layout.slots[(2, 3)].code == "Z001-YZ-2024-H001"
    moves = movements.movements_of(ready_db, clerk, box_id=a)
    assert [m.reason for m in moves] == ["新建", "上架", "调整"]
    assert moves[-1].from_place == "Z001-YZ-2024-H001（档案柜1 · 第1层第1格）"
    assert moves[-1].to_place == "Z001-YZ-2024-H001（档案柜1 · 第2层第3格）"
    assert moves[-1].moved_by == "clerk" and moves[-1].moved_at == clock.now()


def test_a7_a_box_takes_one_category_and_a_whole_volume(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    box = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2024)
    other = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2024)
    gc = _doc(ready_db, clock, clerk, "竣工图", code="GC")
    with pytest.raises(RuleViolation):
        boxes.put_in_box(ready_db, clock, clerk, box, document_id=gc)
    volume = volumes.create_volume(ready_db, clock, clerk, category_code="YZ", title="卷", year=2024)
    docs = [_doc(ready_db, clock, clerk) for _ in range(2)]
    for d in docs:
        volumes.file_into_volume(ready_db, clock, clerk, d, volume)
    boxes.put_in_box(ready_db, clock, clerk, box, volume_id=volume)
    assert boxes.box_contents(ready_db, clerk, box).document_ids == docs
    late = _doc(ready_db, clock, clerk)
    volumes.file_into_volume(ready_db, clock, clerk, late, volume)  # follows its volume into the box
    assert register.document_detail(ready_db, clerk, late).box_id == box
    with pytest.raises(RuleViolation):  # one document of a boxed volume cannot wander off alone
        boxes.put_in_box(ready_db, clock, clerk, other, document_id=docs[0])
    with ready_db.session() as s:
        assert s.query(Movement).filter(Movement.document_id.is_not(None)).count() == 3


def test_a7_a_scanned_code_finds_its_box_volume_or_document(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor
) -> None:
    box = boxes.create_box(ready_db, clock, clerk, category_code="YZ", year=2024)
    volume = volumes.create_volume(ready_db, clock, clerk, category_code="YZ", title="卷", year=2024)
    doc = _doc(ready_db, clock, clerk)
    assert code_lookup.find_by_code(ready_db, clerk, " Z001-YZ-2024-H001\n") == code_lookup.CodeHit("box", box)
    assert code_lookup.find_by_code(ready_db, clerk, "Z001-YZ-2024-J001") == code_lookup.CodeHit("volume", volume)
    assert code_lookup.find_by_code(ready_db, clerk, "Z001-YZ·2024-Y-0001") == code_lookup.CodeHit("document", doc)
    # the label's barcode carries ASCII only: "·" travels as "."
    assert barcode_form("Z001-YZ·2024-Y-0001") == "Z001-YZ.2024-Y-0001"
    assert code_lookup.find_by_code(ready_db, clerk, "Z001-YZ.2024-Y-0001") == code_lookup.CodeHit("document", doc)
    assert barcode_form("Z001-业主·2024-0001") is None
    assert code_lookup.find_by_code(ready_db, receptionist, "Z001-YZ·2024-Y-0001") is None  # 绝密, above clearance
    assert code_lookup.find_by_code(ready_db, clerk, "NO-SUCH-CODE") is None
    with pytest.raises(NotFound):
        register.document_detail(ready_db, receptionist, doc)


def test_room_codes_in_any_form_find_the_room_and_its_owner(ready_db: Database, clock: FakeClock) -> None:
    rooms = _households(ready_db, clock, [(3, 1502)])
    for text in ("3栋1502", "3-1502", "３栋１５０２", "3号楼1502室"):
        match = register.room_by_code(ready_db, text)
        assert (match.room_id, match.code, match.owner_name) == (rooms[(3, 1502)], "3栋1502", "业主3-1502")
    with pytest.raises(InputProblem):
        register.room_by_code(ready_db, "9栋101")
    with pytest.raises(InputProblem):
        register.room_by_code(ready_db, "not a room")


def test_issue16_a_room_typed_two_ways_is_the_room_the_estate_has_or_refused_naming_both(
    ready_db: Database, clock: FakeClock
) -> None:
    with pytest.raises(AmbiguousRoom) as caught:  # neither 302栋2002 nor 3栋2单元2002 is here
        register.room_by_code(ready_db, "0302-2002")
    assert "302栋2002" in caught.value.zh and "3栋2单元2002" in caught.value.zh
    rooms = _households(ready_db, clock, [(302, 2002)])
    match = register.room_by_code(ready_db, "0302-2002")
    assert (match.room_id, match.code) == (rooms[(302, 2002)], "302栋2002")
    assert register.room_by_code(ready_db, "三百零二栋二〇〇二").code == "302栋2002"
