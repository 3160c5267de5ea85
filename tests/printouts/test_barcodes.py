"""Code128 box barcodes (A8): geometry, refusals, and a real scan of the rendered PDF."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import barcode
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from estate_desk.domain.errors import InputProblem
from estate_desk.printing import barcodes

if TYPE_CHECKING:
    from pathlib import Path

CODES = ["DA-GC-2024-0001", "BOX-000123", "A", "12345678", "Zz 09~/_:"]

needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="scanning test needs zbarimg (Debian zbar-tools) and pdftoppm (poppler-utils)",
)


def test_width_is_modules_plus_two_quiet_zones() -> None:
    pattern = barcode.get("code128", "BOX-000123").build()[0]
    assert barcodes.code128_modules("BOX-000123") == pattern
    assert barcodes.code128_width_mm("BOX-000123") == pytest.approx((len(pattern) + 20) * 0.33)
    assert barcodes.code128_width_mm("BOX-000123", 0.5, quiet_modules=0) == pytest.approx(len(pattern) * 0.5)


def test_draw_returns_the_planned_width(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "one.pdf"))
    drawn = barcodes.draw_code128(canvas, 10, 10, "DA-GC-2024-0001", module_mm=0.4, height_mm=12)
    assert drawn == pytest.approx(barcodes.code128_width_mm("DA-GC-2024-0001", 0.4) * mm)


def test_bars_are_runs_of_ones() -> None:
    assert barcodes.bar_runs("1101000111") == [(0, 2), (3, 1), (7, 3)]
    assert barcodes.bar_runs("0") == []


@pytest.mark.parametrize(
    ("code", "shown"),
    [("", "(empty)"), ("档案-01", "档"), ("café", "é"), ("A\tB", "U+0009"), ("X" * 49, "49")],
)
def test_codes_code128_cannot_carry_are_refused(code: str, shown: str) -> None:
    with pytest.raises(InputProblem) as caught:
        barcodes.code128_width_mm(code)
    assert shown in caught.value.bilingual()


def test_too_short_a_drawing_is_a_programming_error(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "short.pdf"))
    with pytest.raises(ValueError, match="height_mm"):
        barcodes.draw_code128(canvas, 0, 0, "A", height_mm=6)


def _render(path: Path) -> None:
    """One code per page, on a label-sized page, human-readable text under the bars."""
    canvas = Canvas(str(path), pagesize=(100 * mm, 40 * mm))
    for code in CODES:
        barcodes.draw_code128(canvas, 5 * mm, 10 * mm, code)
        canvas.showPage()
    canvas.save()


@needs_zbar
@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("mono", [False, True], ids=["grey", "mono"])
def test_rendered_codes_scan_back_exactly(tmp_path: Path, dpi: int, mono: bool) -> None:
    pdf = tmp_path / "codes.pdf"
    _render(pdf)
    # mono without antialiasing is what a 203 dpi thermal label printer does to the bars
    options = ["-mono", "-aaVector", "no"] if mono else ["-png", "-gray"]
    subprocess.run(["pdftoppm", "-r", str(dpi), *options, str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.p?m")) or sorted(tmp_path.glob("page-*.png"))
    pages.sort(key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert len(pages) == len(CODES)
    for page, code in zip(pages, CODES, strict=True):
        scan = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=False)
        assert scan.returncode == 0, f"{code} not found at {dpi} dpi: {scan.stderr}"
        assert scan.stdout.splitlines() == [code]
