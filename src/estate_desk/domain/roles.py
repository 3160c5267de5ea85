"""Who does what in the office (roles are fixed by the plans; users are the office's)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ARCHIVE_CLERK = "archive_clerk"  # 档案管理员
    RECEPTIONIST = "receptionist"  # 前台接待
    STAFF = "staff"  # 工作人员: guards, repair staff, handlers
    SUPERVISOR = "supervisor"  # 主管
    MANAGEMENT_OFFICE = "management_office"  # 管理处
    ADMINISTRATOR = "administrator"  # 系统管理员

    @property
    def zh(self) -> str:
        return _ZH[self]

    @property
    def en(self) -> str:
        return _EN[self]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


_ZH = {
    Role.ARCHIVE_CLERK: "档案管理员",
    Role.RECEPTIONIST: "前台接待",
    Role.STAFF: "工作人员",
    Role.SUPERVISOR: "主管",
    Role.MANAGEMENT_OFFICE: "管理处",
    Role.ADMINISTRATOR: "系统管理员",
}
_EN = {
    Role.ARCHIVE_CLERK: "Archive clerk",
    Role.RECEPTIONIST: "Receptionist",
    Role.STAFF: "Staff / handler",
    Role.SUPERVISOR: "Supervisor",
    Role.MANAGEMENT_OFFICE: "Management office",
    Role.ADMINISTRATOR: "Administrator",
}

USER_MANAGERS = frozenset({Role.ADMINISTRATOR})
"""Roles that may add, disable and list accounts."""


ARCHIVE_KEEPERS = frozenset({Role.ARCHIVE_CLERK, Role.ADMINISTRATOR})
"""Roles that register, file, box and move archive records, edit owner files and run the clerk's routines."""


def parse_role(text: str) -> Role:
    """A role from its value, English or Chinese name (``archive_clerk``, ``Archive clerk``, ``档案管理员``)."""
    wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
    for role in Role:
        if wanted in (role.value, role.en.lower().replace(" ", "_"), role.zh):
            return role
    from estate_desk.domain.errors import InputProblem

    choices = ", ".join(f"{r.value} ({r.zh})" for r in Role)
    raise InputProblem(zh=f"未知的角色：{text}。可选：{choices}", en=f"Unknown role: {text}. Choose from: {choices}")
