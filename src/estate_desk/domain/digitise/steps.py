"""The steps of a digitisation batch (数字化批次), in DA/T 31's order.

准备 (preparation) → 扫描 (scanning) → 质检 (quality check) → 挂接 (linking) → 验收 (acceptance) → 入库
(back into the archive room). A batch moves one step forward at a time; the quality check and the
acceptance may send it back to scanning (a rescan), and nothing leaves 入库, the last step.
"""

from __future__ import annotations

from enum import StrEnum

from estate_desk.domain.errors import RuleViolation


class Step(StrEnum):
    """Where a batch stands."""

    PREPARE = "prepare"  # 准备
    SCAN = "scan"  # 扫描
    CHECK = "check"  # 质检
    LINK = "link"  # 挂接
    ACCEPT = "accept"  # 验收
    RETURNED = "returned"  # 入库

    @property
    def zh(self) -> str:
        return _ZH[self]

    @property
    def en(self) -> str:
        return _EN[self]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


_ZH = {
    Step.PREPARE: "准备",
    Step.SCAN: "扫描",
    Step.CHECK: "质检",
    Step.LINK: "挂接",
    Step.ACCEPT: "验收",
    Step.RETURNED: "入库",
}
_EN = {
    Step.PREPARE: "Preparation",
    Step.SCAN: "Scanning",
    Step.CHECK: "Quality check",
    Step.LINK: "Linking",
    Step.ACCEPT: "Acceptance",
    Step.RETURNED: "Returned to the archive room",
}

ORDER: tuple[Step, ...] = tuple(Step)
FIRST = Step.PREPARE
LAST = Step.RETURNED
PAPER_OUT = frozenset({Step.SCAN, Step.CHECK, Step.LINK, Step.ACCEPT})
"""Steps while the batch's paper is out of the archive room (在数字化): taken out (出库) when scanning starts,
back at 入库. Its boxes are not lent meanwhile (``services/archive/record_state.require_in_archive_room``)."""

BACK_TO_SCANNING = frozenset({Step.CHECK, Step.ACCEPT})
"""Steps from which a batch may go back to 扫描: the quality check or the acceptance found pages to rescan."""


def next_step(step: Step) -> Step | None:
    """The step after ``step``, or None after 入库."""
    at = ORDER.index(step)
    return ORDER[at + 1] if at + 1 < len(ORDER) else None


def allowed_moves(step: Step) -> frozenset[Step]:
    """Where a batch at ``step`` may go: the next step and, from 质检 or 验收, back to 扫描."""
    moves = {s for s in (next_step(step),) if s is not None}
    if step in BACK_TO_SCANNING:
        moves.add(Step.SCAN)
    return frozenset(moves)


def check_move(code: str, current: Step, target: Step) -> Step:
    """Return ``target`` if a batch at ``current`` may move there, else refuse with both steps named."""
    if target in allowed_moves(current):
        return target
    if current is LAST:
        zh = f"数字化批次 {code} 已入库，不能再改变环节。"
        en = f"Digitisation batch {code} is back in the archive room; its step cannot change any more."
    else:
        after = next_step(current)
        assert after is not None
        zh = f"数字化批次 {code} 正处于“{current.zh}”，下一环节是“{after.zh}”，不能转到“{target.zh}”。"
        en = f"Digitisation batch {code} is at '{current.en}'; its next step is '{after.en}', not '{target.en}'."
    raise RuleViolation(zh=zh, en=en, rule="A5")
