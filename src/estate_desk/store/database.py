"""Opening a database: resolve the URL, check it read-only, copy aside, migrate, then connect.

Nothing is written before the checks pass: a corrupt file, a database from a newer
version, an unreachable server or a read-only folder is refused with a
:class:`DatabaseProblem` that names the problem and the place.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from estate_desk import paths, workstation
from estate_desk.domain.errors import DatabaseProblem, EditConflict
from estate_desk.store import change_feed, migrations
from estate_desk.store import disposal as _no_deletes  # noqa: F401  (registers the guard: records are never deleted)
from estate_desk.store.backends import is_sqlite, sqlite_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

log = logging.getLogger(__name__)

DATABASE_URL_ENV = "ESTATE_DESK_DATABASE_URL"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class RevisionStatus(Enum):
    EMPTY = "empty"  # no tables at all: a new archive
    CURRENT = "current"
    BEHIND = "behind"  # an older Estate Desk wrote it: upgrade
    NEWER = "newer"  # a newer Estate Desk wrote it: refuse
    FOREIGN = "foreign"  # tables, but not ours: refuse


@dataclass(frozen=True)
class RevisionState:
    status: RevisionStatus
    current: str | None
    head: str


def resolve_url(explicit: str | None = None) -> URL:
    """``--database`` beats ``ESTATE_DESK_DATABASE_URL`` beats this workstation's setting
    (``workstation.json``) beats SQLite in the data folder."""
    raw = explicit or os.environ.get(DATABASE_URL_ENV) or workstation.database_url()
    if not raw:
        return URL.create("sqlite+pysqlite", database=str(paths.default_sqlite_path()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseProblem(
            zh=f"数据库地址格式不正确：{raw}",
            en=f"The database URL is malformed: {raw}",
        ) from exc
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("", "psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseProblem(
            zh=f"不支持的数据库类型：{url.get_backend_name()}（仅支持 SQLite 与 PostgreSQL）",
            en=f"Unsupported database: {url.get_backend_name()} (SQLite and PostgreSQL only)",
        )
    return url


def mask_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


# --------------------------------------------------------------------------- checks


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not SQLite, or a folder we cannot write, before touching anything."""
    where = str(path)
    if path.exists():
        if path.is_dir():
            raise DatabaseProblem(zh="数据库路径是一个文件夹。", en="The database path is a folder.", where=where)
        try:
            with path.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise DatabaseProblem(
                zh=f"无法读取数据库文件：{exc.strerror}",
                en=f"Cannot read the database file: {exc.strerror}",
                where=where,
            ) from exc
        if header and header != SQLITE_HEADER:
            raise DatabaseProblem(
                zh="该文件不是 SQLite 数据库（可能已损坏或选错了文件），未做任何改动。",
                en="This file is not a SQLite database (corrupt, or the wrong file); nothing was changed.",
                where=where,
            )
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseProblem(
                zh="数据库文件或其所在文件夹是只读的，无法保存。",
                en="The database file or its folder is read-only; nothing can be saved.",
                where=where,
            )
        return
    folder = path.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK):
        raise DatabaseProblem(
            zh="数据文件夹是只读的，无法创建数据库。",
            en="The data folder is read-only; the database cannot be created.",
            where=str(folder),
        )


def _connect_error(url: URL, exc: BaseException) -> DatabaseProblem:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    where = mask_url(url)
    low = detail.lower()
    if "password authentication failed" in low or "authentication failed" in low:
        return DatabaseProblem(
            zh="数据库拒绝登录：用户名或密码错误。",
            en="The database refused the login: wrong user name or password.",
            where=where,
        )
    if "does not exist" in low and "database" in low:
        return DatabaseProblem(
            zh=f"服务器上没有这个数据库：{url.database}",
            en=f"The server has no database named {url.database}.",
            where=where,
        )
    if "file is not a database" in low or "malformed" in low:
        return DatabaseProblem(
            zh="数据库文件已损坏，未做任何改动。",
            en="The database file is corrupt; nothing was changed.",
            where=where,
        )
    if url.get_backend_name() == "postgresql":
        return DatabaseProblem(
            zh=f"无法连接数据库服务器 {url.host or 'localhost'}:{url.port or 5432}（{detail}）。请检查网络和服务器。",
            en=f"Cannot reach the database server {url.host or 'localhost'}:{url.port or 5432} ({detail}). "
            "Check the network and the server.",
            where=where,
        )
    return DatabaseProblem(zh=f"无法打开数据库（{detail}）。", en=f"Cannot open the database ({detail}).", where=where)


def _read_revision_sqlite(path: Path) -> tuple[bool, str | None]:
    """(has_tables, alembic revision) read through a read-only connection."""
    if not path.exists() or path.stat().st_size == 0:
        return False, None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in names:
            return bool(names), None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return bool(names - {"alembic_version"}), row[0] if row else None
    finally:
        conn.close()


def _read_revision_engine(engine: Engine) -> tuple[bool, str | None]:
    with engine.connect() as conn:
        insp = inspect(conn)
        names = set(insp.get_table_names())
        if "alembic_version" not in names:
            return bool(names), None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return bool(names - {"alembic_version"}), row[0] if row else None


def _state(has_tables: bool, current: str | None) -> RevisionState:
    head = migrations.head_revision()
    if current is None:
        status = RevisionStatus.FOREIGN if has_tables else RevisionStatus.EMPTY
    elif current == head and has_tables:
        status = RevisionStatus.CURRENT
    elif migrations.is_known_revision(current):
        status = RevisionStatus.BEHIND
    else:
        status = RevisionStatus.NEWER
    return RevisionState(status, current, head)


def revision_state(url: URL) -> RevisionState:
    """Where the database stands against this version's migrations; writes nothing."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is None:
            return _state(False, None)
        _check_sqlite_file(path)
        try:
            return _state(*_read_revision_sqlite(path))
        except sqlite3.DatabaseError as exc:
            raise _connect_error(url, exc) from exc
    engine = _make_engine(url)
    try:
        return _state(*_read_revision_engine(engine))
    except SQLAlchemyError as exc:
        raise _connect_error(url, exc) from exc
    finally:
        engine.dispose()


def _refuse(url: URL, state: RevisionState) -> None:
    where = mask_url(url)
    if state.status is RevisionStatus.NEWER:
        raise DatabaseProblem(
            zh=f"该数据库由更新版本的 Estate Desk 创建（版本 {state.current}），本程序不能打开，也未做任何改动。请升级软件。",
            en=f"This database was written by a newer Estate Desk (revision {state.current}); "
            "it was not opened or changed. Please upgrade the application.",
            where=where,
        )
    if state.status is RevisionStatus.FOREIGN:
        raise DatabaseProblem(
            zh="该数据库已有其他程序的数据表，不是 Estate Desk 的档案库，未做任何改动。",
            en="This database holds another program's tables, not an Estate Desk archive; nothing was changed.",
            where=where,
        )


# --------------------------------------------------------------------------- engines


def _make_engine(url: URL) -> Engine:
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            if sqlite_path(url) is not None:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def copy_sqlite_aside(path: Path, revision: str | None, now: datetime | None = None) -> Path:
    """A consistent copy of a SQLite archive next to it, before a migration changes it."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision or 'none'}-{stamp}{path.suffix}")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("copied %s aside to %s before upgrading", path, target)
    return target


def _is_locked(exc: OperationalError) -> bool:
    text_ = str(exc.orig).lower()
    return "database is locked" in text_ or "database table is locked" in text_


def _locked(url: URL) -> DatabaseProblem:
    return DatabaseProblem(
        zh=f"数据库文件被其他程序占用（已锁定），等待 {BUSY_TIMEOUT_MS // 1000} 秒后仍无法写入，本次操作未保存。"
        "请关闭正在使用它的程序（如数据库查看工具、备份软件）后重试。",
        en=f"The database file is locked by another program and could not be written within "
        f"{BUSY_TIMEOUT_MS // 1000} s; this change was not saved. Close the program using it (a database viewer, "
        "backup software) and try again.",
        where=mask_url(url),
    )


@dataclass
class Database:
    """An open, migrated archive database."""

    url: URL
    engine: Engine

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        change_feed.install(self._sessions, self.url)  # other workstations hear of every commit

    @property
    def masked_url(self) -> str:
        return mask_url(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:  # a row saved meanwhile at another workstation (LAN mode)
            session.rollback()
            raise EditConflict(
                zh="该记录刚被其他工作站修改，您的操作未保存。请刷新后重试。",
                en="This record was just changed at another workstation; nothing was saved. Refresh and try again.",
            ) from exc
        except OperationalError as exc:
            session.rollback()
            if _is_locked(exc):
                raise _locked(self.url) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def upgrade(url: URL) -> tuple[RevisionState, Path | None]:
    """Bring the database to the current revision. Returns the state before and any copy made."""
    state = revision_state(url)
    _refuse(url, state)
    copy: Path | None = None
    if state.status is RevisionStatus.CURRENT:
        return state, None
    path = sqlite_path(url) if is_sqlite(url) else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if state.status is RevisionStatus.BEHIND:
            copy = copy_sqlite_aside(path, state.current)
    engine = _make_engine(url)
    try:
        migrations.upgrade_engine(engine)
    except SQLAlchemyError as exc:
        raise _connect_error(url, exc) from exc
    finally:
        engine.dispose()
    return state, copy


def open_database(url: URL | str | None = None, *, migrate: bool = True) -> Database:
    """Open (and by default migrate) the archive at ``url``; see the module docstring."""
    resolved = url if isinstance(url, URL) else resolve_url(url)
    if migrate:
        upgrade(resolved)
    else:
        state = revision_state(resolved)
        _refuse(resolved, state)
        if state.status is not RevisionStatus.CURRENT:
            raise DatabaseProblem(
                zh=f"数据库版本为 {state.current or '空'}，需要先升级到 {state.head}（estate-desk db upgrade）。",
                en=f"The database is at revision {state.current or 'empty'}; upgrade it to {state.head} first "
                "(estate-desk db upgrade).",
                where=mask_url(resolved),
            )
    engine = _make_engine(resolved)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        raise _connect_error(resolved, exc) from exc
    return Database(resolved, engine)
