"""Opening the archive on this workstation (打开档案库): an interrupted restore first, then the attachment folder.

The window and every CLI command that opens the archive come through :func:`open_store` before anything
else reads it, so a restore stopped part-way is finished or undone (A5, ``services/maintenance/restore_journal.py``)
and the attachment folder — on a LAN the shared one — is checked to belong to this archive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.services.maintenance import restore_journal
from estate_desk.store import attachment_home

if TYPE_CHECKING:
    from estate_desk.store.blobs import BlobStore
    from estate_desk.store.database import Database


def open_store(db: Database) -> BlobStore:
    """Check, when the archive is opened, that this workstation's attachment folder is reachable and
    belongs to this archive (marking a new one); refused with a :class:`DatabaseProblem` otherwise.

    First a restore that was stopped part-way beside that folder is finished or undone, as the
    database says (``restore_journal.recover``): the window and every CLI command that
    opens the archive come through here, before the folder is checked against the archive."""
    restore_journal.recover(db, attachment_home.configured_folder())
    return attachment_home.bind(db)
