"""Secrecy grades (密级), ordered; the user's clearance is one of them (A6, A12).

The five levels are fixed (公开 < 内部 < 秘密 < 机密 < 绝密); in English, by the office's translation
table, Public < Internal < Confidential < Secret < Top secret (秘密 is *Confidential*, 机密 is *Secret*:
the English names keep the order). The member names below are older than that table and are stored
(the loan rules name grades by them), so they stay as they are: ``Grade.SECRET`` is 秘密, shown as
"Confidential". Their display names are the office's
to choose (some offices say 普通商密/核心商密): :func:`set_office_names` puts the names the office
saved (``services/secrecy/grades.py``) in force for the whole application, and every label, list and
printout follows through :meth:`Grade.label`.

A box or a volume is as secret as the most secret thing in it (:func:`most_secret`). Owner files are
绝密 by the rule (:data:`OWNER_FILE_GRADE`, A12). Grades from 秘密 up are classified (涉密,
:data:`CLASSIFIED_FROM`): viewing, printing and exporting them is recorded in the audit trail.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


class Grade(IntEnum):
    PUBLIC = 0  # 公开
    INTERNAL = 1  # 内部
    SECRET = 2  # 秘密, "Confidential" in English (the member name is stored: see the module's docstring)
    CONFIDENTIAL = 3  # 机密, "Secret" in English
    TOP_SECRET = 4  # 绝密

    def label(self, lang: str = "zh") -> str:
        """The office's name for this grade (the default name where the office chose none)."""
        zh = lang.startswith("zh")
        named = _OFFICE.get(self)
        if named is not None:
            return named[0] if zh else named[1]
        return default_label(self, lang)


_ZH = {
    Grade.PUBLIC: "公开",
    Grade.INTERNAL: "内部",
    Grade.SECRET: "秘密",
    Grade.CONFIDENTIAL: "机密",
    Grade.TOP_SECRET: "绝密",
}
_EN = {  # the office's translation table: the English names keep the order of the Chinese ones
    Grade.PUBLIC: "Public",
    Grade.INTERNAL: "Internal",
    Grade.SECRET: "Confidential",  # 秘密
    Grade.CONFIDENTIAL: "Secret",  # 机密
    Grade.TOP_SECRET: "Top secret",
}
_OFFICE: dict[Grade, tuple[str, str]] = {}

OWNER_FILE_GRADE = Grade.TOP_SECRET
"""Owner files are top secret (业主档案为绝密, A12)."""

CLASSIFIED_FROM = Grade.SECRET
"""The classified grades (涉密: 秘密、机密、绝密): viewing, printing and exporting them is audited (A6, A11)."""

DEFAULT_ENCRYPT_FROM = Grade.SECRET
"""Attachments of records at or above this grade are stored encrypted unless the office chooses otherwise (A6)."""

MAX_NAME = 20


def default_label(grade: Grade, lang: str = "zh") -> str:
    """The grade's standard name (公开/内部/秘密/机密/绝密), whatever the office calls it."""
    return (_ZH if lang.startswith("zh") else _EN)[grade]


def is_classified(level: int) -> bool:
    """Whether a record of this level is classified (涉密)."""
    return level >= CLASSIFIED_FROM


def most_secret(levels: Iterable[int]) -> Grade:
    """How secret a container is: as secret as the most secret thing in it; an empty one is 公开."""
    return Grade(max(levels, default=int(Grade.PUBLIC)))


def check_office_names(names: Mapping[Grade, tuple[str, str]]) -> dict[Grade, tuple[str, str]]:
    """Names the office wants for the grades, checked: each non-empty, at most 20 characters, all different.

    Grades left out keep their standard names. Raises an InputProblem naming the grade at fault.
    """
    from estate_desk.domain.errors import InputProblem

    checked: dict[Grade, tuple[str, str]] = {}
    for grade, (zh, en) in names.items():
        zh, en = zh.strip(), en.strip()
        if not zh or len(zh) > MAX_NAME or len(en) > MAX_NAME:
            raise InputProblem(
                zh=f"密级“{default_label(grade)}”的名称须为 1–{MAX_NAME} 个字符：{zh or '（空）'}",
                en=f"The name of grade '{default_label(grade, 'en')}' must be 1–{MAX_NAME} characters: {zh or '(empty)'}",
                where=default_label(grade),
            )
        checked[Grade(grade)] = (zh, en or default_label(Grade(grade), "en"))
    every = {g: checked.get(g, (default_label(g), default_label(g, "en"))) for g in Grade}
    seen: dict[str, Grade] = {}
    for grade, (zh, _en) in every.items():
        if zh in seen:
            raise InputProblem(
                zh=f"两个密级不能同名：“{zh}”（{default_label(seen[zh])} 与 {default_label(grade)}）",
                en=f"Two grades cannot share a name: '{zh}' ({default_label(seen[zh], 'en')} and {default_label(grade, 'en')})",
                where=zh,
            )
        seen[zh] = grade
    return checked


def set_office_names(names: Mapping[Grade, tuple[str, str]] | None) -> None:
    """Put the office's grade names in force (None or empty: the standard names)."""
    _OFFICE.clear()
    if names:
        _OFFICE.update(check_office_names(names))


def parse_grade(text: str) -> Grade:
    """A grade from its level (0–4), the name a user reads (the office's, the standard Chinese or English
    one) or, failing those, its stored member name (``top_secret``).

    The names a user reads come first: "secret" is 机密, as the English table says, not the member
    ``Grade.SECRET`` (秘密), whose name predates the table.
    """
    wanted = _plain(text)
    for grade in Grade:
        shown = {str(int(grade)), _ZH[grade], _plain(_EN[grade]), *(_plain(n) for n in _OFFICE.get(grade, ()))}
        if wanted in shown:
            return grade
    for grade in Grade:
        if wanted == _plain(grade.name):
            return grade
    from estate_desk.domain.errors import InputProblem

    names = "/".join(g.label() for g in Grade)
    english = "/".join(g.label("en") for g in Grade)
    raise InputProblem(zh=f"未知的密级：{text}（{names}）", en=f"Unknown secrecy grade: {text} ({english})")


def _plain(name: str) -> str:
    """A grade's name as typed: case, underscores and extra spaces don't matter ("Top_Secret" = "top secret")."""
    return " ".join(name.strip().lower().replace("_", " ").split())
