"""The quarterly household census (家庭情况普查, A14): quarters and a census's progress.

Every quarter each household (a room with a current owner) is checked once: one task per
household. A quarter's census is DUE while it runs with tasks still open (or not yet
started), OVERDUE once the quarter has ended with tasks open, and OK when every task is
done (or before the quarter begins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.routines.common import RoutineStatus

_QUARTER_TEXT = re.compile(r"([0-9]{4})\s*(?:[-/]?\s*[qQ]|年\s*第?|[-/\s])\s*([1-4一二三四])\s*(?:季度|季)?")
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_ZH_NUMBERS = "一二三四"


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter (季度): Q1 is January–March … Q4 October–December."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise InputProblem(zh=f"季度只能是 1–4：{self.number}", en=f"A quarter is 1–4: {self.number}", rule="A14")
        if not 1900 <= self.year <= 9999:
            raise InputProblem(zh=f"年份不合理：{self.year}", en=f"Unreasonable year: {self.year}", rule="A14")

    @staticmethod
    def of(day: date) -> Quarter:
        """The quarter a date falls in."""
        return Quarter(day.year, (day.month - 1) // 3 + 1)

    @staticmethod
    def parse(text: str) -> Quarter:
        """``2026Q4``, ``2026-Q4``, ``2026 q4``, ``2026年第4季度``, ``2026年第四季度``."""
        match = _QUARTER_TEXT.fullmatch(text.strip())
        if match is None:
            raise InputProblem(
                zh=f"无法识别季度「{text}」，请写成「2026Q4」或「2026年第4季度」",
                en=f"Cannot read the quarter '{text}': write it like 2026Q4",
                rule="A14",
            )
        digit = match.group(2)
        return Quarter(int(match.group(1)), _CHINESE_DIGITS.get(digit) or int(digit))

    @property
    def code(self) -> str:
        """The stored form: ``2026Q4``."""
        return f"{self.year}Q{self.number}"

    def label(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            return f"{self.year}年第{_ZH_NUMBERS[self.number - 1]}季度"
        return f"Q{self.number} {self.year}"

    @property
    def start(self) -> date:
        """The quarter's first day."""
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The quarter's last day."""
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def quarter_of(day: date) -> str:
    """The code of the quarter a date falls in: 2026-11-23 → ``2026Q4``."""
    return Quarter.of(day).code


@dataclass(frozen=True)
class CensusProgress:
    """How far a quarter's census has got: tasks done of all, and whether it is late."""

    quarter: Quarter
    done: int
    total: int  # 0: the census of that quarter has not been started
    status: RoutineStatus
    days_left: int  # days until the quarter's last day (0 on that day, negative after)

    @property
    def open(self) -> int:
        return self.total - self.done

    @property
    def started(self) -> bool:
        return self.total > 0

    @property
    def complete(self) -> bool:
        return self.started and self.done == self.total

    @property
    def percent(self) -> int:
        """Whole percent done, rounded down (so 100 means every task is done)."""
        return 0 if self.total == 0 else self.done * 100 // self.total


def census_progress(quarter: Quarter, done: int, total: int, today: date) -> CensusProgress:
    """A census's status on ``today`` (an office date).

    OK when every task is done or the quarter has not begun; OVERDUE once the quarter's
    last day has passed with tasks open or no census started; DUE in between. A census
    with no tasks counts as not started (an estate with households always has tasks).
    """
    if not 0 <= done <= total:
        raise ValueError(f"done ({done}) must be between 0 and total ({total})")
    if (total > 0 and done == total) or today < quarter.start:
        status = RoutineStatus.OK
    elif today > quarter.end:
        status = RoutineStatus.OVERDUE
    else:
        status = RoutineStatus.DUE
    return CensusProgress(quarter, done, total, status, (quarter.end - today).days)
