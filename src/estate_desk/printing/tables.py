"""The table machinery of every printed list: catalogues (目录), the register book (登记簿), box notes.

A printed table here always:

- repeats its header row at the top of every page (``repeatRows=1``);
- wraps long text inside its cell, breaking lines the Chinese way (``wordWrap="CJK"``);
- never splits a row across pages: a row that does not fit moves whole to the next page;
- draws each character in a font that has it (runs of fallback fonts inside a cell), after
  :func:`check_rows` has checked every text with :func:`estate_desk.printing.glyphs.ensure_printable`;
- marks a void (作废) row with a red stamp and struck-through text (A16).

Page numbers, the printed-by footer and writing the file are :mod:`estate_desk.printing.pages`.
No database and no Qt here: rows come from services.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle

from estate_desk.printing import glyphs
from estate_desk.printing.pages import Cancelled, PrintCancelled

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from estate_desk.printing.fonts import FontSet

Value = str | int | date | datetime | None
"""What a table cell holds; the PDF shows it as text, the spreadsheet keeps numbers and dates."""

HEADER_GREY = colors.HexColor("#E6E6E6")
VOID_RED = colors.HexColor("#C00000")
VOID_ROW = colors.HexColor("#FBE9E9")
VOID_TEXT = colors.HexColor("#707070")
VOID_MARK = "作废"

_PLAIN = re.compile(r"[^\s&<>]+")
"""Text that a paragraph shows as it is: no spaces to fold, nothing markup would read."""


@dataclass(frozen=True)
class Column:
    """One column of a printed table: its heading, its share of the width, its alignment.

    ``max_chars`` bounds free text (remarks) so that one row always fits on a page; longer
    text is cut with "…" in the PDF (the spreadsheet keeps it whole).
    """

    title: str
    weight: float
    align: Literal["left", "center", "right"] = "left"
    max_chars: int = 400


@dataclass(frozen=True)
class TableRow:
    """One row: its values in column order, whether it is void (作废, A16), and where it came from."""

    values: tuple[Value, ...]
    void: bool = False
    where: str = ""  # how the user finds the row, e.g. "第 12 行（Z001-YZ·2016-Y-0007）"


def cell_text(value: Value) -> str:
    """How a value is printed: dates as 2024-03-05, times to the minute, nothing as blank."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


# --------------------------------------------------------------------------- text with fonts


class Ink:
    """Paragraph styles and font-fallback markup for one document, from the printing font set."""

    def __init__(self, font_set: FontSet, size: float = 9.5) -> None:
        self.fonts = font_set
        self.size = size
        self._widths: dict[str, float] = {}  # the body font's width of each character at ``size``
        self._frags: dict[str, Any] = {}
        self._styles: dict[tuple[str, str, float, bool], ParagraphStyle] = {}

    def style(
        self, align: str = "left", *, bold: bool = False, size: float | None = None, void: bool = False
    ) -> ParagraphStyle:
        font = self.fonts.hei_bold if bold else self.fonts.body
        points = size or self.size
        key = (align, font, points, void)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                f"{font}-{align}-{points}-{void}",
                fontName=font,
                fontSize=points,
                leading=round(points * 1.3, 1),
                alignment={"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align],
                wordWrap="CJK",
                textColor=VOID_TEXT if void else colors.black,
            )
        return self._styles[key]

    def markup(self, text: str, *, bold: bool = False) -> str:
        """Paragraph markup of plain ``text``: escaped, line breaks kept, each run in a font that has it."""
        chain = self.fonts.hei_chain if bold else self.fonts.body_chain
        parts: list[str] = []
        for run in glyphs.split_runs(text.replace("\t", " "), chain):
            piece = escape(run.text).replace("\r\n", "\n").replace("\n", "<br/>")
            parts.append(piece if run.font_name == chain[0] else f'<font face="{run.font_name}">{piece}</font>')
        return "".join(parts)

    def paragraph(
        self, text: str, align: str = "left", *, bold: bool = False, size: float | None = None, void: bool = False
    ) -> Paragraph:
        style = self.style(align, bold=bold, size=size, void=void)
        if not void and text and _PLAIN.fullmatch(text) and glyphs.covered(text, style.fontName):
            return CellParagraph(text, style, frags=[self._frag(style).clone(text=text)])
        body = self.markup(text, bold=bold)
        if void and body:
            body = f"<strike>{body}</strike>"
        return CellParagraph(body, style)

    def _frag(self, style: ParagraphStyle) -> Any:
        """The parsed fragment of a one-font paragraph in ``style``, to copy for other texts:
        what the markup parser makes of plain text, without parsing every cell again."""
        frag = self._frags.get(style.name)
        if frag is None:
            frag = self._frags[style.name] = Paragraph("X", style).frags[0]
        return frag

    def plain(self, text: str, width: float) -> str | None:
        """``text`` itself where the table can draw it as a plain string (much faster than a paragraph):
        one line, every character in the body font, and narrower than ``width``; else ``None``."""
        if not text:
            return text
        if "\n" in text or "\t" in text or "\r" in text:
            return None
        if not glyphs.covered(text, self.fonts.body):
            return None
        return text if self.width(text) <= width else None

    def width(self, text: str) -> float:
        """The width of ``text`` in the body font at the table's size, from remembered character widths."""
        widths = self._widths
        total = 0.0
        for char in text:
            step = widths.get(char)
            if step is None:
                step = widths[char] = pdfmetrics.stringWidth(char, self.fonts.body, self.size)
            total += step
        return total


class CellParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaks for a width: a long table measures a row
    several times while it looks for where a page ends."""

    _wrapped: tuple[float, float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == avail_width:
            return self._wrapped[1], self._wrapped[2]
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, width, height)
        return width, height


class VoidStamp(Flowable):  # type: ignore[misc]
    """A red, framed 作废 stamp: the void mark of a record wherever it is printed (A16)."""

    def __init__(self, font_name: str, size: float = 9.0) -> None:
        super().__init__()
        self.font_name = font_name
        self.size = size
        self.pad = 1.5
        self.text_width = pdfmetrics.stringWidth(VOID_MARK, font_name, size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.text_width + 2 * self.pad + 2
        self.height = self.size + 2 * self.pad + 1
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(VOID_RED)
        canvas.setFillColor(VOID_RED)
        canvas.setLineWidth(1.2)
        canvas.roundRect(0.5, 0.5, self.width - 1, self.height - 1, 2, stroke=1, fill=0)
        canvas.setFont(self.font_name, self.size)
        canvas.drawString(self.pad + 1, self.pad + 0.2 * self.size, VOID_MARK)
        canvas.restoreState()


# --------------------------------------------------------------------------- tables


class CatalogueTable(LongTable):  # type: ignore[misc]
    """A long table; its parts (one per page) are counted as they are drawn, for progress."""

    def rows_done(self) -> int:
        rows: int = self._nrows - 1  # every part carries the header row
        return max(rows, 0)


def check_rows(columns: Sequence[Column], rows: Sequence[TableRow], font_set: FontSet) -> None:
    """Refuse, before anything is drawn, a character that no font covers, naming row and column."""
    seen: set[str] = set()
    for row in rows:
        for value in row.values:
            if isinstance(value, str):
                seen.update(value)
    if not glyphs.missing_glyphs("".join(c.title for c in columns) + "".join(seen), font_set):
        return  # dates and numbers print in any font; only a refusal needs to say where
    texts: list[tuple[str, str]] = [(f"表头 / header: {c.title}", c.title) for c in columns]
    for number, row in enumerate(rows, start=1):
        place = row.where or f"第 {number} 行 / row {number}"
        for column, value in zip(columns, row.values, strict=True):
            text = cell_text(value)
            if text:
                texts.append((f"{place} · {column.title}", text))
    glyphs.ensure_printable(texts, font_set)


TOP_PADDING = 2.5
BOTTOM_PADDING = 3.5
SIDE_PADDING = 3


def table(
    columns: Sequence[Column],
    rows: Sequence[TableRow],
    ink: Ink,
    width: float,
    *,
    stamp_column: int = -1,
    counted: bool = True,
    cancelled: Cancelled | None = None,
) -> Flowable:
    """The flowable of a table: header row repeated on each page, rows never split, void rows marked.

    A ``counted`` table reports its rows to the progress as its pages fill. A table of more
    than :data:`FEED_ROWS` rows is fed to the pages by a :class:`RowFeeder`, a page at a time.
    """
    total = sum(c.weight for c in columns)
    widths = [width * c.weight / total for c in columns]
    header = [ink.paragraph(c.title, "center", bold=True) for c in columns]
    stamp_at = stamp_column % len(columns)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
    ]
    align = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
    commands += [("ALIGN", (n, 1), (n, -1), align[c.align]) for n, c in enumerate(columns)]
    leading = ink.style().leading
    commands.append(("FONT", (0, 1), (-1, -1), ink.fonts.body, ink.size, leading))
    room = [w - 2 * SIDE_PADDING for w in widths]  # inside the padding

    def cells(row: TableRow) -> list[Any]:
        """One row's cells: plain strings where they fit on one line, paragraphs where they wrap."""
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        made: list[Any] = []
        for position, (column, value) in enumerate(zip(columns, row.values, strict=True)):
            text = clip(cell_text(value), column.max_chars)
            cell: Any = None if row.void else ink.plain(text, room[position])
            if cell is None:
                cell = ink.paragraph(text, column.align, void=row.void)
            if row.void and position == stamp_at:
                cell = [VoidStamp(ink.fonts.hei_bold, ink.size), cell]
            made.append(cell)
        return made

    def height(made: list[Any]) -> float:
        """The row's height as the table lays it out: its tallest cell and the padding."""
        tallest = 0.0
        for position, cell in enumerate(made):
            if isinstance(cell, str):
                lines = cell.count("\n") + 1 if cell else 0
                tall = lines * leading
            else:
                tall = sum(part.wrap(room[position], 1e9)[1] for part in (cell if isinstance(cell, list) else [cell]))
            tallest = max(tallest, tall)
        return tallest + TOP_PADDING + BOTTOM_PADDING

    kind = CatalogueTable if counted else LongTable

    def build(start: int, made: Sequence[list[Any]]) -> LongTable:
        """The header and the rows ``start`` … (0-based, as in ``rows``) with their cells ``made``."""
        marks = [("BACKGROUND", (0, n + 1), (-1, n + 1), VOID_ROW) for n in range(len(made)) if rows[start + n].void]
        style = TableStyle(commands + marks)
        return kind([header, *made], colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=0, style=style)

    if len(rows) <= FEED_ROWS:
        return build(0, [cells(row) for row in rows])
    return RowFeeder(rows, cells, height, build, height(header))


FEED_ROWS = 64


class RowFeeder(Flowable):  # type: ignore[misc]
    """A long table handed to the pages a page at a time.

    Laying out one table of 50,000 rows and splitting it copies the rows left over on every page
    (quadratic time), and holding every row's cells costs memory in proportion. The feeder makes
    the cells of the rows that fit on the page in hand, measuring each row once, and builds a
    table of exactly those rows: no split, no rows laid out twice, only about a page of cells
    alive at a time. The rest is fed on the next page by a new feeder.
    """

    def __init__(
        self,
        rows: Sequence[TableRow],
        cells: Callable[[TableRow], list[Any]],
        height: Callable[[list[Any]], float],
        build: Callable[[int, Sequence[list[Any]]], LongTable],
        header_height: float,
        start: int = 0,
        ahead: tuple[list[Any], float] | None = None,
    ) -> None:
        super().__init__()
        self._rows = rows
        self._cells = cells
        self._height = height
        self._build = build
        self._header_height = header_height
        self._start = start
        self._ahead = ahead  # the cells and height of the first row, made while filling the last page
        self._table: LongTable | None = None
        self._next: tuple[list[Any], float] | None = None
        self._fitted: tuple[float, float, float, float] | None = None  # available width, height; width, height

    def _measure(self, index: int) -> tuple[list[Any], float]:
        if index == self._start and self._ahead is not None:
            return self._ahead
        made = self._cells(self._rows[index])
        return made, self._height(made)

    def _fit(self, avail_width: float, avail_height: float) -> tuple[LongTable, float, float]:
        """The table of the rows from ``start`` that fit in ``avail_height`` (at least one row), and its size."""
        if self._table is not None and self._fitted is not None and self._fitted[:2] == (avail_width, avail_height):
            return self._table, self._fitted[2], self._fitted[3]
        used = self._header_height
        made: list[list[Any]] = []
        self._next = None
        index = self._start
        while index < len(self._rows):
            cells, tall = self._measure(index)
            if made and used + tall > avail_height:
                self._next = (cells, tall)
                break
            made.append(cells)
            used += tall
            index += 1
        part = self._build(self._start, made)
        width, height = part.wrap(avail_width, avail_height)
        while len(made) > 1 and height > avail_height:
            made.pop()  # measured short of what the table lays out: never let a page overflow
            self._next = None
            part = self._build(self._start, made)
            width, height = part.wrap(avail_width, avail_height)
        self._table = part
        self._fitted = (avail_width, avail_height, width, height)
        return part, width, height

    def _more(self) -> bool:
        assert self._table is not None
        shown: int = self._table._nrows - 1
        return self._start + shown < len(self._rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _part, width, height = self._fit(avail_width, avail_height)
        if self._more():
            height = max(height, avail_height) + 1  # more rows than the page holds: ask the frame to split
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        part, _width, height = self._fit(avail_width, avail_height)
        if height > avail_height:
            return []  # not even one row fits here: the frame moves on to the next page
        if not self._more():
            return [part]
        rest = self._start + part._nrows - 1
        return [
            part,
            RowFeeder(self._rows, self._cells, self._height, self._build, self._header_height, rest, self._next),
        ]

    def rows_done(self) -> int:
        """The rows of the table last fitted, drawn whole on its page (for progress)."""
        return self._table.rows_done() if isinstance(self._table, CatalogueTable) else 0

    def draw(self) -> None:
        assert self._table is not None  # wrap() came first
        self._table.drawOn(self.canv, 0, 0)
