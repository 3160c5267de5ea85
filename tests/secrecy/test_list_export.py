"""Exporting a list as shown (导出为 Excel, issue 20): the export rights of A11 like every other export,
an audit record either way, and a workbook that reads back with its title, headers and Chinese rows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import openpyxl
import pytest
from sqlalchemy import select

from database_support import make_actor
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade
from estate_desk.services.list_export import export_list, list_grade
from estate_desk.services.secrecy.print_rights import REASON_REQUIRED
from estate_desk.store.accounts import Setting
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

HEADERS = ["档号", "题名", "页数"]
ROWS = [["Z001-YZ-2016-Y-0001", "张三房屋买卖合同", 12], ["Z001-YZ-2016-Y-0002", '=HYPERLINK("x")', None]]


def _events(db: Database) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def test_a_list_is_as_secret_as_its_most_secret_row_and_owner_files_are_top_secret() -> None:
    assert list_grade([]) is Grade.INTERNAL
    assert list_grade([None, Grade.PUBLIC, Grade.SECRET, Grade.INTERNAL]) is Grade.SECRET
    assert list_grade([Grade.PUBLIC], at_least=OWNER_FILE_GRADE) is OWNER_FILE_GRADE


def test_a_receptionist_may_not_export_a_secret_list_and_the_refusal_is_audited(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    desk = make_actor(ready_db, clock, "desk", "receptionist", int(Grade.SECRET))
    out = tmp_path / "list.xlsx"
    with pytest.raises(PermissionDenied) as refused:
        export_list(ready_db, desk, clock, "档案列表", "Archive list", HEADERS, ROWS, Grade.SECRET, out)
    assert refused.value.rule == "A11" and "未获授权" in refused.value.zh
    assert not out.exists()
    last = _events(ready_db)[-1]
    assert (last.action, last.username, last.target_text, last.grade) == ("refuse", "desk", "档案列表", 2)


def test_the_clerk_exports_and_the_workbook_reads_back(ready_db: Database, clock: FakeClock, tmp_path: Path) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    out = tmp_path / "档案列表-2026-11-23.xlsx"
    written = export_list(ready_db, clerk, clock, "档案列表", "Archive list", HEADERS, ROWS, Grade.INTERNAL, out)
    assert written == 2
    last = _events(ready_db)[-1]
    assert (last.action, last.username, last.target_text) == ("export", "clerk", "档案列表")
    assert '"rows":2' in last.detail and out.name in last.detail
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "档案列表" and sheet["A1"].font.bold
    assert sheet["B1"].value == "导出：clerk 2026-11-23 09:00"
    assert [c.value for c in sheet[2]] == HEADERS and all(c.font.bold for c in sheet[2])
    assert sheet.freeze_panes == "A3"
    assert [c.value for c in sheet[3]] == ["Z001-YZ-2016-Y-0001", "张三房屋买卖合同", 12]
    assert sheet["B4"].value == '=HYPERLINK("x")' and sheet["B4"].data_type == "s"  # text, never a formula
    assert sheet.column_dimensions["B"].width >= 16  # wide enough for the Chinese title


def test_a_classified_list_asks_why_where_the_office_wants_it(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    with ready_db.session() as s:
        s.add(Setting(key=REASON_REQUIRED, value="yes"))
    out = tmp_path / "secret.xlsx"
    with pytest.raises(InputProblem, match="say why"):
        export_list(ready_db, clerk, clock, "档案列表", "Archive list", HEADERS, ROWS, Grade.SECRET, out)
    assert _events(ready_db)[-1].action == "refuse" and not out.exists()
    export_list(ready_db, clerk, clock, "档案列表", "Archive list", HEADERS, ROWS, Grade.SECRET, out, reason="移交")
    last = _events(ready_db)[-1]
    assert (last.action, last.reason, last.grade) == ("export", "移交", 2)
    dated = export_list(
        ready_db, clerk, clock, "日期", "Dates", ["日"], [[date(2026, 1, 2)]], Grade.INTERNAL, tmp_path / "d.xlsx"
    )
    assert dated == 1
    assert openpyxl.load_workbook(tmp_path / "d.xlsx").active["A3"].number_format == "yyyy-mm-dd"  # type: ignore[index]
