"""The four-properties check's report (检测报告, DA/T 70): a PDF, an ``.xlsx``, and the PDF filed as a record.

- :func:`write_pdf` prints ``printing/four_properties_report.py`` with the bundled fonts. A report of at most
  :data:`PDF_ALL_ROWS` items lists every one; a longer one (the whole archive) lists what failed or was not
  checked, and says that the spreadsheet holds every item.
- :func:`write_xlsx` writes two sheets: 汇总 (per property: passed, failed, not checked) and 检测项 (every item:
  property, item, result, record or file, reason in Chinese and English).
- :func:`file_report` registers the PDF as a record of the archive itself and attaches it, through the same
  register and attach services the clerk uses (so it is numbered, audited and sealed like any record). It goes
  in category 7, 行政文件资料 (``XZ``): the office's own inspection records (巡查记录) are kept there, and a
  check of the archive is the archive office's own work, not a file about an owner, a room or a repair.

The report's grade is that of the most secret record it names, and never below 内部: like any list of records
(A11), printing or exporting it passes the reader's output rights and goes to the audit trail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.clock import CHINA_TZ, SystemClock
from estate_desk.domain.digitise.four_properties import Outcome, tally
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.printing import fonts
from estate_desk.printing.four_properties_report import TITLE, FourPropertiesReport, ReportLine, four_properties_pdf
from estate_desk.printing.pages import PrintedBy
from estate_desk.services.archive.attachments import attach_file
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.archive.register import register
from estate_desk.services.audit import Target
from estate_desk.services.secrecy.print_rights import record_output, require_output
from estate_desk.services.spreadsheets import append_as_data, save_workbook
from estate_desk.store.accounts import Office
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.digitise.four_properties import Inspection, ItemResult
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

PDF_ALL_ROWS = 500
CATEGORY = "XZ"  # 行政文件资料: see the module's docstring
CHUNK = 500


def report_grade(db: Database, inspection: Inspection) -> Grade:
    """The most secret record the report names, at least 内部."""
    ids = list({r.document_id for r in inspection.results if r.document_id is not None})
    level = int(Grade.INTERNAL)
    with db.session() as s:
        for start in range(0, len(ids), CHUNK):
            found = s.scalar(select(func.max(Document.secrecy)).where(Document.id.in_(ids[start : start + CHUNK])))
            level = max(level, found or 0)
    return Grade(level)


def _line(result: ItemResult) -> ReportLine:
    return ReportLine(
        result.item.prop.zh, result.item.zh, result.outcome.value, result.outcome.zh, result.where, result.zh
    )


def report_of(db: Database, actor: Actor, inspection: Inspection) -> FourPropertiesReport:
    """The report as printed: the summary per property and the items (all, or what did not pass)."""
    with db.session() as s:
        office = s.scalar(select(Office))
    shown = list(inspection.results)
    notes = [zh for zh, _ in inspection.notes]
    if len(shown) > PDF_ALL_ROWS:
        passed = sum(r.outcome is Outcome.PASSED for r in shown)
        shown = [r for r in shown if r.outcome is not Outcome.PASSED]
        notes.append(
            f"共 {len(inspection.results)} 个检测项；以下只列出未通过和未检测的项，{passed} 个通过的项见 Excel 报告。"
        )
    counts = tally(inspection.results)
    return FourPropertiesReport(
        office=office.name if office is not None else "",
        fonds_code=office.fonds_code if office is not None else "",
        scope=f"{inspection.scope_zh}（{inspection.records} 件）",
        checked_at=f"{inspection.checked_at.astimezone(CHINA_TZ):%Y-%m-%d %H:%M}",
        checked_by=actor.display_name,
        summary=tuple((p.zh, t.passed, t.failed, t.not_checked) for p, t in counts.items()),
        lines=tuple(_line(r) for r in shown),
        notes=tuple(notes),
        confidential=report_grade(db, inspection) >= Grade.SECRET,
    )


def _target(inspection: Inspection, grade: Grade) -> Target:
    return Target("four_properties", None, f"{TITLE}（{inspection.scope_zh}）", int(grade))


def write_pdf(db: Database, actor: Actor, inspection: Inspection, out: Path, *, clock: Clock | None = None) -> int:
    """Print the report to ``out`` (within the reader's print rights, audited); returns its pages."""
    clock = clock or actor.clock or SystemClock()
    grade = report_grade(db, inspection)
    target = _target(inspection, grade)
    require_output(db, actor, Output.PRINT, grade, target, "四性检测报告", "the four-properties report")
    report = report_of(db, actor, inspection)
    pages = four_properties_pdf(
        report, out, fonts.register_fonts(), printed_by=PrintedBy(actor.display_name, clock.now().astimezone(CHINA_TZ))
    )
    record_output(db, actor, Output.PRINT, target, out, {"pages": pages, "items": len(report.lines)}, clock=clock)
    return pages


SUMMARY_HEADERS = ("性质 Property", "通过 Passed", "不通过 Failed", "未检测 Not checked")
ITEM_HEADERS = (
    "序号 No.",
    "性质 Property",
    "检测项 Item",
    "结果 Result",
    "档案/文件 Record or file",
    "原因 Reason",
    "Reason (English)",
)


def write_xlsx(db: Database, actor: Actor, inspection: Inspection, out: Path, *, clock: Clock | None = None) -> int:
    """Write the report as a workbook (every item); within the reader's export rights, audited. Returns rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    clock = clock or actor.clock or SystemClock()
    grade = report_grade(db, inspection)
    target = _target(inspection, grade)
    require_output(db, actor, Output.EXPORT, grade, target, "四性检测报告", "the four-properties report")
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "汇总"
    append_as_data(summary, [f"{TITLE}：{inspection.scope_zh}（{inspection.records} 件）"])
    append_as_data(summary, [inspection.summary("en")])
    summary.append(list(SUMMARY_HEADERS))
    for p, t in tally(inspection.results).items():
        append_as_data(summary, [f"{p.zh} {p.value}", t.passed, t.failed, t.not_checked])
    for zh, en in inspection.notes:
        append_as_data(summary, [zh, en])
    items = workbook.create_sheet("检测项")
    items.append(list(ITEM_HEADERS))
    for cell in items[1]:
        cell.font = Font(bold=True)
    items.freeze_panes = "A2"
    for n, r in enumerate(inspection.results, start=1):
        append_as_data(
            items,
            [n, f"{r.item.prop.zh} {r.item.prop.value}", f"{r.item.zh} {r.item.en}", r.outcome.zh, r.where, r.zh, r.en],
        )
    for letter, width in zip("ABCDEFG", (8, 18, 26, 10, 40, 60, 60), strict=True):
        items.column_dimensions[letter].width = width
    save_workbook(workbook, out)
    record_output(db, actor, Output.EXPORT, target, out, {"items": len(inspection.results)}, clock=clock)
    return len(inspection.results)


def file_report(db: Database, actor: Actor, inspection: Inspection, pdf: Path, *, clock: Clock | None = None) -> int:
    """Register the printed report as a record of category 行政 and attach the PDF; returns the record's id."""
    import pypdfium2 as pdfium

    clock = clock or actor.clock or SystemClock()
    document = pdfium.PdfDocument(pdf)
    try:
        pages = len(document)
    finally:
        document.close()
    today = clock.now().astimezone(CHINA_TZ).date()
    failed = len(inspection.failures())
    draft = DocumentDraft(
        CATEGORY,
        f"{TITLE}（{inspection.scope_zh}）",
        today.year,
        doc_date=today,
        responsible=actor.display_name,
        pages=pages,
        remarks=f"DA/T 70-2018；{inspection.records} 件；{failed} 项不通过",
        secrecy=report_grade(db, inspection),
        has_paper=False,  # born digital: no paper original to box, nothing for the "to digitise" list
    )
    document_id = register(db, clock, actor, draft)
    attach_file(db, clock, actor, document_id, pdf)
    return document_id
