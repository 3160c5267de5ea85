"""Arrears lists imported from .xlsx/.csv (A15): checked row by row, all or nothing, idempotent."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl
import pytest

from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.services.routines import arrears
from estate_desk.services.routines.arrears_import import import_arrears
from estate_desk.store.routines import Arrear

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

HEADER = ["楼栋", "单元", "房号", "费用类型", "欠费金额", "欠费起始日期", "备注"]
GOOD = [
    [3, 2, 1502, "物业费", 1280.5, datetime(2026, 9, 1), "2026年三季度"],
    [3, 2, 1501, "水费", "86.20", "2026/8/15", ""],
    [10, 1, 902, "电费", 45208 + 1000, "", ""],  # an Excel serial date in the amount column? no: amount is a number
]


def _estate(db: Database, clock: FakeClock) -> None:
    with db.session() as s:
        for building, unit, number in ((3, 2, 1502), (3, 2, 1501), (10, 1, 902)):
            room = add_room(s, ensure_building(s, building, 33), unit, number)
            owner = add_owner(s, clock, f"业主{number}")
            s.flush()
            add_ownership(s, room, owner, date(2020, 1, 1), None)


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _rows() -> list[list[object]]:
    return [
        [3, 2, 1502, "物业费", 1280.5, datetime(2026, 9, 1), "2026年三季度"],
        [3, 2, 1501, "水费", "86.20", "2026/8/15", ""],
        [10, 1, 902, "电费", 45, "2026年10月9日", ""],
    ]


def _count(db: Database) -> int:
    with db.session() as s:
        return s.query(Arrear).count()


def test_a15_an_arrears_list_imports_and_feeds_the_followup_list(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    _estate(ready_db, clock)
    path = _xlsx(tmp_path / "欠费明细.xlsx", _rows())
    report = import_arrears(ready_db, clock, clerk, path)
    assert (report.problems, report.added, report.written) == ([], 3, True)
    households = {h.room_code: h for h in arrears.arrears_households(ready_db, clock, clerk)}
    assert households["3栋2单元1502"].total == Decimal("1280.50")
    assert households["3栋2单元1501"].oldest_since == date(2026, 8, 15)
    # the same list again changes nothing
    again = import_arrears(ready_db, clock, clerk, path)
    assert (again.added, again.unchanged, _count(ready_db)) == (0, 3, 3)


def test_a15_faulty_rows_are_reported_where_they_are_and_nothing_is_written(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    _estate(ready_db, clock)
    rows = [
        *_rows(),
        [9, 1, 101, "物业费", 100, "2026-01-01", ""],  # row 5: no such room
        [3, 2, 1502, "停车费", 100, "2026-01-01", ""],  # row 6: unknown fee type
        [3, 2, 1502, "物业费", -5, "2026-01-01", ""],  # row 7: negative amount
        [3, 2, 1502, "物业费", 100, "10/9/2026", ""],  # row 8: ambiguous date
        [3, 2, 1502, "物业费", 1280.5, datetime(2026, 9, 1), ""],  # row 9: duplicate of row 2
    ]
    report = import_arrears(ready_db, clock, clerk, _xlsx(tmp_path / "bad.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [
        (5, "楼栋"),
        (6, "费用类型"),
        (7, "欠费金额"),
        (8, "欠费起始日期"),
        (9, "楼栋"),
    ]
    assert not report.written and _count(ready_db) == 0
    assert "未写入任何数据" in report.lines("zh")[-1]


def test_a15_a_sheet_without_the_needed_columns_or_a_user_without_the_role_is_refused(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    _estate(ready_db, clock)
    path = tmp_path / "x.csv"
    path.write_text("房间,金额\n3栋2单元1502,100\n", encoding="gbk")
    with pytest.raises(InputProblem) as missing:
        import_arrears(ready_db, clock, clerk, path)
    assert "费用类型" in missing.value.zh and "欠费起始日期" in missing.value.zh
    with pytest.raises(PermissionDenied):
        import_arrears(ready_db, clock, receptionist, _xlsx(tmp_path / "ok.xlsx", _rows()))


def test_a15_a_gbk_csv_with_one_room_column_imports_from_the_cli(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from database_support import ADMIN_PASSWORD
    from estate_desk.cli.__main__ import main

    _estate(ready_db, clock)
    path = tmp_path / "arrears.csv"
    path.write_text('房间,费用类型,欠费金额,欠费起始日期\n3-2-1502,物业费,"1,280.50",2026-09-01\n', encoding="gbk")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
    url = ready_db.url.render_as_string(hide_password=False)
    assert main(["import", "arrears", str(path), "--dry-run", "--user", "admin", "--database", url]) == 0
    assert _count(ready_db) == 0 and "Dry run" in capsys.readouterr().out
    assert main(["import", "arrears", str(path), "--user", "admin", "--database", url]) == 0
    assert _count(ready_db) == 1


def test_issue16_an_arrears_row_for_0302_2002_is_the_room_the_estate_has(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    _estate(ready_db, clock)
    with ready_db.session() as s:
        add_room(s, ensure_building(s, 3, 33), 2, 2002)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["房屋编号", "费用类型", "欠费金额", "欠费起始日期"])
    sheet.append(["0302-2002", "物业费", 300, "2026/9/1"])  # 3栋2单元2002, not a building 302
    sheet.append(["三栋二单元1502", "水费", 20, "2026/9/1"])
    sheet.append(["0310-1502", "水费", 20, "2026/9/1"])  # 310栋1502 or 3栋10单元1502: neither is here
    book.save(tmp_path / "欠费.xlsx")
    report = import_arrears(ready_db, clock, clerk, tmp_path / "欠费.xlsx", dry_run=True)
    assert [(p.row, p.value) for p in report.problems] == [(4, "0310-1502")]
    assert "310栋1502" in report.problems[0].message_zh and "3栋10单元1502" in report.problems[0].message_zh
