"""A digitisation batch back in the archive room (入库, DA/T 31): every box that went to the scanner comes back.

The boxes of a batch (:func:`~estate_desk.services.digitise.batches.boxes_of`) left the room when scanning
began; they are 在数字化 until this step, and lent to nobody (``services/archive/record_state``). Taking the
batch back means scanning (or typing) each box's code as it is put back on its shelf: a code of a box that
is not the batch's is refused by name, a box still missing keeps the batch at 验收 and is named too. Only then
does the batch stand at 入库 — and only once its 验收 sample passed (``acceptance.py``) — with the count of boxes in its step log and the audit trail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.digitise.steps import LAST, Step, check_move
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.services import audit
from estate_desk.services.archive.numbering import code_forms_in
from estate_desk.services.audit import Target
from estate_desk.services.digitise.acceptance import (
    require_no_pending_open,
    require_no_rescan_waiting,
    require_sample_passed,
)
from estate_desk.services.digitise.batches import BatchView, batch_view, boxes_of, load, require_keeper
from estate_desk.store.digitise import DigitiseStepLog

if TYPE_CHECKING:
    from collections.abc import Iterable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def return_batch(db: Database, clock: Clock, actor: Actor, batch_id: int, scanned: Iterable[str]) -> BatchView:
    """Put a batch back (入库) when ``scanned`` names every one of its boxes and no other box."""
    require_keeper(actor, "将数字化批次入库", "return digitisation batches to the archive room")
    with db.session() as s:
        batch = load(s, batch_id)
        check_move(batch.code, Step(batch.step), LAST)
        require_no_rescan_waiting(s, batch)
        require_no_pending_open(s, batch)
        require_sample_passed(s, batch)
        expected = boxes_of(s, batch.id)
        back: set[int] = set()
        strangers: list[str] = []
        for text in scanned:
            code = text.strip()
            if not code:
                continue
            forms = set(code_forms_in(s, code))
            box_id = next((i for i, stored in expected.items() if stored in forms), None)
            if box_id is None:
                strangers.append(code)
            else:
                back.add(box_id)
        if strangers:
            raise InputProblem(
                zh=f"这些档案盒不属于数字化批次 {batch.code}：{'、'.join(strangers)}",
                en=f"These boxes are not digitisation batch {batch.code}'s: {', '.join(strangers)}",
                where="、".join(strangers),
            )
        missing = sorted(code for i, code in expected.items() if i not in back)
        if missing:
            raise RuleViolation(
                zh=f"数字化批次 {batch.code} 还有 {len(missing)} 盒未归还：{'、'.join(missing)}",
                en=f"Digitisation batch {batch.code} still has {len(missing)} box(es) out: {', '.join(missing)}",
                rule="A5",
                where="、".join(missing),
            )
        current = batch.step
        batch.step = LAST.value
        note = f"入库 {len(expected)} 盒"
        s.add(DigitiseStepLog(batch_id=batch.id, step=LAST.value, by_user=actor.user_id, at=clock.now(), note=note))
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("digitise", batch.id, batch.code),
            detail={"digitise": "step", "from": current, "to": LAST.value, "boxes": sorted(expected.values())},
            clock=clock,
        )
    return batch_view(db, actor, batch_id)
