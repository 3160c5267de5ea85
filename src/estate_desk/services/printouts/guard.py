"""The guard over every printout (打印、导出授权, A6, A11, A12): nothing is printed or exported unchecked.

:func:`guarded` wraps the ``render`` and ``xlsx`` of every printout the registry holds
(``services/printouts/registry.py``), so the window's Printing section, ``estate-desk print`` and any
later caller pass the same check:

1. the grade of what would be printed is worked out first (:func:`printout_grade`): the printout's own
   ``grade`` where it has one (a box label is as secret as the box's whole contents, a destruction
   manifest as what it lists), else the most secret record the reader would see in it; owner-file
   documents are 绝密 whatever their rows (A12);
2. the office's setting must let the reader's role print — or export, for a spreadsheet — that grade
   (``services/secrecy/print_rights.require_output``);
3. ``Selection.options["reason"]`` says why; where the office requires it a classified printout without
   a reason is refused;
4. the file is made; then who, what, which grade and why are written to the audit trail. If that
   record cannot be written the file is removed: nothing leaves without its record.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade, is_classified, most_secret
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.printouts.kinds import Scope
from estate_desk.services.printouts.scope import resolved
from estate_desk.services.secrecy.print_rights import REASON, reason_required, record_output, require_output
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Printout, PrintResult, Progress, Render, Selection
    from estate_desk.store.database import Database

OWNER_FILE_PRINTOUTS = frozenset({"owner-catalogue"})
"""Printouts that list owner files (业主档案目录): 绝密 whatever their rows say (A12)."""


def _documents_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    scope = resolved(db, selection)
    with db.session() as s:
        level = s.scalar(select(func.max(Document.secrecy)).where(*scope.document_filters(actor)))
    return most_secret([level] if level is not None else [])


def printout_grade(db: Database, actor: Actor, printout: Printout, selection: Selection) -> Grade:
    """How secret the printout of this selection would be, for this reader: the printout's own ``grade``
    where it has one (box labels, the destruction manifest), else the records it lists."""
    if printout.grade is not None:
        return printout.grade(db, actor, selection)
    if printout.scopes <= {Scope.DATE}:
        return Grade.INTERNAL  # the front desk's day: tickets, not archive records
    grade = _documents_grade(db, actor, selection)
    if printout.key in OWNER_FILE_PRINTOUTS:
        return max(grade, OWNER_FILE_GRADE)
    return grade


def _target(printout: Printout, selection: Selection, grade: Grade) -> Target:
    chosen = {k: v for k, v in dataclasses.asdict(selection).items() if v not in (None, (), {}) and k != "options"}
    text = printout.title_zh + (" " + " ".join(f"{k}={v}" for k, v in sorted(chosen.items())) if chosen else "")
    return Target("printout", None, text, int(grade))


def check(db: Database, actor: Actor, printout: Printout, selection: Selection, output: Output) -> tuple[Grade, str]:
    """Refuse (and audit) a printout the reader may not make; returns its grade and the reason given."""
    reason = selection.options.get(REASON, "").strip()
    grade = printout_grade(db, actor, printout, selection)
    target = _target(printout, selection, grade)
    require_output(db, actor, output, grade, target, printout.title_zh, printout.title_en)
    if is_classified(grade) and not reason and reason_required(db):
        raise audit.refused(
            db,
            actor,
            InputProblem(
                zh=f"{printout.title_zh}含涉密档案（{grade.label()}），请说明{output.label()}原因。",
                en=f"The {printout.title_en.lower()} holds classified records ({grade.label('en')}); "
                f"say why you {output.value} it.",
                rule="A11",
                where=REASON,
            ),
            target,
        )
    return grade, reason


def _guard(printout: Printout, render: Render, output: Output) -> Render:
    def guarded_render(
        db: Database,
        clock: Clock,
        actor: Actor,
        selection: Selection,
        out: Path,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PrintResult:
        inner = dataclasses.replace(selection, options={k: v for k, v in selection.options.items() if k != REASON})
        grade, reason = check(db, actor, printout, selection, output)
        result = render(db, clock, actor, inner, out, progress=progress, cancelled=cancelled)
        facts: dict[str, object] = {"pages": result.pages, "items": result.items}
        record_output(
            db, actor, output, _target(printout, inner, grade), result.path, facts, reason=reason, clock=clock
        )
        return result

    guarded_render.__wrapped__ = render  # type: ignore[attr-defined]
    return guarded_render


def guarded(printout: Printout) -> Printout:
    """The same printout, its render and export passing :func:`check` and leaving an audit record."""
    if getattr(printout.render, "__wrapped__", None) is not None:
        return printout
    return dataclasses.replace(
        printout,
        render=_guard(printout, printout.render, Output.PRINT),
        xlsx=_guard(printout, printout.xlsx, Output.EXPORT) if printout.xlsx is not None else None,
    )
