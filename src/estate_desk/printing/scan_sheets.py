"""Scan cover sheets (扫描分隔页, DA/T 31): one A4 sheet in front of each record's pages, and the end-of-batch sheet.

A record's sheet carries its cover-sheet code (``domain/digitise/cover_codes.py``: the estate's 全宗号 and
the 档号) as a large Code 128 barcode — modules of up to 0.5 mm, 30 mm tall, so that a scan at 150 dpi
reads it — with the 档号, the title, the registered page count (页数) and the batch printed beside it. A
small second barcode, the sheet mark, says "this is a cover sheet" even when a stain hides the big one.
The end-of-batch patch sheet carries the batch's end code the same way. No database: the services hand
in :class:`CoverSheet` and :class:`EndSheet`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from estate_desk.domain.digitise.cover_codes import SHEET_MARK
from estate_desk.domain.errors import InputProblem
from estate_desk.printing import barcodes, glyphs
from estate_desk.printing.label_text import name_lines
from estate_desk.printing.pages import cannot_write, temp_beside

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from estate_desk.printing.fonts import FontSet

# ---- every layout number of a cover sheet, in one place (mm unless the name says otherwise) -------
MARGIN_MM = 15.0
CODE_MODULE_MM = 0.5  # widest module: 3 pixels at 150 dpi
MIN_MODULE_MM = 0.33  # narrowest module a long 档号 may shrink to (2 pixels at 150 dpi, as on labels)
CODE_HEIGHT_MM = 30.0
MARK_MODULE_MM = 0.4
MARK_HEIGHT_MM = 12.0
HEADING_PT = 26.0  # 一号
NUMBER_PT = 22.0  # the 档号 under the barcode
TITLE_PT = 16.0
INFO_PT = 12.0
TITLE_LINES = 4
# ------------------------------------------------------------------------------------------------------

PDF_TITLE = "扫描分隔页"


@dataclass(frozen=True)
class CoverSheet:
    """What one record's cover sheet says; ``code`` is what its barcode carries."""

    code: str
    archive_no: str
    title: str
    pages: int  # 页数 as registered
    batch_code: str
    seq: int  # the record's place in the batch
    total: int


@dataclass(frozen=True)
class EndSheet:
    code: str
    batch_code: str
    records: int


def _module_for(code: str, width_mm: float) -> float:
    modules = len(barcodes.code128_modules(code)) + 2 * barcodes.DEFAULT_QUIET_MODULES
    module = min(CODE_MODULE_MM, width_mm / modules)
    if module < MIN_MODULE_MM:
        raise InputProblem(
            zh=f"条码“{code}”太长，在 A4 分隔页上无法印得足够清晰。",
            en=f"The barcode '{code}' is too long to print legibly on an A4 cover sheet.",
        )
    return module


def _centred_barcode(canvas: Canvas, code: str, y: float, module: float, height: float) -> None:
    width = barcodes.code128_width_mm(code, module) * mm
    x = (A4[0] - width) / 2
    barcodes.draw_code128(canvas, x, y, code, module_mm=module, height_mm=height, human_readable=False)


def _mark(canvas: Canvas, font_set: FontSet) -> None:
    _centred_barcode(canvas, SHEET_MARK, MARGIN_MM * mm, MARK_MODULE_MM, MARK_HEIGHT_MM)
    y = (MARGIN_MM + MARK_HEIGHT_MM + 3) * mm
    note = "扫描分隔页：请放在该件档案第一页之前，随档案一起扫描。"
    glyphs.draw_text(canvas, A4[0] / 2, y, note, font_set.body_chain, 10.0, anchor="middle")


def _head(canvas: Canvas, heading: str, code: str, number: str, font_set: FontSet) -> float:
    """What every sheet starts with: its heading, its barcode across the page, the number under it in
    large type; returns where the text below begins."""
    width_mm = A4[0] / mm - 2 * MARGIN_MM
    top = A4[1] - MARGIN_MM * mm
    glyphs.draw_text(canvas, A4[0] / 2, top - HEADING_PT, heading, font_set.hei_chain, HEADING_PT, anchor="middle")
    code_y = top - HEADING_PT - 12 * mm - CODE_HEIGHT_MM * mm
    _centred_barcode(canvas, code, code_y, _module_for(code, width_mm), CODE_HEIGHT_MM)
    y = code_y - 6 * mm - NUMBER_PT
    glyphs.draw_text(canvas, A4[0] / 2, y, number, font_set.hei_chain, NUMBER_PT, anchor="middle")
    return float(y - 14 * mm)


def _record_sheet(canvas: Canvas, sheet: CoverSheet, font_set: FontSet) -> None:
    width_mm = A4[0] / mm - 2 * MARGIN_MM
    y = _head(canvas, "扫描分隔页", sheet.code, sheet.archive_no, font_set)
    lines = name_lines(sheet.title, font_set.body_chain, TITLE_PT, width_mm * mm)
    if len(lines) > TITLE_LINES:
        lines = [*lines[: TITLE_LINES - 1], lines[TITLE_LINES - 1][:-1] + "…"]
    for line in lines:
        glyphs.draw_text(canvas, MARGIN_MM * mm, y, line, font_set.body_chain, TITLE_PT)
        y -= TITLE_PT * 1.3
    y -= 6 * mm
    for text in (
        f"页数：{sheet.pages}",
        f"批次：{sheet.batch_code}　第 {sheet.seq} / {sheet.total} 件",
    ):
        glyphs.draw_text(canvas, MARGIN_MM * mm, y, text, font_set.body_chain, INFO_PT)
        y -= INFO_PT * 1.6
    _mark(canvas, font_set)


def _end_sheet(canvas: Canvas, end: EndSheet, font_set: FontSet) -> None:
    y = _head(canvas, "批次结束", end.code, end.batch_code, font_set)
    text = f"本批次共 {end.records} 件。请放在最后一件档案之后。"
    glyphs.draw_text(canvas, MARGIN_MM * mm, y, text, font_set.body_chain, INFO_PT)
    _mark(canvas, font_set)


def render_cover_sheets(sheets: Sequence[CoverSheet], end: EndSheet, out: Path, font_set: FontSet) -> int:
    """Write the batch's cover sheets, then its end sheet, to the PDF ``out``; returns the number of pages.

    Everything printed is checked for glyphs first; the file is written beside ``out`` and moved into place.
    """
    texts = [(s.archive_no, f"{s.archive_no} {s.title} {s.batch_code}") for s in sheets]
    glyphs.ensure_printable(texts, font_set)
    for sheet in sheets:
        barcodes.check_code128(sheet.code)
    barcodes.check_code128(end.code)
    temp = temp_beside(out)
    try:
        canvas = Canvas(str(temp), pagesize=A4, pageCompression=1, initialFontName=font_set.body)
        canvas.setTitle(PDF_TITLE)
        canvas.setCreator("Estate Desk")
        for sheet in sheets:
            _record_sheet(canvas, sheet, font_set)
            canvas.showPage()
        _end_sheet(canvas, end, font_set)
        canvas.showPage()
        canvas.save()
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise cannot_write(out, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return len(sheets) + 1
