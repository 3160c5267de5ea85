"""Printing catalogues, the register book and box notes (编制目录、登记造册、备考表, A7, A9, A11, A16).

Registers five printouts with :mod:`estate_desk.services.printouts.registry`, so the window's Printing
section and ``estate-desk print KEY …`` offer them with the same selections:

================== ================================ =========================================
key                document                         selections (scopes)
================== ================================ =========================================
owner-catalogue    业主档案目录 (A9)                 boxes, a cabinet, a building, everything
catalogue          归档文件目录, with its cover       boxes, a cabinet, a category, a year, a volume
volume-catalogue   案卷目录                          boxes, a cabinet, a category, a year, everything
register           登记簿 (A7)                       a category, a year, everything
box-notes          备考表, one page per box          boxes, a cabinet
================== ================================ =========================================

The four tables also export to ``.xlsx`` with the same columns in the same order. Only what the
reader's clearance allows is listed (A6). A document holding confidential items carries who
printed it and when in the footer of every page (A11), the time from the injected clock.
Option ``font=simhei`` prints with SimHei where it is installed. Jobs report progress per row
and can be cancelled (:class:`PrintCancelled`); a cancelled or failed job leaves no file.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem
from estate_desk.printing import fonts
from estate_desk.printing.box_notes import box_notes_pdf
from estate_desk.printing.catalogues import ITEM_CATALOGUE, OWNER_CATALOGUE, REGISTER, VOLUME_CATALOGUE, catalogue_pdf
from estate_desk.printing.pages import PrintCancelled, PrintedBy, cannot_write, temp_beside
from estate_desk.printing.tables import VOID_MARK, cell_text
from estate_desk.services.printouts import box_notes as box_notes_data
from estate_desk.services.printouts import catalogue_data
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.kinds import Printout, PrintResult, Render, Scope
from estate_desk.services.printouts.scope import check_scopes
from estate_desk.services.spreadsheets import append_as_data

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.printing.catalogues import Catalogue, CatalogueKind
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Progress, Selection
    from estate_desk.store.database import Database

    Source = Callable[[Database, Actor, Selection], Catalogue]

__all__ = ["PrintCancelled", "write_catalogue_xlsx"]

OPTIONS = ("font",)


def _font_set(selection: Selection) -> fonts.FontSet:
    unknown = sorted(set(selection.options) - set(OPTIONS))
    if unknown:
        raise InputProblem(
            zh=f"目录没有这些选项：{'、'.join(unknown)}（可用：font）",
            en=f"Catalogues have no option {', '.join(unknown)} (choose from: font)",
        )
    font = selection.options.get("font", "noto").strip().lower()
    if font not in ("noto", "simhei", "黑体"):
        raise InputProblem(zh=f"字体只能是 noto 或 simhei：{font}", en=f"The font is noto or simhei: {font}")
    return fonts.register_fonts(prefer_simhei=font != "noto")


def printed_by(clock: Clock, actor: Actor) -> PrintedBy:
    """Who prints, and when (A11): the reader's name and the clock's time in China."""
    return PrintedBy(actor.display_name or actor.username, clock.now().astimezone(CHINA_TZ))


def _not_cancelled(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise PrintCancelled()


# --------------------------------------------------------------------------- spreadsheets


def write_catalogue_xlsx(
    catalogue: Catalogue,
    out: Path,
    *,
    printed_by: PrintedBy | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write a catalogue as one sheet: the same columns in the same order as the PDF, header on row 1.

    Void rows say 作废 in 备注 and are struck through (A16). When printed from Excel the header row
    repeats on every page, and a confidential catalogue carries who/when in the page footer (A11).
    Written to a temporary file and moved into place: a cancelled job leaves no file. Returns rows.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    kind = catalogue.kind
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = kind.title
    sheet.append(list(kind.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        cell.fill = PatternFill("solid", fgColor="E6E6E6")
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape" if kind.landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.oddHeader.center.text = f"{catalogue.office} {kind.title}（{catalogue.scope}）"
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
    if catalogue.confidential and printed_by is not None:
        sheet.oddFooter.left.text = printed_by.text()
    remarks = kind.headers.index("备注")
    total = len(catalogue.rows)
    for number, row in enumerate(catalogue.rows, start=1):
        _not_cancelled(cancelled)
        values: list[object] = []
        for value in row.values:
            if isinstance(value, datetime):
                values.append(value.replace(tzinfo=None))
            elif isinstance(value, str):
                values.append(ILLEGAL_CHARACTERS_RE.sub("", value))
            else:
                values.append(value)
        if row.void:
            values[remarks] = f"{VOID_MARK} {cell_text(row.values[remarks])}".strip()
        written = append_as_data(sheet, values)
        for cell in (sheet.cell(row=written, column=n) for n in range(1, len(values) + 1)):
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            if row.void:
                cell.font = Font(strike=True, color="707070")
        if row.void:
            sheet.cell(row=written, column=remarks + 1).font = Font(bold=True, color="C00000")
        if progress is not None:
            progress(number, total)
    scale = 110 / sum(c.weight for c in kind.columns)
    for index, column in enumerate(kind.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(6.0, column.weight * scale)
    _not_cancelled(cancelled)
    temp = temp_beside(out)
    try:
        book.save(temp)
        os.replace(temp, out)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise cannot_write(out, exc) from exc
        raise
    return total


# --------------------------------------------------------------------------- printouts


def _catalogue_printout(kind: CatalogueKind, source: Source, scopes: frozenset[Scope]) -> Printout:
    def gather(db: Database, actor: Actor, selection: Selection) -> Catalogue:
        check_scopes(selection, scopes, kind.title, kind.title_en)
        return source(db, actor, selection)

    def render(
        db: Database,
        clock: Clock,
        actor: Actor,
        selection: Selection,
        out: Path,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PrintResult:
        font_set = _font_set(selection)
        catalogue = gather(db, actor, selection)
        _not_cancelled(cancelled)
        pages = catalogue_pdf(
            catalogue, out, font_set, printed_by=printed_by(clock, actor), progress=progress, cancelled=cancelled
        )
        return PrintResult(out, pages, len(catalogue.rows))

    def xlsx(
        db: Database,
        clock: Clock,
        actor: Actor,
        selection: Selection,
        out: Path,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PrintResult:
        _font_set(selection)  # the same options are accepted, though a spreadsheet has no fonts to embed
        catalogue = gather(db, actor, selection)
        _not_cancelled(cancelled)
        rows = write_catalogue_xlsx(
            catalogue, out, printed_by=printed_by(clock, actor), progress=progress, cancelled=cancelled
        )
        return PrintResult(out, 0, rows)

    renderer: Render = render
    exporter: Render = xlsx
    return Printout(kind.key, kind.title, kind.title_en, scopes, renderer, exporter)


def render_box_notes(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    """The notes sheet (备考表) of each chosen box, one page per box."""
    font_set = _font_set(selection)
    check_scopes(selection, BOX_NOTES_SCOPES, "备考表", "Box notes")
    sheets = box_notes_data.box_notes(db, clock, actor, selection)
    _not_cancelled(cancelled)
    pages = box_notes_pdf(
        sheets, out, font_set, printed_by=printed_by(clock, actor), progress=progress, cancelled=cancelled
    )
    return PrintResult(out, pages, len(sheets))


BOX_NOTES_SCOPES = frozenset({Scope.BOX, Scope.CABINET})

OWNER_CATALOGUE_PRINTOUT = printouts.register(
    _catalogue_printout(
        OWNER_CATALOGUE,
        catalogue_data.owner_catalogue,
        frozenset({Scope.BOX, Scope.CABINET, Scope.BUILDING, Scope.ESTATE}),
    )
)
ITEM_CATALOGUE_PRINTOUT = printouts.register(
    _catalogue_printout(
        ITEM_CATALOGUE,
        catalogue_data.item_catalogue,
        frozenset({Scope.BOX, Scope.CABINET, Scope.CATEGORY, Scope.YEAR, Scope.VOLUME}),
    )
)
VOLUME_CATALOGUE_PRINTOUT = printouts.register(
    _catalogue_printout(
        VOLUME_CATALOGUE,
        catalogue_data.volume_catalogue,
        frozenset({Scope.BOX, Scope.CABINET, Scope.CATEGORY, Scope.YEAR, Scope.ESTATE}),
    )
)
REGISTER_PRINTOUT = printouts.register(
    _catalogue_printout(REGISTER, catalogue_data.register_book, frozenset({Scope.CATEGORY, Scope.YEAR, Scope.ESTATE}))
)
BOX_NOTES_PRINTOUT = printouts.register(
    Printout("box-notes", "备考表", "Box notes", BOX_NOTES_SCOPES, render_box_notes)
)
