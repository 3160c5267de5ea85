"""The item models that replaced item widgets (issue 16 part 0): each passes pytest-qt's model tester, and a combo
box over a ChoiceListModel answers as one filled with addItem did."""

from __future__ import annotations

import pytest

from estate_desk.ui.models import Choice, TickableLazyTableModel, set_choices
from estate_desk.ui.qt import QComboBox, Qt

pytestmark = pytest.mark.ui


def test_a_combo_over_a_choice_model_finds_and_gives_data_as_with_add_item(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = QComboBox(editable=True)
    qtbot.addWidget(combo)
    model = set_choices(combo, [Choice(f"{n}-0{n % 9 + 1}01　业主{n}", 1000 + n, f"柜{n}") for n in range(5000)])
    qtmodeltester.check(model)
    assert combo.count() == 5000
    assert combo.findData(1234) == 234 and combo.itemData(234, Qt.ItemDataRole.ToolTipRole) == "柜234"
    combo.setCurrentIndex(combo.findText("17-0901　业主17"))
    assert combo.currentData() == 1017


def test_the_tickable_lazy_model_fetches_by_page_and_keeps_ticks_by_id(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    pages: list[list[int]] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        pages.append(list(ids))
        return {i: (i, f"档案{i}", i % 3 != 0) for i in ids}

    model: TickableLazyTableModel[tuple[int, str, bool]] = TickableLazyTableModel(
        ["No.", "Title"], lambda row, column: row[column], fetch, lambda row: row[2]
    )
    model.set_ids(list(range(1, 1001)))
    assert pages == []  # nothing read before a row is asked for
    first = model.index(0, 0)
    assert model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsUserCheckable  # id 3: not tickable
    assert model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert not model.setData(model.index(2, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.tick(998)
    assert model.ticked_ids() == [1, 998]
    assert len(pages) == 1 and len(pages[0]) <= 200
    qtmodeltester.check(model)
    assert model.data(model.index(997, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.set_ids([5, 6])
    assert model.ticked_ids() == []
