"""Fonts for printing: the one helper through which every reportlab document finds its faces.

Box labels print the category name in bold Hei type, size 1 (黑体 一号 = 26 pt, rule A8).
reportlab embeds only TrueType (glyf) outlines, so the app bundles a static bold instance of
Noto Sans SC (``resources/fonts/NotoSansSC-Bold.ttf``, SIL OFL 1.1; see ``tools/make_font.py``).

Noto Sans SC lacks a few characters of people's names, such as 𠮷 (U+20BB7, outside the BMP).
They are printed from a *fallback chain*: small supplements cut from Noto Sans JP and
Noto Sans TC (bundled, bold and regular, so a name prints in the weight of its text), then system
fonts when present (SimSun-ExtB on Windows, Hanazono on Linux). This module registers those faces
with reportlab once and says which names a document uses (:func:`register_fonts`, :class:`FontSet`);
the files are found by ``printing/font_files.py``, and text is checked and drawn as runs, one per
font, by ``printing/glyphs.py`` (``ensure_printable``, ``split_runs``, ``draw_text``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from estate_desk.domain.errors import UserError
from estate_desk.printing.font_files import BUNDLED_BOLD, bundled_file, find_extra, find_simhei

if TYPE_CHECKING:
    from pathlib import Path

HEI_SIZE_PT = 26.0
"""黑体 一号: the size of the category name on box labels (rule A8)."""

BUNDLED_REGULAR = "NotoSansSC-Regular.ttf"  # optional: tools/make_font.py --with-regular
BOLD = "bold"
REGULAR = "regular"
BUNDLED_SUPPLEMENTS: tuple[tuple[str, str, str], ...] = (
    # reportlab name, file, weight. Each weight has both, cut to the same code points (tools/make_font.py),
    # so a name prints in one weight: 𠮷 in a regular name from the regular JP supplement.
    ("NotoSansJPSupplement-Bold", "NotoSansJP-Bold-Supplement.ttf", BOLD),
    ("NotoSansTCSupplement-Bold", "NotoSansTC-Bold-Supplement.ttf", BOLD),
    ("NotoSansJPSupplement-Regular", "NotoSansJP-Regular-Supplement.ttf", REGULAR),
    ("NotoSansTCSupplement-Regular", "NotoSansTC-Regular-Supplement.ttf", REGULAR),
)

# reportlab font names. The embedded PDF font name comes from the file (e.g. "NotoSansSC-Bold").
NOTO_BOLD = "NotoSansSC-Bold"
NOTO_REGULAR = "NotoSansSC-Regular"
SIMHEI = "SimHei"

# System fonts tried after the bundled ones, for characters far outside everyday use.
# (reportlab name, file names)
_SYSTEM_EXTRAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SimSun-ExtB", ("simsunb.ttf",)),  # Windows
    ("SimSun-ExtG", ("SimsunExtG.ttf",)),  # Windows 11
    ("HanaMinA", ("HanaMinA.ttf",)),  # Debian/Ubuntu fonts-hanazono
    ("HanaMinB", ("HanaMinB.ttf",)),
)


@dataclass(frozen=True)
class FontFace:
    """One registered font: its reportlab name, file, role ("hei", "body" or "fallback") and weight
    (:data:`BOLD`, :data:`REGULAR`, or "" for a system font whose weight is not ours to choose)."""

    name: str
    path: Path
    role: str
    weight: str = ""


@dataclass(frozen=True)
class FontSet:
    """The reportlab font names a document uses.

    ``hei_bold`` is for category names on labels (黑体, rule A8), ``body`` for tables and
    ordinary text; ``fallbacks`` (in order) supply characters the main faces lack.
    Every chain contains every face, so a character is printable in one chain exactly when
    it is printable in any. A chain lists the faces of its primary's weight first, so a name
    prints in one weight: a regular name's 𠮷 comes from the regular supplement, a bold one's
    from the bold; a face of the other weight is reached only for what none of its own has.
    """

    hei_bold: str
    body: str
    fallbacks: tuple[str, ...]
    faces: tuple[FontFace, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(face.name for face in self.faces)

    def chain(self, primary: str) -> tuple[str, ...]:
        """``primary`` first, then the other faces of its weight, then the rest, each group in order."""
        weight = next((face.weight for face in self.faces if face.name == primary), "")
        same = [face.name for face in self.faces if face.name != primary and weight and face.weight == weight]
        rest = [face.name for face in self.faces if face.name != primary and face.name not in same]
        return (primary, *same, *rest)

    @property
    def hei_chain(self) -> tuple[str, ...]:
        return self.chain(self.hei_bold)

    @property
    def body_chain(self) -> tuple[str, ...]:
        return self.chain(self.body)


# --------------------------------------------------------------------------- registering

_lock = threading.Lock()
_registered: dict[str, Path] = {}
_refused: dict[Path, str] = {}
_font_sets: dict[bool, FontSet] = {}
coverage_cache: dict[tuple[str, ...], dict[str, str | None]] = {}
"""Per font chain, the first font that covers each character seen so far (``None``: no font does).

A catalogue of 50,000 rows asks about the same few thousand characters hundreds of thousands
of times; the answer is a dictionary lookup after the first time. Cleared when a font is registered
(here, so that registering needs nothing from ``printing/glyphs.py``, which fills and reads it).
"""


def _register(name: str, path: Path) -> bool:
    """Register ``path`` with reportlab as ``name`` once; False if reportlab refuses the file."""
    if _registered.get(name) == path:
        return True
    if path in _refused:
        return False
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except Exception as exc:  # e.g. CFF outlines ("postscript outlines are not supported")
        _refused[path] = f"{type(exc).__name__}: {exc}"
        return False
    _registered[name] = path
    coverage_cache.clear()  # the name may now stand for another file
    return True


def register_fonts(prefer_simhei: bool = False) -> FontSet:
    """Register the printing fonts with reportlab (idempotent) and say which names to use.

    By default the Hei face is the bundled Noto Sans SC Bold. With ``prefer_simhei`` and
    SimHei installed, SimHei is the Hei face and Noto Sans SC Bold its first fallback.
    The body face is ``NotoSansSC-Regular.ttf`` when bundled, else the bold.
    """
    from estate_desk.printing import tounicode

    tounicode.install()  # so text copied out of any of our PDFs reads back right, non-BMP names too
    with _lock:
        cached = _font_sets.get(prefer_simhei)
        if cached is not None:
            return cached
        bold_path = bundled_file(BUNDLED_BOLD)
        if bold_path is None or not _register(NOTO_BOLD, bold_path):
            raise UserError(
                zh=f"找不到或无法读取内置字体 {BUNDLED_BOLD}，无法打印。请重新安装本软件。",
                en=f"The bundled font {BUNDLED_BOLD} is missing or unreadable, so nothing can be "
                "printed. Please reinstall Estate Desk.",
                where=str(bold_path) if bold_path else None,
            )
        faces: list[FontFace] = []
        simhei = find_simhei() if prefer_simhei else None
        if simhei is not None and _register(SIMHEI, simhei):
            faces.append(FontFace(SIMHEI, simhei, "hei", BOLD))  # 黑体 is the bold face of labels
            faces.append(FontFace(NOTO_BOLD, bold_path, "fallback", BOLD))
        else:
            faces.append(FontFace(NOTO_BOLD, bold_path, "hei", BOLD))
        regular = bundled_file(BUNDLED_REGULAR)
        body = NOTO_BOLD
        if regular is not None and _register(NOTO_REGULAR, regular):
            faces.append(FontFace(NOTO_REGULAR, regular, "body", REGULAR))
            body = NOTO_REGULAR
        for name, file_name, weight in BUNDLED_SUPPLEMENTS:
            path = bundled_file(file_name)
            if path is not None and _register(name, path):
                faces.append(FontFace(name, path, "fallback", weight))
        for name, file_names in _SYSTEM_EXTRAS:
            path = find_extra(file_names)
            if path is not None and _register(name, path):
                faces.append(FontFace(name, path, "fallback"))
        hei = faces[0].name
        font_set = FontSet(
            hei_bold=hei,
            body=body,
            fallbacks=tuple(f.name for f in faces if f.name not in (hei, body)),
            faces=tuple(faces),
        )
        _font_sets[prefer_simhei] = font_set
        return font_set


def font_report() -> list[tuple[str, str]]:
    """For the ``check`` command: each font printing may use, with its path or "missing"."""

    def shown(path: Path | None) -> str:
        if path is None:
            return "missing"
        refused = _refused.get(path)
        return f"{path} (unusable: {refused})" if refused else str(path)

    rows: list[tuple[str, str]] = [
        ("Noto Sans SC Bold (bundled 黑体, labels)", shown(bundled_file(BUNDLED_BOLD))),
        ("Noto Sans SC Regular (bundled, tables; optional)", shown(bundled_file(BUNDLED_REGULAR))),
    ]
    for name, file_name, _weight in BUNDLED_SUPPLEMENTS:
        rows.append((f"{name} (bundled fallback)", shown(bundled_file(file_name))))
    rows.append(("SimHei 黑体 (system, optional)", shown(find_simhei())))
    for name, file_names in _SYSTEM_EXTRAS:
        rows.append((f"{name} (system fallback, optional)", shown(find_extra(file_names))))
    return rows
