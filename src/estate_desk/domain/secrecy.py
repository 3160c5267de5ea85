"""Secrecy grades (密级), ordered; the user's clearance is one of them (A6, A12)."""

from __future__ import annotations

from enum import IntEnum


class Grade(IntEnum):
    PUBLIC = 0  # 公开
    INTERNAL = 1  # 内部
    SECRET = 2  # 秘密
    CONFIDENTIAL = 3  # 机密
    TOP_SECRET = 4  # 绝密

    def label(self, lang: str = "zh") -> str:
        return (_ZH if lang.startswith("zh") else _EN)[self]


_ZH = {
    Grade.PUBLIC: "公开",
    Grade.INTERNAL: "内部",
    Grade.SECRET: "秘密",
    Grade.CONFIDENTIAL: "机密",
    Grade.TOP_SECRET: "绝密",
}
_EN = {
    Grade.PUBLIC: "Public",
    Grade.INTERNAL: "Internal",
    Grade.SECRET: "Secret",
    Grade.CONFIDENTIAL: "Confidential",
    Grade.TOP_SECRET: "Top secret",
}


def parse_grade(text: str) -> Grade:
    wanted = text.strip().lower()
    for grade in Grade:
        if wanted in (str(int(grade)), grade.name.lower(), _ZH[grade], _EN[grade].lower()):
            return grade
    from estate_desk.domain.errors import InputProblem

    raise InputProblem(
        zh=f"未知的密级：{text}（公开/内部/秘密/机密/绝密）",
        en=f"Unknown secrecy grade: {text} (public/internal/secret/confidential/top_secret)",
    )
