"""The five catalogue printouts through the registry, on the demo estate and on a fresh archive.

Each document is rendered as ``estate-desk print KEY`` and the window would render it
(``printouts.printout(KEY).render``), then read back with pdfplumber: columns, page numbers,
owner files in building → floor → room order (A9), only what the reader's clearance allows (A6),
who printed a confidential document and when (A11), and the ``.xlsx`` in the same columns.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import pdfplumber
import pytest

from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.domain.estate.rooms import parse_room_code, room_sort_key
from estate_desk.printing.catalogues import ITEM_CATALOGUE, OWNER_CATALOGUE, REGISTER, VOLUME_CATALOGUE
from estate_desk.printing.pages import PrintCancelled
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import boxes, browse, cabinets, register, volumes
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.printouts.kinds import Scope, Selection
from estate_desk.services.printouts.registry import printout, printouts

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

KEYS = ("owner-catalogue", "catalogue", "volume-catalogue", "register", "box-notes")
FOOTER = "打印人 李秀英 打印时间 2026-11-23 09:00"


def texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [re.sub(r"\s+", " ", page.extract_text() or "") for page in pdf.pages]


def rows(path: Path) -> tuple[list[list[str]], list[list[str]]]:
    """The header of each page's table, and every data row of the document in order."""
    headers: list[list[str]] = []
    data: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            found = page.extract_tables()
            if found:
                headers.append([cell or "" for cell in found[0][0]])
                data += [[(cell or "").replace("\n", "") for cell in row] for row in found[0][1:]]
    return headers, data


def assert_numbered(path: Path, first: int = 0) -> None:
    pages = texts(path)
    total = len(pages) - first
    for number, text in enumerate(pages[first:], start=1):
        assert f"第 {number} 页 共 {total} 页" in text


@pytest.fixture
def yz_box(demo_db: Database, demo_clerk: Actor) -> int:
    return next(b.id for b in browse.boxes(demo_db, demo_clerk) if "-YZ-" in b.code)


# --------------------------------------------------------------------------- the registry


def test_the_five_printouts_are_registered_with_their_selections() -> None:
    found = {p.key: p for p in printouts()}
    assert set(KEYS) <= set(found)
    assert found["owner-catalogue"].scopes == {Scope.BOX, Scope.CABINET, Scope.BUILDING, Scope.ESTATE}
    assert {Scope.BOX, Scope.CATEGORY, Scope.YEAR} <= found["catalogue"].scopes
    assert Scope.ESTATE in found["register"].scopes and Scope.ESTATE in found["volume-catalogue"].scopes
    assert found["box-notes"].scopes == {Scope.BOX, Scope.CABINET}
    assert all(found[key].xlsx is not None for key in KEYS[:4]) and found["box-notes"].xlsx is None
    assert found["owner-catalogue"].title("zh") == "业主档案目录"
    assert found["catalogue"].title("en") == "Item catalogue"


def test_a_selection_a_document_does_not_take_is_refused(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path, yz_box: int
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(InputProblem, match="box"):
        printout("register").render(demo_db, clock, demo_clerk, Selection(box_ids=(yz_box,)), tmp_path / "r.pdf")
    with pytest.raises(InputProblem) as caught:
        printout("catalogue").render(demo_db, clock, demo_clerk, Selection(), tmp_path / "c.pdf")
    assert "档案盒" in caught.value.zh and "门类" in caught.value.zh
    with pytest.raises(NotFound):
        printout("owner-catalogue").render(demo_db, clock, demo_clerk, Selection(building=99), tmp_path / "o.pdf")
    with pytest.raises(InputProblem, match="option"):
        printout("register").render(demo_db, clock, demo_clerk, Selection(options={"rows": "3"}), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- the demo estate


@pytest.mark.parametrize(
    ("key", "selection", "kind"),
    [
        ("owner-catalogue", "box", OWNER_CATALOGUE),
        ("owner-catalogue", Selection(building=3), OWNER_CATALOGUE),
        ("catalogue", "box", ITEM_CATALOGUE),
        ("catalogue", Selection(category_code="WX", year=2021), ITEM_CATALOGUE),
        ("volume-catalogue", Selection(), VOLUME_CATALOGUE),
        ("register", Selection(year=2019), REGISTER),
    ],
    ids=["owners-box", "owners-building", "items-box", "items-category-year", "volumes", "register-year"],
)
def test_each_catalogue_renders_on_the_demo_estate(
    demo_db: Database,
    demo_clerk: Actor,
    clock: FakeClock,
    tmp_path: Path,
    yz_box: int,
    key: str,
    selection: Selection | str,
    kind: object,
) -> None:
    chosen = Selection(box_ids=(yz_box,)) if selection == "box" else selection
    assert isinstance(chosen, Selection)
    result = printout(key).render(demo_db, clock, demo_clerk, chosen, tmp_path / f"{key}.pdf")
    assert result.path.is_file() and result.pages == len(texts(result.path))
    headers, data = rows(result.path)
    assert headers and all(h == list(kind.headers) for h in headers)  # type: ignore[attr-defined]
    assert len(data) == result.items
    cover = 1 if key == "catalogue" else 0
    assert_numbered(result.path, cover)
    if key != "volume-catalogue":
        assert result.items > 0


def test_a9_owner_files_of_the_estate_in_building_floor_room_order(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    result = printout("owner-catalogue").render(demo_db, clock, demo_clerk, Selection(), tmp_path / "o.pdf")
    _, data = rows(result.path)
    assert result.items == len(data) == 236  # one file per household
    assert [row[0] for row in data] == [str(n) for n in range(1, 237)]
    rooms = [parse_room_code(row[5].split("（")[0]) for row in data]
    assert rooms == sorted(rooms, key=room_sort_key)
    buildings = [room.building for room in rooms]
    assert buildings.index(10) > max(i for i, b in enumerate(buildings) if b == 2)  # 2栋 before 10栋
    first_building = [room.room for room in rooms if room.building == 1]
    assert first_building.index(901) < first_building.index(1201)  # 9楼 before 12楼
    assert all(re.fullmatch(r"Z001-YZ·\d{4}-Y-\d{4}(～\d{4})?", row[1]) for row in data)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[3]) for row in data)


def test_a11_owner_files_are_top_secret_so_every_page_names_who_printed_them(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    owners = printout("owner-catalogue").render(demo_db, clock, demo_clerk, Selection(), tmp_path / "o.pdf")
    assert owners.pages > 3
    assert all(FOOTER in text for text in texts(owners.path))
    internal = printout("catalogue").render(
        demo_db, clock, demo_clerk, Selection(category_code="WX"), tmp_path / "wx.pdf"
    )
    assert not any("打印人" in text for text in texts(internal.path))


def test_a6_the_register_lists_only_what_the_reader_may_see(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    desk = accounts.authenticate(demo_db, clock, "desk", DEMO_PASSWORD)  # a receptionist: 内部
    everything = printout("register").render(demo_db, clock, demo_clerk, Selection(), tmp_path / "all.pdf")
    visible = printout("register").render(demo_db, clock, desk, Selection(), tmp_path / "desk.pdf")
    _, seen = rows(visible.path)
    assert visible.items == len(seen) == len(browse.document_ids(demo_db, desk, None)) < everything.items
    assert {row[6] for row in seen} <= {"公开", "内部"}
    numbers = [row[1] for row in seen]
    assert numbers == sorted(numbers)  # archive-number order (A7)
    assert not any("打印人" in text for text in texts(visible.path))


def test_the_spreadsheet_export_has_the_pdf_columns_and_rows(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path, yz_box: int
) -> None:
    from openpyxl import load_workbook

    for key in KEYS[:4]:
        selection = Selection(box_ids=(yz_box,)) if key in ("owner-catalogue", "catalogue") else Selection(year=2016)
        pdf = printout(key).render(demo_db, clock, demo_clerk, selection, tmp_path / f"{key}.pdf")
        xlsx = printout(key).xlsx(demo_db, clock, demo_clerk, selection, tmp_path / f"{key}.xlsx")  # type: ignore[misc]
        assert xlsx.items == pdf.items
        sheet = load_workbook(xlsx.path).active
        assert sheet is not None
        values = list(sheet.iter_rows(values_only=True))
        headers, data = rows(pdf.path)
        assert list(values[0]) == headers[0], key
        assert [str(row[1]) for row in values[1:]] == [row[1] for row in data], key


def test_cancelling_a_printout_halfway_leaves_no_file(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    done: list[int] = []
    folder = tmp_path / "out"
    with pytest.raises(PrintCancelled):
        printout("register").render(
            demo_db,
            clock,
            demo_clerk,
            Selection(),
            folder / "r.pdf",
            progress=lambda rows, total: done.append(rows),
            cancelled=lambda: bool(done) and done[-1] >= 100,  # the user cancels once 100 rows are laid out
        )
    assert 100 <= done[-1] < 857
    assert list(folder.iterdir()) == []


# --------------------------------------------------------------------------- volumes and box notes on a fresh archive


def _register(db: Database, clock: FakeClock, actor: Actor, title: str, day: date, pages: int, **kw: object) -> int:
    return register.register(db, clock, actor, DocumentDraft("GC", title, 2019, doc_date=day, pages=pages, **kw))  # type: ignore[arg-type]


def test_the_volume_catalogue_gives_each_volume_its_dates_and_pages(
    ready_db: Database, clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    bound = volumes.create_volume(
        ready_db, clock, clerk, category_code="GC", title="3栋竣工图纸（结构、给排水、电气）", year=2019
    )
    empty = volumes.create_volume(ready_db, clock, clerk, category_code="GC", title="小区地质勘察报告", year=2019)
    for day, pages in ((date(2019, 5, 2), 12), (date(2019, 3, 1), 30), (date(2019, 11, 20), 8)):
        volumes.file_into_volume(ready_db, clock, clerk, _register(ready_db, clock, clerk, "竣工图", day, pages), bound)
    volumes.close_volume(ready_db, clock, clerk, bound)
    result = printout("volume-catalogue").render(
        ready_db, clock, clerk, Selection(category_code="GC"), tmp_path / "v.pdf"
    )
    headers, data = rows(result.path)
    assert headers == [list(VOLUME_CATALOGUE.headers)]
    assert [row[0] for row in data] == ["Z001-GC-2019-J001", "Z001-GC-2019-J002"]
    assert data[0][1:5] == ["3栋竣工图纸（结构、给排水、电气）", "2019-03-01～2019-11-20", "50", "永久"]
    assert data[0][5] == "3 件"
    assert data[1][1:5] == ["小区地质勘察报告", "", "0", "永久"] and "未封卷" in data[1][5]
    assert empty


def test_box_notes_list_contents_moves_and_missing_originals(
    ready_db: Database, clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    first = boxes.create_box(ready_db, clock, clerk, category_code="GC", year=2019)
    second = boxes.create_box(ready_db, clock, clerk, category_code="GC", year=2019)
    cabinet = cabinets.create_cabinet(ready_db, clerk, "G01", "1号档案柜")
    cabinets.place_box(ready_db, clock, clerk, first, cabinet, 1, 1)
    ids = [_register(ready_db, clock, clerk, f"竣工图 {n}", date(2019, 1, n), n) for n in range(1, 5)]
    lost = _register(ready_db, clock, clerk, "电梯设备说明书", date(2019, 2, 1), 7, has_paper=False)
    for doc in [*ids, lost]:
        boxes.put_in_box(ready_db, clock, clerk, first, document_id=doc)
    clock.advance(days=2)
    boxes.put_in_box(ready_db, clock, clerk, second, document_id=ids[1])
    result = printout("box-notes").render(ready_db, clock, clerk, Selection(cabinet_id=cabinet), tmp_path / "n.pdf")
    assert (result.pages, result.items) == (1, 1)
    [text] = texts(result.path)
    assert "本盒共有档案 4 件，共 15 页，起止件号 Z001-GC·2019-Y-0001 至 Z001-GC·2019-Y-0005。" in text
    assert "缺少原件 1 件：Z001-GC·2019-Y-0005。" in text
    assert "整理人 clerk" in text and "2026-11-25" in text  # the clerk printing it, today
    assert "打印人" not in text  # engineering files are internal
    with pdfplumber.open(result.path) as pdf:
        changes = pdf.pages[0].extract_tables()[1]
    moves = [(row[2], row[3]) for row in changes[1:]]
    assert ("新建", "本盒") in moves and ("上架", "本盒") in moves
    assert ("移入", "Z001-GC·2019-Y-0001") in moves
    assert moves[-1] == ("移出", "Z001-GC·2019-Y-0002")
    assert "Z001-GC-2019-H002" in changes[-1][4].replace("\n", "")
