"""Printed tables (printing/tables.py, pages.py, catalogues.py, box_notes.py) on hand-built rows.

Checked by reading the PDFs back with pdfplumber: exact column headers, the header repeated on
every page, "第 x 页 共 y 页", rows never split across pages, long titles wrapped inside their
cells, the void mark (A16), the confidential footer (A11), characters no font covers reported
before printing, cancel leaving no file, and the spreadsheet export in the same columns.
"""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem
from estate_desk.printing import fonts, glyphs
from estate_desk.printing.box_notes import BoxChange, BoxNotes, box_notes_pdf
from estate_desk.printing.catalogues import (
    ITEM_CATALOGUE,
    KINDS,
    OWNER_CATALOGUE,
    REGISTER,
    VOLUME_CATALOGUE,
    Catalogue,
    CatalogueKind,
    Cover,
    ItemLine,
    OwnerFileLine,
    catalogue_pdf,
    item_rows,
    owner_file_rows,
)
from estate_desk.printing.pages import BOTTOM_MARGIN, PrintCancelled, PrintedBy
from estate_desk.printing.tables import TableRow
from estate_desk.services.printouts.catalogue_data import file_number
from estate_desk.services.printouts.catalogues import write_catalogue_xlsx

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

PRINTED_AT = datetime(2026, 11, 23, 9, 0, tzinfo=CHINA_TZ)
LONG = "关于翠湖苑小区地下车库消防喷淋系统改造工程竣工验收及资料移交的请示报告"


@pytest.fixture(scope="module")
def font_set() -> fonts.FontSet:
    return fonts.register_fonts()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [norm(page.extract_text() or "") for page in pdf.pages]


def tables(path: Path) -> list[list[list[str]]]:
    """The table of each page (the first one on it), as rows of cell texts; [] where a page has none."""
    with pdfplumber.open(path) as pdf:
        found = [page.extract_tables() for page in pdf.pages]
    return [[[cell or "" for cell in row] for row in page[0]] if page else [] for page in found]


def item_lines(count: int) -> list[ItemLine]:
    """Items with every ninth title long enough to wrap over several lines."""
    return [
        ItemLine(
            f"Z001-GC·2019-Y-{n:04d}",
            f"翠物〔2019〕{n}号" if n % 4 == 0 else "",
            "翠湖苑物业服务中心",
            (LONG * (1 + (n // 9) % 3)) + f"（第{n}件）" if n % 9 == 0 else f"第{n}件 竣工图",
            date(2019, 1 + n % 12, 1 + n % 28),
            "内部",
            n % 40,
        )
        for n in range(1, count + 1)
    ]


def catalogue(kind: CatalogueKind, rows: list[TableRow], **kw: Any) -> Catalogue:
    return Catalogue(kind, "翠湖苑物业服务中心", "Z001", kw.pop("scope", "测试"), tuple(rows), **kw)


# --------------------------------------------------------------------------- columns


@pytest.mark.parametrize(
    ("kind", "headers"),
    [
        (OWNER_CATALOGUE, ["序号", "档案编号", "业主姓名", "入住时间", "档案页数", "备注"]),
        (ITEM_CATALOGUE, ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]),
        (VOLUME_CATALOGUE, ["案卷号", "案卷题名", "起止日期", "卷内页数", "保管期限", "备注"]),
        (REGISTER, list(REGISTER.headers)),
    ],
    ids=lambda v: v.key if isinstance(v, CatalogueKind) else "",
)
def test_a9_each_catalogue_prints_exactly_its_columns_in_order(
    kind: CatalogueKind, headers: list[str], font_set: fonts.FontSet, tmp_path: Path
) -> None:
    assert list(kind.headers) == headers
    rows = [TableRow(tuple(f"{h}{n}" for h in headers)) for n in range(3)]
    out = tmp_path / f"{kind.key}.pdf"
    assert catalogue_pdf(catalogue(kind, rows), out, font_set) == 1
    [page] = tables(out)
    assert page[0] == headers  # no heading is wrapped either
    assert [[cell.replace("\n", "") for cell in row] for row in page[1:]] == [
        [f"{h}{n}" for h in headers] for n in range(3)
    ]
    assert kind.title in texts(out)[0]


def test_register_book_lists_number_then_the_record() -> None:
    assert REGISTER.headers[:2] == ("序号", "档号")
    assert REGISTER.landscape and ITEM_CATALOGUE.landscape
    assert {k.key for k in KINDS} == {"owner-catalogue", "catalogue", "volume-catalogue", "register"}


# --------------------------------------------------------------------------- a long catalogue


@pytest.fixture(scope="module")
def long_catalogue(tmp_path_factory: pytest.TempPathFactory, font_set: fonts.FontSet) -> Iterator[tuple[Path, int]]:
    """230 items with a cover: several pages, some titles wrapping over several lines."""
    cover = Cover("归档文件目录", (("全宗名称", "翠湖苑物业服务中心"), ("全宗号", "Z001"), ("年度", "2019")))
    out = tmp_path_factory.mktemp("long") / "catalogue.pdf"
    pages = catalogue_pdf(catalogue(ITEM_CATALOGUE, item_rows(item_lines(230)), cover=cover), out, font_set)
    yield out, pages


def test_a7_cover_then_every_page_repeats_the_header_and_is_numbered(long_catalogue: tuple[Path, int]) -> None:
    out, pages = long_catalogue
    assert pages >= 5
    page_texts = texts(out)
    page_tables = tables(out)
    assert len(page_texts) == pages
    assert page_tables[0] == []  # the cover
    assert all(word in page_texts[0] for word in ("归档文件目录", "全宗名称", "翠湖苑物业服务中心", "Z001", "2019"))
    assert "页" not in page_texts[0]  # the cover is not numbered
    for number in range(1, pages):
        assert page_tables[number][0] == list(ITEM_CATALOGUE.headers), f"page {number}"
        assert f"第 {number} 页 共 {pages - 1} 页" in page_texts[number]


def test_a7_no_row_is_split_across_pages(long_catalogue: tuple[Path, int]) -> None:
    out, _ = long_catalogue
    lines = item_lines(230)
    seen: dict[str, list[tuple[int, list[str]]]] = {}
    for number, page in enumerate(tables(out)):
        for row in page[1:]:
            seen.setdefault(row[1], []).append((number, row))
    assert list(seen) == [line.archive_no for line in lines]  # every row once, in order
    for line in lines:
        [(_page, row)] = seen[line.archive_no]
        assert row[4].replace("\n", "") == line.title  # the whole title on one page
        assert row[0] == str(lines.index(line) + 1)


def test_long_titles_wrap_inside_their_cells(long_catalogue: tuple[Path, int]) -> None:
    out, _ = long_catalogue
    wrapped = 0
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages[1:]:
            [found] = page.find_tables()
            cells = [cell for row in found.rows for cell in row.cells if cell is not None]
            for char in page.chars:
                middle = ((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
                home = [c for c in cells if c[0] <= middle[0] <= c[2] and c[1] <= middle[1] <= c[3]]
                if not home:
                    continue  # title, subtitle, footer
                x0, _top, x1, _bottom = home[0]
                assert x0 <= char["x0"] + 0.01 and char["x1"] <= x1 + 0.01, char["text"]
            wrapped += sum(1 for row in found.extract() if row[4] and row[4].count("\n") >= 2)
    assert wrapped >= 10


def test_a7_a_tall_row_moves_whole_to_the_next_page(font_set: fonts.FontSet, tmp_path: Path) -> None:
    short = item_rows([ItemLine(f"Z001-GC·2019-Y-{n:04d}", "", "", f"第{n}件", None, "内部", 1) for n in range(1, 41)])
    probe = tmp_path / "probe.pdf"
    catalogue_pdf(catalogue(ITEM_CATALOGUE, short), probe, font_set)
    fit = len(tables(probe)[0]) - 1  # data rows that fit on the first page
    tall = ItemLine("Z001-GC·2019-Y-9999", "", "", LONG * 8, None, "内部", 1)
    rows = [*short[: fit - 3], *item_rows([tall]), *short[fit - 3 :]]
    out = tmp_path / "tall.pdf"
    catalogue_pdf(catalogue(ITEM_CATALOGUE, rows), out, font_set)
    first, second, *_ = tables(out)
    assert [row[1] for row in first[1:]] == [r.values[1] for r in short[: fit - 3]]
    assert second[1][1] == tall.archive_no and second[1][4].replace("\n", "") == tall.title
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        [found] = page.find_tables()
        assert page.height - BOTTOM_MARGIN - found.bbox[3] > 40  # the room left was too small for it


# --------------------------------------------------------------------------- marks


def test_a16_a_void_row_prints_with_a_red_stamp_and_struck_text(font_set: fonts.FontSet, tmp_path: Path) -> None:
    lines = [
        OwnerFileLine("Z001-YZ·2016-Y-0001～0003", "刘建", date(2016, 3, 1), 9, "1栋201（3件）"),
        OwnerFileLine("Z001-YZ·2016-Y-0004", "杜超英", date(2016, 4, 1), 4, "1栋302（1件）", void=True),
    ]
    out = tmp_path / "void.pdf"
    catalogue_pdf(catalogue(OWNER_CATALOGUE, owner_file_rows(lines)), out, font_set)
    [page] = tables(out)
    assert page[1][5] == "1栋201（3件）"
    assert page[2][5] == "作废\n1栋302（1件）"
    with pdfplumber.open(out) as pdf:
        sheet = pdf.pages[0]
        [found] = sheet.find_tables()
        void_row = found.rows[2].bbox
        stamp = [c for c in sheet.chars if c["text"] in "作废" and void_row[1] < c["top"] < void_row[3]]
        red = [
            c
            for c in stamp
            if c["non_stroking_color"] and c["non_stroking_color"][0] > 0.6 > c["non_stroking_color"][1]
        ]
        assert "".join(c["text"] for c in red) == "作废"
        strikes = [
            line for line in sheet.lines if void_row[1] < line["top"] < void_row[3] and line["x1"] - line["x0"] > 5
        ]
        assert len(strikes) >= 5  # each cell's text is struck through
        first_row = found.rows[1].bbox
        assert not [line for line in sheet.lines if first_row[1] + 2 < line["top"] < first_row[3] - 2]


def test_a11_a_confidential_catalogue_says_who_printed_it_and_when_on_every_page(
    font_set: fonts.FontSet, tmp_path: Path
) -> None:
    rows = item_rows(item_lines(60))
    who = PrintedBy("张喆", PRINTED_AT)
    secret, plain = tmp_path / "secret.pdf", tmp_path / "plain.pdf"
    pages = catalogue_pdf(catalogue(ITEM_CATALOGUE, rows, confidential=True), secret, font_set, printed_by=who)
    catalogue_pdf(catalogue(ITEM_CATALOGUE, rows, confidential=False), plain, font_set, printed_by=who)
    assert pages >= 2
    assert all("打印人 张喆 打印时间 2026-11-23 09:00" in text for text in texts(secret))
    assert not any("打印人" in text for text in texts(plain))


# --------------------------------------------------------------------------- fonts


def test_a_character_no_font_has_is_reported_before_printing(font_set: fonts.FontSet, tmp_path: Path) -> None:
    strange = "\U0010fffd"  # a private-use character: no font draws it
    assert glyphs.missing_glyphs(strange, font_set) == [strange]
    lines = [
        OwnerFileLine("Z001-YZ·2016-Y-0001", "刘建", None, 1),
        OwnerFileLine("Z001-YZ·2016-Y-0002", f"王{strange}", None, 1),
    ]
    out = tmp_path / "out" / "owners.pdf"
    with pytest.raises(InputProblem) as caught:
        catalogue_pdf(catalogue(OWNER_CATALOGUE, owner_file_rows(lines)), out, font_set)
    assert "U+10FFFD" in caught.value.zh
    assert caught.value.where is not None
    assert "第 2 行（Z001-YZ·2016-Y-0002）" in caught.value.where and "业主姓名" in caught.value.where
    assert not out.parent.exists() or not any(out.parent.iterdir())


# --------------------------------------------------------------------------- long jobs


def test_progress_counts_rows_up_to_the_total(font_set: fonts.FontSet, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    catalogue_pdf(
        catalogue(ITEM_CATALOGUE, item_rows(item_lines(250))),
        tmp_path / "c.pdf",
        font_set,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert len(seen) > 5
    assert {total for _, total in seen} == {250}
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (250, 250)


@pytest.mark.parametrize("after", [0, 3])
def test_cancel_leaves_no_file(font_set: fonts.FontSet, tmp_path: Path, after: int) -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > after

    folder = tmp_path / "out"
    folder.mkdir()
    rows = item_rows(item_lines(300))
    with pytest.raises(PrintCancelled):
        catalogue_pdf(catalogue(ITEM_CATALOGUE, rows), folder / "c.pdf", font_set, cancelled=cancelled)
    calls = 0
    with pytest.raises(PrintCancelled):
        write_catalogue_xlsx(catalogue(ITEM_CATALOGUE, rows), folder / "c.xlsx", cancelled=cancelled)
    assert list(folder.iterdir()) == []


def test_a_cancelled_job_leaves_the_previous_file_as_it_was(font_set: fonts.FontSet, tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    out.write_bytes(b"old")
    with pytest.raises(PrintCancelled):
        catalogue_pdf(catalogue(ITEM_CATALOGUE, item_rows(item_lines(100))), out, font_set, cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.pdf"]


# --------------------------------------------------------------------------- spreadsheets


def test_the_spreadsheet_has_the_pdf_columns_rows_and_void_marks(font_set: fonts.FontSet, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    lines = item_lines(30)
    lines[4] = dataclasses.replace(lines[4], remarks="已失效", void=True)
    doc = catalogue(ITEM_CATALOGUE, item_rows(lines), confidential=True)
    pdf_path, xlsx_path = tmp_path / "c.pdf", tmp_path / "c.xlsx"
    catalogue_pdf(doc, pdf_path, font_set)
    assert write_catalogue_xlsx(doc, xlsx_path, printed_by=PrintedBy("张喆", PRINTED_AT)) == 30
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    pages = tables(pdf_path)
    assert len(pages) >= 2
    assert values[0] == pages[0][0] == list(ITEM_CATALOGUE.headers)
    assert [row[1] for row in values[1:]] == [row[1] for page in pages for row in page[1:]]
    assert values[1][0] == 1 and isinstance(values[1][7], int)
    assert values[1][5].date() == lines[0].doc_date  # a real date, not text
    assert values[5][8] == "作废 已失效"
    assert sheet.cell(row=6, column=5).font.strike
    assert "张喆" in sheet.oddFooter.left.text
    assert sheet.print_title_rows == "$1:$1"  # the header row repeats on every printed page


# --------------------------------------------------------------------------- box notes


def test_box_notes_say_what_is_in_the_box_what_moved_and_who_arranged_it(
    font_set: fonts.FontSet, tmp_path: Path
) -> None:
    notes = BoxNotes(
        box_code="Z001-YZ-2016-H001",
        office="翠湖苑物业服务中心",
        fonds_code="Z001",
        category="业主及各办公部门档案",
        year=2016,
        retention="永久",
        place="1号档案柜 · 第1层第4格",
        count=29,
        pages=114,
        first_no="Z001-YZ·2016-Y-0001",
        last_no="Z001-YZ·2016-Y-0030",
        changes=(
            BoxChange(PRINTED_AT, "移出", "Z001-YZ·2016-Y-0004", "移至 Z001-YZ-2016-H002（装盒）", "李秀英"),
            BoxChange(PRINTED_AT, "移入", "Z001-YZ·2016-Y-0031", "来自 —（装盒）", "李秀英", void=True),
        ),
        without_paper=("Z001-YZ·2016-Y-0007",),
        void_items=("Z001-YZ·2016-Y-0031",),
        incomplete=False,
        arranged_by="李秀英",
        arranged_on=date(2026, 11, 23),
        confidential=True,
    )
    out = tmp_path / "notes.pdf"
    assert box_notes_pdf([notes, notes], out, font_set, printed_by=PrintedBy("李秀英", PRINTED_AT)) == 2
    first = texts(out)[0]
    for expected in (
        "备考表",
        "本盒共有档案 29 件，共 114 页，起止件号 Z001-YZ·2016-Y-0001 至 Z001-YZ·2016-Y-0030。",
        "缺少原件 1 件：Z001-YZ·2016-Y-0007。",
        "已作废 1 件：Z001-YZ·2016-Y-0031。",
        "整理人 李秀英",
        "2026-11-23",
        "检查人",
        "第 1 页 共 2 页",
        "打印人 李秀英 打印时间 2026-11-23 09:00",
    ):
        assert expected in first, expected
    with pdfplumber.open(out) as pdf:
        changes = pdf.pages[0].extract_tables()[1]
    assert changes[0] == ["序号", "日期", "情况", "档号 / 对象", "说明", "经办人"]
    assert changes[1][2:4] == ["移出", "Z001-YZ·2016-Y-0004"]
    assert changes[2][2].endswith("移入")  # struck, after its 作废 stamp


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_file_gets_the_users_usual_permissions(font_set: fonts.FontSet, tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        pdf, xlsx = tmp_path / "c.pdf", tmp_path / "c.xlsx"
        doc = catalogue(ITEM_CATALOGUE, item_rows(item_lines(3)))
        catalogue_pdf(doc, pdf, font_set)
        write_catalogue_xlsx(doc, xlsx)
    finally:
        os.umask(mask)
    assert pdf.stat().st_mode & 0o777 == xlsx.stat().st_mode & 0o777 == 0o644  # not a temp file's 0600


def test_a_folder_that_cannot_be_written_is_reported(font_set: fonts.FontSet, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    doc = catalogue(ITEM_CATALOGUE, item_rows(item_lines(3)))
    with pytest.raises(InputProblem) as caught:
        catalogue_pdf(doc, blocker / "c.pdf", font_set)
    assert "无法写入" in caught.value.zh
    with pytest.raises(InputProblem):
        write_catalogue_xlsx(doc, blocker / "c.xlsx")


@pytest.mark.parametrize(
    ("numbers", "printed"),
    [
        (["Z001-YZ·2016-Y-0007"], "Z001-YZ·2016-Y-0007"),
        (["Z001-YZ·2016-Y-0001", "Z001-YZ·2016-Y-0002", "Z001-YZ·2016-Y-0003"], "Z001-YZ·2016-Y-0001～0003"),
        (["Z001-YZ·2016-Y-0001", "Z001-YZ·2016-Y-0005"], "Z001-YZ·2016-Y-0001、0005"),
        (
            ["Z001-YZ·2016-Y-0009", "Z001-YZ·2016-Y-0010", "Z001-YZ·2019-Y-0004"],
            "Z001-YZ·2016-Y-0009～0010、Z001-YZ·2019-Y-0004",
        ),
    ],
)
def test_a9_an_owner_file_number_names_its_items_without_claiming_others(numbers: list[str], printed: str) -> None:
    assert file_number(numbers) == printed


@given(st.integers(1, 9998), st.integers(1, 40))
def test_a9_consecutive_items_print_as_one_range(first: int, count: int) -> None:
    numbers = [f"Z001-YZ·2016-Y-{n:04d}" for n in range(first, first + count)]
    expected = numbers[0] if count == 1 else f"{numbers[0]}～{numbers[-1].rpartition('-')[2]}"
    assert file_number(numbers) == expected
