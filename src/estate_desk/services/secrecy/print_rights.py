"""The right to print, copy and export (打印、复制、导出授权, A6, A11): one check and one audit record.

:func:`require_output` refuses (and audits) printing, copying or exporting something of a grade the
reader may not — above their clearance (A6), or above what the office lets their role output
(``services/secrecy/grades.current_output_rights``, A11). :func:`record_output` writes who, what, which
grade and why to the audit trail, and removes the file if that record cannot be written: nothing leaves
without its record. Every printout passes them through ``services/printouts/guard.py``; the loan desk's
copies and the roster's export call them directly. ``secrecy.print_reason_required`` says whether a
classified output needs a reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.secrecy import clearance, grades
from estate_desk.store.accounts import Setting

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.services.audit import Target
    from estate_desk.store.database import Database

REASON = "reason"
REASON_REQUIRED = "secrecy.print_reason_required"


def reason_required(db: Database) -> bool:
    with db.session() as s:
        row = s.get(Setting, REASON_REQUIRED)
    return row is not None and row.value.strip().lower() in ("1", "yes", "true", "on")


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
