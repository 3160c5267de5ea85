"""Pages upside down inside a record (issue 17): found by their text, false alarms on upright pages, cost a page.

The pages are ``tools/make_ocr_set.py``'s accuracy set (the seven categories' forms in the bundled font,
turned by up to ±2°, with noise), each upright and turned 180°, brought to the resolution the quality check
renders for the text's direction (``text_direction.DIRECTION_DPI``). Two ways are measured on the same pages:

* **ours** — PP-OCR's detector and its direction classifier only (``text_direction.direction_reader``, what
  the quality check uses): a page is upside down when most of its confidently classified lines run at 180°;
* **the alternative** — recognising the page both ways up with the classifier off and keeping the way with
  the higher mean confidence (two full reads at the same rendering; with the classifier on, rapidocr turns
  each line before reading it and both ways score alike).

Each line says how many upright pages were flagged (target 0), how many turned pages were found, and the
seconds a page took (the engine loaded before; rendering not timed). Without the ``ocr`` extra the row says
so. Registered as ``turns`` (``python -m benchmarks --only turns``).
"""

from __future__ import annotations

import statistics
import time

from benchmarks.common import Context, Line, peak_rss_mb, row
from estate_desk.domain.errors import UserError

PAGES = 10  # per resolution of the set; --scale tiny takes 2
ALTERNATIVE_PAGES = 3  # the alternative reads every page twice in full: a few pages say enough


@row("turns", "pages upside down inside a record: found by the text's direction, false alarms, cost a page")
def turns_row(context: Context) -> list[Line]:
    from tools.make_ocr_set import DPIS, make_set

    from estate_desk.services.digitise.text_direction import DIRECTION_DPI, direction_reader

    try:
        reader = direction_reader()
    except UserError as exc:
        return [Line("upside-down pages", "—", [0.0], unit="pages", note=exc.message("en") + " — not measured")]
    pages = make_set(2 if context.tiny else PAGES)
    shown = []
    for page in pages:
        for dpi in DPIS:
            image = page.images[dpi]
            scale = DIRECTION_DPI / dpi
            shown.append(image.resize((round(image.width * scale), round(image.height * scale))))
    reader(shown[0])  # warm up
    flagged = found = 0
    seconds: list[float] = []
    for image in shown:
        for turned in (False, True):
            started = time.perf_counter()
            direction = reader(image.rotate(180) if turned else image)
            seconds.append(time.perf_counter() - started)
            found += turned and direction.upside_down
            flagged += (not turned) and direction.upside_down
    lines = [
        Line(
            f"upright pages flagged upside down ({len(shown)} renderings at {DIRECTION_DPI} dpi)",
            "0",
            [float(flagged)],
            unit="pages",
            note=f"set pages at {'/'.join(map(str, DPIS))} dpi, turned ±2°, with noise",
            met=flagged == 0,
        ),
        Line(
            "pages turned 180° found",
            f"all {len(shown)}",
            [float(found)],
            unit="pages",
            met=found == len(shown),
        ),
        Line(
            "direction of one page: detector + classifier",
            "written down",
            [s * 1000 for s in seconds],
            note=f"{len(seconds)} pages, 2 shared cores",
        ),
    ]
    lines += _alternative(shown[: 2 if context.tiny else ALTERNATIVE_PAGES])
    lines.append(Line("peak memory of the process", "—", [peak_rss_mb()], unit="MB", note="both engines and the set"))
    return lines


def _alternative(shown: list) -> list[Line]:  # type: ignore[type-arg]
    import numpy as np
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()

    def confidence(image) -> float:  # type: ignore[no-untyped-def]
        result, _ = engine(np.asarray(image.convert("RGB")), use_cls=False)
        return statistics.fmean(float(score) for _box, _text, score in result) if result else 0.0

    confidence(shown[0])  # warm up
    right = 0
    seconds: list[float] = []
    for image in shown:
        for turned in (False, True):
            page = image.rotate(180) if turned else image
            started = time.perf_counter()
            upside_down = confidence(page.rotate(180)) > confidence(page)
            seconds.append(time.perf_counter() - started)
            right += upside_down == turned
    return [
        Line(
            "the alternative, recognition both ways: pages judged right",
            f"all {2 * len(shown)}",
            [float(right)],
            unit="pages",
            met=right == 2 * len(shown),
        ),
        Line(
            "the alternative: one page read both ways",
            "written down",
            [s * 1000 for s in seconds],
            note=f"{len(seconds)} pages, two full recognitions each, classifier off",
        ),
    ]
