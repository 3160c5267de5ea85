"""Printing planned box labels (A8) two ways: A4 label sheets (标签纸) and a thermal label printer.

* **A4 sheets**: a grid of rows × columns from the sheet's top left, with margins, gaps and the
  printer's x/y offsets (for calibration); "start at position N" reuses a half-used sheet
  (positions count row by row from the top left, 1 first). Each cell is as large as the
  largest label of the job; labels are not scaled.
* **Thermal**: one page per label, the page exactly the label's size; bars are whole
  dots of a 203 dpi printer (see :mod:`estate_desk.printing.labels`).

Files are written to a temporary file next to the target and moved into place at the end,
so a cancelled or failed job leaves nothing behind. No Qt, no database.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from estate_desk.domain.errors import InputProblem
from estate_desk.printing.labels import (
    MAX_OFFSET_MM,
    SHEET_GAP_MM,
    SHEET_MARGIN_MM,
    SHEET_MM,
    LabelPlan,
    draw_label,
    mm,
)
from estate_desk.printing.pages import PrintCancelled

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from estate_desk.printing.fonts import FontSet

PDF_TITLE = "档案盒标签 Box labels"


@dataclass(frozen=True)
class SheetGrid:
    """How labels sit on an A4 sheet. ``rows``/``cols`` of None: as many as fit. Offsets: + is right / down."""

    rows: int | None = None
    cols: int | None = None
    margin_mm: float = SHEET_MARGIN_MM
    gap_mm: float = SHEET_GAP_MM
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    start: int = 1  # the first position to use on the first sheet (1 = top left, row by row)
    outline: bool = True  # thin grey cut lines around each label (plain paper); off for die-cut sheets


@dataclass(frozen=True)
class GridLayout:
    """A grid resolved for one job's cell size: every position's lower left corner, in points."""

    rows: int
    cols: int
    cell_w: float
    cell_h: float
    grid: SheetGrid

    @property
    def per_sheet(self) -> int:
        return self.rows * self.cols

    def corner(self, position: int) -> tuple[float, float]:
        """Lower left corner of a label at ``position`` (1-based, row by row from the top left)."""
        row, col = divmod(position - 1, self.cols)
        g = self.grid
        x = (g.margin_mm + g.offset_x_mm) * mm + col * (self.cell_w + g.gap_mm * mm)
        top = SHEET_MM[1] * mm - (g.margin_mm + g.offset_y_mm) * mm - row * (self.cell_h + g.gap_mm * mm)
        return x, top - self.cell_h


def _fitting(page: float, margin: float, gap: float, cell: float) -> int:
    return max(0, int((page - 2 * margin + gap + 1e-6) // (cell + gap)))


def resolve_grid(grid: SheetGrid, cell_w: float, cell_h: float) -> GridLayout:
    """Check ``grid`` against A4 and the label size (points); raise :class:`InputProblem` if it cannot work."""
    page_w, page_h = SHEET_MM[0] * mm, SHEET_MM[1] * mm
    margin, gap = grid.margin_mm * mm, grid.gap_mm * mm
    if not (0 <= grid.margin_mm <= 50 and 0 <= grid.gap_mm <= 50):
        raise InputProblem(
            zh="页边距和标签间距应在 0–50 毫米之间。", en="Margins and gaps must be between 0 and 50 mm."
        )
    if abs(grid.offset_x_mm) > MAX_OFFSET_MM or abs(grid.offset_y_mm) > MAX_OFFSET_MM:
        raise InputProblem(
            zh=f"打印机偏移不能超过 ±{MAX_OFFSET_MM:.0f} 毫米。",
            en=f"Printer offsets must be within ±{MAX_OFFSET_MM:.0f} mm.",
        )
    most_cols, most_rows = _fitting(page_w, margin, gap, cell_w), _fitting(page_h, margin, gap, cell_h)
    cols = grid.cols if grid.cols is not None else most_cols
    rows = grid.rows if grid.rows is not None else most_rows
    size = f"{cell_w / mm:.0f} × {cell_h / mm:.0f}"
    if cols < 1 or rows < 1 or cols > most_cols or rows > most_rows:
        raise InputProblem(
            zh=f"{rows} 行 × {cols} 列 {size} 毫米的标签在 A4 纸上放不下（页边距 {grid.margin_mm:g} 毫米、"
            f"间距 {grid.gap_mm:g} 毫米时最多 {most_rows} 行 × {most_cols} 列）。",
            en=f"{rows} rows × {cols} columns of {size} mm labels do not fit on A4 (with {grid.margin_mm:g} mm "
            f"margins and {grid.gap_mm:g} mm gaps: at most {most_rows} × {most_cols}).",
        )
    layout = GridLayout(rows, cols, cell_w, cell_h, grid)
    if not 1 <= grid.start <= layout.per_sheet:
        raise InputProblem(
            zh=f"起始位置应在 1 到 {layout.per_sheet} 之间：{grid.start}",
            en=f"The starting position must be between 1 and {layout.per_sheet}: {grid.start}",
        )
    corners = [layout.corner(1), layout.corner(layout.per_sheet)]
    if any(x < 0 or y < 0 or x + cell_w > page_w + 1e-6 or y + cell_h > page_h + 1e-6 for x, y in corners):
        raise InputProblem(
            zh="按这个偏移，标签会超出纸张边缘；请减小偏移或页边距。",
            en="With these offsets the labels would run off the sheet; reduce the offsets or margins.",
        )
    return layout


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary path next to ``out``; moved onto ``out`` only when the block succeeds."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".part", dir=out.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)


def _canvas(path: Path, size: tuple[float, float], font_set: FontSet) -> Canvas:
    # the initial font is our own too, so every font in the file is embedded (no bare Helvetica)
    canvas = Canvas(str(path), pagesize=size, pageCompression=1, initialFontName=font_set.body)
    canvas.setTitle(PDF_TITLE)
    canvas.setCreator("Estate Desk")
    return canvas


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise PrintCancelled()


def render_sheets(
    plans: Sequence[LabelPlan],
    out: Path,
    font_set: FontSet,
    grid: SheetGrid,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Labels on A4 sheets from ``grid.start``; returns the number of pages written."""
    if not plans:
        raise InputProblem(zh="没有要打印的标签。", en="There are no labels to print.")
    layout = resolve_grid(grid, max(p.width for p in plans), max(p.height for p in plans))
    pages = 0
    with atomic_output(out) as temp:
        canvas = _canvas(temp, (SHEET_MM[0] * mm, SHEET_MM[1] * mm), font_set)
        position = grid.start
        for done, plan in enumerate(plans, start=1):
            _check(cancelled)
            if position > layout.per_sheet:
                canvas.showPage()
                position = 1
            x, y = layout.corner(position)
            draw_label(canvas, x, y + layout.cell_h - plan.height, plan, font_set, outline=grid.outline)
            position += 1
            if progress is not None:
                progress(done, len(plans))
        _check(cancelled)
        canvas.showPage()
        pages = int(canvas.getPageNumber()) - 1
        canvas.save()
    return pages


def render_thermal(
    plans: Sequence[LabelPlan],
    out: Path,
    font_set: FontSet,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """One label per page, the page the label's size (a thermal label printer); returns the pages."""
    if not plans:
        raise InputProblem(zh="没有要打印的标签。", en="There are no labels to print.")
    with atomic_output(out) as temp:
        canvas = _canvas(temp, (plans[0].width, plans[0].height), font_set)
        for done, plan in enumerate(plans, start=1):
            _check(cancelled)
            canvas.setPageSize((plan.width, plan.height))
            draw_label(canvas, 0, 0, plan, font_set)
            canvas.showPage()
            if progress is not None:
                progress(done, len(plans))
        _check(cancelled)
        canvas.save()
    return len(plans)
