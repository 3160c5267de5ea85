"""What a record's state allows (档案状态): a destroyed record is a tombstone, a void one is not current.

A destroyed record keeps only its catalogue entry, which never changes again (A17); a void record stays
in the archive, marked, but is no longer lent or used as a current record (A16). Registering, attaching,
legal holds and the loan desk all ask here, so the rule is said once. The marks themselves are set and
lifted in ``services/disposal/marks.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import RuleViolation

if TYPE_CHECKING:
    from estate_desk.store.archive import Document


def require_current(document: Document) -> None:
    """Refuse to treat a void or destroyed record as current (to lend it, for one): RuleViolation A16/A17."""
    if document.destroyed_in is not None:
        raise RuleViolation(
            zh=f"{document.archive_no} 已销毁，不能借出。",
            en=f"{document.archive_no} has been destroyed; it cannot be lent.",
            rule="A17",
        )
    if document.void:
        raise RuleViolation(
            zh=f"{document.archive_no} 已作废（{document.void_reason}），不能作为现行档案借出。",
            en=f"{document.archive_no} is void ({document.void_reason}); it cannot be lent as a current record.",
            rule="A16",
        )


def require_not_destroyed(document: Document) -> None:
    """Refuse to change a tombstone (its catalogue data stays as it was when destroyed)."""
    if document.destroyed_in is not None:
        raise RuleViolation(
            zh=f"{document.archive_no} 已销毁，只保留目录信息，不能修改。",
            en=f"{document.archive_no} has been destroyed; its catalogue entry is kept as it was and cannot change.",
            rule="A17",
        )
