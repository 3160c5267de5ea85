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


USER_READERS = USER_MANAGERS | {Role.MANAGEMENT_OFFICE, Role.SUPERVISOR}
"""Roles that may see the list of accounts (the management office and supervisors read, administrators manage)."""


class Home(StrEnum):
    """The section a user lands on after signing in."""

    FIRST_STEPS = "first_steps"  # 开始使用: an empty archive's first steps
    TODAY = "today"  # 今日待办
    ARCHIVE = "archive"  # 档案
    DESK = "desk"  # 前台
    ADMIN = "admin"  # 管理

    def label(self, lang: str = "zh") -> str:
        return _HOME_ZH[self] if lang.startswith("zh") else _HOME_EN[self]


_HOME_ZH = {
    Home.FIRST_STEPS: "开始使用",
    Home.TODAY: "今日待办",
    Home.ARCHIVE: "档案",
    Home.DESK: "前台",
    Home.ADMIN: "管理",
}
_HOME_EN = {
    Home.FIRST_STEPS: "First steps",
    Home.TODAY: "Today",
    Home.ARCHIVE: "Archive",
    Home.DESK: "Front desk",
    Home.ADMIN: "Administration",
}
CLERK_HOMES = (Home.TODAY, Home.ARCHIVE)
"""Where the office may send the archive clerk: the day's to-do list or the archive itself."""


def home_of(role: Role, clerk_home: Home = Home.TODAY, *, archive_empty: bool = False) -> Home:
    """Each role's own home. The receptionist, the staff and the supervisor work the front desk's board;
    the clerk lands where the office set (今日待办 by default); the management office on the day's list;
    the administrator on 管理. While the archive holds nothing yet, those who build it (the clerk and the
    administrator) land on the first steps instead."""
    if archive_empty and role in ARCHIVE_KEEPERS:
        return Home.FIRST_STEPS
    if role is Role.ARCHIVE_CLERK:
        return clerk_home if clerk_home in CLERK_HOMES else Home.TODAY
    if role is Role.ADMINISTRATOR:
        return Home.ADMIN
    if role is Role.MANAGEMENT_OFFICE:
        return Home.TODAY
    return Home.DESK
