"""The quality check of a digitisation batch, by the numbers (质检, DA/T 31): what counts as a flaw.

For each record the check compares its scan with the register and with the batch's settings, page by page:

* pages scanned against the registered page count (页数): 漏扫 (too few) or 多扫 (too many);
* the real resolution, measured from the image's pixels and the paper it shows (the page's proportions
  matched to a standard sheet: A4, A3, 16K …), never read from the file's metadata, against the batch's
  minimum;
* a record to be scanned in colour (red seals, red headers: colour is DA/T 31's default) whose page
  carries no colour at all: it went through in greyscale or black-and-white;
* a blank page (almost no ink);
* a page skewed beyond :data:`SKEW_LIMIT` degrees;
* a page that cannot be decoded;
* a page upside down inside its record (its text runs at 180°), when the text's direction was measured.

The measuring is the service's (``services/digitise/page_measures.py``); this module only judges what was
measured, so the thresholds live in one place and are tested without images.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

SKEW_LIMIT = 1.0  # degrees: beyond this a page is to be straightened or rescanned
BLANK_INK = 0.001  # share of dark pixels below which a page is blank
PAPER_TOLERANCE = 0.03  # how far a page's proportions may be from a standard sheet's and still be that sheet
STATED_TOLERANCE = 0.05  # how far the file's stated page size may be from a sheet's and still name it

PAPER_MM: dict[str, tuple[float, float]] = {  # short side, long side
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
    "B4": (250, 353),
    "B5": (176, 250),
    "16K": (195, 270),
    "8K": (270, 390),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
}
"""The sheets an office's paper comes on: a page whose proportions match one is measured against it."""


class Flaw(StrEnum):
    MISSING_PAGES = "missing_pages"  # 漏扫
    EXTRA_PAGES = "extra_pages"  # 多扫
    NOT_SCANNED = "not_scanned"
    LOW_RESOLUTION = "low_resolution"
    COLOUR_LOST = "colour_lost"
    BLANK = "blank"
    SKEWED = "skewed"
    UNREADABLE = "unreadable"
    UPSIDE_DOWN = "upside_down"

    def label(self, lang: str = "zh") -> str:
        return _LABELS[self][0 if lang.startswith("zh") else 1]


_LABELS = {
    Flaw.MISSING_PAGES: ("漏扫", "pages missing"),
    Flaw.EXTRA_PAGES: ("多扫", "pages too many"),
    Flaw.NOT_SCANNED: ("未扫描", "not scanned"),
    Flaw.LOW_RESOLUTION: ("分辨率不足", "resolution too low"),
    Flaw.COLOUR_LOST: ("应彩色扫描", "should be in colour"),
    Flaw.BLANK: ("空白页", "blank page"),
    Flaw.SKEWED: ("页面歪斜", "page skewed"),
    Flaw.UNREADABLE: ("图像无法解码", "image cannot be decoded"),
    Flaw.UPSIDE_DOWN: ("页面倒置", "page upside down"),
}


@dataclass(frozen=True)
class PageMeasure:
    """What was measured of one page of a scan (pages count from 1)."""

    number: int
    readable: bool = True
    dpi: float | None = None  # None: no raster image on the page (a born-digital page) or not decodable
    colour: bool = False  # carries colour anywhere (not only grey)
    ink: float = 0.0  # share of dark pixels
    skew: float = 0.0  # degrees, either way
    upside_down: bool = False  # its text runs at 180° (only when the direction was measured)


@dataclass(frozen=True)
class Finding:
    flaw: Flaw
    page: int | None  # None: the record as a whole
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


def sheets_like(width_px: int, height_px: int) -> list[str]:
    """The standard sheets whose proportions the image has (A3, A4 and A5 share theirs)."""
    if width_px < 1 or height_px < 1:
        return []
    ratio = max(width_px, height_px) / min(width_px, height_px)
    return [name for name, (short, long) in PAPER_MM.items() if abs(long / short - ratio) <= ratio * PAPER_TOLERANCE]


def real_dpi(width_px: int, height_px: int, page_inches: tuple[float, float] | None = None) -> float | None:
    """The resolution an image really has: its long side in pixels over the long side of the sheet it shows.

    The sheet is the standard one with the image's proportions; of those (A3, A4, A5 …) the one the file's
    stated page size is (within :data:`STATED_TOLERANCE`), else A4, the office's paper — a scanner that writes
    a wrong resolution into the file states a page no office uses. A page of no standard proportions is
    measured against the stated size, if any."""
    candidates = sheets_like(width_px, height_px)
    stated = max(page_inches) * 25.4 if page_inches and min(page_inches) > 0 else None
    if candidates:
        near = [
            n for n in candidates if stated is not None and abs(PAPER_MM[n][1] - stated) <= stated * STATED_TOLERANCE
        ]
        name = near[0] if near else ("A4" if "A4" in candidates else candidates[0])
        return max(width_px, height_px) / (PAPER_MM[name][1] / 25.4)
    if stated is None:
        return None
    return max(width_px, height_px) / (stated / 25.4)


def judge(registered_pages: int, pages: Sequence[PageMeasure], *, min_dpi: int, colour_expected: bool) -> list[Finding]:
    """Every flaw of one record's scan, the whole record's first, then page by page."""
    found: list[Finding] = []
    scanned = len(pages)
    if scanned < registered_pages:
        found.append(
            Finding(
                Flaw.MISSING_PAGES,
                None,
                f"登记 {registered_pages} 页，扫描 {scanned} 页，漏扫 {registered_pages - scanned} 页。",
                f"{registered_pages} pages registered, {scanned} scanned: {registered_pages - scanned} missing.",
            )
        )
    elif registered_pages and scanned > registered_pages:
        found.append(
            Finding(
                Flaw.EXTRA_PAGES,
                None,
                f"登记 {registered_pages} 页，扫描 {scanned} 页，多扫 {scanned - registered_pages} 页。",
                f"{registered_pages} pages registered, {scanned} scanned: {scanned - registered_pages} too many.",
            )
        )
    for page in pages:
        found += _page_flaws(page, min_dpi, colour_expected)
    return found


def _page_flaws(page: PageMeasure, min_dpi: int, colour_expected: bool) -> list[Finding]:
    n = page.number
    if not page.readable:
        return [Finding(Flaw.UNREADABLE, n, f"第 {n} 页图像无法解码。", f"Page {n}'s image cannot be decoded.")]
    found = []
    if page.dpi is not None and page.dpi < min_dpi - 0.5:
        found.append(
            Finding(
                Flaw.LOW_RESOLUTION,
                n,
                f"第 {n} 页实测 {page.dpi:.0f} dpi，低于本批次要求的 {min_dpi} dpi。",
                f"Page {n} measures {page.dpi:.0f} dpi, below the batch's {min_dpi} dpi.",
            )
        )
    if page.ink < BLANK_INK:
        found.append(Finding(Flaw.BLANK, n, f"第 {n} 页是空白页。", f"Page {n} is blank."))
        return found  # a blank page has no colour or lines to judge
    if page.upside_down:
        found.append(
            Finding(
                Flaw.UPSIDE_DOWN,
                n,
                f"第 {n} 页上下颠倒（文字倒置），可将该页转正。",
                f"Page {n} is upside down (its text runs the wrong way); the page can be turned upright.",
            )
        )
    if colour_expected and not page.colour:
        found.append(
            Finding(
                Flaw.COLOUR_LOST,
                n,
                f"第 {n} 页没有任何色彩：本件应彩色扫描（红章、红头），请重扫。",
                f"Page {n} carries no colour: this record is to be scanned in colour (red seals, headers).",
            )
        )
    if abs(page.skew) > SKEW_LIMIT:
        found.append(
            Finding(
                Flaw.SKEWED,
                n,
                f"第 {n} 页歪斜 {abs(page.skew):.1f}°（允许 {SKEW_LIMIT:.0f}° 以内）。",
                f"Page {n} is skewed by {abs(page.skew):.1f}° (at most {SKEW_LIMIT:.0f}°).",
            )
        )
    return found
