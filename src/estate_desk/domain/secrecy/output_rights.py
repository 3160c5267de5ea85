"""Who may print or export what (打印、导出、复制的授权, A11): a role × grade setting with safe defaults.

For each role the office sets the most secret grade it may print, and the most secret grade it may
export (a spreadsheet, a decrypted copy of an attachment). Clearance still comes first: nobody
prints what they may not see. The defaults keep classified material (秘密 and above) with the
people who keep it: the archive clerk (who compiles the catalogues, A7, A9), the management office
and the administrator up to 绝密; a supervisor up to 机密; the front desk and other staff only 内部.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade

if TYPE_CHECKING:
    from collections.abc import Mapping


class Output(StrEnum):
    PRINT = "print"  # 打印 (a PDF is a printout too)
    EXPORT = "export"  # 导出 (spreadsheets, decrypted copies)

    def label(self, lang: str = "zh") -> str:
        return ("打印" if self is Output.PRINT else "导出") if lang.startswith("zh") else self.value


DEFAULT_LIMITS: dict[Role, Grade] = {
    Role.ADMINISTRATOR: Grade.TOP_SECRET,
    Role.MANAGEMENT_OFFICE: Grade.TOP_SECRET,
    Role.ARCHIVE_CLERK: Grade.TOP_SECRET,
    Role.SUPERVISOR: Grade.CONFIDENTIAL,
    Role.STAFF: Grade.INTERNAL,
    Role.RECEPTIONIST: Grade.INTERNAL,
}


def _defaults() -> dict[Output, dict[Role, Grade]]:
    return {output: dict(DEFAULT_LIMITS) for output in Output}


@dataclass(frozen=True)
class OutputRights:
    """The office's setting: for each kind of output and role, the most secret grade allowed."""

    limits: Mapping[Output, Mapping[Role, Grade]] = field(default_factory=_defaults)

    def limit(self, output: Output, role: Role) -> Grade:
        return self.limits.get(output, {}).get(role, DEFAULT_LIMITS[role])

    def allows(self, output: Output, role: Role, grade: int) -> bool:
        return grade <= self.limit(output, role)

    def with_limit(self, output: Output, role: Role, grade: Grade) -> OutputRights:
        limits = {o: dict(self.limits.get(o, DEFAULT_LIMITS)) for o in Output}
        limits[output][role] = grade
        return OutputRights(limits)

    def to_json(self) -> str:
        return json.dumps({o.value: {r.value: int(self.limit(o, r)) for r in Role} for o in Output}, sort_keys=True)

    @staticmethod
    def from_json(text: str | None) -> OutputRights:
        """The stored setting; anything unreadable or missing falls back to the defaults, never to more."""
        limits = _defaults()
        try:
            stored = json.loads(text) if text else {}
        except ValueError:
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        for output in Output:
            row = stored.get(output.value)
            if not isinstance(row, dict):
                continue
            for role in Role:
                value = row.get(role.value)
                if isinstance(value, int) and int(Grade.PUBLIC) <= value <= int(Grade.TOP_SECRET):
                    limits[output][role] = Grade(value)
        return OutputRights(limits)
