"""The encryption threshold (加密密级, A6): attachments of records at or above this grade are stored encrypted.

Read here by sealing (which files are sealed) and by the secrecy settings; changed only through
``services/secrecy/grades.set_encrypt_from``, which then brings every stored file into line with
``services/secrecy/sealing.py``. Reading it needs nothing else of the secrecy settings, which is why it
sits below both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.secrecy.grades import DEFAULT_ENCRYPT_FROM, Grade
from estate_desk.store.accounts import Setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ENCRYPT_FROM = "secrecy.encrypt_from"


def encrypt_from(s: Session) -> Grade:
    """Attachments of records at or above this grade are stored encrypted (A6)."""
    row = s.get(Setting, ENCRYPT_FROM)
    try:
        return Grade(int(row.value)) if row is not None else DEFAULT_ENCRYPT_FROM
    except ValueError:
        return DEFAULT_ENCRYPT_FROM
