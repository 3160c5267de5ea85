"""Which kind of database a URL names (数据库类型): SQLite, in a file or in memory, or PostgreSQL.

The two questions both opening a database (``store/database.py``) and the change feed
(``store/change_feed.py``: LISTEN on PostgreSQL, ``PRAGMA data_version`` on a SQLite file) ask of
a URL, kept below both so that neither has to import the other for them (A12).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
