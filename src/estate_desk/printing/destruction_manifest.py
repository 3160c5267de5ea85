"""The destruction manifest (档案销毁清册, A17): a cover that says who decided and who watched, then the list.

The cover names the fonds, the batch, how many items, who appraised them (鉴定人, the clerk who proposed)
and who approved and when (批准人), the witnesses (监销人), the method, place and date, with lines for
each to sign. The list has exactly the columns :data:`COLUMNS` — 序号, 档号, 文件题名, 所属年度, 应保管期限,
已保管期限, 页数, 销毁原因, 备注 — with the header repeated on every page. No database and no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from estate_desk.printing import glyphs
from estate_desk.printing.pages import PageSetup, PrintedBy, write_pdf
from estate_desk.printing.tables import Column, Ink, TableRow, check_rows, table

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from reportlab.platypus import Flowable

    from estate_desk.printing.fonts import FontSet

TITLE = "档案销毁清册"
COLUMNS: tuple[Column, ...] = (
    Column("序号", 4, "center"),
    Column("档号", 15),
    Column("文件题名", 26),
    Column("所属年度", 6, "center"),
    Column("应保管期限", 7, "center"),
    Column("已保管期限", 7, "center"),
    Column("页数", 4, "right"),
    Column("销毁原因", 16, max_chars=200),
    Column("备注", 14, max_chars=200),
)


@dataclass(frozen=True)
class ManifestLine:
    """One destroyed record, as the manifest lists it."""

    seq: int
    archive_no: str
    title: str
    year: int
    retention: str  # 应保管期限: 10年, 30年, 永久
    kept: str  # 已保管期限: 11年
    pages: int
    reason: str
    remarks: str


@dataclass(frozen=True)
class Manifest:
    """A batch's manifest ready to print."""

    office: str
    fonds_code: str
    batch_code: str
    appraised_by: str  # 鉴定人
    approved_by: str  # 批准人
    approved_at: str  # "2026-11-24 10:00"
    witnesses: tuple[str, ...]  # 监销人
    method: str  # 粉碎 / 打浆 / 焚烧
    place: str
    carried_out_on: date
    lines: tuple[ManifestLine, ...]

    def cover_fields(self) -> tuple[tuple[str, str], ...]:
        return (
            ("全宗名称", self.office),
            ("全宗号", self.fonds_code),
            ("销毁批次", self.batch_code),
            ("销毁数量", f"{len(self.lines)} 件"),
            ("鉴定人", self.appraised_by),
            ("批准人", self.approved_by),
            ("批准时间", self.approved_at),
            ("监销人", "、".join(self.witnesses)),
            ("销毁方式", self.method),
            ("销毁地点", self.place),
            ("销毁日期", self.carried_out_on.isoformat()),
        )

    def signatures(self) -> tuple[str, ...]:
        return ("鉴定人签字", "批准人签字", *(f"监销人签字（{name}）" for name in self.witnesses))


def rows(manifest: Manifest) -> list[TableRow]:
    return [
        TableRow(
            (
                line.seq,
                line.archive_no,
                line.title,
                line.year,
                line.retention,
                line.kept,
                line.pages,
                line.reason,
                line.remarks,
            ),
            where=line.archive_no,
        )
        for line in manifest.lines
    ]


def _grid(cells: list[list[object]], widths: list[float], line_column: int) -> Table:
    grid = Table(cells, colWidths=widths, hAlign="CENTER")
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (line_column, 0), (line_column, -1), 0.6, "black"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return grid


def _cover(manifest: Manifest, ink: Ink, width: float) -> list[Flowable]:
    facts = [
        [ink.paragraph(label, "right", bold=True, size=11), ink.paragraph(value, size=11)]
        for label, value in manifest.cover_fields()
    ]
    signs = [
        [ink.paragraph(label, "right", bold=True, size=11), "", ink.paragraph("日期", "right", size=11), ""]
        for label in manifest.signatures()
    ]
    sign_grid = Table(signs, colWidths=[50 * mm, 55 * mm, 15 * mm, 35 * mm], hAlign="CENTER")
    sign_grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, "black"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [
        ink.paragraph(TITLE, "center", bold=True, size=24),
        Spacer(1, 5 * mm),
        _grid(facts, [40 * mm, width * 0.5], 1),
        Spacer(1, 5 * mm),
        sign_grid,
        PageBreak(),
    ]


def printable_texts(manifest: Manifest, printed_by: PrintedBy | None) -> list[tuple[str, str]]:
    texts = [("标题 / title", TITLE)] + [
        (f"封面 / cover: {label}", f"{label}{value}") for label, value in manifest.cover_fields()
    ]
    texts += [("封面 / signatures", label) for label in manifest.signatures()]
    if printed_by is not None:
        texts.append(("页脚 / footer", printed_by.text()))
    return texts


def manifest_pdf(manifest: Manifest, out: Path, font_set: FontSet, *, printed_by: PrintedBy | None = None) -> int:
    """Print the manifest to the PDF ``out``; returns the number of pages. Characters no font covers are
    reported before anything is written."""
    lines: Sequence[TableRow] = rows(manifest)
    check_rows(COLUMNS, lines, font_set)
    glyphs.ensure_printable(printable_texts(manifest, printed_by), font_set)
    setup = PageSetup(
        title=f"{TITLE}（{manifest.batch_code}）",
        landscape=True,
        running_head=f"{manifest.office} {TITLE} · {manifest.batch_code}",
        unnumbered=1,
        printed_by=printed_by,
        author=manifest.office,
    )
    ink = Ink(font_set, 9)
    subtitle = "\u00a0" * 4 + f"全宗号：{manifest.fonds_code}" + "\u00a0" * 4 + f"销毁批次：{manifest.batch_code}"
    story: list[Flowable] = [
        *_cover(manifest, ink, setup.frame_width),
        ink.paragraph(TITLE, "center", bold=True, size=18),
        Spacer(1, 2 * mm),
        ink.paragraph(f"全宗名称：{manifest.office}{subtitle}", "center", size=9.5),
        Spacer(1, 3 * mm),
        table(COLUMNS, lines, ink, setup.frame_width),
    ]
    return write_pdf(out, story, setup, font_set, rows=len(lines))
