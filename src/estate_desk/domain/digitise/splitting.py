"""Splitting a scanned stack at its cover sheets (扫描分隔页), and what never attaches (待处理).

The scanner delivers one stack: a cover sheet, that record's pages, the next sheet, its pages … and the
end-of-batch sheet. :func:`split` takes what was read on each page and says which pages belong to which
record of the batch; the sheets themselves are dropped. Whatever could attach to the wrong record waits
in the 待处理 queue instead, with its reason: pages before the first sheet, a sheet whose code cannot be
read, a sheet of another estate, of a record outside the batch or of a record scanned already, a sheet
with no pages after it, and pages after the end-of-batch sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

    from estate_desk.domain.digitise.cover_codes import SheetCode


class PageKind(StrEnum):
    PAGE = "page"  # a page of a record
    SHEET = "sheet"  # a cover sheet whose code was read (a record's, or the end of a batch)
    UNREADABLE = "unreadable"  # a cover sheet (its mark was read) whose code was not


@dataclass(frozen=True)
class PageReading:
    """What one page of a stack turned out to be; ``number`` counts from 1."""

    number: int
    kind: PageKind
    code: SheetCode | None = None
    text: str = ""  # what the barcode said, for the reason shown to the clerk
    turn: int = 0  # a sheet fed turned: the clockwise degrees (0, 90, 180, 270) that make it upright


class Reason(StrEnum):
    """Why pages wait in the 待处理 queue."""

    BEFORE_FIRST_SHEET = "before_first_sheet"
    UNREADABLE_CODE = "unreadable_code"
    OTHER_ESTATE = "other_estate"
    NOT_IN_BATCH = "not_in_batch"
    SCANNED_TWICE = "scanned_twice"
    NO_PAGES = "no_pages"
    AFTER_END = "after_end"

    @property
    def zh(self) -> str:
        return _ZH[self]

    @property
    def en(self) -> str:
        return _EN[self]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


_ZH = {
    Reason.BEFORE_FIRST_SHEET: "第一张分隔页之前的页面",
    Reason.UNREADABLE_CODE: "分隔页条码无法识读",
    Reason.OTHER_ESTATE: "其他档案馆（全宗）的分隔页",
    Reason.NOT_IN_BATCH: "分隔页所指档案不在本批次中",
    Reason.SCANNED_TWICE: "该档案已扫描过",
    Reason.NO_PAGES: "分隔页之后没有页面",
    Reason.AFTER_END: "批次结束页之后的页面",
}
_EN = {
    Reason.BEFORE_FIRST_SHEET: "Pages before the first cover sheet",
    Reason.UNREADABLE_CODE: "The cover sheet's code cannot be read",
    Reason.OTHER_ESTATE: "A cover sheet of another archive (fonds)",
    Reason.NOT_IN_BATCH: "The cover sheet names a record outside this batch",
    Reason.SCANNED_TWICE: "This record has been scanned already",
    Reason.NO_PAGES: "No pages follow the cover sheet",
    Reason.AFTER_END: "Pages after the end-of-batch sheet",
}


@dataclass(frozen=True)
class RecordPages:
    """A record's pages in the stack, in scanned order, and the sheet in front of them."""

    document_id: int
    sheet: int
    pages: tuple[int, ...]
    turn: int = 0  # the record was fed turned like its sheet: its pages are turned upright by this much


@dataclass(frozen=True)
class Problem:
    """Pages that wait in the 待处理 queue; ``sheet`` is the cover sheet in front of them, if any."""

    reason: Reason
    sheet: int | None
    pages: tuple[int, ...]
    detail: str = ""
    document_id: int | None = None


@dataclass(frozen=True)
class Split:
    records: tuple[RecordPages, ...]
    problems: tuple[Problem, ...]
    sheets: tuple[int, ...] = field(default=())  # every page that was a cover sheet (dropped)


@dataclass
class _Run:
    sheet: PageReading | None
    pages: list[int] = field(default_factory=list)


def _runs(readings: Sequence[PageReading]) -> list[_Run]:
    runs = [_Run(None)]
    for reading in readings:
        if reading.kind is PageKind.PAGE:
            runs[-1].pages.append(reading.number)
        else:
            runs.append(_Run(reading))
    return runs


def split(
    readings: Sequence[PageReading],
    estate: str,
    batch: Mapping[str, int],
    scanned: Collection[int] = (),
) -> Split:
    """Split a stack: ``estate`` is our 全宗号, ``batch`` maps the batch's 档号 (barcode form) to record ids,
    ``scanned`` holds the records that have a scan from this batch already."""
    records: list[RecordPages] = []
    problems: list[Problem] = []
    seen: set[int] = set(scanned)
    for run in _runs(readings):
        pages = tuple(run.pages)
        sheet = run.sheet
        if sheet is None:
            if pages:
                problems.append(Problem(Reason.BEFORE_FIRST_SHEET, None, pages))
            continue
        code = sheet.code
        if sheet.kind is PageKind.UNREADABLE or code is None:
            problems.append(Problem(Reason.UNREADABLE_CODE, sheet.number, pages, sheet.text))
        elif code.estate != estate:
            problems.append(Problem(Reason.OTHER_ESTATE, sheet.number, pages, sheet.text))
        elif code.archive_code is None:  # our end-of-batch sheet
            if pages:
                problems.append(Problem(Reason.AFTER_END, sheet.number, pages, sheet.text))
        elif code.archive_code not in batch:
            problems.append(Problem(Reason.NOT_IN_BATCH, sheet.number, pages, code.archive_code))
        else:
            document_id = batch[code.archive_code]
            if document_id in seen:
                problems.append(Problem(Reason.SCANNED_TWICE, sheet.number, pages, code.archive_code, document_id))
            elif not pages:
                problems.append(Problem(Reason.NO_PAGES, sheet.number, pages, code.archive_code, document_id))
            else:
                seen.add(document_id)
                records.append(RecordPages(document_id, sheet.number, pages, sheet.turn))
    sheets = tuple(r.number for r in readings if r.kind is not PageKind.PAGE)
    return Split(tuple(records), tuple(problems), sheets)
