"""One search for everything (issue 3): names of one and two characters, pinyin, room codes in any
form, archive numbers, boxes, volumes, titles and 文号 — from an index kept current by every unit
of work, within the reader's clearance (A6, A12), and on PostgreSQL never a scan of the documents."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, event, func, insert, select, table, text, update

from database_support import PG_URL, make_actor
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import RuleViolation
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import numbering as archive
from estate_desk.services.archive import search, search_lookups
from estate_desk.services.archive.search import HitKind
from estate_desk.services.estate import owners
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.store import migrations
from estate_desk.store.accounts import Office
from estate_desk.store.archive import Document, Volume
from estate_desk.store.database import open_database
from estate_desk.store.estate import Owner
from estate_desk.store.search_entries import grams, normalise
from estate_desk.store.search_fill import rebuild_search_index
from estate_desk.store.search_tables import SearchEntry

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

DOC_NUMBER = "翠物〔2024〕7号"


def _estate(db: Database, clock: FakeClock) -> dict[str, int]:
    """A small estate: owners 张三, 张三丰, 张伟, 李张, 王堃, 吉𠮷; documents of four grades; a box, a volume."""
    with db.session() as s:
        b3, b10 = ensure_building(s, 3, 18), ensure_building(s, 10, 11)
        rooms = {
            "3-2-1502": add_room(s, b3, 2, 1502),
            "3-1-1502": add_room(s, b3, 1, 1502),
            "3-2-902": add_room(s, b3, 2, 902),
            "10-1-101": add_room(s, b10, 1, 101),
        }
        people = {name: add_owner(s, clock, name) for name in ("张三", "张三丰", "张伟", "李张", "王堃", "吉𠮷")}
        s.flush()
        for name, room in (("张三", "3-2-1502"), ("张三丰", "3-1-1502"), ("张伟", "3-2-902"), ("李张", "10-1-101")):
            add_ownership(s, rooms[room], people[name], date(2020, 5, 1), None)
        drafts = {
            "owner_file": archive.DocumentDraft(
                "YZ", "3栋2单元1502 业主公约", 2024, room_id=rooms["3-2-1502"].id, owner_id=people["张三"].id
            ),
            "notice": archive.DocumentDraft("XZ", "关于停水的通知", 2024, doc_number=DOC_NUMBER),
            "renovation": archive.DocumentDraft("ZX", "装修责任书", 2024),
            "manual": archive.DocumentDraft("GC", "电梯设备说明书", 2024),
        }
        docs = {key: archive.register_document(s, clock, d, created_by=None) for key, d in drafts.items()}
        office = s.scalar(select(Office))
        assert office is not None
        gc = archive.category_by_code(s, "GC")
        box = archive.add_box(s, office, gc, 2024, Retention.permanent(), 1)
        volume = Volume(
            code="Z001-GC-2024-J001", category_id=gc.id, title="电梯设备资料汇编", year=2024, retention="permanent"
        )
        s.add(volume)
        s.flush()
        ids = {name: o.id for name, o in people.items()} | {k: r.id for k, r in rooms.items()}
        return ids | {k: d.id for k, d in docs.items()} | {"box": box.id, "volume": volume.id}


@pytest.fixture
def estate_ids(ready_db: Database, clock: FakeClock) -> dict[str, int]:
    return _estate(ready_db, clock)


def _titles(hits: list[search.Hit], kind: HitKind) -> list[str]:
    return [h.title for h in hits if h.kind is kind]


def _kinds(hits: list[search.Hit]) -> list[HitKind]:
    return list(dict.fromkeys(h.kind for h in hits))


# --------------------------------------------------------------------------- names and pinyin


def test_one_character_surname_finds_names_starting_with_it_first_in_room_order(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor
) -> None:
    hits = search.search(ready_db, clerk, "张")
    # prefixes first, by room (3栋2单元902 is on floor 9, before the two on floor 15), then 李张
    assert _titles(hits, HitKind.OWNER) == ["张伟", "张三丰", "张三", "李张"]
    assert hits[0].detail == "3栋2单元902"


def test_two_character_name_exact_match_comes_first(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor
) -> None:
    assert _titles(search.search(ready_db, clerk, "张三"), HitKind.OWNER) == ["张三", "张三丰"]
    assert _titles(search.search(ready_db, clerk, "三丰"), HitKind.OWNER) == ["张三丰"]
    assert _titles(search.search(ready_db, clerk, "王堃"), HitKind.OWNER) == ["王堃"]
    assert _titles(search.search(ready_db, clerk, "𠮷"), HitKind.OWNER) == ["吉𠮷"]  # outside the BMP


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zhangsan", ["张三", "张三丰"]),
        ("zhang san", ["张三", "张三丰"]),
        ("ZS", ["张三", "张三丰"]),  # the exact initials first, though 张三丰's room comes first
        ("zs", ["张三", "张三丰"]),
        ("zsf", ["张三丰"]),
        ("wk", ["王堃"]),
        ("wangk", ["王堃"]),
        ("lz", ["李张"]),
    ],
)
def test_pinyin_in_full_and_by_initials_with_prefixes(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor, query: str, expected: list[str]
) -> None:
    assert _titles(search.search(ready_db, clerk, query), HitKind.OWNER) == expected


def test_demo_estate_is_searchable_by_rare_and_short_names(demo_db: Database, demo_clerk: Actor) -> None:
    for name in ("王堃", "张喆", "吉𠮷"):
        hits = search.search(demo_db, demo_clerk, name)
        assert hits[0].kind is HitKind.OWNER and hits[0].title == name, name
        assert "栋" in hits[0].detail  # the room the owner lives in
    assert "王堃" in _titles(search.search(demo_db, demo_clerk, "wk"), HitKind.OWNER)
    assert "王堃" in _titles(search.search(demo_db, demo_clerk, "wangkun"), HitKind.OWNER)
    surname = _titles(search.search(demo_db, demo_clerk, "王"), HitKind.OWNER)
    assert surname and all("王" in name for name in surname)


# --------------------------------------------------------------------------- rooms


@pytest.mark.parametrize("query", ["3栋2单元1502", "3-2-1502", "３栋２单元１５０２", "3 - 2 - 1502", "03-2-1502室"])
def test_a_room_in_any_written_form(ready_db: Database, estate_ids: dict[str, int], clerk: Actor, query: str) -> None:
    hits = search.search(ready_db, clerk, query)
    assert hits[0].kind is HitKind.ROOM
    rooms = [h for h in hits if h.kind is HitKind.ROOM]
    assert rooms[0].title == "3栋2单元1502" and rooms[0].detail == "张三"  # who owns it, for a 绝密 reader
    assert "3栋2单元1502 业主公约" in _titles(hits, HitKind.DOCUMENT)  # documents naming the room too


def test_a_room_without_its_unit_finds_the_room_in_every_unit_in_natural_order(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor
) -> None:
    hits = search.search(ready_db, clerk, "3号楼1502室")
    assert _titles(hits, HitKind.ROOM) == ["3栋1单元1502", "3栋2单元1502"]
    assert _titles(search.search(ready_db, clerk, "3栋"), HitKind.ROOM) == [
        "3栋2单元902",
        "3栋1单元1502",
        "3栋2单元1502",
    ]
    assert _titles(search.search(ready_db, clerk, "1502"), HitKind.ROOM) == ["3栋1单元1502", "3栋2单元1502"]


# --------------------------------------------------------------------------- the archive


def test_archive_number_in_full_and_in_part(ready_db: Database, estate_ids: dict[str, int], clerk: Actor) -> None:
    with ready_db.session() as s:
        number = s.scalar(select(Document.archive_no).where(Document.id == estate_ids["notice"]))
    assert number is not None
    for query in (number, number.lower(), number[:10], number[-7:]):
        documents = [h for h in search.search(ready_db, clerk, query) if h.kind is HitKind.DOCUMENT]
        assert documents[0].id == estate_ids["notice"] and documents[0].detail == number, query


def test_box_and_volume_codes(ready_db: Database, estate_ids: dict[str, int], clerk: Actor) -> None:
    hits = search.search(ready_db, clerk, "Z001-GC-2024-H001")  # what the box label's barcode carries
    assert hits[0] == search.Hit(HitKind.BOX, estate_ids["box"], "Z001-GC-2024-H001", "")
    hits = search.search(ready_db, clerk, "z001-gc-2024")
    # the beginning of the box and volume codes, and of the 档号 Z001-GC·2024-… typed without its "·" (issue 20)
    assert _kinds(hits) == [HitKind.BOX, HitKind.VOLUME, HitKind.DOCUMENT]
    assert all(h.detail.startswith("Z001-GC·2024-") for h in hits if h.kind is HitKind.DOCUMENT)
    assert search.search(ready_db, clerk, "J001")[0].id == estate_ids["volume"]
    assert _titles(search.search(ready_db, clerk, "资料汇编"), HitKind.VOLUME) == ["电梯设备资料汇编"]


@pytest.mark.parametrize(
    ("query", "key"),
    [("停水", "notice"), ("通知", "notice"), ("关于停水", "notice"), ("电梯", "manual"), ("设备说明书", "manual")],
)
def test_title_words_of_two_and_more_characters(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor, query: str, key: str
) -> None:
    documents = [h for h in search.search(ready_db, clerk, query) if h.kind is HitKind.DOCUMENT]
    assert [h.id for h in documents] == [estate_ids[key]]


@pytest.mark.parametrize("query", [DOC_NUMBER, "翠物", "〔2024〕", "2024〕7"])
def test_document_number(ready_db: Database, estate_ids: dict[str, int], clerk: Actor, query: str) -> None:
    documents = [h for h in search.search(ready_db, clerk, query) if h.kind is HitKind.DOCUMENT]
    assert [h.title for h in documents] == ["关于停水的通知"]


def test_demo_document_numbers_titles_and_boxes(demo_db: Database, demo_clerk: Actor) -> None:
    hits = search.search(demo_db, demo_clerk, "翠物〔2019〕1号")
    assert hits[0].kind is HitKind.DOCUMENT
    titles = _titles(search.search(demo_db, demo_clerk, "业主公约", limit=5), HitKind.DOCUMENT)
    assert len(titles) == 5 and all("业主公约" in t for t in titles)
    boxes = [h for h in search.search(demo_db, demo_clerk, "Z001-YZ-2016-H001") if h.kind is HitKind.BOX]
    assert boxes[0].title == "Z001-YZ-2016-H001" and "档案柜" in boxes[0].detail  # where it stands


def test_results_are_grouped_by_kind_and_limited(demo_db: Database, demo_clerk: Actor) -> None:
    hits = search.search(demo_db, demo_clerk, "1", limit=3)
    kinds = [h.kind for h in hits]
    assert kinds == sorted(kinds, key=list(HitKind).index)
    assert all(kinds.count(k) <= 3 for k in HitKind)
    assert search.search(demo_db, demo_clerk, "   ") == []


# --------------------------------------------------------------------------- clearance (A6, A12)


def test_a12_owner_files_are_top_secret_so_only_top_secret_readers_find_owners(
    ready_db: Database, clock: FakeClock, estate_ids: dict[str, int], receptionist: Actor
) -> None:
    supervisor = make_actor(ready_db, clock, "super", "supervisor")  # 机密
    for reader in (receptionist, supervisor):
        assert _titles(search.search(ready_db, reader, "张三"), HitKind.OWNER) == []
        assert _titles(search.search(ready_db, reader, "zs"), HitKind.OWNER) == []
        rooms = [h for h in search.search(ready_db, reader, "3-2-1502") if h.kind is HitKind.ROOM]
        assert rooms[0].title == "3栋2单元1502" and rooms[0].detail == ""  # the room, not who owns it
        assert _titles(search.search(ready_db, reader, "业主公约"), HitKind.DOCUMENT) == []


def test_a6_documents_above_the_readers_clearance_are_not_found(
    ready_db: Database, clock: FakeClock, estate_ids: dict[str, int], receptionist: Actor
) -> None:
    supervisor = make_actor(ready_db, clock, "super", "supervisor")
    assert receptionist.clearance is Grade.INTERNAL
    assert _titles(search.search(ready_db, receptionist, "装修"), HitKind.DOCUMENT) == []  # 秘密
    assert _titles(search.search(ready_db, supervisor, "装修"), HitKind.DOCUMENT) == ["装修责任书"]
    assert _titles(search.search(ready_db, receptionist, "停水"), HitKind.DOCUMENT) == ["关于停水的通知"]


def test_demo_receptionist_finds_no_owner_files(demo_db: Database, clock: FakeClock) -> None:
    from estate_desk.services.accounts import users as accounts
    from estate_desk.services.demo.estate import DEMO_PASSWORD

    desk = accounts.authenticate(demo_db, clock, "desk", DEMO_PASSWORD)
    assert search.search(demo_db, desk, "王堃") == []
    assert _titles(search.search(demo_db, desk, "业主公约"), HitKind.DOCUMENT) == []
    assert _titles(search.search(demo_db, desk, "值班记录"), HitKind.DOCUMENT)


# --------------------------------------------------------------------------- the index follows every change


def test_index_follows_a_service_renaming_an_owner(
    ready_db: Database, clock: FakeClock, estate_ids: dict[str, int], clerk: Actor
) -> None:
    owners.edit_owner(ready_db, clock, clerk, estate_ids["张伟"], name="赵伟")
    assert _titles(search.search(ready_db, clerk, "张伟"), HitKind.OWNER) == []
    assert _titles(search.search(ready_db, clerk, "赵伟"), HitKind.OWNER) == ["赵伟"]
    assert _titles(search.search(ready_db, clerk, "zw"), HitKind.OWNER) == ["赵伟"]


def test_index_follows_edits_and_deletes_through_the_orm(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor, receptionist: Actor
) -> None:
    with ready_db.session() as s:
        notice = s.get(Document, estate_ids["notice"])
        assert notice is not None
        notice.title = "关于停电的通知"
        s.delete(s.get(Owner, estate_ids["吉𠮷"]))
    assert _titles(search.search(ready_db, clerk, "停水"), HitKind.DOCUMENT) == []
    assert _titles(search.search(ready_db, clerk, "停电"), HitKind.DOCUMENT) == ["关于停电的通知"]
    assert search.search(ready_db, clerk, "吉𠮷") == []
    with ready_db.session() as s:
        notice = s.get(Document, estate_ids["notice"])
        assert notice is not None
        notice.secrecy = int(Grade.SECRET)
    assert search.search(ready_db, receptionist, "停电") == []
    with pytest.raises(RuleViolation), ready_db.session() as s:  # records are never deleted (A17): all stays
        s.delete(s.get(Document, estate_ids["notice"]))
    assert _titles(search.search(ready_db, clerk, "停电"), HitKind.DOCUMENT) == ["关于停电的通知"]


def test_index_follows_orm_bulk_statements(
    ready_db: Database, clock: FakeClock, estate_ids: dict[str, int], clerk: Actor
) -> None:
    with ready_db.session() as s:
        s.execute(update(Document).where(Document.id == estate_ids["manual"]).values(title="水泵房设备说明书"))
        s.execute(update(Volume).where(Volume.id == estate_ids["volume"]).values(title="设备图纸目录"))
        s.execute(
            insert(Owner),
            [{"name": "欧阳娜", "pinyin": "ouyangna", "pinyin_initials": "oyn", "created_at": clock.now()}],
        )
    assert _titles(search.search(ready_db, clerk, "水泵"), HitKind.DOCUMENT) == ["水泵房设备说明书"]
    assert _titles(search.search(ready_db, clerk, "资料汇编"), HitKind.VOLUME) == []
    assert _titles(search.search(ready_db, clerk, "图纸目录"), HitKind.VOLUME) == ["设备图纸目录"]
    assert _titles(search.search(ready_db, clerk, "oyn"), HitKind.OWNER) == ["欧阳娜"]


def test_a_unit_of_work_that_fails_leaves_the_index_as_it_was(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor
) -> None:
    with pytest.raises(RuntimeError), ready_db.session() as s:
        owner = s.get(Owner, estate_ids["王堃"])
        assert owner is not None
        owner.name = "王昆"
        s.flush()
        raise RuntimeError("the clerk cancelled")
    assert _titles(search.search(ready_db, clerk, "王堃"), HitKind.OWNER) == ["王堃"]
    assert search.search(ready_db, clerk, "王昆") == []


def test_rebuild_repairs_what_raw_sql_wrote_past_the_hooks(
    ready_db: Database, estate_ids: dict[str, int], clerk: Actor
) -> None:
    with ready_db.session() as s:
        s.execute(text("UPDATE documents SET title = '电梯年检报告' WHERE id = :id"), {"id": estate_ids["manual"]})
    assert search.search(ready_db, clerk, "年检") == []
    with ready_db.session() as s:
        assert rebuild_search_index(s) == 6 + 4 + 4 + 1 + 1  # owners, rooms, documents, volume, box
    assert _titles(search.search(ready_db, clerk, "年检"), HitKind.DOCUMENT) == ["电梯年检报告"]
    assert _titles(search.search(ready_db, clerk, "张"), HitKind.OWNER) == ["张伟", "张三丰", "张三", "李张"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet="张王李吉𠮷堃喆彧三丰伟芳娜欧阳 ", min_size=1, max_size=6), data=st.data())
def test_any_piece_of_a_name_finds_it(
    ready_db: Database, clock: FakeClock, clerk: Actor, name: str, data: st.DataObject
) -> None:
    stored = normalise(name)
    if not stored:
        return
    start = data.draw(st.integers(0, len(stored) - 1))
    piece = stored[start : start + data.draw(st.integers(1, 4))]
    with ready_db.session() as s:
        owner = add_owner(s, clock, name)
        s.flush()
        owner_id = owner.id
    try:
        if piece.strip():
            assert owner_id in [h.id for h in search.search(ready_db, clerk, piece, limit=1000)], piece
    finally:
        with ready_db.session() as s:
            s.execute(delete(Owner).where(Owner.id == owner_id))
    assert owner_id not in [h.id for h in search.search(ready_db, clerk, stored, limit=1000)]


@given(st.text(max_size=8))
def test_grams_hold_every_character_and_pair(value: str) -> None:
    stored = normalise(value)
    pieces = {stored[i : i + n] for n in (1, 2) for i in range(len(stored) - n + 1)}
    assert {p for p in pieces if not any(c.isspace() for c in p)} == grams(stored)
    assert normalise(stored) == stored


_CHARS = st.characters(exclude_categories=("Cs",))  # no lone surrogates: UTF-8 cannot store them


@given(st.text(_CHARS, max_size=4), st.text(_CHARS, max_size=6))
def test_a_prefix_is_a_range_in_code_point_order(prefix: str, value: str) -> None:
    upper = search_lookups.successor(prefix)
    for candidate in (value, prefix + value, prefix[:-1] + value):
        in_range = prefix <= candidate and (upper is None or candidate < upper)
        assert in_range == candidate.startswith(prefix), (prefix, candidate, upper)


# --------------------------------------------------------------------------- migration, PostgreSQL, CLI


def test_migration_0003_indexes_what_is_already_there(demo_url: URL, clock: FakeClock) -> None:
    engine = create_engine(demo_url)
    migrations.downgrade_engine(engine, "0002")
    migrations.upgrade_engine(engine)
    engine.dispose()
    db = open_database(demo_url)
    try:
        with db.session() as s:
            entries = s.scalar(select(func.count()).select_from(SearchEntry))
            kinds = ("owners", "rooms", "documents", "boxes", "volumes")
            records = sum(s.scalar(select(func.count()).select_from(table(t))) or 0 for t in kinds)
        assert entries == records > 0
        from estate_desk.services.accounts import users as accounts
        from estate_desk.services.demo.estate import DEMO_PASSWORD

        clerk = accounts.authenticate(db, clock, "clerk", DEMO_PASSWORD)
        assert search.search(db, clerk, "王堃")[0].title == "王堃"
        assert search.search(db, clerk, "业主公约")
    finally:
        db.dispose()


@pytest.mark.skipif(not PG_URL, reason="query plans are PostgreSQL's; set ESTATE_DESK_TEST_DATABASE_URL")
def test_on_postgresql_every_search_query_uses_an_index_never_a_scan_of_documents(
    demo_db: Database, demo_clerk: Actor
) -> None:
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(demo_db.engine, "before_cursor_execute", record)
    try:
        for query in (
            "张",
            "王堃",
            "zs",
            "wangkun",
            "业主公约",
            "Z001-YZ",
            "Z001-YZ-2017-Y-0",
            "3-2-1102",
            "翠物〔2019〕1号",
            "1502",
        ):
            search.search(demo_db, demo_clerk, query)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", record)
    selects = [(q, p) for q, p in statements if q.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert selects
    # the planner's defaults; the search tables' plans, at a size where the planner's choice matters, are
    # checked in test_search_plans.py
    with demo_db.engine.connect() as conn:
        for statement, params in selects:
            plan = "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, params))  # type: ignore[arg-type]
            assert "Seq Scan on documents" not in plan, plan
        assert any("LIKE" in s.upper() for s, _ in selects)  # the 3+ character queries went through pg_trgm
        # …which reads Chinese as word characters under this cluster's locale, so the trigrams are real ones
        assert conn.scalar(text("SELECT array_length(show_trgm('业主公约'), 1)")) >= 3


def test_cli_search_prints_hits_grouped_by_kind_within_clearance(demo_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.cli.__main__ import main
    from estate_desk.services.demo.estate import DEMO_PASSWORD

    url = demo_url.render_as_string(hide_password=False)
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    assert main(["search", "王堃", "--user", "clerk", "--database", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Owners" and lines[1].startswith("  王堃\t") and "栋" in lines[1]
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["search", "3-2-1102", "--user", "clerk", "--database", url, "--limit", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "房间" and out[1].startswith("  3栋2单元1102") and "档案" in out
    assert main(["search", "王堃", "--user", "desk", "--database", url]) == 0
    assert capsys.readouterr().out.strip() == "没有找到「王堃」"
