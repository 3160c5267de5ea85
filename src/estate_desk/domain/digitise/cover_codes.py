"""What a scan cover sheet's (扫描分隔页) barcode carries, and reading it back.

A record's sheet carries ``ED1:<estate's 全宗号>:<档号>`` — the 档号 in its barcode form, the "·" as "."
(Code 128 is ASCII only) — so that a sheet printed by another estate's archive is told apart from ours.
The end-of-batch patch sheet carries ``ED1:<全宗号>:END:<batch code>``. Every sheet also carries a small
second barcode, :data:`SHEET_MARK`, that says only "this is a cover sheet": a page with the mark and no
readable record code is a cover sheet whose code cannot be read, never an ordinary page.
"""

from __future__ import annotations

from dataclasses import dataclass

from estate_desk.domain.archive.numbers import barcode_form
from estate_desk.domain.errors import InputProblem

PREFIX = "ED1"
SHEET_MARK = "ED1-SHEET"
_END = "END"
MAX_CODE = 48  # what a Code 128 barcode of ours holds (printing/barcodes.py)


@dataclass(frozen=True)
class SheetCode:
    """A cover sheet read back: whose estate, and the record (``archive_code``) or the end of a batch."""

    estate: str
    archive_code: str | None  # the 档号 in barcode form; None on the end-of-batch sheet
    batch: str | None = None  # the batch code on the end-of-batch sheet

    @property
    def is_end(self) -> bool:
        return self.archive_code is None


def _check(code: str, what_zh: str, what_en: str) -> str:
    if len(code) > MAX_CODE:
        raise InputProblem(
            zh=f"{what_zh}的条码太长（{len(code)} 个字符，最多 {MAX_CODE} 个），无法印在分隔页上。",
            en=f"The barcode of {what_en} is too long ({len(code)} characters, at most {MAX_CODE}) for a cover sheet.",
            where=code,
        )
    return code


def _estate(fonds: str) -> str:
    if not fonds or ":" in fonds or not fonds.isascii() or not fonds.isprintable():
        raise InputProblem(
            zh=f"全宗号“{fonds}”不能印入条码：只能用英文字母和数字。",
            en=f"The fonds code '{fonds}' cannot go into a barcode: use ASCII letters and digits.",
        )
    return fonds


def record_code(fonds: str, archive_no: str) -> str:
    """The barcode of a record's cover sheet: ``ED1:Z001:Z001-YZ.2023-Y-0042``."""
    form = barcode_form(archive_no)
    if form is None:
        raise InputProblem(
            zh=f"档号 {archive_no} 含有条码无法承载的字符，不能打印扫描分隔页。",
            en=f"The archive number {archive_no} holds characters a barcode cannot carry; no cover sheet can be printed.",
        )
    return _check(f"{PREFIX}:{_estate(fonds)}:{form}", f"档号 {archive_no} ", f"{archive_no}")


def end_code(fonds: str, batch_code: str) -> str:
    """The barcode of a batch's end-of-batch patch sheet: ``ED1:Z001:END:Z001-SZ-2026-001``."""
    return _check(f"{PREFIX}:{_estate(fonds)}:{_END}:{batch_code}", f"批次 {batch_code} ", f"batch {batch_code}")


def parse(text: str) -> SheetCode | None:
    """A cover sheet's code read back, or None when the text is no cover-sheet code (any other barcode)."""
    parts = text.strip().split(":", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        return None
    estate, rest = parts[1], parts[2]
    if rest.startswith(_END + ":"):
        batch = rest[len(_END) + 1 :]
        return SheetCode(estate, None, batch or None)
    return SheetCode(estate, rest)


def same_record(archive_code: str, archive_no: str) -> bool:
    """Whether a sheet's ``archive_code`` names the record numbered ``archive_no``."""
    return barcode_form(archive_no) == archive_code
