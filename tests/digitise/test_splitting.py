"""Splitting a stack at its cover sheets, as a pure rule: which pages go to which record, and what waits."""

from __future__ import annotations

from estate_desk.domain.digitise.cover_codes import SheetCode
from estate_desk.domain.digitise.splitting import PageKind, PageReading, Problem, Reason, RecordPages, split

BATCH = {"Z001-YZ.2023-Y-0001": 1, "Z001-YZ.2023-Y-0002": 2}


def _sheet(n: int, archive: str | None, estate: str = "Z001") -> PageReading:
    return PageReading(n, PageKind.SHEET, SheetCode(estate, archive, None if archive else "B1"), f"code {n}")


def _page(n: int) -> PageReading:
    return PageReading(n, PageKind.PAGE)


def test_pages_go_to_the_record_of_the_sheet_before_them_and_the_sheets_are_dropped() -> None:
    stack = [_sheet(1, "Z001-YZ.2023-Y-0001"), _page(2), _page(3), _sheet(4, "Z001-YZ.2023-Y-0002"), _page(5)]
    result = split([*stack, _sheet(6, None)], "Z001", BATCH)
    assert result.records == (RecordPages(1, 1, (2, 3)), RecordPages(2, 4, (5,)))
    assert result.problems == () and result.sheets == (1, 4, 6)


def test_pages_before_the_first_sheet_wait() -> None:
    result = split([_page(1), _sheet(2, "Z001-YZ.2023-Y-0001"), _page(3)], "Z001", BATCH)
    assert result.problems == (Problem(Reason.BEFORE_FIRST_SHEET, None, (1,)),)


def test_an_unreadable_sheet_keeps_its_pages_from_the_record_before() -> None:
    stack = [_sheet(1, "Z001-YZ.2023-Y-0001"), _page(2), PageReading(3, PageKind.UNREADABLE), _page(4)]
    result = split(stack, "Z001", BATCH)
    assert result.records == (RecordPages(1, 1, (2,)),)
    assert result.problems == (Problem(Reason.UNREADABLE_CODE, 3, (4,)),)


def test_another_estates_sheet_a_record_outside_the_batch_and_a_second_scan_wait() -> None:
    stack = [
        _sheet(1, "Z001-YZ.2023-Y-0001", estate="Z999"),
        _page(2),
        _sheet(3, "Z001-YZ.2023-Y-0099"),
        _page(4),
        _sheet(5, "Z001-YZ.2023-Y-0002"),
        _page(6),
        _sheet(7, "Z001-YZ.2023-Y-0002"),
        _page(8),
    ]
    reasons = [(p.reason, p.pages) for p in split(stack, "Z001", BATCH).problems]
    assert reasons == [(Reason.OTHER_ESTATE, (2,)), (Reason.NOT_IN_BATCH, (4,)), (Reason.SCANNED_TWICE, (8,))]


def test_a_record_scanned_in_an_earlier_stack_waits_as_scanned_twice() -> None:
    result = split([_sheet(1, "Z001-YZ.2023-Y-0001"), _page(2)], "Z001", BATCH, scanned={1})
    assert result.problems == (Problem(Reason.SCANNED_TWICE, 1, (2,), "Z001-YZ.2023-Y-0001", 1),)


def test_a_sheet_with_no_pages_and_pages_after_the_end_sheet_wait() -> None:
    stack = [_sheet(1, "Z001-YZ.2023-Y-0001"), _sheet(2, "Z001-YZ.2023-Y-0002"), _page(3), _sheet(4, None), _page(5)]
    reasons = [(p.reason, p.pages) for p in split(stack, "Z001", BATCH).problems]
    assert reasons == [(Reason.NO_PAGES, ()), (Reason.AFTER_END, (5,))]


def test_every_reason_reads_in_both_languages() -> None:
    for reason in Reason:
        assert reason.label("zh") != reason.label("en") and reason.en
