"""A batch's scan cover sheets (扫描分隔页) as one A4 PDF: a sheet per record, then the end-of-batch sheet.

Each sheet's barcode is the record's cover-sheet code (the estate's 全宗号 and the 档号,
``domain/digitise/cover_codes.py``), which the scan inbox (``services/digitise/inbox.py``) reads back.
Printing is archive work and is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise import cover_codes
from estate_desk.domain.errors import InputProblem
from estate_desk.printing.fonts import register_fonts
from estate_desk.printing.scan_sheets import CoverSheet, EndSheet, render_cover_sheets
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.digitise.batches import batch_view, require_keeper
from estate_desk.store.accounts import Office

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def fonds_code(db: Database) -> str:
    """The estate's 全宗号, which every cover sheet carries."""
    with db.session() as s:
        code = s.scalar(select(Office.fonds_code).order_by(Office.id).limit(1))
    if code is None:
        raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
    return code


def print_cover_sheets(db: Database, actor: Actor, batch_id: int, out: Path) -> int:
    """Write the cover sheets of a batch's records (those the actor may see) and its end sheet to ``out``;
    returns the number of pages."""
    require_keeper(actor, "打印扫描分隔页", "print scan cover sheets")
    view = batch_view(db, actor, batch_id)
    fonds = fonds_code(db)
    code = view.summary.code
    total = len(view.records)
    sheets = [
        CoverSheet(cover_codes.record_code(fonds, r.archive_no), r.archive_no, r.title, r.pages, code, seq, total)
        for seq, r in enumerate(view.records, start=1)
    ]
    end = EndSheet(cover_codes.end_code(fonds, code), code, total)
    pages = render_cover_sheets(sheets, end, out, register_fonts())
    audit.record_apart(db, actor, AuditAction.PRINT, Target("digitise", batch_id, code), detail={"cover_sheets": total})
    return pages
