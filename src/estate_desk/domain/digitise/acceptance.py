"""Acceptance by sample (验收, DA/T 31): a share of a batch's records compared with the originals.

The office sets the share to draw (10 % by default, 1–100 %) and the highest error rate a batch may have
(5 % by default). At least one record is drawn. The draw is reproducible: the same records and the same
seed always give the same sample, and the seed is recorded with it. A batch goes back into the archive
room (入库) only when every sampled record has been compared and the error rate is within the limit.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem, RuleViolation

if TYPE_CHECKING:
    from collections.abc import Sequence

DEFAULT_SHARE = 10  # per cent of the batch's records, as issue 17 gives it
# 5 %: a pass rate (合格率) of at least 95 %, the mark digitisation acceptance usually sets for a batch; in a
# 20-record sample one error passes and two do not. An office with a stricter contract sets it lower.
DEFAULT_ERROR_LIMIT = 5


@dataclass(frozen=True)
class SamplePolicy:
    """The office's acceptance settings, in whole per cent."""

    share: int = DEFAULT_SHARE
    error_limit: int = DEFAULT_ERROR_LIMIT

    def __post_init__(self) -> None:
        if not 1 <= self.share <= 100:
            raise InputProblem(
                zh="验收抽检比例须在 1% 到 100% 之间。",
                en="The acceptance sample share must be between 1 % and 100 %.",
                rule="A5",
            )
        if not 0 <= self.error_limit <= 100:
            raise InputProblem(
                zh="验收差错率上限须在 0% 到 100% 之间。",
                en="The acceptance error-rate limit must be between 0 % and 100 %.",
                rule="A5",
            )


def sample_size(records: int, share: int) -> int:
    """How many of ``records`` to draw at ``share`` per cent: rounded up, at least one (none of none)."""
    if records <= 0:
        return 0
    return min(records, max(1, math.ceil(records * share / 100)))


def draw(record_ids: Sequence[int], share: int, seed: int) -> list[int]:
    """The records drawn, in the batch's order; the same ids, share and seed give the same sample."""
    ordered = sorted(record_ids)
    chosen = set(random.Random(seed).sample(ordered, sample_size(len(ordered), share)))
    return [i for i in record_ids if i in chosen]


@dataclass(frozen=True)
class SampleTally:
    drawn: int
    compared: int
    errors: int

    @property
    def rate(self) -> float:
        """Errors per compared record, in per cent (0 when none compared)."""
        return 100 * self.errors / self.compared if self.compared else 0.0


def check_passed(batch: str, tally: SampleTally | None, limit: int) -> None:
    """Refuse 入库 unless the sample was drawn, compared in full and has at most ``limit`` % errors."""
    if tally is None or tally.drawn == 0:
        raise RuleViolation(
            zh=f"数字化批次 {batch} 尚未抽检验收：请先抽取样本并与原件核对（digitise sample）。",
            en=f"Digitisation batch {batch} has not been sampled for acceptance: draw the sample and compare it "
            "with the originals first (digitise sample).",
            rule="A5",
        )
    if tally.compared < tally.drawn:
        left = tally.drawn - tally.compared
        raise RuleViolation(
            zh=f"数字化批次 {batch} 的抽检样本还有 {left} 件未与原件核对。",
            en=f"Digitisation batch {batch} still has {left} sampled record(s) to compare with the originals.",
            rule="A5",
        )
    if tally.rate > limit:
        raise RuleViolation(
            zh=f"数字化批次 {batch} 抽检 {tally.compared} 件，差错 {tally.errors} 件，差错率 {tally.rate:.1f}%，"
            f"超过上限 {limit}%；请将有差错的档案退回重扫后重新核对。",
            en=f"Digitisation batch {batch}: {tally.errors} of {tally.compared} sampled records have errors "
            f"({tally.rate:.1f} %), above the limit of {limit} %; rescan them and compare them again.",
            rule="A5",
        )
