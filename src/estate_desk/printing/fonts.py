"""Fonts for printing: the one helper through which every reportlab document finds its faces.

Box labels print the category name in bold Hei type, size 1 (黑体 一号 = 26 pt, rule A8).
reportlab embeds only TrueType (glyf) outlines, so the app bundles a static bold instance of
Noto Sans SC (``resources/fonts/NotoSansSC-Bold.ttf``, SIL OFL 1.1; see ``tools/make_font.py``).

Noto Sans SC lacks a few characters of people's names, such as 𠮷 (U+20BB7, outside the BMP).
They are printed from a *fallback chain*: small supplements cut from Noto Sans JP and
Noto Sans TC (bundled, bold and regular, so a name prints in the weight of its text), then system
fonts when present (SimSun-ExtB on Windows, Hanazono
on Linux). Text is drawn as runs, one per font (:func:`split_runs`, :func:`draw_text`).

A character no available font covers is never printed as an empty box: documents call
:func:`ensure_printable` on everything they will print before drawing anything, and the user
is told which characters, and where, in Chinese and English.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.resources import resource_path

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

HEI_SIZE_PT = 26.0
"""黑体 一号: the size of the category name on box labels (rule A8)."""

BUNDLED_BOLD = "NotoSansSC-Bold.ttf"
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

_WINDOWS_FONT_DIRS = (r"C:\Windows\Fonts",)
_UNIX_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
)
# System fonts tried after the bundled ones, for characters far outside everyday use.
# (reportlab name, file names)
_SYSTEM_EXTRAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SimSun-ExtB", ("simsunb.ttf",)),  # Windows
    ("SimSun-ExtG", ("SimsunExtG.ttf",)),  # Windows 11
    ("HanaMinA", ("HanaMinA.ttf",)),  # Debian/Ubuntu fonts-hanazono
    ("HanaMinB", ("HanaMinB.ttf",)),
)
_FC_TIMEOUT_S = 5.0
_MAX_PLACES = 8


class TextRun(NamedTuple):
    """A piece of text drawn in one font."""

    font_name: str
    text: str


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


Fonts = FontSet | str | Sequence[str]
"""A font set, one reportlab font name, or a chain of names (first preferred)."""

Texts = Mapping[str, str] | Iterable[str | tuple[str, str]]
"""Texts to check: plain strings, (where, text) pairs, or a mapping where → text."""


# --------------------------------------------------------------------------- finding files


def bundled_bold_font_path() -> Path:
    """The bundled Noto Sans SC Bold (static wght=700 instance of the variable font)."""
    return resource_path("fonts", BUNDLED_BOLD)


def _bundled(name: str) -> Path | None:
    try:
        path = resource_path("fonts", name)
    except OSError:
        return None
    return path if path.is_file() else None


def _fc_list_files() -> list[Path] | None:
    """Every font file fontconfig knows; ``None`` when fc-list is missing or fails."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        result = subprocess.run(
            [exe, "--format", "%{file}\n"],
            capture_output=True,
            text=True,
            timeout=_FC_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return [Path(line) for line in result.stdout.splitlines() if line.strip()]


def _find_system_font(file_names: Sequence[str]) -> Path | None:
    """A system font file by name: Windows font folders, fontconfig, else common folders."""
    wanted = {name.lower() for name in file_names}
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts", *map(Path, _WINDOWS_FONT_DIRS)]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        for folder in dirs:
            for name in file_names:
                if (folder / name).is_file():
                    return folder / name
        return None
    fc_files = _fc_list_files()
    if fc_files is not None:  # fontconfig knows the system's fonts better than a folder walk
        return next((p for p in fc_files if p.name.lower() in wanted and p.is_file()), None)
    for folder in _UNIX_FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.name.lower() in wanted and path.is_file():
                return path
    return None


def find_simhei() -> Path | None:
    """SimHei (黑体, ``simhei.ttf``) if the system has it, else ``None``. Never raises."""
    try:
        return _find_system_font(("simhei.ttf",))
    except Exception:  # a font probe must never stop printing
        return None


def _find_extra(file_names: Sequence[str]) -> Path | None:
    try:
        return _find_system_font(file_names)
    except Exception:
        return None


# --------------------------------------------------------------------------- registering

_lock = threading.Lock()
_registered: dict[str, Path] = {}
_refused: dict[Path, str] = {}
_font_sets: dict[bool, FontSet] = {}


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
    _coverage.clear()  # the name may now stand for another file
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
        bold_path = _bundled(BUNDLED_BOLD)
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
        regular = _bundled(BUNDLED_REGULAR)
        body = NOTO_BOLD
        if regular is not None and _register(NOTO_REGULAR, regular):
            faces.append(FontFace(NOTO_REGULAR, regular, "body", REGULAR))
            body = NOTO_REGULAR
        for name, file_name, weight in BUNDLED_SUPPLEMENTS:
            path = _bundled(file_name)
            if path is not None and _register(name, path):
                faces.append(FontFace(name, path, "fallback", weight))
        for name, file_names in _SYSTEM_EXTRAS:
            path = _find_extra(file_names)
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
        ("Noto Sans SC Bold (bundled 黑体, labels)", shown(_bundled(BUNDLED_BOLD))),
        ("Noto Sans SC Regular (bundled, tables; optional)", shown(_bundled(BUNDLED_REGULAR))),
    ]
    for name, file_name, _weight in BUNDLED_SUPPLEMENTS:
        rows.append((f"{name} (bundled fallback)", shown(_bundled(file_name))))
    rows.append(("SimHei 黑体 (system, optional)", shown(find_simhei())))
    for name, file_names in _SYSTEM_EXTRAS:
        rows.append((f"{name} (system fallback, optional)", shown(_find_extra(file_names))))
    return rows


# --------------------------------------------------------------------------- coverage


def _chain(fonts: Fonts) -> tuple[str, ...]:
    if isinstance(fonts, FontSet):
        return fonts.names
    if isinstance(fonts, str):
        return (fonts,)
    return tuple(fonts)


_coverage: dict[tuple[str, ...], dict[str, str | None]] = {}
"""Per font chain, the first font that covers each character seen so far (``None``: no font does).

A catalogue of 50,000 rows asks about the same few thousand characters hundreds of thousands
of times; the answer is a dictionary lookup after the first time. Cleared when a font is registered.
"""


def _font_of(chain: tuple[str, ...], char: str) -> str | None:
    """The first font of ``chain`` that covers ``char``, or ``None`` (remembered per chain)."""
    known = _coverage.get(chain)
    if known is None:
        known = _coverage[chain] = {}
    try:
        return known[char]
    except KeyError:
        font = next((name for name in chain if _covers(name, char)), None)
        known[char] = font
        return font


def covered(text: str, font_name: str) -> bool:
    """Whether every character of ``text`` is drawn in ``font_name`` itself (no fallback needed)."""
    chain = (font_name,)
    known = _coverage.get(chain)
    if known is not None and all(known.get(char) for char in text):
        return True
    return all(_font_of(chain, char) is not None for char in text)


def _covers(font_name: str, char: str) -> bool:
    """Whether the registered font ``font_name`` has a real glyph for ``char`` (from its cmap)."""
    font = pdfmetrics.getFont(font_name)  # KeyError if never registered: a programming error
    if isinstance(font, TTFont):
        glyph: int = font.face.charToGlyph.get(ord(char), 0)
        return glyph != 0
    try:  # the 14 standard PDF fonts: WinAnsi encoding
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _needs_glyph(char: str) -> bool:
    return unicodedata.category(char) != "Cc"  # line breaks and tabs are layout, not glyphs


def missing_glyphs(text: str, font_name: Fonts) -> list[str]:
    """Characters of ``text`` that no font of ``font_name`` covers, once each, in order.

    ``font_name`` is a registered reportlab font name, a chain of names, or a :class:`FontSet`.
    Python strings are sequences of code points, so 𠮷 (U+20BB7) is one character here.
    Control characters (line breaks, tabs) are ignored: they are layout, not glyphs.
    """
    chain = _chain(font_name)
    missing: list[str] = []
    for char in dict.fromkeys(text):
        if _font_of(chain, char) is None and _needs_glyph(char):
            missing.append(char)
    return missing


def _describe(chars: Iterable[str]) -> str:
    return "、".join(f"{c}（U+{ord(c):04X}）" for c in chars)


def _places(texts: Texts) -> list[tuple[str, str]]:
    if isinstance(texts, Mapping):
        return [(str(where), text) for where, text in texts.items()]
    places: list[tuple[str, str]] = []
    for number, item in enumerate(texts, start=1):
        if isinstance(item, str):
            places.append((f"第 {number} 项 / item {number}", item))
        else:
            places.append((item[0], item[1]))
    return places


def ensure_printable(texts: Texts, fonts: Fonts) -> None:
    """Raise :class:`InputProblem` if some character of ``texts`` no available font covers.

    Call it on everything a document will print before drawing anything, so a name is never
    printed with an empty box. ``texts`` are plain strings, (where, text) pairs, or a mapping
    where → text; the message names each character, its code point, and where it is.
    """
    all_missing: dict[str, None] = {}
    where: list[str] = []
    for place, text in _places(texts):
        missing = missing_glyphs(text, fonts)
        if missing:
            all_missing.update(dict.fromkeys(missing))
            where.append(f"{place}「{text}」: {''.join(missing)}")
    if not all_missing:
        return
    chars = _describe(all_missing)
    more = len(where) - _MAX_PLACES
    shown = "；".join(where[:_MAX_PLACES]) + (f"；… (+{more})" if more > 0 else "")
    raise InputProblem(
        zh=f"以下字符没有可用的打印字体，打印出来会是空框：{chars}。"
        "请核对文字（可改用通用写法），或安装含这些字的字体后再打印。",
        en=f"No available printing font has these characters; they would print as empty boxes: "
        f"{chars}. Check the text (a common variant may do), or install a font that has them.",
        where=shown,
    )


# --------------------------------------------------------------------------- drawing


def split_runs(text: str, fonts: Fonts) -> list[TextRun]:
    """Cut ``text`` into runs, each in the first font of the chain that covers its characters.

    The first font is preferred for every character it covers, so a run only changes font
    where it must. Characters no font covers stay in the first font (check first with
    :func:`ensure_printable`). For a :class:`FontSet` the chain starts with its Hei face.
    """
    chain = fonts.hei_chain if isinstance(fonts, FontSet) else _chain(fonts)
    if not chain:
        raise ValueError("no font given")
    first = chain[0]
    fonts_of = [_font_of(chain, char) or first for char in text]
    runs: list[TextRun] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or fonts_of[end] != fonts_of[start]:
            runs.append(TextRun(fonts_of[start], text[start:end]))
            start = end
    return runs


def _run_width(run: TextRun, size: float) -> float:
    width: float = pdfmetrics.stringWidth(run.text, run.font_name, size)
    return width


def text_width(text: str, fonts: Fonts, size: float) -> float:
    """Width in points of ``text`` drawn with fallback at ``size`` points."""
    return sum((_run_width(run, size) for run in split_runs(text, fonts)), 0.0)


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    fonts: Fonts,
    size: float,
    *,
    anchor: Literal["start", "middle", "end"] = "start",
) -> float:
    """Draw ``text`` on a reportlab canvas with font fallback; return its width in points.

    ``(x, y)`` is the baseline at the start, middle or end of the text (``anchor``).
    """
    runs = split_runs(text, fonts)
    widths = [_run_width(run, size) for run in runs]
    total = sum(widths, 0.0)
    start = x - (total / 2 if anchor == "middle" else total if anchor == "end" else 0.0)
    for run, width in zip(runs, widths, strict=True):
        canvas.setFont(run.font_name, size)
        canvas.drawString(start, y, run.text)
        start += width
    return total
