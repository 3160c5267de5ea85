"""Pages of a printed document: numbered "第 x 页 共 y 页", a running head, and who printed it.

Every page of a catalogue, register or box notes sheet carries its page number out of the total;
pages are held back until the end so the total is known. A confidential document carries
"打印人 … 打印时间 …" in the footer of every page (A11). The PDF is written to a temporary file
beside the target and moved into place at the end, so a cancelled (:class:`PrintCancelled`) or
failed job leaves no partial file. The user can cancel between pages; progress counts rows.
"""

from __future__ import annotations

import os
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.printing import glyphs, tounicode

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from estate_desk.printing.fonts import FontSet

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

MARGIN = 15 * mm
BOTTOM_MARGIN = 20 * mm
PAGE_NUMBER_Y = 8 * mm
PRINTED_BY_Y = 13 * mm


class PrintCancelled(UserError):
    """The user cancelled printing; no file was written."""

    def __init__(self, *_context: object) -> None:  # reportlab re-raises with its context as one argument
        super().__init__(zh="已取消打印，没有生成文件。", en="Printing was cancelled; no file was written.")


@runtime_checkable
class CountsRows(Protocol):
    """A flowable that, once laid out, has put this many rows on the page (for progress)."""

    def rows_done(self) -> int: ...


@dataclass(frozen=True)
class PrintedBy:
    """Who printed a confidential document and when (A11), for the footer of every page."""

    name: str
    at: datetime

    def text(self) -> str:
        return f"打印人 {self.name}  打印时间 {self.at:%Y-%m-%d %H:%M}"


@dataclass(frozen=True)
class PageSetup:
    """The page furniture of one document."""

    title: str  # PDF metadata and the running head of later pages
    landscape: bool = False
    running_head: str = ""
    unnumbered: int = 0  # leading pages without a page number (a cover)
    printed_by: PrintedBy | None = None  # set for confidential documents (A11)
    author: str = ""

    @property
    def pagesize(self) -> tuple[float, float]:
        size: tuple[float, float] = landscape(A4) if self.landscape else A4
        return size

    @property
    def frame_width(self) -> float:
        width: float = self.pagesize[0] - 2 * MARGIN
        return width


class Tick(Flowable):  # type: ignore[misc]
    """An invisible mark in the story: ``rows`` more rows are done once it is laid out (progress)."""

    def __init__(self, rows: int = 1) -> None:
        super().__init__()
        self.rows = rows

    def rows_done(self) -> int:
        return self.rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _PageDecor:
    """Draws page numbers, the running head and the printed-by line once the page count is known."""

    def __init__(self, setup: PageSetup, font_set: FontSet) -> None:
        self.setup = setup
        self.chain = font_set.body_chain
        self.total = 0

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        self.total = total
        width, height = self.setup.pagesize
        canvas.saveState()
        canvas.setFillColor(colors.black)
        numbered = page - self.setup.unnumbered
        if numbered >= 1:
            text = f"第 {numbered} 页 共 {total - self.setup.unnumbered} 页"
            glyphs.draw_text(canvas, width / 2, PAGE_NUMBER_Y, text, self.chain, 9, anchor="middle")
            if numbered > 1 and self.setup.running_head:
                canvas.setFillColor(colors.HexColor("#555555"))
                glyphs.draw_text(canvas, MARGIN, height - 10 * mm, self.setup.running_head, self.chain, 8)
                canvas.setFillColor(colors.black)
        if self.setup.printed_by is not None:
            text = self.setup.printed_by.text()
            glyphs.draw_text(canvas, width / 2, PRINTED_BY_Y, text, self.chain, 8.5, anchor="middle")
        canvas.restoreState()


class _PagedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps every page until the end, then draws each page's furniture with the total."""

    def __init__(self, *args: Any, decor: _PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        state = dict(self.__dict__)
        # a page's drawing held as one compressed text, not thousands of small strings: a catalogue
        # of 2,000 pages would otherwise hold hundreds of megabytes until the total is known
        state["_code"] = zlib.compress("\n".join(self._code).encode("utf-8"), 1) if self._code else None
        self._held.append(state)
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        held, self._held = self._held, []
        for number, state in enumerate(held):
            held[number] = {}  # let each page go once it is written out
            packed = state["_code"]
            state["_code"] = [zlib.decompress(packed).decode("utf-8")] if packed is not None else []
            self.__dict__.update(state)
            self._decor.draw(self, self._pageNumber, total)
            super().showPage()
        super().save()


class _Document(SimpleDocTemplate):  # type: ignore[misc]
    def __init__(
        self, filename: str, setup: PageSetup, rows: int, progress: Progress | None, cancelled: Cancelled | None
    ) -> None:
        super().__init__(
            filename,
            pagesize=setup.pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=setup.title,
            author=setup.author,
            creator="Estate Desk 物业档案与前台",
        )
        self._rows = rows
        self._done = 0
        self._progress = progress
        self._cancelled = cancelled

    def handle_pageBegin(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise PrintCancelled()
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, CountsRows):
            self._done += flowable.rows_done()
            if self._progress is not None and self._rows:
                self._progress(min(self._done, self._rows), self._rows)


def temp_beside(out: Path) -> Path:
    """An unused name beside ``out`` to write to before moving the file into place.

    The file is not created here (``mkstemp`` would make it readable by its owner only); the
    writer creates it with the user's usual permissions. The folder is made if missing.
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    return out.parent / f".{out.stem}-{uuid.uuid4().hex[:12]}{out.suffix}.part"


def cannot_write(path: Path, exc: OSError) -> InputProblem:
    return InputProblem(
        zh=f"无法写入「{path}」：{exc.strerror or exc}",
        en=f"Cannot write '{path}': {exc.strerror or exc}",
        where=str(path),
    )


def write_pdf(
    out: Path,
    story: list[Flowable],
    setup: PageSetup,
    font_set: FontSet,
    *,
    rows: int = 0,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Lay out ``story`` into the PDF ``out``; returns the number of pages.

    Written to a temporary file and moved into place, so a cancelled (:class:`PrintCancelled`)
    or failed job leaves no file, and an older file of the same name stays as it was.
    ``rows`` is the number of table rows, for ``progress(done, rows)`` as pages fill.
    """
    tounicode.install()
    decor = _PageDecor(setup, font_set)
    temp = temp_beside(out)
    try:
        document = _Document(str(temp), setup, rows, progress, cancelled)
        maker = partial(_PagedCanvas, decor=decor, initialFontName=font_set.body, initialFontSize=10)
        document.build(story, canvasmaker=maker)
        os.replace(temp, out)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, LayoutError):
            raise InputProblem(
                zh="有一行内容太多，一页纸放不下，无法打印。请缩短该行的题名或备注。",
                en="One row holds more than a page can take; shorten its title or remarks.",
            ) from exc
        if isinstance(exc, OSError):
            raise cannot_write(out, exc) from exc
        raise
    if progress is not None and rows:
        progress(rows, rows)
    return decor.total
