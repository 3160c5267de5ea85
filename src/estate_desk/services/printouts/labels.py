"""Printing box labels (打印档案盒标签, rule A8): which boxes, which layout, and the PDF.

Registers the printout ``labels`` with :mod:`estate_desk.services.printouts.registry`, so the window's
Printing section and ``estate-desk print labels`` offer it with the same selections: boxes,
a cabinet, a category (with its sub-categories) or a year — several together narrow the choice.

Options (``Selection.options``, all text):

=============== ====================================================================
``format``      ``sheet`` (A4 label sheets, default) or ``thermal`` (one label per page)
``spine``       ``front`` (A8 label for the box side, default) or ``spine`` (spine labels)
``rows/cols``   the sheet's grid; empty: as many as fit
``start``       first position used on the first sheet (1 = top left, row by row)
``margin_mm``   ``gap_mm``, ``offset_x_mm`` (+ right), ``offset_y_mm`` (+ down)
``outline``     ``yes``/``no``: thin cut lines around labels on sheets (default yes)
``font``        ``simhei`` where the office prefers SimHei (黑体) and it is installed; else the
                bundled Noto Sans SC Bold
=============== ====================================================================
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import most_secret
from estate_desk.printing import fonts
from estate_desk.printing.label_sheets import SheetGrid, render_sheets, render_thermal
from estate_desk.printing.labels import BoxLabel, LabelKind, plan_labels
from estate_desk.printing.pages import PrintCancelled
from estate_desk.services.accounts import setup
from estate_desk.services.archive.register import place_text
from estate_desk.services.permissions import require_role
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.kinds import Printout, PrintResult, Scope
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import ArchiveBox, Cabinet, Category, Document

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Progress, Selection
    from estate_desk.store.database import Database

__all__ = ["PrintCancelled", "render_labels"]

SHEET_SETTING = "print.labels.sheet"  # the office's last sheet layout (JSON of the options below)
REMEMBERED = ("format", "spine", "rows", "cols", "margin_mm", "gap_mm", "offset_x_mm", "offset_y_mm", "outline")
OPTIONS = (*REMEMBERED, "start", "font")
_YES, _NO = ("yes", "true", "1", "on", "是"), ("no", "false", "0", "off", "否")


_READ = 500  # boxes read per round of queries


@dataclass(frozen=True)
class LabelOptions:
    """The options of a label job, checked."""

    thermal: bool = False
    kind: LabelKind = "front"
    grid: SheetGrid = field(default_factory=SheetGrid)
    prefer_simhei: bool = False

    @staticmethod
    def parse(options: Mapping[str, str]) -> LabelOptions:
        """Read ``Selection.options``; an unknown name or a bad value is an :class:`InputProblem` naming it."""
        unknown = sorted(set(options) - set(OPTIONS))
        if unknown:
            raise InputProblem(
                zh=f"标签没有这些选项：{'、'.join(unknown)}（可用：{', '.join(OPTIONS)}）",
                en=f"Labels have no option {', '.join(unknown)} (choose from: {', '.join(OPTIONS)})",
            )

        def text(name: str, default: str) -> str:
            return (options.get(name) or default).strip().lower()

        def choice(name: str, allowed: tuple[str, ...], default: str) -> str:
            value = text(name, default)
            if value not in allowed:
                raise _bad(name, value, " | ".join(allowed))
            return value

        def number(name: str, default: float | None, whole: bool = False) -> float | None:
            value = text(name, "")
            if not value or value == "auto":
                return default
            try:
                parsed = int(value) if whole else float(value)
            except ValueError:
                raise _bad(name, value, "an integer" if whole else "a number (mm)") from None
            if whole and parsed < 1:
                raise _bad(name, value, "1 or more")
            return parsed

        outline = text("outline", "yes")
        if outline not in _YES + _NO:
            raise _bad("outline", outline, "yes | no")
        rows, cols, start = number("rows", None, True), number("cols", None, True), number("start", 1, True)
        grid = SheetGrid(
            rows=None if rows is None else int(rows),
            cols=None if cols is None else int(cols),
            margin_mm=number("margin_mm", SheetGrid.margin_mm) or 0.0,
            gap_mm=number("gap_mm", SheetGrid.gap_mm) or 0.0,
            offset_x_mm=number("offset_x_mm", 0.0) or 0.0,
            offset_y_mm=number("offset_y_mm", 0.0) or 0.0,
            start=int(start or 1),
            outline=outline in _YES,
        )
        kind: LabelKind = "spine" if choice("spine", ("front", "spine"), "front") == "spine" else "front"
        return LabelOptions(
            thermal=choice("format", ("sheet", "thermal"), "sheet") == "thermal",
            kind=kind,
            grid=grid,
            prefer_simhei=choice("font", ("noto", "simhei"), "noto") == "simhei",
        )


def _bad(name: str, value: str, expected: str) -> InputProblem:
    return InputProblem(
        zh=f"标签选项 {name} 的值「{value}」无效（应为 {expected}）。",
        en=f"Label option {name}={value!r} is not valid (expected {expected}).",
        where=name,
    )


# ---- which boxes ----------------------------------------------------------------------------------


def _category_ids(categories: list[Category], code: str) -> set[int]:
    """The category with ``code`` and every sub-category under it."""
    root = next((c for c in categories if c.code == code), None)
    if root is None:
        raise NotFound(zh=f"没有这个门类：{code}", en=f"No such category: {code}")
    found = {root.id}
    grew = True
    while grew:
        more = {c.id for c in categories if c.parent_id in found} - found
        found |= more
        grew = bool(more)
    return found


def label_box_ids(db: Database, actor: Actor, selection: Selection) -> list[int]:
    """The boxes a selection names, in the order they stand (cabinet, shelf, position), or as listed."""
    if not (selection.box_ids or selection.cabinet_id or selection.category_code or selection.year):
        raise InputProblem(zh="请选择档案盒、档案柜、门类或年度。", en="Choose boxes, a cabinet, a category or a year.")
    query = (
        select(ArchiveBox.id)
        .outerjoin(Cabinet, Cabinet.id == ArchiveBox.cabinet_id)
        .order_by(Cabinet.code, ArchiveBox.shelf, ArchiveBox.position, ArchiveBox.code)
    )
    with db.session() as s:
        if selection.box_ids:
            query = query.where(ArchiveBox.id.in_(selection.box_ids))
        if selection.cabinet_id is not None:
            if s.get(Cabinet, selection.cabinet_id) is None:
                raise NotFound(
                    zh=f"没有这个档案柜（编号 {selection.cabinet_id}）。",
                    en=f"No cabinet with id {selection.cabinet_id}.",
                )
            query = query.where(ArchiveBox.cabinet_id == selection.cabinet_id)
        if selection.category_code:
            ids = _category_ids(list(s.scalars(select(Category))), selection.category_code)
            query = query.where(ArchiveBox.category_id.in_(ids))
        if selection.year is not None:
            query = query.where(ArchiveBox.year == selection.year)
        found = list(s.scalars(query))
    if selection.box_ids:
        missing = [i for i in selection.box_ids if i not in set(found)]
        if missing and not (selection.cabinet_id or selection.category_code or selection.year):
            raise NotFound(zh=f"没有这个档案盒（编号 {missing[0]}）。", en=f"No box with id {missing[0]}.")
        listed = list(dict.fromkeys(selection.box_ids))
        found = [i for i in listed if i in set(found)]
    if not found:
        raise InputProblem(zh="所选范围内没有档案盒。", en="There are no boxes in this selection.")
    return found


def box_labels(
    db: Database,
    actor: Actor,
    box_ids: list[int],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[BoxLabel]:
    """What each box's label says: first–last numbers from the contents the reader may see, read for
    500 boxes at a time (a thousand labels are a few queries, not a few thousand)."""
    office = setup.office(db)
    fonds = office.fonds_code if office is not None else ""
    labels: list[BoxLabel] = []
    with db.session() as s:
        for start in range(0, len(box_ids), _READ):
            chunk = box_ids[start : start + _READ]
            boxes = {
                box.id: (box, category_zh, cabinet)
                for box, category_zh, cabinet in s.execute(
                    select(ArchiveBox, Category.name_zh, Cabinet)
                    .join(Category, Category.id == ArchiveBox.category_id)
                    .outerjoin(Cabinet, Cabinet.id == ArchiveBox.cabinet_id)
                    .where(ArchiveBox.id.in_(chunk))
                )
            }
            ends: dict[int, tuple[tuple[int, str], tuple[int, str]]] = {}
            for in_box, item_no, archive_no in s.execute(
                select(Document.box_id, Document.item_no, Document.archive_no).where(
                    Document.box_id.in_(chunk), clearance.documents_visible(actor)
                )
            ):
                assert in_box is not None  # the filter names boxes
                first, last = ends.get(in_box, ((item_no, archive_no), (item_no, archive_no)))
                ends[in_box] = (min(first, (item_no, archive_no)), max(last, (item_no, archive_no)))
            for n, box_id in enumerate(chunk, start=start + 1):
                if cancelled is not None and cancelled():
                    raise PrintCancelled()
                if box_id not in boxes:
                    raise NotFound(zh=f"没有这个档案盒（编号 {box_id}）。", en=f"No box with id {box_id}.")
                box, category_zh, cabinet = boxes[box_id]
                first_last = ends.get(box_id)
                labels.append(
                    BoxLabel(
                        code=box.code,
                        category=category_zh,
                        fonds=fonds,
                        year=box.year,
                        retention=Retention.parse(box.retention).label("zh"),
                        box_number=f"{box.number:03d}",
                        first_no=first_last[0][1] if first_last else None,
                        last_no=first_last[1][1] if first_last else None,
                        place=place_text(cabinet, box.shelf, box.position),
                        spine_mm=box.spine_mm,
                    )
                )
                if progress is not None:
                    progress(n)
    return labels


# ---- the printout -----------------------------------------------------------------------------------


def render_labels(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    """Box labels for the selection as one PDF at ``out`` (written whole, or not at all)."""
    require_role(actor, ARCHIVE_KEEPERS, zh="打印档案盒标签", en="print box labels")
    options = LabelOptions.parse(selection.options)
    box_ids = label_box_ids(db, actor, selection)
    total = 2 * len(box_ids)  # reading the boxes, then drawing their labels

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)

    labels = box_labels(db, actor, box_ids, progress=report, cancelled=cancelled)
    font_set = fonts.register_fonts(prefer_simhei=options.prefer_simhei)
    warnings: list[str] = []
    if options.prefer_simhei and font_set.hei_bold != fonts.SIMHEI:
        warnings.append(
            "本机没有安装黑体（SimHei），已改用内置的思源黑体（Noto Sans SC Bold）。 / "
            "SimHei is not installed here; the bundled Noto Sans SC Bold was used."
        )
    plans = plan_labels(labels, options.kind, font_set)  # reports what cannot print before any file exists

    def drawn(done: int, _total: int) -> None:
        report(len(box_ids) + done)

    if options.thermal:
        pages = render_thermal(plans, Path(out), font_set, progress=drawn, cancelled=cancelled)
    else:
        pages = render_sheets(plans, Path(out), font_set, options.grid, progress=drawn, cancelled=cancelled)
    return PrintResult(Path(out), pages, len(plans), tuple(warnings))


# ---- the office's sheet layout, remembered ----------------------------------------------------------


def sheet_defaults(db: Database) -> dict[str, str]:
    """The label options last saved for this office (empty when none)."""
    with db.session() as s:
        stored = s.get(Setting, SHEET_SETTING)
        if stored is None:
            return {}
    try:
        values = json.loads(stored.value)
    except ValueError:
        return {}
    return {k: str(v) for k, v in values.items() if k in REMEMBERED} if isinstance(values, dict) else {}


def save_sheet_defaults(db: Database, actor: Actor, options: Mapping[str, str]) -> None:
    """Remember the sheet layout (not the start position: the next sheet is a new one)."""
    require_role(actor, ARCHIVE_KEEPERS, zh="保存标签版式", en="save the label layout")
    LabelOptions.parse(options)  # only good values are kept
    value = json.dumps({k: options[k] for k in REMEMBERED if k in options}, ensure_ascii=False, sort_keys=True)
    with db.session() as s:
        stored = s.get(Setting, SHEET_SETTING)
        if stored is None:
            s.add(Setting(key=SHEET_SETTING, value=value))
        else:
            stored.value = value


def labels_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    """How secret a sheet of labels is: a label states its box's whole contents (its first–last
    numbers), so it is as secret as the most secret box it labels, and needs clearance for it (A6)."""
    box_ids = label_box_ids(db, actor, selection)
    with db.session() as s:
        return most_secret(clearance.box_grades(s, box_ids).values())


LABELS = printouts.register(
    Printout(
        key="labels",
        title_zh="档案盒标签",
        title_en="Box labels",
        scopes=frozenset({Scope.BOX, Scope.CABINET, Scope.CATEGORY, Scope.YEAR}),
        render=render_labels,
        grade=labels_grade,
    )
)
