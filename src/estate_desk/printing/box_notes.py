"""The box notes sheet (盒内备考表): one page per box, kept inside the box (A7).

It says what is in the box (count, pages, first–last item numbers), what is missing, changed
or moved out (from the recorded movements and the paper side of each item), and who arranged
and checked the box and when: the clerk who prints it is filled in as 整理人 with the date,
and the checker (检查人) signs on the blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from estate_desk.printing import glyphs
from estate_desk.printing.pages import Cancelled, PageSetup, PrintCancelled, PrintedBy, Progress, Tick, write_pdf
from estate_desk.printing.tables import Column, Ink, TableRow, check_rows, table

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime
    from pathlib import Path

    from reportlab.platypus import Flowable

    from estate_desk.printing.fonts import FontSet

TITLE = "备考表"
CHANGE_COLUMNS = (
    Column("序号", 6, "center"),
    Column("日期", 19, "center"),
    Column("情况", 9, "center"),
    Column("档号 / 对象", 22),
    Column("说明", 30, max_chars=300),
    Column("经办人", 12, "center"),
)
BLANK = "＿＿＿＿＿＿＿＿"


@dataclass(frozen=True)
class BoxChange:
    """One thing that happened to a box or its items: moved in, moved out, shelved …"""

    when: datetime
    what: str  # 移入 / 移出 / 上架 / 移柜 / 新建 …
    item: str  # archive number, volume code, or "本盒"
    detail: str  # from → to, reason
    who: str
    void: bool = False


@dataclass(frozen=True)
class BoxNotes:
    """What the notes sheet of one box (备考表) says."""

    box_code: str
    office: str
    fonds_code: str
    category: str
    year: int
    retention: str
    place: str
    count: int
    pages: int
    first_no: str | None
    last_no: str | None
    changes: tuple[BoxChange, ...]
    without_paper: tuple[str, ...]  # items registered here whose original is missing (A5)
    void_items: tuple[str, ...]  # items marked 作废 (A16)
    incomplete: bool  # some items are above the printer's clearance and were not counted
    arranged_by: str  # the clerk printing the sheet
    arranged_on: date
    confidential: bool = False

    def summary(self) -> list[str]:
        """The 盒内文件情况说明, sentence by sentence."""
        span = f"，起止件号 {self.first_no} 至 {self.last_no}" if self.first_no and self.last_no else ""
        lines = [f"本盒共有档案 {self.count} 件，共 {self.pages} 页{span}。"]
        if self.without_paper:
            lines.append(f"缺少原件 {len(self.without_paper)} 件：{'、'.join(self.without_paper)}。")
        else:
            lines.append("原件齐全，无缺失。")
        if self.void_items:
            lines.append(f"已作废 {len(self.void_items)} 件：{'、'.join(self.void_items)}。")
        if self.incomplete:
            lines.append("注：本盒另有档案超出打印人的密级，未列入本表。")
        return lines

    def change_rows(self) -> list[TableRow]:
        return [
            TableRow(
                (n, c.when, c.what, c.item, c.detail, c.who),
                c.void,
                f"{self.box_code} 变动第 {n} 行（{c.item}）",
            )
            for n, c in enumerate(self.changes, start=1)
        ]

    def facts(self) -> list[tuple[str, str]]:
        span = f"{self.first_no} 至 {self.last_no}" if self.first_no and self.last_no else "（空盒）"
        return [
            ("全宗名称", self.office),
            ("全宗号", self.fonds_code),
            ("门类", self.category),
            ("年度", str(self.year)),
            ("保管期限", self.retention),
            ("存放位置", self.place or "未上架"),
            ("盒号", self.box_code),
            ("起止件号", span),
        ]


def _grid(rows: list[list[Any]], widths: list[float], header_cols: Sequence[int], height: float | None = None) -> Table:
    grid = Table(rows, colWidths=widths, rowHeights=None if height is None else [height] * len(rows))
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    commands += [("BACKGROUND", (col, 0), (col, -1), colors.HexColor("#F0F0F0")) for col in header_cols]
    grid.setStyle(TableStyle(commands))
    return grid


def _sheet(notes: BoxNotes, ink: Ink, width: float) -> list[Flowable]:
    facts = notes.facts()
    pairs = [facts[i : i + 2] for i in range(0, len(facts), 2)]
    info = _grid(
        [
            [
                cell
                for label, value in pair
                for cell in (ink.paragraph(label, "center", bold=True), ink.paragraph(value))
            ]
            for pair in pairs
        ],
        [width * 0.14, width * 0.36, width * 0.14, width * 0.36],
        (0, 2),
    )
    story: list[Flowable] = [
        ink.paragraph(TITLE, "center", bold=True, size=22),
        Spacer(1, 2 * mm),
        ink.paragraph(f"档案盒 {notes.box_code}", "center", size=10),
        Spacer(1, 5 * mm),
        info,
        Spacer(1, 5 * mm),
        ink.paragraph("盒内文件情况说明", bold=True, size=12),
        Spacer(1, 2 * mm),
    ]
    story += [ink.paragraph(line, size=10.5) for line in notes.summary()]
    story += [
        Spacer(1, 5 * mm),
        ink.paragraph("变动情况（缺失、更改、移出、移入）", bold=True, size=12),
        Spacer(1, 2 * mm),
    ]
    if notes.changes:
        story.append(table(CHANGE_COLUMNS, notes.change_rows(), ink, width, counted=False))
    else:
        story.append(ink.paragraph("无变动记录。", size=10.5))
    signatures = _grid(
        [
            [ink.paragraph(text, "center", bold=bold) for text, bold in row]
            for row in (
                (
                    ("整理人", True),
                    (notes.arranged_by, False),
                    ("签名", True),
                    ("", False),
                    ("日期", True),
                    (str(notes.arranged_on), False),
                ),
                (("检查人", True), ("", False), ("签名", True), ("", False), ("日期", True), ("", False)),
            )
        ],
        [width * w for w in (0.12, 0.22, 0.10, 0.22, 0.10, 0.24)],
        (0, 2, 4),
        height=12 * mm,
    )
    story += [Spacer(1, 8 * mm), signatures, Tick(1)]
    return story


def _texts(sheets: Sequence[BoxNotes], printed_by: PrintedBy | None) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for notes in sheets:
        texts += [(f"{notes.box_code} · {label}", value) for label, value in notes.facts()]
        texts += [(f"{notes.box_code} · 说明", line) for line in notes.summary()]
        texts.append((f"{notes.box_code} · 整理人", notes.arranged_by))
    if printed_by is not None:
        texts.append(("页脚 / footer", printed_by.text()))
    return texts


def box_notes_pdf(
    sheets: Sequence[BoxNotes],
    out: Path,
    font_set: FontSet,
    *,
    printed_by: PrintedBy | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print one notes sheet per box into ``out``; returns the number of pages.

    Who printed it and when go in the footer when some box holds confidential items (A11).
    """
    mark = printed_by if any(s.confidential for s in sheets) else None
    for notes in sheets:
        check_rows(CHANGE_COLUMNS, notes.change_rows(), font_set)
    glyphs.ensure_printable(_texts(sheets, mark), font_set)
    setup = PageSetup(
        title=TITLE,
        running_head="",
        printed_by=mark,
        author=sheets[0].office if sheets else "",
    )
    ink = Ink(font_set, 9.5)
    story: list[Flowable] = []
    for index, notes in enumerate(sheets):
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        if index:
            story.append(PageBreak())
        story += _sheet(notes, ink, setup.frame_width)
    if not sheets:
        story.append(ink.paragraph("没有选中的档案盒。", "center"))
    return write_pdf(out, story, setup, font_set, rows=len(sheets), progress=progress, cancelled=cancelled)
