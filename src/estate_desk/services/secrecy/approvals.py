"""Approvals (审批): the one check every approval passes — lending originals by grade (A12), destroying
expired records (A17), anything else that needs a responsible person's yes.

Nobody approves their own request; an approver's clearance must reach the grade of what is approved.
A refusal is explained and audited; an approval is audited in the caller's unit of work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import PermissionDenied
from estate_desk.services import audit

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.orm import Session

    from estate_desk.domain.roles import Role
    from estate_desk.services.actor import Actor
    from estate_desk.services.audit import Target


def approve(
    s: Session,
    actor: Actor,
    *,
    requested_by: int | None,
    target: Target,
    approvers: Collection[Role],
    what_zh: str,
    what_en: str,
    reason: str = "",
) -> None:
    """Check that ``actor`` may approve this request and record the approval; refused (and audited) when
    the actor asked for it themselves, lacks the role, or is not cleared for its grade."""
    problem: PermissionDenied | None = None
    if requested_by is not None and requested_by == actor.user_id:
        problem = PermissionDenied(
            zh=f"不能审批自己提出的{what_zh}申请，请由另一位负责人审批。",
            en=f"You cannot approve your own {what_en} request; another responsible person must.",
        )
    elif actor.role not in approvers:
        problem = PermissionDenied(
            zh=f"{actor.role.zh}无权审批{what_zh}。", en=f"A {actor.role.en.lower()} may not approve {what_en}."
        )
    elif target.grade is not None and target.grade > int(actor.clearance):
        problem = PermissionDenied(
            zh=f"审批人的密级权限（{actor.clearance.label()}）低于所审批内容的密级。",
            en=f"The approver's clearance ({actor.clearance.label('en')}) is below the grade of what is approved.",
            rule="A12",
        )
    if problem is not None:
        raise audit.refused(s, actor, problem, target)
    audit.record(s, actor, AuditAction.APPROVE, target, reason=reason)
