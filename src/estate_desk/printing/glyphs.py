"""Glyph coverage and font fallback for printing: which registered face draws each character.

Text is drawn as runs, one per font (:func:`split_runs`, :func:`draw_text`): each character in the first
face of the chain that covers it, so 𠮷 (U+20BB7) in a name comes from a supplement while the rest stays
in Noto Sans SC. A character no available font covers is never printed as an empty box: documents call
:func:`ensure_printable` on everything they will print before drawing anything, and the user is told
which characters, and where, in Chinese and English (rule A8). The faces themselves are registered by
``printing/fonts.py``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from estate_desk.domain.errors import InputProblem
from estate_desk.printing.fonts import FontSet, coverage_cache

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

_MAX_PLACES = 8


class TextRun(NamedTuple):
    """A piece of text drawn in one font."""

    font_name: str
    text: str


Fonts = FontSet | str | Sequence[str]
"""A font set, one reportlab font name, or a chain of names (first preferred)."""

Texts = Mapping[str, str] | Iterable[str | tuple[str, str]]
"""Texts to check: plain strings, (where, text) pairs, or a mapping where → text."""


# --------------------------------------------------------------------------- coverage


def _chain(fonts: Fonts) -> tuple[str, ...]:
    if isinstance(fonts, FontSet):
        return fonts.names
    if isinstance(fonts, str):
        return (fonts,)
    return tuple(fonts)


def _font_of(chain: tuple[str, ...], char: str) -> str | None:
    """The first font of ``chain`` that covers ``char``, or ``None`` (remembered per chain)."""
    known = coverage_cache.get(chain)
    if known is None:
        known = coverage_cache[chain] = {}
    try:
        return known[char]
    except KeyError:
        font = next((name for name in chain if _covers(name, char)), None)
        known[char] = font
        return font


def covered(text: str, font_name: str) -> bool:
    """Whether every character of ``text`` is drawn in ``font_name`` itself (no fallback needed)."""
    chain = (font_name,)
    known = coverage_cache.get(chain)
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
