"""Box labels (档案盒标签, rule A8): the category name in bold Hei 一号, the box's facts and a barcode.

Two kinds of label:

* the **front label** (正面标签), A8 turned landscape, stuck at the upper left of the box side;
* the **spine label** (盒脊标签), as wide as the box's spine (20/30/40/50 mm) allows. Where the
  category name at 26 pt does not fit across, it runs vertically, one character under another,
  still at 26 pt.

The category name is never set smaller than 一号 (26 pt) and never cut off: a label that
cannot hold it is reported (:class:`LabelDoesNotFit`, naming the box) before anything is printed.
Every label is first *planned* (:func:`plan_label`: positions only, nothing drawn), then drawn
(:func:`draw_label`) by the sheet and thermal printers in :mod:`estate_desk.printing.label_sheets`.
All sizes live in the block of constants below. No Qt, no database: the data comes in as
:class:`BoxLabel` from the services.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from reportlab.lib import units

from estate_desk.domain.errors import InputProblem
from estate_desk.printing import barcodes, fonts, glyphs
from estate_desk.printing.label_text import flow, name_lines, width_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas

    from estate_desk.printing.fonts import FontSet

LabelKind = Literal["front", "spine"]

# ---- every layout number of a box label, in one place (mm unless the name says otherwise) ---------
FRONT_LABEL_MM = (74.0, 52.0)  # A8 (52 × 74 mm) turned landscape: the label at the upper left of the box side
FRONT_PAD_MM = 2.5  # white border inside the front label's edge
SPINE_WIDTHS_MM = (20, 30, 40, 50)  # the box spines we make labels for (services.boxes.SPINE_WIDTHS)
SPINE_CLEARANCE_MM = 2.0  # a spine label is this much narrower than the spine on each side
SPINE_LABEL_HEIGHT_MM = 260.0  # boxes are 310 mm tall (DA/T 22); leaves room at both ends, fits on A4
SPINE_PAD_MM = 2.0  # white border inside the spine label's edge
NAME_PT = fonts.HEI_SIZE_PT  # 一号 = 26 pt: the category name, never smaller (A8)
NAME_LINE_PITCH = 1.10  # × NAME_PT between baselines of a name wrapped across several lines (front)
NAME_VERTICAL_PITCH = 1.05  # × NAME_PT from one character to the next in a vertical name (spine)
EM_ASCENT = 0.88  # the ideographic em box reaches 0.88 em above the baseline (0.12 em below)
INFO_PT = 7.0  # fonds code, year, retention, box number, 起止件号, cabinet and shelf
INFO_LINE_PITCH = 1.25  # × INFO_PT between baselines of the details
SPINE_INFO_ROTATED_LINE_MM = 45.0  # longest line of details turned along a narrow spine
BLOCK_GAP_MM = 1.5  # between the name, the details and the barcode
BARCODE_FRONT_HEIGHT_MM = 12.0  # bars and the code printed under them, front label: at least this …
BARCODE_FRONT_MAX_HEIGHT_MM = 16.0  # … and up to this where a short name leaves room
BARCODE_SPINE_MAX_HEIGHT_MM = 14.0  # the same across a spine label (less where the label is narrower)
BARCODE_TEXT_PT = 7.0  # the box code printed under the bars
BARCODE_QUIET_MODULES = 10  # Code128's quiet zone on each side
PRINTER_DPI = 203  # thermal label printers: bars are whole printer dots (1/203 in)
BAR_MODULE_DOTS = (3, 2)  # module widths tried, widest first; 2 dots (0.25 mm) still decodes at 203 dpi
CUT_LINE_PT = 0.3  # the thin grey outline drawn around labels on plain A4 sheets
VOID_PT = 40.0  # the 作废 stamp (A16)
# A4 label sheets (label_sheets.py)
SHEET_MM = (210.0, 297.0)  # A4 portrait
SHEET_MARGIN_MM = 10.0  # default distance of the grid from the sheet's top and left edges
SHEET_GAP_MM = 2.0  # default gap between neighbouring labels
MAX_OFFSET_MM = 30.0  # printer offsets beyond this are a typo, not a calibration
# ------------------------------------------------------------------------------------------------------

mm: float = units.mm  # points per millimetre
DOT: float = units.inch / PRINTER_DPI  # one printer dot, in points


class LabelDoesNotFit(InputProblem):
    """A label cannot hold what it must show at the sizes the rules require; it names the box."""


@dataclass(frozen=True)
class BoxLabel:
    """What one box label says (A8). Texts are final (Chinese), the barcode carries ``code``."""

    code: str  # the box code, ASCII, e.g. Z001-YZ-2024-H003: what the barcode carries
    category: str  # 门类名称, printed in bold Hei 一号
    fonds: str  # 全宗号
    year: int
    retention: str  # 保管期限 as printed: 永久, 30年
    box_number: str  # 盒号, e.g. 003
    first_no: str | None  # 起止件号: the first and last archive number in the box
    last_no: str | None
    place: str | None  # 1号档案柜 · 第2层第3格; None when the box stands nowhere
    spine_mm: int = 30
    void: bool = False  # 作废 (A16): boxes are never void today; documents will be

    def details(self) -> list[str]:
        """The small print, as items a line may break between (and at spaces inside)."""
        span = f"{self.first_no} 至 {self.last_no}" if self.first_no and self.last_no else "—"
        return [
            f"全宗号 {self.fonds}",
            f"年度 {self.year}",
            f"保管期限 {self.retention}",
            f"盒号 {self.box_number}",
            f"起止件号 {span}",
            self.place or "未上架",
        ]

    def texts(self) -> dict[str, str]:
        """Everything printed, by where it is: for :func:`glyphs.ensure_printable`."""
        where = f"档案盒 {self.code}"
        return {
            f"{where} 门类名称 / category name": self.category,
            f"{where} 标签内容 / label details": " ".join(self.details()),
        }


@dataclass(frozen=True)
class PlacedText:
    """One line of text on a label. ``x, y``: baseline start (or middle), label coordinates in points.

    ``rotated`` text runs downward from ``(x, y)``, turned a quarter clockwise (read with the head tilted right).
    """

    x: float
    y: float
    text: str
    size: float
    hei: bool = False  # the bold Hei face (category name) rather than the body face
    anchor: Literal["start", "middle"] = "start"
    rotated: bool = False


@dataclass(frozen=True)
class PlacedBarcode:
    """The barcode's corner (quiet zone included): lower left, or for ``rotated`` the upper left."""

    x: float
    y: float
    module_mm: float
    height_mm: float
    length: float  # points along the bars' direction, quiet zones included
    rotated: bool


@dataclass(frozen=True)
class LabelPlan:
    """Where everything of one label goes, in points from its lower left corner; nothing drawn yet."""

    label: BoxLabel
    kind: LabelKind
    width: float
    height: float
    texts: tuple[PlacedText, ...]
    barcode: PlacedBarcode
    name_vertical: bool


def label_size_mm(kind: LabelKind, spine_mm: int = 30) -> tuple[float, float]:
    """Width and height of a label in mm: A8 landscape, or the spine's width less the clearance."""
    if kind == "front":
        return FRONT_LABEL_MM
    if spine_mm not in SPINE_WIDTHS_MM:
        raise InputProblem(
            zh=f"盒脊宽度只能是 20/30/40/50 毫米：{spine_mm}", en=f"Spine width must be 20/30/40/50 mm: {spine_mm}"
        )
    return (spine_mm - 2 * SPINE_CLEARANCE_MM, SPINE_LABEL_HEIGHT_MM)


def _module_mm(code: str, length: float) -> float | None:
    """The widest bar module (whole printer dots) whose barcode fits ``length`` points, else None."""
    modules = len(barcodes.code128_modules(code)) + 2 * BARCODE_QUIET_MODULES
    for dots in BAR_MODULE_DOTS:
        if modules * dots * DOT <= length + 1e-6:
            return dots * DOT / mm
    return None


def _barcode_length(code: str, module_mm: float) -> float:
    return barcodes.code128_width_mm(code, module_mm, BARCODE_QUIET_MODULES) * mm


def _snap(value: float) -> float:
    """To the printer's dot grid (from the label's corner), so every bar is whole dots wide."""
    return round(value / DOT) * DOT


def _too_long_code(label: BoxLabel, where_zh: str, where_en: str) -> LabelDoesNotFit:
    return LabelDoesNotFit(
        zh=f"档案盒 {label.code} 的编号太长，条码在{where_zh}上放不下（条码线条不能再细，否则扫不出来）。",
        en=f"The code of box {label.code} is too long for its barcode to fit on {where_en} "
        "(thinner bars would not scan).",
        where=label.code,
    )


def _name_too_big(label: BoxLabel, where_zh: str, where_en: str, need: float, have: float) -> LabelDoesNotFit:
    return LabelDoesNotFit(
        zh=f"档案盒 {label.code}：门类名称「{label.category}」用一号黑体（26 磅）在{where_zh}上放不下"
        f"（需要约 {need / mm:.0f} 毫米，只有 {have / mm:.0f} 毫米）。名称不会缩小或截断；"
        "请缩短门类名称，或改用更宽的盒脊或正面标签。",
        en=f"Box {label.code}: the category name “{label.category}” does not fit at 26 pt (一号) on "
        f"{where_en} (needs about {need / mm:.0f} mm, has {have / mm:.0f} mm). It is never shrunk or cut; "
        "shorten the category name, or use a wider spine or the front label.",
        where=label.code,
    )


# ---------------------------------------------------------------------------------- planning


def plan_label(label: BoxLabel, kind: LabelKind, font_set: FontSet) -> LabelPlan:
    """Lay out one label, or raise :class:`LabelDoesNotFit` naming the box. Nothing is drawn."""
    barcodes.check_code128(label.code)
    if kind == "front":
        return _plan_front(label, font_set)
    return _plan_spine(label, font_set)


def _details_lines(lines: Sequence[str], x: float, top: float, anchor: Literal["start", "middle"]) -> list[PlacedText]:
    pitch = INFO_PT * INFO_LINE_PITCH
    return [
        PlacedText(x, top - EM_ASCENT * INFO_PT - n * pitch, line, INFO_PT, anchor=anchor)
        for n, line in enumerate(lines)
    ]


def _block_height(count: int, size: float, pitch: float) -> float:
    return (count - 1) * pitch + size if count else 0.0


def _plan_front(label: BoxLabel, font_set: FontSet) -> LabelPlan:
    width, height = (v * mm for v in FRONT_LABEL_MM)
    pad, gap = FRONT_PAD_MM * mm, BLOCK_GAP_MM * mm
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    where_zh, where_en = "正面标签", "the front label"
    module = _module_mm(label.code, inner_w)
    if module is None:
        raise _too_long_code(label, where_zh, where_en)
    lines = name_lines(label.category, font_set.hei_chain, NAME_PT, inner_w)
    info, _ = flow(label.details(), font_set.body_chain, INFO_PT, inner_w)
    name_h = _block_height(len(lines), NAME_PT, NAME_PT * NAME_LINE_PITCH)
    info_h = _block_height(len(info), INFO_PT, INFO_PT * INFO_LINE_PITCH)
    bar_h = BARCODE_FRONT_HEIGHT_MM * mm
    have = inner_h - info_h - bar_h - 2 * gap
    if name_h > have or max(width_of(line, font_set.hei_chain, NAME_PT) for line in lines) > inner_w:
        raise _name_too_big(label, where_zh, where_en, name_h, max(have, 0.0))
    top = height - pad
    texts = [
        PlacedText(width / 2, top - EM_ASCENT * NAME_PT - n * NAME_PT * NAME_LINE_PITCH, line, NAME_PT, True, "middle")
        for n, line in enumerate(lines)
    ]
    texts += _details_lines(info, pad, top - name_h - gap, "start")
    length = _barcode_length(label.code, module)
    bar_h = min(BARCODE_FRONT_MAX_HEIGHT_MM * mm, inner_h - name_h - info_h - 2 * gap)
    bars = PlacedBarcode(_snap((width - length) / 2), _snap(pad), module, bar_h / mm, length, False)
    return LabelPlan(label, "front", width, height, tuple(texts), bars, False)


def _plan_spine(label: BoxLabel, font_set: FontSet) -> LabelPlan:
    w_mm, h_mm = label_size_mm("spine", label.spine_mm)
    width, height = w_mm * mm, h_mm * mm
    pad, gap = SPINE_PAD_MM * mm, BLOCK_GAP_MM * mm
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    where_zh, where_en = f"{label.spine_mm} 毫米盒脊标签", f"a {label.spine_mm} mm spine label"
    # the details: across where every word fits, else turned along the spine in blocks
    line_pitch = INFO_PT * INFO_LINE_PITCH
    info, turned = flow(label.details(), font_set.body_chain, INFO_PT, inner_w)
    blocks: list[list[str]] = [info]
    if turned:
        rows = max(1, int((inner_w - INFO_PT) // line_pitch) + 1)  # lines side by side across the label
        info, _ = flow(label.details(), font_set.body_chain, INFO_PT, SPINE_INFO_ROTATED_LINE_MM * mm)
        blocks = [info[n : n + rows] for n in range(0, len(info), rows)]
        lengths = [max(width_of(line, font_set.body_chain, INFO_PT) for line in block) for block in blocks]
    else:
        lengths = [_block_height(len(info), INFO_PT, line_pitch)]
    details_len = sum(lengths) + gap * len(lengths)
    # the barcode, turned along the spine: at least the narrowest bars must fit
    if _module_mm(label.code, inner_h) is None:
        raise _too_long_code(label, where_zh, where_en)
    narrowest = _barcode_length(label.code, BAR_MODULE_DOTS[-1] * DOT / mm)
    # the name: across when it fits, else one character under another, always 26 pt
    across = width_of(label.category, font_set.hei_chain, NAME_PT) <= inner_w
    chars = [label.category] if across else list(label.category)
    pitch = NAME_PT * NAME_VERTICAL_PITCH
    name_h = _block_height(len(chars), NAME_PT, pitch)
    have = inner_h - details_len - gap - narrowest
    if name_h > have or max(width_of(c, font_set.hei_chain, NAME_PT) for c in chars) > inner_w:
        raise _name_too_big(label, where_zh, where_en, name_h, max(have, 0.0))
    top = height - pad
    texts = [
        PlacedText(width / 2, top - EM_ASCENT * NAME_PT - n * pitch, char, NAME_PT, True, "middle")
        for n, char in enumerate(chars)
    ]
    cursor = top - name_h - gap
    for block, length in zip(blocks, lengths, strict=True):
        if turned:
            for n, line in enumerate(block):
                baseline_x = width - pad - EM_ASCENT * INFO_PT - n * line_pitch
                texts.append(PlacedText(baseline_x, cursor, line, INFO_PT, rotated=True))
        else:
            texts += _details_lines(block, width / 2, cursor, "middle")
        cursor -= length + gap
    module = _module_mm(label.code, cursor - pad)
    assert module is not None  # room for the narrowest bars was checked above
    bar_across = min(inner_w, BARCODE_SPINE_MAX_HEIGHT_MM * mm)
    length = _barcode_length(label.code, module)
    bar_top = _snap(pad + length)  # at the foot of the label, the same place on every box
    bars = PlacedBarcode(_snap((width - bar_across) / 2), bar_top, module, bar_across / mm, length, True)
    return LabelPlan(label, "spine", width, height, tuple(texts), bars, not across)


def plan_labels(labels: Sequence[BoxLabel], kind: LabelKind, font_set: FontSet) -> list[LabelPlan]:
    """Check every character and lay out every label before anything is printed.

    Raises :class:`InputProblem` for characters no font covers (naming the box) and
    :class:`LabelDoesNotFit` for the first label that cannot hold its name or barcode.
    """
    texts: dict[str, str] = {}
    for label in labels:
        texts.update(label.texts())
    glyphs.ensure_printable(texts, font_set)
    return [plan_label(label, kind, font_set) for label in labels]


# ---------------------------------------------------------------------------------- drawing


def draw_label(
    canvas: Canvas, x: float, y: float, plan: LabelPlan, font_set: FontSet, *, outline: bool = False
) -> None:
    """Draw a planned label with its lower left corner at ``(x, y)`` (points)."""
    canvas.saveState()
    canvas.translate(x, y)
    if outline:
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(CUT_LINE_PT)
        canvas.rect(0, 0, plan.width, plan.height, stroke=1, fill=0)
    canvas.setFillGray(0)
    for text in plan.texts:
        chain = font_set.hei_chain if text.hei else font_set.body_chain
        if text.rotated:
            canvas.saveState()
            canvas.translate(text.x, text.y)
            canvas.rotate(-90)
            glyphs.draw_text(canvas, 0, 0, text.text, chain, text.size)
            canvas.restoreState()
        else:
            glyphs.draw_text(canvas, text.x, text.y, text.text, chain, text.size, anchor=text.anchor)
    bars = plan.barcode
    canvas.saveState()
    canvas.translate(bars.x, bars.y)
    if bars.rotated:
        canvas.rotate(-90)
    barcodes.draw_code128(
        canvas,
        0,
        0,
        plan.label.code,
        module_mm=bars.module_mm,
        height_mm=bars.height_mm,
        quiet_modules=BARCODE_QUIET_MODULES,
        font_name=font_set.body,
        font_size_pt=BARCODE_TEXT_PT,
    )
    canvas.restoreState()
    if plan.label.void:
        draw_void_mark(canvas, plan.width, plan.height, font_set)
    canvas.restoreState()


def draw_void_mark(canvas: Canvas, width: float, height: float, font_set: FontSet) -> None:
    """The 作废 stamp across a ``width`` × ``height`` area at the origin (A16): a frame and the word."""
    canvas.saveState()
    canvas.setStrokeColorRGB(0.8, 0, 0)
    canvas.setFillColorRGB(0.8, 0, 0)
    canvas.setLineWidth(1.5)
    canvas.rect(1, 1, width - 2, height - 2, stroke=1, fill=0)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))  # along the diagonal
    size = min(VOID_PT, 0.8 * min(width, height))
    glyphs.draw_text(canvas, 0, -size * 0.35, "作废", font_set.hei_chain, size, anchor="middle")
    canvas.restoreState()
