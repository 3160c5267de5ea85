"""How the window names the database it works on: never a raw URL (issue 20)."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from estate_desk.store.backends import describe


def test_a_sqlite_file_is_this_computers_database_in_either_language() -> None:
    url = make_url("sqlite:////home/clerk/.local/share/estate-desk/estate.sqlite3")
    assert describe(url) == "本机数据库"
    assert describe(url, "en") == "This computer's database"
    assert describe(make_url("sqlite://"), "zh_CN") == "本机数据库"  # in memory, too


def test_a_server_is_named_by_its_host_and_database_without_user_or_password() -> None:
    url = make_url("postgresql+psycopg://desk:s3cret@archive-server:5433/estate")
    assert describe(url) == "服务器 archive-server:5433 上的 estate 数据库"
    assert describe(url, "en") == "Database estate on server archive-server:5433"
    plain = make_url("postgresql+psycopg://desk@192.168.1.20/cuihu")
    assert describe(plain, "en") == "Database cuihu on server 192.168.1.20"
    for shown in (describe(url), describe(url, "en")):
        assert "s3cret" not in shown and "desk" not in shown and "postgresql" not in shown
