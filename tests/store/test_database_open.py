"""Opening a database that is wrong in some way: one clear message, and nothing written (foundation)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from estate_desk.domain.errors import DatabaseProblem
from estate_desk.store.database import open_database, resolve_url

PG_URL = os.environ.get("ESTATE_DESK_TEST_DATABASE_URL")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def test_corrupt_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(_sqlite_url(path))
    assert "不是 SQLite 数据库" in info.value.message("zh")
    assert "not a SQLite database" in info.value.message("en")
    assert str(path) in info.value.message("zh")
    assert _snapshot(tmp_path) == before


def test_truncated_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 200)
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00\xff" * 2000)  # header kept, pages destroyed
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseProblem):
        open_database(_sqlite_url(path))
    assert _snapshot(tmp_path) == before


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    open_database(_sqlite_url(path)).dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # fold the WAL in so the snapshot is the whole database
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(_sqlite_url(path))
    assert "更新版本" in info.value.message("zh") and "9999_from_the_future" in info.value.message("zh")
    assert "newer" in info.value.message("en")
    assert _snapshot(tmp_path) == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(_sqlite_url(path))
    assert "不是 Estate Desk" in info.value.message("zh")
    assert _snapshot(tmp_path) == before


def test_read_only_data_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    real_access = os.access
    # Root ignores file modes, so the folder is made read-only in the way the program asks about it.
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode))
    with pytest.raises(DatabaseProblem) as info:
        open_database(_sqlite_url(folder / "archive.sqlite3"))
    assert "只读" in info.value.message("zh") and str(folder) in info.value.message("zh")
    assert "read-only" in info.value.message("en")
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_read_only_data_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseProblem):
            open_database(_sqlite_url(folder / "archive.sqlite3"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_unreachable_postgresql_server() -> None:
    url = resolve_url("postgresql+psycopg://estate:secret@127.0.0.1:9/estate")  # nothing listens on port 9
    with pytest.raises(DatabaseProblem) as info:
        open_database(url)
    message = info.value.message("zh")
    assert "无法连接数据库服务器 127.0.0.1:9" in message
    assert "secret" not in message  # the password is masked


@pytest.mark.skipif(not PG_URL, reason="needs the PostgreSQL server that .ci/run starts")
def test_wrong_postgresql_password() -> None:
    # .ci/run creates the role estate_pw with a password and requires it (scram) for that role.
    assert PG_URL
    url = make_url(PG_URL).set(username="estate_pw", password="wrong", database="postgres")
    with pytest.raises(DatabaseProblem) as info:
        open_database(url)
    assert "用户名或密码错误" in info.value.message("zh")
    assert "wrong user name or password" in info.value.message("en")


def test_malformed_url() -> None:
    with pytest.raises(DatabaseProblem) as info:
        resolve_url("not a url at all")
    assert "格式不正确" in info.value.message("zh")


def test_unsupported_database() -> None:
    with pytest.raises(DatabaseProblem) as info:
        resolve_url("mysql://x@y/z")
    assert "不支持" in info.value.message("zh")


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = open_database(_sqlite_url(tmp_path / "a.sqlite3"))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    db.dispose()


def test_copy_aside_is_a_consistent_copy_and_leaves_the_original(tmp_path: Path) -> None:
    from estate_desk.store.database import copy_sqlite_aside

    path = tmp_path / "archive.sqlite3"
    db = open_database(_sqlite_url(path))
    with db.engine.begin() as conn:  # a row still in the WAL, not yet in the main file
        conn.execute(text("INSERT INTO archive_counters (series, last_item) VALUES ('s', 7)"))
    copy = copy_sqlite_aside(path, "0001")
    db.dispose()
    assert copy.parent == tmp_path and "before-upgrade-0001" in copy.name
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT last_item FROM archive_counters WHERE series='s'").fetchone() == (7,)
    conn.close()


def test_an_older_archive_is_copied_aside_then_upgraded_with_its_rows(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from estate_desk.store.migrations import head_revision, upgrade_engine

    path = tmp_path / "archive.sqlite3"
    engine = create_engine(_sqlite_url(path))
    upgrade_engine(engine, "0001")  # what the first release wrote
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO archive_counters (series, last_item) VALUES ('s', 7)"))
    engine.dispose()

    db = open_database(_sqlite_url(path))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert conn.execute(text("SELECT last_item FROM archive_counters")).scalar() == 7
    db.dispose()
    copies = [p for p in tmp_path.iterdir() if "before-upgrade-0001" in p.name]
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    old.close()
