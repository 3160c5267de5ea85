"""Reconciling the archive's maintained counts with the documents (计数核对, issue 18).

``verify`` (:func:`estate_desk.services.maintenance.integrity.check_archive`) compares every row of
``archive_counts`` with ``COUNT(*)`` over the documents and names each difference: which list, which
category, which grade, what is kept and what is there. The cure is :func:`rebuild`
(``estate-desk verify --rebuild-counts``): the table is derived, so refilling it loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.secrecy.grades import Grade
from estate_desk.store import archive_counts
from estate_desk.store.archive import Category

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from estate_desk.store.database import Database

WHERE = "archive_counts"
_LISTS = {
    archive_counts.DOCUMENTS: ("门类件数", "category total"),
    archive_counts.TO_DIGITISE: ("待数字化", "to digitise"),
    archive_counts.PAPER_MISSING: ("纸质件未归位", "paper missing"),
}
_CURE_ZH = "计数表是派生数据，可运行 estate-desk verify --rebuild-counts 按实际数据重建。"
_CURE_EN = "The counts are derived data: run estate-desk verify --rebuild-counts to rebuild them from the records."


def _grade(value: int, lang: str) -> str:
    try:
        return Grade(value).label(lang)
    except ValueError:
        return str(value)


def differences(conn: Connection) -> list[tuple[str, str]]:
    """Each difference between the kept counts and ``COUNT(*)``, in Chinese and English."""
    found = archive_counts.differences(conn)
    if not found:
        return []
    codes: dict[int, str] = {c: code for c, code in conn.execute(select(Category.id, Category.code))}
    lines: list[tuple[str, str]] = []
    for (name, category, grade), (kept, actual) in found.items():
        zh_list, en_list = _LISTS.get(name, (name, name))
        code = codes.get(category, f"#{category}")
        lines.append(
            (
                f"{zh_list}（门类 {code}，{_grade(grade, 'zh')}）计数表记为 {kept}，实际为 {actual}。{_CURE_ZH}",
                f"{en_list} (category {code}, {_grade(grade, 'en')}): the counts say {kept}, "
                f"the records {actual}. {_CURE_EN}",
            )
        )
    return lines


def rebuild(db: Database) -> int:
    """Refill the counts from the documents, in one transaction; returns the rows written."""
    with db.session() as s:
        return archive_counts.rebuild_counts(s)
