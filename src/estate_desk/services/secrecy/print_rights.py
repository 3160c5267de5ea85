"""Authorisation to print and export (打印、导出授权, A11), enforced once for every printout.

:func:`guarded` wraps the ``render`` and ``xlsx`` of every printout the registry holds
(``services/printouts.register``), so the window's Printing section, ``estate-desk print`` and any
later caller pass the same check:

1. the grade of what would be printed is worked out first (:func:`printout_grade`): the most secret
   record the reader would see in it; owner-file documents are 绝密 whatever their rows (A12); a box
   label states a box's whole contents, so it is as secret as the box and needs clearance for it;
2. the office's setting (``services/grades.output_rights``) must let the reader's role print — or
   export, for a spreadsheet — that grade;
3. ``Selection.options["reason"]`` says why; where the office requires it
   (``secrecy.print_reason_required``) a classified printout without a reason is refused;
4. the file is made; then who, what, which grade and why are written to the audit trail. If that
   record cannot be written the file is removed: nothing leaves without its record.

Refusals are explained and audited. Classified catalogues carry who printed them and when on every
page (``printing/pages.py``, the time from the injected clock).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade, is_classified, most_secret
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.printouts.registry import Scope
from estate_desk.services.secrecy import clearance, grades
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.registry import Printout, PrintResult, Progress, Render, Selection
    from estate_desk.store.database import Database

REASON = "reason"
REASON_REQUIRED = "secrecy.print_reason_required"
OWNER_FILE_PRINTOUTS = frozenset({"owner-catalogue"})
"""Printouts that list owner files (业主档案目录): 绝密 whatever their rows say (A12)."""
BOX_PRINTOUTS = frozenset({"labels"})
"""Printouts that state a box's whole contents (a label's first–last numbers): as secret as the box."""


def reason_required(db: Database) -> bool:
    with db.session() as s:
        row = s.get(Setting, REASON_REQUIRED)
    return row is not None and row.value.strip().lower() in ("1", "yes", "true", "on")


def _documents_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    from estate_desk.services.printouts.scope import resolved

    scope = resolved(db, selection)
    with db.session() as s:
        level = s.scalar(select(func.max(Document.secrecy)).where(*scope.document_filters(actor)))
    return most_secret([level] if level is not None else [])


def _boxes_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    from estate_desk.services.printouts.labels import label_box_ids

    box_ids = label_box_ids(db, actor, selection)
    with db.session() as s:
        return most_secret(clearance.box_grades(s, box_ids).values())


def printout_grade(db: Database, actor: Actor, printout: Printout, selection: Selection) -> Grade:
    """How secret the printout of this selection would be, for this reader."""
    if printout.grade is not None:
        return printout.grade(db, actor, selection)
    if printout.scopes <= {Scope.DATE}:
        return Grade.INTERNAL  # the front desk's day: tickets, not archive records
    if printout.key in BOX_PRINTOUTS:
        return _boxes_grade(db, actor, selection)
    if Scope.BATCH in printout.scopes:  # a destruction manifest: as secret as what it lists (A17)
        from estate_desk.services.disposal.manifest import manifest_grade

        return manifest_grade(db, selection)
    grade = _documents_grade(db, actor, selection)
    if printout.key in OWNER_FILE_PRINTOUTS:
        return max(grade, OWNER_FILE_GRADE)
    return grade


def _target(printout: Printout, selection: Selection, grade: Grade) -> Target:
    chosen = {k: v for k, v in dataclasses.asdict(selection).items() if v not in (None, (), {}) and k != "options"}
    text = printout.title_zh + (" " + " ".join(f"{k}={v}" for k, v in sorted(chosen.items())) if chosen else "")
    return Target("printout", None, text, int(grade))


def require_output(
    db: Database, actor: Actor, output: Output, grade: Grade, what: Target, title_zh: str, title_en: str
) -> None:
    """Refuse (and audit) printing or exporting something of ``grade`` the reader may not (A6, A11)."""
    what_zh, what_en = output.label(), output.value
    if not clearance.may_see(actor, grade):
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh=f"所选范围含有高于本人密级（{actor.clearance.label()}）的档案，不能{what_zh}{title_zh}。",
                en=f"The selection holds records above your clearance ({actor.clearance.label('en')}); "
                f"you may not {what_en} the {title_en.lower()}.",
                rule="A6",
            ),
            what,
        )
    rights = grades.current_output_rights(db)
    if not rights.allows(output, actor.role, grade):
        limit = rights.limit(output, actor.role)
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh=f"{actor.role.zh}最多可{what_zh}“{limit.label()}”级档案，{title_zh}为“{grade.label()}”级，未获授权。",
                en=f"A {actor.role.en.lower()} may {what_en} records up to '{limit.label('en')}'; "
                f"this {title_en.lower()} is '{grade.label('en')}': not authorised.",
                rule="A11",
            ),
            what,
        )


def record_output(
    db: Database,
    actor: Actor,
    output: Output,
    what: Target,
    out: Path,
    facts: dict[str, object],
    *,
    reason: str = "",
    clock: Clock | None = None,
) -> None:
    """Write the print or export to the audit trail; if that fails, the file is removed (nothing leaves
    without its record) and the failure raised."""
    try:
        with db.session() as s:
            audit.record(
                s,
                actor,
                AuditAction.PRINT if output is Output.PRINT else AuditAction.EXPORT,
                what,
                reason=reason,
                detail={"file": out.name, **facts},
                clock=clock,
            )
    except BaseException:
        out.unlink(missing_ok=True)
        raise


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
