"""Who may back up the archive (谁可以备份, A6, A11, A12).

A backup holds the *whole* archive — every record's title, every owner's particulars, every file. So
it is not enough that a role may keep the archive: the person must also be cleared for everything in
it, the highest grade in use (:func:`highest_grade_in_use`; owner files count as 绝密 by A12). And the
session must hold the archive's master key, which encrypts the file (``services/maintenance/backup_crypto.py``).

:func:`refusal` says why not (None: allowed) without raising; :func:`require_backup_rights` raises it
and writes the refusal to the audit trail. Every way to back up — the command line, the File menu,
the scheduled backup and the backup at exit — goes through ``services/backup_write.create_backup``, which
asks here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select

from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.store.archive import Document
from estate_desk.store.estate import Owner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

BACKUP_TARGET = Target("archive", None, "备份 backup")


def highest_grade_in_use(s: Session) -> Grade:
    """The most secret grade anything in the archive has: its records' grades, and 绝密 once it holds an
    owner (owner files are top secret, A12). An empty archive: 公开."""
    top = s.scalar(select(func.max(Document.secrecy)))
    grade = Grade(int(top)) if top is not None else Grade.PUBLIC
    if grade < OWNER_FILE_GRADE and s.scalar(select(exists().where(Owner.id.is_not(None)))):
        grade = OWNER_FILE_GRADE
    return grade


def refusal(db: Database, actor: Actor | None) -> PermissionDenied | None:
    """Why ``actor`` may not back up the archive now, or None when they may."""
    if actor is None:
        return PermissionDenied(
            zh="备份需要登录：请以档案管理员或系统管理员身份登录（命令行用 --user）。备份未进行。",
            en="A backup needs a signed-in user: sign in as an archive clerk or administrator (--user on the "
            "command line). No backup was made.",
            rule="A6",
        )
    if actor.role not in ARCHIVE_KEEPERS:
        return PermissionDenied(
            zh=f"{actor.role.zh}无权备份档案库：只有档案管理员和系统管理员可以备份。备份未进行。",
            en=f"A {actor.role.en.lower()} may not back up the archive: only archive clerks and administrators "
            "may. No backup was made.",
            rule="A6",
        )
    with db.session() as s:
        top = highest_grade_in_use(s)
    if actor.clearance < top:
        return PermissionDenied(
            zh=f"备份包含整个档案库，其中最高密级为“{top.label('zh')}”；您的密级权限为“{actor.clearance.label('zh')}”，"
            "不足以备份。备份未进行。",
            en=f"A backup holds the whole archive, whose highest grade is {top.label('en')}; your clearance is "
            f"{actor.clearance.label('en')}, which does not cover it. No backup was made.",
            rule="A6",
        )
    if actor.keyring is None:
        return PermissionDenied(
            zh="本次登录没有解锁档案库主密钥，无法加密备份。请用持有密钥副本的账户登录。备份未进行。",
            en="This session has not unlocked the archive's master key, so the backup cannot be encrypted. Sign "
            "in with an account that holds a copy of the key. No backup was made.",
            rule="A6",
        )
    return None


def may_back_up(db: Database, actor: Actor | None) -> bool:
    return refusal(db, actor) is None


def require_backup_rights(db: Database, actor: Actor | None) -> Actor:
    """Raise (and audit) the refusal when ``actor`` may not back up; hand the actor back when they may."""
    problem = refusal(db, actor)
    if problem is not None:
        raise audit.refused(db, actor, problem, BACKUP_TARGET)
    assert actor is not None
    return actor
