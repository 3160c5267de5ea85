"""Chinese text recognition (issue 17): character accuracy at 200 and 300 dpi, pages per minute, peak memory.

The pages are ``tools/make_ocr_set.py``'s accuracy set (the seven categories' forms in the bundled
font, turned by up to ±2°, with noise), made in memory; each is read by the same reader the service uses
(``services/digitise/ocr.rapid_reader``: PP-OCR through ``rapidocr-onnxruntime``, on the CPU). Accuracy
is 1 − edit distance / length of the truth, over all pages at one resolution (spaces left out, NFKC).
Pages per minute count the reading only (the engine loaded once before, the rendering not timed);
peak memory is the process's, the pages included. Without the ``ocr`` extra the row says so and measures
nothing. Registered as ``ocr`` in ``benchmarks/run.py`` (``python -m benchmarks --only ocr``).
"""

from __future__ import annotations

import time

from benchmarks.common import Context, Line, peak_rss_mb, row
from estate_desk.domain.errors import UserError

PAGES = 10  # per resolution; --scale tiny reads 1
TARGET_300 = 0.98


@row("ocr", "text recognition of scans: accuracy, pages per minute, memory")
def ocr_row(context: Context) -> list[Line]:
    from tools.make_ocr_set import DPIS, char_accuracy, make_set

    from estate_desk.services.digitise.ocr import rapid_reader

    try:
        reader = rapid_reader()
    except UserError as exc:
        return [Line("OCR", "—", [0.0], unit="pages", note=exc.message("en") + " — not measured")]
    pages = make_set(1 if context.tiny else PAGES)
    reader(pages[0].images[min(DPIS)])  # warm up: the first call sets the engine's sessions up
    lines = []
    for dpi in DPIS:
        errors = length = 0
        seconds = []
        missed: dict[str, int] = {}
        for page in pages:
            started = time.perf_counter()
            read = reader(page.images[dpi])
            seconds.append(time.perf_counter() - started)
            wrong, count = char_accuracy("\n".join(page.truth), "\n".join(line.text for line in read))
            errors, length = errors + wrong, length + count
            for ch in "".join(page.truth):
                if not ch.isspace() and ch not in "".join(line.text for line in read):
                    missed[ch] = missed.get(ch, 0) + 1
        accuracy = 1 - errors / length
        worst = "".join(ch for ch, _n in sorted(missed.items(), key=lambda kv: -kv[1])[:8])
        lines.append(
            Line(
                f"character accuracy at {dpi} dpi",
                "≥ 98 %" if dpi == 300 else "written down",
                [accuracy * 100],
                unit="%",
                note=f"{len(pages)} pages, {length} characters, {errors} edits; characters most missed: {worst or '—'}",
                met=accuracy >= TARGET_300 if dpi == 300 else None,
            )
        )
        per_minute = [60 / s for s in seconds]
        lines.append(
            Line(
                f"pages per minute at {dpi} dpi",
                "written down",
                per_minute,
                unit="pages/min",
                note=f"A4, reading only; {sum(seconds):.1f} s for {len(pages)} pages on 2 shared cores",
            )
        )
    lines.append(Line("peak memory of the process", "—", [peak_rss_mb()], unit="MB", note="engine and all pages"))
    return lines
