"""Text behind the glyphs: a ToUnicode map that also names characters outside the BMP (如 𠮷).

reportlab embeds a subset of each TrueType font and writes a ToUnicode CMap so that the
PDF's text can be searched, copied and read by tools (pdftotext, pdfplumber). Its writer
formats every code point with four hex digits, so 𠮷 (U+20BB7) is written ``<20BB7>`` and
read back as U+20BB "₻" — the glyph printed is right, the text behind it is not.

:func:`install` replaces that writer with one that writes each character as UTF-16BE, as
the PDF reference asks (𠮷 → ``<D842DFB7>``); characters in the BMP are written exactly as
before. Installing is idempotent and affects only how the map is written.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from reportlab.pdfbase import ttfonts

if TYPE_CHECKING:
    from collections.abc import Sequence

_lock = threading.Lock()


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", errors="surrogatepass").hex().upper()


def make_tounicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one font subset: byte code ``i`` stands for ``subset[i]``."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install() -> None:
    """Make reportlab write ToUnicode maps with :func:`make_tounicode_cmap` (idempotent)."""
    with _lock:
        if ttfonts.makeToUnicodeCMap is not make_tounicode_cmap:
            ttfonts.makeToUnicodeCMap = make_tounicode_cmap
