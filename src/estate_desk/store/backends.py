"""Which kind of database a URL names (数据库类型): SQLite, in a file or in memory, or PostgreSQL.

:func:`describe` names it for people (the window's status bar): 本机数据库, or the server's name —
never the URL. The two questions both opening a database (``store/database.py``) and the change feed
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


def describe(url: URL, lang: str = "zh") -> str:
    """The database as a user reads it: "本机数据库" / "This computer's database" for SQLite, and for a
    server "服务器 db-host 上的 estate 数据库" / "Database estate on server db-host" — never a raw URL
    (no ``sqlite:////…`` path, no user name or password)."""
    zh = lang.startswith("zh")
    if is_sqlite(url):
        return "本机数据库" if zh else "This computer's database"
    host = url.host or "localhost"
    if url.port:
        host = f"{host}:{url.port}"
    name = url.database or ""
    if zh:
        return f"服务器 {host} 上的 {name} 数据库" if name else f"服务器 {host} 上的数据库"
    return f"Database {name} on server {host}" if name else f"Database on server {host}"
