"""The four-properties check's report (四性检测报告, DA/T 70) as a printed table, A4 landscape.

Under the title and the scope: a summary table, one row per property (真实性, 完整性, 可用性, 安全性) with
its items passed, failed and not checked; then the items themselves — 序号, 性质, 检测项, 结果, 档案/文件,
原因 — long reasons wrapped inside their cell the Chinese way; a property with failures has its count in
red. Rows come from the service (no database here); the spreadsheet uses the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from estate_desk.printing import glyphs
from estate_desk.printing.pages import Cancelled, PageSetup, PrintedBy, Progress, write_pdf
from estate_desk.printing.tables import Column, Ink, TableRow, check_rows, table

if TYPE_CHECKING:
    from pathlib import Path

    from reportlab.platypus import Flowable

    from estate_desk.printing.fonts import FontSet

TITLE = "电子档案四性检测报告"
ITEM_COLUMNS = (
    Column("序号", 5, "center"),
    Column("性质", 7, "center"),
    Column("检测项", 13),
    Column("结果", 7, "center"),
    Column("档案 / 文件", 26),
    Column("原因 / 说明", 42, max_chars=400),
)
SUMMARY_HEADERS = ("性质", "通过", "不通过", "未检测")
FAILED_RED = colors.HexColor("#C00000")


@dataclass(frozen=True)
class ReportLine:
    """One item's result as printed."""

    property_zh: str
    item_zh: str
    outcome: str  # passed | failed | not_checked
    outcome_zh: str
    where: str
    reason: str


@dataclass(frozen=True)
class FourPropertiesReport:
    office: str
    fonds_code: str
    scope: str
    checked_at: str  # 2026-12-07 22:40
    checked_by: str
    summary: tuple[tuple[str, int, int, int], ...]  # (property, passed, failed, not checked)
    lines: tuple[ReportLine, ...]
    notes: tuple[str, ...] = field(default=())
    confidential: bool = False


def item_rows(lines: tuple[ReportLine, ...]) -> list[TableRow]:
    return [
        TableRow((n, line.property_zh, line.item_zh, line.outcome_zh, line.where, line.reason), where=f"第 {n} 行")
        for n, line in enumerate(lines, start=1)
    ]


def _summary_table(report: FourPropertiesReport, ink: Ink, width: float) -> Table:
    cells = [[ink.paragraph(h, "center", bold=True) for h in SUMMARY_HEADERS]]
    cells += [
        [ink.paragraph(p, "center", bold=True), *(ink.paragraph(str(n), "center") for n in (ok, bad, unchecked))]
        for p, ok, bad, unchecked in report.summary
    ]
    grid = Table(cells, colWidths=[width * 0.16] + [width * 0.12] * 3, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for row, (_, _, bad, _) in enumerate(report.summary, start=1):
        if bad:
            style.append(("TEXTCOLOR", (2, row), (2, row), FAILED_RED))
    grid.setStyle(TableStyle(style))
    return grid


def four_properties_pdf(
    report: FourPropertiesReport,
    out: Path,
    font_set: FontSet,
    *,
    printed_by: PrintedBy | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print the report to ``out``; returns the number of pages. Every text is checked against the fonts first."""
    rows = item_rows(report.lines)
    mark = printed_by if report.confidential else None
    check_rows(ITEM_COLUMNS, rows, font_set)
    subtitle = f"全宗：{report.office}（{report.fonds_code}）　范围：{report.scope}"
    byline = f"检测时间：{report.checked_at}　检测人：{report.checked_by}　依据：DA/T 70-2018"
    texts = [("标题 / title", TITLE), ("范围 / scope", subtitle), ("检测 / by", byline)]
    texts += [("说明 / note", note) for note in report.notes]
    glyphs.ensure_printable(texts, font_set)
    setup = PageSetup(
        title=f"{TITLE}（{report.scope}）",
        landscape=True,
        running_head=f"{report.office} {TITLE} · {report.scope}",
        printed_by=mark,
        author=report.office,
    )
    ink = Ink(font_set, 9)
    story: list[Flowable] = [
        ink.paragraph(TITLE, "center", bold=True, size=18),
        Spacer(1, 2 * mm),
        ink.paragraph(subtitle, "center", size=10),
        ink.paragraph(byline, "center", size=9),
        Spacer(1, 4 * mm),
        _summary_table(report, ink, setup.frame_width),
        Spacer(1, 4 * mm),
    ]
    story += [ink.paragraph(note, size=9) for note in report.notes]
    story.append(Spacer(1, 2 * mm))
    story.append(table(ITEM_COLUMNS, rows, ink, setup.frame_width, cancelled=cancelled))
    if not rows:
        story += [Spacer(1, 3 * mm), ink.paragraph("（没有检测项。）", "center")]
    return write_pdf(out, story, setup, font_set, rows=len(rows), progress=progress, cancelled=cancelled)
