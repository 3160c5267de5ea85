"""Retention periods (保管期限): permanent, or a number of years from the end of the record's year (A17)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True)
class Retention:
    """``years`` is None for permanent (永久)."""

    years_kept: int | None

    @staticmethod
    def permanent() -> Retention:
        return Retention(None)

    @staticmethod
    def years(n: int) -> Retention:
        if n <= 0 or n > 200:
            raise InputProblem(zh=f"保管年限不合理：{n}", en=f"Unreasonable retention period: {n} years")
        return Retention(n)

    @property
    def is_permanent(self) -> bool:
        return self.years_kept is None

    @property
    def value(self) -> str:
        """The stored form: ``permanent`` or ``30y``."""
        return "permanent" if self.years_kept is None else f"{self.years_kept}y"

    @property
    def code(self) -> str:
        """The DA/T 22 code in archive numbers: Y (永久), D30, D10 …"""
        return "Y" if self.years_kept is None else f"D{self.years_kept}"

    def label(self, lang: str = "zh") -> str:
        if self.years_kept is None:
            return "永久" if lang.startswith("zh") else "Permanent"
        return f"{self.years_kept}年" if lang.startswith("zh") else f"{self.years_kept} years"

    def expires_on(self, record_year: int) -> date | None:
        """The last day kept: counted from the end of the record's year (2015 + 10 → 2025-12-31)."""
        if self.years_kept is None:
            return None
        return date(record_year + self.years_kept, 12, 31)

    @staticmethod
    def parse(text: str) -> Retention:
        raw = text.strip().lower()
        if raw in ("permanent", "永久", "y"):
            return Retention.permanent()
        for suffix in ("y", "年", "years", "year"):
            if raw.endswith(suffix):
                raw = raw[: -len(suffix)].strip()
                break
        if raw.startswith("d"):
            raw = raw[1:]
        if raw.isdigit():
            return Retention.years(int(raw))
        raise InputProblem(zh=f"无法识别的保管期限：{text}", en=f"Unrecognised retention period: {text}")


STANDARD_PERIODS: tuple[Retention, ...] = (Retention.permanent(), Retention.years(30), Retention.years(10))
"""The periods every office has (永久, 30 年, 10 年); an office adds others (``custom_periods``)."""


def offered_periods(custom_years: Iterable[int]) -> tuple[Retention, ...]:
    """The standard periods and the office's own, longest first, each once."""
    extra = sorted(
        {Retention.years(n) for n in custom_years} - set(STANDARD_PERIODS), key=lambda r: -(r.years_kept or 0)
    )
    return STANDARD_PERIODS + tuple(extra)


def is_expired(retention: Retention, record_year: int, today: date) -> bool:
    """Whether the retention period has run out by ``today`` (the day after the last day kept)."""
    last = retention.expires_on(record_year)
    return last is not None and today > last


def years_kept(record_year: int, on: date) -> int:
    """How long a record has been kept by ``on`` (已保管期限), counted as archives count it: the years from
    its own year to ``on``'s (a 2015 record destroyed in 2026 has been kept 11 years; its 10 ran out at the
    end of 2025)."""
    return max(0, on.year - record_year)
