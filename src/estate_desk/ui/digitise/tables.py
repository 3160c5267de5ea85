"""The workbench's tables over plain rows: a batch's records, the findings of its quality check, its 待处理
queue, its step log and what the last import made of a stack. Cells only: nothing here reads the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from estate_desk.ui import i18n, style
from estate_desk.ui.models import RowsTableModel
from estate_desk.ui.qt import QCoreApplication, Qt
from estate_desk.ui.widgets import local_time

if TYPE_CHECKING:
    from estate_desk.domain.digitise.quality import Finding
    from estate_desk.services.digitise.batches import BatchRecord, BatchSummary, StepEntry
    from estate_desk.services.digitise.inbox import ImportResult
    from estate_desk.services.digitise.pending import PendingRow

WARNING = style.colour("warning")


translate = QCoreApplication.translate  # lupdate reads translate("DigitiseTables", "…")


@dataclass(frozen=True)
class FindingRow:
    """One finding of the quality check, with the record it belongs to."""

    document_id: int
    archive_no: str
    finding: Finding


@dataclass(frozen=True)
class ImportedRow:
    """One line of an import's result: a record linked, or pages left waiting (待处理)."""

    linked: bool
    what: str  # the 档号 linked, or the reason the pages wait
    pages: str  # the stack's page numbers
    detail: str  # the scan's file name, or why


def batch_model(parent: Any) -> RowsTableModel[BatchSummary]:
    def cell(b: BatchSummary, column: int) -> Any:
        return (b.code, b.title, b.step.label(i18n.lang_code()), b.records, b.scanned, b.pending)[column]

    def colour(b: BatchSummary, column: int, role: int) -> Any:
        if column == 5 and b.pending and role == Qt.ItemDataRole.ForegroundRole:
            return WARNING
        return None

    headers = [
        translate("DigitiseTables", "Batch"),
        translate("DigitiseTables", "Name"),
        translate("DigitiseTables", "Step"),
        translate("DigitiseTables", "Records"),
        translate("DigitiseTables", "Scanned"),
        translate("DigitiseTables", "Pending (待处理)"),
    ]
    return RowsTableModel(headers, cell, parent, style=colour)


def record_model(parent: Any, flaws: dict[int, int]) -> RowsTableModel[BatchRecord]:
    """``flaws`` (document id → findings of the last check) is read when a cell is painted."""

    def cell(r: BatchRecord, column: int) -> Any:
        status = (
            translate("DigitiseTables", "Scanned") if r.status == "scanned" else translate("DigitiseTables", "Waiting")
        )
        found = flaws.get(r.document_id)
        checked = ""
        if found is not None:
            checked = (
                translate("DigitiseTables", "{n} finding(s)").format(n=found)
                if found
                else translate("DigitiseTables", "Passed")
            )
        return (r.archive_no, r.pages, _colour_name(r.colour), status, checked, r.title)[column]  # the title stretches

    def colour(r: BatchRecord, column: int, role: int) -> Any:
        if column == 4 and flaws.get(r.document_id) and role == Qt.ItemDataRole.ForegroundRole:
            return WARNING
        return None

    headers = [
        translate("DigitiseTables", "Archive no."),
        translate("DigitiseTables", "Pages"),
        translate("DigitiseTables", "Colour mode"),
        translate("DigitiseTables", "Status"),
        translate("DigitiseTables", "Findings"),
        translate("DigitiseTables", "Title"),
    ]
    return RowsTableModel(headers, cell, parent, style=colour)


def _colour_name(value: str) -> str:
    return {
        "colour": translate("DigitiseTables", "Colour"),
        "grey": translate("DigitiseTables", "Greyscale"),
        "binary": translate("DigitiseTables", "Black and white"),
    }.get(value, value)


def finding_model(parent: Any) -> RowsTableModel[FindingRow]:
    def cell(f: FindingRow, column: int) -> Any:
        lang = i18n.lang_code()
        page = translate("DigitiseTables", "whole record") if f.finding.page is None else f.finding.page
        return (f.archive_no, page, f.finding.flaw.label(lang), f.finding.message(lang))[column]

    return RowsTableModel(
        [
            translate("DigitiseTables", "Archive no."),
            translate("DigitiseTables", "Page"),
            translate("DigitiseTables", "Finding"),
            translate("DigitiseTables", "Details"),
        ],
        cell,
        parent,
    )


def pending_model(parent: Any) -> RowsTableModel[PendingRow]:
    def cell(p: PendingRow, column: int) -> Any:
        sheet = "" if p.sheet_page is None else p.sheet_page
        return (p.reason.label(i18n.lang_code()), p.pages, sheet, p.source, p.detail)[column]

    headers = [
        translate("DigitiseTables", "Reason"),
        translate("DigitiseTables", "Pages of the stack"),
        translate("DigitiseTables", "Cover sheet on page"),
        translate("DigitiseTables", "Scanned file"),
        translate("DigitiseTables", "Details"),
    ]
    return RowsTableModel(headers, cell, parent)


def log_model(parent: Any) -> RowsTableModel[StepEntry]:
    def cell(e: StepEntry, column: int) -> Any:
        return (local_time(e.at), e.step.label(i18n.lang_code()), e.by or "", e.note)[column]

    return RowsTableModel(
        [
            translate("DigitiseTables", "When"),
            translate("DigitiseTables", "Step"),
            translate("DigitiseTables", "By"),
            translate("DigitiseTables", "Note"),
        ],
        cell,
        parent,
    )


def imported_model(parent: Any) -> RowsTableModel[ImportedRow]:
    def cell(r: ImportedRow, column: int) -> Any:
        return (
            translate("DigitiseTables", "Linked") if r.linked else translate("DigitiseTables", "Pending (待处理)"),
            r.what,
            r.pages,
            r.detail,
        )[column]

    def colour(r: ImportedRow, column: int, role: int) -> Any:
        if not r.linked and role == Qt.ItemDataRole.ForegroundRole:
            return WARNING
        return None

    headers = [
        translate("DigitiseTables", "Result"),
        translate("DigitiseTables", "Archive no. or reason"),
        translate("DigitiseTables", "Pages of the stack"),
        translate("DigitiseTables", "File or details"),
    ]
    return RowsTableModel(headers, cell, parent, style=colour)


def imported_rows(result: ImportResult) -> list[ImportedRow]:
    """An import's result as lines: the records linked, then the pages left waiting."""
    lang = i18n.lang_code()
    rows = [ImportedRow(True, x.archive_no, ",".join(map(str, x.pages)), x.name) for x in result.linked]
    return rows + [
        ImportedRow(False, p.reason.label(lang), ",".join(map(str, p.pages)), p.detail) for p in result.pending
    ]
