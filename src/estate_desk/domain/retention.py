"""Retention periods (保管期限): permanent, or a number of years from the end of the record's year (A17)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from estate_desk.domain.errors import InputProblem


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
