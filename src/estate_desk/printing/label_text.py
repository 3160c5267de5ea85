"""Fitting a label's text (标签文字排版): the category name in balanced lines, the details in flowing lines.

Widths are measured with the fallback chain of :mod:`estate_desk.printing.glyphs`, so a
character drawn from a fallback face is measured in that face. No drawing here.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from estate_desk.printing import glyphs

if TYPE_CHECKING:
    from collections.abc import Sequence


def width_of(text: str, chain: Sequence[str], size: float) -> float:
    """Width in points of ``text`` at ``size`` with the fonts of ``chain``."""
    return glyphs.text_width(text, chain, size)


def _greedy(chars: Sequence[str], widths: Sequence[float], limit: float) -> list[str]:
    lines: list[str] = []
    line, used = "", 0.0
    for char, w in zip(chars, widths, strict=True):
        if line and used + w > limit:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += w
    return [*lines, line] if line else lines


def name_lines(name: str, chain: Sequence[str], size: float, width: float) -> list[str]:
    """The name across in as few lines as fit ``width``, balanced (业主及各办 / 公部门档案)."""
    chars = list(name)
    widths = [width_of(c, chain, size) for c in chars]
    if sum(widths) <= width:
        return [name]
    if max(widths) > width:
        return chars  # never the case at 26 pt on our labels; the caller reports what does not fit
    count = len(_greedy(chars, widths, width))
    ends = list(itertools.accumulate(widths))  # ends[j]: width of the first j + 1 characters
    cuts = [0]
    for line in range(1, count):  # cut where the running width is nearest an equal share
        target = ends[-1] * line / count
        cut = min(range(cuts[-1] + 1, len(chars) - (count - line) + 1), key=lambda j: abs(ends[j - 1] - target))
        cuts.append(cut)
    cuts.append(len(chars))
    lines = ["".join(chars[a:b]) for a, b in itertools.pairwise(cuts)]
    if all(sum(widths[a:b]) <= width for a, b in itertools.pairwise(cuts)):
        return lines
    return _greedy(chars, widths, width)


def flow(items: Sequence[str], chain: Sequence[str], size: float, width: float) -> tuple[list[str], bool]:
    """Lines of ``items`` within ``width``, two spaces between items on a line.

    An item is kept whole where it fits a line; one wider than ``width`` is broken at its
    spaces, and a word wider still is cut between characters. The flag says whether a word
    had to be cut.
    """
    lines: list[str] = []
    line = ""
    cut = False

    def fits(text: str) -> bool:
        return width_of(text, chain, size) <= width

    for item in items:
        candidate = f"{line}  {item}" if line else item
        if fits(candidate):
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        if fits(item):
            line = item
            continue
        for word in item.split(" "):
            candidate = f"{line} {word}" if line else word
            if fits(candidate):
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while not fits(line):  # one word too wide: cut it between characters
                cut = True
                head = line[0]
                for char in line[1:]:
                    if not fits(head + char):
                        break
                    head += char
                lines.append(head)
                line = line[len(head) :]
        lines.append(line)
        line = ""
    if line:
        lines.append(line)
    return [text for text in lines if text], cut
