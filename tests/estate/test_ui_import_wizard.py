"""The roster import wizard in the window (A2): preview, columns, the report, exclusion, all-or-nothing import."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from estate_desk.domain.estate.roster import Field, Notice
from estate_desk.store.estate import Owner, Ownership, Room
from estate_desk.ui.estate.import_wizard import ImportWizard, RosterActions
from estate_desk.ui.qt import Qt, QWidget, QWizard

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui

HEADERS = ["楼栋", "单元", "房号", "业主姓名", "联系电话", "入住日期", "面积"]
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静强磊洋堃喆"
ROWS = 30
FAULTY = {7: "房号", 19: "入住日期"}  # sheet row → the column that is wrong


def roster_rows() -> list[list[str]]:
    rows = []
    for n in range(ROWS):
        building, floor, room = 1 + n % 3, 2 + n // 3, 1 + n % 4
        rows.append(
            [
                str(building),
                "1",
                f"{floor}{room:02d}",
                SURNAMES[n % 10] + GIVEN[(n * 3) % 10],
                f"138{n:08d}",
                f"2019年{1 + n % 12}月{1 + n % 28}日",
                "98.5",
            ]
        )
    rows[7 - 2][2] = "15a02"  # a room that is no room
    rows[19 - 2][5] = "2023-13-45"  # no such date
    return rows


def write_csv(path: Path, rows: list[list[str]], headers: list[str] = HEADERS, encoding: str = "gbk") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0 for m in (Room, Owner, Ownership))  # type: ignore[return-value]


@pytest.fixture
def wizard(app, qtbot, ready_db: Database, clock: FakeClock, clerk: Actor) -> Iterator[ImportWizard]:  # type: ignore[no-untyped-def]
    w = ImportWizard(ready_db, clock, clerk)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.reject()  # stops its worker thread


def choose_file(wizard: ImportWizard, path: Path) -> bool:
    wizard.file_page.path.setText(str(path))
    wizard.next()
    return wizard.currentId() == ImportWizard.MAPPING


def wait_checked(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not wizard.check_page.running and not wizard.runner.busy, timeout=10000)


def report_rows(wizard: ImportWizard) -> list[tuple[int, str, bool]]:
    """The problems the report table shows (row, column, excluded)."""
    model = wizard.check_page.model
    return [(p.row, p.column, excluded) for p, excluded in model.rows() if not isinstance(p, Notice)]


def notice_rows(wizard: ImportWizard) -> list[tuple[int, str]]:
    """The notices the report table shows beside the problems, which block nothing: (row, what)."""
    model = wizard.check_page.model
    return [(p.row, p.message("zh")) for p, _ in model.rows() if isinstance(p, Notice)]


def test_a2_gbk_csv_shows_exactly_the_faulty_rows_and_imports_only_once_they_are_excluded(  # type: ignore[no-untyped-def]
    wizard: ImportWizard, qtbot, ready_db: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "业主名册.csv", roster_rows())
    assert choose_file(wizard, path)
    page = wizard.mapping_page
    assert page.combos[Field.OWNER_NAME].currentText() == "D: 业主姓名"
    assert page.combos[Field.MOVE_IN].currentText() == "F: 入住日期"
    assert page.combos[Field.ID_NUMBER].currentText() == "— 不在文件中 —"
    assert "GB" in page.about.text() and page.model is not None and page.model.rowCount() == 20
    assert page.model.index(0, 4).data() == "王伟"  # read as GBK: Chinese, not mojibake
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK
    wait_checked(qtbot, wizard)
    check = wizard.check_page
    assert sorted((row, column) for row, column, _ in report_rows(wizard)) == sorted(FAULTY.items())
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "导入" and not commit.isEnabled()
    assert "2 个问题" in check.summary.text() and "未写入" in check.summary.text()
    assert counts(ready_db) == (0, 0, 0)  # the check writes nothing
    assert check.exclude.isEnabled() and check.exclude.text() == "排除有问题的 2 行"
    assert wizard.grab().save("/tmp/estate-import-report.png")

    check.exclude.setChecked(True)
    wait_checked(qtbot, wizard)
    assert report_rows(wizard) == [(7, "房号", True), (19, "入住日期", True)]  # still shown, marked excluded
    # the buildings the import creates are listed before committing (issue 16), and block nothing
    assert [(row, "新建楼栋" in text) for row, text in notice_rows(wizard)] == [(2, True), (3, True), (4, True)]
    assert [text.split("「")[1].split("」")[0] for _, text in notice_rows(wizard)] == ["1栋", "2栋", "3栋"]
    assert wizard.excluded == (7, 19) and commit.isEnabled()
    assert counts(ready_db) == (0, 0, 0)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as done:
        qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report.written and report.excluded == [7, 19]
    qtbot.waitUntil(lambda: wizard.import_page.isComplete(), timeout=5000)
    good = ROWS - len(FAULTY)
    assert counts(ready_db) == (good, good, good)
    assert wizard.import_page.counts["new_rooms"].text() == str(good)
    assert wizard.import_page.counts["new_owners"].text() == str(good)
    assert wizard.import_page.counts["unchanged"].text() == "0"
    assert "已全部写入" in wizard.import_page.summary.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a2_the_report_and_preview_models_are_sound(wizard: ImportWizard, qtbot, qtmodeltester, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert choose_file(wizard, write_csv(tmp_path / "r.csv", roster_rows()))
    qtmodeltester.check(wizard.mapping_page.model)
    wizard.next()
    wait_checked(qtbot, wizard)
    qtmodeltester.check(wizard.check_page.model)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("相片.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "不是可以读取的表格文件"),
        ("empty.csv", b"", "空"),
        ("missing.csv", "楼栋,单元,房号,电话\r\n3,2,1502,13812345678\r\n".encode("gbk"), "缺少必需的列：业主姓名"),
    ],
)
def test_a2_a_bad_file_is_refused_clearly_on_the_first_page(  # type: ignore[no-untyped-def]
    wizard: ImportWizard, ready_db: Database, tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(ready_db)
    assert not choose_file(wizard, path)
    assert wizard.currentId() == ImportWizard.FILE
    message = wizard.file_page.message
    assert message.isVisible() and says in message.text()
    assert "Traceback" not in message.text()
    assert counts(ready_db) == before


def test_a2_a_png_renamed_xlsx_says_so_in_english_too(wizard: ImportWizard, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.ui import i18n

    monkeypatch.setattr(i18n, "_current", "en")
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    assert not choose_file(wizard, path)
    assert "'photo.xlsx' is not a spreadsheet that can be read" in wizard.file_page.message.text()


def test_a2_the_clerks_column_choices_are_remembered(  # type: ignore[no-untyped-def]
    wizard: ImportWizard, app, qtbot, ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", [["3", "1502", "王堃", "2023.10.9"]], ["楼", "室", "户名", "交房"])
    assert choose_file(wizard, path)  # the columns could hold what is missing: on to the choice
    page = wizard.mapping_page
    assert not page.isComplete() and "缺少必需的列" in page.message.text()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    page.choose(Field.BUILDING, 0)
    page.choose(Field.ROOM, 1)
    page.choose(Field.OWNER_NAME, 2)
    page.choose(Field.MOVE_IN, 3)
    assert page.isComplete() and next_button.isEnabled() and not page.message.isVisible()
    wizard.next()
    wait_checked(qtbot, wizard)
    assert wizard.report is not None and wizard.report.problems == []

    again = ImportWizard(ready_db, clock, clerk)
    qtbot.addWidget(again)
    again.show()
    try:
        assert choose_file(again, path)
        assert again.mapping is not None
        assert dict(again.mapping.columns) == {Field.BUILDING: 0, Field.ROOM: 1, Field.OWNER_NAME: 2, Field.MOVE_IN: 3}
        assert again.mapping_page.isComplete()
    finally:
        again.reject()


def test_a2_cancelling_the_check_writes_nothing_and_it_can_run_again(  # type: ignore[no-untyped-def]
    wizard: ImportWizard, qtbot, ready_db: Database, tmp_path: Path
) -> None:
    assert choose_file(wizard, write_csv(tmp_path / "r.csv", roster_rows()))
    wizard.next()
    wizard.check_page.cancel()
    assert not wizard.check_page.running and "已取消" in wizard.check_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    qtbot.waitUntil(lambda: not wizard.runner.busy, timeout=10000)
    assert wizard.check_page.again_button.isEnabled()
    qtbot.mouseClick(wizard.check_page.again_button, Qt.MouseButton.LeftButton)
    wait_checked(qtbot, wizard)
    assert len(report_rows(wizard)) == 2
    assert counts(ready_db) == (0, 0, 0)


def test_a2_export_roster_writes_the_demo_estate(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock, demo_clerk: Actor, tmp_path: Path
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    actions = RosterActions(demo_db, clock, demo_clerk, host)
    assert actions.import_action.text() == "导入业主名册…" and actions.export_action.text() == "导出业主名册…"
    target = tmp_path / "名册.xlsx"
    with qtbot.waitSignal(actions.status, timeout=2000) as said:
        rows = actions.export_to(target)
    assert rows > 200 and str(rows) in said.args[0]
    sheet = load_workbook(target, read_only=True).active
    assert sheet is not None and next(sheet.iter_rows(values_only=True))[:4] == ("楼栋", "单元", "房号", "业主姓名")
