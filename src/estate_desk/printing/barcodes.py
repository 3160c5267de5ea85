"""Code128 barcodes drawn as vector bars on a reportlab canvas, so a scanner finds the box (A8).

The module pattern comes from python-barcode (``barcode.get("code128", code).build()[0]``,
a string of "0"/"1", start and stop codes included, no quiet zone); each run of 1s becomes
one filled rectangle. At 0.33 mm modules with a 10-module quiet zone on each side, this
decodes with ``zbarimg`` at 150, 203 (label printers) and 300 dpi.

Coordinates ``x``, ``y`` and the returned width are reportlab points; sizes are in mm.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import barcode
from reportlab.lib.units import mm

from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

DEFAULT_MODULE_MM = 0.33
DEFAULT_HEIGHT_MM = 15.0
DEFAULT_QUIET_MODULES = 10
TEXT_FONT = "Helvetica"
TEXT_SIZE_PT = 8.0
_TEXT_GAP_PT = 1.5
MAX_CODE_LENGTH = 48


def check_code128(code: str) -> str:
    """Return ``code`` if Code128 labels can carry it, else raise :class:`InputProblem`.

    Accepted: 1 to 48 printable ASCII characters (space to ``~``). Chinese and other
    non-ASCII characters cannot be encoded; control characters could be, but a scanner
    types them as keystrokes (Tab, Enter) into whatever field has focus, so they are refused.
    """
    bad = [c for c in dict.fromkeys(code) if not " " <= c <= "~"]
    if not code or bad or len(code) > MAX_CODE_LENGTH:
        shown = "、".join(f"{c!r}（U+{ord(c):04X}）" for c in bad)
        raise InputProblem(
            zh="条码内容只能是 1 到 48 个英文字母、数字或常用符号（ASCII），"
            + (f"不能含有：{shown}。" if bad else f"当前为 {len(code)} 个字符。"),
            en="A barcode holds 1 to 48 ASCII letters, digits or common symbols; "
            + (f"it cannot contain {shown}." if bad else f"this one has {len(code)} characters."),
            where=code or "(empty)",
        )
    return code


def code128_modules(code: str) -> str:
    """The bar/space pattern of ``code`` as "1"/"0" modules, start and stop codes included."""
    check_code128(code)
    pattern: str = barcode.get("code128", code).build()[0]
    return pattern


def code128_width_mm(
    code: str, module_mm: float = DEFAULT_MODULE_MM, quiet_modules: int = DEFAULT_QUIET_MODULES
) -> float:
    """Total width in mm of :func:`draw_code128`'s drawing, quiet zones on both sides included."""
    return (len(code128_modules(code)) + 2 * quiet_modules) * module_mm


def bar_runs(pattern: str) -> list[tuple[int, int]]:
    """(first module, number of modules) of each run of 1s."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, module in enumerate(pattern + "0"):
        if module == "1" and start is None:
            start = i
        elif module != "1" and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


def draw_code128(
    canvas: Canvas,
    x: float,
    y: float,
    code: str,
    *,
    module_mm: float = DEFAULT_MODULE_MM,
    height_mm: float = DEFAULT_HEIGHT_MM,
    quiet_modules: int = DEFAULT_QUIET_MODULES,
    human_readable: bool = True,
    font_name: str = TEXT_FONT,
    font_size_pt: float = TEXT_SIZE_PT,
) -> float:
    """Draw ``code`` as Code128 with its lower left corner (quiet zone included) at ``(x, y)``.

    ``height_mm`` is the whole drawing: bars plus, with ``human_readable``, the code printed
    centred under them. Returns the drawn width in points, equal to
    ``code128_width_mm(code, module_mm, quiet_modules) * mm``.
    """
    if module_mm <= 0 or quiet_modules < 0:
        raise ValueError("module_mm must be positive and quiet_modules not negative")
    pattern = code128_modules(code)
    module: float = module_mm * mm
    text_band = font_size_pt * 1.2 + _TEXT_GAP_PT if human_readable else 0.0
    bar_height = height_mm * mm - text_band
    if bar_height < 5 * mm:
        raise ValueError(f"height_mm={height_mm} leaves bars shorter than 5 mm")
    width = (len(pattern) + 2 * quiet_modules) * module
    bars_x = x + quiet_modules * module
    canvas.saveState()
    canvas.setFillGray(0)
    for first, count in bar_runs(pattern):
        canvas.rect(bars_x + first * module, y + text_band, count * module, bar_height, stroke=0, fill=1)
    if human_readable:
        canvas.setFont(font_name, font_size_pt)
        canvas.drawCentredString(x + width / 2, y + font_size_pt * 0.25, code)
    canvas.restoreState()
    return width
