"""The table machinery of every printed list: catalogues (目录), the register book (登记簿), box notes.

A printed table here always:

- repeats its header row at the top of every page (``repeatRows=1``);
- wraps long text inside its cell, breaking lines the Chinese way (``wordWrap="CJK"``);
- never splits a row across pages: a row that does not fit moves whole to the next page;
- draws each character in a font that has it (runs of fallback fonts inside a cell), after
  :func:`check_rows` has checked every text with :func:`estate_desk.printing.fonts.ensure_printable`;
- marks a void (作废) row with a red stamp and struck-through text (A16).

Page numbers, the printed-by footer and writing the file are :mod:`estate_desk.printing.pages`.
No database and no Qt here: rows come from services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle

from estate_desk.printing import fonts as fontlib
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
        for run in fontlib.split_runs(text.replace("\t", " "), chain):
            piece = escape(run.text).replace("\r\n", "\n").replace("\n", "<br/>")
            parts.append(piece if run.font_name == chain[0] else f'<font face="{run.font_name}">{piece}</font>')
        return "".join(parts)

    def paragraph(
        self, text: str, align: str = "left", *, bold: bool = False, size: float | None = None, void: bool = False
    ) -> Paragraph:
        body = self.markup(text, bold=bold)
        if void and body:
            body = f"<strike>{body}</strike>"
        return CellParagraph(body, self.style(align, bold=bold, size=size, void=void))

    def plain(self, text: str, width: float) -> str | None:
        """``text`` itself where the table can draw it as a plain string (much faster than a paragraph):
        one line, every character in the body font, and narrower than ``width``; else ``None``."""
        if not text:
            return text
        if "\n" in text or "\t" in text or "\r" in text:
            return None
        runs = fontlib.split_runs(text, self.fonts.body_chain)
        if len(runs) != 1 or runs[0].font_name != self.fonts.body:
            return None
        fits: bool = pdfmetrics.stringWidth(text, self.fonts.body, self.size) <= width
        return text if fits else None


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
    texts: list[tuple[str, str]] = [(f"表头 / header: {c.title}", c.title) for c in columns]
    for number, row in enumerate(rows, start=1):
        place = row.where or f"第 {number} 行 / row {number}"
        for column, value in zip(columns, row.values, strict=True):
            text = cell_text(value)
            if text:
                texts.append((f"{place} · {column.title}", text))
    fontlib.ensure_printable(texts, font_set)


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
    than :data:`FEED_ROWS` rows is fed to the pages by a :class:`RowFeeder`.
    """
    total = sum(c.weight for c in columns)
    widths = [width * c.weight / total for c in columns]
    data: list[list[Any]] = [[ink.paragraph(c.title, "center", bold=True) for c in columns]]
    stamp_at = stamp_column % len(columns)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    align = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
    commands += [("ALIGN", (n, 1), (n, -1), align[c.align]) for n, c in enumerate(columns)]
    commands.append(("FONT", (0, 1), (-1, -1), ink.fonts.body, ink.size, ink.style().leading))
    room = [w - 6 for w in widths]  # inside the padding
    for row in rows:
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        cells: list[Any] = []
        for position, (column, value) in enumerate(zip(columns, row.values, strict=True)):
            text = clip(cell_text(value), column.max_chars)
            cell: Any = None if row.void else ink.plain(text, room[position])
            if cell is None:
                cell = ink.paragraph(text, column.align, void=row.void)
            if row.void and position == stamp_at:
                cell = [VoidStamp(ink.fonts.hei_bold, ink.size), cell]
            cells.append(cell)
        data.append(cells)
    kind = CatalogueTable if counted else LongTable
    voids = [n for n, row in enumerate(rows, start=1) if row.void]

    def build(start: int, stop: int) -> LongTable:
        """Header and data rows ``start`` to ``stop`` (0-based, as in ``rows``) as one table."""
        part = [data[0], *data[start + 1 : stop + 1]]
        marks = [("BACKGROUND", (0, n - start), (-1, n - start), VOID_ROW) for n in voids if start < n <= stop]
        style = TableStyle(commands + marks)
        return kind(part, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=0, style=style)

    if len(rows) <= FEED_ROWS:
        return build(0, len(rows))
    return RowFeeder(build, len(rows))


FEED_ROWS = 64


class RowFeeder(Flowable):  # type: ignore[misc]
    """A long table handed to the pages a chunk of rows at a time.

    Splitting one table of 50,000 rows copies the rows left over on every page (quadratic time);
    the feeder builds a table of only the next chunk — always more rows than fit on the page —
    lets it split, keeps the part that fits, and feeds the rest on the next page.
    """

    def __init__(
        self, build: Callable[[int, int], LongTable], count: int, start: int = 0, chunk: int = FEED_ROWS
    ) -> None:
        super().__init__()
        self._build = build
        self._count = count
        self._start = start
        self._chunk = chunk
        self._built: dict[int, LongTable] = {}
        self._table: LongTable | None = None

    def _part(self, avail_width: float, avail_height: float) -> tuple[LongTable, float, float]:
        while True:
            stop = min(self._start + self._chunk, self._count)
            part = self._built.get(stop)
            if part is None:
                part = self._built[stop] = self._build(self._start, stop)
            width, height = part.wrap(avail_width, avail_height)
            if stop == self._count or height > avail_height:
                self._table = part
                return part, width, height
            self._chunk *= 2  # the rows are short: a chunk must always be more than a page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _part, width, height = self._part(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        part, _width, _height = self._part(avail_width, avail_height)
        pieces: list[Flowable] = part.split(avail_width, avail_height)
        if not pieces:
            return []
        used = pieces[0]._nrows - 1
        if self._start + used >= self._count:
            return [pieces[0]]
        chunk = max(FEED_ROWS, 2 * used)  # about two pages: enough to fill the next one
        return [pieces[0], RowFeeder(self._build, self._count, self._start + used, chunk)]

    def rows_done(self) -> int:
        """The rows of the last chunk, drawn whole on its page (for progress)."""
        return self._table.rows_done() if isinstance(self._table, CatalogueTable) else 0

    def draw(self) -> None:
        assert self._table is not None  # wrap() came first
        self._table.drawOn(self.canv, 0, 0)
