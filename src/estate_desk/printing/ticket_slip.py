"""The ticket slip (工单): one A4 page with a closed ticket's facts, its handling, the owner's
confirmation and signature, the return visit and any special services (F3, F8).

The slip is what a closed ticket files into the archive (A2, A4), so a paper print of it reads
like the office's own form. Every text is checked for printable characters first (no empty
boxes for a rare name); histories too long for the page keep their latest entries and say how
many were left out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm as _mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from estate_desk.domain.errors import InputProblem
from estate_desk.printing.fonts import register_fonts
from estate_desk.printing.glyphs import draw_text, ensure_printable, text_width

if TYPE_CHECKING:
    from estate_desk.printing.fonts import FontSet

mm: float = _mm
PAGE_W: float = A4[0]
PAGE_H: float = A4[1]
MARGIN = 18 * mm
BODY = 9.5
LEADING = 13.5
SIGNATURE_BOX = (70 * mm, 28 * mm)


@dataclass(frozen=True)
class SlipSection:
    """A headed block of lines ("处理经过", "回访" …); ``lines`` are printed wrapped, in order."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class TicketSlip:
    """Everything printed on a slip, already as text (the service decides the wording)."""

    office_name: str
    title: str  # 报修单 / 投诉及处理记录 / 服务回访记录
    number: str
    facts: tuple[tuple[str, str], ...]  # (label, value), printed two to a row
    sections: tuple[SlipSection, ...]
    signature_png: bytes | None  # the owner's signature (or the photo of the signed slip)
    signature_caption: str
    footer: str  # e.g. "打印于 2026-11-23 10:05 · 第一接待人 王芳"


def check_image(data: bytes) -> None:
    """Refuse an image the slip could not print (damaged, or not an image at all)."""
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # reportlab/Pillow raise many kinds for a bad file
        raise InputProblem(
            zh="签字图片无法读取（文件已损坏或不是图片）。",
            en="The signature image cannot be read (damaged, or not an image).",
            rule="F3",
        ) from exc
    if width < 1 or height < 1:
        raise InputProblem(zh="签字图片是空的。", en="The signature image is empty.", rule="F3")


def _wrap(text: str, fonts: FontSet, size: float, width: float) -> list[str]:
    """Cut ``text`` into lines no wider than ``width`` (by characters: Chinese has no spaces)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for char in paragraph:
            if current and text_width(current + char, fonts.body_chain, size) > width:
                lines.append(current)
                current = char
            else:
                current += char
        lines.append(current)
    return lines


def _all_texts(slip: TicketSlip) -> list[tuple[str, str]]:
    texts = [("单位 office", slip.office_name), ("标题 title", slip.title), ("编号 number", slip.number)]
    texts += [(label, f"{label}{value}") for label, value in slip.facts]
    for section in slip.sections:
        texts += [(section.title, line) for line in (section.title, *section.lines)]
    texts += [("签字 signature", slip.signature_caption), ("页脚 footer", slip.footer)]
    return texts


def render_ticket_slip(slip: TicketSlip) -> bytes:
    """The slip as a one-page PDF (bytes)."""
    fonts = register_fonts()
    ensure_printable(_all_texts(slip), fonts)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{slip.title} {slip.number}")
    canvas.setAuthor(slip.office_name)
    y = PAGE_H - MARGIN
    draw_text(canvas, PAGE_W / 2, y - 4 * mm, slip.office_name, fonts.hei_chain, 16, anchor="middle")
    y -= 13 * mm
    draw_text(canvas, PAGE_W / 2, y, slip.title, fonts.hei_chain, 14, anchor="middle")
    draw_text(canvas, PAGE_W - MARGIN, y, f"No. {slip.number}", fonts.body_chain, BODY, anchor="end")
    y -= 5 * mm
    y = _facts(canvas, fonts, slip.facts, y)
    bottom = MARGIN + SIGNATURE_BOX[1] + 14 * mm
    for section in slip.sections:
        y = _section(canvas, fonts, section, y, bottom)
    _signature(canvas, fonts, slip, MARGIN + 10 * mm)
    draw_text(canvas, MARGIN, MARGIN - 6 * mm, slip.footer, fonts.body_chain, 7.5)
    draw_text(canvas, PAGE_W - MARGIN, MARGIN - 6 * mm, "第 1 页 共 1 页", fonts.body_chain, 7.5, anchor="end")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _facts(canvas: Canvas, fonts: FontSet, facts: tuple[tuple[str, str], ...], top: float) -> float:
    """Label/value pairs in a ruled grid, two to a row; long values take the whole row."""
    width = PAGE_W - 2 * MARGIN
    half = width / 2
    label_w = 22 * mm
    y = top
    canvas.setLineWidth(0.5)
    pending = list(facts)
    while pending:
        label, value = pending.pop(0)
        wide = text_width(value, fonts.body_chain, BODY) > half - label_w - 4 * mm
        cells = [(label, value, width if wide else half)]
        if not wide and pending and text_width(pending[0][1], fonts.body_chain, BODY) <= half - label_w - 4 * mm:
            cells.append((*pending.pop(0), half))
        lines = max(len(_wrap(v, fonts, BODY, w - label_w - 4 * mm)) for _, v, w in cells)
        height = max(7 * mm, lines * LEADING + 3 * mm)
        x = MARGIN
        for cell_label, cell_value, cell_w in cells:
            canvas.rect(x, y - height, cell_w, height)
            canvas.line(x + label_w, y - height, x + label_w, y)
            draw_text(canvas, x + 2 * mm, y - 5 * mm, cell_label, fonts.hei_chain, BODY)
            for i, line in enumerate(_wrap(cell_value, fonts, BODY, cell_w - label_w - 4 * mm)):
                draw_text(canvas, x + label_w + 2 * mm, y - 5 * mm - i * LEADING, line, fonts.body_chain, BODY)
            x += cell_w
        if len(cells) == 1 and cells[0][2] == half:
            canvas.rect(x, y - height, half, height)
        y -= height
    return y - 3 * mm


def _section(canvas: Canvas, fonts: FontSet, section: SlipSection, top: float, bottom: float) -> float:
    if top - 2 * LEADING < bottom:
        return top
    width = PAGE_W - 2 * MARGIN - 4 * mm
    wrapped = [_wrap(line, fonts, BODY, width) for line in section.lines]
    room = int((top - bottom - LEADING - 2 * mm) // LEADING)
    total = sum(len(w) for w in wrapped)
    dropped = 0
    while total > room and wrapped:  # keep the latest entries
        total -= len(wrapped.pop(0))
        dropped += 1
    y = top - 5 * mm
    draw_text(canvas, MARGIN, y, section.title, fonts.hei_chain, 10.5)
    y -= LEADING + 1 * mm
    if dropped:
        draw_text(canvas, MARGIN + 4 * mm, y, f"（较早的 {dropped} 条从略）", fonts.body_chain, BODY)
        y -= LEADING
    for lines in wrapped:
        for line in lines:
            draw_text(canvas, MARGIN + 4 * mm, y, line, fonts.body_chain, BODY)
            y -= LEADING
    return y - 1 * mm


def _signature(canvas: Canvas, fonts: FontSet, slip: TicketSlip, bottom: float) -> None:
    box_w, box_h = SIGNATURE_BOX
    x = PAGE_W - MARGIN - box_w
    draw_text(canvas, x, bottom + box_h + 3 * mm, slip.signature_caption, fonts.hei_chain, BODY)
    canvas.setLineWidth(0.5)
    canvas.rect(x, bottom, box_w, box_h)
    if slip.signature_png:
        try:
            image = ImageReader(io.BytesIO(slip.signature_png))
        except Exception as exc:  # a damaged image must not stop the archive from filing the ticket
            raise InputProblem(
                zh="签字图片已损坏，无法打印到工单上。",
                en="The signature image is damaged and cannot be printed.",
                rule="F3",
            ) from exc
        canvas.drawImage(
            image, x + 1 * mm, bottom + 1 * mm, box_w - 2 * mm, box_h - 2 * mm, preserveAspectRatio=True, mask="auto"
        )
