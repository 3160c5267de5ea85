"""When a file in the scan inbox is whole (A5, DA/T 31): it has stopped growing.

A scanner (or a copy over the LAN) writes its file a piece at a time; read too early, a PDF is cut short
or a set of page images is missing its last pages. So the inbox reads a stack only after what it is made of
— each file's size and modification time, and for a set of images which files there are — has stayed the
same for a quiet period, measured on the injected clock from the first time it was seen so.
:func:`observe` keeps that memory from one look at the folder to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

QUIET = timedelta(seconds=5)  # a scanner's pause between pages is shorter; a LAN copy touches the file often


@dataclass(frozen=True)
class FileState:
    """What a file looked like: its name, size and modification time (nanoseconds)."""

    name: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Seen:
    """A stack's files as last seen, and since when they have looked exactly so."""

    files: tuple[FileState, ...]
    since: datetime


def observe(
    before: Seen | None, files: tuple[FileState, ...], now: datetime, quiet: timedelta = QUIET
) -> tuple[Seen, bool]:
    """The new memory of a stack, and whether it is whole: unchanged for ``quiet`` and not empty of files.

    Any change — a file grown, touched, added or gone — starts the quiet period again.
    """
    if quiet < timedelta(0):
        raise ValueError("a quiet period is not negative")
    if before is None or before.files != files:
        return Seen(files, now), False
    return before, bool(files) and now - before.since >= quiet
