"""Exporting a list as the window shows it to ``.xlsx`` (导出为 Excel, A11): every list, the same rights.

The window hands over the list's name, its visible columns in the order shown and every row in the
order shown. Like every other export (the printouts' ``.xlsx``, the owner roster), it passes the
export rights of the reader's role for the list's grade (A6, A11: the most secret record in it;
owner files 绝密, A12), a classified list asks for a reason where the office wants one, and the
export is recorded in the audit trail (the file is removed if the record can't be written).
The sheet opens with a title row (the list, who exported it and when), then the bold, frozen header.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ, SystemClock
from estate_desk.domain.errors import InputProblem
from estate_desk.domain.secrecy.grades import Grade, is_classified
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.secrecy.print_rights import reason_required, record_output, require_output
from estate_desk.services.spreadsheets import append_as_data, save_workbook

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

REASON = "reason"  # the ``where`` of the refusal that asks why a classified list is exported
WIDTH_CAP = 60  # characters: a long title column stays readable without filling the screen
SHEET_TITLE_LIMIT = 31  # what Excel allows a sheet's name
CHUNK = 500  # ids per query: below every database's limit on bound parameters


def list_grade(grades: Iterable[Grade | None], at_least: Grade = Grade.INTERNAL) -> Grade:
    """The grade of a list: its most secret record, and never below ``at_least`` (owner files: 绝密)."""
    return max([at_least, *(g for g in grades if g is not None)], key=int)


def documents_grade(db: Database, document_ids: Iterable[int]) -> Grade:
    """The grade of a list of records whose rows don't carry it (the review list, a batch's items, the holds):
    that of the most secret of them."""
    from sqlalchemy import func, select

    from estate_desk.store.archive import Document

    ids = list(dict.fromkeys(document_ids))
    found: list[Grade] = []
    with db.session() as s:
        for start in range(0, len(ids), CHUNK):
            level = s.scalar(select(func.max(Document.secrecy)).where(Document.id.in_(ids[start : start + CHUNK])))
            if level is not None:
                found.append(Grade(level))
    return list_grade(found)


def export_list(
    db: Database,
    actor: Actor,
    clock: Clock | None,
    title_zh: str,
    title_en: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    grade: Grade,
    out: Path,
    *,
    reason: str = "",
) -> int:
    """Write one list to ``out`` (.xlsx) if the reader may export it; returns the rows written."""
    what = Target("list", None, title_zh, int(grade))
    require_output(db, actor, Output.EXPORT, grade, what, title_zh, title_en)
    if is_classified(grade) and not reason.strip() and reason_required(db):
        raise audit.refused(
            db,
            actor,
            InputProblem(
                zh=f"{title_zh}含涉密档案（{grade.label()}），请说明导出原因。",
                en=f"The {title_en.lower()} holds classified records ({grade.label('en')}); say why you export it.",
                rule="A11",
                where=REASON,
            ),
            what,
        )
    if out.suffix.lower() != ".xlsx":
        raise InputProblem(zh="列表导出为 .xlsx 文件", en="A list is exported as an .xlsx file", where=str(out))
    now = (clock or SystemClock()).now().astimezone(CHINA_TZ)
    written = _write(out, title_zh, headers, rows, f"{actor.display_name or actor.username} {now:%Y-%m-%d %H:%M}")
    record_output(
        db, actor, Output.EXPORT, what, out, {"rows": written, "columns": len(headers)}, reason=reason, clock=clock
    )
    log.info("%s exported the list %s (%d rows, %s) to %s", actor.username, title_en, written, grade.name, out)
    return written


def _write(out: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]], by: str) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _sheet_title(title)
    append_as_data(sheet, [title, f"导出：{by}"])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    header_row = append_as_data(sheet, list(headers))
    for column in range(1, len(headers) + 1):
        sheet.cell(row=header_row, column=column).font = Font(bold=True)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    widths = [_width(h) for h in headers]
    count = 0
    for row in rows:
        values = [_plain(v) for v in row]
        written = append_as_data(sheet, values)
        for n, value in enumerate(values):
            if isinstance(value, (date, datetime)):
                sheet.cell(row=written, column=n + 1).number_format = (
                    "yyyy-mm-dd hh:mm" if isinstance(value, datetime) else "yyyy-mm-dd"
                )
            if n < len(widths) and count < 200:  # the first rows say how wide a column wants to be
                widths[n] = max(widths[n], _width(value))
        count += 1
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = min(max(width, 8), WIDTH_CAP)
    save_workbook(book, out)
    return count


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(CHINA_TZ).replace(tzinfo=None) if value.tzinfo else value
    if value is None or isinstance(value, (str, int, float, date)):
        return value
    return str(value)


def _width(value: object) -> int:
    """Characters of column width a cell needs: a Chinese character takes two."""
    text = "" if value is None else str(value)
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text) + 2


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return (cleaned or "list")[:SHEET_TITLE_LIMIT]
