"""Lists a clerk can work with (issue 20): a real page's table sorts by a header click and keeps the chosen
row, and "Export to Excel…" writes what the list shows, through the export rights, with the save dialog
patched; a refusal is a message, not a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import openpyxl
import pytest
from sqlalchemy import select

from database_support import make_actor
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.store.audit import AuditEvent
from estate_desk.ui import list_export
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import QAction, QItemSelectionModel, QPoint, Qt
from estate_desk.ui.widgets import table_view

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


def _users_page(qtbot, db: Database, clock: FakeClock):  # type: ignore[no-untyped-def]
    from estate_desk.ui.accounts.admin_section import UsersPage

    for name in ("zhang", "bob", "Alice"):
        make_actor(db, clock, name, "archive_clerk")
    administrator = accounts.authenticate(db, clock, "admin", "admin-pass-1")
    page = UsersPage(db, administrator, clock)
    qtbot.addWidget(page)
    page.show()
    return page


def _usernames(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_of(n).username for n in range(page.model.rowCount())]


def _click_header(qtbot, view, column: int) -> None:  # type: ignore[no-untyped-def]
    header = view.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_clicking_a_header_sorts_the_users_and_the_chosen_one_stays_chosen(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock
) -> None:
    page = _users_page(qtbot, ready_db, clock)
    shown = _usernames(page)
    assert page.table.horizontalHeader().sortIndicatorSection() == -1  # as the service listed them
    page.table.selectionModel().setCurrentIndex(
        page.model.index(shown.index("bob"), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    _click_header(qtbot, page.table, 0)
    assert _usernames(page) == ["admin", "Alice", "bob", "zhang"]  # case-folded
    assert page.model.row_of(page.table.currentIndex().row()).username == "bob"
    _click_header(qtbot, page.table, 0)
    assert _usernames(page) == ["zhang", "bob", "Alice", "admin"]
    assert all(page.table.columnWidth(c) <= 360 for c in range(page.model.columnCount()))


def test_export_to_excel_writes_the_list_as_shown_and_is_audited(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _users_page(qtbot, ready_db, clock)
    out = tmp_path / "users.xlsx"
    proposed: list[Path] = []
    monkeypatch.setattr(list_export, "choose_file", lambda _parent, where: proposed.append(where) or out)
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    page.table.setColumnHidden(4, True)  # a hidden column is not exported
    page.table.horizontalHeader().moveSection(2, 0)  # the columns in the order shown
    action = page.table.findChild(QAction, "exportList")
    assert action is not None and action.shortcut().toString() == "Ctrl+E"
    assert action in page.table.actions() and page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    action.trigger()
    assert proposed[0].name == "用户-2026-11-23.xlsx"  # the list's name and the office's date
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "用户"
    headers = [c.value for c in sheet[2]]
    assert len(headers) == 4 and headers[1:3] == [
        page.model.headerData(0, Qt.Orientation.Horizontal),
        page.model.headerData(1, Qt.Orientation.Horizontal),
    ]
    assert [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)] == ["zhang", "bob", "Alice", "admin"]
    with ready_db.session() as s:
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
    assert last is not None and (last.action, last.target_text) == ("export", "用户")


@dataclass(frozen=True)
class _Record:
    archive_no: str
    title: str
    secrecy: Grade


def test_a_refused_export_is_a_message_and_leaves_no_file(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = make_actor(ready_db, clock, "desk", "receptionist", int(Grade.SECRET))
    view = table_view("records")
    qtbot.addWidget(view)
    model: RowsTableModel[_Record] = RowsTableModel(
        ["档号", "题名"], lambda row, column: (row.archive_no, row.title)[column]
    )
    model.set_rows([_Record("Z001-YZ-2016-Y-0001", "房屋买卖合同", Grade.SECRET), _Record("Z1", "公告", Grade.PUBLIC)])
    view.setModel(model)
    export = ListExport(view, ready_db, desk, clock, "档案列表", "Archive list")
    shown: list[str] = []
    monkeypatch.setattr(list_export, "show_problem", lambda _parent, exc, _title=None: shown.append(exc.zh))
    assert export.export(tmp_path / "no.xlsx") is None
    assert shown and "未获授权" in shown[0]
    assert not (tmp_path / "no.xlsx").exists()


@dataclass(frozen=True)
class _Listed:
    row: _Record  # as the archive's table wraps its records


def test_a_long_lazy_list_is_read_page_by_page_and_graded_by_its_rows(  # type: ignore[no-untyped-def]
    app, qtbot, ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    from estate_desk.ui.models import PAGE, LazyTableModel

    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    pages: list[int] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        pages.append(len(ids))
        return {i: _Listed(_Record(f"Z1-{i:05d}", f"文件{i}", Grade.SECRET if i == 7 else Grade.INTERNAL)) for i in ids}

    model: LazyTableModel[_Listed] = LazyTableModel(
        ["档号", "题名"], lambda listed, column: (listed.row.archive_no, listed.row.title)[column], fetch
    )
    view = table_view("longList")
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_ids(list(range(1, 2501)))
    assert not view.isSortingEnabled()  # a lazy list without a way to sort keeps its header still
    export = ListExport(view, ready_db, clerk, clock, "档案列表", "Archive list")
    out = export.export(tmp_path / "long.xlsx")
    assert out is not None
    assert max(pages) <= PAGE and sum(pages) == 2500
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet.max_row == 2502 and sheet["A2502"].value == "Z1-02500"
    with ready_db.session() as s:
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
    assert last is not None and (last.action, last.grade) == ("export", int(Grade.SECRET))
