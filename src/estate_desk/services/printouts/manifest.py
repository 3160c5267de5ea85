"""The destruction manifest in the printout registry (补打销毁清册, A17): a batch's manifest printed again.

The manifest itself is made, and filed in the archive for ever, when a batch is carried out
(``services/disposal/manifest.py``); this provider reprints it by the batch's code, as secret as the
most secret record it lists, with who printed it and when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.errors import InputProblem, NotFound
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.printing import fonts
from estate_desk.printing.destruction_manifest import manifest_pdf
from estate_desk.services.disposal.manifest import TITLE_EN, batch_grade, manifest_of
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.catalogues import printed_by
from estate_desk.services.printouts.kinds import Printout, PrintResult, Scope
from estate_desk.store.disposal import DestructionBatch

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Progress, Selection
    from estate_desk.store.database import Database


def _batch_of(s: Session, selection: Selection) -> DestructionBatch:
    code = (selection.batch or "").strip()
    if not code:
        raise InputProblem(zh="请指定销毁批次号。", en="Name the destruction batch (its code).")
    batch = s.scalar(select(DestructionBatch).where(DestructionBatch.code == code))
    if batch is None:
        raise NotFound(zh=f"没有销毁批次 {code}。", en=f"No destruction batch {code}.", where="BATCH")
    return batch


def manifest_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    """How secret a batch's manifest is, whoever reads it: its most secret item (A6, A11, A17)."""
    with db.session() as s:
        return batch_grade(s, _batch_of(s, selection), int(Grade.INTERNAL))


def render_manifest(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    """Reprint a batch's manifest (补打销毁清册), with who printed it and when."""
    with db.session() as s:
        manifest = manifest_of(s, _batch_of(s, selection))
    pages = manifest_pdf(manifest, out, fonts.register_fonts(), printed_by=printed_by(clock, actor))
    if progress is not None:
        progress(len(manifest.lines), len(manifest.lines))
    return PrintResult(out, pages, len(manifest.lines))


MANIFEST_PRINTOUT = printouts.register(
    Printout("manifest", "档案销毁清册", TITLE_EN, frozenset({Scope.BATCH}), render_manifest, grade=manifest_grade)
)
