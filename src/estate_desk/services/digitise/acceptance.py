"""The office's acceptance settings (验收) and the gate a batch passes on its way back (入库).

The share of a batch's records drawn for comparison with the originals and the highest error rate
allowed are office-wide settings, kept in the ``settings`` table as JSON under ``digitise.*`` like the
desk's (``services/desk/settings.py``); unset, the defaults of ``domain/digitise/acceptance.py`` apply
(10 % drawn, at most 5 % errors). The administrator or the management office sets them — not the clerks
whose batches they judge.

:func:`require_no_rescan_waiting` keeps a batch from moving past 质检, or back to 入库, while a record it
sent to be rescanned has not been scanned again; :func:`require_no_pending_open` keeps it from 验收 and
入库 while pages it left in 待处理 are unsettled. :func:`require_sample_passed` is the one check that a batch's sample was drawn, compared in full and is
within the limit; moving a batch to 入库 asks it (``batches.advance`` and ``returning.return_batch``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from estate_desk.domain.digitise.acceptance import SamplePolicy, SampleTally, check_passed
from estate_desk.domain.digitise.decisions import Decision, check_no_pending_open, check_no_rescan_waiting
from estate_desk.domain.roles import Role
from estate_desk.services.permissions import require_role
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Document
from estate_desk.store.digitise import DigitiseRecord, DigitiseSample, PendingItem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.store.digitise import DigitiseBatch

SHARE_SETTING = "digitise.sample_share"  # 10 (per cent)
ERROR_LIMIT_SETTING = "digitise.error_limit"  # 5 (per cent)
POLICY_KEEPERS = frozenset({Role.ADMINISTRATOR, Role.MANAGEMENT_OFFICE})


def _number(s: Session, key: str, default: int) -> int:
    text = s.scalar(select(Setting.value).where(Setting.key == key))
    try:
        value = json.loads(text) if text is not None else default
    except ValueError:
        return default  # a hand-edited value that is not JSON: the default applies
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def policy_in(s: Session) -> SamplePolicy:
    """The office's acceptance settings inside a unit of work; a value out of range falls back to the default."""
    default = SamplePolicy()
    share = _number(s, SHARE_SETTING, default.share)
    limit = _number(s, ERROR_LIMIT_SETTING, default.error_limit)
    return SamplePolicy(
        share if 1 <= share <= 100 else default.share, limit if 0 <= limit <= 100 else default.error_limit
    )


def sample_policy(db: Database) -> SamplePolicy:
    with db.session() as s:
        return policy_in(s)


def set_sample_policy(db: Database, actor: Actor, share: int, error_limit: int) -> SamplePolicy:
    """Set the share drawn for 验收 (1–100 %) and the error-rate limit (0–100 %); later draws use them."""
    require_role(actor, POLICY_KEEPERS, zh="修改验收抽检设置", en="change the acceptance sampling settings")
    policy = SamplePolicy(share, error_limit)  # checks the ranges
    with db.session() as s:
        for key, value in ((SHARE_SETTING, policy.share), (ERROR_LIMIT_SETTING, policy.error_limit)):
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=json.dumps(value)))
            else:
                row.value = json.dumps(value)
    return policy


def tally_in(s: Session, batch_id: int) -> SampleTally | None:
    """How many records were drawn, compared and found in error; None when no sample was drawn."""
    drawn, compared, errors = s.execute(
        select(
            func.count(),
            func.count().filter(DigitiseSample.result != ""),
            func.count().filter(DigitiseSample.result == "error"),
        ).where(DigitiseSample.batch_id == batch_id)
    ).one()
    return SampleTally(drawn, compared, errors) if drawn else None


def require_sample_passed(s: Session, batch: DigitiseBatch) -> None:
    """Refuse 入库 unless the batch's sample was compared in full within the office's error-rate limit."""
    check_passed(batch.code, tally_in(s, batch.id), policy_in(s).error_limit)


def require_no_rescan_waiting(s: Session, batch: DigitiseBatch) -> None:
    """Refuse while a record of the batch waits for its rescan (``domain/digitise/decisions.py``)."""
    waiting = s.scalars(
        select(Document.archive_no)
        .join(DigitiseRecord, DigitiseRecord.document_id == Document.id)
        .where(DigitiseRecord.batch_id == batch.id, DigitiseRecord.decision == Decision.RESCAN.value)
        .order_by(DigitiseRecord.position)
    ).all()
    check_no_rescan_waiting(batch.code, list(waiting))


def require_no_pending_open(s: Session, batch: DigitiseBatch) -> None:
    """Refuse while pages the batch's stacks left in 待处理 are unsettled (``domain/digitise/decisions.py``)."""
    open_items = s.scalar(select(func.count()).where(PendingItem.batch_id == batch.id, PendingItem.settled == "open"))
    check_no_pending_open(batch.code, open_items or 0)
