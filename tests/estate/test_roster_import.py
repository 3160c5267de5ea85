"""Importing and exporting the owner roster (A2): 1,000 rows, a dozen faulty ones, all or nothing."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from database_support import ADMIN_PASSWORD
from estate_desk.cli.__main__ import main
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.estate.rooms import RoomCode, room_sort_key
from estate_desk.domain.estate.roster import EXPORT_HEADERS, Field
from estate_desk.domain.estate.roster_cells import excel_serial
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.estate import buildings as estate
from estate_desk.services.estate import roster
from estate_desk.store.estate import Building, Owner, OwnerChange, Ownership, Room

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

CLERK_PASSWORD = "clerk-pass-1"
HEADERS = ["楼栋", "单元", "房号", "业主姓名", "联系电话", "入住日期", "面积"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高欧阳司马"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "堃",
    "喆",
    "彧",
    "昇",
    "婧",
    "玥",
    "晓明",
    "子涵",
]
ROWS = 1000


# --- the roster ------------------------------------------------------------------------


def _move_in(rng: random.Random, day: date, as_excel: bool) -> object:
    form = rng.randrange(6)
    if form == 0:
        return day.isoformat()
    if form == 1:
        return f"{day.year}/{day.month}/{day.day}"
    if form == 2:
        return f"{day.year}.{day.month}.{day.day}"
    if form == 3:
        return f"{day.year}年{day.month}月{day.day}日"
    if form == 4:
        return excel_serial(day) if as_excel else str(excel_serial(day))
    return datetime.combine(day, datetime.min.time()) if as_excel else day.isoformat()


def make_roster(*, as_excel: bool, seed: int = 2) -> tuple[list[list[object]], dict[int, str]]:
    """1,000 data rows (sheet rows 2–1001) and the faulty ones: sheet row → the header of the bad column."""
    rng = random.Random(seed)
    rooms = rng.sample(
        [(b, u, f * 100 + r) for b in range(1, 13) for u in range(1, 4) for f in range(1, 34) for r in range(1, 5)],
        ROWS,
    )
    rows: list[list[object]] = []
    for building, unit, room in rooms:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + ("" if rng.random() < 0.6 else rng.choice(GIVEN))
        phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(4000))
        area = rng.choice((89, 105.5, 126, 143.25))
        if as_excel:
            rows.append([building, unit, room, name, int(phone), _move_in(rng, day, True), area])
        else:
            rows.append([f"{building}", f"{unit}", f"{room:04d}", name, phone, _move_in(rng, day, False), str(area)])
    rows[0][3] = "王堃"
    faulty: dict[int, str] = {}

    def spoil(index: int, column: str, value: object) -> None:
        rows[index][HEADERS.index(column)] = value
        faulty[index + 2] = column

    spoil(40, "房号", "15a02")  # a room that is no room
    spoil(95, "房号", "1500")  # room numbers do not end in 00
    spoil(130, "楼栋", "A")
    spoil(210, "业主姓名", "")  # a phone and a date but no name
    spoil(288, "入住日期", "2023-13-45")
    spoil(333, "入住日期", "下个月")
    spoil(407, "联系电话", "12ab")
    spoil(512, "联系电话", "12345")
    spoil(600, "面积", -89)
    spoil(677, "面积", "约九十")
    rows[730] = list(rows[729])  # the same line twice
    faulty[732] = "房号"
    rows[888] = [*rows[20][:3], "另一位业主", *rows[888][4:]]  # a room given to two owners
    faulty[890] = "房号"
    return rows, faulty


def write_csv(path: Path, rows: list[list[object]], encoding: str, headers: list[str] = HEADERS) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[int, str]]]:
    folder = tmp_path_factory.mktemp("rosters")
    text_rows, text_faulty = make_roster(as_excel=False)
    excel_rows, excel_faulty = make_roster(as_excel=True)
    return {
        "gbk.csv": (write_csv(folder / "业主名册.csv", text_rows, "gbk"), text_faulty),
        "xlsx": (write_xlsx(folder / "业主名册.xlsx", excel_rows), excel_faulty),
    }


# --- people and counting ---------------------------------------------------------------


def sign_in(db: Database, clock: FakeClock, role: Role = Role.ARCHIVE_CLERK, **kwargs: object) -> Actor:
    admin = accounts.authenticate(db, clock, "admin", ADMIN_PASSWORD)
    name = role.value.replace("_", "")
    accounts.create_user(db, clock, username=name, password=CLERK_PASSWORD, role=role, actor=admin, **kwargs)  # type: ignore[arg-type]
    return accounts.authenticate(db, clock, name, CLERK_PASSWORD)


@pytest.fixture
def clerk(ready_db: Database, clock: FakeClock) -> Actor:
    return sign_in(ready_db, clock)


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Building, Room, Owner, Ownership, OwnerChange)
        }


EMPTY = {"buildings": 0, "rooms": 0, "owners": 0, "ownerships": 0, "owner_changes": 0}


# --- the 1,000-row roster -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["gbk.csv", "xlsx"])
def test_a2_faulty_rows_are_reported_exactly_and_nothing_is_written_until_excluded(
    kind: str, files: dict[str, tuple[Path, dict[int, str]]], ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    path, faulty = files[kind]
    before = counts(ready_db)
    assert before == EMPTY
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert sorted((p.row, p.column) for p in report.problems) == sorted(faulty.items())
    assert not report.written and report.rows_total == ROWS and report.rows_ok == ROWS - len(faulty)
    assert counts(ready_db) == before  # all or nothing: nothing

    report = roster.import_roster(ready_db, clock, clerk, path, exclude_rows=faulty)
    assert report.problems == [] and report.written
    assert report.excluded == sorted(faulty)
    good = ROWS - len(faulty)
    assert (report.new_rooms, report.new_owners, report.new_ownerships, report.new_buildings) == (good, good, good, 12)
    assert counts(ready_db) == {"buildings": 12, "rooms": good, "owners": good, "ownerships": good, "owner_changes": 0}
    with ready_db.session() as s:
        wang = s.scalar(select(Owner).where(Owner.name == "王堃"))
        assert wang is not None and wang.pinyin == "wangkun" and wang.pinyin_initials == "wk"
        assert s.scalar(select(func.max(Building.floors))) == 33

    again = roster.import_roster(ready_db, clock, clerk, path, exclude_rows=faulty)
    assert again.problems == [] and again.changes == []
    assert (again.new_rooms, again.new_owners, again.new_ownerships, again.unchanged) == (0, 0, 0, good)
    assert counts(ready_db) == {"buildings": 12, "rooms": good, "owners": good, "ownerships": good, "owner_changes": 0}


def test_a2_fixed_rows_import_and_a_dry_run_writes_nothing(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    fixed, faulty = make_roster(as_excel=True)
    spare = iter(
        (b, u, f * 100 + r) for b in (13,) for u in (1, 2) for f in range(1, 34) for r in range(1, 5)
    )  # rooms no good row uses
    for number in faulty:
        building, unit, room = next(spare)
        fixed[number - 2] = [building, unit, room, f"业主{number}", 13900000000 + number, "2024-05-01", 99]
    path = write_xlsx(tmp_path / "fixed.xlsx", fixed)
    dry = roster.import_roster(ready_db, clock, clerk, path, dry_run=True)
    assert dry.problems == [] and not dry.written and dry.new_rooms == ROWS and dry.new_buildings == 13
    assert counts(ready_db) == EMPTY
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert report.written and counts(ready_db)["ownerships"] == ROWS


def test_a2_the_cli_prints_the_same_report(
    files: dict[str, tuple[Path, dict[int, str]]],
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, faulty = files["gbk.csv"]
    url = ready_db.url.render_as_string(hide_password=False)
    report = roster.validate(ready_db, clerk, path)
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", CLERK_PASSWORD)
    for lang, env in (("en", "C.UTF-8"), ("zh", "zh_CN.UTF-8")):
        monkeypatch.setenv("LANG", env)
        code = main(["import", "owners", str(path), "--user", "archiveclerk", "--database", url])
        out = capsys.readouterr().out.splitlines()
        assert code == 1
        problem_lines = [line for line in out if line.count("\t") == 3][1:]  # after the header line
        assert problem_lines == [p.line(lang) for p in [*report.problems, *report.notices]]
        assert len(report.problems) == len(faulty)
        assert report.notices  # the buildings the import would create (issue 16)
        assert out[-1] == report.summary(lang)
    assert counts(ready_db) == EMPTY

    excluded = ",".join(str(n) for n in faulty)
    code = main(
        [
            "import",
            "owners",
            str(path),
            "--dry-run",
            "--exclude-rows",
            excluded,
            "--user",
            "archiveclerk",
            "--database",
            url,
        ]
    )
    assert code == 0 and "试运行" in capsys.readouterr().out and counts(ready_db) == EMPTY
    code = main(
        ["import", "owners", str(path), "--exclude-rows", excluded, "--user", "archiveclerk", "--database", url]
    )
    assert code == 0 and "已全部写入" in capsys.readouterr().out
    assert counts(ready_db)["ownerships"] == ROWS - len(faulty)

    code = main(["import", "owners", str(path), "--exclude-rows", "3,x", "--user", "archiveclerk", "--database", url])
    assert code == 1 and "3,17" in capsys.readouterr().err


# --- encodings and files that are not rosters ---------------------------------------------

SMALL = [
    ["3", "2", "1502", "王堃", "13812345678", "2023/10/9", "89.5"],
    ["10", "", "301", "𠮷野家", "0571-8888666", "", ""],
]


@pytest.mark.parametrize(
    ("encoding", "rows"),
    [("utf-8", SMALL), ("utf-8-sig", SMALL), ("gb18030", SMALL), ("gbk", SMALL[:1]), ("utf-16", SMALL)],
)
def test_a2_csv_in_the_encodings_chinese_excel_writes(
    encoding: str, rows: list[list[object]], tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    path = write_csv(tmp_path / "roster.csv", rows, encoding)
    seen = roster.preview(path)
    assert seen.rows[0] == (2, tuple(SMALL[0])) and seen.missing == []
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert report.problems == [] and report.new_ownerships == len(rows)
    with ready_db.session() as s:
        assert set(s.scalars(select(Owner.name))) == {r[3] for r in rows}
        assert set(s.scalars(select(Room.code))) == {"3栋2单元1502", "10栋301"} - (
            {"10栋301"} if len(rows) == 1 else set()
        )


def test_a2_semicolon_and_tab_separated_text_reads_too(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("房屋编号;业主姓名\n3栋1502;王堃\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("房屋编号\t业主姓名\n3栋1502\t王堃\n", encoding="utf-8")
    for name in ("a.csv", "b.txt"):
        assert roster.preview(tmp_path / name).rows == [(2, ("3栋1502", "王堃"))]


def _png(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return path


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    return path


def _garbage(path: Path) -> Path:
    path.write_bytes(random.Random(5).randbytes(4096))
    return path


def _xls(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    return path


def _broken_xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("xl/workbook.xml", "<<<")
    return path


def _text(content: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return make


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("photo.xlsx", _png, "不是可以读取的表格文件"),
        ("archive.xlsx", _zip, "压缩包中没有工作簿"),
        ("broken.xlsx", _broken_xlsx, "不是可以读取的表格文件"),
        ("noise.csv", _garbage, "不是可以读取的表格文件"),
        ("old.xls", _xls, "旧版 .xls"),
        ("bad-encoding.csv", _text(b"\xb7\xbf\xba\xc5,\xff\xfe\x80\n"), "无法识别「bad-encoding.csv」的文字编码"),
        ("empty.csv", _text(b""), "是空的"),
        ("blank.csv", _text(b"\r\n,,,\r\n  \r\n"), "是空的"),
        ("header.csv", _text("楼栋,单元,房号,业主姓名\r\n,,,\r\n".encode("gbk")), "只有表头（第 1 行）"),
        ("missing.csv", _text("楼栋,单元,房号,电话\r\n3,2,1502,13812345678\r\n".encode()), "缺少必需的列：业主姓名"),
        ("no-room.csv", _text("业主姓名,电话\r\n王堃,13812345678\r\n".encode()), "缺少必需的列：楼栋、房号"),
    ],
)
def test_a2_files_that_are_no_roster_are_refused_clearly(
    name: str,
    make: Callable[[Path], Path],
    says: str,
    tmp_path: Path,
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
) -> None:
    path = make(tmp_path / name)
    with pytest.raises(InputProblem) as info:
        roster.import_roster(ready_db, clock, clerk, path)
    assert says in info.value.zh and info.value.en and info.value.where == str(path)
    assert counts(ready_db) == EMPTY


def test_a2_empty_and_header_only_workbooks(tmp_path: Path) -> None:
    with pytest.raises(InputProblem, match="is empty"):
        roster.preview(write_xlsx(tmp_path / "empty.xlsx", [], headers=[]))
    with pytest.raises(InputProblem, match="only a header"):
        roster.preview(write_xlsx(tmp_path / "header.xlsx", [[None, None]]))
    with pytest.raises(InputProblem, match="does not exist"):
        roster.preview(tmp_path / "nowhere.xlsx")


def test_a2_preview_guesses_columns_and_the_header_may_sit_lower(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [[None], ["房号", "户主", "手机"], ["3-2-1502", "王堃", 13812345678]],
        headers=["翠湖苑业主名册"],
    )
    seen = roster.preview(path)
    assert seen.kind == "xlsx" and seen.header_row == 3 and seen.total_rows == 1
    assert dict(seen.mapping.columns) == {Field.ROOM_CODE: 0, Field.OWNER_NAME: 1, Field.PHONE: 2}
    assert seen.rows == [(4, ("3-2-1502", "王堃", "13812345678"))]


def test_a2_the_clerks_column_choice_is_used(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    path = write_csv(tmp_path / "r.csv", [["3", "1502", "王堃", "2023.10.9"]], "gbk", ["楼", "室", "户名", "交房"])
    seen = roster.preview(path)
    assert seen.mapping.missing() == [Field.OWNER_NAME, Field.BUILDING, Field.ROOM]
    with pytest.raises(InputProblem, match="Required column"):
        roster.validate(ready_db, clerk, path)
    mapping = (
        seen.mapping.with_column(Field.BUILDING, 0)
        .with_column(Field.ROOM, 1)
        .with_column(Field.OWNER_NAME, 2)
        .with_column(Field.MOVE_IN, 3)
    )
    report = roster.import_roster(ready_db, clock, clerk, path, mapping)
    assert report.written and report.new_ownerships == 1
    with ready_db.session() as s:
        assert s.scalars(select(Ownership.move_in_date)).one() == date(2023, 10, 9)
        assert s.scalars(select(Room.code)).one() == "3栋1502"


def test_a2_a_title_row_above_the_header_keeps_excel_row_numbers(tmp_path: Path) -> None:
    content = "翠湖苑业主名册（2024年）,,\r\n,,\r\n房屋编号,业主姓名,电话\r\n3-2-1502,王堃,12ab\r\n"
    path = tmp_path / "r.csv"
    path.write_bytes(content.encode("gb18030"))
    seen = roster.preview(path)
    assert seen.header_row == 3 and seen.rows == [(4, ("3-2-1502", "王堃", "12ab"))]


# --- the archive as it is -------------------------------------------------------------------


def _seed(db: Database, clock: FakeClock) -> None:
    with db.session() as s:
        building = estate.ensure_building(s, 3, 18)
        room = estate.add_room(s, building, 2, 1502, area_m2=89.5)
        owner = estate.add_owner(s, clock, "王堃", "13812345678")
        estate.add_ownership(s, room, owner, date(2020, 5, 1), date(2020, 5, 1))


def test_a13_a_changed_phone_goes_into_the_owners_history(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _seed(ready_db, clock)
    path = write_csv(tmp_path / "r.csv", [["3", "2", "1502", "王 堃", "13999999999", "2020-05-01", "89.50"]], "utf-8")
    planned = roster.validate(ready_db, clerk, path)
    assert [(c.field, c.old, c.new) for c in planned.changes] == [(Field.PHONE, "13812345678", "13999999999")]
    assert counts(ready_db)["owner_changes"] == 0
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert report.written and report.new_ownerships == 0 and len(report.changes) == 1
    with ready_db.session() as s:
        change = s.scalars(select(OwnerChange)).one()
        assert (change.field, change.old_value, change.new_value, change.source) == (
            "phone",
            "13812345678",
            "13999999999",
            "import",
        )
        assert change.changed_by == clerk.user_id
    assert roster.import_roster(ready_db, clock, clerk, path).changes == []
    assert counts(ready_db)["owner_changes"] == 1


def test_a2_move_in_and_area_changes_are_planned_and_written(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _seed(ready_db, clock)
    path = write_csv(tmp_path / "r.csv", [["3", "2", "1502", "王堃", "", "2020年6月1日", "90"]], "utf-8")
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert {(c.field, c.old, c.new) for c in report.changes} == {
        (Field.MOVE_IN, "2020-05-01", "2020-06-01"),
        (Field.AREA, "89.50", "90.00"),
    }
    assert roster.import_roster(ready_db, clock, clerk, path).changes == []


def test_a13_another_owner_for_an_owned_room_is_a_transfer_not_an_import(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _seed(ready_db, clock)
    path = write_csv(
        tmp_path / "r.csv", [["3", "2", "1502", "李喆", "", "", ""], ["3", "", "101", "张三", "", "", ""]], "utf-8"
    )
    report = roster.import_roster(ready_db, clock, clerk, path)
    assert [(p.row, p.column, p.value) for p in report.problems] == [(2, "业主姓名", "李喆")]
    assert "王堃" in report.problems[0].message_zh and "过户" in report.problems[0].message_zh
    assert counts(ready_db)["owners"] == 1
    assert roster.import_roster(ready_db, clock, clerk, path, exclude_rows=[2]).new_owners == 1


def test_a2_one_owner_with_two_rooms_is_one_owner(
    tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    headers = [*HEADERS, "身份证号"]
    rows = [
        ["5", "1", "101", "赵敏", "13800000001", "", "", "110101199001011234"],
        ["5", "1", "102", "赵敏", "", "", "", "110101199001011234"],
        ["5", "1", "103", "赵敏", "", "", "", ""],
        ["5", "1", "104", "赵敏", "13800000009", "", "", "110101199001011234"],
    ]
    path = write_csv(tmp_path / "r.csv", rows, "utf-8", headers)
    report = roster.validate(ready_db, clerk, path)
    assert [(p.row, p.column) for p in report.problems] == [(5, "联系电话")]
    report = roster.import_roster(ready_db, clock, clerk, path, exclude_rows=[5])
    assert (report.new_owners, report.new_ownerships) == (2, 3)


def test_a2_excluding_a_row_that_is_not_there_is_a_problem(
    files: dict[str, tuple[Path, dict[int, str]]], ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    path, faulty = files["xlsx"]
    report = roster.import_roster(ready_db, clock, clerk, path, exclude_rows=[*faulty, 1, 5000])
    assert [(p.row, p.column) for p in report.problems] == [(1, ""), (5000, "")]
    assert counts(ready_db) == EMPTY


def test_a2_progress_is_reported_and_cancel_leaves_nothing(
    files: dict[str, tuple[Path, dict[int, str]]], ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    path, faulty = files["gbk.csv"]
    seen: list[tuple[int, int]] = []
    roster.import_roster(
        ready_db, clock, clerk, path, exclude_rows=faulty, dry_run=True, progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (2 * ROWS, 2 * ROWS) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    asked = 0

    def cancel_while_writing() -> bool:
        nonlocal asked
        asked += 1
        return asked > ROWS + 500

    with pytest.raises(roster.ImportCancelled) as info:
        roster.import_roster(ready_db, clock, clerk, path, exclude_rows=faulty, cancelled=cancel_while_writing)
    assert "nothing was written" in info.value.en
    assert counts(ready_db) == EMPTY


def test_a2_only_the_archive_clerk_and_the_administrator_import(
    tmp_path: Path, ready_db: Database, clock: FakeClock
) -> None:
    path = write_csv(tmp_path / "r.csv", SMALL, "utf-8")
    receptionist = sign_in(ready_db, clock, Role.RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        roster.import_roster(ready_db, clock, receptionist, path)
    with pytest.raises(PermissionDenied):
        roster.validate(ready_db, receptionist, path)
    with pytest.raises(PermissionDenied):
        roster.export_roster(ready_db, receptionist, tmp_path / "out.xlsx")
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    assert roster.import_roster(ready_db, clock, admin, path).written


def test_a11_exporting_owner_files_needs_top_secret_clearance(
    tmp_path: Path, ready_db: Database, clock: FakeClock
) -> None:
    clerk = sign_in(ready_db, clock, Role.ARCHIVE_CLERK, clearance=Grade.CONFIDENTIAL)
    with pytest.raises(PermissionDenied) as info:
        roster.export_roster(ready_db, clerk, tmp_path / "out.xlsx")
    assert info.value.rule == "A11"
    assert not (tmp_path / "out.xlsx").exists()


# --- export --------------------------------------------------------------------------------


def test_a2_export_is_in_natural_order_and_imports_back_unchanged(
    files: dict[str, tuple[Path, dict[int, str]]], tmp_path: Path, ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    path, faulty = files["xlsx"]
    roster.import_roster(ready_db, clock, clerk, path, exclude_rows=faulty)
    with ready_db.session() as s:  # a room with nobody in it is exported too
        estate.add_room(s, estate.ensure_building(s, 2, 6), None, 601, area_m2=60)
    out = tmp_path / "导出" / "业主名册.xlsx"
    assert roster.export_roster(ready_db, clerk, out) == ROWS - len(faulty) + 1
    sheet = load_workbook(out, read_only=True).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [h for _, h in EXPORT_HEADERS]
    keys = [room_sort_key(RoomCode.of(int(b), u, int(r))) for b, u, r, *_ in values[1:]]  # type: ignore[arg-type]
    assert keys == sorted(keys)
    buildings = [b for b, *_ in values[1:]]
    assert buildings.index(2) < buildings.index(10)
    assert values[-1][0] == 12
    before = counts(ready_db)
    report = roster.import_roster(ready_db, clock, clerk, out)
    assert report.problems == [] and report.changes == []
    assert (report.new_rooms, report.new_owners, report.new_ownerships) == (0, 0, 0)
    assert report.unchanged == ROWS - len(faulty) + 1
    assert counts(ready_db) == before


def test_a2_the_demo_estate_exports_and_imports_back_unchanged(
    demo_db: Database,
    clock: FakeClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from estate_desk.services.demo.estate import DEMO_PASSWORD

    url = demo_db.url.render_as_string(hide_password=False)
    out = tmp_path / "demo.xlsx"
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    assert main(["export", "owners", str(out), "--user", "admin", "--database", url]) == 0
    assert "Exported" in capsys.readouterr().out
    before = counts(demo_db)
    assert main(["import", "owners", str(out), "--user", "admin", "--database", url]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert "changes 0" in summary and "new rooms 0" in summary and "new owners 0" in summary
    assert counts(demo_db) == before
