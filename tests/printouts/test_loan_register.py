"""The printed loan register (借阅登记簿) and the recall notice (催还单), A11, A12."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import pdfplumber
import pytest
from sqlalchemy import func, select

from database_support import ADMIN_PASSWORD
from estate_desk.cli.__main__ import main
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.loans.desk import ReturnCheck, check_in
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.kinds import Selection
from estate_desk.store.audit import AuditEvent
from estate_desk.store.loans import LoanRecall
from loan_support import Archive, make_archive, raises_zh

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

COLUMNS = [
    "借阅人", "部门", "联系方式", "借阅日期", "档号", "档案名称", "密级",
    "借阅事由", "审批人", "借阅期限", "实际归还日期", "是否完好", "备注",
]  # fmt: skip


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    made = make_archive(ready_db, clock)
    a, b = made.by_grade[Grade.INTERNAL], made.by_grade[Grade.SECRET]
    [line] = made.lend(made.approved(a), a)
    made.clock.advance(days=2)
    made.lend(made.approved(b, borrower=made.office2), b)
    check_in(made.db, made.clock, made.clerk, [ReturnCheck(line.loan_id or 0, 11)])
    return made


def _tables(path: Path) -> list[list[list[str]]]:
    with pdfplumber.open(path) as pdf:
        return [[[re.sub(r"\s+", "", c or "") for c in row] for row in page.extract_tables()[0]] for page in pdf.pages]


def _text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_a12_the_register_has_exactly_its_columns_and_one_line_per_loan(archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "loans.pdf"
    result = printouts.printout("loans").render(archive.db, archive.clock, archive.clerk, Selection(), out)
    assert result.items == 2 and result.pages == 1
    [page] = _tables(out)
    assert page[0] == COLUMNS
    first, second = page[1], page[2]
    assert first[0] == "staff" and first[3] == "2026-11-23" and first[6] == "内部"
    assert first[9] == "2026-11-30" and first[10] == "2026-11-25" and first[11] == "是"
    assert "页数不符" in first[12] and "借出12页，归还11页" in first[12]
    assert second[0] == "office2" and second[6] == "秘密" and second[8] == "supervisor"
    assert second[10] == "" and second[11] == ""
    text = _text(out)
    assert "借阅登记簿" in text and "打印人 clerk" in text  # a classified line: who printed it (A11)


def test_a12_the_register_by_borrower_period_or_record(archive: Archive, tmp_path: Path) -> None:
    def rows(**options: str) -> list[str]:
        out = tmp_path / "x.pdf"
        printouts.printout("loans").render(archive.db, archive.clock, archive.clerk, Selection(options=options), out)
        return [row[4] for row in _tables(out)[0][1:]]

    a, b = archive.by_grade[Grade.INTERNAL], archive.by_grade[Grade.SECRET]
    assert rows(borrower="office2") == [b]
    assert rows(**{"from": "2026-11-24"}) == [b]
    assert rows(to="2026-11-23") == [a]
    assert rows(record=a) == [a]
    with raises_zh(InputProblem, "YYYY-MM-DD"):
        rows(**{"from": "yesterday"})
    with raises_zh(InputProblem, "没有这些选项"):
        rows(colour="red")


def test_a12_estate_desk_print_loans_on_the_command_line(
    archive: Archive,
    database_url: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "cli.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
    url = archive.db.engine.url.render_as_string(hide_password=False)
    code = main(["--database", url, "print", "loans", "--option", "borrower=staff", "-o", str(out), "--user", "admin"])
    assert code == 0, capsys.readouterr()
    assert _tables(out)[0][0] == COLUMNS and len(_tables(out)[0]) == 2


def test_a12_a_recall_notice_is_printed_and_recorded(archive: Archive, tmp_path: Path) -> None:
    request = next(line for line in printouts_ledger(archive) if line.out)
    out = tmp_path / "recall.pdf"
    printouts.printout("recall").render(
        archive.db, archive.clock, archive.clerk, Selection(options={"request": request.request_number}), out
    )
    text = _text(out)
    assert "催还单" in text and request.archive_no in text and "请于收到本通知后尽快归还" in text
    with archive.db.session() as s:
        assert s.scalar(select(func.count()).select_from(LoanRecall)) == 1
        assert s.scalar(select(func.count()).where(AuditEvent.action == "print")) == 1
    with raises_zh(RuleViolation, "无需催还"):
        returned = next(line for line in printouts_ledger(archive) if not line.out)
        printouts.printout("recall").render(
            archive.db, archive.clock, archive.clerk, Selection(options={"request": returned.request_number}), out
        )


def printouts_ledger(archive: Archive):  # type: ignore[no-untyped-def]
    from estate_desk.services.loans import ledger as loan_ledger

    return loan_ledger.ledger(archive.db, archive.clock, archive.clerk)
