"""Sorting a list by a header (issue 20, "Lists a clerk can work with"): the natural order, in the model
itself, with no database — numbers as numbers, Chinese by pinyin, empty cells last, -1 restoring."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from estate_desk.ui.models import LazyTableModel, RowsTableModel
from estate_desk.ui.qt import QItemSelectionModel, Qt
from estate_desk.ui.sort_keys import sorted_positions
from estate_desk.ui.widgets import table_view

pytestmark = pytest.mark.ui
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _model(rows: list[tuple[object, ...]]) -> RowsTableModel[tuple[object, ...]]:
    model: RowsTableModel[tuple[object, ...]] = RowsTableModel(["A", "B"], lambda row, column: row[column])
    model.set_rows(rows)
    return model


def _column(model: RowsTableModel[tuple[object, ...]], column: int = 0) -> list[object]:
    return [model.row_of(n)[column] for n in range(model.rowCount())]


def test_numbers_inside_text_sort_as_numbers() -> None:
    model = _model([("12 页", 1), ("9 页", 2), ("100 页", 3), ("3-1502", 4), ("3-902", 5), ("10-101", 6)])
    model.sort(0, ASC)
    assert _column(model) == ["3-902", "3-1502", "9 页", "10-101", "12 页", "100 页"]
    model.sort(0, DESC)
    assert _column(model) == ["100 页", "12 页", "10-101", "9 页", "3-1502", "3-902"]


def test_plain_numbers_dates_and_case() -> None:
    assert sorted_positions([10, 9, 100, 2.5]) == [3, 1, 0, 2]
    days = [date(2024, 5, 1), datetime(2023, 1, 2, 8, 0), date(2023, 1, 2), datetime(2023, 1, 2, 7, 59)]
    assert sorted_positions(days) == [2, 3, 1, 0]
    assert sorted_positions(["beta", "Alpha", "alpha", "Gamma"]) == [1, 2, 0, 3]
    assert sorted_positions(["¥2,460.00", "¥499.30", "¥58.00", "¥1,234,567.5"]) == [2, 1, 0, 3]


def test_chinese_sorts_by_pinyin() -> None:
    model = _model([("张三", 1), ("李四", 2), ("王五", 3), ("安娜", 4), ("赵六", 5)])
    model.sort(0, ASC)
    assert _column(model) == ["安娜", "李四", "王五", "张三", "赵六"]


def test_empty_cells_stay_last_in_both_orders_and_the_sort_is_stable() -> None:
    model = _model([("", 1), ("b", 2), (None, 3), ("a", 4), ("b", 5), ("  ", 6)])
    model.sort(0, ASC)
    assert _column(model, 1) == [4, 2, 5, 1, 3, 6]
    model.sort(0, DESC)
    assert _column(model, 1) == [2, 5, 4, 1, 3, 6]


def test_minus_one_restores_the_order_and_new_rows_keep_the_sort() -> None:
    model = _model([("c", 1), ("a", 2), ("b", 3)])
    model.sort(0, ASC)
    assert model.find(lambda row: row[1] == 1) == 2  # find() answers for the row as shown
    model.sort(-1, ASC)
    assert _column(model) == ["c", "a", "b"]
    model.sort(1, DESC)
    model.set_rows([("x", 5), ("y", 9), ("z", 7)])
    assert _column(model, 1) == [9, 7, 5]


def test_five_thousand_chinese_rows_sort_well_under_a_second() -> None:
    sorted_positions(["预热"])  # pypinyin's dictionaries load once, at the first Chinese cell
    surnames = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗"
    rows = [(f"{surnames[n % 20]}{surnames[(n * 7) % 20]}{n}", f"{n % 37}-{n % 1200} 室") for n in range(5000)]
    model: RowsTableModel[tuple[str, str]] = RowsTableModel(["Name", "Room"], lambda row, column: row[column])
    model.set_rows(rows)
    started = time.perf_counter()
    model.sort(0, ASC)
    model.sort(1, DESC)
    assert time.perf_counter() - started < 0.8


def test_the_selection_follows_its_row_when_the_list_is_sorted(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = table_view("sortedList")
    qtbot.addWidget(view)
    model = _model([("c", 1), ("a", 2), ("b", 3)])
    view.setModel(model)
    assert view.isSortingEnabled() and view.horizontalHeader().sortIndicatorSection() == -1
    assert _column(model) == ["c", "a", "b"]  # turning sorting on did not reorder
    view.selectionModel().setCurrentIndex(
        model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.sortByColumn(0, ASC)
    assert _column(model) == ["a", "b", "c"]
    assert model.row_of(view.currentIndex().row()) == ("c", 1)


def test_a_short_lazy_list_sorts_its_fetched_rows_and_a_long_one_asks_its_service(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    rows = {i: (i, f"{(i * 37) % 50} 页") for i in range(1, 41)}
    short: LazyTableModel[tuple[int, str]] = LazyTableModel(
        ["No.", "Pages"], lambda row, column: row[column], lambda ids: {i: rows[i] for i in ids}, sort_rows=True
    )
    short.set_ids(list(rows))
    short.sort(1, ASC)
    pages = [short.row_of(n)[1] for n in range(short.rowCount())]
    assert pages == sorted(pages, key=lambda text: int(text.split()[0]))
    short.sort(-1, ASC)
    assert short.ids() == list(rows)
    qtmodeltester.check(short)
    asked: list[tuple[int, bool]] = []

    def order_ids(column: int, descending: bool) -> list[int] | None:
        asked.append((column, descending))
        return None if column == 1 else sorted(rows, reverse=descending)

    long: LazyTableModel[tuple[int, str]] = LazyTableModel(
        ["No.", "Pages"], lambda row, column: row[column], lambda ids: {i: rows[i] for i in ids}, order_ids=order_ids
    )
    long.set_ids(list(rows))
    long.sort(0, DESC)
    assert long.ids()[:3] == [40, 39, 38] and long.sort_column() == (0, True)
    long.sort(1, ASC)  # the service can't sort by it: nothing moves, the chosen sort stays
    assert long.ids()[:3] == [40, 39, 38] and long.sort_column() == (0, True)
    assert asked == [(0, True), (1, False)]
