"""The borrowing register (借阅登记簿) and the recall notice (催还单), printed as tables (A12).

The register has exactly the columns 借阅人, 部门, 联系方式, 借阅日期, 档号, 档案名称, 密级, 借阅事由,
审批人, 借阅期限, 实际归还日期, 是否完好, 备注 on landscape A4; a recall notice lists what a borrower
still has out, with the days overdue, under a short letter. Both are laid out by
``catalogues.catalogue_pdf`` (header repeated, rows never split, page x of y, who printed a
confidential one). Lines come from services; no database here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.printing.catalogues import CatalogueKind
from estate_desk.printing.tables import Column, TableRow

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

LOAN_REGISTER = CatalogueKind(
    "loans",
    "借阅登记簿",
    "Loan register",
    (
        Column("借阅人", 7),
        Column("部门", 8),
        Column("联系方式", 8),
        Column("借阅日期", 8.5, "center"),
        Column("档号", 19),
        Column("档案名称", 15),
        Column("密级", 4.5, "center"),
        Column("借阅事由", 10),
        Column("审批人", 7),
        Column("借阅期限", 8.5, "center"),
        Column("实际归还日期", 8.5, "center"),
        Column("是否完好", 5.5, "center"),
        Column("备注", 11, max_chars=200),
    ),
    landscape=True,
)
RECALL_NOTICE = CatalogueKind(
    "recall",
    "催还单",
    "Recall notice",
    (
        Column("序号", 5, "center"),
        Column("档号", 24),
        Column("档案名称", 30),
        Column("借阅日期", 12, "center"),
        Column("应还日期", 12, "center"),
        Column("逾期天数", 9, "center"),
    ),
)


@dataclass(frozen=True)
class LoanRegisterLine:
    """One line of the register: one document lent (or one copy made) on a request."""

    borrower: str
    department: str
    contact: str
    lent_on: date
    archive_no: str
    title: str
    secrecy: str  # the grade as printed
    purpose: str
    approvers: str
    due_on: date | None  # 借阅期限: the due date (none for a copy)
    returned_on: date | None
    intact: bool | None  # None while out (or for a copy)
    remarks: str = ""


@dataclass(frozen=True)
class RecallLine:
    archive_no: str
    title: str
    lent_on: date
    due_on: date
    overdue_days: int


def intact_text(intact: bool | None) -> str:
    return "" if intact is None else ("是" if intact else "否")


def loan_register_rows(lines: Sequence[LoanRegisterLine]) -> list[TableRow]:
    return [
        TableRow(
            (
                line.borrower,
                line.department,
                line.contact,
                line.lent_on,
                line.archive_no,
                line.title,
                line.secrecy,
                line.purpose,
                line.approvers,
                line.due_on,
                line.returned_on,
                intact_text(line.intact),
                line.remarks,
            ),
            where=f"第 {n} 行（{line.archive_no}）",
        )
        for n, line in enumerate(lines, start=1)
    ]


def recall_rows(lines: Sequence[RecallLine]) -> list[TableRow]:
    return [
        TableRow(
            (n, line.archive_no, line.title, line.lent_on, line.due_on, line.overdue_days or ""),
            where=f"第 {n} 行（{line.archive_no}）",
        )
        for n, line in enumerate(lines, start=1)
    ]


def recall_letter(borrower: str, number: str, office: str, today: date) -> tuple[str, ...]:
    """The letter printed under a recall notice's table."""
    return (
        f"{borrower}：",
        f"您按借阅申请 {number} 借阅的上列档案已到期（或即将到期），请于收到本通知后尽快归还档案室；"
        "如需继续使用，请办理续借手续。",
        f"{office} 档案室    {today:%Y年%m月%d日}",
    )
