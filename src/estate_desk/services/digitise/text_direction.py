"""Which way up a page's text runs (issue 17): a page turned upside down inside a record is found by its text.

A record fed turned *with* its cover sheet is turned by the sheet's barcode (``stack_files.turn_of``); a
single page turned inside a record whose sheet was upright has no barcode to say so, so its text says it.
PP-OCR's text detector finds the page's lines (it finds them either way up) and its direction classifier
(``use_cls``: 0° or 180° per line, the ``ocr`` extra, ``rapidocr-onnxruntime``) says which way each one
runs. The text is not recognised — detection and classification only, several times cheaper than reading
the page (``BENCHMARKS.md``, "upside-down pages").

A page is upside down when at least :data:`MIN_LINES` lines were classified confidently (score ≥
:data:`SURE`) and more than :data:`SHARE` of them run at 180°. A page with fewer lines (a blank page, a
drawing, a photograph) is not judged: "not enough text" is not "upright". The thresholds were set on
``tools/make_ocr_set.py``'s set, upright and turned, at :data:`DIRECTION_DPI` (``benchmarks/turns.py``):
no upright page flagged, every turned page found.

Without the extra, :func:`direction_reader` raises ``OcrNotInstalled``; the callers say "not checked".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from estate_desk.services.digitise.ocr import OcrNotInstalled

if TYPE_CHECKING:
    from PIL import Image

DIRECTION_DPI = 75  # the rendering the lines are found on: an A4 page is 620 × 877 pixels
DETECT_SIDE = 600  # the detector's shorter side (rapidocr's default, 736, scales such a page up for nothing)
MIN_LINES = 3  # lines classified with confidence, fewer and the page is not judged
SURE = 0.9  # the classifier's score for a line to count (rapidocr's own threshold for turning a line)
SHARE = 0.6  # more than this share of the counted lines at 180°: the page is upside down


@dataclass(frozen=True)
class Direction:
    """What the classifier said of one page: lines counted, and how many of them run upside down."""

    lines: int
    turned: int

    @property
    def judged(self) -> bool:
        """Enough text to say which way up the page is."""
        return self.lines >= MIN_LINES

    @property
    def upside_down(self) -> bool:
        return self.judged and self.turned > self.lines * SHARE


class DirectionReader(Protocol):
    """Says which way up the text of one page image runs."""

    def __call__(self, image: Image.Image) -> Direction: ...


def direction_reader() -> DirectionReader:
    """PP-OCR's detector and direction classifier; :class:`OcrNotInstalled` when the ``ocr`` extra is missing."""
    try:
        import numpy as np
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:
        raise OcrNotInstalled() from exc
    engine = RapidOCR()
    engine.text_det.limit_side_len = DETECT_SIDE

    def read(image: Image.Image) -> Direction:
        pixels = np.asarray(image.convert("RGB"))
        boxes, _elapsed = engine.text_det(pixels)
        if boxes is None or len(boxes) == 0:
            return Direction(0, 0)
        crops = engine.get_crop_img_list(pixels, list(boxes))
        _crops, labels, _elapsed = engine.text_cls(crops)
        sure = [label for label, score in labels if float(score) >= SURE]
        return Direction(len(sure), sum(1 for label in sure if "180" in str(label)))

    return read
