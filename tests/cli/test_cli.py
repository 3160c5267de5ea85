"""The command line: the same services as the window, checked like the window (foundation)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest

from database_support import ADMIN_PASSWORD
from estate_desk import __version__
from estate_desk.cli.__main__ import main
from estate_desk.store.migrations import head_revision

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL


def _url(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _help(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, *args: str) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)
    with pytest.raises(SystemExit) as shown:
        main([*args, "--help"])
    assert shown.value.code == 0
    return capsys.readouterr().out


def test_help_follows_the_locale_like_the_messages(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    zh = _help(capsys, monkeypatch, "zh_CN.UTF-8")
    assert zh.startswith("用法：estate-desk") and "显示本帮助并退出" in zh
    assert "检查字体、翻译、数据库和文件夹" in zh and "usage" not in zh and "check fonts" not in zh
    en = _help(capsys, monkeypatch, "en_US.UTF-8")
    assert en.startswith("usage: estate-desk") and "show this help message and exit" in en
    assert "check fonts, translations, database and folders" in en and "检查字体" not in en
    zh_print = _help(capsys, monkeypatch, "zh_CN.UTF-8", "print")
    assert zh_print.count("档案盒标签") == 1  # once, not "档案盒标签 (档案盒标签)"
    en_print = _help(capsys, monkeypatch, "en_US.UTF-8", "print")
    assert "Box labels (档案盒标签)" in en_print
    zh_desk = _help(capsys, monkeypatch, "zh_CN.UTF-8", "desk", "board")
    assert "登录用户（密码取自 ESTATE_DESK_PASSWORD 或标准输入）" in zh_desk


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_db_upgrade_and_current(empty_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, monkeypatch, "db", "current", "--database", _url(empty_url))
    assert code == 1 and "empty" in out
    code, out, _ = run(capsys, monkeypatch, "db", "upgrade", "--database", _url(empty_url))
    assert code == 0 and f"Upgraded empty → {head_revision()}" in out
    code, out, _ = run(capsys, monkeypatch, "db", "current", "--database", _url(empty_url))
    assert code == 0 and "current" in out
    code, out, _ = run(capsys, monkeypatch, "db", "upgrade", "--database", _url(empty_url))
    assert code == 0 and "Already at" in out


def test_setup_user_add_and_list(database_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = _url(database_url)
    code, out, err = run(
        capsys,
        monkeypatch,
        "setup",
        "--office",
        "翠湖苑物业服务中心",
        "--fonds",
        "Z001",
        "--admin",
        "admin",
        "--database",
        db,
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert code == 0, err
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
    code, out, err = run(
        capsys,
        monkeypatch,
        "user",
        "add",
        "wangfang",
        "--role",
        "前台接待",
        "--display-name",
        "王芳",
        "--password-stdin",
        "--user",
        "admin",
        "--database",
        db,
        stdin="desk-pass-1\n",
    )
    assert code == 0, err
    assert "wangfang" in out
    code, out, err = run(capsys, monkeypatch, "user", "list", "--user", "admin", "--database", db)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["admin", "wangfang"]
    assert "Receptionist" in lines[1] and "Internal" in lines[1]


def test_user_jobs_are_checked_like_the_window(database_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = _url(database_url)
    run(
        capsys,
        monkeypatch,
        "setup",
        "--office",
        "x",
        "--fonds",
        "Z1",
        "--admin",
        "admin",
        "--database",
        db,
        stdin=ADMIN_PASSWORD + "\n",
    )
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "not-the-password")
    code, _, err = run(capsys, monkeypatch, "user", "list", "--user", "admin", "--database", db)
    assert code == 1 and "Wrong user name or password" in err
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(capsys, monkeypatch, "user", "list", "--user", "admin", "--database", db)
    assert code == 1 and "用户名或密码错误" in err
    code, _, err = run(capsys, monkeypatch, "user", "list", "--database", db)
    assert code == 1 and "--user" in err


def test_unknown_role_is_explained(database_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        capsys,
        monkeypatch,
        "user",
        "add",
        "x",
        "--role",
        "janitor",
        "--user",
        "admin",
        "--database",
        _url(database_url),
    )
    assert code == 1 and "Unknown role: janitor" in err and "Traceback" not in err


def test_demo_fills_a_database_and_prints_logins(empty_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, monkeypatch, "demo", "--database", _url(empty_url))
    assert code == 0, err
    assert "236 households" in out and "clerk / demo-2024" in out
    code, _, err = run(capsys, monkeypatch, "demo", "--database", _url(empty_url))
    assert code == 1 and "already set up" in err  # never fills twice


def test_check_reports_and_passes(database_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, monkeypatch, "check", "--database", _url(database_url))
    assert "Qt platform: offscreen" in out
    assert "NotoSansSC" in out or "Noto Sans SC" in out
    assert "current" in out
    assert code == 0, out


def test_check_fails_on_a_corrupt_database(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 50)
    code, out, _ = run(capsys, monkeypatch, "check", "--database", f"sqlite:///{bad}")
    assert code == 1 and "not a SQLite database" in out
    assert bad.read_bytes() == b"garbage" * 50


def test_database_problem_is_one_clear_line_without_traceback(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 50)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(capsys, monkeypatch, "db", "upgrade", "--database", f"sqlite:///{bad}")
    assert code == 1 and "不是 SQLite 数据库" in err and "Traceback" not in err


def test_the_account_jobs_of_the_window_are_commands_too(ready_db, database_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """管理 → 用户's actions, through the same services: disable, enable, reset, clearance, passwd, home."""
    db = _url(database_url)

    def as_admin(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
        return run(capsys, monkeypatch, "user", *args, "--user", "admin", "--database", db, stdin=stdin)

    code, _, err = as_admin("add", "li", "--role", "archive_clerk", "--password-stdin", stdin="li-pass-1\n")
    assert code == 0, err
    code, out, err = as_admin("clearance", "li", "内部")
    assert code == 0 and "Internal" in out, err
    code, _, err = as_admin("clearance", "admin", "公开")
    assert code == 1 and "your own clearance" in err  # A6: never one's own
    code, _, err = as_admin("reset-password", "li", "--password-stdin", stdin="li-pass-2\n")
    assert code == 0, err
    code, _, err = as_admin("disable", "li")
    assert code == 0, err
    code, out, _ = as_admin("list")
    assert "disabled" in next(line for line in out.splitlines() if line.startswith("li\t"))
    code, _, err = as_admin("enable", "li", "--password-stdin", stdin="li-pass-3\n")
    assert code == 0, err
    code, out, err = as_admin("home", "archive")
    assert code == 0 and "Archive" in out, err

    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "li-pass-3")  # li is back, with the new password
    code, out, err = run(
        capsys, monkeypatch, "user", "passwd", "--password-stdin", "--user", "li", "--database", db, stdin="li-pass-4\n"
    )
    assert code == 0 and "changed" in out, err
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "li-pass-4")
    code, _, err = run(capsys, monkeypatch, "user", "home", "today", "--user", "li", "--database", db)
    assert code == 1 and "may not" in err  # the office's choice, not the clerk's
    code, out, err = run(capsys, monkeypatch, "user", "home", "--database", db)
    assert code == 0 and out.strip() == "Archive", err
