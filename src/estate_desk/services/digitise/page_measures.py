"""Measuring a scan's pages for the quality check (``domain/digitise/quality.py`` judges what is measured here).

A record's scan is a PDF with one raster image per page (what the inbox makes of a stack). For each page:

* the resolution from the image's pixels and the sheet it shows (:func:`~estate_desk.domain.digitise.quality.real_dpi`),
  not from the file's metadata: a scanner that writes "96 dpi" into an A4 page of 1240 pixels scanned at 150;
* colour: whether any pixels carry colour (a channel apart from the others), on a small rendering;
* ink: the share of dark pixels, for blank pages;
* skew: the angle at which the page's lines of text run straightest (the projection profile: the rows'
  ink is most uneven when the lines lie level), searched within ±:data:`SEARCH` degrees.

Everything runs on a rendering of :data:`MEASURE_DPI` dots per inch, with Pillow only (no NumPy). When a
direction reader is given (``text_direction.py``, the ``ocr`` extra), each page is also rendered at its
:data:`~estate_desk.services.digitise.text_direction.DIRECTION_DPI` and its text's direction read: upside down
or not. Renderings honour the page's rotation, so a page already turned upright reads upright.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from PIL import Image, ImageChops, ImageOps

from estate_desk.domain.digitise.quality import PageMeasure, real_dpi
from estate_desk.services.digitise.text_direction import DIRECTION_DPI

if TYPE_CHECKING:
    from estate_desk.services.digitise.text_direction import DirectionReader

MEASURE_DPI = 50  # enough for colour, ink and the lines of text; a page renders in a few milliseconds
SEARCH = 5  # degrees either way
STEP = 0.25  # degrees: the precision of the skew
COLOURED = 60  # a pixel whose channels differ by more than this is coloured
COLOURED_SHARE = 0.0005  # pixels that must be coloured for a page to carry colour (a seal is many more)
DARK = 128


def measure_pdf(data: bytes, direction: DirectionReader | None = None) -> list[PageMeasure]:
    """Every page of a scan; a page that fails to render is measured as unreadable, and a file that does not
    open as a PDF at all as one unreadable page. ``direction``: also read which way up each page's text runs."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return [PageMeasure(1, readable=False)]
    try:
        measures = []
        for number, page in enumerate(pdf, start=1):
            try:
                width_pt, height_pt = page.get_size()
                images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
                largest = max((image.get_px_size() for image in images), key=lambda px: px[0] * px[1], default=None)
                dpi = real_dpi(largest[0], largest[1], (width_pt / 72, height_pt / 72)) if largest else None
                picture = page.render(scale=MEASURE_DPI / 72).to_pil().convert("RGB")
                text = page.render(scale=DIRECTION_DPI / 72).to_pil() if direction is not None else None
            except pdfium.PdfiumError:
                measures.append(PageMeasure(number, readable=False))
                continue
            finally:
                page.close()
            measure = measure_image(number, picture, dpi)
            if direction is not None and text is not None:
                measure = replace(measure, upside_down=direction(text).upside_down)
            measures.append(measure)
        return measures
    finally:
        pdf.close()


def measure_image(number: int, picture: Image.Image, dpi: float | None) -> PageMeasure:
    """Colour, ink and skew of one page's rendering."""
    rgb = picture.convert("RGB")
    red, green, blue = rgb.split()
    spread = ImageChops.lighter(ImageChops.difference(red, green), ImageChops.difference(green, blue))
    spread = ImageChops.lighter(spread, ImageChops.difference(red, blue))
    pixels = rgb.width * rgb.height
    coloured = sum(spread.histogram()[COLOURED + 1 :])
    grey = rgb.convert("L")
    ink = sum(grey.histogram()[:DARK]) / pixels
    return PageMeasure(number, True, dpi, coloured / pixels > COLOURED_SHARE, ink, skew_of(grey))


def skew_of(grey: Image.Image) -> float:
    """The page's skew in degrees (positive: turned anticlockwise), by the projection profile."""
    ink = ImageOps.invert(grey.convert("L")).point(lambda v: 255 if v > 255 - DARK else 0)
    if ink.getbbox() is None:
        return 0.0

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()  # each row's mean ink
        return float(sum((a - b) ** 2 for a, b in itertools.pairwise(rows)))

    # coarse to fine: whole degrees first, then quarter degrees around the best of them
    coarse = max((float(n) for n in range(-int(SEARCH), int(SEARCH) + 1)), key=sharpness)
    fine = max((coarse + n * STEP for n in range(-3, 4)), key=sharpness)
    return -fine
