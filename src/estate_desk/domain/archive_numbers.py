"""Archive numbers (档号), one unified order (A7), never reused.

The default pattern is the DA/T 22 style ``全宗号-门类代码·年度-保管期限-件号`` with the
item number zero-padded to four digits, e.g. ``Z001-YZ·2024-Y-0007``. An office may set
its own pattern with the fields ``{fonds} {category} {year} {retention} {item}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from estate_desk.domain.retention import Retention

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
    import string

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


def archive_number_forms(scanned: str) -> list[str]:
    """The archive numbers a scanned or typed code may stand for: as is, and with "." read back as "·"."""
    text = scanned.strip()
    forms = [text]
    if "." in text:
        forms.append(text.replace(".", "·"))
    return forms
