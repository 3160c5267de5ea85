"""Catalogues and the register book as printed tables (编制目录、登记造册, A7, A9).

- 业主档案目录 owner-file catalogue (A9): 序号, 档案编号, 业主姓名, 入住时间, 档案页数, 备注 —
  exactly these columns, files in building → floor → room order (the order comes with the lines).
- 归档文件目录 item catalogue: 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注, on A4
  landscape, after a cover naming the fonds (全宗), year, retention and category.
- 案卷目录 volume catalogue: 案卷号, 案卷题名, 起止日期, 卷内页数, 保管期限, 备注.
- 登记簿 register book (A7): every numbered item in archive-number order.

Lines come from services (no database here). Each kind turns its lines into :class:`TableRow`
values in column order — the PDF and the spreadsheet export use the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from estate_desk.printing import glyphs
from estate_desk.printing.pages import Cancelled, PageSetup, PrintedBy, Progress, write_pdf
from estate_desk.printing.tables import Column, Ink, TableRow, check_rows, table

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from reportlab.platypus import Flowable

    from estate_desk.printing.fonts import FontSet


@dataclass(frozen=True)
class CatalogueKind:
    """What one kind of catalogue prints: its title, its columns and the page orientation."""

    key: str
    title: str
    title_en: str
    columns: tuple[Column, ...]
    landscape: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.title for c in self.columns)


OWNER_CATALOGUE = CatalogueKind(
    "owner-catalogue",
    "业主档案目录",
    "Owner-file catalogue",
    (
        Column("序号", 6, "center"),
        Column("档案编号", 31),
        Column("业主姓名", 15),
        Column("入住时间", 13, "center"),
        Column("档案页数", 10, "center"),
        Column("备注", 25, max_chars=200),
    ),
)
ITEM_CATALOGUE = CatalogueKind(
    "catalogue",
    "归档文件目录",
    "Item catalogue",
    (
        Column("序号", 4.5, "center"),
        Column("档号", 19.5),
        Column("文号", 12),
        Column("责任者", 16),
        Column("题名", 29),
        Column("日期", 9, "center"),
        Column("密级", 5, "center"),
        Column("页数", 5, "center"),
        Column("备注", 10, max_chars=200),
    ),
    landscape=True,
)
VOLUME_CATALOGUE = CatalogueKind(
    "volume-catalogue",
    "案卷目录",
    "Volume catalogue",
    (
        Column("案卷号", 23),
        Column("案卷题名", 29),
        Column("起止日期", 18, "center"),
        Column("卷内页数", 10.5, "center"),
        Column("保管期限", 10.5, "center"),
        Column("备注", 15, max_chars=200),
    ),
)
REGISTER = CatalogueKind(
    "register",
    "档案登记簿",
    "Register book",
    (
        Column("序号", 4.5, "center"),
        Column("档号", 19.5),
        Column("登记日期", 9, "center"),
        Column("题名", 24),
        Column("责任者", 15),
        Column("文件日期", 9, "center"),
        Column("密级", 5, "center"),
        Column("保管期限", 7, "center"),
        Column("页数", 5, "center"),
        Column("档案盒", 15),
        Column("备注", 10, max_chars=200),
    ),
    landscape=True,
)
KINDS = (OWNER_CATALOGUE, ITEM_CATALOGUE, VOLUME_CATALOGUE, REGISTER)


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class OwnerFileLine:
    """One owner's file (业主档案) in the owner-file catalogue (A9)."""

    file_no: str  # 档案编号: the archive number, or the first–last numbers of a file of several items
    owner_name: str
    move_in: date | None
    pages: int
    remarks: str = ""
    void: bool = False


@dataclass(frozen=True)
class ItemLine:
    """One item (件) in the item catalogue (归档文件目录)."""

    archive_no: str
    doc_number: str
    responsible: str
    title: str
    doc_date: date | None
    secrecy: str  # the grade as printed: 公开/内部/秘密/机密/绝密
    pages: int
    remarks: str = ""
    void: bool = False


@dataclass(frozen=True)
class VolumeLine:
    """One volume (案卷) in the volume catalogue."""

    code: str
    title: str
    first_date: date | None
    last_date: date | None
    pages: int
    retention: str  # 永久 / 30年 …
    remarks: str = ""
    void: bool = False


@dataclass(frozen=True)
class RegisterLine:
    """One numbered item in the register book (登记簿, A7)."""

    archive_no: str
    registered_on: date
    title: str
    responsible: str
    doc_date: date | None
    secrecy: str
    retention: str
    pages: int
    box_code: str
    remarks: str = ""
    void: bool = False


def _where(number: int, ident: str) -> str:
    return f"第 {number} 行（{ident}）" if ident else f"第 {number} 行"


def date_range(first: date | None, last: date | None) -> str:
    if first is None and last is None:
        return ""
    if first == last or last is None:
        return str(first)
    if first is None:
        return str(last)
    return f"{first}～{last}"


def owner_file_rows(lines: Sequence[OwnerFileLine]) -> list[TableRow]:
    return [
        TableRow((n, f.file_no, f.owner_name, f.move_in, f.pages, f.remarks), f.void, _where(n, f.file_no))
        for n, f in enumerate(lines, start=1)
    ]


def item_rows(lines: Sequence[ItemLine]) -> list[TableRow]:
    return [
        TableRow(
            (n, i.archive_no, i.doc_number, i.responsible, i.title, i.doc_date, i.secrecy, i.pages, i.remarks),
            i.void,
            _where(n, i.archive_no),
        )
        for n, i in enumerate(lines, start=1)
    ]


def volume_rows(lines: Sequence[VolumeLine]) -> list[TableRow]:
    return [
        TableRow(
            (v.code, v.title, date_range(v.first_date, v.last_date), v.pages, v.retention, v.remarks),
            v.void,
            _where(n, v.code),
        )
        for n, v in enumerate(lines, start=1)
    ]


def register_rows(lines: Sequence[RegisterLine]) -> list[TableRow]:
    return [
        TableRow(
            (
                n,
                r.archive_no,
                r.registered_on,
                r.title,
                r.responsible,
                r.doc_date,
                r.secrecy,
                r.retention,
                r.pages,
                r.box_code,
                r.remarks,
            ),
            r.void,
            _where(n, r.archive_no),
        )
        for n, r in enumerate(lines, start=1)
    ]


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Cover:
    """The cover (封面) of an item catalogue: fonds name and code, year, retention, category …"""

    title: str
    fields: tuple[tuple[str, str], ...]  # (label, value) in print order


_GAP = "\u00a0" * 6  # no-break spaces: a paragraph would fold ordinary spaces into one


@dataclass(frozen=True)
class Catalogue:
    """A catalogue ready to print: what kind, for which office and scope, its rows in order."""

    kind: CatalogueKind
    office: str
    fonds_code: str
    scope: str  # what it covers, as printed under the title: "档案盒 Z001-YZ-2016-H001", "3栋", "全部"
    rows: tuple[TableRow, ...]
    confidential: bool = False  # some row is at a confidential grade: who/when go in the footer (A11)
    cover: Cover | None = None
    notes: tuple[str, ...] = field(default=())  # printed under the table

    @property
    def subtitle(self) -> str:
        return _GAP.join((f"全宗名称：{self.office}", f"全宗号：{self.fonds_code}", f"范围：{self.scope}"))


def _cover(cover: Cover, ink: Ink, width: float) -> list[Flowable]:
    rows = [
        [ink.paragraph(label, "right", bold=True, size=14), ink.paragraph(value, size=14)]
        for label, value in cover.fields
    ]
    grid = Table(rows, colWidths=[45 * mm, width * 0.45], hAlign="CENTER")
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [
        Spacer(1, 30 * mm),
        ink.paragraph(cover.title, "center", bold=True, size=30),
        Spacer(1, 25 * mm),
        grid,
        PageBreak(),
    ]


def printable_texts(catalogue: Catalogue, printed_by: PrintedBy | None) -> list[tuple[str, str]]:
    """The texts other than table cells that the document prints, with where they appear."""
    texts = [("标题 / title", catalogue.kind.title), ("副标题 / subtitle", catalogue.subtitle)]
    if catalogue.cover is not None:
        texts += [(f"封面 / cover: {label}", f"{label}{value}") for label, value in catalogue.cover.fields]
    texts += [("说明 / note", note) for note in catalogue.notes]
    if printed_by is not None:
        texts.append(("页脚 / footer", printed_by.text()))
    return texts


def catalogue_pdf(
    catalogue: Catalogue,
    out: Path,
    font_set: FontSet,
    *,
    printed_by: PrintedBy | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print ``catalogue`` to the PDF ``out``; returns the number of pages.

    Every text is checked against the fonts first: a character no font covers is reported
    (:class:`~estate_desk.domain.errors.InputProblem`, naming the row) and nothing is written.
    ``printed_by`` is printed in every page's footer when the catalogue is confidential (A11).
    """
    mark = printed_by if catalogue.confidential else None
    kind = catalogue.kind
    check_rows(kind.columns, catalogue.rows, font_set)
    glyphs.ensure_printable(printable_texts(catalogue, mark), font_set)
    setup = PageSetup(
        title=f"{kind.title}（{catalogue.scope}）",
        landscape=kind.landscape,
        running_head=f"{catalogue.office} {kind.title} · {catalogue.scope}",
        unnumbered=1 if catalogue.cover is not None else 0,
        printed_by=mark,
        author=catalogue.office,
    )
    ink = Ink(font_set, 9 if kind.landscape else 10)
    story: list[Flowable] = []
    if catalogue.cover is not None:
        story += _cover(catalogue.cover, ink, setup.frame_width)
    story += [
        ink.paragraph(kind.title, "center", bold=True, size=18),
        Spacer(1, 2 * mm),
        ink.paragraph(catalogue.subtitle, "center", size=9.5),
        Spacer(1, 3 * mm),
        table(kind.columns, catalogue.rows, ink, setup.frame_width, cancelled=cancelled),
    ]
    if not catalogue.rows:
        story += [Spacer(1, 3 * mm), ink.paragraph("（本范围内没有可列出的档案。）", "center")]
    for note in catalogue.notes:
        story += [Spacer(1, 2 * mm), ink.paragraph(note, size=9)]
    return write_pdf(out, story, setup, font_set, rows=len(catalogue.rows), progress=progress, cancelled=cancelled)
