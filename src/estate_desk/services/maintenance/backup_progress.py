"""Progress and cancelling of a backup or a restore (备份与恢复的进度, A5): work counted in units, stopped between them.

A backup, a check of a backup file and a restore all report how far they are in *work units* — a
row, or 64 KiB of a file (:func:`file_units`) — and ask between two units whether the user has
cancelled. :class:`Ticker` does both; a cancel raises :class:`BackupCancelled`, and the leg that
was running leaves nothing behind (``backup_write.py``, ``restore.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable


class BackupCancelled(UserError):
    """The user stopped a backup or restore; nothing was kept."""


class Ticker:
    """Progress in work units (a row, or 64 KiB of a file) and the cancel check between them."""

    def __init__(
        self, total: int, progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None, what: str
    ) -> None:
        self.total, self.done = max(total, 1), 0
        self.progress, self.cancel, self.what = progress, cancel, what

    def step(self, units: int = 1) -> None:
        self.done = min(self.done + units, self.total)
        if self.cancel is not None and self.cancel():
            zh, en = {"backup": ("备份", "The backup"), "restore": ("恢复", "The restore")}[self.what]
            raise BackupCancelled(zh=f"已取消{zh}，未留下任何内容。", en=f"{en} was cancelled; nothing was kept.")
        if self.progress is not None:
            self.progress(self.done, self.total)


def file_units(size: int) -> int:
    return size // 65536 + 1
