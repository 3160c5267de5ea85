"""Archive numbers (档号), one unified order (A7), never reused.

The default pattern is the DA/T 22 style ``全宗号-门类代码·年度-保管期限-件号`` with the
item number zero-padded to four digits, e.g. ``Z001-YZ·2024-Y-0007``. An office may set
its own pattern with the fields ``{fonds} {category} {year} {retention} {item}``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from estate_desk.domain.disposal.retention import Retention

DEFAULT_PATTERN = "{fonds}-{category}·{year}-{retention}-{item:04d}"
_FIELDS = {"fonds", "category", "year", "retention", "item"}


@dataclass(frozen=True)
class NumberingKey:
    """What an item number counts within: the series."""

    fonds: str
    category: str
    year: int
    retention: Retention

    @property
    def series(self) -> str:
        return f"{self.fonds}|{self.category}|{self.year}|{self.retention.code}"


def validate_pattern(pattern: str) -> str:
    names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name}
    unknown = names - _FIELDS
    if unknown or "item" not in names:
        raise InputProblem(
            zh=f"档号规则无效：{pattern}（必须包含 {{item}}，只能使用 fonds/category/year/retention/item）",
            en=f"Invalid archive number pattern: {pattern} (must contain {{item}}; fields: "
            "fonds, category, year, retention, item)",
        )
    return pattern


def format_archive_number(key: NumberingKey, item: int, pattern: str = DEFAULT_PATTERN) -> str:
    if item < 1:
        raise ValueError("item numbers start at 1")
    return validate_pattern(pattern).format(
        fonds=key.fonds, category=key.category, year=key.year, retention=key.retention.code, item=item
    )


# Code 128 carries ASCII only; the DA/T 22 separator "·" travels as "." on a label's barcode.
_BARCODE_SWAPS = {"·": ".", "・": ".", "．": "."}


def barcode_form(archive_no: str) -> str | None:
    """What a document label's barcode carries for an archive number, or None if it cannot be ASCII.

    ``Z001-YZ·2024-Y-0007`` → ``Z001-YZ.2024-Y-0007``. A pattern with Chinese text in it has no
    barcode form; such labels are found by typing or searching instead.
    """
    text = "".join(_BARCODE_SWAPS.get(ch, ch) for ch in archive_no)
    return text if text.isascii() and text.isprintable() else None


# ---- codes as people type and scanners read them ------------------------------------------------

BOX_PATTERN = "{fonds}-{category}-{year}-H{number:03d}"  # 档案盒: Z001-YZ-2016-H001
VOLUME_PATTERN = "{fonds}-{category}-{year}-J{number:03d}"  # 案卷: Z001-YZ-2016-J001

# What stands between the parts of a code, however it was typed: "-" and "·" and their full-width,
# typographic and input-method cousins. Any run of them reads as the pattern's separator at that place
# (the "·" is on no keyboard; a Chinese input method turns "-" into "－" or "——" and "." into "。").
_SEPARATORS = frozenset("-‐‑‒–—―−⁃﹘﹣－" + "·.・･．•‧∙⋅。｡")
# Each field's values (upper case), and what a value cut short may look like at the end of a prefix.
_FIELD_SHAPES: dict[str, tuple[str, str]] = {
    "fonds": (r"[A-Z0-9]{1,20}", r"[A-Z0-9]{0,20}"),
    "category": (r"[A-Z]{2}[A-Z0-9]{0,4}", r"[A-Z]{0,2}|[A-Z]{2}[A-Z0-9]{0,4}"),
    "year": (r"[0-9]{4}", r"[0-9]{0,4}"),
    "retention": (r"Y|D[0-9]{1,3}", r"|Y|D[0-9]{0,3}"),
    "item": (r"[0-9]{1,9}", r"[0-9]{0,9}"),
    "number": (r"[0-9]{1,9}", r"[0-9]{0,9}"),
}
_FIELD_RE = {name: (re.compile(whole), re.compile(cut)) for name, (whole, cut) in _FIELD_SHAPES.items()}
_VALUE_CHARS = frozenset(string.ascii_uppercase + string.digits)


def _fold(text: str) -> str:
    """Full-width to half-width (NFKC), upper case, no spaces anywhere."""
    return "".join(unicodedata.normalize("NFKC", text).upper().split())


def _read(text: str, pattern: str) -> str | None:
    """``text`` (folded) read as a code of ``pattern`` or the beginning of one, in canonical form; or None.

    Walks the pattern: each run of separators in its literal text takes one run of separators in ``text``
    and writes the pattern's own; other literal characters must be there as they are; each field takes
    the letters and digits up to the next separator and must have that field's shape (cut short only at
    the very end, where ``text`` is a prefix)."""
    out: list[str] = []
    at = 0
    for literal, field, _spec, _conversion in string.Formatter().parse(pattern):
        pieces = re.findall(r"[^\w\s]+|\w|\s+", literal) if literal else []  # separator runs and single chars
        for piece in pieces:
            if piece.isspace():
                continue
            if at == len(text):
                return "".join(out)
            if all(ch in _SEPARATORS for ch in piece):
                end = at
                while end < len(text) and text[end] in _SEPARATORS:
                    end += 1
                if end == at:
                    return None
                at = end
                out.append(piece)
            else:
                for ch in piece:
                    if at == len(text):
                        return "".join(out)
                    if _fold(ch) != text[at]:
                        return None
                    at += 1
                    out.append(ch)
        if field is None:
            continue
        shapes = _FIELD_RE.get(field)
        if shapes is None:
            return None
        end = at
        while end < len(text) and text[end] in _VALUE_CHARS:
            end += 1
        value = text[at:end]
        if not (shapes[1] if end == len(text) else shapes[0]).fullmatch(value):
            return None
        out.append(value)
        at = end
    return "".join(out) if at == len(text) else None


def normalise_code(text: str, pattern: str = DEFAULT_PATTERN) -> str | None:
    """The one reading of a typed or scanned code: the canonical stored form, or None when it has no code's shape.

    An archive number of ``pattern`` (or the beginning of one, for searching by prefix), or a box or
    volume code, is recognised however it was written — without the "·" (``Z001-YZ-2016-Y-0001``),
    with a label barcode's "." (``Z001-YZ.2016-Y-0001``), with full-width or typographic dashes and dots
    (``－ — ． ・ ･``), full-width letters and digits (``Ｚ００１``), in lower case, with spaces around
    — and written back as it is stored: ``Z001-YZ·2016-Y-0001``, ``Z001-YZ-2016-H001``. The item number
    is not padded (``…-Y-1`` is the prefix of ``…-Y-1000``, not item 1). A canonical code is its own
    reading. Text without a separator (a name, a single word) is not a code.
    """
    folded = _fold(text)
    if not any(ch in _SEPARATORS for ch in folded):
        return None
    for shape in (pattern, BOX_PATTERN, VOLUME_PATTERN):
        found = _read(folded, shape)
        if found is not None:
            return found
    return None


def code_forms(text: str, pattern: str = DEFAULT_PATTERN) -> list[str]:
    """The codes a typed or scanned text is looked up as: its canonical reading (:func:`normalise_code`)
    and the text as typed (for a number of an older pattern, or a code of no known shape)."""
    typed = text.strip()
    canonical = normalise_code(typed, pattern)
    return list(dict.fromkeys(c for c in (canonical, typed) if c))
