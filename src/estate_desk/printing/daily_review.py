"""The daily report of the front desk (日清日审表, F6): landscape A4 with the day's figures and one
table per list (received, completed, closed, late, still open, missing follow-up, repeats).

Each table repeats its header row on every page it spans; every page says "第 x 页 共 y 页".
Cells are drawn with the printing fonts' fallback chain, so a rare character in an owner's name
prints (or the whole report is refused beforehand, naming the character).
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from estate_desk.domain.errors import InputProblem
from estate_desk.printing.fonts import register_fonts
from estate_desk.printing.glyphs import draw_text, ensure_printable, split_runs

if TYPE_CHECKING:
    from estate_desk.printing.fonts import FontSet

mm: float = _mm
PAGE = landscape(A4)
MARGIN = 14 * mm

HEADERS = ("工单号", "类别", "房间", "事项", "第一接待人", "处理人", "受理时间", "承诺时间", "情况")
COLUMN_MM = (34, 16, 30, 62, 22, 22, 27, 27, 0)  # the last takes what is left


@dataclass(frozen=True)
class ReviewTable:
    """One list of the review: a title and rows of cells in the order of :data:`HEADERS`."""

    title: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DailyReport:
    office_name: str
    day_text: str  # 2026-11-23（星期一）
    as_of_text: str  # 截至 2026-11-23 18:00
    summary: tuple[tuple[str, str], ...]  # (label, value) e.g. ("受理", "12")
    tables: tuple[ReviewTable, ...]
    closing: str  # who closed the day, or that it is not closed yet
    footer: str


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Holds every page until the end, so each can say how many pages there are."""

    def __init__(self, *args: Any, fonts: FontSet, footer: str, counted: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fonts = fonts
        self._footer = footer
        self._counted = counted
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self._counted.append(total)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _ = self._pagesize
            draw_text(self, MARGIN, 8 * mm, self._footer, self._fonts.body_chain, 7.5)
            draw_text(
                self, width - MARGIN, 8 * mm, f"第 {number} 页 共 {total} 页", self._fonts.body_chain, 8, anchor="end"
            )
            super().showPage()
        super().save()


def _markup(text: str, fonts: FontSet) -> str:
    """Paragraph markup that draws each run of ``text`` in the first font of the chain that has it."""
    return "".join(
        f'<font name="{run.font_name}">{escape(run.text).replace(chr(10), "<br/>")}</font>'
        for run in split_runs(text, fonts.body_chain)
    )


def _texts(report: DailyReport) -> list[tuple[str, str]]:
    texts = [("单位", report.office_name), ("日期", report.day_text), ("日清", report.closing), ("页脚", report.footer)]
    texts += [(label, f"{label}{value}") for label, value in report.summary]
    for table in report.tables:
        texts.append((table.title, table.title))
        texts += [(f"{table.title} {row[0]}", " ".join(row)) for row in table.rows]
    return texts


@dataclass(frozen=True)
class RenderedReport:
    data: bytes  # the PDF
    pages: int


def render_daily_review(report: DailyReport) -> RenderedReport:
    """The report as a PDF."""
    fonts = register_fonts()
    ensure_printable(_texts(report), fonts)
    body = ParagraphStyle("body", fontName=fonts.body, fontSize=8.5, leading=11)
    head = ParagraphStyle("head", parent=body, fontName=fonts.hei_bold)
    title = ParagraphStyle("title", parent=body, fontName=fonts.hei_bold, fontSize=16, leading=22, alignment=1)
    section = ParagraphStyle("section", parent=body, fontName=fonts.hei_bold, fontSize=11, leading=16, spaceBefore=6)
    width = PAGE[0] - 2 * MARGIN
    fixed = [w * mm for w in COLUMN_MM[:-1]]
    widths = [*fixed, width - sum(fixed)]

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(_markup(text, fonts), style)

    story: list[Any] = [
        para(f"{report.office_name} 日清日审表", title),
        para(f"日期：{report.day_text}　　{report.as_of_text}　　{report.closing}"),
        Spacer(1, 3 * mm),
    ]
    summary = Table(
        [[para(label, head) for label, _ in report.summary], [para(value) for _, value in report.summary]],
        hAlign="LEFT",
    )
    summary.setStyle(_grid())
    story += [summary, Spacer(1, 2 * mm)]
    for table in report.tables:
        story.append(para(f"{table.title}（{len(table.rows)}）", section))
        if not table.rows:
            story.append(para("（无）"))
            continue
        data = [[para(h, head) for h in HEADERS]] + [[para(cell) for cell in row] for row in table.rows]
        grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        grid.setStyle(_grid())
        story.append(grid)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=16 * mm,
        title=f"日清日审 {report.day_text}",
        author=report.office_name,
    )
    counted: list[int] = []
    document.build(
        story,
        canvasmaker=lambda *a, **k: _NumberedCanvas(*a, fonts=fonts, footer=report.footer, counted=counted, **k),
    )
    return RenderedReport(out.getvalue(), counted[-1] if counted else 1)


def _grid() -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    )


def _cannot_write(out: Path, exc: OSError) -> InputProblem:
    return InputProblem(
        zh=f"无法写入文件：{out}（{exc.strerror or exc}）",
        en=f"Cannot write {out} ({exc.strerror or exc})",
        where=str(out),
    )


def write_pdf(data: bytes, out: Path) -> Path:
    """Write PDF bytes to ``out`` atomically (a temporary file beside it, then renamed into place)."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".print-", suffix=".pdf", dir=out.parent)
    except OSError as exc:
        raise _cannot_write(out, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, out)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(out, exc) from exc
        raise
    return out
