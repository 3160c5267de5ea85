"""Deciding on each record's scan after the quality check (质检, DA/T 31 §质量检查): accept it, or rescan it.

The clerk accepts a record's scan, or has it rescanned with a reason (the reason is required and kept).
A rescan sends the record back to waiting inside its batch: the batch's next stack holding the record's
cover sheet again brings the new scan, which replaces the earlier one as the batch's current scan (the
earlier one is kept). A record is decided on while its batch stands at 质检 or 验收 (where a sample may
find an error), and only when it has a current scan: there is nothing to accept or rescan before.
"""

from __future__ import annotations

from enum import StrEnum

from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, RuleViolation

DECIDING_STEPS = frozenset({Step.CHECK, Step.ACCEPT})
"""Steps at which a record's scan is accepted or sent to be rescanned."""


class Decision(StrEnum):
    ACCEPTED = "accepted"  # 合格，接收
    RESCAN = "rescan"  # 重扫

    @property
    def zh(self) -> str:
        return "接收" if self is Decision.ACCEPTED else "重扫"

    @property
    def en(self) -> str:
        return "accepted" if self is Decision.ACCEPTED else "to be rescanned"


def check_decision(
    batch: str, archive_no: str, step: Step, has_scan: bool, latest: Decision | None, wanted: Decision, reason: str
) -> str:
    """Return the reason (stripped) if ``wanted`` may be decided on a record of ``batch`` now, else refuse.

    ``has_scan``: the record has a current scan in the batch; ``latest``: the decision already on that scan.
    """
    if step not in DECIDING_STEPS:
        raise RuleViolation(
            zh=f"数字化批次 {batch} 正处于“{step.zh}”；只有在“质检”或“验收”环节才能接收或退回重扫。",
            en=f"Digitisation batch {batch} is at '{step.en}'; records are accepted or sent to be rescanned at "
            "'Quality check' or 'Acceptance' only.",
            rule="A5",
        )
    if latest is Decision.RESCAN:
        raise RuleViolation(
            zh=f"{archive_no} 已退回重扫，请先导入新的扫描件。",
            en=f"{archive_no} is waiting to be rescanned; import its new scan first.",
            rule="A5",
        )
    if not has_scan:
        raise RuleViolation(
            zh=f"{archive_no} 在本批次中还没有扫描件，无从接收或重扫。",
            en=f"{archive_no} has no scan in this batch yet: there is nothing to accept or rescan.",
            rule="A5",
        )
    if wanted is Decision.ACCEPTED and latest is Decision.ACCEPTED:
        raise RuleViolation(
            zh=f"{archive_no} 的扫描件已经接收过了。",
            en=f"{archive_no}'s scan has been accepted already.",
            rule="A5",
        )
    text = reason.strip()
    if wanted is Decision.RESCAN and not text:
        raise InputProblem(
            zh=f"退回 {archive_no} 重扫时请写明原因（例如：漏扫第 3 页）。",
            en=f"Say why {archive_no} is to be rescanned (for example: page 3 missing).",
            rule="A5",
        )
    return text


def check_no_rescan_waiting(batch: str, waiting: list[str]) -> None:
    """A batch moves on from 质检 (to 挂接) or goes back to the archive room (入库) only when no record of it
    still waits for the rescan it was sent to: its new pages would come to a batch that has moved past
    扫描. ``waiting`` holds those records' archive numbers."""
    if not waiting:
        return
    shown = "、".join(waiting[:5]) + ("……" if len(waiting) > 5 else "")
    raise RuleViolation(
        zh=f"数字化批次 {batch} 还有 {len(waiting)} 件档案等待重扫（{shown}）：请退回“扫描”环节导入新的扫描件。",
        en=f"Digitisation batch {batch} still has {len(waiting)} record(s) waiting to be rescanned ({shown}): "
        "move it back to 'Scanning' and import their new scans.",
        rule="A5",
    )


def check_no_pending_open(batch: str, open_items: int) -> None:
    """A batch goes to 验收 (or back to 入库) only when every page it left in 待处理 was settled — assigned
    to its record, sent to be rescanned, or dropped: accepting a batch whose stray pages nobody looked at
    could leave a record short of pages that are sitting in the queue."""
    if open_items:
        raise RuleViolation(
            zh=f"数字化批次 {batch} 还有 {open_items} 项待处理未处理：请先逐项指定档案、重扫或舍弃。",
            en=f"Digitisation batch {batch} still has {open_items} unsettled item(s) in 待处理: assign, rescan or "
            "drop each one first.",
            rule="A5",
        )
